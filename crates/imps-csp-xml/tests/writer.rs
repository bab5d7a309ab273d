//! Writer behaviour: prolog, indentation, typed content, escaping, errors;
//! and proptest round trips through the reader.

mod common;

use std::borrow::Cow;

use common::{read_all, write_all};
use imps_csp_xml::{DecodeOptions, DoctypeMode, WriteOptions, XmlWriter};
use imps_event::{DateTime, ErrorKind, Event, EventSink, Name, Start};
use imps_tokens::{CspVersion, Tag};
use proptest::prelude::*;

fn s(tag: Tag) -> Event<'static> {
    Event::Start(Start::new(tag))
}

fn t(text: &str) -> Event<'static> {
    Event::Text(Cow::Owned(text.to_string()))
}

fn write(events: &[Event<'_>], options: WriteOptions) -> String {
    let bytes = write_all(events, options).expect("writes");
    String::from_utf8(bytes).expect("UTF-8 output")
}

fn bare() -> WriteOptions {
    WriteOptions {
        declaration: false,
        ..WriteOptions::default()
    }
}

#[test]
fn doctype_only_without_xmlns_by_default() {
    let events = [
        s(Tag::WvCspMessage),
        s(Tag::Session),
        Event::End,
        Event::End,
    ];
    let v11 = WriteOptions {
        version: Some(CspVersion::V1_1),
        ..WriteOptions::default()
    };
    assert_eq!(
        write(&events, v11.clone()),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE WV-CSP-Message PUBLIC \"-//WIRELESSVILLAGE//DTD CSP 1.1//EN\" \"http://www.openmobilealliance.org/DTD/WV-CSP.XML\"><WV-CSP-Message><Session/></WV-CSP-Message>"
    );
    // No version known: no DOCTYPE.
    assert_eq!(
        write(&events, WriteOptions::default()),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><WV-CSP-Message><Session/></WV-CSP-Message>"
    );
    let with_ns = [
        Event::Start(Start::with_xmlns(
            Tag::WvCspMessage,
            CspVersion::V1_2.namespace(imps_tokens::NamespaceKind::Csp),
        )),
        Event::End,
    ];
    assert_eq!(
        write(&with_ns, bare()),
        "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"/>"
    );
    // Always: the version comes from the namespace.
    let always = WriteOptions {
        declaration: false,
        doctype: DoctypeMode::Always,
        ..WriteOptions::default()
    };
    assert_eq!(
        write(&with_ns, always),
        "<!DOCTYPE WV-CSP-Message PUBLIC \"-//OMA//DTD WV-CSP 1.2//EN\" \"http://www.openmobilealliance.org/DTD/WV-CSP.DTD\"><WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"/>"
    );
    let never = WriteOptions {
        doctype: DoctypeMode::Never,
        ..v11
    };
    assert!(!write(&events, never).contains("DOCTYPE"));
    // Each version's DOCTYPE is read back as that version.
    for v in CspVersion::ALL {
        let xml = write_all(
            &events,
            WriteOptions {
                version: Some(v),
                ..WriteOptions::default()
            },
        )
        .unwrap();
        let reader = imps_csp_xml::XmlReader::new(&xml, &DecodeOptions::strict()).unwrap();
        assert_eq!(reader.version(), Some(v));
    }
}

/// Fuzz finding: with a root `xmlns` that names no CSP version (a vendor
/// namespace), `Auto` wrote no DOCTYPE, so the version was lost on the way
/// back. The DOCTYPE is now written whenever the root's namespace does not
/// name the version.
#[test]
fn doctype_keeps_the_version_when_the_root_namespace_is_not_csp() {
    for v in CspVersion::ALL {
        let doc = format!(
            "<!DOCTYPE WV-CSP-Message PUBLIC \"{}\" \"x\"><WV-CSP-Message xmlns=\"urn:example:vendor\"><Session/></WV-CSP-Message>",
            v.fpi()
        );
        let reader =
            imps_csp_xml::XmlReader::new(doc.as_bytes(), &DecodeOptions::default()).unwrap();
        assert_eq!(reader.version(), Some(v));
        let events = read_all(doc.as_bytes(), &DecodeOptions::default()).unwrap();
        let xml = write_all(
            &events,
            WriteOptions {
                version: reader.version(),
                ..WriteOptions::default()
            },
        )
        .unwrap();
        let text = String::from_utf8(xml.clone()).unwrap();
        assert!(
            text.contains(&format!("<!DOCTYPE WV-CSP-Message PUBLIC \"{}\"", v.fpi())),
            "{text}"
        );
        let back = imps_csp_xml::XmlReader::new(&xml, &DecodeOptions::strict()).unwrap();
        assert_eq!(back.version(), Some(v), "{text}");
        assert_eq!(read_all(&xml, &DecodeOptions::default()).unwrap(), events);
    }
    // A root whose namespace names the version needs no DOCTYPE, whatever
    // its kind (a standalone presence document declares the PA namespace).
    let pa = [
        Event::Start(Start::with_xmlns(
            Tag::PresenceSubList,
            CspVersion::V1_1.namespace(imps_tokens::NamespaceKind::Pa),
        )),
        Event::End,
    ];
    let v11 = WriteOptions {
        version: Some(CspVersion::V1_1),
        ..bare()
    };
    assert_eq!(
        write(&pa, v11.clone()),
        "<PresenceSubList xmlns=\"http://www.wireless-village.org/PA1.1\"/>"
    );
    // Without a known version there is nothing to write.
    let vendor = [
        Event::Start(Start::with_xmlns(Tag::WvCspMessage, "urn:example:vendor")),
        Event::End,
    ];
    assert!(!write(&vendor, bare()).contains("DOCTYPE"));
    assert!(write(&vendor, v11)
        .starts_with("<!DOCTYPE WV-CSP-Message PUBLIC \"-//WIRELESSVILLAGE//DTD CSP 1.1//EN\""));
}

#[test]
fn indentation() {
    let events = [
        s(Tag::WvCspMessage),
        s(Tag::Session),
        s(Tag::SessionID),
        t("  id  "),
        Event::End,
        s(Tag::Poll),
        Event::End,
        Event::End,
        Event::End,
    ];
    let options = WriteOptions {
        indent: Some(2),
        ..bare()
    };
    assert_eq!(
        write(&events, options.clone()),
        "<WV-CSP-Message>\n  <Session>\n    <SessionID>  id  </SessionID>\n    <Poll/>\n  </Session>\n</WV-CSP-Message>\n"
    );
    let xml = write_all(&events, options).unwrap();
    assert_eq!(read_all(&xml, &DecodeOptions::strict()).unwrap(), events);
}

#[test]
fn typed_content_and_escaping() {
    let date: DateTime = "2001-09-25T13:40:13Z".parse().unwrap();
    let events = [
        s(Tag::Session),
        s(Tag::Code),
        Event::Integer(4_294_967_295),
        Event::End,
        s(Tag::DateTime),
        Event::DateTime(date),
        Event::End,
        s(Tag::ContentData),
        Event::Opaque(Cow::Borrowed("é<".as_bytes())),
        Event::End,
        Event::Start(Start::with_xmlns(Tag::Poll, "a\"<&>\t\n")),
        t("<&>\"'\r\n"),
        Event::End,
        Event::Start(Start::new(Name::Token {
            page: 0x0B,
            token: 0x3F,
        })),
        Event::End,
        Event::End,
    ];
    let xml = write(&events, bare());
    assert_eq!(
        xml,
        "<Session><Code>4294967295</Code><DateTime>20010925T134013Z</DateTime><ContentData>é&lt;</ContentData><Poll xmlns=\"a&quot;&lt;&amp;&gt;&#9;&#10;\">&lt;&amp;&gt;\"'&#13;\n</Poll><_wbxml-0B-3F/></Session>"
    );
    let back = read_all(xml.as_bytes(), &DecodeOptions::strict()).unwrap();
    assert_eq!(back[2], t("4294967295"));
    assert_eq!(back[5], t("20010925T134013Z"));
    assert_eq!(back[8], t("é<"));
    assert_eq!(
        back[10],
        Event::Start(Start::with_xmlns(Tag::Poll, "a\"<&>\t\n"))
    );
    assert_eq!(back[11], t("<&>\"'\r\n"));
    assert_eq!(back[13], events[13]);
}

#[test]
fn encode_errors() {
    let cases: Vec<(Vec<Event<'static>>, &str)> = vec![
        (
            vec![
                s(Tag::ContentData),
                Event::Opaque(Cow::Borrowed(&[0xFF, 0x00])),
            ],
            "opaque",
        ),
        (vec![t("x")], "outside"),
        (vec![Event::End], "end without"),
        (vec![s(Tag::Poll), Event::End, s(Tag::Poll)], "second root"),
        (vec![s(Tag::Poll), t("a\u{1}")], "U+0001"),
        (
            vec![Event::Start(Start::new(Name::Other(Cow::Borrowed("a b"))))],
            "not an XML element name",
        ),
    ];
    for (events, what) in cases {
        let mut w = XmlWriter::new(bare());
        let err = events
            .into_iter()
            .map(|e| w.event(e))
            .find_map(Result::err)
            .unwrap();
        match &err.kind {
            ErrorKind::Encode(m) => assert!(m.contains(what), "{m} vs {what}"),
            other => unreachable!("{other:?}"),
        }
    }
    // The error names the open elements and the output offset, on the
    // fast path (table names) and the general one (other names) alike.
    let mut w = XmlWriter::new(bare());
    for e in [
        s(Tag::WvCspMessage),
        s(Tag::Session),
        Event::Start(Start::new(Name::Other(Cow::Borrowed("x")))),
        s(Tag::Poll),
        Event::End,
    ] {
        w.event(e).unwrap();
    }
    let err = w.event(t("\u{2}")).unwrap_err();
    assert_eq!(err.path.to_string(), "WV-CSP-Message/Session/?");
    assert_eq!(err.offset, "<WV-CSP-Message><Session><x><Poll/>".len());
    let mut w = XmlWriter::new(bare());
    w.event(s(Tag::Poll)).unwrap();
    assert!(matches!(w.finish().unwrap_err().kind, ErrorKind::Encode(_)));
    assert!(matches!(
        XmlWriter::new(bare()).finish().unwrap_err().kind,
        ErrorKind::Encode(_)
    ));
}

/// Text XML 1.0 can carry (with `<&>"'`, CR/LF/tab and non-ASCII likely).
fn xml_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(vec!['<', '&', '>', '"', '\'', '\r', '\n', '\t', ' ', ']', 'é', '€', '\u{a0}', '😀', ';', '#']),
            3 => any::<char>(),
            2 => prop::char::range('a', 'z'),
        ]
        .prop_filter("XML Char", |c| {
            matches!(*c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        }),
        0..40,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// A tree with text only in leaves, as CSP has.
fn tree() -> impl Strategy<Value = Vec<Event<'static>>> {
    let tags = prop::sample::select(Tag::ALL.to_vec());
    let leaf = (tags.clone(), xml_text()).prop_map(|(tag, text)| {
        let mut v = vec![Event::Start(Start::new(tag))];
        if !text.is_empty() {
            v.push(Event::Text(Cow::Owned(text)));
        }
        v.push(Event::End);
        v
    });
    leaf.prop_recursive(4, 40, 5, move |inner| {
        (
            tags.clone(),
            prop::option::of(xml_text()),
            prop::collection::vec(inner, 1..5),
        )
            .prop_map(|(tag, ns, children)| {
                let start = match ns {
                    Some(ns) => Start::with_xmlns(tag, ns),
                    None => Start::new(tag),
                };
                let mut v = vec![Event::Start(start)];
                v.extend(children.into_iter().flatten());
                v.push(Event::End);
                v
            })
    })
}

