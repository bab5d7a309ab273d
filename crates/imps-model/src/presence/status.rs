//! Status attributes (WV-PA "OnlineStatus", "Registration",
//! "UserAvailability", "StatusText", "StatusMood", "StatusContent"): whether
//! and how the user can be reached, and what they say about themselves.
//!
//! Every attribute is `(Qualifier?, PresenceValue?)` or a structured
//! variant of it (`spec/pa/pa-1.2-content-models.dtd`); all children are
//! optional because the same element, empty, selects the attribute in
//! requests.

use crate::leaf::ContentData;
use crate::leaf::Text;
use crate::presence::values::{Availability, Boolean, Mood};

element! {
    /// `OnlineStatus (Qualifier?, PresenceValue?)`: whether a client of the
    /// user is logged in (server-maintained; clients often publish it with
    /// a `Qualifier` only).
    pub struct OnlineStatus: OnlineStatus {
        /// `Qualifier`: whether the value is valid.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: `T` when online.
        value: opt(PresenceValue => Boolean),
    }
}

element! {
    /// `Registration (Qualifier?, PresenceValue?)`: whether the user's
    /// terminal is registered to the mobile network.
    pub struct Registration: Registration {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: `T` when registered.
        value: opt(PresenceValue => Boolean),
    }
}

element! {
    /// `UserAvailability (Qualifier?, PresenceValue?)`: `AVAILABLE`,
    /// `NOT_AVAILABLE` or `DISCREET`.
    pub struct UserAvailability: UserAvailability {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`.
        value: opt(PresenceValue => Availability),
    }
}

element! {
    /// `StatusText (Qualifier?, PresenceValue?)`: a free-text status
    /// message.
    pub struct StatusText: StatusText {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the text.
        value: opt(PresenceValue => Text),
    }
}

element! {
    /// `StatusMood (Qualifier?, PresenceValue?)`: the user's mood.
    pub struct StatusMood: StatusMood {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`.
        value: opt(PresenceValue => Mood),
    }
}

element! {
    /// `StatusContent (Qualifier?, DirectContent?, ReferredContent?,
    /// ContentType?)`: a status picture or other content, inline or by URL.
    pub struct StatusContent: StatusContent {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `DirectContent`: the content itself (BASE64 text, or WBXML
        /// opaque data).
        direct_content: opt(DirectContent => ContentData),
        /// `ReferredContent`: a URL of the content.
        referred_content: opt(ReferredContent => Text),
        /// `ContentType`: its MIME type.
        content_type: opt(ContentType => Text),
    }
}
