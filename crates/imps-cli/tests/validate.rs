//! End-to-end tests of `imps validate`: every public vector that is a CSP
//! message validates; the documented kinds of problem are each found with
//! their element path and exact position, in XML, WBXML and JSON; several
//! problems in one file; standalone presence documents; stdin.

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers (clippy.toml only covers #[test] fns)

mod common;

use common::imps;
use std::path::{Path, PathBuf};
use std::process::Output;

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testvectors")
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("imps-cli-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A valid run: exit 0, nothing on stderr, one `NAME: valid: SUMMARY` line
/// on stdout; returns the summary.
fn valid(out: &Output, name: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: {stderr}");
    assert!(stderr.is_empty(), "{name}: {stderr}");
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let prefix = format!("{name}: valid: ");
    stdout
        .trim_end()
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{stdout:?} does not start with {prefix:?}"))
        .to_owned()
}

/// An invalid run: exit 1, nothing on stdout, one `imps: error: ` line per
/// problem and a last `imps: NAME: invalid: N problem(s) (…)` line; returns
/// the problems (without the prefix) and the last line.
fn invalid(out: &Output) -> (Vec<String>, String) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    let mut lines: Vec<&str> = err.lines().collect();
    let last = lines.pop().unwrap().to_owned();
    let problems: Vec<String> = lines
        .iter()
        .map(|l| {
            l.strip_prefix("imps: error: ")
                .unwrap_or_else(|| panic!("{l:?}"))
                .to_owned()
        })
        .collect();
    let n = problems.len();
    let count = format!("invalid: {n} problem{} (", if n == 1 { "" } else { "s" });
    assert!(last.starts_with("imps: ") && last.contains(&count), "{err}");
    (problems, last)
}

/// The public vectors that are whole CSP messages (the Android codec
/// fragments and the must-fail vectors are not), with the exceptions below.
fn message_vectors() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut add = |dir: &str, ext: &str| {
        for entry in std::fs::read_dir(vectors().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == ext) {
                files.push(path);
            }
        }
    };
    add("libwbxml-wv-csp11", "xml");
    add("wbxml-stream-wv", "wbxml");
    add("wbxml-stream-wv", "xml");
    add("omf-sms20-movistar", "xml");
    add("olympum-blog-nokia-s60", "xml");
    add("olympum-blog-nokia-s60", "wbxml");
    for name in [
        "parser/loginresponse",
        "parser/statusprim",
        "parser/sendmsgreq1",
        "parser/cap_request",
        "encoder/cap_request",
        "encoder/statusprim",
    ] {
        for ext in ["xml", "wbxml"] {
            files.push(vectors().join(format!("android-im-libwbxml/{name}.{ext}")));
        }
    }
    files.sort();
    files
}

/// Every message vector validates in lenient mode, and the summary names
/// the version and primitive; for libwbxml's corpus (XML and its WBXML)
/// the primitive and mode of `INDEX.tsv`. Left out, and tested below:
/// wv-099 (a real `TransactionMode` mismatch) and the WBXML 1.0 OPAQUE
/// vector that must fail.
#[test]
fn every_message_vector_validates() {
    let index = std::fs::read_to_string(vectors().join("libwbxml-wv-csp11/INDEX.tsv")).unwrap();
    let expected = |stem: &str| {
        index.lines().skip(1).find_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols[0] == format!("{stem}.xml")).then(|| {
                // wv-078 spells the 1.2 name in a 1.1 document; the summary
                // uses the document version's name.
                let name = cols[1].replace("BlockEntity-Request", "BlockUser-Request");
                format!("1 transaction: {name} ({})", cols[2])
            })
        })
    };
    let mut n = 0;
    for path in message_vectors() {
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        if file.starts_with("wv-099.") || file.ends_with("-error.wbxml") {
            continue;
        }
        let name = path.display().to_string();
        let summary = valid(&imps(&["validate", &name], None), &name);
        let syntax = if file.ends_with(".xml") {
            "XML"
        } else {
            "WBXML"
        };
        assert!(summary.starts_with("CSP 1."), "{name}: {summary}");
        assert!(
            summary.contains(&format!(" {syntax} message, ")),
            "{name}: {summary}"
        );
        let stem = file.split('.').next().unwrap();
        if let Some(what) = expected(stem) {
            assert!(summary.ends_with(&what), "{name}: {summary} / {what}");
            assert!(summary.starts_with("CSP 1.1 "), "{name}: {summary}");
        }
        n += 1;
    }
    // 115 + 115 libwbxml documents (XML, WBXML), wv-069 XML and its WBXML
    // 1.1, 23 Movistar, 3 olympum, 12 Android.
    assert_eq!(n, 115 + 115 + 2 + 23 + 3 + 12);
}

