//! Events → CSP WBXML (OMA IMPS CSP WBXML definition), phone style by
//! default (see [`EncodeOptions`]).
//!
//! Text containing NUL (which `STR_I` cannot hold) is written with `ENTITY 0`
//! between the pieces.
//!
//! Content rules, per innermost element (while it has no child element):
//!
//! | event | Integer element | DateTime element | other element |
//! |---|---|---|---|
//! | `Text` | OPAQUE if it is 1–10 decimal digits within `u32`, else `STR_I` | packed OPAQUE if it parses ([`DatePacking`]), else `STR_I` | `EXT_T_0` if the whole text is a value-table entry, else `STR_I` |
//! | `Integer` | minimal OPAQUE | decimal `STR_I` | decimal `STR_I` |
//! | `DateTime` | basic-format `STR_I` | packed OPAQUE | basic-format `STR_I` |
//! | `Opaque` | OPAQUE | OPAQUE | OPAQUE |
//!
//! The value-table rule is *whole text only*: Android's encoder vectors
//! tokenise `Outband`, `T`, `F`, `HTTP`, `SHTTP` … as whole values and keep
//! `196FE717.00000000.test1` or `IMApp01#12345@NOK5110` as one `STR_I`;
//! libwbxml 0.11 (the `wbxml-stream-wv` corpus) does the same in every
//! element. Only libwbxml 0.10 replaced value strings inside longer text
//! (`WV:` + `IM` + `PEC01…`), which it later dropped as a bug.
//!
//! Unknown names: [`Name::Token`] is written as the raw token (lossless);
//! [`Name::Other`] and tags the version does not have become `LITERAL`
//! tags with the name in the string table (strict mode refuses all three).

use imps_event::{CspVersion, DateTime, Error, Event, EventSink, Name, Path, Start, Tag};
use imps_tokens::{xmlns_token, ValueType};
use imps_wbxml::{PublicIdSpec, StringTable, Writer, WriterHeader, CHARSET_UTF8};

use crate::datetime::pack_datetime;
use crate::error::encode;
use crate::opaque::{encode_integer, parse_decimal};
use crate::options::{DatePacking, EmptyElements, EncodeOptions, PublicIdChoice, ZeroInteger};
use crate::tables::Tables;
use crate::values::{contains_byte, has_marker, pieces, Piece};

/// A CSP WBXML writer: an [`EventSink`] producing one document.
///
/// ```
/// use imps_csp_wbxml::{WbxmlWriter, EncodeOptions};
/// use imps_event::{Event, EventSink, Start, Tag};
///
/// let mut w = WbxmlWriter::new(EncodeOptions::default());
/// w.event(Event::Start(Start::with_xmlns(
///     Tag::WvCspMessage,
///     "http://www.openmobilealliance.org/DTD/WV-CSP1.2",
/// ))).unwrap();
/// w.event(Event::End).unwrap();
/// // Exactly Android's `simple_csp12.wbxml`.
/// assert_eq!(
///     w.finish().unwrap(),
///     [0x03, 0x11, 0x6A, 0x00, 0xC9, 0x08, 0x03, b'1', b'.', b'2', 0x00, 0x01, 0x01]
/// );
/// ```
#[derive(Clone, Debug)]
pub struct WbxmlWriter {
    w: Writer,
    options: EncodeOptions,
    /// Lookup tables of `options.version`.
    tables: &'static Tables,
    path: Path,
    depth: u32,
    /// The innermost element, while it has had no child element.
    leaf: Option<Tag>,
    /// Offset of the innermost open tag byte while nothing was written in
    /// its content (for [`EmptyElements::NoContentBit`]).
    open_tag_at: Option<usize>,
    /// The string table (FPI first, then LITERAL names).
    table: StringTable,
    /// Length of the table as written in the header.
    table_written: usize,
    /// The root element has ended.
    done: bool,
    /// The first error; every later call returns it.
    failed: Option<Error>,
}

impl WbxmlWriter {
    /// A writer with a new buffer.
    pub fn new(options: EncodeOptions) -> Self {
        WbxmlWriter::with_buffer(Vec::new(), options)
    }

