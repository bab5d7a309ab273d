//! The measured jobs, as plain functions over byte slices, shared by the
//! criterion benches and the instruction-count harness (`icount`).

use imps_csp_wbxml::{EncodeOptions, WbxmlReader, WbxmlWriter};
use imps_csp_xml::{WriteOptions, XmlReader, XmlWriter};
use imps_event::{CspVersion, Event, EventSink, EventSource};
use imps_wbxml::{
    FastToken, Limits, Name, PublicId, PublicIdSpec, Reader, TokenKind, Writer, WriterHeader,
};

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
        sum = fold(sum, token_value(&token.kind), token.offset);
    }
    Ok(sum)
}

/// What a token adds to the checksum of [`wbxml_tokens`] and
/// [`wbxml_tokens_fast`] (equal for the same tokens read either way).
fn token_value(kind: &TokenKind<'_>) -> u64 {
    match kind {
        TokenKind::Tag {
            name: Name::Token(t),
            ..
        } => u64::from(*t),
        TokenKind::StrI(s) => s.len() as u64,
        TokenKind::Opaque(o) => o.len() as u64,
        TokenKind::ExtT { value, .. } => u64::from(*value),
        _ => 1,
    }
}

/// Folds a token's value and offset into a checksum.
fn fold(sum: u64, value: u64, offset: usize) -> u64 {
    sum.wrapping_mul(31).wrapping_add(value ^ offset as u64)
}

/// Generic WBXML reader through its fast path, as layered decoders use it:
/// [`Reader::next_fast`] for the common tokens of element content (tags,
/// `END`, `STR_I`, `EXT_T_0`, `OPAQUE`, `SWITCH_PAGE`), [`Reader::next_token`]
/// for everything else. Every token is read and folded into the same
/// checksum as [`wbxml_tokens`] gives.
pub fn wbxml_tokens_fast(input: &[u8]) -> Result<u64, JobError> {
    let mut reader = Reader::new(input, Limits::default()).map_err(err)?;
    let mut sum = 0u64;
    loop {
        let offset = reader.position();
        let v = match reader.next_fast() {
            FastToken::Tag { token, .. } => u64::from(token),
            FastToken::StrI(s) => s.len() as u64,
            FastToken::ExtT0(value) => u64::from(value),
            FastToken::Opaque(o) => o.len() as u64,
            FastToken::End | FastToken::SwitchPage(_) => 1,
            FastToken::Other => match reader.next_token().map_err(err)? {
                None => break,
                Some(token) => {
                    sum = fold(sum, token_value(&token.kind), token.offset);
                    continue;
                }
            },
        };
        sum = fold(sum, v, offset);
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

/// Moves every event from `source` to `sink`.
fn pump<'a>(source: &mut impl EventSource<'a>, sink: &mut impl EventSink) -> Result<(), JobError> {
    imps_event::copy_events(source, sink).map_err(|e| err(e.into_error()))
}

/// Folds an event into a checksum.
fn event_hash(event: &Event<'_>) -> u64 {
    match event {
        Event::Start(s) => s.name.tag().map_or(1, |t| t as u64),
        Event::End => 2,
        Event::Text(t) => t.len() as u64,
        Event::Integer(i) => u64::from(*i),
        Event::DateTime(d) => u64::from(d.second()),
        Event::Opaque(o) => o.len() as u64,
    }
}

/// CSP WBXML decode: every event of the document (tags resolved, text
/// joined, integers and dates decoded), borrowed, folded into a checksum.
pub fn csp_wbxml_events(input: &[u8]) -> Result<u64, JobError> {
    let mut reader =
        WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default()).map_err(err)?;
    let mut sum = 0u64;
    while let Some(event) = reader.next_event().map_err(err)? {
        sum = sum.wrapping_mul(31).wrapping_add(event_hash(&event));
    }
    Ok(sum)
}

/// CSP XML decode: every event of the document, folded into a checksum.
pub fn csp_xml_events(input: &[u8]) -> Result<u64, JobError> {
    let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default()).map_err(err)?;
    let mut sum = 0u64;
    while let Some(event) = reader.next_event().map_err(err)? {
        sum = sum.wrapping_mul(31).wrapping_add(event_hash(&event));
    }
    Ok(sum)
}

/// CSP WBXML decode into an owned in-memory structure (the event list):
/// what we compare with libwbxml's tree until the typed model is measured.
pub fn csp_wbxml_owned(input: &[u8]) -> Result<Vec<Event<'static>>, JobError> {
    imps_csp_wbxml::decode(input, &imps_csp_wbxml::DecodeOptions::default()).map_err(err)
}

/// CSP WBXML → XML text (compact, with declaration; a DOCTYPE when the
/// root has no `xmlns`, as for libwbxml's WBXML).
pub fn csp_wbxml_to_xml(input: &[u8]) -> Result<Vec<u8>, JobError> {
    let mut reader =
        WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default()).map_err(err)?;
    let options = WriteOptions {
        version: Some(reader.version()),
        ..WriteOptions::default()
    };
    // XML is about 5× the WBXML, plus the prolog: no regrowth.
    let mut writer = XmlWriter::with_buffer(Vec::with_capacity(input.len() * 8 + 256), options);
    pump(&mut reader, &mut writer)?;
    writer.finish().map_err(err)
}

