//! Presence attributes: the content of `PresenceSubList` (WV-PA, the
//! "Presence Attributes" specification, PA 1.1 and 1.2; content models from
//! `spec/pa/pa-1.2-content-models.dtd` and
//! `spec/csp-dtd/csp12-pa-content-model.dtd`, value sets from
//! `spec/pa/pa-value-tokens.tsv`; see `spec/pa/README.md` for how far those
//! reconstructions are trusted).
//!
//! A [`PresenceSubList`] is a list of typed [`Attribute`]s, one model per
//! PA 1.2 attribute:
//!
//! | attribute | model | value |
//! |---|---|---|
//! | `OnlineStatus`, `Registration` | [`OnlineStatus`], [`Registration`] | [`Boolean`] |
//! | `ClientInfo` | [`ClientInfo`] | [`ClientType`] and text |
//! | `TimeZone`, `GeoLocation`, `Address` | [`TimeZone`], [`GeoLocation`], [`Address`] | text |
//! | `FreeTextLocation`, `PLMN` | [`FreeTextLocation`], [`Plmn`] | text |
//! | `CommCap` | [`CommCap`] of [`CommC`] | [`Cap`], [`CommStatus`] |
//! | `UserAvailability` | [`UserAvailability`] | [`Availability`] |
//! | `PreferredContacts` | [`PreferredContacts`] of [`AddrPref`] | [`Cap`], [`CommStatus`] |
//! | `PreferredLanguage`, `StatusText`, `Alias` | [`PreferredLanguage`], [`StatusText`], [`Alias`] | text |
//! | `StatusMood` | [`StatusMood`] | [`Mood`] |
//! | `StatusContent`, `ContactInfo` | [`StatusContent`], [`ContactInfo`] | content or URL |
//! | `InfoLink` (PA 1.2) | [`InfoLink`] of [`InfLink`] | text |
//!
//! Every attribute has an optional `qualifier` (the PA `Qualifier`, `T` when
//! the value is valid) and its value or structured children, all optional:
//!
//! - **Selectors.** In requests (`GetPresence-Request`,
//!   `SubscribePresence-Request`, `CreateAttributeList-Request`,
//!   `PresenceAuth-Request`, `DefaultAttributeList`…) a `PresenceSubList`
//!   names the wanted attributes with empty elements (`<OnlineStatus/>`).
//!   Such an attribute decodes to its `Default` value, for which
//!   [`Attribute::is_selector`] is true, and encodes back to the empty
//!   element; any content (even a lone `Qualifier`) makes it a value.
//! - **Order and repeats.** Attributes are kept in document order, and
//!   encoded in that order. Repeats are kept (CSP 1.3 publishes several
//!   `OnlineStatus`, `ClientInfo`, … one per client).
//! - **Unknown attributes** (vendor extensions, later PA versions) are kept
//!   as [`Attribute::Unknown`] subtrees; unknown children of an attribute go
//!   to its `extra` field; both are re-encoded as they came.
//! - **Value sets** keep unknown spellings as `Unknown(String)`.
//!
//! **Strict** decoding ([`crate::DecodeOptions::strict`]) refuses instead,
//! with the element path: an unknown attribute or a PA element out of place
//! (`<CommC>` directly in `PresenceSubList`), an unknown child of an
//! attribute, an unknown value-set spelling (`<PresenceValue>BUSY</…>` of
//! `UserAvailability`, an empty `<Qualifier/>`), an attribute that carries a
//! value but no `Qualifier`, a repeated attribute in a PA 1.1/1.2 document,
//! `InfoLink` in a PA 1.1 document, and a `PresenceSubList` namespace that is
//! not a PA one. (The PA version is the one of the list's namespace, else
//! the document's CSP version.) Lenient decoding
//! (the default) keeps all of these. Neither mode panics.
//!
//! The `PresenceSubList` keeps its `xmlns` (`http://www.wireless-village.org/PA1.1`,
//! `http://www.openmobilealliance.org/DTD/WV-PA1.2`), so it re-encodes as it
//! came. In WBXML the attributes are code page 5 and the values of the
//! value sets are the presence value tokens 0x5B–0x77, which the CSP WBXML
//! codec turns into text and back: models only see strings.
//!
//! # Standalone presence documents
//!
//! A `PresenceSubList` on its own is a document too: decode it with
//! [`decode_document`] (or [`crate::decode_with`]), encode it with
//! [`encode_document`]; [`Document`] decodes either a whole CSP message or a
//! presence document, by its root element.
//!
//! ```
//! use imps_event::{Event, Start, Tag, VecSink, VecSource};
//! use imps_model::presence::{self, Attribute, Availability, PresenceSubList, UserAvailability};
//!
//! let events = vec![
//!     Event::Start(Start::with_xmlns(Tag::PresenceSubList, "http://www.openmobilealliance.org/DTD/WV-PA1.2")),
//!     Event::Start(Start::new(Tag::OnlineStatus)), Event::End, // a selector
//!     Event::Start(Start::new(Tag::UserAvailability)),
//!     Event::Start(Start::new(Tag::Qualifier)), Event::Text("T".into()), Event::End,
//!     Event::Start(Start::new(Tag::PresenceValue)), Event::Text("AVAILABLE".into()), Event::End,
//!     Event::End,
//!     Event::End,
//! ];
//! let list = presence::decode_document(&mut VecSource::new(events.clone()), &Default::default()).unwrap();
//! assert!(list.attributes[0].is_selector());
//! let ua: &UserAvailability = list.get().unwrap();
//! assert_eq!(ua.value, Some(Availability::Available));
//! assert_eq!(list.version(), Some(imps_event::CspVersion::V1_2));
//!
//! let mut sink = VecSink::default();
//! presence::encode_document(&list, &mut sink).unwrap();
//! assert_eq!(sink.events, events);
//! ```
//!
//! # JSON (feature `serde`)
//!
//! `{"xmlns": "…", "attributes": [{"OnlineStatus": {}}, {"UserAvailability":
//! {"qualifier": "T", "value": "AVAILABLE"}}, {"Unknown": {element}}]}`:
//! attributes are externally tagged by their model name; a selector is an
//! empty object.

