//! `corpus`: the curators' command line. `corpus check DIR [--json]` reads a seeds directory the
//! way the build does and reports every article, ignored file, warning and error, and the groups of
//! near-duplicate articles ([`ingest::near_dupes`]: syndicated copies of one story; information,
//! never an error, so they leave the exit status alone).
//!
//! The table is for a terminal: every cell and line is escaped ([`ingest::chars::escape`]), so a
//! control character (an ESC colour code, a line break in a file name) prints as `\u{1b}` and never
//! reaches the terminal raw. The JSON is escaped by `serde_json`; its strings are the values
//! themselves.

use std::path::PathBuf;
use std::process::ExitCode;

use corpus::Article;
use ingest::chars::escape;
use ingest::detect::entities::{detect_entities, EntityMention};
use ingest::near_dupes::{near_duplicate_groups, NearDuplicateGroup};
use ingest::{load_seeds, SeedsReport};
use serde_json::{json, Value};

const USAGE: &str = "usage: corpus check DIR [--json]\n       corpus pack DIR OUT [--first-page HTML] [--chunks BYTES [--shards BYTES]]\n\n  check DIR      read every *.txt under DIR as the build does; print articles, ignored files, warnings, errors and near-duplicate groups\n  --json         print exactly one JSON object instead of a table\n  pack DIR OUT   write the corpus the site loads (the blob: articles, catalog, search index) to OUT; any invalid file fails it, listed with its line\n  --first-page HTML   also write the default view's first page of cards as static HTML (for the page's shell)\n  --chunks BYTES   write OUT as the core (catalog, the index's dictionary) and the rest apart in files of about BYTES: the article texts as OUT.0, OUT.1, … (and OUT.layout, the order to lay them in packs: by language), the index's posting lists as OUT.i0, OUT.i1, … (the hosted edition of a large corpus)\n  --shards BYTES   postings per shard (default: the --chunks size)\n\nExit status: 1 when any file is an error (or OUT cannot be written), 2 on bad usage, 0 otherwise.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => {
            let json = args.iter().any(|a| a == "--json");
            let dirs: Vec<&String> = args[1..].iter().filter(|a| !a.starts_with("--")).collect();
            let unknown: Vec<&String> = args[1..]
                .iter()
                .filter(|a| a.starts_with("--") && *a != "--json")
                .collect();
            match (dirs.as_slice(), unknown.is_empty()) {
                ([dir], true) => check(&PathBuf::from(dir), json),
                _ => usage_error(),
            }
        }
        Some("pack") => match pack_args(&args[1..]) {
            Some(args) => pack(&args),
            None => usage_error(),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// What `corpus pack` was asked for.
struct PackArgs {
    dir: PathBuf,
    out: PathBuf,
    first_page: Option<PathBuf>,
    chunk_bytes: Option<usize>,
    /// Postings per shard (default: as many bytes as a text chunk).
    shard_bytes: Option<usize>,
}

/// `DIR OUT` and the flags, in any order; `None` on anything else.
fn pack_args(args: &[String]) -> Option<PackArgs> {
    let mut paths = Vec::new();
    let (mut first_page, mut chunk_bytes, mut shard_bytes) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--first-page" => first_page = Some(PathBuf::from(rest.next()?)),
            "--chunks" => chunk_bytes = Some(rest.next()?.parse().ok().filter(|&n| n > 0)?),
            "--shards" => shard_bytes = Some(rest.next()?.parse().ok().filter(|&n| n > 0)?),
            flag if flag.starts_with("--") => return None,
            path => paths.push(PathBuf::from(path)),
        }
    }
    let [dir, out] = <[PathBuf; 2]>::try_from(paths).ok()?;
    Some(PackArgs {
        dir,
        out,
        first_page,
        chunk_bytes,
        shard_bytes,
    })
}

