//! Android IM's WBXML codec test vectors (`testvectors/android-im-libwbxml`,
//! see its README for the expectation of each file).

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_conformance::{vectors_dir, wbxml_tree, xml_to_wbxml, xml_tree, Compare};
use imps_tokens::CspVersion;

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join("android-im-libwbxml").join(rel)).unwrap()
}

/// Encoder vectors: our phone-style WBXML of the XML is Android's expected
/// output, byte for byte.
#[test]
fn encoder_vectors_reencode_byte_for_byte() {
    let cases = [
        ("simple_csp12.xml", "simple_csp12.wbxml"),
        ("simple_csp12_doctype.xml", "simple_csp12.wbxml"),
        ("simple2_csp11.xml", "simple2_csp11.wbxml"),
        ("simple_content.xml", "simple_content.wbxml"),
        ("simple_integer.xml", "simple_integer.wbxml"),
        ("simple_datetime.xml", "simple_datetime.wbxml"),
        ("simple_switch_page.xml", "simple_switch_page.wbxml"),
        ("cap_request.xml", "cap_request.wbxml"),
        ("statusprim.xml", "statusprim.wbxml"),
    ];
    let mut failures = Vec::new();
    for (xml, wbxml) in cases {
        let expected = read(&format!("encoder/{wbxml}"));
        match xml_to_wbxml(&read(&format!("encoder/{xml}")), CspVersion::V1_2) {
            Ok(ours) if ours == expected => {}
            Ok(ours) => failures.push(format!(
                "{xml}:\n  expected {}\n  ours     {}",
                hex(&expected),
                hex(&ours)
            )),
            Err(e) => failures.push(format!("{xml}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Parser vectors: each decodes to the tree of the XML the Android test
/// shows next to it.
#[test]
fn parser_vectors_decode_to_their_xml() {
    let cmp = Compare {
        dates_by_value: true,
        ..Default::default()
    };
    let mut failures = Vec::new();
    for stem in [
        "simple",
        "simple2",
        "simple3",
        "simple_nocontent",
        "loginresponse",
        "statusprim",
        "sendmsgreq1",
        "cap_request",
        "literal",
    ] {
        let ours = match wbxml_tree(&read(&format!("parser/{stem}.wbxml"))) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{stem}: {e}"));
                continue;
            }
        };
        let expected = xml_tree(&read(&format!("parser/{stem}.xml"))).unwrap();
        if let Some(d) = cmp.diff(&expected, &ours) {
            failures.push(format!("{stem}: {d}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn decoded_values_are_the_documented_ones() {
    let status = wbxml_tree(&read("parser/statusprim.wbxml")).unwrap();
    let mut codes = Vec::new();
    collect(&status, "Code", &mut codes);
    assert_eq!(codes, ["201", "531", "532"]);

    let cap = wbxml_tree(&read("parser/cap_request.wbxml")).unwrap();
    let mut methods = Vec::new();
    collect(&cap, "SupportedCIRMethod", &mut methods);
    assert!(methods.contains(&"SHTTP".to_owned()), "{methods:?}");
    assert!(methods.contains(&"SSMS".to_owned()), "{methods:?}");

    let big = wbxml_tree(&read("parser/big_entity.wbxml")).unwrap();
    assert_eq!(big.find("SessionType").unwrap().text(), "\u{10FFFF}");

    let inline = wbxml_tree(&read("inline/contentdata_string_csp13.wbxml")).unwrap();
    assert_eq!(inline.find("ContentData").unwrap().text(), "Hello");
}

fn collect(node: &imps_conformance::Node, name: &str, out: &mut Vec<String>) {
    if node.name == name {
        out.push(node.text());
    }
    for c in &node.children {
        if let imps_conformance::Child::Element(n) = c {
            collect(n, name, out);
        }
    }
}

#[test]
fn must_fail_vectors_fail() {
    for (file, what) in [
        ("parser/invalid_entity.wbxml", "entity"),
        ("parser/incomplete_str_i.wbxml", "without terminating nul"),
    ] {
        let err = wbxml_tree(&read(file)).expect_err(file);
        assert!(
            err.to_string().to_lowercase().contains(what),
            "{file}: {err}"
        );
    }
}

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}