mod client;
mod commcap;
mod contact;
mod document;
mod location;
mod status;
pub(crate) mod values;

use std::borrow::Cow;

use imps_event::{CspVersion, Error, ErrorKind, Name, Start, Tag};
use imps_tokens::NamespaceKind;

use crate::codec::{Decoder, Encoder, FromEvents, Named, ToEvents};
use crate::element::{intern_xmlns, Element, Node};

pub use client::ClientInfo;
pub use commcap::{CommC, CommCap};
pub use contact::{
    AddrPref, Alias, ContactInfo, InfLink, InfoLink, PreferredContacts, PreferredLanguage,
};
pub use document::{decode_document, encode_document, Document};
pub use location::{Address, FreeTextLocation, GeoLocation, Plmn, TimeZone};
pub use status::{
    OnlineStatus, Registration, StatusContent, StatusMood, StatusText, UserAvailability,
};
pub use values::{Availability, Boolean, Cap, ClientType, CommStatus, Mood};

/// What every typed attribute model offers.
pub trait PresenceAttribute:
    Named + FromEvents + ToEvents + Default + PartialEq + Into<Attribute>
{
    /// The attribute's `Qualifier`, if it has one.
    fn qualifier(&self) -> Option<&Boolean>;

    /// The attribute, if `attribute` is one of this model.
    fn from_attribute(attribute: &Attribute) -> Option<&Self>;

    /// Whether the attribute is empty: a selector naming a wanted attribute
    /// rather than a value.
    fn is_selector(&self) -> bool {
        *self == Self::default()
    }
}

