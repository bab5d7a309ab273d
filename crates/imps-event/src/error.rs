//! The one error type of the CSP stack: what went wrong, where in the bytes,
//! and where in the element tree.

use std::fmt;

use crate::Path;

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The wire syntax is malformed (truncated WBXML, bad XML, …).
    Syntax(Box<str>),
    /// A configured limit was exceeded; names the limit (`"depth"`, …).
    Limit(&'static str),
    /// An element the model or table does not know (strict mode).
    UnknownElement(Box<str>),
    /// An event that does not fit here, e.g. text where a child was expected.
    Unexpected {
        /// What the consumer was prepared for.
        expected: &'static str,
        /// What it got.
        found: Box<str>,
    },
    /// A required child element is missing.
    Missing(&'static str),
    /// A value of the wrong shape (an integer element holding text, month 13, …).
    InvalidValue {
        /// What the value should be.
        expected: &'static str,
        /// The value as found.
        found: Box<str>,
    },
    /// The CSP version could not be determined or is not supported.
    Version(Box<str>),
    /// The input uses a feature that is refused on purpose (DTD entities,
    /// a charset other than UTF-8, …).
    Unsupported(Box<str>),
    /// A writer could not express the event in its syntax.
    Encode(Box<str>),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax(m) => write!(f, "malformed input: {m}"),
            ErrorKind::Limit(l) => write!(f, "limit exceeded: {l}"),
            ErrorKind::UnknownElement(n) => write!(f, "unknown element <{n}>"),
            ErrorKind::Unexpected { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            ErrorKind::Missing(what) => write!(f, "missing required <{what}>"),
            ErrorKind::InvalidValue { expected, found } => {
                write!(f, "expected {expected}, found {found:?}")
            }
            ErrorKind::Version(m) => write!(f, "CSP version: {m}"),
            ErrorKind::Unsupported(m) => write!(f, "unsupported: {m}"),
            ErrorKind::Encode(m) => write!(f, "cannot encode: {m}"),
        }
    }
}

/// An error with its position: byte offset into the input (for writers, into
/// the output) and the element path.
///
/// A pointer-sized handle to an [`ErrorDetail`] (what went wrong and where),
/// so that every `Result` a reader returns per event stays small; the fields
/// read through it (`e.kind`, `e.offset`, `e.path`).
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorDetail>);

/// What an [`Error`] holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetail {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Byte offset where it was noticed.
    pub offset: usize,
    /// Open elements at that point.
    pub path: Path,
}

impl Error {
    /// Builds an error.
    #[cold]
    pub fn new(kind: ErrorKind, offset: usize, path: Path) -> Self {
        Error(Box::new(ErrorDetail { kind, offset, path }))
    }

    /// What went wrong, taken out of the error.
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }
}

impl std::ops::Deref for Error {
    type Target = ErrorDetail;

    fn deref(&self) -> &ErrorDetail {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorDetail {
        &mut self.0
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("offset", &self.offset)
            .field("path", &self.path)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at byte {} (in {})",
            self.kind, self.offset, self.path
        )
    }
}

impl std::error::Error for Error {}
