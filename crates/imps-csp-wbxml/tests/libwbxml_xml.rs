//! The 116 libwbxml-generated WBXML documents (`wbxml-stream-wv/`) decode to
//! the events of their XML sources (`libwbxml-wv-csp11/`, read with
//! `imps-csp-xml`), modulo what libwbxml drops or normalises: `xmlns`
//! attributes, whitespace around text, and date-times that it packed
//! (compared by value).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::borrow::Cow;

use imps_csp_wbxml::{decode, DecodeOptions};
use imps_event::{CspVersion, DateTime, Event, EventSource, Name, Tag};

fn normalise(events: Vec<Event<'_>>, v: CspVersion) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    let mut last: Option<Tag> = None;
    for e in events {
        let e = match e {
            Event::Start(mut s) => {
                s.xmlns = None;
                if let Name::Tag(t) = s.name {
                    // The 1.1 decoder names page 6/0x06 BlockUser-Request; the
                    // XML spells it with the 1.2 name (a libwbxml quirk).
                    s.name = Name::Tag(v.token(t).and_then(|(p, k)| v.tag(p, k)).unwrap_or(t));
                }
                last = s.name.tag();
                Event::Start(s)
            }
            Event::Integer(i) => Event::Text(Cow::Owned(i.to_string())),
            Event::DateTime(d) => Event::Text(Cow::Owned(d.to_string())),
            Event::Text(t) if last == Some(Tag::DateTime) => match t.parse::<DateTime>() {
                // Same value, canonical spelling (libwbxml packs `20010925T1340`).
                Ok(d) if !t.contains('-') => Event::Text(Cow::Owned(d.to_string())),
                _ => Event::Text(t),
            },
            // libwbxml reads `0x…` in integer elements as hex (wv-021's
            // SearchID `0x23829381` is OPAQUE 595760001).
            Event::Text(t)
                if last.is_some_and(|t| t.value_type() == imps_tokens::ValueType::Integer) =>
            {
                match t
                    .trim()
                    .strip_prefix("0x")
                    .map(|h| u32::from_str_radix(h, 16))
                {
                    Some(Ok(v)) => Event::Text(Cow::Owned(v.to_string())),
                    _ => Event::Text(t),
                }
            }
            e => e,
        };
        // libwbxml drops whitespace around text (its default "ignore
        // ignorable whitespace" mode trims text nodes).
        let e = match e {
            Event::Text(t) => Event::Text(Cow::Owned(t.trim().to_owned())),
            e => e,
        };
        out.push(e.into_owned());
    }
    out
}

#[test]
fn libwbxml_wbxml_decodes_to_its_xml_source() {
    let mut n = 0;
    for (name, data) in common::all_wbxml() {
        let Some(stem) = name.strip_prefix("wbxml-stream-wv/wv-") else {
            continue;
        };
        if stem.starts_with("069-opaque") {
            continue;
        }
        let xml = common::read(&format!(
            "libwbxml-wv-csp11/wv-{}",
            stem.replace(".wbxml", ".xml")
        ));
        let mut r =
            imps_csp_xml::XmlReader::new(&xml, &imps_csp_xml::DecodeOptions::default()).unwrap();
        let mut from_xml = Vec::new();
        while let Some(ev) = r.next_event().unwrap() {
            from_xml.push(ev.into_owned());
        }
        let from_wbxml = decode(&data, &DecodeOptions::default()).unwrap();
        let v = CspVersion::V1_1;
        let (a, b) = (normalise(from_wbxml, v), normalise(from_xml, v));
        if let Some(i) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
            let lo = i.saturating_sub(2);
            panic!(
                "{name} at event {i}:\n wbxml {:?}\n xml   {:?}",
                &a[lo..(i + 3).min(a.len())],
                &b[lo..(i + 3).min(b.len())]
            );
        }
        n += 1;
    }
    assert_eq!(n, 116);
}
