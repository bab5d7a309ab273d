//! Throughput of the generic reader over every WBXML file in `testvectors/`.
//!
//! ```text
//! cargo run --release -p imps-wbxml --example throughput [SECONDS] [ROUNDS]
//! ```
//!
//! Prints MB/s (10^6 bytes per second) of pulling every token, best of
//! `ROUNDS` rounds of about `SECONDS` each (defaults 1.0 and 5). Files the
//! reader refuses (the must-fail vectors) are left out.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use imps_wbxml::{Limits, Name, Reader, TokenKind};

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

/// The same fold as the bench's `wbxml_tokens` job.
fn tokens(input: &[u8]) -> Option<u64> {
    let mut reader = Reader::new(input, Limits::default()).ok()?;
    let mut sum = 0u64;
    while let Some(token) = reader.next_token().ok()? {
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
    Some(sum)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let rounds: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut paths = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors"),
        &mut paths,
    );
    paths.sort();
    let docs: Vec<Vec<u8>> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter(|d| tokens(d).is_some())
        .collect();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let count: usize = docs
        .iter()
        .map(|d| Reader::new(d, Limits::default()).map_or(0, Iterator::count))
        .sum();
    println!("{} documents, {bytes} bytes, {count} tokens", docs.len());
    let mut best = 0f64;
    for _ in 0..rounds {
        let start = Instant::now();
        let mut passes = 0u64;
        let mut sum = 0u64;
        while start.elapsed().as_secs_f64() < seconds {
            for _ in 0..100 {
                for d in &docs {
                    sum = sum.wrapping_add(tokens(black_box(d)).unwrap_or(0));
                }
            }
            passes += 100;
        }
        black_box(sum);
        let mbs = (bytes as f64 * passes as f64) / start.elapsed().as_secs_f64() / 1e6;
        best = best.max(mbs);
        println!("tokens: {mbs:8.1} MB/s");
    }
    println!(
        "tokens best: {best:.1} MB/s over {} documents, {bytes} bytes",
        docs.len()
    );
}
