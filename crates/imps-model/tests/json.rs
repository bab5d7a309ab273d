//! The documented JSON shape (feature `serde`) is what serde writes, and
//! JSON → model → XML/WBXML works like the other syntaxes.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use imps_event::CspVersion;
use imps_model::*;

/// The example in the crate docs, byte for byte (without line breaks).
const DOC_JSON: &str = r#"{"version":"1.2","xmlns":"http://www.openmobilealliance.org/DTD/WV-CSP1.2","session":{"descriptor":{"session_type":"Inband","session_id":"s1"},"transactions":[{"descriptor":{"mode":"Request","id":"t8"},"content":{"primitive":{"SendMessageRequest":{"delivery_report":true,"info":{"content_size":5,"recipient":{"users":[{"user_id":"wv:bob"}]},"sender":{"user":{"user_id":"wv:alice"}},"date_time":"20070625T055652Z"},"content":{"text":"Hello"}}}}}]}}"#;

fn doc_model() -> Message {
    let info = MessageInfo {
        content_size: 5,
        recipient: Recipient::user("wv:bob"),
        sender: Sender::user("wv:alice"),
        date_time: Some("20070625T055652Z".parse().unwrap()),
        ..MessageInfo::default()
    };
    let send = SendMessageRequest {
        delivery_report: Some(true),
        info,
        content: Some("Hello".into()),
        ..SendMessageRequest::default()
    };
    let mut msg = Message::new(
        CspVersion::V1_2,
        Session {
            descriptor: SessionDescriptor::inband("s1"),
            transactions: vec![Transaction::new(
                TransactionMode::Request,
                "t8",
                Primitive::SendMessageRequest(send),
            )],
            ..Session::default()
        },
    );
    msg.session.transactions[0].content.xmlns = None;
    msg
}

#[test]
fn documented_shape() {
    let msg = doc_model();
    assert_eq!(serde_json::to_string(&msg).unwrap(), DOC_JSON);
    let back: Message = serde_json::from_str(DOC_JSON).unwrap();
    assert_eq!(back, msg);
    // The docs show the same JSON, wrapped.
    let docs = include_str!("../src/lib.rs");
    let shown: String = docs
        .lines()
        .skip_while(|l| !l.starts_with("//! ```json"))
        .skip(1)
        .take_while(|l| !l.starts_with("//! ```"))
        .map(|l| l.trim_start_matches("//!").trim())
        .collect();
    assert_eq!(shown, DOC_JSON);
}

#[test]
fn json_to_wbxml_and_xml() {
    let msg: Message = serde_json::from_str(DOC_JSON).unwrap();
    assert_eq!(from_wbxml(&to_wbxml(&msg)).unwrap(), msg);
    assert_eq!(from_xml(&to_xml(&msg)).unwrap(), msg);
}

#[test]
fn value_sets_codes_elements_and_unknowns() {
    let json = serde_json::to_value(StatusCode::UnknownUser).unwrap();
    assert_eq!(json, serde_json::json!(531));
    assert_eq!(
        serde_json::to_value(ClientType::MobilePhone).unwrap(),
        "MOBILE_PHONE"
    );
    let odd: ClientType = serde_json::from_value(serde_json::json!("FRIDGE")).unwrap();
    assert_eq!(odd, ClientType::Unknown("FRIDGE".into()));
    let el = Element {
        name: imps_event::Name::Other("x-vendor".into()),
        xmlns: Some("urn:x".into()),
        children: vec![
            Node::Text("a".into()),
            Node::Integer(7),
            Node::Opaque(vec![0xC3, 0x01]),
            Node::Element(Element::new(imps_event::Tag::UserID)),
        ],
    };
    let json = serde_json::to_string(&el).unwrap();
    assert_eq!(
        json,
        r#"{"name":"x-vendor","xmlns":"urn:x","children":[{"text":"a"},{"integer":7},{"opaque":"c301"},{"element":{"name":"UserID"}}]}"#
    );
    assert_eq!(serde_json::from_str::<Element>(&json).unwrap(), el);
    let p = Primitive::Unknown(el);
    let json = serde_json::to_string(&p).unwrap();
    assert!(
        json.starts_with(r#"{"Unknown":{"name":"x-vendor""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Primitive>(&json).unwrap(), p);
}

#[test]
fn every_vector_round_trips_through_json() {
    for dir in ["libwbxml-wv-csp11", "omf-sms20-movistar"] {
        for f in files(dir, "xml") {
            let msg = from_xml(&read(&f)).unwrap();
            let json = serde_json::to_string_pretty(&msg).unwrap();
            let back: Message = serde_json::from_str(&json).unwrap();
            assert_eq!(back, msg, "{}", f.display());
        }
    }
}
