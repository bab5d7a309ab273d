//! String extraction and validation: inline strings (`STR_I`, `EXT_I_*`) and
//! string-table references (`STR_T`, `LITERAL*`), WAP-192-WBXML-20010725 §5.8.4.1
//! and §5.7. Strings are NUL-terminated in the document's charset; this crate
//! accepts UTF-8 and US-ASCII, so every string is checked to be valid UTF-8
//! (and ASCII when the header says US-ASCII) before it is handed out as `&str`.

use crate::ErrorKind;

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
pub(crate) fn check_text(bytes: &[u8], ascii: bool) -> Result<&str, (ErrorKind, usize)> {
    if ascii {
        if let Some(i) = bytes.iter().position(|b| !b.is_ascii()) {
            return Err((ErrorKind::InvalidText("US-ASCII"), i));
        }
    }
    std::str::from_utf8(bytes).map_err(|e| (ErrorKind::InvalidText("UTF-8"), e.valid_up_to()))
}