    /// A writer that reuses `buffer` (cleared first), e.g. the `Vec` a
    /// previous [`WbxmlWriter::finish`] returned.
    pub fn with_buffer(mut buffer: Vec<u8>, options: EncodeOptions) -> Self {
        buffer.clear();
        let mut table = StringTable::new();
        let public_id = match options.public_id {
            PublicIdChoice::Numeric => PublicIdSpec::Numeric(options.version.public_id()),
            PublicIdChoice::Explicit(id) => PublicIdSpec::Numeric(id),
            // An FPI has no NUL, so `add` cannot fail; index 0 either way.
            PublicIdChoice::Fpi => {
                PublicIdSpec::StringTable(table.add(options.version.fpi()).unwrap_or_default())
            }
        };
        let header = WriterHeader {
            version: options.wbxml_version,
            public_id,
            charset: CHARSET_UTF8,
            string_table: table.as_bytes(),
        };
        // Invalid options (version byte above 3, public id 0) are reported
        // by the first `event` or `finish`.
        let (w, failed) = match Writer::new(buffer, &header) {
            Ok(w) => (w, None),
            Err(e) => (
                Writer::default(),
                Some(encode(
                    format!("invalid options: {}", e.kind),
                    0,
                    Path::new(),
                )),
            ),
        };
        WbxmlWriter {
            w,
            options,
            tables: Tables::of(options.version),
            path: Path::new(),
            depth: 0,
            leaf: None,
            open_tag_at: None,
            table_written: table.as_bytes().len(),
            table,
            done: false,
            failed,
        }
    }

    /// The options in force.
    pub fn options(&self) -> &EncodeOptions {
        &self.options
    }

    /// The CSP version written.
    pub fn version(&self) -> CspVersion {
        self.options.version
    }

    /// The bytes written so far (the string table in the header may still
    /// grow if `LITERAL` names follow).
    pub fn as_bytes(&self) -> &[u8] {
        self.w.as_bytes()
    }

