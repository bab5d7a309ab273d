//! `imps inspect`: a dump for debugging real traffic.
//!
//! WBXML (WAP-192-WBXML-20010725 with the CSP tables): one line per header
//! field and per token, with its byte offset, code page, raw bytes, token
//! kind and what the version's tables say it is (tag name, `xmlns` prefix,
//! extension value, WV integer or packed date).
//!
//! XML: one line per event with byte offset, line and column.

use std::fmt::Write as _;

use imps_csp_wbxml::{decode_integer, unpack_datetime, VersionSource, WbxmlReader};
use imps_csp_xml::XmlReader;
use imps_event::{Event, EventSource, Path};
use imps_tokens::{xmlns_prefix, CspVersion, Tag, ValueType};
use imps_wbxml::{read_mb_u32, Limits, Name, PublicId, Reader, TokenKind};

use crate::detect::{detect, Syntax};
use crate::error::CliError;

/// Raw bytes shown per token; longer tokens are cut with `…(+N)`.
const MAX_RAW: usize = 8;

/// Dumps `input` into `out`. On bad input, `out` holds the dump up to the
/// error and the error is returned.
pub fn inspect(input: &[u8], csp: Option<CspVersion>, out: &mut String) -> Result<(), CliError> {
    let syntax = detect(input).map_err(|m| CliError::input(m, input, Syntax::Xml, 0, None))?;
    match syntax {
        Syntax::Wbxml => inspect_wbxml(input, csp, out),
        Syntax::Xml => inspect_xml(input, out),
        Syntax::Json => Err(CliError::input(
            "inspect reads WBXML or XML, not JSON",
            input,
            syntax,
            0,
            None,
        )),
    }
}

fn raw(bytes: &[u8]) -> String {
    let mut s = String::new();
    for b in bytes.iter().take(MAX_RAW) {
        if !s.is_empty() {
            s.push(' ');
        }
        let _ = write!(s, "{b:02X}");
    }
    if bytes.len() > MAX_RAW {
        let _ = write!(s, " …(+{})", bytes.len() - MAX_RAW);
    }
    s
}

fn line(out: &mut String, offset: usize, page: Option<u8>, bytes: &[u8], kind: &str, what: &str) {
    let page = page.map_or_else(|| "  ".to_owned(), |p| format!("{p:02X}"));
    let _ = writeln!(
        out,
        "{offset:6}  {page}  {:<32} {kind:<11} {what}",
        raw(bytes)
    );
}

fn wbxml_error(e: imps_wbxml::Error, input: &[u8], path: &Path) -> CliError {
    CliError::input(
        e.kind.to_string(),
        input,
        Syntax::Wbxml,
        e.offset,
        Some(path.to_string()),
    )
}

