//! The one mapping between models and the event stream: the [`FromEvents`] /
//! [`ToEvents`] traits, the [`Decoder`] that walks an [`EventSource`] and the
//! [`Encoder`] that feeds an [`EventSink`].
//!
//! Like xmpp-rs `xso`, a parent reads a child's `Start` event, decides from
//! its name which model it is ("not this element" is a name mismatch, decided
//! before any decoding), and hands the `Start` to that model, which then
//! consumes everything up to and including the matching `End` ("this element,
//! malformed" is an error from inside). The element name lives with the
//! parent's field, so one content model can serve several elements
//! (`AddList`, `RemoveList` and `EntityList` share [`crate::EntityList`]).

use std::borrow::Cow;

use imps_event::{
    CspVersion, DateTime, Error, ErrorKind, Event, EventSink, EventSource, Name, Path, Start, Tag,
    TagStep,
};

use crate::element::{Element, Node};
use crate::leaf::Text;

/// How to decode.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// Refuse what lenient mode keeps: unknown elements, repeated singular
    /// children, more than one primitive in a `TransactionContent`, unknown
    /// namespaces. Default `false` (lenient).
    pub strict: bool,
    /// The CSP version to assume when the document does not declare one by
    /// namespace (libwbxml drops `xmlns`; the WBXML public id is known only to
    /// the reader). Default CSP 1.2.
    pub default_version: CspVersion,
    /// Deepest element nesting accepted below the root (unknown subtrees are
    /// trees; this bounds their depth). Default 64.
    pub max_depth: u32,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            strict: false,
            default_version: CspVersion::V1_2,
            max_depth: 64,
        }
    }
}

impl DecodeOptions {
    /// Lenient decoding (the default).
    pub fn lenient() -> Self {
        DecodeOptions::default()
    }

    /// Strict decoding: unknown elements and repeated singular children are
    /// errors.
    pub fn strict() -> Self {
        DecodeOptions {
            strict: true,
            ..DecodeOptions::default()
        }
    }

    /// The same options with another fallback version.
    pub fn with_default_version(mut self, version: CspVersion) -> Self {
        self.default_version = version;
        self
    }
}

/// How to encode.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EncodeOptions {
    /// The CSP version whose element names are written (`BlockUser-Request`
    /// in 1.1, `BlockEntity-Request` later). A [`crate::Message`] overrides it
    /// with its own version. Default CSP 1.2.
    pub version: CspVersion,
}

impl Default for EncodeOptions {
    fn default() -> Self {
        EncodeOptions {
            version: CspVersion::V1_2,
        }
    }
}

/// A model of an element's content: everything between its `Start` and its
/// `End`. Implemented once per model type (by the declaration macros).
pub trait FromEvents: Sized {
    /// Decodes the content of the element whose `start` the caller has just
    /// read, consuming the events up to and including its `End`.
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error>;

    /// [`FromEvents::from_events`] into `slot`, which holds a fresh
    /// (`Default`) value. Element models decode their children straight
    /// into it instead of moving a large model through every level.
    #[inline]
    fn decode_into<'a>(
        slot: &mut Self,
        start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        *slot = Self::from_events(start, d)?;
        Ok(())
    }

    /// [`FromEvents::from_events`] into an empty optional field.
    #[inline]
    fn decode_some<'a>(
        slot: &mut Option<Self>,
        start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        *slot = Some(Self::from_events(start, d)?);
        Ok(())
    }

    /// [`FromEvents::from_events`], appended to a list.
    #[inline]
    fn decode_push<'a>(
        list: &mut Vec<Self>,
        start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        let value = Self::from_events(start, d)?;
        reserve_first(list);
        list.push(value);
        Ok(())
    }
}

/// Before the first push into `list`: room for exactly one large element
/// (most lists of large models hold one: a `Transaction`, a `Group`), where
/// `Vec` would allocate room for four.
#[inline(always)]
pub(crate) fn reserve_first<T>(list: &mut Vec<T>) {
    if std::mem::size_of::<T>() > 128 && list.capacity() == 0 {
        list.reserve_exact(1);
    }
}

/// The encoding half of [`FromEvents`]: writes the element's content (not its
/// `Start`/`End`, which belong to the parent's field).
pub trait ToEvents {
    /// Writes the content events.
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error>;

    /// The `xmlns` to declare on this element's start tag, if any.
    fn xmlns(&self) -> Option<&str> {
        None
    }
}

/// A model with a home element name: what [`crate::decode`] expects at the
/// root and [`crate::encode`] writes.
pub trait Named {
    /// The element name.
    const TAG: Tag;
}

