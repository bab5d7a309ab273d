//! CSP WBXML → events (OMA IMPS CSP WBXML definition on top of
//! WAP-192-WBXML-20010725).
//!
//! What the reader does on top of the generic tokenizer:
//!
//! - resolves tag tokens through the version's code pages (unknown tokens:
//!   lenient [`Name::Token`], strict error); `LITERAL` tags become
//!   [`Name::Other`] in both modes (as unknown XML names do);
//! - turns the page-0 `xmlns` attribute-start tokens 0x05–0x0D plus their
//!   string suffix into [`Start::xmlns`] (borrowing a `'static` namespace
//!   string when the URI is a known one, so no allocation); other
//!   attributes are skipped (lenient) or refused (strict);
//! - joins adjacent `STR_I` / `STR_T` / `EXT_T_0` / `ENTITY` pieces into one
//!   [`Event::Text`], borrowed when there is a single string piece;
//! - turns `OPAQUE` into [`Event::Integer`] / [`Event::DateTime`] in elements
//!   whose [`imps_tokens::Tag::value_type`] says so, else [`Event::Opaque`].
//!
//! The element whose type decides an OPAQUE is the innermost one, and only
//! while it has had no child element (an OPAQUE after a child is mixed
//! content, reported as [`Event::Opaque`]). That needs one `Option<Tag>`,
//! not a stack, so the reader allocates nothing except for joined text.

use std::borrow::Cow;

use imps_event::{
    CspVersion, Error, ErrorKind, Event, EventSource, Name, Path, Start, Tag, TagStep,
};
use imps_tokens::ValueType;
use imps_wbxml::{FastToken, Header, Name as WName, Reader, Token, TokenKind};

use crate::attributes::{read_xmlns, read_xmlns_tag};
use crate::datetime::unpack_datetime;
use crate::error::from_wbxml;
use crate::opaque::decode_integer;
use crate::tables::Tables;
use crate::values::push_unknown_ext;
use crate::version::{self, VersionSource};
use crate::DecodeOptions;

/// A CSP WBXML reader: an [`EventSource`] over `&'a [u8]`.
///
/// ```
/// use imps_csp_wbxml::{WbxmlReader, DecodeOptions};
/// use imps_event::{Event, EventSource, Start, Tag, CspVersion};
///
/// // Android's encoder output for
/// // <WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2"/>
/// let bytes = [0x03, 0x11, 0x6A, 0x00, 0xC9, 0x08, 0x03, b'1', b'.', b'2', 0x00, 0x01, 0x01];
/// let mut r = WbxmlReader::new(&bytes, &DecodeOptions::default()).unwrap();
/// assert_eq!(r.version(), CspVersion::V1_2);
/// assert_eq!(
///     r.next_event().unwrap(),
///     Some(Event::Start(Start::with_xmlns(
///         Tag::WvCspMessage,
///         "http://www.openmobilealliance.org/DTD/WV-CSP1.2"
///     )))
/// );
/// assert_eq!(r.next_event().unwrap(), Some(Event::End));
/// assert_eq!(r.next_event().unwrap(), None);
/// ```
#[derive(Clone, Debug)]
pub struct WbxmlReader<'a> {
    tokens: Reader<'a>,
    version: CspVersion,
    source: VersionSource,
    strict: bool,
    max_text: usize,
    path: Path,
    offset: usize,
    /// The last Start had no content: its End comes next.
    pending_end: bool,
    /// The innermost element, while it has had no child element.
    leaf: Option<Tag>,
    /// Lookup tables of `version`.
    tables: &'static Tables,
}

type Step<'a> = Result<Option<Event<'a>>, Error>;

