//! `imps validate`: decodes a document into the typed model of `imps-model`
//! (a whole CSP message or a standalone presence document) and reports every
//! problem it can find, each with its element path and position.
//!
//! What is checked (WV-CSP 1.1/1.2 "Message structure" and the primitives'
//! content models as `imps-model` implements them, the PA attributes for
//! presence documents):
//!
//! - the reader's syntax checks (well-formed XML without DTD entities, valid
//!   WBXML, JSON that fits the model's shape);
//! - everything the model's decoder checks: required children, integers,
//!   dates (month 13), booleans, nesting depth; with [`Options::strict`]
//!   also unknown elements and primitives, repeated singular children,
//!   unknown namespaces and unknown values of every value set (CSP and
//!   presence) — in the readers too (XML: other attributes than `xmlns`, a
//!   DOCTYPE internal subset; WBXML: unknown tokens, public ids of other
//!   document types).
//! - each transaction's `TransactionMode` against the mode its primitive
//!   travels in ([`imps_model::Primitive::expected_mode`], where that gives
//!   an answer).
//!
//! # Which problems are collected
//!
//! The model's decoder stops at the first error, so collecting several is
//! done by decoding parts of the document separately (each part re-reads
//! the input; nothing is buffered):
//!
//! - **Messages.** Every `Transaction` of the (first) `Session` is decoded on
//!   its own: the first problem of *each* transaction is reported, and the
//!   mode check runs on every transaction that decodes. The envelope
//!   (`WV-CSP-Message`, `Session`, `SessionDescriptor`, `Poll`, `CIR`, …)
//!   is decoded once with the transactions left out: its first problem is
//!   reported.
//! - **Presence documents.** After a problem inside an attribute, the
//!   document is decoded again without that attribute, until it decodes or
//!   the problem lies outside the attributes: the first problem of each bad
//!   attribute is reported (checks across attributes, such as a repeated
//!   attribute in strict mode, still see all the others).
//! - A **syntax error** of the reader ends everything: what follows it
//!   cannot be read. Transactions that end before it are still checked.
//! - **Strict mode**: the strict reader runs once on its own and its first
//!   refusal is reported; the model reads through the lenient reader, so a
//!   refusal of the strict reader only (an `xmlns:xsd` attribute) does not
//!   hide the model's problems.
//! - At most [`MAX_PROBLEMS`] problems are reported.
//!
//! Positions are byte offsets into the input (for XML also line and column,
//! [`imps_csp_xml::line_column`]). JSON is first parsed into the model (a
//! JSON error has a byte offset, line and column), then the model is
//! checked like the other syntaxes through its event stream: those problems
//! are placed by element path and event index.

use std::collections::BTreeSet;
use std::fmt;

use imps_csp_wbxml::WbxmlReader;
use imps_csp_xml::XmlReader;
use imps_event::{Error, ErrorKind, Event, EventSource, Path, Start, Tag, VecSink, VecSource};
use imps_model::presence::Document;
use imps_model::{DecodeOptions, Decoder, FromEvents, Primitive, Transaction};
use imps_tokens::CspVersion;

use crate::convert::{doc_version, encode_document, parse_json};
use crate::detect::{detect, Syntax};
use crate::error::CliError;

/// At most this many problems are reported.
pub const MAX_PROBLEMS: usize = 100;

/// How to validate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Refuse unknown elements, primitives, namespaces and presence values
    /// (readers and model), instead of keeping them as lenient decoding
    /// does.
    pub strict: bool,
}

/// Where a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    /// A byte offset into the input; line and column (1-based, column in
    /// characters) for XML and JSON.
    Byte {
        /// The byte offset.
        offset: usize,
        /// Line and column, for text syntaxes.
        line_col: Option<(usize, usize)>,
    },
    /// An event index of the model's event stream (JSON input, after it was
    /// parsed into the model).
    Event(usize),
}

/// One problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// Where.
    pub position: Position,
    /// The open elements (`WV-CSP-Message/Session/…`); `None` at document
    /// level.
    pub path: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match self.position {
            Position::Byte { offset, line_col } => {
                write!(f, " at byte {offset}")?;
                if let Some((line, col)) = line_col {
                    write!(f, " (line {line}, column {col})")?;
                }
            }
            Position::Event(i) => write!(f, " at model event {i}")?,
        }
        if let Some(path) = &self.path {
            write!(f, " in {path}")?;
        }
        Ok(())
    }
}

