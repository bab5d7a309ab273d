//! The error type of the WBXML reader and writer.
//!
//! Every error carries the byte offset where it was noticed (input offset for
//! the reader, output offset for the writer). The kind is `Copy` and holds no
//! heap data, so errors are cheap to clone and compare.

use crate::limits::LimitKind;

/// What went wrong while reading or writing WBXML.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended in the middle of something (names what).
    #[error("unexpected end of input in {0}")]
    UnexpectedEof(&'static str),
    /// An `mb_u_int32` used more than 5 bytes.
    #[error("mb_u_int32 longer than 5 bytes")]
    MbUintTooLong,
    /// An `mb_u_int32` does not fit in 32 bits.
    #[error("mb_u_int32 overflows 32 bits")]
    MbUintOverflow,
    /// The version byte is not 0x00–0x03 (WBXML 1.0–1.3).
    #[error("unsupported WBXML version byte {0:#04x} (only 1.0-1.3)")]
    UnsupportedVersion(u8),
    /// The charset is neither UTF-8 (MIBenum 106) nor US-ASCII (MIBenum 3).
    #[error("unsupported charset MIBenum {0} (only 106 UTF-8 and 3 US-ASCII are accepted)")]
    UnsupportedCharset(u32),
    /// A string-table reference (`STR_T`, `LITERAL*`, public id) points outside the table.
    #[error("string table reference {index} out of range (table has {len} bytes)")]
    StringTableIndex {
        /// The reference.
        index: u32,
        /// The length of the string table.
        len: u32,
    },
    /// A string-table entry has no terminating NUL before the end of the table.
    #[error("string table entry at index {0} is not NUL-terminated")]
    UnterminatedTableString(u32),
    /// An inline string (`STR_I`, `EXT_I_*`) has no terminating NUL.
    #[error("inline string without terminating NUL")]
    UnterminatedString,
    /// `OPAQUE` data runs past the end of the input.
    #[error("OPAQUE of {0} bytes runs past the end of the input")]
    OpaqueTooLong(u32),
    /// `OPAQUE` does not exist in WBXML 1.0.
    #[error("OPAQUE is not allowed in WBXML 1.0")]
    OpaqueInWbxml10,
    /// A string is not valid in the document's charset (UTF-8, or US-ASCII).
    #[error("string is not valid {0}")]
    InvalidText(&'static str),
    /// `ENTITY` names no Unicode scalar value.
    #[error("ENTITY {0:#x} is not a Unicode scalar value")]
    InvalidEntity(u32),
    /// A token that is not allowed where it was found.
    #[error("unexpected token {token:#04x} {context}")]
    UnexpectedToken {
        /// The token byte.
        token: u8,
        /// Where it was found (`"before the root element"`, …).
        context: &'static str,
    },
    /// Bytes after the end of the root element (other than processing instructions).
    #[error("data after the end of the root element")]
    TrailingData,
    /// The input ended with elements still open.
    #[error("input ends with {0} element(s) still open")]
    Unclosed(u32),
    /// A configured limit was exceeded.
    #[error("limit exceeded: {0}")]
    Limit(LimitKind),
    /// Writer: a string to be written inline contains a NUL byte.
    #[error("string contains a NUL byte and cannot be written inline")]
    NulInString,
    /// Writer: a value does not fit the token it was asked for (page, token or extension number out of range).
    #[error("invalid {0} for the writer")]
    InvalidArgument(&'static str),
}

/// An error with the byte offset where it was noticed.
///
/// ```
/// use imps_wbxml::{Reader, Limits, ErrorKind};
/// // WBXML 1.3, public id 1, charset 4 (ISO-8859-1): refused.
/// let err = Reader::new(&[0x03, 0x01, 0x04, 0x00], Limits::default()).unwrap_err();
/// assert_eq!(err.kind, ErrorKind::UnsupportedCharset(4));
/// assert_eq!(err.offset, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at byte {offset}")]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Byte offset (reader: into the input; writer: into the output).
    pub offset: usize,
}

impl Error {
    /// Builds an error.
    pub const fn new(kind: ErrorKind, offset: usize) -> Self {
        Error { kind, offset }
    }
}
