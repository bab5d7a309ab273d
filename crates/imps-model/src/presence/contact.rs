//! Contact attributes (WV-PA "PreferredContacts", "PreferredLanguage",
//! "Alias", "ContactInfo", "InfoLink"): how the user prefers to be
//! contacted and what they publish about themselves.

use crate::leaf::ContentData;
use crate::leaf::Text;
use crate::presence::values::{Boolean, Cap, CommStatus};

element! {
    /// `PreferredContacts (Qualifier?, AddrPref*)`.
    pub struct PreferredContacts: PreferredContacts {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `AddrPref`s: the preferred addresses.
        addr_prefs: many(AddrPref => AddrPref),
    }
}

element! {
    /// `AddrPref (PrefC, Caddr, Cstatus, Cname?, Cpriority?)`: one preferred
    /// address. `Cname` is also accepted as Nokia's `CName`.
    pub struct AddrPref: AddrPref {
        /// `PrefC`: the means (`CALL`, `SMS`, `IM`, …).
        pref_c: req(PrefC => Cap),
        /// `Caddr`: the address.
        caddr: req(Caddr => Text),
        /// `Cstatus`: `OPEN` or `CLOSED`.
        cstatus: req(Cstatus => CommStatus),
        /// `Cname`: a label (`Home Phone`).
        cname: opt(Cname => Text),
        /// `Cpriority`: the priority as written (`10`; see
        /// [`AddrPref::priority`]).
        cpriority: opt(Cpriority => Text),
    }
}

impl AddrPref {
    /// `Cpriority` as a number, when it is one.
    pub fn priority(&self) -> Option<u32> {
        self.cpriority
            .as_deref()
            .and_then(crate::leaf::parse_integer)
    }
}

element! {
    /// `PreferredLanguage (Qualifier?, PresenceValue?)`: the user's language
    /// (ISO 639-2, `fin`).
    pub struct PreferredLanguage: PreferredLanguage {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the language code.
        value: opt(PresenceValue => Text),
    }
}

element! {
    /// `Alias (Qualifier?, PresenceValue?)`: the nickname the user shows.
    pub struct Alias: Alias {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the nickname.
        value: opt(PresenceValue => Text),
    }
}

element! {
    /// `ContactInfo (Qualifier?, ContainedvCard?, ReferredvCard?)`: the
    /// user's vCard, inline or by URL.
    pub struct ContactInfo: ContactInfo {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `ContainedvCard`: the vCard itself.
        contained_vcard: opt(ContainedvCard => ContentData),
        /// `ReferredvCard`: a URL of the vCard.
        referred_vcard: opt(ReferredvCard => Text),
    }
}

element! {
    /// `InfoLink (Qualifier?, Inf_link*)` (PA 1.2): links to information
    /// about the user.
    pub struct InfoLink: InfoLink {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Inf_link`s.
        links: many(InfLink => InfLink),
    }
}

element! {
    /// `Inf_link (Link, Text?, ContentType?)` (PA 1.2): one link.
    pub struct InfLink: InfLink {
        /// `Link`: the URL.
        link: req(Link => Text),
        /// `Text`: a description.
        text: opt(Text => Text),
        /// `ContentType`: the MIME type of what the link points to.
        content_type: opt(ContentType => Text),
    }
}
