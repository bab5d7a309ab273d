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
    let Some(first) = bytes.iter().position(|&b| b == b'&' || b == b'\r') else {
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
                let run = bytes[i..]
                    .iter()
                    .position(|&b| b == b'&' || b == b'\r')
                    .map_or(bytes.len(), |p| i + p);
                out.push_str(&raw[i..run]);
                i = run;
            }
        }
    }
    Ok(Cow::Owned(out))
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

fn escape(text: &str, out: &mut Vec<u8>, attr: bool) -> Result<(), char> {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let rep: &[u8] = match c {
            '&' => b"&amp;",
            '<' => b"&lt;",
            '>' => b"&gt;",
            '\r' => b"&#13;",
            '"' if attr => b"&quot;",
            '\n' if attr => b"&#10;",
            '\t' if attr => b"&#9;",
            c if !is_xml_char(c) => return Err(c),
            _ => continue,
        };
        out.extend_from_slice(&text.as_bytes()[start..i]);
        out.extend_from_slice(rep);
        start = i + c.len_utf8();
    }
    out.extend_from_slice(&text.as_bytes()[start..]);
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
