//! Test support for the cross-codec conformance suite.
//!
//! The tests in `tests/` check the CSP codecs against independent truth: the
//! public vectors in `testvectors/` (with their provenance READMEs) and
//! Debian's libwbxml command-line tools. This library holds what they share:
//! finding vectors, building comparable element trees from any
//! [`EventSource`], and normalising what the two syntaxes legitimately spell
//! differently (integers as OPAQUE vs decimal text, packed vs ISO dates).

/// The README's Rust example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeExample;

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use imps_event::{copy_events, CopyError, DateTime, Error, Event, EventSource};

pub use imps_testkit::{vector_files, vectors_dir};

/// A leaf value, normalised so that both syntaxes compare equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Character content (integers as decimal, dates in basic ISO format).
    Text(String),
    /// OPAQUE bytes that are neither integer nor date.
    Opaque(Vec<u8>),
}

/// One child of an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Child {
    /// A nested element.
    Element(Node),
    /// Content.
    Value(Value),
}

/// An owned element tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The element's XML spelling.
    pub name: String,
    /// Its namespace declaration, if any.
    pub xmlns: Option<String>,
    /// Children in document order.
    pub children: Vec<Child>,
}

impl Node {
    /// The first descendant-or-self element with this name, depth first.
    pub fn find(&self, name: &str) -> Option<&Node> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| match c {
            Child::Element(n) => n.find(name),
            Child::Value(_) => None,
        })
    }

    /// The text content of this element (empty when it has none).
    pub fn text(&self) -> String {
        self.children
            .iter()
            .filter_map(|c| match c {
                Child::Value(Value::Text(t)) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    fn fmt_indented(&self, f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
        let pad = "  ".repeat(depth);
        match &self.xmlns {
            Some(ns) => writeln!(f, "{pad}<{} xmlns={ns:?}>", self.name)?,
            None => writeln!(f, "{pad}<{}>", self.name)?,
        }
        for c in &self.children {
            match c {
                Child::Element(n) => n.fmt_indented(f, depth + 1)?,
                Child::Value(v) => writeln!(f, "{pad}  {v:?}")?,
            }
        }
        Ok(())
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_indented(f, 0)
    }
}

/// Reads a whole document into a [`Node`] tree.
pub fn read_tree<'a>(src: &mut impl EventSource<'a>) -> Result<Node, Error> {
    let mut stack: Vec<Node> = Vec::new();
    let mut root = None;
    while let Some(ev) = src.next_event()? {
        match ev {
            Event::Start(s) => stack.push(Node {
                name: s.name.as_xml().into_owned(),
                xmlns: s.xmlns.map(|x| x.into_owned()),
                children: Vec::new(),
            }),
            Event::End => {
                let Some(done) = stack.pop() else {
                    return Err(src.error(imps_event::ErrorKind::Syntax("unbalanced End".into())));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Child::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => push_value(&mut stack, Value::Text(t.into_owned())),
            Event::Integer(i) => push_value(&mut stack, Value::Text(i.to_string())),
            Event::DateTime(d) => push_value(&mut stack, Value::Text(d.to_string())),
            Event::Opaque(o) => push_value(&mut stack, Value::Opaque(o.into_owned())),
        }
    }
    root.ok_or_else(|| src.error(imps_event::ErrorKind::Syntax("no root element".into())))
}

fn push_value(stack: &mut [Node], value: Value) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(Child::Value(value));
    }
}

/// How two trees may legitimately differ in a comparison.
///
/// [`Compare::LIBWBXML`] is what libwbxml legitimately changes.
#[derive(Clone, Debug, Default)]
pub struct Compare<'a> {
    /// Ignore `xmlns` declarations (libwbxml drops them).
    pub ignore_xmlns: bool,
    /// Element names that count as the same (`(a, b)` pairs, both orders).
    pub same_names: &'a [(&'a str, &'a str)],
    /// Compare text that parses as a date by its value, not its spelling.
    pub dates_by_value: bool,
    /// Ignore leading and trailing white space of text (libwbxml trims).
    pub trim_text: bool,
    /// Compare text that parses as an integer (decimal, or `0x` hex as
    /// libwbxml reads it) by its value.
    pub integers_by_value: bool,
}

