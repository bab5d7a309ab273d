//! Input syntax detection.
//!
//! WBXML starts with its version byte (0x00–0x03, WAP-192 §5.4); XML starts
//! with `<`, possibly after a byte-order mark and whitespace; JSON with `{` or `[`.

use std::fmt;
use std::str::FromStr;

/// A wire syntax the CLI reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Syntax {
    /// CSP XML.
    Xml,
    /// CSP WBXML.
    Wbxml,
    /// The typed model's JSON shape (see `imps-model`), for scripting.
    Json,
}

impl Syntax {
    /// The syntax `convert` writes when `--to` is not given.
    pub fn other(self) -> Syntax {
        match self {
            Syntax::Xml | Syntax::Json => Syntax::Wbxml,
            Syntax::Wbxml => Syntax::Xml,
        }
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Syntax::Xml => "XML",
            Syntax::Wbxml => "WBXML",
            Syntax::Json => "JSON",
        })
    }
}

impl FromStr for Syntax {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "xml" => Ok(Syntax::Xml),
            "wbxml" => Ok(Syntax::Wbxml),
            "json" => Ok(Syntax::Json),
            _ => Err(format!("unknown syntax {s:?} (xml, wbxml, json)")),
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Detects the syntax of `input`, or explains why it cannot.
pub fn detect(input: &[u8]) -> Result<Syntax, String> {
    match input.first() {
        None => return Err("empty input".into()),
        Some(0x00..=0x03) => return Ok(Syntax::Wbxml),
        Some(0xFE | 0xFF) if input.get(1).is_some_and(|b| matches!(b, 0xFE | 0xFF)) => {
            // UTF-16 BOM: it is XML; the XML reader says it wants UTF-8.
            return Ok(Syntax::Xml);
        }
        _ => {}
    }
    let body = input.strip_prefix(UTF8_BOM).unwrap_or(input);
    let first = body
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    match first {
        Some(b'<') => Ok(Syntax::Xml),
        Some(b'{' | b'[') => Ok(Syntax::Json),
        Some(b) => Err(format!(
            "cannot detect the input syntax: first byte {b:#04x} is neither a WBXML version (0x00-0x03), '<' (XML) nor '{{' (JSON)"
        )),
        None => Err("input holds only whitespace".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_syntax() {
        assert_eq!(detect(&[0x03, 0x10, 0x6A, 0x00]), Ok(Syntax::Wbxml));
        assert_eq!(detect(&[0x00, 0x10]), Ok(Syntax::Wbxml));
        assert_eq!(detect(b"<?xml version='1.0'?><a/>"), Ok(Syntax::Xml));
        assert_eq!(
            detect(b"\xEF\xBB\xBF\n  <WV-CSP-Message/>"),
            Ok(Syntax::Xml)
        );
        assert_eq!(detect(b"\xFF\xFE<\0"), Ok(Syntax::Xml));
        assert_eq!(detect(b" \n{\"x\":1}"), Ok(Syntax::Json));
        assert!(detect(b"").is_err());
        assert!(detect(b"  \n").is_err());
        let err = detect(b"hello").unwrap_err();
        assert!(err.contains("0x68"), "{err}");
    }

    #[test]
    fn default_target_is_the_other_syntax() {
        assert_eq!(Syntax::Wbxml.other(), Syntax::Xml);
        assert_eq!(Syntax::Xml.other(), Syntax::Wbxml);
        assert_eq!("WBXML".parse::<Syntax>(), Ok(Syntax::Wbxml));
        assert!("csv".parse::<Syntax>().is_err());
    }
}
