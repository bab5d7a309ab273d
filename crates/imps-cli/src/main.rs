//! `imps`: convert and inspect OMA IMPS (Wireless Village) CSP messages.
//!
//! ```text
//! imps convert [--to xml|wbxml|json] [--csp 1.1|1.2|1.3] [-o OUT] [IN|-]
//! imps inspect [--csp 1.1|1.2|1.3] [-o OUT] [IN|-]
//! ```
//!
//! Errors are one line on stderr, `imps: error: <message> at byte N (line L,
//! column C) in <element path>`, with exit status 1 (2 for bad arguments).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use imps_cli::detect::Syntax;
use imps_cli::error::CliError;
use imps_cli::{convert, inspect, io};
use imps_tokens::CspVersion;

/// Convert and inspect OMA IMPS / Wireless Village CSP messages (XML and WBXML).
#[derive(Debug, Parser)]
#[command(name = "imps", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert a CSP message between XML, WBXML and JSON (the input syntax is detected).
    Convert {
        /// Output syntax [default: WBXML for XML or JSON input, XML for WBXML input].
        /// JSON is the typed model's JSON shape (see imps-model).
        #[arg(long, value_enum)]
        to: Option<Syntax>,
        /// CSP version of the output [default: the input's]; namespaces are rewritten.
        #[arg(long, value_parser = parse_csp)]
        csp: Option<CspVersion>,
        /// XML output: spaces per indentation level (0: all on one line).
        #[arg(long, default_value_t = 2)]
        indent: u8,
        /// Output file (`-` or none: stdout).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Input file (`-` or none: stdin).
        #[arg(value_name = "IN")]
        input: Option<PathBuf>,
    },
    /// Dump WBXML token by token (offsets, code pages, raw bytes, table names), or XML
    /// event by event.
    Inspect {
        /// CSP version of the token tables [default: from the xmlns / public id / FPI].
        #[arg(long, value_parser = parse_csp)]
        csp: Option<CspVersion>,
        /// Output file (`-` or none: stdout).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Input file (`-` or none: stdin).
        #[arg(value_name = "IN")]
        input: Option<PathBuf>,
    },
}

fn parse_csp(s: &str) -> Result<CspVersion, String> {
    s.parse::<CspVersion>()
        .map_err(|_| format!("unknown CSP version {s:?} (1.1, 1.2 or 1.3)"))
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Convert {
            to,
            csp,
            indent,
            output,
            input,
        } => {
            let bytes = io::read_input(input.as_deref())?;
            let options = convert::Options {
                to,
                csp,
                indent: Some(indent),
            };
            let out = convert::convert(&bytes, &options)?;
            io::write_output(output.as_deref(), &out)
        }
        Command::Inspect { csp, output, input } => {
            let bytes = io::read_input(input.as_deref())?;
            let mut dump = String::new();
            let result = inspect::inspect(&bytes, csp, &mut dump);
            // The dump up to an error is what one debugs with: write it either way.
            io::write_output(output.as_deref(), dump.as_bytes())?;
            result
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, whatever the message holds.
            let msg = e.to_string().replace(['\n', '\r'], " ");
            eprintln!("imps: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