/// wv-099 (libwbxml's spec examples) sends a `GetAttributeList-Response` in
/// a `Request` transaction: the mode check finds it, in the XML and in its
/// libwbxml WBXML, at the `TransactionMode` element.
#[test]
fn wv_099_sends_a_response_as_a_request() {
    let xml = vectors().join("libwbxml-wv-csp11/wv-099.xml");
    let (problems, last) = invalid(&imps(&["validate", xml.to_str().unwrap()], None));
    let text = std::fs::read_to_string(&xml).unwrap();
    let offset = text.find("<TransactionMode>").unwrap();
    assert_eq!(
        problems,
        [format!(
            "TransactionMode is Request, but GetAttributeList-Response is sent in a Response \
             transaction at byte {offset} (line 13, column 13) in \
             WV-CSP-Message/Session/Transaction/TransactionDescriptor/TransactionMode"
        )]
    );
    assert!(
        last.ends_with("(CSP 1.1 XML message, 1 transaction: GetAttributeList-Response (Request))"),
        "{last}"
    );
    let wbxml = vectors().join("wbxml-stream-wv/wv-099.wbxml");
    let (problems, _) = invalid(&imps(&["validate", wbxml.to_str().unwrap()], None));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("TransactionMode is Request, but GetAttributeList-Response"),
        "{problems:?}"
    );
    assert!(
        problems[0].ends_with(
            "in WV-CSP-Message/Session/Transaction/TransactionDescriptor/TransactionMode"
        ),
        "{problems:?}"
    );
    assert!(
        !problems[0].contains("(line"),
        "no line for WBXML: {problems:?}"
    );
}

/// Strict mode on real traffic: Movistar's client declares `xmlns:xsd` on
/// the root (the strict XML reader refuses it) and sends the vendor
/// element `ClientTypeDetail` in `ClientInfo` (the strict model refuses
/// it): both are reported — the strict reader's refusal does not hide the
/// model's problems.
#[test]
fn strict_mode_reports_reader_and_model_problems() {
    let path = vectors().join("omf-sms20-movistar/03-UpdatePresence-Request.xml");
    let name = path.to_str().unwrap();
    valid(&imps(&["validate", name], None), name);
    let text = std::fs::read_to_string(&path).unwrap();
    let xsd = text.find("xmlns:xsd").unwrap();
    let detail = text.find("<ClientTypeDetail").unwrap();
    let (problems, last) = invalid(&imps(&["validate", "--strict", name], None));
    assert_eq!(
        problems,
        [
            format!(
                "unsupported: attribute xmlns:xsd (CSP has only xmlns) at byte {xsd} (line 1, column {})",
                xsd + 1
            ),
            format!(
                "unknown element <ClientTypeDetail> at byte {detail} (line 1, column {}) in \
                 WV-CSP-Message/Session/Transaction/TransactionContent/UpdatePresence-Request/PresenceSubList/ClientInfo/?",
                detail + 1
            ),
        ]
    );
    assert!(
        last.ends_with("invalid: 2 problems (CSP 1.2 XML message)"),
        "{last}"
    );
}

