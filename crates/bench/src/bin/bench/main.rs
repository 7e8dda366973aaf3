//! `bench`: Borderlines' benchmark tool (native only).
//!
//! - `bench generate`: writes a deterministic synthetic seeds directory ([`bench::generate`]);
//! - `bench prep`: turns a seeds directory into what the browser bench loads (`bench/run.mjs`);
//! - `bench probe`: native profiling of a prepared directory, one probe per question.
//!
//! Exit status: 0 on success, 1 when the work failed, 2 on bad usage.

mod fs;
mod generate;
mod prep;
mod probe;

use std::process::ExitCode;

/// Why a subcommand stopped.
#[derive(Debug)]
enum Failure {
    /// Bad arguments: the message, then the usage.
    Usage(String),
    /// The work failed: the message.
    Failed(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Failed(message)
    }
}

type Outcome = Result<(), Failure>;

const SYNOPSIS: &str = "usage: bench generate --articles N [--seed S] --out DIR [--verify]
       bench prep SEEDS_DIR OUT_DIR
       bench probe NAME [DIR] [ARGS]
       bench help";

fn usage() -> String {
    format!(
        "{SYNOPSIS}

  generate    write N synthetic articles gen-NNNNNN.txt into DIR (created; old gen-*.txt removed),
              byte-identical for the same N and S (default seed 42)
  --verify    then read DIR as `corpus check` does and compare languages, dates and countries
              with what was generated
  prep        write what the browser bench loads into OUT_DIR: blob.bin, docs.json, pages/,
              queries.json (with brute-force truth) and meta.json
  probe       time one part of the work natively, on a directory `bench prep` wrote:
{}",
        probe::usage()
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        None => {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Some((command, rest)) => (command.as_str(), rest),
    };
    let outcome = match command {
        "generate" => generate::run(rest),
        "prep" => prep::run(rest),
        "probe" => probe::run(rest),
        "help" | "--help" | "-h" => {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        other => Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("bench {command}: {message}\n{SYNOPSIS}\n(`bench help` says more)");
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("bench {command}: {message}");
            ExitCode::FAILURE
        }
    }
}
