//! Leaf values: text, integers, dates, booleans and content data.
//!
//! Decoding accepts every form a reader may produce for a value (CSP WBXML
//! typed elements, WV-CSP XML text); encoding writes the typed event
//! (`Integer`, `DateTime`) so that a WBXML writer can use OPAQUE, and text for
//! the rest. Booleans are `T` / `F` (WV-CSP data types).

use std::borrow::Cow;

use imps_event::{DateTime, Error, Start};

use crate::codec::{Decoder, Encoder, FromEvents, LeafValue, ToEvents, Value};

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\r' | '\n'))
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

impl FromEvents for String {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        Ok(d.leaf()?.into_text()?.into_owned())
    }
}

impl ToEvents for String {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.text(self)
    }
}

/// Reads an integer leaf value.
pub fn integer_value(leaf: &LeafValue<'_>) -> Result<u32, Error> {
    match &leaf.value {
        Value::Integer(i) => Ok(*i),
        Value::Text(t) => parse_integer(t).ok_or_else(|| leaf.invalid("an integer")),
        Value::Opaque(bytes) if !bytes.is_empty() && bytes.len() <= 4 => {
            Ok(bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
        }
        _ => Err(leaf.invalid("an integer")),
    }
}

impl FromEvents for u32 {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let leaf = d.leaf()?;
        integer_value(&leaf)
    }
}

impl ToEvents for u32 {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.integer(*self)
    }
}

impl FromEvents for bool {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let leaf = d.leaf()?;
        match &leaf.value {
            Value::Text(t) => match trim(t) {
                "T" => Ok(true),
                "F" => Ok(false),
                _ => Err(leaf.invalid("T or F")),
            },
            _ => Err(leaf.invalid("T or F")),
        }
    }
}

impl ToEvents for bool {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.text(if *self { "T" } else { "F" })
    }
}

impl FromEvents for DateTime {
    fn from_events<'a>(_start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let leaf = d.leaf()?;
        match &leaf.value {
            Value::DateTime(dt) => Ok(*dt),
            Value::Text(t) => trim(t)
                .parse::<DateTime>()
                .map_err(|_| leaf.invalid("an ISO 8601 date-time")),
            _ => Err(leaf.invalid("an ISO 8601 date-time")),
        }
    }
}

impl ToEvents for DateTime {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.date_time(*self)
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
}
