//! CSP version detection for WBXML documents (OMA IMPS CSP WBXML definition,
//! "Document header" and "Namespaces").
//!
//! Three things can name the version, and real traffic rarely carries all:
//!
//! 1. the `xmlns` attribute of the root `WV-CSP-Message` (whose tag, 00/09,
//!    is the same in every version, so it can be read before the version is
//!    known);
//! 2. the numeric public id (0x10 = 1.1, 0x11 = 1.2, 0x12 = 1.3);
//! 3. an FPI in the string table (`-//OMA//DTD WV-CSP 1.2//EN`).
//!
//! **The root `xmlns` wins** when it disagrees with the public id. Evidence
//! (`testvectors/android-im-libwbxml/`): Android's `sendmsgreq1.wbxml`
//! carries public id 0x10 with the CSP 1.2 namespace, and Android's own
//! parser test accepts it as a 1.2 message; Android's encoder derives the
//! public id from the namespace, so the namespace is what the tokens were
//! chosen from. The namespace is also the more specific statement: it names
//! the version exactly, whereas public id 0x10 was reused generically. Then
//! the public id or FPI; then [`crate::DecodeOptions::default_version`]
//! (libwbxml 0.10 writes public id 0x01 "unknown" and drops `xmlns`, so
//! nothing in such a document names the version).

use imps_event::{CspVersion, Path};
use imps_wbxml::{Header, PublicId, Reader, TokenKind};

use crate::attributes::{peek_xmlns_tag, read_xmlns};

/// What decided the document's CSP version.
///
/// The rules, in order: the root element's `xmlns` (read before the version
/// is known, since `WV-CSP-Message` is 00/09 in every version), then the
/// numeric public id (0x10 / 0x11 / 0x12) or the string-table FPI, then
/// [`crate::DecodeOptions::default_version`]. The namespace wins over a
/// disagreeing public id: Android's `sendmsgreq1.wbxml` carries public id
/// 0x10 with the CSP 1.2 namespace and is a 1.2 message, and Android's
/// encoder derives the public id from the namespace, so the namespace is
/// what the tokens were chosen by. libwbxml 0.10 writes public id 0x01 and
/// no `xmlns`: then only the default can decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VersionSource {
    /// The root element's `xmlns` attribute.
    Xmlns,
    /// The numeric public id.
    PublicId,
    /// The FPI in the string table.
    Fpi,
    /// Nothing did: [`crate::DecodeOptions::default_version`].
    Default,
}

/// The version named by the header, if any.
pub(crate) fn from_header(header: &Header<'_>) -> Option<(CspVersion, VersionSource)> {
    match header.public_id {
        PublicId::Numeric(id) => {
            CspVersion::from_public_id(id).map(|v| (v, VersionSource::PublicId))
        }
        PublicId::String { fpi, .. } => CspVersion::from_fpi(fpi).map(|v| (v, VersionSource::Fpi)),
    }
}

/// `true` for public ids that say "some other document type" (not unknown,
/// not CSP): a strict reader refuses those when nothing else names a version.
pub(crate) fn is_foreign(header: &Header<'_>) -> bool {
    match header.public_id {
        PublicId::Numeric(id) => id != 1 && CspVersion::from_public_id(id).is_none(),
        PublicId::String { fpi, .. } => CspVersion::from_fpi(fpi).is_none(),
    }
}

/// The version named by the root element's `xmlns`, read on a copy of the
/// token reader (so nothing is consumed) by the reader's own attribute
/// rules ([`read_xmlns`]).
pub(crate) fn from_root_xmlns(reader: &Reader<'_>) -> Option<CspVersion> {
    use imps_wbxml::global::{is_global, TAG_ATTRIBUTES};
    // A root tag token without attributes (libwbxml's documents): no xmlns.
    if let Some(&b) = reader.remaining().first() {
        if !is_global(b) && b & TAG_ATTRIBUTES == 0 {
            return None;
        }
    }
    // Phones: the root tag with one xmlns (`C9 08 03 "1.2" 00 01`).
    let xmlns = match peek_xmlns_tag(reader) {
        Some(xmlns) => xmlns,
        None => {
            let mut probe = reader.clone();
            // Skip PIs and SWITCH_PAGEs up to the root tag.
            loop {
                match probe.next_token().ok()??.kind {
                    TokenKind::Tag {
                        attributes: true, ..
                    } => break,
                    TokenKind::Tag { .. } => return None,
                    _ => {}
                }
            }
            // The reader's own rules (lenient: a spoiled `xmlns` is passed
            // over, as the lenient reader does; a strict reader refuses the
            // root anyway).
            read_xmlns(&mut probe, false, Path::new()).ok()??
        }
    };
    CspVersion::from_namespace(&xmlns).map(|(v, _)| v)
}

/// The namespace URI `prefix + suffix` as a `'static` string, if it is one of
/// the CSP, TRC or PA namespaces of any version (so that decoded `xmlns`
/// values need no allocation).
pub(crate) fn known_namespace(prefix: &str, suffix: &str) -> Option<&'static str> {
    use imps_tokens::NamespaceKind::{Csp, Pa, Trc};
    CspVersion::ALL.into_iter().find_map(|v| {
        [Csp, Trc, Pa].into_iter().find_map(|k| {
            let ns = v.namespace(k);
            (ns.len() == prefix.len() + suffix.len()
                && ns.starts_with(prefix)
                && ns.ends_with(suffix))
            .then_some(ns)
        })
    })
}
