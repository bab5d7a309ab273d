//! Generator for `imps-tokens`: reads the TSV tables in `crates/imps-tokens/tables/`
//! and writes `crates/imps-tokens/src/generated.rs`.
//!
//! Run `cargo run -p imps-tokens-gen` after editing a table. The test
//! `tests/stale.rs` regenerates in memory and fails when the checked-in file
//! differs. See `crates/imps-tokens/tables/README.md` for which files are read
//! and the rules applied (aliases, duplicates, decode-only values).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod tsv;

/// The name-table hash, shared as source with `imps-tokens`.
#[path = "../../imps-tokens/src/name_hash.rs"]
mod name_hash;

use tsv::{hex, Table};

/// The command that regenerates the file (quoted in error messages).
pub const REGENERATE: &str = "cargo run -p imps-tokens-gen";

/// `crates/imps-tokens/tables`.
pub fn tables_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../imps-tokens/tables")
}

/// `crates/imps-tokens/src/generated.rs`.
pub fn generated_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../imps-tokens/src/generated.rs")
}

/// One CSP version the generated code covers.
struct Version {
    /// "1.1"
    key: &'static str,
    /// "V1_1"
    ident: &'static str,
    /// "csp11"
    file: &'static str,
}

const VERSIONS: [Version; 3] = [
    Version {
        key: "1.1",
        ident: "V1_1",
        file: "csp11",
    },
    Version {
        key: "1.2",
        ident: "V1_2",
        file: "csp12",
    },
    Version {
        key: "1.3",
        ident: "V1_3",
        file: "csp13",
    },
];

/// Peer tables and the versions whose aliases they supply (only at positions
/// the version's own table defines; see tables/README.md).
const PEERS: [(&str, &[&str]); 4] = [
    ("peers/libwbxml-csp11-12-tags.tsv", &["1.1", "1.2"]),
    ("peers/nokia-csp11-tags.tsv", &["1.1"]),
    ("peers/nokia-csp12-tags.tsv", &["1.2"]),
    ("peers/android-csp12-13-tags.tsv", &["1.3"]),
];

/// The Rust variant name of a table name (rule in the imps-tokens docs).
pub fn variant_name(name: &str) -> Result<String, String> {
    let mut out = String::new();
    for seg in name.split(['-', '_']) {
        if seg.is_empty() || !seg.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!("name {name:?} cannot become a Rust identifier"));
        }
        let all_upper = seg.len() > 1 && seg.chars().all(|c| !c.is_ascii_lowercase());
        let mut chars = seg.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
        }
        for c in chars {
            out.push(if all_upper { c.to_ascii_lowercase() } else { c });
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!("name {name:?} gives variant {out:?}"));
    }
    Ok(out)
}

/// Tag table of one version.
struct TagTable {
    /// (page, token, name) in table order.
    rows: Vec<(u8, u8, String)>,
    /// (page, token) -> canonical name.
    at: BTreeMap<(u8, u8), String>,
}

fn read_tags(dir: &Path, file: &str) -> Result<TagTable, String> {
    let t = Table::read(&dir.join(file))?;
    let (cp, tok, name) = (t.col("codepage")?, t.col("token_hex")?, t.col("name")?);
    let mut rows = Vec::new();
    let mut at = BTreeMap::new();
    for (line, r) in t.rows() {
        let page = hex(&r[cp], file, line)?;
        let token = hex(&r[tok], file, line)?;
        if !(0x05..=0x3F).contains(&token) {
            return Err(format!(
                "{file}:{line}: token 0x{token:02X} outside 0x05..=0x3F"
            ));
        }
        let name = r[name].trim().to_string();
        if at.insert((page, token), name.clone()).is_some() {
            return Err(format!(
                "{file}:{line}: position {page:02X}/{token:02X} listed twice"
            ));
        }
        rows.push((page, token, name));
    }
    rows.sort_by_key(|r| (r.0, r.1));
    Ok(TagTable { rows, at })
}

fn read_peer(dir: &Path, file: &str) -> Result<Vec<(u8, u8, String)>, String> {
    let t = Table::read(&dir.join(file))?;
    let (cp, tok, name) = (t.col("page")?, t.col("token")?, t.col("name")?);
    let mut out = Vec::new();
    for (line, r) in t.rows() {
        let page = hex(&r[cp], file, line)?;
        let token = hex(&r[tok], file, line)?;
        out.push((page, token, r[name].trim().to_string()));
    }
    Ok(out)
}

