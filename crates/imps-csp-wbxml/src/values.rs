//! EXT_T_0 value tokens (OMA IMPS CSP WBXML definition, "Attribute value
//! tokens" / value table): `EXT_T_0` followed by an `mb_u_int32` index into
//! the version's value table, *not* a string-table offset.
//!
//! # Unknown indexes (lenient decoding)
//!
//! An index the version's table does not define is kept in the text as the
//! Unicode noncharacter U+FDD0, the index in upper-case hex, and U+FDD1
//! (`"\u{FDD0}A5\u{FDD1}"`). Noncharacters are reserved for internal use and
//! never occur in interchanged text, so the marker cannot collide with real
//! content; it survives XML (they are legal XML characters), and
//! [`crate::WbxmlWriter`] turns it back into `EXT_T_0` + index, so a lenient
//! decode → encode keeps the token. Strict decoding refuses unknown indexes.

use std::fmt::Write as _;

/// Starts an unknown-EXT_T_0 marker in text.
pub const EXT_MARK_START: char = '\u{FDD0}';
/// Ends an unknown-EXT_T_0 marker in text.
pub const EXT_MARK_END: char = '\u{FDD1}';

/// Appends the marker text of unknown EXT_T_0 index `index`.
///
/// ```
/// let mut s = String::from("a");
/// imps_csp_wbxml::push_unknown_ext(&mut s, 0xA5);
/// assert_eq!(s, "a\u{FDD0}A5\u{FDD1}");
/// ```
pub fn push_unknown_ext(text: &mut String, index: u32) {
    text.push(EXT_MARK_START);
    // Writing to a String cannot fail.
    let _ = write!(text, "{index:X}");
    text.push(EXT_MARK_END);
}

/// A piece of text to be written: plain text, or an unknown-index marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    Text(&'t str),
    Ext(u32),
}

/// Splits `text` at well-formed markers (a malformed marker stays text).
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut from = 0;
        while let Some(i) = rest[from..].find(EXT_MARK_START).map(|i| i + from) {
            if let Some((index, len)) = marker_at(&rest[i..]) {
                if i > 0 {
                    let (head, tail) = rest.split_at(i);
                    rest = tail;
                    return Some(Piece::Text(head));
                }
                rest = &rest[len..];
                return Some(Piece::Ext(index));
            }
            from = i + EXT_MARK_START.len_utf8();
        }
        let all = rest;
        rest = "";
        Some(Piece::Text(all))
    })
}

/// A marker at the start of `s`: its index and byte length.
fn marker_at(s: &str) -> Option<(u32, usize)> {
    let body = s.strip_prefix(EXT_MARK_START)?;
    let end = body.find(EXT_MARK_END)?;
    let hex = &body[..end];
    if hex.is_empty() || hex.len() > 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let index = u32::from_str_radix(hex, 16).ok()?;
    Some((
        index,
        EXT_MARK_START.len_utf8() + end + EXT_MARK_END.len_utf8(),
    ))
}

/// `true` if `text` may contain a marker (fast pre-check).
pub(crate) fn has_marker(text: &str) -> bool {
    text.contains(EXT_MARK_START)
}

/// `true` if `bytes` contains `needle`: eight bytes at a time in a register
/// (no call, which dominates for the short texts of CSP documents).
#[inline]
pub(crate) fn contains_byte(bytes: &[u8], needle: u8) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(needle);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ pattern;
        if x.wrapping_sub(LO) & !x & HI != 0 {
            return true;
        }
    }
    // (Not `contains`: that calls memchr, slow for at most 7 bytes.)
    for &b in chunks.remainder() {
        if b == needle {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_markers() {
        let mut s = String::from("WV:");
        push_unknown_ext(&mut s, 0x12);
        s.push_str("PEC\u{FDD0}zz\u{FDD1}");
        push_unknown_ext(&mut s, 0x1_0000);
        let got: Vec<_> = pieces(&s).collect();
        assert_eq!(
            got,
            [
                Piece::Text("WV:"),
                Piece::Ext(0x12),
                Piece::Text("PEC\u{FDD0}zz\u{FDD1}"),
                Piece::Ext(0x1_0000),
            ]
        );
        assert_eq!(pieces("").count(), 0);
        assert_eq!(
            pieces("\u{FDD0}").collect::<Vec<_>>(),
            [Piece::Text("\u{FDD0}")]
        );
    }

    #[test]
    fn contains_byte_finds_every_position() {
        for len in 0..40 {
            let mut bytes = vec![b'a'; len];
            assert!(!contains_byte(&bytes, 0xEF));
            for at in 0..len {
                bytes[at] = 0xEF;
                assert!(contains_byte(&bytes, 0xEF), "{len} {at}");
                assert!(!contains_byte(&bytes, 0));
                bytes[at] = 0xEE;
                assert!(!contains_byte(&bytes, 0xEF), "{len} {at}");
                bytes[at] = b'a';
            }
        }
    }
}