/// A choice between several child elements (`(NickName | UserID)`): one enum
/// value per alternative, each knowing its own element name.
pub trait Choice: Sized {
    /// Whether a child with this name is one of the alternatives.
    fn accepts(name: &Name<'_>) -> bool;
    /// Decodes the alternative `start` names (the parent checked
    /// [`Choice::accepts`]).
    fn decode_choice<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error>;
    /// Writes the alternative as a whole element.
    fn encode_choice(&self, e: &mut Encoder<'_>) -> Result<(), Error>;
}

/// The content of a leaf element, as read from the stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    /// No content (`<X/>`).
    Empty,
    /// Text (XML, WBXML strings).
    Text(Cow<'a, str>),
    /// A WBXML integer.
    Integer(u32),
    /// A WBXML packed date.
    DateTime(DateTime),
    /// Other WBXML opaque data.
    Opaque(Cow<'a, [u8]>),
}

/// A leaf value with the position it was read at, for error reports.
#[derive(Clone, Debug)]
pub struct LeafValue<'a> {
    /// The content.
    pub value: Value<'a>,
    offset: usize,
    path: Path,
}

impl LeafValue<'_> {
    /// An error about this value, at its position.
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.offset, self.path)
    }

    /// An "expected X, found Y" error about this value.
    pub fn invalid(&self, expected: &'static str) -> Error {
        self.error(self.value.invalid(expected))
    }

    /// The value as text (integers and dates in their decimal / ISO form;
    /// opaque data must be UTF-8).
    pub fn into_text(self) -> Result<Cow<'static, str>, Error> {
        Ok(match self.value {
            Value::Empty => Cow::Borrowed(""),
            Value::Text(t) => Cow::Owned(t.into_owned()),
            Value::Integer(i) => Cow::Owned(i.to_string()),
            Value::DateTime(d) => Cow::Owned(d.to_string()),
            Value::Opaque(ref o) => match std::str::from_utf8(o) {
                Ok(s) => Cow::Owned(s.to_owned()),
                Err(_) => return Err(self.invalid("UTF-8 text")),
            },
        })
    }
}

impl Value<'_> {
    /// "Expected `expected`, found this value".
    fn invalid(&self, expected: &'static str) -> ErrorKind {
        let found: Box<str> = match self {
            Value::Empty => "".into(),
            Value::Text(t) => t.as_ref().into(),
            Value::Integer(i) => i.to_string().into(),
            Value::DateTime(d) => d.to_string().into(),
            Value::Opaque(o) => format!("{} bytes of opaque data", o.len()).into(),
        };
        ErrorKind::InvalidValue { expected, found }
    }

    /// The value as text, as [`LeafValue::into_text`] gives it (`Err`:
    /// opaque data that is not UTF-8, with what was expected).
    pub fn text(&self) -> Result<Cow<'_, str>, &'static str> {
        Ok(match self {
            Value::Empty => Cow::Borrowed(""),
            Value::Text(t) => Cow::Borrowed(t.as_ref()),
            Value::Integer(i) => Cow::Owned(i.to_string()),
            Value::DateTime(d) => Cow::Owned(d.to_string()),
            Value::Opaque(o) => Cow::Borrowed(std::str::from_utf8(o).map_err(|_| "UTF-8 text")?),
        })
    }
}

