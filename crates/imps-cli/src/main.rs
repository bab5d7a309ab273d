//! `imps`: convert, validate and inspect OMA IMPS (Wireless Village) CSP
//! messages.
//!
//! ```text
//! imps convert [--to xml|wbxml|json] [--csp 1.1|1.2|1.3] [--raw] [--indent N] [-o OUT] [IN|-]
//! imps validate [--strict] [IN|-]
//! imps inspect [--csp 1.1|1.2|1.3] [-o OUT] [IN|-]
//! ```
//!
//! Errors are one line on stderr, `imps: error: <message> at byte N (line L,
//! column C) in <element path>`, with exit status 1 (2 for bad arguments).
//! `imps validate` prints one such line per problem found.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use imps_cli::detect::Syntax;
use imps_cli::error::CliError;
use imps_cli::{convert, inspect, io, validate};
use imps_tokens::CspVersion;

/// Convert, validate and inspect OMA IMPS / Wireless Village CSP messages (XML, WBXML, JSON).
#[derive(Debug, Parser)]
#[command(
    name = "imps",
    version,
    about,
    max_term_width = 100,
    after_help = "Input is read from a file or from stdin (`-` or no IN), output goes to stdout \
                  (`-` or no -o) unless -o names a file. The input syntax is detected.\n\
                  Errors: one line each on stderr, `imps: error: <what> at byte N (line L, column C) \
                  in <element path>`; exit status 1 (2 for bad arguments).\n\n\
                  Run `imps help <command>` for a command's options and examples."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert a CSP message or presence document between XML, WBXML and JSON, through the
    /// typed model.
    #[command(
        after_help = "The input (syntax detected) is decoded into the typed model (a \
        WV-CSP-Message, or a standalone PresenceSubList) and encoded in the output syntax: \
        children come out in the DTD order, unknown elements are kept, WBXML is written as \
        phones write it. --raw copies the reader's events to the writer instead (any \
        well-formed document, in its own order).\n\n\
        Examples:\n  \
        imps convert login.xml -o login.wbxml       XML to WBXML\n  \
        imps convert < login.wbxml                  WBXML to XML on stdout\n  \
        imps convert --to json login.wbxml          the model as JSON\n  \
        imps convert --to wbxml login.json          JSON back to WBXML\n  \
        imps convert --csp 1.1 --to xml msg.xml     rewrite a 1.2 message as CSP 1.1\n  \
        imps convert --raw fragment.xml             a document that is no CSP message"
    )]
    Convert {
        /// Output syntax [default: WBXML for XML or JSON input, XML for WBXML input].
        /// JSON is the typed model's JSON shape (see imps-model).
        #[arg(long, value_enum)]
        to: Option<Syntax>,
        /// CSP version of the output [default: the input's]; element names and namespaces
        /// are rewritten.
        #[arg(long, value_parser = parse_csp)]
        csp: Option<CspVersion>,
        /// Copy events from the reader to the writer without the typed model (XML and WBXML
        /// only): for documents the model does not know, and for debugging the codecs.
        #[arg(long, visible_alias = "events")]
        raw: bool,
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
    /// Check that a CSP message or presence document decodes into the typed model; name
    /// every problem with its position and element path.
    #[command(
        after_help = "Exit status 0 when valid (one summary line on stdout: version, \
        syntax, primitives), 1 otherwise: one `imps: error:` line per problem on stderr, then \
        a count. Checked: syntax, required children, integers, dates, booleans, nesting, and \
        each transaction's TransactionMode against its primitive; --strict also refuses unknown \
        elements and primitives, repeated children, unknown namespaces and unknown values \
        (SessionType, ClientType, presence values, …). Every transaction is checked on its own (the \
        first problem of each is reported), the envelope once; in a presence document, the \
        first problem of each attribute.\n\n\
        Examples:\n  \
        imps validate login.wbxml\n  \
        imps validate --strict - < message.xml\n  \
        imps convert --to json msg.wbxml | imps validate"
    )]
    Validate {
        /// Refuse unknown elements, primitives, namespaces and values, and repeated
        /// children (lenient decoding keeps them).
        #[arg(long)]
        strict: bool,
        /// Input file (`-` or none: stdin).
        #[arg(value_name = "IN")]
        input: Option<PathBuf>,
    },
    /// Dump WBXML token by token (offsets, code pages, raw bytes, table names), or XML
    /// event by event.
    #[command(after_help = "Examples:\n  \
        imps inspect login.wbxml\n  \
        imps inspect --csp 1.1 capture.wbxml    read the tokens with the CSP 1.1 tables")]
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

/// What a command ended with.
enum Outcome {
    Success,
    /// `validate` found problems (already printed).
    Invalid,
}

fn run(cli: Cli) -> Result<Outcome, CliError> {
    match cli.command {
        Command::Convert {
            to,
            csp,
            raw,
            indent,
            output,
            input,
        } => {
            let bytes = io::read_input(input.as_deref())?;
            let options = convert::Options {
                to,
                csp,
                indent: Some(indent),
                raw,
            };
            let out = convert::convert(&bytes, &options)?;
            io::write_output(output.as_deref(), &out)?;
            Ok(Outcome::Success)
        }
        Command::Validate { strict, input } => {
            let bytes = io::read_input(input.as_deref())?;
            let name = io::display_name(input.as_deref());
            let report = validate::validate(&bytes, &validate::Options { strict });
            if report.is_valid() {
                let line = format!("{name}: valid: {}\n", report.summary());
                io::write_output(None, line.as_bytes())?;
                return Ok(Outcome::Success);
            }
            for problem in &report.problems {
                eprintln!("imps: error: {}", one_line(&problem.to_string()));
            }
            let n = report.problems.len();
            let more = if report.truncated {
                " (more left out)"
            } else {
                ""
            };
            eprintln!(
                "imps: {name}: invalid: {n} problem{}{more} ({})",
                if n == 1 { "" } else { "s" },
                report.summary()
            );
            Ok(Outcome::Invalid)
        }
        Command::Inspect { csp, output, input } => {
            let bytes = io::read_input(input.as_deref())?;
            let mut dump = String::new();
            let result = inspect::inspect(&bytes, csp, &mut dump);
            // The dump up to an error is what one debugs with: write it either way.
            io::write_output(output.as_deref(), dump.as_bytes())?;
            result.map(|()| Outcome::Success)
        }
    }
}

/// A message on one line, whatever it holds.
fn one_line(msg: &str) -> String {
    msg.replace(['\n', '\r'], " ")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("imps: error: {}", one_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
