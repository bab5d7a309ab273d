//! Safe wrappers over the few libwbxml 0.11 (Debian `libwbxml2-dev`) functions
//! the comparison benches call: WBXML→XML, XML→WBXML and WBXML→tree.
//!
//! Only compiled with `cfg(has_libwbxml)` (set by `build.rs` when pkg-config
//! finds the library). This is the only module of the workspace allowed to use
//! `unsafe`; every block says why it is sound.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_uchar, c_uint, c_void};
use std::fmt;

/// libwbxml's `WBXMLError` (0 is `WBXML_OK`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibError(pub i32);

impl fmt::Display for LibError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "libwbxml error {}", self.0)
    }
}

impl std::error::Error for LibError {}

/// The CSP languages libwbxml knows (`WBXMLLanguage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Let libwbxml pick from the public id (it knows 0x10 only for WV).
    Auto,
    /// `WBXML_LANG_WV_CSP11`.
    Csp11,
    /// `WBXML_LANG_WV_CSP12`.
    Csp12,
}

impl Lang {
    fn raw(self) -> c_int {
        match self {
            Lang::Auto => 0,
            Lang::Csp11 => 2301,
            Lang::Csp12 => 2302,
        }
    }
}

#[repr(C)]
struct ConvWbxml2Xml {
    _private: [u8; 0],
}
#[repr(C)]
struct ConvXml2Wbxml {
    _private: [u8; 0],
}
#[repr(C)]
struct WbxmlTree {
    _private: [u8; 0],
}

const WBXML_OK: c_int = 0;
const WBXML_GEN_XML_COMPACT: c_int = 0;
const WBXML_CHARSET_UNKNOWN: c_int = 0;

// Declarations match /usr/include/libwbxml-1.0/wbxml/wbxml_conv.h (0.11.8):
// WB_UTINY = unsigned char, WB_ULONG = unsigned int, enums are C ints.
// `wbxml_tree_from_wbxml`/`wbxml_tree_destroy` are exported by libwbxml2.so but
// their header (wbxml_tree.h) is not installed by Debian; the prototypes are the
// 0.11 ones (wbxml, len, lang, charset, out tree).
#[link(name = "wbxml2")]
extern "C" {
    fn wbxml_conv_wbxml2xml_create(conv: *mut *mut ConvWbxml2Xml) -> c_int;
    fn wbxml_conv_wbxml2xml_set_gen_type(conv: *mut ConvWbxml2Xml, gen_type: c_int);
    fn wbxml_conv_wbxml2xml_set_language(conv: *mut ConvWbxml2Xml, lang: c_int);
    fn wbxml_conv_wbxml2xml_run(
        conv: *mut ConvWbxml2Xml,
        wbxml: *mut c_uchar,
        wbxml_len: c_uint,
        xml: *mut *mut c_uchar,
        xml_len: *mut c_uint,
    ) -> c_int;
    fn wbxml_conv_wbxml2xml_destroy(conv: *mut ConvWbxml2Xml);

    fn wbxml_conv_xml2wbxml_create(conv: *mut *mut ConvXml2Wbxml) -> c_int;
    fn wbxml_conv_xml2wbxml_run(
        conv: *mut ConvXml2Wbxml,
        xml: *mut c_uchar,
        xml_len: c_uint,
        wbxml: *mut *mut c_uchar,
        wbxml_len: *mut c_uint,
    ) -> c_int;
    fn wbxml_conv_xml2wbxml_destroy(conv: *mut ConvXml2Wbxml);

    fn wbxml_tree_from_wbxml(
        wbxml: *mut c_uchar,
        wbxml_len: c_uint,
        lang: c_int,
        charset: c_int,
        tree: *mut *mut WbxmlTree,
    ) -> c_int;
    fn wbxml_tree_destroy(tree: *mut WbxmlTree);

    fn wbxml_free(ptr: *mut c_void);
}

/// Copies a libwbxml-allocated output buffer into a `Vec` and frees it.
///
/// # Safety
/// `ptr` must be null or a buffer of at least `len` bytes allocated by
/// libwbxml (freed with `wbxml_free`), not used afterwards by the caller.
unsafe fn take_buffer(ptr: *mut c_uchar, len: c_uint) -> Vec<u8> {
    if ptr.is_null() {
        return Vec::new();
    }
    // SAFETY: the caller guarantees `ptr` points to `len` initialised bytes.
    let out = unsafe { std::slice::from_raw_parts(ptr, len as usize) }.to_vec();
    // SAFETY: the buffer came from libwbxml's allocator and is freed once.
    unsafe { wbxml_free(ptr.cast()) };
    out
}

fn len_u32(input: &[u8]) -> Result<c_uint, LibError> {
    c_uint::try_from(input.len()).map_err(|_| LibError(-1))
}