/// The kind of document validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A `WV-CSP-Message`.
    Message,
    /// A standalone presence document (`PresenceSubList`).
    Presence,
}

/// What was validated, and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The input syntax (`None`: not detected).
    pub syntax: Option<Syntax>,
    /// The CSP version (of the header, the namespaces, or the default).
    pub version: Option<CspVersion>,
    /// The kind of document, from its root element (`None`: neither a CSP
    /// message nor a presence document, or unreadable).
    pub kind: Option<DocumentKind>,
    /// The document, when it decoded (it may still have problems: a
    /// `TransactionMode` that does not fit its primitive).
    pub document: Option<Document>,
    /// The problems, in document order; empty when the document is valid.
    pub problems: Vec<Problem>,
    /// More than [`MAX_PROBLEMS`] problems were found; the rest are left out.
    pub truncated: bool,
}

impl Report {
    /// Whether the document is valid.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// A one-line description of the document: syntax, version, kind and
    /// its primitives (or attributes).
    pub fn summary(&self) -> String {
        let mut s = String::new();
        if let Some(v) = self.version {
            s.push_str(&format!("CSP {v} "));
        }
        if let Some(syntax) = self.syntax {
            s.push_str(&format!("{syntax} "));
        }
        match &self.document {
            Some(Document::Message(m)) => {
                let n = m.session.transactions.len();
                let list: Vec<String> = m
                    .session
                    .transactions
                    .iter()
                    .take(8)
                    .map(|t| {
                        let p = &t.content.primitive;
                        let unknown = if matches!(p, Primitive::Unknown(_)) {
                            ", unknown primitive kept as is"
                        } else {
                            ""
                        };
                        format!("{} ({}{unknown})", p.name(m.version), t.descriptor.mode)
                    })
                    .collect();
                let more = if n > 8 {
                    format!(", … (+{})", n - 8)
                } else {
                    String::new()
                };
                let plural = if n == 1 { "" } else { "s" };
                s.push_str(&format!(
                    "message, {n} transaction{plural}: {}{more}",
                    list.join(", ")
                ));
            }
            Some(Document::Presence(p)) => {
                let n = p.attributes.len();
                let list: Vec<String> = p
                    .attributes
                    .iter()
                    .take(12)
                    .map(|a| a.name().as_xml().into_owned())
                    .collect();
                let more = if n > 12 {
                    format!(", … (+{})", n - 12)
                } else {
                    String::new()
                };
                let plural = if n == 1 { "" } else { "s" };
                s.push_str(&format!(
                    "presence document, {n} attribute{plural}{}{}{more}",
                    if n > 0 { ": " } else { "" },
                    list.join(", ")
                ));
            }
            None => s.push_str(match self.kind {
                Some(DocumentKind::Message) => "message",
                Some(DocumentKind::Presence) => "presence document",
                None => "document",
            }),
        }
        s
    }
}

