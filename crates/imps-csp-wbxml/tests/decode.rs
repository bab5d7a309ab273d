//! Decoding: the whole corpus, version detection, values, strict/lenient
//! handling and malformed input (errors carry offset and element path).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::borrow::Cow;

use imps_csp_wbxml::{
    decode, encode, DecodeOptions, EncodeOptions, PublicIdChoice, VersionSource, WbxmlReader,
};
use imps_event::{
    CspVersion, Error, ErrorKind, Event, EventSource, Name, Start, Tag, TagStep, Zone,
};

fn lenient() -> DecodeOptions {
    DecodeOptions::default()
}

fn strict() -> DecodeOptions {
    DecodeOptions {
        strict: true,
        ..DecodeOptions::default()
    }
}

/// Decodes and returns the error (with path) or the events.
fn run(data: &[u8], opts: &DecodeOptions) -> Result<Vec<Event<'static>>, Error> {
    decode(data, opts)
}

#[test]
fn every_vector_decodes_and_must_fail_ones_fail_as_predicted() {
    for (name, data) in common::all_wbxml() {
        let r = run(&data, &lenient());
        if common::MUST_FAIL.contains(&name.as_str()) {
            continue;
        }
        let events = r.unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = if name.contains("/inline/") {
            Tag::ContentData
        } else {
            Tag::WvCspMessage
        };
        assert!(
            matches!(events.first(), Some(Event::Start(s)) if s.name == Name::Tag(root)),
            "{name}"
        );
        // Strict mode accepts everything but the vector with literal attributes.
        let s = run(&data, &strict());
        if name.ends_with("literal.wbxml") {
            // LITERAL tags are fine; the literal attribute `attr` is not.
            let e = s.unwrap_err();
            assert!(
                matches!(e.kind, ErrorKind::Unexpected { expected: "only xmlns attributes", ref found } if found.contains("\"attr\"")),
                "{e}"
            );
            assert_eq!(
                (e.offset, e.path.to_string()),
                (0x3E, "WV-CSP-Message/?".to_owned())
            );
        } else {
            assert_eq!(s.unwrap(), events, "{name} strict");
        }
    }
    let path = "WV-CSP-Message/Session/SessionDescriptor/SessionType";
    let e = run(
        &common::read("android-im-libwbxml/parser/invalid_entity.wbxml"),
        &lenient(),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::Syntax("ENTITY 0x110000 is not a Unicode scalar value".into())
    );
    assert_eq!((e.offset, e.path.to_string().as_str()), (0x0F, path));
    let e = run(
        &common::read("android-im-libwbxml/parser/incomplete_str_i.wbxml"),
        &lenient(),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::Syntax("inline string without terminating NUL".into())
    );
    assert_eq!((e.offset, e.path.to_string().as_str()), (0x0F, path));
    let e = run(
        &common::read("wbxml-stream-wv/wv-069-opaque-tag-wbxml10-error.wbxml"),
        &lenient(),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        ErrorKind::Syntax("OPAQUE is not allowed in WBXML 1.0".into())
    );
    assert_eq!(e.offset, 0x53);
    assert_eq!(
        e.path.to_string(),
        "WV-CSP-Message/Session/Transaction/TransactionContent/Status/Result/Code"
    );
    // The WBXML 1.1 twin decodes, Code as an integer.
    let ev = run(
        &common::read("wbxml-stream-wv/wv-069-opaque-tag-wbxml11-ok.wbxml"),
        &lenient(),
    )
    .unwrap();
    assert!(ev.contains(&Event::Integer(200)));
}

