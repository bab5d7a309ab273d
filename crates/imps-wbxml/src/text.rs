//! String extraction and validation: inline strings (`STR_I`, `EXT_I_*`) and
//! string-table references (`STR_T`, `LITERAL*`), WAP-192-WBXML-20010725 §5.8.4.1
//! and §5.7. Strings are NUL-terminated in the document's charset; this crate
//! accepts UTF-8 and US-ASCII, so every string is checked to be valid UTF-8
//! (and ASCII when the header says US-ASCII) before it is handed out as `&str`.

use crate::ErrorKind;
use ascii::AsciiStr;

/// The NUL-terminated string at `index` of the string table, without the NUL.
pub(crate) fn table_str(table: &[u8], index: u32) -> Result<&[u8], ErrorKind> {
    let Some(rest) = table.get(index as usize..).filter(|r| !r.is_empty()) else {
        return Err(ErrorKind::StringTableIndex {
            index,
            len: u32::try_from(table.len()).unwrap_or(u32::MAX),
        });
    };
    match memchr::memchr(0, rest) {
        Some(n) => Ok(&rest[..n]),
        None => Err(ErrorKind::UnterminatedTableString(index)),
    }
}

/// Checks the bytes of a string; on failure returns the kind and the byte
/// index (inside `bytes`) of the first bad byte.
#[inline]
pub(crate) fn check_text(bytes: &[u8], ascii_only: bool) -> Result<&str, (ErrorKind, usize)> {
    if ascii_only {
        return AsciiStr::from_ascii(bytes)
            .map(AsciiStr::as_str)
            .map_err(|e| (ErrorKind::InvalidText("US-ASCII"), e.valid_up_to()));
    }
    utf8(bytes).map_err(|e| (ErrorKind::InvalidText("UTF-8"), e.valid_up_to()))
}

/// `bytes` as UTF-8 text. Nearly all CSP text is ASCII, which the word-at-a-time
/// [`<[u8]>::is_ascii`](slice::is_ascii) (behind [`AsciiStr::from_ascii`])
/// recognises in a few instructions per word and which then is valid UTF-8 as it
/// is; `std::str::from_utf8` checks the short strings of a CSP document byte by
/// byte until its pointer is aligned. Measured: typed WBXML decode about +4%.
#[inline]
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match AsciiStr::from_ascii(bytes) {
        Ok(ascii) => Ok(ascii.as_str()),
        Err(_) => std::str::from_utf8(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_std_from_utf8() {
        for bytes in [
            &b""[..],
            b"wv:alice@example.com",
            "Grüße, 世界 🎉".as_bytes(),
            b"abc\xFFdef",
            b"\xC3",
            b"\xED\xA0\x80",
            b"\x7F\x00",
        ] {
            assert_eq!(utf8(bytes), std::str::from_utf8(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn check_text_reports_the_first_bad_byte() {
        assert_eq!(check_text(b"abc", true), Ok("abc"));
        assert_eq!(
            check_text("abé".as_bytes(), true),
            Err((ErrorKind::InvalidText("US-ASCII"), 2))
        );
        assert_eq!(check_text("abé".as_bytes(), false), Ok("abé"));
        assert_eq!(
            check_text(b"ab\xC3(", false),
            Err((ErrorKind::InvalidText("UTF-8"), 2))
        );
    }

    proptest::proptest! {
        /// On ASCII, on valid UTF-8 and on arbitrary bytes (the first two
        /// are rare among arbitrary bytes).
        #[test]
        fn utf8_agrees_with_std(bytes in proptest::prop_oneof![
            proptest::collection::vec(0u8..0x80, 0..40),
            proptest::strategy::Strategy::prop_map(proptest::prelude::any::<String>(), String::into_bytes),
            proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
        ]) {
            proptest::prop_assert_eq!(utf8(&bytes), std::str::from_utf8(&bytes));
        }
    }
}
