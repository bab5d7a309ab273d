//! The bench corpus: every WBXML and XML file under `testvectors/`, and the
//! libwbxml-compatible pairs (`libwbxml-wv-csp11/*.xml` with their
//! `wbxml-stream-wv/*.wbxml` encodings) split into message classes.

use std::fs;
use std::path::{Path, PathBuf};

/// One input document.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Path relative to `testvectors/` (or a synthetic name).
    pub name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A WV document in both syntaxes: libwbxml's XML and libwbxml's WBXML of it.
#[derive(Clone, Debug)]
pub struct Pair {
    /// File stem (`wv-001`).
    pub name: String,
    /// First primitive inside `TransactionContent` (from `INDEX.tsv`).
    pub primitive: String,
    /// XML text (with the CSP 1.1 DOCTYPE libwbxml needs).
    pub xml: Vec<u8>,
    /// WBXML (public id 0x10, no xmlns), byte-identical to libwbxml's output.
    pub wbxml: Vec<u8>,
}

/// Message classes the benches report separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Login, logout, polling, keep-alive, status, service and capability
    /// negotiation: the small messages of session housekeeping.
    Session,
    /// Presence subscribe/get/update/notify/auth and attribute lists.
    Presence,
    /// Everything else (messaging, groups, contact lists, search, …).
    Other,
}

impl Class {
    /// Classifies a primitive name.
    pub fn of(primitive: &str) -> Class {
        const SESSION: &[&str] = &[
            "Login-",
            "Logout-",
            "Disconnect",
            "KeepAlive-",
            "Polling-",
            "Status",
            "Service-",
            "ClientCapability-",
            "GetSPInfo-",
        ];
        if primitive.contains("Presence")
            || primitive.contains("Attribute")
            || primitive.contains("Watcher")
        {
            Class::Presence
        } else if SESSION.iter().any(|p| primitive.starts_with(p)) {
            Class::Session
        } else {
            Class::Other
        }
    }
}

/// The `testvectors/` folder of the repository.
pub fn testvectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testvectors")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every file under `testvectors/` whose name ends in `.ext`, sorted by
/// path. Skips `fuzz-regressions/` (not real messages).
pub fn files_with_ext(ext: &str) -> Vec<Doc> {
    let root = testvectors_dir();
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .filter(|p| !p.components().any(|c| c.as_os_str() == "fuzz-regressions"))
        .filter_map(|p| {
            let bytes = fs::read(&p).ok()?;
            let name = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
            Some(Doc { name, bytes })
        })
        .collect()
}

/// The 116 libwbxml WV documents in both syntaxes, in file order.
pub fn wv_pairs() -> Vec<Pair> {
    let root = testvectors_dir();
    let index = fs::read_to_string(root.join("libwbxml-wv-csp11/INDEX.tsv")).unwrap_or_default();
    let mut pairs = Vec::new();
    for line in index.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(file), Some(primitive)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Some(stem) = file.strip_suffix(".xml") else {
            continue;
        };
        let xml = fs::read(root.join("libwbxml-wv-csp11").join(file));
        let wbxml = fs::read(root.join("wbxml-stream-wv").join(format!("{stem}.wbxml")));
        if let (Ok(xml), Ok(wbxml)) = (xml, wbxml) {
            pairs.push(Pair {
                name: stem.to_owned(),
                primitive: primitive.to_owned(),
                xml,
                wbxml,
            });
        }
    }
    pairs
}

/// A long instant message in CSP 1.1 XML (libwbxml's DOCTYPE, so both
/// libraries accept it): the `SendMessage-Request` vector with its
/// `ContentData` replaced by `chars` characters of text (mixed ASCII, escapes
/// and non-ASCII).
pub fn long_im_xml(chars: usize) -> Vec<u8> {
    let base = fs::read_to_string(testvectors_dir().join("libwbxml-wv-csp11/wv-019.xml"))
        .unwrap_or_default();
    let mut text = String::with_capacity(chars + 64);
    const WORDS: &[&str] = &[
        "hello",
        "world",
        "&amp;",
        "caf\u{e9}",
        "meet",
        "at",
        "\u{1f600}",
        "noon",
        "&lt;ok&gt;",
        "see",
        "you",
        "stra\u{df}e",
        "tomorrow",
        "please",
        "bring",
        "the",
        "slides",
    ];
    let mut i = 0;
    while text.chars().count() < chars {
        text.push_str(WORDS[i % WORDS.len()]);
        text.push(if i % 11 == 10 { '\n' } else { ' ' });
        i += 1;
    }
    let (Some(start), Some(end)) = (base.find("<ContentData>"), base.find("</ContentData>")) else {
        return base.into_bytes();
    };
    let mut out = String::with_capacity(base.len() + text.len());
    out.push_str(&base[..start + "<ContentData>".len()]);
    out.push_str(&text);
    out.push_str(&base[end..]);
    out.into_bytes()
}

/// Total bytes of a set of documents.
pub fn total_len<'a>(docs: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    docs.into_iter().map(|d| d.len() as u64).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_found_and_classified() {
        let pairs = wv_pairs();
        assert_eq!(pairs.len(), 116);
        assert!(pairs
            .iter()
            .all(|p| p.wbxml.starts_with(&[0x03, 0x10, 0x6A, 0x00])));
        let session = pairs
            .iter()
            .filter(|p| Class::of(&p.primitive) == Class::Session)
            .count();
        let presence = pairs
            .iter()
            .filter(|p| Class::of(&p.primitive) == Class::Presence)
            .count();
        assert!(session >= 30, "{session}");
        assert!(presence >= 10, "{presence}");
        assert!(files_with_ext("wbxml").len() >= 140);
        assert!(files_with_ext("xml").len() >= 150);
    }

    #[test]
    fn long_message_has_the_requested_text() {
        let xml = String::from_utf8(long_im_xml(5000)).unwrap();
        let start = xml.find("<ContentData>").unwrap();
        let end = xml.find("</ContentData>").unwrap();
        assert!(xml[start..end].chars().count() >= 5000);
        assert!(xml.starts_with("<?xml"));
    }
}
