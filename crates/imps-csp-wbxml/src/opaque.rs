//! WV integers: OMA IMPS CSP WBXML definition, "Integer" typed elements.
//!
//! An integer element's value travels as `OPAQUE` holding the value in
//! big-endian bytes. Phones write the minimal number of bytes, and one byte
//! `00` for zero (Android's choice, "safer" than libwbxml's empty OPAQUE
//! `C3 00`, which this decoder also accepts).

/// Decodes 0–4 big-endian bytes (`[]` is 0). `None` for more than 4 bytes.
///
/// ```
/// use imps_csp_wbxml::{decode_integer, encode_integer};
/// assert_eq!(decode_integer(&[0x02, 0x13]), Some(531));
/// assert_eq!(decode_integer(&[]), Some(0));
/// assert_eq!(decode_integer(&[1, 2, 3, 4, 5]), None);
/// assert_eq!(encode_integer(0).as_ref(), [0x00]);
/// assert_eq!(encode_integer(86400).as_ref(), [0x01, 0x51, 0x80]);
/// ```
pub fn decode_integer(bytes: &[u8]) -> Option<u32> {
    if bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |v, &b| (v << 8) | u32::from(b)))
}

/// The minimal big-endian bytes of `value` (at least one byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntegerBytes {
    bytes: [u8; 4],
    start: u8,
}

impl AsRef<[u8]> for IntegerBytes {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[usize::from(self.start)..]
    }
}

/// Encodes `value` as minimal big-endian bytes; zero is one `00` byte.
pub fn encode_integer(value: u32) -> IntegerBytes {
    let bytes = value.to_be_bytes();
    let leading = (value.leading_zeros() / 8).min(3);
    IntegerBytes {
        bytes,
        // At most 3.
        start: leading as u8,
    }
}

/// Parses decimal text the way the writer turns integer-element text into
/// OPAQUE: 1–10 ASCII digits, value within `u32`. No sign, no whitespace.
pub fn parse_decimal(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 10 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_both_ways() {
        for (v, bytes) in [
            (0u32, &[0u8][..]),
            (1, &[1]),
            (0xC9, &[0xC9]),
            (401, &[0x01, 0x91]),
            (0x0100_0000, &[1, 0, 0, 0]),
            (u32::MAX, &[0xFF; 4]),
        ] {
            assert_eq!(encode_integer(v).as_ref(), bytes);
            assert_eq!(decode_integer(bytes), Some(v));
        }
        assert_eq!(decode_integer(&[0, 0, 0, 7]), Some(7));
        assert_eq!(parse_decimal("4294967295"), Some(u32::MAX));
        for bad in ["", "4294967296", "-1", "+1", " 1", "1e3", "12345678901"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}
