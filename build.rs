//! Turns the seeds directory (`$SEEDS_DIR`, default `seeds/`) into the compact corpus blob the app
//! embeds. Any bad seed fails the build with every `file:line: reason`, not only the first.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=SEEDS_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let seeds_dir = match std::env::var_os("SEEDS_DIR") {
        Some(dir) if !dir.is_empty() => manifest_dir.join(dir),
        _ => manifest_dir.join("seeds"),
    };
    // Cargo scans a directory given here recursively for changes: added, edited or removed seeds.
    println!("cargo:rerun-if-changed={}", seeds_dir.display());

    let report = corpus::seeds::load_seeds(&seeds_dir);
    if !report.errors.is_empty() {
        eprintln!(
            "\nBorderlines: {} seed file(s) in {} cannot be read:",
            report.errors.len(),
            seeds_dir.display()
        );
        for error in &report.errors {
            eprintln!("  {error}");
            println!("cargo:warning={error}");
        }
        eprintln!("Fix these files (or run `cargo run --release -p corpus -- check {}`) and build again.\n", seeds_dir.display());
        std::process::exit(1);
    }
    // Warnings (undated, derived title, …) never fail the build; `corpus check` lists them.
    let blob = match report.to_blob().to_bytes() {
        Ok(blob) => blob,
        Err(error) => {
            eprintln!("Borderlines: {error}");
            std::process::exit(1);
        }
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(error) = std::fs::write(out_dir.join("corpus.bin"), &blob) {
        eprintln!(
            "Borderlines: cannot write the corpus blob to {}: {error}",
            out_dir.display()
        );
        std::process::exit(1);
    }
}