/// Validates `input` (XML, WBXML or JSON, detected).
pub fn validate<'a>(input: &'a [u8], options: &Options) -> Report {
    let mut report = Report {
        syntax: None,
        version: None,
        kind: None,
        document: None,
        problems: Vec::new(),
        truncated: false,
    };
    let syntax = match detect(input) {
        Ok(s) => s,
        Err(m) => {
            report.problems.push(Problem {
                message: m,
                position: Position::Byte {
                    offset: 0,
                    line_col: None,
                },
                path: None,
            });
            return report;
        }
    };
    report.syntax = Some(syntax);
    let model_options = if options.strict {
        DecodeOptions::strict()
    } else {
        DecodeOptions::lenient()
    };
    // The model reads through lenient readers: a strict reader stops at
    // its first refusal (an `xmlns:xsd` attribute on the root), which
    // would hide every other problem. In strict mode the strict reader
    // runs once on its own, and its first refusal is one more problem.
    let mut outcome = match syntax {
        Syntax::Wbxml => {
            let lenient = imps_csp_wbxml::DecodeOptions::default();
            let open = || -> Result<Box<dyn EventSource<'a> + 'a>, Error> {
                Ok(Box::new(WbxmlReader::new(input, &lenient)?))
            };
            let fallback = WbxmlReader::new(input, &lenient).map(|r| r.version());
            check_source(&open, fallback, &model_options)
        }
        Syntax::Xml => {
            let lenient = imps_csp_xml::DecodeOptions::default();
            let open = || -> Result<Box<dyn EventSource<'a> + 'a>, Error> {
                Ok(Box::new(XmlReader::new(input, &lenient)?))
            };
            let fallback =
                XmlReader::new(input, &lenient).map(|r| r.version().unwrap_or(CspVersion::V1_2));
            check_source(&open, fallback, &model_options)
        }
        Syntax::Json => match check_json(input, &model_options) {
            Ok(outcome) => outcome,
            Err(e) => {
                report.problems.push(problem_of_cli_error(&e));
                return report;
            }
        },
    };
    if options.strict {
        if let Some(e) = strict_reader_error(input, syntax) {
            outcome.found.push(Found::of(&e));
        }
    }
    report.version = outcome.version;
    report.kind = match outcome.kind {
        Kind::Message => Some(DocumentKind::Message),
        Kind::Presence => Some(DocumentKind::Presence),
        Kind::Other => None,
    };
    report.document = outcome.document;
    // The first of equal problems only (passes may find one twice), in
    // document order.
    let mut seen = std::collections::HashSet::new();
    let mut found: Vec<Found> = outcome
        .found
        .into_iter()
        .filter(|f| seen.insert((f.offset, f.message.clone())))
        .collect();
    found.sort_by_key(|f| f.offset);
    report.truncated = found.len() > MAX_PROBLEMS || outcome.truncated;
    found.truncate(MAX_PROBLEMS);
    report.problems = found
        .into_iter()
        .map(|f| Problem {
            // One line, whatever the reader quoted.
            message: f.message.replace(['\n', '\r'], " "),
            position: match syntax {
                Syntax::Json => Position::Event(f.offset),
                Syntax::Xml => Position::Byte {
                    offset: f.offset,
                    line_col: Some(imps_csp_xml::line_column(input, f.offset)),
                },
                Syntax::Wbxml => Position::Byte {
                    offset: f.offset,
                    line_col: None,
                },
            },
            path: (f.path.depth() > 0).then(|| f.path.to_string()),
        })
        .collect();
    report
}

/// The first error of the strict reader of `syntax` over `input`, if any.
fn strict_reader_error(input: &[u8], syntax: Syntax) -> Option<Error> {
    fn drain<'a>(mut source: impl EventSource<'a>) -> Option<Error> {
        loop {
            match source.next_event() {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(e) => return Some(e),
            }
        }
    }
    match syntax {
        Syntax::Wbxml => {
            let strict = imps_csp_wbxml::DecodeOptions {
                strict: true,
                ..Default::default()
            };
            match WbxmlReader::new(input, &strict) {
                Ok(reader) => drain(reader),
                Err(e) => Some(e),
            }
        }
        Syntax::Xml => match XmlReader::new(input, &imps_csp_xml::DecodeOptions::strict()) {
            Ok(reader) => drain(reader),
            Err(e) => Some(e),
        },
        Syntax::Json => None,
    }
}

/// A JSON parse error as a problem.
fn problem_of_cli_error(e: &CliError) -> Problem {
    match e {
        CliError::Data {
            message,
            offset,
            line_col,
            path,
            ..
        } => Problem {
            message: message.clone(),
            position: Position::Byte {
                offset: *offset,
                line_col: *line_col,
            },
            path: path.clone(),
        },
        other => Problem {
            message: other.to_string(),
            position: Position::Byte {
                offset: 0,
                line_col: None,
            },
            path: None,
        },
    }
}

/// JSON: parse into the model, then check the model's events.
fn check_json(input: &[u8], options: &DecodeOptions) -> Result<Outcome, CliError> {
    let doc = parse_json(input)?;
    let version = doc_version(&doc, CspVersion::V1_2);
    let mut sink = VecSink::default();
    encode_document(&doc, version, &mut sink).map_err(|e| CliError::encode(&e))?;
    let events = sink.events;
    let open = || -> Result<Box<dyn EventSource<'static>>, Error> {
        Ok(Box::new(VecSource::new(events.clone())))
    };
    Ok(check_source(&open, Ok(version), options))
}

