//! Reader and writer settings.

use imps_tokens::CspVersion;

/// Settings of [`XmlReader`](crate::XmlReader). The defaults are safe for
/// untrusted input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Refuse what lenient mode tolerates: attributes other than `xmlns`
    /// (including `xmlns:prefix` declarations), a DOCTYPE internal subset
    /// (even without entities), raw control characters, and a DOCTYPE whose
    /// version disagrees with the namespaces. Default `false`.
    pub strict: bool,
    /// Maximum element nesting depth. Default 256 (CSP documents nest fewer
    /// than 20 levels).
    pub max_depth: usize,
    /// Maximum length in bytes of one (joined, unescaped) text event.
    /// Default 16 MiB.
    pub max_text_len: usize,
    /// Maximum number of events in one document. Default 4,000,000.
    pub max_events: usize,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            strict: false,
            max_depth: 256,
            max_text_len: 16 << 20,
            max_events: 4_000_000,
        }
    }
}

impl DecodeOptions {
    /// The defaults with `strict` on.
    pub fn strict() -> Self {
        DecodeOptions {
            strict: true,
            ..DecodeOptions::default()
        }
    }
}

/// When [`XmlWriter`](crate::XmlWriter) writes a `<!DOCTYPE …>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DoctypeMode {
    /// Only when a version is known and the root element's `xmlns` does not
    /// name it: no `xmlns`, or one that is not a CSP/TRC/PA namespace (so
    /// that the version survives a read back). libwbxml recognises CSP XML by
    /// its DOCTYPE; real clients send a CSP `xmlns` instead.
    #[default]
    Auto,
    /// Whenever a version is known.
    Always,
    /// Never.
    Never,
}

/// Settings of [`XmlWriter`](crate::XmlWriter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    /// Write `<?xml version="1.0" encoding="UTF-8"?>` first. Default `true`.
    pub declaration: bool,
    /// When to write a DOCTYPE. Default [`DoctypeMode::Auto`].
    pub doctype: DoctypeMode,
    /// Pretty-print with this many spaces per level; `None` (default)
    /// writes everything on one line. Elements holding text are written on
    /// one line either way, so indentation never changes content.
    pub indent: Option<u8>,
    /// The CSP version, for the DOCTYPE's FPI. `None`: taken from the root
    /// element's `xmlns` when that is a CSP namespace.
    pub version: Option<CspVersion>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            declaration: true,
            doctype: DoctypeMode::Auto,
            indent: None,
            version: None,
        }
    }
}
