//! Malformed presence: lenient decoding keeps it (and re-encodes it as it
//! came), strict decoding reports it with the element path, in XML and in
//! WBXML; arbitrary trees of presence elements never panic.

use imps_event::{CspVersion, ErrorKind, Event, Name, Start, Tag, VecSink, VecSource};
use imps_model::presence::*;
use imps_model::{DecodeOptions, Element, Node};
use proptest::prelude::*;

use crate::util::*;

fn doc(inner: &str) -> String {
    format!(r#"<PresenceSubList xmlns="{PA12}">{inner}</PresenceSubList>"#)
}

/// Lenient decode from XML and from spec-table WBXML (must agree and
/// re-encode losslessly).
fn lenient(inner: &str) -> PresenceSubList {
    let xml = doc(inner);
    let a = doc_from_xml(xml.as_bytes(), &DecodeOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let wb = SpecTables::load().encode(&xml_events(xml.as_bytes()));
    let b = doc_from_wbxml(&wb, &DecodeOptions::default()).unwrap();
    assert_eq!(a, b);
    assert_eq!(
        doc_from_xml(&doc_to_xml(&a), &DecodeOptions::default()).unwrap(),
        a
    );
    assert_eq!(
        doc_from_wbxml(&doc_to_wbxml(&a), &DecodeOptions::default()).unwrap(),
        a
    );
    a
}

/// Strict decode from XML and WBXML: both fail, with the same kind and
/// path; returns the XML error's (path, kind).
fn strict(inner: &str) -> (String, ErrorKind) {
    let xml = doc(inner);
    let a = doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    let wb = SpecTables::load().encode(&xml_events(xml.as_bytes()));
    let b = doc_from_wbxml(&wb, &DecodeOptions::strict()).unwrap_err();
    assert_eq!(
        (a.path, &a.kind),
        (b.path, &b.kind),
        "XML and WBXML disagree"
    );
    (a.path.to_string(), a.into_kind())
}

fn invalid(kind: &ErrorKind) -> (&'static str, &str) {
    match kind {
        ErrorKind::InvalidValue { expected, found } => (expected, found),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_value_of_every_value_set() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "<UserAvailability><Qualifier>T</Qualifier><PresenceValue>BUSY</PresenceValue></UserAvailability>",
            "PresenceSubList/UserAvailability/PresenceValue",
            Availability::EXPECTED,
        ),
        (
            "<StatusMood><Qualifier>T</Qualifier><PresenceValue>GRUMPY</PresenceValue></StatusMood>",
            "PresenceSubList/StatusMood/PresenceValue",
            Mood::EXPECTED,
        ),
        (
            "<OnlineStatus><Qualifier>T</Qualifier><PresenceValue>true</PresenceValue></OnlineStatus>",
            "PresenceSubList/OnlineStatus/PresenceValue",
            Boolean::EXPECTED,
        ),
        (
            "<Registration><Qualifier>yes</Qualifier></Registration>",
            "PresenceSubList/Registration/Qualifier",
            Boolean::EXPECTED,
        ),
        (
            "<ClientInfo><Qualifier>T</Qualifier><ClientType>TABLET</ClientType></ClientInfo>",
            "PresenceSubList/ClientInfo/ClientType",
            ClientType::EXPECTED,
        ),
        (
            "<CommCap><Qualifier>T</Qualifier><CommC><Cap>FAX</Cap><Status>OPEN</Status></CommC></CommCap>",
            "PresenceSubList/CommCap/CommC/Cap",
            Cap::EXPECTED,
        ),
        (
            "<CommCap><Qualifier>T</Qualifier><CommC><Cap>SMS</Cap><Status>AJAR</Status></CommC></CommCap>",
            "PresenceSubList/CommCap/CommC/Status",
            CommStatus::EXPECTED,
        ),
        (
            "<PreferredContacts><Qualifier>T</Qualifier><AddrPref><PrefC>PIGEON</PrefC><Caddr>x</Caddr><Cstatus>OPEN</Cstatus></AddrPref></PreferredContacts>",
            "PresenceSubList/PreferredContacts/AddrPref/PrefC",
            Cap::EXPECTED,
        ),
        (
            "<PreferredContacts><Qualifier>T</Qualifier><AddrPref><PrefC>SMS</PrefC><Caddr>x</Caddr><Cstatus>open</Cstatus></AddrPref></PreferredContacts>",
            "PresenceSubList/PreferredContacts/AddrPref/Cstatus",
            CommStatus::EXPECTED,
        ),
    ];
    for (inner, path, expected) in cases {
        let (p, kind) = strict(inner);
        assert_eq!(&p, path, "{inner}");
        assert_eq!(invalid(&kind).0, *expected, "{inner}");
        // Lenient: kept as Unknown, re-encoded as it came.
        let list = lenient(inner);
        let json = serde_json::to_string(&list).unwrap();
        let bad = invalid(&kind).1;
        assert!(json.contains(&format!("\"{bad}\"")), "{json}");
        assert!(String::from_utf8(doc_to_xml(&list))
            .unwrap()
            .contains(&format!(">{bad}<")));
    }
    let list = lenient("<UserAvailability><Qualifier>T</Qualifier><PresenceValue>BUSY</PresenceValue></UserAvailability>");
    let ua: &UserAvailability = list.get().unwrap();
    assert_eq!(ua.value, Some(Availability::Unknown("BUSY".into())));
    assert!(ua.value.as_ref().unwrap().is_unknown());
}

#[test]
fn qualifier_without_a_value() {
    let inner = "<OnlineStatus><Qualifier/><PresenceValue>T</PresenceValue></OnlineStatus>";
    let (path, kind) = strict(inner);
    assert_eq!(path, "PresenceSubList/OnlineStatus/Qualifier");
    assert_eq!(invalid(&kind), (Boolean::EXPECTED, "an empty element"));
    let list = lenient(inner);
    assert_eq!(
        list.attributes[0].qualifier(),
        Some(&Boolean::Unknown(String::new()))
    );
    let xml = String::from_utf8(doc_to_xml(&list)).unwrap();
    assert!(
        xml.contains("<OnlineStatus><Qualifier/><PresenceValue>T"),
        "{xml}"
    );
}

#[test]
fn missing_qualifier() {
    for (inner, path) in [
        (
            "<StatusText><PresenceValue>hi</PresenceValue></StatusText>",
            "PresenceSubList/StatusText",
        ),
        (
            "<Alias/><CommCap><CommC><Cap>IM</Cap><Status>OPEN</Status></CommC></CommCap>",
            "PresenceSubList/CommCap",
        ),
    ] {
        let (p, kind) = strict(inner);
        assert_eq!(p, path);
        assert_eq!(kind, ErrorKind::Missing("Qualifier"));
        let list = lenient(inner);
        let last = list.attributes.last().unwrap();
        assert_eq!(last.qualifier(), None);
        assert!(!last.is_selector());
    }
    // A selector needs none.
    assert!(doc_from_xml(doc("<StatusText/>").as_bytes(), &DecodeOptions::strict()).is_ok());
}

#[test]
fn attribute_child_directly_in_the_sub_list() {
    let inner = "<CommC><Cap>IM</Cap><Status>OPEN</Status></CommC>";
    let (path, kind) = strict(inner);
    assert_eq!(path, "PresenceSubList/CommC");
    assert!(
        matches!(&kind, ErrorKind::Unexpected { expected: "a presence attribute", found } if &**found == "<CommC>"),
        "{kind:?}"
    );
    let list = lenient(inner);
    let [Attribute::Unknown(el)] = list.attributes.as_slice() else {
        panic!("{list:?}")
    };
    assert_eq!(el.name, Name::Tag(Tag::CommC));
    assert_eq!(el.elements().count(), 2);
}

#[test]
fn child_of_the_wrong_attribute() {
    let inner = "<CommCap><Qualifier>T</Qualifier><Cap>IM</Cap></CommCap>";
    let (path, kind) = strict(inner);
    assert_eq!(path, "PresenceSubList/CommCap/Cap");
    assert_eq!(kind, ErrorKind::UnknownElement("Cap".into()));
    let list = lenient(inner);
    let cc: &CommCap = list.get().unwrap();
    assert!(cc.comm_cs.is_empty());
    assert_eq!(
        cc.extra,
        [Node::Element(Element::with_text(Tag::Cap, "IM"))]
    );
}

#[test]
fn value_without_presence_value_element() {
    // `<OnlineStatus>T</OnlineStatus>`: text where children belong.
    let inner = "<OnlineStatus>T</OnlineStatus>";
    let (path, kind) = strict(inner);
    assert_eq!(path, "PresenceSubList/OnlineStatus");
    assert!(matches!(kind, ErrorKind::Unexpected { .. }), "{kind:?}");
    let list = lenient(inner);
    let os: &OnlineStatus = list.get().unwrap();
    assert_eq!(os.extra, [Node::Text("T".into())]);
    assert!(!list.attributes[0].is_selector());
}

#[test]
fn element_inside_a_value_is_an_error_in_both_modes() {
    let inner = "<Alias><Qualifier>T</Qualifier><PresenceValue><b>x</b></PresenceValue></Alias>";
    for options in [DecodeOptions::default(), DecodeOptions::strict()] {
        let e = doc_from_xml(doc(inner).as_bytes(), &options).unwrap_err();
        assert!(
            e.path
                .to_string()
                .starts_with("PresenceSubList/Alias/PresenceValue"),
            "{e}"
        );
    }
}

#[test]
fn missing_required_child_of_commc_and_addrpref() {
    for (inner, path, missing) in [
        (
            "<CommCap><Qualifier>T</Qualifier><CommC><Cap>IM</Cap></CommC></CommCap>",
            "PresenceSubList/CommCap/CommC",
            "Status",
        ),
        (
            "<PreferredContacts><Qualifier>T</Qualifier><AddrPref><PrefC>IM</PrefC><Cstatus>OPEN</Cstatus></AddrPref></PreferredContacts>",
            "PresenceSubList/PreferredContacts/AddrPref",
            "Caddr",
        ),
        (
            "<InfoLink><Qualifier>T</Qualifier><Inf_link><Text>t</Text></Inf_link></InfoLink>",
            "PresenceSubList/InfoLink/Inf_link",
            "Link",
        ),
    ] {
        for options in [DecodeOptions::default(), DecodeOptions::strict()] {
            let e = doc_from_xml(doc(inner).as_bytes(), &options).unwrap_err();
            assert_eq!(e.path.to_string(), path);
            assert_eq!(e.kind, ErrorKind::Missing(missing));
        }
    }
}

#[test]
fn repeated_attributes() {
    let inner = "<OnlineStatus><Qualifier>T</Qualifier><PresenceValue>T</PresenceValue></OnlineStatus>\
                 <OnlineStatus><Qualifier>T</Qualifier><PresenceValue>F</PresenceValue></OnlineStatus>";
    let (path, kind) = strict(inner);
    assert_eq!(path, "PresenceSubList/OnlineStatus");
    assert!(matches!(kind, ErrorKind::Unexpected { .. }), "{kind:?}");
    let list = lenient(inner);
    let values: Vec<_> = list
        .all::<OnlineStatus>()
        .map(|o| o.value.clone())
        .collect();
    assert_eq!(values, [Some(Boolean::True), Some(Boolean::False)]);
    // PA 1.3 (per-client presence) allows them, even strictly.
    let ns13 = CspVersion::V1_3.namespace(imps_tokens::NamespaceKind::Pa);
    let xml = format!(r#"<PresenceSubList xmlns="{ns13}">{inner}</PresenceSubList>"#);
    let list13 = doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap();
    assert_eq!(list13.version(), Some(CspVersion::V1_3));
    assert_eq!(list13.all::<OnlineStatus>().count(), 2);
}

#[test]
fn info_link_is_pa_1_2() {
    let inner =
        "<InfoLink><Qualifier>T</Qualifier><Inf_link><Link>http://x/</Link></Inf_link></InfoLink>";
    let xml = format!(r#"<PresenceSubList xmlns="{PA11}">{inner}</PresenceSubList>"#);
    let e = doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert_eq!(e.path.to_string(), "PresenceSubList/InfoLink");
    assert!(
        matches!(
            e.kind,
            ErrorKind::Unexpected {
                expected: "a PA 1.1 attribute",
                ..
            }
        ),
        "{e}"
    );
    let list = doc_from_xml(xml.as_bytes(), &DecodeOptions::default()).unwrap();
    assert_eq!(list.get::<InfoLink>().unwrap().links[0].link, "http://x/");
    // Without a namespace, the document's version decides.
    let bare = format!("<PresenceSubList>{inner}</PresenceSubList>");
    let v11 = DecodeOptions::strict().with_default_version(CspVersion::V1_1);
    let events = xml_events(bare.as_bytes());
    assert!(decode_document(&mut VecSource::new(events.clone()), &v11).is_err());
    assert!(decode_document(&mut VecSource::new(events), &DecodeOptions::strict()).is_ok());
}

#[test]
fn unknown_attribute_and_foreign_namespace() {
    let inner = r#"<Mood xmlns="http://example.com/ext"><Qualifier>T</Qualifier></Mood><Alias/>"#;
    let xml = doc(inner);
    let e = doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownElement("Mood".into()));
    let list = doc_from_xml(xml.as_bytes(), &DecodeOptions::default()).unwrap();
    let [Attribute::Unknown(el), Attribute::Alias(_)] = list.attributes.as_slice() else {
        panic!("{list:?}")
    };
    assert_eq!(el.xmlns.as_deref(), Some("http://example.com/ext"));
    assert_eq!(list.unknown().count(), 1);
    let back = String::from_utf8(doc_to_xml(&list)).unwrap();
    assert!(
        back.contains(
            r#"<Mood xmlns="http://example.com/ext"><Qualifier>T</Qualifier></Mood><Alias/>"#
        ),
        "{back}"
    );

    let xml = r#"<PresenceSubList xmlns="http://example.com/not-pa"><Alias/></PresenceSubList>"#;
    let e = doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Version(_)), "{e}");
    let list = doc_from_xml(xml.as_bytes(), &DecodeOptions::default()).unwrap();
    assert_eq!(list.xmlns.as_deref(), Some("http://example.com/not-pa"));
    assert_eq!(list.version(), None);
}

