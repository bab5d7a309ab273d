//! XML 1.0 character references and escaping (XML 1.0 §2.2 `Char`, §2.4,
//! §2.11 end-of-line handling, §4.1 character references, §4.6 predefined
//! entities).
//!
//! Only the five predefined entities and numeric character references are
//! expanded. Any other entity reference is refused: CSP has no DTD entities,
//! and expanding them is how "billion laughs" documents attack parsers.

use std::borrow::Cow;

/// Why a piece of raw XML text could not be unescaped; `at` is the byte
/// offset inside the piece.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UnescapeError {
    /// `&name;` with a name other than the predefined five.
    Entity { at: usize, name: String },
    /// `&` not followed by a reference, or a bad character reference.
    Syntax { at: usize, what: &'static str },
}

/// Is `c` allowed in an XML 1.0 document (the `Char` production)?
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Unescapes raw character data: expands references and normalises line ends
/// (`\r\n` and lone `\r` become `\n`). Borrows when nothing changes.
pub(crate) fn unescape(raw: &str) -> Result<Cow<'_, str>, UnescapeError> {
    let bytes = raw.as_bytes();
    let Some(first) = find_reference_or_cr(bytes) else {
        return Ok(Cow::Borrowed(raw));
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut i = first;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                out.push('\n');
                i += 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'&' => {
                let rest = &raw[i + 1..];
                let Some(end) = rest.bytes().take(40).position(|b| b == b';') else {
                    return Err(UnescapeError::Syntax {
                        at: i,
                        what: "'&' not followed by a reference (write &amp;)",
                    });
                };
                let name = &rest[..end];
                let c = reference(name).map_err(|e| match e {
                    RefError::Entity => UnescapeError::Entity {
                        at: i,
                        name: name.to_string(),
                    },
                    RefError::Bad(what) => UnescapeError::Syntax { at: i, what },
                })?;
                out.push(c);
                i += end + 2;
            }
            _ => {
                // Copy the run up to the next special byte (a char boundary,
                // since both specials are ASCII).
                let run = find_reference_or_cr(&bytes[i..]).map_or(bytes.len(), |p| i + p);
                out.push_str(&raw[i..run]);
                i = run;
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// The first `&` or `\r` of `bytes`: eight bytes at a time in a register
/// (no call: most CSP text is short), `memchr2` for long text.
#[inline(always)]
fn find_reference_or_cr(bytes: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    if bytes.len() > 64 {
        return memchr::memchr2(b'&', b'\r', bytes);
    }
    let zeros = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // The lowest flagged byte is exact (borrows only run upwards).
        let hits = zeros(x ^ (u64::from(b'&') * LO)) | zeros(x ^ (u64::from(b'\r') * LO));
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'&' || b == b'\r')
        .map(|p| at + p)
}

enum RefError {
    Entity,
    Bad(&'static str),
}

fn reference(name: &str) -> Result<char, RefError> {
    match name {
        "lt" => return Ok('<'),
        "gt" => return Ok('>'),
        "amp" => return Ok('&'),
        "quot" => return Ok('"'),
        "apos" => return Ok('\''),
        _ => {}
    }
    let Some(num) = name.strip_prefix('#') else {
        let valid_name = name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':');
        return Err(if valid_name {
            RefError::Entity
        } else {
            RefError::Bad("malformed entity reference")
        });
    };
    let (digits, radix) = match num.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (num, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(RefError::Bad("malformed character reference"));
    }
    u32::from_str_radix(digits, radix)
        .ok()
        .and_then(char::from_u32)
        .filter(|&c| is_xml_char(c))
        .ok_or(RefError::Bad(
            "character reference to a character XML does not allow",
        ))
}

/// Normalises line ends (`\r\n` and lone `\r` become `\n`) in text that has
/// no references (CDATA sections).
pub(crate) fn normalize_newlines(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

/// XML white space (`S`: space, tab, CR, LF).
pub(crate) fn is_xml_whitespace(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Is `name` an XML `Name` (approximated: a letter, `_` or `:` first, then
/// letters, digits, `-`, `.`, `_`, `:`; any non-ASCII character counts as a
/// letter)?
pub(crate) fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let start = |c: char| c.is_ascii_alphabetic() || c == '_' || c == ':' || !c.is_ascii();
    start(first) && chars.all(|c| start(c) || c.is_ascii_digit() || c == '-' || c == '.')
}

/// Escapes character data: `&`, `<`, `>` and `\r` (which a parser would
/// otherwise normalise to `\n`). `Err(c)` for a character XML 1.0 cannot
/// carry at all.
pub(crate) fn escape_text(text: &str, out: &mut Vec<u8>) -> Result<(), char> {
    escape(text, out, false)
}

/// Escapes an attribute value written between double quotes: as text, plus
/// `"`, and tab/newline (which attribute-value normalisation would turn
/// into spaces).
pub(crate) fn escape_attr(text: &str, out: &mut Vec<u8>) -> Result<(), char> {
    escape(text, out, true)
}

/// What [`escape`] does with a byte (the same for every UTF-8 byte of
/// characters above U+007F, except the lead byte 0xEF of U+FFFE / U+FFFF).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Copied as is.
    Plain,
    /// Replaced by a reference (text or attribute mode).
    Escape,
    /// Replaced in attribute values only (`"`, tab, newline).
    AttrEscape,
    /// A character XML cannot carry (C0 controls but tab, newline, CR).
    Invalid,
    /// 0xEF: starts U+E000–U+FFFF, of which U+FFFE and U+FFFF are invalid.
    Check,
}

/// [`Class`] of every byte value.
const CLASSES: [Class; 256] = {
    let mut t = [Class::Plain; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = Class::Invalid;
        b += 1;
    }
    t[b'\t' as usize] = Class::AttrEscape;
    t[b'\n' as usize] = Class::AttrEscape;
    t[b'"' as usize] = Class::AttrEscape;
    t[b'\r' as usize] = Class::Escape;
    t[b'&' as usize] = Class::Escape;
    t[b'<' as usize] = Class::Escape;
    t[b'>' as usize] = Class::Escape;
    t[0xEF] = Class::Check;
    t
};

/// Whether the 8 bytes of `x` may hold a byte that is not [`Class::Plain`].
/// Exact when it says no; a yes may be a tab, newline or `"` of text, which
/// the byte loop then copies.
#[inline(always)]
fn may_need_escape(x: u64) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Some byte of `v` is zero.
    let has_zero = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    // Some byte is below 0x20 (C0 controls, tab, newline, CR).
    let has_control = x.wrapping_sub(0x20 * LO) & !x & HI != 0;
    // `<` (0x3C) and `>` (0x3E) are the only bytes that give 0x3E with bit
    // 1 set; `"` (0x22) and `&` (0x26) the only ones that give 0x26 with bit
    // 2 set (a `"` of text is then a false yes).
    has_control
        || has_zero((x | (0x02 * LO)) ^ (u64::from(b'>') * LO))
        || has_zero((x | (0x04 * LO)) ^ (u64::from(b'&') * LO))
        || has_zero(x ^ (0xEF * LO))
}

/// Whether no byte of `bytes` needs escaping (most text): a word at a time,
/// the last partial word padded with a plain byte.
#[inline(always)]
fn is_plain(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        if may_need_escape(u64::from_le_bytes(chunk.try_into().unwrap_or_default())) {
            return false;
        }
    }
    let mut last = [b'a'; 8];
    for (to, from) in last.iter_mut().zip(chunks.remainder()) {
        *to = *from;
    }
    !may_need_escape(u64::from_le_bytes(last))
}

