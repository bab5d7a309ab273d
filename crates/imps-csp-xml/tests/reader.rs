//! Reader behaviour: white space, CDATA, entities and DTDs, limits, errors.

mod common;

use std::borrow::Cow;

use common::read_all;
use imps_csp_xml::{line_column, DecodeOptions, XmlReader};
use imps_event::{ErrorKind, Event, EventSource, Name, Start};
use imps_tokens::{CspVersion, Tag};

fn lenient(input: &str) -> Result<Vec<Event<'static>>, imps_event::Error> {
    read_all(input.as_bytes(), &DecodeOptions::default())
}

fn start(tag: Tag) -> Event<'static> {
    Event::Start(Start::new(tag))
}

fn text(t: &str) -> Event<'static> {
    Event::Text(Cow::Owned(t.to_string()))
}

#[test]
fn indentation_is_dropped_leaf_text_is_verbatim() {
    let events = lenient(
        "<WV-CSP-Message>\n  <Session>\n    <ContentData>  </ContentData>\n    <UserID>\n a \n</UserID>\n    <SessionID></SessionID>\n  </Session>\n</WV-CSP-Message>\n",
    )
    .unwrap();
    assert_eq!(
        events,
        [
            start(Tag::WvCspMessage),
            start(Tag::Session),
            start(Tag::ContentData),
            text("  "),
            Event::End,
            start(Tag::UserID),
            text("\n a \n"),
            Event::End,
            start(Tag::SessionID),
            Event::End,
            Event::End,
            Event::End,
        ]
    );
}

#[test]
fn text_pieces_are_joined() {
    let events = lenient("<Poll>a<!-- c -->b<![CDATA[<&>]]>&amp;c<?pi x?>d</Poll>").unwrap();
    assert_eq!(events, [start(Tag::Poll), text("ab<&>&cd"), Event::End]);
    // Mixed content keeps its non-blank text; CDATA is always content.
    let events = lenient("<Session>x <Poll>T</Poll><![CDATA[ ]]></Session>").unwrap();
    assert_eq!(
        events,
        [
            start(Tag::Session),
            text("x "),
            start(Tag::Poll),
            text("T"),
            Event::End,
            text(" "),
            Event::End
        ]
    );
}

#[test]
fn line_ends_are_normalised_and_char_refs_kept() {
    let events = lenient("<Poll>a\r\nb\rc&#13;<![CDATA[d\r\n]]></Poll>").unwrap();
    assert_eq!(events[1], text("a\nb\nc\rd\n"));
}

#[test]
fn aliases_prefixes_and_token_names() {
    let events = lenient(
        "<Auto-Subscribe><xsi:type/><_wbxml-01-3F/><NoSuchTag/><WV-CSP-NSDiscovery-Request/></Auto-Subscribe>",
    )
    .unwrap();
    assert_eq!(events[0], start(Tag::AutoSubscribe));
    assert_eq!(
        events[1],
        Event::Start(Start::new(Name::Other(Cow::Borrowed("xsi:type"))))
    );
    assert_eq!(
        events[3],
        Event::Start(Start::new(Name::Token {
            page: 1,
            token: 0x3F
        }))
    );
    assert_eq!(
        events[5],
        Event::Start(Start::new(Name::Other(Cow::Borrowed("NoSuchTag"))))
    );
    assert_eq!(events[7], start(Tag::WvCspVersionDiscoveryRequest));
}

