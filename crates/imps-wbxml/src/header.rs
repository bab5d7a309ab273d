//! The WBXML document header (WAP-192-WBXML-20010725 §5.4–5.7):
//! `version publicid charset strtbl`.
//!
//! WBXML 1.0 (version byte `0x00`, WAP-104) has no charset field; the reader
//! reports [`Header::charset`] as `None` there and treats strings as UTF-8.

use crate::limits::{LimitKind, Limits};
use crate::mb_uint::read_mb_u32;
use crate::text::{check_text, table_str};
use crate::{Error, ErrorKind};

/// IANA MIBenum of UTF-8.
pub const CHARSET_UTF8: u32 = 106;
/// IANA MIBenum of US-ASCII.
pub const CHARSET_US_ASCII: u32 = 3;

/// The document's public identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublicId<'a> {
    /// A registered numeric id (`0x01` = unknown, WV-CSP uses `0x10`–`0x12`).
    Numeric(u32),
    /// A formal public identifier stored in the string table (`0x00` + index).
    String {
        /// Index of the FPI in the string table.
        index: u32,
        /// The FPI text, e.g. `-//OMA//DTD WV-CSP 1.2//EN`.
        fpi: &'a str,
    },
}

/// A parsed header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Header<'a> {
    /// Version byte: `0x00` = WBXML 1.0 … `0x03` = WBXML 1.3.
    pub version: u8,
    /// Public identifier.
    pub public_id: PublicId<'a>,
    /// Charset MIBenum (106 or 3); `None` in WBXML 1.0, which has no charset field.
    pub charset: Option<u32>,
    /// The raw string table (NUL-terminated strings, referenced by byte offset).
    pub string_table: &'a [u8],
    /// Byte offset of the first body token.
    pub body_offset: usize,
}

impl<'a> Header<'a> {
    /// Parses the header at the start of `input`.
    #[inline]
    pub fn parse(input: &'a [u8], limits: &Limits) -> Result<Self, Error> {
        // The usual header: WBXML 1.1-1.3, a one-byte numeric public id,
        // UTF-8 or US-ASCII, no string table (`03 11 6A 00`).
        if let Some(&[version @ 0x01..=0x03, id @ 0x01..=0x7F, mib @ (0x03 | 0x6A), 0x00]) =
            input.first_chunk::<4>()
        {
            return Ok(Header {
                version,
                public_id: PublicId::Numeric(u32::from(id)),
                charset: Some(u32::from(mib)),
                string_table: &[],
                body_offset: 4,
            });
        }
        Self::parse_general(input, limits)
    }

    /// Any header.
    #[inline(never)]
    fn parse_general(input: &'a [u8], limits: &Limits) -> Result<Self, Error> {
        let Some(&version) = input.first() else {
            return Err(Error::new(ErrorKind::UnexpectedEof("header"), 0));
        };
        if version > 0x03 {
            return Err(Error::new(ErrorKind::UnsupportedVersion(version), 0));
        }
        let (id, mut pos) = read_mb_u32(input, 1)?;
        let mut table_ref = None;
        if id == 0 {
            let (index, p) = read_mb_u32(input, pos)?;
            table_ref = Some((index, pos));
            pos = p;
        }
        let charset = if version == 0 {
            None
        } else {
            let at = pos;
            let (mib, p) = read_mb_u32(input, pos)?;
            if mib != CHARSET_UTF8 && mib != CHARSET_US_ASCII {
                return Err(Error::new(ErrorKind::UnsupportedCharset(mib), at));
            }
            pos = p;
            Some(mib)
        };
        let len_at = pos;
        let (len, p) = read_mb_u32(input, pos)?;
        pos = p;
        if len > limits.max_string_table {
            return Err(Error::new(ErrorKind::Limit(LimitKind::StringTable), len_at));
        }
        let end = pos.saturating_add(len as usize);
        let Some(string_table) = input.get(pos..end) else {
            return Err(Error::new(
                ErrorKind::UnexpectedEof("string table"),
                input.len(),
            ));
        };
        let ascii = charset == Some(CHARSET_US_ASCII);
        let public_id = match table_ref {
            None => PublicId::Numeric(id),
            Some((index, at)) => {
                let fpi = table_str(string_table, index).map_err(|k| Error::new(k, at))?;
                let fpi = check_text(fpi, ascii).map_err(|(k, _)| Error::new(k, at))?;
                PublicId::String { index, fpi }
            }
        };
        Ok(Header {
            version,
            public_id,
            charset,
            string_table,
            body_offset: end,
        })
    }

    /// `true` when strings must be US-ASCII rather than UTF-8.
    pub fn is_ascii(&self) -> bool {
        self.charset == Some(CHARSET_US_ASCII)
    }

    /// The WBXML version as `(major, minor)`, e.g. `(1, 3)`.
    pub fn version_pair(&self) -> (u8, u8) {
        ((self.version >> 4) + 1, self.version & 0x0F)
    }
}
