//! Deterministic workload for the instruction-count regression gate
//! (`benches/icount.sh`, run by `.ci/run`).
//!
//! `icount JOB` runs one job over the whole test-vector corpus a fixed number
//! of times inside [`icount_measured_region`]; callgrind is told to count
//! only that function (`--collect-atstart=no --toggle-collect=...`), so
//! start-up and file loading are not measured. `icount --list` names the jobs.

use std::hint::black_box;
use std::process::ExitCode;

use imps_benches::{corpus, jobs};

type Job = fn(&[u8]) -> u64;

/// (name, reads WBXML?, passes over the corpus, job). The pass counts make
/// each job a few tens of millions of instructions.
const JOBS: &[(&str, bool, u32, Job)] = &[
    ("wbxml_tokens", true, 20, |d| {
        jobs::wbxml_tokens(d).unwrap_or(0)
    }),
    ("wbxml_tokens_fast", true, 20, |d| {
        jobs::wbxml_tokens_fast(d).unwrap_or(0)
    }),
    ("wbxml_copy", true, 20, |d| {
        jobs::wbxml_copy(d).map_or(0, |v| v.len() as u64)
    }),
    ("csp_wbxml_decode", true, 20, |d| {
        jobs::csp_wbxml_events(d).unwrap_or(0)
    }),
    ("csp_xml_decode", false, 5, |d| {
        jobs::csp_xml_events(d).unwrap_or(0)
    }),
    ("wbxml_to_xml", true, 10, |d| {
        jobs::csp_wbxml_to_xml(d).map_or(0, |v| v.len() as u64)
    }),
    ("xml_to_wbxml", false, 5, |d| {
        jobs::csp_xml_to_wbxml(d).map_or(0, |v| v.len() as u64)
    }),
    ("typed_wbxml_decode", true, 20, |d| {
        jobs::transactions(&jobs::typed_wbxml_decode(d))
    }),
    ("typed_xml_decode", false, 5, |d| {
        jobs::transactions(&jobs::typed_xml_decode(d))
    }),
];

/// The only function callgrind counts.
#[inline(never)]
fn icount_measured_region(docs: &[Vec<u8>], passes: u32, job: Job) -> u64 {
    let mut sum = 0u64;
    for _ in 0..passes {
        for d in docs {
            sum = sum.wrapping_add(job(black_box(d)));
        }
    }
    sum
}

fn main() -> ExitCode {
    let arg = std::env::args().nth(1).unwrap_or_default();
    if arg == "--list" || arg.is_empty() {
        for (name, ..) in JOBS {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    let Some(&(_, wbxml, passes, job)) = JOBS.iter().find(|(n, ..)| *n == arg) else {
        eprintln!("icount: unknown job {arg:?} (see icount --list)");
        return ExitCode::from(2);
    };
    // The inputs: every corpus file of the syntax that our decoders accept
    // (sorted by path, so the workload is the same on every run).
    let ext = if wbxml { "wbxml" } else { "xml" };
    let docs: Vec<Vec<u8>> = corpus::files_with_ext(ext)
        .into_iter()
        .map(|d| d.bytes)
        .filter(|d| {
            if wbxml {
                jobs::csp_wbxml_events(d).is_ok()
            } else {
                jobs::csp_xml_events(d).is_ok()
            }
        })
        .collect();
    let bytes = corpus::total_len(docs.iter().map(Vec::as_slice));
    let sum = icount_measured_region(&docs, passes, job);
    println!(
        "{arg}: {} documents, {bytes} bytes, {passes} passes, checksum {sum:#x}",
        docs.len()
    );
    ExitCode::SUCCESS
}
