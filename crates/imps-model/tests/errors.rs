//! Errors carry a path and a position; lenient mode keeps what strict mode
//! refuses; "not this element" differs from "this element, malformed"; no
//! input makes decoding panic.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use imps_event::{CspVersion, ErrorKind, Event, Name, Start, Tag, VecSource};
use imps_model::*;
use proptest::prelude::*;

fn doc(body: &str) -> String {
    format!(
        "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session>\
         <SessionDescriptor><SessionType>Inband</SessionType><SessionID>s</SessionID></SessionDescriptor>\
         <Transaction><TransactionDescriptor><TransactionMode>Request</TransactionMode>\
         <TransactionID>t</TransactionID></TransactionDescriptor>\
         <TransactionContent xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\">{body}\
         </TransactionContent></Transaction></Session></WV-CSP-Message>"
    )
}

/// The error for `body`, and the text at the error's byte offset.
fn error(body: &str, options: DecodeOptions) -> (imps_event::Error, String) {
    let xml = doc(body);
    let err = from_xml_with(xml.as_bytes(), options).unwrap_err();
    let at = xml[err.offset.min(xml.len())..].chars().take(24).collect();
    (err, at)
}

const PATH: &str = "WV-CSP-Message/Session/Transaction/TransactionContent";

#[test]
fn missing_required_child() {
    let (err, _) = error(
        "<Status><Result><Description>no code</Description></Result></Status>",
        DecodeOptions::default(),
    );
    assert_eq!(err.kind, ErrorKind::Missing("Code"));
    assert_eq!(err.path.to_string(), format!("{PATH}/Status/Result"));
    let (err, _) = error("<SendMessage-Request/>", DecodeOptions::default());
    assert_eq!(err.kind, ErrorKind::Missing("MessageInfo"));
    let (err, _) = error("<RejectMessage-Request/>", DecodeOptions::default());
    assert_eq!(err.kind, ErrorKind::Missing("MessageID"), "MessageID+");
    let (err, _) = error("", DecodeOptions::default());
    assert_eq!(err.kind, ErrorKind::Missing("primitive"));
    assert_eq!(err.path.to_string(), PATH);
}

#[test]
fn integer_holding_text() {
    let (err, at) = error(
        "<Status><Result><Code>OK</Code></Result></Status>",
        DecodeOptions::default(),
    );
    assert_eq!(
        err.kind,
        ErrorKind::InvalidValue {
            expected: "an integer",
            found: "OK".into()
        }
    );
    assert_eq!(err.path.to_string(), format!("{PATH}/Status/Result/Code"));
    assert!(
        at.starts_with("OK</Code>"),
        "offset points at the value: {at:?}"
    );
    let (err, _) = error(
        "<KeepAlive-Request><TimeToLive>-5</TimeToLive></KeepAlive-Request>",
        DecodeOptions::default(),
    );
    assert!(matches!(
        err.kind,
        ErrorKind::InvalidValue {
            expected: "an integer",
            ..
        }
    ));
    let (err, _) = error(
        "<Status><Result><Code>70000</Code></Result></Status>",
        DecodeOptions::default(),
    );
    assert!(matches!(err.kind, ErrorKind::InvalidValue { .. }), "{err}");
}

#[test]
fn date_with_month_13() {
    let body = "<MessageNotification><MessageInfo><ContentSize>1</ContentSize><Recipient/>\
                <Sender/><DateTime>20011325T134013Z</DateTime></MessageInfo></MessageNotification>";
    let (err, at) = error(body, DecodeOptions::default());
    assert_eq!(
        err.kind,
        ErrorKind::InvalidValue {
            expected: "an ISO 8601 date-time",
            found: "20011325T134013Z".into()
        }
    );
    assert_eq!(
        err.path.to_string(),
        format!("{PATH}/MessageNotification/MessageInfo/DateTime")
    );
    assert!(at.starts_with("20011325"), "{at:?}");
}

