//! Leaf values: text, integers, dates, booleans and content data.
//!
//! Decoding accepts every form a reader may produce for a value (CSP WBXML
//! typed elements, WV-CSP XML text); encoding writes the typed event
//! (`Integer`, `DateTime`) so that a WBXML writer can use OPAQUE, and text for
//! the rest. Booleans are `T` / `F` (WV-CSP data types).

use std::borrow::Cow;

use imps_event::{DateTime, Error, Start};

use crate::codec::{Decoder, Encoder, FromEvents, LeafValue, ToEvents, Value};

/// `s` without surrounding XML whitespace (space, tab, CR, LF), by bytes:
/// those are ASCII, so any other byte (or none) ends the trim, and values
/// without surrounding whitespace (nearly all) cost two comparisons.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let bytes = s.as_bytes();
    let start = bytes
        .iter()
        .position(|b| !is_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_space(b))
        .map_or(start, |i| i + 1);
    // Both ends are next to ASCII bytes or the ends of `s`: char boundaries.
    s.get(start..end).unwrap_or_default()
}

/// Parses a CSP integer: decimal, or `0x` hexadecimal as libwbxml's test
/// documents write some of them (`<SearchID>0x23829381</SearchID>`).
pub fn parse_integer(text: &str) -> Option<u32> {
    let t = trim(text);
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        return u32::from_str_radix(hex, 16).ok();
    }
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Text as the model keeps it: a string that holds up to 24 bytes inline
/// (no allocation; most ids, names and content types fit) and longer text
/// on the heap. Derefs to `str`; build one with `"…".into()` or
/// [`Text::new`], and compare it with `&str` and `String` directly.
///
/// ```
/// use imps_model::leaf::Text;
/// let id: Text = "wv:alice@example.com".into();
/// assert_eq!(id, "wv:alice@example.com");
/// assert!(!id.is_heap_allocated());
/// assert_eq!(id.len(), 20);
/// ```
pub type Text = compact_str::CompactString;

/// Text fields are written in place ([`Decoder::text_into`]). Built in a
/// temporary and moved through a `Result`, an inline `Text` was read back
/// right after its bytes were copied into it, and that reload stalled on
/// the just-written bytes (measured 3–4% of typed WBXML decode).
impl FromEvents for Text {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        d.text()
    }

    fn decode_into<'a>(
        slot: &mut Self,
        _start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        d.text_into(slot)
    }

    fn decode_some<'a>(
        slot: &mut Option<Self>,
        _start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        d.text_into(slot.insert(Text::const_new("")))
    }
}

impl ToEvents for Text {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.text(self)
    }
}

impl FromEvents for String {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        d.text().map(Text::into_string)
    }
}

impl ToEvents for String {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.text(self)
    }
}

/// Reads an integer leaf value.
pub fn integer_value(leaf: &LeafValue<'_>) -> Result<u32, Error> {
    integer_of(&leaf.value).map_err(|expected| leaf.invalid(expected))
}

/// An integer from any form a reader gives it in (`Err`: what was
/// expected).
pub(crate) fn integer_of(value: &Value<'_>) -> Result<u32, &'static str> {
    match value {
        Value::Integer(i) => Ok(*i),
        Value::Text(t) => parse_integer(t).ok_or("an integer"),
        Value::Opaque(bytes) if !bytes.is_empty() && bytes.len() <= 4 => {
            Ok(bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
        }
        _ => Err("an integer"),
    }
}

impl FromEvents for u32 {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        d.parse_integer_leaf(&start.name, Ok)
    }
}

impl ToEvents for u32 {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.integer(*self)
    }
}

impl FromEvents for bool {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        fn flag(t: &str) -> Result<bool, &'static str> {
            match trim(t) {
                "T" => Ok(true),
                "F" => Ok(false),
                _ => Err("T or F"),
            }
        }
        d.parse_text_leaf(&start.name, flag, |value| match value {
            Value::Text(t) => flag(t),
            _ => Err("T or F"),
        })
    }
}

impl ToEvents for bool {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.text(if *self { "T" } else { "F" })
    }
}

/// A `DateTime` / `DeliveryTime` value.
///
/// WV-CSP writes ISO 8601 basic format (`20010925T134013Z`); WBXML packs it
/// into 6 bytes, which can hold UTC, local time and military zone letters
/// but no numeric offset. Real documents also use numeric offsets
/// (`2001-09-25T13:40:13+01:00`, `…-0500`, `…+01`); those are checked and kept
/// as text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Timestamp {
    /// A date-time without numeric offset.
    DateTime(DateTime),
    /// A valid date-time with a numeric UTC offset, kept as written.
    Offset(String),
}

impl Timestamp {
    /// The date-time, if it has no numeric offset.
    pub fn date_time(&self) -> Option<DateTime> {
        match self {
            Timestamp::DateTime(dt) => Some(*dt),
            Timestamp::Offset(_) => None,
        }
    }
}

impl From<DateTime> for Timestamp {
    fn from(dt: DateTime) -> Self {
        Timestamp::DateTime(dt)
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Timestamp::DateTime(dt) => std::fmt::Display::fmt(dt, f),
            Timestamp::Offset(t) => f.write_str(t),
        }
    }
}

/// Why a text is not a [`Timestamp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimestampError(pub imps_event::DateTimeError);