/// Everything read from the tables, checked.
struct Model {
    /// Canonical name -> variant, sorted by name.
    variants: BTreeMap<String, String>,
    /// Per version.
    tags: Vec<TagTable>,
    /// from_name spellings that are not canonical anywhere -> canonical name.
    name_aliases: BTreeMap<String, String>,
    /// Per version: canonical name of another version usable at a position
    /// in this one -> (page, token).
    variant_aliases: Vec<BTreeMap<String, (u8, u8)>>,
    /// Canonical name -> alias spelling -> versions (for docs).
    alias_docs: BTreeMap<String, BTreeMap<String, BTreeSet<&'static str>>>,
    value_types: BTreeMap<String, &'static str>,
    /// Per version: rows (index, value, encode?) in table order.
    ext: Vec<Vec<(u32, String, bool)>>,
    /// token -> prefix (union of versions).
    xmlns: BTreeMap<u8, String>,
    /// Per version: public id, fpi, system id, csp, trc, pa.
    ids: Vec<[String; 6]>,
    /// (fpi, version index), every spelling.
    fpis: Vec<(String, usize)>,
}

fn version_index(key: &str, file: &str, line: usize) -> Result<usize, String> {
    VERSIONS
        .iter()
        .position(|v| v.key == key)
        .ok_or_else(|| format!("{file}:{line}: unknown version {key:?}"))
}

