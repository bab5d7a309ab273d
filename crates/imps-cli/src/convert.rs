//! `imps convert`: input syntax detection, then reader → typed model →
//! writer.
//!
//! By default every conversion goes through the typed model of
//! `imps-model` (issue 3): the input is decoded into an
//! [`imps_model::presence::Document`] (a whole CSP message, or a standalone
//! presence document whose root is `PresenceSubList`), and that model is
//! encoded in the output syntax. The same mapping serves XML, WBXML and JSON,
//! so what comes out is what the model understood: children in the DTD
//! order, unknown elements kept (lenient decoding), names of the output's CSP
//! version.
//!
//! With [`Options::raw`] (`--raw`) the events flow from the reader to the
//! writer unchanged ([`raw_pipeline`]): any well-formed document converts,
//! in its own element order — for codec fragments that are not CSP messages
//! (Android's codec test vectors) and for debugging the codecs.
//!
//! JSON is the typed model's stable JSON shape (documented in `imps-model`):
//! a message is a bare [`imps_model::Message`] object, a presence document a
//! bare [`imps_model::PresenceSubList`] object (`{"xmlns": …, "attributes":
//! […]}`). JSON input may also be the tagged [`Document`] shape
//! (`{"Message": {…}}` / `{"Presence": {…}}`).

use imps_csp_wbxml::{EncodeOptions, WbxmlReader, WbxmlWriter};
use imps_csp_xml::{WriteOptions, XmlReader, XmlWriter};
use imps_event::{
    copy_events, CopyError, Error, ErrorKind, Event, EventSink, EventSource, Start, VecSink,
    VecSource,
};
use imps_model::presence::Document;
use imps_model::{DecodeOptions, Message, PresenceSubList};
use imps_tokens::CspVersion;

use crate::detect::{detect, Syntax};
use crate::error::CliError;

/// What `convert` should produce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Output syntax; `None`: the other one ([`Syntax::other`]).
    pub to: Option<Syntax>,
    /// Output CSP version; `None`: the input's (CSP 1.2 when the input names none).
    pub csp: Option<CspVersion>,
    /// XML output: spaces per indentation level (`None` or 0: one line).
    pub indent: Option<u8>,
    /// Copy the reader's events to the writer instead of going through the
    /// typed model (XML and WBXML only).
    pub raw: bool,
}

/// Where a pipeline error came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// The reader or the model refused the input.
    Decode(Error),
    /// The writer could not express an event.
    Encode(Error),
}

/// The typed conversion: decodes a [`Document`] from `source` with
/// `options` (lenient or strict, the fallback version), then encodes it into
/// `sink` with the element names of `version` (`None`: the document's own).
///
/// Namespaces are written as the document declared them; changing the
/// version of the namespaces too is [`convert`]'s business (`--csp`).
pub fn pipeline<'a>(
    source: &mut impl EventSource<'a>,
    sink: &mut impl EventSink,
    options: &DecodeOptions,
    version: Option<CspVersion>,
) -> Result<Document, PipelineError> {
    let doc = Document::decode(source, options).map_err(PipelineError::Decode)?;
    let version = version.unwrap_or_else(|| doc_version(&doc, options.default_version));
    encode_document(&doc, version, sink).map_err(PipelineError::Encode)?;
    Ok(doc)
}

/// The generic event path (`--raw`): moves every event from `source` to
/// `sink` unchanged.
pub fn raw_pipeline<'a>(
    source: &mut impl EventSource<'a>,
    sink: &mut impl EventSink,
) -> Result<(), PipelineError> {
    copy_events(source, sink).map_err(|e| match e {
        CopyError::Source(e) => PipelineError::Decode(e),
        CopyError::Sink(e) => PipelineError::Encode(e),
    })
}

/// The CSP version of a decoded document: a message's own; a presence
/// document's PA namespace, else `fallback` (the reader's version).
pub fn doc_version(doc: &Document, fallback: CspVersion) -> CspVersion {
    match doc {
        Document::Message(m) => m.version,
        Document::Presence(p) => p.version().unwrap_or(fallback),
    }
}

/// Encodes `doc` with the element names of `version` (a message is written
/// as `version` whatever its own field says).
pub fn encode_document(
    doc: &Document,
    version: CspVersion,
    sink: &mut impl EventSink,
) -> Result<(), Error> {
    match doc {
        Document::Message(m) if m.version == version => imps_model::encode(m, sink),
        Document::Message(m) => {
            let mut m = m.clone();
            m.version = version;
            imps_model::encode(&m, sink)
        }
        Document::Presence(p) => {
            let mut options = imps_model::EncodeOptions::default();
            options.version = version;
            imps_model::encode_with(p, sink, &options)
        }
    }
}

