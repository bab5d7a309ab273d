//! seeds: xml
//!
//! Typed decode of CSP XML (`imps-csp-xml` + `imps-model`), lenient and
//! strict: never panics. A decoded message re-encodes (compact and
//! indented), and after that first (possibly normalising) round, model →
//! XML → model is a fixed point.
#![no_main]

use imps_fuzz::{from_xml, to_xml};
use imps_model::DecodeOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = from_xml(data, &DecodeOptions::strict());
    let options = DecodeOptions::default();
    let Ok(msg) = from_xml(data, &options) else {
        return;
    };
    for indent in [None, Some(2)] {
        let Ok(xml) = to_xml(&msg, indent) else {
            return;
        };
        let m2 = from_xml(&xml, &options).unwrap_or_else(|e| {
            panic!(
                "our XML does not decode: {e}\n{}",
                String::from_utf8_lossy(&xml)
            )
        });
        let xml2 = to_xml(&m2, indent).expect("re-encode");
        let m3 = from_xml(&xml2, &options).expect("second encoding decodes");
        assert_eq!(
            m3, m2,
            "model -> XML -> model is not a fixed point (indent {indent:?})"
        );
    }
});
