//! Hostile seeds directories, one test per case of issue 22 ("a safe walk and read", "consistent,
//! clear messages"): links to directories, pipes and devices named `*.txt`, huge files, file names
//! with control characters or undecodable bytes, ids that differ only in case or Unicode form,
//! UTF-16 files, files without text, empty or invisible titles, control characters in text, and
//! the terminal output of `corpus check`.
//!
//! Every fixture is generated into a fresh temporary directory (removed afterwards): links, pipes,
//! undecodable names and big files are platform-specific or large, so none is committed. Walks and
//! reads that used to hang run under a timeout, so a regression fails instead of hanging.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use corpus::Warning;
use ingest::{load_seeds, load_seeds_with, Limits, SeedError, SeedsReport};

/// A fresh, empty directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("borderlines-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        TempDir(dir)
    }

    fn with(name: &str, files: &[(&str, &[u8])]) -> TempDir {
        let dir = TempDir::new(name);
        for (path, bytes) in files {
            dir.write(path, bytes);
        }
        dir
    }

    fn write(&self, path: impl AsRef<Path>, bytes: &[u8]) {
        let path = self.0.join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write fixture");
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// How many entries the directory holds (a case-insensitive file system merges names).
    fn entries(&self) -> usize {
        std::fs::read_dir(&self.0).expect("read dir").count()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `load_seeds`, failing the test if it does not finish within a few seconds (an endless walk, a
/// read that blocks on a pipe or never ends on a device).
fn load_in_time(dir: &Path) -> SeedsReport {
    let (tx, rx) = mpsc::channel();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(load_seeds(&dir));
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("load_seeds finished in time (no endless walk, no blocking or endless read)")
}

fn load(dir: &TempDir) -> SeedsReport {
    load_in_time(dir.path())
}

fn error_for<'a>(report: &'a SeedsReport, name: &str) -> &'a SeedError {
    report
        .errors
        .iter()
        .find(|e| e.file.ends_with(name))
        .unwrap_or_else(|| panic!("no error for {name}: {:?}", report.errors))
}

fn ids(report: &SeedsReport) -> Vec<&str> {
    let mut ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids
}

const GOOD: &[u8] = b"date 2025-01-01 Good\nPolice in Thailand raided a compound.";

// --- A safe walk and read -----------------------------------------------------------------------

/// Two links to `.` used to make the walk endless (every path doubling at each level).
#[cfg(unix)]
#[test]
fn two_directory_links_to_itself_are_not_followed() {
    let dir = TempDir::with("two-loops", &[("a.txt", GOOD)]);
    std::os::unix::fs::symlink(".", dir.path().join("loop1")).expect("symlink");
    std::os::unix::fs::symlink(".", dir.path().join("loop2")).expect("symlink");
    let report = load(&dir);
    assert_eq!(ids(&report), ["a"]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
    for warning in &report.warnings {
        assert_eq!(warning.line, 1);
        assert!(
            warning
                .message
                .contains("symbolic link to a directory, not followed"),
            "{warning}"
        );
    }
}

/// One link to `.` used to give 40 false "duplicate id" errors (one per level until ELOOP).
#[cfg(unix)]
#[test]
fn one_directory_link_is_one_warning_not_forty_duplicates() {
    let dir = TempDir::with("one-loop", &[("a.txt", GOOD), ("desk/b.txt", GOOD)]);
    std::os::unix::fs::symlink("..", dir.path().join("desk/up")).expect("symlink");
    let report = load(&dir);
    assert_eq!(ids(&report), ["a", "b"]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].file.ends_with("desk/up"));
}

/// A link to a regular file is still read, like the file.
#[cfg(unix)]
#[test]
fn a_link_to_a_regular_file_is_read() {
    let outside = TempDir::with("link-target", &[("real.txt", GOOD)]);
    let dir = TempDir::new("file-link");
    std::os::unix::fs::symlink(
        outside.path().join("real.txt"),
        dir.path().join("linked.txt"),
    )
    .expect("symlink");
    let report = load(&dir);
    assert_eq!(ids(&report), ["linked"]);
    assert!(report.warnings.is_empty() && report.errors.is_empty());
}

/// A named pipe called `p.txt` used to hang the build (opening it waits for a writer).
#[cfg(unix)]
#[test]
fn a_named_pipe_is_not_a_regular_file() {
    let dir = TempDir::with("fifo", &[("a.txt", GOOD)]);
    let made = Command::new("mkfifo")
        .arg(dir.path().join("p.txt"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let report = load(&dir);
    assert_eq!(ids(&report), ["a"]);
    let error = error_for(&report, "p.txt");
    assert_eq!(error.line, 1);
    assert!(
        error
            .message
            .starts_with("not a regular file (a named pipe)"),
        "{error}"
    );
}

/// A `*.txt` link to `/dev/zero` used to be read until memory ran out; `/dev/null` and other
/// devices are refused the same way.
#[cfg(unix)]
#[test]
fn links_to_devices_are_not_read() {
    let dir = TempDir::with("devices", &[("a.txt", GOOD)]);
    for (name, device) in [("zero.txt", "/dev/zero"), ("null.txt", "/dev/null")] {
        if Path::new(device).exists() {
            std::os::unix::fs::symlink(device, dir.path().join(name)).expect("symlink");
        }
    }
    let report = load(&dir);
    assert_eq!(ids(&report), ["a"]);
    for name in ["zero.txt", "null.txt"] {
        if dir.path().join(name).exists() {
            let error = error_for(&report, name);
            assert_eq!(error.line, 1);
            assert!(
                error
                    .message
                    .starts_with("not a regular file (a character device)"),
                "{error}"
            );
        }
    }
}

/// A file past the 8 MiB limit is refused from its size, never read (this one is 100 MB but
/// sparse, so it takes no disk). It used to be read whole and embedded in the wasm.
#[test]
fn a_file_past_the_size_limit_is_an_error_without_being_read() {
    let dir = TempDir::with("huge", &[("a.txt", GOOD)]);
    let file = std::fs::File::create(dir.path().join("huge.txt")).expect("create");
    file.set_len(100_000_000).expect("sparse 100 MB");
    drop(file);
    let report = load(&dir);
    assert_eq!(ids(&report), ["a"]);
    let error = error_for(&report, "huge.txt");
    assert_eq!(error.line, 1);
    assert_eq!(error.message, "larger than the 8 MiB limit for one file");
    assert_eq!(Limits::default().file_bytes, 8 * 1024 * 1024);
}

/// The limit is exact: a file of exactly the limit is read, one byte more is not.
#[test]
fn the_size_limit_is_exact() {
    let at = b"Thailand and Cambodia.".to_vec();
    let mut past = at.clone();
    past.push(b' ');
    let dir = TempDir::with("limit", &[("at.txt", &at), ("past.txt", &past)]);
    let limits = Limits {
        file_bytes: at.len() as u64,
        ..Limits::default()
    };
    let report = load_seeds_with(dir.path(), limits);
    assert_eq!(ids(&report), ["at"]);
    let error = error_for(&report, "past.txt");
    assert_eq!(
        error.message,
        format!("larger than the {} bytes limit for one file", at.len())
    );
}

/// Past the total corpus size the build goes on, with one warning naming the seeds directory.
#[test]
fn a_corpus_past_the_total_size_is_a_warning() {
    let dir = TempDir::with("total", &[("a.txt", GOOD), ("b.txt", GOOD)]);
    let total = 2 * GOOD.len() as u64;
    let at = Limits {
        corpus_bytes: total,
        ..Limits::default()
    };
    assert!(load_seeds_with(dir.path(), at).warnings.is_empty());
    let below = Limits {
        corpus_bytes: total - 1,
        ..Limits::default()
    };
    let report = load_seeds_with(dir.path(), below);
    assert_eq!(report.articles.len(), 2, "the articles are kept");
    assert!(report.errors.is_empty());
    assert_eq!(report.warnings.len(), 1);
    let warning = &report.warnings[0];
    assert_eq!(warning.file, dir.path().display().to_string());
    assert!(
        warning.message.starts_with(&format!(
            "the seed files total {total} bytes, past the {} bytes",
            total - 1
        )),
        "{warning}"
    );
    assert_eq!(Limits::default().corpus_bytes, 512 * 1024 * 1024);
}

// --- Ids --------------------------------------------------------------------------------------

/// A line break or ESC in a file name used to go into the id and break `file:line:` output; now
/// the file is an error asking to rename it, shown escaped on one line.
#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_errors_shown_escaped() {
    let dir = TempDir::with(
        "control-names",
        &[
            ("a\nb.txt", GOOD),
            ("red\u{1b}[31m.txt", GOOD),
            ("desk\n/c.txt", GOOD),
            ("ok.txt", GOOD),
        ],
    );
    let report = load(&dir);
    assert_eq!(ids(&report), ["ok"]);
    assert_eq!(report.errors.len(), 3, "{:?}", report.errors);
    for error in &report.errors {
        let line = error.to_string();
        assert!(!line.contains(['\n', '\u{1b}']), "{line:?}");
        assert!(
            line.contains("control character") && line.contains("rename the file"),
            "{line}"
        );
        assert_eq!(error.line, 1);
    }
    assert!(report
        .errors
        .iter()
        .any(|e| e.file.ends_with("a\\u{a}b.txt")));
    assert!(report
        .errors
        .iter()
        .any(|e| e.file.ends_with("red\\u{1b}[31m.txt")));
}

/// Two names that are not UTF-8 used to become one lossy id (`caf\u{FFFD}`) reported as a
/// duplicate of itself; now each is its own error, shown with its bytes.
#[cfg(unix)]
#[test]
fn undecodable_file_names_are_two_errors_not_one_duplicate() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::with("latin1-names", &[("ok.txt", GOOD)]);
    for name in [&b"caf\xe9.txt"[..], &b"caf\xe8.txt"[..]] {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        if std::fs::write(path, GOOD).is_err() {
            eprintln!("skipped: this file system refuses names that are not UTF-8");
            return;
        }
    }
    let report = load(&dir);
    assert_eq!(ids(&report), ["ok"]);
    let files: Vec<&str> = report.errors.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files.len(), 2, "{:?}", report.errors);
    assert!(files[0].ends_with("caf\\xE8.txt") && files[1].ends_with("caf\\xE9.txt"));
    for error in &report.errors {
        assert!(!error.message.contains("duplicate"), "{error}");
        assert!(error.message.contains("not valid UTF-8"), "{error}");
    }
}

