//! Malformed input: every case gives an error with an offset, never a panic.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_wbxml::{Error, ErrorKind, LimitKind, Limits, Name, Reader, TokenKind};

/// WBXML 1.3, public id 0x10, UTF-8, empty string table.
const H: [u8; 4] = [0x03, 0x10, 0x6A, 0x00];

fn doc(body: &[u8]) -> Vec<u8> {
    let mut v = H.to_vec();
    v.extend_from_slice(body);
    v
}

fn run_with(data: &[u8], limits: Limits) -> Result<Vec<TokenKind<'_>>, Error> {
    let mut r = Reader::new(data, limits)?;
    let mut out = Vec::new();
    while let Some(t) = r.next_token()? {
        out.push(t.kind);
    }
    Ok(out)
}

fn run(data: &[u8]) -> Result<Vec<TokenKind<'_>>, Error> {
    run_with(data, Limits::default())
}

#[test]
fn mb_u_int32_longer_than_5_bytes() {
    // ENTITY with a 6-byte number.
    let d = doc(&[0x45, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x41, 0x01]);
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::MbUintTooLong, 6)
    );
    // In the header (public id).
    let d = [0x03, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01, 0x6A, 0x00, 0x05];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::MbUintTooLong, 1)
    );
    // Overflow: a 5-byte number above u32::MAX as an OPAQUE length.
    let d = doc(&[0x45, 0xC3, 0x9F, 0xFF, 0xFF, 0xFF, 0x7F, 0x01]);
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::MbUintOverflow, 6)
    );
}

#[test]
fn string_table_references_out_of_range() {
    // Table "ab\0" (3 bytes); STR_T 3 is past the end.
    let d = [
        0x03, 0x10, 0x6A, 0x03, b'a', b'b', 0, 0x45, 0x83, 0x03, 0x01,
    ];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::StringTableIndex { index: 3, len: 3 }, 8)
    );
    // STR_T 1 is fine ("b").
    let d = [
        0x03, 0x10, 0x6A, 0x03, b'a', b'b', 0, 0x45, 0x83, 0x01, 0x01,
    ];
    assert_eq!(
        run(&d).unwrap()[1],
        TokenKind::StrT {
            index: 1,
            text: "b"
        }
    );
    // Table without a final NUL.
    let d = [0x03, 0x10, 0x6A, 0x02, b'a', b'b', 0x45, 0x83, 0x00, 0x01];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::UnterminatedTableString(0), 7)
    );
    // LITERAL tag out of range.
    let d = [0x03, 0x10, 0x6A, 0x00, 0x04, 0x00];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::StringTableIndex { index: 0, len: 0 }, 4)
    );
    // Public id reference out of range.
    let d = [0x03, 0x00, 0x05, 0x6A, 0x02, b'a', 0, 0x05];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::StringTableIndex { index: 5, len: 2 }, 2)
    );
    // String table longer than the input.
    let d = [0x03, 0x10, 0x6A, 0x7F, 0x05];
    assert_eq!(
        run(&d).unwrap_err().kind,
        ErrorKind::UnexpectedEof("string table")
    );
}

#[test]
fn opaque_and_str_i_past_the_end() {
    let d = doc(&[0x45, 0xC3, 0x05, 1, 2, 3]);
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::OpaqueTooLong(5), 5)
    );
    let d = doc(&[0x45, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F]);
    assert_eq!(
        run(&d).unwrap_err().kind,
        ErrorKind::Limit(LimitKind::StringLength)
    );
    let d = doc(&[0x45, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F]);
    assert_eq!(
        run_with(&d, Limits::UNLIMITED).unwrap_err(),
        Error::new(ErrorKind::OpaqueTooLong(u32::MAX), 5)
    );
    let d = doc(&[0x45, 0x03, b'a', b'b']);
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::UnterminatedString, 5)
    );
    let d = doc(&[0x45, 0x40, b'a']);
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::UnterminatedString, 5)
    );
}