    /// Ends the document and returns the bytes. Fails if an element is still
    /// open, no root element was written, or an earlier event failed.
    pub fn finish(mut self) -> Result<Vec<u8>, Error> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        if !self.done {
            let msg = if self.depth == 0 {
                "no root element".to_owned()
            } else {
                format!("{} element(s) still open", self.depth)
            };
            return Err(self.err(msg));
        }
        if self.table.as_bytes().len() != self.table_written {
            let table = std::mem::take(&mut self.table);
            self.w
                .replace_string_table(table.as_bytes())
                .map_err(|e| encode(e.to_string(), e.offset, self.path))?;
        }
        Ok(self.w.finish())
    }

    fn err(&self, msg: impl Into<Box<str>>) -> Error {
        encode(msg, self.w.len(), self.path)
    }

    fn wb(&self, e: imps_wbxml::Error) -> Error {
        encode(e.kind.to_string(), e.offset, self.path)
    }

    fn literal_index(&mut self, name: &str) -> Result<u32, Error> {
        if let Some(i) = self.table.find(name) {
            return Ok(i);
        }
        self.table.add(name).map_err(|e| self.wb(e))
    }

    /// Writes a `LITERAL_C`/`LITERAL_AC` tag; returns its offset.
    fn literal_tag(&mut self, name: &str, attributes: bool) -> Result<usize, Error> {
        let index = self.literal_index(name)?;
        let at = self.w.len();
        self.w.literal_tag(index, attributes, true);
        Ok(at)
    }

    /// Writes a tag token (with the content bit); returns the tag byte's offset.
    fn token_tag(&mut self, page: u8, token: u8, attributes: bool) -> Result<usize, Error> {
        self.w
            .tag(page, token, attributes, true)
            .map_err(|e| self.wb(e))?;
        Ok(self.w.len() - 1)
    }

    fn start(&mut self, start: Start<'_>) -> Result<(), Error> {
        if self.done {
            return Err(self.err("a second root element"));
        }
        let attributes = start.xmlns.is_some();
        let strict = self.options.strict;
        if strict && self.depth == 0 {
            // A reader trusts the root xmlns over the public id, so a root
            // namespace of another version would decode with other tables.
            if let Some((v, _)) = start.xmlns.as_deref().and_then(CspVersion::from_namespace) {
                if v != self.options.version {
                    return Err(self.err(format!(
                        "the root xmlns is CSP {v}, but CSP {} is being written",
                        self.options.version
                    )));
                }
            }
        }
        let tag = start.name.tag();
        // Typed content only for tags written as tokens: a LITERAL tag has no
        // type for a reader either.
        let mut leaf = None;
        let tag_at = match &start.name {
            Name::Tag(t) => match self.tables.token(*t) {
                Some((page, token)) => {
                    leaf = Some(*t);
                    self.token_tag(page, token, attributes)?
                }
                None if strict => {
                    return Err(self.err(format!(
                        "<{}> does not exist in CSP {}",
                        t.name(),
                        self.options.version
                    )))
                }
                None => self.literal_tag(t.name(), attributes)?,
            },
            Name::Token { page, token } => {
                if strict {
                    return Err(self.err(format!("unknown tag token {page:#04x}/{token:#04x}")));
                }
                self.token_tag(*page, *token, attributes)?
            }
            Name::Other(name) => {
                if strict {
                    return Err(self.err(format!("<{name}> is not a CSP element")));
                }
                self.literal_tag(name, attributes)?
            }
        };
        if let Some(uri) = start.xmlns.as_deref() {
            match xmlns_token(uri) {
                Some((token, rest)) => {
                    self.w.attr_start(0, token).map_err(|e| self.wb(e))?;
                    if !rest.is_empty() {
                        self.w.str_i(rest).map_err(|e| self.wb(e))?;
                    }
                }
                None => {
                    let i = self.literal_index("xmlns")?;
                    self.w.literal_attr(i);
                    self.w.str_i(uri).map_err(|e| self.wb(e))?;
                }
            }
            self.w.end();
        }
        self.path.push(tag);
        self.depth += 1;
        self.leaf = leaf;
        self.open_tag_at = Some(tag_at);
        Ok(())
    }

    fn end(&mut self) -> Result<(), Error> {
        if self.depth == 0 {
            return Err(self.err("End without an open element"));
        }
        match self.open_tag_at {
            Some(at) if self.options.empty_elements == EmptyElements::NoContentBit => {
                self.w.clear_content_flag(at).map_err(|e| self.wb(e))?;
            }
            _ => self.w.end(),
        }
        self.path.pop();
        self.depth -= 1;
        self.leaf = None;
        self.open_tag_at = None;
        if self.depth == 0 {
            self.done = true;
        }
        Ok(())
    }

    /// Content may be written: inside the root, and marks the element non-empty.
    fn content(&mut self) -> Result<Option<ValueType>, Error> {
        if self.depth == 0 {
            return Err(self.err("content outside the root element"));
        }
        self.open_tag_at = None;
        Ok(self.leaf.map(Tag::value_type))
    }

    fn integer(&mut self, value: u32) -> Result<(), Error> {
        if self.options.wbxml_version == 0 {
            // WBXML 1.0 has no OPAQUE: decimal text.
            return self.w.str_i(&value.to_string()).map_err(|e| self.wb(e));
        }
        let bytes = encode_integer(value);
        let data: &[u8] = match (value, self.options.zero_integer) {
            (0, ZeroInteger::Empty) => &[],
            _ => bytes.as_ref(),
        };
        self.w.opaque(data).map_err(|e| self.wb(e))
    }

    fn packs(&self, d: &DateTime) -> bool {
        if self.options.wbxml_version == 0 {
            return false;
        }
        match self.options.dates {
            DatePacking::Always => true,
            DatePacking::LocalOnly => d.zone() == imps_event::Zone::Local,
            DatePacking::Never => false,
        }
    }

    fn text(&mut self, text: &str) -> Result<(), Error> {
        match self.content()? {
            Some(ValueType::Integer) => {
                if let Some(v) = parse_decimal(text) {
                    return self.integer(v);
                }
            }
            Some(ValueType::DateTime) => {
                if let Ok(d) = text.parse::<DateTime>() {
                    if self.packs(&d) {
                        return self.w.opaque(&pack_datetime(&d)).map_err(|e| self.wb(e));
                    }
                }
            }
            _ => {}
        }
        // Markers (U+FDD0…) start with the byte 0xEF: one quick scan.
        if !contains_byte(text.as_bytes(), 0xEF) || !has_marker(text) {
            return self.plain_text(text);
        }
        for piece in pieces(text) {
            match piece {
                Piece::Text(t) => self.plain_text(t)?,
                Piece::Ext(index) => self.w.ext_t(0, index).map_err(|e| self.wb(e))?,
            }
        }
        Ok(())
    }

    /// Text without markers: `EXT_T_0` for a whole value-table entry, else `STR_I`.
    fn plain_text(&mut self, text: &str) -> Result<(), Error> {
        if self.options.ext_values {
            if let Some(index) = self.tables.ext_index(text) {
                return self.w.ext_t(0, index).map_err(|e| self.wb(e));
            }
        }
        // The generic writer checks for NUL anyway (and writes nothing then).
        match self.w.str_i(text) {
            Err(e) if e.kind == imps_wbxml::ErrorKind::NulInString => {}
            r => return r.map_err(|e| self.wb(e)),
        }
        // STR_I cannot hold NUL: write it as ENTITY 0 between the pieces.
        for (i, part) in text.split('\0').enumerate() {
            if i > 0 {
                self.w.entity('\0');
            }
            if !part.is_empty() {
                self.w.str_i(part).map_err(|e| self.wb(e))?;
            }
        }
        Ok(())
    }

    fn event_inner(&mut self, event: Event<'_>) -> Result<(), Error> {
        match event {
            Event::Start(s) => self.start(s),
            Event::End => self.end(),
            Event::Text(t) => self.text(&t),
            Event::Integer(v) => match self.content()? {
                Some(ValueType::Integer) => self.integer(v),
                _ => self.w.str_i(&v.to_string()).map_err(|e| self.wb(e)),
            },
            Event::DateTime(d) => match self.content()? {
                Some(ValueType::DateTime) if self.packs(&d) => {
                    self.w.opaque(&pack_datetime(&d)).map_err(|e| self.wb(e))
                }
                _ => self.w.str_i(&d.to_string()).map_err(|e| self.wb(e)),
            },
            Event::Opaque(data) => {
                self.content()?;
                self.w.opaque(&data).map_err(|e| self.wb(e))
            }
        }
    }
}