fn inspect_wbxml(input: &[u8], csp: Option<CspVersion>, out: &mut String) -> Result<(), CliError> {
    // The CSP layer decides the version (root xmlns, public id, FPI).
    let csp_reader = WbxmlReader::new(input, &imps_csp_wbxml::DecodeOptions::default())
        .map_err(|e| CliError::event(&e, input, Syntax::Wbxml))?;
    let (version, source) = match csp {
        Some(v) => (v, "--csp"),
        None => (
            csp_reader.version(),
            match csp_reader.version_source() {
                VersionSource::Xmlns => "root xmlns",
                VersionSource::PublicId => "public id",
                VersionSource::Fpi => "FPI",
                _ => "default",
            },
        ),
    };
    let mut reader =
        Reader::new(input, Limits::default()).map_err(|e| wbxml_error(e, input, &Path::new()))?;
    let header = *reader.header();

    let _ = writeln!(
        out,
        "# WBXML, CSP {} tables (from {source})",
        version.as_str()
    );
    let _ = writeln!(
        out,
        "{:>6}  pg  {:<32} {:<11} meaning",
        "offset", "bytes", "token"
    );
    // Header fields, re-parsed for their offsets (Reader::new accepted them).
    let mut pos = 1;
    line(
        out,
        0,
        None,
        &input[..1],
        "version",
        &format!("WBXML 1.{}", header.version),
    );
    let (id, next) = read_mb_u32(input, pos).map_err(|e| wbxml_error(e, input, &Path::new()))?;
    let public = match header.public_id {
        PublicId::Numeric(n) => match CspVersion::from_public_id(n) {
            Some(v) => format!("{n:#04x} = WV-CSP {}", v.as_str()),
            None => format!("{n:#04x} (not a CSP id)"),
        },
        PublicId::String { index, fpi } => format!("string table [{index}] = {fpi:?}"),
    };
    let mut end = next;
    if id == 0 {
        end = read_mb_u32(input, next).map_or(next, |(_, p)| p);
    }
    line(out, pos, None, &input[pos..end], "publicid", &public);
    pos = end;
    if let Some(charset) = header.charset {
        let (_, next) = read_mb_u32(input, pos).map_err(|e| wbxml_error(e, input, &Path::new()))?;
        let name = match charset {
            106 => "UTF-8",
            3 => "US-ASCII",
            _ => "?",
        };
        line(
            out,
            pos,
            None,
            &input[pos..next],
            "charset",
            &format!("{charset} {name}"),
        );
        pos = next;
    }
    let table_start = header.body_offset - header.string_table.len();
    line(
        out,
        pos,
        None,
        &input[pos..header.body_offset],
        "strtbl",
        &format!("{} bytes", header.string_table.len()),
    );
    let mut at = 0;
    for s in header.string_table.split(|&b| b == 0) {
        if at >= header.string_table.len() {
            break;
        }
        let _ = writeln!(
            out,
            "{:6}      {:<32} {:<11} [{at}] {:?}",
            table_start + at,
            "",
            "",
            String::from_utf8_lossy(s)
        );
        at += s.len() + 1;
    }

    // Body.
    let mut path = Path::new();
    let mut open: Vec<Option<Tag>> = Vec::new();
    loop {
        let token = match reader.next_token() {
            Ok(Some(t)) => t,
            Ok(None) => break,
            Err(e) => return Err(wbxml_error(e, input, &path)),
        };
        let bytes = input
            .get(token.offset..reader.position())
            .unwrap_or_default();
        let indent = "  ".repeat(open.len());
        let page = Some(token.page);
        match token.kind {
            TokenKind::SwitchPage(p) => line(
                out,
                token.offset,
                page,
                bytes,
                "SWITCH_PAGE",
                &format!("page {p:#04x}"),
            ),
            TokenKind::Tag {
                name,
                attributes,
                content,
            } => {
                let flags = match (attributes, content) {
                    (true, true) => "TAG a c",
                    (true, false) => "TAG a",
                    (false, true) => "TAG c",
                    (false, false) => "TAG",
                };
                let (tag, shown) = match name {
                    Name::Token(t) => match version.tag(token.page, t) {
                        Some(tag) => (Some(tag), tag.name().to_owned()),
                        None => (
                            None,
                            format!("? (no tag {t:#04x} on page {:#04x})", token.page),
                        ),
                    },
                    Name::Literal { index, name } => (None, format!("{name} (LITERAL [{index}])")),
                };
                line(
                    out,
                    token.offset,
                    page,
                    bytes,
                    flags,
                    &format!("{indent}<{shown}>{}", if content { "" } else { " (empty)" }),
                );
                if content {
                    open.push(tag);
                    path.push(tag);
                }
            }
            TokenKind::End => {
                let name = open.pop().flatten().map_or("?", Tag::name);
                path.pop();
                let indent = "  ".repeat(open.len());
                line(
                    out,
                    token.offset,
                    page,
                    bytes,
                    "END",
                    &format!("{indent}</{name}>"),
                );
            }
            TokenKind::AttrStart(name) => {
                let what = match name {
                    Name::Token(t) if token.page == 0 => match xmlns_prefix(t) {
                        Some(prefix) => format!("{indent}  xmlns=\"{prefix}…\""),
                        None => format!("{indent}  ? (attribute token {t:#04x})"),
                    },
                    Name::Token(t) => format!(
                        "{indent}  ? (attribute token {t:#04x} on page {:#04x})",
                        token.page
                    ),
                    Name::Literal { index, name } => {
                        format!("{indent}  {name}= (LITERAL [{index}])")
                    }
                };
                line(out, token.offset, page, bytes, "ATTRSTART", &what);
            }
            TokenKind::AttrValue(t) => line(
                out,
                token.offset,
                page,
                bytes,
                "ATTRVALUE",
                &format!("{t:#04x}"),
            ),
            TokenKind::AttrEnd => line(
                out,
                token.offset,
                page,
                bytes,
                "END",
                &format!("{indent}(end of attributes)"),
            ),
            TokenKind::StrI(s) => line(
                out,
                token.offset,
                page,
                bytes,
                "STR_I",
                &format!("{indent}{s:?}"),
            ),
            TokenKind::StrT { index, text } => {
                line(
                    out,
                    token.offset,
                    page,
                    bytes,
                    "STR_T",
                    &format!("{indent}[{index}] {text:?}"),
                );
            }
            TokenKind::Entity(c) => {
                line(
                    out,
                    token.offset,
                    page,
                    bytes,
                    "ENTITY",
                    &format!("{indent}U+{:04X} {c:?}", u32::from(c)),
                );
            }
            TokenKind::ExtI { n, text } => {
                line(
                    out,
                    token.offset,
                    page,
                    bytes,
                    &format!("EXT_I_{n}"),
                    &format!("{indent}{text:?}"),
                );
            }
            TokenKind::ExtT { n, value } => {
                let what = match (n, version.ext_value(value)) {
                    (0, Some(v)) => format!("{indent}[{value:#x}] {v:?}"),
                    (0, None) => format!(
                        "{indent}[{value:#x}] ? (not in the CSP {} value table)",
                        version.as_str()
                    ),
                    _ => format!("{indent}{value}"),
                };
                line(out, token.offset, page, bytes, &format!("EXT_T_{n}"), &what);
            }
            TokenKind::Ext(n) => line(out, token.offset, page, bytes, &format!("EXT_{n}"), ""),
            TokenKind::Opaque(data) => {
                let meaning = match open.last().copied().flatten().map(Tag::value_type) {
                    Some(ValueType::Integer) => decode_integer(data).map_or_else(
                        || "integer? (too long)".to_owned(),
                        |v| format!("integer {v}"),
                    ),
                    Some(ValueType::DateTime) => unpack_datetime(data).map_or_else(
                        || "date? (not a packed date)".to_owned(),
                        |d| format!("date {d}"),
                    ),
                    _ => format!("{} bytes", data.len()),
                };
                line(
                    out,
                    token.offset,
                    page,
                    bytes,
                    "OPAQUE",
                    &format!("{indent}{meaning}"),
                );
            }
            TokenKind::Pi => line(out, token.offset, page, bytes, "PI", ""),
            TokenKind::PiEnd => line(out, token.offset, page, bytes, "END", "(end of PI)"),
        }
    }
    let _ = writeln!(out, "# {} bytes, well-formed", input.len());
    Ok(())
}

