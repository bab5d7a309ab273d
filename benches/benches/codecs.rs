//! Criterion benches of the imps-rs codecs over `testvectors/`, per message
//! class, and against Debian's libwbxml on the same inputs.
//!
//! ```text
//! cargo bench -p imps-benches --bench codecs               # everything + ratio table
//! cargo bench -p imps-benches --bench codecs -- --quick    # faster, noisier
//! cargo bench -p imps-benches --bench codecs -- libwbxml   # only the comparison groups
//! cargo test  -p imps-benches --benches                    # smoke run (each bench once)
//! ```
//!
//! After criterion's own report, a benchmark run (not the smoke run) prints
//! two tables measured in the same process: our throughput per job, and the
//! imps ÷ libwbxml speed-up for WBXML→XML, XML→WBXML and decode into memory
//! (our typed model against libwbxml's tree).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use imps_benches::corpus::{self, Class};
use imps_benches::jobs;

/// A named set of documents, both syntaxes.
#[derive(Clone)]
struct Set {
    name: &'static str,
    wbxml: Vec<Vec<u8>>,
    xml: Vec<Vec<u8>>,
}

/// Which documents of a set a job reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Wbxml,
    Xml,
    /// The WBXML documents that are whole CSP messages (the typed model
    /// refuses fragments such as Android's `<Session/>` parser tests).
    TypedWbxml,
    /// The XML documents that are whole CSP messages.
    TypedXml,
}

impl Set {
    /// The documents a job reads, and their total size.
    fn input(&self, input: Input) -> (Vec<Vec<u8>>, u64) {
        let docs: Vec<Vec<u8>> = match input {
            Input::Wbxml => self.wbxml.clone(),
            Input::Xml => self.xml.clone(),
            Input::TypedWbxml => self
                .wbxml
                .iter()
                .filter(|d| jobs::typed_wbxml_decode(d).is_ok())
                .cloned()
                .collect(),
            Input::TypedXml => self
                .xml
                .iter()
                .filter(|d| jobs::typed_xml_decode(d).is_ok())
                .cloned()
                .collect(),
        };
        let bytes = corpus::total_len(docs.iter().map(Vec::as_slice));
        (docs, bytes)
    }

    fn wbxml_bytes(&self) -> u64 {
        corpus::total_len(self.wbxml.iter().map(Vec::as_slice))
    }
    fn xml_bytes(&self) -> u64 {
        corpus::total_len(self.xml.iter().map(Vec::as_slice))
    }
}

/// Every WBXML / XML file in `testvectors/` that our CSP decoders accept
/// (the must-fail vectors are left out).
fn whole_corpus() -> Set {
    let wbxml = corpus::files_with_ext("wbxml")
        .into_iter()
        .filter(|d| jobs::csp_wbxml_events(&d.bytes).is_ok())
        .map(|d| d.bytes)
        .collect();
    let xml = corpus::files_with_ext("xml")
        .into_iter()
        .filter(|d| jobs::csp_xml_events(&d.bytes).is_ok())
        .map(|d| d.bytes)
        .collect();
    Set {
        name: "all",
        wbxml,
        xml,
    }
}

/// Long instant messages (1k, 4k and 16k characters of text), in XML and
/// WBXML. The WBXML is libwbxml's encoding when libwbxml is there (so both
/// sides of the comparison read the same bytes), else ours.
fn long_im() -> Set {
    let xml: Vec<Vec<u8>> = [1_000, 4_000, 16_000].map(corpus::long_im_xml).to_vec();
    let wbxml = xml.iter().map(|x| encode_like_libwbxml(x)).collect();
    Set {
        name: "long_im",
        wbxml,
        xml,
    }
}

#[cfg(has_libwbxml)]
fn encode_like_libwbxml(xml: &[u8]) -> Vec<u8> {
    imps_benches::ffi::xml_to_wbxml(xml).expect("libwbxml encodes the long message")
}

#[cfg(not(has_libwbxml))]
fn encode_like_libwbxml(xml: &[u8]) -> Vec<u8> {
    jobs::csp_xml_to_wbxml(xml).expect("we encode the long message")
}

