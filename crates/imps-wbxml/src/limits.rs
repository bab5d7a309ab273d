//! Configurable limits of the reader.
//!
//! The reader allocates nothing, so the limits bound work and nesting, and
//! protect consumers that copy what the reader hands out (joined text, for
//! example). Every limit has a safe default.

use std::fmt;

/// Bounds on what one document may contain.
///
/// ```
/// use imps_wbxml::Limits;
/// let tight = Limits { max_depth: 16, ..Limits::default() };
/// assert_eq!(tight.max_string_len, Limits::default().max_string_len);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Maximum element nesting depth (the root element is depth 1).
    pub max_depth: u32,
    /// Maximum length in bytes of one string, literal name or OPAQUE block.
    pub max_string_len: u32,
    /// Maximum number of tokens in the document (SWITCH_PAGE and END included).
    pub max_tokens: u64,
    /// Maximum length in bytes of the string table.
    pub max_string_table: u32,
    /// Maximum total bytes that string-table references (`STR_T`, literal
    /// names) may hand out, as a multiple of the input length. A 2-byte
    /// `STR_T` can name a string of any length, so without this bound a small
    /// document could make a consumer that copies text (the typed model)
    /// allocate without bound.
    pub max_table_expansion: u32,
}

impl Limits {
    /// Default maximum depth. CSP documents nest about 12 levels; 64 leaves room
    /// for vendor extensions while keeping recursive consumers safe.
    pub const DEFAULT_MAX_DEPTH: u32 = 64;
    /// Default maximum string / OPAQUE length: 16 MiB.
    pub const DEFAULT_MAX_STRING_LEN: u32 = 16 << 20;
    /// Default maximum number of tokens: 16 Mi.
    pub const DEFAULT_MAX_TOKENS: u64 = 16 << 20;
    /// Default maximum string table length: 1 MiB.
    pub const DEFAULT_MAX_STRING_TABLE: u32 = 1 << 20;
    /// Default string-table expansion: references may hand out at most 16
    /// times the input length.
    pub const DEFAULT_MAX_TABLE_EXPANSION: u32 = 16;

    /// No limits other than what the input itself bounds (for trusted input).
    pub const UNLIMITED: Limits = Limits {
        max_depth: u32::MAX,
        max_string_len: u32::MAX,
        max_tokens: u64::MAX,
        max_string_table: u32::MAX,
        max_table_expansion: u32::MAX,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: Self::DEFAULT_MAX_DEPTH,
            max_string_len: Self::DEFAULT_MAX_STRING_LEN,
            max_tokens: Self::DEFAULT_MAX_TOKENS,
            max_string_table: Self::DEFAULT_MAX_STRING_TABLE,
            max_table_expansion: Self::DEFAULT_MAX_TABLE_EXPANSION,
        }
    }
}

/// Which limit was exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LimitKind {
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_string_len`].
    StringLength,
    /// [`Limits::max_tokens`].
    Tokens,
    /// [`Limits::max_string_table`].
    StringTable,
    /// [`Limits::max_table_expansion`].
    TableExpansion,
}

impl LimitKind {
    /// The limit's short name (`"depth"`, `"string length"`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            LimitKind::Depth => "depth",
            LimitKind::StringLength => "string length",
            LimitKind::Tokens => "tokens",
            LimitKind::StringTable => "string table",
            LimitKind::TableExpansion => "string table expansion",
        }
    }
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
