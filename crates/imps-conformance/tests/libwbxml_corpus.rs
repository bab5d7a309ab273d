//! libwbxml's WV corpus: the 116 `wbxml-stream-wv` files are libwbxml's own
//! WBXML encodings of the 116 `libwbxml-wv-csp11` XML sources (see the two
//! folders' READMEs). Decoding the WBXML must give the source's element tree,
//! modulo `xmlns` (libwbxml drops it) and the spellings libwbxml's shared
//! 1.1/1.2 table uses (`BlockEntity-Request` for 1.1's `BlockUser-Request`,
//! `PreferredContent`/`PreferredvCard` for `ReferredContent`/`ReferredvCard`).
//! Dates and integers compare by value, text trimmed (libwbxml's encoder
//! trims and reads `0x…` SearchIDs as numbers).

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_conformance::{read_tree, vector_files, vectors_dir, xml_tree, Compare, Node};

fn source_tree(stem: &str) -> Node {
    let path = vectors_dir()
        .join("libwbxml-wv-csp11")
        .join(format!("{stem}.xml"));
    xml_tree(&std::fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn wbxml_stream_wv_decodes_to_the_libwbxml_sources() {
    let files: Vec<_> = vector_files("wbxml-stream-wv", ".wbxml")
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains("opaque-tag"))
        .collect();
    assert_eq!(files.len(), 116, "the corpus README promises 116 files");
    let cmp = Compare::LIBWBXML;
    let mut failures = Vec::new();
    for path in &files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let mut reader = imps_csp_wbxml::WbxmlReader::new(&bytes, &Default::default()).unwrap();
        assert_eq!(
            reader.version(),
            imps_tokens::CspVersion::V1_1,
            "{stem}: public id 0x10"
        );
        let decoded = read_tree(&mut reader).unwrap_or_else(|e| panic!("{stem}: {e}"));
        if let Some(d) = cmp.diff(&source_tree(&stem), &decoded) {
            failures.push(format!("{stem}: {d}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 116 differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_comparison_notices_a_changed_value() {
    // Guard against a comparison that cannot fail: one changed leaf is found.
    let mut tree = source_tree("wv-001");
    let original = tree.clone();
    tree.set_text("SessionType", "Outband");
    let cmp = Compare {
        ignore_xmlns: true,
        ..Default::default()
    };
    let diff = cmp.diff(&original, &tree).expect("a difference");
    assert!(diff.contains("SessionType"), "{diff}");
}
