//! Helpers shared by the integration tests.
#![allow(clippy::unwrap_used)]
#![allow(dead_code, unreachable_pub, unused_imports)]

pub use imps_testkit::vectors_dir;

/// Every `*.wbxml` file under `testvectors/` (relative name, bytes), sorted.
pub fn all_wbxml() -> Vec<(String, Vec<u8>)> {
    imps_testkit::wbxml_corpus().unwrap()
}

/// The vectors that must not decode.
pub use imps_testkit::MUST_FAIL_WBXML as MUST_FAIL;

pub fn read(rel: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join(rel)).unwrap()
}
