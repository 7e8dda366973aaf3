//! A view's results: every article it matches, put in display order only as far as someone
//! reads them.
//!
//! The explorer shows a page of cards and a count; a search for a common word at 10,000
//! articles matches nearly all of them, and sorting all of them was a third of that search's
//! time. Each result carries one integer that orders it exactly (see [`Results::new`]), so the
//! first `n` are found in one pass with a bounded heap ([`Results::first`]), the place of one
//! article is a count ([`Results::position`]), and the rest is never sorted unless shown.

use std::collections::BinaryHeap;
use std::ops::Range;

use crate::store::catalog::Catalog;
use crate::view::state::Sort;

/// Cards the explorer shows at a time ("Show more" adds as many).
pub const PAGE_SIZE: usize = 20;

/// The page of [`PAGE_SIZE`] results that holds position `position`: where a link to an
/// article deep in a list opens, without the cards before it.
pub fn page_around(position: usize) -> Range<usize> {
    let start = position / PAGE_SIZE * PAGE_SIZE;
    start..start + PAGE_SIZE
}

/// The cards a new view shows once its first frame is painted, when its open article (if any)
/// is at position `open`: the first page, or the page around the article further down.
pub fn first_shown(open: Option<usize>) -> Range<usize> {
    match open {
        Some(position) if position >= PAGE_SIZE => page_around(position),
        _ => 0..PAGE_SIZE,
    }
}

/// The length of the passage a result card shows, in characters.
pub const SNIPPET_CHARS: usize = 320;

/// The matching articles of a view with their order keys, in no particular order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// `(order key, article index)`. Keys are distinct, since each holds the article's distinct
    /// newest-first rank, so ordering by key is a total order.
    ranked: Vec<(u64, u32)>,
}

impl Results {
    /// The results of `hits` (`(article index, score)`, each article once, in range), to be
    /// shown in `sort` order:
    /// - newest: newest first, undated last ([`Catalog::cmp_newest_first`]);
    /// - oldest: oldest first, undated last, one day's articles newest first
    ///   ([`Catalog::cmp_oldest_first`]);
    /// - relevance: higher score first, then newest first.
    pub fn new(catalog: &Catalog, sort: Sort, hits: impl Iterator<Item = (u32, f32)>) -> Results {
        let ranked = hits
            .map(|(index, score)| {
                let rank = u64::from(catalog.newest_rank(index));
                let key = match sort {
                    Sort::Newest => rank,
                    Sort::Oldest => match catalog.date(index as usize) {
                        Some(date) => {
                            let day = u64::from(date.year) << 9
                                | u64::from(date.month) << 5
                                | u64::from(date.day);
                            day << 32 | rank
                        }
                        None => 1 << 63 | rank,
                    },
                    Sort::Relevance => u64::from(!score_order(score)) << 32 | rank,
                };
                (key, index)
            })
            .collect();
        Results { ranked }
    }

    /// Keeps one card per story: of each near-duplicate group with several members among the
    /// results, only the first in display order stays (or `keep`, the article a link opens, when
    /// it is one of them). Returns, for each card kept, the other versions it stands for (sorted
    /// by the kept article; versions ascending).
    pub fn collapse_versions(
        &mut self,
        catalog: &Catalog,
        keep: Option<u32>,
    ) -> Vec<(u32, Vec<u32>)> {
        if !catalog.has_versions() {
            return Vec::new();
        }
        // Per group, the (not kept by the link, key, index) that stays: the smallest.
        let mut first: Vec<Option<(bool, u64, u32)>> = vec![None; catalog.version_group_count()];
        for &(key, index) in &self.ranked {
            let slot = catalog
                .version_group(index)
                .and_then(|group| first.get_mut(group as usize));
            if let Some(slot) = slot {
                let candidate = (Some(index) != keep, key, index);
                *slot = Some(slot.map_or(candidate, |best| best.min(candidate)));
            }
        }
        let mut others: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut slot_of_group: Vec<Option<usize>> = vec![None; first.len()];
        self.ranked.retain(|&(_, index)| {
            let Some(group) = catalog.version_group(index) else {
                return true;
            };
            match first.get(group as usize).copied().flatten() {
                Some((_, _, kept)) if kept != index => {
                    let slot = match slot_of_group.get(group as usize).copied().flatten() {
                        Some(slot) => slot,
                        None => {
                            others.push((kept, Vec::new()));
                            if let Some(s) = slot_of_group.get_mut(group as usize) {
                                *s = Some(others.len() - 1);
                            }
                            others.len() - 1
                        }
                    };
                    if let Some((_, versions)) = others.get_mut(slot) {
                        versions.push(index);
                    }
                    false
                }
                _ => true,
            }
        });
        for (_, versions) in &mut others {
            versions.sort_unstable();
        }
        others.sort_unstable();
        others
    }

    /// How many articles the view matches.
    pub fn len(&self) -> usize {
        self.ranked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranked.is_empty()
    }

    /// The first `n` results in display order (all of them when there are fewer).
    pub fn first(&self, n: usize) -> Vec<u32> {
        self.top(n).into_iter().map(|(_, index)| index).collect()
    }