/// A problem before it is placed in the input.
#[derive(Clone, Debug)]
struct Found {
    offset: usize,
    path: Path,
    message: String,
}

impl Found {
    fn of(e: &Error) -> Self {
        Found {
            offset: e.offset,
            path: e.path,
            message: e.kind.to_string(),
        }
    }
}

/// What [`check_source`] found.
struct Outcome {
    version: Option<CspVersion>,
    kind: Kind,
    document: Option<Document>,
    found: Vec<Found>,
    truncated: bool,
}

/// The validation proper, over sources that `open` creates afresh for each
/// pass; `fallback` is the reader's version (or its header error).
fn check_source<'a>(
    open: &dyn Fn() -> Result<Box<dyn EventSource<'a> + 'a>, Error>,
    fallback: Result<CspVersion, Error>,
    options: &DecodeOptions,
) -> Outcome {
    let mut out = Outcome {
        version: None,
        kind: Kind::Other,
        document: None,
        found: Vec::new(),
        truncated: false,
    };
    let fallback = match fallback {
        Ok(v) => v,
        Err(e) => {
            out.found.push(Found::of(&e));
            return out;
        }
    };
    let options = options.clone().with_default_version(fallback);
    out.version = Some(fallback);

    // Pass 1: the whole document, as `convert` decodes it.
    let first = match run_pass(open, Keep::All, &options) {
        Ok(pass) => pass,
        Err(e) => {
            out.found.push(Found::of(&e));
            return out;
        }
    };
    if let Some(v) = first.units.version(fallback) {
        out.version = Some(v);
    }
    let kind = first.units.kind;
    out.kind = kind;
    let first_error = match first.result {
        Ok(doc) => {
            out.version = Some(doc_version(&doc, fallback));
            let mismatch = match &doc {
                Document::Message(m) => m.session.transactions.iter().any(mode_mismatch_exists),
                Document::Presence(_) => false,
            };
            out.document = Some(doc);
            if !mismatch {
                return out;
            }
            None
        }
        Err(e) => {
            out.found.push(Found::of(&e));
            Some((first.units.reader_error.is_some(), first.units.last_unit))
        }
    };

    match kind {
        Kind::Message => {
            if first_error.is_some() {
                check_envelope(open, &options, &mut out);
            }
            check_transactions(open, &options, fallback, &mut out);
        }
        Kind::Presence => {
            if let Some((false, Some(unit))) = first_error {
                check_attributes(open, &options, unit, &mut out);
            }
        }
        Kind::Other => {}
    }
    out
}

/// Whether a transaction's mode does not fit its primitive.
fn mode_mismatch_exists(t: &Transaction) -> bool {
    t.content
        .primitive
        .expected_mode()
        .is_some_and(|m| m != t.descriptor.mode)
}

/// A message's envelope: decoded with every transaction left out.
fn check_envelope<'a>(
    open: &dyn Fn() -> Result<Box<dyn EventSource<'a> + 'a>, Error>,
    options: &DecodeOptions,
    out: &mut Outcome,
) {
    let Ok(pass) = run_pass(open, Keep::Outside, options) else {
        return;
    };
    if let Err(e) = pass.result {
        // Leaving the transactions out makes them missing: not a problem
        // of the document when it has some.
        let caused_by_us = e.kind == ErrorKind::Missing(Tag::Transaction.name())
            && e.path.last() == Some(Tag::Session)
            && pass.units.count > 0;
        if !caused_by_us {
            out.found.push(Found::of(&e));
        }
    }
}

