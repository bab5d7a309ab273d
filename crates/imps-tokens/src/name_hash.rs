//! The hash of [`crate::Tag::from_name`]'s lookup table.
//!
//! Shared as source by this crate (lookups) and by `imps-tokens-gen` (which
//! places every name in the generated table), so the two cannot disagree.
//! The generator's staleness test regenerates the table with this function.

/// Slots in the name table (a power of two, about twice the names; the
/// hash yields exactly that many values).
pub(crate) const NAME_SLOTS: usize = 1024;

/// A hash of an element name from its length and its first and last eight
/// bytes (two word loads whatever the length; collisions are resolved by
/// probing and a full comparison).
#[inline(always)]
pub(crate) fn name_hash(name: &[u8]) -> usize {
    let n = name.len();
    let word = |bytes: Option<&[u8]>| {
        u64::from_le_bytes(bytes.and_then(|b| b.try_into().ok()).unwrap_or_default())
    };
    let (head, tail) = if n >= 8 {
        (word(name.get(..8)), word(name.get(n - 8..)))
    } else {
        // Short names: zero-padded, the one word twice.
        let mut padded = [0u8; 8];
        for (to, from) in padded.iter_mut().zip(name) {
            *to = *from;
        }
        let w = u64::from_le_bytes(padded);
        (w, w)
    };
    let h = (head ^ (n as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ tail.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    // The top bits, as many as index the table.
    ((h ^ (h >> 29)).wrapping_mul(0x1656_67B1_9E37_79F9) >> (64 - NAME_SLOTS.trailing_zeros()))
        as usize
}
