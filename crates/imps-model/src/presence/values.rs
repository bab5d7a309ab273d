//! Closed value sets of the presence attributes (WV-PA "Presence attribute
//! values"; the spellings are the WBXML presence value tokens 0x5B–0x77 of
//! `spec/pa/pa-value-tokens.tsv`, which the WBXML codec writes as
//! `EXT_T_0`).
//!
//! Like the CSP value sets (`value_set!`), every set keeps other spellings
//! as `Unknown(String)`; unlike them, a **strict** decode refuses an unknown
//! spelling, with the path of the element that holds it.

/// Declares a presence value set: what `value_set!` generates, but decoding
/// refuses `Unknown` spellings in strict mode.
macro_rules! pa_value_set {
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

            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $name::$first => $first_wire,
                    $( $name::$var => $wire, )*
                    $name::Unknown(s) => s,
                }
            }

            /// The value of a wire spelling (surrounding whitespace ignored;
            /// other spellings become `Unknown`, kept as they came).
            pub fn from_wire(s: &str) -> Self {
                match s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\r' | '\n')) {
                    $first_wire => $name::$first,
                    $( $wire => $name::$var, )*
                    _ => $name::Unknown(s.to_owned()),
                }
            }

            /// Whether this is a spelling the set does not name.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
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
                $crate::presence::values::decode_value(start, d, $name::from_wire, $name::is_unknown, $name::EXPECTED)
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

use imps_event::{Error, ErrorKind, Start};

use crate::codec::{Decoder, Value};

/// Decodes a value-set leaf; in strict mode an unknown spelling is an
/// `InvalidValue` error at the element holding it.
pub(crate) fn decode_value<'a, T>(
    start: Start<'a>,
    d: &mut Decoder<'_, 'a>,
    from_wire: fn(&str) -> T,
    is_unknown: fn(&T) -> bool,
    expected: &'static str,
) -> Result<T, Error> {
    if !d.strict() {
        return d.parse_leaf(|value| match value {
            Value::Text(t) => Ok(from_wire(t)),
            other => other.text().map(|t| from_wire(&t)),
        });
    }
    let leaf = d.leaf()?;
    let value = match &leaf.value {
        Value::Text(t) => from_wire(t),
        _ => from_wire(&leaf.clone().into_text()?),
    };
    if d.strict() && is_unknown(&value) {
        return Err(match &leaf.value {
            // `<X/>`: the reader has already left the element; name it.
            Value::Empty => d.error_in(
                &start.name,
                ErrorKind::InvalidValue {
                    expected,
                    found: "an empty element".into(),
                },
            ),
            _ => leaf.invalid(expected),
        });
    }
    Ok(value)
}

pa_value_set! {
    /// A WV boolean, `T` or `F`: every attribute's `Qualifier` (whether the
    /// value is valid), and the value of `OnlineStatus` and `Registration`.
    pub enum Boolean {
        True => "T",
        False => "F",
    }
}

impl Boolean {
    /// The value as a `bool` (`None` for an unknown spelling).
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Boolean::True => Some(true),
            Boolean::False => Some(false),
            Boolean::Unknown(_) => None,
        }
    }
}

impl From<bool> for Boolean {
    fn from(b: bool) -> Self {
        if b {
            Boolean::True
        } else {
            Boolean::False
        }
    }
}

pa_value_set! {
    /// The value of `UserAvailability`: how willing the user is to
    /// communicate.
    pub enum Availability {
        Available => "AVAILABLE",
        NotAvailable => "NOT_AVAILABLE",
        Discreet => "DISCREET",
    }
}

pa_value_set! {
    /// `ClientInfo/ClientType`: the kind of device (the CSP `ClientType` of a
    /// capability list is [`crate::ClientType`]; same spellings).
    pub enum ClientType {
        MobilePhone => "MOBILE_PHONE",
        Computer => "COMPUTER",
        Pda => "PDA",
        Cli => "CLI",
        Other => "OTHER",
    }
}

pa_value_set! {
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

pa_value_set! {
    /// `CommC/Status` and `AddrPref/Cstatus`: whether the means is open.
    pub enum CommStatus {
        Open => "OPEN",
        Closed => "CLOSED",
    }
}

pa_value_set! {
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
