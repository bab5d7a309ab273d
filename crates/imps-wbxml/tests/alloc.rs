//! Proves that the reader allocates nothing per token: a counting global
//! allocator (this file is its own test binary) counts allocations while every
//! WBXML file of `testvectors/` is tokenised.

#![allow(clippy::unwrap_used, clippy::panic)]
// A global allocator cannot be written without `unsafe`; this is test code
// only, and it just forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use imps_wbxml::{Limits, Reader};

mod common;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn reading_the_corpus_allocates_nothing() {
    let corpus = common::all_wbxml();
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    let mut errors = 0usize;
    let before = ALLOCATIONS.load(Ordering::SeqCst);
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
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(after - before, 0, "allocations while reading the corpus");
    // The loop really ran over the corpus.
    assert!(tokens > 5_000, "{tokens} tokens");
    assert!(bytes > 0);
    assert_eq!(errors, common::MUST_FAIL.len());
}
