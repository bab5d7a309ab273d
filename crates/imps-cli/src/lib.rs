//! The library behind the `imps` command (so that tests can call the
//! commands without spawning a process).
//!
//! - [`convert::convert`]: detect the input syntax, decode the document into
//!   the typed model of `imps-model` (a CSP message or a standalone presence
//!   document), encode it in another syntax (XML, WBXML, JSON); or, with
//!   `raw`, copy the reader's events to the writer.
//! - [`validate::validate`]: decode into the typed model and report every
//!   problem found (per transaction, per presence attribute), with element
//!   paths and positions, plus the `TransactionMode` check.
//! - [`inspect::inspect`]: a token-by-token (WBXML) or event-by-event (XML)
//!   dump with byte offsets, code pages and table names.
//!
//! Every function returns a [`error::CliError`] on bad input; none panics.

pub mod convert;
pub mod detect;
pub mod error;
pub mod inspect;
pub mod io;
pub mod validate;
