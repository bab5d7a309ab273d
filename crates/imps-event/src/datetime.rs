//! CSP date-time values (`DateTime`, `DeliveryTime`, …).
//!
//! WV-CSP writes dates as ISO 8601 basic-format text (`20010925T134013Z`) in
//! XML, and as a 6-byte packed OPAQUE in WBXML (packing lives in
//! `imps-csp-wbxml`). Real clients also send extended format
//! (`2001-09-25T13:40:13Z`), omit seconds, and use military zone letters.
//! Numeric UTC offsets (`+01:00`) cannot be packed; such text is kept as text.

use std::fmt;
use std::str::FromStr;

/// The zone designator of a [`DateTime`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Zone {
    /// No designator: local time of the sender.
    Local,
    /// A military zone letter (`A`–`Z` without `J`); `Z` is UTC.
    Letter(u8),
}

impl Zone {
    /// UTC (`Z`).
    pub const UTC: Zone = Zone::Letter(b'Z');
}

/// A calendar date and time of day, validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    zone: Zone,
}

/// Why a date-time was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateTimeError {
    /// The text is not one of the accepted ISO 8601 shapes.
    #[error("not an ISO 8601 date-time")]
    Syntax,
    /// A field is out of range (month 13, 31 April, hour 24, …).
    #[error("{0} out of range")]
    Range(&'static str),
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl DateTime {
    /// Builds a date-time, checking every field (year 0–4095, the range the
    /// packed WBXML form can hold; seconds 0–60 for a leap second).
    pub fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        zone: Zone,
    ) -> Result<Self, DateTimeError> {
        if year > 4095 {
            return Err(DateTimeError::Range("year"));
        }
        if !(1..=12).contains(&month) {
            return Err(DateTimeError::Range("month"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateTimeError::Range("day"));
        }
        if hour > 23 {
            return Err(DateTimeError::Range("hour"));
        }
        if minute > 59 {
            return Err(DateTimeError::Range("minute"));
        }
        if second > 60 {
            return Err(DateTimeError::Range("second"));
        }
        if let Zone::Letter(l) = zone {
            if !l.is_ascii_uppercase() || l == b'J' {
                return Err(DateTimeError::Range("zone"));
            }
        }
        Ok(DateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
            zone,
        })
    }

    /// Year (0–4095).
    pub fn year(&self) -> u16 {
        self.year
    }
    /// Month (1–12).
    pub fn month(&self) -> u8 {
        self.month
    }
    /// Day of the month (1–31).
    pub fn day(&self) -> u8 {
        self.day
    }
    /// Hour (0–23).
    pub fn hour(&self) -> u8 {
        self.hour
    }
    /// Minute (0–59).
    pub fn minute(&self) -> u8 {
        self.minute
    }
    /// Second (0–60).
    pub fn second(&self) -> u8 {
        self.second
    }
    /// Zone designator.
    pub fn zone(&self) -> Zone {
        self.zone
    }
}

/// Reads `n` ASCII digits.
fn digits(s: &[u8], n: usize) -> Option<(u32, &[u8])> {
    if s.len() < n {
        return None;
    }
    let (head, rest) = s.split_at(n);
    let mut v = 0u32;
    for &b in head {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(b - b'0');
    }
    Some((v, rest))
}

fn sep(s: &[u8], c: u8, extended: bool) -> Option<&[u8]> {
    if !extended {
        return Some(s);
    }
    s.strip_prefix(&[c])
}

impl FromStr for DateTime {
    type Err = DateTimeError;

    /// Accepts `YYYYMMDDTHHMM[SS][Z]` and `YYYY-MM-DDTHH:MM[:SS][Z]`, where
    /// `Z` may be any military zone letter.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let s = text.as_bytes();
        let extended = s.get(4) == Some(&b'-');
        let (year, s) = digits(s, 4).ok_or(DateTimeError::Syntax)?;
        let s = sep(s, b'-', extended).ok_or(DateTimeError::Syntax)?;
        let (month, s) = digits(s, 2).ok_or(DateTimeError::Syntax)?;
        let s = sep(s, b'-', extended).ok_or(DateTimeError::Syntax)?;
        let (day, s) = digits(s, 2).ok_or(DateTimeError::Syntax)?;
        let s = s.strip_prefix(b"T").ok_or(DateTimeError::Syntax)?;
        let (hour, s) = digits(s, 2).ok_or(DateTimeError::Syntax)?;
        let s = sep(s, b':', extended).ok_or(DateTimeError::Syntax)?;
        let (minute, mut s) = digits(s, 2).ok_or(DateTimeError::Syntax)?;
        let mut second = 0;
        let has_seconds = if extended {
            s.first() == Some(&b':')
        } else {
            s.first().is_some_and(u8::is_ascii_digit)
        };
        if has_seconds {
            let t = sep(s, b':', extended).ok_or(DateTimeError::Syntax)?;
            let (sec, t) = digits(t, 2).ok_or(DateTimeError::Syntax)?;
            second = sec;
            s = t;
        }
        let zone = match s {
            [] => Zone::Local,
            [l] if l.is_ascii_uppercase() => Zone::Letter(*l),
            _ => return Err(DateTimeError::Syntax),
        };
        // Each field has at most 4 digits, so the casts cannot truncate.
        DateTime::new(
            year as u16,
            month as u8,
            day as u8,
            hour as u8,
            minute as u8,
            second as u8,
            zone,
        )
    }
}

