//! Replays every file of `testvectors/fuzz-regressions/` (inputs the fuzzers
//! once crashed on, see `fuzz/README.md`) through every decoder and the CLI
//! functions, asserting no panic and bounded output; and re-checks the
//! round-trip properties of the fuzz targets on them and on the corpus.

#![allow(clippy::unwrap_used, clippy::panic)] // test code

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use imps_cli::convert::{convert, Options};
use imps_cli::detect::Syntax;
use imps_event::{Event, EventSource};

fn regression_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors/fuzz-regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    files
}

/// The regression files and every file of the given `testvectors/` folders.
fn regression_files_and(dirs: &[&str]) -> Vec<PathBuf> {
    let mut files = regression_files();
    let vectors = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors");
    for dir in dirs {
        for entry in std::fs::read_dir(vectors.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files
}

/// Output may grow with the input (XML is wordier than WBXML, indentation
/// grows with depth, a 2-byte EXT_T_0 stands for a long string) but only
/// linearly: this bounds it generously.
fn bounded(input: &[u8], output: &[u8]) -> bool {
    output.len() <= 512 * input.len() + 64 * 1024
}

/// Every decoder and CLI function on `data`: must not panic, and what they
/// produce is bounded.
fn all_decoders(data: &[u8]) {
    // Generic WBXML tokenizer.
    if let Ok(mut r) = imps_wbxml::Reader::new(data, imps_wbxml::Limits::default()) {
        while let Ok(Some(_)) = r.next_token() {}
    }
    // CSP WBXML, lenient and strict.
    for strict in [false, true] {
        let options = imps_csp_wbxml::DecodeOptions {
            strict,
            ..Default::default()
        };
        let _ = imps_csp_wbxml::decode(data, &options);
    }
    // CSP XML, lenient and strict.
    for options in [
        imps_csp_xml::DecodeOptions::default(),
        imps_csp_xml::DecodeOptions::strict(),
    ] {
        if let Ok(mut r) = imps_csp_xml::XmlReader::new(data, &options) {
            while let Ok(Some(_)) = r.next_event() {}
        }
    }
    // The typed model, from both syntaxes, lenient and strict.
    for options in [
        imps_model::DecodeOptions::default(),
        imps_model::DecodeOptions::strict(),
    ] {
        if let Ok(mut r) = imps_csp_wbxml::WbxmlReader::new(data, &Default::default()) {
            let _ = imps_model::decode_with::<imps_model::Message>(&mut r, &options);
        }
        if let Ok(mut r) = imps_csp_xml::XmlReader::new(data, &Default::default()) {
            let _ = imps_model::decode_with::<imps_model::Message>(&mut r, &options);
        }
    }
    // The CLI functions: convert through the model (the default) and the
    // event path, validate in both modes.
    for to in [
        None,
        Some(Syntax::Xml),
        Some(Syntax::Wbxml),
        Some(Syntax::Json),
    ] {
        for raw in [false, true] {
            let options = Options {
                to,
                indent: Some(2),
                raw,
                ..Options::default()
            };
            if let Ok(out) = convert(data, &options) {
                assert!(
                    bounded(data, &out),
                    "convert output of {} bytes for {} input bytes",
                    out.len(),
                    data.len()
                );
            }
        }
    }
    for strict in [false, true] {
        let report = imps_cli::validate::validate(data, &imps_cli::validate::Options { strict });
        assert!(report.problems.len() <= imps_cli::validate::MAX_PROBLEMS);
    }
    let mut dump = String::new();
    let _ = imps_cli::inspect::inspect(data, None, &mut dump);
    assert!(
        bounded(data, dump.as_bytes()),
        "inspect output of {} bytes",
        dump.len()
    );
}

/// The `csp_wbxml_roundtrip` fuzz property: after one lenient decode and
/// phone-style encode, decode/encode is a fixed point.
fn wbxml_round_trip_is_stable(data: &[u8]) {
    use imps_csp_wbxml::{decode, encode, DecodeOptions, EncodeOptions, WbxmlReader};
    let options = DecodeOptions::default();
    let Ok(events) = decode(data, &options) else {
        return;
    };
    let version = WbxmlReader::new(data, &options).unwrap().version();
    let Ok(first) = encode(&events, EncodeOptions::phone(version)) else {
        return;
    };
    let events2 = decode(&first, &options).unwrap();
    let second = encode(&events2, EncodeOptions::phone(version)).unwrap();
    assert_eq!(decode(&second, &options).unwrap(), events2);
    assert_eq!(first, second);
}

fn check_all(files: &[PathBuf], check: fn(&[u8])) {
    let mut failures = Vec::new();
    for path in files {
        let data = std::fs::read(path).unwrap();
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: {msg}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} file(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn regression_files_do_not_panic_any_decoder() {
    let files = regression_files();
    assert!(
        !files.is_empty(),
        "testvectors/fuzz-regressions/ holds no inputs"
    );
    check_all(&files, all_decoders);
}

#[test]
fn regression_files_and_corpus_round_trip_stably() {
    let files = regression_files_and(&[
        "android-im-libwbxml/encoder",
        "android-im-libwbxml/parser",
        "wbxml-stream-wv",
    ]);
    check_all(&files, wbxml_round_trip_is_stable);
}

/// The event contract (`imps-event`): readers join adjacent text, so two
/// `Text` events never follow each other — for both CSP readers, on the
/// regression files and the corpus. (Fixed in `imps-csp-wbxml` 9a49846:
/// skipped EXT_T_1/EXT_I/EXT tokens no longer split text;
/// `csp_wbxml_roundtrip-ext_t_1-splits-text.bin`.)
#[test]
fn readers_never_emit_two_texts_in_a_row() {
    let files = regression_files_and(&[
        "android-im-libwbxml/encoder",
        "android-im-libwbxml/parser",
        "wbxml-stream-wv",
        "libwbxml-wv-csp11",
    ]);
    fn no_two_texts(events: &[Event<'_>]) {
        for pair in events.windows(2) {
            assert!(
                !matches!(pair, [Event::Text(_), Event::Text(_)]),
                "two Text events in a row: {pair:?}"
            );
        }
    }
    check_all(&files, |data| {
        if let Ok(events) = imps_csp_wbxml::decode(data, &Default::default()) {
            no_two_texts(&events);
        }
        if let Ok(mut r) = imps_csp_xml::XmlReader::new(data, &Default::default()) {
            let mut events = Vec::new();
            while let Ok(Some(e)) = r.next_event() {
                events.push(e);
            }
            no_two_texts(&events);
        }
    });
}
