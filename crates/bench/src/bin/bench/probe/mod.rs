//! `bench probe NAME [DIR] [ARGS]`: native profiling of a directory `bench prep` wrote, one
//! probe per question. Every probe starts the same way ([`Prepared`]: the directory, or the
//! probe's default, and its `blob.bin`); the probes that answer views take the view's steps one
//! at a time ([`answer_in_steps`]), checked against [`corpus::view::answer`], so that each
//! step's time can be read apart.

mod across;
mod decode;
mod first_touch;
mod keystroke;
mod parts;
mod phases;
mod queries;
mod query;

use std::path::PathBuf;
use std::time::Instant;

use corpus::search::Query;
use corpus::view::filter::{self, TextMatches};
use corpus::view::results::Results;
use corpus::view::state::ViewState;
use corpus::CorpusBlob;
use serde::Deserialize;

use crate::fs;
use crate::{Failure, Outcome};

/// One probe: its name on the command line, the directory it reads unless told, what else it
/// takes, what it prints, and what runs it.
struct Probe {
    name: &'static str,
    default_dir: &'static str,
    args: &'static str,
    about: &'static str,
    run: fn(Prepared, &[String]) -> Outcome,
}

const PROBES: [Probe; 8] = [
    Probe {
        name: "across",
        default_dir: "target/bench/10000",
        args: "",
        about: "what search across languages and near spellings cost per view (p50/p95)",
        run: across::run,
    },
    Probe {
        name: "parts",
        default_dir: "target/bench/10000",
        args: "",
        about: "write the blob's parts to DIR/parts/*.bin, to compare their sizes",
        run: parts::run,
    },
    Probe {
        name: "decode",
        default_dir: "target/bench/10000",
        args: "",
        about: "time decoding the blob (start-up), then every article's text",
        run: decode::run,
    },
    Probe {
        name: "first-touch",
        default_dir: "target/bench/10000",
        args: "",
        about: "time each document's first decode, join and fold, by language",
        run: first_touch::run,
    },
    Probe {
        name: "query",
        default_dir: "target/bench/10000",
        args: "[TEXT] [TIMES]",
        about: "repeat one search (\"the\", 1000 times) for a profiler",
        run: query::run,
    },
    Probe {
        name: "phases",
        default_dir: "target/bench/100",
        args: "",
        about: "mean time of each step of the query set's views",
        run: phases::run,
    },
    Probe {
        name: "keystroke",
        default_dir: "target/bench/10000",
        args: "",
        about: "type words a character at a time; time each keystroke by part",
        run: keystroke::run,
    },
    Probe {
        name: "queries",
        default_dir: "target/bench/1000",
        args: "",
        about: "the query set's 40 slowest views (best of 5), steps apart",
        run: queries::run,
    },
];

