//! Walks every table entry in both directions, against the TSV files read
//! here independently of the generator, plus spot checks of facts stated in
//! `tables/SOURCES.md` and `tables/peers/SOURCES.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use imps_tokens::{xmlns_prefix, xmlns_token, CspVersion, NamespaceKind, Tag, ValueType};

const VERSIONS: [(CspVersion, &str); 3] = [
    (CspVersion::V1_1, "csp11"),
    (CspVersion::V1_2, "csp12"),
    (CspVersion::V1_3, "csp13"),
];

/// Rows of a TSV file under `tables/`, header removed, fields split on tabs.
fn tsv(name: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tables")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("table file");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn num(s: &str) -> u32 {
    u32::from_str_radix(s.trim().trim_start_matches("0x"), 16).expect("hex number")
}

fn byte(s: &str) -> u8 {
    u8::try_from(num(s)).expect("byte")
}

fn version(s: &str) -> CspVersion {
    s.parse().expect("version")
}

#[test]
fn every_tag_token_decodes_and_encodes_back() {
    for (v, file) in VERSIONS {
        let rows = tsv(&format!("{file}-tags.tsv"));
        let mut defined = BTreeSet::new();
        for r in &rows {
            let (page, token, name) = (byte(&r[0]), byte(&r[1]), r[2].trim());
            defined.insert((page, token));
            let tag = v.tag(page, token);
            assert!(tag.is_some(), "{v} {page:02X}/{token:02X}");
            let tag = tag.unwrap();
            assert_eq!(tag.name(), name, "{v} {page:02X}/{token:02X}");
            assert_eq!(Tag::from_name(name), Some(tag));
            let expected = if name == "ContentType" {
                (0x00, 0x10) // listed at 00/10 and 05/36: encodes to page 0
            } else {
                (page, token)
            };
            assert_eq!(v.token(tag), Some(expected), "{v} {name}");
        }
        assert_eq!(defined.len(), rows.len(), "{v}: a position listed twice");
        // Nothing else decodes: every other token of every page, and the
        // global tokens 0x00-0x04, are unknown; out-of-range never panics.
        for page in 0..=255u8 {
            for token in 0..=255u8 {
                if !defined.contains(&(page, token)) {
                    assert_eq!(v.tag(page, token), None, "{v} {page:02X}/{token:02X}");
                }
            }
        }
    }
}

#[test]
fn every_tag_encodes_only_where_its_version_decodes_it() {
    let aliases: BTreeSet<(CspVersion, u8, u8, String)> = tsv("aliases.tsv")
        .iter()
        .map(|r| (version(&r[0]), byte(&r[1]), byte(&r[2]), r[3].clone()))
        .collect();
    for (v, _) in VERSIONS {
        for &tag in Tag::ALL {
            if let Some((page, token)) = v.token(tag) {
                let back = v.tag(page, token).unwrap();
                // Either the same tag, or a documented alias that is the
                // canonical name in another version (BlockUser-Request in 1.2).
                assert!(
                    back == tag || aliases.contains(&(v, page, token, tag.name().to_string())),
                    "{v} {tag:?} encodes to {page:02X}/{token:02X} = {back:?}"
                );
            }
        }
    }
}

#[test]
fn names_round_trip_for_all_tags() {
    let mut names = BTreeSet::new();
    for &tag in Tag::ALL {
        assert_eq!(Tag::from_name(tag.name()), Some(tag), "{tag:?}");
        assert_eq!(tag.to_string(), tag.name());
        assert!(names.insert(tag.name()), "{} twice in ALL", tag.name());
    }
    // ALL is exactly the set of canonical names of the three versions.
    let mut canonical = BTreeSet::new();
    for (_, file) in VERSIONS {
        for r in tsv(&format!("{file}-tags.tsv")) {
            canonical.insert(r[2].trim().to_string());
        }
    }
    let names: BTreeSet<String> = names.into_iter().map(str::to_string).collect();
    assert_eq!(names, canonical);
    assert!(Tag::ALL.windows(2).all(|w| w[0] < w[1]), "ALL is sorted");
    assert_eq!(Tag::from_name("NoSuchElement"), None);
    assert_eq!(Tag::from_name("login-request"), None, "case-sensitive");
    assert_eq!(Tag::from_name(""), None);
}