/// CSP XML text → phone-style WBXML.
pub fn csp_xml_to_wbxml(input: &[u8]) -> Result<Vec<u8>, JobError> {
    let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default()).map_err(err)?;
    let version = reader.version().unwrap_or(CspVersion::V1_2);
    let mut writer = WbxmlWriter::with_buffer(
        Vec::with_capacity(input.len() / 2),
        EncodeOptions::phone(version),
    );
    pump(&mut reader, &mut writer)?;
    writer.finish().map_err(err)
}

/// Typed decode of CSP WBXML into the model ([`imps_model::Message`]).
///
/// The typed jobs return the decoder's own `Result` as it comes (no
/// conversion that would move the model), and callers look at it by
/// reference: what is measured is the decode and the drop.
pub fn typed_wbxml_decode(input: &[u8]) -> Result<imps_model::Message, imps_event::Error> {
    let mut reader = WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default())?;
    let options = imps_model::DecodeOptions::default().with_default_version(reader.version());
    imps_model::decode_with(&mut reader, &options)
}

/// Typed decode of CSP XML into the model (see [`typed_wbxml_decode`]).
pub fn typed_xml_decode(input: &[u8]) -> Result<imps_model::Message, imps_event::Error> {
    let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default())?;
    let version = reader.version().unwrap_or(CspVersion::V1_2);
    let options = imps_model::DecodeOptions::default().with_default_version(version);
    imps_model::decode_with(&mut reader, &options)
}

/// The number of transactions of a typed decode's result (0 for an error),
/// read by reference so that the model is not moved out of the `Result`.
pub fn transactions(decoded: &Result<imps_model::Message, imps_event::Error>) -> u64 {
    decoded
        .as_ref()
        .map_or(0, |m| m.session.transactions.len() as u64)
}

/// Typed encode: model → phone-style WBXML.
pub fn typed_wbxml_encode(msg: &imps_model::Message) -> Result<Vec<u8>, JobError> {
    let mut writer =
        WbxmlWriter::with_buffer(Vec::with_capacity(256), EncodeOptions::phone(msg.version));
    imps_model::encode(msg, &mut writer).map_err(err)?;
    writer.finish().map_err(err)
}

/// Typed encode: model → compact XML.
pub fn typed_xml_encode(msg: &imps_model::Message) -> Result<Vec<u8>, JobError> {
    let options = WriteOptions {
        version: Some(msg.version),
        ..WriteOptions::default()
    };
    let mut writer = XmlWriter::with_buffer(Vec::with_capacity(1024), options);
    imps_model::encode(msg, &mut writer).map_err(err)?;
    writer.finish().map_err(err)
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
            assert!(wbxml_tokens_fast(&p.wbxml).is_ok());
        }
    }

    /// The fast path reads the same tokens, at the same offsets, as
    /// `next_token` alone, over the whole WBXML corpus.
    #[test]
    fn fast_path_job_reads_what_next_token_reads() {
        let docs = corpus::files_with_ext("wbxml");
        assert!(docs.len() > 100);
        for d in &docs {
            assert_eq!(
                wbxml_tokens_fast(&d.bytes).ok(),
                wbxml_tokens(&d.bytes).ok(),
                "{}",
                d.name
            );
        }
    }

    #[test]
    fn csp_jobs_agree_with_each_other_on_the_wv_corpus() {
        for p in &corpus::wv_pairs() {
            let xml = csp_wbxml_to_xml(&p.wbxml).unwrap();
            // Our XML of libwbxml's WBXML reads back to the same events.
            let from_xml = imps_csp_xml::XmlReader::new(&xml, &Default::default()).unwrap();
            let events: Vec<_> = std::iter::from_fn({
                let mut r = from_xml;
                move || r.next_event().unwrap().map(Event::into_owned)
            })
            .collect();
            // XML readers report integers and dates as text.
            let as_text = |e: Event<'static>| match e {
                Event::Integer(i) => Event::Text(i.to_string().into()),
                Event::DateTime(d) => Event::Text(d.to_string().into()),
                e => e,
            };
            let direct: Vec<_> = csp_wbxml_owned(&p.wbxml)
                .unwrap()
                .into_iter()
                .map(as_text)
                .collect();
            assert_eq!(events, direct, "{}", p.name);
            assert!(csp_wbxml_events(&p.wbxml).is_ok());
            assert!(csp_xml_events(&p.xml).is_ok());
            let wbxml = csp_xml_to_wbxml(&p.xml).unwrap();
            assert_eq!(&wbxml[..2], &[0x03, 0x10], "{}: CSP 1.1 public id", p.name);
        }
    }

    #[test]
    fn typed_jobs_agree_across_syntaxes() {
        for p in &corpus::wv_pairs() {
            let from_wbxml = typed_wbxml_decode(&p.wbxml).unwrap();
            let again = typed_wbxml_decode(&typed_wbxml_encode(&from_wbxml).unwrap()).unwrap();
            assert_eq!(again, from_wbxml, "{}", p.name);
            let from_xml = typed_xml_decode(&typed_xml_encode(&from_wbxml).unwrap()).unwrap();
            assert_eq!(from_xml, from_wbxml, "{}", p.name);
            assert!(typed_xml_decode(&p.xml).is_ok(), "{}", p.name);
        }
    }

    #[test]
    fn jobs_report_errors_on_truncated_input() {
        let p = &corpus::wv_pairs()[0];
        let cut = &p.wbxml[..p.wbxml.len() - 3];
        assert!(wbxml_tokens(cut).is_err());
        assert!(wbxml_tokens_fast(cut).is_err());
        assert!(wbxml_copy(cut).is_err());
    }
}
