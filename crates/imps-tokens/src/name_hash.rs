//! The hash of [`crate::Tag::from_name`]'s lookup table.
//!
//! Shared as source by this crate (lookups) and by `imps-tokens-gen` (which
//! places every name in the generated table), so the two cannot disagree.
//! The generator's staleness test regenerates the table with this function.

/// Slots in the name table (a power of two, about twice the names).
pub(crate) const NAME_SLOTS: usize = 1024;

/// A hash of an element name from its length and its first and last eight
/// bytes (O(1) whatever the length; collisions are resolved by probing and
/// a full comparison).
#[inline(always)]
pub(crate) const fn name_hash(name: &[u8]) -> usize {
    let n = name.len();
    let mut head = 0u64;
    let mut tail = 0u64;
    let mut i = 0;
    while i < 8 && i < n {
        head |= (name[i] as u64) << (8 * i);
        tail |= (name[n - 1 - i] as u64) << (8 * i);
        i += 1;
    }
    let h = (head ^ (n as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ tail.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    ((h ^ (h >> 29)).wrapping_mul(0x1656_67B1_9E37_79F9) >> 54) as usize % NAME_SLOTS
}
