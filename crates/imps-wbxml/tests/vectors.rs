//! The generic reader against every WBXML file of `testvectors/`.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_wbxml::{Error, ErrorKind, Header, Limits, Name, PublicId, Reader, Token, TokenKind};

mod common;

fn tokens(data: &[u8]) -> Result<Vec<Token<'_>>, Error> {
    let mut r = Reader::new(data, Limits::default())?;
    let mut out = Vec::new();
    while let Some(t) = r.next_token()? {
        out.push(t);
    }
    Ok(out)
}

#[test]
fn every_vector_tokenises_except_the_must_fail_ones() {
    for (name, data) in common::all_wbxml() {
        let result = tokens(&data);
        if common::MUST_FAIL.contains(&name.as_str()) {
            assert!(result.is_err(), "{name} should fail");
            continue;
        }
        let toks = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        // Balanced: every element with content is closed by exactly one End.
        let opened = toks
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Tag { content: true, .. }))
            .count();
        let ended = toks.iter().filter(|t| t.kind == TokenKind::End).count();
        assert_eq!(opened, ended, "{name}");
        // Offsets strictly increase.
        assert!(toks.windows(2).all(|w| w[0].offset < w[1].offset), "{name}");
    }
}

#[test]
fn must_fail_vectors_fail_with_the_predicted_error() {
    let e = tokens(&common::read(
        "android-im-libwbxml/parser/invalid_entity.wbxml",
    ))
    .unwrap_err();
    assert_eq!(e, Error::new(ErrorKind::InvalidEntity(0x110000), 0x0F));
    let e = tokens(&common::read(
        "android-im-libwbxml/parser/incomplete_str_i.wbxml",
    ))
    .unwrap_err();
    assert_eq!(e, Error::new(ErrorKind::UnterminatedString, 0x0F));
    let data = common::read("wbxml-stream-wv/wv-069-opaque-tag-wbxml10-error.wbxml");
    let e = tokens(&data).unwrap_err();
    assert_eq!(e.kind, ErrorKind::OpaqueInWbxml10);
    assert_eq!(data[e.offset], 0xC3);
    // The same document as WBXML 1.1 is fine.
    let data = common::read("wbxml-stream-wv/wv-069-opaque-tag-wbxml11-ok.wbxml");
    let ok = tokens(&data).unwrap();
    assert!(ok.iter().any(|t| t.kind == TokenKind::Opaque(&[0xC8])));
}

#[test]
fn wbxml10_header_has_no_charset() {
    let data = common::read("wbxml-stream-wv/wv-069-opaque-tag-wbxml10-error.wbxml");
    let r = Reader::new(&data, Limits::default()).unwrap();
    let h: &Header = r.header();
    assert_eq!((h.version, h.charset, h.body_offset), (0, None, 3));
    assert_eq!(h.public_id, PublicId::Numeric(0x10));
    assert_eq!(h.version_pair(), (1, 0));
}

#[test]
fn header_with_fpi_in_string_table() {
    let data = common::read("olympum-blog-nokia-s60/login-request.libwbxml-0.11.8.wbxml");
    let r = Reader::new(&data, Limits::default()).unwrap();
    assert_eq!(
        r.header().public_id,
        PublicId::String {
            index: 0,
            fpi: "-//OMA//DTD WV-CSP 1.2//EN"
        }
    );
    assert_eq!(r.header().charset, Some(106));
    assert_eq!(r.header().string_table.len(), 27);
}

