//! The CLI's error: one line, with the byte offset, the line and column for
//! XML input, and the element path.

use std::fmt;

use crate::detect::Syntax;

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// Reading the input or writing the output failed.
    Io {
        /// What was being read or written (`"reading msg.wbxml"`).
        what: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The input is malformed, or cannot be expressed in the output syntax.
    Data {
        /// What went wrong.
        message: String,
        /// Byte offset: into the input, or into the output for encode errors.
        offset: usize,
        /// `true` when `offset` points into the output.
        in_output: bool,
        /// Line and column (1-based, column in characters) for XML input.
        line_col: Option<(usize, usize)>,
        /// The open elements (`WV-CSP-Message/Session/…`), when known.
        path: Option<String>,
    },
    /// Arguments that parse but do not make sense together.
    Usage(String),
}

impl CliError {
    /// A decode error of `input` (in `syntax`) at `offset`.
    pub fn input(
        message: impl Into<String>,
        input: &[u8],
        syntax: Syntax,
        offset: usize,
        path: Option<String>,
    ) -> Self {
        let line_col = (syntax != Syntax::Wbxml).then(|| line_col(input, offset));
        CliError::Data {
            message: message.into(),
            offset,
            in_output: false,
            line_col,
            path,
        }
    }

    /// An error of the event stack while reading `input` in `syntax`.
    pub fn event(err: &imps_event::Error, input: &[u8], syntax: Syntax) -> Self {
        Self::input(
            err.kind.to_string(),
            input,
            syntax,
            err.offset,
            Some(err.path.to_string()),
        )
    }

    /// An error of a writer (its offset points into the output).
    pub fn encode(err: &imps_event::Error) -> Self {
        CliError::Data {
            message: err.kind.to_string(),
            offset: err.offset,
            in_output: true,
            line_col: None,
            path: Some(err.path.to_string()),
        }
    }

    /// An I/O error.
    pub fn io(what: impl Into<String>, source: std::io::Error) -> Self {
        CliError::Io {
            what: what.into(),
            source,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Io { what, source } => write!(f, "{what}: {source}"),
            CliError::Usage(m) => f.write_str(m),
            CliError::Data {
                message,
                offset,
                in_output,
                line_col,
                path,
            } => {
                let at = if *in_output { "output byte" } else { "byte" };
                write!(f, "{message} at {at} {offset}")?;
                if let Some((line, col)) = line_col {
                    write!(f, " (line {line}, column {col})")?;
                }
                if let Some(path) = path {
                    write!(f, " in {path}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CliError {}

/// 1-based line and column (counted in characters) of byte `offset`
/// ([`imps_csp_xml::line_column`]; JSON positions are counted the same way).
pub fn line_col(input: &[u8], offset: usize) -> (usize, usize) {
    imps_csp_xml::line_column(input, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\ncdé\nx".as_bytes();
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (1, 3));
        assert_eq!(line_col(text, 3), (2, 1));
        // after "cdé" (é is 2 bytes): byte 7 is the newline, column 4.
        assert_eq!(line_col(text, 7), (2, 4));
        assert_eq!(line_col(text, 8), (3, 1));
        assert_eq!(line_col(text, 999), (3, 2));
    }

    #[test]
    fn message_is_one_line_with_position_and_path() {
        let e = CliError::input("bad", b"<a>\n<b>", Syntax::Xml, 5, Some("a/b".into()));
        assert_eq!(e.to_string(), "bad at byte 5 (line 2, column 2) in a/b");
        let e = CliError::input("bad", &[3, 0x10], Syntax::Wbxml, 1, None);
        assert_eq!(e.to_string(), "bad at byte 1");
    }
}