#[test]
fn unknown_pages_and_tokens_are_just_numbers() {
    // SWITCH_PAGE 0xFE, tag 0x3F with content, attribute start 0x7F, value 0xFF,
    // EXT_T_2 with a big number, EXT_1, EXT_I_2.
    let d = doc(&[
        0x00, 0xFE, 0xFF, 0x00, 0x07, 0x7F, 0xFF, 0x01, 0x82, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0xC1,
        0x42, b'x', 0, 0x01,
    ]);
    let toks: Vec<_> = Reader::new(&d, Limits::default())
        .unwrap()
        .map(|t| t.unwrap())
        .map(|t| (t.page, t.kind))
        .collect();
    assert_eq!(
        toks,
        [
            (0xFE, TokenKind::SwitchPage(0xFE)),
            (
                0xFE,
                TokenKind::Tag {
                    name: Name::Token(0x3F),
                    attributes: true,
                    content: true
                }
            ),
            (0x07, TokenKind::SwitchPage(7)),
            (0x07, TokenKind::AttrStart(Name::Token(0x7F))),
            (0x07, TokenKind::AttrValue(0xFF)),
            (0x07, TokenKind::AttrEnd),
            (
                0xFE,
                TokenKind::ExtT {
                    n: 2,
                    value: u32::MAX
                }
            ),
            (0xFE, TokenKind::Ext(1)),
            (0xFE, TokenKind::ExtI { n: 2, text: "x" }),
            (0xFE, TokenKind::End),
        ]
    );
}

#[test]
fn nesting_100000_levels_is_a_limit_error() {
    let mut body = vec![0x45; 100_000];
    body.extend(std::iter::repeat_n(0x01, 100_000));
    let d = doc(&body);
    let e = run(&d).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Limit(LimitKind::Depth));
    assert_eq!(e.offset, 4 + Limits::default().max_depth as usize);
    // Without a depth limit, the reader is iterative: no stack overflow.
    let toks = run_with(&d, Limits::UNLIMITED).unwrap();
    assert_eq!(toks.len(), 200_000);
    // Truncated deep nesting reports how many elements are open.
    let e = run_with(&d[..100_004 + 5], Limits::UNLIMITED).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unclosed(100_000 - 5));
}

#[test]
fn invalid_utf8_and_ascii() {
    let d = doc(&[0x45, 0x03, b'o', b'k', 0xC3, 0x28, 0, 0x01]);
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::InvalidText("UTF-8"), 8)
    );
    // Lone continuation byte in a string-table entry.
    let d = [0x03, 0x10, 0x6A, 0x02, 0x80, 0, 0x45, 0x83, 0x00, 0x01];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::InvalidText("UTF-8"), 7)
    );
    // US-ASCII document with a non-ASCII (but valid UTF-8) string.
    let d = [0x03, 0x10, 0x03, 0x00, 0x45, 0x03, 0xC3, 0xA9, 0, 0x01];
    assert_eq!(
        run(&d).unwrap_err(),
        Error::new(ErrorKind::InvalidText("US-ASCII"), 6)
    );
    // The same in UTF-8 is fine.
    let d = [0x03, 0x10, 0x6A, 0x00, 0x45, 0x03, 0xC3, 0xA9, 0, 0x01];
    assert_eq!(run(&d).unwrap()[1], TokenKind::StrI("é"));
}

#[test]
fn header_errors() {
    assert_eq!(
        run(&[]).unwrap_err(),
        Error::new(ErrorKind::UnexpectedEof("header"), 0)
    );
    assert_eq!(
        run(&[0x04, 0x01, 0x6A, 0x00, 0x05]).unwrap_err().kind,
        ErrorKind::UnsupportedVersion(4)
    );
    assert_eq!(
        run(&[0x03, 0x01, 0x04, 0x00, 0x05]).unwrap_err(),
        Error::new(ErrorKind::UnsupportedCharset(4), 2)
    );
    assert_eq!(
        run(&[0x03, 0x01, 0x00, 0x00, 0x05]).unwrap_err().kind,
        ErrorKind::UnsupportedCharset(0)
    );
    let e = run(&[0x03, 0x01, 0x6A, 0x00]).unwrap_err();
    assert_eq!(
        e,
        Error::new(ErrorKind::UnexpectedEof("body (no root element)"), 4)
    );
    let limits = Limits {
        max_string_table: 2,
        ..Limits::default()
    };
    let d = [0x03, 0x10, 0x6A, 0x03, b'a', b'b', 0, 0x05];
    assert_eq!(
        run_with(&d, limits).unwrap_err(),
        Error::new(ErrorKind::Limit(LimitKind::StringTable), 3)
    );
}