#[test]
fn bad_boolean_and_text_in_element_content() {
    let (err, _) = error(
        "<SubscribePresence-Request><AutoSubscribe>yes</AutoSubscribe></SubscribePresence-Request>",
        DecodeOptions::default(),
    );
    assert_eq!(
        err.kind,
        ErrorKind::InvalidValue {
            expected: "T or F",
            found: "yes".into()
        }
    );
    // A child where text belongs.
    let (err, _) = error(
        "<GetMessage-Request><MessageID><x/></MessageID></GetMessage-Request>",
        DecodeOptions::default(),
    );
    assert!(
        matches!(
            err.kind,
            ErrorKind::Unexpected {
                expected: "text",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn strict_refuses_what_lenient_keeps() {
    let cases = [
        // unknown child element
        ("<Status><Result><Code>200</Code></Result><Vendor>x</Vendor></Status>", "unknown"),
        // repeated singular child
        (
            "<GetMessage-Request><MessageID>a</MessageID><MessageID>b</MessageID></GetMessage-Request>",
            "duplicate",
        ),
        // stray text
        ("<Status>oops<Result><Code>200</Code></Result></Status>", "text"),
        // unknown primitive (a CSP 1.3 one)
        ("<GetPublicProfile-Request><UserID>u</UserID></GetPublicProfile-Request>", "primitive"),
        // a second primitive
        ("<Polling-Request/><Logout-Request/>", "second primitive"),
    ];
    for (body, what) in cases {
        let xml = doc(body);
        let lenient = from_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(
            from_xml(&to_xml(&lenient)).unwrap(),
            lenient,
            "{what}: lossless"
        );
        let err = from_xml_with(xml.as_bytes(), DecodeOptions::strict()).unwrap_err();
        assert!(err.path.depth() >= 4, "{what}: {err}");
    }
    let msg = from_xml(doc(cases[0].0).as_bytes()).unwrap();
    let Primitive::Status(s) = &msg.session.transactions[0].content.primitive else {
        panic!()
    };
    let [Node::Element(el)] = s.extra.as_slice() else {
        panic!("{:?}", s.extra)
    };
    assert_eq!(
        (el.name.as_xml().as_ref(), el.text()),
        ("Vendor", Some("x"))
    );
    let err = from_xml_with(doc(cases[0].0).as_bytes(), DecodeOptions::strict()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownElement("Vendor".into()));
    assert_eq!(err.path.to_string(), format!("{PATH}/Status/?"));
    // An unknown primitive is kept whole.
    let msg = from_xml(doc(cases[3].0).as_bytes()).unwrap();
    let Primitive::Unknown(el) = &msg.session.transactions[0].content.primitive else {
        panic!()
    };
    assert_eq!(el.name, Name::Tag(Tag::GetPublicProfileRequest));
    // Movistar's vendor extension: lenient keeps it, strict names it.
    let movistar = read(&vectors().join("omf-sms20-movistar/01-ClientCapability-Request.xml"));
    let err = from_xml_with(&movistar, DecodeOptions::strict()).unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::UnknownElement("ColibriaExtensions".into())
    );
    assert!(
        err.path
            .to_string()
            .ends_with("ClientCapability-Request/CapabilityList/?"),
        "{err}"
    );
}

#[test]
fn strict_refuses_unknown_values_of_csp_value_sets() {
    // ContentEncoding is a CSP value set (None | BASE64): lenient keeps the
    // spelling, strict names it with the element that holds it.
    let body = "<SendMessage-Request><DeliveryReport>F</DeliveryReport><MessageInfo>\
                <ContentEncoding>rot13</ContentEncoding><ContentSize>5</ContentSize>\
                <Recipient><User><UserID>wv:b</UserID></User></Recipient>\
                <Sender><User><UserID>wv:a</UserID></User></Sender></MessageInfo>\
                <ContentData>Hello</ContentData></SendMessage-Request>";
    let xml = doc(body);
    let msg = from_xml_with(xml.as_bytes(), DecodeOptions::lenient()).unwrap();
    let Primitive::SendMessageRequest(req) = &msg.session.transactions[0].content.primitive else {
        panic!("{msg:?}")
    };
    assert_eq!(
        req.info.content_encoding,
        Some(Encoding::Unknown("rot13".into()))
    );
    let (err, at) = error(body, DecodeOptions::strict());
    assert_eq!(
        err.kind,
        ErrorKind::InvalidValue {
            expected: Encoding::EXPECTED,
            found: "rot13".into()
        }
    );
    assert_eq!(
        err.path.to_string(),
        format!("{PATH}/SendMessage-Request/MessageInfo/ContentEncoding")
    );
    assert!(at.starts_with("rot13"), "{at}");
}

#[test]
fn unknown_namespace() {
    let xml = doc("<Polling-Request/>").replace("WV-CSP1.2\"", "WV-CSP9.9\"");
    let lenient = from_xml(xml.as_bytes()).unwrap();
    assert_eq!(
        lenient.version,
        CspVersion::V1_2,
        "falls back to the default version"
    );
    assert_eq!(
        lenient.xmlns.as_deref(),
        Some("http://www.openmobilealliance.org/DTD/WV-CSP9.9")
    );
    let err = from_xml_with(xml.as_bytes(), DecodeOptions::strict()).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Version(_)), "{err}");
}

#[test]
fn not_this_element_versus_malformed() {
    let xml = doc("<Polling-Request/>");
    // Asking for a Status where the document is a message: a mismatch.
    let mut r = imps_csp_xml::XmlReader::new(xml.as_bytes(), &Default::default()).unwrap();
    let err = imps_model::decode::<Status>(&mut r).unwrap_err();
    assert_eq!(
        err.kind,
        ErrorKind::Unexpected {
            expected: "Status",
            found: "<WV-CSP-Message>".into()
        }
    );
    // A single primitive as its own document works.
    let events = vec![
        Event::Start(Start::new(Tag::MessageDelivered)),
        Event::Start(Start::new(Tag::MessageID)),
        Event::Text("m-1".into()),
        Event::End,
        Event::End,
    ];
    let m: MessageDelivered = imps_model::decode(&mut VecSource::new(events)).unwrap();
    assert_eq!(m.message_id, "m-1");
}

#[test]
fn deep_unknown_subtrees_hit_the_depth_limit() {
    let mut events = vec![
        Event::Start(Start::new(Tag::Status)),
        Event::Start(Start::new(Tag::Result)),
        Event::Start(Start::new(Tag::Code)),
        Event::Integer(200),
        Event::End,
        Event::End,
    ];
    for _ in 0..100_000 {
        events.push(Event::Start(Start::new(Name::Other("deep".into()))));
    }
    let err = imps_model::decode::<Status>(&mut VecSource::new(events)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Limit("depth"));
    // Within the limit, it is kept.
    let mut events = vec![
        Event::Start(Start::new(Tag::Status)),
        Event::Start(Start::new(Tag::Result)),
        Event::Start(Start::new(Tag::Code)),
        Event::Integer(200),
        Event::End,
        Event::End,
    ];
    for _ in 0..30 {
        events.push(Event::Start(Start::new(Name::Other("deep".into()))));
    }
    events.extend(std::iter::repeat_n(Event::End, 31));
    let s = imps_model::decode::<Status>(&mut VecSource::new(events)).unwrap();
    assert_eq!(s.extra.len(), 1);
}

#[test]
fn truncated_documents_are_errors_not_panics() {
    for f in files("libwbxml-wv-csp11", "xml").iter().take(40) {
        let bytes = read(f);
        for cut in (0..bytes.len()).step_by(23) {
            let _ = from_xml(&bytes[..cut]);
        }
    }
    for f in files("wbxml-stream-wv", "wbxml").iter().take(40) {
        let bytes = read(f);
        for cut in 0..bytes.len() {
            assert!(
                from_wbxml(&bytes[..cut]).is_err(),
                "{}: prefix {cut}",
                f.display()
            );
        }
    }
}

fn arb_event() -> impl Strategy<Value = Event<'static>> {
    let tags = proptest::sample::select(vec![
        Tag::WvCspMessage,
        Tag::Session,
        Tag::SessionDescriptor,
        Tag::SessionType,
        Tag::Transaction,
        Tag::TransactionDescriptor,
        Tag::TransactionMode,
        Tag::TransactionContent,
        Tag::Status,
        Tag::Result,
        Tag::Code,
        Tag::SendMessageRequest,
        Tag::MessageInfo,
        Tag::Recipient,
        Tag::User,
        Tag::UserID,
        Tag::ClientID,
        Tag::Url,
        Tag::DateTime,
        Tag::PresenceSubList,
        Tag::OnlineStatus,
        Tag::Poll,
    ]);
    prop_oneof![
        4 => tags.prop_map(|t| Event::Start(Start::new(t))),
        1 => "[a-z]{1,4}".prop_map(|n| Event::Start(Start::new(Name::Other(n.into())))),
        4 => Just(Event::End),
        2 => prop_oneof![Just("T"), Just("Inband"), Just("200"), Just("x"), Just(" ")]
            .prop_map(|t| Event::Text(t.into())),
        1 => any::<u32>().prop_map(Event::Integer),
        1 => proptest::collection::vec(any::<u8>(), 0..6).prop_map(|b| Event::Opaque(b.into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Arbitrary event sequences: decoding returns, it never panics, and
    /// whatever decodes re-encodes to something that decodes the same.
    #[test]
    fn arbitrary_events_never_panic(events in proptest::collection::vec(arb_event(), 0..60), strict in any::<bool>()) {
        let opts = if strict { DecodeOptions::strict() } else { DecodeOptions::default() };
        if let Ok(msg) = imps_model::decode_with::<Message>(&mut VecSource::new(events), &opts) {
            prop_assert_eq!(via_events(&msg), msg);
        }
    }

    /// Arbitrary bytes through both codecs into the model never panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = from_wbxml(&bytes);
        let _ = from_xml(&bytes);
    }
}
