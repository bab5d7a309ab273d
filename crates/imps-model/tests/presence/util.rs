//! Helpers: the XML and WBXML codecs around presence documents and
//! messages, and a small WBXML encoder written from the spec tables
//! (`spec/pa/*.tsv`, `imps-tokens/tables/csp12-tags.tsv`), independent of
//! the crate's WBXML writer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use imps_event::{CspVersion, Error, Event, Name, VecSink, VecSource};
use imps_model::presence::{self, PresenceSubList};
use imps_model::{DecodeOptions, Message};

pub(crate) const PA11: &str = "http://www.wireless-village.org/PA1.1";
pub(crate) const PA12: &str = "http://www.openmobilealliance.org/DTD/WV-PA1.2";

pub(crate) fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn vectors() -> PathBuf {
    crate_dir().join("../../testvectors")
}

pub(crate) fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(crate) fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(vectors().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

// ---------------------------------------------------------------- XML

/// XML bytes of a standalone presence document -> model.
pub(crate) fn doc_from_xml(
    bytes: &[u8],
    options: &DecodeOptions,
) -> Result<PresenceSubList, Error> {
    let mut r = imps_csp_xml::XmlReader::new(bytes, &imps_csp_xml::DecodeOptions::default())?;
    let version = r.version().unwrap_or(CspVersion::V1_2);
    presence::decode_document(&mut r, &options.clone().with_default_version(version))
}

/// Model -> XML bytes of a standalone presence document.
pub(crate) fn doc_to_xml(list: &PresenceSubList) -> Vec<u8> {
    let mut w = imps_csp_xml::XmlWriter::new(imps_csp_xml::WriteOptions {
        version: list.version(),
        ..imps_csp_xml::WriteOptions::default()
    });
    presence::encode_document(list, &mut w).unwrap();
    w.finish().unwrap()
}

/// XML message -> model.
pub(crate) fn msg_from_xml(bytes: &[u8], options: &DecodeOptions) -> Result<Message, Error> {
    let mut r = imps_csp_xml::XmlReader::new(bytes, &imps_csp_xml::DecodeOptions::default())?;
    let version = r.version().unwrap_or(CspVersion::V1_2);
    imps_model::decode_with(&mut r, &options.clone().with_default_version(version))
}

pub(crate) fn msg_to_xml(msg: &Message) -> Vec<u8> {
    let mut w = imps_csp_xml::XmlWriter::new(imps_csp_xml::WriteOptions {
        version: Some(msg.version),
        ..imps_csp_xml::WriteOptions::default()
    });
    imps_model::encode(msg, &mut w).unwrap();
    w.finish().unwrap()
}

// ---------------------------------------------------------------- WBXML

pub(crate) fn doc_from_wbxml(
    bytes: &[u8],
    options: &DecodeOptions,
) -> Result<PresenceSubList, Error> {
    let mut r = imps_csp_wbxml::WbxmlReader::new(bytes, &imps_csp_wbxml::DecodeOptions::default())?;
    let version = r.version();
    presence::decode_document(&mut r, &options.clone().with_default_version(version))
}

/// Model -> WBXML (phone style) of a standalone presence document.
pub(crate) fn doc_to_wbxml(list: &PresenceSubList) -> Vec<u8> {
    let version = list.version().unwrap_or(CspVersion::V1_2);
    let mut w = imps_csp_wbxml::WbxmlWriter::new(imps_csp_wbxml::EncodeOptions::phone(version));
    presence::encode_document(list, &mut w).unwrap();
    w.finish().unwrap()
}

pub(crate) fn msg_from_wbxml(bytes: &[u8], options: &DecodeOptions) -> Result<Message, Error> {
    let mut r = imps_csp_wbxml::WbxmlReader::new(bytes, &imps_csp_wbxml::DecodeOptions::default())?;
    let version = r.version();
    imps_model::decode_with(&mut r, &options.clone().with_default_version(version))
}

pub(crate) fn msg_to_wbxml(msg: &Message) -> Vec<u8> {
    let mut w = imps_csp_wbxml::WbxmlWriter::new(imps_csp_wbxml::EncodeOptions::phone(msg.version));
    imps_model::encode(msg, &mut w).unwrap();
    w.finish().unwrap()
}

// ---------------------------------------------------------------- events

pub(crate) fn doc_via_events(list: &PresenceSubList) -> PresenceSubList {
    let mut sink = VecSink::default();
    presence::encode_document(list, &mut sink).unwrap();
    presence::decode_document(&mut VecSource::new(sink.events), &DecodeOptions::default()).unwrap()
}

/// Every `PresenceSubList` of a message, re-read from the message's own
/// encoding as standalone documents (strictly when `strict`).
pub(crate) fn sub_lists(
    msg: &Message,
    options: &DecodeOptions,
) -> Result<Vec<PresenceSubList>, Error> {
    let mut sink = VecSink::default();
    imps_model::encode(msg, &mut sink).unwrap();
    let events = sink.events;
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if matches!(&events[i], Event::Start(s) if s.name == Name::Tag(imps_event::Tag::PresenceSubList))
        {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match &events[j] {
                    Event::Start(_) => depth += 1,
                    Event::End => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                j += 1;
            }
            let opts = options.clone().with_default_version(msg.version);
            out.push(presence::decode_document(
                &mut VecSource::new(events[i..=j].to_vec()),
                &opts,
            )?);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    Ok(out)
}

// ------------------------------------------- WBXML from the spec tables

/// Token tables read from the spec files: page-5 tags
/// (`pa-wbxml-codepage5.tsv`), page-0 tags (`csp12-tags.tsv`), presence
/// value tokens (`pa-value-tokens.tsv`).
pub(crate) struct SpecTables {
    page5: HashMap<String, u8>,
    page0: HashMap<String, u8>,
    values: HashMap<String, u8>,
}

fn hex(s: &str) -> u8 {
    u8::from_str_radix(s.trim_start_matches("0x"), 16).unwrap()
}

impl SpecTables {
    pub(crate) fn load() -> Self {
        let read = |p: PathBuf| std::fs::read_to_string(&p).unwrap();
        let mut page5 = HashMap::new();
        for line in read(crate_dir().join("spec/pa/pa-wbxml-codepage5.tsv"))
            .lines()
            .skip(1)
        {
            let c: Vec<&str> = line.split('\t').collect();
            if !c[2].starts_with('(') {
                page5.insert(c[2].to_owned(), hex(c[1]));
            }
        }
        let mut page0 = HashMap::new();
        let tags = read(crate_dir().join("../imps-tokens/tables/csp12-tags.tsv"));
        for line in tags.lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            if c[0] == "0x00" {
                page0.insert(c[2].to_owned(), hex(c[1]));
            }
        }
        let mut values = HashMap::new();
        for line in read(crate_dir().join("spec/pa/pa-value-tokens.tsv"))
            .lines()
            .skip(1)
        {
            let c: Vec<&str> = line.split('\t').collect();
            values.insert(c[1].to_owned(), hex(c[0]));
        }
        SpecTables {
            page5,
            page0,
            values,
        }
    }

    /// (page, token) of an element name: the presence page first.
    fn token(&self, name: &str) -> (u8, u8) {
        if let Some(t) = self.page5.get(name) {
            (5, *t)
        } else if let Some(t) = self.page0.get(name) {
            (0, *t)
        } else {
            panic!("no token for {name}")
        }
    }

    /// Encodes a standalone presence document given as events (CSP 1.2
    /// public id 0x11; `xmlns` of the root as attribute-start token 0x06 or
    /// 0x09 + the version suffix; text equal to a presence value as
    /// `EXT_T_0`, other text as `STR_I`; empty elements without the content
    /// bit).
    pub(crate) fn encode(&self, events: &[Event<'_>]) -> Vec<u8> {
        let mut out = vec![0x03, 0x11, 0x6A, 0x00];
        let mut page = 0u8;
        let mut i = 0;
        self.element(events, &mut i, &mut page, &mut out);
        assert_eq!(i, events.len());
        out
    }

    fn element(&self, ev: &[Event<'_>], i: &mut usize, page: &mut u8, out: &mut Vec<u8>) {
        let Event::Start(start) = &ev[*i] else {
            panic!("{:?}", ev[*i])
        };
        *i += 1;
        let (p, token) = self.token(&start.name.as_xml());
        if p != *page {
            out.extend([0x00, p]);
            *page = p;
        }
        let has_content = !matches!(ev[*i], Event::End);
        let mut tag = token;
        if has_content {
            tag |= 0x40;
        }
        if start.xmlns.is_some() {
            tag |= 0x80;
        }
        out.push(tag);
        if let Some(uri) = &start.xmlns {
            let (attr, rest) = if let Some(rest) = uri.strip_prefix(PA11.trim_end_matches("1.1")) {
                (0x06, rest)
            } else if let Some(rest) = uri.strip_prefix(PA12.trim_end_matches("1.2")) {
                (0x09, rest)
            } else {
                panic!("{uri}")
            };
            out.push(attr);
            str_i(rest, out);
            out.push(0x01);
        }
        while !matches!(ev[*i], Event::End) {
            match &ev[*i] {
                Event::Start(_) => self.element(ev, i, page, out),
                Event::Text(t) => {
                    match self.values.get(t.as_ref()) {
                        Some(index) => out.extend([0x80, *index]),
                        None => str_i(t, out),
                    }
                    *i += 1;
                }
                other => panic!("{other:?}"),
            }
        }
        *i += 1;
        if has_content {
            out.push(0x01);
        }
    }
}

fn str_i(s: &str, out: &mut Vec<u8>) {
    out.push(0x03);
    out.extend_from_slice(s.as_bytes());
    out.push(0x00);
}

/// The events of an XML document (whitespace between elements dropped).
pub(crate) fn xml_events(xml: &[u8]) -> Vec<Event<'static>> {
    let mut r = imps_csp_xml::XmlReader::new(xml, &imps_csp_xml::DecodeOptions::default()).unwrap();
    let mut out = Vec::new();
    while let Some(ev) = imps_event::EventSource::next_event(&mut r).unwrap() {
        if let Event::Text(t) = &ev {
            if t.trim().is_empty() {
                continue;
            }
        }
        out.push(ev.into_owned());
    }
    out
}