#[test]
fn structural_errors() {
    // Trailing garbage after the root.
    assert_eq!(
        run(&doc(&[0x05, 0x05])).unwrap_err(),
        Error::new(ErrorKind::TrailingData, 5)
    );
    assert_eq!(
        run(&doc(&[0x45, 0x01, 0x01])).unwrap_err(),
        Error::new(ErrorKind::TrailingData, 6)
    );
    // END before the root.
    assert_eq!(
        run(&doc(&[0x01])).unwrap_err().kind,
        ErrorKind::UnexpectedToken {
            token: 0x01,
            context: "before the root element"
        }
    );
    // Text before the root.
    assert!(run(&doc(&[0x03, 0, 0x05])).is_err());
    // Attribute value before any attribute start.
    assert_eq!(
        run(&doc(&[0x85, 0x03, b'x', 0, 0x01])).unwrap_err(),
        Error::new(
            ErrorKind::UnexpectedToken {
                token: 0x03,
                context: "before an attribute start"
            },
            5
        )
    );
    // LITERAL_C inside an attribute list.
    assert!(run(&doc(&[0x85, 0x05, 0x44, 0x00, 0x01])).is_err());
    // Missing END of an attribute list.
    assert_eq!(
        run(&doc(&[0x85, 0x05])).unwrap_err().kind,
        ErrorKind::UnexpectedEof("attribute list")
    );
    // PIs before and after the root are fine; an unterminated one is not.
    let d = doc(&[0x43, 0x05, 0x03, b'v', 0, 0x01, 0x05, 0x43, 0x06, 0x01]);
    let toks = run(&d).unwrap();
    assert_eq!(toks.len(), 8);
    assert_eq!(toks[0], TokenKind::Pi);
    assert_eq!(
        run(&doc(&[0x05, 0x43, 0x06])).unwrap_err().kind,
        ErrorKind::UnexpectedEof("processing instruction")
    );
    // SWITCH_PAGE without its page byte.
    assert_eq!(
        run(&doc(&[0x45, 0x00])).unwrap_err().kind,
        ErrorKind::UnexpectedEof("SWITCH_PAGE")
    );
    // An invalid entity (surrogate).
    assert_eq!(
        run(&doc(&[0x45, 0x02, 0x83, 0xB0, 0x00, 0x01]))
            .unwrap_err()
            .kind,
        ErrorKind::InvalidEntity(0xD800)
    );
}

#[test]
fn errors_are_sticky_and_the_iterator_stops() {
    let d = doc(&[0x45, 0x03, b'x']);
    let mut r = Reader::new(&d, Limits::default()).unwrap();
    assert!(r.next_token().unwrap().is_some());
    let e = r.next_token().unwrap_err();
    assert_eq!(r.next_token().unwrap_err(), e);
    let items: Vec<_> = Reader::new(&d, Limits::default()).unwrap().collect();
    assert_eq!(items.len(), 2);
    assert!(items[1].is_err());
}

#[test]
fn token_and_string_limits() {
    let d = doc(&[0x45, 0x05, 0x05, 0x05, 0x01]);
    let limits = Limits {
        max_tokens: 3,
        ..Limits::default()
    };
    assert_eq!(
        run_with(&d, limits).unwrap_err(),
        Error::new(ErrorKind::Limit(LimitKind::Tokens), 7)
    );
    assert_eq!(
        run_with(
            &d,
            Limits {
                max_tokens: 5,
                ..Limits::default()
            }
        )
        .unwrap()
        .len(),
        5
    );
    let d = doc(&[0x45, 0x03, b'a', b'b', b'c', 0, 0x01]);
    let limits = Limits {
        max_string_len: 2,
        ..Limits::default()
    };
    assert_eq!(
        run_with(&d, limits).unwrap_err(),
        Error::new(ErrorKind::Limit(LimitKind::StringLength), 5)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]

    /// Arbitrary bytes after a valid header: an error or a document, never a
    /// panic; every error offset lies inside the input.
    #[test]
    fn arbitrary_bodies_never_panic(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
        let d = doc(&body);
        match run_with(&d, Limits { max_depth: 8, ..Limits::default() }) {
            Ok(toks) => proptest::prop_assert!(!toks.is_empty()),
            Err(e) => proptest::prop_assert!(e.offset <= d.len(), "{e} in {} bytes", d.len()),
        }
    }

    /// Arbitrary headers too.
    #[test]
    fn arbitrary_inputs_never_panic(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..48)) {
        if let Err(e) = run(&data) {
            proptest::prop_assert!(e.offset <= data.len());
        }
    }
}