fn is_xml_space(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Elements renamed between versions: the model uses the CSP 1.2 name
/// (first), a version writes its own (third).
const RENAMED: &[(Tag, CspVersion, Tag)] = &[
    (
        Tag::BlockEntityRequest,
        CspVersion::V1_1,
        Tag::BlockUserRequest,
    ),
    (Tag::Cirurl, CspVersion::V1_3, Tag::CIRHTTPAddress),
];

/// The name `version` uses for the model's (CSP 1.2) name `tag`.
pub fn versioned_tag(tag: Tag, version: CspVersion) -> Tag {
    RENAMED
        .iter()
        .find(|(model, v, _)| *model == tag && *v == version)
        .map_or(tag, |(_, _, wire)| *wire)
}

/// The model's (CSP 1.2) name for a name of any version.
pub fn model_tag(tag: Tag) -> Tag {
    RENAMED
        .iter()
        .find(|(_, _, wire)| *wire == tag)
        .map_or(tag, |(model, _, _)| *model)
}

/// Names as the model matches them: a name spelled out (XML, or a WBXML
/// `LITERAL` of a version whose table lacks it) that a token table knows is
/// that table name, and renamed elements carry their CSP 1.2 name.
#[inline(always)]
pub(crate) fn normalize_name(name: &mut Name<'_>) {
    match name {
        Name::Tag(t) => *t = model_tag(*t),
        Name::Other(s) => {
            if let Some(tag) = Tag::from_name(s) {
                *name = Name::Tag(model_tag(tag));
            }
        }
        Name::Token { .. } => {}
    }
}

/// [`normalize_name`] of a whole start tag.
#[inline]
fn normalize(mut start: Start<'_>) -> Start<'_> {
    normalize_name(&mut start.name);
    start
}

fn is_space_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

fn describe(ev: &Event<'_>) -> Box<str> {
    match ev {
        Event::Start(s) => format!("element <{}>", s.name.as_xml()).into(),
        Event::End => "end of element".into(),
        Event::Text(t) => format!("text {:?}", truncate(t)).into(),
        Event::Integer(i) => format!("integer {i}").into(),
        Event::DateTime(d) => format!("date-time {d}").into(),
        Event::Opaque(o) => format!("{} bytes of opaque data", o.len()).into(),
    }
}

fn truncate(s: &str) -> &str {
    match s.char_indices().nth(40) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Walks an [`EventSource`] on behalf of the models.
///
/// Holds the options and the document's CSP version (known after the root
/// element's namespace has been read), so that models can depend on them.
pub struct Decoder<'s, 'a> {
    source: &'s mut dyn EventSource<'a>,
    options: DecodeOptions,
    version: CspVersion,
    /// The source has the shortcuts [`EventSource::next_tag`] and
    /// [`EventSource::leaf_text`].
    shortcuts: bool,
}

impl<'s, 'a> Decoder<'s, 'a> {
    /// A decoder over `source`.
    pub fn new(source: &'s mut dyn EventSource<'a>, options: DecodeOptions) -> Self {
        let version = options.default_version;
        let shortcuts = source.has_shortcuts();
        Decoder {
            source,
            options,
            version,
            shortcuts,
        }
    }

    /// The options in force.
    pub fn options(&self) -> &DecodeOptions {
        &self.options
    }

    /// Whether strict mode is on.
    pub fn strict(&self) -> bool {
        self.options.strict
    }

    /// The CSP version of the document being decoded.
    pub fn version(&self) -> CspVersion {
        self.version
    }

    /// Sets the document's CSP version (done by [`crate::Message`]).
    pub fn set_version(&mut self, version: CspVersion) {
        self.version = version;
    }

    /// An error at the current position.
    pub fn error(&self, kind: ErrorKind) -> Error {
        self.source.error(kind)
    }

    /// An error about the element `name` whose `End` was just read (the
    /// source's path has already left it; this puts it back).
    pub fn error_in(&self, name: &Name<'_>, kind: ErrorKind) -> Error {
        let mut path = self.source.path();
        path.push(name.tag());
        Error::new(kind, self.source.offset(), path)
    }

    /// The error for a missing required child `child` of `parent`.
    pub fn missing(&self, parent: &Name<'_>, child: Tag) -> Error {
        self.error_in(parent, ErrorKind::Missing(child.name()))
    }

    /// The next event; the end of the input before the root's `End` is an
    /// error.
    #[inline(always)]
    pub fn next_event(&mut self) -> Result<Event<'a>, Error> {
        match self.source.next_event() {
            Ok(Some(ev)) => Ok(ev),
            Ok(None) => Err(self.end_of_document()),
            Err(e) => Err(e),
        }
    }

    /// The source's next event as it comes (`None` at the end of the
    /// input), for the element loops of the declaration macros.
    #[inline(always)]
    pub(crate) fn raw_next(&mut self) -> Result<Option<Event<'a>>, Error> {
        self.source.next_event()
    }

    /// [`EventSource::next_tag`] of a source that has it (else
    /// [`TagStep::Other`]), for the element loops of the declaration macros.
    #[inline(always)]
    pub(crate) fn next_tag(&mut self) -> TagStep {
        if self.shortcuts {
            self.source.next_tag()
        } else {
            TagStep::Other
        }
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn end_of_document(&self) -> Error {
        self.error(ErrorKind::Syntax("unexpected end of document".into()))
    }

    /// Reads the root element's `Start`.
    pub fn root(&mut self) -> Result<Start<'a>, Error> {
        loop {
            match self.next_event()? {
                Event::Start(s) => return Ok(normalize(s)),
                Event::Text(t) if is_xml_space(&t) => continue,
                other => {
                    return Err(self.error(ErrorKind::Unexpected {
                        expected: "the root element",
                        found: describe(&other),
                    }))
                }
            }
        }
    }

    /// Checks that nothing but whitespace follows the root element.
    pub fn finish(&mut self) -> Result<(), Error> {
        while let Some(ev) = self.source.next_event()? {
            match ev {
                Event::Text(t) if is_xml_space(&t) => {}
                other => {
                    return Err(self.error(ErrorKind::Unexpected {
                        expected: "the end of the document",
                        found: describe(&other),
                    }))
                }
            }
        }
        Ok(())
    }

    /// In element-only content: the next child's `Start` (its name
    /// normalized), or `None` at the parent's `End`. Whitespace text is
    /// skipped; other content (the stray text of a hand-edited document) is
    /// kept in `extra` (lenient) or refused (strict).
    ///
    /// For hand-written models; the declaration macros inline the same
    /// steps into their loops (measured faster than going through the
    /// `Option<Start>`).
    #[inline]
    pub fn next_child(&mut self, extra: &mut Vec<Node>) -> Result<Option<Start<'a>>, Error> {
        match self.next_tag() {
            TagStep::Start(tag) => {
                return Ok(Some(Start {
                    name: Name::Tag(model_tag(tag)),
                    xmlns: None,
                }))
            }
            TagStep::End => return Ok(None),
            TagStep::Other => {}
        }
        loop {
            match self.source.next_event()? {
                // Typed models nest a bounded number of levels; only
                // generic subtrees (see `subtree`) need the depth check.
                Some(Event::Start(mut s)) => {
                    normalize_name(&mut s.name);
                    return Ok(Some(s));
                }
                Some(Event::End) => return Ok(None),
                Some(other) => self.stray(other, extra)?,
                None => return Err(self.end_of_document()),
            }
        }
    }

    /// Content other than a child element where child elements belong.
    #[inline(never)]
    pub(crate) fn stray(&mut self, ev: Event<'a>, extra: &mut Vec<Node>) -> Result<(), Error> {
        let node = match ev {
            Event::Text(t) if is_xml_space(&t) => return Ok(()),
            other if self.options.strict => {
                return Err(self.error(ErrorKind::Unexpected {
                    expected: "a child element",
                    found: describe(&other),
                }))
            }
            // Stray text is junk from hand-edited documents; its
            // surrounding whitespace is not kept (WBXML encoders drop it).
            Event::Text(t) => Node::Text(t.trim_matches(is_space_char).to_owned()),
            Event::Integer(i) => Node::Integer(i),
            Event::DateTime(dt) => Node::DateTime(dt),
            Event::Opaque(o) => Node::Opaque(o.into_owned()),
            // Not reached: `next_child` handles both.
            Event::Start(_) | Event::End => return Ok(()),
        };
        match (extra.last_mut(), node) {
            (Some(Node::Text(prev)), Node::Text(t)) => prev.push_str(&t),
            (_, node) => extra.push(node),
        }
        Ok(())
    }

    /// Reads the content of a leaf element up to and including its `End`.
    /// Adjacent pieces are joined as text; a child element is an error.
    #[inline]
    pub fn leaf(&mut self) -> Result<LeafValue<'a>, Error> {
        let first = self.next_event()?;
        let offset = self.source.offset();
        let path = self.source.path();
        let value = match first {
            Event::End => {
                return Ok(LeafValue {
                    value: Value::Empty,
                    offset,
                    path,
                })
            }
            Event::Text(t) => Value::Text(t),
            Event::Integer(i) => Value::Integer(i),
            Event::DateTime(d) => Value::DateTime(d),
            Event::Opaque(o) => Value::Opaque(o),
            Event::Start(s) => return Err(self.element_in_leaf(&s)),
        };
        let leaf = LeafValue {
            value,
            offset,
            path,
        };
        match self.next_event()? {
            Event::End => Ok(leaf),
            more => self.join_pieces(leaf, more),
        }
    }

    /// The content of a leaf element whose `Start` was just read, when it
    /// is one piece of text and the source reads that in one step
    /// ([`EventSource::leaf_text`]: the text and the `End` are read);
    /// `None` with nothing read otherwise.
    #[inline(always)]
    pub(crate) fn leaf_text(&mut self) -> Option<&'a str> {
        if self.shortcuts {
            self.source.leaf_text()
        } else {
            None
        }
    }

    /// The content of a leaf element whose `Start` was just read, when it
    /// is one integer and the source reads that in one step
    /// ([`EventSource::leaf_integer`]); `None` with nothing read otherwise.
    #[inline(always)]
    fn leaf_integer(&mut self) -> Option<u32> {
        if self.shortcuts {
            self.source.leaf_integer()
        } else {
            None
        }
    }

    /// An invalid value read by a leaf shortcut, in the element `name`:
    /// the error [`LeafValue::invalid`] gives after the value's event (the
    /// source's offset is still the value's; its path has left the element).
    #[cold]
    #[inline(never)]
    fn invalid_in(&self, name: &Name<'_>, value: Value<'_>, expected: &'static str) -> Error {
        self.error_in(name, value.invalid(expected))
    }

    /// The content of a leaf element as owned text: [`Decoder::leaf`] then
    /// [`LeafValue::into_text`], without copying text the reader already
    /// owns (short text is kept inline, see [`Text`]).
    #[inline]
    pub fn text(&mut self) -> Result<Text, Error> {
        if let Some(t) = self.leaf_text() {
            return Ok(Text::new(t));
        }
        self.text_events()
    }

    /// [`Decoder::text`] written into `out`, for text fields decoded in
    /// place.
    #[inline]
    pub fn text_into(&mut self, out: &mut Text) -> Result<(), Error> {
        match self.leaf_text() {
            Some(t) => *out = Text::new(t),
            None => *out = self.text_events()?,
        }
        Ok(())
    }

    /// [`Decoder::text`] from the events (no leaf shortcut).
    fn text_events(&mut self) -> Result<Text, Error> {
        // Matched on the source's results as they come (no conversion to
        // `Result<Event, Error>` per event).
        let first = match self.source.next_event()? {
            // The usual case: one piece of text. Its position is only
            // needed for errors, and text cannot be invalid here.
            Some(Event::Text(t)) => t,
            Some(Event::End) => return Ok(Text::default()),
            Some(other) => return self.text_of(other),
            None => return Err(self.end_of_document()),
        };
        match self.source.next_event()? {
            Some(Event::End) => Ok(Text::from(first)),
            more => self.text_pieces(first, more),
        }
    }

    /// [`Decoder::text`] of a leaf whose text is followed by more content.
    #[cold]
    #[inline(never)]
    fn text_pieces(&mut self, first: Cow<'a, str>, more: Option<Event<'a>>) -> Result<Text, Error> {
        let Some(more) = more else {
            return Err(self.end_of_document());
        };
        let leaf = LeafValue {
            value: Value::Text(first),
            offset: 0,
            path: Path::new(),
        };
        Ok(Text::from(self.join_pieces(leaf, more)?.into_text()?))
    }

    /// [`Decoder::text`] of a leaf whose first content is not text.
    #[inline(never)]
    fn text_of(&mut self, first: Event<'a>) -> Result<Text, Error> {
        let value = match first {
            Event::Start(s) => return Err(self.element_in_leaf(&s)),
            Event::Integer(i) => Value::Integer(i),
            Event::DateTime(d) => Value::DateTime(d),
            Event::Opaque(o) => Value::Opaque(o),
            Event::End | Event::Text(_) => Value::Empty,
        };
        let leaf = LeafValue {
            value,
            offset: self.source.offset(),
            path: self.source.path(),
        };
        let leaf = match self.next_event()? {
            Event::End => leaf,
            more => self.join_pieces(leaf, more)?,
        };
        Ok(Text::from(leaf.into_text()?))
    }

    /// Reads a leaf element and converts its content with `parse`, which
    /// says what it expected when the content is invalid. The result is
    /// that of [`Decoder::leaf`] followed by `parse` (an invalid value is
    /// [`LeafValue::invalid`] at the content's position), but valid content
    /// costs no position bookkeeping.
    #[inline(always)]
    pub fn parse_leaf<T>(
        &mut self,
        parse: impl Fn(&Value<'a>) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        let first = self.source.next_event()?;
        self.parse_leaf_from(first, parse)
    }

    /// [`Decoder::parse_leaf`] of the element `name` with a second
    /// converter for the usual content, a single piece of text: `text(t)`
    /// must give what `parse(&Value::Text(t))` gives. The text is converted
    /// where the event holds it (no [`Value`] is built for it), read with
    /// the source's leaf shortcut where it has one.
    #[inline(always)]
    pub(crate) fn parse_text_leaf<T>(
        &mut self,
        name: &Name<'_>,
        text: impl Fn(&str) -> Result<T, &'static str>,
        parse: impl Fn(&Value<'a>) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        if let Some(t) = self.leaf_text() {
            return text(t).map_err(|e| self.invalid_in(name, Value::Text(t.into()), e));
        }
        let t = match self.source.next_event()? {
            Some(Event::Text(t)) => t,
            first => return self.parse_other_leaf(first, parse),
        };
        let offset = self.source.offset();
        match text(&t) {
            Ok(v) => match self.source.next_event()? {
                Some(Event::End) => Ok(v),
                more => self.parse_pieces(Value::Text(t), offset, more, parse),
            },
            Err(expected) => self.parse_failed(Value::Text(t), offset, expected, parse),
        }
    }

    /// [`Decoder::parse_leaf`] of the integer element `name`: `integer`
    /// converts the number (the content may also be decimal or `0x` text),
    /// read with the source's leaf shortcut where it has one.
    #[inline(always)]
    pub(crate) fn parse_integer_leaf<T>(
        &mut self,
        name: &Name<'_>,
        integer: impl Fn(u32) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        if let Some(n) = self.leaf_integer() {
            return integer(n).map_err(|e| self.invalid_in(name, Value::Integer(n), e));
        }
        self.parse_leaf(|value| integer(crate::leaf::integer_of(value)?))
    }

    /// [`Decoder::parse_text_leaf`] for content that is not one text
    /// piece: [`Decoder::parse_leaf_from`] out of line.
    #[inline(never)]
    fn parse_other_leaf<T>(
        &mut self,
        first: Option<Event<'a>>,
        parse: impl Fn(&Value<'a>) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        self.parse_leaf_from(first, parse)
    }

    /// [`Decoder::parse_leaf`] after its first event was read.
    #[inline(always)]
    fn parse_leaf_from<T>(
        &mut self,
        first: Option<Event<'a>>,
        parse: impl Fn(&Value<'a>) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        let value = match first {
            Some(Event::End) => {
                return parse(&Value::Empty).map_err(|expected| self.invalid_empty(expected));
            }
            Some(Event::Text(t)) => Value::Text(t),
            Some(Event::Integer(i)) => Value::Integer(i),
            Some(Event::DateTime(d)) => Value::DateTime(d),
            Some(Event::Opaque(o)) => Value::Opaque(o),
            Some(Event::Start(s)) => return Err(self.element_in_leaf(&s)),
            None => return Err(self.end_of_document()),
        };
        let offset = self.source.offset();
        match parse(&value) {
            Ok(v) => match self.source.next_event()? {
                Some(Event::End) => Ok(v),
                more => self.parse_pieces(value, offset, more, parse),
            },
            Err(expected) => self.parse_failed(value, offset, expected, parse),
        }
    }

    /// A leaf whose first piece `value` (read at `offset`) did not convert:
    /// its error, unless more pieces follow and the whole converts.
    #[cold]
    #[inline(never)]
    fn parse_failed<T>(
        &mut self,
        value: Value<'a>,
        offset: usize,
        expected: &'static str,
        parse: impl Fn(&Value<'a>) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        let leaf = self.leaf_at(value, offset);
        match self.next_event()? {
            Event::End => Err(leaf.invalid(expected)),
            more => {
                let leaf = self.join_pieces(leaf, more)?;
                parse(&leaf.value).map_err(|expected| leaf.invalid(expected))
            }
        }
    }

    /// A leaf whose first piece `value` (read at `offset`) converted, but
    /// more content follows: joins the pieces and converts the whole.
    #[cold]
    #[inline(never)]
    fn parse_pieces<T>(
        &mut self,
        value: Value<'a>,
        offset: usize,
        more: Option<Event<'a>>,
        parse: impl Fn(&Value<'a>) -> Result<T, &'static str>,
    ) -> Result<T, Error> {
        let Some(more) = more else {
            return Err(self.end_of_document());
        };
        // More pieces follow: the path is still the content's.
        let leaf = self.leaf_at(value, offset);
        let leaf = self.join_pieces(leaf, more)?;
        parse(&leaf.value).map_err(|expected| leaf.invalid(expected))
    }

    #[inline]
    fn leaf_at(&self, value: Value<'a>, offset: usize) -> LeafValue<'a> {
        LeafValue {
            value,
            offset,
            path: self.source.path(),
        }
    }

    #[cold]
    #[inline(never)]
    fn invalid_empty(&self, expected: &'static str) -> Error {
        self.error(ErrorKind::InvalidValue {
            expected,
            found: "".into(),
        })
    }

    #[cold]
    #[inline(never)]
    fn element_in_leaf(&self, s: &Start<'_>) -> Error {
        self.error(ErrorKind::Unexpected {
            expected: "text",
            found: format!("element <{}>", s.name.as_xml()).into(),
        })
    }

    /// Several content pieces in a leaf (`more` follows `leaf`): joins them
    /// as text, up to and including the leaf's `End`.
    #[cold]
    #[inline(never)]
    fn join_pieces(
        &mut self,
        mut leaf: LeafValue<'a>,
        mut more: Event<'a>,
    ) -> Result<LeafValue<'a>, Error> {
        let (offset, path) = (leaf.offset, leaf.path);
        loop {
            match more {
                Event::End => return Ok(leaf),
                Event::Start(s) => return Err(self.element_in_leaf(&s)),
                more => {
                    let mut text = leaf.into_text()?.into_owned();
                    let piece = LeafValue {
                        value: match more {
                            Event::Text(t) => Value::Text(t),
                            Event::Integer(i) => Value::Integer(i),
                            Event::DateTime(d) => Value::DateTime(d),
                            Event::Opaque(o) => Value::Opaque(o),
                            Event::Start(_) | Event::End => Value::Empty,
                        },
                        offset: self.source.offset(),
                        path: self.source.path(),
                    };
                    text.push_str(&piece.into_text()?);
                    leaf = LeafValue {
                        value: Value::Text(Cow::Owned(text)),
                        offset,
                        path,
                    };
                }
            }
            more = self.next_event()?;
        }
    }

    /// Reads an element that must be empty (`<GETSPI/>`).
    pub fn empty(&mut self) -> Result<(), Error> {
        let leaf = self.leaf()?;
        match &leaf.value {
            Value::Empty => Ok(()),
            Value::Text(t) if is_xml_space(t) => Ok(()),
            _ => Err(leaf.invalid("an empty element")),
        }
    }

    /// A child that no field of the parent takes: kept in `extra` (lenient)
    /// or refused (strict).
    pub fn unknown(&mut self, start: Start<'a>, extra: &mut Vec<Node>) -> Result<(), Error> {
        if self.options.strict {
            return Err(self.error(ErrorKind::UnknownElement(start.name.as_xml().into())));
        }
        let el = self.subtree(start)?;
        extra.push(Node::Element(el));
        Ok(())
    }

    /// A second occurrence of a child that may occur once: kept in `extra`
    /// (lenient) or refused (strict).
    pub fn duplicate(&mut self, start: Start<'a>, extra: &mut Vec<Node>) -> Result<(), Error> {
        if self.options.strict {
            return Err(self.error(ErrorKind::Unexpected {
                expected: "at most one such element",
                found: format!("a second <{}>", start.name.as_xml()).into(),
            }));
        }
        let el = self.subtree(start)?;
        extra.push(Node::Element(el));
        Ok(())
    }

    /// Reads the element `start` opened, with everything inside it, as a
    /// generic [`Element`]. Whitespace-only text between child elements is
    /// dropped; text of elements without child elements is kept as is.
    pub fn subtree(&mut self, start: Start<'a>) -> Result<Element, Error> {
        // Depth of the subtree's root in the document.
        let base = self.source.path().depth() as usize;
        let max = self.options.max_depth as usize;
        if base > max {
            return Err(self.error(ErrorKind::Limit("depth")));
        }
        let mut stack: Vec<Element> = vec![Element::from_start(normalize(start))];
        loop {
            let ev = self.next_event()?;
            match ev {
                Event::Start(s) => {
                    if base + stack.len() > max {
                        return Err(self.error(ErrorKind::Limit("depth")));
                    }
                    stack.push(Element::from_start(normalize(s)));
                }
                Event::End => {
                    let Some(mut done) = stack.pop() else {
                        return Err(self.error(ErrorKind::Syntax("unbalanced end".into())));
                    };
                    done.drop_space_between_elements();
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(done)),
                        None => return Ok(done),
                    }
                }
                Event::Text(t) => {
                    if let Some(top) = stack.last_mut() {
                        match top.children.last_mut() {
                            Some(Node::Text(prev)) => prev.push_str(&t),
                            _ => top.children.push(Node::Text(t.into_owned())),
                        }
                    }
                }
                Event::Integer(i) => {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::Integer(i));
                    }
                }
                Event::DateTime(dt) => {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::DateTime(dt));
                    }
                }
                Event::Opaque(o) => {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::Opaque(o.into_owned()));
                    }
                }
            }
        }
    }

    /// Reads the content of the element `start` opened as generic nodes.
    pub fn nodes(&mut self, start: Start<'a>) -> Result<Vec<Node>, Error> {
        Ok(self.subtree(start)?.children)
    }
}