/// Converts WBXML to compact XML text with libwbxml's converter
/// (`wbxml_conv_wbxml2xml_run`).
pub fn wbxml_to_xml(wbxml: &[u8], lang: Lang) -> Result<Vec<u8>, LibError> {
    let len = len_u32(wbxml)?;
    // libwbxml takes `WB_UTINY *` but never writes through the input pointer;
    // it gets its own copy anyway so the signature cannot bite us.
    let mut input = wbxml.to_vec();
    let mut conv: *mut ConvWbxml2Xml = std::ptr::null_mut();
    // SAFETY: `conv` is a valid out-pointer.
    let rc = unsafe { wbxml_conv_wbxml2xml_create(&mut conv) };
    if rc != WBXML_OK || conv.is_null() {
        return Err(LibError(rc));
    }
    let mut out: *mut c_uchar = std::ptr::null_mut();
    let mut out_len: c_uint = 0;
    // SAFETY: `conv` was created above and is destroyed exactly once below;
    // `input` outlives the call and holds `len` bytes; the out-pointers are valid.
    let rc = unsafe {
        wbxml_conv_wbxml2xml_set_gen_type(conv, WBXML_GEN_XML_COMPACT);
        if lang != Lang::Auto {
            wbxml_conv_wbxml2xml_set_language(conv, lang.raw());
        }
        let rc = wbxml_conv_wbxml2xml_run(conv, input.as_mut_ptr(), len, &mut out, &mut out_len);
        wbxml_conv_wbxml2xml_destroy(conv);
        rc
    };
    // SAFETY: on return libwbxml hands us ownership of `out` (`out_len` bytes) or null.
    let buf = unsafe { take_buffer(out, out_len) };
    if rc == WBXML_OK {
        Ok(buf)
    } else {
        Err(LibError(rc))
    }
}

/// Converts XML text to WBXML with libwbxml's converter and its defaults
/// (WBXML 1.3, string table on). The XML needs a CSP DOCTYPE for libwbxml to
/// recognise the language.
pub fn xml_to_wbxml(xml: &[u8]) -> Result<Vec<u8>, LibError> {
    let len = len_u32(xml)?;
    let mut input = xml.to_vec();
    let mut conv: *mut ConvXml2Wbxml = std::ptr::null_mut();
    // SAFETY: `conv` is a valid out-pointer.
    let rc = unsafe { wbxml_conv_xml2wbxml_create(&mut conv) };
    if rc != WBXML_OK || conv.is_null() {
        return Err(LibError(rc));
    }
    let mut out: *mut c_uchar = std::ptr::null_mut();
    let mut out_len: c_uint = 0;
    // SAFETY: as in `wbxml_to_xml`: valid converter, input buffer and out-pointers;
    // the converter is destroyed once.
    let rc = unsafe {
        let rc = wbxml_conv_xml2wbxml_run(conv, input.as_mut_ptr(), len, &mut out, &mut out_len);
        wbxml_conv_xml2wbxml_destroy(conv);
        rc
    };
    // SAFETY: ownership of `out` passes to us.
    let buf = unsafe { take_buffer(out, out_len) };
    if rc == WBXML_OK {
        Ok(buf)
    } else {
        Err(LibError(rc))
    }
}

/// A libwbxml in-memory tree (`WBXMLTree`), destroyed on drop.
pub struct Tree {
    ptr: *mut WbxmlTree,
}

impl Drop for Tree {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `wbxml_tree_from_wbxml`, is non-null and is
        // destroyed only here.
        unsafe { wbxml_tree_destroy(self.ptr) }
    }
}

/// Decodes WBXML into libwbxml's tree (`wbxml_tree_from_wbxml`).
pub fn tree_from_wbxml(wbxml: &[u8], lang: Lang) -> Result<Tree, LibError> {
    let len = len_u32(wbxml)?;
    let mut input = wbxml.to_vec();
    let mut tree: *mut WbxmlTree = std::ptr::null_mut();
    // SAFETY: `input` holds `len` bytes for the duration of the call; `tree`
    // is a valid out-pointer.
    let rc = unsafe {
        wbxml_tree_from_wbxml(
            input.as_mut_ptr(),
            len,
            lang.raw(),
            WBXML_CHARSET_UNKNOWN,
            &mut tree,
        )
    };
    if rc != WBXML_OK {
        if !tree.is_null() {
            // SAFETY: a tree returned alongside an error is still ours to free.
            unsafe { wbxml_tree_destroy(tree) };
        }
        return Err(LibError(rc));
    }
    if tree.is_null() {
        return Err(LibError(-1));
    }
    Ok(Tree { ptr: tree })
}

#[cfg(test)]
mod tests {
    use super::*;

    const WV_001: &[u8] = include_bytes!("../../testvectors/wbxml-stream-wv/wv-001.wbxml");
    const WV_001_XML: &[u8] = include_bytes!("../../testvectors/libwbxml-wv-csp11/wv-001.xml");

    #[test]
    fn libwbxml_round_trips_a_vector() {
        let xml = wbxml_to_xml(WV_001, Lang::Auto).unwrap();
        let text = String::from_utf8(xml).unwrap();
        assert!(
            text.contains("<SessionID>im.user.com#48815@server.com</SessionID>"),
            "{text}"
        );
        // The wbxml-stream-wv files are libwbxml's own output for these XML files.
        assert_eq!(xml_to_wbxml(WV_001_XML).unwrap(), WV_001);
        drop(tree_from_wbxml(WV_001, Lang::Auto).unwrap());
    }

    #[test]
    fn libwbxml_errors_are_reported_not_crashed() {
        assert!(wbxml_to_xml(&WV_001[..10], Lang::Auto).is_err());
        assert!(tree_from_wbxml(&[0x03, 0x10], Lang::Auto).is_err());
        assert!(xml_to_wbxml(b"<nope").is_err());
    }
}
