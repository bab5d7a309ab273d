//! Rough reader/writer throughput over the XML vectors:
//! `cargo run --release -p imps-csp-xml --example throughput`.
//! (The criterion benches in `benches/` are the reference numbers.)

use std::path::{Path, PathBuf};
use std::time::Instant;

use imps_csp_xml::{DecodeOptions, WriteOptions, XmlReader, XmlWriter};
use imps_event::{Error, EventSink, EventSource};

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "xml") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut paths = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors"),
        &mut paths,
    )?;
    let docs: Vec<Vec<u8>> = paths.iter().map(std::fs::read).collect::<Result<_, _>>()?;
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let options = DecodeOptions::default();
    let rounds = 200;

    let start = Instant::now();
    let mut events = 0usize;
    for _ in 0..rounds {
        for doc in &docs {
            let mut r = XmlReader::new(doc, &options)?;
            while r.next_event()?.is_some() {
                events += 1;
            }
        }
    }
    let read = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut out = 0usize;
    for _ in 0..rounds {
        for doc in &docs {
            let mut r = XmlReader::new(doc, &options)?;
            let mut w = XmlWriter::new(WriteOptions::default());
            while let Some(e) = r.next_event()? {
                w.event(e)?;
            }
            out += w.finish().map_err(|e: Error| e.to_string())?.len();
        }
    }
    let copy = start.elapsed().as_secs_f64();
    let total = (bytes * rounds) as f64;
    println!(
        "{} documents, {bytes} bytes, {} events per pass",
        docs.len(),
        events / rounds
    );
    println!("read:        {:.0} MB/s", total / read / 1e6);
    println!(
        "read+write:  {:.0} MB/s (wrote {} bytes per pass)",
        total / copy / 1e6,
        out / rounds
    );
    Ok(())
}
