//! Every public XML vector reads, and XML -> events -> XML -> events is stable.

mod common;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use common::{read_all, write_all};
use imps_csp_xml::{DecodeOptions, WriteOptions, XmlReader};
use imps_event::{Event, EventSource, Name, Start};
use imps_tokens::{CspVersion, Tag};

fn testvectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors")
}

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("testvectors directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            xml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "xml") {
            out.push(path);
        }
    }
}

fn all_vectors() -> Vec<PathBuf> {
    let mut files = Vec::new();
    xml_files(&testvectors(), &mut files);
    files.sort();
    files
}

#[test]
fn every_vector_reads_and_round_trips() {
    let files = all_vectors();
    assert!(files.len() >= 150, "found only {} XML vectors", files.len());
    for path in &files {
        let input = std::fs::read(path).unwrap();
        let name = path.display();
        let events = read_all(&input, &DecodeOptions::default())
            .unwrap_or_else(|e| unreachable!("{name}: {e}"));
        assert!(matches!(events.first(), Some(Event::Start(_))), "{name}");
        // Never two text events in a row; starts and ends balance.
        let mut depth = 0i64;
        for pair in events.windows(2) {
            assert!(
                !(matches!(pair[0], Event::Text(_)) && matches!(pair[1], Event::Text(_))),
                "{name}: adjacent text events"
            );
        }
        for e in &events {
            match e {
                Event::Start(_) => depth += 1,
                Event::End => depth -= 1,
                _ => assert!(depth > 0, "{name}: content outside the root"),
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0, "{name}");
        for indent in [None, Some(2)] {
            let options = WriteOptions {
                indent,
                ..WriteOptions::default()
            };
            let xml = write_all(&events, options).unwrap();
            let again = read_all(&xml, &DecodeOptions::strict())
                .unwrap_or_else(|e| unreachable!("{name} rewritten ({indent:?}): {e}"));
            assert_eq!(again, events, "{name} (indent {indent:?})");
        }
    }
}

#[test]
fn versions_of_the_vectors() {
    for path in all_vectors() {
        let input = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&input);
        let reader = XmlReader::new(&input, &DecodeOptions::default()).unwrap();
        let expected = if text.contains("WV-CSP1.2") || text.contains("WV-TRC1.2") {
            Some(CspVersion::V1_2)
        } else if text.contains("CSP1.1") || text.contains("WV-CSP 1.1") {
            Some(CspVersion::V1_1)
        } else if text.contains("IMPS-CSP1.3") {
            Some(CspVersion::V1_3)
        } else {
            None
        };
        // The Nokia blog vector: DOCTYPE 1.2, namespaces 1.1 -> the namespace wins.
        if path.ends_with("olympum-blog-nokia-s60/login-request.xml") {
            assert_eq!(reader.version(), Some(CspVersion::V1_1));
            assert_eq!(
                reader.doctype_public_id(),
                Some("-//OMA//DTD WV-CSP 1.2//EN")
            );
            let strict = XmlReader::new(&input, &DecodeOptions::strict()).unwrap_err();
            assert!(
                matches!(strict.kind, imps_event::ErrorKind::Version(_)),
                "{strict}"
            );
            continue;
        }
        assert_eq!(reader.version(), expected, "{}", path.display());
    }
}

fn vector(rel: &str) -> Vec<Event<'static>> {
    let input = std::fs::read(testvectors().join(rel)).expect("vector file");
    read_all(&input, &DecodeOptions::default()).expect("vector reads")
}

