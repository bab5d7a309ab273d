//! `imps convert`: input syntax detection, then reader → events → writer.
//!
//! The one place where events flow from the reader to the writer is
//! [`pipeline`]; switching the conversion to go through the typed model is a
//! change to that function only.
//!
//! JSON goes through the typed model ([`imps_model::Message`] in the stable
//! JSON shape documented in `imps-model`): `--to json` decodes the message,
//! JSON input is parsed into a message and encoded.

use imps_csp_wbxml::{EncodeOptions, WbxmlReader, WbxmlWriter};
use imps_csp_xml::{WriteOptions, XmlReader, XmlWriter};
use imps_event::{Error, Event, EventSink, EventSource, Start, VecSink, VecSource};
use imps_model::Message;
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
}

/// Where a pipeline error came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// The reader refused the input.
    Decode(Error),
    /// The writer could not express an event.
    Encode(Error),
}

/// Moves every event from `source` to `sink`.
///
/// This is the generic event path. To convert through the typed model
/// instead, replace the loop with "decode the model from `source`, encode it
/// into `sink`".
pub fn pipeline<'a>(
    source: &mut impl EventSource<'a>,
    sink: &mut impl EventSink,
) -> Result<(), PipelineError> {
    while let Some(event) = source.next_event().map_err(PipelineError::Decode)? {
        sink.event(event).map_err(PipelineError::Encode)?;
    }
    Ok(())
}

/// Converts `input` (syntax detected) as `options` say.
pub fn convert(input: &[u8], options: &Options) -> Result<Vec<u8>, CliError> {
    let from = detect(input).map_err(|m| CliError::input(m, input, Syntax::Xml, 0, None))?;
    let to = options.to.unwrap_or_else(|| from.other());
    let decode_err = |e: &Error| CliError::event(e, input, from);
    match from {
        Syntax::Wbxml => {
            let mut reader = WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default())
                .map_err(|e| decode_err(&e))?;
            let version = reader.version();
            write(&mut reader, input, from, to, version, options)
        }
        Syntax::Xml => {
            let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default())
                .map_err(|e| decode_err(&e))?;
            let version = reader.version().unwrap_or(CspVersion::V1_2);
            write(&mut reader, input, from, to, version, options)
        }
        Syntax::Json => {
            let mut msg: Message =
                serde_json::from_slice(input).map_err(|e| json_error(&e, input))?;
            if let Some(v) = options.csp {
                msg.version = v;
            }
            let version = msg.version;
            let mut events = VecSink::default();
            imps_model::encode(&msg, &mut events).map_err(|e| CliError::encode(&e))?;
            let mut source = VecSource::new(events.events);
            write(
                &mut source,
                input,
                from,
                to,
                version,
                &Options {
                    csp: None,
                    ..options.clone()
                },
            )
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

fn write<'a>(
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
    let retarget = version != input_version;
    match to {
        Syntax::Wbxml => {
            let mut writer = Retarget::new(
                WbxmlWriter::new(EncodeOptions::phone(version)),
                retarget.then_some(version),
            );
            pipeline(reader, &mut writer).map_err(map_err)?;
            writer.inner.finish().map_err(|e| CliError::encode(&e))
        }
        Syntax::Xml => {
            let write_options = WriteOptions {
                indent: options.indent.filter(|&n| n > 0),
                version: Some(version),
                ..WriteOptions::default()
            };
            let mut writer =
                Retarget::new(XmlWriter::new(write_options), retarget.then_some(version));
            pipeline(reader, &mut writer).map_err(map_err)?;
            let mut out = writer.inner.finish().map_err(|e| CliError::encode(&e))?;
            if !out.ends_with(b"\n") {
                out.push(b'\n');
            }
            Ok(out)
        }
        Syntax::Json => {
            let options = imps_model::DecodeOptions::default().with_default_version(input_version);
            let mut msg: Message =
                imps_model::decode_with(reader, &options).map_err(|e| match from {
                    // Events replayed from JSON have no byte offsets.
                    Syntax::Json => CliError::encode(&e),
                    _ => CliError::event(&e, input, from),
                })?;
            msg.version = version;
            let mut out = serde_json::to_vec_pretty(&msg)
                .map_err(|e| CliError::Usage(format!("cannot write JSON: {e}")))?;
            out.push(b'\n');
            Ok(out)
        }
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
        let xml = convert(CAP_REQUEST, &Options::default()).unwrap();
        let text = std::str::from_utf8(&xml).unwrap();
        assert!(
            text.contains("<SupportedCIRMethod>SHTTP</SupportedCIRMethod>"),
            "{text}"
        );
        assert!(
            text.contains("xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\""),
            "{text}"
        );
        let back = convert(&xml, &Options::default()).unwrap();
        assert_eq!(back, CAP_REQUEST);
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
        // JSON input defaults to WBXML output; the model writes children in
        // DTD order (not the phone's), so compare at the model level.
        let wbxml = convert(&json, &Options::default()).unwrap();
        assert_eq!(&wbxml[..4], &CAP_REQUEST[..4]);
        assert_eq!(convert(&wbxml, &to_json).unwrap(), json);
        let err = convert(b"{\n  \"version\": 12\n}", &Options::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("invalid JSON message: "), "{msg}");
        assert!(msg.contains("(line 2, column"), "{msg}");
    }

    #[test]
    fn retargets_namespaces_to_the_requested_version() {
        let opts = Options {
            to: Some(Syntax::Xml),
            csp: Some(CspVersion::V1_3),
            ..Options::default()
        };
        let xml = String::from_utf8(convert(CAP_REQUEST, &opts).unwrap()).unwrap();
        assert!(xml.contains("IMPS-CSP1.3"), "{xml}");
        assert!(!xml.contains("WV-CSP1.2"), "{xml}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            for to in [None, Some(Syntax::Xml), Some(Syntax::Wbxml)] {
                let _ = convert(&bytes, &Options { to, ..Options::default() });
            }
        }

        #[test]
        fn mutated_vectors_never_panic(pos in 0usize..CAP_REQUEST.len(), byte in any::<u8>(), cut in 0usize..=CAP_REQUEST.len()) {
            let mut v = CAP_REQUEST.to_vec();
            v[pos] = byte;
            v.truncate(cut.max(1));
            if let Err(e) = convert(&v, &Options::default()) {
                let msg = e.to_string();
                prop_assert!(!msg.contains('\n'));
                prop_assert!(msg.contains(" at "), "{}", msg);
            }
        }
    }
}
