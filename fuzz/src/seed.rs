//! The `seed` target: one seed file's bytes as `build.rs` reads them.

use corpus::CorpusBlob;
use ingest::detect::{countries, lang};
use ingest::parse::parse_seed;
use ingest::seeds::analyse;

/// Parses `data` as a seed file ([`parse_seed`]) and, when it is accepted, detects its language
/// and countries ([`analyse`], as the build does). Checks, besides the absence of a panic:
///
/// - the parsed parts are what the blob can store: paragraphs and captions non-empty, without a
///   line break, trimmed;
/// - detection gives a language code (`und` or lower-case letters) and country codes of two
///   upper-case letters, each mentioned at least once;
/// - the article goes through the blob and back unchanged (what `build.rs` checks of every
///   article).
///
/// A rejected file's text (decoded lossily) still goes through detection, so that invalid
/// bytes reach it too.
pub fn seed(data: &[u8]) {
    let parsed = match parse_seed(data) {
        Ok(parsed) => parsed,
        Err(error) => {
            // The message is what `corpus check` prints: it must format.
            let _ = (error.to_string(), error.reason(), error.line());
            let text = String::from_utf8_lossy(data);
            let _ = lang::detect_language(&text);
            let _ = countries::detect_countries(&text);
            return;
        }
    };
    for (what, lines) in [
        ("paragraph", &parsed.paragraphs),
        ("caption", &parsed.captions),
    ] {
        for line in lines {
            assert!(
                !line.is_empty() && !line.contains('\n') && line.trim() == line,
                "{what} {line:?} is empty, holds a line break or is not trimmed"
            );
        }
    }
    let article = analyse("fuzz".to_owned(), "fuzz.txt".to_owned(), parsed);
    assert!(
        article.lang == "und"
            || matches!(article.lang.as_str(), "zh-Hans" | "zh-Hant")
            || (!article.lang.is_empty() && article.lang.bytes().all(|b| b.is_ascii_lowercase())),
        "language code {:?}",
        article.lang
    );
    for mention in &article.countries {
        assert!(
            mention.code.len() == 2 && mention.code.bytes().all(|b| b.is_ascii_uppercase()),
            "country code {:?}",
            mention.code
        );
        assert!(mention.mentions > 0, "{mention:?} counts no mention");
    }
    let bytes = CorpusBlob::new(std::slice::from_ref(&article), Vec::new())
        .and_then(|blob| blob.to_bytes())
        .unwrap_or_else(|e| panic!("a parsed article does not encode: {e}"));
    let back = CorpusBlob::from_bytes(&bytes)
        .unwrap_or_else(|e| panic!("a parsed article's blob does not decode: {e}"));
    assert_eq!(
        back.article(0),
        Some(&article),
        "the article does not survive the blob"
    );
}