#[test]
fn olympum_nokia_login_request() {
    // libwbxml 0.10: public id 0x01, no xmlns: the default version decides.
    let data = common::read("olympum-blog-nokia-s60/login-request.libwbxml-0.10.wbxml");
    let r = WbxmlReader::new(&data, &lenient()).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_2, VersionSource::Default)
    );
    let r11 = WbxmlReader::new(
        &data,
        &DecodeOptions {
            default_version: CspVersion::V1_1,
            ..lenient()
        },
    )
    .unwrap();
    assert_eq!(r11.version(), CspVersion::V1_1);
    let ev = run(&data, &lenient()).unwrap();
    // STR_I "WV:" + EXT_T_0 0x12 ("IM") + STR_I "PEC…" joined into one Text.
    let i = ev
        .iter()
        .position(|e| *e == Event::Start(Start::new(Tag::Url)))
        .unwrap();
    assert_eq!(
        ev[i + 1],
        Event::Text(Cow::Owned("WV:IMPEC01$00001@NOK.S60".into()))
    );
    assert_eq!(ev[i + 2], Event::End);
    let i = ev
        .iter()
        .position(|e| *e == Event::Start(Start::new(Tag::TimeToLive)))
        .unwrap();
    assert_eq!(ev[i + 1], Event::Integer(86400));
    assert!(ev.contains(&Event::Text("wv:nokia.1789505498".into())));
    // libwbxml 0.11.8: the FPI in the string table names 1.2; same events.
    let data11 = common::read("olympum-blog-nokia-s60/login-request.libwbxml-0.11.8.wbxml");
    let r = WbxmlReader::new(&data11, &lenient()).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_2, VersionSource::Fpi)
    );
    assert_eq!(run(&data11, &lenient()).unwrap(), ev);
}

#[test]
fn libwbxml_corpus_values() {
    let data = common::read("wbxml-stream-wv/wv-001.wbxml");
    let r = WbxmlReader::new(&data, &lenient()).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_1, VersionSource::PublicId)
    );
    // wv-106: a zone-less date packed with zone byte 0 → local time.
    let ev = run(
        &common::read("wbxml-stream-wv/wv-106-datetime.wbxml"),
        &lenient(),
    )
    .unwrap();
    let d = ev
        .iter()
        .find_map(|e| match e {
            Event::DateTime(d) => Some(*d),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        (d.to_string(), d.zone()),
        ("20010925T134000".to_owned(), Zone::Local)
    );
    // wv-109: libwbxml kept the zoned date as inline text.
    let ev = run(
        &common::read("wbxml-stream-wv/wv-109-datetime.wbxml"),
        &lenient(),
    )
    .unwrap();
    assert!(ev.contains(&Event::Text("20010925T134013Z".into())));
}

#[test]
fn truncation_at_every_byte_gives_an_error_with_offset() {
    for rel in [
        "android-im-libwbxml/encoder/statusprim.wbxml",
        "android-im-libwbxml/parser/cap_request.wbxml",
        "android-im-libwbxml/parser/sendmsgreq1.wbxml",
        "olympum-blog-nokia-s60/login-request.libwbxml-0.10.wbxml",
        "wbxml-stream-wv/wv-030.wbxml",
    ] {
        let data = common::read(rel);
        for len in 0..data.len() {
            let e = run(&data[..len], &lenient()).expect_err(rel);
            assert!(e.offset <= len, "{rel}[..{len}]: {e}");
        }
    }
    // The path is where decoding stopped.
    let data = common::read("android-im-libwbxml/encoder/statusprim.wbxml");
    let e = run(&data[..0x70], &lenient()).unwrap_err();
    assert_eq!(
        e.path.to_string(),
        "WV-CSP-Message/Session/Transaction/TransactionContent/Status/Result/Description"
    );
}

/// WBXML 1.3, CSP 1.1 (0x10), UTF-8, no string table, root `WV-CSP-Message` with content.
fn doc11(body: &[u8]) -> Vec<u8> {
    let mut v = vec![0x03, 0x10, 0x6A, 0x00, 0x49];
    v.extend_from_slice(body);
    v.push(0x01);
    v
}

#[test]
fn unknown_tokens_lenient_lossless_strict_error() {
    // Page 0 token 0x3F is not a CSP 1.1 tag; EXT_T_0 0x7F is not a 1.1 value.
    let data = doc11(&[0x6D, 0x7F, 0x80, 0x7F, 0x01, 0x01]);
    let ev = run(&data, &lenient()).unwrap();
    assert_eq!(
        ev[2],
        Event::Start(Start::new(Name::Token {
            page: 0,
            token: 0x3F
        }))
    );
    assert_eq!(ev[3], Event::Text(Cow::Owned("\u{FDD0}7F\u{FDD1}".into())));
    // Re-encoding keeps both tokens.
    let o = EncodeOptions {
        public_id: PublicIdChoice::Numeric,
        ..EncodeOptions::phone(CspVersion::V1_1)
    };
    assert_eq!(encode(&ev, o).unwrap(), data);
    // Strict: errors with offset and path.
    let e = run(&data, &strict()).unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::UnknownElement(ref m) if m.contains("0x3f")),
        "{e}"
    );
    assert_eq!(
        (e.offset, e.path.to_string()),
        (6, "WV-CSP-Message/Session".to_owned())
    );
    let data = doc11(&[0x6D, 0x80, 0x7F, 0x01]);
    let e = run(&data, &strict()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::InvalidValue { .. }), "{e}");
    assert_eq!(
        (e.offset, e.path.to_string()),
        (6, "WV-CSP-Message/Session".to_owned())
    );
    // An unknown page decodes leniently, too.
    let ev = run(&doc11(&[0x00, 0x0E, 0x45, 0x01]), &lenient()).unwrap();
    assert_eq!(
        ev[1],
        Event::Start(Start::new(Name::Token {
            page: 0x0E,
            token: 0x05
        }))
    );
}

