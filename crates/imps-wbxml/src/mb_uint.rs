//! `mb_u_int32`: the multi-byte unsigned integer of WAP-192-WBXML-20010725 §5.1.
//!
//! Big-endian groups of 7 bits; every byte but the last has the high bit set.
//! A 32-bit value needs at most 5 bytes.

use crate::{Error, ErrorKind};

/// The most bytes a 32-bit `mb_u_int32` may take.
pub const MB_U32_MAX_LEN: usize = 5;

/// Reads an `mb_u_int32` at `pos`; returns the value and the position after it.
///
/// Errors: input ends inside the number, more than 5 bytes, or a value above
/// `u32::MAX`. Non-minimal encodings (leading `0x80` bytes) are accepted.
///
/// ```
/// use imps_wbxml::read_mb_u32;
/// assert_eq!(read_mb_u32(&[0x81, 0x25], 0), Ok((0xA5, 2)));
/// assert!(read_mb_u32(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00], 0).is_err());
/// ```
#[inline]
pub fn read_mb_u32(input: &[u8], pos: usize) -> Result<(u32, usize), Error> {
    // Fast path: one byte.
    match input.get(pos) {
        Some(&b) if b < 0x80 => return Ok((u32::from(b), pos + 1)),
        Some(_) => {}
        None => {
            return Err(Error::new(ErrorKind::UnexpectedEof("mb_u_int32"), pos));
        }
    }
    let mut value: u32 = 0;
    let mut i = pos;
    loop {
        if i - pos == MB_U32_MAX_LEN {
            return Err(Error::new(ErrorKind::MbUintTooLong, pos));
        }
        let Some(&b) = input.get(i) else {
            return Err(Error::new(ErrorKind::UnexpectedEof("mb_u_int32"), i));
        };
        if value > (u32::MAX >> 7) {
            return Err(Error::new(ErrorKind::MbUintOverflow, pos));
        }
        value = (value << 7) | u32::from(b & 0x7F);
        i += 1;
        if b & 0x80 == 0 {
            return Ok((value, i));
        }
    }
}

/// The number of bytes [`write_mb_u32`] uses for `value` (1–5).
pub const fn mb_u32_len(value: u32) -> usize {
    match value {
        0..=0x7F => 1,
        0x80..=0x3FFF => 2,
        0x4000..=0x1F_FFFF => 3,
        0x20_0000..=0x0FFF_FFFF => 4,
        _ => 5,
    }
}

/// Appends the minimal `mb_u_int32` encoding of `value`.
///
/// ```
/// use imps_wbxml::write_mb_u32;
/// let mut out = Vec::new();
/// write_mb_u32(&mut out, 500_000);
/// assert_eq!(out, [0x9E, 0xC2, 0x20]);
/// ```
#[inline]
pub fn write_mb_u32(out: &mut Vec<u8>, value: u32) {
    let len = mb_u32_len(value);
    for i in (0..len).rev() {
        // Each group is 7 bits; `i * 7` is at most 28.
        let group = ((value >> (i * 7)) & 0x7F) as u8;
        out.push(if i == 0 { group } else { group | 0x80 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_boundaries() {
        for v in [
            0,
            1,
            0x7F,
            0x80,
            0x3FFF,
            0x4000,
            0x1F_FFFF,
            0x20_0000,
            0x0FFF_FFFF,
            0x1000_0000,
            u32::MAX,
        ] {
            let mut out = Vec::new();
            write_mb_u32(&mut out, v);
            assert_eq!(out.len(), mb_u32_len(v));
            assert_eq!(read_mb_u32(&out, 0), Ok((v, out.len())), "{v:#x}");
        }
    }

    #[test]
    fn refuses_long_overflowing_and_truncated() {
        assert_eq!(
            read_mb_u32(&[0x80; 6], 0).unwrap_err().kind,
            ErrorKind::MbUintTooLong
        );
        // Non-minimal but 5 bytes: fine.
        assert_eq!(read_mb_u32(&[0x80, 0x80, 0x80, 0x80, 0x05], 0), Ok((5, 5)));
        // 0x10 << 28 does not fit.
        assert_eq!(
            read_mb_u32(&[0x90, 0x80, 0x80, 0x80, 0x00], 0)
                .unwrap_err()
                .kind,
            ErrorKind::MbUintOverflow
        );
        assert_eq!(
            read_mb_u32(&[0x8F, 0xFF, 0xFF, 0xFF, 0x7F], 0),
            Ok((u32::MAX, 5))
        );
        let e = read_mb_u32(&[0x00, 0x81, 0x81], 1).unwrap_err();
        assert_eq!(e, Error::new(ErrorKind::UnexpectedEof("mb_u_int32"), 3));
        assert!(read_mb_u32(&[], 0).is_err());
    }
}