impl<'a> WbxmlReader<'a> {
    /// Parses the header and detects the CSP version (rules:
    /// [`VersionSource`]). Fails on a malformed header, an unsupported
    /// charset, or (strict) a public id of another document type.
    pub fn new(input: &'a [u8], options: &DecodeOptions) -> Result<Self, Error> {
        let tokens = Reader::new(input, options.limits).map_err(|e| from_wbxml(e, Path::new()))?;
        let header = *tokens.header();
        let (version, source) = if let Some(v) = version::from_root_xmlns(&tokens) {
            (v, VersionSource::Xmlns)
        } else if let Some(found) = version::from_header(&header) {
            found
        } else if options.strict && version::is_foreign(&header) {
            let what = match header.public_id {
                imps_wbxml::PublicId::Numeric(id) => format!("public id {id:#04x} is not WV-CSP"),
                imps_wbxml::PublicId::String { fpi, .. } => format!("FPI {fpi:?} is not WV-CSP"),
            };
            return Err(Error::new(ErrorKind::Version(what.into()), 1, Path::new()));
        } else {
            (options.default_version, VersionSource::Default)
        };
        Ok(WbxmlReader {
            tokens,
            version,
            source,
            strict: options.strict,
            max_text: options.limits.max_string_len as usize,
            path: Path::new(),
            offset: header.body_offset,
            pending_end: false,
            leaf: None,
            tables: Tables::of(version),
        })
    }

    /// The CSP version whose tables decode this document.
    pub fn version(&self) -> CspVersion {
        self.version
    }

    /// What decided [`WbxmlReader::version`].
    pub fn version_source(&self) -> VersionSource {
        self.source
    }

