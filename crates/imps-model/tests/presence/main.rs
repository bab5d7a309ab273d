//! Presence attributes (`imps_model::presence`) through the XML and WBXML
//! codecs: one test per attribute, every presence-carrying public vector,
//! libwbxml as an independent peer, proptest round trips, and malformed
//! presence (strict reports with a path, lenient keeps, nothing panics).

#![allow(clippy::unwrap_used, clippy::panic)]

mod attributes;
mod libwbxml;
mod malformed;
mod round_trips;
mod util;
mod vectors;