impl std::fmt::Display for TimestampError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for TimestampError {}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;

    /// Accepts what [`DateTime`] accepts, and the same followed by a numeric
    /// offset `±h`, `±hh`, `±hhmm` or `±hh:mm` (hours up to 23).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = trim(text);
        match text.parse::<DateTime>() {
            Ok(dt) => return Ok(Timestamp::DateTime(dt)),
            Err(imps_event::DateTimeError::Syntax) => {}
            Err(e) => return Err(TimestampError(e)),
        }
        let syntax = TimestampError(imps_event::DateTimeError::Syntax);
        let sign = text.rfind(['+', '-']).ok_or(syntax)?;
        let (head, offset) = text.split_at(sign);
        if !head.contains('T') {
            return Err(syntax);
        }
        // `±h`, `±hh`, `±hhmm` or `±hh:mm`, read as bytes (no allocation).
        let digit = |b: &u8| b.is_ascii_digit();
        let two = |a: u8, b: u8| (a - b'0') * 10 + (b - b'0');
        let (h, m) = match offset.as_bytes()[1..] {
            [a] if digit(&a) => (a - b'0', 0),
            [a, b] if digit(&a) && digit(&b) => (two(a, b), 0),
            [a, b, c, e] | [a, b, b':', c, e] if [a, b, c, e].iter().all(digit) => {
                (two(a, b), two(c, e))
            }
            _ => return Err(syntax),
        };
        if h > 23 || m > 59 {
            return Err(TimestampError(imps_event::DateTimeError::Range("offset")));
        }
        head.parse::<DateTime>().map_err(TimestampError)?;
        Ok(Timestamp::Offset(text.to_owned()))
    }
}

impl FromEvents for Timestamp {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        d.parse_leaf(|value| match value {
            Value::DateTime(dt) => Ok(Timestamp::DateTime(*dt)),
            Value::Text(t) => t.parse::<Timestamp>().map_err(|_| "an ISO 8601 date-time"),
            _ => Err("an ISO 8601 date-time"),
        })
    }
}

impl ToEvents for Timestamp {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        match self {
            Timestamp::DateTime(dt) => e.date_time(*dt),
            Timestamp::Offset(t) => e.text(t),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// `ContentData`: message text, or binary data where WBXML carried OPAQUE.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ContentData {
    /// Text (also BASE64 text when `ContentEncoding` says so).
    Text(String),
    /// Binary data (WBXML OPAQUE).
    Binary(#[cfg_attr(feature = "serde", serde(with = "crate::serde_support::hex"))] Vec<u8>),
}

impl Default for ContentData {
    fn default() -> Self {
        ContentData::Text(String::new())
    }
}

impl ContentData {
    /// The data as text, if it is text.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            ContentData::Text(t) => Some(t),
            ContentData::Binary(_) => None,
        }
    }

    /// The data as bytes (text as UTF-8).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            ContentData::Text(t) => t.as_bytes(),
            ContentData::Binary(b) => b,
        }
    }
}

impl From<&str> for ContentData {
    fn from(s: &str) -> Self {
        ContentData::Text(s.to_owned())
    }
}

impl From<String> for ContentData {
    fn from(s: String) -> Self {
        ContentData::Text(s)
    }
}

impl FromEvents for ContentData {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let leaf = d.leaf()?;
        match leaf.value {
            Value::Opaque(bytes) => Ok(ContentData::Binary(bytes.into_owned())),
            _ => Ok(ContentData::Text(leaf.into_text()?.into_owned())),
        }
    }
}

impl ToEvents for ContentData {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        match self {
            ContentData::Text(t) => e.text(t),
            ContentData::Binary(b) => e.opaque(b),
        }
    }
}

/// Turns a leaf into owned text (helper for the value-set macro).
pub fn leaf_text(leaf: LeafValue<'_>) -> Result<Cow<'static, str>, Error> {
    leaf.into_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_in_every_spelling() {
        assert_eq!(parse_integer("120"), Some(120));
        assert_eq!(parse_integer(" 120\n"), Some(120));
        assert_eq!(parse_integer("0x23829381"), Some(595_760_001));
        assert_eq!(parse_integer("4294967295"), Some(u32::MAX));
        assert_eq!(parse_integer("4294967296"), None);
        assert_eq!(parse_integer("-1"), None);
        assert_eq!(parse_integer("+1"), None);
        assert_eq!(parse_integer(""), None);
        assert_eq!(parse_integer("0x"), None);
        assert_eq!(parse_integer("12a"), None);
    }

    #[test]
    fn timestamps_with_offsets_are_checked_and_kept() {
        for ok in [
            "2001-09-25T13:40:13+01:00",
            "2001-09-25T13:40:13+0100",
            "2001-09-25T13:40:13+01",
            "2001-09-25T13:40:13+1",
            "2001-09-25T13:40:13-05:00",
        ] {
            assert_eq!(
                ok.parse::<Timestamp>(),
                Ok(Timestamp::Offset(ok.into())),
                "{ok}"
            );
        }
        assert!(matches!(
            "20010925T1340".parse::<Timestamp>(),
            Ok(Timestamp::DateTime(_))
        ));
        for bad in [
            "2001-13-25T13:40:13+01:00",
            "2001-09-25T13:40:13+24",
            "2001-09-25T13:40:13+01:0",
            "2001-09-25T13:40:13+0160",
            "2001-09-25T13:40:13+1:00",
            "2001-09-25T13:40:13+01:000",
            "2001-09-25T13:40:13+123",
            "2001-09-25T13:40:13+0é0",
            "2001-09-25T13:40:13+",
            "2001-09-25+01",
            "20011325T134013Z",
            "",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    proptest::proptest! {
        /// The byte trim is `str::trim_matches` of the four XML
        /// whitespace characters.
        #[test]
        fn trim_is_trim_matches_of_xml_space(s in "[ \t\r\n]{0,3}[a-zé€ \t\u{a0}\u{2003}]{0,6}[ \t\r\n]{0,3}") {
            let expected = s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\r' | '\n'));
            proptest::prop_assert_eq!(trim(&s), expected);
        }
    }
}