/// The probes' lines of `bench help`.
pub fn usage() -> String {
    PROBES
        .iter()
        .map(|p| {
            let call = format!("{} [DIR] {}", p.name, p.args);
            format!(
                "    {:<26} {}\n    {:<26} (DIR defaults to {})",
                call.trim_end(),
                p.about,
                "",
                p.default_dir
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn run(args: &[String]) -> Outcome {
    let Some((name, rest)) = args.split_first() else {
        return Err(Failure::Usage("which probe?".into()));
    };
    let probe = PROBES
        .iter()
        .find(|p| p.name == name.as_str())
        .ok_or_else(|| Failure::Usage(format!("unknown probe {name:?}")))?;
    let (dir, rest) = match rest.split_first() {
        Some((dir, rest)) => (PathBuf::from(dir), rest),
        None => (PathBuf::from(probe.default_dir), rest),
    };
    let prepared = Prepared::open(dir)?;
    (probe.run)(prepared, rest)
}

/// A probe that takes nothing after DIR.
fn no_args(args: &[String]) -> Outcome {
    match args.first() {
        None => Ok(()),
        Some(extra) => Err(Failure::Usage(format!("unexpected argument {extra:?}"))),
    }
}

/// A directory `bench prep` wrote, and its blob's bytes.
#[derive(Debug)]
struct Prepared {
    dir: PathBuf,
    bytes: Vec<u8>,
}

impl Prepared {
    fn open(dir: PathBuf) -> Result<Prepared, String> {
        let bytes = fs::read(&dir.join("blob.bin"))?;
        Ok(Prepared { dir, bytes })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The blob, decoded as the app decodes it at start-up.
    fn blob(&self) -> Result<CorpusBlob, String> {
        CorpusBlob::from_bytes(&self.bytes)
            .map_err(|e| format!("{}: {e}", self.path("blob.bin").display()))
    }

    /// The bench's query set (`queries.json`).
    fn queries(&self) -> Result<Vec<BenchView>, String> {
        let path = self.path("queries.json");
        let bytes = fs::read(&path)?;
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The fields of a `queries.json` entry that name its view.
#[derive(Debug, Deserialize)]
struct BenchView {
    q: String,
    params: String,
    kind: String,
}

impl BenchView {
    /// The view's URL query string, `q` last, as the bench page builds it.
    /// The view with exact matching, as the bench measures it (no names in other languages, no
    /// near spellings: the `across` probe times those).
    fn url(&self) -> String {
        let sep = if self.params.is_empty() { "" } else { "&" };
        format!(
            "{}{sep}q={}&xlang=off&typo=off",
            self.params,
            urlencode(&self.q)
        )
    }
}

/// Percent-encodes every byte but ASCII letters and digits.
fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The view parsed from a URL, for the probes that start from one.
fn view_of(url: &str) -> Result<ViewState, String> {
    let (state, notices) = ViewState::parse(url);
    if notices.is_empty() {
        Ok(state)
    } else {
        Err(format!("{url:?}: {notices:?}"))
    }
}

/// Runs `f`, returning its value and the seconds it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let value = f();
    (value, t.elapsed().as_secs_f64())
}

/// A view answered step by step, as [`corpus::view::answer`] answers it, with each step's time
/// in seconds.
#[derive(Debug)]
struct Steps {
    query: Query,
    hits: Option<Vec<(u32, f32)>>,
    results: Results,
    parse_s: f64,
    search_s: f64,
    filter_s: f64,
}

impl Steps {
    /// The text matches the filter, facets and timeline count over.
    fn text(&self) -> TextMatches<'_> {
        text_matches(self.hits.as_deref())
    }
}

fn text_matches(hits: Option<&[(u32, f32)]>) -> TextMatches<'_> {
    hits.map_or(TextMatches::All, TextMatches::Hits)
}

/// Parses the view's text query, searches, filters: [`corpus::view::answer`]'s steps, each timed.
fn answer_in_steps(blob: &CorpusBlob, state: &ViewState) -> Steps {
    let (query, parse_s) = timed(|| Query::parse(&state.q));
    let (hits, search_s) = timed(|| blob.text_hits(&query));
    let (results, filter_s) =
        timed(|| filter::filter(blob.catalog(), state, text_matches(hits.as_deref())));
    Steps {
        query,
        hits,
        results,
        parse_s,
        search_s,
        filter_s,
    }
}

/// Fails unless the steps came to what [`corpus::view::answer`] gives: then the probe times
/// what the explorer does.
fn check_steps(blob: &CorpusBlob, state: &ViewState, steps: &Steps) -> Result<(), String> {
    let answer = corpus::view::answer(blob, state);
    if *answer.query == steps.query && answer.hits == steps.hits && answer.results == steps.results
    {
        Ok(())
    } else {
        Err(format!(
            "q={:?}: the probe's steps and corpus::view::answer differ; update the probe",
            state.q
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bench_view_url_has_its_encoded_query_and_exact_matching() {
        let view = |q: &str, params: &str| BenchView {
            q: q.to_owned(),
            params: params.to_owned(),
            kind: "typed".to_owned(),
        };
        assert_eq!(view("thai la", "").url(), "q=thai%20la&xlang=off&typo=off");
        assert_eq!(
            view("biên", "country=VN&from=2018").url(),
            "country=VN&from=2018&q=bi%C3%AAn&xlang=off&typo=off"
        );
        let state = view_of(&view("\"biên giới\" x&y", "country=VN").url()).expect("valid");
        assert_eq!(state.q, "\"biên giới\" x&y");
        assert_eq!(state.countries, ["VN"]);
    }

    #[test]
    fn probe_names_are_unique() {
        let mut names: Vec<&str> = PROBES.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PROBES.len());
    }
}