/// `Article.txt` and `article.txt` used to be two articles without a word: both are kept, with a
/// warning on the second naming the first.
#[test]
fn ids_differing_only_in_case_are_a_warning() {
    let dir = TempDir::with("case", &[("Article.txt", GOOD), ("article.txt", GOOD)]);
    if dir.entries() < 2 {
        eprintln!("skipped: this file system does not tell names apart by case");
        return;
    }
    let report = load(&dir);
    assert_eq!(ids(&report), ["Article", "article"]);
    assert!(report.errors.is_empty());
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let warning = &report.warnings[0];
    assert!(warning.file.ends_with("/article.txt"), "{warning}");
    assert!(
        warning.message.contains("`article` differs from `Article`")
            && warning.message.contains("Article.txt")
            && warning.message.contains("letter case"),
        "{warning}"
    );
}

/// Ids are NFC: `café.txt` saved in NFD (as macOS does) has the NFC id; NFC and NFD spellings of
/// one name in one directory used to be two articles whose ids look the same. The ids must be
/// unique and NFC, so the second is a duplicate id, named as a normalisation clash.
#[test]
fn nfc_and_nfd_names_are_one_id() {
    let nfc = "caf\u{e9}";
    let nfd = "cafe\u{301}";
    let dir = TempDir::with("nfd-only", &[(&format!("{nfd}.txt"), GOOD)]);
    let report = load(&dir);
    assert_eq!(ids(&report), [nfc]);
    assert_eq!(
        report.articles[0].file,
        format!("{nfd}.txt"),
        "the path as on disk"
    );

    let dir = TempDir::with(
        "nfc-nfd",
        &[(&format!("{nfc}.txt"), GOOD), (&format!("{nfd}.txt"), GOOD)],
    );
    if dir.entries() < 2 {
        eprintln!("skipped: this file system normalises names");
        return;
    }
    let report = load(&dir);
    assert_eq!(ids(&report), [nfc]);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let error = &report.errors[0];
    assert!(
        error
            .message
            .contains(&format!("duplicate article id `{nfc}`"))
            && error.message.contains("Unicode-normalised (NFC)"),
        "{error}"
    );
}

