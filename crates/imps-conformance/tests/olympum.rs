//! The Nokia-S60-style Login-Request of the 2009 blog post
//! (`testvectors/olympum-blog-nokia-s60`): libwbxml 0.10 bytes with public id
//! 0x01, no xmlns and a value token spliced into the ClientID URL; libwbxml
//! 0.11.8 bytes with the FPI in the string table. Both decode to the XML.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_conformance::{vectors_dir, wbxml_tree, xml_tree, Compare};

fn read(name: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join("olympum-blog-nokia-s60").join(name)).unwrap()
}

#[test]
fn both_libwbxml_generations_decode_to_the_post_xml() {
    let source = xml_tree(&read("login-request.xml")).unwrap();
    let cmp = Compare {
        ignore_xmlns: true,
        ..Default::default()
    };
    for file in [
        "login-request.libwbxml-0.10.wbxml",
        "login-request.libwbxml-0.11.8.wbxml",
    ] {
        let ours = wbxml_tree(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(cmp.diff(&source, &ours), None, "{file}");
    }
}

#[test]
fn split_url_is_joined_and_ttl_is_an_integer() {
    let tree = wbxml_tree(&read("login-request.libwbxml-0.10.wbxml")).unwrap();
    assert_eq!(tree.find("URL").unwrap().text(), "WV:IMPEC01$00001@NOK.S60");
    assert_eq!(tree.find("TimeToLive").unwrap().text(), "86400");
}
