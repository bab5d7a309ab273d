//! Closed value sets of the presence attributes (WV-PA "Presence attribute
//! values"; the spellings are the WBXML presence value tokens 0x5B–0x77 of
//! `spec/pa/pa-value-tokens.tsv`, which the WBXML codec writes as
//! `EXT_T_0`).
//!
//! Like every value set (`value_set!`), each keeps other spellings as
//! `Unknown(String)`, and a **strict** decode refuses an unknown spelling,
//! with the path of the element that holds it.

/// A WV boolean, `T` or `F`: every attribute's `Qualifier` (whether the
/// value is valid), and the value of `OnlineStatus` and `Registration`. The
/// same value set as the CSP elements' [`crate::values::BoolText`].
pub type Boolean = crate::values::BoolText;

value_set! {
    /// The value of `UserAvailability`: how willing the user is to
    /// communicate.
    pub enum Availability {
        Available => "AVAILABLE",
        NotAvailable => "NOT_AVAILABLE",
        Discreet => "DISCREET",
    }
}

/// `ClientInfo/ClientType`: the kind of device. The same value set as the
/// CSP `ClientType` of a capability list, so the same type.
pub use crate::values::ClientType;

value_set! {
    /// A communication means: `CommC/Cap` and `AddrPref/PrefC`. `AUDIO_CALL`,
    /// `VIDEO_CALL` and `VIDEO_STREAM` have WBXML value tokens in PA 1.1/1.2
    /// (dropped in 1.3); `IM` lost its token in 1.2 but is still the spelling.
    pub enum Cap {
        Call => "CALL",
        Sms => "SMS",
        Mms => "MMS",
        Im => "IM",
        Email => "EMAIL",
        AudioCall => "AUDIO_CALL",
        VideoCall => "VIDEO_CALL",
        VideoStream => "VIDEO_STREAM",
    }
}

value_set! {
    /// `CommC/Status` and `AddrPref/Cstatus`: whether the means is open.
    pub enum CommStatus {
        Open => "OPEN",
        Closed => "CLOSED",
    }
}

value_set! {
    /// The value of `StatusMood` (the mood-like presence value tokens; the
    /// PA specification may define more, which stay `Unknown`).
    pub enum Mood {
        Angry => "ANGRY",
        Anxious => "ANXIOUS",
        Ashamed => "ASHAMED",
        Bored => "BORED",
        Excited => "EXCITED",
        Happy => "HAPPY",
        InLove => "IN_LOVE",
        Invincible => "INVINCIBLE",
        Jealous => "JEALOUS",
        Sad => "SAD",
        Sleepy => "SLEEPY",
    }
}
