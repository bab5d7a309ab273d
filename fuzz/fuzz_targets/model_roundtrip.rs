//! seeds: none
//!
//! Structured: the fuzz input seeds `Message::arb()` (the model's proptest
//! strategy; see `imps_fuzz::arbitrary_value`), and the message must survive model → XML → model and
//! model → WBXML → model unchanged, and XML → model must equal WBXML → model
//! for the same message (the cross-codec invariant).
#![no_main]

use imps_fuzz::{arbitrary_value, from_wbxml, from_xml, to_wbxml, to_xml};
use imps_model::arb::Arb;
use imps_model::{DecodeOptions, Message};
use libfuzzer_sys::fuzz_target;
use proptest::strategy::BoxedStrategy;

thread_local! {
    static MESSAGE: BoxedStrategy<Message> = Message::arb();
}

fuzz_target!(|data: &[u8]| {
    let Some(msg) = MESSAGE.with(|s| arbitrary_value(s, data)) else {
        return;
    };
    let options = DecodeOptions::default();
    let xml = to_xml(&msg, None).expect("valid message encodes to XML");
    let from_x = from_xml(&xml, &options).unwrap_or_else(|e| {
        panic!(
            "XML of {msg:?} does not decode: {e}\n{}",
            String::from_utf8_lossy(&xml)
        )
    });
    assert_eq!(
        from_x,
        msg,
        "model -> XML -> model\n{}",
        String::from_utf8_lossy(&xml)
    );
    let wbxml = to_wbxml(&msg).expect("valid message encodes to WBXML");
    let from_w = from_wbxml(&wbxml, &options)
        .unwrap_or_else(|e| panic!("WBXML of {msg:?} does not decode: {e}\n{wbxml:02X?}"));
    assert_eq!(from_w, msg, "model -> WBXML -> model");
    assert_eq!(from_x, from_w, "XML -> model != WBXML -> model");
});
