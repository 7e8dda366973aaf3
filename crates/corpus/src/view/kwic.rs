//! Keyword in context (`view=kwic`): every occurrence of the query's words in a view's results,
//! one line each, with the text on either side of it, so a reader sees at a glance what exactly
//! the articles say. The matches are the cards' highlights ([`crate::search::highlight`]) in the
//! title and every paragraph; the context is cut at grapheme-cluster boundaries (Thai, Khmer and
//! Chinese have no spaces to cut at), and at a space when one is near.
//!
//! Work is bounded whatever the view: at most [`MAX_ARTICLES`] results are read (in display
//! order) and [`MAX_LINES`] lines kept; [`Kwic::cut_short`] says when either cap was reached.

use unicode_segmentation::UnicodeSegmentation;

use crate::search::fold::fold;
use crate::search::{highlight, Query};
use crate::store::CorpusBlob;
use crate::view::answer::Answer;

/// Characters of context on each side of a match.
pub const CONTEXT_CHARS: usize = 60;

/// The most results whose text is read.
pub const MAX_ARTICLES: usize = 1_000;

/// The most lines kept.
pub const MAX_LINES: usize = 5_000;

/// Lines a page of the view shows.
pub const LINES_PER_PAGE: usize = 100;

/// One occurrence of a query word, in its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KwicLine {
    /// The article (its index in the corpus).
    pub article: u32,
    /// Where the match is: `None` for the title, else the paragraph's index.
    pub paragraph: Option<usize>,
    /// Which match of its paragraph (or title) it is, from 0: the card marks it in that order.
    pub nth: usize,
    /// The text before the match, cut to about [`CONTEXT_CHARS`] (with `…` when cut).
    pub left: String,
    /// The match as written.
    pub hit: String,
    /// The text after it, cut the same way.
    pub right: String,
}

/// How the lines are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KwicSort {
    /// As the results are (the view's order), then in reading order.
    #[default]
    Results,
    /// By the words just before the match, the nearest word first (the concordance order).
    Left,
    /// By the words just after the match.
    Right,
    /// Newest article first (undated last), then in reading order.
    Date,
}

impl KwicSort {
    /// Every value, in display order.
    pub const ALL: [KwicSort; 4] = [
        KwicSort::Results,
        KwicSort::Date,
        KwicSort::Left,
        KwicSort::Right,
    ];

    /// The URL spelling (`ksort=`): `results`, `left` or `right`.
    pub fn as_str(self) -> &'static str {
        match self {
            KwicSort::Results => "results",
            KwicSort::Left => "left",
            KwicSort::Right => "right",
            KwicSort::Date => "date",
        }
    }

    /// Parses the URL spelling, ASCII case-insensitively.
    pub fn parse(text: &str) -> Option<KwicSort> {
        KwicSort::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
    }
}

/// The lines of a view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kwic {
    pub lines: Vec<KwicLine>,
    /// A cap stopped the reading: more results or lines than [`MAX_ARTICLES`] or [`MAX_LINES`].
    pub cut_short: bool,
    /// Results whose text is not here yet (a sharded corpus): their lines are missing.
    pub texts_missing: usize,
}

/// The lines of `answer`'s results for its query, in `sort` order.
pub fn kwic(corpus: &CorpusBlob, answer: &Answer, sort: KwicSort) -> Kwic {
    let query: &Query = &answer.query;
    let mut out = Kwic::default();
    if query.is_empty() {
        return out;
    }
    let results = answer.results.all();
    out.cut_short = results.len() > MAX_ARTICLES;
    'articles: for &index in results.iter().take(MAX_ARTICLES) {
        let Some(article) = corpus.article(index) else {
            out.texts_missing += 1;
            continue;
        };
        let fields = std::iter::once((None, &article.title)).chain(
            article
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| (Some(i), p)),
        );
        for (paragraph, text) in fields {
            for (nth, range) in highlight(text, query).into_iter().enumerate() {
                if out.lines.len() == MAX_LINES {
                    out.cut_short = true;
                    break 'articles;
                }
                out.lines.push(KwicLine {
                    article: index,
                    paragraph,
                    nth,
                    left: left_context(text.get(..range.start).unwrap_or_default()),
                    hit: text.get(range.clone()).unwrap_or_default().to_owned(),
                    right: right_context(text.get(range.end..).unwrap_or_default()),
                });
            }
        }
    }
    match sort {
        KwicSort::Results => {}
        KwicSort::Left => out.lines.sort_by_cached_key(|l| {
            let folded = fold(l.left.trim_start_matches('…'));
            let nearest_first: Vec<&str> = folded.split_whitespace().rev().collect();
            (nearest_first.join(" "), fold(&l.hit))
        }),
        KwicSort::Right => out
            .lines
            .sort_by_cached_key(|l| (fold(&l.hit), fold(&l.right))),
        KwicSort::Date => {
            let catalog = corpus.catalog();
            // Stable: lines of one article keep their reading order.
            out.lines
                .sort_by(|a, b| catalog.cmp_newest_first(a.article as usize, b.article as usize));
        }
    }
    out
}

