//! `Reader::next_fast` and `Reader::next_fast_attributed` must agree with
//! the general path of the reader: reading a document with any mix of them
//! and `next_token` gives the same tokens, offsets, pages and errors as
//! reading it with `next_token` in a reader that counts tokens (a body
//! longer than `max_tokens`), which never takes a fast path.

#![allow(clippy::unwrap_used)]

use imps_wbxml::{AttributedTag, Error, FastToken, Limits, Name, Reader, Token, TokenKind};
use proptest::prelude::*;

mod common;

/// Every token (and the final error, if any) with `next_token` alone, in a
/// reader that counts tokens (so never takes the fast path). `None` when no
/// token limit both forces counting and lets the whole document through.
fn reference(data: &[u8], limits: Limits) -> Option<(Vec<Token<'_>>, Option<Error>)> {
    let body = data
        .len()
        .saturating_sub(Reader::new(data, limits).ok()?.header().body_offset);
    // Tokens counted: those read plus the one that fails.
    let tokens = mixed(data, limits, &[false]).ok()?.0.len() + 1;
    if tokens >= body {
        return None;
    }
    let counted = Limits {
        max_tokens: body as u64 - 1,
        ..limits
    };
    plain(data, counted).ok()
}

/// Every token (and the final error, if any) with `next_token` alone.
fn plain(data: &[u8], limits: Limits) -> Result<(Vec<Token<'_>>, Option<Error>), Error> {
    let mut r = Reader::new(data, limits)?;
    let mut out = Vec::new();
    loop {
        match r.next_token() {
            Ok(Some(t)) => out.push(t),
            Ok(None) => return Ok((out, None)),
            Err(e) => {
                // Sticky.
                assert_eq!(r.next_token(), Err(e));
                return Ok((out, Some(e)));
            }
        }
    }
}

/// The same with `next_fast` first wherever `pick` says so (cycling).
fn mixed<'a>(
    data: &'a [u8],
    limits: Limits,
    pick: &[bool],
) -> Result<(Vec<Token<'a>>, Option<Error>), Error> {
    let mut r = Reader::new(data, limits)?;
    let mut out = Vec::new();
    for i in 0.. {
        if pick.is_empty() || pick[i % pick.len()] {
            if let Some(tokens) = attributed(&mut r) {
                out.extend(tokens);
                continue;
            }
            let offset = r.position();
            let page = r.tag_page();
            let depth = r.depth();
            let peek = r.peek_fast();
            let fast = r.next_fast();
            // peek_fast: the token's first byte, None when the fast path does
            // not apply.
            if fast != FastToken::Other {
                assert_eq!(peek, data.get(offset).copied());
            }
            // END and tags without attributes are always read (tags unless
            // the depth limit is reached).
            match peek {
                Some(0x01) => assert_eq!(fast, FastToken::End),
                Some(b) if b & 0x3F >= 5 && b & 0x80 == 0 => assert!(
                    matches!(fast, FastToken::Tag { .. })
                        || (fast == FastToken::Other && depth >= limits.max_depth),
                    "{b:#x} {fast:?}"
                ),
                _ => {}
            }
            let kind = match fast {
                FastToken::Other => {
                    // Nothing read.
                    assert_eq!(
                        (r.position(), r.tag_page(), r.depth()),
                        (offset, page, depth)
                    );
                    None
                }
                FastToken::Tag { token, content } => Some(TokenKind::Tag {
                    name: Name::Token(token),
                    attributes: false,
                    content,
                }),
                FastToken::End => Some(TokenKind::End),
                FastToken::StrI(s) => Some(TokenKind::StrI(s)),
                FastToken::ExtT0(value) => Some(TokenKind::ExtT { n: 0, value }),
                FastToken::Opaque(d) => Some(TokenKind::Opaque(d)),
                FastToken::SwitchPage(p) => {
                    assert_eq!(r.tag_page(), p);
                    Some(TokenKind::SwitchPage(p))
                }
            };
            if let Some(kind) = kind {
                let page = if let TokenKind::SwitchPage(p) = kind {
                    p
                } else {
                    page
                };
                out.push(Token { offset, page, kind });
                continue;
            }
        }
        match r.next_token() {
            Ok(Some(t)) => out.push(t),
            Ok(None) => return Ok((out, None)),
            Err(e) => return Ok((out, Some(e))),
        }
    }
    unreachable!()
}

