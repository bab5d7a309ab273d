//! Generic owned element trees: what lenient decoding keeps of elements the
//! model does not know (vendor extensions such as Colibria's, CSP 1.3
//! additions), so that re-encoding loses nothing.

use std::borrow::Cow;

use imps_event::{DateTime, Error, Name, Start};

use crate::codec::{Decoder, Encoder, FromEvents, ToEvents};

/// An element kept as it came.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Element {
    /// The element name (a table tag, another name, or an unknown WBXML token).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_support::name"))]
    pub name: Name<'static>,
    /// Its namespace declaration, if it had one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub xmlns: Option<Cow<'static, str>>,
    /// Its content, in order.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub children: Vec<Node>,
}

/// One piece of an [`Element`]'s content.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Text.
    Text(String),
    /// A WBXML integer.
    Integer(u32),
    /// A date-time (WBXML packed form).
    DateTime(
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_support::date_time"))] DateTime,
    ),
    /// Other opaque data.
    Opaque(#[cfg_attr(feature = "serde", serde(with = "crate::serde_support::hex"))] Vec<u8>),
}

impl Element {
    /// An empty element named `name`.
    pub fn new(name: impl Into<Name<'static>>) -> Self {
        Element {
            name: name.into(),
            xmlns: None,
            children: Vec::new(),
        }
    }

    /// An element holding only `text`.
    pub fn with_text(name: impl Into<Name<'static>>, text: impl Into<String>) -> Self {
        Element {
            name: name.into(),
            xmlns: None,
            children: vec![Node::Text(text.into())],
        }
    }

    pub(crate) fn from_start(start: Start<'_>) -> Self {
        Element {
            name: start.name.into_owned(),
            xmlns: start.xmlns.map(|x| Cow::Owned(x.into_owned())),
            children: Vec::new(),
        }
    }

    /// Drops whitespace-only text when the element also has child elements
    /// (indentation of pretty-printed XML is not content).
    pub(crate) fn drop_space_between_elements(&mut self) {
        if self.children.iter().any(|c| matches!(c, Node::Element(_))) {
            self.children.retain(|c| match c {
                Node::Text(t) => !t.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')),
                _ => true,
            });
        }
    }

    /// The element's text, if its content is exactly one text node.
    pub fn text(&self) -> Option<&str> {
        match self.children.as_slice() {
            [Node::Text(t)] => Some(t),
            _ => None,
        }
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// Writes the whole element.
    pub fn encode(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.start_with(self.name.clone(), self.xmlns.as_deref())?;
        encode_nodes(&self.children, e)?;
        e.end()
    }

    /// Reads a whole element whose `Start` was just read.
    pub fn decode<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        d.subtree(start)
    }
}

pub(crate) fn encode_nodes(nodes: &[Node], e: &mut Encoder<'_>) -> Result<(), Error> {
    for node in nodes {
        match node {
            Node::Element(el) => el.encode(e)?,
            Node::Text(t) => e.text(t)?,
            Node::Integer(i) => e.integer(*i)?,
            Node::DateTime(dt) => e.date_time(*dt)?,
            Node::Opaque(o) => e.opaque(o)?,
        }
    }
    Ok(())
}

/// The content of a known element whose inside the model leaves generic
/// (`Extended-Request`, `ExtBlock`, `VersionList`): any text and elements,
/// kept in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct AnyContent {
    /// The content.
    pub children: Vec<Node>,
}

impl FromEvents for AnyContent {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        Ok(AnyContent {
            children: d.nodes(start)?,
        })
    }
}

impl ToEvents for AnyContent {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        encode_nodes(&self.children, e)
    }
}

/// An `xmlns` value as an owned string, without allocating for the CSP, TRC
/// and PA namespaces of every version.
pub fn intern_xmlns(uri: Cow<'_, str>) -> Cow<'static, str> {
    // An exact match: `namespace` returns the same string.
    match imps_event::CspVersion::from_namespace(&uri) {
        Some((version, kind)) => Cow::Borrowed(version.namespace(kind)),
        None => Cow::Owned(uri.into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use imps_event::CspVersion;
    use imps_tokens::NamespaceKind;

    /// The value is kept as it came: the known namespaces are borrowed (no
    /// allocation), anything else, near spellings included, is copied.
    #[test]
    fn intern_xmlns_keeps_the_value() {
        for v in CspVersion::ALL {
            for k in [NamespaceKind::Csp, NamespaceKind::Trc, NamespaceKind::Pa] {
                let ns = v.namespace(k);
                let interned = intern_xmlns(Cow::Owned(ns.to_owned()));
                assert!(matches!(interned, Cow::Borrowed(s) if s == ns), "{ns}");
                for near in [format!("{ns}/"), ns.to_uppercase(), format!(" {ns}")] {
                    let kept = intern_xmlns(Cow::Borrowed(&near));
                    assert!(matches!(&kept, Cow::Owned(s) if *s == near), "{near}");
                }
            }
        }
    }
}