/// Must-fail vectors and the Android codec fragments (not CSP messages).
#[test]
fn must_fail_vectors_and_fragments_are_invalid() {
    for (file, what) in [
        (
            "wbxml-stream-wv/wv-069-opaque-tag-wbxml10-error.wbxml",
            "malformed input: OPAQUE is not allowed in WBXML 1.0 at byte 83 in WV-CSP-Message/Session/Transaction/TransactionContent/Status/Result/Code",
        ),
        (
            "android-im-libwbxml/parser/invalid_entity.wbxml",
            "malformed input: ENTITY 0x110000",
        ),
        (
            "android-im-libwbxml/parser/incomplete_str_i.wbxml",
            "malformed input: inline string without terminating NUL",
        ),
        (
            "android-im-libwbxml/encoder/simple_csp12.xml",
            "missing required <Session> at byte 111 (line 1, column 112) in WV-CSP-Message",
        ),
        (
            "android-im-libwbxml/encoder/simple_integer.wbxml",
            "missing required <SessionDescriptor> at byte 49 in WV-CSP-Message/Session",
        ),
        (
            "android-im-libwbxml/inline/contentdata_string_csp13.wbxml",
            "expected WV-CSP-Message or PresenceSubList, found <ContentData>",
        ),
    ] {
        let path = vectors().join(file);
        let (problems, _) = invalid(&imps(&["validate", path.to_str().unwrap()], None));
        assert_eq!(problems.len(), 1, "{file}: {problems:?}");
        assert!(problems[0].starts_with(what), "{file}: {problems:?}");
    }
}

/// A valid CSP 1.2 `SendMessage-Request`, to break in one place per test.
const SEND: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2">
  <Session>
    <SessionDescriptor>
      <SessionType>Inband</SessionType>
      <SessionID>s-1</SessionID>
    </SessionDescriptor>
    <Transaction>
      <TransactionDescriptor>
        <TransactionMode>Request</TransactionMode>
        <TransactionID>t-1</TransactionID>
      </TransactionDescriptor>
      <TransactionContent xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2">
        <SendMessage-Request>
          <DeliveryReport>F</DeliveryReport>
          <MessageInfo>
            <ContentType>text/plain</ContentType>
            <ContentSize>5</ContentSize>
            <Recipient>
              <User>
                <UserID>wv:bob@example.com</UserID>
              </User>
            </Recipient>
            <Sender>
              <User>
                <UserID>wv:alice@example.com</UserID>
              </User>
            </Sender>
            <DateTime>20070625T055652Z</DateTime>
          </MessageInfo>
          <ContentData>Hello</ContentData>
        </SendMessage-Request>
      </TransactionContent>
    </Transaction>
  </Session>
</WV-CSP-Message>
"#;

const MESSAGE_INFO: &str =
    "WV-CSP-Message/Session/Transaction/TransactionContent/SendMessage-Request/MessageInfo";

/// 1-based line and column (in characters) of byte `offset` of `text`,
/// counted independently of the CLI.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