/// Scans bytes, not characters: eight at a time in a register while none
/// can need escaping (most text), then one table lookup per byte; runs of
/// plain bytes are copied in one piece.
fn escape(text: &str, out: &mut Vec<u8>, attr: bool) -> Result<(), char> {
    let bytes = text.as_bytes();
    if is_plain(bytes) {
        out.extend_from_slice(bytes);
        return Ok(());
    }
    out.reserve(bytes.len());
    let mut start = 0;
    let mut i = 0;
    // Where the byte loop hands back to the word scan.
    let mut scalar_until = 0;
    loop {
        if i >= scalar_until {
            while let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                if may_need_escape(word) {
                    break;
                }
                i += 8;
            }
            scalar_until = i + 8;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let rep: &[u8] = match CLASSES[usize::from(b)] {
            Class::Plain => {
                i += 1;
                continue;
            }
            Class::AttrEscape if !attr => {
                i += 1;
                continue;
            }
            Class::Check => {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if let [0xBF, last @ (0xBE | 0xBF), ..] = bytes.get(i + 1..).unwrap_or_default() {
                    return Err(if *last == 0xBE {
                        '\u{FFFE}'
                    } else {
                        '\u{FFFF}'
                    });
                }
                i += 1;
                continue;
            }
            Class::Invalid => return Err(char::from(b)),
            Class::Escape | Class::AttrEscape => match b {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'\r' => b"&#13;",
                b'"' => b"&quot;",
                b'\n' => b"&#10;",
                _ => b"&#9;",
            },
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        out.extend_from_slice(rep);
        i += 1;
        start = i;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_plain_text() {
        assert!(matches!(
            unescape("plain text é"),
            Ok(Cow::Borrowed("plain text é"))
        ));
    }

    #[test]
    fn expands_predefined_and_numeric_references() {
        assert_eq!(
            unescape("a&lt;b&gt;c&amp;d&quot;e&apos;f&#160;g&#xA0;h&#x10FFFF;").unwrap(),
            "a<b>c&d\"e'f\u{a0}g\u{a0}h\u{10FFFF}"
        );
        assert_eq!(unescape("x\r\ny\rz&#13;").unwrap(), "x\ny\nz\r");
    }

    #[test]
    fn refuses_other_entities_and_bad_references() {
        assert_eq!(
            unescape("ab&lol;").unwrap_err(),
            UnescapeError::Entity {
                at: 2,
                name: "lol".into()
            }
        );
        for bad in [
            "&",
            "a & b",
            "&#;",
            "&#x;",
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&#12a;",
            "&;",
            "&#99999999999;",
        ] {
            assert!(
                matches!(unescape(bad), Err(UnescapeError::Syntax { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn names_and_whitespace() {
        for ok in [
            "WV-CSP-Message",
            "_wbxml-01-3F",
            "xsi:type",
            "Inf_link",
            "é",
            "a.b",
        ] {
            assert!(is_xml_name(ok), "{ok}");
        }
        for bad in ["", "1a", "-a", "a b", "a&b", "a\"", "a<", "a/b", "a=b"] {
            assert!(!is_xml_name(bad), "{bad}");
        }
        assert!(is_xml_whitespace(" \t\r\n"));
        assert!(is_xml_whitespace(""));
        assert!(!is_xml_whitespace(" \u{a0}"));
        assert_eq!(normalize_newlines("a\r\nb\rc"), "a\nb\nc");
    }

    /// The definition [`escape`] implements, one character at a time.
    fn escape_by_chars(text: &str, attr: bool) -> Result<String, char> {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\r' => out.push_str("&#13;"),
                '"' if attr => out.push_str("&quot;"),
                '\n' if attr => out.push_str("&#10;"),
                '\t' if attr => out.push_str("&#9;"),
                c if !is_xml_char(c) => return Err(c),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    proptest::proptest! {
        #[test]
        fn word_search_finds_the_first_reference_or_cr(
            text in "[a&\r\u{e9}\u{26}\u{d}\u{a6}\u{8d}]{0,80}",
        ) {
            let expected = text.bytes().position(|b| b == b'&' || b == b'\r');
            proptest::prop_assert_eq!(find_reference_or_cr(text.as_bytes()), expected);
        }

        #[test]
        fn byte_scan_agrees_with_the_character_definition(
            text in "(\\PC|[\u{0}-\u{20}&<>\"\u{FFFD}-\u{FFFF}\u{E000}\u{10000}])*",
            attr: bool,
        ) {
            let mut out = Vec::new();
            let got = escape(&text, &mut out, attr).map(|()| String::from_utf8(out).unwrap());
            proptest::prop_assert_eq!(got, escape_by_chars(&text, attr));
        }
    }

    #[test]
    fn table_names_need_no_check() {
        // The writer trusts table names (and `_wbxml-PP-TT`) without
        // `is_xml_name`.
        for tag in imps_tokens::Tag::ALL {
            assert!(is_xml_name(tag.name()), "{tag:?}");
        }
        let token = imps_event::Name::Token {
            page: 0xFF,
            token: 0x3F,
        };
        assert!(is_xml_name(&token.as_xml()));
    }

    #[test]
    fn escapes_what_must_be_escaped() {
        let mut out = Vec::new();
        escape_text("a<b>&\"'\r\n\té", &mut out).unwrap();
        assert_eq!(out, "a&lt;b&gt;&amp;\"'&#13;\n\té".as_bytes());
        out.clear();
        escape_attr("a<\"\n\t", &mut out).unwrap();
        assert_eq!(out, b"a&lt;&quot;&#10;&#9;");
        assert_eq!(escape_text("a\u{1}", &mut out), Err('\u{1}'));
        assert_eq!(escape_text("\u{FFFE}", &mut out), Err('\u{FFFE}'));
    }
}