// --- Text --------------------------------------------------------------------------------------

/// UTF-16 used to be "not valid UTF-8" (with a BOM) or even accepted with NULs in the text
/// (without one); now it is named.
#[test]
fn utf16_files_are_named_as_such() {
    let text = "date 2025-01-01 Title\nPolice in Thailand raided a compound.";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom = |bom: &[u8], body: &[u8]| [bom, body].concat();
    let dir = TempDir::with(
        "utf16",
        &[
            ("le-bom.txt", &with_bom(&[0xFF, 0xFE], &le)),
            ("be-bom.txt", &with_bom(&[0xFE, 0xFF], &be)),
            ("le.txt", &le),
            ("be.txt", &be),
        ],
    );
    let report = load(&dir);
    assert!(report.articles.is_empty(), "{:?}", ids(&report));
    for (name, encoding) in [
        ("le-bom.txt", "UTF-16 (little-endian)"),
        ("be-bom.txt", "UTF-16 (big-endian)"),
        ("le.txt", "UTF-16 (little-endian, no byte-order mark)"),
        ("be.txt", "UTF-16 (big-endian, no byte-order mark)"),
    ] {
        let error = error_for(&report, &format!("/{name}"));
        assert_eq!(error.line, 1);
        assert_eq!(
            error.message,
            format!("the file is {encoding}, not UTF-8; save it as UTF-8")
        );
    }
}

