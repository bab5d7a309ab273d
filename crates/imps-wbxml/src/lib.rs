//! A generic, zero-copy WBXML 1.0–1.3 reader and writer.
//!
//! Implements WAP-192-WBXML-20010725 (WBXML 1.3; 1.1 and 1.2 are subsets, and
//! 1.0 per WAP-104, which has no charset field and no `OPAQUE`). It knows
//! nothing about any document type: tags, attributes and extension values
//! are plain numbers, code pages are tracked but not interpreted. Document
//! types (WV-CSP in `imps-csp-wbxml`) are layered on top.
//!
//! - [`Reader`]: a pull parser over `&'a [u8]`. Every [`Token`] reports its
//!   byte offset and code page; strings are `&'a str` slices of the input or
//!   of the string table (validated as UTF-8, or ASCII for US-ASCII
//!   documents, so consumers need not check again), opaque data is an
//!   `&'a [u8]` slice. No heap allocation happens after [`Reader::new`].
//!   Layered decoders can read the common tokens of element content through
//!   [`Reader::next_fast`] ([`FastToken`], a small `Copy` value, no
//!   `Result`), [`Reader::next_fast_leaf`] (a leaf's text and `END` in one
//!   step) and [`Reader::peek_fast`], and everything else through
//!   [`Reader::next_token`].
//! - [`Writer`]: writes a header (numeric or string-table public id, optional
//!   string table) and then tokens into a `Vec<u8>`, switching code pages
//!   automatically.
//! - [`read_mb_u32`] / [`write_mb_u32`]: the `mb_u_int32` helpers.
//! - [`Limits`]: depth, string length, token count, string table size.
//!
//! Only the charsets UTF-8 (MIBenum 106) and US-ASCII (3) are accepted;
//! anything else is refused with [`ErrorKind::UnsupportedCharset`].
//!
//! ```
//! use imps_wbxml::{Reader, Writer, WriterHeader, PublicIdSpec, Limits, TokenKind};
//!
//! let mut w = Writer::new(Vec::new(), &WriterHeader {
//!     public_id: PublicIdSpec::Numeric(0x10),
//!     ..Default::default()
//! }).unwrap();
//! w.tag(0, 0x09, false, true).unwrap();
//! w.tag(1, 0x32, false, true).unwrap();   // switches to page 1
//! w.opaque(&[0x01, 0x51, 0x80]).unwrap();
//! w.end();
//! w.end();
//! let bytes = w.finish();
//!
//! let kinds: Vec<TokenKind> = Reader::new(&bytes, Limits::default()).unwrap()
//!     .map(|t| t.unwrap().kind)
//!     .collect();
//! assert_eq!(kinds[1], TokenKind::SwitchPage(1));
//! assert_eq!(kinds[3], TokenKind::Opaque(&[0x01, 0x51, 0x80]));
//! assert_eq!(kinds.len(), 6);
//! ```

mod error;
pub mod global;
mod header;
mod limits;
mod mb_uint;
mod reader;
mod text;
mod token;
mod writer;

pub use error::{Error, ErrorKind};
pub use header::{Header, PublicId, CHARSET_US_ASCII, CHARSET_UTF8};
pub use limits::{LimitKind, Limits};
pub use mb_uint::{mb_u32_len, read_mb_u32, write_mb_u32, MB_U32_MAX_LEN};
pub use reader::Reader;
pub use token::{AttributedTag, FastToken, Name, Token, TokenKind};
pub use writer::{PublicIdSpec, StringTable, Writer, WriterHeader};
