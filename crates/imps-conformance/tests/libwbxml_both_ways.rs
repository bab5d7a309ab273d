//! Debian's libwbxml as an independent peer, both ways.
//!
//! - Our WBXML of each XML vector, decoded by `wbxml2xml`, equals the source
//!   modulo `xmlns` (libwbxml drops namespaces).
//! - libwbxml's WBXML (`xml2wbxml`) of each vector, decoded by us, equals the
//!   source.
//!
//! Skipped, with a message, when `libwbxml2-utils` is not installed (CI
//! installs it).

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_conformance::{
    libwbxml_source_tree, libwbxml_tool, run_libwbxml, vector_files, wbxml_tree, xml_to_wbxml,
    xml_tree, Compare,
};
use imps_tokens::CspVersion;

/// The XML vectors libwbxml can take: it needs a DOCTYPE to recognise CSP,
/// and knows 1.1 and 1.2 only.
fn libwbxml_inputs() -> Vec<(std::path::PathBuf, &'static str)> {
    let mut v: Vec<_> = vector_files("libwbxml-wv-csp11", ".xml")
        .into_iter()
        .map(|p| (p, "CSP11"))
        .collect();
    v.push((
        imps_conformance::vectors_dir()
            .join("android-im-libwbxml/encoder/simple_csp12_doctype.xml"),
        "CSP12",
    ));
    v
}

#[test]
fn libwbxml_decodes_our_wbxml_to_the_source() {
    let Some(tool) = libwbxml_tool("wbxml2xml") else {
        eprintln!("SKIPPED: wbxml2xml not installed (apt-get install libwbxml2-utils)");
        return;
    };
    let mut failures = Vec::new();
    let inputs = libwbxml_inputs();
    assert!(inputs.len() > 100);
    for (path, lang) in inputs {
        let xml = std::fs::read(&path).unwrap();
        let version = if lang == "CSP11" {
            CspVersion::V1_1
        } else {
            CspVersion::V1_2
        };
        let ours = xml_to_wbxml(&xml, version).unwrap();
        let theirs = match run_libwbxml(&tool, &["-l", lang], &ours) {
            Ok(x) => x,
            Err(e) => {
                failures.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let back = xml_tree(&theirs).unwrap();
        if let Some(d) = Compare::LIBWBXML.diff(&libwbxml_source_tree(&xml).unwrap(), &back) {
            failures.push(format!("{}: {d}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn we_decode_libwbxml_wbxml_to_the_source() {
    let Some(tool) = libwbxml_tool("xml2wbxml") else {
        eprintln!("SKIPPED: xml2wbxml not installed (apt-get install libwbxml2-utils)");
        return;
    };
    let mut failures = Vec::new();
    for (path, _) in libwbxml_inputs() {
        let xml = std::fs::read(&path).unwrap();
        let theirs = run_libwbxml(&tool, &[], &xml).unwrap();
        match wbxml_tree(&theirs) {
            Ok(ours) => {
                if let Some(d) = Compare::LIBWBXML.diff(&xml_tree(&xml).unwrap(), &ours) {
                    failures.push(format!("{}: {d}", path.display()));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