fn inspect_xml(input: &[u8], out: &mut String) -> Result<(), CliError> {
    let mut reader = XmlReader::new(input, &imps_csp_xml::DecodeOptions::default())
        .map_err(|e| CliError::event(&e, input, Syntax::Xml))?;
    let version = reader
        .version()
        .map_or_else(|| "none named".to_owned(), |v| v.as_str().to_owned());
    let _ = writeln!(out, "# XML, CSP version {version}");
    if let Some(fpi) = reader.doctype_public_id() {
        let _ = writeln!(out, "# DOCTYPE {fpi:?}");
    }
    let _ = writeln!(out, "{:>6}  {:>9}  event", "offset", "line:col");
    let mut depth = 0usize;
    loop {
        let event = match reader.next_event() {
            Ok(Some(e)) => e,
            Ok(None) => break,
            Err(e) => return Err(CliError::event(&e, input, Syntax::Xml)),
        };
        let offset = reader.offset();
        let (l, c) = crate::error::line_col(input, offset);
        let pos = format!("{l}:{c}");
        let what = match &event {
            Event::Start(s) => {
                depth += 1;
                match &s.xmlns {
                    Some(ns) => format!("<{}> xmlns={ns:?}", s.name.as_xml()),
                    None => format!("<{}>", s.name.as_xml()),
                }
            }
            Event::End => {
                depth = depth.saturating_sub(1);
                "end".to_owned()
            }
            Event::Text(t) => format!("text {t:?}"),
            Event::Integer(i) => format!("integer {i}"),
            Event::DateTime(d) => format!("date {d}"),
            Event::Opaque(o) => format!("opaque {}", raw(o)),
        };
        let indent = "  ".repeat(if matches!(event, Event::Start(_)) {
            depth - 1
        } else {
            depth
        });
        let _ = writeln!(out, "{offset:6}  {pos:>9}  {indent}{what}");
    }
    let _ = writeln!(out, "# {} bytes, well-formed", input.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAP_REQUEST: &[u8] =
        include_bytes!("../../../testvectors/android-im-libwbxml/encoder/cap_request.wbxml");

    #[test]
    fn dump_names_tags_values_and_offsets() {
        let mut out = String::new();
        inspect(CAP_REQUEST, None, &mut out).unwrap();
        assert!(out.contains("CSP 1.2 tables"), "{out}");
        // Root tag at offset 4, with attribute and content flags.
        assert!(out.lines().any(|l| l.trim_start().starts_with("4  00  C9 ") && l.contains("<WV-CSP-Message>")), "{out}");
        assert!(out.contains("\"SHTTP\""), "{out}");
        assert!(out.contains("\"SSMS\""), "{out}");
    }

    #[test]
    fn truncated_input_keeps_the_partial_dump_and_reports_the_offset() {
        let mut out = String::new();
        let err = inspect(&CAP_REQUEST[..CAP_REQUEST.len() - 2], None, &mut out).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("at byte"), "{msg}");
        assert!(out.contains("<WV-CSP-Message>"));
    }
}
