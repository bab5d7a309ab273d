//! Lookup tables derived once from the [`imps_tokens`] tables, for the hot
//! paths of the reader and the writer: the tag of a (page, token) and the
//! (page, token) of a tag as one array load each, and a filter that rejects
//! text which cannot be an `EXT_T_0` value-table entry before the string
//! match of [`CspVersion::ext_index`] runs.
//!
//! They are built on first use (no allocation: fixed-size arrays in a
//! `static`) and agree with `imps_tokens` by construction; the unit tests
//! check every entry.

use std::sync::OnceLock;

use imps_tokens::{CspVersion, Tag};

/// Number of [`Tag`] variants.
const TAGS: usize = Tag::ALL.len();

/// The longest text the value-table filter tracks; longer text is looked
/// up directly (there is none in the tables).
const EXT_MAX_LEN: usize = 63;

/// Code pages in the decoding table (CSP uses 0x00-0x0B); tags of higher
/// pages are looked up directly.
const PAGES: usize = 16;

/// The tables of one CSP version.
#[derive(Debug)]
pub(crate) struct Tables {
    version: CspVersion,
    /// `version.token(tag)`, indexed by `tag as usize`.
    token: [Option<(u8, u8)>; TAGS],
    /// `version.tag(page, token)`.
    tag: [[Option<Tag>; 64]; PAGES],
    /// Bit `b % 64` of word `b / 64` of entry `len`: some value-table entry
    /// has `len` bytes and first byte `b`.
    ext_filter: [[u64; 4]; EXT_MAX_LEN + 1],
}

impl Tables {
    fn build(version: CspVersion) -> Tables {
        let mut t = Tables {
            version,
            token: [None; TAGS],
            tag: [[None; 64]; PAGES],
            ext_filter: [[0; 4]; EXT_MAX_LEN + 1],
        };
        for (page, row) in (0u8..).zip(t.tag.iter_mut()) {
            for (token, slot) in (0u8..).zip(row.iter_mut()) {
                *slot = version.tag(page, token);
            }
        }
        for &tag in Tag::ALL {
            if let Some(slot) = t.token.get_mut(tag as usize) {
                *slot = version.token(tag);
            }
        }
        // Value-table indexes are small (below 0x200 in every version);
        // 4096 leaves room for tables that grow.
        for index in 0..4096 {
            if let Some(value) = version.ext_value(index) {
                let len = value.len().min(EXT_MAX_LEN);
                let first = value.as_bytes().first().copied().unwrap_or(0);
                if let Some(words) = t.ext_filter.get_mut(len) {
                    words[usize::from(first / 64)] |= 1 << (first % 64);
                }
            }
        }
        t
    }

    /// The tables of `version` (built on the first call).
    pub(crate) fn of(version: CspVersion) -> &'static Tables {
        static ALL: OnceLock<[Tables; 3]> = OnceLock::new();
        let all = ALL.get_or_init(|| CspVersion::ALL.map(Tables::build));
        all.iter()
            .find(|t| t.version == version)
            // A version added to imps_tokens after this table was written.
            .unwrap_or_else(|| Box::leak(Box::new(Tables::build(version))))
    }

    /// `(page, token)` of `tag` in this version ([`CspVersion::token`]).
    #[inline]
    pub(crate) fn token(&self, tag: Tag) -> Option<(u8, u8)> {
        match self.token.get(tag as usize) {
            Some(t) => *t,
            None => self.version.token(tag),
        }
    }

    /// The tag of `token` (without flag bits) on code page `page`
    /// ([`CspVersion::tag`]).
    #[inline]
    pub(crate) fn tag(&self, page: u8, token: u8) -> Option<Tag> {
        match self.tag.get(usize::from(page)) {
            Some(row) if token < 64 => row[usize::from(token & 0x3F)],
            _ => self.version.tag(page, token),
        }
    }

    /// The value-table index of `text` ([`CspVersion::ext_index`]).
    #[inline]
    pub(crate) fn ext_index(&self, text: &str) -> Option<u32> {
        let len = text.len();
        if len <= EXT_MAX_LEN {
            let first = text.as_bytes().first().copied().unwrap_or(0);
            let words = self.ext_filter.get(len)?;
            if words[usize::from(first / 64)] & (1 << (first % 64)) == 0 {
                return None;
            }
        }
        self.version.ext_index(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_imps_tokens() {
        for v in CspVersion::ALL {
            let t = Tables::of(v);
            assert_eq!(t.version, v);
            for &tag in Tag::ALL {
                assert_eq!(t.token(tag), v.token(tag), "{v} {tag:?}");
            }
            for page in 0..=255 {
                for token in 0..=255 {
                    assert_eq!(t.tag(page, token), v.tag(page, token), "{v} {page} {token}");
                }
            }
            let mut values = 0;
            for index in 0..4096 {
                if let Some(value) = v.ext_value(index) {
                    values += 1;
                    assert_eq!(t.ext_index(value), v.ext_index(value), "{v} {value}");
                    // Near misses are rejected like the string match does.
                    for other in [&value[1..], &value[..value.len() - 1]] {
                        assert_eq!(t.ext_index(other), v.ext_index(other), "{v} {other}");
                    }
                    let upper = format!("{value}X");
                    assert_eq!(t.ext_index(&upper), v.ext_index(&upper));
                }
            }
            assert!(values > 100, "{v}: {values}");
            for text in ["", "x", "im.user.com#48815@server.com", "T", "F", "HTTP"] {
                assert_eq!(t.ext_index(text), v.ext_index(text), "{v} {text}");
            }
        }
    }
}
