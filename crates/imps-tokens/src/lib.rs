//! WV-CSP (OMA IMPS Client-Server Protocol) 1.1, 1.2 and 1.3 token tables.
//!
//! Implements the code spaces of the *CSP WBXML definition* (OMA-IMPS
//! WV-CSP_WBXML 1.1/1.2, IMPS_CSP_WBXML 1.3): tag tokens on code pages
//! 0x00–0x0B, the EXT_T_0 value table, the `xmlns` attribute-start tokens, and
//! the public ids, FPIs and namespace URIs of each version. The tables are
//! generated from `tables/*.tsv` (see `tables/README.md` and
//! `tables/SOURCES.md` for provenance); `cargo run -p imps-tokens-gen`
//! regenerates `src/generated.rs`.
//!
//! ```
//! use imps_tokens::{CspVersion, Tag};
//!
//! // Decode: page 0x06, token 0x06 (without the 0x40/0x80 flag bits).
//! assert_eq!(CspVersion::V1_2.tag(0x06, 0x06), Some(Tag::BlockEntityRequest));
//! assert_eq!(CspVersion::V1_1.tag(0x06, 0x06), Some(Tag::BlockUserRequest));
//! // Encode: the 1.1 name is still understood in 1.2.
//! assert_eq!(CspVersion::V1_2.token(Tag::BlockUserRequest), Some((0x06, 0x06)));
//! // Every peer spelling is accepted by name.
//! assert_eq!(Tag::from_name("Auto-Subscribe"), Some(Tag::AutoSubscribe));
//! assert_eq!(Tag::AutoSubscribe.name(), "AutoSubscribe");
//! // Extension values above 0x7F exist.
//! assert_eq!(CspVersion::V1_2.ext_value(0xA5), Some("SHTTP"));
//! ```
//!
//! # Rules the tables follow
//!
//! - **Variant names**: the canonical name split on `-` and `_`, each segment's
//!   first letter upper-cased, a segment that is all upper-case with more than
//!   one letter written capitalised-lowercase (`WV-CSP-Message` →
//!   [`Tag::WvCspMessage`], `CIRURL` → [`Tag::Cirurl`], `SessionID` →
//!   [`Tag::SessionID`]).
//! - **Aliases** (spellings of other implementations, `tables/aliases.tsv`
//!   and `tables/peers/`) are accepted by [`Tag::from_name`] and never
//!   written. A name that is canonical in one version and an alias in another
//!   (`BlockUser-Request` 1.1 / `BlockEntity-Request` 1.2, `CIRURL` 1.2 /
//!   `CIRHTTPAddress` 1.3) has its own variant, and [`CspVersion::token`]
//!   encodes either in every version; [`CspVersion::tag`] decodes to that
//!   version's canonical name.
//! - **Same name twice in one version**: 1.2 and 1.3 list `ContentType` at
//!   00/10 and 05/36; both decode to [`Tag::ContentType`], which encodes to
//!   page 0.
//! - **Extension values**: a value listed at two indexes encodes to the first
//!   (`SMS` 0x43, not 0x75; `IM` 0x12, not 0x68). The 1.3 table lists 0x3D
//!   twice (`GROUP_ID` and `History`, a collision in the spec itself): 0x3D
//!   decodes to the first listed, `GROUP_ID`, and both values encode to 0x3D.
//!   The 1.1 rows known only from Nokia's pre-1.2-draft dictionary (0x31–0x36,
//!   0x50) decode but are never encoded, because every other peer reads those
//!   indexes differently.

use std::fmt;
use std::str::FromStr;

mod generated;
mod name_hash;

pub use generated::Tag;

/// How WBXML carries an element's content (CSP 1.2 typed-element table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// Inline text (and EXT_T_0 value tokens).
    String,
    /// An integer in OPAQUE big-endian bytes (XML: decimal text).
    Integer,
    /// A date-time in 6-byte packed OPAQUE (XML: ISO 8601 text).
    DateTime,
    /// The strings `T` / `F`.
    Boolean,
}