/// Header only, header and title, a source line, captions, punctuation: one rule, one error on
/// the first non-blank line. A source line alone used to say "has a date header but no text",
/// and a header with a title (or captions alone) used to be an article with no paragraph.
#[test]
fn every_file_without_text_gets_the_same_error() {
    let cases: &[(&str, &[u8], usize)] = &[
        ("header.txt", b"date 2025-01-01", 1),
        ("header-title.txt", b"\ndate 2025-01-01 A title only\n", 2),
        ("source.txt", b"Source: Reuters", 1),
        (
            "header-source.txt",
            b"date 2025-01-01 Title\n\nSource: Reuters",
            1,
        ),
        ("captions.txt", b"Photo: Reuters\nImage: AFP", 1),
        ("dots.txt", b"date 2025-01-01 Title\n...\n\xe2\x80\x94", 1),
    ];
    let files: Vec<(&str, &[u8])> = cases.iter().map(|&(n, b, _)| (n, b)).collect();
    let dir = TempDir::with("no-text", &files);
    let report = load(&dir);
    assert!(report.articles.is_empty(), "{:?}", ids(&report));
    assert_eq!(report.errors.len(), cases.len());
    for &(name, _, line) in cases {
        let error = error_for(&report, &format!("/{name}"));
        assert_eq!(error.line, line, "{error}");
        assert!(
            error.message.starts_with(
                "no text: an article needs at least one paragraph with a letter or digit"
            ),
            "{error}"
        );
    }
}

/// A first line `.` used to derive an empty title, and a line of zero-width characters an
/// invisible one; a header title `.` was kept as is. Now the title comes from the first sentence
/// with a letter or digit, marked as derived.
#[test]
fn titles_are_never_empty_or_invisible() {
    let dir = TempDir::with(
        "titles",
        &[
            ("dot.txt", b".\nPolice in Thailand raided a compound."),
            (
                "zero-width.txt",
                "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\nPolice in Thailand raided a compound."
                    .as_bytes(),
            ),
            (
                "header-dot.txt",
                b"date 2025-01-01 .\nPolice in Thailand raided a compound.",
            ),
            (
                "header-invisible.txt",
                "date 2025-01-01 \u{200B}\u{AD}\nPolice in Thailand raided a compound.".as_bytes(),
            ),
            (
                "dots-then-text.txt",
                b"... . Police in Thailand raided a compound. More.",
            ),
        ],
    );
    let report = load(&dir);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.articles.len(), 5);
    for article in &report.articles {
        assert_eq!(
            article.title, "Police in Thailand raided a compound",
            "{}",
            article.id
        );
        assert!(article.title_derived, "{}", article.id);
        assert!(article.warnings.contains(&Warning::TitleDerived));
    }
    let zero_width = report
        .articles
        .iter()
        .find(|a| a.id == "zero-width")
        .expect("zero-width");
    assert_eq!(
        zero_width.paragraphs,
        ["Police in Thailand raided a compound."],
        "a line of only invisible characters is blank"
    );
}

