//! Throughput of the CSP WBXML reader and writer over every WBXML file in
//! `testvectors/` that the reader accepts (the must-fail vectors are left out).
//!
//! ```text
//! cargo run --release -p imps-csp-wbxml --example csp_throughput [SECONDS] [ROUNDS] [JOB…]
//! cargo run --release -p imps-csp-wbxml --example csp_throughput count PASSES [JOB…]
//! ```
//!
//! Jobs (default: all): `decode` (every event, borrowed, folded into a
//! checksum, like the bench's `csp_wbxml_decode`), `encode` (the decoded
//! events written again, phone style), `to_xml` (WBXML → XML text with
//! `imps-csp-xml`), `from_xml` (that XML → WBXML). Prints MB/s of WBXML bytes
//! (10^6 bytes per second; for `from_xml`, of XML bytes), best of `ROUNDS`
//! rounds of about `SECONDS` each (defaults 1.0 and 5).

use std::borrow::Cow;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use imps_csp_wbxml::{DecodeOptions, EncodeOptions, WbxmlReader, WbxmlWriter};
use imps_csp_xml::{WriteOptions, XmlReader, XmlWriter};

use imps_event::{CspVersion, Event, EventSink, EventSource, Name, Start};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "wbxml") {
            out.push(path);
        }
    }
}

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

fn decode(input: &[u8]) -> Option<u64> {
    let mut r = WbxmlReader::new(input, &DecodeOptions::default()).ok()?;
    let mut sum = 0u64;
    while let Some(ev) = r.next_event().ok()? {
        sum = sum.wrapping_mul(31).wrapping_add(event_hash(&ev));
    }
    Some(sum)
}

/// The event borrowing from `ev` (no copy of text or data), as a typed
/// encoder sends it.
fn borrowed<'e>(ev: &'e Event<'_>) -> Event<'e> {
    match ev {
        Event::Start(s) => Event::Start(Start {
            name: match &s.name {
                Name::Tag(t) => Name::Tag(*t),
                Name::Other(o) => Name::Other(Cow::Borrowed(o)),
                Name::Token { page, token } => Name::Token {
                    page: *page,
                    token: *token,
                },
            },
            xmlns: s.xmlns.as_deref().map(Cow::Borrowed),
        }),
        Event::End => Event::End,
        Event::Text(t) => Event::Text(Cow::Borrowed(t)),
        Event::Integer(i) => Event::Integer(*i),
        Event::DateTime(d) => Event::DateTime(*d),
        Event::Opaque(o) => Event::Opaque(Cow::Borrowed(o)),
    }
}

fn encode(doc: &(CspVersion, Vec<Event<'static>>)) -> Option<u64> {
    let mut w = WbxmlWriter::with_buffer(Vec::with_capacity(256), EncodeOptions::phone(doc.0));
    for ev in &doc.1 {
        w.event(borrowed(ev)).ok()?;
    }
    Some(w.finish().ok()?.len() as u64)
}

fn to_xml(input: &[u8]) -> Option<Vec<u8>> {
    let mut r = WbxmlReader::new(input, &DecodeOptions::default()).ok()?;
    let options = WriteOptions {
        version: Some(r.version()),
        ..WriteOptions::default()
    };
    let mut w = XmlWriter::with_buffer(Vec::with_capacity(input.len() * 4), options);
    while let Some(ev) = r.next_event().ok()? {
        w.event(ev).ok()?;
    }
    w.finish().ok()
}

fn from_xml(input: &[u8]) -> Option<u64> {
    let mut r = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default()).ok()?;
    let version = r.version().unwrap_or(CspVersion::V1_2);
    let mut w = WbxmlWriter::with_buffer(
        Vec::with_capacity(input.len() / 2),
        EncodeOptions::phone(version),
    );
    while let Some(ev) = r.next_event().ok()? {
        w.event(ev).ok()?;
    }
    Some(w.finish().ok()?.len() as u64)
}

fn timed(name: &str, seconds: f64, rounds: u32, bytes: usize, mut pass: impl FnMut() -> u64) {
    let mut best = 0f64;
    for _ in 0..rounds {
        let start = Instant::now();
        let mut passes = 0u64;
        let mut sum = 0u64;
        while start.elapsed().as_secs_f64() < seconds {
            for _ in 0..20 {
                sum = sum.wrapping_add(pass());
            }
            passes += 20;
        }
        black_box(sum);
        let mbs = (bytes as f64 * passes as f64) / start.elapsed().as_secs_f64() / 1e6;
        best = best.max(mbs);
    }
    println!("{name:9} best {best:8.1} MB/s ({bytes} bytes per pass)");
}

/// `count` mode: exactly `passes` passes, no timing (for callgrind:
/// `valgrind --tool=callgrind --collect-atstart=no
/// --toggle-collect='*counted_passes*' … csp_throughput count 20 encode`).
#[inline(never)]
fn counted_passes(passes: u32, mut pass: impl FnMut() -> u64) -> u64 {
    (0..passes).fold(0, |acc, _| acc.wrapping_add(pass()))
}

fn measure(
    name: &str,
    timing: Option<(f64, u32)>,
    passes: u32,
    bytes: usize,
    pass: impl FnMut() -> u64,
) {
    match timing {
        Some((seconds, rounds)) => timed(name, seconds, rounds, bytes, pass),
        None => {
            let sum = counted_passes(passes, pass);
            println!("{name}: {passes} passes, checksum {sum:#x}");
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    // `count PASSES` instead of `SECONDS ROUNDS`.
    let (timing, passes) = if args.peek().is_some_and(|a| a == "count") {
        args.next();
        let passes = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
        (None, passes)
    } else {
        let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1.0);
        let rounds: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
        (Some((seconds, rounds)), 0)
    };
    let jobs: Vec<String> = args.collect();
    let want = |j: &str| jobs.is_empty() || jobs.iter().any(|x| x == j);
    let mut paths = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors"),
        &mut paths,
    );
    paths.sort();
    let docs: Vec<Vec<u8>> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter(|d| decode(d).is_some())
        .collect();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    println!("{} documents, {bytes} bytes", docs.len());
    if want("decode") {
        measure("decode", timing, passes, bytes, || {
            docs.iter()
                .map(|d| decode(black_box(d)).unwrap_or(0))
                .fold(0, u64::wrapping_add)
        });
    }
    if want("encode") {
        let events: Vec<(CspVersion, Vec<Event<'static>>)> = docs
            .iter()
            .filter_map(|d| {
                let r = WbxmlReader::new(d, &DecodeOptions::default()).ok()?;
                let v = r.version();
                Some((
                    v,
                    imps_csp_wbxml::decode(d, &DecodeOptions::default()).ok()?,
                ))
            })
            .filter(|doc| encode(doc).is_some())
            .collect();
        measure("encode", timing, passes, bytes, || {
            events
                .iter()
                .map(|d| encode(black_box(d)).unwrap_or(0))
                .fold(0, u64::wrapping_add)
        });
    }
    if want("to_xml") {
        measure("to_xml", timing, passes, bytes, || {
            docs.iter()
                .map(|d| to_xml(black_box(d)).map_or(0, |x| x.len() as u64))
                .fold(0, u64::wrapping_add)
        });
    }
    if want("from_xml") {
        let xmls: Vec<Vec<u8>> = docs.iter().filter_map(|d| to_xml(d)).collect();
        let xml_bytes: usize = xmls.iter().map(Vec::len).sum();
        measure("from_xml", timing, passes, xml_bytes, || {
            xmls.iter()
                .map(|d| from_xml(black_box(d)).unwrap_or(0))
                .fold(0, u64::wrapping_add)
        });
    }
}
