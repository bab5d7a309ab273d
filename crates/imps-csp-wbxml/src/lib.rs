//! OMA IMPS CSP WBXML ⇄ [`imps_event`] event streams.
//!
//! Implements the OMA IMPS *CSP WBXML definition* (WV-CSP 1.1, 1.2 and
//! IMPS CSP 1.3) on top of the generic WAP-192-WBXML-20010725 codec in
//! [`imps_wbxml`], with the token tables of [`imps_tokens`]:
//!
//! - [`WbxmlReader`]: an [`imps_event::EventSource`]; detects the CSP version
//!   ([`VersionSource`]), resolves tags and `xmlns` attribute tokens, joins
//!   text pieces, decodes WV integers and packed date-times.
//! - [`WbxmlWriter`]: an [`imps_event::EventSink`]; phone style by default
//!   (byte-identical to Android's encoder), libwbxml 0.11 dialect on request
//!   ([`EncodeOptions::libwbxml`]).
//! - Value helpers: [`decode_integer`] / [`encode_integer`],
//!   [`pack_datetime`] / [`unpack_datetime`], [`push_unknown_ext`].
//!
//! ```
//! use imps_csp_wbxml::{decode, encode, DecodeOptions, EncodeOptions};
//!
//! // Android's `simple_integer.wbxml`: decode, then encode again.
//! let bytes = [
//!     0x03, 0x11, 0x6A, 0x00, 0xC9, 0x08, 0x03, b'1', b'.', b'2', 0x00, 0x01,
//!     0x6D, 0x5A, 0xC3, 0x01, 0x00, 0x01, 0x01, 0x01,
//! ];
//! let events = decode(&bytes, &DecodeOptions::default()).unwrap();
//! assert_eq!(events[3], imps_event::Event::Integer(0)); // in MessageCount
//! assert_eq!(encode(&events, EncodeOptions::default()).unwrap(), bytes);
//! ```

mod attributes;
mod datetime;
mod error;
mod opaque;
mod options;
mod reader;
mod tables;
mod values;
mod version;
mod writer;

pub use datetime::{pack_datetime, unpack_datetime};
pub use opaque::{decode_integer, encode_integer, parse_decimal, IntegerBytes};
pub use options::{
    DatePacking, DecodeOptions, EmptyElements, EncodeOptions, PublicIdChoice, ZeroInteger,
};
pub use reader::WbxmlReader;
pub use values::{push_unknown_ext, EXT_MARK_END, EXT_MARK_START};
pub use version::VersionSource;
pub use writer::WbxmlWriter;

use imps_event::{Error, Event, EventSink, EventSource};

/// Decodes a whole document into owned events (convenience for tests and
/// tools; streaming consumers use [`WbxmlReader`] directly).
pub fn decode(input: &[u8], options: &DecodeOptions) -> Result<Vec<Event<'static>>, Error> {
    let mut r = WbxmlReader::new(input, options)?;
    let mut out = Vec::new();
    while let Some(ev) = r.next_event()? {
        out.push(ev.into_owned());
    }
    Ok(out)
}

/// Encodes a list of events into one document.
pub fn encode(events: &[Event<'_>], options: EncodeOptions) -> Result<Vec<u8>, Error> {
    let mut w = WbxmlWriter::new(options);
    for ev in events {
        w.event(ev.clone())?;
    }
    w.finish()
}
