//! The library behind the `imps` command (so that tests can call the
//! commands without spawning a process).
//!
//! - [`convert::convert`]: detect the input syntax, read it into events, write
//!   them in another syntax.
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
