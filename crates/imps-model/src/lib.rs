//! Typed models of every OMA IMPS / Wireless Village CSP primitive.
//!
//! Implements the message structure and the primitives of the WV-CSP
//! Client-Server Protocol 1.1 and 1.2 ("Session and Transactions",
//! "Fundamental features", "Presence features", "IM features", "Group
//! features"), with content models from `spec/csp-dtd/` (reconstructed from
//! Nokia's S60 engine, see its README) made lenient where real documents
//! differ. CSP 1.3 documents decode into the same models; what 1.3 adds is
//! kept as unknown subtrees.
//!
//! Every model converts from and to the syntax-neutral [`imps_event`] stream
//! exactly once ([`FromEvents`], [`ToEvents`]), so the XML and WBXML codecs
//! are only event sources and sinks:
//!
//! ```text
//! bytes ─► reader ─► Event stream ─► imps_model::decode ─► Message ─► encode ─► Event stream ─► writer
//! ```
//!
//! ```
//! use imps_event::{Event, Start, Tag, VecSink, VecSource};
//! use imps_model::{decode, encode, Message, Primitive, StatusCode};
//!
//! fn leaf(tag: Tag, text: &'static str) -> Vec<Event<'static>> {
//!     vec![Event::Start(Start::new(tag)), Event::Text(text.into()), Event::End]
//! }
//! let mut events = vec![
//!     Event::Start(Start::with_xmlns(Tag::WvCspMessage, "http://www.openmobilealliance.org/DTD/WV-CSP1.2")),
//!     Event::Start(Start::new(Tag::Session)),
//!     Event::Start(Start::new(Tag::SessionDescriptor)),
//! ];
//! events.extend(leaf(Tag::SessionType, "Inband"));
//! events.extend(leaf(Tag::SessionID, "s1"));
//! events.extend([Event::End, Event::Start(Start::new(Tag::Transaction)),
//!     Event::Start(Start::new(Tag::TransactionDescriptor))]);
//! events.extend(leaf(Tag::TransactionMode, "Response"));
//! events.extend(leaf(Tag::TransactionID, "t1"));
//! events.extend([Event::End, Event::Start(Start::new(Tag::TransactionContent)),
//!     Event::Start(Start::new(Tag::Status)), Event::Start(Start::new(Tag::Result))]);
//! events.push(Event::Start(Start::new(Tag::Code)));
//! events.push(Event::Integer(200)); // WBXML readers give integers, XML readers text
//! events.extend(std::iter::repeat(Event::End).take(7));
//!
//! let msg: Message = decode(&mut VecSource::new(events.clone())).unwrap();
//! assert_eq!(msg.version, imps_event::CspVersion::V1_2);
//! let Primitive::Status(status) = &msg.session.transactions[0].content.primitive else { panic!() };
//! assert_eq!(status.result.code, StatusCode::Successful);
//!
//! let mut sink = VecSink::default();
//! encode(&msg, &mut sink).unwrap();
//! assert_eq!(sink.events, events);
//! ```
//!
//! # Decoding rules
//!
//! - Children are accepted in any order and written in the DTD order.
//! - Names are matched as the model knows them: an element spelled out
//!   (XML, or a WBXML `LITERAL` of a version whose table lacks it) that a
//!   token table knows is that tag, and elements renamed between versions
//!   (`BlockUser-Request` 1.1 / `BlockEntity-Request` 1.2, `CIRURL` 1.2 /
//!   `CIRHTTPAddress` 1.3) decode to one model and are written with the
//!   encoder's version's name ([`codec::versioned_tag`]).
//! - **Lenient** (default): unknown child elements are kept, as [`Element`]
//!   subtrees ([`Node`]s), in the `extra` field of the model that contains
//!   them, and re-encoded after the known children; a repeated singular
//!   child, a second primitive in a `TransactionContent` and stray text (a
//!   hand-edited document) are kept there too; an unknown primitive (CSP 1.3,
//!   vendor) becomes [`Primitive::Unknown`]; an unknown root namespace falls
//!   back to [`DecodeOptions::default_version`]. **Strict**
//!   ([`DecodeOptions::strict`]) refuses all of these.
//! - In both modes a missing required child, an element where text belongs,
//!   a bad integer (`<Code>abc</Code>`), a bad date (month 13) or a bad
//!   boolean is an error, and so is nesting deeper than
//!   [`DecodeOptions::max_depth`]. Every error is an [`imps_event::Error`]
//!   with the element path and the byte offset of the offending event (the
//!   event index for a `VecSource`). A root element of another name is an
//!   `Unexpected` error ("not this element"), told apart from errors inside
//!   it ("this element, malformed").
//! - Integers accept [`imps_event::Event::Integer`] and decimal (or libwbxml's
//!   `0x` hexadecimal) text; dates accept [`imps_event::Event::DateTime`] and
//!   ISO 8601 text, numeric UTC offsets included ([`Timestamp`]); booleans
//!   are `T` / `F`. Encoding writes `Integer` and `DateTime` events (WBXML
//!   writes them as OPAQUE) and text for the rest.
//! - The [`Message`] keeps its [`CspVersion`](imps_event::CspVersion) (from the
//!   root namespace, else [`DecodeOptions::default_version`], which callers
//!   set from the WBXML public id or the XML DOCTYPE) and its namespace
//!   declarations, so it re-encodes as it came; `Poll` stays where it was
//!   (CSP 1.1: in `TransactionDescriptor`; 1.2: in `Session`).
//! - Content models are the DTDs' made lenient where real documents differ,
//!   each difference noted on the model (CSP 1.1 `ClientID` in
//!   `Service-Request`, a text `ClientID`, an empty `<InUse/>`, a
//!   `CapabilityList` without `AcceptedContentLength`, …).
//! - [`Primitive::expected_mode`] says which `TransactionMode` a primitive
//!   travels in, for validators.

