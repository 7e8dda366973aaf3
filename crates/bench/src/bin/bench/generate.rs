//! `bench generate --articles N [--seed S] --out DIR [--verify]`: a deterministic synthetic
//! seeds directory ([`bench::generate::write_corpus`]), then, with `--verify`, the same directory
//! read as the build reads it and compared with what was generated (languages, dates, countries,
//! and the places, people and organizations the build's extractor finds).

use std::path::PathBuf;
use std::time::Instant;

use bench::generate::{agreement, entity_agreement, write_corpus};
use ingest::load_seeds;

use crate::{Failure, Outcome};

#[derive(Debug)]
struct GenerateArgs {
    articles: usize,
    seed: u64,
    out: PathBuf,
    verify: bool,
}

impl GenerateArgs {
    /// `--name value` or `--name=value`; `--articles` and `--out` are required.
    fn parse(args: &[String]) -> Result<GenerateArgs, Failure> {
        let bad = |message: String| Failure::Usage(message);
        let (mut articles, mut seed, mut out, mut verify) = (None, 42, None, false);
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (arg.as_str(), None),
            };
            if name == "--verify" && inline.is_none() {
                verify = true;
                continue;
            }
            let value = match inline {
                Some(v) => v,
                None => it
                    .next()
                    .ok_or_else(|| bad(format!("{name} needs a value")))?
                    .clone(),
            };
            let number = |what: &str| bad(format!("{name} {value:?}: not {what}"));
            match name {
                "--articles" | "-n" => {
                    articles = Some(value.parse().map_err(|_| number("a count"))?);
                }
                "--seed" => seed = value.parse().map_err(|_| number("a number"))?,
                "--out" | "-o" => out = Some(PathBuf::from(value)),
                _ => return Err(bad(format!("unknown option {name:?}"))),
            }
        }
        Ok(GenerateArgs {
            articles: articles.ok_or_else(|| bad("--articles N is required".into()))?,
            seed,
            out: out.ok_or_else(|| bad("--out DIR is required".into()))?,
            verify,
        })
    }
}

pub fn run(args: &[String]) -> Outcome {
    let options = GenerateArgs::parse(args)?;
    let started = Instant::now();
    let stats = write_corpus(&options.out, options.seed, options.articles)
        .map_err(|e| format!("cannot write {}: {e}", options.out.display()))?;
    println!(
        "wrote {} articles ({} bytes, {} over 100 KB) to {} in {:.2} s (seed {}; removed {} old gen-*.txt)",
        stats.files,
        stats.bytes,
        stats.over_100kb,
        options.out.display(),
        started.elapsed().as_secs_f64(),
        options.seed,
        stats.removed
    );
    if !options.verify {
        return Ok(());
    }
    let started = Instant::now();
    let report = load_seeds(&options.out);
    println!(
        "loaded {} articles, {} errors, {} ignored in {:.2} s",
        report.articles.len(),
        report.errors.len(),
        report.ignored.len(),
        started.elapsed().as_secs_f64()
    );
    for error in &report.errors {
        println!("error: {error}");
    }
    println!("{}", agreement(&stats.truths, &report));
    println!("{}", entity_agreement(&stats.truths, &report));
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(Failure::Failed(format!(
            "{} generated files do not load",
            report.errors.len()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<GenerateArgs, Failure> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        GenerateArgs::parse(&args)
    }

    #[test]
    fn options_take_a_separate_or_inline_value() {
        let a = parse(&["--articles", "5", "--out=dir", "--verify"]).expect("valid");
        assert_eq!((a.articles, a.seed, a.verify), (5, 42, true));
        assert_eq!(a.out, PathBuf::from("dir"));
        let a = parse(&["-n=7", "--seed", "9", "-o", "x"]).expect("valid");
        assert_eq!((a.articles, a.seed, a.verify), (7, 9, false));
    }

    #[test]
    fn bad_options_are_usage_errors() {
        for args in [
            &["--out", "x"][..],
            &["--articles", "5"],
            &["--articles", "five", "--out", "x"],
            &["--articles", "5", "--out"],
            &["--articles", "5", "--out", "x", "--verify=yes"],
            &["--articles", "5", "--out", "x", "--frob", "1"],
        ] {
            assert!(matches!(parse(args), Err(Failure::Usage(_))), "{args:?}");
        }
    }
}
