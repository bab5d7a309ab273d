//! The CSP message envelope (WV-CSP "Message structure"): `WV-CSP-Message`,
//! `Session`, `SessionDescriptor`, `Transaction`, `TransactionDescriptor`,
//! `TransactionContent`, `Poll` and `CIR`.
//!
//! A [`Message`] keeps the CSP version it was decoded as and the namespace
//! declarations as they came, so it re-encodes in the same version. `Poll`
//! stays where it was: inside `TransactionDescriptor` (CSP 1.1) or in
//! `Session` after the transactions (CSP 1.2 and later).

use std::borrow::Cow;

use imps_event::{CspVersion, Error, ErrorKind, Start, Tag};
use imps_tokens::NamespaceKind;

use crate::codec::{Decoder, Encoder, FromEvents, Named, ToEvents};
use crate::element::{intern_xmlns, AnyContent, Node};
use crate::leaf::Text;
use crate::primitive::Primitive;
use crate::values::{SessionType, TransactionMode};

/// `WV-CSP-Message`: one CSP document.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Message {
    /// The CSP version: from the root namespace, else the decoder's default
    /// (for WBXML, the reader's public id).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_support::version"))]
    pub version: CspVersion,
    /// The root's `xmlns` as it came (`None`: the document declared none,
    /// as libwbxml's WBXML does).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub xmlns: Option<Cow<'static, str>>,
    /// `Session`.
    pub session: Session,
    /// Unknown children of the root.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub extra: Vec<Node>,
}

impl Message {
    /// A message of `version` with the version's CSP namespace on the root
    /// and its TRC namespace on every `TransactionContent` that has none.
    pub fn new(version: CspVersion, mut session: Session) -> Self {
        for t in &mut session.transactions {
            if t.content.xmlns.is_none() {
                t.content.xmlns = Some(Cow::Borrowed(version.namespace(NamespaceKind::Trc)));
            }
        }
        Message {
            version,
            xmlns: Some(Cow::Borrowed(version.namespace(NamespaceKind::Csp))),
            session,
            extra: Vec::new(),
        }
    }

    /// The primitives of the message, in order.
    pub fn primitives(&self) -> impl Iterator<Item = &Primitive> {
        self.session
            .transactions
            .iter()
            .map(|t| &t.content.primitive)
    }
}

impl Named for Message {
    const TAG: Tag = Tag::WvCspMessage;
}

impl FromEvents for Message {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let xmlns = start.xmlns.map(intern_xmlns);
        let version = match xmlns.as_deref() {
            None => d.options().default_version,
            Some(uri) => match CspVersion::from_namespace(uri) {
                Some((v, _)) => v,
                None if d.strict() => {
                    return Err(d.error(ErrorKind::Version(
                        format!("unknown namespace {uri:?}").into(),
                    )))
                }
                None => d.options().default_version,
            },
        };
        d.set_version(version);
        // Decoded inside the `Result` that is returned, so the 184-byte
        // message is not built on the stack and then moved into it.
        let mut result = Ok(Message {
            version,
            xmlns,
            session: Session::default(),
            extra: Vec::new(),
        });
        if let Ok(message) = &mut result {
            if let Err(e) = decode_root_children(message, &start.name, d) {
                result = Err(e);
            }
        }
        result
    }
}

/// The children of `WV-CSP-Message`: one `Session`, and unknown elements.
fn decode_root_children<'a>(
    message: &mut Message,
    name: &imps_event::Name<'_>,
    d: &mut Decoder<'_, 'a>,
) -> Result<(), Error> {
    let mut seen = false;
    each_child!(d, message.extra, child => {
        if matches!(child.name, imps_event::Name::Tag(Tag::Session)) && !seen {
            Session::decode_into(&mut message.session, child, d)?;
            seen = true;
        } else if matches!(child.name, imps_event::Name::Tag(Tag::Session)) {
            d.duplicate(child, &mut message.extra)?;
        } else {
            d.unknown(child, &mut message.extra)?;
        }
    });
    if !seen {
        return Err(d.missing(name, Tag::Session));
    }
    Ok(())
}

impl ToEvents for Message {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.set_version(self.version);
        e.child(Tag::Session, &self.session)?;
        e.nodes(&self.extra)
    }

    fn xmlns(&self) -> Option<&str> {
        self.xmlns.as_deref()
    }
}

element! {
    /// `Session (SessionDescriptor, Transaction+, Poll?, CIR?)`.
    pub struct Session: Session {
        /// `SessionDescriptor`.
        descriptor: req(SessionDescriptor => SessionDescriptor),
        /// `Transaction`s (more than one only when `MultiTrans` allows).
        transactions: some(Transaction => Transaction),
        /// `Poll` (CSP 1.2 placement): `T` = the server has more for the
        /// client, which should send a `Polling-Request`.
        poll: opt(Poll => bool),
        /// `CIR` (CSP 1.2).
        cir: opt(Cir => bool),
    }
}

