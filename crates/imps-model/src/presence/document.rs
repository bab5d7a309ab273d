//! Standalone presence documents: a `PresenceSubList` as the root element
//! (as presence is stored or exchanged outside a CSP message), and
//! [`Document`], which is either that or a whole CSP message.

use imps_event::{CspVersion, Error, ErrorKind, EventSink, EventSource, Name, Tag};

use crate::codec::{DecodeOptions, Decoder, EncodeOptions, Encoder, FromEvents};
use crate::envelope::Message;
use crate::presence::PresenceSubList;

/// Decodes a standalone presence document: a `PresenceSubList` root (any
/// other root is an `Unexpected` error). Strict checks of repeated
/// attributes follow the version of the list's PA namespace, else
/// `options.default_version`.
pub fn decode_document<'a>(
    source: &mut impl EventSource<'a>,
    options: &DecodeOptions,
) -> Result<PresenceSubList, Error> {
    crate::decode_with(source, options)
}

/// Encodes a standalone presence document with the element names of the
/// CSP version of its PA namespace (CSP 1.2 when it declares none).
pub fn encode_document(list: &PresenceSubList, sink: impl EventSink) -> Result<(), Error> {
    let mut options = EncodeOptions::default();
    if let Some(v) = list.version() {
        options.version = v;
    }
    crate::encode_with(list, sink, &options)
}

/// A document of the CSP codecs: a whole message, or a standalone presence
/// document.
///
/// This is what `imps convert` / `imps validate` decode when they do not
/// know the document kind in advance:
///
/// ```
/// use imps_event::{Event, Start, Tag, VecSink, VecSource};
/// use imps_model::presence::Document;
///
/// let events = vec![
///     Event::Start(Start::new(Tag::PresenceSubList)),
///     Event::Start(Start::new(Tag::Alias)), Event::End,
///     Event::End,
/// ];
/// let doc = Document::decode(&mut VecSource::new(events.clone()), &Default::default()).unwrap();
/// assert!(matches!(doc, Document::Presence(_)));
/// let mut sink = VecSink::default();
/// doc.encode(&mut sink).unwrap();
/// assert_eq!(sink.events, events);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[allow(clippy::large_enum_variant)]
pub enum Document {
    /// A `WV-CSP-Message`.
    Message(Message),
    /// A `PresenceSubList` on its own.
    Presence(PresenceSubList),
}

impl Document {
    /// Decodes a message or a presence document, by its root element (the
    /// source by `&mut`, as for [`crate::decode_with`]).
    pub fn decode<'a>(
        source: &mut impl EventSource<'a>,
        options: &DecodeOptions,
    ) -> Result<Document, Error> {
        let mut d = Decoder::new(source, options.clone());
        let root = d.root()?;
        let doc = match root.name {
            Name::Tag(Tag::WvCspMessage) => Document::Message(Message::from_events(root, &mut d)?),
            Name::Tag(Tag::PresenceSubList) => {
                Document::Presence(PresenceSubList::from_events(root, &mut d)?)
            }
            other => {
                return Err(d.error(ErrorKind::Unexpected {
                    expected: "WV-CSP-Message or PresenceSubList",
                    found: format!("<{}>", other.as_xml()).into(),
                }))
            }
        };
        d.finish()?;
        Ok(doc)
    }

    /// Encodes the document (a message with its own version, a presence
    /// document as [`encode_document`] does).
    pub fn encode(&self, mut sink: impl EventSink) -> Result<(), Error> {
        match self {
            Document::Message(m) => crate::encode(m, sink),
            Document::Presence(p) => {
                let mut e = Encoder::new(&mut sink, self.version());
                e.child(Tag::PresenceSubList, p)
            }
        }
    }

    /// The CSP version of the document: the message's, or the one of the
    /// presence document's PA namespace (CSP 1.2 when it declares none).
    pub fn version(&self) -> CspVersion {
        match self {
            Document::Message(m) => m.version,
            Document::Presence(p) => p.version().unwrap_or(CspVersion::V1_2),
        }
    }
}
