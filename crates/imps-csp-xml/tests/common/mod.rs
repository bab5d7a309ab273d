//! Helpers shared by the integration tests.

use imps_csp_xml::{DecodeOptions, WriteOptions, XmlReader, XmlWriter};
use imps_event::{Error, Event, EventSink, EventSource};

/// Reads a whole document into owned events.
pub(crate) fn read_all(
    input: &[u8],
    options: &DecodeOptions,
) -> Result<Vec<Event<'static>>, Error> {
    let mut reader = XmlReader::new(input, options)?;
    let mut events = Vec::new();
    while let Some(e) = reader.next_event()? {
        events.push(e.into_owned());
    }
    Ok(events)
}

/// Writes events as a document.
#[allow(dead_code)] // not every test file uses it
pub(crate) fn write_all(events: &[Event<'_>], options: WriteOptions) -> Result<Vec<u8>, Error> {
    let mut writer = XmlWriter::new(options);
    for e in events {
        writer.event(e.clone())?;
    }
    writer.finish()
}