/// Declares the [`Attribute`] enum over the attribute models (each named
/// like its element's tag; `$ty` is the model or, for large rare ones, its
/// box).
macro_rules! attributes {
    ($( $(#[$m:meta])* $var:ident($ty:ty) ),+ $(,)?) => {
        /// One presence attribute of a [`PresenceSubList`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum Attribute {
            $( $(#[$m])* $var($ty), )+
            /// An attribute the model does not know (a vendor extension, a
            /// later PA version, a PA element out of place), kept as it came.
            Unknown(Element),
        }

        impl Attribute {
            /// The tags of the PA 1.2 attributes, in the DTD order.
            pub const TAGS: &'static [Tag] = &[$( Tag::$var ),+];

            /// The element name.
            pub fn name(&self) -> Name<'_> {
                match self {
                    $( Attribute::$var(_) => Name::Tag(Tag::$var), )+
                    Attribute::Unknown(el) => el.name.clone(),
                }
            }

            /// The element tag (`None` for an unknown attribute whose name
            /// is not in the CSP tables).
            pub fn tag(&self) -> Option<Tag> {
                self.name().tag()
            }

            /// The empty attribute `tag` (a selector), if `tag` is a PA 1.2
            /// attribute.
            pub fn selector(tag: Tag) -> Option<Attribute> {
                match tag {
                    $( Tag::$var => Some(Attribute::$var(<$ty>::default())), )+
                    _ => None,
                }
            }

            /// Whether the attribute is empty: a selector naming a wanted
            /// attribute rather than a value.
            pub fn is_selector(&self) -> bool {
                match self {
                    $( Attribute::$var(a) => a.is_selector(), )+
                    Attribute::Unknown(el) => el.children.is_empty(),
                }
            }

            /// The `Qualifier` (`None` for unknown attributes).
            pub fn qualifier(&self) -> Option<&Boolean> {
                match self {
                    $( Attribute::$var(a) => a.qualifier.as_ref(), )+
                    Attribute::Unknown(_) => None,
                }
            }

            /// Decodes the attribute whose `Start` was just read onto the
            /// end of `list`, in place: built on the stack and moved in, a
            /// short attribute was read back right after its fields were
            /// written, which stalls.
            fn decode_push<'a>(
                list: &mut Vec<Attribute>,
                start: Start<'a>,
                d: &mut Decoder<'_, 'a>,
            ) -> Result<(), Error> {
                match &start.name {
                    $(
                        Name::Tag(Tag::$var) => {
                            list.resize_with(list.len() + 1, || Attribute::$var(<$ty>::default()));
                            match list.last_mut() {
                                Some(Attribute::$var(a)) => <$ty as FromEvents>::decode_into(a, start, d),
                                _ => Ok(()),
                            }
                        }
                    )+
                    _ => {
                        let unknown = Attribute::decode_unknown(start, d)?;
                        list.push(unknown);
                        Ok(())
                    }
                }
            }

            /// Writes the whole attribute element.
            fn encode(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
                match self {
                    $( Attribute::$var(a) => e.child(Tag::$var, a), )+
                    Attribute::Unknown(el) => el.encode(e),
                }
            }
        }

        $(
            impl From<$var> for Attribute {
                fn from(a: $var) -> Self {
                    Attribute::$var(a.into())
                }
            }

            impl PresenceAttribute for $var {
                fn qualifier(&self) -> Option<&Boolean> {
                    self.qualifier.as_ref()
                }

                fn from_attribute(attribute: &Attribute) -> Option<&Self> {
                    match attribute {
                        Attribute::$var(a) => Some(std::borrow::Borrow::borrow(a)),
                        _ => None,
                    }
                }
            }
        )+

        #[cfg(any(test, feature = "proptest"))]
        impl crate::arb::Arb for Attribute {
            fn arb() -> proptest::strategy::BoxedStrategy<Self> {
                use proptest::strategy::Strategy;
                proptest::strategy::Union::new_weighted(vec![
                    $( (4, <$ty as crate::arb::Arb>::arb().prop_map(Attribute::$var).boxed()), )+
                    (1, crate::arb::unknown_element().prop_map(Attribute::Unknown).boxed()),
                ])
                .boxed()
            }
        }
    };
}

attributes! {
    /// `OnlineStatus`.
    OnlineStatus(OnlineStatus),
    /// `Registration`.
    Registration(Registration),
    /// `ClientInfo` (boxed: large, and rarer than the status attributes).
    ClientInfo(Box<ClientInfo>),
    /// `TimeZone`.
    TimeZone(TimeZone),
    /// `GeoLocation` (boxed: large, and rarer than the status attributes).
    GeoLocation(Box<GeoLocation>),
    /// `Address` (boxed: large, and rarer than the status attributes).
    Address(Box<Address>),
    /// `FreeTextLocation`.
    FreeTextLocation(FreeTextLocation),
    /// `PLMN`.
    Plmn(Plmn),
    /// `CommCap`.
    CommCap(CommCap),
    /// `UserAvailability`.
    UserAvailability(UserAvailability),
    /// `PreferredContacts`.
    PreferredContacts(PreferredContacts),
    /// `PreferredLanguage`.
    PreferredLanguage(PreferredLanguage),
    /// `StatusText`.
    StatusText(StatusText),
    /// `StatusMood`.
    StatusMood(StatusMood),
    /// `Alias`.
    Alias(Alias),
    /// `StatusContent` (boxed: large, and rarer than the status attributes).
    StatusContent(Box<StatusContent>),
    /// `ContactInfo` (boxed: large, and rarer than the status attributes).
    ContactInfo(Box<ContactInfo>),
    /// `InfoLink` (PA 1.2).
    InfoLink(InfoLink),
}

/// PA elements that are not attributes: in a `PresenceSubList` they are
/// out of place.
fn is_pa_child(name: &Name<'_>) -> bool {
    matches!(
        name.tag(),
        Some(
            Tag::Qualifier
                | Tag::PresenceValue
                | Tag::CommC
                | Tag::Cap
                | Tag::Status
                | Tag::Contact
                | Tag::Note
                | Tag::AddrPref
                | Tag::PrefC
                | Tag::Caddr
                | Tag::Cstatus
                | Tag::Cname
                | Tag::Cpriority
                | Tag::ClientType
                | Tag::DevManufacturer
                | Tag::ClientProducer
                | Tag::Model
                | Tag::ClientVersion
                | Tag::Language
                | Tag::Zone
                | Tag::Longitude
                | Tag::Latitude
                | Tag::Altitude
                | Tag::Accuracy
                | Tag::Country
                | Tag::City
                | Tag::Street
                | Tag::Crossing1
                | Tag::Crossing2
                | Tag::Building
                | Tag::NamedArea
                | Tag::DirectContent
                | Tag::ReferredContent
                | Tag::ContainedvCard
                | Tag::ReferredvCard
                | Tag::InfLink
                | Tag::Link
                | Tag::Text
                | Tag::PresenceSubList
        )
    )
}

impl Attribute {
    fn decode_unknown<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        if d.strict() {
            let found = start.name.as_xml();
            return Err(d.error(if is_pa_child(&start.name) {
                ErrorKind::Unexpected {
                    expected: "a presence attribute",
                    found: format!("<{found}>").into(),
                }
            } else {
                ErrorKind::UnknownElement(found.into())
            }));
        }
        Ok(Attribute::Unknown(d.subtree(start)?))
    }
}