#[test]
fn opaque_typing_lenient_and_strict() {
    // Code (00/0B) with 5 bytes: not an integer.
    let data = doc11(&[0x4B, 0xC3, 0x05, 1, 2, 3, 4, 5, 0x01]);
    let ev = run(&data, &lenient()).unwrap();
    assert_eq!(ev[2], Event::Opaque(Cow::Borrowed(&[1, 2, 3, 4, 5])));
    let e = run(&data, &strict()).unwrap_err();
    assert!(
        matches!(
            e.kind,
            ErrorKind::InvalidValue {
                expected: "an integer of 0-4 OPAQUE bytes",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        (e.offset, e.path.to_string()),
        (6, "WV-CSP-Message/Code".to_owned())
    );
    // Empty OPAQUE (libwbxml's zero) and 4 bytes.
    let ev = run(
        &doc11(&[
            0x4B, 0xC3, 0x00, 0x01, 0x4B, 0xC3, 0x04, 0xFF, 0xFF, 0xFF, 0xFE, 0x01,
        ]),
        &strict(),
    )
    .unwrap();
    assert_eq!(ev[2], Event::Integer(0));
    assert_eq!(ev[5], Event::Integer(0xFFFF_FFFE));
    // DateTime (00/11) with month 13.
    let data = doc11(&[0x51, 0xC3, 0x06, 0x1F, 0x47, 0x73, 0x0E, 0xBB, 0x5A, 0x01]);
    assert!(matches!(
        run(&data, &lenient()).unwrap()[2],
        Event::Opaque(_)
    ));
    let e = run(&data, &strict()).unwrap_err();
    assert!(
        matches!(
            e.kind,
            ErrorKind::InvalidValue {
                expected: "a 6-byte packed date-time",
                ..
            }
        ),
        "{e}"
    );
    // OPAQUE in an untyped element, and after a child (mixed content).
    let ev = run(&doc11(&[0x4D, 0xC3, 0x01, 0x07, 0x01]), &strict()).unwrap();
    assert_eq!(ev[2], Event::Opaque(Cow::Borrowed(&[7])));
    let ev = run(&doc11(&[0x4B, 0x2D, 0xC3, 0x01, 0x07, 0x01]), &lenient()).unwrap();
    assert_eq!(ev[4], Event::Opaque(Cow::Borrowed(&[7])));
}

#[test]
fn attributes_other_than_xmlns() {
    // Root with attribute-start 0x05 "1.1" (xmlns) and a LITERAL attribute "a" = "b".
    let data = [
        0x03, 0x10, 0x6A, 0x02, b'a', 0x00, 0xC9, 0x05, 0x03, b'1', b'.', b'1', 0x00, 0x04, 0x00,
        0x03, b'b', 0x00, 0x01, 0x01,
    ];
    let ev = run(&data, &lenient()).unwrap();
    assert_eq!(
        ev[0],
        Event::Start(Start::with_xmlns(
            Tag::WvCspMessage,
            "http://www.wireless-village.org/CSP1.1"
        ))
    );
    let e = run(&data, &strict()).unwrap_err();
    assert!(
        matches!(
            e.kind,
            ErrorKind::Unexpected {
                expected: "only xmlns attributes",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(e.offset, 13);
    // An unknown namespace URI is kept (owned) and does not decide the version.
    let data = [
        0x03, 0x11, 0x6A, 0x00, 0xC9, 0x05, 0x03, b'X', 0x00, 0x01, 0x01,
    ];
    let r = WbxmlReader::new(&data, &lenient()).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_2, VersionSource::PublicId)
    );
    assert_eq!(
        run(&data, &lenient()).unwrap()[0],
        Event::Start(Start::with_xmlns(
            Tag::WvCspMessage,
            "http://www.wireless-village.org/CSPX"
        ))
    );
}

#[test]
fn foreign_public_id_and_charset() {
    // Public id 0x04 (WML 1.1), nothing else: lenient falls back, strict refuses.
    let data = [0x03, 0x04, 0x6A, 0x00, 0x49, 0x01];
    assert_eq!(
        WbxmlReader::new(&data, &lenient())
            .unwrap()
            .version_source(),
        VersionSource::Default
    );
    let e = WbxmlReader::new(&data, &strict()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Version(_)), "{e}");
    // Public id 0x01 (unknown) is accepted even in strict mode.
    assert!(WbxmlReader::new(&[0x03, 0x01, 0x6A, 0x00, 0x49, 0x01], &strict()).is_ok());
    let e = WbxmlReader::new(&[0x03, 0x10, 0x04, 0x00, 0x49, 0x01], &lenient()).unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::Unsupported(ref m) if m.contains("MIBenum 4")),
        "{e}"
    );
    assert_eq!(e.offset, 2);
}

