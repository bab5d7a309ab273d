//! The attribute list of a start tag (WAP-192-WBXML §5.8.3; OMA IMPS CSP
//! WBXML definition, "Namespaces"): CSP uses only `xmlns`, written as one of
//! the page-0 attribute-start tokens 0x05–0x0D (each a namespace prefix)
//! followed by a string suffix, or as a `LITERAL` `xmlns`.
//!
//! One implementation of the rules serves the reader (the `xmlns` of every
//! [`imps_event::Start`]) and version detection (the root's `xmlns`, read
//! on a copy of the tokenizer before the version is known), so that the
//! version is always the one the root's reported `xmlns` names.

use std::borrow::Cow;

use imps_event::{Error, ErrorKind, Path};
use imps_tokens::xmlns_prefix;
use imps_wbxml::{AttributedTag, Name, Reader, TokenKind};

use crate::error::from_wbxml;
use crate::version::known_namespace;

/// Reads an attribute list up to its END and returns the `xmlns` value: the
/// last `xmlns` attribute whose value is made of string pieces (joined).
/// Other attributes are skipped, and an `xmlns` spoiled by other value
/// tokens is discarded; `strict` refuses both. Errors carry `path` (the
/// element whose attributes these are).
pub(crate) fn read_xmlns<'a>(
    tokens: &mut Reader<'a>,
    strict: bool,
    path: Path,
) -> Result<Option<Cow<'a, str>>, Error> {
    let mut xmlns: Option<Cow<'a, str>> = None;
    // The attribute being read: Some(prefix) while it is an xmlns.
    let mut current: Option<&'static str> = None;
    let mut value: Option<Cow<'a, str>> = None;
    let mut valid = true;
    loop {
        let Some(t) = tokens.next_token().map_err(|e| from_wbxml(e, path))? else {
            // The tokenizer reports truncation itself.
            return Ok(xmlns);
        };
        match t.kind {
            TokenKind::AttrEnd | TokenKind::AttrStart(_) => {
                if let Some(prefix) = current.take() {
                    if valid {
                        xmlns = Some(compose(prefix, value.take()));
                    }
                }
                value = None;
                valid = true;
                let TokenKind::AttrStart(name) = t.kind else {
                    return Ok(xmlns);
                };
                current = match name {
                    Name::Token(tok) => xmlns_prefix_on(t.page, tok),
                    Name::Literal { name: "xmlns", .. } => Some(""),
                    _ => None,
                };
                if current.is_none() && strict {
                    let found = match name {
                        Name::Token(tok) => {
                            format!("attribute token {tok:#04x} on page {:#04x}", t.page)
                        }
                        Name::Literal { name, .. } => format!("attribute {name:?}"),
                    };
                    let kind = ErrorKind::Unexpected {
                        expected: "only xmlns attributes",
                        found: found.into(),
                    };
                    return Err(Error::new(kind, t.offset, path));
                }
            }
            TokenKind::StrI(s) | TokenKind::StrT { text: s, .. } => {
                append(&mut value, Cow::Borrowed(s));
            }
            TokenKind::Entity(c) => append(&mut value, Cow::Owned(c.to_string())),
            TokenKind::SwitchPage(_) => {}
            _ => {
                // Attribute value tokens, EXT_*, OPAQUE: not part of a
                // CSP namespace value.
                if current.is_some() {
                    if strict {
                        let kind = ErrorKind::InvalidValue {
                            expected: "an xmlns value made of strings",
                            found: format!("{:?}", t.kind).into(),
                        };
                        return Err(Error::new(kind, t.offset, path));
                    }
                    valid = false;
                }
            }
        }
    }
}

/// A start tag whose attribute list is one `xmlns` (a page-0 prefix token
/// and one inline string, as phones and Android write it), read in one
/// step when `tag` takes its tag token: what `tag` made of it, whether the
/// element has content, and the `xmlns` value (the one [`read_xmlns`] would
/// return). Otherwise nothing is read.
#[inline]
pub(crate) fn read_xmlns_tag<'a, T>(
    tokens: &mut Reader<'a>,
    tag: impl FnOnce(u8) -> Option<T>,
) -> Option<(T, bool, Cow<'a, str>)> {
    let attr_page = tokens.attr_page();
    let mut taken = None;
    let AttributedTag { content, value, .. } = tokens.next_fast_attributed(|t| {
        taken = xmlns_prefix_on(attr_page, t.attribute).zip(tag(t.token));
        taken.is_some()
    })?;
    let (prefix, t) = taken?;
    Some((t, content, compose(prefix, Some(Cow::Borrowed(value)))))
}

/// The `xmlns` of the start tag [`read_xmlns_tag`] would read next, without
/// reading it.
pub(crate) fn peek_xmlns_tag<'a>(tokens: &Reader<'a>) -> Option<Cow<'a, str>> {
    let t = tokens.peek_fast_attributed()?;
    let prefix = xmlns_prefix_on(tokens.attr_page(), t.attribute)?;
    Some(compose(prefix, Some(Cow::Borrowed(t.value))))
}

/// The namespace prefix of an attribute-start token on `page`, if it is an
/// `xmlns` one.
fn xmlns_prefix_on(page: u8, token: u8) -> Option<&'static str> {
    if page == 0 {
        xmlns_prefix(token)
    } else {
        None
    }
}

/// Appends a piece of an attribute value (borrowed while there is one).
fn append<'a>(value: &mut Option<Cow<'a, str>>, piece: Cow<'a, str>) {
    match value {
        None => *value = Some(piece),
        Some(v) => v.to_mut().push_str(&piece),
    }
}

/// `prefix + value`, borrowed when possible.
fn compose<'a>(prefix: &'static str, value: Option<Cow<'a, str>>) -> Cow<'a, str> {
    let value = value.unwrap_or_default();
    if prefix.is_empty() {
        return value;
    }
    if let Some(ns) = known_namespace(prefix, &value) {
        return Cow::Borrowed(ns);
    }
    let mut s = String::with_capacity(prefix.len() + value.len());
    s.push_str(prefix);
    s.push_str(&value);
    Cow::Owned(s)
}
