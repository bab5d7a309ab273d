//! The pull reader: WAP-192-WBXML-20010725 §5.8 (body grammar) as an
//! iterative state machine over `&[u8]`.
//!
//! The reader keeps no stack: WBXML `END` tokens do not name the element
//! they close, so a depth counter and two code-page numbers are all the
//! state it needs. Nesting therefore costs nothing, and the depth limit is a
//! plain comparison. Every token borrows from the input; nothing is
//! allocated after [`Reader::new`].

use crate::global::*;
use crate::header::Header;
use crate::limits::{LimitKind, Limits};
use crate::mb_uint::read_mb_u32;
use crate::text::{check_text, table_str, utf8};
use crate::token::{AttributedTag, FastToken, Name, Token, TokenKind};
use crate::{Error, ErrorKind};

/// Where the reader is in the body grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Before the root element (PIs and SWITCH_PAGE allowed).
    Prolog,
    /// Inside element content, tokens not counted: the body is too short to
    /// hold more tokens than [`Limits::max_tokens`] (every token takes at
    /// least one byte). The only mode with a fast path.
    Content,
    /// Inside element content, tokens counted.
    CountedContent,
    /// Inside the attribute list of a tag.
    Attrs,
    /// Inside a processing instruction.
    Pi,
    /// After the root element (only PIs allowed).
    Epilog,
    /// End of input reached after a complete document.
    Done,
    /// An error was returned; every later call returns it again.
    Failed,
}

/// A zero-copy WBXML pull reader.
///
/// ```
/// use imps_wbxml::{Reader, Limits, TokenKind, Name};
/// // WBXML 1.3, public id 0x11, UTF-8, no string table:
/// // <tag 0x09 xmlns-token 0x08 "1.2"> <tag 0x2D/> </…>
/// let doc = [0x03, 0x11, 0x6A, 0x00, 0xC9, 0x08, 0x03, b'1', b'.', b'2', 0x00, 0x01, 0x2D, 0x01];
/// let mut r = Reader::new(&doc, Limits::default()).unwrap();
/// let t = r.next_token().unwrap().unwrap();
/// assert_eq!(t.offset, 4);
/// assert_eq!(t.kind, TokenKind::Tag { name: Name::Token(0x09), attributes: true, content: true });
/// assert_eq!(r.next_token().unwrap().unwrap().kind, TokenKind::AttrStart(Name::Token(0x08)));
/// assert_eq!(r.next_token().unwrap().unwrap().kind, TokenKind::StrI("1.2"));
/// assert_eq!(r.next_token().unwrap().unwrap().kind, TokenKind::AttrEnd);
/// assert_eq!(r.next_token().unwrap().unwrap().kind,
///            TokenKind::Tag { name: Name::Token(0x2D), attributes: false, content: false });
/// assert_eq!(r.next_token().unwrap().unwrap().kind, TokenKind::End);
/// assert_eq!(r.next_token().unwrap(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    input: &'a [u8],
    pos: usize,
    depth: u32,
    tag_page: u8,
    attr_page: u8,
    mode: Mode,
    /// The input in [`Mode::Content`], else empty: what the fast path reads.
    fast: &'a [u8],
    /// The mode of element content: [`Mode::Content`], or
    /// [`Mode::CountedContent`] when tokens must be counted.
    content_mode: Mode,
    /// Tokens are counted (the body could exceed `max_tokens`).
    counting: bool,
    /// The longest inline string the fast path validates: `max_string_len`,
    /// or 0 in a US-ASCII document (its strings take the general path,
    /// which checks ASCII; an empty string is ASCII anyway).
    fast_text_max: u32,
    tokens: u64,
    header: Header<'a>,
    limits: Limits,
    /// In `Attrs`: whether the tag has content after its attribute list.
    pending_content: bool,
    /// In `Attrs`/`Pi`: whether an attribute start has been seen.
    attr_started: bool,
    /// Where a PI returns to.
    pi_return: Mode,
    /// The first error ([`Mode::Failed`]); returned again on every later call.
    failed: Error,
    /// Bytes string-table references may still hand out
    /// ([`Limits::max_table_expansion`]).
    table_budget: usize,
}