#[test]
fn depth_limit_and_deep_nesting() {
    let mut body = vec![0x6D; 100_000];
    body.extend(std::iter::repeat_n(0x01, 100_000));
    let data = doc11(&body);
    let e = run(&data, &lenient()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Limit("depth"));
    assert_eq!(e.path.depth(), 64);
    assert!(e.path.to_string().ends_with("more)"), "{}", e.path);
}

#[test]
fn joined_text_length_is_limited() {
    let limits = imps_wbxml::Limits {
        max_string_len: 8,
        ..Default::default()
    };
    let opts = DecodeOptions {
        limits,
        ..lenient()
    };
    let data = doc11(&[
        0x4D, 0x03, b'a', b'b', b'c', b'd', b'e', 0x00, 0x80, 0x12, 0x03, b'x', b'y', 0x00, 0x01,
    ]);
    assert_eq!(
        run(&data, &opts).unwrap_err().kind,
        ErrorKind::Limit("string length")
    );
    let data = doc11(&[
        0x4D, 0x03, b'a', b'b', b'c', 0x00, 0x80, 0x12, 0x03, b'x', b'y', 0x00, 0x01,
    ]);
    assert_eq!(run(&data, &opts).unwrap()[2], Event::Text("abcIMxy".into()));
}

#[test]
fn offsets_and_paths_of_events() {
    let data = common::read("android-im-libwbxml/encoder/simple_switch_page.wbxml");
    let mut r = WbxmlReader::new(&data, &lenient()).unwrap();
    let mut seen = Vec::new();
    while let Some(ev) = r.next_event().unwrap() {
        seen.push((r.offset(), r.path().to_string(), ev));
    }
    // Login-Response (01/1E) comes after SWITCH_PAGE 1 at 0x0D.
    assert_eq!(seen[2].0, 0x0F);
    assert_eq!(seen[2].1, "WV-CSP-Message/Session/Login-Response");
    // ClientID on page 0 after SWITCH_PAGE 0.
    assert_eq!(
        (seen[3].0, seen[3].2.clone()),
        (0x12, Event::Start(Start::new(Tag::ClientID)))
    );
    assert_eq!(
        (seen[4].0, seen[4].2.clone()),
        (0x13, Event::Text("Esmertec112233".into()))
    );
    assert_eq!(seen.last().unwrap().1, "/");
}