/// Converts `input` (syntax detected) as `options` say.
pub fn convert(input: &[u8], options: &Options) -> Result<Vec<u8>, CliError> {
    let from = detect(input).map_err(|m| CliError::input(m, input, Syntax::Xml, 0, None))?;
    let to = options.to.unwrap_or_else(|| from.other());
    if options.raw {
        return convert_raw(input, from, to, options);
    }
    let (doc, input_version) = read_document(input, from, &DecodeOptions::default())?;
    let version = options.csp.unwrap_or(input_version);
    let doc = if version == input_version {
        doc
    } else {
        retarget(&doc, version)?
    };
    write_document(&doc, version, to, options.indent)
}

/// Reads `input` (in `from`) into the typed model with `options` (whose
/// `default_version` is replaced by what the input's header says).
/// Returns the document and its CSP version.
pub fn read_document(
    input: &[u8],
    from: Syntax,
    options: &DecodeOptions,
) -> Result<(Document, CspVersion), CliError> {
    let decode_err = |e: &Error| typed_decode_error(e, input, from);
    let (doc, fallback) = match from {
        Syntax::Wbxml => {
            let mut reader = WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default())
                .map_err(|e| decode_err(&e))?;
            let version = reader.version();
            let options = options.clone().with_default_version(version);
            let doc = Document::decode(&mut reader, &options).map_err(|e| decode_err(&e))?;
            (doc, version)
        }
        Syntax::Xml => {
            let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default())
                .map_err(|e| decode_err(&e))?;
            let version = reader.version().unwrap_or(CspVersion::V1_2);
            let options = options.clone().with_default_version(version);
            let doc = Document::decode(&mut reader, &options).map_err(|e| decode_err(&e))?;
            (doc, version)
        }
        Syntax::Json => {
            let doc = parse_json(input)?;
            (doc, CspVersion::V1_2)
        }
    };
    let version = doc_version(&doc, fallback);
    Ok((doc, version))
}

/// A decode error of the typed path; a root the model does not know gets a
/// hint at `--raw`.
fn typed_decode_error(e: &Error, input: &[u8], from: Syntax) -> CliError {
    let mut err = CliError::event(e, input, from);
    let wrong_root = e.path.depth() <= 1
        && matches!(
            &e.kind,
            ErrorKind::Unexpected { expected, .. } if expected.contains("WV-CSP-Message")
        );
    if let (true, CliError::Data { message, .. }) = (wrong_root, &mut err) {
        message.push_str(" (not a CSP message or presence document; --raw converts any document)");
    }
    err
}

/// Parses JSON input: a bare message, a bare presence document, or the
/// tagged [`Document`] shape.
pub fn parse_json(input: &[u8]) -> Result<Document, CliError> {
    // Which shape: look at the top-level keys first (a presence document
    // has no required field, so parsing it blindly would accept anything).
    let keys: Vec<String> = match serde_json::from_slice::<serde_json::Value>(input) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        Ok(_) => Vec::new(),
        Err(e) => return Err(json_error(&e, input)),
    };
    let has = |k: &str| keys.iter().any(|key| key == k);
    let tagged = keys.len() == 1 && (has("Message") || has("Presence"));
    let presence = !has("session") && !has("version") && (has("attributes") || has("xmlns"));
    if tagged {
        serde_json::from_slice::<Document>(input).map_err(|e| json_error(&e, input))
    } else if presence {
        serde_json::from_slice::<PresenceSubList>(input)
            .map(Document::Presence)
            .map_err(|e| json_error(&e, input))
    } else {
        serde_json::from_slice::<Message>(input)
            .map(Document::Message)
            .map_err(|e| json_error(&e, input))
    }
}

/// Rewrites `doc` into CSP `version`: element names of that version, and
/// every CSP/TRC/PA namespace declaration that version's.
fn retarget(doc: &Document, version: CspVersion) -> Result<Document, CliError> {
    let mut events = Retarget::new(VecSink::default(), Some(version));
    encode_document(doc, version, &mut events).map_err(|e| CliError::encode(&e))?;
    let options = DecodeOptions::default().with_default_version(version);
    Document::decode(&mut VecSource::new(events.inner.events), &options)
        .map_err(|e| CliError::encode(&e))
}