element! {
    /// `SessionDescriptor (SessionType, SessionID?)`.
    pub struct SessionDescriptor: SessionDescriptor {
        /// `SessionType`.
        session_type: req(SessionType => SessionType),
        /// `SessionID` (present in `Inband` sessions).
        session_id: opt(SessionID => Text),
    }
}

impl SessionDescriptor {
    /// An `Outband` descriptor (no session yet, e.g. `Login-Request`).
    pub fn outband() -> Self {
        SessionDescriptor {
            session_type: SessionType::Outband,
            ..SessionDescriptor::default()
        }
    }

    /// An `Inband` descriptor with a session id.
    pub fn inband(session_id: impl Into<Text>) -> Self {
        SessionDescriptor {
            session_type: SessionType::Inband,
            session_id: Some(session_id.into()),
            ..SessionDescriptor::default()
        }
    }
}

element! {
    /// `Transaction (TransactionDescriptor, TransactionContent, ExtBlock*)`.
    pub struct Transaction: Transaction {
        /// `TransactionDescriptor`.
        descriptor: req(TransactionDescriptor => TransactionDescriptor),
        /// `TransactionContent`.
        content: req(TransactionContent => TransactionContent),
        /// `ExtBlock`s (CSP 1.2), kept generic.
        ext_blocks: many(ExtBlock => AnyContent),
    }
}

impl Transaction {
    /// A transaction of `mode` with `id` carrying `primitive`.
    pub fn new(mode: TransactionMode, id: impl Into<Text>, primitive: Primitive) -> Self {
        Transaction {
            descriptor: TransactionDescriptor {
                mode,
                id: Some(id.into()),
                ..TransactionDescriptor::default()
            },
            content: TransactionContent::new(primitive),
            ..Transaction::default()
        }
    }
}

element! {
    /// `TransactionDescriptor (TransactionMode, TransactionID?, Poll?)`.
    pub struct TransactionDescriptor: TransactionDescriptor {
        /// `TransactionMode`.
        mode: req(TransactionMode => TransactionMode),
        /// `TransactionID` (optional in CSP 1.1; may be empty in practice).
        id: opt(TransactionID => Text),
        /// `Poll` in its CSP 1.1 placement.
        poll: opt(Poll => bool),
    }
}

/// `TransactionContent`: exactly one primitive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TransactionContent {
    /// The `xmlns` as it came (the TRC namespace), if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub xmlns: Option<Cow<'static, str>>,
    /// The primitive.
    pub primitive: Primitive,
    /// Further children (lenient mode keeps a second primitive here).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub extra: Vec<Node>,
}

impl TransactionContent {
    /// Content without a namespace declaration.
    pub fn new(primitive: Primitive) -> Self {
        TransactionContent {
            xmlns: None,
            primitive,
            extra: Vec::new(),
        }
    }
}

impl FromEvents for TransactionContent {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let mut content = TransactionContent::default();
        TransactionContent::decode_into(&mut content, start, d)?;
        Ok(content)
    }

    /// The primitive is decoded in place (primitives are large).
    fn decode_into<'a>(
        slot: &mut Self,
        start: Start<'a>,
        d: &mut Decoder<'_, 'a>,
    ) -> Result<(), Error> {
        slot.xmlns = start.xmlns.map(intern_xmlns);
        let mut seen = false;
        each_child!(d, slot.extra, child => {
            if seen {
                d.duplicate(child, &mut slot.extra)?;
            } else {
                Primitive::decode_into(&mut slot.primitive, child, d)?;
                seen = true;
            }
        });
        if !seen {
            return Err(d.error_in(&start.name, ErrorKind::Missing("primitive")));
        }
        Ok(())
    }
}

impl ToEvents for TransactionContent {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        self.primitive.encode(e)?;
        e.nodes(&self.extra)
    }

    fn xmlns(&self) -> Option<&str> {
        self.xmlns.as_deref()
    }
}

#[cfg(any(test, feature = "proptest"))]
impl crate::arb::Arb for TransactionContent {
    fn arb() -> proptest::strategy::BoxedStrategy<Self> {
        use proptest::prelude::*;
        <Primitive as crate::arb::Arb>::arb()
            .prop_map(TransactionContent::new)
            .boxed()
    }
}

#[cfg(any(test, feature = "proptest"))]
impl crate::arb::Arb for Message {
    fn arb() -> proptest::strategy::BoxedStrategy<Self> {
        use proptest::prelude::*;
        (
            proptest::sample::select(&CspVersion::ALL[..]),
            <Session as crate::arb::Arb>::arb(),
            any::<bool>(),
        )
            .prop_map(|(version, mut session, namespaces)| {
                if version == CspVersion::V1_1 {
                    // 1.1 has no CIR; Poll sits in the descriptors.
                    session.cir = None;
                    session.poll = None;
                } else {
                    for t in &mut session.transactions {
                        t.descriptor.poll = None;
                    }
                }
                if namespaces {
                    Message::new(version, session)
                } else {
                    Message {
                        version,
                        xmlns: None,
                        session,
                        extra: Vec::new(),
                    }
                }
            })
            .boxed()
    }
}