/// About [`CONTEXT_CHARS`] characters at the end of `before`, starting on a cluster boundary
/// (after a space when one is within the last third), with `…` when cut.
fn left_context(before: &str) -> String {
    let clusters: Vec<(usize, &str)> = before.grapheme_indices(true).collect();
    let mut chars = 0;
    let mut start = before.len();
    for &(at, cluster) in clusters.iter().rev() {
        let n = cluster.chars().count();
        if chars + n > CONTEXT_CHARS {
            break;
        }
        chars += n;
        start = at;
    }
    if start == 0 {
        return before.to_owned();
    }
    let kept = before.get(start..).unwrap_or_default();
    // Start at a word where there is a space near the cut.
    let kept = match kept.find(' ') {
        Some(space) if kept[..space].chars().count() < CONTEXT_CHARS / 3 => &kept[space + 1..],
        _ => kept,
    };
    format!("…{kept}")
}

/// About [`CONTEXT_CHARS`] characters at the start of `after`, ending on a cluster boundary
/// (before a space when one is within the last third), with `…` when cut.
fn right_context(after: &str) -> String {
    let mut chars = 0;
    let mut end = 0;
    for (at, cluster) in after.grapheme_indices(true) {
        let n = cluster.chars().count();
        if chars + n > CONTEXT_CHARS {
            break;
        }
        chars += n;
        end = at + cluster.len();
    }
    if end == after.len() {
        return after.to_owned();
    }
    let kept = after.get(..end).unwrap_or_default();
    let kept = match kept.rfind(' ') {
        Some(space) if kept[space..].chars().count() < CONTEXT_CHARS / 3 => &kept[..space],
        _ => kept,
    };
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::view::answer;
    use crate::view::state::ViewState;

    fn blob() -> CorpusBlob {
        let mut en = Article::for_test("en", Some("2025-10-02"), "en", &["KH"]);
        en.title = "Scam centre raided".into();
        en.paragraphs = vec![
            "Police said the scam centre in Sihanoukville held 300 workers, many lured by fake job ads promising high pay across the border.".into(),
            "Another scam followed.".into(),
        ];
        let mut th = Article::for_test("th", Some("2025-10-01"), "th", &["TH"]);
        th.paragraphs = vec!["ตำรวจไทยบุกค้นแก๊งคอลเซ็นเตอร์ที่หลอกลวงประชาชนจำนวนมากในจังหวัดตากและจับกุมผู้ต้องหาหลายคนที่เกี่ยวข้องกับขบวนการหลอกลวงข้ามชาติ".into()];
        CorpusBlob::new(&[en, th], vec![]).expect("packs")
    }

    fn lines(view: &str, sort: KwicSort) -> Vec<KwicLine> {
        let blob = blob();
        let state = ViewState::parse(view).0;
        kwic(&blob, &answer(&blob, &state), sort).lines
    }

    #[test]
    fn every_match_is_a_line_with_its_context() {
        let found = lines("q=scam", KwicSort::Results);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].paragraph, found[0].hit.as_str()), (None, "Scam"));
        assert_eq!(found[1].left, "Police said the ");
        assert!(found[1].right.starts_with(" centre in Sihanoukville"));
        assert!(found[1].right.ends_with('…'), "{}", found[1].right);
        assert!(found[1].right.chars().count() <= CONTEXT_CHARS + 1);
        assert_eq!((found[2].paragraph, found[2].nth), (Some(1), 0));
    }

    #[test]
    fn thai_context_is_cut_on_cluster_boundaries() {
        let found = lines("q=หลอกลวง", KwicSort::Results);
        assert_eq!(found.len(), 2);
        for line in &found {
            assert_eq!(line.hit, "หลอกลวง");
            // No context starts or ends inside a cluster: no orphan combining mark.
            let text = format!(
                "{}{}{}",
                line.left.trim_start_matches('…'),
                line.hit,
                line.right.trim_end_matches('…')
            );
            assert!(blob().article(1).expect("th").paragraphs[0].contains(&text));
            assert!(line.left.chars().count() <= CONTEXT_CHARS + 1);
            let first = line.left.trim_start_matches('…').chars().next();
            assert!(
                first.is_none_or(|c| !('\u{0E31}'..='\u{0E4E}').contains(&c)),
                "{}",
                line.left
            );
        }
    }

    #[test]
    fn sorts_by_left_or_right_context() {
        let right = lines("q=scam", KwicSort::Right);
        let rights: Vec<&str> = right.iter().map(|l| l.right.as_str()).collect();
        assert!(rights[0].starts_with(" centre in"), "{rights:?}");
        assert!(rights[1].starts_with(" centre raided"), "{rights:?}");
        assert!(rights[2].starts_with(" followed"), "{rights:?}");
        let left = lines("q=scam", KwicSort::Left);
        // Nearest word first, read backwards: "" (title) < "Another " < "Police said the ".
        assert_eq!(left[0].paragraph, None);
        assert_eq!(left[1].left, "Another ");
        assert!(lines("", KwicSort::Results).is_empty());
        // By date: the English article (2 Oct) before the Thai one (1 Oct), whatever the
        // relevance order.
        let mut older = Article::for_test("older", Some("2024-01-01"), "en", &[]);
        older.paragraphs = vec!["An older scam.".into()];
        let mut newer = Article::for_test("newer", Some("2025-01-01"), "en", &[]);
        newer.paragraphs = vec!["A newer scam, another scam.".into()];
        let blob = CorpusBlob::new(&[newer, older], vec![]).expect("packs");
        let state = ViewState::parse("q=scam&sort=oldest").0;
        let by_date = kwic(&blob, &answer(&blob, &state), KwicSort::Date).lines;
        let dates: Vec<_> = by_date
            .iter()
            .map(|l| blob.catalog().date(l.article as usize))
            .collect();
        assert_eq!(dates.len(), 3);
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    }
}