/// Every transaction of a message on its own, in one pass: its first
/// problem, and the mode check.
fn check_transactions<'a>(
    open: &dyn Fn() -> Result<Box<dyn EventSource<'a> + 'a>, Error>,
    options: &DecodeOptions,
    fallback: CspVersion,
    out: &mut Outcome,
) {
    let Ok(source) = open() else { return };
    let mut units = Units::new(source, Keep::Inside);
    loop {
        if out.found.len() > MAX_PROBLEMS {
            out.truncated = true;
            return;
        }
        let start = match units.next_event() {
            Ok(Some(Event::Start(start))) => start,
            Ok(_) => return,
            Err(e) => {
                out.found.push(Found::of(&e));
                return;
            }
        };
        let version = units.version(fallback).unwrap_or(fallback);
        let result = {
            let mut d = Decoder::new(&mut units, options.clone());
            d.set_version(version);
            Transaction::from_events(start, &mut d)
        };
        match result {
            Ok(t) => {
                if let Some(found) = mode_problem(&t, version, units.mode_at) {
                    out.found.push(found);
                }
            }
            Err(e) => {
                out.found.push(Found::of(&e));
                if units.reader_error.is_some() {
                    return;
                }
                if let Err(e) = units.skip_unit() {
                    out.found.push(Found::of(&e));
                    return;
                }
            }
        }
    }
}

/// The mode check of one transaction; `mode_at` is where its
/// `TransactionMode` element starts.
fn mode_problem(
    t: &Transaction,
    version: CspVersion,
    mode_at: Option<(usize, Path)>,
) -> Option<Found> {
    let primitive = &t.content.primitive;
    let expected = primitive.expected_mode()?;
    if expected == t.descriptor.mode {
        return None;
    }
    let (offset, path) = mode_at.unwrap_or_default();
    Some(Found {
        offset,
        path,
        message: format!(
            "TransactionMode is {}, but {} is sent in a {} transaction",
            t.descriptor.mode,
            primitive.name(version),
            expected
        ),
    })
}

/// A presence document with a bad attribute: decoded again without each
/// bad attribute found, until it decodes or the problem is elsewhere.
fn check_attributes<'a>(
    open: &dyn Fn() -> Result<Box<dyn EventSource<'a> + 'a>, Error>,
    options: &DecodeOptions,
    first_bad: usize,
    out: &mut Outcome,
) {
    let mut skip = BTreeSet::from([first_bad]);
    while skip.len() <= MAX_PROBLEMS {
        let Ok(pass) = run_pass(open, Keep::Skip(&skip), options) else {
            return;
        };
        let Err(e) = pass.result else { return };
        out.found.push(Found::of(&e));
        match (pass.units.reader_error.is_some(), pass.units.last_unit) {
            (false, Some(unit)) if skip.insert(unit) => {}
            _ => return,
        }
    }
    out.truncated = true;
}

/// One decode of the document through a [`Units`] filter.
struct Pass<'a, 'k> {
    result: Result<Document, Error>,
    units: Units<'a, 'k>,
}

fn run_pass<'a, 'k>(
    open: &dyn Fn() -> Result<Box<dyn EventSource<'a> + 'a>, Error>,
    keep: Keep<'k>,
    options: &DecodeOptions,
) -> Result<Pass<'a, 'k>, Error> {
    let mut units = Units::new(open()?, keep);
    let result = Document::decode(&mut units, options);
    Ok(Pass { result, units })
}

/// The kind of document, from its root element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `WV-CSP-Message`: the units are the `Transaction`s of the first
    /// `Session`.
    Message,
    /// `PresenceSubList`: the units are the attributes.
    Presence,
    /// Anything else (the model refuses it).
    Other,
}

/// Which events a [`Units`] filter lets through.
#[derive(Clone, Copy, Debug)]
enum Keep<'k> {
    /// Everything.
    All,
    /// Everything but the units with these indexes.
    Skip(&'k BTreeSet<usize>),
    /// Everything but the units.
    Outside,
    /// Only the units (one after another).
    Inside,
}

/// An event source over a reader that knows the document's units
/// (transactions, attributes) and can leave some out.
///
/// Offsets and paths are the reader's: the last event read is always the
/// last one returned (left-out events are read before it), and a left-out
/// unit is a whole subtree, so paths stay those of the document.
struct Units<'a, 'k> {
    inner: Box<dyn EventSource<'a> + 'a>,
    keep: Keep<'k>,
    kind: Kind,
    root_xmlns: Option<String>,
    /// Open elements.
    depth: u32,
    /// The current child of the root is the first `Session`.
    in_first_session: bool,
    sessions: u32,
    /// The unit open, and the depth its `Start` was read at.
    unit: Option<(usize, u32)>,
    /// The unit of the last event returned (its `End` included).
    last_unit: Option<usize>,
    /// Units seen so far.
    count: usize,
    /// Inside the current unit's `TransactionDescriptor`.
    in_descriptor: bool,
    /// Where the current unit's `TransactionMode` starts.
    mode_at: Option<(usize, Path)>,
    /// The reader's error, if it failed.
    reader_error: Option<Error>,
}