fn read_model(dir: &Path) -> Result<Model, String> {
    let mut tags = Vec::new();
    for v in &VERSIONS {
        tags.push(read_tags(dir, &format!("{}-tags.tsv", v.file))?);
    }

    // Canonical names and their variants; fail loudly on a collision.
    let mut variants = BTreeMap::new();
    let mut by_variant: BTreeMap<String, String> = BTreeMap::new();
    for t in &tags {
        for (_, _, name) in &t.rows {
            let var = variant_name(name)?;
            if let Some(other) = by_variant.get(&var) {
                if other != name {
                    return Err(format!(
                        "variant-name collision: {other:?} and {name:?} both become Tag::{var}"
                    ));
                }
            }
            by_variant.insert(var.clone(), name.clone());
            variants.insert(name.clone(), var);
        }
    }

    // Aliases: (version index, page, token, spelling, source).
    let mut raw: Vec<(usize, u8, u8, String, String)> = Vec::new();
    for (file, versions) in PEERS {
        for (page, token, name) in read_peer(dir, file)? {
            for key in versions {
                let vi = version_index(key, file, 0)?;
                raw.push((vi, page, token, name.clone(), file.to_string()));
            }
        }
    }
    {
        let file = "aliases.tsv";
        let t = Table::read(&dir.join(file))?;
        let (ver, cp, tok, alias, source) = (
            t.col("version")?,
            t.col("codepage")?,
            t.col("token_hex")?,
            t.col("alias")?,
            t.col("source")?,
        );
        for (line, r) in t.rows() {
            let vi = version_index(&r[ver], file, line)?;
            let page = hex(&r[cp], file, line)?;
            let token = hex(&r[tok], file, line)?;
            if !tags[vi].at.contains_key(&(page, token)) {
                return Err(format!(
                    "{file}:{line}: {} has no token {page:02X}/{token:02X}",
                    r[ver]
                ));
            }
            raw.push((
                vi,
                page,
                token,
                r[alias].trim().to_string(),
                r[source].clone(),
            ));
        }
    }
    let mut name_aliases: BTreeMap<String, String> = BTreeMap::new();
    let mut variant_aliases = vec![BTreeMap::new(); VERSIONS.len()];
    let mut alias_docs: BTreeMap<String, BTreeMap<String, BTreeSet<&'static str>>> =
        BTreeMap::new();
    for (vi, page, token, alias, source) in raw {
        // Peer rows at positions this version does not define say nothing
        // about this version (libwbxml's shared table has 1.2-only tokens).
        let Some(canonical) = tags[vi].at.get(&(page, token)) else {
            continue;
        };
        if alias.is_empty() {
            return Err(format!("{source}: empty alias at {page:02X}/{token:02X}"));
        }
        if &alias == canonical {
            continue;
        }
        alias_docs
            .entry(canonical.clone())
            .or_default()
            .entry(alias.clone())
            .or_default()
            .insert(VERSIONS[vi].key);
        if variants.contains_key(&alias) {
            // A canonical name of some version: encodable here too.
            if let Some(&(p, t)) = tags[vi]
                .rows
                .iter()
                .find(|r| r.2 == alias)
                .map(|r| (r.0, r.1))
                .as_ref()
            {
                if (p, t) != (page, token) {
                    return Err(format!(
                        "alias {alias:?} from {source} points to {page:02X}/{token:02X} in {} \
                         but is canonical at {p:02X}/{t:02X} there",
                        VERSIONS[vi].key
                    ));
                }
                continue;
            }
            let prev = variant_aliases[vi].insert(alias.clone(), (page, token));
            if prev.is_some_and(|p| p != (page, token)) {
                return Err(format!(
                    "alias {alias:?} points to two tokens in {}",
                    VERSIONS[vi].key
                ));
            }
        } else {
            let prev = name_aliases.insert(alias.clone(), canonical.clone());
            if let Some(p) = prev {
                if &p != canonical {
                    return Err(format!(
                        "alias {alias:?} means {p:?} in one place and {canonical:?} in another"
                    ));
                }
            }
        }
    }

    // Value types.
    let mut value_types = BTreeMap::new();
    {
        let file = "csp12-typed-elements.tsv";
        let t = Table::read(&dir.join(file))?;
        let (name, ty, lib) = (t.col("name")?, t.col("wbxml_type")?, t.col("libwbxml")?);
        for (line, r) in t.rows() {
            let n = r[name].trim();
            if !variants.contains_key(n) {
                return Err(format!("{file}:{line}: {n:?} is not a tag name"));
            }
            let vt = match (r[ty].as_str(), r[lib].as_str()) {
                ("integer", "Y") => "Integer",
                ("datetime", "Y") => "DateTime",
                ("boolean", _) => "Boolean",
                _ => continue,
            };
            if value_types.insert(n.to_string(), vt).is_some() {
                return Err(format!("{file}:{line}: {n:?} typed twice"));
            }
        }
    }

    // Extension value tables.
    let mut ext = Vec::new();
    for v in &VERSIONS {
        let file = format!("{}-ext-values.tsv", v.file);
        let t = Table::read(&dir.join(&file))?;
        let (idx, val, src) = (t.col("index_hex")?, t.col("value")?, t.col("sources")?);
        let mut rows = Vec::new();
        let mut seen = BTreeSet::new();
        for (line, r) in t.rows() {
            let i = u32::from_str_radix(r[idx].trim_start_matches("0x"), 16)
                .map_err(|e| format!("{file}:{line}: {e}"))?;
            let value = r[val].clone();
            if value.is_empty() {
                return Err(format!("{file}:{line}: empty value"));
            }
            // Rows known only from Nokia's 1.1 dictionary (a pre-1.2 draft)
            // are decoded but never encoded: other peers read those indexes
            // differently (1.2 final 0x34 = DENIED, Nokia-1.1 0x34 = ShowID).
            let nokia_draft_only = r[src] == "N";
            let encode = !nokia_draft_only && seen.insert(value.clone());
            rows.push((i, value, encode));
        }
        ext.push(rows);
    }

    // xmlns attribute starts (page 0), union over versions, consistent.
    let mut xmlns = BTreeMap::new();
    for v in &VERSIONS {
        let file = format!("{}-attr-start.tsv", v.file);
        let t = Table::read(&dir.join(&file))?;
        let (cp, tok, attr, prefix) = (
            t.col("codepage")?,
            t.col("token_hex")?,
            t.col("attr_name")?,
            t.col("value_prefix")?,
        );
        for (line, r) in t.rows() {
            if hex(&r[cp], &file, line)? != 0 || r[attr] != "xmlns" {
                return Err(format!(
                    "{file}:{line}: only page-0 xmlns starts are supported"
                ));
            }
            let token = hex(&r[tok], &file, line)?;
            let prev = xmlns.insert(token, r[prefix].clone());
            if prev.is_some_and(|p| p != r[prefix]) {
                return Err(format!(
                    "{file}:{line}: token 0x{token:02X} differs between versions"
                ));
            }
        }
    }

    // Public ids, FPIs, namespaces.
    let mut ids = vec![None; VERSIONS.len()];
    let mut fpis = Vec::new();
    {
        let file = "public-ids.tsv";
        let t = Table::read(&dir.join(file))?;
        let cols = [
            t.col("wbxml_public_id")?,
            t.col("fpi")?,
            t.col("dtd_system_id_seen")?,
            t.col("xmlns_csp")?,
            t.col("xmlns_trc")?,
            t.col("xmlns_pa")?,
        ];
        let ver = t.col("csp_version")?;
        for (line, r) in t.rows() {
            let Some(vi) = VERSIONS.iter().position(|v| v.key == r[ver]) else {
                continue; // 1.0 is not covered.
            };
            let row = cols.map(|c| r[c].clone());
            if row[3].contains(' ') || row[4].contains(' ') || row[5].contains(' ') {
                return Err(format!("{file}:{line}: namespace with a remark"));
            }
            fpis.push((row[1].clone(), vi));
            ids[vi] = Some(row);
        }
    }
    let ids = ids
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.ok_or_else(|| format!("public-ids.tsv: no row for {}", VERSIONS[i].key)))
        .collect::<Result<Vec<_>, _>>()?;
    {
        let file = "fpi-aliases.tsv";
        let t = Table::read(&dir.join(file))?;
        let (ver, fpi) = (t.col("version")?, t.col("fpi")?);
        for (line, r) in t.rows() {
            let vi = version_index(&r[ver], file, line)?;
            if fpis.iter().any(|(f, _)| *f == r[fpi]) {
                return Err(format!("{file}:{line}: FPI listed twice"));
            }
            fpis.push((r[fpi].clone(), vi));
        }
    }

    Ok(Model {
        variants,
        tags,
        name_aliases,
        variant_aliases,
        alias_docs,
        value_types,
        ext,
        xmlns,
        ids,
        fpis,
    })
}