/// The content of the first element named `tag`.
fn text_of(events: &[Event<'_>], tag: Tag) -> Option<String> {
    let i = events
        .iter()
        .position(|e| matches!(e, Event::Start(s) if s.name == Name::Tag(tag)))?;
    match &events[i + 1] {
        Event::Text(t) => Some(t.to_string()),
        Event::End => Some(String::new()),
        other => Some(format!("{other:?}")),
    }
}

#[test]
fn movistar_values() {
    let polling = vector("omf-sms20-movistar/10-Polling-Request.xml");
    // `<TransactionID />` is empty: Start immediately followed by End.
    let i = polling
        .iter()
        .position(|e| matches!(e, Event::Start(s) if s.name == Name::Tag(Tag::TransactionID)))
        .unwrap();
    assert_eq!(polling[i + 1], Event::End);
    assert_eq!(
        text_of(&polling, Tag::SessionID).as_deref(),
        Some("SESSIONID-0001")
    );
    // The xmlns:xsd / xmlns:xsi declarations are skipped; xmlns is kept.
    assert_eq!(
        polling[0],
        Event::Start(Start::with_xmlns(
            Tag::WvCspMessage,
            "http://www.openmobilealliance.org/DTD/WV-CSP1.2"
        ))
    );
    let input =
        std::fs::read(testvectors().join("omf-sms20-movistar/10-Polling-Request.xml")).unwrap();
    let err = read_all(&input, &DecodeOptions::strict()).unwrap_err();
    assert!(
        matches!(err.kind, imps_event::ErrorKind::Unsupported(_)),
        "{err}"
    );
    let attr = input.windows(9).position(|w| w == b"xmlns:xsd").unwrap();
    assert_eq!(err.offset, attr, "points at the attribute");

    let capability = vector("omf-sms20-movistar/01-ClientCapability-Request.xml");
    // The README says files 01 and 03; only 03 carries ClientTypeDetail.
    let presence = vector("omf-sms20-movistar/03-UpdatePresence-Request.xml");
    let detail = Event::Start(Start::with_xmlns(
        Name::Other(Cow::Borrowed("ClientTypeDetail")),
        "http://imps.colibria.com/PA-ext-1.2",
    ));
    let i = presence.iter().position(|e| *e == detail).unwrap();
    assert_eq!(presence[i + 1], Event::Text("PC".into()));
    assert!(
        capability.contains(&Event::Start(Start::new(Name::Other(Cow::Borrowed(
            "ColibriaExtensions"
        )))))
    );
}

#[test]
fn android_and_libwbxml_values() {
    let msg = vector("android-im-libwbxml/parser/sendmsgreq1.xml");
    // &#160; is expanded; the text is one event.
    assert_eq!(
        text_of(&msg, Tag::ContentData).as_deref(),
        Some("Today \u{a0}Today")
    );
    assert_eq!(
        text_of(&msg, Tag::DateTime).as_deref(),
        Some("20070625T055652Z")
    );
    assert_eq!(text_of(&msg, Tag::ContentSize).as_deref(), Some("5"));
    let literal = vector("android-im-libwbxml/parser/literal.xml");
    assert_eq!(
        literal[1],
        Event::Start(Start::new(Name::Other(Cow::Borrowed("sometag"))))
    );
    assert!(literal.contains(&Event::Start(Start::new(Tag::Session))));
}

#[test]
fn reading_is_zero_copy_for_plain_text() {
    let input = b"<WV-CSP-Message><Session><SessionID>abc</SessionID><UserID>a&amp;b</UserID><x:y>q</x:y></Session></WV-CSP-Message>";
    let mut r = XmlReader::new(input, &DecodeOptions::default()).unwrap();
    let mut borrowed = Vec::new();
    while let Some(e) = r.next_event().unwrap() {
        match e {
            Event::Text(Cow::Borrowed(t)) => borrowed.push(("text", t.to_string(), true)),
            Event::Text(Cow::Owned(t)) => borrowed.push(("text", t, false)),
            Event::Start(Start {
                name: Name::Other(Cow::Borrowed(n)),
                ..
            }) => borrowed.push(("name", n.to_string(), true)),
            _ => {}
        }
    }
    assert_eq!(
        borrowed,
        [
            ("text", "abc".to_string(), true),
            ("text", "a&b".to_string(), false),
            ("name", "x:y".to_string(), true),
            ("text", "q".to_string(), true),
        ]
    );
}
