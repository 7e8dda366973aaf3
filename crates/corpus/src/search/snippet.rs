//! Marking matches in the original text: [`highlight`] gives the byte ranges a title's
//! `<mark>`s wrap, [`snippet`] picks the passage of an article that holds the most matches and
//! cuts it at grapheme-cluster boundaries.

use std::ops::Range;

use crate::search::fold::fold_with_offsets;
use crate::search::tokenize::is_cluster_boundary;

use crate::search::matcher::{FieldScan, Pattern};
use crate::search::query::Query;

/// Byte ranges of `text` (original, unfolded) matching any item of `query`: sorted, merged,
/// non-overlapping, on char boundaries (whole clusters where folding changed them). Ready to wrap
/// in `<mark>`.
pub fn highlight(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let folded = fold_with_offsets(text);
    let mut scan = FieldScan::new(&folded.text);
    let mut ranges = Vec::new();
    for item in query.items() {
        scan.each_match(&Pattern::new(item), &mut |r| {
            ranges.push(folded.original_range(r))
        });
    }
    merge(ranges)
}

/// Sorts and merges overlapping or touching ranges.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A passage of an article to show under its title in the result list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// Index of the paragraph the passage comes from.
    pub paragraph: usize,
    /// The passage, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of matches in `text`, sorted and non-overlapping.
    pub highlights: Vec<Range<usize>>,
}

/// The passage of at most `max_chars` characters (plus `…` marks) around the densest cluster of
/// matches, in whichever paragraph has it; the start of the first paragraph when the query is
/// empty or matches no paragraph. Cuts fall on spaces when there is one near, else on grapheme
/// cluster boundaries (Thai, Chinese).
pub fn snippet(paragraphs: &[String], query: &Query, max_chars: usize) -> Snippet {
    let max_chars = max_chars.max(1);
    // (paragraph, window start, matches in window)
    let mut best: Option<(usize, usize, usize)> = None;
    let mut best_ranges = Vec::new();
    if !query.is_empty() {
        for (p, text) in paragraphs.iter().enumerate() {
            let ranges = highlight(text, query);
            if ranges.is_empty() {
                continue;
            }
            // Ranges are sorted and disjoint, so their ends in chars come from one walk, and as
            // both window ends only move forward two cursors count the matches in each window.
            let chars = char_positions(text, &ranges);
            let total = text.chars().count();
            let (mut first_inside, mut first_after) = (0, 0);
            let mut improved = false;
            for &(r_start, _) in &chars {
                // Window starting a quarter of the budget before this match.
                let start = r_start.saturating_sub(max_chars / 4);
                let end = (start + max_chars).min(total);
                while chars.get(first_inside).is_some_and(|h| h.0 < start) {
                    first_inside += 1;
                }
                first_after = first_after.max(first_inside);
                while chars.get(first_after).is_some_and(|h| h.1 <= end) {
                    first_after += 1;
                }
                let hits = first_after - first_inside;
                if best.is_none_or(|(_, _, n)| hits > n) {
                    best = Some((p, start, hits));
                    improved = true;
                }
            }
            if improved {
                best_ranges = ranges;
            }
        }
    }
    let (paragraph, anchor_chars) = best.map_or((0, 0), |(p, s, _)| (p, s));
    let Some(text) = paragraphs.get(paragraph) else {
        return Snippet::default();
    };
    let anchor = forward_chars(text, 0, anchor_chars);
    let (start, end) = cut(text, anchor, max_chars);
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    let highlights = best_ranges
        .iter()
        .filter(|r| r.end > start && r.start < end)
        .map(|r| r.start.max(start) - start + shift..r.end.min(end) - start + shift)
        .collect();
    Snippet {
        paragraph,
        text: out,
        highlights,
    }
}

/// The passage `[start, end)` of at most `max_chars` chars from about `anchor`, trimmed to spaces
/// when a space is near and to cluster boundaries otherwise.
fn cut(text: &str, anchor: usize, max_chars: usize) -> (usize, usize) {
    if text.chars().count() <= max_chars {
        return (0, text.len());
    }
    let mut start = anchor;
    if start > 0 {
        // Prefer to start just after a space within the first fifth of the window.
        let look = forward_chars(text, start, max_chars / 5);
        if let Some(i) = text[start..look].find(char::is_whitespace) {
            let ws = start + i;
            start = ws + text[ws..].chars().next().map_or(1, char::len_utf8);
        }
        start = snap_cluster(text, start, false);
    }
    let mut end = forward_chars(text, start, max_chars);
    if end < text.len() {
        let look = back_chars(text, end, max_chars / 5);
        if let Some(i) = text[look..end].rfind(char::is_whitespace) {
            end = look + i;
        }
        end = snap_cluster(text, end, true).max(start);
        while end > start && text[..end].ends_with(char::is_whitespace) {
            end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    (start, end)
}

/// Moves `pos` to a cluster boundary (backward when `back`, else forward).
fn snap_cluster(text: &str, mut pos: usize, back: bool) -> usize {
    while !is_cluster_boundary(text, pos) {
        if back {
            pos -= text[..pos].chars().next_back().map_or(1, char::len_utf8);
        } else {
            pos += text[pos..].chars().next().map_or(1, char::len_utf8);
        }
    }
    pos
}

/// Byte offset `n` chars before `pos` (or 0).
fn back_chars(text: &str, pos: usize, n: usize) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| if n == 0 { pos } else { i })
}