/// Generates the unformatted source.
pub fn generate(dir: &Path) -> Result<String, String> {
    let m = read_model(dir)?;
    let mut o = String::new();
    let w = &mut o;
    // Writing to a String cannot fail.
    macro_rules! out {
        ($($t:tt)*) => {{ let _ = writeln!(w, $($t)*); }};
    }
    out!("// @generated by `{REGENERATE}` from crates/imps-tokens/tables/*.tsv.");
    out!("// Do not edit by hand: edit the tables and rerun the generator.");
    out!();
    out!("use crate::{{CspVersion, NamespaceKind, ValueType}};");
    out!();

    // --- Tag enum
    out!("/// A CSP element name from the WV-CSP 1.1, 1.2 or 1.3 token tables.");
    out!("///");
    out!("/// One variant per canonical name of any version. Each variant's doc");
    out!("/// lists its `page/token` per version and the alias spellings accepted by");
    out!("/// [`Tag::from_name`].");
    out!("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    out!("#[non_exhaustive]");
    out!("pub enum Tag {{");
    for (name, var) in &m.variants {
        let mut at = Vec::new();
        for (vi, t) in m.tags.iter().enumerate() {
            for (p, k, n) in &t.rows {
                if n == name {
                    at.push(format!("{} `{p:02X}/{k:02X}`", VERSIONS[vi].key));
                }
            }
            if let Some((p, k)) = m.variant_aliases[vi].get(name) {
                at.push(format!("{} `{p:02X}/{k:02X}` (alias)", VERSIONS[vi].key));
            }
        }
        out!("    /// `{name}`: {}.", at.join(", "));
        if let Some(a) = m.alias_docs.get(name) {
            let list: Vec<_> = a
                .iter()
                .map(|(alias, vs)| {
                    let vs: Vec<_> = vs.iter().copied().collect();
                    format!("`{alias}` ({})", vs.join(", "))
                })
                .collect();
            out!("    ///");
            out!("    /// Also spelled {}.", list.join(", "));
        }
        out!("    {var},");
    }
    out!("}}");
    out!();

    out!("impl Tag {{");
    out!("    /// Every tag, in declaration (alphabetical) order.");
    out!("    pub const ALL: &'static [Tag] = &[");
    for var in m.variants.values() {
        out!("        Tag::{var},");
    }
    out!("    ];");
    out!();
    out!("    /// The canonical spelling (what encoders write).");
    out!("    #[inline]");
    out!("    pub const fn name(self) -> &'static str {{");
    out!("        TAG_NAMES[self as usize]");
    out!("    }}");
    out!();
    let mut all_names: BTreeMap<&str, &str> = BTreeMap::new();
    for (name, var) in &m.variants {
        all_names.insert(name, var);
    }
    for (alias, canonical) in &m.name_aliases {
        all_names.insert(alias, &m.variants[canonical]);
    }
    // Open addressing: each name in the first free slot from its hash on.
    let mut slots: Vec<Option<(&str, &str)>> = vec![None; name_hash::NAME_SLOTS];
    let mut max_probe = 0;
    if all_names.len() * 2 > name_hash::NAME_SLOTS {
        return Err(format!(
            "{} names: raise NAME_SLOTS in crates/imps-tokens/src/name_hash.rs",
            all_names.len()
        ));
    }
    for (name, var) in &all_names {
        let mut slot = name_hash::name_hash(name.as_bytes());
        let mut probe = 0;
        while slots[slot].is_some() {
            slot = (slot + 1) % name_hash::NAME_SLOTS;
            probe += 1;
        }
        slots[slot] = Some((name, var));
        max_probe = max_probe.max(probe);
    }
    let first_var = m.variants.values().next().ok_or("no tags")?;
    out!("    /// Looks a name up: canonical names of every version and every alias");
    out!("    /// spelling the peers use. Case-sensitive, like XML.");
    out!("    ///");
    out!("    /// One hash (`name_hash.rs`, shared with the generator) and usually");
    out!("    /// one string comparison.");
    out!("    pub fn from_name(name: &str) -> Option<Tag> {{");
    out!("        let mut slot = crate::name_hash::name_hash(name.as_bytes());");
    out!("        for _ in 0..=NAME_MAX_PROBE {{");
    out!("            let (n, tag) = NAME_TABLE[slot];");
    out!("            if n.is_empty() {{");
    out!("                return None;");
    out!("            }}");
    out!("            if n == name {{");
    out!("                return Some(tag);");
    out!("            }}");
    out!("            slot = (slot + 1) % crate::name_hash::NAME_SLOTS;");
    out!("        }}");
    out!("        None");
    out!("    }}");
    out!("}}");
    out!();
    out!("/// [`Tag::name`] of every tag, in declaration order.");
    out!("#[rustfmt::skip]");
    out!("static TAG_NAMES: [&str; {}] = [", m.variants.len());
    for name in m.variants.keys() {
        out!("    {name:?},");
    }
    out!("];");
    out!();
    out!("/// The longest probe sequence in [`NAME_TABLE`].");
    out!("const NAME_MAX_PROBE: usize = {max_probe};");
    out!();
    out!("/// [`Tag::from_name`]'s table: every spelling at its hash slot (or the next");
    out!("/// free one); `\"\"` marks a free slot.");
    out!("#[rustfmt::skip]");
    out!("static NAME_TABLE: [(&str, Tag); crate::name_hash::NAME_SLOTS] = [");
    for slot in &slots {
        match slot {
            Some((name, var)) => out!("    ({name:?}, Tag::{var}),"),
            None => out!("    (\"\", Tag::{first_var}),"),
        }
    }
    out!("];");
    out!();
    out!("impl Tag {{");
    out!("    /// How WBXML carries this element's content (CSP 1.2 typed-element");
    out!("    /// table, libwbxml dialect); [`ValueType::String`] for all others.");
    out!("    pub const fn value_type(self) -> ValueType {{");
    out!("        match self {{");
    for ty in ["Integer", "DateTime", "Boolean"] {
        let vars: Vec<_> = m
            .value_types
            .iter()
            .filter(|(_, t)| **t == ty)
            .map(|(n, _)| format!("Tag::{}", m.variants[n]))
            .collect();
        if !vars.is_empty() {
            out!("            {} => ValueType::{ty},", vars.join(" | "));
        }
    }
    out!("            _ => ValueType::String,");
    out!("        }}");
    out!("    }}");
    out!("}}");
    out!();

    // --- per-version tag tables
    for (vi, v) in VERSIONS.iter().enumerate() {
        let t = &m.tags[vi];
        let pages = t
            .rows
            .iter()
            .map(|r| r.0)
            .max()
            .map_or(0, |p| usize::from(p) + 1);
        out!(
            "/// CSP {} tag tokens: `[page][token]` (token without flag bits).",
            v.key
        );
        out!(
            "pub(crate) const TAGS_{}: [[Option<Tag>; 64]; {pages}] = [",
            v.ident
        );
        for page in 0..pages {
            out!("    // page 0x{page:02X}");
            out!("    [");
            for token in 0u8..64 {
                match u8::try_from(page).ok().and_then(|p| t.at.get(&(p, token))) {
                    Some(n) => out!("        Some(Tag::{}),", m.variants[n]),
                    None => out!("        None,"),
                }
            }
            out!("    ],");
        }
        out!("];");
        out!();
        out!(
            "/// CSP {} encoding: the first position of each canonical name",
            v.key
        );
        out!("/// (lowest page), plus names of other versions valid here.");
        out!(
            "pub(crate) const fn token_{}(tag: Tag) -> Option<(u8, u8)> {{",
            v.ident.to_lowercase()
        );
        out!("    Some(match tag {{");
        let mut enc: BTreeMap<&str, (u8, u8)> = BTreeMap::new();
        for (p, k, n) in &t.rows {
            enc.entry(n).or_insert((*p, *k));
        }
        for (n, pk) in &m.variant_aliases[vi] {
            enc.insert(n, *pk);
        }
        for (n, (p, k)) in &enc {
            out!("        Tag::{} => (0x{p:02X}, 0x{k:02X}),", m.variants[*n]);
        }
        out!("        _ => return None,");
        out!("    }})");
        out!("}}");
        out!();
    }

    // --- ext values
    for (vi, v) in VERSIONS.iter().enumerate() {
        let rows = &m.ext[vi];
        let len = rows.iter().map(|r| r.0).max().map_or(0, |i| i + 1);
        let mut first: BTreeMap<u32, &str> = BTreeMap::new();
        for (i, val, _) in rows {
            first.entry(*i).or_insert(val);
        }
        out!(
            "/// CSP {} EXT_T_0 value table, indexed by the mb_u_int32.",
            v.key
        );
        out!(
            "pub(crate) const EXT_{}: [Option<&str>; {len}] = [",
            v.ident
        );
        for i in 0..len {
            match first.get(&i) {
                Some(val) => out!("    Some({val:?}), // 0x{i:02X}"),
                None => out!("    None, // 0x{i:02X}"),
            }
        }
        out!("];");
        out!();
        out!(
            "/// CSP {} EXT_T_0 encoding (first index of a repeated value).",
            v.key
        );
        out!(
            "pub(crate) fn ext_index_{}(value: &str) -> Option<u32> {{",
            v.ident.to_lowercase()
        );
        out!("    Some(match value {{");
        let mut enc: BTreeMap<&str, u32> = BTreeMap::new();
        for (i, val, e) in rows {
            if *e {
                enc.insert(val, *i);
            }
        }
        for (val, i) in &enc {
            out!("        {val:?} => 0x{i:02X},");
        }
        out!("        _ => return None,");
        out!("    }})");
        out!("}}");
        out!();
    }

    // --- xmlns
    out!("/// Page-0 attribute-start tokens for `xmlns`, by token.");
    out!(
        "pub(crate) const XMLNS_PREFIXES: [(u8, &str); {}] = [",
        m.xmlns.len()
    );
    for (t, p) in &m.xmlns {
        out!("    (0x{t:02X}, {p:?}),");
    }
    out!("];");
    out!();
    let mut by_len: Vec<_> = m.xmlns.iter().collect();
    by_len.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    out!("/// The same, longest prefix first (for longest-match encoding).");
    out!(
        "pub(crate) const XMLNS_LONGEST_FIRST: [(u8, &str); {}] = [",
        by_len.len()
    );
    for (t, p) in by_len {
        out!("    (0x{t:02X}, {p:?}),");
    }
    out!("];");
    out!();

    // --- ids
    out!("/// Per-version identifiers (public-ids.tsv).");
    out!("pub(crate) struct Ids {{");
    out!("    pub(crate) public_id: u32,");
    out!("    pub(crate) fpi: &'static str,");
    out!("    pub(crate) system_id: Option<&'static str>,");
    out!("    pub(crate) csp: &'static str,");
    out!("    pub(crate) trc: &'static str,");
    out!("    pub(crate) pa: &'static str,");
    out!("}}");
    out!();
    out!("/// Identifiers of a version.");
    out!("pub(crate) const fn ids(version: CspVersion) -> Ids {{");
    out!("    match version {{");
    for (vi, v) in VERSIONS.iter().enumerate() {
        let [id, fpi, sys, csp, trc, pa] = &m.ids[vi];
        let id = u32::from_str_radix(id.trim_start_matches("0x"), 16)
            .map_err(|e| format!("public-ids.tsv: {e}"))?;
        let sys = if sys.is_empty() {
            "None".to_string()
        } else {
            format!("Some({sys:?})")
        };
        out!("        CspVersion::{} => Ids {{", v.ident);
        out!("            public_id: 0x{id:02X},");
        out!("            fpi: {fpi:?},");
        out!("            system_id: {sys},");
        out!("            csp: {csp:?},");
        out!("            trc: {trc:?},");
        out!("            pa: {pa:?},");
        out!("        }},");
    }
    out!("    }}");
    out!("}}");
    out!();
    out!("/// Every FPI spelling seen, with its version.");
    out!("pub(crate) fn version_of_fpi(fpi: &str) -> Option<CspVersion> {{");
    out!("    Some(match fpi {{");
    for (f, vi) in &m.fpis {
        out!("        {f:?} => CspVersion::{},", VERSIONS[*vi].ident);
    }
    out!("        _ => return None,");
    out!("    }})");
    out!("}}");
    out!();
    out!("/// Every namespace URI, with its version and kind.");
    out!("pub(crate) fn version_of_namespace(uri: &str) -> Option<(CspVersion, NamespaceKind)> {{");
    out!("    Some(match uri {{");
    for (vi, v) in VERSIONS.iter().enumerate() {
        let [_, _, _, csp, trc, pa] = &m.ids[vi];
        for (uri, kind) in [(csp, "Csp"), (trc, "Trc"), (pa, "Pa")] {
            out!(
                "        {uri:?} => (CspVersion::{}, NamespaceKind::{kind}),",
                v.ident
            );
        }
    }
    out!("        _ => return None,");
    out!("    }})");
    out!("}}");
    Ok(o)
}

/// Pipes `code` through `rustfmt` (edition 2021, the workspace's settings).
pub fn rustfmt(code: &str) -> Result<String, String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let rustfmt = std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".to_string());
    let mut child = Command::new(&rustfmt)
        .args(["--edition", "2021", "--emit", "stdout"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../imps-tokens"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {rustfmt}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("rustfmt: no stdin")?;
    let input = code.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    writer
        .join()
        .map_err(|_| "rustfmt: writer thread failed".to_string())?
        .map_err(|e| format!("rustfmt stdin: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("rustfmt output: {e}"))
}

/// Generates and formats the file from the repository's tables.
pub fn generate_formatted() -> Result<String, String> {
    rustfmt(&generate(&tables_dir())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_rule_matches_the_documented_examples() {
        for (name, var) in [
            ("WV-CSP-Message", "WvCspMessage"),
            ("Login-Request", "LoginRequest"),
            ("SessionID", "SessionID"),
            ("CIRURL", "Cirurl"),
            ("MSISDN", "Msisdn"),
            ("SName", "SName"),
            ("Inf_link", "InfLink"),
            ("TCPPort", "TCPPort"),
            ("ReferredvCard", "ReferredvCard"),
        ] {
            assert_eq!(variant_name(name).unwrap(), var, "{name}");
        }
        assert!(variant_name("a b").is_err());
        assert!(variant_name("-x").is_err());
    }
}