#[test]
fn attributes_lenient_and_strict() {
    let input = r#"<WV-CSP-Message xmlns:xsi="x" xmlns="http://www.wireless-village.org/CSP1.1" a='1'><Poll xmlns="a&amp;b"/></WV-CSP-Message>"#;
    let events = lenient(input).unwrap();
    assert_eq!(
        events[0],
        Event::Start(Start::with_xmlns(
            Tag::WvCspMessage,
            "http://www.wireless-village.org/CSP1.1"
        ))
    );
    assert_eq!(events[1], Event::Start(Start::with_xmlns(Tag::Poll, "a&b")));
    let err = read_all(input.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
    assert_eq!(err.offset, input.find("xmlns:xsi").unwrap());
    // Duplicate and malformed attributes are syntax errors in both modes.
    for bad in [
        r#"<Poll xmlns="a" xmlns="b"/>"#,
        r#"<Poll a="1" a="2"/>"#,
        r#"<Poll a=1/>"#,
    ] {
        let err = lenient(bad).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{bad}: {err}");
    }
}

#[test]
fn entity_references_are_refused() {
    let input = "<WV-CSP-Message><Session><UserID>a&nbsp;b</UserID></Session></WV-CSP-Message>";
    let err = lenient(input).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
    assert_eq!(err.offset, input.find("&nbsp;").unwrap());
    assert_eq!(err.path.to_string(), "WV-CSP-Message/Session/UserID");
    let attr = r#"<Poll xmlns="&ns;x"/>"#;
    let err = lenient(attr).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
    assert_eq!(err.offset, attr.find("&ns;").unwrap());
    for bad in [
        "<Poll>a & b</Poll>",
        "<Poll>&#0;</Poll>",
        "<Poll>&#xD800;</Poll>",
        "<Poll>&</Poll>",
    ] {
        let err = lenient(bad).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{bad}: {err}");
        assert_eq!(err.offset, bad.find('&').unwrap(), "{bad}");
    }
}

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        let refs = format!("&{prev};").repeat(10);
        doc.push_str(&format!(" <!ENTITY lol{i} \"{refs}\">\n"));
    }
    doc.push_str("]>\n<lolz>&lol9;</lolz>\n");
    let err = lenient(&doc).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
    assert_eq!(err.offset, doc.find("<!DOCTYPE").unwrap());
    assert_eq!(line_column(doc.as_bytes(), err.offset), (2, 1));
    // Parameter entities and external entities too.
    for subset in [
        "<!ENTITY % p SYSTEM \"http://example.invalid/x\"> %p;",
        "<!ENTITY e SYSTEM \"file:///etc/passwd\">",
    ] {
        let doc = format!("<!DOCTYPE WV-CSP-Message [{subset}]><WV-CSP-Message/>");
        let err = lenient(&doc).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
    }
}

#[test]
fn doctype_with_external_id_gives_the_version() {
    for (fpi, version) in [
        ("-//OMA//DTD WV-CSP 1.1//EN", CspVersion::V1_1),
        ("-//WIRELESSVILLAGE//DTD CSP 1.1//EN", CspVersion::V1_1),
        ("-//OMA//DTD WV-CSP 1.2//EN", CspVersion::V1_2),
        ("-//OMA//DTD IMPS-CSP 1.3//EN", CspVersion::V1_3),
    ] {
        let doc = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE WV-CSP-Message PUBLIC \"{fpi}\" \"http://www.openmobilealliance.org/DTD/WV-CSP.DTD\">\n<WV-CSP-Message><Session/></WV-CSP-Message>"
        );
        for options in [DecodeOptions::default(), DecodeOptions::strict()] {
            let r = XmlReader::new(doc.as_bytes(), &options).unwrap();
            assert_eq!(r.version(), Some(version), "{fpi}");
            assert_eq!(r.doctype_public_id(), Some(fpi));
        }
    }
    // An internal subset without entities: lenient ignores it, strict refuses.
    let doc = "<!DOCTYPE WV-CSP-Message [<!ELEMENT WV-CSP-Message ANY>]><WV-CSP-Message/>";
    assert_eq!(lenient(doc).unwrap().len(), 2);
    let err = read_all(doc.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
}

#[test]
fn version_from_namespaces() {
    let v = |doc: &str| {
        XmlReader::new(doc.as_bytes(), &DecodeOptions::default())
            .unwrap()
            .version()
    };
    assert_eq!(
        v(r#"<WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/IMPS-CSP1.3"/>"#),
        Some(CspVersion::V1_3)
    );
    // Only TransactionContent names it (found by looking ahead).
    assert_eq!(
        v(
            r#"<WV-CSP-Message><Session><Transaction><TransactionContent xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2"><Polling-Request/></TransactionContent></Transaction></Session></WV-CSP-Message>"#
        ),
        Some(CspVersion::V1_2)
    );
    assert_eq!(v("<WV-CSP-Message><Session/></WV-CSP-Message>"), None);
    assert_eq!(v(r#"<WV-CSP-Message xmlns="urn:other"/>"#), None);
}

#[test]
fn deep_nesting_hits_the_depth_limit() {
    let depth = 100_000;
    let doc = format!(
        "{}{}",
        "<Session>".repeat(depth),
        "</Session>".repeat(depth)
    );
    let err = lenient(&doc).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Limit("depth"));
    assert_eq!(err.offset, 256 * "<Session>".len());
    assert_eq!(err.path.depth(), 256);
    // The reader does not recurse: with the limit raised, it reads it all.
    let options = DecodeOptions {
        max_depth: depth,
        ..DecodeOptions::default()
    };
    let events = read_all(doc.as_bytes(), &options).unwrap();
    assert_eq!(events.len(), 2 * depth);
}

#[test]
fn text_and_event_limits() {
    let options = DecodeOptions {
        max_text_len: 8,
        ..DecodeOptions::default()
    };
    assert!(read_all(b"<Poll>12345678</Poll>", &options).is_ok());
    let err = read_all(b"<Poll>1234<!---->56789</Poll>", &options).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Limit("text length"));
    let err = read_all(b"<Poll>123456789</Poll>", &options).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Limit("text length"));
    let options = DecodeOptions {
        max_events: 3,
        ..DecodeOptions::default()
    };
    assert!(read_all(b"<Poll>T</Poll>", &options).is_ok());
    let err = read_all(b"<Poll><Poll/></Poll>", &options).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Limit("events"));
}

