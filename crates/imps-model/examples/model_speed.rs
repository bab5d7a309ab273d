//! Private throughput measurement of the typed model over the libwbxml WV
//! corpus (`testvectors/wbxml-stream-wv/wv-NNN*.wbxml`, 116 documents, and
//! their XML sources `testvectors/libwbxml-wv-csp11/*.xml`).
//!
//! ```text
//! cargo run --release -p imps-model --example model_speed [filter]
//! ```
//!
//! Prints MB/s per job, best of 7 batches of at least 200 ms each. Decode
//! jobs count input bytes; encode jobs count the bytes of the syntax they
//! write (`encode_events` counts the WBXML size of the corpus).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use imps_event::{CspVersion, Error, Event, EventSink, EventSource, Path as ElPath};
use imps_model::{DecodeOptions, Message};

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors")
}

fn corpus(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(vectors().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .filter(|p| {
            // wv-NNN.ext and wv-NNN-datetime.ext only.
            let stem = p.file_stem().unwrap().to_str().unwrap();
            let rest = stem.strip_prefix("wv-").unwrap_or("x");
            let rest = rest.strip_suffix("-datetime").unwrap_or(rest);
            rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_digit())
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

/// Replays borrowed events (clones are cheap: the `Cow`s stay borrowed).
struct SliceSource<'e, 'a> {
    events: std::slice::Iter<'e, Event<'a>>,
    index: usize,
    path: ElPath,
}

impl<'a> EventSource<'a> for SliceSource<'_, 'a> {
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        let Some(ev) = self.events.next() else {
            return Ok(None);
        };
        self.index += 1;
        match ev {
            Event::Start(s) => self.path.push(s.name.tag()),
            Event::End => self.path.pop(),
            _ => {}
        }
        Ok(Some(ev.clone()))
    }
    fn offset(&self) -> usize {
        self.index
    }
    fn path(&self) -> ElPath {
        self.path
    }
}

struct Discard(u64);

impl EventSink for Discard {
    fn event(&mut self, e: Event<'_>) -> Result<(), Error> {
        self.0 = self.0.wrapping_add(match e {
            Event::Text(t) => t.len() as u64,
            _ => 1,
        });
        Ok(())
    }
}

fn wbxml_model(d: &[u8]) -> Message {
    let mut r = imps_csp_wbxml::WbxmlReader::new(d, &Default::default()).unwrap();
    let version = r.version();
    imps_model::decode_with(
        &mut r,
        &DecodeOptions::default().with_default_version(version),
    )
    .unwrap()
}

fn xml_model(d: &[u8]) -> Message {
    let mut r = imps_csp_xml::XmlReader::new(d, &Default::default()).unwrap();
    let version = r.version().unwrap_or(CspVersion::V1_2);
    imps_model::decode_with(
        &mut r,
        &DecodeOptions::default().with_default_version(version),
    )
    .unwrap()
}

fn to_wbxml(m: &Message, buf: Vec<u8>) -> Vec<u8> {
    let mut w = imps_csp_wbxml::WbxmlWriter::with_buffer(
        buf,
        imps_csp_wbxml::EncodeOptions::phone(m.version),
    );
    imps_model::encode(m, &mut w).unwrap();
    w.finish().unwrap()
}

fn to_xml(m: &Message, mut buf: Vec<u8>) -> Vec<u8> {
    buf.clear();
    let mut w = imps_csp_xml::XmlWriter::with_buffer(
        buf,
        imps_csp_xml::WriteOptions {
            version: Some(m.version),
            ..Default::default()
        },
    );
    imps_model::encode(m, &mut w).unwrap();
    w.finish().unwrap()
}

/// Seconds per pass: best of 7 batches of ≥ 200 ms (or, with
/// `PROFILE_PASSES=n` in the environment, n passes untimed, for callgrind).
fn time(mut pass: impl FnMut()) -> f64 {
    if let Some(n) = std::env::var("PROFILE_PASSES")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
    {
        let start = Instant::now();
        for _ in 0..n {
            pass();
        }
        return start.elapsed().as_secs_f64() / f64::from(n.max(1));
    }
    pass();
    let mut best = f64::MAX;
    for _ in 0..7 {
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed() < Duration::from_millis(200) {
            pass();
            n += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / f64::from(n));
    }
    best
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let wbxml = corpus("wbxml-stream-wv", "wbxml");
    let xml = corpus("libwbxml-wv-csp11", "xml");
    assert_eq!(wbxml.len(), 116);
    assert_eq!(xml.len(), 116);
    let wbxml_bytes: usize = wbxml.iter().map(Vec::len).sum();
    let xml_bytes: usize = xml.iter().map(Vec::len).sum();
    let models: Vec<Message> = wbxml.iter().map(|d| wbxml_model(d)).collect();
    let events: Vec<Vec<Event<'_>>> = wbxml
        .iter()
        .map(|d| {
            let mut r = imps_csp_wbxml::WbxmlReader::new(d, &Default::default()).unwrap();
            std::iter::from_fn(|| r.next_event().unwrap()).collect()
        })
        .collect();
    let versions: Vec<CspVersion> = models.iter().map(|m| m.version).collect();
    let wbxml_out: usize = models.iter().map(|m| to_wbxml(m, Vec::new()).len()).sum();
    let xml_out: usize = models.iter().map(|m| to_xml(m, Vec::new()).len()).sum();
    println!(
        "corpus: {} docs, WBXML {wbxml_bytes} B, XML {xml_bytes} B; re-encoded WBXML {wbxml_out} B, XML {xml_out} B",
        wbxml.len()
    );

    let report = |name: &str, bytes: usize, secs: f64| {
        println!(
            "{name:<22}{:>10.1} MB/s {:>8.2} µs/doc",
            bytes as f64 / secs / 1e6,
            secs * 1e6 / wbxml.len() as f64
        );
    };
    let run = |name: &str| filter.is_empty() || name.contains(filter.as_str());

    if run("wbxml_reader") {
        let s = time(|| {
            for d in &wbxml {
                let mut r = imps_csp_wbxml::WbxmlReader::new(d, &Default::default()).unwrap();
                while let Some(ev) = r.next_event().unwrap() {
                    black_box(ev);
                }
            }
        });
        report("wbxml_reader", wbxml_bytes, s);
    }
    if run("typed_wbxml_decode") {
        let s = time(|| {
            for d in &wbxml {
                black_box(wbxml_model(black_box(d)));
            }
        });
        report("typed_wbxml_decode", wbxml_bytes, s);
    }
    if run("xml_reader") {
        let s = time(|| {
            for d in &xml {
                let mut r = imps_csp_xml::XmlReader::new(d, &Default::default()).unwrap();
                while let Some(ev) = r.next_event().unwrap() {
                    black_box(ev);
                }
            }
        });
        report("xml_reader", xml_bytes, s);
    }
    if run("typed_xml_decode") {
        let s = time(|| {
            for d in &xml {
                black_box(xml_model(black_box(d)));
            }
        });
        report("typed_xml_decode", xml_bytes, s);
    }
    if run("model_from_events") {
        let s = time(|| {
            for (evs, v) in events.iter().zip(&versions) {
                let src = SliceSource {
                    events: evs.iter(),
                    index: 0,
                    path: ElPath::new(),
                };
                let m: Message = imps_model::decode_with(
                    src,
                    &DecodeOptions::default().with_default_version(*v),
                )
                .unwrap();
                black_box(m);
            }
        });
        report("model_from_events", wbxml_bytes, s);
    }
    if run("encode_events") {
        let s = time(|| {
            let mut sink = Discard(0);
            for m in &models {
                imps_model::encode(black_box(m), &mut sink).unwrap();
            }
            black_box(sink.0);
        });
        report("encode_events", wbxml_bytes, s);
    }
    if run("encode_wbxml") {
        let mut buf = Vec::new();
        let s = time(|| {
            for m in &models {
                buf = to_wbxml(black_box(m), std::mem::take(&mut buf));
                black_box(&buf);
            }
        });
        report("encode_wbxml", wbxml_out, s);
    }
    if run("encode_xml") {
        let mut buf = Vec::new();
        let s = time(|| {
            for m in &models {
                buf = to_xml(black_box(m), std::mem::take(&mut buf));
                black_box(&buf);
            }
        });
        report("encode_xml", xml_out, s);
    }
}
