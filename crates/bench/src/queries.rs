//! The bench's fixed query set, drawn deterministically from the generator's vocabularies and
//! from the articles' own text: common, mid-frequency and rare single terms per language, two-
//! and three-term AND, quoted phrases, Vietnamese typed without diacritics, Thai and Chinese
//! substrings (including two Chinese characters across a word boundary), prefixes as typed, and
//! a share of them again with country and date filters.

use crate::generate;
use corpus::search::fold::fold;
use corpus::Article;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// One bench query: the search text and the other view parameters, as the app's URL has them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BenchQuery {
    /// What the reader types in the search box (`q`).
    pub q: String,
    /// Which family the query belongs to (`common`, `mid`, `rare`, `and2`, `and3`, `phrase`,
    /// `vi-plain`, `thai`, `zh`, `zh-cross`, `typed`), for per-family figures.
    pub kind: &'static str,
    /// Country codes selected (`country=`), empty for none.
    pub countries: Vec<String>,
    /// `match=all` when true, else any.
    pub all_countries: bool,
    /// Year range (`from=`/`to=`), inclusive.
    pub from_year: Option<u16>,
    pub to_year: Option<u16>,
}

impl BenchQuery {
    fn text(q: impl Into<String>, kind: &'static str) -> BenchQuery {
        BenchQuery {
            q: q.into(),
            kind,
            countries: Vec::new(),
            all_countries: false,
            from_year: None,
            to_year: None,
        }
    }

    /// The view's URL query string without `q` (the bench appends it), e.g.
    /// `country=KH,TH&match=all&from=2015&to=2020`.
    pub fn filter_params(&self) -> String {
        let mut parts = Vec::new();
        if !self.countries.is_empty() {
            parts.push(format!("country={}", self.countries.join(",")));
            if self.all_countries {
                parts.push("match=all".to_owned());
            }
        }
        if let Some(from) = self.from_year {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = self.to_year {
            parts.push(format!("to={to}"));
        }
        parts.join("&")
    }
}

fn is_unspaced(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

fn script_of(para: &str, range: std::ops::RangeInclusive<u32>) -> bool {
    para.chars().any(|c| range.contains(&(c as u32)))
}

/// The query set for `articles` (at least 200 queries when the corpus has each language).
pub fn query_set(articles: &[Article]) -> Vec<BenchQuery> {
    let mut out: Vec<BenchQuery> = Vec::new();
    for lang in ["en", "vi", "id", "ms", "th", "zh"] {
        let w = generate::words(lang);
        let n = w.len();
        if n < 60 {
            continue;
        }
        for r in [0, 1, 3] {
            out.push(BenchQuery::text(w[r], "common"));
        }
        for r in [40, 55, n / 3] {
            out.push(BenchQuery::text(w[r], "mid"));
        }
        for r in [n - 1, n - 3, n - 7] {
            out.push(BenchQuery::text(w[r], "rare"));
        }
        for (a, b) in [(2, 30), (5, 48), (10, n / 2), (0, n - 2)] {
            out.push(BenchQuery::text(format!("{} {}", w[a], w[b]), "and2"));
        }
        for (a, b, c) in [(3, 20, n / 2), (1, 9, 33), (4, 25, n - 4)] {
            out.push(BenchQuery::text(
                format!("{} {} {}", w[a], w[b], w[c]),
                "and3",
            ));
        }
    }
    let vi = generate::words("vi");
    for r in [7, 13, 25, 50, 90, 120] {
        if let Some(word) = vi.get(r) {
            out.push(BenchQuery::text(fold(word), "vi-plain"));
        }
    }
    for q in [
        "campuchia thai lan",
        "thai lan",
        "nguyen van",
        "bien gioi",
        "lua dao truc tuyen",
    ] {
        out.push(BenchQuery::text(q, "vi-plain"));
    }
    from_text(articles, &mut out);
    for q in [
        "camb", "traff", "thai la", "bien gi", "perbatas", "polic", "indones", "scam cen",
    ] {
        out.push(BenchQuery::text(q, "typed"));
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|q| seen.insert(q.q.clone()));
    // Every third query again with filters: a country, two countries (any / all), a year range,
    // and a country with a year range.
    let filtered: Vec<BenchQuery> = out
        .iter()
        .step_by(3)
        .enumerate()
        .map(|(i, q)| {
            let mut f = q.clone();
            match i % 5 {
                0 => f.countries = vec!["TH".into()],
                1 => f.countries = vec!["KH".into(), "VN".into()],
                2 => {
                    f.countries = vec!["CN".into(), "MM".into()];
                    f.all_countries = true;
                }
                3 => (f.from_year, f.to_year) = (Some(2015), Some(2020)),
                _ => {
                    f.countries = vec!["VN".into()];
                    (f.from_year, f.to_year) = (Some(2018), None);
                }
            }
            f
        })
        .collect();
    out.extend(filtered);
    out
}

/// Phrases, Thai substrings and Chinese substrings taken from the articles' paragraphs.
fn from_text(articles: &[Article], out: &mut Vec<BenchQuery>) {
    let (mut phrases, mut thai, mut han, mut han_cross) = (0, 0, 0, 0);
    let zh: Vec<&str> = generate::words("zh")
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 2)
        .collect();
    for (i, a) in articles.iter().enumerate() {
        if phrases >= 16 && thai >= 16 && han >= 8 && han_cross >= 8 {
            break;
        }
        let Some(para) = a.paragraphs.get(a.paragraphs.len() / 2) else {
            continue;
        };
        let is_thai = script_of(para, 0x0E00..=0x0E7F);
        let is_han = script_of(para, 0x4E00..=0x9FFF);
        if !is_thai && !is_han && phrases < 16 {
            let words: Vec<&str> = para
                .split_whitespace()
                .filter(|w| w.chars().all(char::is_alphanumeric))
                .collect();
            let len = 2 + i % 2;
            if words.len() >= 5 + len {
                let at = i % 5;
                out.push(BenchQuery::text(
                    format!("\"{}\"", words[at..at + len].join(" ")),
                    "phrase",
                ));
                phrases += 1;
            }
        }
        if (is_thai && thai < 16) || (is_han && han < 8) {
            // A cluster-aligned substring of 2–6 clusters inside one unspaced run.
            let g: Vec<&str> = para.graphemes(true).collect();
            let start = (i * 7) % g.len().max(1);
            let piece: String = g[start..]
                .iter()
                .take_while(|c| c.chars().next().is_some_and(is_unspaced))
                .take(2 + i % 5)
                .copied()
                .collect();
            if piece.chars().count() >= 2 {
                out.push(BenchQuery::text(piece, if is_thai { "thai" } else { "zh" }));
                if is_thai {
                    thai += 1;
                } else {
                    han += 1;
                }
            }
        }
        if is_han && han_cross < 8 {
            // Two characters across a word boundary: the last of word A, the first of word B.
            'pairs: for x in zh.iter().skip(i % 11).take(30) {
                for y in zh.iter().take(40) {
                    if para.contains(&format!("{x}{y}")) {
                        let (Some(last), Some(first)) = (x.chars().next_back(), y.chars().next())
                        else {
                            continue;
                        };
                        out.push(BenchQuery::text(format!("{last}{first}"), "zh-cross"));
                        han_cross += 1;
                        break 'pairs;
                    }
                }
            }
        }
    }
}
