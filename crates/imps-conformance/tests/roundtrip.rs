//! WBXML → XML → WBXML is byte-identical to WBXML → events → WBXML: the XML
//! hop loses nothing. Together with `imps-csp-wbxml`'s own round-trip test
//! (decode → encode is byte-identical on the corpus, phone style, except
//! differences it names byte by byte) this is the round-trip guarantee.
//!
//! Options mirror each input's header; libwbxml's own output is re-encoded
//! in libwbxml's dialect.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_conformance::{vector_files, wbxml_to_xml, xml_to_wbxml_with};
use imps_csp_wbxml::{WbxmlReader, WbxmlWriter};
use imps_event::copy_events;

/// Vectors that cannot round-trip, and why.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("invalid_entity.wbxml", "must fail"),
    ("incomplete_str_i.wbxml", "must fail"),
    ("wv-069-opaque-tag-wbxml10-error.wbxml", "must fail"),
    // XML has no opaque data: OPAQUE "Hello" becomes the text "Hello".
    ("contentdata_opaque_csp13.wbxml", "opaque content"),
];

fn through_events(wbxml: &[u8], options: imps_csp_wbxml::EncodeOptions) -> Vec<u8> {
    let mut reader = WbxmlReader::new(wbxml, &Default::default()).unwrap();
    let mut writer = WbxmlWriter::new(options);
    copy_events(&mut reader, &mut writer).unwrap();
    writer.finish().unwrap()
}

#[test]
fn the_xml_hop_is_transparent() {
    let files = vector_files("", ".wbxml");
    assert!(files.len() > 130, "corpus: {} files", files.len());
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let shown = path.to_string_lossy();
        if shown.contains("fuzz-regressions") || EXCEPTIONS.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let original = std::fs::read(path).unwrap();
        let libwbxml_dialect = shown.contains("wbxml-stream-wv") || name.contains("libwbxml-0.11");
        let reader = WbxmlReader::new(&original, &Default::default()).unwrap();
        let style = if libwbxml_dialect {
            imps_csp_wbxml::EncodeOptions::libwbxml(reader.version())
        } else {
            imps_csp_wbxml::EncodeOptions::phone(reader.version())
        };
        let options = style.with_header_of(&reader);
        let expected = through_events(&original, options);
        match wbxml_to_xml(&original).and_then(|xml| xml_to_wbxml_with(&xml, options)) {
            Ok(ours) if ours == expected => checked += 1,
            Ok(ours) => {
                let at = expected.iter().zip(&ours).position(|(a, b)| a != b);
                failures.push(format!("{name}: bytes differ at {at:?}"));
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 130, "{checked}");
}

#[test]
fn every_xml_vector_survives_xml_to_wbxml_to_xml() {
    use imps_conformance::{wbxml_tree, xml_to_wbxml, xml_tree, Compare};
    // 1.1's token 06/06 is BlockUser-Request; libwbxml's wv-078 spells it
    // with the 1.2 name, so it comes back under the 1.1 name.
    let cmp = Compare {
        dates_by_value: true,
        same_names: &[("BlockEntity-Request", "BlockUser-Request")],
        ..Default::default()
    };
    let mut failures = Vec::new();
    let files = vector_files("", ".xml");
    assert!(files.len() > 150, "{}", files.len());
    for path in files {
        let xml = std::fs::read(&path).unwrap();
        let before = xml_tree(&xml).unwrap();
        let after = xml_to_wbxml(&xml, imps_tokens::CspVersion::V1_2).and_then(|w| wbxml_tree(&w));
        match after {
            Ok(after) => {
                if let Some(d) = cmp.diff(&before, &after) {
                    failures.push(format!("{}: {d}", path.display()));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