/// Zero-width characters and the soft hyphen are text: kept in the paragraphs and the title.
#[test]
fn zero_width_characters_inside_text_are_kept() {
    let title = "Thai\u{200B}land and Cam\u{AD}bodia";
    let body = "Police in Thai\u{200B}land, Cam\u{200C}bodia and Lao\u{200D}s \u{2060}met.\u{FEFF}";
    let dir = TempDir::with(
        "zero-width-text",
        &[(
            "zw.txt",
            format!("date 2025-01-01 {title}\n{body}").as_bytes(),
        )],
    );
    let report = load(&dir);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let article = &report.articles[0];
    assert_eq!(article.title, title);
    assert_eq!(article.paragraphs, [body]);
}

/// NUL, ESC and other control characters used to be stored and printed raw; now the file is an
/// error naming the line and column (in characters) of the first one.
#[test]
fn control_characters_in_text_are_errors_with_their_position() {
    let dir = TempDir::with(
        "control-text",
        &[
            (
                "esc.txt",
                "date 2025-01-01 T\nok line\nTha\u{ef}\u{1b}[31mland".as_bytes(),
            ),
            (
                "esc-title.txt",
                b"date 2025-01-01 \x1b[31mRed title\nBody text.",
            ),
            ("nul.txt", b"Body\x00text."),
            ("crlf-ff.txt", b"One.\r\nTwo.\r\n\x0cThree."),
            ("c1.txt", "Body\u{85}text.".as_bytes()),
            ("tab.txt", b"Tabs\tare\tfine in Thailand."),
        ],
    );
    let report = load(&dir);
    assert_eq!(ids(&report), ["tab"]);
    for (name, line, position) in [
        ("esc.txt", 3, "column 5: control character U+001B (ESC)"),
        (
            "esc-title.txt",
            1,
            "column 17: control character U+001B (ESC)",
        ),
        ("nul.txt", 1, "column 5: control character U+0000 (NUL)"),
        (
            "crlf-ff.txt",
            3,
            "column 1: control character U+000C (form feed)",
        ),
        ("c1.txt", 1, "column 5: control character U+0085"),
    ] {
        let error = error_for(&report, &format!("/{name}"));
        assert_eq!(error.line, line, "{error}");
        assert!(error.message.starts_with(position), "{error}");
        assert!(!error.to_string().contains(['\0', '\u{1b}']), "{error}");
    }
}

// --- Messages ----------------------------------------------------------------------------------

/// `corpus check` prints names with an ESC colour code or a line break escaped, never raw; every
/// error line is `file:line: reason`.
#[cfg(unix)]
#[test]
fn check_table_output_is_escaped() {
    let dir = TempDir::with(
        "cli-escape",
        &[
            ("red\u{1b}[31m.txt", GOOD),
            ("two\nlines.md", b"not a seed"),
            ("bell\u{7}.txt", b""),
            ("ok.txt", GOOD),
        ],
    );
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs corpus");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(!stdout.contains(['\u{1b}', '\u{7}']), "{stdout:?}");
    assert!(
        stdout.contains("red\\u{1b}[31m.txt:1: the file name holds the control character \\u{1b}")
    );
    assert!(stdout.contains("ignored (not .txt): two\\u{a}lines.md"));
    let lines: Vec<&str> = stdout.lines().collect();
    let errors: Vec<&&str> = lines.iter().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 2, "{stdout}");
    assert_eq!(
        lines.last().copied(),
        Some("1 articles, 1 ignored, 0 warnings, 2 errors")
    );

    let json = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["check", "--json"])
        .arg(dir.path())
        .output()
        .expect("runs corpus");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON object");
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(2));
}

/// Every error and warning of a directory full of hostile files is one line naming the file, a
/// line number from 1, and a reason.
#[cfg(unix)]
#[test]
fn every_problem_names_file_line_and_reason() {
    let dir = TempDir::with(
        "everything",
        &[
            ("empty.txt", b""),
            ("source.txt", b"Source: Reuters"),
            ("utf16.txt", &[0xFF, 0xFE, b'h', 0, b'i', 0]),
            ("nul.txt", b"a\x00b"),
            ("bad-date.txt", b"date 2025-02-30 T\nBody."),
            ("new\nline.txt", GOOD),
            ("Case.txt", GOOD),
            ("case.txt", GOOD),
        ],
    );
    std::os::unix::fs::symlink(".", dir.path().join("loop")).expect("symlink");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("symlink");
    let report = load(&dir);
    assert!(report.errors.len() >= 7, "{:?}", report.errors);
    let root = dir.path().display().to_string();
    let lines = report
        .errors
        .iter()
        .map(ToString::to_string)
        .chain(report.warnings.iter().map(ToString::to_string));
    for line in lines {
        assert!(line.starts_with(&root), "{line}");
        let rest = &line[root.len()..];
        let (_, after_file) = rest.split_once(':').expect("file:");
        let (number, reason) = after_file.split_once(": ").expect("line: reason");
        assert!(number.parse::<usize>().is_ok_and(|n| n >= 1), "{line}");
        assert!(!reason.trim().is_empty(), "{line}");
        assert!(!line.contains(|c: char| c.is_control()), "{line:?}");
    }
}

