//! The `CommCap` attribute (WV-PA "CommCap"): the communication means of
//! the user and whether each is open.

use crate::leaf::Text;
use crate::presence::values::{Boolean, Cap, CommStatus};

element! {
    /// `CommCap (Qualifier?, CommC*)`.
    pub struct CommCap: CommCap {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `CommC`s: one per means (several may share a `Cap`).
        comm_cs: many(CommC => CommC),
    }
}

element! {
    /// `CommC (Cap, Status, Contact?, Note?)`: one communication means.
    pub struct CommC: CommC {
        /// `Cap`: the means (`CALL`, `SMS`, `IM`, …).
        cap: req(Cap => Cap),
        /// `Status`: `OPEN` or `CLOSED`.
        status: req(Status => CommStatus),
        /// `Contact`: the address to use (`+35804123123`).
        contact: opt(Contact => Text),
        /// `Note`: free text.
        note: opt(Note => Text),
    }
}
