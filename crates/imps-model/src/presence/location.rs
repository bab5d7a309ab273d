//! Location attributes (WV-PA "TimeZone", "GeoLocation", "Address",
//! "FreeTextLocation", "PLMN"): where the user is.
//!
//! Coordinates and accuracies are text as the PA examples write them
//! (`35 24 15.652W`, `200`): the specification's formats were not available
//! (see `spec/pa/README.md`), so nothing is parsed or normalised.

use crate::leaf::Text;
use crate::presence::values::Boolean;

element! {
    /// `TimeZone (Qualifier?, Zone?)`.
    pub struct TimeZone: TimeZone {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Zone`: the offset from UTC (`+02`).
        zone: opt(Zone => Text),
    }
}

element! {
    /// `GeoLocation (Qualifier?, Longitude?, Latitude?, Altitude?,
    /// Accuracy?)`.
    pub struct GeoLocation: GeoLocation {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Longitude` (`35 24 15.652W`).
        longitude: opt(Longitude => Text),
        /// `Latitude` (`12 36 22.5N`).
        latitude: opt(Latitude => Text),
        /// `Altitude`.
        altitude: opt(Altitude => Text),
        /// `Accuracy` (metres).
        accuracy: opt(Accuracy => Text),
    }
}

element! {
    /// `Address (Qualifier?, Country?, City?, Street?, Crossing1?,
    /// Crossing2?, Building?, NamedArea?, Accuracy?)`.
    pub struct Address: Address {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `Country` (`GB`).
        country: opt(Country => Text),
        /// `City`.
        city: opt(City => Text),
        /// `Street`.
        street: opt(Street => Text),
        /// `Crossing1`: a crossing street.
        crossing1: opt(Crossing1 => Text),
        /// `Crossing2`: another crossing street.
        crossing2: opt(Crossing2 => Text),
        /// `Building`.
        building: opt(Building => Text),
        /// `NamedArea`: a named area (park, campus…).
        named_area: opt(NamedArea => Text),
        /// `Accuracy` (metres).
        accuracy: opt(Accuracy => Text),
    }
}

element! {
    /// `FreeTextLocation (Qualifier?, PresenceValue?)`: the location as
    /// free text (`At home`).
    pub struct FreeTextLocation: FreeTextLocation {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the text.
        value: opt(PresenceValue => Text),
    }
}

element! {
    /// `PLMN (Qualifier?, PresenceValue?)`: the mobile network the user's
    /// terminal is in (operator name, `Sonera`).
    pub struct Plmn: Plmn {
        /// `Qualifier`.
        qualifier: opt(Qualifier => Boolean),
        /// `PresenceValue`: the network.
        value: opt(PresenceValue => Text),
    }
}