fn integer_value(text: &str) -> Option<u64> {
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

impl Compare<'static> {
    /// libwbxml's legitimate changes: it drops `xmlns`, trims text, reads
    /// `0x…` text of integer elements as a number, and spells three names
    /// the way its shared 1.1/1.2 table does (`BlockEntity-Request` for 1.1's
    /// `BlockUser-Request`, `PreferredContent`/`PreferredvCard` for
    /// `ReferredContent`/`ReferredvCard`).
    pub const LIBWBXML: Compare<'static> = Compare {
        ignore_xmlns: true,
        same_names: &[
            ("BlockEntity-Request", "BlockUser-Request"),
            ("PreferredContent", "ReferredContent"),
            ("PreferredvCard", "ReferredvCard"),
        ],
        dates_by_value: true,
        trim_text: true,
        integers_by_value: true,
    };
}

impl Compare<'_> {
    fn names_match(&self, a: &str, b: &str) -> bool {
        a == b
            || self
                .same_names
                .iter()
                .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
    }

    fn values_match(&self, a: &Value, b: &Value) -> bool {
        let (Value::Text(x), Value::Text(y)) = (a, b) else {
            return a == b;
        };
        let (x, y) = if self.trim_text {
            (x.trim(), y.trim())
        } else {
            (x.as_str(), y.as_str())
        };
        if x == y {
            return true;
        }
        if self.dates_by_value {
            if let (Ok(dx), Ok(dy)) = (x.parse::<DateTime>(), y.parse::<DateTime>()) {
                return dx == dy;
            }
        }
        if self.integers_by_value {
            if let (Some(ix), Some(iy)) = (integer_value(x), integer_value(y)) {
                return ix == iy;
            }
        }
        false
    }

    /// The first difference between `a` and `b`, as a path and a reason.
    pub fn diff(&self, a: &Node, b: &Node) -> Option<String> {
        self.diff_at(a, b, &mut Vec::new())
    }

    fn diff_at(&self, a: &Node, b: &Node, path: &mut Vec<String>) -> Option<String> {
        path.push(a.name.clone());
        let here = path.join("/");
        if !self.names_match(&a.name, &b.name) {
            return Some(format!("{}: name {} vs {}", here, a.name, b.name));
        }
        if !self.ignore_xmlns && a.xmlns != b.xmlns {
            return Some(format!("{}: xmlns {:?} vs {:?}", here, a.xmlns, b.xmlns));
        }
        if a.children.len() != b.children.len() {
            return Some(format!(
                "{}: {} vs {} children\n--- left\n{a}--- right\n{b}",
                here,
                a.children.len(),
                b.children.len()
            ));
        }
        for (ca, cb) in a.children.iter().zip(&b.children) {
            match (ca, cb) {
                (Child::Element(na), Child::Element(nb)) => {
                    if let Some(d) = self.diff_at(na, nb, path) {
                        return Some(d);
                    }
                }
                (Child::Value(va), Child::Value(vb)) if self.values_match(va, vb) => {}
                _ => return Some(format!("{}: {ca:?} vs {cb:?}", here)),
            }
        }
        path.pop();
        None
    }
}

/// A libwbxml command-line tool, if installed (`xml2wbxml`, `wbxml2xml`).
pub fn libwbxml_tool(name: &str) -> Option<PathBuf> {
    let ok = Command::new(name)
        .arg("-h")
        .output()
        .map(|o| !o.stdout.is_empty() || !o.stderr.is_empty())
        .unwrap_or(false);
    ok.then(|| PathBuf::from(name))
}

