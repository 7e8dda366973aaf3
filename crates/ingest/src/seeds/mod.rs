//! A seeds directory → articles, ignored files, warnings and errors, all reported together
//! (native only).
//!
//! `*.txt` files are read recursively (in path order, so output is deterministic); an article's id
//! is its file stem in NFC (`ids.rs` has the rules for names: no control characters, UTF-8, NFC
//! duplicates are errors, ids differing only in case are a warning). Any other file is listed as
//! ignored. Every `.txt` file becomes an article or an error: nothing is dropped silently. Every
//! error and warning is `file:line: reason`; problems with a whole file (or directory) name line 1,
//! and file names are shown escaped (`\u{a}`, `\xE9`) so they always fit on one line.
//!
//! Safety (`walk.rs` has the details): links to directories are not followed (a warning each),
//! only regular files are read ("not a regular file" otherwise, checked before opening, so a named
//! pipe or a link to `/dev/zero` is never opened), and a file past [`MAX_FILE_BYTES`] (8 MiB) is an
//! error without being read whole. Past [`CORPUS_WARNING_BYTES`] (512 MiB in all) the report
//! carries a warning.

mod ids;
mod walk;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::chars::escape_os;
use crate::detect::{countries, lang};
use crate::parallel::map_on_every_core;
use crate::parse::{parse_seed, ParseError, ParsedSeed};
use corpus::article::{Article, Warning};
use corpus::store::catalog::{EntityInfo, EntityKind};
use corpus::store::{BlobEncodeError, CorpusBlob};

const MIB: u64 = 1024 * 1024;

/// The largest seed file read, in bytes. A news article is a few kilobytes; the longest real ones
/// (transcripts, reports) are a few hundred. Past this, a file is almost certainly not an article
/// (a dump, a log, a mistaken copy) and would be embedded whole in every visitor's download.
pub const MAX_FILE_BYTES: u64 = 8 * MIB;

/// Seed files totalling more than this make a warning (never an error). Today the whole corpus is
/// one blob inside the wasm that every visitor downloads; the next issue ships the corpus as
/// sharded data files fetched on demand, and this is the size that design is meant to carry.
/// Past it the site still builds, but the shards' catalog and index outgrow what a visitor's
/// browser should hold, so the curator is told.
pub const CORPUS_WARNING_BYTES: u64 = 512 * MIB;

/// The size limits [`load_seeds_with`] applies; [`load_seeds`] uses the defaults
/// ([`MAX_FILE_BYTES`], [`CORPUS_WARNING_BYTES`]). Tests use small ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// A larger file is an error: `larger than the 8 MiB limit for one file`.
    pub file_bytes: u64,
    /// Seed files larger than this in all make a warning on the seeds directory.
    pub corpus_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: MAX_FILE_BYTES,
            corpus_bytes: CORPUS_WARNING_BYTES,
        }
    }
}

/// The outcome of reading a seeds directory.
#[derive(Clone, Debug, Default)]
pub struct SeedsReport {
    /// Newest first, undated last.
    pub articles: Vec<Article>,
    /// Files that are not `*.txt`, relative to the seeds directory (escaped like error paths).
    pub ignored: Vec<String>,
    /// Problems that do not stop the build, about the corpus rather than one article's text:
    /// links to directories not followed, ids that differ only in case, a corpus past
    /// [`Limits::corpus_bytes`]. (An article's own warnings are in [`Article::warnings`].)
    pub warnings: Vec<SeedWarning>,
    pub errors: Vec<SeedError>,
}

/// A file that could not become an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedError {
    /// Path as given (seeds directory joined with the relative path), escaped: control
    /// characters as `\u{a}`, bytes that are not UTF-8 as `\xE9`.
    pub file: String,
    /// 1-based; whole-file problems (empty, duplicate id, unreadable, too large) name line 1.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for SeedError {}

/// Something a curator should know that does not stop the build; same shape as [`SeedError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedWarning {
    /// Escaped like [`SeedError::file`]; the seeds directory for corpus-wide warnings.
    pub file: String,
    /// 1-based; always 1 today (the warnings are about whole files or the directory).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SeedWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Reads, parses and analyses every seed under `dir` with the default [`Limits`].
pub fn load_seeds(dir: &Path) -> SeedsReport {
    load_seeds_with(dir, Limits::default())
}