/// The `(start, end)` of each of `ranges` (sorted, disjoint byte ranges of `text`) in chars.
fn char_positions(text: &str, ranges: &[Range<usize>]) -> Vec<(usize, usize)> {
    let (mut at, mut chars) = (0, 0);
    let mut to_chars = |pos: usize| {
        chars += text.get(at..pos).map_or(0, |s| s.chars().count());
        at = at.max(pos);
        chars
    };
    ranges
        .iter()
        .map(|r| (to_chars(r.start), to_chars(r.end)))
        .collect()
}

/// Byte offset `n` chars after `pos` (or the end).
fn forward_chars(text: &str, pos: usize, n: usize) -> usize {
    text[pos..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| pos + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The passage choice before the two-cursor count: every window counted from scratch.
    fn reference_snippet_anchor(
        paragraphs: &[String],
        query: &Query,
        max: usize,
    ) -> (usize, usize) {
        let mut best: Option<(usize, usize, usize)> = None;
        for (p, text) in paragraphs.iter().enumerate() {
            let ranges = highlight(text, query);
            for (i, r) in ranges.iter().enumerate() {
                let start = back_chars(text, r.start, max / 4);
                let end = forward_chars(text, start, max);
                let hits = ranges[i..].iter().take_while(|h| h.end <= end).count()
                    + ranges[..i].iter().filter(|h| h.start >= start).count();
                if best.is_none_or(|(_, _, n)| hits > n) {
                    best = Some((p, start, hits));
                }
            }
        }
        best.map_or((0, 0), |(p, s, _)| (p, s))
    }

    use proptest::prelude::Strategy as _;

    proptest::proptest! {
        /// The snippet starts where counting every window from scratch says it should.
        #[test]
        fn snippet_window_equals_reference(
            paragraphs in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
                "ab", "abc", "x", " ", "  ", "ó", "中文", "ไทย", "ab\u{301}", ".",
            ]), 0..60).prop_map(|p| p.concat()), 1..4),
            q in proptest::sample::select(vec!["ab", "a", "x ab", "中", "ไทย", "\"ab x\"", "o"]),
            max in 1usize..30,
        ) {
            let query = Query::parse(q);
            let (paragraph, anchor) = reference_snippet_anchor(&paragraphs, &query, max);
            let got = snippet(&paragraphs, &query, max);
            proptest::prop_assert_eq!(got.paragraph, paragraph);
            let (start, end) = cut(&paragraphs[paragraph], anchor, max);
            let expect = &paragraphs[paragraph][start..end];
            proptest::prop_assert!(got.text.trim_matches('…') == expect, "{:?} {:?}", got.text, expect);
        }
    }

    fn marked(text: &str, q: &str) -> Vec<String> {
        highlight(text, &Query::parse_exact(q))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn highlight_maps_back_to_original_vietnamese() {
        let text = "Hội nghị ở Thái Lan và Đông Nam Á.";
        assert_eq!(marked(text, "thai lan"), ["Thái", "Lan"]);
        assert_eq!(marked(text, "\"dong nam a\""), ["Đông Nam Á"]);
        assert_eq!(marked(text, "hoi"), ["Hội"]);
        assert!(highlight(text, &Query::parse("xyz")).is_empty());
        let r = highlight(text, &Query::parse("ngh"));
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].clone()], "nghị");
        // Decomposed input maps to whole clusters.
        let nfd = "Tha\u{301}i Lan";
        assert_eq!(marked(nfd, "thai"), ["Tha\u{301}i"]);
    }

    #[test]
    fn highlight_thai_and_chinese_substrings() {
        assert_eq!(marked("แก๊งคอลเซ็นเตอร์ถูกจับ", "คอลเซ็นเตอร์"), ["คอลเซ็นเตอร์"]);
        assert_eq!(marked("打击网络诈骗，网络", "网络"), ["网络", "网络"]);
        assert!(marked("ทั้งนี้", "").is_empty());
    }

    #[test]
    fn snippet_picks_paragraph_with_match() {
        let paras = vec![
            "Mở đầu không liên quan.".to_string(),
            "Đoạn hai nói về kinh tế.".to_string(),
            "Quan hệ với Thái Lan được tăng cường, Thái Lan là đối tác.".to_string(),
        ];
        let s = snippet(&paras, &Query::parse_exact("thai lan"), 200);
        assert_eq!(s.paragraph, 2);
        assert_eq!(s.text, paras[2]);
        let marks: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marks, ["Thái", "Lan", "Thái", "Lan"]);
        let s = snippet(&paras, &Query::parse(""), 10);
        assert_eq!(s.paragraph, 0);
        assert!(s.text.ends_with('…'));
        assert!(s.text.starts_with("Mở"));
    }

    #[test]
    fn snippet_cuts_long_paragraph_around_match() {
        let long = format!(
            "{} Thái Lan {}",
            "chữ ".repeat(100).trim_end(),
            "sau ".repeat(100)
        );
        let s = snippet(&[long], &Query::parse_exact("\"thai lan\""), 60);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() <= 62);
        let marks: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marks, ["Thái Lan"]);
        // Thai without spaces: cut on cluster boundaries, never between a letter and its mark.
        let thai = format!("{}คอลเซ็นเตอร์{}", "ผู้ใหญ่".repeat(30), "ก่อน".repeat(30));
        let s = snippet(&[thai], &Query::parse_exact("คอลเซ็นเตอร์"), 30);
        let inner = s.text.trim_start_matches('…').trim_end_matches('…');
        assert!(crate::search::fold::fold(inner)
            .starts_with(|c: char| !('\u{E48}'..='\u{E4C}').contains(&c)));
        let marks: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marks, ["คอลเซ็นเตอร์"]);
    }
}