/// Writes `doc` (already in `version`) in `to`.
fn write_document(
    doc: &Document,
    version: CspVersion,
    to: Syntax,
    indent: Option<u8>,
) -> Result<Vec<u8>, CliError> {
    match to {
        Syntax::Wbxml => {
            let mut writer = WbxmlWriter::new(EncodeOptions::phone(version));
            encode_document(doc, version, &mut writer).map_err(|e| CliError::encode(&e))?;
            writer.finish().map_err(|e| CliError::encode(&e))
        }
        Syntax::Xml => {
            let mut writer = XmlWriter::new(xml_options(version, indent));
            encode_document(doc, version, &mut writer).map_err(|e| CliError::encode(&e))?;
            let mut out = writer.finish().map_err(|e| CliError::encode(&e))?;
            if !out.ends_with(b"\n") {
                out.push(b'\n');
            }
            Ok(out)
        }
        Syntax::Json => {
            let json = match doc {
                Document::Message(m) => serde_json::to_vec_pretty(m),
                Document::Presence(p) => serde_json::to_vec_pretty(p),
            };
            let mut out = json.map_err(|e| CliError::Usage(format!("cannot write JSON: {e}")))?;
            out.push(b'\n');
            Ok(out)
        }
    }
}

fn xml_options(version: CspVersion, indent: Option<u8>) -> WriteOptions {
    WriteOptions {
        indent: indent.filter(|&n| n > 0),
        version: Some(version),
        ..WriteOptions::default()
    }
}

/// `--raw`: reader events straight to the writer.
fn convert_raw(
    input: &[u8],
    from: Syntax,
    to: Syntax,
    options: &Options,
) -> Result<Vec<u8>, CliError> {
    if from == Syntax::Json || to == Syntax::Json {
        return Err(CliError::Usage(
            "--raw converts between XML and WBXML only (JSON is the typed model's shape)".into(),
        ));
    }
    let decode_err = |e: &Error| CliError::event(e, input, from);
    match from {
        Syntax::Wbxml => {
            let mut reader = WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default())
                .map_err(|e| decode_err(&e))?;
            let version = reader.version();
            write_raw(&mut reader, input, from, to, version, options)
        }
        _ => {
            let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default())
                .map_err(|e| decode_err(&e))?;
            let version = reader.version().unwrap_or(CspVersion::V1_2);
            write_raw(&mut reader, input, from, to, version, options)
        }
    }
}

/// A serde_json error as a CLI error with byte offset, line and column.
fn json_error(e: &serde_json::Error, input: &[u8]) -> CliError {
    // serde_json counts lines and columns (1-based, column in bytes); turn
    // them back into a byte offset.
    let line_start: usize = input
        .split_inclusive(|&b| b == b'\n')
        .take(e.line().saturating_sub(1))
        .map(<[u8]>::len)
        .sum();
    let offset = (line_start + e.column().saturating_sub(1)).min(input.len());
    let message = e.to_string();
    // serde_json appends " at line L column C": we print our own position.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    CliError::input(
        format!("invalid JSON message: {message}"),
        input,
        Syntax::Json,
        offset,
        None,
    )
}

fn write_raw<'a>(
    reader: &mut impl EventSource<'a>,
    input: &[u8],
    from: Syntax,
    to: Syntax,
    input_version: CspVersion,
    options: &Options,
) -> Result<Vec<u8>, CliError> {
    let version = options.csp.unwrap_or(input_version);
    let map_err = |e: PipelineError| match e {
        PipelineError::Decode(e) => CliError::event(&e, input, from),
        PipelineError::Encode(e) => CliError::encode(&e),
    };
    let retarget = (version != input_version).then_some(version);
    if to == Syntax::Wbxml {
        let mut writer = Retarget::new(WbxmlWriter::new(EncodeOptions::phone(version)), retarget);
        raw_pipeline(reader, &mut writer).map_err(map_err)?;
        writer.inner.finish().map_err(|e| CliError::encode(&e))
    } else {
        let mut writer = Retarget::new(
            XmlWriter::new(xml_options(version, options.indent)),
            retarget,
        );
        raw_pipeline(reader, &mut writer).map_err(map_err)?;
        let mut out = writer.inner.finish().map_err(|e| CliError::encode(&e))?;
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        Ok(out)
    }
}

/// A sink adapter that rewrites CSP namespace declarations to another
/// version's (`--csp` different from the input's version).
struct Retarget<S> {
    inner: S,
    to: Option<CspVersion>,
}

impl<S> Retarget<S> {
    fn new(inner: S, to: Option<CspVersion>) -> Self {
        Retarget { inner, to }
    }
}

