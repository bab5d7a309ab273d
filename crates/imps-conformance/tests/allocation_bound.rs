//! Decoding any input of n bytes allocates at most c·n + k bytes (total
//! requested over the whole decode, not just live memory): checked with a
//! counting allocator over the corpus and over adversarial inputs built to
//! make a decoder allocate much more than it reads.
//!
//! The constants are measured with a margin. What matters is that no input
//! makes a decoder allocate super-linearly; WBXML's string table is the
//! classic attack (a 2-byte `STR_T` reference can name a string of any
//! length), and it is bounded by the reader's limits.

#![allow(clippy::unwrap_used, clippy::panic)]

use imps_conformance::vector_files;
use imps_event::EventSource;
use imps_model::{decode_with, DecodeOptions, Message};
use imps_testkit::{measure, CountingAllocator};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Bytes allocated per input byte, at most.
const C: usize = 512;
/// Fixed allowance per decode.
const K: usize = 16 * 1024;

fn drain<'a>(mut src: impl EventSource<'a>) {
    while let Ok(Some(_)) = src.next_event() {}
}

/// Bytes each decoder allocates for `input`.
fn decoders(input: &[u8]) -> [(&'static str, usize); 4] {
    let model = DecodeOptions::lenient();
    let (_, wbxml_events) = measure(|| {
        if let Ok(r) = imps_csp_wbxml::WbxmlReader::new(input, &Default::default()) {
            drain(r);
        }
    });
    let (_, wbxml_model) = measure(|| {
        if let Ok(mut r) = imps_csp_wbxml::WbxmlReader::new(input, &Default::default()) {
            let _ = decode_with::<Message>(&mut r, &model);
        }
    });
    let (_, xml_events) = measure(|| {
        if let Ok(r) = imps_csp_xml::XmlReader::new(input, &Default::default()) {
            drain(r);
        }
    });
    let (_, xml_model) = measure(|| {
        if let Ok(mut r) = imps_csp_xml::XmlReader::new(input, &Default::default()) {
            let _ = decode_with::<Message>(&mut r, &model);
        }
    });
    [
        ("WBXML events", wbxml_events.bytes),
        ("WBXML → model", wbxml_model.bytes),
        ("XML events", xml_events.bytes),
        ("XML → model", xml_model.bytes),
    ]
}

fn check(name: &str, input: &[u8], failures: &mut Vec<String>) {
    let n = input.len();
    for (decoder, bytes) in decoders(input) {
        if bytes > C * n + K {
            failures.push(format!(
                "{name}: {decoder} allocated {bytes} bytes for {n} input bytes (> {C}·n + {K})"
            ));
        }
    }
}

/// WBXML 1.3, public id CSP 1.2, UTF-8, with `table` as string table.
fn header(table: &[u8]) -> Vec<u8> {
    let mut out = vec![0x03, 0x11, 0x6A];
    let mut len = Vec::new();
    imps_wbxml::write_mb_u32(&mut len, u32::try_from(table.len()).unwrap());
    out.extend(len);
    out.extend_from_slice(table);
    out
}

/// `<WV-CSP-Message><Session><SessionDescriptor>` … body … closed.
fn in_session_descriptor(table: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = header(table);
    out.extend_from_slice(&[0x49, 0x6D, 0x6E]);
    out.extend_from_slice(body);
    out.extend_from_slice(&[0x01, 0x01, 0x01]);
    out
}

fn adversarial() -> Vec<(String, Vec<u8>)> {
    let mut cases = Vec::new();
    // A large string-table entry referenced over and over from SessionID
    // (a repeated singular child, which lenient decoding keeps).
    for (len, refs) in [(60_000usize, 2_000usize), (1_000, 50_000)] {
        let mut table = vec![b'A'; len];
        table.push(0);
        let mut body = Vec::new();
        for _ in 0..refs {
            body.extend_from_slice(&[0x6F, 0x83, 0x00, 0x01]); // <SessionID> STR_T 0 </SessionID>
        }
        cases.push((
            format!("STR_T {len} bytes × {refs}"),
            in_session_descriptor(&table, &body),
        ));
    }
    // Many tiny unknown elements (LITERAL tags without content).
    let body: Vec<u8> = std::iter::repeat_n([0x04u8, 0x00], 100_000)
        .flatten()
        .collect();
    cases.push((
        "100,000 empty LITERAL elements".into(),
        in_session_descriptor(b"x\0", &body),
    ));
    // Many tiny unknown elements by token.
    let body = vec![0x3F; 100_000];
    cases.push((
        "100,000 unknown tag tokens".into(),
        in_session_descriptor(b"", &body),
    ));
    // Text joined from many value tokens and entities.
    let mut body = vec![0x6F];
    for _ in 0..50_000 {
        body.extend_from_slice(&[0x80, 0x12, 0x02, 0x81, 0x20]);
    }
    body.push(0x01);
    cases.push((
        "joined EXT_T_0 + ENTITY text".into(),
        in_session_descriptor(b"", &body),
    ));
    // Nesting at the depth limit, repeated.
    let mut body = Vec::new();
    for _ in 0..2_000 {
        body.extend(std::iter::repeat_n(0x7F, 60));
        body.extend(std::iter::repeat_n(0x01, 60));
    }
    cases.push((
        "deep unknown subtrees".into(),
        in_session_descriptor(b"", &body),
    ));
    // XML: many small unknown elements, many namespace declarations.
    let mut xml = String::from(
        r#"<WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2"><Session>"#,
    );
    for i in 0..20_000 {
        xml.push_str(&format!(r#"<x xmlns="urn:{i}"/>"#));
    }
    xml.push_str("<y/>".repeat(50_000).as_str());
    xml.push_str("</Session></WV-CSP-Message>");
    cases.push(("XML: many unknown elements".into(), xml.into_bytes()));
    // XML: many character references.
    let mut xml = String::from(
        r#"<WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2"><Session><SessionDescriptor><SessionID>"#,
    );
    xml.push_str("&#x10FFFF;&amp;".repeat(50_000).as_str());
    xml.push_str("</SessionID></SessionDescriptor></Session></WV-CSP-Message>");
    cases.push(("XML: character references".into(), xml.into_bytes()));
    cases
}

#[test]
fn corpus_decodes_allocate_linearly() {
    let mut failures = Vec::new();
    let files: Vec<_> = vector_files("", ".wbxml")
        .into_iter()
        .chain(vector_files("", ".xml"))
        .collect();
    assert!(files.len() > 290, "{}", files.len());
    for path in files {
        let input = std::fs::read(&path).unwrap();
        check(&path.display().to_string(), &input, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn adversarial_inputs_allocate_linearly() {
    let mut failures = Vec::new();
    for (name, input) in adversarial() {
        check(&name, &input, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_bound_is_not_vacuous() {
    // A decode that copies its input a thousand times must fail the check.
    let input = vec![b'a'; 10_000];
    let (_, counts) = measure(|| {
        let copies: Vec<Vec<u8>> = (0..1000).map(|_| input.clone()).collect();
        copies.len()
    });
    assert!(counts.bytes > C * input.len() + K, "{counts:?}");
}
