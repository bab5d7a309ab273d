//! The declaration macros: every model is a short declaration, and these
//! macros generate the type, its decoder, its encoder, its proptest strategy
//! and (with the `serde` feature) its serde derive.
//!
//! # `element!`: an element with children
//!
//! ```text
//! element! {
//!     /// docs
//!     pub struct MessageInfo: MessageInfo {          // type : home Tag
//!         /// docs
//!         message_id: opt(MessageID => Text),      // optional leaf
//!         content_size: req(ContentSize => u32),     // required leaf
//!         recipient: req(Recipient => Recipient),    // required nested model
//!         users: many(User => User),                 // zero or more
//!         urls: some(URL => Text),                 // one or more
//!         getspi: flag(Getspi),                      // empty marker element -> bool
//!         entries: many_of(NickEntry),               // repeated choice (see choice!)
//!         entry: opt_of(NickEntry),                  // optional choice
//!     }
//! }
//! ```
//!
//! Children are accepted in any order (real clients do not keep the DTD
//! order) and written in the declared order. Unknown children (and stray
//! text) go to the generated `extra: Vec<Node>` field (lenient) or are
//! refused (strict).
//! A repeated singular child is kept in `extra` (lenient) or refused
//! (strict). A missing `req`/`some` child is an error in both modes.
//!
//! # `choice!`: alternatives between elements
//!
//! ```text
//! choice! { pub enum NickEntry { NickName(NickName => NickName), UserID(UserID => Text) } }
//! ```
//!
//! # `value_set!`: a closed set of wire strings
//!
//! ```text
//! value_set! { pub enum SessionType { Inband => "Inband", Outband => "Outband" } }
//! ```
//! generates the enum with an `Unknown(String)` variant, `ALL`, `as_str`,
//! `from_wire`, `FromStr`, `Display`, `Default` (the first value), the leaf
//! codec, serde as a string and a strategy.

/// The Rust type of a field.
macro_rules! field_ty {
    (req ($tag:ident => $ty:ty)) => { $ty };
    (opt ($tag:ident => $ty:ty)) => { Option<$ty> };
    (many ($tag:ident => $ty:ty)) => { Vec<$ty> };
    (some ($tag:ident => $ty:ty)) => { Vec<$ty> };
    (flag ($tag:ident)) => { bool };
    (many_of ($ty:ty)) => { Vec<$ty> };
    (opt_of ($ty:ty)) => { Option<$ty> };
}

/// Runs `$body` for each child element's `Start` (normalised), up to the
/// parent's `End`; other content goes to `$extra` (lenient) or is refused
/// (strict): [`crate::codec::Decoder::next_child`] in a loop. `continue` in
/// `$body` goes on with the next child.
macro_rules! each_child {
    ($d:ident, $extra:expr, $child:ident => $body:block) => {
        loop {
            let $child = match $d.next_tag() {
                ::imps_event::TagStep::Start(tag) => ::imps_event::Start {
                    name: ::imps_event::Name::Tag($crate::codec::model_tag(tag)),
                    xmlns: None,
                },
                ::imps_event::TagStep::End => break,
                ::imps_event::TagStep::Other => match $d.raw_next()? {
                    Some(::imps_event::Event::Start(mut child)) => {
                        $crate::codec::normalize_name(&mut child.name);
                        child
                    }
                    Some(::imps_event::Event::End) => break,
                    Some(other) => {
                        $d.stray(other, &mut $extra)?;
                        continue;
                    }
                    None => return Err($d.end_of_document()),
                },
            };
            $body
        }
    };
}

/// The tag-switch arm of a field named by one tag: decodes `$child` into
/// the field when `$tag` is the field's tag (choices: nothing, see
/// [`field_choice`]).
macro_rules! field_by_tag {
    ($this:ident . $field:ident, $seen:ident, $child:ident, $t:ident, $d:ident; many_of ($ty:ty)) => {};
    ($this:ident . $field:ident, $seen:ident, $child:ident, $t:ident, $d:ident; opt_of ($ty:ty)) => {};
    ($this:ident . $field:ident, $seen:ident, $child:ident, $t:ident, $d:ident; flag ($tag:ident)) => {
        if $t == ::imps_event::Tag::$tag {
            field_decode!($this.$field, $seen, $child, $d; flag ($tag));
            continue;
        }
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $t:ident, $d:ident; $card:ident ($tag:ident => $ty:ty)) => {
        if $t == ::imps_event::Tag::$tag {
            field_decode!($this.$field, $seen, $child, $d; $card ($tag => $ty));
            continue;
        }
    };
}