    /// The results at positions `shown` (clamped to the results), in display order.
    pub fn range(&self, shown: Range<usize>) -> Vec<u32> {
        let mut page = self.first(shown.end);
        page.drain(..shown.start.min(page.len()));
        page
    }

    /// Every result in display order.
    pub fn all(&self) -> Vec<u32> {
        self.first(self.len())
    }

    /// Where article `index` comes in display order, if it is a result.
    pub fn position(&self, index: u32) -> Option<usize> {
        let &(key, _) = self.ranked.iter().find(|&&(_, i)| i == index)?;
        Some(self.ranked.iter().filter(|&&(k, _)| k < key).count())
    }

    /// The first `n` results in display order, then the others in no particular order: a page
    /// and the whole set it was drawn from, without ordering what no one reads.
    pub fn page_then_rest(&self, n: usize) -> Vec<u32> {
        let page = self.top(n);
        let mut out: Vec<u32> = page.iter().map(|&(_, index)| index).collect();
        if page.len() < self.len() {
            let after = page.last().map(|&(key, _)| key);
            out.extend(
                self.ranked
                    .iter()
                    .filter(|&&(key, _)| after.is_none_or(|last| key > last))
                    .map(|&(_, index)| index),
            );
        }
        out
    }

    /// The `n` smallest keys, sorted.
    fn top(&self, n: usize) -> Vec<(u64, u32)> {
        if n >= self.ranked.len() / 2 {
            let mut all = self.ranked.clone();
            all.sort_unstable();
            all.truncate(n);
            return all;
        }
        // A max-heap of the n smallest so far: most results are larger than its top and cost
        // one comparison.
        let mut heap = BinaryHeap::with_capacity(n + 1);
        for &item in &self.ranked {
            if heap.len() < n {
                heap.push(item);
            } else if let Some(mut top) = heap.peek_mut() {
                if item < *top {
                    *top = item;
                }
            }
        }
        heap.into_sorted_vec()
    }
}

/// `score` as an integer that orders as [`f32::total_cmp`] does.
fn score_order(score: f32) -> u32 {
    let bits = score.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;

    fn catalog(dates: &[Option<&str>]) -> Catalog {
        let articles: Vec<Article> = dates
            .iter()
            .enumerate()
            .map(|(i, date)| Article::for_test(&format!("a{i:02}"), *date, "en", &[]))
            .collect();
        Catalog::from_articles(&articles).expect("catalog")
    }

    #[test]
    fn pages_positions_and_the_rest() {
        let catalog = catalog(&[Some("2025-01-01"); 6]);
        let hits = [(0, 1.0), (1, 5.0), (2, 3.0), (3, 5.0), (4, 0.5), (5, 2.0)];
        let results = Results::new(&catalog, Sort::Relevance, hits.into_iter());
        // Ties on score go newest first; one day's articles are newest first by id.
        let all = results.all();
        assert_eq!(all, [1, 3, 2, 5, 0, 4]);
        for n in 0..=8 {
            assert_eq!(results.first(n), all[..n.min(6)], "first {n}");
            let mut page_then_rest = results.page_then_rest(n);
            assert_eq!(page_then_rest[..n.min(6)], all[..n.min(6)], "page {n}");
            page_then_rest.sort_unstable();
            assert_eq!(page_then_rest, [0, 1, 2, 3, 4, 5], "rest {n}");
        }
        for (place, &index) in all.iter().enumerate() {
            assert_eq!(results.position(index), Some(place));
        }
        assert_eq!(results.position(9), None);
        assert_eq!(results.range(2..4), all[2..4]);
        assert_eq!(results.range(4..40), all[4..]);
        assert!(results.range(7..9).is_empty());
        assert_eq!(page_around(0), 0..PAGE_SIZE);
        assert_eq!(page_around(PAGE_SIZE - 1), 0..PAGE_SIZE);
        assert_eq!(page_around(299), 280..300);
        assert_eq!(page_around(300), 300..320);
        assert_eq!(first_shown(None), 0..PAGE_SIZE);
        assert_eq!(first_shown(Some(PAGE_SIZE - 1)), 0..PAGE_SIZE);
        assert_eq!(first_shown(Some(299)), 280..300);
        assert_eq!(results.len(), 6);
        assert!(Results::default().is_empty());
        assert!(Results::default().first(3).is_empty());
    }

    #[test]
    fn oldest_puts_undated_last() {
        let catalog = catalog(&[None, Some("2024-12-31"), Some("2025-01-01"), None]);
        let hits = (0..4).map(|i| (i, 0.0));
        assert_eq!(
            Results::new(&catalog, Sort::Oldest, hits.clone()).all(),
            [1, 2, 0, 3]
        );
        assert_eq!(
            Results::new(&catalog, Sort::Newest, hits).all(),
            [2, 1, 0, 3]
        );
    }

    #[test]
    fn score_order_is_total_cmp() {
        let scores = [f32::NEG_INFINITY, -1.0, -0.0, 0.0, 0.5, 1.0, f32::INFINITY];
        for a in scores {
            for b in scores {
                assert_eq!(
                    score_order(a).cmp(&score_order(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }
}
