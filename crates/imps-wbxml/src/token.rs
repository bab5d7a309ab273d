//! The tokens the reader yields (WAP-192-WBXML-20010725 §5.8, body grammar).

/// The name of a tag or an attribute start: a token of the current code page,
/// or a `LITERAL` reference into the string table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Name<'a> {
    /// A code-page token. For tags: without the attribute/content flag bits
    /// (0x05–0x3F). For attribute starts: the byte as is (0x05–0x7F).
    Token(u8),
    /// `LITERAL*`: a name from the string table.
    Literal {
        /// String-table index of the name.
        index: u32,
        /// The name.
        name: &'a str,
    },
}

/// One token of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind<'a> {
    /// `SWITCH_PAGE`: the code page of the current code space (tag space in
    /// content, attribute space inside an attribute list) changes. The reader
    /// applies it itself; the token is reported so that dumps can show it.
    SwitchPage(u8),
    /// A start tag. `content == false` means the element is already complete
    /// (after its attribute list, if it has one): no `End` follows for it.
    Tag {
        /// Tag token or literal name.
        name: Name<'a>,
        /// An attribute list follows (ended by [`TokenKind::AttrEnd`]).
        attributes: bool,
        /// Content follows (ended by [`TokenKind::End`]).
        content: bool,
    },
    /// `END` of an element's content.
    End,
    /// An attribute start (`ATTRSTART` token or `LITERAL`), inside an attribute
    /// list or a processing instruction.
    AttrStart(Name<'a>),
    /// An attribute value token (0x85–0xFF except the globals).
    AttrValue(u8),
    /// `END` of an attribute list.
    AttrEnd,
    /// `STR_I`: an inline string.
    StrI(&'a str),
    /// `STR_T`: a string-table reference.
    StrT {
        /// String-table index.
        index: u32,
        /// The referenced string.
        text: &'a str,
    },
    /// `ENTITY`: one character.
    Entity(char),
    /// `EXT_I_0..2`: an extension with an inline string.
    ExtI {
        /// Extension number 0–2.
        n: u8,
        /// The string.
        text: &'a str,
    },
    /// `EXT_T_0..2`: an extension with an integer. Its meaning is
    /// document-type specific (WV-CSP: a value-table index), so it is not
    /// resolved against the string table.
    ExtT {
        /// Extension number 0–2.
        n: u8,
        /// The integer.
        value: u32,
    },
    /// `EXT_0..2`: a single-byte extension.
    Ext(u8),
    /// `OPAQUE` data.
    Opaque(&'a [u8]),
    /// `PI`: a processing instruction starts; an [`TokenKind::AttrStart`],
    /// value tokens and [`TokenKind::PiEnd`] follow.
    Pi,
    /// `END` of a processing instruction.
    PiEnd,
}

/// A token with its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the token's first byte in the input.
    pub offset: usize,
    /// The code page in force for this token: the tag page for tokens in
    /// content, the attribute page inside attribute lists and PIs (for
    /// [`TokenKind::SwitchPage`], the new page).
    pub page: u8,
    /// What it is.
    pub kind: TokenKind<'a>,
}

/// A common token of element content, as [`crate::Reader::next_fast`] reads
/// it: small and `Copy`, for layered decoders that dispatch on tokens
/// themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastToken<'a> {
    /// A tag token without attributes, on [`crate::Reader::tag_page`].
    Tag {
        /// The token without the flag bits (0x05–0x3F).
        token: u8,
        /// Content follows (ended by [`FastToken::End`] or [`TokenKind::End`]).
        content: bool,
    },
    /// `END` of an element's content.
    End,
    /// `STR_I`: an inline string.
    StrI(&'a str),
    /// `EXT_T_0` with its integer.
    ExtT0(u32),
    /// `OPAQUE` data.
    Opaque(&'a [u8]),
    /// `SWITCH_PAGE` of the tag code space, applied (the new page).
    SwitchPage(u8),
    /// Any other token, a token that is an error, the end of the input, or
    /// the reader is not in element content: nothing was read, and
    /// [`crate::Reader::next_token`] reads what comes next.
    Other,
}

/// A start tag whose attribute list is one attribute-start token and one
/// inline string, as [`crate::Reader::next_fast_attributed`] reads it (the
/// way WBXML encoders commonly write a namespace declaration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttributedTag<'a> {
    /// The tag token without the flag bits, on [`crate::Reader::tag_page`].
    pub token: u8,
    /// Content follows the attribute list.
    pub content: bool,
    /// The attribute-start token (0x05–0x7F), on
    /// [`crate::Reader::attr_page`].
    pub attribute: u8,
    /// The attribute's value: the inline string.
    pub value: &'a str,
}