/// `next_tag`, `leaf_text` and `leaf_integer` are shortcuts, not a
/// different reading: over every vector (and every truncation of one, in
/// both modes), a reader that tries `next_tag` before every event and the
/// leaf shortcuts after every `Start` sees the same events, ends each in the
/// same place (offset, path; after a leaf shortcut, the content's offset
/// and the path after the `End`) and reports the same errors as one that
/// reads with `next_event` alone.
#[test]
fn shortcuts_read_what_events_read() {
    let mut docs = common::all_wbxml();
    let (_, long) = docs.iter().max_by_key(|(_, d)| d.len()).cloned().unwrap();
    for cut in 0..long.len() {
        docs.push((format!("truncated at {cut}"), long[..cut].to_vec()));
    }
    let (mut tags, mut leaves) = (0, 0);
    for (name, data) in &docs {
        for opts in [lenient(), strict()] {
            let (Ok(mut a), Ok(mut b)) =
                (WbxmlReader::new(data, &opts), WbxmlReader::new(data, &opts))
            else {
                continue;
            };
            assert!(b.has_shortcuts());
            loop {
                let ea = a.next_event();
                let eb = match b.next_tag() {
                    TagStep::Start(tag) => {
                        tags += 1;
                        Ok(Some(Event::Start(Start::new(tag))))
                    }
                    TagStep::End => {
                        tags += 1;
                        Ok(Some(Event::End))
                    }
                    TagStep::Other => b.next_event(),
                };
                // Errors (with their offset and path) and events are equal;
                // so are the positions after an event (after an error or
                // the end, the offset is still the last event's, which a
                // leaf shortcut sets to its content's).
                assert_eq!(ea, eb, "{name}");
                assert_eq!(a.path(), b.path(), "{name}");
                if let Ok(Some(_)) = ea {
                    assert_eq!(a.offset(), b.offset(), "{name}");
                }
                let Ok(Some(Event::Start(_))) = ea else {
                    if matches!(ea, Ok(None) | Err(_)) {
                        break;
                    }
                    continue;
                };
                // The content's offset, then the path after the `End`.
                let leaf = if let Some(text) = b.leaf_text() {
                    Some(Event::Text(text.into()))
                } else {
                    b.leaf_integer().map(Event::Integer)
                };
                if let Some(content) = leaf {
                    leaves += 1;
                    assert_eq!(a.next_event().unwrap(), Some(content), "{name}");
                    assert_eq!(a.offset(), b.offset(), "{name}");
                    assert_eq!(a.next_event().unwrap(), Some(Event::End), "{name}");
                    assert_eq!(a.path(), b.path(), "{name}");
                }
            }
        }
    }
    assert!(tags > 10_000 && leaves > 1000, "{tags} {leaves}");
}

#[test]
fn version_comes_from_the_xmlns_the_root_reports() {
    // Public id 0x10 (1.1). The root has three xmlns attributes: the first
    // is spoiled by an attribute-value token (discarded), the second names
    // CSP 1.2 in two string pieces, the third names 1.3. The last valid one
    // is the root's xmlns, and it decides the version.
    let doc = [
        0x03, 0x10, 0x6A, 0x00, 0xC9, // WV-CSP-Message, attributes, content
        0x05, 0x03, b'1', b'.', b'1', 0x00, 0x85, // xmlns(0x05) "1.1" + value token
        0x08, 0x03, b'1', 0x00, 0x03, b'.', b'2', 0x00, // xmlns(0x08) "1" ".2"
        0x0B, 0x03, b'1', b'.', b'3', 0x00, 0x01, // xmlns(0x0B) "1.3", END
        0x01, // END of WV-CSP-Message
    ];
    let r = WbxmlReader::new(&doc, &lenient()).unwrap();
    assert_eq!(
        (r.version(), r.version_source()),
        (CspVersion::V1_3, VersionSource::Xmlns)
    );
    let events = run(&doc, &lenient()).unwrap();
    assert_eq!(
        events[0],
        Event::Start(Start::with_xmlns(
            Tag::WvCspMessage,
            "http://www.openmobilealliance.org/DTD/IMPS-CSP1.3"
        ))
    );
    // Without the third attribute, the joined pieces name 1.2.
    let mut two = doc[..20].to_vec();
    two.extend([0x01, 0x01]);
    let r = WbxmlReader::new(&two, &lenient()).unwrap();
    assert_eq!(r.version(), CspVersion::V1_2);
}

/// Byte values that are tokens in a document's first bytes: global tokens,
/// tags with and without attribute and content flags (0x41, 0x80, 0xC3,
/// 0xC9, 0xF3, …), attribute-start tokens and `xmlns` value characters.
fn token_like_bytes() -> Vec<u8> {
    (0x00..=0x0D)
        .chain([
            0x41, 0x43, 0x45, 0x49, 0x80, 0x83, 0x85, 0xC3, 0xC4, 0xC9, 0xF3,
        ])
        .chain(*b"123.")
        .collect()
}

