//! The events themselves.

use std::borrow::Cow;

use crate::DateTime;
use imps_tokens::Tag;

/// The name of an element.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Name<'a> {
    /// A name from the CSP token tables (any version, any accepted spelling).
    Tag(Tag),
    /// A name that no token table knows: an XML element name, or a WBXML
    /// `LITERAL` tag. Kept so that decoding is lossless.
    Other(Cow<'a, str>),
    /// A WBXML tag token that the table of the document's version does not
    /// define. Only produced in lenient mode. Written to XML as
    /// `_wbxml-PP-TT` (page and token in upper-case hex), which the XML reader
    /// turns back into this variant.
    Token {
        /// Code page.
        page: u8,
        /// Token without the attribute/content flag bits.
        token: u8,
    },
}

impl Name<'_> {
    /// The tag, if this name is one the tables know.
    pub fn tag(&self) -> Option<Tag> {
        match self {
            Name::Tag(t) => Some(*t),
            _ => None,
        }
    }

    /// The XML spelling of the name.
    pub fn as_xml(&self) -> Cow<'_, str> {
        match self {
            Name::Tag(t) => Cow::Borrowed(t.name()),
            Name::Other(s) => Cow::Borrowed(s.as_ref()),
            Name::Token { page, token } => Cow::Owned(format!("_wbxml-{page:02X}-{token:02X}")),
        }
    }

    /// Parses an XML element name: a table name (with its aliases), the
    /// `_wbxml-PP-TT` form of [`Name::Token`], or anything else as
    /// [`Name::Other`].
    pub fn from_xml(name: &str) -> Name<'_> {
        if let Some(tag) = Tag::from_name(name) {
            return Name::Tag(tag);
        }
        if let Some(rest) = name.strip_prefix("_wbxml-") {
            let bytes = rest.as_bytes();
            if bytes.len() == 5 && bytes[2] == b'-' {
                if let (Ok(page), Ok(token)) = (
                    u8::from_str_radix(&rest[..2], 16),
                    u8::from_str_radix(&rest[3..], 16),
                ) {
                    return Name::Token { page, token };
                }
            }
        }
        Name::Other(Cow::Borrowed(name))
    }

    /// Detaches the name from the input it borrows from.
    pub fn into_owned(self) -> Name<'static> {
        match self {
            Name::Tag(t) => Name::Tag(t),
            Name::Token { page, token } => Name::Token { page, token },
            Name::Other(s) => Name::Other(Cow::Owned(s.into_owned())),
        }
    }
}

impl From<Tag> for Name<'_> {
    fn from(tag: Tag) -> Self {
        Name::Tag(tag)
    }
}

/// An element start.
///
/// `xmlns` is the only attribute the CSP DTDs declare. Other XML attributes
/// (`xmlns:xsi` and the like, which some clients add) are not part of the
/// event stream: lenient readers skip them, strict readers report them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start<'a> {
    /// Element name.
    pub name: Name<'a>,
    /// The default-namespace declaration on this element, if any.
    pub xmlns: Option<Cow<'a, str>>,
}

impl<'a> Start<'a> {
    /// A start tag without a namespace declaration.
    pub fn new(name: impl Into<Name<'a>>) -> Self {
        Start {
            name: name.into(),
            xmlns: None,
        }
    }

    /// A start tag with a namespace declaration.
    pub fn with_xmlns(name: impl Into<Name<'a>>, xmlns: impl Into<Cow<'a, str>>) -> Self {
        Start {
            name: name.into(),
            xmlns: Some(xmlns.into()),
        }
    }
}

/// One event of a CSP document.
///
/// Every `Start` is matched by exactly one `End`; content events (`Text`,
/// `Integer`, `DateTime`, `Opaque`) appear only between them. Readers join
/// adjacent text pieces, so there are never two `Text` events in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// An element start.
    Start(Start<'a>),
    /// The end of the innermost open element.
    End,
    /// Character content (already unescaped / joined).
    Text(Cow<'a, str>),
    /// An integer element's value (WBXML: OPAQUE big-endian bytes).
    /// XML readers report integers as `Text`; consumers accept both.
    Integer(u32),
    /// A date-time value (WBXML: 6-byte packed OPAQUE).
    /// XML readers report dates as `Text`; consumers accept both.
    DateTime(DateTime),
    /// OPAQUE data that is neither an integer nor a date.
    Opaque(Cow<'a, [u8]>),
}

impl Event<'_> {
    /// Detaches the event from the input it borrows from (tests, buffering).
    pub fn into_owned(self) -> Event<'static> {
        match self {
            Event::Start(s) => Event::Start(Start {
                name: s.name.into_owned(),
                xmlns: s.xmlns.map(|x| Cow::Owned(x.into_owned())),
            }),
            Event::End => Event::End,
            Event::Text(t) => Event::Text(Cow::Owned(t.into_owned())),
            Event::Integer(i) => Event::Integer(i),
            Event::DateTime(d) => Event::DateTime(d),
            Event::Opaque(o) => Event::Opaque(Cow::Owned(o.into_owned())),
        }
    }
}
