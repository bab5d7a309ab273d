//! The source shortcuts (`next_tag`, `leaf_text`, `leaf_integer`) change
//! the speed of typed decoding, not its result: every WBXML vector, and
//! every one-byte change of its content, decodes to the same model or the
//! same error (kind, offset, path) with them as without them, in both modes.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_csp_wbxml::WbxmlReader;
use imps_event::{Error, Event, EventSource, Path};
use imps_model::{DecodeOptions, Message};

/// A source that only forwards events: no shortcuts.
struct EventsOnly<'a>(WbxmlReader<'a>);

impl<'a> EventSource<'a> for EventsOnly<'a> {
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        self.0.next_event()
    }
    fn offset(&self) -> usize {
        self.0.offset()
    }
    fn path(&self) -> Path {
        self.0.path()
    }
}

fn both(doc: &[u8], strict: bool) -> Option<(Result<Message, Error>, Result<Message, Error>)> {
    let reader_options = imps_csp_wbxml::DecodeOptions {
        strict,
        ..imps_csp_wbxml::DecodeOptions::default()
    };
    let mut fast = WbxmlReader::new(doc, &reader_options).ok()?;
    let options = if strict {
        DecodeOptions::strict()
    } else {
        DecodeOptions::default()
    }
    .with_default_version(fast.version());
    let mut plain = EventsOnly(WbxmlReader::new(doc, &reader_options).ok()?);
    Some((
        imps_model::decode_with(&mut fast, &options),
        imps_model::decode_with(&mut plain, &options),
    ))
}

#[test]
fn shortcuts_do_not_change_results() {
    let (mut same_ok, mut same_err) = (0, 0);
    for (name, data) in imps_testkit::wbxml_corpus().unwrap() {
        let mut docs = vec![data.clone()];
        // Every content byte (after the 4-byte header) changed to a value,
        // a token or text: invalid values, tags and structure.
        for at in 4..data.len().min(200) {
            for byte in [0x00, 0x01, 0x03, 0x80, 0x83, 0xC3, b'x', b'7'] {
                let mut doc = data.clone();
                doc[at] = byte;
                docs.push(doc);
            }
        }
        for doc in &docs {
            for strict in [false, true] {
                let Some((fast, plain)) = both(doc, strict) else {
                    continue;
                };
                assert_eq!(fast, plain, "{name} (strict: {strict})");
                if fast.is_ok() {
                    same_ok += 1;
                } else {
                    same_err += 1;
                }
            }
        }
    }
    assert!(same_ok > 1000 && same_err > 1000, "{same_ok} {same_err}");
}