/// `data` with each of its first `n` bytes set to each of `values`, named
/// after the change.
fn byte_changes<'d>(
    name: &'d str,
    data: &'d [u8],
    n: usize,
    values: &'d [u8],
) -> impl Iterator<Item = (String, Vec<u8>)> + 'd {
    (0..data.len().min(n)).flat_map(move |at| {
        values.iter().map(move |&byte| {
            let mut doc = data.to_vec();
            doc[at] = byte;
            (format!("{name}, byte {at} = {byte:#04x}"), doc)
        })
    })
}

/// Version detection and the reader agree on every root: over every vector
/// and every one-byte change of its first 24 bytes (header, root tag and
/// attributes) to a token-like value, when the root `Start` the lenient
/// reader reports has an `xmlns` naming a CSP version, that is the version
/// the reader decodes with, decided by the `xmlns`.
#[test]
fn detected_version_is_the_one_the_root_xmlns_names() {
    let values = token_like_bytes();
    let (mut checked, mut named) = (0, 0);
    for (name, data) in common::all_wbxml() {
        for (changed, doc) in byte_changes(&name, &data, 24, &values) {
            let Ok(mut r) = WbxmlReader::new(&doc, &lenient()) else {
                continue;
            };
            let (version, source) = (r.version(), r.version_source());
            checked += 1;
            let Ok(Some(Event::Start(root))) = r.next_event() else {
                continue;
            };
            let named_version = root
                .xmlns
                .as_deref()
                .and_then(CspVersion::from_namespace)
                .map(|(v, _)| v);
            if let Some(v) = named_version {
                named += 1;
                assert_eq!((version, source), (v, VersionSource::Xmlns), "{changed}");
            } else {
                assert_ne!(source, VersionSource::Xmlns, "{changed}");
            }
        }
    }
    assert!(checked > 10_000 && named > 1000, "{checked} {named}");
}

/// Every event with the reader's offset and path after it, up to the end or
/// the first error.
type Trace = Vec<(
    Result<Option<Event<'static>>, Error>,
    usize,
    imps_event::Path,
)>;

fn trace(data: &[u8], opts: &DecodeOptions) -> Result<Trace, Error> {
    let mut r = WbxmlReader::new(data, opts)?;
    let mut out = Vec::new();
    loop {
        let e = r.next_event().map(|e| e.map(Event::into_owned));
        let last = !matches!(e, Ok(Some(_)));
        out.push((e, r.offset(), r.path()));
        if last {
            return Ok(out);
        }
    }
}

/// The tokenizer's fast paths (`next_fast`, and `next_fast_attributed` for a
/// tag with one `xmlns`, as phones write the root and `TransactionContent`)
/// read what its general path reads. Over every vector, every truncation of
/// those with such tags and every one-byte change of their first 40 bytes,
/// in both modes, the reader gives the same version, events, offsets, paths
/// and errors as a reader that counts tokens (a token limit the document
/// just fits), which takes no fast path.
#[test]
fn fast_paths_read_what_the_general_path_reads() {
    let values = token_like_bytes();
    let mut docs = Vec::new();
    for (name, data) in common::all_wbxml() {
        // `C9 08 03 …` / `F3 0A 03 …`: a tag with one xmlns.
        if data.windows(3).any(|w| w[0] & 0x80 != 0 && w[2] == 0x03) {
            for cut in 0..data.len() {
                docs.push((format!("{name} truncated at {cut}"), data[..cut].to_vec()));
            }
            docs.extend(byte_changes(&name, &data, 40, &values));
        }
        docs.push((name, data));
    }
    let mut compared = 0;
    for (name, data) in &docs {
        // The number of tokens, to set a limit that makes the reader count.
        let Ok(mut tokens) = imps_wbxml::Reader::new(data, Default::default()) else {
            continue;
        };
        let mut n = 1;
        while let Ok(Some(_)) = tokens.next_token() {
            n += 1;
        }
        let body = data.len() - tokens.header().body_offset;
        if n >= body {
            continue;
        }
        for opts in [lenient(), strict()] {
            let counted = DecodeOptions {
                limits: imps_wbxml::Limits {
                    max_tokens: body as u64 - 1,
                    ..opts.limits
                },
                ..opts
            };
            let versions = |o: &DecodeOptions| {
                WbxmlReader::new(data, o).map(|r| (r.version(), r.version_source()))
            };
            assert_eq!(versions(&opts), versions(&counted), "{name}");
            assert_eq!(trace(data, &opts), trace(data, &counted), "{name}");
            compared += 1;
        }
    }
    assert!(compared > 20_000, "{compared}");
}
