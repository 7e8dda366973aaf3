//! Writes each target's hand-made starting inputs ([`borderlines_fuzz::samples::inputs`]) to
//! `fuzz/corpus/<target>/`, and copies the real seeds (`seeds/*.txt`) into the `seed` target's.
//! Files already there (kept by fuzzing or `cargo fuzz cmin`) stay. Run it after changing the
//! samples or the blob format:
//!
//! ```text
//! cargo run --manifest-path fuzz/Cargo.toml --example write_corpus
//! ```

use std::path::{Path, PathBuf};

use borderlines_fuzz::{samples, TARGETS};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(name), bytes)
}

fn main() -> std::io::Result<()> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut written = 0;
    for (target, _) in TARGETS {
        let dir = corpus.join(target);
        for (name, bytes) in samples::inputs(target) {
            write(&dir, &name, &bytes)?;
            written += 1;
        }
    }
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(samples::real_seeds_dir())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    for path in seeds {
        if let Some(name) = path.file_name() {
            let name = format!("real-{}", name.to_string_lossy());
            write(&corpus.join("seed"), &name, &std::fs::read(&path)?)?;
            written += 1;
        }
    }
    println!("wrote {written} inputs under {}", corpus.display());
    Ok(())
}