impl<'a, 'k> Units<'a, 'k> {
    fn new(inner: Box<dyn EventSource<'a> + 'a>, keep: Keep<'k>) -> Self {
        Units {
            inner,
            keep,
            kind: Kind::Other,
            root_xmlns: None,
            depth: 0,
            in_first_session: false,
            sessions: 0,
            unit: None,
            last_unit: None,
            count: 0,
            in_descriptor: false,
            mode_at: None,
            reader_error: None,
        }
    }

    /// The version the root's namespace names, if it names one.
    fn version(&self, fallback: CspVersion) -> Option<CspVersion> {
        match self.root_xmlns.as_deref() {
            Some(uri) => CspVersion::from_namespace(uri).map(|(v, _)| v),
            None => (self.kind != Kind::Other).then_some(fallback),
        }
    }

    fn starts_unit(&self, depth: u32, start: &Start<'_>) -> bool {
        match self.kind {
            Kind::Message => {
                depth == 2 && self.in_first_session && start.name.tag() == Some(Tag::Transaction)
            }
            Kind::Presence => depth == 1,
            Kind::Other => false,
        }
    }

    /// Reads on to the end of the current unit.
    fn skip_unit(&mut self) -> Result<(), Error> {
        while self.unit.is_some() {
            if self.read()?.is_none() {
                break;
            }
        }
        Ok(())
    }

    /// The next event of the reader, with the bookkeeping; `None` at the
    /// end. Returns whether the event belongs to a unit, and which.
    fn read(&mut self) -> Result<Option<(Event<'a>, Option<usize>)>, Error> {
        let event = match self.inner.next_event() {
            Ok(Some(event)) => event,
            Ok(None) => return Ok(None),
            Err(e) => {
                self.reader_error = Some(e.clone());
                return Err(e);
            }
        };
        let depth = self.depth;
        match &event {
            Event::Start(start) => {
                if depth == 0 {
                    self.kind = match start.name.tag() {
                        Some(Tag::WvCspMessage) => Kind::Message,
                        Some(Tag::PresenceSubList) => Kind::Presence,
                        _ => Kind::Other,
                    };
                    self.root_xmlns = start.xmlns.as_deref().map(str::to_owned);
                } else if depth == 1 {
                    let session = start.name.tag() == Some(Tag::Session);
                    if session {
                        self.sessions += 1;
                    }
                    self.in_first_session = session && self.sessions == 1;
                }
                if self.unit.is_none() && self.starts_unit(depth, start) {
                    self.unit = Some((self.count, depth));
                    self.count += 1;
                    self.in_descriptor = false;
                    self.mode_at = None;
                } else if self.unit.is_some() && self.kind == Kind::Message {
                    let tag = start.name.tag();
                    if depth == 3 {
                        self.in_descriptor = tag == Some(Tag::TransactionDescriptor);
                    } else if depth == 4
                        && self.in_descriptor
                        && tag == Some(Tag::TransactionMode)
                        && self.mode_at.is_none()
                    {
                        self.mode_at = Some((self.inner.offset(), self.inner.path()));
                    }
                }
                self.depth = depth.saturating_add(1);
            }
            Event::End => self.depth = depth.saturating_sub(1),
            _ => {}
        }
        let unit = self.unit.map(|(i, _)| i);
        if let (Event::End, Some((_, at))) = (&event, self.unit) {
            if self.depth == at {
                self.unit = None;
            }
        }
        Ok(Some((event, unit)))
    }
}

