//! seeds: wbxml
//!
//! Typed decode of CSP WBXML (`imps-csp-wbxml` + `imps-model`), lenient and
//! strict: never panics. A decoded message re-encodes, and after that first
//! (possibly normalising) round, model → WBXML → model and model → XML →
//! model are fixed points. (Not every WBXML message can be XML: control
//! characters cannot be written in XML 1.0, so an XML encode error is fine.)
#![no_main]

use imps_fuzz::{from_wbxml, from_xml, to_wbxml, to_xml};
use imps_model::DecodeOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = from_wbxml(data, &DecodeOptions::strict());
    let options = DecodeOptions::default();
    let Ok(msg) = from_wbxml(data, &options) else {
        return;
    };
    let Ok(first) = to_wbxml(&msg) else { return };
    let m2 = from_wbxml(&first, &options).expect("our WBXML of a decoded message decodes");
    let second = to_wbxml(&m2).expect("re-encode");
    let m3 = from_wbxml(&second, &options).expect("second encoding decodes");
    assert_eq!(m3, m2, "model -> WBXML -> model is not a fixed point");
    assert_eq!(to_wbxml(&m3).expect("third encode"), second);
    if let Ok(xml) = to_xml(&m2, None) {
        let x1 = from_xml(&xml, &options).unwrap_or_else(|e| {
            panic!(
                "our XML does not decode: {e}\n{}",
                String::from_utf8_lossy(&xml)
            )
        });
        let xml2 = to_xml(&x1, None).expect("re-encode XML");
        let x2 = from_xml(&xml2, &options).expect("second XML decodes");
        assert_eq!(x2, x1, "model -> XML -> model is not a fixed point");
    }
});