/// `PresenceSubList`: presence attributes (or, in requests, the names of the
/// wanted attributes as empty elements); see the [module docs](self).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct PresenceSubList {
    /// The PA namespace declared on the element (`http://www.wireless-village.org/PA1.1`,
    /// `http://www.openmobilealliance.org/DTD/WV-PA1.2`, …), if any.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub xmlns: Option<Cow<'static, str>>,
    /// The attributes, in document order.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub attributes: Vec<Attribute>,
    /// Stray text between the attributes, kept.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub extra: Vec<Node>,
}

impl PresenceSubList {
    /// An empty list declaring the PA namespace of CSP `version` (PA 1.1 for
    /// CSP 1.1, PA 1.2 for CSP 1.2, PA 1.3 for CSP 1.3).
    pub fn new(version: CspVersion) -> Self {
        PresenceSubList {
            xmlns: Some(Cow::Borrowed(version.namespace(NamespaceKind::Pa))),
            ..PresenceSubList::default()
        }
    }

    /// A list of selectors: the empty attributes `tags` (tags that are not
    /// PA 1.2 attributes become empty unknown attributes).
    pub fn selectors(version: CspVersion, tags: impl IntoIterator<Item = Tag>) -> Self {
        let mut list = PresenceSubList::new(version);
        for tag in tags {
            list.attributes.push(
                Attribute::selector(tag).unwrap_or_else(|| Attribute::Unknown(Element::new(tag))),
            );
        }
        list
    }

    /// Appends an attribute.
    pub fn push(&mut self, attribute: impl Into<Attribute>) -> &mut Self {
        self.attributes.push(attribute.into());
        self
    }

    /// The same list with `attribute` appended.
    pub fn with(mut self, attribute: impl Into<Attribute>) -> Self {
        self.attributes.push(attribute.into());
        self
    }

    /// The first attribute of model `T`.
    pub fn get<T: PresenceAttribute>(&self) -> Option<&T> {
        self.attributes.iter().find_map(T::from_attribute)
    }

