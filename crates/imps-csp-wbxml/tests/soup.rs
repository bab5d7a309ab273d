//! Arbitrary token sequences in element content (the kind of input fuzzers
//! find): the lenient reader never emits two `Text` events in a row, never
//! panics, and decode → encode → decode is stable.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::borrow::Cow;

use imps_csp_wbxml::{decode, encode, DecodeOptions, EncodeOptions, WbxmlReader};
use imps_event::{Event, Start, Tag};
use imps_wbxml::{PublicIdSpec, Writer, WriterHeader};
use proptest::prelude::*;

fn no_adjacent_texts(events: &[Event<'_>]) -> bool {
    !events
        .windows(2)
        .any(|w| matches!((&w[0], &w[1]), (Event::Text(_), Event::Text(_))))
}

#[test]
fn fuzz_regression_ext_t_1_does_not_split_text() {
    let data = common::read("fuzz-regressions/csp_wbxml_roundtrip-ext_t_1-splits-text.bin");
    let ev = decode(&data, &DecodeOptions::default()).unwrap();
    assert!(no_adjacent_texts(&ev), "{ev:?}");
    assert!(
        ev.contains(&Event::Text(Cow::Owned("Inband\u{1}".into()))),
        "{ev:?}"
    );
    // Strict mode refuses the EXT_T_1.
    assert!(decode(
        &data,
        &DecodeOptions {
            strict: true,
            ..Default::default()
        }
    )
    .is_err());
}

#[test]
fn skipped_tokens_inside_text() {
    // <WV-CSP-Message><Session> "a" SWITCH_PAGE 1, EXT_I_0 "x", PI(attr 5 "v"), EXT_2, "b" ...
    let body: &[u8] = &[
        0x49, 0x6D, 0x03, b'a', 0, 0x00, 0x01, 0x40, b'x', 0, 0x43, 0x05, 0x03, b'v', 0, 0x01,
        0xC2, 0x03, b'b', 0, 0x00, 0x00, 0x80, 0x0B, 0x01, 0x01,
    ];
    let mut data = vec![0x03, 0x10, 0x6A, 0x00];
    data.extend_from_slice(body);
    let ev = decode(&data, &DecodeOptions::default()).unwrap();
    assert_eq!(
        ev,
        [
            Event::Start(Start::new(Tag::WvCspMessage)),
            Event::Start(Start::new(Tag::Session)),
            Event::Text(Cow::Owned("abF".into())),
            Event::End,
            Event::End,
        ]
    );
    // A PI's strings are not text.
    let data = [
        0x03, 0x10, 0x6A, 0x00, 0x49, 0x03, b'a', 0, 0x43, 0x05, 0x03, b'v', 0, 0x01, 0x2D, 0x01,
    ];
    let ev = decode(&data, &DecodeOptions::default()).unwrap();
    assert_eq!(ev[1], Event::Text("a".into()));
    assert_eq!(ev[2], Event::Start(Start::new(Tag::Session)));
}

#[derive(Clone, Debug)]
enum Piece {
    Str(String),
    Ext0(u32),
    ExtT(u8, u32),
    ExtI(u8, String),
    Ext(u8),
    Entity(char),
    Opaque(Vec<u8>),
    Pi,
    Child(u8),
    Switch(u8),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        "[a-z\u{1}]{0,4}".prop_map(Piece::Str),
        (0u32..0xD0).prop_map(Piece::Ext0),
        (1u8..3, any::<u32>()).prop_map(|(n, v)| Piece::ExtT(n, v)),
        (0u8..3, "[a-z]{0,3}").prop_map(|(n, s)| Piece::ExtI(n, s)),
        (0u8..3).prop_map(Piece::Ext),
        any::<char>().prop_map(Piece::Entity),
        proptest::collection::vec(any::<u8>(), 0..7).prop_map(Piece::Opaque),
        Just(Piece::Pi),
        (0x05u8..0x40).prop_map(Piece::Child),
        (0u8..12).prop_map(Piece::Switch),
    ]
}

fn write(pieces: &[Piece], version: u8) -> Vec<u8> {
    let header = WriterHeader {
        public_id: PublicIdSpec::Numeric(0x10 + u32::from(version)),
        ..Default::default()
    };
    let mut w = Writer::new(Vec::new(), &header).unwrap();
    w.tag(0, 0x09, false, true).unwrap();
    let mut page = 0;
    for p in pieces {
        match p {
            Piece::Str(s) => w.str_i(s).unwrap(),
            Piece::Ext0(i) => w.ext_t(0, *i).unwrap(),
            Piece::ExtT(n, v) => w.ext_t(*n, *v).unwrap(),
            Piece::ExtI(n, s) => w.ext_i(*n, s).unwrap(),
            Piece::Ext(n) => w.ext(*n).unwrap(),
            Piece::Entity(c) => w.entity(*c),
            Piece::Opaque(d) => w.opaque(d).unwrap(),
            Piece::Pi => {
                w.pi();
                w.attr_start(0, 0x05).unwrap();
                w.str_i("pi").unwrap();
                w.end();
            }
            Piece::Child(t) => {
                w.tag(page, *t, false, true).unwrap();
                w.str_i("c").unwrap();
                w.end();
            }
            Piece::Switch(p) => page = *p,
        }
    }
    w.end();
    w.finish()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn token_soup(pieces in proptest::collection::vec(piece(), 0..14), version in 0u8..3) {
        let data = write(&pieces, version);
        let opts = DecodeOptions::default();
        let events = decode(&data, &opts).unwrap();
        prop_assert!(no_adjacent_texts(&events), "{:?}", events);
        let v = WbxmlReader::new(&data, &opts).unwrap().version();
        let bytes = encode(&events, EncodeOptions::phone(v)).unwrap();
        let again = decode(&bytes, &opts).unwrap();
        prop_assert_eq!(&again, &events);
        prop_assert_eq!(encode(&again, EncodeOptions::phone(v)).unwrap(), bytes);
        // Strict mode either decodes the same events or refuses.
        if let Ok(strict) = decode(&data, &DecodeOptions { strict: true, ..opts }) {
            prop_assert_eq!(strict, events);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Arbitrary bytes after a CSP header: never a panic; what decodes
    /// re-encodes and decodes to the same events.
    #[test]
    fn arbitrary_bytes(body in proptest::collection::vec(any::<u8>(), 0..64), strict in any::<bool>()) {
        let mut data = vec![0x03, 0x11, 0x6A, 0x00];
        data.extend_from_slice(&body);
        let opts = DecodeOptions { strict, ..DecodeOptions::default() };
        match decode(&data, &opts) {
            Ok(events) => {
                prop_assert!(no_adjacent_texts(&events));
                let v = WbxmlReader::new(&data, &opts).unwrap().version();
                if let Ok(bytes) = encode(&events, EncodeOptions::phone(v)) {
                    prop_assert_eq!(decode(&bytes, &DecodeOptions::default()).unwrap(), events);
                }
            }
            Err(e) => prop_assert!(e.offset <= data.len()),
        }
    }
}
