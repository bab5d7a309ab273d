//! seeds: all
//!
//! Standalone presence documents (`PresenceSubList`, `imps-model::presence`)
//! in XML or WBXML (detected by the first byte): decoding never panics, and a
//! decoded document re-encodes, and after that first round encode → decode
//! is a fixed point.
#![no_main]

use imps_event::VecSink;
use imps_model::presence::{decode_document, encode_document};
use imps_model::DecodeOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = DecodeOptions::default();
    let decoded = if data.first().is_some_and(|&b| b <= 3) {
        let Ok(mut r) = imps_csp_wbxml::WbxmlReader::new(data, &Default::default()) else {
            return;
        };
        let _ = decode_document(&mut r.clone(), &DecodeOptions::strict());
        decode_document(&mut r, &options)
    } else {
        let Ok(mut r) = imps_csp_xml::XmlReader::new(data, &Default::default()) else {
            return;
        };
        decode_document(&mut r, &options)
    };
    let Ok(list) = decoded else { return };
    // First round may normalise (e.g. empty text pieces); then a fixed point.
    let round = |list: &imps_model::PresenceSubList| {
        let mut sink = VecSink::default();
        encode_document(list, &mut sink).ok()?;
        Some(
            decode_document(&mut imps_event::VecSource::new(sink.events), &options)
                .expect("re-decode of encoded presence document"),
        )
    };
    let Some(l2) = round(&list) else { return };
    let l3 = round(&l2).expect("second encode");
    assert_eq!(l3, l2);
});
