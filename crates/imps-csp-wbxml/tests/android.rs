//! Android IM (Esmertec) vectors: the encoder vectors are reproduced byte for
//! byte from their XML, and the parser vectors decode to their XML.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::borrow::Cow;

use imps_csp_wbxml::{decode, encode, DecodeOptions, EncodeOptions, VersionSource, WbxmlReader};
use imps_event::{CspVersion, Event, Name};

fn version_of(events: &[Event<'_>]) -> CspVersion {
    let Some(Event::Start(s)) = events.first() else {
        panic!("no root")
    };
    CspVersion::from_namespace(s.xmlns.as_deref().unwrap())
        .unwrap()
        .0
}

#[test]
fn encoder_vectors_byte_for_byte() {
    let pairs = [
        ("simple_csp12", "simple_csp12"),
        ("simple_csp12_doctype", "simple_csp12"),
        ("simple2_csp11", "simple2_csp11"),
        ("simple_content", "simple_content"),
        ("simple_integer", "simple_integer"),
        ("simple_datetime", "simple_datetime"),
        ("simple_switch_page", "simple_switch_page"),
        ("cap_request", "cap_request"),
        ("statusprim", "statusprim"),
    ];
    for (xml, wbxml) in pairs {
        let text = String::from_utf8(common::read(&format!(
            "android-im-libwbxml/encoder/{xml}.xml"
        )))
        .unwrap();
        let events = common::mini_xml(&text);
        let expected = common::read(&format!("android-im-libwbxml/encoder/{wbxml}.wbxml"));
        let ours = encode(&events, EncodeOptions::phone(version_of(&events))).unwrap();
        assert_eq!(ours, expected, "{xml}: ours {ours:02X?}");
        // The default options are phone style for CSP 1.2.
        if version_of(&events) == CspVersion::V1_2 {
            assert_eq!(
                encode(&events, EncodeOptions::default()).unwrap(),
                expected,
                "{xml}"
            );
        }
    }
}

/// Android's parser vectors (each a `.wbxml` with the `.xml` it encodes).
const PARSER_VECTORS: [&str; 9] = [
    "simple",
    "simple2",
    "simple3",
    "simple_nocontent",
    "literal",
    "loginresponse",
    "statusprim",
    "sendmsgreq1",
    "cap_request",
];

/// The events of parser vector `name`'s WBXML, integers and dates as text
/// (as XML carries them).
fn parser_vector_as_text(name: &str) -> Vec<Event<'static>> {
    decode(
        &common::read(&format!("android-im-libwbxml/parser/{name}.wbxml")),
        &DecodeOptions::default(),
    )
    .unwrap()
    .into_iter()
    .map(|e| match e {
        Event::Integer(i) => Event::Text(Cow::Owned(i.to_string())),
        Event::DateTime(d) => Event::Text(Cow::Owned(d.to_string())),
        e => e,
    })
    .collect()
}

/// The XML of parser vector `name`.
fn parser_vector_xml(name: &str) -> Vec<u8> {
    common::read(&format!("android-im-libwbxml/parser/{name}.xml"))
}

#[test]
fn parser_vectors_decode_to_their_xml() {
    for name in PARSER_VECTORS {
        let xml = String::from_utf8(parser_vector_xml(name)).unwrap();
        assert_eq!(
            parser_vector_as_text(name),
            common::mini_xml(&xml),
            "{name}"
        );
    }
}