/// Runs a libwbxml tool on `input` bytes with extra arguments; returns the
/// output file's bytes.
pub fn run_libwbxml(tool: &Path, args: &[&str], input: &[u8]) -> Result<Vec<u8>, String> {
    let dir = std::env::temp_dir().join(format!(
        "imps-conformance-{}-{}",
        std::process::id(),
        unique()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let inp = dir.join("in");
    let out = dir.join("out");
    std::fs::write(&inp, input).map_err(|e| e.to_string())?;
    let status = Command::new(tool)
        .args(args)
        .arg("-o")
        .arg(&out)
        .arg(&inp)
        .output()
        .map_err(|e| e.to_string())?;
    let result = std::fs::read(&out).map_err(|e| {
        format!(
            "{} failed: {e}; stderr: {}",
            tool.display(),
            String::from_utf8_lossy(&status.stderr)
        )
    });
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// The `<!-- EXPECTED ::= value -->` annotation libwbxml's date vectors carry.
pub fn expected_annotation(xml: &str) -> Option<&str> {
    let start = xml.find("EXPECTED ::=")? + "EXPECTED ::=".len();
    let end = xml[start..].find("-->")? + start;
    Some(xml[start..end].trim())
}

/// Decodes CSP XML into a tree.
pub fn xml_tree(xml: &[u8]) -> Result<Node, Error> {
    let mut reader = imps_csp_xml::XmlReader::new(xml, &Default::default())?;
    read_tree(&mut reader)
}

/// Decodes CSP WBXML into a tree.
pub fn wbxml_tree(wbxml: &[u8]) -> Result<Node, Error> {
    let mut reader = imps_csp_wbxml::WbxmlReader::new(wbxml, &Default::default())?;
    read_tree(&mut reader)
}

/// CSP XML to WBXML through the event stream, written with `options`; the
/// version the document declares (DOCTYPE or xmlns) overrides
/// `options.version`.
pub fn xml_to_wbxml_with(
    xml: &[u8],
    mut options: imps_csp_wbxml::EncodeOptions,
) -> Result<Vec<u8>, Error> {
    let mut reader = imps_csp_xml::XmlReader::new(xml, &Default::default())?;
    if let Some(version) = reader.version() {
        options.version = version;
    }
    let mut writer = imps_csp_wbxml::WbxmlWriter::new(options);
    copy_events(&mut reader, &mut writer).map_err(CopyError::into_error)?;
    writer.finish()
}

/// CSP XML to phone-style WBXML; `fallback` is the version for documents
/// that declare none.
pub fn xml_to_wbxml(xml: &[u8], fallback: imps_tokens::CspVersion) -> Result<Vec<u8>, Error> {
    xml_to_wbxml_with(xml, imps_csp_wbxml::EncodeOptions::phone(fallback))
}

/// CSP WBXML to XML, through the event stream.
pub fn wbxml_to_xml(wbxml: &[u8]) -> Result<Vec<u8>, Error> {
    let mut reader = imps_csp_wbxml::WbxmlReader::new(wbxml, &Default::default())?;
    let mut writer = imps_csp_xml::XmlWriter::new(imps_csp_xml::WriteOptions {
        version: Some(reader.version()),
        ..Default::default()
    });
    copy_events(&mut reader, &mut writer).map_err(CopyError::into_error)?;
    writer.finish()
}

/// A libwbxml corpus source as libwbxml's *decoder* gives it back after its
/// own encoder: where the file carries libwbxml's `<!-- EXPECTED ::= … -->`
/// annotation, its `DateTime` holds that value. (libwbxml packs a date
/// without zone designator with zone byte 0 and prints it back with `Z`; our
/// decoder keeps it zone-less, so compare our decodes with the plain source.)
pub fn libwbxml_source_tree(xml: &[u8]) -> Result<Node, Error> {
    let mut tree = xml_tree(xml)?;
    if let Some(expected) = std::str::from_utf8(xml).ok().and_then(expected_annotation) {
        tree.set_text("DateTime", expected);
    }
    Ok(tree)
}

impl Node {
    /// Replaces the content of every element called `name` with `text`.
    pub fn set_text(&mut self, name: &str, text: &str) {
        if self.name == name {
            self.children = vec![Child::Value(Value::Text(text.to_owned()))];
            return;
        }
        for c in &mut self.children {
            if let Child::Element(n) = c {
                n.set_text(name, text);
            }
        }
    }
}