/// Feeds an [`EventSink`] on behalf of the models.
pub struct Encoder<'k> {
    sink: &'k mut dyn EventSink,
    version: CspVersion,
}

impl<'k> Encoder<'k> {
    /// An encoder writing names of CSP `version`.
    pub fn new(sink: &'k mut dyn EventSink, version: CspVersion) -> Self {
        Encoder { sink, version }
    }

    /// The CSP version being written.
    pub fn version(&self) -> CspVersion {
        self.version
    }

    /// Changes the CSP version (done by [`crate::Message`]).
    pub fn set_version(&mut self, version: CspVersion) {
        self.version = version;
    }

    /// Writes a raw event.
    pub fn event(&mut self, event: Event<'_>) -> Result<(), Error> {
        self.sink.event(event)
    }

    /// Starts element `tag` (a model name: elements renamed in the
    /// encoder's version get that version's name) without a namespace
    /// declaration.
    #[inline]
    pub fn start(&mut self, tag: Tag) -> Result<(), Error> {
        self.start_with(Name::Tag(tag), None)
    }

    /// Starts an element, with an optional namespace declaration (renamed
    /// elements get the name of the encoder's version).
    pub fn start_with(&mut self, name: Name<'_>, xmlns: Option<&str>) -> Result<(), Error> {
        let name = match name {
            Name::Tag(t) => Name::Tag(versioned_tag(t, self.version)),
            other => other,
        };
        self.sink.event(Event::Start(Start {
            name,
            xmlns: xmlns.map(Cow::Borrowed),
        }))
    }

