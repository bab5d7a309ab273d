//! Test support shared by the workspace's test suites (dev-dependency only).
//!
//! - [`CountingAllocator`]: a global allocator that counts, per thread, the
//!   allocations and bytes a piece of code requests ([`measure`]), for the
//!   "no allocation per token" and "allocates at most c·n + k bytes" tests.
//! - [`vectors_dir`], [`vector_files`], [`read_vector`]: the public test
//!   vectors in `testvectors/`.
//!
//! ```ignore
//! #[global_allocator]
//! static GLOBAL: imps_testkit::CountingAllocator = imps_testkit::CountingAllocator;
//!
//! let (result, counts) = imps_testkit::measure(|| decode(&bytes));
//! assert_eq!(counts.allocations, 0);
//! ```

// A global allocator cannot be written without `unsafe`; this one only
// forwards to `System` and counts.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::{Path, PathBuf};

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: the thread may be tearing down its locals.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|c| c.set(c.get() + bytes));
}

/// Forwards to [`System`], counting each allocation and reallocation of the
/// current thread and the bytes it requests (a reallocation counts its new
/// size). Install it with `#[global_allocator]` in a test binary.
#[derive(Clone, Copy, Debug, Default)]
pub struct CountingAllocator;

// SAFETY: every method forwards its arguments unchanged to `System`, which
// upholds the `GlobalAlloc` contract; the counting touches only thread-local
// `Cell`s declared with const initialisers, which never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What [`measure`] counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Allocations and reallocations.
    pub allocations: usize,
    /// Bytes requested by them.
    pub bytes: usize,
}

/// Runs `f` and returns what it allocated on this thread (meaningful only
/// when [`CountingAllocator`] is the global allocator).
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Counts) {
    let before = snapshot();
    let result = f();
    let after = snapshot();
    (
        result,
        Counts {
            allocations: after.allocations - before.allocations,
            bytes: after.bytes - before.bytes,
        },
    )
}

/// Allocations and reallocations made on this thread so far.
pub fn allocations() -> usize {
    snapshot().allocations
}

fn snapshot() -> Counts {
    Counts {
        allocations: ALLOCATIONS.try_with(Cell::get).unwrap_or(0),
        bytes: BYTES.try_with(Cell::get).unwrap_or(0),
    }
}

/// The repository's `testvectors/` folder.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors")
}

/// Every file under `testvectors/<folder>` (`""` for all) whose name ends
/// with `suffix`, sorted by path.
pub fn vector_files(folder: &str, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![vectors_dir().join(folder)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Every file under `testvectors/` whose name ends with `suffix`, as (path
/// relative to `testvectors/`, bytes), sorted.
pub fn corpus(suffix: &str) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let root = vectors_dir();
    vector_files("", suffix)
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            Ok((name, std::fs::read(&path)?))
        })
        .collect()
}

/// The bytes of `testvectors/<relative>`.
pub fn read_vector(relative: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(vectors_dir().join(relative))
}

/// The WBXML vectors whose READMEs say they must not decode (each test
/// checks the error it expects for them).
pub const MUST_FAIL_WBXML: [&str; 3] = [
    "android-im-libwbxml/parser/incomplete_str_i.wbxml",
    "android-im-libwbxml/parser/invalid_entity.wbxml",
    "wbxml-stream-wv/wv-069-opaque-tag-wbxml10-error.wbxml",
];

/// Every `*.wbxml` file under `testvectors/` (relative name, bytes),
/// sorted. An error if a file cannot be read or the corpus looks incomplete
/// (fewer than 140 files), so that a test never passes on a partial corpus.
pub fn wbxml_corpus() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let out = corpus(".wbxml")?;
    if out.len() < 140 {
        return Err(std::io::Error::other(format!(
            "expected the whole WBXML corpus, found {} files",
            out.len()
        )));
    }
    Ok(out)
}