#[test]
fn vectors_strictly() {
    // wv-040 / wv-047 spell ReferredContent / ReferredvCard the way
    // libwbxml's and kXML2's tables do (PreferredContent / PreferredvCard,
    // aliases of the same tokens): strictly valid.
    for f in [
        "wv-040.xml",
        "wv-047.xml",
        "wv-038.xml",
        "wv-054.xml",
        "wv-099.xml",
    ] {
        let bytes = read(&vectors().join("libwbxml-wv-csp11").join(f));
        let msg =
            msg_from_xml(&bytes, &DecodeOptions::strict()).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(
            msg,
            msg_from_xml(&bytes, &DecodeOptions::default()).unwrap()
        );
    }
    // Movistar's Colibria vendor element is refused, with its path.
    let bytes = read(&vectors().join("omf-sms20-movistar/03-UpdatePresence-Request.xml"));
    let e = msg_from_xml(&bytes, &DecodeOptions::strict()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnknownElement("ClientTypeDetail".into()));
    assert!(
        e.path
            .to_string()
            .ends_with("UpdatePresence-Request/PresenceSubList/ClientInfo/?"),
        "{e}"
    );
}

#[test]
fn document_kinds() {
    let sel = PresenceSubList::selectors(CspVersion::V1_2, [Tag::Alias, Tag::StatusText]);
    let mut sink = VecSink::default();
    encode_document(&sel, &mut sink).unwrap();
    let doc = Document::decode(
        &mut VecSource::new(sink.events.clone()),
        &DecodeOptions::default(),
    )
    .unwrap();
    assert_eq!(doc, Document::Presence(sel.clone()));
    assert_eq!(doc.version(), CspVersion::V1_2);
    let msg = msg_from_xml(
        &read(&vectors().join("omf-sms20-movistar/09-UpdatePresence-Request.xml")),
        &DecodeOptions::default(),
    )
    .unwrap();
    let mut sink = VecSink::default();
    imps_model::encode(&msg, &mut sink).unwrap();
    let doc = Document::decode(
        &mut VecSource::new(sink.events.clone()),
        &DecodeOptions::default(),
    )
    .unwrap();
    assert_eq!(doc, Document::Message(msg));
    let mut again = VecSink::default();
    doc.encode(&mut again).unwrap();
    assert_eq!(again.events, sink.events);
    // Another root.
    let e = Document::decode(
        &mut VecSource::new(vec![Event::Start(Start::new(Tag::Presence)), Event::End]),
        &DecodeOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Unexpected { .. }));
    let e = decode_document(
        &mut VecSource::new(vec![Event::Start(Start::new(Tag::Presence)), Event::End]),
        &DecodeOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Unexpected { .. }));
    // Truncated.
    let e = decode_document(
        &mut VecSource::new(vec![
            Event::Start(Start::new(Tag::PresenceSubList)),
            Event::Start(Start::new(Tag::Alias)),
        ]),
        &DecodeOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Syntax(_)));
}

