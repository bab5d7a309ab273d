//! The primitives, by service (WV-CSP chapters): session and discovery,
//! service negotiation, search and invitations, presence, contact and
//! attribute lists, messaging, access control, groups.

pub mod access;
pub mod contacts;
pub mod groups;
pub mod messaging;
pub mod presence;
pub mod search;
pub mod service;
pub mod session;
