//! seeds: wbxml
//!
//! The generic WBXML reader (`imps-wbxml`) on arbitrary bytes: never panics,
//! offsets only move forward and stay inside the input, an error is sticky,
//! and what it accepts the generic writer reproduces and reads back to the
//! same tokens.
#![no_main]

use imps_wbxml::{Limits, Name, PublicId, PublicIdSpec, Reader, TokenKind, Writer, WriterHeader};
use libfuzzer_sys::fuzz_target;

/// What must survive a write/read cycle. SWITCH_PAGE tokens are the writer's
/// business (it switches only before a token that needs it), and the page only
/// means something for tokens looked up in a page: tags, attribute starts and
/// attribute values.
fn key<'a>(t: &imps_wbxml::Token<'a>) -> Option<(u8, TokenKind<'a>)> {
    match t.kind {
        TokenKind::SwitchPage(_) => None,
        TokenKind::Tag {
            name: Name::Token(_),
            ..
        }
        | TokenKind::AttrStart(Name::Token(_))
        | TokenKind::AttrValue(_) => Some((t.page, t.kind)),
        kind => Some((0, kind)),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut reader) = Reader::new(data, Limits::default()) else {
        return;
    };
    let mut tokens = Vec::new();
    let mut last = 0;
    loop {
        match reader.next_token() {
            Ok(Some(t)) => {
                assert!(
                    t.offset >= last && t.offset < data.len(),
                    "offset {} after {}",
                    t.offset,
                    last
                );
                last = t.offset;
                tokens.push(t);
            }
            Ok(None) => break,
            Err(e) => {
                assert!(e.offset <= data.len());
                assert_eq!(reader.next_token(), Err(e), "errors are sticky");
                return;
            }
        }
    }
    // Accepted: write it again and read it back.
    let header = *reader.header();
    let public_id = match header.public_id {
        PublicId::Numeric(id) => PublicIdSpec::Numeric(id),
        PublicId::String { index, .. } => PublicIdSpec::StringTable(index),
    };
    let wh = WriterHeader {
        version: header.version,
        public_id,
        charset: header.charset.unwrap_or(imps_wbxml::CHARSET_UTF8),
        string_table: header.string_table,
    };
    let Ok(mut w) = Writer::new(Vec::new(), &wh) else {
        return; // e.g. numeric public id 0 is readable but not writable
    };
    for t in &tokens {
        let page = t.page;
        let r = match t.kind {
            TokenKind::SwitchPage(_) => Ok(()),
            TokenKind::Tag {
                name: Name::Token(n),
                attributes,
                content,
            } => w.tag(page, n, attributes, content),
            TokenKind::Tag {
                name: Name::Literal { index, .. },
                attributes,
                content,
            } => {
                w.literal_tag(index, attributes, content);
                Ok(())
            }
            TokenKind::End | TokenKind::AttrEnd | TokenKind::PiEnd => {
                w.end();
                Ok(())
            }
            TokenKind::AttrStart(Name::Token(n)) => w.attr_start(page, n),
            TokenKind::AttrStart(Name::Literal { index, .. }) => {
                w.literal_attr(index);
                Ok(())
            }
            TokenKind::AttrValue(n) => w.attr_value(page, n),
            TokenKind::StrI(s) => w.str_i(s),
            TokenKind::StrT { index, .. } => {
                w.str_t(index);
                Ok(())
            }
            TokenKind::Entity(c) => {
                w.entity(c);
                Ok(())
            }
            TokenKind::ExtI { n, text } => w.ext_i(n, text),
            TokenKind::ExtT { n, value } => w.ext_t(n, value),
            TokenKind::Ext(n) => w.ext(n),
            TokenKind::Opaque(o) => w.opaque(o),
            TokenKind::Pi => {
                w.pi();
                Ok(())
            }
        };
        if r.is_err() {
            return;
        }
    }
    let bytes = w.finish();
    let reread = Reader::new(&bytes, Limits::default())
        .unwrap_or_else(|e| panic!("re-read header: {e}"))
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("re-read of written WBXML: {e}"));
    let before: Vec<_> = tokens.iter().filter_map(key).collect();
    let after: Vec<_> = reread.iter().filter_map(key).collect();
    assert_eq!(before, after);
});
