//! A bounded element path for error messages (`WV-CSP-Message/Session/…`).
//!
//! Like rust-asn1's `ParseLocation`, it allocates nothing: it keeps the first
//! [`Path::CAPACITY`] levels and counts the rest.

use std::fmt;

use imps_tokens::Tag;

/// Where in the element tree something happened.
#[derive(Clone, Copy, Default)]
pub struct Path {
    /// `None` marks an element that is not a table tag. Only the first
    /// `depth` entries are meaningful (leaving an element does not clear
    /// its entry).
    levels: [Option<Tag>; Path::CAPACITY],
    depth: u32,
}

impl PartialEq for Path {
    fn eq(&self, other: &Path) -> bool {
        self.depth == other.depth && self.kept() == other.kept()
    }
}

impl Eq for Path {}

impl Path {
    /// How many levels are kept by name.
    pub const CAPACITY: usize = 12;

    /// The empty path (document level).
    pub const fn new() -> Self {
        Path {
            levels: [None; Path::CAPACITY],
            depth: 0,
        }
    }

    /// Enters an element (`None` for a name the tables do not know).
    #[inline]
    pub fn push(&mut self, tag: Option<Tag>) {
        if let Some(slot) = self.levels.get_mut(self.depth as usize) {
            *slot = tag;
        }
        self.depth = self.depth.saturating_add(1);
    }

    /// Leaves the innermost element.
    #[inline]
    pub fn pop(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The levels kept by name.
    fn kept(&self) -> &[Option<Tag>] {
        let kept = (self.depth as usize).min(Path::CAPACITY);
        self.levels.get(..kept).unwrap_or_default()
    }

    /// Nesting depth (the number of open elements).
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// The innermost element, if it is a table tag kept by name.
    pub fn last(&self) -> Option<Tag> {
        let i = (self.depth as usize).checked_sub(1)?;
        self.levels.get(i).copied().flatten()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.depth == 0 {
            return f.write_str("/");
        }
        let kept = self.kept();
        for (i, level) in kept.iter().enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            f.write_str(level.map_or("?", Tag::name))?;
        }
        if self.depth as usize > kept.len() {
            write!(f, "/…({} more)", self.depth as usize - kept.len())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_names_and_truncates_deep_paths() {
        let mut p = Path::new();
        assert_eq!(p.to_string(), "/");
        p.push(Some(Tag::WvCspMessage));
        p.push(Some(Tag::Session));
        p.push(None);
        assert_eq!(p.to_string(), "WV-CSP-Message/Session/?");
        p.pop();
        assert_eq!(p.last(), Some(Tag::Session));
        for _ in 0..20 {
            p.push(Some(Tag::Session));
        }
        assert_eq!(p.depth(), 22);
        assert!(p.to_string().ends_with("/…(10 more)"), "{p}");
        for _ in 0..30 {
            p.pop();
        }
        assert_eq!(p.depth(), 0);
    }
}
