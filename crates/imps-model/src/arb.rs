//! proptest strategies for every model (feature `proptest`; always on in this
//! crate's own tests).
//!
//! `T::arb()` generates arbitrary *valid* values: every required child
//! present, leaf text without leading or trailing whitespace (XML readers may
//! trim it), `Unknown` values that cannot collide with a named one, and no
//! unknown extra elements (see [`unknown_element`] for those).
//!
//! ```
//! use imps_model::arb::Arb;
//! use proptest::strategy::{Strategy, ValueTree};
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! let msg = imps_model::Message::arb().new_tree(&mut runner).unwrap().current();
//! assert!(!msg.session.transactions.is_empty());
//! ```

use std::borrow::Cow;

use imps_event::{DateTime, Name, Zone};
use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;

use crate::element::{AnyContent, Element, Node};
use crate::leaf::ContentData;

/// A type with a canonical strategy.
pub trait Arb: Sized + std::fmt::Debug {
    /// The strategy.
    fn arb() -> BoxedStrategy<Self>;
}

/// Text as a leaf may hold: possibly empty, no surrounding whitespace,
/// including characters XML must escape and non-ASCII ones.
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        1 => Just(String::new()),
        8 => "[a-zA-Z0-9._@:/#~+-]([a-zA-Z0-9 ._@:/#&<>'\"äöü€中~+-]{0,14}[a-zA-Z0-9.@#]|)",
    ]
    .boxed()
}

impl Arb for String {
    fn arb() -> BoxedStrategy<Self> {
        text()
    }
}

impl Arb for crate::leaf::Text {
    fn arb() -> BoxedStrategy<Self> {
        text().prop_map(crate::leaf::Text::from).boxed()
    }
}

impl Arb for u32 {
    fn arb() -> BoxedStrategy<Self> {
        prop_oneof![0u32..1000, any::<u32>()].boxed()
    }
}

impl Arb for bool {
    fn arb() -> BoxedStrategy<Self> {
        any::<bool>().boxed()
    }
}

impl Arb for DateTime {
    fn arb() -> BoxedStrategy<Self> {
        (
            1990u16..2040,
            1u8..=12,
            1u8..=28,
            0u8..24,
            0u8..60,
            0u8..60,
            prop_oneof![Just(Zone::UTC), Just(Zone::Local)],
        )
            .prop_filter_map("valid date", |(y, mo, d, h, mi, s, z)| {
                DateTime::new(y, mo, d, h, mi, s, z).ok()
            })
            .boxed()
    }
}

impl Arb for crate::leaf::Timestamp {
    fn arb() -> BoxedStrategy<Self> {
        use crate::leaf::Timestamp;
        prop_oneof![
            4 => DateTime::arb().prop_map(Timestamp::DateTime),
            1 => (DateTime::arb(), 0u8..14, prop_oneof![Just("+"), Just("-")]).prop_map(
                |(dt, h, sign)| {
                    let base = dt.to_string();
                    let local = base.trim_end_matches('Z');
                    Timestamp::Offset(format!("{local}{sign}{h:02}:00"))
                }
            ),
        ]
        .boxed()
    }
}

impl Arb for ContentData {
    fn arb() -> BoxedStrategy<Self> {
        text().prop_map(ContentData::Text).boxed()
    }
}

impl Arb for AnyContent {
    fn arb() -> BoxedStrategy<Self> {
        prop_oneof![
            Just(AnyContent::default()),
            "[a-zA-Z0-9]{1,10}".prop_map(|t| AnyContent {
                children: vec![Node::Text(t)]
            }),
            proptest::collection::vec(unknown_element(), 1..3).prop_map(|els| AnyContent {
                children: els.into_iter().map(Node::Element).collect()
            }),
        ]
        .boxed()
    }
}

impl Arb for Element {
    fn arb() -> BoxedStrategy<Self> {
        unknown_element()
    }
}

/// A small element whose name no table knows (`x-…`), with text or one
/// level of children: what lenient decoding keeps in `extra`.
pub fn unknown_element() -> BoxedStrategy<Element> {
    let leaf = ("x-[a-z]{1,6}", "[a-zA-Z0-9]{1,8}").prop_map(|(n, t)| Element {
        name: Name::Other(Cow::Owned(n)),
        xmlns: None,
        children: vec![Node::Text(t)],
    });
    let parent = (
        "x-[a-z]{1,6}",
        proptest::collection::vec(leaf.clone(), 1..3),
    )
        .prop_map(|(n, kids)| Element {
            name: Name::Other(Cow::Owned(n)),
            xmlns: None,
            children: kids.into_iter().map(Node::Element).collect(),
        });
    prop_oneof![leaf, parent].boxed()
}

/// A value of a value set: a named one, or an `Unknown` spelling that no
/// named value has (`x-…`).
pub fn value_set<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
    unknown: fn(String) -> T,
) -> BoxedStrategy<T> {
    prop_oneof![
        4 => proptest::sample::select(all),
        1 => "x-[a-zA-Z0-9]{1,6}".prop_map(unknown),
    ]
    .boxed()
}

impl<T: Arb + 'static> Arb for Box<T> {
    fn arb() -> BoxedStrategy<Self> {
        T::arb().prop_map(Box::new).boxed()
    }
}