//! # Writing models
//!
//! Models are short declarations (see `src/macros.rs`): `element!` for an
//! element with children, `choice!` for alternatives, `value_set!` for closed
//! value sets with an `Unknown(String)` variant. Presence attributes
//! (`PresenceSubList`) live in [`presence`].
//!
//! # JSON (feature `serde`)
//!
//! Every model derives `Serialize` / `Deserialize` in this stable shape:
//!
//! - a model is an object whose keys are the Rust field names (snake_case);
//!   absent options and empty lists are left out (and come back as such);
//!   required children and booleans are always written;
//! - value sets are their wire strings (`"Inband"`, `"MOBILE_PHONE"`, any
//!   other string for `Unknown`); status codes are numbers; dates are ISO 8601
//!   basic text (`"20010925T134000Z"`); the CSP version is `"1.1"`/`"1.2"`/
//!   `"1.3"`;
//! - [`Primitive`] is externally tagged by its variant name
//!   (`{"SendMessageRequest": {…}}`, `{"Unknown": {element}}`);
//! - [`ContentData`] is `{"text": "…"}` or `{"binary": "<hex>"}`;
//! - an [`Element`] is `{"name": "<xml name>", "xmlns": "…", "children":
//!   [{"element": {…}} | {"text": "…"} | {"integer": 5} | {"date_time": "…"}
//!   | {"opaque": "<hex>"}]}`.
//!
//! ```json
//! {"version":"1.2","xmlns":"http://www.openmobilealliance.org/DTD/WV-CSP1.2",
//! "session":{"descriptor":{"session_type":"Inband","session_id":"s1"},
//! "transactions":[{"descriptor":{"mode":"Request","id":"t8"},
//! "content":{"primitive":{"SendMessageRequest":{"delivery_report":true,
//! "info":{"content_size":5,"recipient":{"users":[{"user_id":"wv:bob"}]},
//! "sender":{"user":{"user_id":"wv:alice"}},"date_time":"20070625T055652Z"},
//! "content":{"text":"Hello"}}}}}]}}
//! ```
//!
//! # Allocations
//!
//! Models own their data, but a decode allocates only for long strings and
//! for lists: text fields are [`Text`], which keeps up to 24 bytes inline;
//! namespace URIs of CSP/TRC/PA are `&'static`, named values of value sets,
//! numbers, booleans and dates are inline, and readers hand over borrowed
//! text. Decoding a typical `SendMessage-Request` message (session id,
//! transaction id, content type, one recipient, one sender, a date, 200
//! bytes of text) costs **3 allocations** in the model: the transaction
//! list, the recipient's user list and the text. Including the readers,
//! WBXML bytes → model costs the same 3 (the WBXML reader allocates
//! nothing) and XML bytes → model 14. Encoding a model to events allocates
//! nothing. (Measured by `tests/allocations.rs` with a counting allocator;
//! the test fails if any of these counts changes.)
//!
//! # Speed
//!
//! Decoding walks the event stream once, with no intermediate tree: each
//! element model matches its children's tags as they come (one switch on
//! the tag) and decodes them in place into its fields (no large model is
//! moved through `Result`s), and leaves parse their one piece of content
//! without keeping its position unless it turns out invalid. Where the
//! source offers shortcuts (the WBXML reader does), element loops get each
//! child's `Start` or their `End` as a 4-byte value
//! ([`imps_event::EventSource::next_tag`]) and text leaves (strings, value
//! sets) take their text and `End` in one call
//! ([`imps_event::EventSource::leaf_text`]). What is left per document is
//! the allocations above, one `dyn EventSource` call per event, and
//! dropping the model. Measure with the criterion benches, which report
//! typed decode and encode in both syntaxes over the whole corpus and per
//! message class:
//!
//! ```text
//! cargo bench -p imps-benches --bench codecs -- typed
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]