impl<'a> EventSource<'a> for Units<'a, '_> {
    fn next_event(&mut self) -> Result<Option<Event<'a>>, Error> {
        loop {
            let Some((event, unit)) = self.read()? else {
                return Ok(None);
            };
            let keep = match (self.keep, unit) {
                (Keep::All, _) => true,
                (Keep::Skip(skip), Some(i)) => !skip.contains(&i),
                (Keep::Skip(_), None) => true,
                (Keep::Outside, unit) => unit.is_none(),
                (Keep::Inside, unit) => unit.is_some(),
            };
            if keep {
                self.last_unit = unit;
                return Ok(Some(event));
            }
        }
    }

    fn offset(&self) -> usize {
        self.inner.offset()
    }

    fn path(&self) -> Path {
        self.inner.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CAP_REQUEST: &[u8] =
        include_bytes!("../../../testvectors/android-im-libwbxml/encoder/cap_request.wbxml");
    const PRESENCE: &[u8] = include_bytes!("../tests/data/presence.xml");
    const SEVERAL: &[u8] = include_bytes!("../tests/data/several-problems.xml");

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Mutated and cut documents never panic, and every problem is one
        /// line with a position.
        #[test]
        fn mutated_documents_never_panic(
            which in 0usize..3,
            pos in any::<prop::sample::Index>(),
            byte in any::<u8>(),
            cut in any::<prop::sample::Index>(),
            strict in any::<bool>(),
        ) {
            let mut v = [CAP_REQUEST, PRESENCE, SEVERAL][which].to_vec();
            let i = pos.index(v.len());
            v[i] = byte;
            v.truncate(cut.index(v.len()).max(1));
            let report = validate(&v, &Options { strict });
            prop_assert!(report.problems.len() <= MAX_PROBLEMS);
            for p in &report.problems {
                let line = p.to_string();
                prop_assert!(!line.contains('\n'), "{}", line);
                prop_assert!(line.contains(" at "), "{}", line);
            }
            let _ = report.summary();
        }
    }

    /// Many bad transactions: each is reported, up to the cap.
    #[test]
    fn problems_are_capped() {
        let bad = transaction(
            "Request",
            "<KeepAlive-Request><TimeToLive>x</TimeToLive></KeepAlive-Request>",
        );
        let doc = format!(
            "{HEAD}{}</Session></WV-CSP-Message>",
            bad.repeat(MAX_PROBLEMS + 20)
        );
        let report = validate(doc.as_bytes(), &Options::default());
        assert_eq!(report.problems.len(), MAX_PROBLEMS);
        assert!(report.truncated);
        let doc = format!("{HEAD}{}</Session></WV-CSP-Message>", bad.repeat(7));
        let report = validate(doc.as_bytes(), &Options::default());
        assert_eq!(report.problems.len(), 7);
        assert!(!report.truncated);
    }

    fn problems(doc: &str, strict: bool) -> Vec<String> {
        validate(doc.as_bytes(), &Options { strict })
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const HEAD: &str = "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session><SessionDescriptor><SessionType>Inband</SessionType><SessionID>s</SessionID></SessionDescriptor>";

    fn transaction(mode: &str, primitive: &str) -> String {
        format!("<Transaction><TransactionDescriptor><TransactionMode>{mode}</TransactionMode><TransactionID>t</TransactionID></TransactionDescriptor><TransactionContent xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\">{primitive}</TransactionContent></Transaction>")
    }

    const KEEP_ALIVE: &str = "<KeepAlive-Request><TimeToLive>60</TimeToLive></KeepAlive-Request>";

    #[test]
    fn one_problem_per_transaction_and_the_envelope() {
        let doc = format!(
            "{HEAD}{}{}{}{}<Poll>maybe</Poll></Session></WV-CSP-Message>",
            transaction("Request", "<KeepAlive-Request><TimeToLive>abc</TimeToLive></KeepAlive-Request>"),
            transaction("Request", KEEP_ALIVE),
            transaction("Response", KEEP_ALIVE),
            transaction("Request", "<KeepAlive-Request><TimeToLive>x</TimeToLive><TimeToLive>y</TimeToLive></KeepAlive-Request>"),
        );
        let found = problems(&doc, false);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].contains("\"abc\""), "{found:#?}");
        assert!(found[1].contains("TransactionMode is Response, but KeepAlive-Request is sent in a Request transaction"), "{found:#?}");
        assert!(
            found[1].ends_with(
                "in WV-CSP-Message/Session/Transaction/TransactionDescriptor/TransactionMode"
            ),
            "{found:#?}"
        );
        assert!(found[2].contains("\"x\""), "{found:#?}");
        assert!(
            found[3].contains("\"maybe\"") && found[3].contains("in WV-CSP-Message/Session/Poll"),
            "{found:#?}"
        );
        // Positions are in document order, with line and column.
        assert!(
            found.iter().all(|p| p.contains("(line 1, column")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_valid_message_has_a_summary() {
        let doc = format!(
            "{HEAD}{}</Session></WV-CSP-Message>",
            transaction("Request", KEEP_ALIVE)
        );
        let report = validate(doc.as_bytes(), &Options::default());
        assert!(report.is_valid(), "{:?}", report.problems);
        assert_eq!(
            report.summary(),
            "CSP 1.2 XML message, 1 transaction: KeepAlive-Request (Request)"
        );
    }

    #[test]
    fn envelope_problem_does_not_hide_the_transactions() {
        let doc = format!(
            "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session><SessionDescriptor><SessionID>s</SessionID></SessionDescriptor>{}</Session></WV-CSP-Message>",
            transaction("Response", KEEP_ALIVE)
        );
        let found = problems(&doc, false);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].contains("missing required <SessionType>"),
            "{found:#?}"
        );
        assert!(
            found[1].contains("TransactionMode is Response"),
            "{found:#?}"
        );
    }

    #[test]
    fn syntax_error_stops_but_earlier_transactions_are_checked() {
        let doc = format!(
            "{HEAD}{}<Transaction><Foo></Bar>",
            transaction("Response", KEEP_ALIVE)
        );
        let found = problems(&doc, false);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].contains("TransactionMode is Response"),
            "{found:#?}"
        );
        assert!(found[1].starts_with("malformed input"), "{found:#?}");
    }

    #[test]
    fn presence_document_reports_each_bad_attribute() {
        // Lenient: an element where a value belongs is an error.
        let bad_alias =
            "<Alias><Qualifier>T</Qualifier><PresenceValue><b>x</b></PresenceValue></Alias>";
        let doc = format!(
            "<PresenceSubList xmlns=\"http://www.openmobilealliance.org/DTD/WV-PA1.2\">{bad_alias}<OnlineStatus/>{bad_alias}</PresenceSubList>"
        );
        let found = problems(&doc, false);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found
                .iter()
                .all(|p| p.contains("in PresenceSubList/Alias/PresenceValue")),
            "{found:#?}"
        );
        assert!(found[0] != found[1], "{found:#?}");
        // Strict: unknown values, each attribute's first.
        let doc = "<PresenceSubList xmlns=\"http://www.openmobilealliance.org/DTD/WV-PA1.2\">\
            <OnlineStatus><Qualifier>maybe</Qualifier><PresenceValue>T</PresenceValue></OnlineStatus>\
            <UserAvailability><Qualifier>T</Qualifier><PresenceValue>AVAILABLE</PresenceValue></UserAvailability>\
            <Registration><Qualifier>T</Qualifier><PresenceValue>perhaps</PresenceValue></Registration>\
            </PresenceSubList>";
        assert_eq!(problems(doc, false), Vec::<String>::new());
        let found = problems(doc, true);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].contains("in PresenceSubList/OnlineStatus/Qualifier"),
            "{found:#?}"
        );
        assert!(
            found[1].contains("in PresenceSubList/Registration/PresenceValue"),
            "{found:#?}"
        );
        let report = validate(
            b"<PresenceSubList xmlns=\"http://www.openmobilealliance.org/DTD/WV-PA1.2\"><OnlineStatus/><Alias/></PresenceSubList>",
            &Options::default(),
        );
        assert!(report.is_valid(), "{:?}", report.problems);
        assert_eq!(
            report.summary(),
            "CSP 1.2 XML presence document, 2 attributes: OnlineStatus, Alias"
        );
    }

    #[test]
    fn unknown_root_and_undetectable_input() {
        let found = problems("<html/>", false);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].contains("WV-CSP-Message or PresenceSubList"),
            "{found:#?}"
        );
        let found = problems("hello", false);
        assert_eq!(found, ["cannot detect the input syntax: first byte 0x68 is neither a WBXML version (0x00-0x03), '<' (XML) nor '{' (JSON) at byte 0"]);
    }
}