impl<S: EventSink> EventSink for Retarget<S> {
    fn event(&mut self, event: Event<'_>) -> Result<(), Error> {
        match (self.to, event) {
            (
                Some(to),
                Event::Start(Start {
                    name,
                    xmlns: Some(ns),
                }),
            ) => {
                let xmlns = match CspVersion::from_namespace(&ns) {
                    Some((_, kind)) => to.namespace(kind).into(),
                    None => ns,
                };
                self.inner.event(Event::Start(Start {
                    name,
                    xmlns: Some(xmlns),
                }))
            }
            (_, event) => self.inner.event(event),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CAP_REQUEST: &[u8] =
        include_bytes!("../../../testvectors/android-im-libwbxml/encoder/cap_request.wbxml");

    #[test]
    fn phone_wbxml_round_trips_through_xml() {
        let raw = Options {
            raw: true,
            ..Options::default()
        };
        for options in [Options::default(), raw.clone()] {
            let xml = convert(CAP_REQUEST, &options).unwrap();
            let text = std::str::from_utf8(&xml).unwrap();
            assert!(
                text.contains("<SupportedCIRMethod>SHTTP</SupportedCIRMethod>"),
                "{text}"
            );
            assert!(
                text.contains("xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\""),
                "{text}"
            );
        }
        // The event path keeps the phone's bytes.
        let xml = convert(CAP_REQUEST, &raw).unwrap();
        assert_eq!(convert(&xml, &raw).unwrap(), CAP_REQUEST);
        // The typed path writes the CapabilityList in the DTD order
        // (ClientType, InitialDeliveryMethod, SupportedBearer, MultiTrans,
        // ParserSize, SupportedCIRMethod+, ServerPollMin; the phone wrote
        // ParserSize, MultiTrans, InitialDeliveryMethod, ServerPollMin,
        // SupportedBearer, …): same length, same model, and a fixed point
        // from then on.
        let xml = convert(CAP_REQUEST, &Options::default()).unwrap();
        let typed = convert(&xml, &Options::default()).unwrap();
        assert_eq!(typed.len(), CAP_REQUEST.len());
        assert_ne!(typed, CAP_REQUEST);
        let to_xml = Options {
            to: Some(Syntax::Xml),
            ..Options::default()
        };
        assert_eq!(convert(&typed, &to_xml).unwrap(), xml);
        let to_wbxml = Options {
            to: Some(Syntax::Wbxml),
            ..Options::default()
        };
        assert_eq!(convert(&typed, &to_wbxml).unwrap(), typed);
    }

    #[test]
    fn json_round_trips_through_the_model() {
        let to_json = Options {
            to: Some(Syntax::Json),
            ..Options::default()
        };
        let json = convert(CAP_REQUEST, &to_json).unwrap();
        let text = std::str::from_utf8(&json).unwrap();
        assert!(text.contains("\"ClientCapabilityRequest\""), "{text}");
        assert!(text.contains("\"SHTTP\""), "{text}");
        // JSON input defaults to WBXML output: the same model, so the same
        // bytes as the typed path writes from the phone's WBXML.
        let wbxml = convert(&json, &Options::default()).unwrap();
        let to_wbxml = Options {
            to: Some(Syntax::Wbxml),
            ..Options::default()
        };
        assert_eq!(wbxml, convert(CAP_REQUEST, &to_wbxml).unwrap());
        assert_eq!(convert(&wbxml, &to_json).unwrap(), json);
        let err = convert(b"{\n  \"version\": 12\n}", &Options::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("invalid JSON message: "), "{msg}");
        assert!(msg.contains("(line 2, column"), "{msg}");
    }

    #[test]
    fn retargets_namespaces_to_the_requested_version() {
        for raw in [false, true] {
            let opts = Options {
                to: Some(Syntax::Xml),
                csp: Some(CspVersion::V1_3),
                raw,
                ..Options::default()
            };
            let xml = String::from_utf8(convert(CAP_REQUEST, &opts).unwrap()).unwrap();
            assert!(xml.contains("IMPS-CSP1.3"), "{xml}");
            assert!(!xml.contains("WV-CSP1.2"), "{xml}");
        }
    }

    #[test]
    fn raw_refuses_json() {
        let opts = Options {
            to: Some(Syntax::Json),
            raw: true,
            ..Options::default()
        };
        let err = convert(CAP_REQUEST, &opts).unwrap_err();
        assert!(err.to_string().contains("--raw"), "{err}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            for to in [None, Some(Syntax::Xml), Some(Syntax::Wbxml), Some(Syntax::Json)] {
                for raw in [false, true] {
                    let _ = convert(&bytes, &Options { to, raw, ..Options::default() });
                }
            }
        }

        #[test]
        fn mutated_vectors_never_panic(pos in 0usize..CAP_REQUEST.len(), byte in any::<u8>(), cut in 0usize..=CAP_REQUEST.len()) {
            let mut v = CAP_REQUEST.to_vec();
            v[pos] = byte;
            v.truncate(cut.max(1));
            for raw in [false, true] {
                match convert(&v, &Options { raw, ..Options::default() }) {
                    // `--raw` refuses JSON input whatever it holds.
                    Err(CliError::Usage(_)) => prop_assert!(raw),
                    Err(e) => {
                        let msg = e.to_string();
                        prop_assert!(!msg.contains('\n'));
                        prop_assert!(msg.contains(" at "), "{}", msg);
                    }
                    Ok(_) => {}
                }
            }
        }
    }
}
