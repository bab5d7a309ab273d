//! Presence attributes: the content of `PresenceSubList` (WV-PA, the
//! "Presence Attributes" specification; `spec/pa/`,
//! `spec/csp-dtd/csp12-pa-content-model.dtd`).
//!
//! **Placeholder**: until the typed attribute models land (issue 4), a
//! `PresenceSubList` keeps its attributes as lossless generic subtrees. The
//! rest of the model only relies on `PresenceSubList` implementing
//! [`FromEvents`], [`ToEvents`], `Clone`, `Debug`, `Default`, `PartialEq`,
//! `Eq`, serde (feature) and [`crate::arb::Arb`].

use std::borrow::Cow;

use imps_event::{Error, Start};

use crate::codec::{Decoder, Encoder, FromEvents, ToEvents};
use crate::element::{intern_xmlns, Element, Node};

/// `PresenceSubList`: presence attributes (or, in requests, the names of the
/// wanted attributes as empty elements).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct PresenceSubList {
    /// The PA namespace declared on the element (`http://www.wireless-village.org/PA1.1`,
    /// `http://www.openmobilealliance.org/DTD/WV-PA1.2`, …), if any.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub xmlns: Option<Cow<'static, str>>,
    /// The attributes, as generic elements, in order.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub attributes: Vec<Element>,
    /// Stray text, kept.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub extra: Vec<Node>,
}

impl FromEvents for PresenceSubList {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let xmlns = start.xmlns.map(intern_xmlns);
        let mut attributes = Vec::new();
        let mut extra = Vec::new();
        while let Some(child) = d.next_child(&mut extra)? {
            attributes.push(d.subtree(child)?);
        }
        Ok(PresenceSubList {
            xmlns,
            attributes,
            extra,
        })
    }
}

impl ToEvents for PresenceSubList {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        e.elements(&self.attributes)?;
        e.nodes(&self.extra)
    }

    fn xmlns(&self) -> Option<&str> {
        self.xmlns.as_deref()
    }
}

#[cfg(any(test, feature = "proptest"))]
impl crate::arb::Arb for PresenceSubList {
    fn arb() -> proptest::strategy::BoxedStrategy<Self> {
        use proptest::prelude::*;
        (
            proptest::option::of(Just(Cow::Borrowed(
                imps_event::CspVersion::V1_2.namespace(imps_tokens::NamespaceKind::Pa),
            ))),
            proptest::collection::vec(crate::arb::unknown_element(), 0..3),
        )
            .prop_map(|(xmlns, attributes)| PresenceSubList {
                xmlns,
                attributes,
                extra: Vec::new(),
            })
            .boxed()
    }
}
