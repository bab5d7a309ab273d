//! Shared code of the imps-rs benches and the instruction-count harness:
//! the test-vector corpus split into message classes, and (with
//! `cfg(has_libwbxml)`) safe bindings to Debian's libwbxml for comparison.

pub mod corpus;
#[cfg(has_libwbxml)]
pub mod ffi;
pub mod jobs;

/// Whether the libwbxml comparison was compiled in.
pub const HAS_LIBWBXML: bool = cfg!(has_libwbxml);