    /// Ends the innermost element.
    #[inline]
    pub fn end(&mut self) -> Result<(), Error> {
        self.sink.event(Event::End)
    }

    /// Writes text content (nothing for the empty string).
    #[inline]
    pub fn text(&mut self, text: &str) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        self.sink.event(Event::Text(Cow::Borrowed(text)))
    }

    /// Writes an integer value.
    #[inline]
    pub fn integer(&mut self, value: u32) -> Result<(), Error> {
        self.sink.event(Event::Integer(value))
    }

    /// Writes a date-time value.
    #[inline]
    pub fn date_time(&mut self, value: DateTime) -> Result<(), Error> {
        self.sink.event(Event::DateTime(value))
    }

    /// Writes opaque data.
    pub fn opaque(&mut self, data: &[u8]) -> Result<(), Error> {
        self.sink.event(Event::Opaque(Cow::Borrowed(data)))
    }

    /// Writes a whole child element `tag` with `value` as its content.
    pub fn child<T: ToEvents + ?Sized>(&mut self, tag: Tag, value: &T) -> Result<(), Error> {
        self.start_with(Name::Tag(tag), value.xmlns())?;
        value.to_events(self)?;
        self.end()
    }

    /// Writes an empty element `tag`.
    #[inline]
    pub fn flag(&mut self, tag: Tag) -> Result<(), Error> {
        self.start(tag)?;
        self.end()
    }

    /// Writes generic elements.
    pub fn elements(&mut self, elements: &[Element]) -> Result<(), Error> {
        for el in elements {
            el.encode(self)?;
        }
        Ok(())
    }

    /// Writes generic content (elements and text).
    #[inline]
    pub fn nodes(&mut self, nodes: &[Node]) -> Result<(), Error> {
        // Usually empty (every model's `extra`).
        if nodes.is_empty() {
            return Ok(());
        }
        crate::element::encode_nodes(nodes, self)
    }
}

