//! Helpers shared by the integration tests: the corpus, and a tiny reader
//! for the simple XML of the Android encoder vectors (test scaffolding, so
//! that expected events need not be typed by hand).
#![allow(
    dead_code,
    unreachable_pub,
    unused_imports,
    clippy::unwrap_used,
    clippy::panic
)]

use std::borrow::Cow;

use imps_event::{Event, Name, Start};

pub use imps_testkit::vectors_dir;

pub fn read(rel: &str) -> Vec<u8> {
    std::fs::read(vectors_dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `*.wbxml` file under `testvectors/` (relative name, bytes), sorted.
pub fn all_wbxml() -> Vec<(String, Vec<u8>)> {
    imps_testkit::wbxml_corpus().unwrap()
}

/// The vectors that must not decode.
pub use imps_testkit::MUST_FAIL_WBXML as MUST_FAIL;

/// Events of a simple XML document: elements, an optional `xmlns`
/// attribute, text (whitespace-only text between elements dropped, as the
/// Android encoder does), `&#N;` / `&#xN;` / the five predefined entities.
/// No other attributes, no CDATA, no comments inside the root.
pub fn mini_xml(xml: &str) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    let mut rest = xml;
    // Prolog: <?xml ...?>, <!DOCTYPE ...>, whitespace.
    loop {
        rest = rest.trim_start();
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[rest.find('>').unwrap() + 1..];
        } else {
            break;
        }
    }
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').unwrap();
            rest = &r[end + 1..];
            out.push(Event::End);
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find('>').unwrap();
            let mut inner = &r[..end];
            rest = &r[end + 1..];
            let empty = inner.ends_with('/');
            if empty {
                inner = inner[..inner.len() - 1].trim_end();
            }
            let (name, attrs) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            let xmlns = attrs
                .trim()
                .strip_prefix("xmlns=\"")
                .map(|v| Cow::Owned(v[..v.find('"').unwrap()].to_owned()));
            out.push(Event::Start(Start {
                name: Name::from_xml(name).into_owned(),
                xmlns,
            }));
            if empty {
                out.push(Event::End);
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            rest = &rest[end..];
            if !raw.trim().is_empty() {
                out.push(Event::Text(Cow::Owned(unescape(raw))));
            }
        }
        if out.last() == Some(&Event::End) && depth(&out) == 0 {
            break;
        }
    }
    out
}

fn depth(events: &[Event<'_>]) -> i32 {
    events.iter().fold(0, |d, e| match e {
        Event::Start(_) => d + 1,
        Event::End => d - 1,
        _ => d,
    })
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').unwrap() + i;
        let ent = &rest[i + 1..end];
        let c = match ent {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ if ent.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&ent[2..], 16).unwrap()).unwrap()
            }
            _ => char::from_u32(ent[1..].parse().unwrap()).unwrap(),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}
