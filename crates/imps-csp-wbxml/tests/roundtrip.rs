//! decode → encode of every WBXML vector.
//!
//! Phone style (with the header's WBXML version byte and public id mirrored
//! through [`EncodeOptions`]) is byte-identical except for the differences
//! named in `PHONE_DIFFERENCES` and the libwbxml dialect, which
//! [`EncodeOptions::libwbxml`] reproduces byte for byte. After one pass
//! everything is a fixed point.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use imps_csp_wbxml::{decode, encode, DecodeOptions, EncodeOptions, WbxmlReader};

fn mirrored(data: &[u8], libwbxml: bool) -> EncodeOptions {
    let r = WbxmlReader::new(data, &DecodeOptions::default()).unwrap();
    let style = if libwbxml {
        EncodeOptions::libwbxml(r.version())
    } else {
        EncodeOptions::phone(r.version())
    };
    style.with_header_of(&r)
}

fn reencode(data: &[u8], libwbxml: bool) -> Vec<u8> {
    let events = decode(data, &DecodeOptions::default()).unwrap();
    encode(&events, mirrored(data, libwbxml)).unwrap()
}

fn replace(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let i = data
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{from:02X?} not found"));
    let mut out = data[..i].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&data[i + from.len()..]);
    out
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// Expected phone-style bytes of the vectors whose round trip is not the
/// identity, built from the original by the named substitution.
fn phone_expected(name: &str, orig: &[u8]) -> Option<Vec<u8>> {
    Some(match name {
        // ENTITY becomes part of the joined text, written as UTF-8 in STR_I.
        "android-im-libwbxml/parser/big_entity.wbxml" => replace(
            orig,
            &[0x02, 0xC3, 0xFF, 0x7F],
            &[0x03, 0xF4, 0x8F, 0xBF, 0xBF, 0x00],
        ),
        // Integer element sent as decimal STR_I (a server's Code 401) is
        // written as OPAQUE.
        "android-im-libwbxml/parser/loginresponse.wbxml" => replace(
            orig,
            &cat(&[&[0x4B, 0x03], b"401\0"]),
            &[0x4B, 0xC3, 0x02, 0x01, 0x91],
        ),
        // Inline date text is packed; STR_I + ENTITY + STR_I become one STR_I.
        "android-im-libwbxml/parser/sendmsgreq1.wbxml" => {
            let packed = [0xC3, 0x06, 0x1F, 0x5D, 0xB2, 0x5E, 0x34, 0x5A];
            let o = replace(orig, &cat(&[&[0x03], b"20070625T055652Z\0"]), &packed);
            replace(
                &o,
                &cat(&[b"Today \0", &[0x02, 0x81, 0x20, 0x03], b"Today\0"]),
                "Today \u{A0}Today\0".as_bytes(),
            )
        }
        // An element without content (tag 0x89) gets the content bit + END.
        "android-im-libwbxml/parser/simple_nocontent.wbxml" => {
            let mut o = replace(orig, &[0x89], &[0xC9]);
            o.push(0x01);
            o
        }
        // libwbxml 0.10 split a value string out of text: joined again.
        "olympum-blog-nokia-s60/login-request.libwbxml-0.10.wbxml" => replace(
            orig,
            &cat(&[b"WV:\0", &[0x80, 0x12, 0x03], b"PEC01$00001@NOK.S60\0"]),
            b"WV:IMPEC01$00001@NOK.S60\0",
        ),
        // Attributes other than xmlns are not events: dropped, and with them
        // their names from the string table; empty elements get content + END.
        "android-im-libwbxml/parser/literal.wbxml" => cat(&[
            &[0x03, 0x10, 0x6A, 0x1E],
            b"sometag\0someMoreTag\0metag\0tag\0",
            &[0xC9, 0x05, 0x03],
            b"1.1\0",
            &[0x01, 0x44, 0x00, 0x6D, 0x44, 0x08, 0x01, 0x01, 0x01],
            &[0x44, 0x14, 0x01, 0x44, 0x1A, 0x01, 0x01],
        ]),
        _ => return None,
    })
}

#[test]
fn decode_encode_round_trip_is_byte_identical_except_named_differences() {
    let mut libwbxml_dialect = Vec::new();
    let mut identical = 0;
    for (name, data) in common::all_wbxml() {
        if common::MUST_FAIL.contains(&name.as_str()) {
            continue;
        }
        let ours = reencode(&data, false);
        if let Some(expected) = phone_expected(&name, &data) {
            assert_ne!(expected, data, "{name}: the named difference must be real");
            assert_eq!(ours, expected, "{name}");
        } else if ours == data {
            identical += 1;
        } else {
            // The only other differences are libwbxml's dialect: elements
            // without the content bit, zero as `C3 00`, zoned dates as text.
            assert!(
                name.starts_with("wbxml-stream-wv/"),
                "{name} differs: {ours:02X?}"
            );
            assert_eq!(
                reencode(&data, true),
                data,
                "{name} in the libwbxml dialect"
            );
            libwbxml_dialect.push(name.clone());
        }
        // One pass reaches a fixed point.
        assert_eq!(reencode(&ours, false), ours, "{name}: second pass");
    }
    // Android's phone-style vectors and most of libwbxml's own output are
    // already phone style.
    assert!(identical >= 100, "{identical} identical");
    assert_eq!(libwbxml_dialect.len(), 24, "{libwbxml_dialect:#?}");
}

#[test]
fn libwbxml_corpus_round_trips_in_the_libwbxml_dialect() {
    let mut n = 0;
    for (name, data) in common::all_wbxml() {
        if name.starts_with("wbxml-stream-wv/") && !common::MUST_FAIL.contains(&name.as_str()) {
            assert_eq!(reencode(&data, true), data, "{name}");
            n += 1;
        }
    }
    assert_eq!(n, 117);
    // libwbxml 0.11.8's own output with the FPI in the string table, too.
    let data = common::read("olympum-blog-nokia-s60/login-request.libwbxml-0.11.8.wbxml");
    assert_eq!(reencode(&data, true), data);
}