/// `Reader::next_fast_attributed`, as the four tokens `next_token` reads
/// for it; `None` (and nothing read) if it does not apply.
fn attributed<'a>(r: &mut Reader<'a>) -> Option<[Token<'a>; 4]> {
    // (`Reader::position`, not `Iterator::position` of the `&mut Reader`.)
    let (offset, page, attr_page) = (Reader::position(r), r.tag_page(), r.attr_page());
    // Declining reads nothing (and the lockstep check sees the rest).
    let depth = r.depth();
    assert_eq!(r.next_fast_attributed(|_| false), None);
    assert_eq!((Reader::position(r), r.depth()), (offset, depth));
    let AttributedTag {
        token,
        content,
        attribute,
        value,
    } = r.next_fast_attributed(|_| true)?;
    let at = |offset, page, kind| Token { offset, page, kind };
    let end = offset + 3 + value.len() + 1;
    assert_eq!(Reader::position(r), end + 1);
    Some([
        at(
            offset,
            page,
            TokenKind::Tag {
                name: Name::Token(token),
                attributes: true,
                content,
            },
        ),
        at(
            offset + 1,
            attr_page,
            TokenKind::AttrStart(Name::Token(attribute)),
        ),
        at(offset + 2, attr_page, TokenKind::StrI(value)),
        at(end, attr_page, TokenKind::AttrEnd),
    ])
}

/// `true` if the check could be made (see [`reference`]).
fn check(data: &[u8], limits: Limits, pick: &[bool]) -> bool {
    assert_eq!(plain(data, limits), mixed(data, limits, pick), "{pick:?}");
    let Some(reference) = reference(data, limits) else {
        return false;
    };
    assert_eq!(Ok(reference), mixed(data, limits, pick), "{pick:?}");
    true
}

#[test]
fn fast_path_agrees_on_the_corpus() {
    let mut fast = 0;
    let mut attributed = 0;
    let mut checked = 0;
    for (name, data) in common::all_wbxml() {
        for pick in [&[true][..], &[true, false], &[false, true, true]] {
            checked += usize::from(check(&data, Limits::default(), pick));
        }
        // Truncated at every position.
        for cut in 0..data.len() {
            check(&data[..cut], Limits::default(), &[true]);
        }
        // Tight limits: the fast path leaves limit errors to next_token.
        let tight = Limits {
            max_depth: 3,
            max_string_len: 4,
            ..Limits::default()
        };
        check(&data, tight, &[true]);
        if let Ok(mut r) = Reader::new(&data, Limits::default()) {
            loop {
                if r.clone().next_fast_attributed(|_| true).is_some() {
                    attributed += 1;
                }
                if !r.next_token().is_ok_and(|t| t.is_some()) {
                    break;
                }
                if r.next_fast() != FastToken::Other {
                    fast += 1;
                }
            }
        }
        let _ = name;
    }
    // The fast path does read most of the corpus, and the check ran.
    assert!(fast > 2_000, "{fast}");
    assert!(attributed > 20, "{attributed}");
    assert!(checked > 400, "{checked}");
}

#[test]
fn fast_path_refuses_what_next_token_refuses() {
    // Header 03 01 6A 00, root 0x45 with content.
    let doc = |body: &[u8]| [&[0x03, 0x01, 0x6A, 0x00, 0x45][..], body].concat();
    for body in [
        &[0x03, b'a'][..],               // unterminated STR_I
        &[0x03, 0xFF, 0x00, 0x01],       // invalid UTF-8
        &[0x80, 0x80],                   // truncated EXT_T_0 value
        &[0x03, b'a', b'b', 0x00, 0x00], // SWITCH_PAGE without page
        &[0xC3, 0x05, 0x01],             // OPAQUE past the end
        &[0x46, 0x47, 0x48, 0x01, 0x01], // deeper than the limit
    ] {
        let d = doc(body);
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        let mut r = Reader::new(&d, limits).unwrap();
        r.next_token().unwrap();
        while r.next_fast() != FastToken::Other {}
        assert!(plain(&d, limits).unwrap().1.is_some(), "{body:02X?}");
        assert!(check(&d, limits, &[true]), "{body:02X?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn fast_path_agrees_on_any_body(
        body in proptest::collection::vec(
            prop_oneof![
                4 => Just(0x01u8),
                4 => 0x45..0x7Fu8,
                1 => 0x05..0x3Fu8,
                1 => 0xC5..=0xFFu8,
                1 => 0x85..0xBFu8,
                2 => Just(0x03u8),
                3 => 0x20..0x7Fu8,
                1 => Just(0x00u8),
                1 => Just(0x80u8),
                1 => Just(0xC3u8),
                1 => any::<u8>(),
            ],
            0..64,
        ),
        version in 0..=3u8,
        pick in proptest::collection::vec(any::<bool>(), 1..5),
        max_depth in 1..6u32,
    ) {
        let mut d = if version == 0 { vec![0x00, 0x01, 0x00] } else { vec![version, 0x01, 0x6A, 0x00] };
        d.push(0x45);
        d.extend_from_slice(&body);
        let limits = Limits { max_depth, ..Limits::default() };
        prop_assert_eq!(plain(&d, limits), mixed(&d, limits, &pick));
        if let Some(reference) = reference(&d, limits) {
            prop_assert_eq!(Ok(reference), mixed(&d, limits, &pick));
        }
    }
}