    /// The WBXML header (version byte, public id, charset, string table).
    pub fn header(&self) -> &Header<'a> {
        self.tokens.header()
    }

    fn err(&self, kind: ErrorKind, offset: usize) -> Error {
        Error::new(kind, offset, self.path)
    }

    #[inline(always)]
    fn next_token(&mut self) -> Result<Option<Token<'a>>, Error> {
        match self.tokens.next_token() {
            Ok(t) => Ok(t),
            Err(e) => Err(self.wbxml_error(e)),
        }
    }

    #[cold]
    #[inline(never)]
    fn wbxml_error(&self, e: imps_wbxml::Error) -> Error {
        from_wbxml(e, self.path)
    }

    /// The next event. The common tokens (tags without attributes, END, a
    /// string or value token not followed by more text, OPAQUE, SWITCH_PAGE)
    /// are handled here; the rest by [`WbxmlReader::step_other`].
    ///
    /// Everything up to the tokenizer's fast path is inlined into
    /// [`EventSource::next_event`]: one dispatch on the token, no call for
    /// the common tokens (measured faster than a call-free path for tags
    /// and END with a call for the rest).
    #[inline(always)]
    fn step(&mut self) -> Step<'a> {
        if self.take_pending_end() {
            return Ok(Some(Event::End));
        }
        self.step_content()
    }

    /// The `End` of an element without content, right after its `Start`:
    /// leaves it and says so (`false`: nothing pending).
    #[inline(always)]
    fn take_pending_end(&mut self) -> bool {
        if !self.pending_end {
            return false;
        }
        self.pending_end = false;
        self.path.pop();
        self.leaf = None;
        true
    }

    /// Enters the element `tag` whose tag token was read at `offset`.
    #[inline(always)]
    fn enter(&mut self, offset: usize, tag: Tag, content: bool) {
        self.offset = offset;
        self.path.push(Some(tag));
        self.leaf = Some(tag);
        self.pending_end = !content;
    }

    /// Leaves the innermost element; `offset` is where the event reported
    /// for it was read (its `END`, or a leaf shortcut's content).
    #[inline(always)]
    fn leave(&mut self, offset: usize) {
        self.offset = offset;
        self.path.pop();
        self.leaf = None;
    }

    /// The start of an element whose tag token was read at `offset`.
    #[inline(always)]
    fn open(&mut self, offset: usize, token: u8, content: bool) -> Step<'a> {
        let Some(tag) = self.tables.tag(self.tokens.tag_page(), token) else {
            return self.unknown_tag(offset, token, content);
        };
        self.enter(offset, tag, content);
        Ok(Some(Event::Start(Start {
            name: Name::Tag(tag),
            xmlns: None,
        })))
    }

    /// The end of the innermost element, read at `offset` (always inlined).
    #[inline(always)]
    fn close(&mut self, offset: usize) -> Step<'a> {
        self.leave(offset);
        Ok(Some(Event::End))
    }

    /// Whether a leaf shortcut may read: right after the `Start` of an
    /// element with content (without content, its `End` comes from
    /// `pending_end`) that is not the root (so that an event, at least the
    /// parent's `End`, follows and moves the offset past the content's).
    #[inline(always)]
    fn in_leaf(&self) -> bool {
        !self.pending_end && self.path.depth() > 1
    }

    /// A tag token the version's table does not have, read by the fast path.
    #[cold]
    #[inline(never)]
    fn unknown_tag(&mut self, offset: usize, token: u8, content: bool) -> Step<'a> {
        let t = Token {
            offset,
            page: self.tokens.tag_page(),
            kind: TokenKind::Tag {
                name: WName::Token(token),
                attributes: false,
                content,
            },
        };
        self.general(t)
    }

    /// [`WbxmlReader::step`] after a pending END: reads tokens through the
    /// tokenizer's fast path until one yields an event (SWITCH_PAGE yields
    /// none); the rest goes to [`WbxmlReader::step_slow`].
    #[inline(always)]
    fn step_content(&mut self) -> Step<'a> {
        loop {
            let offset = self.tokens.position();
            match self.tokens.next_fast() {
                FastToken::Tag { token, content } => return self.open(offset, token, content),
                FastToken::End => return self.close(offset),
                FastToken::StrI(text) => {
                    self.offset = offset;
                    if !self.text_follows() {
                        return Ok(Some(Event::Text(Cow::Borrowed(text))));
                    }
                    let t = Token {
                        offset,
                        page: self.tokens.tag_page(),
                        kind: TokenKind::StrI(text),
                    };
                    return self.general(t);
                }
                FastToken::ExtT0(value) => {
                    self.offset = offset;
                    if let Some(text) = self.version.ext_value(value) {
                        if !self.text_follows() {
                            return Ok(Some(Event::Text(Cow::Borrowed(text))));
                        }
                    }
                    let t = Token {
                        offset,
                        page: self.tokens.tag_page(),
                        kind: TokenKind::ExtT { n: 0, value },
                    };
                    return self.general(t);
                }
                FastToken::Opaque(data) => {
                    self.offset = offset;
                    return self.opaque(data, offset).map(Some);
                }
                FastToken::SwitchPage(_) => {
                    self.offset = offset;
                }
                FastToken::Other => return self.step_slow(),
            }
        }
    }

    /// [`WbxmlReader::step`] for the tokens the tokenizer's fast path
    /// leaves (and everything after them up to the next event).
    #[inline(never)]
    fn step_slow(&mut self) -> Step<'a> {
        loop {
            // A known tag with one `xmlns` (phones' root and
            // `TransactionContent`), in one step.
            let offset = self.tokens.position();
            let (tables, page) = (self.tables, self.tokens.tag_page());
            if let Some((tag, content, xmlns)) =
                read_xmlns_tag(&mut self.tokens, |token| tables.tag(page, token))
            {
                self.enter(offset, tag, content);
                return Ok(Some(Event::Start(Start {
                    name: Name::Tag(tag),
                    xmlns: Some(xmlns),
                })));
            }
            let r = self.tokens.next_token();
            let t = match &r {
                Ok(Some(t)) => t,
                Ok(None) => return Ok(None),
                Err(e) => return Err(self.wbxml_error(*e)),
            };
            self.offset = t.offset;
            // A tag without attributes outside element content (the root
            // of a document without `xmlns`, as libwbxml writes it).
            if let TokenKind::Tag {
                name: WName::Token(token),
                attributes: false,
                content,
            } = t.kind
            {
                if let Some(tag) = self.tables.tag(t.page, token) {
                    self.enter(t.offset, tag, content);
                    return Ok(Some(Event::Start(Start {
                        name: Name::Tag(tag),
                        xmlns: None,
                    })));
                }
            }
            if let Some(event) = self.step_other(t)? {
                return Ok(Some(event));
            }
        }
    }

    /// One token that yields an event (or several tokens, for joined text)
    /// through the general path; continues with [`WbxmlReader::step_slow`]
    /// if it yields none.
    #[inline(never)]
    fn general(&mut self, t: Token<'a>) -> Step<'a> {
        self.offset = t.offset;
        match self.step_other(&t)? {
            Some(event) => Ok(Some(event)),
            None => self.step_slow(),
        }
    }

    /// Every token the fast path of [`WbxmlReader::step`] leaves: tags with
    /// attributes, unknown or LITERAL tags, text to be joined, ENTITY,
    /// STR_T, PIs and the extension tokens WV-CSP does not use. `None` for a
    /// token that yields no event.
    #[inline(never)]
    fn step_other(&mut self, t: &Token<'a>) -> Result<Option<Event<'a>>, Error> {
        match t.kind {
            TokenKind::Tag {
                name,
                attributes,
                content,
            } => self.start(*t, name, attributes, content).map(Some),
            TokenKind::End => {
                self.leave(t.offset);
                Ok(Some(Event::End))
            }
            TokenKind::StrI(_)
            | TokenKind::StrT { .. }
            | TokenKind::Entity(_)
            | TokenKind::ExtT { n: 0, .. } => self.text(*t).map(Some),
            TokenKind::Opaque(data) => self.opaque(data, t.offset).map(Some),
            TokenKind::ExtT { .. } | TokenKind::ExtI { .. } | TokenKind::Ext(_) if self.strict => {
                Err(self.err(
                    ErrorKind::Unexpected {
                        expected: "content",
                        found: "an extension token WV-CSP does not use".into(),
                    },
                    t.offset,
                ))
            }
            TokenKind::Pi => self.skip_pi().map(|()| None),
            // SWITCH_PAGE is applied by the tokenizer; attribute tokens
            // only occur inside `start` and `skip_pi`.
            _ => Ok(None),
        }
    }

    fn skip_pi(&mut self) -> Result<(), Error> {
        while let Some(t) = self.next_token()? {
            if t.kind == TokenKind::PiEnd {
                break;
            }
        }
        Ok(())
    }

    fn start(
        &mut self,
        t: Token<'a>,
        name: WName<'a>,
        attributes: bool,
        content: bool,
    ) -> Result<Event<'a>, Error> {
        let (name, tag) = match name {
            WName::Token(token) => match self.version.tag(t.page, token) {
                Some(tag) => (Name::Tag(tag), Some(tag)),
                None if self.strict => {
                    return Err(self.err(
                        ErrorKind::UnknownElement(
                            format!(
                                "tag token {token:#04x} on page {:#04x} (CSP {})",
                                t.page, self.version
                            )
                            .into(),
                        ),
                        t.offset,
                    ))
                }
                None => (
                    Name::Token {
                        page: t.page,
                        token,
                    },
                    None,
                ),
            },
            // A LITERAL tag is a name outside the tables, like an unknown
            // XML element name: kept in both modes (the model decides).
            WName::Literal { name, .. } => (Name::Other(Cow::Borrowed(name)), None),
        };
        // Entered before the attributes, so their errors name the element.
        self.path.push(tag);
        let xmlns = if attributes {
            read_xmlns(&mut self.tokens, self.strict, self.path)?
        } else {
            None
        };
        self.leaf = tag;
        if !content {
            self.pending_end = true;
        }
        Ok(Event::Start(Start { name, xmlns }))
    }

    fn text_piece(&self, t: &Token<'a>) -> Result<Option<Cow<'a, str>>, Error> {
        Ok(Some(match t.kind {
            TokenKind::StrI(s) | TokenKind::StrT { text: s, .. } => Cow::Borrowed(s),
            TokenKind::Entity(c) => Cow::Owned(c.to_string()),
            TokenKind::ExtT { n: 0, value } => match self.version.ext_value(value) {
                Some(v) => Cow::Borrowed(v),
                None if self.strict => {
                    return Err(self.err(
                        ErrorKind::InvalidValue {
                            expected: "an EXT_T_0 index of the value table",
                            found: format!("{value:#x} (CSP {})", self.version).into(),
                        },
                        t.offset,
                    ))
                }
                None => {
                    let mut s = String::new();
                    push_unknown_ext(&mut s, value);
                    Cow::Owned(s)
                }
            },
            _ => return Ok(None),
        }))
    }

    /// `true` if the next token continues the current text: a text piece
    /// (`STR_I`, `STR_T`, `ENTITY`, `EXT_T_0`), possibly after tokens the
    /// event loop skips (`SWITCH_PAGE`, processing instructions, and in
    /// lenient mode the extension tokens WV-CSP does not use), so that
    /// skipped tokens never split one text into two `Text` events.
    ///
    /// Fast path: the next byte starts a text piece or cannot be skipped.
    /// Otherwise a copy of the tokenizer looks ahead (rare: nothing is put
    /// back, nothing allocated).
    #[inline(always)]
    fn text_follows(&self) -> bool {
        use imps_wbxml::global::*;
        let Some(&b) = self.tokens.remaining().first() else {
            return false;
        };
        // END and tags (the usual next tokens) first.
        if b == END || !is_global(b) {
            return false;
        }
        match b {
            STR_I | STR_T | ENTITY | EXT_T_0 => true,
            SWITCH_PAGE | PI | EXT_I_0 | EXT_I_1 | EXT_I_2 | EXT_T_1 | EXT_T_2 | EXT_0 | EXT_1
            | EXT_2 => self.text_follows_skipped(),
            _ => false,
        }
    }

    /// [`WbxmlReader::text_follows`] after a token that the event loop
    /// skips: looks further ahead on a copy of the tokenizer.
    #[inline(never)]
    fn text_follows_skipped(&self) -> bool {
        let mut probe = self.tokens.clone();
        let mut in_pi = false;
        while let Ok(Some(t)) = probe.next_token() {
            match t.kind {
                TokenKind::PiEnd => in_pi = false,
                _ if in_pi => {}
                TokenKind::Pi => in_pi = true,
                TokenKind::SwitchPage(_) => {}
                TokenKind::ExtT { n: 1 | 2, .. } | TokenKind::ExtI { .. } | TokenKind::Ext(_)
                    if !self.strict => {}
                TokenKind::StrI(_)
                | TokenKind::StrT { .. }
                | TokenKind::Entity(_)
                | TokenKind::ExtT { n: 0, .. } => return true,
                _ => return false,
            }
        }
        false
    }

    /// Joins this text piece with every adjacent one.
    fn text(&mut self, first: Token<'a>) -> Result<Event<'a>, Error> {
        let mut text = self.text_piece(&first)?.unwrap_or_default();
        while self.text_follows() {
            let Some(t) = self.next_token()? else {
                break;
            };
            if t.kind == TokenKind::Pi {
                self.skip_pi()?;
            } else if let Some(piece) = self.text_piece(&t)? {
                if text.len() + piece.len() > self.max_text {
                    return Err(self.err(ErrorKind::Limit("string length"), t.offset));
                }
                text.to_mut().push_str(&piece);
            }
        }
        Ok(Event::Text(text))
    }

    #[inline(always)]
    fn opaque(&mut self, data: &'a [u8], offset: usize) -> Result<Event<'a>, Error> {
        let ty = self.leaf.map(Tag::value_type);
        let typed = match ty {
            Some(ValueType::Integer) => decode_integer(data).map(Event::Integer),
            Some(ValueType::DateTime) => unpack_datetime(data).map(Event::DateTime),
            _ => return Ok(Event::Opaque(Cow::Borrowed(data))),
        };
        match typed {
            Some(ev) => Ok(ev),
            None if self.strict => Err(self.err(
                ErrorKind::InvalidValue {
                    expected: if ty == Some(ValueType::Integer) {
                        "an integer of 0-4 OPAQUE bytes"
                    } else {
                        "a 6-byte packed date-time"
                    },
                    found: format!("{data:02X?}").into(),
                },
                offset,
            )),
            None => Ok(Event::Opaque(Cow::Borrowed(data))),
        }
    }
}

impl<'a> EventSource<'a> for WbxmlReader<'a> {
    #[inline]
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        self.step()
    }

    fn offset(&self) -> usize {
        self.offset
    }

    fn path(&self) -> Path {
        self.path
    }

    fn has_shortcuts(&self) -> bool {
        true
    }

    /// A tag without attributes that the version's table knows, or `END`
    /// (after any `SWITCH_PAGE`s), read through the tokenizer's fast path.
    #[inline]
    fn next_tag(&mut self) -> TagStep {
        use imps_wbxml::global::{is_global, END, SWITCH_PAGE, TAG_ATTRIBUTES, TAG_MASK};
        if self.take_pending_end() {
            return TagStep::End;
        }
        loop {
            let offset = self.tokens.position();
            let Some(b) = self.tokens.peek_fast() else {
                return TagStep::Other;
            };
            if !is_global(b) {
                if b & TAG_ATTRIBUTES != 0 {
                    return TagStep::Other;
                }
                let Some(tag) = self.tables.tag(self.tokens.tag_page(), b & TAG_MASK) else {
                    return TagStep::Other;
                };
                // `Other` (nothing read) at the depth limit.
                let FastToken::Tag { content, .. } = self.tokens.next_fast() else {
                    return TagStep::Other;
                };
                self.enter(offset, tag, content);
                return TagStep::Start(tag);
            }
            if b == END {
                self.tokens.next_fast();
                self.leave(offset);
                return TagStep::End;
            }
            if b != SWITCH_PAGE {
                return TagStep::Other;
            }
            let FastToken::SwitchPage(_) = self.tokens.next_fast() else {
                return TagStep::Other;
            };
            self.offset = offset;
        }
    }

    /// `STR_I` or a known `EXT_T_0` value directly followed by `END`.
    #[inline]
    fn leaf_text(&mut self) -> Option<&'a str> {
        if !self.in_leaf() {
            return None;
        }
        let version = self.version;
        let at = self.tokens.position();
        let (token, _) = self.tokens.next_fast_leaf(|t| match t {
            FastToken::StrI(_) => true,
            FastToken::ExtT0(value) => version.ext_value(*value).is_some(),
            _ => false,
        })?;
        let text = match token {
            FastToken::StrI(text) => text,
            FastToken::ExtT0(value) => version.ext_value(value).unwrap_or_default(),
            _ => "",
        };
        // The offset stays the content's (see `EventSource::leaf_text`).
        self.leave(at);
        Some(text)
    }

    /// An `OPAQUE` integer (in an element whose value type is an integer,
    /// as [`EventSource::next_event`] would report it) directly followed by
    /// `END`.
    #[inline]
    fn leaf_integer(&mut self) -> Option<u32> {
        if !self.in_leaf() || self.leaf.map(Tag::value_type) != Some(ValueType::Integer) {
            return None;
        }
        let at = self.tokens.position();
        let (token, _) = self.tokens.next_fast_leaf(|t| match t {
            FastToken::Opaque(data) => decode_integer(data).is_some(),
            _ => false,
        })?;
        let FastToken::Opaque(data) = token else {
            return None;
        };
        let value = decode_integer(data)?;
        // The offset stays the content's (see `EventSource::leaf_text`).
        self.leave(at);
        Some(value)
    }
}
