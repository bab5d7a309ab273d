//! Conversion of WBXML tokenizer errors into [`imps_event::Error`].

use imps_event::{Error, ErrorKind, Path};
use imps_wbxml::ErrorKind as W;

/// Maps a tokenizer error to the event error kinds, keeping its offset and
/// adding the element path.
pub(crate) fn from_wbxml(e: imps_wbxml::Error, path: Path) -> Error {
    let kind = match e.kind {
        W::Limit(l) => ErrorKind::Limit(l.as_str()),
        W::UnsupportedCharset(_) | W::UnsupportedVersion(_) => {
            ErrorKind::Unsupported(e.kind.to_string().into())
        }
        other => ErrorKind::Syntax(other.to_string().into()),
    };
    Error::new(kind, e.offset, path)
}

/// An encoder error at output offset `offset`.
pub(crate) fn encode(msg: impl Into<Box<str>>, offset: usize, path: Path) -> Error {
    Error::new(ErrorKind::Encode(msg.into()), offset, path)
}