type Step<'a> = Result<Option<Token<'a>>, Error>;

impl<'a> Reader<'a> {
    /// Parses the header and positions the reader on the first body token.
    #[inline]
    pub fn new(input: &'a [u8], limits: Limits) -> Result<Self, Error> {
        let header = Header::parse(input, &limits)?;
        let body = input.len().saturating_sub(header.body_offset) as u64;
        let counting = body > limits.max_tokens;
        Ok(Reader {
            input,
            pos: header.body_offset,
            depth: 0,
            tag_page: 0,
            attr_page: 0,
            mode: Mode::Prolog,
            fast: &[],
            content_mode: if counting {
                Mode::CountedContent
            } else {
                Mode::Content
            },
            counting,
            fast_text_max: if header.is_ascii() {
                0
            } else {
                limits.max_string_len
            },
            tokens: 0,
            header,
            limits,
            pending_content: false,
            attr_started: false,
            pi_return: Mode::Prolog,
            failed: Error::new(ErrorKind::UnexpectedEof("body"), 0),
            table_budget: input
                .len()
                .saturating_mul(limits.max_table_expansion as usize),
        })
    }

    /// The document header.
    pub fn header(&self) -> &Header<'a> {
        &self.header
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The whole input.
    pub fn input(&self) -> &'a [u8] {
        self.input
    }

    /// Byte offset of the next unread byte.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The input not yet read (starts with the next token's first byte), for
    /// consumers that want to look ahead without reading.
    pub fn remaining(&self) -> &'a [u8] {
        self.input.get(self.pos..).unwrap_or_default()
    }

    /// Number of open elements (elements whose content has started).
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Current tag code page.
    pub fn tag_page(&self) -> u8 {
        self.tag_page
    }

    /// Current attribute code page.
    pub fn attr_page(&self) -> u8 {
        self.attr_page
    }

    /// `true` once the root element has ended and the input is exhausted.
    pub fn is_done(&self) -> bool {
        self.mode == Mode::Done
    }

    /// The next token, `Ok(None)` at the end of a complete document.
    ///
    /// After an error, every later call returns the same error.
    #[inline(always)]
    pub fn next_token(&mut self) -> Result<Option<Token<'a>>, Error> {
        let offset = self.pos;
        let page = self.tag_page;
        let kind = match self.next_fast() {
            FastToken::Tag { token, content } => TokenKind::Tag {
                name: Name::Token(token),
                attributes: false,
                content,
            },
            FastToken::End => TokenKind::End,
            FastToken::StrI(text) => TokenKind::StrI(text),
            FastToken::ExtT0(value) => TokenKind::ExtT { n: 0, value },
            FastToken::Opaque(data) => TokenKind::Opaque(data),
            FastToken::SwitchPage(p) => {
                return Ok(Some(Token {
                    offset,
                    page: p,
                    kind: TokenKind::SwitchPage(p),
                }))
            }
            FastToken::Other => return self.next_slow(),
        };
        Ok(Some(Token { offset, page, kind }))
    }

    /// The next token if it is one of the common tokens of element content,
    /// read; else [`FastToken::Other`] and nothing is read.
    ///
    /// This is the reader's fast path, for layered decoders that dispatch on
    /// the token themselves: a small value in registers (no [`Token`] to
    /// build and match again), no `Result` (a token that would be an error
    /// is left to [`Reader::next_token`], which reports it). The token
    /// starts at [`Reader::position`] before the call; tags are on
    /// [`Reader::tag_page`] (after a [`FastToken::SwitchPage`], the new page).
    /// Mixing `next_fast` and `next_token` calls is fine: every token is
    /// read exactly once by one of them.
    ///
    /// ```
    /// use imps_wbxml::{FastToken, Limits, Reader};
    /// // <tag 0x09> "ab" </…>, WBXML 1.3, public id 1, UTF-8
    /// let doc = [0x03, 0x01, 0x6A, 0x00, 0x49, 0x03, b'a', b'b', 0x00, 0x01];
    /// let mut r = Reader::new(&doc, Limits::default()).unwrap();
    /// // Before the root element the fast path does not apply.
    /// assert_eq!(r.next_fast(), FastToken::Other);
    /// assert!(r.next_token().unwrap().is_some());
    /// assert_eq!(r.next_fast(), FastToken::StrI("ab"));
    /// assert_eq!(r.next_fast(), FastToken::End);
    /// assert_eq!(r.next_fast(), FastToken::Other);
    /// assert_eq!(r.next_token().unwrap(), None);
    /// ```
    #[inline(always)]
    pub fn next_fast(&mut self) -> FastToken<'a> {
        // `fast` is the input in element content of a document whose tokens
        // need not be counted, and empty in every other mode (attribute
        // lists, PIs, prolog, epilog, after an error), so one bounds check
        // decides whether the fast path applies.
        let start = self.pos;
        let Some(&b) = self.fast.get(start) else {
            return FastToken::Other;
        };
        if !is_global(b) {
            if b & TAG_ATTRIBUTES != 0 {
                return FastToken::Other;
            }
            let content = b & TAG_CONTENT != 0;
            if content {
                // Content mode: depth >= 1, so a tag without content never
                // ends the document here.
                if self.depth >= self.limits.max_depth {
                    return FastToken::Other;
                }
                self.depth += 1;
            }
            self.pos = start + 1;
            return FastToken::Tag {
                token: b & TAG_MASK,
                content,
            };
        }
        if b == END {
            self.pos = start + 1;
            self.pop();
            return FastToken::End;
        }
        if b == STR_I {
            if let Some((text, next)) = self.inline_text_fast(start + 1) {
                self.pos = next;
                return FastToken::StrI(text);
            }
        } else if b == EXT_T_0 {
            if let Ok((value, next)) = read_mb_u32(self.input, start + 1) {
                self.pos = next;
                return FastToken::ExtT0(value);
            }
        } else if b == SWITCH_PAGE {
            if let Some(&p) = self.input.get(start + 1) {
                self.pos = start + 2;
                self.tag_page = p;
                return FastToken::SwitchPage(p);
            }
        } else if b == OPAQUE {
            if let Some((data, end)) = self.opaque_fast(start + 1) {
                self.pos = end;
                return FastToken::Opaque(data);
            }
        }
        FastToken::Other
    }

    /// The data of an `OPAQUE` whose length starts at `from`, and the
    /// position after it; `None` before WBXML 1.1 (no `OPAQUE`), or if the
    /// length is malformed, over the limit or past the input.
    #[inline(always)]
    fn opaque_fast(&self, from: usize) -> Option<(&'a [u8], usize)> {
        if self.header.version == 0 {
            return None;
        }
        let (len, at) = read_mb_u32(self.input, from).ok()?;
        if len > self.limits.max_string_len {
            return None;
        }
        let end = at.saturating_add(len as usize);
        Some((self.input.get(at..end)?, end))
    }

    /// A leaf's content and end in one step: if the next tokens are an
    /// `STR_I`, `EXT_T_0` or `OPAQUE` that [`Reader::next_fast`] would read,
    /// that `accept` takes, followed by `END`, reads both and returns the
    /// content token and the offset of the `END`; otherwise reads nothing.
    ///
    /// For layered decoders that turn `<X>text</X>` into one value: the
    /// same tokens as two [`Reader::next_fast`] calls, without handing the
    /// `END` back one level up.
    ///
    /// ```
    /// use imps_wbxml::{FastToken, Limits, Reader};
    /// // <tag 0x09> <tag 0x0A> "ab" </…> </…>
    /// let doc = [0x03, 0x01, 0x6A, 0x00, 0x49, 0x4A, 0x03, b'a', b'b', 0x00, 0x01, 0x01];
    /// let mut r = Reader::new(&doc, Limits::default()).unwrap();
    /// assert!(r.next_token().unwrap().is_some());
    /// assert_eq!(r.next_fast_leaf(|_| true), None); // a tag comes first
    /// assert_eq!(r.next_fast(), FastToken::Tag { token: 0x0A, content: true });
    /// assert_eq!(r.next_fast_leaf(|_| false), None); // not accepted: nothing read
    /// assert_eq!(r.next_fast_leaf(|_| true), Some((FastToken::StrI("ab"), 10)));
    /// assert_eq!(r.next_fast(), FastToken::End);
    ///
    /// // <tag 0x09> OPAQUE [0x01 0xF4] </…>
    /// let doc = [0x03, 0x01, 0x6A, 0x00, 0x49, 0xC3, 0x02, 0x01, 0xF4, 0x01];
    /// let mut r = Reader::new(&doc, Limits::default()).unwrap();
    /// assert!(r.next_token().unwrap().is_some());
    /// assert_eq!(r.next_fast_leaf(|_| true), Some((FastToken::Opaque(&[0x01, 0xF4]), 9)));
    /// ```
    #[inline(always)]
    pub fn next_fast_leaf(
        &mut self,
        accept: impl FnOnce(&FastToken<'a>) -> bool,
    ) -> Option<(FastToken<'a>, usize)> {
        let start = self.pos;
        let b = *self.fast.get(start)?;
        let (token, end_at) = if b == STR_I {
            let (text, next) = self.inline_text_fast(start + 1)?;
            (FastToken::StrI(text), next)
        } else if b == EXT_T_0 {
            let (value, next) = read_mb_u32(self.input, start + 1).ok()?;
            (FastToken::ExtT0(value), next)
        } else if b == OPAQUE {
            let (data, next) = self.opaque_fast(start + 1)?;
            (FastToken::Opaque(data), next)
        } else {
            return None;
        };
        // Content mode: depth >= 1 here, and the END closes the leaf.
        if self.fast.get(end_at) != Some(&END) || !accept(&token) {
            return None;
        }
        self.pos = end_at + 1;
        self.pop();
        Some((token, end_at))
    }

    /// A start tag, its attribute list of one attribute-start token and one
    /// inline string, and the list's `END` in one step
    /// (`TAG|0x80 ATTR STR_I "…" 00 END`): if the next tokens have that
    /// shape ([`Reader::peek_fast_attributed`]) and `accept` takes them,
    /// reads them all and returns them; otherwise reads nothing.
    ///
    /// The reader is left as the same tokens read by [`Reader::next_token`]
    /// leave it. For layered decoders: CSP encoders write every namespace
    /// declaration this way.
    ///
    /// ```
    /// use imps_wbxml::{AttributedTag, Limits, Reader};
    /// // <tag 0x09 attr 0x08="1.2"> <tag 0x2D/> </…>
    /// let doc = [0x03, 0x11, 0x6A, 0x00, 0xC9, 0x08, 0x03, b'1', b'.', b'2', 0x00, 0x01, 0x2D, 0x01];
    /// let mut r = Reader::new(&doc, Limits::default()).unwrap();
    /// assert_eq!(r.next_fast_attributed(|_| false), None); // not accepted: nothing read
    /// assert_eq!(
    ///     r.next_fast_attributed(|_| true),
    ///     Some(AttributedTag { token: 0x09, content: true, attribute: 0x08, value: "1.2" })
    /// );
    /// assert_eq!((r.position(), r.depth()), (12, 1));
    /// ```
    #[inline]
    pub fn next_fast_attributed(
        &mut self,
        accept: impl FnOnce(&AttributedTag<'a>) -> bool,
    ) -> Option<AttributedTag<'a>> {
        let tag = self.peek_fast_attributed()?;
        if !accept(&tag) {
            return None;
        }
        // (`peek_fast_attributed` declines at the depth limit: no error.)
        self.end_attributes(tag.content, self.pos).ok()?;
        // The tag, the attribute start, STR_I, the string and its NUL, END.
        self.pos += 3 + tag.value.len() + 2;
        Some(tag)
    }

    /// What [`Reader::next_fast_attributed`] would read, without reading
    /// it: a start tag whose attribute list is one attribute-start token and
    /// one inline string. Applies before the root element and in element
    /// content, not in a document whose tokens are counted, nor at the depth
    /// limit, nor to a string the fast path does not validate (see
    /// [`Reader::next_fast`]); then `None`.
    #[inline]
    pub fn peek_fast_attributed(&self) -> Option<AttributedTag<'a>> {
        if self.counting || !matches!(self.mode, Mode::Content | Mode::Prolog) {
            return None;
        }
        let start = self.pos;
        let b = *self.input.get(start)?;
        let attribute = *self.input.get(start + 1)?;
        if is_global(b)
            || b & TAG_ATTRIBUTES == 0
            || attribute >= 0x80
            || is_global(attribute)
            || self.input.get(start + 2) != Some(&STR_I)
        {
            return None;
        }
        let (value, end_at) = self.inline_text_fast(start + 3)?;
        let content = b & TAG_CONTENT != 0;
        if self.input.get(end_at) != Some(&END) || (content && self.depth >= self.limits.max_depth)
        {
            return None;
        }
        Some(AttributedTag {
            token: b & TAG_MASK,
            content,
            attribute,
            value,
        })
    }

    /// The first byte of the token [`Reader::next_fast`] would read next,
    /// or `None` when the fast path does not apply (not in element content,
    /// or at the end of the input). Lets a layered decoder handle the most
    /// common tokens (tags, `END`) in a path of their own:
    /// when this returns a tag byte without the attribute bit or `END`,
    /// `next_fast` reads that token (unless the depth limit is reached:
    /// then it returns [`FastToken::Other`]).
    #[inline(always)]
    pub fn peek_fast(&self) -> Option<u8> {
        self.fast.get(self.pos).copied()
    }

    /// The inline string whose bytes start at `from`, and the position after
    /// its NUL; `None` if it is unterminated, too long or not valid text.
    #[inline(always)]
    fn inline_text_fast(&self, from: usize) -> Option<(&'a str, usize)> {
        let to = find_nul(self.input, from)?;
        if to - from > self.fast_text_max as usize {
            return None;
        }
        let text = utf8(self.input.get(from..to)?).ok()?;
        Some((text, to + 1))
    }

    /// Sets the mode and with it the fast path's bound.
    #[inline(always)]
    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
        self.fast = if mode == Mode::Content {
            self.input
        } else {
            &[]
        };
    }

    /// Every token but the fast path's, the token limit, the end of input and
    /// errors.
    #[inline(never)]
    fn next_slow(&mut self) -> Step<'a> {
        if self.mode == Mode::Failed {
            return Err(self.failed);
        }
        let r = self.step();
        if let Err(e) = r {
            self.fail_with(e);
        }
        r
    }

    /// Enters [`Mode::Failed`] with `e` and returns it.
    #[cold]
    #[inline(never)]
    fn fail_with(&mut self, e: Error) -> Error {
        self.failed = e;
        self.set_mode(Mode::Failed);
        e
    }

    fn step(&mut self) -> Step<'a> {
        let start = self.pos;
        let Some(&b) = self.input.get(start) else {
            return self.at_eof();
        };
        if self.counting {
            self.tokens += 1;
            if self.tokens > self.limits.max_tokens {
                return Err(Error::new(ErrorKind::Limit(LimitKind::Tokens), start));
            }
        }
        self.pos = start + 1;
        match self.mode {
            Mode::Content | Mode::CountedContent => self.content_token(b, start),
            Mode::Attrs | Mode::Pi => self.attr_token(b, start),
            Mode::Prolog => self.prolog_token(b, start),
            Mode::Epilog | Mode::Done => {
                if b == PI {
                    self.start_pi(start)
                } else {
                    Err(Error::new(ErrorKind::TrailingData, start))
                }
            }
            Mode::Failed => Err(self.failed),
        }
    }

    fn at_eof(&mut self) -> Step<'a> {
        let at = self.input.len();
        let kind = match self.mode {
            Mode::Epilog | Mode::Done => {
                self.set_mode(Mode::Done);
                return Ok(None);
            }
            Mode::Prolog => ErrorKind::UnexpectedEof("body (no root element)"),
            Mode::Content | Mode::CountedContent => ErrorKind::Unclosed(self.depth),
            Mode::Attrs => ErrorKind::UnexpectedEof("attribute list"),
            Mode::Pi => ErrorKind::UnexpectedEof("processing instruction"),
            Mode::Failed => return Err(self.failed),
        };
        Err(Error::new(kind, at))
    }

    #[inline]
    fn token(&self, offset: usize, page: u8, kind: TokenKind<'a>) -> Step<'a> {
        Ok(Some(Token { offset, page, kind }))
    }

    fn prolog_token(&mut self, b: u8, start: usize) -> Step<'a> {
        match b {
            SWITCH_PAGE => self.switch_page(start, false),
            PI => self.start_pi(start),
            LITERAL | LITERAL_A | LITERAL_C | LITERAL_AC => self.literal_tag(b, start),
            _ if !is_global(b) => self.tag(b, start),
            _ => Err(Error::new(
                ErrorKind::UnexpectedToken {
                    token: b,
                    context: "before the root element",
                },
                start,
            )),
        }
    }

    #[inline]
    fn content_token(&mut self, b: u8, start: usize) -> Step<'a> {
        if !is_global(b) {
            return self.tag(b, start);
        }
        match b {
            END => {
                self.pop();
                self.token(start, self.tag_page, TokenKind::End)
            }
            SWITCH_PAGE => self.switch_page(start, false),
            PI => self.start_pi(start),
            LITERAL | LITERAL_A | LITERAL_C | LITERAL_AC => self.literal_tag(b, start),
            _ => self.value_token(b, start, self.tag_page),
        }
    }

    #[inline]
    fn attr_token(&mut self, b: u8, start: usize) -> Step<'a> {
        let page = self.attr_page;
        match b {
            SWITCH_PAGE => self.switch_page(start, true),
            END => {
                if self.mode == Mode::Pi {
                    self.set_mode(self.pi_return);
                    return self.token(start, page, TokenKind::PiEnd);
                }
                self.end_attributes(self.pending_content, start)?;
                self.token(start, page, TokenKind::AttrEnd)
            }
            LITERAL => {
                let name = self.literal_name(start)?;
                self.attr_started = true;
                self.token(start, page, TokenKind::AttrStart(name))
            }
            LITERAL_A | LITERAL_C | LITERAL_AC | PI => Err(Error::new(
                ErrorKind::UnexpectedToken {
                    token: b,
                    context: "in an attribute list",
                },
                start,
            )),
            _ if b < 0x80 && !is_global(b) => {
                self.attr_started = true;
                self.token(start, page, TokenKind::AttrStart(Name::Token(b)))
            }
            _ => {
                if !self.attr_started {
                    return Err(Error::new(
                        ErrorKind::UnexpectedToken {
                            token: b,
                            context: "before an attribute start",
                        },
                        start,
                    ));
                }
                if is_global(b) {
                    self.value_token(b, start, page)
                } else {
                    self.token(start, page, TokenKind::AttrValue(b))
                }
            }
        }
    }

    fn switch_page(&mut self, start: usize, attr: bool) -> Step<'a> {
        let Some(&p) = self.input.get(self.pos) else {
            return Err(Error::new(
                ErrorKind::UnexpectedEof("SWITCH_PAGE"),
                self.input.len(),
            ));
        };
        self.pos += 1;
        if attr {
            self.attr_page = p;
        } else {
            self.tag_page = p;
        }
        self.token(start, p, TokenKind::SwitchPage(p))
    }

    fn start_pi(&mut self, start: usize) -> Step<'a> {
        self.pi_return = self.mode;
        self.set_mode(Mode::Pi);
        self.attr_started = false;
        self.token(start, self.attr_page, TokenKind::Pi)
    }

    /// What an attribute list's `END` (at `at`) does: enters the element
    /// when it has content, else leaves it (after the root, only the
    /// epilog follows).
    #[inline]
    fn end_attributes(&mut self, content: bool, at: usize) -> Result<(), Error> {
        if content {
            return self.push(at);
        }
        self.set_mode(if self.depth == 0 {
            Mode::Epilog
        } else {
            self.content_mode
        });
        Ok(())
    }

    #[inline]
    fn push(&mut self, at: usize) -> Result<(), Error> {
        if self.depth >= self.limits.max_depth {
            return Err(Error::new(ErrorKind::Limit(LimitKind::Depth), at));
        }
        self.depth += 1;
        self.set_mode(self.content_mode);
        Ok(())
    }

    /// Leaves an element (an `END` in element content): after the root's,
    /// only the epilog follows.
    #[inline(always)]
    fn pop(&mut self) {
        if self.depth <= 1 {
            self.depth = 0;
            self.set_mode(Mode::Epilog);
        } else {
            self.depth -= 1;
        }
    }

    #[inline]
    fn open(&mut self, name: Name<'a>, attributes: bool, content: bool, start: usize) -> Step<'a> {
        if attributes {
            self.set_mode(Mode::Attrs);
            self.pending_content = content;
            self.attr_started = false;
        } else if content {
            self.push(start)?;
        } else if self.depth == 0 {
            self.set_mode(Mode::Epilog);
        }
        self.token(
            start,
            self.tag_page,
            TokenKind::Tag {
                name,
                attributes,
                content,
            },
        )
    }

    #[inline]
    fn tag(&mut self, b: u8, start: usize) -> Step<'a> {
        self.open(
            Name::Token(b & TAG_MASK),
            b & TAG_ATTRIBUTES != 0,
            b & TAG_CONTENT != 0,
            start,
        )
    }

    fn literal_tag(&mut self, b: u8, start: usize) -> Step<'a> {
        let name = self.literal_name(start)?;
        self.open(name, b & TAG_ATTRIBUTES != 0, b & TAG_CONTENT != 0, start)
    }

    fn literal_name(&mut self, start: usize) -> Result<Name<'a>, Error> {
        let (index, text) = self.table_text(start)?;
        Ok(Name::Literal { index, name: text })
    }

    /// Reads an `mb_u_int32` string-table index and resolves it.
    fn table_text(&mut self, start: usize) -> Result<(u32, &'a str), Error> {
        let (index, p) = read_mb_u32(self.input, self.pos)?;
        self.pos = p;
        let table = self.header.string_table;
        let bytes = table_str(table, index).map_err(|k| Error::new(k, start))?;
        self.check_len(bytes.len(), start)?;
        // A 2-byte reference can name a string of any length: bound what all
        // references together hand out, for consumers that copy text.
        self.table_budget = self
            .table_budget
            .checked_sub(bytes.len())
            .ok_or(Error::new(
                ErrorKind::Limit(LimitKind::TableExpansion),
                start,
            ))?;
        let text =
            check_text(bytes, self.header.is_ascii()).map_err(|(k, _)| Error::new(k, start))?;
        Ok((index, text))
    }

    #[inline]
    fn check_len(&self, len: usize, at: usize) -> Result<(), Error> {
        if len > self.limits.max_string_len as usize {
            return Err(Error::new(ErrorKind::Limit(LimitKind::StringLength), at));
        }
        Ok(())
    }

    /// A NUL-terminated inline string starting at `self.pos`.
    #[inline(always)]
    fn inline_text(&mut self, start: usize) -> Result<&'a str, Error> {
        let from = self.pos;
        let Some(to) = find_nul(self.input, from) else {
            return Err(Error::new(ErrorKind::UnterminatedString, start));
        };
        self.check_len(to - from, start)?;
        self.pos = to + 1;
        let bytes = self.input.get(from..to).unwrap_or_default();
        check_text(bytes, self.header.is_ascii()).map_err(|(k, i)| Error::new(k, from + i))
    }

    /// ENTITY, STR_I, STR_T, EXT_*, OPAQUE (content and attribute values).
    #[inline]
    fn value_token(&mut self, b: u8, start: usize, page: u8) -> Step<'a> {
        let kind = match b {
            STR_I => TokenKind::StrI(self.inline_text(start)?),
            STR_T => {
                let (index, text) = self.table_text(start)?;
                TokenKind::StrT { index, text }
            }
            ENTITY => {
                let (code, p) = read_mb_u32(self.input, self.pos)?;
                self.pos = p;
                match char::from_u32(code) {
                    Some(c) => TokenKind::Entity(c),
                    None => return Err(Error::new(ErrorKind::InvalidEntity(code), start)),
                }
            }
            EXT_I_0 | EXT_I_1 | EXT_I_2 => TokenKind::ExtI {
                n: b - EXT_I_0,
                text: self.inline_text(start)?,
            },
            EXT_T_0 | EXT_T_1 | EXT_T_2 => {
                let (value, p) = read_mb_u32(self.input, self.pos)?;
                self.pos = p;
                TokenKind::ExtT {
                    n: b - EXT_T_0,
                    value,
                }
            }
            EXT_0 | EXT_1 | EXT_2 => TokenKind::Ext(b - EXT_0),
            OPAQUE => TokenKind::Opaque(self.opaque(start)?),
            _ => {
                return Err(Error::new(
                    ErrorKind::UnexpectedToken {
                        token: b,
                        context: "in content",
                    },
                    start,
                ))
            }
        };
        self.token(start, page, kind)
    }

    fn opaque(&mut self, start: usize) -> Result<&'a [u8], Error> {
        if self.header.version == 0 {
            return Err(Error::new(ErrorKind::OpaqueInWbxml10, start));
        }
        let (len, p) = read_mb_u32(self.input, self.pos)?;
        self.check_len(len as usize, start)?;
        let end = p.saturating_add(len as usize);
        let Some(data) = self.input.get(p..end) else {
            return Err(Error::new(ErrorKind::OpaqueTooLong(len), start));
        };
        self.pos = end;
        Ok(data)
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Result<Token<'a>, Error>;

    /// Yields tokens; after an error (yielded once) the iterator ends.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        if self.mode == Mode::Failed {
            return None;
        }
        self.next_token().transpose()
    }
}

/// The index of the first NUL at or after `from`.
///
/// Inline strings are mostly short: the first bytes are searched eight at a
/// time in a register (no call), longer strings with `memchr`.
#[inline(always)]
fn find_nul(input: &[u8], from: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let rest = input.get(from..)?;
    let mut i = 0;
    while let Some(chunk) = rest.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().ok()?);
        // The lowest set bit marks the first zero byte (borrows only run
        // upwards, past it).
        let zero = x.wrapping_sub(LO) & !x & HI;
        if zero != 0 {
            return Some(from + i + (zero.trailing_zeros() / 8) as usize);
        }
        i += 8;
        if i == 32 {
            return memchr::memchr(0, rest.get(i..)?).map(|n| from + i + n);
        }
    }
    let tail = rest.get(i..)?;
    tail.iter().position(|&b| b == 0).map(|n| from + i + n)
}