/// `corpus pack`, which every site build runs: rejected files make it fail, saying they are
/// invalid (not that they "cannot be read": it read them), each with its line, escaped, and no
/// file written; good seeds give a blob that decodes to them.
#[cfg(unix)]
#[test]
fn pack_fails_on_invalid_seeds_and_writes_a_blob_of_good_ones() {
    let bad = TempDir::with("pack-bad", &[("ok.txt", GOOD), ("bell\u{7}.txt", b"")]);
    let out = bad.path().join("corpus.bin.out");
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("pack")
        .arg(bad.path())
        .arg(&out)
        .output()
        .expect("runs corpus");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 output");
    assert!(stderr.contains("seed file(s) in"), "{stderr}");
    assert!(stderr.contains("are invalid:"), "{stderr}");
    assert!(stderr.contains("bell\\u{7}.txt:1:"), "{stderr}");
    assert!(
        !stderr.contains(['\u{7}']) && !stderr.contains("cannot be read"),
        "{stderr:?}"
    );
    assert!(!out.exists());

    let good = TempDir::with("pack-good", &[("ok.txt", GOOD)]);
    let out = good.path().join("corpus.bin.out");
    let page = good.path().join("first-page.html.out");
    let status = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("pack")
        .arg(good.path())
        .arg(&out)
        .arg("--first-page")
        .arg(&page)
        .status()
        .expect("runs corpus");
    assert!(status.success());
    let page = std::fs::read_to_string(&page).expect("first page written");
    assert!(page.starts_with("<div data-prerendered=\"\">") && page.contains("1 article<"));
    let blob =
        corpus::CorpusBlob::from_bytes(&std::fs::read(&out).expect("written")).expect("decodes");
    assert_eq!(blob.len(), 1);

    // Chunked: a core and one file of texts per chunk, which together hold every article.
    let core = good.path().join("core.bin.out");
    let status = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["pack", "--chunks", "1"])
        .arg(good.path())
        .arg(&core)
        .status()
        .expect("runs corpus");
    assert!(status.success());
    let chunked =
        corpus::CorpusBlob::from_bytes(&std::fs::read(&core).expect("written")).expect("decodes");
    // One text chunk (file 0), then the postings shards (OUT.i0, … as files 1, …).
    let shards = chunked.index().shard_count();
    assert!(shards >= 1);
    assert_eq!(chunked.chunk_count(), 1 + shards);
    assert!(chunked.article(0).is_none());
    let chunk = std::fs::read(good.path().join("core.bin.out.0")).expect("chunk written");
    chunked.add_chunk(0, chunk).expect("fits");
    assert_eq!(chunked.article(0), blob.article(0));
    for shard in 0..shards {
        let bytes = std::fs::read(good.path().join(format!("core.bin.out.i{shard}")))
            .expect("shard written");
        let file = u32::try_from(1 + shard).expect("few");
        assert_eq!(chunked.postings_shard_of(file), Some(file - 1));
        chunked.add_chunk(file, bytes).expect("fits");
    }
    let query = corpus::search::Query::parse("the");
    assert_eq!(chunked.search(&query), blob.search(&query));

    for args in [
        &["pack", "only-one-argument"][..],
        &["pack", "a", "b", "--chunks", "0"],
        &["pack", "a", "b", "--chunks"],
        &["pack", "a", "b", "--chunks", "8", "--shards", "0"],
        &["pack", "a", "b", "--unknown"],
    ] {
        let usage = Command::new(env!("CARGO_BIN_EXE_corpus"))
            .args(args)
            .output()
            .expect("runs corpus");
        assert_eq!(usage.status.code(), Some(2), "{args:?}");
    }
}