#[macro_use]
mod macros;

#[cfg(any(test, feature = "proptest"))]
pub mod arb;
pub mod codec;
pub mod common;
pub mod element;
pub mod envelope;
pub mod leaf;
pub mod presence;
pub mod primitive;
pub mod primitives;
#[cfg(feature = "serde")]
mod serde_support;
pub mod status;
pub mod values;

pub use codec::{
    Choice, DecodeOptions, Decoder, EncodeOptions, Encoder, FromEvents, Named, ToEvents,
};
pub use common::*;
pub use element::{AnyContent, Element, Node};
pub use envelope::{
    Message, Session, SessionDescriptor, Transaction, TransactionContent, TransactionDescriptor,
};
pub use leaf::{ContentData, Text, Timestamp};
pub use presence::PresenceSubList;
pub use primitive::Primitive;
pub use primitives::access::*;
pub use primitives::contacts::*;
pub use primitives::groups::*;
pub use primitives::messaging::*;
pub use primitives::presence::*;
pub use primitives::search::*;
pub use primitives::service::*;
pub use primitives::session::*;
pub use status::StatusCode;
pub use values::*;

use imps_event::{Error, ErrorKind, EventSink, EventSource, Name};

/// Decodes one document whose root is a `T` (usually a [`Message`]),
/// leniently, assuming CSP 1.2 where the document does not say.
pub fn decode<'a, T: Named + FromEvents>(source: &mut impl EventSource<'a>) -> Result<T, Error> {
    decode_with(source, &DecodeOptions::default())
}

/// Decodes one document whose root is a `T` with `options`.
///
/// A root element with another name is an `Unexpected` error ("not this
/// element"); errors inside it come from the model ("this element,
/// malformed").
///
/// The source is taken by `&mut` (the reader itself, not a reference to
/// it) so that the decoder calls the reader's methods through one pointer:
/// through two (a `&mut &mut WbxmlReader`), typed WBXML decode measured
/// 3% slower.
pub fn decode_with<'a, T: Named + FromEvents>(
    source: &mut impl EventSource<'a>,
    options: &DecodeOptions,
) -> Result<T, Error> {
    let mut d = Decoder::new(source, options.clone());
    let root = d.root()?;
    if root.name != Name::Tag(T::TAG) {
        return Err(d.error(ErrorKind::Unexpected {
            expected: T::TAG.name(),
            found: format!("<{}>", root.name.as_xml()).into(),
        }));
    }
    // Returned as it is (no move of a large model out of one `Result` into
    // another).
    let mut result = T::from_events(root, &mut d);
    if result.is_ok() {
        if let Err(e) = d.finish() {
            result = Err(e);
        }
    }
    result
}

/// Encodes `value` as a whole document (its element and content) into
/// `sink`, with CSP 1.2 names unless `value` is a [`Message`] (which writes
/// its own version).
///
/// ```
/// use imps_event::{CspVersion, Event, Start, Tag, VecSink};
/// use imps_model::*;
///
/// let send = SendMessageRequest {
///     delivery_report: Some(false),
///     info: MessageInfo {
///         content_type: Some("text/plain".into()),
///         content_size: 5,
///         recipient: Recipient::user("wv:bob@example.com"),
///         sender: Sender::user("wv:alice@example.com"),
///         ..MessageInfo::default()
///     },
///     content: Some("Hello".into()),
///     ..SendMessageRequest::default()
/// };
/// let msg = Message::new(
///     CspVersion::V1_1,
///     Session {
///         descriptor: SessionDescriptor::inband("s-1"),
///         transactions: vec![Transaction::new(
///             TransactionMode::Request,
///             "t-1",
///             Primitive::SendMessageRequest(send),
///         )],
///         ..Session::default()
///     },
/// );
/// let mut sink = VecSink::default();
/// encode(&msg, &mut sink).unwrap();
/// assert_eq!(
///     sink.events[0],
///     Event::Start(Start::with_xmlns(Tag::WvCspMessage, "http://www.wireless-village.org/CSP1.1"))
/// );
/// assert!(sink.events.contains(&Event::Integer(5))); // ContentSize, typed
/// // And back, strictly.
/// let back: Message = decode_with(
///     &mut imps_event::VecSource::new(sink.events),
///     &DecodeOptions::strict(),
/// )
/// .unwrap();
/// assert_eq!(back, msg);
/// ```
pub fn encode<T: Named + ToEvents>(value: &T, sink: impl EventSink) -> Result<(), Error> {
    encode_with(value, sink, &EncodeOptions::default())
}

/// Encodes `value` with `options`.
pub fn encode_with<T: Named + ToEvents>(
    value: &T,
    mut sink: impl EventSink,
    options: &EncodeOptions,
) -> Result<(), Error> {
    let mut e = Encoder::new(&mut sink, options.version);
    e.child(T::TAG, value)
}