/// Writes `xml` as FILE.xml and (event path, which keeps bad values as
/// text) FILE.wbxml; validates both with `args`; returns the two outputs.
fn both_syntaxes(file: &str, xml: &str, args: &[&str]) -> (Output, Output) {
    let dir = tempdir();
    let xml_path = dir.join(format!("{file}.xml"));
    std::fs::write(&xml_path, xml).unwrap();
    let wbxml_path = dir.join(format!("{file}.wbxml"));
    let out = imps(
        &[
            "convert",
            "--raw",
            xml_path.to_str().unwrap(),
            "-o",
            wbxml_path.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = |path: &Path| {
        let mut all = vec!["validate"];
        all.extend_from_slice(args);
        all.push(path.to_str().unwrap());
        imps(&all, None)
    };
    (run(&xml_path), run(&wbxml_path))
}

/// Checks one problem: in XML at `offset` (with line and column) and in
/// WBXML with the same message and path.
fn one_problem(file: &str, xml: &str, args: &[&str], message: &str, offset: usize, path: &str) {
    let (x, w) = both_syntaxes(file, xml, args);
    let (line, col) = line_col(xml, offset);
    let (problems, last) = invalid(&x);
    assert_eq!(
        problems,
        [format!(
            "{message} at byte {offset} (line {line}, column {col}) in {path}"
        )],
        "{file}"
    );
    assert!(last.ends_with("(CSP 1.2 XML message)"), "{last}");
    let (problems, last) = invalid(&w);
    assert_eq!(problems.len(), 1, "{file}: {problems:?}");
    let (head, tail) = problems[0].split_once(" at byte ").unwrap();
    assert_eq!(head, message, "{file}");
    assert!(tail.ends_with(&format!(" in {path}")), "{file}: {tail}");
    assert!(!tail.contains("(line"), "{file}: {tail}");
    assert!(last.ends_with("(CSP 1.2 WBXML message)"), "{last}");
}

#[test]
fn the_example_message_is_valid_in_both_syntaxes_and_modes() {
    for args in [&[][..], &["--strict"][..]] {
        let (x, w) = both_syntaxes("send", SEND, args);
        let name = tempdir().join("send.xml").display().to_string();
        assert_eq!(
            valid(&x, &name),
            "CSP 1.2 XML message, 1 transaction: SendMessage-Request (Request)"
        );
        let name = tempdir().join("send.wbxml").display().to_string();
        assert_eq!(
            valid(&w, &name),
            "CSP 1.2 WBXML message, 1 transaction: SendMessage-Request (Request)"
        );
    }
}

#[test]
fn missing_required_child() {
    let xml = SEND.replace("<ContentSize>5</ContentSize>", "");
    // Noticed at the parent's end tag.
    let offset = xml.find("</MessageInfo>").unwrap();
    one_problem(
        "missing",
        &xml,
        &[],
        "missing required <ContentSize>",
        offset,
        MESSAGE_INFO,
    );
}

#[test]
fn integer_element_holding_text() {
    let xml = SEND.replace("<ContentSize>5<", "<ContentSize>five<");
    let offset = xml.find("five").unwrap();
    one_problem(
        "integer",
        &xml,
        &[],
        "expected an integer, found \"five\"",
        offset,
        &format!("{MESSAGE_INFO}/ContentSize"),
    );
}

#[test]
fn date_time_with_month_13() {
    let xml = SEND.replace("20070625T055652Z", "20071325T055652Z");
    let offset = xml.find("20071325T055652Z").unwrap();
    one_problem(
        "month13",
        &xml,
        &[],
        "expected an ISO 8601 date-time, found \"20071325T055652Z\"",
        offset,
        &format!("{MESSAGE_INFO}/DateTime"),
    );
}

#[test]
fn wrong_primitive_for_the_transaction_mode() {
    let xml = SEND.replace("<TransactionMode>Request<", "<TransactionMode>Response<");
    let offset = xml.find("<TransactionMode>").unwrap();
    let (x, w) = both_syntaxes("mode", &xml, &[]);
    let (line, col) = line_col(&xml, offset);
    let message =
        "TransactionMode is Response, but SendMessage-Request is sent in a Request transaction";
    let path = "WV-CSP-Message/Session/Transaction/TransactionDescriptor/TransactionMode";
    let (problems, last) = invalid(&x);
    assert_eq!(
        problems,
        [format!(
            "{message} at byte {offset} (line {line}, column {col}) in {path}"
        )]
    );
    // The document decoded: the summary names the primitive and its mode.
    assert!(
        last.ends_with("(CSP 1.2 XML message, 1 transaction: SendMessage-Request (Response))"),
        "{last}"
    );
    let (problems, _) = invalid(&w);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with(&format!("{message} at byte ")),
        "{problems:?}"
    );
    assert!(
        problems[0].ends_with(&format!(" in {path}")),
        "{problems:?}"
    );
}

#[test]
fn unknown_element_is_an_error_only_when_strict() {
    let xml = SEND.replace("<Recipient>", "<Recipient><Vendor>x</Vendor>");
    let (x, w) = both_syntaxes("unknown", &xml, &[]);
    valid(&x, &tempdir().join("unknown.xml").display().to_string());
    valid(&w, &tempdir().join("unknown.wbxml").display().to_string());
    let offset = xml.find("<Vendor>").unwrap();
    // Not a table name: the path shows it as `?`.
    one_problem(
        "unknown",
        &xml,
        &["--strict"],
        "unknown element <Vendor>",
        offset,
        &format!("{MESSAGE_INFO}/Recipient/?"),
    );
    // A TransactionMode that is no mode at all: lenient decoding keeps the
    // value and the mode check refuses it; strict decoding refuses the value
    // itself, at the element that holds it.
    let xml = SEND.replace("<TransactionMode>Request<", "<TransactionMode>Sideways<");
    let (x, _) = both_syntaxes("value", &xml, &[]);
    let (problems, _) = invalid(&x);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "TransactionMode is Sideways, but SendMessage-Request is sent in a Request transaction"
        ),
        "{problems:?}"
    );
    let (x, _) = both_syntaxes("value", &xml, &["--strict"]);
    let (problems, _) = invalid(&x);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("expected one of Request, Response, found \"Sideways\"")
            && problems[0].ends_with("/TransactionDescriptor/TransactionMode"),
        "{problems:?}"
    );
}

