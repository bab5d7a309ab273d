//! serde helpers for the JSON shape (feature `serde`).

/// Which field values the JSON leaves out: absent options and empty lists.
/// Every model value (required children, booleans) is always written.
pub(crate) trait Omit {
    /// Whether the value is left out.
    fn omit(&self) -> bool;
}

impl<T> Omit for Option<T> {
    fn omit(&self) -> bool {
        self.is_none()
    }
}

impl<T> Omit for Vec<T> {
    fn omit(&self) -> bool {
        self.is_empty()
    }
}

impl<T: crate::codec::FromEvents> Omit for T {
    fn omit(&self) -> bool {
        false
    }
}

/// `skip_serializing_if` for every model field.
pub(crate) fn omit<T: Omit>(value: &T) -> bool {
    value.omit()
}

/// Element names as their XML spelling (`"Login-Request"`, `"x-vendor"`,
/// `"_wbxml-05-3F"`).
pub(crate) mod name {
    use std::borrow::Cow;

    use imps_event::Name;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(name: &Name<'static>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&name.as_xml())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Name<'static>, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match Name::from_xml(&s) {
            Name::Other(_) => Name::Other(Cow::Owned(s)),
            other => other.into_owned(),
        })
    }
}

/// Date-times as their ISO 8601 basic text (`"20010925T134013Z"`).
pub(crate) mod date_time {
    use imps_event::DateTime;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(dt: &DateTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(dt)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(D::Error::custom)
    }
}

/// Bytes as lower-case hex text.
pub(crate) mod hex {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        let mut out = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
        }
        s.serialize_str(&out)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        let digits = s.as_bytes();
        if digits.len() % 2 != 0 {
            return Err(D::Error::custom("odd number of hex digits"));
        }
        let val = |c: u8| -> Result<u8, D::Error> {
            (c as char)
                .to_digit(16)
                .map(|v| v as u8)
                .ok_or_else(|| D::Error::custom("not a hex digit"))
        };
        digits
            .chunks(2)
            .map(|p| Ok((val(p[0])? << 4) | val(p[1])?))
            .collect()
    }
}

/// CSP versions as `"1.1"`, `"1.2"`, `"1.3"`.
pub(crate) mod version {
    use imps_event::CspVersion;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &CspVersion, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.as_str())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CspVersion, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(D::Error::custom)
    }
}
