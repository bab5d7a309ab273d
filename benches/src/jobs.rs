//! The measured jobs, as plain functions over byte slices, shared by the
//! criterion benches and the instruction-count harness (`icount`).

use imps_wbxml::{Limits, Name, PublicId, PublicIdSpec, Reader, TokenKind, Writer, WriterHeader};

/// A job failed on its input (the bench corpus is filtered so this does not
/// happen while measuring).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobError(pub String);

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JobError {}

fn err(e: impl std::fmt::Display) -> JobError {
    JobError(e.to_string())
}

/// Generic WBXML reader: pulls every token and folds them into a checksum
/// (so that nothing is optimised away).
pub fn wbxml_tokens(input: &[u8]) -> Result<u64, JobError> {
    let mut reader = Reader::new(input, Limits::default()).map_err(err)?;
    let mut sum = 0u64;
    while let Some(token) = reader.next_token().map_err(err)? {
        let v = match token.kind {
            TokenKind::Tag {
                name: Name::Token(t),
                ..
            } => u64::from(t),
            TokenKind::StrI(s) => s.len() as u64,
            TokenKind::Opaque(o) => o.len() as u64,
            TokenKind::ExtT { value, .. } => u64::from(value),
            _ => 1,
        };
        sum = sum.wrapping_mul(31).wrapping_add(v ^ token.offset as u64);
    }
    Ok(sum)
}

/// Generic WBXML copy: reads every token and writes it again with the
/// generic writer (same header, same string table). For the canonical
/// encodings of the corpus the output equals the input.
pub fn wbxml_copy(input: &[u8]) -> Result<Vec<u8>, JobError> {
    let mut reader = Reader::new(input, Limits::default()).map_err(err)?;
    let header = *reader.header();
    let public_id = match header.public_id {
        PublicId::Numeric(id) => PublicIdSpec::Numeric(id),
        PublicId::String { index, .. } => PublicIdSpec::StringTable(index),
    };
    let mut w = Writer::new(
        Vec::with_capacity(input.len()),
        &WriterHeader {
            version: header.version,
            public_id,
            charset: header.charset.unwrap_or(imps_wbxml::CHARSET_UTF8),
            string_table: header.string_table,
        },
    )
    .map_err(err)?;
    while let Some(token) = reader.next_token().map_err(err)? {
        let page = token.page;
        match token.kind {
            TokenKind::SwitchPage(_) => {}
            TokenKind::Tag {
                name,
                attributes,
                content,
            } => match name {
                Name::Token(t) => w.tag(page, t, attributes, content).map_err(err)?,
                Name::Literal { index, .. } => w.literal_tag(index, attributes, content),
            },
            TokenKind::End | TokenKind::AttrEnd | TokenKind::PiEnd => w.end(),
            TokenKind::AttrStart(name) => match name {
                Name::Token(t) => w.attr_start(page, t).map_err(err)?,
                Name::Literal { index, .. } => w.literal_attr(index),
            },
            TokenKind::AttrValue(t) => w.attr_value(page, t).map_err(err)?,
            TokenKind::StrI(s) => w.str_i(s).map_err(err)?,
            TokenKind::StrT { index, .. } => w.str_t(index),
            TokenKind::Entity(c) => w.entity(c),
            TokenKind::ExtI { n, text } => w.ext_i(n, text).map_err(err)?,
            TokenKind::ExtT { n, value } => w.ext_t(n, value).map_err(err)?,
            TokenKind::Ext(n) => w.ext(n).map_err(err)?,
            TokenKind::Opaque(o) => w.opaque(o).map_err(err)?,
            TokenKind::Pi => w.pi(),
        }
    }
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    #[test]
    fn copy_reproduces_every_libwbxml_encoding() {
        let pairs = corpus::wv_pairs();
        assert_eq!(pairs.len(), 116);
        for p in &pairs {
            assert_eq!(wbxml_copy(&p.wbxml).unwrap(), p.wbxml, "{}", p.name);
            assert!(wbxml_tokens(&p.wbxml).is_ok());
        }
    }

    #[test]
    fn jobs_report_errors_on_truncated_input() {
        let p = &corpus::wv_pairs()[0];
        let cut = &p.wbxml[..p.wbxml.len() - 3];
        assert!(wbxml_tokens(cut).is_err());
        assert!(wbxml_copy(cut).is_err());
    }
}