/// An invalid boolean and an out-of-range status code, read by the leaf
/// shortcuts, are reported as the plain events report them.
#[test]
fn invalid_values_read_by_shortcuts_are_placed_like_events() {
    use imps_event::{CspVersion, Start, Tag};
    let leaf = |tag: Tag, content: Event<'static>| {
        vec![Event::Start(Start::new(tag)), content, Event::End]
    };
    let doc = |inner: Vec<Event<'static>>| {
        let mut events = vec![
            Event::Start(Start::new(Tag::WvCspMessage)),
            Event::Start(Start::new(Tag::Session)),
            Event::Start(Start::new(Tag::SessionDescriptor)),
        ];
        events.extend(leaf(Tag::SessionType, Event::Text("Inband".into())));
        events.extend(leaf(Tag::SessionID, Event::Text("s".into())));
        events.push(Event::End);
        events.push(Event::Start(Start::new(Tag::Transaction)));
        events.push(Event::Start(Start::new(Tag::TransactionDescriptor)));
        events.extend(leaf(Tag::TransactionMode, Event::Text("Response".into())));
        events.extend(leaf(Tag::TransactionID, Event::Text("t".into())));
        events.extend(leaf(Tag::Poll, Event::Text("yes".into())));
        events.push(Event::End);
        events.push(Event::Start(Start::new(Tag::TransactionContent)));
        events.extend(inner);
        events.extend([Event::End, Event::End, Event::End, Event::End]);
        imps_csp_wbxml::encode(
            &events,
            imps_csp_wbxml::EncodeOptions::phone(CspVersion::V1_2),
        )
        .unwrap()
    };
    // `Poll` holds "yes" (a bad boolean).
    let bad_bool = doc(vec![
        Event::Start(Start::new(Tag::PollingRequest)),
        Event::End,
    ]);
    let text = bad_bool.windows(3).position(|w| w == b"yes").unwrap();
    let (fast, plain) = both(&bad_bool, false).unwrap();
    let err = fast.unwrap_err();
    assert_eq!(Err::<Message, _>(err.clone()), plain);
    assert_eq!(err.offset, text - 1, "at the STR_I token: {err}");
    assert_eq!(
        err.path.to_string(),
        "WV-CSP-Message/Session/Transaction/TransactionDescriptor/Poll"
    );

    // `Code` holds 70000 (OPAQUE, out of range for a status code).
    let mut inner = vec![
        Event::Start(Start::new(Tag::Status)),
        Event::Start(Start::new(Tag::Result)),
    ];
    inner.extend(leaf(Tag::Code, Event::Integer(70_000)));
    inner.extend([Event::End, Event::End]);
    let mut bad_code = doc(inner);
    // A good `Poll`, so that decoding reaches the status code.
    let at = bad_code.windows(3).position(|w| w == b"yes").unwrap();
    bad_code.splice(at..at + 3, *b"T");
    let (fast, plain) = both(&bad_code, false).unwrap();
    let err = fast.unwrap_err();
    assert_eq!(Err::<Message, _>(err.clone()), plain);
    assert_eq!(
        err.path.to_string(),
        "WV-CSP-Message/Session/Transaction/TransactionContent/Status/Result/Code"
    );
    assert_eq!(bad_code[err.offset], 0xC3, "at the OPAQUE token: {err}");
}

/// A tree of element names (and how much stray content each kept), read
/// with `Decoder::next_child` only, as a hand-written model would.
#[derive(Debug, PartialEq)]
struct Walk {
    name: String,
    children: Vec<Walk>,
    extra: usize,
}

fn walk(name: String, d: &mut imps_model::Decoder<'_, '_>) -> Result<Walk, Error> {
    let mut extra = Vec::new();
    let mut children = Vec::new();
    while let Some(child) = d.next_child(&mut extra)? {
        children.push(walk(child.name.as_xml().into_owned(), d)?);
    }
    Ok(Walk {
        name,
        children,
        extra: extra.len(),
    })
}

fn walk_document(source: &mut dyn EventSource<'_>) -> Result<Walk, Error> {
    let mut d = imps_model::Decoder::new(source, DecodeOptions::default());
    let root = d.root()?;
    walk(root.name.as_xml().into_owned(), &mut d)
}

/// `Decoder::next_child` (for hand-written models) takes the `next_tag`
/// shortcut too: it reads the same children, in the same places, with it
/// as without it, over the whole corpus.
#[test]
fn next_child_reads_the_same_tree_with_and_without_shortcuts() {
    let mut walked = 0;
    for (name, data) in imps_testkit::wbxml_corpus().unwrap() {
        let options = imps_csp_wbxml::DecodeOptions::default();
        let (Ok(mut fast), Ok(plain)) = (
            WbxmlReader::new(&data, &options),
            WbxmlReader::new(&data, &options),
        ) else {
            continue;
        };
        let fast_walk = walk_document(&mut fast);
        let plain_walk = walk_document(&mut EventsOnly(plain));
        assert_eq!(fast_walk, plain_walk, "{name}");
        walked += usize::from(fast_walk.is_ok_and(|w| !w.children.is_empty()));
    }
    assert!(walked > 100, "{walked}");
}