/// Three transactions, each with its problem (the first of each): an
/// integer holding text, a bad count, a Status sent as a Request.
#[test]
fn several_problems_in_one_file() {
    let path = data("several-problems.xml");
    let (problems, last) = invalid(&imps(&["validate", &path], None));
    let text = std::fs::read_to_string(&path).unwrap();
    let at = |needle: &str, nth: usize| {
        let offset = text.match_indices(needle).nth(nth).unwrap().0;
        let (line, col) = line_col(&text, offset);
        format!("at byte {offset} (line {line}, column {col})")
    };
    let tc = "WV-CSP-Message/Session/Transaction/TransactionContent";
    assert_eq!(
        problems,
        [
            format!(
                "expected an integer, found \"one day\" {} in {tc}/Login-Request/TimeToLive",
                at("one day", 0)
            ),
            format!(
                "expected an integer, found \"five\" {} in {tc}/SendMessage-Request/MessageInfo/ContentSize",
                at("five", 0)
            ),
            format!(
                "TransactionMode is Request, but Status is sent in a Response transaction {} in \
                 WV-CSP-Message/Session/Transaction/TransactionDescriptor/TransactionMode",
                at("<TransactionMode>", 2)
            ),
        ]
    );
    assert_eq!(
        last,
        format!("imps: {path}: invalid: 3 problems (CSP 1.2 XML message)")
    );
}

