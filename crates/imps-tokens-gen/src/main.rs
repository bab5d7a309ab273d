//! `cargo run -p imps-tokens-gen`: regenerates `crates/imps-tokens/src/generated.rs`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let out = imps_tokens_gen::generated_path();
    match imps_tokens_gen::generate_formatted() {
        Ok(code) => match std::fs::write(&out, code) {
            Ok(()) => {
                println!("wrote {}", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("imps-tokens-gen: cannot write {}: {e}", out.display());
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("imps-tokens-gen: {e}");
            ExitCode::FAILURE
        }
    }
}