#[test]
fn every_peer_spelling_resolves() {
    // (file, versions whose positions it names).
    let peers: [(&str, &[CspVersion]); 4] = [
        (
            "peers/libwbxml-csp11-12-tags.tsv",
            &[CspVersion::V1_1, CspVersion::V1_2],
        ),
        ("peers/nokia-csp11-tags.tsv", &[CspVersion::V1_1]),
        ("peers/nokia-csp12-tags.tsv", &[CspVersion::V1_2]),
        ("peers/android-csp12-13-tags.tsv", &[CspVersion::V1_3]),
    ];
    for (file, versions) in peers {
        for r in tsv(file) {
            let (page, token, name) = (byte(&r[0]), byte(&r[1]), r[2].trim());
            let tag = Tag::from_name(name);
            assert!(tag.is_some(), "{file}: {name:?}");
            let tag = tag.unwrap();
            for &v in versions {
                if let Some(canonical) = v.tag(page, token) {
                    assert_eq!(
                        v.token(tag).unwrap(),
                        v.token(canonical).unwrap(),
                        "{file} {v} {name}"
                    );
                }
            }
        }
    }
    for r in tsv("aliases.tsv") {
        let (v, page, token, alias) = (version(&r[0]), byte(&r[1]), byte(&r[2]), r[3].trim());
        let tag = Tag::from_name(alias);
        assert!(tag.is_some(), "aliases.tsv: {alias:?}");
        let tag = tag.unwrap();
        assert_eq!(v.token(tag), Some((page, token)), "{v} {alias}");
        assert_ne!(v.tag(page, token).unwrap().name(), alias, "alias of itself");
    }
    // The trailing-space typo of Nokia's dictionary is not a name.
    assert_eq!(Tag::from_name("VRID "), None);
}

#[test]
fn documented_facts_hold() {
    use CspVersion::*;
    assert_eq!(V1_2.tag(0x06, 0x06), Some(Tag::BlockEntityRequest));
    assert_eq!(V1_1.tag(0x06, 0x06), Some(Tag::BlockUserRequest));
    assert_eq!(V1_3.tag(0x06, 0x06), Some(Tag::BlockEntityRequest));
    for v in [V1_1, V1_2, V1_3] {
        assert_eq!(v.token(Tag::BlockUserRequest), Some((0x06, 0x06)));
        assert_eq!(v.token(Tag::BlockEntityRequest), Some((0x06, 0x06)));
    }
    assert_eq!(V1_3.tag(0x03, 0x14), Some(Tag::CIRHTTPAddress));
    assert_eq!(V1_2.tag(0x03, 0x14), Some(Tag::Cirurl));
    assert_eq!(V1_2.token(Tag::CIRHTTPAddress), Some((0x03, 0x14)));
    assert_eq!(V1_1.token(Tag::Cirurl), None);
    assert_eq!(V1_2.tag(0x09, 0x0B), Some(Tag::ReactiveAuthState));
    assert_eq!(V1_3.tag(0x09, 0x0B), Some(Tag::AnswerOptionText));
    assert_eq!(
        V1_2.token(Tag::AnswerOptionText),
        None,
        "a different element, not an alias"
    );
    assert_eq!(V1_2.tag(0x00, 0x09), Some(Tag::WvCspMessage));
    assert_eq!(V1_2.tag(0x05, 0x36), Some(Tag::ContentType));
    assert_eq!(V1_2.tag(0x00, 0x10), Some(Tag::ContentType));
    assert_eq!(V1_1.tag(0x05, 0x36), None);
    assert_eq!(V1_1.tag(0x08, 0x05), None, "1.1 has pages 0-7 only");
    assert_eq!(V1_3.tag(0x0B, 0x05), Some(Tag::GrantListInUse));
    assert_eq!(V1_2.tag(0x0B, 0x05), None);
    assert_eq!(V1_2.tag(0x08, 0x08), Some(Tag::Vrid));

    for (alias, tag) in [
        ("Auto-Subscribe", Tag::AutoSubscribe),
        ("Extended-Data", Tag::ExtendedData),
        (
            "WV-CSP-NSDiscovery-Request",
            Tag::WvCspVersionDiscoveryRequest,
        ),
        (
            "WV-CSP-NSDiscovery-Response",
            Tag::WvCspVersionDiscoveryResponse,
        ),
        ("CName", Tag::Cname),
        ("KeepAliveResponse", Tag::KeepAliveResponse),
        ("AcceptedCharSet", Tag::AcceptedCharset),
        ("PreferredContent", Tag::ReferredContent),
        ("PreferredvCard", Tag::ReferredvCard),
    ] {
        assert_eq!(Tag::from_name(alias), Some(tag), "{alias}");
        assert_ne!(tag.name(), alias, "aliases are never written");
    }
    assert_eq!(Tag::AutoSubscribe.name(), "AutoSubscribe");
    assert_eq!(
        Tag::WvCspVersionDiscoveryRequest.name(),
        "WV-CSP-VersionDiscovery-Request"
    );
    // Variant naming rule examples from the brief.
    assert_eq!(Tag::SessionID.name(), "SessionID");
    assert_eq!(Tag::Msisdn.name(), "MSISDN");
    assert_eq!(Tag::SName.name(), "SName");
    assert_eq!(Tag::InfLink.name(), "Inf_link");
    assert_eq!(Tag::TCPPort.name(), "TCPPort");
    assert_eq!(Tag::LoginRequest.name(), "Login-Request");
}

