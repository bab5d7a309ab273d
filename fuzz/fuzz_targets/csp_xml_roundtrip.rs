//! seeds: xml
//!
//! CSP XML decode → encode → decode equality (`imps-csp-xml`): whatever the
//! lenient reader accepts, the writer writes (compact and indented) and the
//! reader reads back to the same events. Strict decoding never panics either.
#![no_main]

use imps_csp_xml::{DecodeOptions, WriteOptions, XmlReader, XmlWriter};
use imps_event::{Event, EventSink, EventSource};
use libfuzzer_sys::fuzz_target;

fn events(input: &[u8], options: &DecodeOptions) -> Result<Vec<Event<'static>>, imps_event::Error> {
    let mut reader = XmlReader::new(input, options)?;
    let mut out = Vec::new();
    while let Some(e) = reader.next_event()? {
        out.push(e.into_owned());
    }
    Ok(out)
}

fuzz_target!(|data: &[u8]| {
    let _ = events(data, &DecodeOptions::strict());
    let options = DecodeOptions::default();
    let Ok(first) = events(data, &options) else {
        return;
    };
    let version = XmlReader::new(data, &options)
        .expect("decoded once")
        .version();
    for indent in [None, Some(2)] {
        let mut writer = XmlWriter::new(WriteOptions {
            indent,
            version,
            ..WriteOptions::default()
        });
        let mut ok = true;
        for e in &first {
            if writer.event(e.clone()).is_err() {
                ok = false;
                break;
            }
        }
        if !ok {
            return;
        }
        let Ok(xml) = writer.finish() else { return };
        let again = events(&xml, &options).unwrap_or_else(|e| {
            panic!(
                "our own XML does not decode: {e}\n{}",
                String::from_utf8_lossy(&xml)
            )
        });
        assert_eq!(
            first, again,
            "XML round trip changed the events (indent {indent:?})"
        );
    }
});