#[test]
fn invalid_utf8_is_reported_with_its_offset() {
    let mut doc = b"<Poll>ab".to_vec();
    doc.extend_from_slice(&[0xC3, 0x28]);
    doc.extend_from_slice(b"</Poll>");
    let err = read_all(&doc, &DecodeOptions::default()).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{err}");
    assert_eq!(err.offset, 8);
}

#[test]
fn encodings_and_byte_order_mark() {
    let events = read_all(
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?><Poll>é</Poll>".as_bytes(),
        &DecodeOptions::default(),
    )
    .unwrap();
    assert_eq!(events[1], text("é"));
    // Offsets count the byte-order mark.
    let err = read_all(
        "\u{FEFF}<Poll>&x;</Poll>".as_bytes(),
        &DecodeOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.offset, 9);
    let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Poll>T</Poll>";
    assert!(lenient(latin1).is_ok(), "pure ASCII reads the same");
    let err = read_all(latin1.as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
    let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Poll>é</Poll>";
    let err = lenient(latin1).unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Unsupported(_)), "{err}");
}

#[test]
fn malformed_documents() {
    for (doc, at) in [
        ("", 0),
        ("   ", 3),
        ("text<Poll/>", 0),
        ("<Poll>", 6),
        ("<Poll></Session>", 6),
        ("<Poll/><Poll/>", 7),
        ("<Poll/>text", 7),
        ("<Poll/><![CDATA[x]]>", 7),
        ("<Poll><?xml version=\"1.0\"?></Poll>", 6),
        ("</Poll>", 0),
        ("<1Poll/>", 0),
    ] {
        let err = lenient(doc).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Syntax(_)), "{doc:?}: {err}");
        assert_eq!(err.offset, at, "{doc:?}: {err}");
    }
    // Raw control characters: lenient keeps them, strict refuses.
    assert_eq!(lenient("<Poll>\u{1}</Poll>").unwrap()[1], text("\u{1}"));
    let err = read_all("<Poll>a\u{1}</Poll>".as_bytes(), &DecodeOptions::strict()).unwrap_err();
    assert_eq!(err.offset, 7);
}

#[test]
fn errors_repeat_and_offsets_point_at_events() {
    let doc = "<WV-CSP-Message>\n  <Session>x&bad;</Session></WV-CSP-Message>";
    let mut r = XmlReader::new(doc.as_bytes(), &DecodeOptions::default()).unwrap();
    assert_eq!(r.next_event().unwrap(), Some(start(Tag::WvCspMessage)));
    assert_eq!(r.offset(), 0);
    assert_eq!(r.next_event().unwrap(), Some(start(Tag::Session)));
    assert_eq!(r.offset(), 19);
    assert_eq!(line_column(doc.as_bytes(), r.offset()), (2, 3));
    let err = r.next_event().unwrap_err();
    assert_eq!(err.offset, doc.find("&bad;").unwrap());
    assert_eq!(r.next_event().unwrap_err(), err);
}

#[test]
fn line_column_counts_characters() {
    let doc = "é\nab€c".as_bytes();
    assert_eq!(line_column(doc, 0), (1, 1));
    assert_eq!(line_column(doc, 2), (1, 2));
    assert_eq!(line_column(doc, 3), (2, 1));
    assert_eq!(line_column(doc, 8), (2, 4));
    assert_eq!(line_column(doc, 1000), (2, 5));
}
