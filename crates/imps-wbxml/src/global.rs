//! The global tokens of WAP-192-WBXML-20010725 §7.1, valid on every code page
//! in both the tag and the attribute code space.

/// Change the code page of the current code space; followed by the page number.
pub const SWITCH_PAGE: u8 = 0x00;
/// End of an attribute list or of an element.
pub const END: u8 = 0x01;
/// Character entity; followed by an `mb_u_int32` UCS-4 character code.
pub const ENTITY: u8 = 0x02;
/// Inline string; followed by a NUL-terminated string.
pub const STR_I: u8 = 0x03;
/// Unknown tag or attribute name; followed by a string-table index.
pub const LITERAL: u8 = 0x04;
/// Inline-string extension 0.
pub const EXT_I_0: u8 = 0x40;
/// Inline-string extension 1.
pub const EXT_I_1: u8 = 0x41;
/// Inline-string extension 2.
pub const EXT_I_2: u8 = 0x42;
/// Processing instruction.
pub const PI: u8 = 0x43;
/// Unknown tag with content.
pub const LITERAL_C: u8 = 0x44;
/// Inline-integer extension 0 (WV-CSP: value-table index).
pub const EXT_T_0: u8 = 0x80;
/// Inline-integer extension 1.
pub const EXT_T_1: u8 = 0x81;
/// Inline-integer extension 2.
pub const EXT_T_2: u8 = 0x82;
/// String-table reference; followed by an `mb_u_int32` index.
pub const STR_T: u8 = 0x83;
/// Unknown tag with attributes.
pub const LITERAL_A: u8 = 0x84;
/// Single-byte extension 0.
pub const EXT_0: u8 = 0xC0;
/// Single-byte extension 1.
pub const EXT_1: u8 = 0xC1;
/// Single-byte extension 2.
pub const EXT_2: u8 = 0xC2;
/// Opaque data; followed by an `mb_u_int32` length and that many bytes (WBXML 1.1+).
pub const OPAQUE: u8 = 0xC3;
/// Unknown tag with attributes and content.
pub const LITERAL_AC: u8 = 0xC4;

/// Tag-token flag: the element has attributes.
pub const TAG_ATTRIBUTES: u8 = 0x80;
/// Tag-token flag: the element has content.
pub const TAG_CONTENT: u8 = 0x40;
/// Mask of the tag identity (the token without its flags).
pub const TAG_MASK: u8 = 0x3F;

/// `true` when `b` is one of the global tokens (low 6 bits below 5).
#[inline]
pub const fn is_global(b: u8) -> bool {
    b & TAG_MASK < 5
}
