//! CSP XML ⇄ [`imps_event`] events.
//!
//! Implements the XML syntax of OMA IMPS WV-CSP 1.1/1.2/1.3 messages
//! (WV-CSP XML DTDs: one `xmlns` attribute per element, DOCTYPE with the CSP
//! formal public identifier) on top of quick-xml:
//!
//! - [`XmlReader`] reads a document into the shared event stream
//!   ([`imps_event::EventSource`]), zero-copy where XML allows, and detects
//!   the CSP version from the DOCTYPE or the namespaces.
//! - [`XmlWriter`] writes an event stream ([`imps_event::EventSink`]) as XML,
//!   compact or indented, with optional XML declaration and DOCTYPE.
//!
//! Security: no DTD is ever processed. Entity declarations and references to
//! anything but the five predefined entities and numeric character references
//! are refused ([`imps_event::ErrorKind::Unsupported`]), so "billion laughs"
//! documents fail at their DOCTYPE. Depth, text length and event count are
//! limited ([`DecodeOptions`]).
//!
//! ```
//! use imps_csp_xml::{DecodeOptions, WriteOptions, XmlReader, XmlWriter};
//! use imps_event::{EventSink, EventSource};
//!
//! let xml = b"<WV-CSP-Message xmlns=\"http://www.wireless-village.org/CSP1.1\">\
//!             <Session><Poll>F</Poll></Session></WV-CSP-Message>";
//! let mut reader = XmlReader::new(xml, &DecodeOptions::default())?;
//! let mut writer = XmlWriter::new(WriteOptions { declaration: false, ..WriteOptions::default() });
//! while let Some(event) = reader.next_event()? {
//!     writer.event(event)?;
//! }
//! assert_eq!(writer.finish()?, xml);
//! # Ok::<(), imps_event::Error>(())
//! ```

mod escape;
mod options;
mod reader;
mod version;
mod writer;

pub use options::{DecodeOptions, DoctypeMode, WriteOptions};
pub use reader::XmlReader;
pub use writer::XmlWriter;

/// Turns a byte offset (as in [`imps_event::ErrorDetail::offset`]) into a 1-based
/// line and a 1-based column counted in characters (bytes that are not UTF-8
/// continuation bytes). Lines end at `\n`; an offset past the end is clamped.
///
/// ```
/// assert_eq!(imps_csp_xml::line_column(b"ab\ncd", 4), (2, 2));
/// assert_eq!(imps_csp_xml::line_column(b"ab", 0), (1, 1));
/// ```
pub fn line_column(input: &[u8], offset: usize) -> (usize, usize) {
    let before = &input[..offset.min(input.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // Count characters: every byte that is not a UTF-8 continuation byte.
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}