/// `corpus pack DIR OUT`: what the site's build runs (scripts/corpus-data.mjs). Warnings go to
/// standard error and never fail it; any invalid seed fails it with every `file:line: reason`.
fn pack(args: &PackArgs) -> ExitCode {
    let dir = args.dir.as_path();
    let report = load_seeds(dir);
    for warning in &report.warnings {
        eprintln!("warning: {}", escape(&warning.to_string()));
    }
    if !report.errors.is_empty() {
        eprintln!(
            "\nBorderlines: {} seed file(s) in {} are invalid:",
            report.errors.len(),
            escape(&dir.display().to_string())
        );
        for error in &report.errors {
            eprintln!("  {}", escape(&error.to_string()));
        }
        eprintln!(
            "Fix these files (or run `make check-seeds SEEDS_DIR={}`) and build again.\n",
            escape(&dir.display().to_string())
        );
        return ExitCode::FAILURE;
    }
    let written = report.to_checked_bytes().and_then(|bytes| {
        let blob = corpus::CorpusBlob::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let write = |path: &std::path::Path, bytes: &[u8]| {
            std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
        };
        match args.chunk_bytes {
            None => write(&args.out, &bytes)?,
            Some(chunk_bytes) => {
                let shard_bytes = args.shard_bytes.unwrap_or(chunk_bytes);
                let (core, chunks) = checked_chunks(&blob, chunk_bytes, shard_bytes)?;
                write(&args.out, &core)?;
                let chunked = corpus::CorpusBlob::from_bytes(&core).map_err(|e| e.to_string())?;
                for (i, chunk) in chunks.iter().enumerate() {
                    let mut name = args.out.clone().into_os_string();
                    // Text chunks OUT.0, OUT.1, …; postings shards OUT.i0, OUT.i1, ….
                    let i = u32::try_from(i).map_err(|_| "too many chunks".to_owned())?;
                    match chunked.postings_shard_of(i) {
                        Some(shard) => name.push(format!(".i{shard}")),
                        None => name.push(format!(".{i}")),
                    }
                    write(&PathBuf::from(name), chunk)?;
                }
                // The order the build lays the text chunks in its packs (by language).
                let mut name = args.out.clone().into_os_string();
                name.push(".layout");
                let layout = serde_json::to_string(&chunked.text_chunk_layout())
                    .map_err(|e| e.to_string())?;
                write(&PathBuf::from(name), layout.as_bytes())?;
            }
        }
        match &args.first_page {
            Some(page) => write(page, ingest::first_page::first_page_html(&blob).as_bytes()),
            None => Ok(()),
        }
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Borderlines: {}", escape(&error));
            ExitCode::FAILURE
        }
    }
}

/// The blob's core and text chunks, checked: the core decodes, takes every chunk, and then
/// holds every article of the blob.
fn checked_chunks(
    blob: &corpus::CorpusBlob,
    chunk_bytes: usize,
    shard_bytes: usize,
) -> Result<(Vec<u8>, Vec<Vec<u8>>), String> {
    let (core, chunks) = blob
        .to_chunked_bytes(chunk_bytes, shard_bytes)
        .map_err(|e| e.to_string())?;
    let chunked = corpus::CorpusBlob::from_bytes(&core).map_err(|e| e.to_string())?;
    for (i, chunk) in chunks.iter().enumerate() {
        let i = u32::try_from(i).map_err(|_| "too many chunks".to_owned())?;
        chunked
            .add_chunk(i, chunk.clone())
            .map_err(|e| format!("chunk {i}: {e}"))?;
    }
    if !chunked.articles().eq(blob.articles()) || chunked.len() != blob.len() {
        return Err("the chunked corpus does not hold the same articles".to_owned());
    }
    Ok((core, chunks))
}

