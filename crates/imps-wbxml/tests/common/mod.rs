//! Helpers shared by the integration tests.
#![allow(clippy::unwrap_used)]
#![allow(dead_code, unreachable_pub)]

pub use imps_testkit::vectors_dir;

/// Every `*.wbxml` file under `testvectors/`, sorted, with its bytes.
pub fn all_wbxml() -> Vec<(String, Vec<u8>)> {
    let out = imps_testkit::corpus(".wbxml").unwrap();
    assert!(
        out.len() >= 140,
        "expected the whole corpus, found {}",
        out.len()
    );
    out
}

/// The vectors that must not decode, with the generic-level reason.
pub const MUST_FAIL: [&str; 3] = [
    "android-im-libwbxml/parser/invalid_entity.wbxml",
    "android-im-libwbxml/parser/incomplete_str_i.wbxml",
    "wbxml-stream-wv/wv-069-opaque-tag-wbxml10-error.wbxml",
];

pub fn read(rel: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join(rel)).unwrap()
}