impl<T: FromEvents + Default> FromEvents for Box<T> {
    /// Decoded in the box (not built on the stack and moved in).
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let mut boxed = Box::<T>::default();
        T::decode_into(&mut boxed, start, d)?;
        Ok(boxed)
    }

    /// In the box `slot` already has.
    fn decode_into<'a>(
        slot: &mut Self,
        start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        T::decode_into(slot, start, d)
    }
}

impl<T: ToEvents + ?Sized> ToEvents for Box<T> {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        (**self).to_events(e)
    }

    fn xmlns(&self) -> Option<&str> {
        (**self).xmlns()
    }
}

/// Decodes a value-set leaf; in strict mode an unknown spelling is an
/// `InvalidValue` error at the element holding it.
pub(crate) fn decode_value<'a, T>(
    start: Start<'a>,
    d: &mut Decoder<'_, 'a>,
    from_wire: fn(&str) -> T,
    is_unknown: fn(&T) -> bool,
    expected: &'static str,
) -> Result<T, Error> {
    if !d.strict() {
        return d.parse_text_leaf(
            &start.name,
            |t| Ok(from_wire(t)),
            |value| match value {
                Value::Text(t) => Ok(from_wire(t)),
                other => other.text().map(|t| from_wire(&t)),
            },
        );
    }
    let leaf = d.leaf()?;
    let value = match &leaf.value {
        Value::Text(t) => from_wire(t),
        _ => from_wire(&leaf.clone().into_text()?),
    };
    if is_unknown(&value) {
        return Err(match &leaf.value {
            // `<X/>`: the reader has already left the element; name it.
            Value::Empty => d.error_in(
                &start.name,
                ErrorKind::InvalidValue {
                    expected,
                    found: "an empty element".into(),
                },
            ),
            _ => leaf.invalid(expected),
        });
    }
    Ok(value)
}
