//! Fails when `crates/imps-tokens/src/generated.rs` is not what the tables produce.

#[test]
fn generated_code_is_up_to_date() {
    let fresh = match imps_tokens_gen::generate_formatted() {
        Ok(code) => code,
        Err(e) => unreachable!("generator failed: {e}"),
    };
    let path = imps_tokens_gen::generated_path();
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        fresh == checked_in,
        "stale generated code: {} differs from what the tables produce; run `{}`",
        path.display(),
        imps_tokens_gen::REGENERATE
    );
}

#[test]
fn generator_refuses_a_variant_collision() {
    let dir = std::env::temp_dir().join(format!("imps-tokens-gen-test-{}", std::process::id()));
    copy_dir(&imps_tokens_gen::tables_dir(), &dir).unwrap();
    // "Login_Request" and "Login-Request" both become Tag::LoginRequest.
    let path = dir.join("csp13-tags.tsv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("0x0B\t0x3F\tLogin_Request\tX\t\t\n");
    std::fs::write(&path, text).unwrap();
    let err = imps_tokens_gen::generate(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        err.contains("collision") && err.contains("LoginRequest"),
        "{err}"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            // The tables are read-only; write a writable copy.
            std::fs::write(&target, std::fs::read(entry.path())?)?;
        }
    }
    Ok(())
}