/// A CSP protocol version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CspVersion {
    /// WV-CSP 1.1 (Wireless Village), public id 0x10.
    V1_1,
    /// OMA IMPS WV-CSP 1.2, public id 0x11.
    V1_2,
    /// OMA IMPS CSP 1.3, public id 0x12.
    V1_3,
}

/// Which of a version's namespaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NamespaceKind {
    /// The CSP message namespace (`…/WV-CSP1.2`), on `WV-CSP-Message`.
    Csp,
    /// The transaction namespace (`…/WV-TRC1.2`), on `TransactionContent`.
    Trc,
    /// The presence attribute namespace (`…/WV-PA1.2`), on `PresenceSubList`.
    Pa,
}

impl CspVersion {
    /// Every supported version, oldest first.
    pub const ALL: [CspVersion; 3] = [CspVersion::V1_1, CspVersion::V1_2, CspVersion::V1_3];

    /// `"1.1"`, `"1.2"` or `"1.3"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CspVersion::V1_1 => "1.1",
            CspVersion::V1_2 => "1.2",
            CspVersion::V1_3 => "1.3",
        }
    }

    /// Decodes a tag token (`token` without the 0x40/0x80 flag bits) on a
    /// code page to the version's canonical tag.
    ///
    /// ```
    /// # use imps_tokens::{CspVersion, Tag};
    /// assert_eq!(CspVersion::V1_3.tag(0x03, 0x14), Some(Tag::CIRHTTPAddress));
    /// assert_eq!(CspVersion::V1_2.tag(0x03, 0x14), Some(Tag::Cirurl));
    /// assert_eq!(CspVersion::V1_1.tag(0x0A, 0x05), None); // no page 0x0A in 1.1
    /// ```
    pub fn tag(self, page: u8, token: u8) -> Option<Tag> {
        let table: &'static [[Option<Tag>; 64]] = match self {
            CspVersion::V1_1 => &generated::TAGS_V1_1,
            CspVersion::V1_2 => &generated::TAGS_V1_2,
            CspVersion::V1_3 => &generated::TAGS_V1_3,
        };
        *table.get(usize::from(page))?.get(usize::from(token))?
    }

    /// Encodes a tag as `(page, token)`; names of other versions that this
    /// version has at the same token (aliases) are included.
    ///
    /// ```
    /// # use imps_tokens::{CspVersion, Tag};
    /// assert_eq!(CspVersion::V1_2.token(Tag::WvCspMessage), Some((0x00, 0x09)));
    /// assert_eq!(CspVersion::V1_1.token(Tag::ExtendedData), None); // 1.2+
    /// ```
    pub fn token(self, tag: Tag) -> Option<(u8, u8)> {
        match self {
            CspVersion::V1_1 => generated::token_v1_1(tag),
            CspVersion::V1_2 => generated::token_v1_2(tag),
            CspVersion::V1_3 => generated::token_v1_3(tag),
        }
    }

    /// The value an EXT_T_0 index stands for.
    pub fn ext_value(self, index: u32) -> Option<&'static str> {
        let table: &'static [Option<&'static str>] = match self {
            CspVersion::V1_1 => &generated::EXT_V1_1,
            CspVersion::V1_2 => &generated::EXT_V1_2,
            CspVersion::V1_3 => &generated::EXT_V1_3,
        };
        *table.get(usize::try_from(index).ok()?)?
    }

    /// The EXT_T_0 index to encode `value` with (exact match).
    ///
    /// ```
    /// # use imps_tokens::CspVersion;
    /// assert_eq!(CspVersion::V1_2.ext_index("SHTTP"), Some(0xA5));
    /// assert_eq!(CspVersion::V1_2.ext_index("shttp"), None);
    /// ```
    pub fn ext_index(self, value: &str) -> Option<u32> {
        match self {
            CspVersion::V1_1 => generated::ext_index_v1_1(value),
            CspVersion::V1_2 => generated::ext_index_v1_2(value),
            CspVersion::V1_3 => generated::ext_index_v1_3(value),
        }
    }

    /// The WBXML public id: 0x10, 0x11 or 0x12.
    pub const fn public_id(self) -> u32 {
        generated::ids(self).public_id
    }

    /// The version of a WBXML public id.
    pub fn from_public_id(id: u32) -> Option<CspVersion> {
        CspVersion::ALL.into_iter().find(|v| v.public_id() == id)
    }

    /// The recommended formal public identifier for the DOCTYPE
    /// (`-//OMA//DTD WV-CSP 1.2//EN`).
    pub const fn fpi(self) -> &'static str {
        generated::ids(self).fpi
    }

    /// The DTD system identifier seen with this version's FPI, if any was
    /// (`http://www.openmobilealliance.org/DTD/WV-CSP.DTD` for 1.2; none is
    /// known for 1.3).
    pub const fn system_id(self) -> Option<&'static str> {
        generated::ids(self).system_id
    }

    /// The version of an FPI: the recommended ones and every spelling seen
    /// (libwbxml's `-//OMA//DTD WV-CSP 1.1//EN`). Surrounding whitespace is
    /// ignored.
    ///
    /// ```
    /// # use imps_tokens::CspVersion;
    /// assert_eq!(CspVersion::from_fpi("-//OMA//DTD WV-CSP 1.1//EN"), Some(CspVersion::V1_1));
    /// assert_eq!(CspVersion::from_fpi("-//WIRELESSVILLAGE//DTD CSP 1.1//EN"), Some(CspVersion::V1_1));
    /// ```
    pub fn from_fpi(fpi: &str) -> Option<CspVersion> {
        generated::version_of_fpi(fpi.trim())
    }

    /// A namespace URI of this version.
    pub const fn namespace(self, kind: NamespaceKind) -> &'static str {
        let ids = generated::ids(self);
        match kind {
            NamespaceKind::Csp => ids.csp,
            NamespaceKind::Trc => ids.trc,
            NamespaceKind::Pa => ids.pa,
        }
    }

    /// The version and kind of a namespace URI (exact match).
    ///
    /// ```
    /// # use imps_tokens::{CspVersion, NamespaceKind};
    /// assert_eq!(
    ///     CspVersion::from_namespace("http://www.wireless-village.org/TRC1.1"),
    ///     Some((CspVersion::V1_1, NamespaceKind::Trc))
    /// );
    /// ```
    pub fn from_namespace(uri: &str) -> Option<(CspVersion, NamespaceKind)> {
        generated::version_of_namespace(uri)
    }
}