#[test]
fn literal_vector_tokens() {
    let data = common::read("android-im-libwbxml/parser/literal.wbxml");
    let kinds: Vec<TokenKind> = tokens(&data).unwrap().into_iter().map(|t| t.kind).collect();
    let lit = |index, name| Name::Literal { index, name };
    assert_eq!(
        kinds,
        [
            TokenKind::Tag {
                name: Name::Token(0x09),
                attributes: true,
                content: true
            },
            TokenKind::AttrStart(Name::Token(0x05)),
            TokenKind::StrI("1.1"),
            TokenKind::AttrEnd,
            TokenKind::Tag {
                name: lit(0, "sometag"),
                attributes: false,
                content: true
            },
            TokenKind::Tag {
                name: Name::Token(0x2D),
                attributes: false,
                content: true
            },
            TokenKind::Tag {
                name: lit(8, "someMoreTag"),
                attributes: false,
                content: false
            },
            TokenKind::End,
            TokenKind::End,
            TokenKind::Tag {
                name: lit(0x14, "metag"),
                attributes: true,
                content: false
            },
            TokenKind::AttrStart(lit(0x1A, "attr")),
            TokenKind::StrT {
                index: 0,
                text: "sometag"
            },
            TokenKind::AttrEnd,
            TokenKind::Tag {
                name: lit(0x1F, "tag"),
                attributes: true,
                content: false
            },
            TokenKind::AttrStart(lit(0x23, "movie")),
            TokenKind::StrI("transformer"),
            TokenKind::AttrEnd,
            TokenKind::End,
        ]
    );
}

#[test]
fn pages_offsets_and_values_of_a_real_vector() {
    // cap_request: SWITCH_PAGE to 1, then 5, then 3; EXT_T_0 indexes above 0x7F.
    let data = common::read("android-im-libwbxml/parser/cap_request.wbxml");
    let toks = tokens(&data).unwrap();
    let sw: Vec<(usize, u8)> = toks
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::SwitchPage(p) => Some((t.offset, p)),
            _ => None,
        })
        .collect();
    assert_eq!(sw, [(0x49, 1), (0x4D, 5), (0x53, 3)]);
    let ext: Vec<u32> = toks
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::ExtT { n: 0, value } => Some(value),
            _ => None,
        })
        .collect();
    assert_eq!(ext, [0x11, 0x20, 0x6F, 0x1F, 0x42, 0x44, 0xA5, 0xA4]);
    let ints: Vec<(u8, &[u8])> = toks
        .iter()
        .filter_map(|t| match t.kind {
            TokenKind::Opaque(d) => Some((t.page, d)),
            _ => None,
        })
        .collect();
    assert_eq!(ints, [(3, &[0x7F, 0xFF][..]), (3, &[1][..]), (3, &[2][..])]);
    // Every token after the third SWITCH_PAGE is on page 3.
    assert!(toks.iter().filter(|t| t.offset > 0x53).all(|t| t.page == 3));
}

#[test]
fn entities_big_and_small() {
    let data = common::read("android-im-libwbxml/parser/big_entity.wbxml");
    let toks = tokens(&data).unwrap();
    assert!(toks
        .iter()
        .any(|t| t.kind == TokenKind::Entity('\u{10FFFF}') && t.offset == 0x0F));
    let data = common::read("android-im-libwbxml/parser/sendmsgreq1.wbxml");
    let kinds: Vec<TokenKind> = tokens(&data).unwrap().into_iter().map(|t| t.kind).collect();
    let i = kinds
        .iter()
        .position(|k| *k == TokenKind::Entity('\u{A0}'))
        .unwrap();
    assert_eq!(kinds[i - 1], TokenKind::StrI("Today "));
    assert_eq!(kinds[i + 1], TokenKind::StrI("Today"));
}

#[test]
fn truncation_at_every_byte_is_an_error() {
    for rel in [
        "android-im-libwbxml/parser/cap_request.wbxml",
        "android-im-libwbxml/parser/literal.wbxml",
        "android-im-libwbxml/parser/sendmsgreq1.wbxml",
        "android-im-libwbxml/encoder/statusprim.wbxml",
        "olympum-blog-nokia-s60/login-request.libwbxml-0.11.8.wbxml",
        "wbxml-stream-wv/wv-001.wbxml",
        "wbxml-stream-wv/wv-106-datetime.wbxml",
    ] {
        let data = common::read(rel);
        assert!(tokens(&data).is_ok(), "{rel}");
        for len in 0..data.len() {
            let err = tokens(&data[..len]).expect_err(rel);
            assert!(err.offset <= len, "{rel}[..{len}]: {err}");
        }
    }
}