/// The arm of a choice field: decodes `$child` into the field when one of
/// the choice's alternatives takes it (other fields: nothing).
macro_rules! field_choice {
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; many_of ($ty:ty)) => {
        if <$ty as $crate::codec::Choice>::accepts(&$child.name) {
            field_decode!($this.$field, $seen, $child, $d; many_of ($ty));
            continue;
        }
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; opt_of ($ty:ty)) => {
        if <$ty as $crate::codec::Choice>::accepts(&$child.name) {
            field_decode!($this.$field, $seen, $child, $d; opt_of ($ty));
            continue;
        }
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; $card:ident $spec:tt) => {};
}

/// Decodes one child straight into its field of `$this` (`$seen`: whether
/// a `req` field was decoded already).
macro_rules! field_decode {
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; req ($tag:ident => $ty:ty)) => {
        if $seen {
            $d.duplicate($child, &mut $this.extra)?;
        } else {
            <$ty as $crate::codec::FromEvents>::decode_into(&mut $this.$field, $child, $d)?;
            $seen = true;
        }
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; opt ($tag:ident => $ty:ty)) => {
        if $this.$field.is_some() {
            $d.duplicate($child, &mut $this.extra)?;
        } else {
            <$ty as $crate::codec::FromEvents>::decode_some(&mut $this.$field, $child, $d)?;
        }
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; many ($tag:ident => $ty:ty)) => {
        <$ty as $crate::codec::FromEvents>::decode_push(&mut $this.$field, $child, $d)?
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; some ($tag:ident => $ty:ty)) => {
        <$ty as $crate::codec::FromEvents>::decode_push(&mut $this.$field, $child, $d)?
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; flag ($tag:ident)) => {
        if $this.$field {
            $d.duplicate($child, &mut $this.extra)?;
        } else {
            $d.empty()?;
            $this.$field = true;
        }
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; many_of ($ty:ty)) => {
        $this
            .$field
            .push(<$ty as $crate::codec::Choice>::decode_choice($child, $d)?)
    };
    ($this:ident . $field:ident, $seen:ident, $child:ident, $d:ident; opt_of ($ty:ty)) => {
        if $this.$field.is_some() {
            $d.duplicate($child, &mut $this.extra)?;
        } else {
            $this.$field = Some(<$ty as $crate::codec::Choice>::decode_choice($child, $d)?);
        }
    };
}

/// Checks that a required child was there.
macro_rules! field_finish {
    ($this:ident . $field:ident, $seen:ident, $d:ident, $start:ident; req ($tag:ident => $ty:ty)) => {
        if !$seen {
            return Err($d.missing(&$start.name, ::imps_event::Tag::$tag));
        }
    };
    ($this:ident . $field:ident, $seen:ident, $d:ident, $start:ident; some ($tag:ident => $ty:ty)) => {
        if $this.$field.is_empty() {
            return Err($d.missing(&$start.name, ::imps_event::Tag::$tag));
        }
    };
    ($this:ident . $field:ident, $seen:ident, $d:ident, $start:ident; $card:ident $spec:tt) => {};
}

/// Encodes a field.
macro_rules! field_encode {
    ($v:expr, $e:ident; req ($tag:ident => $ty:ty)) => {
        $e.child(::imps_event::Tag::$tag, $v)?
    };
    ($v:expr, $e:ident; opt ($tag:ident => $ty:ty)) => {
        if let Some(v) = $v {
            $e.child(::imps_event::Tag::$tag, v)?;
        }
    };
    ($v:expr, $e:ident; many ($tag:ident => $ty:ty)) => {
        for v in $v {
            $e.child(::imps_event::Tag::$tag, v)?;
        }
    };
    ($v:expr, $e:ident; some ($tag:ident => $ty:ty)) => {
        field_encode!($v, $e; many ($tag => $ty))
    };
    ($v:expr, $e:ident; flag ($tag:ident)) => {
        if *$v {
            $e.flag(::imps_event::Tag::$tag)?;
        }
    };
    ($v:expr, $e:ident; many_of ($ty:ty)) => {
        for v in $v {
            $crate::codec::Choice::encode_choice(v, $e)?;
        }
    };
    ($v:expr, $e:ident; opt_of ($ty:ty)) => {
        if let Some(v) = $v {
            $crate::codec::Choice::encode_choice(v, $e)?;
        }
    };
}

