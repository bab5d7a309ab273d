//! Detects Debian's libwbxml (`libwbxml2-dev`) with `pkg-config`.
//!
//! When found, links `wbxml2` and sets `cfg(has_libwbxml)`, which turns on the
//! comparison benches. When missing, the build succeeds without it and the
//! benches print that they skip the comparison.

use std::process::Command;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(has_libwbxml)");
    println!("cargo:rerun-if-env-changed=IMPS_NO_LIBWBXML");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    if std::env::var_os("IMPS_NO_LIBWBXML").is_some() {
        println!("cargo:warning=IMPS_NO_LIBWBXML set: libwbxml comparison disabled");
        return;
    }
    let out = match Command::new("pkg-config")
        .args(["--libs-only-l", "--libs-only-L", "libwbxml2"])
        .output()
    {
        Ok(out) if out.status.success() => out,
        _ => {
            println!(
                "cargo:warning=libwbxml2 not found with pkg-config: the libwbxml comparison is skipped \
                 (apt-get install libwbxml2-dev pkg-config)"
            );
            return;
        }
    };
    let flags = String::from_utf8_lossy(&out.stdout);
    let mut linked = false;
    for flag in flags.split_whitespace() {
        if let Some(dir) = flag.strip_prefix("-L") {
            // Debian's libwbxml2.pc has a relative libdir ("lib/x86_64-linux-gnu");
            // only pass directories that exist, the system default finds the rest.
            if std::path::Path::new(dir).is_absolute() && std::path::Path::new(dir).is_dir() {
                println!("cargo:rustc-link-search=native={dir}");
            }
        } else if let Some(lib) = flag.strip_prefix("-l") {
            if lib == "wbxml2" {
                linked = true;
            }
            println!("cargo:rustc-link-lib={lib}");
        }
    }
    if linked {
        println!("cargo:rustc-cfg=has_libwbxml");
    }
}