impl DateTime {
    /// The basic format WV-CSP uses (`20010925T134013Z`, as [`Display`]
    /// writes it) as ASCII bytes, without allocating: the buffer and how many
    /// of its bytes are used (15, or 16 with a zone letter). For writers that
    /// put the text straight into their output.
    ///
    /// ```
    /// use imps_event::{DateTime, Zone};
    /// let d = DateTime::new(2001, 9, 25, 13, 40, 13, Zone::UTC).unwrap();
    /// let (bytes, len) = d.to_basic_bytes();
    /// assert_eq!(&bytes[..len], b"20010925T134013Z");
    /// ```
    ///
    /// [`Display`]: fmt::Display
    pub fn to_basic_bytes(&self) -> ([u8; 16], usize) {
        let mut b = [b'0'; 16];
        let digits = |b: &mut [u8], mut v: u16| {
            for slot in b.iter_mut().rev() {
                // `v % 10` is a digit.
                *slot = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        digits(&mut b[0..4], self.year);
        digits(&mut b[4..6], self.month.into());
        digits(&mut b[6..8], self.day.into());
        b[8] = b'T';
        digits(&mut b[9..11], self.hour.into());
        digits(&mut b[11..13], self.minute.into());
        digits(&mut b[13..15], self.second.into());
        match self.zone {
            Zone::Letter(l) => {
                b[15] = l;
                (b, 16)
            }
            Zone::Local => (b, 15),
        }
    }
}

impl fmt::Display for DateTime {
    /// The basic format WV-CSP uses: `20010925T134013Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (bytes, len) = self.to_basic_bytes();
        // ASCII digits, `T` and an ASCII zone letter.
        f.write_str(std::str::from_utf8(&bytes[..len]).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_shapes_real_clients_send() {
        let full = DateTime::new(2001, 9, 25, 13, 40, 13, Zone::UTC).unwrap();
        for text in ["20010925T134013Z", "2001-09-25T13:40:13Z"] {
            assert_eq!(text.parse::<DateTime>().unwrap(), full, "{text}");
        }
        let no_seconds: DateTime = "20010925T1340".parse().unwrap();
        assert_eq!((no_seconds.minute(), no_seconds.second()), (40, 0));
        assert_eq!(no_seconds.zone(), Zone::Local);
        let military: DateTime = "2001-09-25T13:40:13A".parse().unwrap();
        assert_eq!(military.zone(), Zone::Letter(b'A'));
    }

    #[test]
    fn refuses_offsets_and_bad_fields() {
        for text in [
            "2001-09-25T13:40:13+01:00",
            "2001-09-25T13:40:13+1",
            "",
            "2001",
            "20010925",
        ] {
            assert_eq!(
                text.parse::<DateTime>(),
                Err(DateTimeError::Syntax),
                "{text}"
            );
        }
        assert_eq!(
            "20011325T134013Z".parse::<DateTime>(),
            Err(DateTimeError::Range("month"))
        );
        assert_eq!(
            "20010230T134013Z".parse::<DateTime>(),
            Err(DateTimeError::Range("day"))
        );
        assert_eq!(
            "20010925T244013Z".parse::<DateTime>(),
            Err(DateTimeError::Range("hour"))
        );
        assert_eq!(
            "20010925T134013J".parse::<DateTime>(),
            Err(DateTimeError::Range("zone"))
        );
    }

    #[test]
    fn display_is_basic_format() {
        let d: DateTime = "2001-09-25T13:40:13Z".parse().unwrap();
        assert_eq!(d.to_string(), "20010925T134013Z");
        let local: DateTime = "20000229T000000".parse().unwrap();
        assert_eq!(local.to_string(), "20000229T000000");
    }
}
