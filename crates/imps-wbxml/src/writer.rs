//! The writer: emits WAP-192-WBXML-20010725 documents into a growable buffer.
//!
//! The header (with its optional string table) is written by
//! [`Writer::new`]; after that every method appends one token. Code pages
//! are switched automatically: each method that writes a page-dependent
//! token takes the page and emits `SWITCH_PAGE` only when it differs from the
//! current page of that code space (tags and attributes have separate pages).
//!
//! The writer checks what makes a single token invalid (NUL inside an inline
//! string, a tag byte that would collide with a global token, OPAQUE in
//! WBXML 1.0) but not the nesting: the caller pairs `END`s with tags.

use crate::global::*;
use crate::header::CHARSET_UTF8;
use crate::mb_uint::write_mb_u32;
use crate::{Error, ErrorKind};

/// How the writer's header names the public identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PublicIdSpec {
    /// A numeric public id.
    Numeric(u32),
    /// `0x00` + this index into the string table (which must hold the FPI).
    StringTable(u32),
}

/// What [`Writer::new`] puts in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WriterHeader<'t> {
    /// Version byte (`0x03` = WBXML 1.3).
    pub version: u8,
    /// Public identifier.
    pub public_id: PublicIdSpec,
    /// Charset MIBenum (not written for WBXML 1.0, which has no charset field).
    pub charset: u32,
    /// The raw string table, NUL-terminated strings (see [`StringTable`]).
    pub string_table: &'t [u8],
}

impl Default for WriterHeader<'_> {
    /// WBXML 1.3, public id 0x01 (unknown), UTF-8, no string table.
    fn default() -> Self {
        WriterHeader {
            version: 0x03,
            public_id: PublicIdSpec::Numeric(1),
            charset: CHARSET_UTF8,
            string_table: &[],
        }
    }
}

/// A string-table builder: strings are appended with their NUL, and
/// referenced by their byte offset.
///
/// ```
/// use imps_wbxml::StringTable;
/// let mut t = StringTable::new();
/// assert_eq!(t.add("-//OMA//DTD WV-CSP 1.2//EN").unwrap(), 0);
/// assert_eq!(t.add("x").unwrap(), 27);
/// assert_eq!(t.as_bytes().len(), 29);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StringTable {
    bytes: Vec<u8>,
}

impl StringTable {
    /// An empty table.
    pub fn new() -> Self {
        StringTable::default()
    }

    /// Appends `s` (plus NUL) and returns its index. Refuses strings with NUL
    /// and tables beyond 4 GiB.
    pub fn add(&mut self, s: &str) -> Result<u32, Error> {
        let at = self.bytes.len();
        if s.as_bytes().contains(&0) {
            return Err(Error::new(ErrorKind::NulInString, at));
        }
        let index = u32::try_from(at)
            .map_err(|_| Error::new(ErrorKind::InvalidArgument("string table size"), at))?;
        self.bytes.extend_from_slice(s.as_bytes());
        self.bytes.push(0);
        Ok(index)
    }

    /// The index of `s` if it is already in the table (a linear scan).
    pub fn find(&self, s: &str) -> Option<u32> {
        let mut at = 0;
        for piece in self.bytes.split(|&b| b == 0) {
            if piece == s.as_bytes() && at < self.bytes.len() {
                return u32::try_from(at).ok();
            }
            at += piece.len() + 1;
        }
        None
    }

    /// The raw table.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// A WBXML writer into a `Vec<u8>`.
///
/// ```
/// use imps_wbxml::{Writer, WriterHeader, PublicIdSpec};
/// let header = WriterHeader { public_id: PublicIdSpec::Numeric(0x11), ..Default::default() };
/// let mut w = Writer::new(Vec::new(), &header).unwrap();
/// w.tag(0, 0x09, true, true).unwrap();
/// w.attr_start(0, 0x08).unwrap();
/// w.str_i("1.2").unwrap();
/// w.end();            // attribute list
/// w.end();            // element
/// assert_eq!(w.finish(), [0x03, 0x11, 0x6A, 0x00, 0xC9, 0x08, 0x03, b'1', b'.', b'2', 0x00, 0x01, 0x01]);
/// ```
#[derive(Clone, Debug)]
pub struct Writer {
    out: Vec<u8>,
    version: u8,
    tag_page: u8,
    attr_page: u8,
    /// Offset of the string-table length field.
    table_at: usize,
    /// Offset of the first body byte.
    body_at: usize,
}

impl Default for Writer {
    /// A writer with the default header ([`WriterHeader::default`]:
    /// `03 01 6A 00`).
    fn default() -> Self {
        Writer {
            out: vec![0x03, 0x01, 0x6A, 0x00],
            version: 0x03,
            tag_page: 0,
            attr_page: 0,
            table_at: 3,
            body_at: 4,
        }
    }
}

/// `true` if `bytes` contains a NUL: short strings eight bytes at a time in a
/// register (no call), long ones with `memchr`.
#[inline]
fn contains_nul(bytes: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    if bytes.len() > 64 {
        return memchr::memchr(0, bytes).is_some();
    }
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if x.wrapping_sub(LO) & !x & HI != 0 {
            return true;
        }
    }
    // (Not `contains`: that calls memchr, slow for at most 7 bytes.)
    for &b in chunks.remainder() {
        if b == 0 {
            return true;
        }
    }
    false
}

