//! Shared helpers: the codecs as event sources / sinks around the model.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use imps_event::{CspVersion, Error, EventSink, EventSource, VecSink, VecSource};
use imps_model::{DecodeOptions, Message};

/// The repository's `testvectors/` folder.
pub fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors")
}

/// Files of a vector folder with an extension, sorted.
pub fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(vectors().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// XML bytes -> model (lenient).
pub fn from_xml(bytes: &[u8]) -> Result<Message, Error> {
    from_xml_with(bytes, DecodeOptions::default())
}

pub fn from_xml_with(bytes: &[u8], options: DecodeOptions) -> Result<Message, Error> {
    let mut r = imps_csp_xml::XmlReader::new(bytes, &imps_csp_xml::DecodeOptions::default())?;
    let version = r.version().unwrap_or(CspVersion::V1_2);
    imps_model::decode_with(&mut r, &options.with_default_version(version))
}

/// Model -> XML bytes.
pub fn to_xml(msg: &Message) -> Vec<u8> {
    let mut w = imps_csp_xml::XmlWriter::new(imps_csp_xml::WriteOptions {
        version: Some(msg.version),
        ..imps_csp_xml::WriteOptions::default()
    });
    imps_model::encode(msg, &mut w).unwrap();
    w.finish().unwrap()
}

/// WBXML bytes -> model (lenient).
pub fn from_wbxml(bytes: &[u8]) -> Result<Message, Error> {
    from_wbxml_with(bytes, DecodeOptions::default())
}

pub fn from_wbxml_with(bytes: &[u8], options: DecodeOptions) -> Result<Message, Error> {
    let mut r = imps_csp_wbxml::WbxmlReader::new(bytes, &imps_csp_wbxml::DecodeOptions::default())?;
    let version = r.version();
    imps_model::decode_with(&mut r, &options.with_default_version(version))
}

/// Model -> WBXML bytes (phone style, the message's version).
pub fn to_wbxml(msg: &Message) -> Vec<u8> {
    let mut w = imps_csp_wbxml::WbxmlWriter::new(imps_csp_wbxml::EncodeOptions::phone(msg.version));
    imps_model::encode(msg, &mut w).unwrap();
    w.finish().unwrap()
}

/// Model -> events -> model.
pub fn via_events(msg: &Message) -> Message {
    let mut sink = VecSink::default();
    imps_model::encode(msg, &mut sink).unwrap();
    let opts = DecodeOptions::default().with_default_version(msg.version);
    imps_model::decode_with(&mut VecSource::new(sink.events), &opts).unwrap()
}

/// Drops every namespace declaration the model keeps (libwbxml's WBXML has
/// none), for comparing a libwbxml-dialect decode with an XML decode.
pub fn without_xmlns(mut msg: Message) -> Message {
    msg.xmlns = None;
    for t in &mut msg.session.transactions {
        t.content.xmlns = None;
    }
    // Presence sub-lists carry their own PA namespace.
    let json = serde_json::to_value(&msg).unwrap();
    let json = strip_key(json, "xmlns");
    let mut back: Message = serde_json::from_value(json).unwrap();
    back.version = msg.version;
    back
}

/// Trims every string in the model (libwbxml's `xml2wbxml` trims text, so
/// its WBXML differs from the pretty-printed XML it came from).
pub fn trimmed(msg: &Message) -> Message {
    fn trim(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::String(s) => Value::String(s.trim().to_owned()),
            Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, trim(v))).collect())
            }
            Value::Array(a) => Value::Array(a.into_iter().map(trim).collect()),
            other => other,
        }
    }
    serde_json::from_value(trim(serde_json::to_value(msg).unwrap())).unwrap()
}

fn strip_key(v: serde_json::Value, key: &str) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| k != key)
                .map(|(k, v)| (k, strip_key(v, key)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|v| strip_key(v, key)).collect()),
        other => other,
    }
}

/// Feeds a source into a sink (for codec-level comparisons).
pub fn pump<'a>(mut src: impl EventSource<'a>, mut sink: impl EventSink) -> Result<(), Error> {
    imps_event::copy_events(&mut src, &mut sink).map_err(imps_event::CopyError::into_error)
}
