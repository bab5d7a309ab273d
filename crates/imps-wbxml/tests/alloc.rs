//! Proves that the reader allocates nothing per token: a counting global
//! allocator (this file is its own test binary) counts allocations while every
//! WBXML file of `testvectors/` is tokenised.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_wbxml::{Limits, Reader};

mod common;

#[global_allocator]
static GLOBAL: imps_testkit::CountingAllocator = imps_testkit::CountingAllocator;

#[test]
fn reading_the_corpus_allocates_nothing() {
    let corpus = common::all_wbxml();
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    let mut errors = 0usize;
    let before = imps_testkit::allocations();
    for (_, data) in &corpus {
        match Reader::new(data, Limits::default()) {
            Ok(mut r) => loop {
                match r.next_token() {
                    Ok(Some(t)) => {
                        tokens += 1;
                        bytes += t.offset & 1;
                    }
                    Ok(None) => break,
                    Err(_) => {
                        errors += 1;
                        break;
                    }
                }
            },
            Err(_) => errors += 1,
        }
    }
    let after = imps_testkit::allocations();
    assert_eq!(after - before, 0, "allocations while reading the corpus");
    // The loop really ran over the corpus.
    assert!(tokens > 5_000, "{tokens} tokens");
    assert!(bytes > 0);
    assert_eq!(errors, common::MUST_FAIL.len());
}
