//! Answering a query: each item planned as an intersection of unions of dictionary entries,
//! the candidates narrowed by their postings, phrases and long runs confirmed on the text, and
//! the survivors scored.

use super::{item_key, Documents, Entry, SearchIndex, HOT_MARK};
use crate::search::neighbours::item_hashes;
use crate::search::tokenize::{cluster_count, segment_tokens, SegmentKind};
use crate::search::{FieldScan, Item, Pattern, Query};

impl SearchIndex {
    /// All documents matching every item of `query` with their scores, `(doc id, score)` in doc id
    /// order: the result list orders them ([`crate::view::filter::filter`]), so sorting here would be a
    /// second sort of the same hits. An empty query returns every document with score 0.
    ///
    /// `docs` gives the text for confirming runs and phrases; it must be the documents the index
    /// was built from, in the same order. Queries of words and short runs never read it.
    pub fn search<D: Documents + ?Sized>(&self, query: &Query, docs: &D) -> Vec<(u32, f32)> {
        if query.is_empty() {
            return (0..self.doc_count).map(|d| (d, 0.0)).collect();
        }
        let mut plans = Vec::with_capacity(query.items().len());
        for item in query.items() {
            match self.plan(item) {
                Some(plan) => plans.push(plan),
                None => return Vec::new(),
            }
        }
        // One word, typed prefix or short run alone (the commonest query, and every keystroke's
        // first word): its documents and scores in one pass over its postings.
        if let [plan] = plans.as_slice() {
            if let [set] = plan.sets.as_slice() {
                if !plan.item.needs_text() {
                    return self.scored_union(set);
                }
            }
        }
        let mut candidates = self.candidates(&plans);
        if candidates.is_empty() {
            return Vec::new();
        }

        // Confirm phrases and long runs on the text: the first match in a document is enough.
        let needs_text: Vec<bool> = plans.iter().map(|p| p.item.needs_text()).collect();
        if needs_text.contains(&true) {
            let byte_rank: Option<&[u8; 256]> = self.byte_rank.as_slice().try_into().ok();
            let patterns: Vec<Pattern<'_>> = plans
                .iter()
                .map(|p| Pattern::anchored(p.item, p.rarest_part, byte_rank))
                .collect();
            let mut scratch = String::new();
            let mut found = vec![false; plans.len()];
            // Per item to confirm, the neighbouring words or characters it needs.
            let neighbours: Vec<Vec<u64>> = plans
                .iter()
                .map(|p| {
                    if p.item.needs_text() {
                        item_hashes(p.item)
                    } else {
                        Vec::new()
                    }
                })
                .collect();
            let keys: Vec<Option<u64>> = plans
                .iter()
                .map(|p| p.item.needs_text().then(|| item_key(p.item)))
                .collect();
            candidates.retain(|&doc| {
                // What earlier searches confirmed on this document's text.
                let mut known = true;
                for key in keys.iter().flatten() {
                    match docs.remembered(doc, *key) {
                        Some(false) => return false,
                        Some(true) => {}
                        None => known = false,
                    }
                }
                if known {
                    return true;
                }
                for (key, hashes) in keys.iter().zip(&neighbours) {
                    let Some(key) = key else { continue };
                    if !hashes.is_empty()
                        && docs.remembered(doc, *key).is_none()
                        && !docs.may_hold_neighbours(doc, hashes, &mut scratch)
                    {
                        docs.remember(doc, *key, false);
                        return false;
                    }
                }
                for (f, &needs) in found.iter_mut().zip(&needs_text) {
                    *f = !needs;
                }
                let mut visited = false;
                docs.visit_folded(doc, &mut scratch, &mut |_, folded| {
                    visited = true;
                    let mut scan = FieldScan::new(folded);
                    for (f, pattern) in found.iter_mut().zip(&patterns) {
                        if !*f {
                            *f = scan.occurs(pattern);
                        }
                    }
                });
                if visited {
                    for (key, &holds) in keys.iter().zip(&found) {
                        if let Some(key) = key {
                            docs.remember(doc, *key, holds);
                        }
                    }
                }
                found.iter().all(|f| *f)
            });
        }

        // Score.
        let slots = Slots::new(self.doc_count, &candidates);
        let mut scores = vec![0f32; candidates.len()];
        for (plan, &needs) in plans.iter().zip(&needs_text) {
            if needs {
                self.add_confirmed_scores(plan, &slots, &mut scores);
            } else {
                self.add_term_scores(plan, &slots, &mut scores);
            }
        }
        candidates.into_iter().zip(scores).collect()
    }

