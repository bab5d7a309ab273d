//! The CSP reader allocates nothing for documents without joined text: imps-testkit's
//! counting global allocator (this file is its own test binary) counts the
//! allocations made while each vector is decoded, after `WbxmlReader::new`.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::borrow::Cow;

use imps_csp_wbxml::{DecodeOptions, WbxmlReader};
use imps_event::{Event, EventSource};

mod common;

#[global_allocator]
static GLOBAL: imps_testkit::CountingAllocator = imps_testkit::CountingAllocator;

/// Decodes `data`; returns (allocations after `new`, events, owned texts).
fn count(data: &[u8]) -> (usize, usize, usize) {
    let opts = DecodeOptions::default();
    let Ok(mut r) = WbxmlReader::new(data, &opts) else {
        return (usize::MAX, 0, 0);
    };
    let (mut events, mut owned) = (0, 0);
    let before = imps_testkit::allocations();
    loop {
        match r.next_event() {
            Ok(Some(ev)) => {
                events += 1;
                if matches!(ev, Event::Text(Cow::Owned(_))) {
                    owned += 1;
                }
                if let Event::Start(s) = &ev {
                    if matches!(s.xmlns, Some(Cow::Owned(_))) {
                        owned += 1;
                    }
                }
            }
            Ok(None) => break,
            Err(_) => return (usize::MAX, events, owned),
        }
    }
    (imps_testkit::allocations() - before, events, owned)
}

#[test]
fn csp_reader_allocates_only_for_joined_text() {
    // Vectors whose text is joined from several pieces (or is an ENTITY).
    let joined = [
        "android-im-libwbxml/parser/big_entity.wbxml",
        "android-im-libwbxml/parser/sendmsgreq1.wbxml",
        "olympum-blog-nokia-s60/login-request.libwbxml-0.10.wbxml",
    ];
    let mut total_events = 0;
    for (name, data) in common::all_wbxml() {
        if common::MUST_FAIL.contains(&name.as_str()) {
            continue;
        }
        let (allocs, events, owned) = count(&data);
        total_events += events;
        if joined.contains(&name.as_str()) {
            assert_eq!(owned, 1, "{name}");
            assert!(allocs >= 1, "{name}");
        } else {
            assert_eq!((allocs, owned), (0, 0), "{name}");
        }
    }
    assert!(total_events > 5_000, "{total_events}");
}
