//! Replays every committed input through its target's function, as CI does on every run: each
//! file under `fuzz/corpus/<target>/` (the starting inputs and what fuzzing kept) and under
//! `fuzz/artifacts/<target>/` (past crashes, which must stay fixed), and the hand-made inputs of
//! [`borderlines_fuzz::samples::inputs`] from memory. A failure names every input that panics
//! and why; `cargo fuzz run <target> <file>` (see fuzz/README.md) reproduces one under libFuzzer.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use borderlines_fuzz::{samples, Target, TARGETS};

/// The committed corpora must stay small: `cargo fuzz cmin` them past this (bytes, all targets).
const MAX_CORPUS_BYTES: u64 = 512 * 1024;

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files directly in `dir`, sorted; none when it does not exist (no crash yet).
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

fn target(name: &str) -> Target {
    TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .unwrap_or_else(|| panic!("no fuzz target {name}"))
}

/// Runs `inputs` through `name`'s function; the failures, each with its panic message.
fn replay(name: &str, inputs: Vec<(String, Vec<u8>)>) -> Vec<String> {
    let run = target(name);
    let mut failures = Vec::new();
    for (label, bytes) in inputs {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&bytes))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{label}: {message}"));
        }
    }
    failures
}

/// Every committed corpus file and artifact of `name`, then its hand-made inputs.
fn replay_target(name: &str) {
    let corpus = files(&fuzz_dir().join("corpus").join(name));
    assert!(
        !corpus.is_empty(),
        "fuzz/corpus/{name}/ is empty: run `cargo run --manifest-path fuzz/Cargo.toml --example write_corpus`"
    );
    let artifacts = files(&fuzz_dir().join("artifacts").join(name));
    let mut inputs = Vec::new();
    for path in corpus.iter().chain(&artifacts) {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let label = path
            .strip_prefix(fuzz_dir())
            .unwrap_or(path)
            .display()
            .to_string();
        inputs.push((format!("fuzz/{label}"), bytes));
    }
    for (file, bytes) in samples::inputs(name) {
        inputs.push((format!("samples::inputs({name:?}) {file}"), bytes));
    }
    let count = inputs.len();
    let failures = replay(name, inputs);
    assert!(
        failures.is_empty(),
        "{} of {count} inputs of the `{name}` target fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn replay_seed() {
    replay_target("seed");
}

#[test]
fn replay_url() {
    replay_target("url");
}

#[test]
fn replay_query() {
    replay_target("query");
}

#[test]
fn replay_decoder() {
    replay_target("decoder");
}

/// Each target has its binary, and every folder under corpus/ and artifacts/ is a target's.
#[test]
fn folders_and_binaries_match_the_targets() {
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).expect("Cargo.toml");
    for (name, _) in TARGETS {
        assert!(
            manifest.contains(&format!("path = \"fuzz_targets/{name}.rs\"")),
            "no [[bin]] for {name} in fuzz/Cargo.toml"
        );
        assert!(fuzz_dir()
            .join("fuzz_targets")
            .join(format!("{name}.rs"))
            .is_file());
    }
    for folder in ["corpus", "artifacts"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(folder)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                name.starts_with('.') || TARGETS.iter().any(|(t, _)| *t == name),
                "fuzz/{folder}/{name} belongs to no target"
            );
        }
    }
}

/// The committed corpora stay small enough to replay in seconds and to review.
#[test]
fn committed_corpora_are_small() {
    let total: u64 = TARGETS
        .iter()
        .flat_map(|(name, _)| files(&fuzz_dir().join("corpus").join(name)))
        .filter_map(|p| p.metadata().ok())
        .map(|m| m.len())
        .sum();
    assert!(
        total <= MAX_CORPUS_BYTES,
        "fuzz/corpus/ holds {total} bytes (at most {MAX_CORPUS_BYTES}): minimise it with `cargo fuzz cmin`"
    );
}

/// The committed valid blobs still decode: otherwise the `decoder` target starts from nothing
/// but errors (rewrite them with the `write_corpus` example after a change of the blob format).
#[test]
fn committed_blobs_are_current() {
    for name in ["sample.blob", "one-article.blob", "empty-corpus.blob"] {
        let path = fuzz_dir().join("corpus/decoder").join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            corpus::CorpusBlob::from_bytes(&bytes).is_ok(),
            "fuzz/corpus/decoder/{name} no longer decodes: rewrite it with \
             `cargo run --manifest-path fuzz/Cargo.toml --example write_corpus`"
        );
    }
}
