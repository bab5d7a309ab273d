//! A minimal reader for the project's TSV tables (one header line, tab-separated).

use std::path::Path;

/// A TSV file: header and rows (with 1-based line numbers).
pub(crate) struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Reads a table; every row must have as many fields as the header
    /// (missing trailing fields are filled with "").
    pub(crate) fn read(path: &Path) -> Result<Table, String> {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |f| f.to_string_lossy().into_owned(),
        );
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut lines = text.lines().enumerate();
        let header: Vec<String> = match lines.next() {
            Some((_, h)) => h.split('\t').map(str::to_string).collect(),
            None => return Err(format!("{file}: empty")),
        };
        let mut rows = Vec::new();
        for (i, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let mut fields: Vec<String> = line.split('\t').map(str::to_string).collect();
            if fields.len() > header.len() {
                return Err(format!(
                    "{file}:{}: {} fields, header has {}",
                    i + 1,
                    fields.len(),
                    header.len()
                ));
            }
            fields.resize(header.len(), String::new());
            rows.push((i + 1, fields));
        }
        Ok(Table { file, header, rows })
    }

    /// The index of a column.
    pub(crate) fn col(&self, name: &str) -> Result<usize, String> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no column {name:?}", self.file))
    }

    /// Rows with their line numbers.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (usize, &Vec<String>)> {
        self.rows.iter().map(|(l, r)| (*l, r))
    }
}

/// Parses `0xNN` or `NN` as a byte.
pub(crate) fn hex(s: &str, file: &str, line: usize) -> Result<u8, String> {
    let digits = s.trim().trim_start_matches("0x").trim_start_matches("0X");
    u8::from_str_radix(digits, 16).map_err(|e| format!("{file}:{line}: {s:?}: {e}"))
}