/// The libwbxml WV corpus (116 XML + libwbxml's WBXML of each), whole and by class.
fn wv_sets() -> Vec<Set> {
    let pairs = corpus::wv_pairs();
    let pick = |name: &'static str, keep: &dyn Fn(&corpus::Pair) -> bool| Set {
        name,
        wbxml: pairs
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.wbxml.clone())
            .collect(),
        xml: pairs
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.xml.clone())
            .collect(),
    };
    vec![
        pick("wv", &|_| true),
        pick("session", &|p| Class::of(&p.primitive) == Class::Session),
        pick("presence", &|p| Class::of(&p.primitive) == Class::Presence),
    ]
}

type Job = fn(&[u8]) -> u64;

fn tokens(d: &[u8]) -> u64 {
    jobs::wbxml_tokens(d).expect("tokens")
}
fn tokens_fast(d: &[u8]) -> u64 {
    jobs::wbxml_tokens_fast(d).expect("tokens (fast path)")
}
fn copy(d: &[u8]) -> u64 {
    jobs::wbxml_copy(d).expect("copy").len() as u64
}
fn wbxml_decode(d: &[u8]) -> u64 {
    jobs::csp_wbxml_events(d).expect("csp wbxml decode")
}
fn xml_decode(d: &[u8]) -> u64 {
    jobs::csp_xml_events(d).expect("csp xml decode")
}
fn wbxml_to_xml(d: &[u8]) -> u64 {
    jobs::csp_wbxml_to_xml(d).expect("wbxml->xml").len() as u64
}
fn xml_to_wbxml(d: &[u8]) -> u64 {
    jobs::csp_xml_to_wbxml(d).expect("xml->wbxml").len() as u64
}
fn typed_wbxml(d: &[u8]) -> u64 {
    let decoded = jobs::typed_wbxml_decode(d);
    assert!(decoded.is_ok(), "typed wbxml decode: {decoded:?}");
    jobs::transactions(&decoded)
}
fn typed_xml(d: &[u8]) -> u64 {
    let decoded = jobs::typed_xml_decode(d);
    assert!(decoded.is_ok(), "typed xml decode: {decoded:?}");
    jobs::transactions(&decoded)
}

/// Our jobs: (name, input, function).
const OURS: &[(&str, Input, Job)] = &[
    ("wbxml_tokens", Input::Wbxml, tokens),
    ("wbxml_tokens_fast", Input::Wbxml, tokens_fast),
    ("wbxml_copy", Input::Wbxml, copy),
    ("csp_wbxml_decode", Input::Wbxml, wbxml_decode),
    ("csp_xml_decode", Input::Xml, xml_decode),
    ("wbxml_to_xml", Input::Wbxml, wbxml_to_xml),
    ("xml_to_wbxml", Input::Xml, xml_to_wbxml),
    ("typed_wbxml_decode", Input::TypedWbxml, typed_wbxml),
    ("typed_xml_decode", Input::TypedXml, typed_xml),
];

/// Typed encode of the models decoded from a set's WBXML, into each syntax.
fn bench_typed_encode(c: &mut Criterion, sets: &[Set]) {
    for set in sets {
        let models: Vec<imps_model::Message> = set
            .wbxml
            .iter()
            .filter_map(|d| jobs::typed_wbxml_decode(d).ok())
            .collect();
        if models.is_empty() {
            continue;
        }
        let mut group = c.benchmark_group(format!("imps/{}", set.name));
        type Encode = fn(&imps_model::Message) -> Result<Vec<u8>, jobs::JobError>;
        let encoders: [(&str, Encode); 2] = [
            ("typed_wbxml_encode", jobs::typed_wbxml_encode),
            ("typed_xml_encode", jobs::typed_xml_encode),
        ];
        for (name, encode) in encoders {
            // Throughput in bytes of the output.
            let out: u64 = models
                .iter()
                .map(|m| encode(m).map_or(0, |v| v.len() as u64))
                .sum();
            group.throughput(Throughput::Bytes(out));
            group.bench_function(name, |b| {
                b.iter(|| {
                    models
                        .iter()
                        .map(|m| encode(black_box(m)).map_or(0, |v| v.len()))
                        .sum::<usize>()
                })
            });
        }
        group.finish();
    }
}

