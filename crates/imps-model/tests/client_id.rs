//! `ClientID` is mixed content (`URL?`, `MSISDN?`, or plain text as
//! Android's CSP 1.3 engine sends it); its decoder reads events directly.
//! These documents pin what each kind of content becomes, in both syntaxes.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::*;
use imps_event::ErrorKind;
use imps_model::*;

/// A `Login-Request` whose `ClientID` holds `client`.
fn login(client: &str) -> String {
    format!(
        "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session>\
         <SessionDescriptor><SessionType>Outband</SessionType></SessionDescriptor>\
         <Transaction><TransactionDescriptor><TransactionMode>Request</TransactionMode>\
         <TransactionID>t</TransactionID></TransactionDescriptor><TransactionContent>\
         <Login-Request><UserID>wv:a</UserID><ClientID>{client}</ClientID><Password>p</Password>\
         <TimeToLive>60</TimeToLive><SessionCookie>c</SessionCookie></Login-Request></TransactionContent></Transaction></Session>\
         </WV-CSP-Message>"
    )
}

fn client_id(msg: &Message) -> &ClientId {
    let Primitive::LoginRequest(r) = &msg.session.transactions[0].content.primitive else {
        panic!("not a Login-Request: {msg:?}");
    };
    &r.client_id
}

/// Decodes `client` from XML and from the WBXML the model writes for it,
/// checks that both agree, and returns the XML decode's `ClientID`.
fn decode(client: &str, options: DecodeOptions) -> Result<ClientId, imps_event::Error> {
    let msg = from_xml_with(login(client).as_bytes(), options.clone())?;
    let again = from_wbxml_with(&to_wbxml(&msg), options).unwrap();
    assert_eq!(client_id(&again), client_id(&msg), "{client}");
    Ok(client_id(&msg).clone())
}

#[test]
fn url_msisdn_and_text() {
    let c = decode(
        "\n  <URL>http://c.example/</URL>\n  <MSISDN>+358</MSISDN>\n",
        DecodeOptions::strict(),
    )
    .unwrap();
    assert_eq!(c.url.as_deref(), Some("http://c.example/"));
    assert_eq!(c.msisdn.as_deref(), Some("+358"));
    assert_eq!((c.text, c.extra.len()), (None, 0));

    // Plain text, trimmed; pieces (text and CDATA) are joined first.
    let c = decode("  Esmertec<![CDATA[11]]>2233 ", DecodeOptions::strict()).unwrap();
    assert_eq!(c.text.as_deref(), Some("Esmertec112233"));
    assert_eq!((c.url, c.msisdn), (None, None));
}

#[test]
fn a_second_url_is_kept_when_lenient_and_refused_when_strict() {
    let two = "<URL>a</URL><URL>b</URL>";
    let c = decode(two, DecodeOptions::default()).unwrap();
    assert_eq!(c.url.as_deref(), Some("a"));
    assert_eq!(c.extra.len(), 1, "{c:?}");
    let err = decode(two, DecodeOptions::strict()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownElement("URL".into()));
    assert_eq!(
        err.path.to_string(),
        "WV-CSP-Message/Session/Transaction/TransactionContent/Login-Request/ClientID/URL"
    );
}

#[test]
fn a_child_element_inside_url_is_an_error() {
    let err = decode("<URL><x/></URL>", DecodeOptions::default()).unwrap_err();
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
