//! The DOCTYPE declaration (XML 1.0 §2.8) and CSP version detection.
//!
//! A CSP XML document names its version in the DOCTYPE's formal public
//! identifier (`-//OMA//DTD WV-CSP 1.2//EN`) and/or in the default namespace
//! of `WV-CSP-Message` / `TransactionContent`
//! (`http://www.openmobilealliance.org/DTD/WV-CSP1.2`). Real clients send only
//! the namespaces; libwbxml only the DOCTYPE.

/// The parts of `<!DOCTYPE …>` this crate looks at.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Doctype<'a> {
    /// The root element name.
    pub(crate) root: &'a str,
    /// The formal public identifier, if `PUBLIC`.
    pub(crate) public_id: Option<&'a str>,
    /// The system identifier.
    pub(crate) system_id: Option<&'a str>,
    /// The internal subset between `[` and `]`, if any.
    pub(crate) internal_subset: Option<&'a str>,
}

/// Parses the content of a DOCTYPE (after `<!DOCTYPE` and its whitespace,
/// without the closing `>`). `Err` names what is malformed.
pub(crate) fn parse_doctype(content: &str) -> Result<Doctype<'_>, &'static str> {
    let content = content.trim_start();
    let name_end = content
        .find(|c: char| c.is_ascii_whitespace() || c == '[')
        .unwrap_or(content.len());
    let root = &content[..name_end];
    if root.is_empty() {
        return Err("DOCTYPE without a root element name");
    }
    let mut rest = content[name_end..].trim_start();
    let mut doctype = Doctype {
        root,
        ..Doctype::default()
    };
    if let Some(r) = rest.strip_prefix("PUBLIC") {
        let (fpi, r) = quoted(r).ok_or("DOCTYPE PUBLIC without a quoted public identifier")?;
        doctype.public_id = Some(fpi);
        // The system literal is required after PUBLIC in XML; tolerate its absence.
        match quoted(r) {
            Some((sys, r)) => {
                doctype.system_id = Some(sys);
                rest = r;
            }
            None => rest = r,
        }
    } else if let Some(r) = rest.strip_prefix("SYSTEM") {
        let (sys, r) = quoted(r).ok_or("DOCTYPE SYSTEM without a quoted system identifier")?;
        doctype.system_id = Some(sys);
        rest = r;
    }
    let rest = rest.trim();
    if let Some(subset) = rest.strip_prefix('[') {
        let end = subset
            .rfind(']')
            .ok_or("DOCTYPE internal subset without ']'")?;
        if !subset[end + 1..].trim().is_empty() {
            return Err("text after the DOCTYPE internal subset");
        }
        doctype.internal_subset = Some(&subset[..end]);
    } else if !rest.is_empty() {
        return Err("unexpected text in DOCTYPE");
    }
    Ok(doctype)
}

/// A quoted literal after optional whitespace; returns it and the rest.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let q = s.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let body = &s[1..];
    let end = body.find(q)?;
    Some((&body[..end], &body[end + 1..]))
}

/// Does an internal subset declare or use entities?
pub(crate) fn declares_entities(subset: &str) -> bool {
    subset.contains("<!ENTITY") || subset.contains('%') || subset.contains('&')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_public_and_system_ids() {
        let d = parse_doctype(
            "WV-CSP-Message PUBLIC \"-//OMA//DTD WV-CSP 1.1//EN\" 'http://www.openmobilealliance.org/DTD/WV-CSP.XML'",
        )
        .unwrap();
        assert_eq!(d.root, "WV-CSP-Message");
        assert_eq!(d.public_id, Some("-//OMA//DTD WV-CSP 1.1//EN"));
        assert_eq!(
            d.system_id,
            Some("http://www.openmobilealliance.org/DTD/WV-CSP.XML")
        );
        assert_eq!(d.internal_subset, None);
        let d = parse_doctype("x SYSTEM \"a.dtd\" [ <!ELEMENT x ANY> ]").unwrap();
        assert_eq!(d.system_id, Some("a.dtd"));
        assert_eq!(d.internal_subset, Some(" <!ELEMENT x ANY> "));
        assert!(!declares_entities(d.internal_subset.unwrap()));
        let d = parse_doctype("lolz [<!ENTITY lol \"lol\">]").unwrap();
        assert!(declares_entities(d.internal_subset.unwrap()));
        assert_eq!(
            parse_doctype("x PUBLIC \"fpi\"").unwrap().public_id,
            Some("fpi")
        );
    }

    #[test]
    fn refuses_malformed_doctypes() {
        for bad in [
            "",
            "[",
            "x PUBLIC",
            "x SYSTEM",
            "x junk",
            "x [ <!ELEMENT x ANY>",
            "x [] y",
        ] {
            assert!(parse_doctype(bad).is_err(), "{bad:?}");
        }
    }
}