impl fmt::Display for CspVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`CspVersion::from_str`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVersion;

impl fmt::Display for UnknownVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown CSP version (expected 1.1, 1.2 or 1.3)")
    }
}

impl std::error::Error for UnknownVersion {}

impl FromStr for CspVersion {
    type Err = UnknownVersion;

    /// Accepts `1.1`, `1.2`, `1.3` (surrounding whitespace ignored).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CspVersion::ALL
            .into_iter()
            .find(|v| v.as_str() == s.trim())
            .ok_or(UnknownVersion)
    }
}

impl fmt::Display for Tag {
    /// The canonical name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The `xmlns` value prefix of a page-0 attribute-start token (0x05–0x0D).
///
/// ```
/// assert_eq!(imps_tokens::xmlns_prefix(0x08), Some("http://www.openmobilealliance.org/DTD/WV-CSP"));
/// ```
pub fn xmlns_prefix(token: u8) -> Option<&'static str> {
    generated::XMLNS_PREFIXES
        .iter()
        .find(|(t, _)| *t == token)
        .map(|(_, p)| *p)
}

/// The attribute-start token whose prefix is the longest prefix of `uri`,
/// and the rest of the URI (to be written as an inline string).
///
/// ```
/// assert_eq!(
///     imps_tokens::xmlns_token("http://www.openmobilealliance.org/DTD/WV-CSP1.2"),
///     Some((0x08, "1.2"))
/// );
/// ```
pub fn xmlns_token(uri: &str) -> Option<(u8, &str)> {
    generated::XMLNS_LONGEST_FIRST
        .iter()
        .find_map(|(t, p)| uri.strip_prefix(p).map(|rest| (*t, rest)))
}