impl WbxmlWriter {
    /// `true` when the fast paths of [`EventSink::event`] may run: inside
    /// the root element and nothing failed.
    #[inline(always)]
    fn fast(&self) -> bool {
        self.depth > 0 && self.failed.is_none()
    }

    /// An `End` that does not close the root or clear a content flag.
    #[inline(always)]
    fn end_fast(&mut self) {
        self.w.end();
        self.path.pop();
        self.depth -= 1;
        self.leaf = None;
        self.open_tag_at = None;
    }
}

impl WbxmlWriter {
    /// Every event but the start tags and `End`s that [`EventSink::event`]
    /// writes itself; records the first error.
    #[inline(never)]
    fn event_other(&mut self, event: Event<'_>) -> Result<(), Error> {
        let r = match event {
            Event::Text(text)
                if self.fast()
                    && !matches!(
                        self.leaf.map(Tag::value_type),
                        Some(ValueType::Integer | ValueType::DateTime)
                    )
                    && !contains_byte(text.as_bytes(), 0xEF) =>
            {
                self.open_tag_at = None;
                self.plain_text(&text)
            }
            event => {
                if let Some(e) = &self.failed {
                    return Err(e.clone());
                }
                self.event_inner(event)
            }
        };
        if let Err(e) = &r {
            self.failed = Some(e.clone());
        }
        r
    }
}

impl EventSink for WbxmlWriter {
    #[inline]
    fn event(&mut self, event: Event<'_>) -> Result<(), Error> {
        // Start tags of the tables without xmlns and End inside the root
        // (most events) in a path without calls, so that they need no stack
        // frame; matched by value, so that nothing is left to drop. The rest
        // in `event_other`.
        match event {
            Event::Start(Start {
                name: Name::Tag(tag),
                xmlns: None,
            }) if self.fast() => {
                if let Some((page, token)) = self.tables.token(tag) {
                    // Table tokens are 0x05-0x3F, which `tag` accepts.
                    if self.w.tag(page, token, false, true).is_ok() {
                        self.open_tag_at = Some(self.w.len() - 1);
                        self.path.push(Some(tag));
                        self.depth += 1;
                        self.leaf = Some(tag);
                        return Ok(());
                    }
                }
                self.event_other(Event::Start(Start::new(tag)))
            }
            Event::End
                if self.fast()
                    && self.depth > 1
                    && (self.open_tag_at.is_none()
                        || self.options.empty_elements != EmptyElements::NoContentBit) =>
            {
                self.end_fast();
                Ok(())
            }
            event => self.event_other(event),
        }
    }
}