/// The proptest strategy of a field.
#[cfg(any(test, feature = "proptest"))]
macro_rules! field_arb {
    (req ($tag:ident => $ty:ty)) => {
        <$ty as $crate::arb::Arb>::arb()
    };
    (opt ($tag:ident => $ty:ty)) => {
        ::proptest::option::of(<$ty as $crate::arb::Arb>::arb())
    };
    (many ($tag:ident => $ty:ty)) => {
        ::proptest::collection::vec(<$ty as $crate::arb::Arb>::arb(), 0..3)
    };
    (some ($tag:ident => $ty:ty)) => {
        ::proptest::collection::vec(<$ty as $crate::arb::Arb>::arb(), 1..3)
    };
    (flag ($tag:ident)) => {
        ::proptest::bool::ANY
    };
    (many_of ($ty:ty)) => {
        ::proptest::collection::vec(<$ty as $crate::arb::Arb>::arb(), 0..3)
    };
    (opt_of ($ty:ty)) => {
        ::proptest::option::of(<$ty as $crate::arb::Arb>::arb())
    };
}

/// Declares an element model; see the module docs.
macro_rules! element {
    (
        $(#[$meta:meta])*
        pub struct $name:ident : $tag:ident {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $card:ident $spec:tt
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(default))]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[cfg_attr(
                    feature = "serde",
                    serde(skip_serializing_if = "crate::serde_support::omit")
                )]
                pub $field: field_ty!($card $spec),
            )*
            /// Content the model does not know (unknown child elements,
            /// stray text), kept so that re-encoding is lossless (written
            /// after the known children).
            #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
            pub extra: Vec<$crate::element::Node>,
        }

        impl $crate::codec::Named for $name {
            const TAG: ::imps_event::Tag = ::imps_event::Tag::$tag;
        }

        impl $name {
            /// Decodes the children into `this`, a fresh value.
            #[allow(unused_mut, unused_variables)]
            fn decode_fields<'a>(
                this: &mut Self,
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<(), ::imps_event::Error> {
                // Whether each `req` child was seen (named after the field).
                $( let mut $field = false; )*
                each_child!(d, this.extra, child => {
                    // The fields named by one tag: one switch on the tag
                    // (a chain of compares of the whole name per field
                    // otherwise); then the choices. A choice never takes
                    // a tag another field of the element takes.
                    if let ::imps_event::Name::Tag(tag) = child.name {
                        $( field_by_tag!(this.$field, $field, child, tag, d; $card $spec); )*
                    }
                    $( field_choice!(this.$field, $field, child, d; $card $spec); )*
                    d.unknown(child, &mut this.extra)?;
                });
                $( field_finish!(this.$field, $field, d, start; $card $spec); )*
                Ok(())
            }
        }

        impl $crate::codec::FromEvents for $name {
            fn from_events<'a>(
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<Self, ::imps_event::Error> {
                let mut this = <$name as Default>::default();
                $name::decode_fields(&mut this, start, d)?;
                Ok(this)
            }

            fn decode_into<'a>(
                slot: &mut Self,
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<(), ::imps_event::Error> {
                $name::decode_fields(slot, start, d)
            }

            fn decode_some<'a>(
                slot: &mut Option<Self>,
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<(), ::imps_event::Error> {
                $name::decode_fields(slot.insert(<$name as Default>::default()), start, d)
            }

            fn decode_push<'a>(
                list: &mut Vec<Self>,
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<(), ::imps_event::Error> {
                $crate::codec::reserve_first(list);
                // Built in place (a large default is not moved in).
                list.resize_with(list.len() + 1, <$name as Default>::default);
                match list.last_mut() {
                    Some(slot) => $name::decode_fields(slot, start, d),
                    None => Ok(()),
                }
            }
        }

        impl $crate::codec::ToEvents for $name {
            fn to_events(
                &self,
                e: &mut $crate::codec::Encoder<'_>,
            ) -> Result<(), ::imps_event::Error> {
                $( field_encode!(&self.$field, e; $card $spec); )*
                e.nodes(&self.extra)
            }
        }

        #[cfg(any(test, feature = "proptest"))]
        impl $crate::arb::Arb for $name {
            fn arb() -> ::proptest::strategy::BoxedStrategy<Self> {
                #[allow(unused_imports)]
                use ::proptest::strategy::{Just, Strategy};
                let s = Just(<$name as Default>::default()).boxed();
                $(
                    let s = (s, field_arb!($card $spec))
                        .prop_map(|(mut v, f)| {
                            v.$field = f;
                            v
                        })
                        .boxed();
                )*
                s
            }
        }
    };
}