    /// The documents whose text answering `query` would read to confirm its phrases and long
    /// runs, in doc id order: none when it has no such item. A chunked corpus fetches their text
    /// before it answers.
    pub fn text_candidates(&self, query: &Query) -> Vec<u32> {
        if !query.items().iter().any(Item::needs_text) {
            return Vec::new();
        }
        let plans: Option<Vec<Plan<'_>>> = query.items().iter().map(|i| self.plan(i)).collect();
        plans.map_or_else(Vec::new, |plans| self.candidates(&plans))
    }

    /// The documents holding every lookup of every plan, in doc id order.
    fn candidates(&self, plans: &[Plan<'_>]) -> Vec<u32> {
        let mut sets: Vec<&[Entry]> = plans
            .iter()
            .flat_map(|p| p.sets.iter().map(Vec::as_slice))
            .collect();
        sets.sort_by_key(|s| s.iter().map(|e| u64::from(e.df)).sum::<u64>());
        let mut candidates: Vec<u32> = Vec::new();
        for (i, set) in sets.iter().enumerate() {
            if i == 0 {
                candidates = self.union(set);
            } else {
                self.retain_in(&mut candidates, set);
            }
            if candidates.is_empty() {
                break;
            }
        }
        candidates
    }

    /// The lookups for one item, or `None` when some part cannot occur anywhere.
    pub(super) fn plan<'q>(&self, item: &'q Item) -> Option<Plan<'q>> {
        let mut sets = Vec::new();
        let mut df = u32::MAX;
        let mut rarest_part = 0;
        for (i, part) in item.parts.iter().enumerate() {
            let t = part.text.as_str();
            let part_df = match part.kind {
                SegmentKind::Word if item.prefix => {
                    let set = self.prefix(t);
                    let df = set.iter().map(|e| e.df).max()?;
                    sets.push(set);
                    df
                }
                SegmentKind::Word => {
                    let e = self.lookup(t)?;
                    sets.push(vec![e]);
                    e.df
                }
                SegmentKind::Run if cluster_count(t) == 1 => {
                    if let Some(e) = self.lookup(&format!("{HOT_MARK}{t}")) {
                        sets.push(vec![e]);
                        e.df
                    } else {
                        self.rare_cluster(t, &mut sets)?
                    }
                }
                SegmentKind::Run => {
                    let mut min = u32::MAX;
                    for tok in segment_tokens(crate::search::tokenize::Segment {
                        kind: SegmentKind::Run,
                        text: t,
                        start: 0,
                    }) {
                        if tok.kind == crate::search::tokenize::TokenKind::Bigram {
                            let e = self.lookup(tok.text)?;
                            min = min.min(e.df);
                            sets.push(vec![e]);
                        }
                    }
                    min
                }
            };
            if part_df < df {
                df = part_df;
                rarest_part = i;
            }
        }
        Some(Plan {
            item,
            sets,
            df,
            rarest_part,
        })
    }

    /// A cluster without a list of its own: every cluster of a run starts a bigram or is the
    /// run's last (unigram), so it is the union of the terms starting with this whole cluster,
    /// each an exact occurrence. Pushes that set and returns its document frequency (an upper
    /// bound); `None` when the cluster occurs nowhere.
    pub(super) fn rare_cluster(&self, cluster: &str, sets: &mut Vec<Vec<Entry>>) -> Option<u32> {
        let set = self.cluster_completions(cluster);
        if set.is_empty() {
            return None;
        }
        let df = set
            .iter()
            .map(|e| e.df)
            .fold(0u32, u32::saturating_add)
            .min(self.doc_count);
        sets.push(set);
        Some(df)
    }
}

/// How the index narrows one query item to candidates: an intersection of unions of entries.
#[derive(Debug)]
pub(super) struct Plan<'q> {
    pub(super) item: &'q Item,
    /// Each inner list is a union (one entry for an exact term); all unions are intersected.
    pub(super) sets: Vec<Vec<Entry>>,
    /// Document frequency used for the item's IDF.
    pub(super) df: u32,
    /// The part with the fewest documents: where a scan of the text looks first.
    pub(super) rarest_part: usize,
}

/// The candidates of a search and, per document id, its position among them: scoring looks up
/// every posting of the query's terms, so the lookup is one load instead of a binary search.
pub(super) struct Slots<'c> {
    pub(super) docs: &'c [u32],
    /// Position in `docs` of each document id, or `u32::MAX`.
    pub(super) slot: Vec<u32>,
}

impl<'c> Slots<'c> {
    pub(super) fn new(doc_count: u32, docs: &'c [u32]) -> Slots<'c> {
        let mut slot = vec![u32::MAX; doc_count as usize];
        for (i, &d) in docs.iter().enumerate() {
            if let Some(s) = slot.get_mut(d as usize) {
                *s = i as u32;
            }
        }
        Slots { docs, slot }
    }

    pub(super) fn of(&self, doc: u32) -> Option<usize> {
        match self.slot.get(doc as usize) {
            Some(&i) if i != u32::MAX => Some(i as usize),
            _ => None,
        }
    }
}