// ------------------------------------------------------------ no panics

/// Names a malformed presence tree is built from: attributes, their
/// children, and a stranger.
const NAMES: &[Tag] = &[
    Tag::OnlineStatus,
    Tag::ClientInfo,
    Tag::CommCap,
    Tag::CommC,
    Tag::Cap,
    Tag::Status,
    Tag::UserAvailability,
    Tag::PreferredContacts,
    Tag::AddrPref,
    Tag::PrefC,
    Tag::Caddr,
    Tag::Cstatus,
    Tag::StatusContent,
    Tag::DirectContent,
    Tag::InfoLink,
    Tag::InfLink,
    Tag::Link,
    Tag::Qualifier,
    Tag::PresenceValue,
    Tag::PresenceSubList,
    Tag::Session,
];

#[derive(Clone, Debug)]
enum Tree {
    Text(String),
    Int(u32),
    El(Tag, Vec<Tree>),
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = prop_oneof![
        // (No empty text: readers never produce an empty text event.)
        prop::sample::select(vec!["T", "F", "AVAILABLE", "BUSY", "IM", "OPEN", " ", "x"])
            .prop_map(|s| Tree::Text(s.to_owned())),
        any::<u32>().prop_map(Tree::Int),
        prop::sample::select(NAMES).prop_map(|t| Tree::El(t, Vec::new())),
    ];
    leaf.prop_recursive(5, 40, 5, |inner| {
        (
            prop::sample::select(NAMES),
            prop::collection::vec(inner, 0..5),
        )
            .prop_map(|(t, kids)| Tree::El(t, kids))
    })
}

