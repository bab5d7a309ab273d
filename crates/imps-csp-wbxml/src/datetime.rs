//! The packed WV date-time: OMA IMPS CSP WBXML definition, "Date and Time"
//! encoding of `DateTime` / `DeliveryTime` as a 6-byte `OPAQUE`.
//!
//! Bit layout, most significant first: 2 bits zero, 12 bits year, 4 bits
//! month, 5 bits day, 5 bits hour, 6 bits minute, 6 bits second, then one
//! byte with the zone designator character (`'Z'` = UTC, any military zone
//! letter). A zone byte of `0x00` means "no designator" (local time): that is
//! what libwbxml writes for dates without a zone (`testvectors/wbxml-stream-wv/
//! wv-106-datetime.wbxml`: `20010925T1340` → `1F 46 72 DA 00 00`), and the only
//! way to express [`Zone::Local`].

use imps_event::{DateTime, Zone};

/// Packs a date-time into the 6-byte form.
///
/// ```
/// use imps_csp_wbxml::{pack_datetime, unpack_datetime};
/// let d: imps_event::DateTime = "20010925T165859Z".parse().unwrap();
/// assert_eq!(pack_datetime(&d), [0x1F, 0x46, 0x73, 0x0E, 0xBB, 0x5A]);
/// assert_eq!(unpack_datetime(&[0x1F, 0x46, 0x73, 0x0E, 0xBB, 0x5A]), Some(d));
/// ```
pub fn pack_datetime(d: &DateTime) -> [u8; 6] {
    let mut v: u64 = u64::from(d.year() & 0x0FFF);
    v = (v << 4) | u64::from(d.month() & 0x0F);
    v = (v << 5) | u64::from(d.day() & 0x1F);
    v = (v << 5) | u64::from(d.hour() & 0x1F);
    v = (v << 6) | u64::from(d.minute() & 0x3F);
    v = (v << 6) | u64::from(d.second() & 0x3F);
    let b = v.to_be_bytes();
    let zone = match d.zone() {
        Zone::Local => 0,
        Zone::Letter(l) => l,
    };
    [b[3], b[4], b[5], b[6], b[7], zone]
}

/// Unpacks the 6-byte form; `None` when the length is not 6, the two top bits
/// are set, a field is out of range, or the zone byte is neither `0x00` nor a
/// military zone letter.
pub fn unpack_datetime(bytes: &[u8]) -> Option<DateTime> {
    let [a, b, c, d, e, zone] = *bytes else {
        return None;
    };
    if a & 0xC0 != 0 {
        return None;
    }
    let v = u64::from_be_bytes([0, 0, 0, a, b, c, d, e]);
    // The masks make every cast lossless.
    let second = (v & 0x3F) as u8;
    let minute = ((v >> 6) & 0x3F) as u8;
    let hour = ((v >> 12) & 0x1F) as u8;
    let day = ((v >> 17) & 0x1F) as u8;
    let month = ((v >> 22) & 0x0F) as u8;
    let year = ((v >> 26) & 0x0FFF) as u16;
    let zone = match zone {
        0 => Zone::Local,
        l => Zone::Letter(l),
    };
    DateTime::new(year, month, day, hour, minute, second, zone).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libwbxml_local_time_uses_zone_byte_zero() {
        let d = unpack_datetime(&[0x1F, 0x46, 0x72, 0xDA, 0x00, 0x00]).unwrap();
        assert_eq!(d.to_string(), "20010925T134000");
        assert_eq!(d.zone(), Zone::Local);
        let d2 = unpack_datetime(&[0x1F, 0x46, 0x72, 0xDA, 0x0D, 0x00]).unwrap();
        assert_eq!(d2.to_string(), "20010925T134013");
        assert_eq!(pack_datetime(&d2), [0x1F, 0x46, 0x72, 0xDA, 0x0D, 0x00]);
    }

    #[test]
    fn refuses_bad_packings() {
        assert_eq!(unpack_datetime(&[0x1F, 0x46, 0x73, 0x0E, 0xBB]), None);
        assert_eq!(unpack_datetime(&[0x5F, 0x46, 0x73, 0x0E, 0xBB, 0x5A]), None);
        // month 0
        assert_eq!(unpack_datetime(&[0x1F, 0x44, 0x33, 0x0E, 0xBB, 0x5A]), None);
        // zone 'J' and lower-case
        assert_eq!(unpack_datetime(&[0x1F, 0x46, 0x73, 0x0E, 0xBB, b'J']), None);
        assert_eq!(unpack_datetime(&[0x1F, 0x46, 0x73, 0x0E, 0xBB, b'z']), None);
    }
}
