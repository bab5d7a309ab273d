//! Location attributes (WV-PA "TimeZone", "GeoLocation", "Address",
//! "FreeTextLocation", "PLMN"): where the user is.
//!
//! Coordinates and accuracies are text as the PA examples write them
//! (`35 24 15.652W`, `200`): the specification's formats were not available
//! (see `spec/pa/README.md`), so nothing is parsed or normalised.

use crate::presence::values::Boolean;

element! {
    /// `TimeZone (Qualifier?, Zone?)`.
    pub struct TimeZone: TimeZone {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Zone`: the offset from UTC (`+02`).
        zone: opt(Zone => String),
    }
}

element! {
    /// `GeoLocation (Qualifier?, Longitude?, Latitude?, Altitude?,
    /// Accuracy?)`.
    pub struct GeoLocation: GeoLocation {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Longitude` (`35 24 15.652W`).
        longitude: opt(Longitude => String),
        /// `Latitude` (`12 36 22.5N`).
        latitude: opt(Latitude => String),
        /// `Altitude`.
        altitude: opt(Altitude => String),
        /// `Accuracy` (metres).
        accuracy: opt(Accuracy => String),
    }
}

element! {
    /// `Address (Qualifier?, Country?, City?, Street?, Crossing1?,
    /// Crossing2?, Building?, NamedArea?, Accuracy?)`.
    pub struct Address: Address {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Country` (`GB`).
        country: opt(Country => String),
        /// `City`.
        city: opt(City => String),
        /// `Street`.
        street: opt(Street => String),
        /// `Crossing1`: a crossing street.
        crossing1: opt(Crossing1 => String),
        /// `Crossing2`: another crossing street.
        crossing2: opt(Crossing2 => String),
        /// `Building`.
        building: opt(Building => String),
        /// `NamedArea`: a named area (park, campus…).
        named_area: opt(NamedArea => String),
        /// `Accuracy` (metres).
        accuracy: opt(Accuracy => String),
    }
}

element! {
    /// `FreeTextLocation (Qualifier?, PresenceValue?)`: the location as
    /// free text (`At home`).
    pub struct FreeTextLocation: FreeTextLocation {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the text.
        value: opt(PresenceValue => String),
    }
}

element! {
    /// `PLMN (Qualifier?, PresenceValue?)`: the mobile network the user's
    /// terminal is in (operator name, `Sonera`).
    pub struct Plmn: Plmn {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the network.
        value: opt(PresenceValue => String),
    }
}