/// Reads, parses and analyses every seed under `dir`, on every core (the files are independent;
/// language and country detection make this most of a large site's build), reporting in path
/// order whatever the threads' timing.
pub fn load_seeds_with(dir: &Path, limits: Limits) -> SeedsReport {
    let mut report = SeedsReport::default();
    let found = match walk::walk(dir) {
        Ok(found) => found,
        Err(error) => {
            report.errors.push(SeedError {
                file: escape_os(dir.as_os_str()),
                line: 1,
                message: format!("cannot read the seeds directory: {error}"),
            });
            return report;
        }
    };
    let walk::Walk {
        mut files,
        mut dir_links,
        mut unreadable_dirs,
    } = found;
    files.sort();
    dir_links.sort();
    unreadable_dirs.sort_by(|a, b| a.0.cmp(&b.0));
    for link in dir_links {
        report.warnings.push(SeedWarning {
            file: escape_os(link.as_os_str()),
            line: 1,
            message: "a symbolic link to a directory, not followed; copy or move the articles \
                      into the seeds directory instead"
                .to_owned(),
        });
    }
    for (path, error) in unreadable_dirs {
        report.errors.push(SeedError {
            file: escape_os(path.as_os_str()),
            line: 1,
            message: format!("cannot read the directory: {error}"),
        });
    }

    // Which files are seeds, and their ids, in path order; then each seed's outcome.
    let mut first_file_of_id: HashMap<String, (String, String)> = HashMap::new();
    let mut first_of_key: HashMap<String, (String, String)> = HashMap::new();
    let mut slots = Vec::new();
    for path in files {
        let shown = escape_os(path.as_os_str());
        let is_seed = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"));
        if !is_seed {
            report.ignored.push(shown_relative(dir, &path));
            continue;
        }
        let name = match ids::seed_name(dir, &path) {
            Ok(name) => name,
            Err(message) => {
                slots.push(Slot::Failed(SeedError {
                    file: shown,
                    line: 1,
                    message,
                }));
                continue;
            }
        };
        let id = name.id;
        if let Some((earlier, earlier_stem)) = first_file_of_id.get(&id) {
            let how = if *earlier_stem == name.stem {
                "has the same file name"
            } else {
                "has the same file name once Unicode-normalised (NFC): the names look alike but \
                 are spelt with different code points (one decomposed, as macOS saves names); \
                 rename one of them"
            };
            slots.push(Slot::Failed(SeedError {
                file: shown,
                line: 1,
                message: format!("duplicate article id `{id}`: {earlier} {how}"),
            }));
            continue;
        }
        first_file_of_id.insert(id.clone(), (shown.clone(), name.stem));
        let key = ids::collision_key(&id);
        if let Some((other_id, other_file)) = first_of_key.get(&key) {
            report.warnings.push(SeedWarning {
                file: shown.clone(),
                line: 1,
                message: format!(
                    "article id `{id}` differs from `{other_id}` ({other_file}) only in letter \
                     case or Unicode form; both are kept, but links and case-insensitive file \
                     systems confuse them: rename one"
                ),
            });
        } else {
            first_of_key.insert(key, (id.clone(), shown.clone()));
        }
        slots.push(Slot::Seed {
            id,
            relative: name.relative,
            shown,
            path,
        });
    }
    let mut total_bytes: u64 = 0;
    for (outcome, bytes) in map_on_every_core(slots, |slot| slot.load(limits.file_bytes)) {
        total_bytes = total_bytes.saturating_add(bytes);
        match outcome {
            Ok(article) => report.articles.push(article),
            Err(error) => report.errors.push(error),
        }
    }
    if total_bytes > limits.corpus_bytes {
        report.warnings.push(SeedWarning {
            file: escape_os(dir.as_os_str()),
            line: 1,
            message: format!(
                "the seed files total {}, past the {} the corpus is designed to carry; the \
                 build goes on, but expect a large, slow site",
                walk::size(total_bytes),
                walk::size(limits.corpus_bytes)
            ),
        });
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
    /// Known to fail without reading it (a duplicate id, a bad name).
    Failed(SeedError),
}

impl Slot {
    /// The article or error, and how many bytes were read.
    fn load(self, limit: u64) -> (Result<Article, SeedError>, u64) {
        let (id, relative, shown, path) = match self {
            Slot::Seed {
                id,
                relative,
                shown,
                path,
            } => (id, relative, shown, path),
            Slot::Failed(error) => return (Err(error), 0),
        };
        let bytes = match walk::read_regular_file(&path, limit) {
            Ok(bytes) => bytes,
            Err(message) => {
                let error = SeedError {
                    file: shown,
                    line: 1,
                    message,
                };
                return (Err(error), 0);
            }
        };
        let read = bytes.len() as u64;
        let outcome = match parse_seed(&bytes) {
            Ok(seed) => Ok(analyse(id, relative, seed)),
            Err(error) => Err(seed_error(shown, &error)),
        };
        (outcome, read)
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
    /// The blob the app embeds: the articles, English names of every country they mention, the
    /// near-duplicate groups the explorer folds into one card, and the names to search across
    /// languages.
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
        let versions = crate::near_dupes::near_duplicate_groups(&self.articles)
            .into_iter()
            .map(|group| {
                group
                    .articles
                    .into_iter()
                    .filter_map(|i| u32::try_from(i).ok())
                    .collect()
            })
            .collect();
        let (table, per_article) = entity_table(&self.articles);
        Ok(CorpusBlob::new(&self.articles, country_names)?
            .with_versions(versions)?
            .with_entities(table, per_article)?
            .with_expansions(crate::expansions::expansions(&self.articles)))
    }

    /// The blob's bytes, after checking that they decode to exactly the parsed articles: the app
    /// decodes each article only when it shows it, so a fault must surface here, not as a missing
    /// card.
    pub fn to_checked_bytes(&self) -> Result<Vec<u8>, String> {
        let bytes = self
            .to_blob()
            .and_then(|blob| blob.to_bytes())
            .map_err(|e| e.to_string())?;
        let decoded = CorpusBlob::from_bytes(&bytes).map_err(|e| e.to_string())?;
        if decoded.len() != self.articles.len() {
            return Err(format!(
                "the corpus blob holds {} articles instead of {}",
                decoded.len(),
                self.articles.len()
            ));
        }
        for (i, article) in self.articles.iter().enumerate() {
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
}

/// `path` under `dir`, `/`-separated and escaped, for the list of ignored files.
fn shown_relative(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    relative
        .components()
        .map(|c| escape_os(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// The places, people and organizations of `articles` (detected at build time): each once, in
/// the order first named, and each article's, most mentioned first.
fn entity_table(articles: &[Article]) -> (Vec<EntityInfo>, Vec<Vec<u32>>) {
    use crate::detect::entities::{detect_entities, is_non_latin, places};
    let coordinates: std::collections::HashMap<&str, (i16, i32)> = places()
        .iter()
        .map(|p| {
            let hundredths = |x: f32, max: f32| (x.clamp(-max, max) * 100.0).round();
            (
                p.id.as_str(),
                (
                    hundredths(p.lat, 90.0) as i16,
                    hundredths(p.lon, 180.0) as i32,
                ),
            )
        })
        .collect();
    let local_of_place: std::collections::HashMap<&str, &str> = places()
        .iter()
        .filter_map(|p| Some((p.id.as_str(), p.local.as_deref()?)))
        .collect();
    let mut table: Vec<EntityInfo> = Vec::new();
    let mut number: std::collections::HashMap<(EntityKind, String), u32> =
        std::collections::HashMap::new();
    // Entity → its non-Latin forms, each with how many articles wrote it, in first-seen order.
    let mut local_forms: std::collections::HashMap<u32, Vec<(String, u32)>> =
        std::collections::HashMap::new();
    let per_article = map_on_every_core(articles.iter().collect(), |article: &Article| {
        detect_entities(article)
    })
    .into_iter()
    .map(|found| {
        let mut mine: Vec<(u32, u32)> = Vec::new();
        for (kind, list) in [
            (EntityKind::Place, found.places),
            (EntityKind::Person, found.people),
            (EntityKind::Organization, found.organizations),
        ] {
            for mention in list {
                let key = (kind, mention.id.clone());
                let n = *number.entry(key).or_insert_with(|| {
                    table.push(EntityInfo {
                        kind,
                        at: coordinates.get(mention.id.as_str()).copied(),
                        id: mention.id,
                        name: mention.name,
                        local: None,
                        country: mention.country,
                    });
                    u32::try_from(table.len() - 1).unwrap_or(u32::MAX)
                });
                let votes = local_forms.entry(n).or_default();
                for form in mention.forms.iter().filter(|f| is_non_latin(f)) {
                    match votes.iter_mut().find(|(f, _)| f == form) {
                        Some((_, count)) => *count += 1,
                        None => votes.push((form.clone(), 1)),
                    }
                }
                mine.push((n, mention.mentions));
            }
        }
        mine.sort_by_key(|&(_, mentions)| std::cmp::Reverse(mentions));
        mine.into_iter().map(|(n, _)| n).collect()
    })
    .collect();
    // The name in its own script: the form most articles wrote (the first seen on a tie), else
    // a place's name in its country's script; never the English name again.
    for (n, entity) in table.iter_mut().enumerate() {
        let votes = u32::try_from(n)
            .ok()
            .and_then(|n| local_forms.get(&n))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let most = votes
            .iter()
            .fold(None::<&(String, u32)>, |best, vote| match best {
                Some(b) if b.1 >= vote.1 => Some(b),
                _ => Some(vote),
            })
            .map(|(form, _)| form.as_str());
        let local = most.or_else(|| {
            (entity.kind == EntityKind::Place)
                .then(|| local_of_place.get(entity.id.as_str()).copied())
                .flatten()
        });
        entity.local = local.filter(|l| *l != entity.name).map(str::to_owned);
    }
    (table, per_article)
}
