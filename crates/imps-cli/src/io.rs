//! Reading the input (file or stdin) and writing the output (file or stdout).

use std::io::{Read, Write};
use std::path::Path;

use crate::error::CliError;

/// Inputs larger than this are refused (CSP messages are kilobytes).
pub const MAX_INPUT: u64 = 256 * 1024 * 1024;

/// Whether a path argument means stdin/stdout.
fn is_std(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-")
}

/// A name for messages: the path, or `<stdin>`.
pub fn display_name(path: Option<&Path>) -> String {
    if is_std(path) {
        "<stdin>".into()
    } else {
        path.map(|p| p.display().to_string()).unwrap_or_default()
    }
}

/// Reads all of `path`, or of stdin for `None` / `-`.
pub fn read_input(path: Option<&Path>) -> Result<Vec<u8>, CliError> {
    let name = display_name(path);
    let mut buf = Vec::new();
    let result = match path {
        Some(p) if !is_std(Some(p)) => {
            std::fs::File::open(p).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut buf))
        }
        _ => std::io::stdin()
            .lock()
            .take(MAX_INPUT + 1)
            .read_to_end(&mut buf),
    };
    result.map_err(|e| CliError::io(format!("reading {name}"), e))?;
    if buf.len() as u64 > MAX_INPUT {
        return Err(CliError::Usage(format!(
            "{name} is larger than {MAX_INPUT} bytes"
        )));
    }
    Ok(buf)
}

/// Writes `bytes` to `path`, or to stdout for `None` / `-`. A closed pipe on
/// stdout (`imps … | head`) is not an error.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    match path {
        Some(p) if !is_std(Some(p)) => std::fs::write(p, bytes)
            .map_err(|e| CliError::io(format!("writing {}", p.display()), e)),
        _ => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(CliError::io("writing <stdout>", e))
                }
                _ => Ok(()),
            }
        }
    }
}