fn check(dir: &std::path::Path, json: bool) -> ExitCode {
    let report = load_seeds(dir);
    let near_duplicates = near_duplicate_groups(&report.articles);
    if json {
        println!("{}", report_json(&report, &near_duplicates));
    } else {
        print_table(&report, &near_duplicates);
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Places, people or organizations as `corpus check --json` lists them, in the shape of
/// `countries`: `[{"id","name","mentions"}]`, places and organizations with their `country`.
fn entities_json(list: &[EntityMention]) -> Vec<Value> {
    list.iter()
        .map(|e| match &e.country {
            Some(country) => {
                json!({"id": e.id, "name": e.name, "mentions": e.mentions, "country": country})
            }
            None => json!({"id": e.id, "name": e.name, "mentions": e.mentions}),
        })
        .collect()
}

/// The first few names of a list, for the table.
fn names_cell(list: &[EntityMention]) -> String {
    let mut names: Vec<String> = list.iter().take(3).map(|e| e.name.clone()).collect();
    if list.len() > 3 {
        names.push(format!("+{}", list.len() - 3));
    }
    names.join(", ")
}

fn article_json(article: &Article) -> Value {
    let entities = detect_entities(article);
    json!({
        "id": article.id,
        "file": article.file,
        "lang": article.lang,
        "date": article.date.map(|d| d.to_string()),
        "title": article.title,
        "title_derived": article.title_derived,
        "countries": article.countries.iter().map(|c| json!({"code": c.code, "mentions": c.mentions})).collect::<Vec<_>>(),
        "places": entities_json(&entities.places),
        "people": entities_json(&entities.people),
        "organizations": entities_json(&entities.organizations),
        "source": article.source,
        "captions": article.captions,
        "paragraphs": article.paragraphs.len(),
        "warnings": article.warnings.iter().map(|w| w.code()).collect::<Vec<_>>(),
    })
}

fn report_json(report: &SeedsReport, near_duplicates: &[NearDuplicateGroup]) -> Value {
    json!({
        "articles": report.articles.iter().map(article_json).collect::<Vec<_>>(),
        "ignored": report.ignored,
        "warnings": report.warnings.iter().map(|w| json!({"file": w.file, "line": w.line, "message": w.message})).collect::<Vec<_>>(),
        "errors": report.errors.iter().map(|e| json!({"file": e.file, "line": e.line, "message": e.message})).collect::<Vec<_>>(),
        "near_duplicates": near_duplicates.iter().map(|g| json!({"ids": g.ids, "similarity": two_decimals(g.similarity)})).collect::<Vec<_>>(),
    })
}

fn print_table(report: &SeedsReport, near_duplicates: &[NearDuplicateGroup]) {
    let rows: Vec<[String; 9]> = report
        .articles
        .iter()
        .map(|a| {
            let countries = a
                .countries
                .iter()
                .map(|c| format!("{}×{}", c.code, c.mentions))
                .collect::<Vec<_>>()
                .join(" ");
            let title = if a.title_derived {
                format!("~{}", a.title)
            } else {
                a.title.clone()
            };
            let entities = detect_entities(a);
            let warnings = a
                .warnings
                .iter()
                .map(|w| w.code())
                .collect::<Vec<_>>()
                .join(", ");
            [
                a.id.clone(),
                a.lang.clone(),
                a.date
                    .map_or_else(|| "undated".to_owned(), |d| d.to_string()),
                truncate(&title, 60),
                countries,
                truncate(&names_cell(&entities.places), 40),
                truncate(&names_cell(&entities.people), 40),
                truncate(&names_cell(&entities.organizations), 40),
                warnings,
            ]
            .map(|cell| escape(&cell).into_owned())
        })
        .collect();
    let header = [
        "ID",
        "LANG",
        "DATE",
        "TITLE (~ derived)",
        "COUNTRIES",
        "PLACES",
        "PEOPLE",
        "ORGANIZATIONS",
        "WARNINGS",
    ]
    .map(String::from);
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
    for path in &report.ignored {
        println!("ignored (not .txt): {}", escape(path));
    }
    for warning in &report.warnings {
        println!("warning: {}", escape(&warning.to_string()));
    }
    for error in &report.errors {
        println!("error: {}", escape(&error.to_string()));
    }
    println!("Near-duplicates: {} groups", near_duplicates.len());
    for group in near_duplicates {
        let ids: Vec<String> = group.ids.iter().map(|id| escape(id).into_owned()).collect();
        println!(
            "  similarity {:.2}: {}",
            two_decimals(group.similarity),
            ids.join(", ")
        );
    }
    println!(
        "{} articles, {} ignored, {} warnings, {} errors",
        report.articles.len(),
        report.ignored.len(),
        report.warnings.len(),
        report.errors.len()
    );
}

/// A similarity rounded down to two decimals, so a group just under 1 (or under the threshold)
/// never prints as 1.00 (or as the threshold).
fn two_decimals(similarity: f64) -> f64 {
    (similarity * 100.0 + 1e-9).floor() / 100.0
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
