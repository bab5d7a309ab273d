//! `Limits::max_table_expansion`: string-table references (2 bytes each) may
//! not hand out more than a multiple of the input length, so that a consumer
//! copying text cannot be made to allocate without bound.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_wbxml::{Error, ErrorKind, LimitKind, Limits, Reader};

/// A document whose string table holds one `len`-byte string, referenced
/// `refs` times as the content of the root element.
fn document(len: usize, refs: usize) -> Vec<u8> {
    let mut doc = vec![0x03, 0x01, 0x6A];
    let mut size = Vec::new();
    imps_wbxml::write_mb_u32(&mut size, u32::try_from(len + 1).unwrap());
    doc.extend(size);
    doc.extend(std::iter::repeat_n(b'a', len));
    doc.push(0);
    doc.push(0x45); // tag 0x05 with content
    for _ in 0..refs {
        doc.extend_from_slice(&[0x83, 0x00]); // STR_T 0
    }
    doc.push(0x01);
    doc
}

fn read_all(doc: &[u8], limits: Limits) -> Result<usize, Error> {
    let mut reader = Reader::new(doc, limits)?;
    let mut handed_out = 0;
    while let Some(token) = reader.next_token()? {
        if let imps_wbxml::TokenKind::StrT { text, .. } = token.kind {
            handed_out += text.len();
        }
    }
    Ok(handed_out)
}

#[test]
fn references_within_the_budget_are_read() {
    // 10 references of 1000 bytes: 10,000 bytes from a 1,027-byte document.
    let doc = document(1000, 10);
    assert_eq!(read_all(&doc, Limits::default()), Ok(10_000));
}

#[test]
fn references_beyond_the_budget_are_refused_where_they_cross_it() {
    let doc = document(1000, 100);
    let budget = doc.len() * Limits::DEFAULT_MAX_TABLE_EXPANSION as usize;
    let allowed = budget / 1000;
    let err = read_all(&doc, Limits::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Limit(LimitKind::TableExpansion));
    // The first reference past the budget is the one refused.
    let first_ref = doc.len() - 1 - 2 * 100;
    assert_eq!(err.offset, first_ref + 2 * allowed);
}

#[test]
fn the_limit_is_configurable() {
    let doc = document(1000, 100);
    let limits = Limits {
        max_table_expansion: 1000,
        ..Limits::default()
    };
    assert_eq!(read_all(&doc, limits), Ok(100_000));
    assert_eq!(read_all(&doc, Limits::UNLIMITED), Ok(100_000));
}
