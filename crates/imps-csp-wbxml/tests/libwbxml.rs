//! Cross-checks with Debian's libwbxml (`wbxml2xml`, `xml2wbxml`), an
//! independent implementation. Skipped, with a message, when the tools are
//! not installed (`apt-get install libwbxml2-utils`).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use imps_csp_wbxml::{decode, encode, DecodeOptions, EncodeOptions, WbxmlReader};
use imps_event::{CspVersion, Event};

fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-h").output().is_ok();
    if !found {
        eprintln!("SKIPPED: `{name}` is not installed (apt-get install libwbxml2-utils)");
    }
    found
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("imps-csp-wbxml-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// `wbxml2xml` of `bytes` (libwbxml picks the language from the public id).
fn libwbxml_xml(bytes: &[u8], name: &str, lang: Option<&str>) -> String {
    let input = scratch(&format!("{name}.wbxml"));
    let output = scratch(&format!("{name}.xml"));
    std::fs::write(&input, bytes).unwrap();
    let mut cmd = Command::new("wbxml2xml");
    if let Some(l) = lang {
        cmd.args(["-l", l]);
    }
    let status = cmd.arg("-o").arg(&output).arg(&input).output().unwrap();
    assert!(
        status.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read_to_string(&output).unwrap()
}

/// Our phone-style WBXML of every libwbxml document reads, in libwbxml, as
/// the same XML as libwbxml's own WBXML, except that extended-format dates
/// (`2001-09-25T13:40:13Z`), which we pack, come back in basic format.
#[test]
fn libwbxml_reads_our_phone_style_output_as_its_own() {
    if !tool("wbxml2xml") {
        return;
    }
    let mut n = 0;
    for (name, data) in common::all_wbxml() {
        if !name.starts_with("wbxml-stream-wv/wv-") || common::MUST_FAIL.contains(&name.as_str()) {
            continue;
        }
        let r = WbxmlReader::new(&data, &DecodeOptions::default()).unwrap();
        assert_eq!(r.version(), CspVersion::V1_1);
        let events = decode(&data, &DecodeOptions::default()).unwrap();
        let ours = encode(&events, EncodeOptions::phone(CspVersion::V1_1)).unwrap();
        let stem = name
            .trim_start_matches("wbxml-stream-wv/")
            .trim_end_matches(".wbxml");
        let theirs_xml = libwbxml_xml(&data, &format!("{stem}-orig"), None);
        let ours_xml = libwbxml_xml(&ours, &format!("{stem}-ours"), None);
        let expected = match stem {
            "wv-110-datetime" => theirs_xml.replace("2001-09-25T13:40:13Z", "20010925T134013Z"),
            "wv-111-datetime" => theirs_xml.replace("2001-09-25T13:40:13A", "20010925T134013A"),
            _ => theirs_xml.clone(),
        };
        assert_eq!(ours_xml, expected, "{name}");
        n += 1;
    }
    assert_eq!(n, 117);
}

/// libwbxml writes integer zero as an empty OPAQUE (`C3 00`): we read it as
/// 0, and reproduce libwbxml's bytes in its dialect; phone style is `C3 01 00`.
#[test]
fn libwbxml_zero_integer() {
    if !tool("xml2wbxml") {
        return;
    }
    let xml = concat!(
        r#"<?xml version="1.0"?><!DOCTYPE WV-CSP-Message PUBLIC "-//OMA//DTD WV-CSP 1.1//EN" "#,
        r#""http://www.openmobilealliance.org/DTD/WV-CSP.XML"><WV-CSP-Message><Session>"#,
        r#"<SessionDescriptor><SessionType>Outband</SessionType></SessionDescriptor><Transaction>"#,
        r#"<TransactionDescriptor><TransactionMode>Request</TransactionMode><TransactionID>x1</TransactionID>"#,
        r#"</TransactionDescriptor><TransactionContent><GetMessage-Response><MessageInfo><MessageID>m</MessageID>"#,
        r#"<ContentSize>0</ContentSize></MessageInfo></GetMessage-Response></TransactionContent></Transaction>"#,
        r#"</Session></WV-CSP-Message>"#
    );
    let input = scratch("zero.xml");
    let output = scratch("zero.wbxml");
    std::fs::write(&input, xml).unwrap();
    let st = Command::new("xml2wbxml")
        .arg("-o")
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let bytes = std::fs::read(&output).unwrap();
    assert!(
        bytes.windows(3).any(|w| w == [0x4F, 0xC3, 0x00]),
        "{bytes:02X?}"
    );
    let events = decode(&bytes, &DecodeOptions::default()).unwrap();
    assert!(events.contains(&Event::Integer(0)));
    assert_eq!(
        encode(&events, EncodeOptions::libwbxml(CspVersion::V1_1)).unwrap(),
        bytes
    );
    let phone = encode(&events, EncodeOptions::phone(CspVersion::V1_1)).unwrap();
    assert!(
        phone.windows(4).any(|w| w == [0x4F, 0xC3, 0x01, 0x00]),
        "{phone:02X?}"
    );
}

/// libwbxml decodes our CSP 1.2 phone-style encoding of Android's
/// cap_request (it needs `-l CSP12`; it drops the SHTTP/SSMS values its 1.2
/// table lacks, as the vector README says).
#[test]
fn libwbxml_reads_our_csp12() {
    if !tool("wbxml2xml") {
        return;
    }
    let text =
        String::from_utf8(common::read("android-im-libwbxml/encoder/cap_request.xml")).unwrap();
    let events = common::mini_xml(&text);
    let ours = encode(&events, EncodeOptions::phone(CspVersion::V1_2)).unwrap();
    let xml = libwbxml_xml(&ours, "cap12", Some("CSP12"));
    for needle in [
        "<SessionID>196FE717.00000000.test1</SessionID>",
        "<TransactionID>transId2</TransactionID>",
        "<ClientType>MOBILE_PHONE</ClientType>",
        "<ParserSize>32767</ParserSize>",
        "<SupportedCIRMethod>STCP</SupportedCIRMethod>",
        "<InitialDeliveryMethod>P</InitialDeliveryMethod>",
    ] {
        assert!(xml.contains(needle), "{needle} missing in\n{xml}");
    }
}
