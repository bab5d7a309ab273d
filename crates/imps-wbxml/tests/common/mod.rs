//! Helpers shared by the integration tests.
#![allow(clippy::unwrap_used)]
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

/// `testvectors/` at the workspace root.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors")
}

/// Every `*.wbxml` file under `testvectors/`, sorted, with its bytes.
pub fn all_wbxml() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![vectors_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "wbxml") {
                let name = path
                    .strip_prefix(vectors_dir())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
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