#[test]
fn stdin_with_dash_or_nothing() {
    let xml = SEND.replace("20070625T055652Z", "20071325T055652Z");
    for args in [&["validate", "-"][..], &["validate"][..]] {
        let (problems, last) = invalid(&imps(args, Some(xml.as_bytes())));
        assert_eq!(problems.len(), 1);
        assert!(
            last.starts_with("imps: <stdin>: invalid: 1 problem"),
            "{last}"
        );
        let out = imps(args, Some(SEND.as_bytes()));
        assert_eq!(
            valid(&out, "<stdin>"),
            "CSP 1.2 XML message, 1 transaction: SendMessage-Request (Request)"
        );
    }
    // Nothing at all, and bytes of no syntax.
    let (problems, _) = invalid(&imps(&["validate", "-"], Some(b"")));
    assert_eq!(problems, ["empty input at byte 0"]);
    let (problems, _) = invalid(&imps(&["validate"], Some(b"\x7fELF")));
    assert!(
        problems[0].starts_with("cannot detect the input syntax"),
        "{problems:?}"
    );
    // A missing file is an error of its own (exit 1, one line).
    let out = imps(&["validate", "/nonexistent/x.xml"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("imps: error: reading /nonexistent/x.xml"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

/// Standalone presence documents: valid in XML and (converted) WBXML,
/// strictly too; the bad one has one problem per bad attribute in strict
/// mode, and lenient mode keeps unknown values.
#[test]
fn presence_documents() {
    let good = data("presence.xml");
    let summary = "presence document, 6 attributes: OnlineStatus, UserAvailability, ClientInfo, CommCap, StatusText, Alias";
    for args in [&["validate"][..], &["validate", "--strict"][..]] {
        let mut all = args.to_vec();
        all.push(&good);
        assert_eq!(
            valid(&imps(&all, None), &good),
            format!("CSP 1.2 XML {summary}")
        );
    }
    let wbxml = imps(&["convert", &good], None);
    let wbxml = wbxml.stdout;
    assert_eq!(&wbxml[..2], &[0x03, 0x11]);
    let out = imps(&["validate", "--strict"], Some(&wbxml));
    assert_eq!(valid(&out, "<stdin>"), format!("CSP 1.2 WBXML {summary}"));

    let bad = data("presence-bad.xml");
    let text = std::fs::read_to_string(&bad).unwrap();
    let at = |needle: &str| {
        let offset = text.find(needle).unwrap();
        let (line, col) = line_col(&text, offset);
        format!("at byte {offset} (line {line}, column {col})")
    };
    let (problems, last) = invalid(&imps(&["validate", "--strict", &bad], None));
    assert_eq!(
        problems,
        [
            format!(
                "expected one of T, F, found \"maybe\" {} in PresenceSubList/OnlineStatus/PresenceValue",
                at("maybe")
            ),
            format!(
                "expected one of AVAILABLE, NOT_AVAILABLE, DISCREET, found \"BUSY\" {} in PresenceSubList/UserAvailability/PresenceValue",
                at("BUSY")
            ),
            format!(
                "expected text, found element <b> {} in PresenceSubList/StatusText/PresenceValue/?",
                at("<b>")
            ),
        ]
    );
    assert!(last.ends_with("(CSP 1.2 XML presence document)"), "{last}");
    let (problems, _) = invalid(&imps(&["validate", &bad], None));
    assert_eq!(
        problems.len(),
        1,
        "lenient keeps unknown values: {problems:?}"
    );
    assert!(problems[0].starts_with("expected text, found element <b>"));
}

/// JSON input: the model's JSON validates like the syntax it came from;
/// a JSON error has its line and column; strict problems of the model are
/// placed by path and event index.
#[test]
fn json_documents() {
    let dir = tempdir();
    let json_path = dir.join("send.json");
    let xml_path = dir.join("send-json.xml");
    std::fs::write(&xml_path, SEND).unwrap();
    let json = imps(
        &["convert", "--to", "json", xml_path.to_str().unwrap()],
        None,
    );
    assert!(json.status.success());
    std::fs::write(&json_path, &json.stdout).unwrap();
    let name = json_path.display().to_string();
    assert_eq!(
        valid(&imps(&["validate", "--strict", &name], None), &name),
        "CSP 1.2 JSON message, 1 transaction: SendMessage-Request (Request)"
    );
    let text = String::from_utf8(json.stdout).unwrap();
    let bad = text.replace("20070625T055652Z", "20071325T055652Z");
    let (problems, _) = invalid(&imps(&["validate", "-"], Some(bad.as_bytes())));
    assert_eq!(problems.len(), 1, "{problems:?}");
    let line = bad
        .lines()
        .position(|l| l.contains("20071325T055652Z"))
        .unwrap()
        + 1;
    assert!(
        problems[0].starts_with("invalid JSON message: month out of range at byte "),
        "{problems:?}"
    );
    // serde_json places a value's error where it noticed it: at the value,
    // or (for a struct field it buffers) at the end of the enclosing object
    // on the next line.
    assert!(
        problems[0].contains(&format!("(line {line}, column"))
            || problems[0].contains(&format!("(line {}, column", line + 1)),
        "{problems:?}"
    );

    // Two transactions: one sent in the wrong mode, one with an unknown
    // element (strict). (A transaction that does not decode gets no mode
    // check: the check needs its primitive.)
    let start = SEND.find("    <Transaction>").unwrap();
    let end = SEND.find("  </Session>").unwrap();
    let block = &SEND[start..end];
    let xml = format!(
        "{}{}{}{}",
        &SEND[..start],
        block.replace("<TransactionMode>Request<", "<TransactionMode>Response<"),
        block.replace("<Recipient>", "<Recipient><Vendor>x</Vendor>"),
        &SEND[end..]
    );
    let json = imps(&["convert", "--to", "json"], Some(xml.as_bytes()));
    assert!(json.status.success());
    let (problems, _) = invalid(&imps(&["validate", "--strict"], Some(&json.stdout)));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("TransactionMode is Response, but SendMessage-Request is sent in a Request transaction at model event "),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("unknown element <Vendor> at model event "),
        "{problems:?}"
    );
    assert!(
        problems[1].ends_with(&format!("in {MESSAGE_INFO}/Recipient/?")),
        "{problems:?}"
    );
}

#[test]
fn help_explains_validate_with_examples() {
    let out = imps(&["validate", "--help"], None);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--strict"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("imps validate login.wbxml"), "{help}");
    let out = imps(&["help", "convert"], None);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--raw"), "{help}");
    assert!(help.contains("Examples:"), "{help}");
}
