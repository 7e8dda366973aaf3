//! Page chrome: the lines a web page wraps around an article (a share button, a byline, a site
//! name, a breadcrumb) that a scraper copies with it. A derived title skips them; the article keeps
//! them, since nothing a curator wrote is thrown away.
//!
//! The entries are reviewed data in `data/page_chrome.tsv`, whose header documents the format;
//! e-mail and web addresses and breadcrumbs are recognised by shape.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/page_chrome.tsv");

/// Chrome is short: a longer line is the article's own text whatever it starts with.
const MAX_CHROME_CHARS: usize = 80;

#[derive(Default)]
struct Table {
    lines: Vec<String>,
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

/// The table, read once. A malformed line is a bug in the committed data, caught by a test.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(DATA).unwrap_or_default())
}

fn parse_table(data: &str) -> Result<Table, String> {
    let mut table = Table::default();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (kind, text) = line
            .split_once('\t')
            .ok_or_else(|| format!("page_chrome.tsv:{}: expected KIND<TAB>TEXT", i + 1))?;
        let text = text.trim();
        if text.is_empty() || text.contains('\t') {
            return Err(format!("page_chrome.tsv:{}: expected one TEXT", i + 1));
        }
        match kind {
            "line" | "masthead" => table.lines.push(text.to_lowercase()),
            "prefix" => table.prefixes.push(text.to_owned()),
            "suffix" => table.suffixes.push(text.to_owned()),
            other => return Err(format!("page_chrome.tsv:{}: unknown kind {other:?}", i + 1)),
        }
    }
    Ok(table)
}

/// Whether a trimmed line is page chrome rather than the article's text.
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > MAX_CHROME_CHARS || has_inner_sentence_end(line) {
        return false;
    }
    let table = table();
    let lower = line.to_lowercase();
    table.lines.contains(&lower)
        || table.prefixes.iter().any(|p| starts_with_word(line, p))
        || table.suffixes.iter().any(|s| line.ends_with(s.as_str()))
        || is_address(line)
        || is_breadcrumb(line)
}

/// A sentence end before the line's last character: a line that holds a sentence and more is text.
fn has_inner_sentence_end(line: &str) -> bool {
    let body = line.trim_end_matches(['.', '!', '?', '。', '！', '？']);
    body.char_indices().any(|(i, c)| {
        matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?')
                && body[i + c.len_utf8()..].starts_with(char::is_whitespace))
    })
}

/// `prefix` starts the line and, when it ends in a Latin letter, is followed by a space, a colon or
/// nothing (`By` is not `Bypass`).
fn starts_with_word(line: &str, prefix: &str) -> bool {
    let Some(rest) = line.strip_prefix(prefix) else {
        return false;
    };
    let latin_end = prefix
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic());
    !latin_end || rest.is_empty() || rest.starts_with([' ', ':', '：'])
}

/// A line that is only an e-mail address or a web address.
fn is_address(line: &str) -> bool {
    if line.contains(char::is_whitespace) {
        return false;
    }
    let email = line.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    });
    email || line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www.")
}

/// Two to five short parts joined by one separator: `អាមេរិក / ខ្មែរនៅអាមេរិក`, `Home > World`.
fn is_breadcrumb(line: &str) -> bool {
    [" / ", " > ", " » ", " | "].iter().any(|separator| {
        let parts: Vec<&str> = line.split(separator).map(str::trim).collect();
        (2..=5).contains(&parts.len())
            && parts
                .iter()
                .all(|part| !part.is_empty() && part.chars().count() <= 30)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed() {
        let table = parse_table(DATA).expect("page_chrome.tsv parses");
        assert!(table.lines.len() > 10 && !table.prefixes.is_empty());
        assert!(parse_table("line").is_err());
        assert!(parse_table("lines\tShare").is_err());
    }

    #[test]
    fn buttons_labels_and_mastheads_are_chrome() {
        for line in [
            "SHARE",
            "Share",
            "คัดลอกแล้ว",
            "รีเซต",
            "快訊",
            "我是廣告 請繼續往下閱讀",
        ] {
            assert!(is_chrome(line), "{line}");
        }
        assert!(is_chrome("Transparency Myanmar"));
        assert!(is_chrome("សារព័ត៌មានមហាខ្មែរ"));
    }

    #[test]
    fn bylines_are_chrome_and_sentences_that_start_alike_are_not() {
        assert!(is_chrome("By : Zhang Taehun"));
        assert!(is_chrome("By Feng Yingqiu"));
        assert!(is_chrome("文/中央社"));
        assert!(is_chrome("聯合報／ 記者陳湘瑾／即時報導"));
        assert!(!is_chrome("Bypass roads near the border were closed."));
        assert!(!is_chrome(
            "By the end of 2025, police had arrested forty people in raids along the Mekong border."
        ));
        assert!(!is_chrome("By noon. Police then raided the compound"));
    }

    #[test]
    fn addresses_and_breadcrumbs_are_chrome() {
        assert!(is_chrome("transparency.myanmar@gmail.com"));
        assert!(is_chrome("https://example.org/news/1"));
        assert!(is_chrome("អាមេរិក / ខ្មែរនៅអាមេរិក"));
        assert!(is_chrome("Home > World > Asia"));
        assert!(!is_chrome(
            "Thailand / Cambodia border talks resume after a month of clashes and closures"
        ));
        assert!(!is_chrome("Police arrest 46 Cambodians in Chanthaburi"));
    }
}
