//! Turns the seeds directory (`$SEEDS_DIR`, default `seeds/`) into the compact corpus blob the app
//! embeds. Any invalid seed fails the build with every `file:line: reason`, not only the first;
//! warnings about the corpus (a link to a directory not followed, ids differing only in case, a
//! corpus past the size it is designed for) are cargo warnings and never fail it.

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

    let report = ingest::load_seeds(&seeds_dir);
    // Warnings never fail the build. Those about the corpus (links to directories not followed,
    // ids differing only in case, a corpus past the size it is designed for) are shown here;
    // `corpus check` lists them and every article's own (undated, derived title, …).
    for warning in &report.warnings {
        println!("cargo:warning={warning}");
    }
    if !report.errors.is_empty() {
        eprintln!(
            "\nBorderlines: {} seed file(s) in {} are invalid:",
            report.errors.len(),
            seeds_dir.display()
        );
        for error in &report.errors {
            eprintln!("  {error}");
            println!("cargo:warning={error}");
        }
        eprintln!("Fix these files (or run `cargo run --release -p ingest -- check {}`) and build again.\n", seeds_dir.display());
        std::process::exit(1);
    }
    let blob = match encode_checked(&report) {
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

/// The blob's bytes, after checking that they decode to exactly the parsed articles: the app
/// decodes each article only when it shows it, so a fault must surface here, not as a missing
/// card.
fn encode_checked(report: &ingest::SeedsReport) -> Result<Vec<u8>, String> {
    let bytes = report
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .map_err(|e| e.to_string())?;
    let decoded = corpus::CorpusBlob::from_bytes(&bytes).map_err(|e| e.to_string())?;
    if decoded.len() != report.articles.len() {
        return Err(format!(
            "the corpus blob holds {} articles instead of {}",
            decoded.len(),
            report.articles.len()
        ));
    }
    for (i, article) in report.articles.iter().enumerate() {
        let back = u32::try_from(i).ok().and_then(|i| decoded.article(i));
        if back != Some(article) {
            return Err(format!(
                "{}: the article does not survive the corpus blob",
                article.file
            ));
        }
    }
    Ok(bytes)
}