fn run_all(docs: &[Vec<u8>], job: Job) -> u64 {
    docs.iter()
        .fold(0u64, |acc, d| acc.wrapping_add(job(black_box(d))))
}

fn bench_ours(c: &mut Criterion, sets: &[Set]) {
    for set in sets {
        let mut group = c.benchmark_group(format!("imps/{}", set.name));
        for &(name, input, job) in OURS {
            let (docs, bytes) = set.input(input);
            if docs.is_empty() {
                continue;
            }
            group.throughput(Throughput::Bytes(bytes));
            group.bench_function(name, |b| b.iter(|| run_all(&docs, job)));
        }
        group.finish();
    }
}

/// One comparison job: ours and libwbxml's on the same input side.
struct Pair {
    name: &'static str,
    wbxml_input: bool,
    ours: Job,
    theirs: Job,
}

#[cfg(has_libwbxml)]
mod theirs {
    use imps_benches::ffi::{self, Lang};

    pub(crate) fn wbxml_to_xml(d: &[u8]) -> u64 {
        ffi::wbxml_to_xml(d, Lang::Auto)
            .expect("libwbxml wbxml->xml")
            .len() as u64
    }
    pub(crate) fn xml_to_wbxml(d: &[u8]) -> u64 {
        ffi::xml_to_wbxml(d).expect("libwbxml xml->wbxml").len() as u64
    }
    pub(crate) fn tree(d: &[u8]) -> u64 {
        let t = ffi::tree_from_wbxml(d, Lang::Auto).expect("libwbxml tree");
        drop(std::hint::black_box(t));
        1
    }
}

#[cfg(has_libwbxml)]
fn pairs() -> Vec<Pair> {
    vec![
        Pair {
            name: "wbxml_to_xml",
            wbxml_input: true,
            ours: wbxml_to_xml,
            theirs: theirs::wbxml_to_xml,
        },
        Pair {
            name: "xml_to_wbxml",
            wbxml_input: false,
            ours: xml_to_wbxml,
            theirs: theirs::xml_to_wbxml,
        },
        Pair {
            name: "decode_in_memory",
            wbxml_input: true,
            ours: typed_wbxml,
            theirs: theirs::tree,
        },
    ]
}

#[cfg(not(has_libwbxml))]
fn pairs() -> Vec<Pair> {
    Vec::new()
}

fn bench_libwbxml(c: &mut Criterion, sets: &[Set]) {
    if !imps_benches::HAS_LIBWBXML {
        eprintln!(
            "libwbxml comparison SKIPPED: libwbxml2-dev was not found by pkg-config when \
             imps-benches was built (apt-get install libwbxml2-dev pkg-config, then rebuild)"
        );
        return;
    }
    for set in sets {
        let mut group = c.benchmark_group(format!("libwbxml/{}", set.name));
        for pair in pairs() {
            let (docs, bytes) = if pair.wbxml_input {
                (&set.wbxml, set.wbxml_bytes())
            } else {
                (&set.xml, set.xml_bytes())
            };
            group.throughput(Throughput::Bytes(bytes));
            group.bench_function(BenchmarkId::new(pair.name, "imps"), |b| {
                b.iter(|| run_all(docs, pair.ours))
            });
            group.bench_function(BenchmarkId::new(pair.name, "libwbxml"), |b| {
                b.iter(|| run_all(docs, pair.theirs))
            });
        }
        group.finish();
    }
}

/// Seconds per call of `pass`: the best of 5 batches of ≥ 150 ms each.
fn seconds_per(mut pass: impl FnMut() -> u64) -> f64 {
    black_box(pass());
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed() < Duration::from_millis(150) {
            black_box(pass());
            n += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / f64::from(n));
    }
    best
}