fn events(t: &Tree, out: &mut Vec<Event<'static>>) {
    match t {
        Tree::Text(s) => out.push(Event::Text(s.clone().into())),
        Tree::Int(i) => out.push(Event::Integer(*i)),
        Tree::El(tag, kids) => {
            out.push(Event::Start(Start::new(*tag)));
            for k in kids {
                events(k, out);
            }
            out.push(Event::End);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any tree of presence elements: no panic in either mode; whatever
    /// lenient decoding accepts re-encodes to a document that decodes to
    /// the same model; whatever strict decoding accepts, lenient decoding
    /// accepts identically.
    #[test]
    fn arbitrary_presence_trees_never_panic(kids in prop::collection::vec(tree(), 0..6)) {
        let mut ev = vec![Event::Start(Start::with_xmlns(Tag::PresenceSubList, PA12))];
        for k in &kids {
            events(k, &mut ev);
        }
        ev.push(Event::End);
        let has_int = ev.iter().any(|e| matches!(e, Event::Integer(_)));
        let lenient = decode_document(&mut VecSource::new(ev.clone()), &DecodeOptions::default());
        let strict = decode_document(&mut VecSource::new(ev.clone()), &DecodeOptions::strict());
        if let Ok(list) = &lenient {
            let mut sink = VecSink::default();
            encode_document(list, &mut sink).unwrap();
            let again = decode_document(&mut VecSource::new(sink.events), &DecodeOptions::default()).unwrap();
            prop_assert_eq!(&again, list);
            // Integers only come from WBXML integer elements (none in PA);
            // outside them the text syntaxes cannot keep them apart.
            if !has_int {
            prop_assert_eq!(doc_from_xml(&doc_to_xml(list), &DecodeOptions::default()).unwrap(), list.clone());
            prop_assert_eq!(doc_from_wbxml(&doc_to_wbxml(list), &DecodeOptions::default()).unwrap(), list.clone());
            }
        }
        if let Ok(list) = strict {
            prop_assert_eq!(Ok(list), lenient);
        } else if let Err(e) = strict {
            prop_assert!(e.path.depth() >= 1, "{}", e);
        }
    }

    /// Damaged WBXML of a full presence document: no panic.
    #[test]
    fn damaged_wbxml_never_panics(cut in 0usize..400, flips in prop::collection::vec((0usize..400, any::<u8>()), 0..4)) {
        let list = full_list();
        let mut wb = doc_to_wbxml(&list);
        for (i, b) in flips {
            let n = wb.len();
            wb[i % n] = b;
        }
        wb.truncate(cut.max(4));
        for options in [DecodeOptions::default(), DecodeOptions::strict()] {
            let _ = doc_from_wbxml(&wb, &options);
            let Ok(mut r) = imps_csp_wbxml::WbxmlReader::new(&wb, &Default::default()) else {
                continue;
            };
            let _ = imps_model::presence::Document::decode(&mut r, &options);
        }
    }
}

/// One list with every attribute filled in.
pub(crate) fn full_list() -> PresenceSubList {
    let xml = doc(concat!(
        "<OnlineStatus><Qualifier>T</Qualifier><PresenceValue>T</PresenceValue></OnlineStatus>",
        "<Registration><Qualifier>T</Qualifier><PresenceValue>T</PresenceValue></Registration>",
        "<ClientInfo><Qualifier>T</Qualifier><ClientType>PDA</ClientType><DevManufacturer>ABC</DevManufacturer>",
        "<ClientProducer>P</ClientProducer><Model>M</Model><ClientVersion>1</ClientVersion><Language>fin</Language></ClientInfo>",
        "<TimeZone><Qualifier>T</Qualifier><Zone>+02</Zone></TimeZone>",
        "<GeoLocation><Qualifier>T</Qualifier><Longitude>1</Longitude><Latitude>2</Latitude><Altitude>3</Altitude><Accuracy>4</Accuracy></GeoLocation>",
        "<Address><Qualifier>T</Qualifier><Country>GB</Country><City>London</City><Street>S</Street><Crossing1>A</Crossing1>",
        "<Crossing2>B</Crossing2><Building>C</Building><NamedArea>D</NamedArea><Accuracy>5</Accuracy></Address>",
        "<FreeTextLocation><Qualifier>T</Qualifier><PresenceValue>At home</PresenceValue></FreeTextLocation>",
        "<PLMN><Qualifier>T</Qualifier><PresenceValue>Sonera</PresenceValue></PLMN>",
        "<CommCap><Qualifier>T</Qualifier><CommC><Cap>CALL</Cap><Status>OPEN</Status><Contact>+358</Contact><Note>n</Note></CommC></CommCap>",
        "<UserAvailability><Qualifier>T</Qualifier><PresenceValue>AVAILABLE</PresenceValue></UserAvailability>",
        "<PreferredContacts><Qualifier>T</Qualifier><AddrPref><PrefC>SMS</PrefC><Caddr>+358</Caddr><Cstatus>OPEN</Cstatus><Cname>Home</Cname><Cpriority>10</Cpriority></AddrPref></PreferredContacts>",
        "<PreferredLanguage><Qualifier>T</Qualifier><PresenceValue>fin</PresenceValue></PreferredLanguage>",
        "<StatusText><Qualifier>T</Qualifier><PresenceValue>Busy</PresenceValue></StatusText>",
        "<StatusMood><Qualifier>T</Qualifier><PresenceValue>HAPPY</PresenceValue></StatusMood>",
        "<Alias><Qualifier>T</Qualifier><PresenceValue>He</PresenceValue></Alias>",
        "<StatusContent><Qualifier>T</Qualifier><ReferredContent>http://x/logo</ReferredContent><ContentType>image/gif</ContentType></StatusContent>",
        "<ContactInfo><Qualifier>T</Qualifier><ReferredvCard>http://x/card</ReferredvCard></ContactInfo>",
        "<InfoLink><Qualifier>T</Qualifier><Inf_link><Link>http://x/</Link><Text>home</Text><ContentType>text/html</ContentType></Inf_link></InfoLink>",
    ));
    doc_from_xml(xml.as_bytes(), &DecodeOptions::strict()).unwrap()
}