/// Declares a choice between child elements; see the module docs.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $var:ident ($tag:ident => $ty:ty)
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum $name {
            $( $(#[$vmeta])* $var($ty), )+
        }

        impl $crate::codec::Choice for $name {
            fn accepts(name: &::imps_event::Name<'_>) -> bool {
                matches!(name, $( ::imps_event::Name::Tag(::imps_event::Tag::$tag) )|+)
            }

            fn decode_choice<'a>(
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<Self, ::imps_event::Error> {
                match start.name {
                    $(
                        ::imps_event::Name::Tag(::imps_event::Tag::$tag) => Ok($name::$var(
                            <$ty as $crate::codec::FromEvents>::from_events(start, d)?,
                        )),
                    )+
                    _ => Err(d.error(::imps_event::ErrorKind::UnknownElement(
                        start.name.as_xml().into(),
                    ))),
                }
            }

            fn encode_choice(
                &self,
                e: &mut $crate::codec::Encoder<'_>,
            ) -> Result<(), ::imps_event::Error> {
                match self {
                    $( $name::$var(v) => e.child(::imps_event::Tag::$tag, v), )+
                }
            }
        }

        #[cfg(any(test, feature = "proptest"))]
        impl $crate::arb::Arb for $name {
            fn arb() -> ::proptest::strategy::BoxedStrategy<Self> {
                use ::proptest::strategy::Strategy;
                ::proptest::strategy::Union::new(vec![
                    $( <$ty as $crate::arb::Arb>::arb().prop_map($name::$var).boxed(), )+
                ])
                .boxed()
            }
        }
    };
}

/// Declares a closed value set with an `Unknown(String)` extension variant;
/// see the module docs.
macro_rules! value_set {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $first:ident => $first_wire:literal
            $(, $var:ident => $wire:literal )* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            #[doc = concat!("`", $first_wire, "`")]
            $first,
            $( #[doc = concat!("`", $wire, "`")] $var, )*
            /// Any other value, kept as it came (refused by a strict decode).
            Unknown(String),
        }

        impl $name {
            /// Every named value, in declaration order.
            pub const ALL: &'static [$name] = &[$name::$first $(, $name::$var)*];

            /// What a strict decode expects (for error messages).
            pub const EXPECTED: &'static str = concat!("one of ", $first_wire $(, ", ", $wire)*);

            /// Whether this is a spelling the set does not name.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }

            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $name::$first => $first_wire,
                    $( $name::$var => $wire, )*
                    $name::Unknown(s) => s,
                }
            }

            /// The value of a wire spelling (surrounding whitespace ignored;
            /// other spellings become `Unknown`).
            pub fn from_wire(s: &str) -> Self {
                match $crate::leaf::trim(s) {
                    $first_wire => $name::$first,
                    $( $wire => $name::$var, )*
                    _ => $name::Unknown(s.to_owned()),
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$first
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::from_wire(s))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::from_wire(s)
            }
        }

        impl $crate::codec::FromEvents for $name {
            fn from_events<'a>(
                start: ::imps_event::Start<'a>,
                d: &mut $crate::codec::Decoder<'_, 'a>,
            ) -> Result<Self, ::imps_event::Error> {
                // The common case first, returned straight from
                // `from_wire`: a copy of its result, read right after it
                // was written, stalls.
                if !d.strict() {
                    if let Some(t) = d.leaf_text() {
                        return Ok($name::from_wire(t));
                    }
                }
                $crate::codec::decode_value(start, d, $name::from_wire, $name::is_unknown, $name::EXPECTED)
            }
        }

        impl $crate::codec::ToEvents for $name {
            fn to_events(
                &self,
                e: &mut $crate::codec::Encoder<'_>,
            ) -> Result<(), ::imps_event::Error> {
                e.text(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Ok($name::from_wire(&s))
            }
        }

        #[cfg(any(test, feature = "proptest"))]
        impl $crate::arb::Arb for $name {
            fn arb() -> ::proptest::strategy::BoxedStrategy<Self> {
                $crate::arb::value_set($name::ALL, $name::Unknown)
            }
        }
    };
}