#[test]
fn every_ext_value_decodes_and_encodes() {
    for (v, file) in VERSIONS {
        let rows = tsv(&format!("{file}-ext-values.tsv"));
        let mut first_at: BTreeMap<u32, &str> = BTreeMap::new();
        let mut first_index: BTreeMap<&str, u32> = BTreeMap::new();
        for r in &rows {
            let (i, value, sources) = (num(&r[0]), r[1].as_str(), r[3].as_str());
            first_at.entry(i).or_insert(value);
            // Nokia-only 1.1 draft rows are decode-only.
            if sources != "N" {
                first_index.entry(value).or_insert(i);
            }
        }
        for r in &rows {
            let (i, value) = (num(&r[0]), r[1].as_str());
            assert_eq!(v.ext_value(i), Some(first_at[&i]), "{v} 0x{i:02X}");
            assert_eq!(
                v.ext_index(value),
                first_index.get(value).copied(),
                "{v} {value}"
            );
            // 1.3 "History" shares 0x3D with GROUP_ID (documented collision).
            if let Some(j) = v.ext_index(value).filter(|_| value != "History") {
                assert_eq!(
                    v.ext_value(j),
                    Some(value),
                    "{v} {value}: encodes to a decodable index"
                );
            }
        }
        for i in 0..0x400 {
            assert_eq!(
                v.ext_value(i).is_some(),
                first_at.contains_key(&i),
                "{v} 0x{i:02X}"
            );
        }
        assert_eq!(v.ext_value(u32::MAX), None);
    }
}

#[test]
fn ext_value_facts() {
    use CspVersion::*;
    assert_eq!(V1_2.ext_value(0xA5), Some("SHTTP"));
    assert_eq!(V1_3.ext_value(0xA5), Some("SHTTP"));
    assert_eq!(V1_2.ext_value(0xA4), Some("SSMS"));
    assert_eq!(V1_1.ext_value(0xA5), None);
    // 1.3 lists 0x3D twice: decode to the first, encode both.
    assert_eq!(V1_3.ext_value(0x3D), Some("GROUP_ID"));
    assert_eq!(V1_3.ext_index("GROUP_ID"), Some(0x3D));
    assert_eq!(V1_3.ext_index("History"), Some(0x3D));
    // Duplicated values encode to their first index.
    assert_eq!(V1_2.ext_index("SMS"), Some(0x43));
    assert_eq!(V1_2.ext_value(0x75), Some("SMS"));
    assert_eq!(V1_2.ext_index("IM"), Some(0x12));
    // 0x68 is IM in 1.1/1.2, AP in 1.3.
    assert_eq!(V1_2.ext_value(0x68), Some("IM"));
    assert_eq!(V1_3.ext_value(0x68), Some("AP"));
    // Nokia's 1.1 draft value 0x34 decodes but ShowID is not encoded in 1.1;
    // 1.2 final has 0x34 = DENIED and ShowID = 0x37.
    assert_eq!(V1_1.ext_value(0x34), Some("ShowID"));
    assert_eq!(V1_1.ext_index("ShowID"), None);
    assert_eq!(V1_2.ext_value(0x34), Some("DENIED"));
    assert_eq!(V1_2.ext_index("ShowID"), Some(0x37));
    // Booleans, per csp12-typed-elements.tsv.
    assert_eq!(V1_2.ext_index("T"), Some(0x2C));
    assert_eq!(V1_2.ext_index("F"), Some(0x0B));
}

#[test]
fn value_types_follow_the_libwbxml_dialect() {
    assert_eq!(Tag::Code.value_type(), ValueType::Integer);
    assert_eq!(
        Tag::SearchID.value_type(),
        ValueType::Integer,
        "libwbxml Y, Wireshark N"
    );
    assert_eq!(Tag::AcceptedCharset.value_type(), ValueType::Integer);
    assert_eq!(Tag::DateTime.value_type(), ValueType::DateTime);
    assert_eq!(Tag::DeliveryTime.value_type(), ValueType::DateTime);
    assert_eq!(Tag::Poll.value_type(), ValueType::Boolean);
    assert_eq!(Tag::Qualifier.value_type(), ValueType::Boolean);
    assert_eq!(Tag::AutoSubscribe.value_type(), ValueType::Boolean);
    assert_eq!(Tag::ContentData.value_type(), ValueType::String);
    assert_eq!(Tag::SessionID.value_type(), ValueType::String);
    // Every row of the table, by its own rule.
    for r in tsv("csp12-typed-elements.tsv") {
        let tag = Tag::from_name(&r[2]).unwrap();
        let expected = match (r[3].as_str(), r[4].as_str()) {
            ("integer", "Y") => ValueType::Integer,
            ("datetime", "Y") => ValueType::DateTime,
            ("boolean", _) => ValueType::Boolean,
            _ => ValueType::String,
        };
        assert_eq!(tag.value_type(), expected, "{}", r[2]);
    }
}