proptest! {
    #[test]
    fn text_round_trips(text in xml_text(), ns in xml_text()) {
        let events = vec![
            Event::Start(Start::with_xmlns(Tag::ContentData, ns)),
            Event::Text(Cow::Owned(text.clone())),
            Event::End,
        ];
        let xml = write_all(&events, WriteOptions::default()).unwrap();
        let back = read_all(&xml, &DecodeOptions::strict()).unwrap();
        let expected: Vec<_> = events.into_iter().filter(|e| !matches!(e, Event::Text(t) if t.is_empty())).collect();
        prop_assert_eq!(back, expected);
    }

    #[test]
    fn trees_round_trip(events in tree(), indent in prop::option::of(0u8..4)) {
        let options = WriteOptions { indent, ..WriteOptions::default() };
        let xml = write_all(&events, options).unwrap();
        let back = read_all(&xml, &DecodeOptions::strict()).unwrap();
        prop_assert_eq!(back, events);
    }

    #[test]
    fn reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = read_all(&bytes, &DecodeOptions::default());
    }

    #[test]
    fn reader_never_panics_on_mutated_documents(
        cut in 0usize..400,
        insert in prop::sample::select(vec!["<", ">", "&", "&#", "]]>", "<!--", "<![CDATA[", "\"", "<!DOCTYPE x [", "/>", "</", "\u{FEFF}", "\u{1}"]),
    ) {
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE WV-CSP-Message PUBLIC \"-//OMA//DTD WV-CSP 1.2//EN\" \"x\"><WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session><SessionID>a&amp;b</SessionID><![CDATA[x]]><!-- c --><Poll/></Session></WV-CSP-Message>";
        let at = doc.char_indices().map(|(i, _)| i).nth(cut % doc.chars().count()).unwrap_or(0);
        let mutated = format!("{}{}{}", &doc[..at], insert, &doc[at..]);
        let _ = read_all(mutated.as_bytes(), &DecodeOptions::default());
        let _ = read_all(&doc.as_bytes()[..cut.min(doc.len())], &DecodeOptions::default());
    }
}