#[test]
fn parser_vector_values() {
    let opts = DecodeOptions::default();
    // statusprim: CSP 1.3 from the xmlns; codes as OPAQUE integers.
    let data = common::read("android-im-libwbxml/parser/statusprim.wbxml");
    let r = WbxmlReader::new(&data, &opts).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_3, VersionSource::Xmlns)
    );
    let ev = decode(&data, &opts).unwrap();
    let ints: Vec<u32> = ev
        .iter()
        .filter_map(|e| match e {
            Event::Integer(i) => Some(*i),
            _ => None,
        })
        .collect();
    assert_eq!(ints, [201, 531, 532]);
    assert!(ev.iter().any(|e| matches!(e, Event::Start(s)
        if s.name == Name::Tag(imps_event::Tag::TransactionContent)
        && s.xmlns.as_deref() == Some("http://www.openmobilealliance.org/DTD/IMPS-TRC1.3"))));
    // cap_request: value tokens above 0x7F.
    let ev = decode(
        &common::read("android-im-libwbxml/parser/cap_request.wbxml"),
        &opts,
    )
    .unwrap();
    let cir: Vec<&str> = ev
        .windows(2)
        .filter_map(|w| match (&w[0], &w[1]) {
            (Event::Start(s), Event::Text(t))
                if s.name == Name::Tag(imps_event::Tag::SupportedCIRMethod) =>
            {
                Some(t.as_ref())
            }
            _ => None,
        })
        .collect();
    assert_eq!(cir, ["STCP", "SHTTP", "SSMS"]);
    assert!(ev.contains(&Event::Integer(32767)));
    // big_entity: U+10FFFF.
    let ev = decode(
        &common::read("android-im-libwbxml/parser/big_entity.wbxml"),
        &opts,
    )
    .unwrap();
    assert!(ev.contains(&Event::Text("\u{10FFFF}".into())));
    // sendmsgreq1: public id 0x10 but the 1.2 namespace wins.
    let data = common::read("android-im-libwbxml/parser/sendmsgreq1.wbxml");
    let r = WbxmlReader::new(&data, &opts).unwrap();
    assert_eq!(r.header().public_id, imps_wbxml::PublicId::Numeric(0x10));
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_2, VersionSource::Xmlns)
    );
    let ev = decode(&data, &opts).unwrap();
    assert!(ev.contains(&Event::Text("Today \u{A0}Today".into())));
    assert!(
        ev.contains(&Event::Text("20070625T055652Z".into())),
        "inline dates stay text"
    );
    assert!(ev.contains(&Event::Integer(5)));
    // loginresponse: Code sent as decimal STR_I stays text.
    let ev = decode(
        &common::read("android-im-libwbxml/parser/loginresponse.wbxml"),
        &opts,
    )
    .unwrap();
    assert!(ev.contains(&Event::Text("401".into())));
    assert!(!ev.iter().any(|e| matches!(e, Event::Integer(_))));
}

#[test]
fn datetime_and_inline_vectors() {
    let opts = DecodeOptions::default();
    let ev = decode(
        &common::read("android-im-libwbxml/encoder/simple_datetime.wbxml"),
        &opts,
    )
    .unwrap();
    let d: imps_event::DateTime = "20010925T165859Z".parse().unwrap();
    assert_eq!(ev.iter().filter(|e| **e == Event::DateTime(d)).count(), 2);
    let data = common::read("android-im-libwbxml/inline/contentdata_opaque_csp13.wbxml");
    let r = WbxmlReader::new(&data, &opts).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_3, VersionSource::PublicId)
    );
    let ev = decode(&data, &opts).unwrap();
    assert_eq!(ev[1], Event::Opaque(Cow::Borrowed(b"Hello")));
    let ev = decode(
        &common::read("android-im-libwbxml/inline/contentdata_string_csp13.wbxml"),
        &opts,
    )
    .unwrap();
    assert_eq!(ev[1], Event::Text("Hello".into()));
    // Both re-encode byte for byte.
    for f in ["contentdata_opaque_csp13", "contentdata_string_csp13"] {
        let data = common::read(&format!("android-im-libwbxml/inline/{f}.wbxml"));
        let ev = decode(&data, &opts).unwrap();
        assert_eq!(
            encode(&ev, EncodeOptions::phone(CspVersion::V1_3)).unwrap(),
            data,
            "{f}"
        );
    }
}

/// The same with the real XML reader (`imps-csp-xml`) instead of the test
/// scaffolding: XML → events → phone-style WBXML equals Android's bytes, and
/// Android's parser vectors decode to the events of their XML.
#[test]
fn encoder_vectors_through_the_xml_reader() {
    use imps_event::EventSource;
    let xml_events = |bytes: &[u8]| -> (Option<CspVersion>, Vec<Event<'static>>) {
        let mut r =
            imps_csp_xml::XmlReader::new(bytes, &imps_csp_xml::DecodeOptions::default()).unwrap();
        let mut out = Vec::new();
        while let Some(ev) = r.next_event().unwrap() {
            out.push(ev.into_owned());
        }
        (r.version(), out)
    };
    for (xml, wbxml) in [
        ("simple_csp12", "simple_csp12"),
        ("simple_csp12_doctype", "simple_csp12"),
        ("simple2_csp11", "simple2_csp11"),
        ("simple_content", "simple_content"),
        ("simple_integer", "simple_integer"),
        ("simple_datetime", "simple_datetime"),
        ("simple_switch_page", "simple_switch_page"),
        ("cap_request", "cap_request"),
        ("statusprim", "statusprim"),
    ] {
        let (version, events) = xml_events(&common::read(&format!(
            "android-im-libwbxml/encoder/{xml}.xml"
        )));
        let version = version.unwrap_or_else(|| version_of(&events));
        let expected = common::read(&format!("android-im-libwbxml/encoder/{wbxml}.wbxml"));
        assert_eq!(
            encode(&events, EncodeOptions::phone(version)).unwrap(),
            expected,
            "{xml}"
        );
    }
    for name in PARSER_VECTORS {
        let (_, expected) = xml_events(&parser_vector_xml(name));
        assert_eq!(parser_vector_as_text(name), expected, "{name}");
    }
}