#[test]
fn public_ids_fpis_and_namespaces() {
    for r in tsv("public-ids.tsv") {
        let Ok(v) = r[0].parse::<CspVersion>() else {
            assert_eq!(r[0], "1.0");
            continue;
        };
        assert_eq!(v.public_id(), num(&r[1]));
        assert_eq!(CspVersion::from_public_id(num(&r[1])), Some(v));
        assert_eq!(v.fpi(), r[2]);
        assert_eq!(CspVersion::from_fpi(&r[2]), Some(v));
        assert_eq!(v.system_id(), Some(r[3].as_str()).filter(|s| !s.is_empty()));
        for (col, kind) in [
            (4, NamespaceKind::Csp),
            (5, NamespaceKind::Trc),
            (6, NamespaceKind::Pa),
        ] {
            assert_eq!(v.namespace(kind), r[col]);
            assert_eq!(CspVersion::from_namespace(&r[col]), Some((v, kind)));
        }
    }
    for r in tsv("fpi-aliases.tsv") {
        assert_eq!(CspVersion::from_fpi(&r[1]), Some(version(&r[0])));
    }
    assert_eq!(CspVersion::from_public_id(0x01), None);
    assert_eq!(
        CspVersion::from_public_id(0x0F),
        None,
        "1.0 is not supported"
    );
    assert_eq!(CspVersion::V1_2.fpi(), "-//OMA//DTD WV-CSP 1.2//EN");
    assert_eq!(
        CspVersion::from_fpi(" -//OMA//DTD WV-CSP 1.1//EN "),
        Some(CspVersion::V1_1)
    );
    assert_eq!(CspVersion::from_fpi("-//OMA//DTD WV-PA 1.2//EN"), None);
    assert_eq!(
        CspVersion::from_namespace("http://imps.colibria.com/PA-ext-1.2"),
        None
    );
    assert_eq!(
        CspVersion::V1_3.namespace(NamespaceKind::Trc),
        "http://www.openmobilealliance.org/DTD/IMPS-TRC1.3"
    );
}

#[test]
fn xmlns_attribute_starts() {
    let mut seen = BTreeMap::new();
    for (_, file) in VERSIONS {
        for r in tsv(&format!("{file}-attr-start.tsv")) {
            seen.insert(byte(&r[1]), r[3].clone());
        }
    }
    assert_eq!(
        seen.keys().copied().collect::<Vec<_>>(),
        (0x05..=0x0D).collect::<Vec<_>>()
    );
    for (&t, prefix) in &seen {
        assert_eq!(xmlns_prefix(t), Some(prefix.as_str()));
        assert_eq!(xmlns_token(prefix), Some((t, "")));
        let uri = format!("{prefix}1.2");
        assert_eq!(xmlns_token(&uri), Some((t, "1.2")));
    }
    for t in (0..0x05).chain(0x0E..=0xFF) {
        assert_eq!(xmlns_prefix(t), None);
    }
    // Every namespace of every version has a token.
    for v in CspVersion::ALL {
        for kind in [NamespaceKind::Csp, NamespaceKind::Trc, NamespaceKind::Pa] {
            let uri = v.namespace(kind);
            let (t, rest) = xmlns_token(uri).unwrap();
            assert_eq!(format!("{}{rest}", xmlns_prefix(t).unwrap()), uri);
            assert_eq!(rest, v.as_str(), "{uri}");
        }
    }
    assert_eq!(xmlns_token("http://imps.colibria.com/PA-ext-1.2"), None);
    assert_eq!(xmlns_token(""), None);
}

#[test]
fn versions_parse_and_display() {
    for v in CspVersion::ALL {
        assert_eq!(v.as_str().parse::<CspVersion>(), Ok(v));
        assert_eq!(v.to_string(), v.as_str());
    }
    assert!("1.0".parse::<CspVersion>().is_err());
    assert!("1.4".parse::<CspVersion>().is_err());
    assert!(CspVersion::V1_1 < CspVersion::V1_3);
}

#[test]
fn hot_type_sizes() {
    assert_eq!(std::mem::size_of::<Tag>(), 2);
    assert_eq!(std::mem::size_of::<Option<Tag>>(), 2);
    assert_eq!(std::mem::size_of::<CspVersion>(), 1);
}
