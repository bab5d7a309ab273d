//! The event vocabulary every CSP syntax shares.
//!
//! OMA IMPS CSP documents travel as XML (WV-CSP XML syntax) or as WBXML
//! (WV-CSP WBXML definition). Both readers turn their input into the same
//! stream of [`Event`]s, and both writers consume it. The typed model
//! (`imps-model`) converts from and to this stream exactly once, so a new wire
//! syntax needs only a reader and a writer, never a second mapping.
//!
//! Events borrow from the input wherever they can: a tag is a [`Tag`] (a
//! table lookup), text is a [`Cow`](std::borrow::Cow) that is borrowed unless the syntax forced
//! a copy (XML escapes, WBXML text split over several tokens), and opaque
//! data is a slice of the input.
//!
//! ```
//! use imps_event::{Event, Name, Start, VecSource, EventSource};
//! use imps_tokens::Tag;
//!
//! let mut src = VecSource::new(vec![
//!     Event::Start(Start::new(Tag::Poll)),
//!     Event::Text("T".into()),
//!     Event::End,
//! ]);
//! assert_eq!(src.next_event().unwrap(), Some(Event::Start(Start::new(Tag::Poll))));
//! assert_eq!(src.path().to_string(), "Poll");
//! ```

mod datetime;
mod error;
mod event;
mod path;
mod stream;

pub use datetime::{DateTime, DateTimeError, Zone};
pub use error::{Error, ErrorDetail, ErrorKind};
pub use event::{Event, Name, Start};
pub use imps_tokens::{CspVersion, Tag};
pub use path::Path;
pub use stream::{copy_events, CopyError, EventSink, EventSource, TagStep, VecSink, VecSource};