    /// Every attribute of model `T` (CSP 1.3 may carry several).
    pub fn all<'a, T: PresenceAttribute + 'a>(&'a self) -> impl Iterator<Item = &'a T> {
        self.attributes.iter().filter_map(T::from_attribute)
    }

    /// The attributes the model does not know.
    pub fn unknown(&self) -> impl Iterator<Item = &Element> {
        self.attributes.iter().filter_map(|a| match a {
            Attribute::Unknown(el) => Some(el),
            _ => None,
        })
    }

    /// Whether every attribute is a selector (an empty list is one: "all
    /// attributes" where requests allow it).
    pub fn is_selector_list(&self) -> bool {
        self.attributes.iter().all(Attribute::is_selector)
    }

    /// The names of the attributes, in order (for a selector list: the
    /// wanted attributes).
    pub fn names(&self) -> impl Iterator<Item = Name<'_>> {
        self.attributes.iter().map(Attribute::name)
    }

    /// The CSP version whose PA namespace the list declares, if it declares
    /// a PA namespace.
    pub fn version(&self) -> Option<CspVersion> {
        pa_version(self.xmlns.as_deref())
    }
}

fn pa_version(xmlns: Option<&str>) -> Option<CspVersion> {
    match xmlns.and_then(CspVersion::from_namespace) {
        Some((v, NamespaceKind::Pa)) => Some(v),
        _ => None,
    }
}

impl Named for PresenceSubList {
    const TAG: Tag = Tag::PresenceSubList;
}

impl FromEvents for PresenceSubList {
    fn from_events<'a>(start: Start<'a>, d: &mut Decoder<'_, 'a>) -> Result<Self, Error> {
        let xmlns = start.xmlns.map(intern_xmlns);
        let version = match (pa_version(xmlns.as_deref()), xmlns.as_deref()) {
            (Some(v), _) => v,
            (None, Some(uri)) if d.strict() => {
                return Err(d.error(ErrorKind::Version(
                    format!("{uri:?} is not a presence attribute namespace").into(),
                )))
            }
            (None, _) => d.version(),
        };
        let mut attributes: Vec<Attribute> = Vec::new();
        let mut extra = Vec::new();
        each_child!(d, extra, child => {
            Attribute::decode_push(&mut attributes, child, d)?;
            if d.strict() {
                if let Some((attribute, before)) = attributes.split_last() {
                    check_strict(attribute, before, version, d)?;
                }
            }
        });
        Ok(PresenceSubList {
            xmlns,
            attributes,
            extra,
        })
    }
}

/// The strict checks that need the whole attribute: a `Qualifier` with
/// every value, no `InfoLink` in PA 1.1, one attribute of a kind before
/// PA 1.3.
fn check_strict(
    attribute: &Attribute,
    before: &[Attribute],
    version: CspVersion,
    d: &Decoder<'_, '_>,
) -> Result<(), Error> {
    let name = attribute.name();
    if !attribute.is_selector() && attribute.qualifier().is_none() {
        if let Attribute::Unknown(_) = attribute {
            return Ok(());
        }
        return Err(d.missing(&name, Tag::Qualifier));
    }
    if version == CspVersion::V1_1 && matches!(attribute, Attribute::InfoLink(_)) {
        return Err(d.error_in(
            &name,
            ErrorKind::Unexpected {
                expected: "a PA 1.1 attribute",
                found: "<InfoLink> (new in PA 1.2)".into(),
            },
        ));
    }
    if version < CspVersion::V1_3 && before.iter().any(|b| b.name() == name) {
        return Err(d.error_in(
            &name,
            ErrorKind::Unexpected {
                expected: "at most one attribute of a kind (PA 1.1/1.2)",
                found: format!("a second <{}>", name.as_xml()).into(),
            },
        ));
    }
    Ok(())
}

impl ToEvents for PresenceSubList {
    fn to_events(&self, e: &mut Encoder<'_>) -> Result<(), Error> {
        for a in &self.attributes {
            a.encode(e)?;
        }
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
            proptest::option::of(prop_oneof![
                Just(Cow::Borrowed(CspVersion::V1_1.namespace(NamespaceKind::Pa))),
                Just(Cow::Borrowed(CspVersion::V1_2.namespace(NamespaceKind::Pa))),
            ]),
            proptest::collection::vec(<Attribute as crate::arb::Arb>::arb(), 0..5),
        )
            .prop_map(|(xmlns, attributes)| PresenceSubList {
                xmlns,
                attributes,
                extra: Vec::new(),
            })
            .boxed()
    }
}