fn arg(what: &'static str, at: usize) -> Error {
    Error::new(ErrorKind::InvalidArgument(what), at)
}

impl Writer {
    /// Starts a document: appends the header to `out` (which may already hold
    /// data, e.g. a reused buffer after `clear()`).
    pub fn new(mut out: Vec<u8>, header: &WriterHeader<'_>) -> Result<Self, Error> {
        // The usual header (`03 11 6A 00`) in one go.
        if let (1..=3, PublicIdSpec::Numeric(id @ 1..=0x7F), 0..=0x7F, []) = (
            header.version,
            header.public_id,
            header.charset,
            header.string_table,
        ) {
            let at = out.len();
            // All four values are below 0x80: one byte each.
            out.extend_from_slice(&[header.version, id as u8, header.charset as u8, 0]);
            return Ok(Writer {
                out,
                version: header.version,
                tag_page: 0,
                attr_page: 0,
                table_at: at + 3,
                body_at: at + 4,
            });
        }
        if header.version > 0x03 {
            return Err(Error::new(
                ErrorKind::UnsupportedVersion(header.version),
                out.len(),
            ));
        }
        let table_len = u32::try_from(header.string_table.len())
            .map_err(|_| arg("string table size", out.len()))?;
        out.push(header.version);
        match header.public_id {
            PublicIdSpec::Numeric(0) => return Err(arg("numeric public id 0", out.len())),
            PublicIdSpec::Numeric(id) => write_mb_u32(&mut out, id),
            PublicIdSpec::StringTable(index) => {
                if index >= table_len {
                    return Err(Error::new(
                        ErrorKind::StringTableIndex {
                            index,
                            len: table_len,
                        },
                        out.len(),
                    ));
                }
                out.push(0);
                write_mb_u32(&mut out, index);
            }
        }
        if header.version > 0 {
            write_mb_u32(&mut out, header.charset);
        }
        let table_at = out.len();
        write_mb_u32(&mut out, table_len);
        out.extend_from_slice(header.string_table);
        Ok(Writer {
            body_at: out.len(),
            out,
            version: header.version,
            tag_page: 0,
            attr_page: 0,
            table_at,
        })
    }

    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.out
    }

    /// Number of bytes written so far.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// `true` if nothing at all was written (never after `new`).
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The finished document.
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    /// Offset of the first body byte (after the header and string table).
    pub fn body_offset(&self) -> usize {
        self.body_at
    }

    /// Replaces the string table in the already written header, for writers
    /// that discover `LITERAL` names while writing. Indexes already written
    /// stay valid only if `table` starts with the old table, which is the
    /// caller's responsibility. Costs one move of the body.
    pub fn replace_string_table(&mut self, table: &[u8]) -> Result<(), Error> {
        let len =
            u32::try_from(table.len()).map_err(|_| arg("string table size", self.table_at))?;
        let mut region = Vec::with_capacity(table.len() + 5);
        write_mb_u32(&mut region, len);
        region.extend_from_slice(table);
        let new_body = self.table_at + region.len();
        self.out.splice(self.table_at..self.body_at, region);
        self.body_at = new_body;
        Ok(())
    }

    /// Clears the content flag of the tag written at `offset` (a tag token or
    /// `LITERAL_C`/`LITERAL_AC`), for writers that learn only at the element's
    /// end that it had no content. Nothing may have been written for the
    /// element's content yet (its attribute list, if any, is fine).
    pub fn clear_content_flag(&mut self, offset: usize) -> Result<(), Error> {
        let Some(b) = self.out.get_mut(offset).filter(|_| offset >= self.body_at) else {
            return Err(arg("tag offset", offset));
        };
        *b = match *b {
            LITERAL_C => LITERAL,
            LITERAL_AC => LITERAL_A,
            t if !is_global(t) && t & TAG_CONTENT != 0 => t & !TAG_CONTENT,
            _ => return Err(arg("tag offset", offset)),
        };
        Ok(())
    }

    #[inline]
    fn tag_page(&mut self, page: u8) {
        if page != self.tag_page {
            self.out.extend_from_slice(&[SWITCH_PAGE, page]);
            self.tag_page = page;
        }
    }

    #[inline]
    fn attr_page(&mut self, page: u8) {
        if page != self.attr_page {
            self.out.extend_from_slice(&[SWITCH_PAGE, page]);
            self.attr_page = page;
        }
    }

    /// A start tag: `token` (0x05–0x3F) of code page `page`, with the
    /// attribute / content flags.
    #[inline]
    pub fn tag(
        &mut self,
        page: u8,
        token: u8,
        attributes: bool,
        content: bool,
    ) -> Result<(), Error> {
        if !(0x05..=0x3F).contains(&token) {
            return Err(arg("tag token", self.out.len()));
        }
        self.tag_page(page);
        let mut b = token;
        if attributes {
            b |= TAG_ATTRIBUTES;
        }
        if content {
            b |= TAG_CONTENT;
        }
        self.out.push(b);
        Ok(())
    }

    /// A `LITERAL*` start tag naming string-table entry `index`.
    #[inline]
    pub fn literal_tag(&mut self, index: u32, attributes: bool, content: bool) {
        let b = match (attributes, content) {
            (false, false) => LITERAL,
            (false, true) => LITERAL_C,
            (true, false) => LITERAL_A,
            (true, true) => LITERAL_AC,
        };
        self.out.push(b);
        write_mb_u32(&mut self.out, index);
    }

    /// An attribute start token (0x05–0x7F, not 0x40–0x44) of attribute page `page`.
    #[inline]
    pub fn attr_start(&mut self, page: u8, token: u8) -> Result<(), Error> {
        if token >= 0x80 || is_global(token) {
            return Err(arg("attribute start token", self.out.len()));
        }
        self.attr_page(page);
        self.out.push(token);
        Ok(())
    }

    /// A `LITERAL` attribute start naming string-table entry `index`.
    pub fn literal_attr(&mut self, index: u32) {
        self.out.push(LITERAL);
        write_mb_u32(&mut self.out, index);
    }

    /// An attribute value token (0x85–0xFF, not 0xC0–0xC4) of attribute page `page`.
    pub fn attr_value(&mut self, page: u8, token: u8) -> Result<(), Error> {
        if token < 0x80 || is_global(token) {
            return Err(arg("attribute value token", self.out.len()));
        }
        self.attr_page(page);
        self.out.push(token);
        Ok(())
    }

    /// `END`: closes an attribute list, an element's content or a PI.
    #[inline]
    pub fn end(&mut self) {
        self.out.push(END);
    }

    /// `STR_I` with `text`. Refuses text containing NUL.
    #[inline]
    pub fn str_i(&mut self, text: &str) -> Result<(), Error> {
        self.inline(STR_I, text)
    }

    #[inline]
    fn inline(&mut self, token: u8, text: &str) -> Result<(), Error> {
        if contains_nul(text.as_bytes()) {
            return Err(Error::new(ErrorKind::NulInString, self.out.len()));
        }
        self.out.reserve(text.len() + 2);
        self.out.push(token);
        self.out.extend_from_slice(text.as_bytes());
        self.out.push(0);
        Ok(())
    }

    /// `STR_T` referencing string-table entry `index`.
    #[inline]
    pub fn str_t(&mut self, index: u32) {
        self.out.push(STR_T);
        write_mb_u32(&mut self.out, index);
    }

    /// `ENTITY` with a character code.
    #[inline]
    pub fn entity(&mut self, c: char) {
        self.out.push(ENTITY);
        write_mb_u32(&mut self.out, u32::from(c));
    }

    /// `EXT_I_n` (n = 0–2) with `text`.
    pub fn ext_i(&mut self, n: u8, text: &str) -> Result<(), Error> {
        if n > 2 {
            return Err(arg("extension number", self.out.len()));
        }
        self.inline(EXT_I_0 + n, text)
    }

    /// `EXT_T_n` (n = 0–2) with an integer (WV-CSP: a value-table index).
    #[inline]
    pub fn ext_t(&mut self, n: u8, value: u32) -> Result<(), Error> {
        if n > 2 {
            return Err(arg("extension number", self.out.len()));
        }
        self.out.push(EXT_T_0 + n);
        write_mb_u32(&mut self.out, value);
        Ok(())
    }

    /// `EXT_n` (n = 0–2).
    pub fn ext(&mut self, n: u8) -> Result<(), Error> {
        if n > 2 {
            return Err(arg("extension number", self.out.len()));
        }
        self.out.push(EXT_0 + n);
        Ok(())
    }

    /// `OPAQUE` with `data`. Refused in WBXML 1.0 and beyond 4 GiB.
    #[inline]
    pub fn opaque(&mut self, data: &[u8]) -> Result<(), Error> {
        if self.version == 0 {
            return Err(Error::new(ErrorKind::OpaqueInWbxml10, self.out.len()));
        }
        let len = u32::try_from(data.len()).map_err(|_| arg("OPAQUE length", self.out.len()))?;
        self.out.push(OPAQUE);
        write_mb_u32(&mut self.out, len);
        self.out.extend_from_slice(data);
        Ok(())
    }

    /// `PI`: starts a processing instruction (an attribute start, values and
    /// [`Writer::end`] follow).
    pub fn pi(&mut self) {
        self.out.push(PI);
    }
}