/// Seconds per pass of `job` over `docs`.
fn seconds_per_pass(docs: &[Vec<u8>], job: Job) -> f64 {
    seconds_per(|| run_all(docs, job))
}

fn mb_per_s(bytes: u64, secs: f64) -> f64 {
    bytes as f64 / secs / 1e6
}

fn print_tables(ours_sets: &[Set], wv: &[Set]) {
    println!("\n== imps throughput (MB/s of input; best of 5 batches) ==");
    print!("{:<18}", "job");
    for set in ours_sets {
        print!("{:>12}", set.name);
    }
    println!();
    for &(name, input, job) in OURS {
        print!("{name:<18}");
        for set in ours_sets {
            let (docs, bytes) = set.input(input);
            if docs.is_empty() {
                print!("{:>12}", "-");
            } else {
                print!("{:>12.1}", mb_per_s(bytes, seconds_per_pass(&docs, job)));
            }
        }
        println!();
    }
    type Encode = fn(&imps_model::Message) -> Result<Vec<u8>, jobs::JobError>;
    let encoders: [(&str, Encode); 2] = [
        ("typed_wbxml_encode", jobs::typed_wbxml_encode),
        ("typed_xml_encode", jobs::typed_xml_encode),
    ];
    for (name, encode) in encoders {
        print!("{name:<18}");
        for set in ours_sets {
            let models: Vec<imps_model::Message> = set
                .wbxml
                .iter()
                .filter_map(|d| jobs::typed_wbxml_decode(d).ok())
                .collect();
            let out: u64 = models
                .iter()
                .map(|m| encode(m).map_or(0, |v| v.len() as u64))
                .sum();
            let secs = seconds_per(|| {
                models
                    .iter()
                    .map(|m| encode(m).map_or(0, |v| v.len() as u64))
                    .sum()
            });
            print!("{:>12.1}", mb_per_s(out, secs));
        }
        println!();
    }
    println!("(typed_*_encode: MB/s of output, from the models of each set's WBXML)");
    if !imps_benches::HAS_LIBWBXML {
        println!("\n(libwbxml comparison skipped: libwbxml2-dev not installed at build time)");
        return;
    }
    println!("\n== imps vs libwbxml 0.11 (same inputs, same process) ==");
    println!(
        "{:<18}{:<10}{:>10}{:>14}{:>14}{:>12}",
        "job", "set", "bytes", "imps MB/s", "libwbxml MB/s", "speed-up"
    );
    for pair in pairs() {
        for set in wv {
            let (docs, bytes) = if pair.wbxml_input {
                (&set.wbxml, set.wbxml_bytes())
            } else {
                (&set.xml, set.xml_bytes())
            };
            let ours = seconds_per_pass(docs, pair.ours);
            let theirs = seconds_per_pass(docs, pair.theirs);
            println!(
                "{:<18}{:<10}{:>10}{:>14.1}{:>14.1}{:>11.1}x",
                pair.name,
                set.name,
                bytes,
                mb_per_s(bytes, ours),
                mb_per_s(bytes, theirs),
                theirs / ours
            );
        }
    }
    println!("(speed-up = libwbxml time ÷ imps time; decode_in_memory: imps typed model (imps_model::Message) vs libwbxml's WBXMLTree)");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let benchmarking = args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();

    // Our benches: the whole corpus, then the classes. The comparison: the
    // libwbxml WV corpus (inputs libwbxml handles), then the same classes.
    let wv = wv_sets();
    let long = long_im();
    let mut ours_sets = vec![whole_corpus()];
    ours_sets.extend(wv[1..].iter().cloned());
    ours_sets.push(long.clone());
    let mut comparison = wv;
    comparison.push(long);

    bench_ours(&mut c, &ours_sets);
    bench_typed_encode(&mut c, &ours_sets);
    bench_libwbxml(&mut c, &comparison);
    c.final_summary();

    if benchmarking && std::env::var_os("IMPS_BENCH_NO_TABLES").is_none() {
        print_tables(&ours_sets, &comparison);
    }
}
