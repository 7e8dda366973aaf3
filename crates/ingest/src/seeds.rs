//! A seeds directory → articles, ignored files and errors, all reported together (native only).
//!
//! `*.txt` files are read recursively (in path order, so output is deterministic); an article's id
//! is its file stem. Any other file is listed as ignored. Every `.txt` file becomes an article or
//! an error: nothing is dropped silently.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::detect::{countries, lang};
use crate::parallel::map_on_every_core;
use crate::parse::{parse_seed, ParseError, ParsedSeed};
use corpus::article::{Article, Warning};
use corpus::store::{BlobEncodeError, CorpusBlob};

/// The outcome of reading a seeds directory.
#[derive(Clone, Debug, Default)]
pub struct SeedsReport {
    /// Newest first, undated last.
    pub articles: Vec<Article>,
    /// Files that are not `*.txt`, relative to the seeds directory.
    pub ignored: Vec<String>,
    pub errors: Vec<SeedError>,
}

/// A file that could not become an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedError {
    /// Path as given (seeds directory joined with the relative path).
    pub file: String,
    /// 1-based; whole-file problems (empty, duplicate id, unreadable) name line 1.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for SeedError {}

/// Reads, parses and analyses every seed under `dir`, on every core (the files are independent;
/// language and country detection make this most of a large site's build), reporting in path
/// order whatever the threads' timing.
pub fn load_seeds(dir: &Path) -> SeedsReport {
    let mut report = SeedsReport::default();
    let mut files = Vec::new();
    if let Err(error) = collect_files(dir, &mut files) {
        report.errors.push(SeedError {
            file: dir.display().to_string(),
            line: 1,
            message: format!("cannot read the seeds directory: {error}"),
        });
        return report;
    }
    files.sort();

    // Which files are seeds, and their ids, in path order; then each seed's outcome.
    let mut first_file_of_id: HashMap<String, String> = HashMap::new();
    let mut slots = Vec::new();
    for path in files {
        let relative = relative_path(dir, &path);
        let shown = path.display().to_string();
        let is_seed = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"));
        if !is_seed {
            report.ignored.push(relative);
            continue;
        }
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(earlier) = first_file_of_id.get(&id) {
            slots.push(Slot::Failed(SeedError {
                file: shown,
                line: 1,
                message: format!("duplicate article id `{id}`: {earlier} has the same file name"),
            }));
            continue;
        }
        first_file_of_id.insert(id.clone(), shown.clone());
        slots.push(Slot::Seed {
            id,
            relative,
            shown,
            path,
        });
    }
    for outcome in map_on_every_core(slots, Slot::load) {
        match outcome {
            Ok(article) => report.articles.push(article),
            Err(error) => report.errors.push(error),
        }
    }
    report.articles.sort_by(Article::cmp_newest_first);
    report
}

/// One `.txt` file of a seeds directory, before it is read.
enum Slot {
    Seed {
        id: String,
        relative: String,
        shown: String,
        path: PathBuf,
    },
    /// Known to fail without reading it (a duplicate id).
    Failed(SeedError),
}

impl Slot {
    fn load(self) -> Result<Article, SeedError> {
        let (id, relative, shown, path) = match self {
            Slot::Seed {
                id,
                relative,
                shown,
                path,
            } => (id, relative, shown, path),
            Slot::Failed(error) => return Err(error),
        };
        let bytes = std::fs::read(&path).map_err(|error| SeedError {
            file: shown.clone(),
            line: 1,
            message: format!("cannot read the file: {error}"),
        })?;
        match parse_seed(&bytes) {
            Ok(seed) => Ok(analyse(id, relative, seed)),
            Err(error) => Err(seed_error(shown, &error)),
        }
    }
}

fn seed_error(file: String, error: &ParseError) -> SeedError {
    SeedError {
        file,
        line: error.line(),
        message: error.reason(),
    }
}

/// Adds language, countries and warnings to a parsed seed.
pub fn analyse(id: String, file: String, seed: ParsedSeed) -> Article {
    let ParsedSeed {
        date,
        title,
        title_derived,
        paragraphs,
        captions,
        source,
    } = seed;
    let body = paragraphs.join("\n");
    let lang = lang::detect_language(&body);
    // A derived title repeats the body's first sentence: count its mentions once.
    let mut mentioned_in = String::with_capacity(title.len() + body.len() + 64);
    if !title_derived {
        mentioned_in.push_str(&title);
        mentioned_in.push('\n');
    }
    mentioned_in.push_str(&body);
    for caption in &captions {
        mentioned_in.push('\n');
        mentioned_in.push_str(caption);
    }
    let countries = countries::detect_countries(&mentioned_in);

    let mut warnings = Vec::new();
    if date.is_none() {
        warnings.push(Warning::Undated);
    }
    if title_derived {
        warnings.push(Warning::TitleDerived);
    }
    if lang.is_none() {
        warnings.push(Warning::LanguageUnknown);
    }
    if countries.is_empty() {
        warnings.push(Warning::NoCountry);
    }
    Article {
        id,
        file,
        date,
        title,
        title_derived,
        lang: lang.unwrap_or("und").to_owned(),
        countries,
        source,
        captions,
        paragraphs,
        warnings,
    }
}

impl SeedsReport {
    /// The blob the app embeds: the articles plus English names of every country they mention.
    pub fn to_blob(&self) -> Result<CorpusBlob, BlobEncodeError> {
        let mut codes: Vec<&str> = self
            .articles
            .iter()
            .flat_map(|a| a.countries.iter().map(|c| c.code.as_str()))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let country_names = codes
            .into_iter()
            .map(|code| {
                (
                    code.to_owned(),
                    countries::english_name(code).unwrap_or_else(|| code.to_owned()),
                )
            })
            .collect();
        CorpusBlob::new(&self.articles, country_names)
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn relative_path(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
