//! Ranking: BM25F over the bucketed term frequencies, a title occurrence worth
//! [`TITLE_WEIGHT`] body occurrences, with length norms computed once per index.

use super::plan::{Plan, Slots};
use super::postings::bit_docs;
use super::{Entry, SearchIndex, B, K1, TITLE_WEIGHT};

impl SearchIndex {
    /// The documents in any list of `set` with their best score over those lists, in doc id
    /// order: [`SearchIndex::union`] and [`SearchIndex::add_term_scores`] in one pass.
    pub(super) fn scored_union(&self, set: &[Entry]) -> Vec<(u32, f32)> {
        let mut best = vec![0f32; self.doc_count as usize];
        let mut bits = vec![0u64; (self.doc_count as usize).div_ceil(64)];
        for e in set {
            let idf = self.idf(e.df);
            for (doc, flags) in self.postings(e) {
                if let (Some(w), Some(b)) =
                    (bits.get_mut(doc as usize / 64), best.get_mut(doc as usize))
                {
                    *w |= 1 << (doc % 64);
                    let (t, body) = decode_tf(flags);
                    *b = larger(*b, e.weight * self.bm25(idf, doc, t, body));
                }
            }
        }
        bit_docs(&bits)
            .map(|doc| (doc, best.get(doc as usize).copied().unwrap_or(0.0)))
            .collect()
    }

    /// Adds the score of a word or short run: exact, or the union of its completions, of which
    /// the best counts.
    pub(super) fn add_term_scores(&self, plan: &Plan<'_>, slots: &Slots, scores: &mut [f32]) {
        let mut best = vec![0f32; scores.len()];
        for e in plan.sets.iter().flatten() {
            let idf = self.idf(e.df);
            for (doc, flags) in self.postings(e) {
                if let Some(i) = slots.of(doc) {
                    let (t, b) = decode_tf(flags);
                    best[i] = larger(best[i], e.weight * self.bm25(idf, doc, t, b));
                }
            }
        }
        scores.iter_mut().zip(&best).for_each(|(s, b)| *s += b);
    }

    /// Adds the score of a phrase or long run, confirmed but not counted on the text: its
    /// frequency in a field is taken as that of its rarest part there (an upper bound), its
    /// document frequency as the plan's.
    pub(super) fn add_confirmed_scores(&self, plan: &Plan<'_>, slots: &Slots, scores: &mut [f32]) {
        let mut tf = vec![(f32::MAX, f32::MAX); scores.len()];
        let mut in_set = vec![(0f32, 0f32); scores.len()];
        for set in &plan.sets {
            in_set.iter_mut().for_each(|x| *x = (0.0, 0.0));
            for e in set {
                for (doc, flags) in self.postings(e) {
                    if let Some(i) = slots.of(doc) {
                        let (t, b) = decode_tf(flags);
                        in_set[i] = (larger(in_set[i].0, t), larger(in_set[i].1, b));
                    }
                }
            }
            for (x, y) in tf.iter_mut().zip(&in_set) {
                *x = (smaller(x.0, y.0), smaller(x.1, y.1));
            }
        }
        let idf = self.idf(plan.df);
        for ((s, &doc), &(t, b)) in scores.iter_mut().zip(slots.docs).zip(&tf) {
            // A confirmed item occurs at least once, wherever the postings put it.
            let (t, b) = if t + b > 0.0 { (t, b) } else { (0.0, 1.0) };
            *s += self.bm25(idf, doc, t, b);
        }
    }

    pub(super) fn idf(&self, df: u32) -> f32 {
        let n = self.doc_count as f32;
        let df = df.min(self.doc_count) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    pub(super) fn bm25(&self, idf: f32, doc: u32, tf_title: f32, tf_body: f32) -> f32 {
        let [title, body] = self
            .inverse_norms()
            .get(doc as usize)
            .copied()
            .unwrap_or([1.0, 1.0]);
        let tf = TITLE_WEIGHT * tf_title * title + tf_body * body;
        idf * tf * (K1 + 1.0) / (tf + K1)
    }

    pub(super) fn inverse_norms(&self) -> &[[f32; 2]] {
        self.inverse_norms.0.get_or_init(|| {
            let norm = |len: u32, avg: f32| 1.0 / (1.0 - B + B * len as f32 / avg);
            self.title_lens
                .iter()
                .zip(&self.body_lens)
                .map(|(&t, &b)| [norm(t, self.avg_title_len), norm(b, self.avg_body_len)])
                .collect()
        })
    }
}

/// The larger of two scores (never NaN). `f32::max` is a call to `fmaxf` in wasm32, whose NaN
/// rule the `f32.max` instruction does not follow, and scoring calls it once per posting; a
/// comparison is one instruction.
pub(super) fn larger(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// The smaller of two scores (never NaN): see [`larger`].
pub(super) fn smaller(a: f32, b: f32) -> f32 {
    if b < a {
        b
    } else {
        a
    }
}

/// Representative term frequencies `(title, body)` of posting flags.
pub(super) fn decode_tf(flags: u8) -> (f32, f32) {
    let title = f32::from((flags >> 2) & 1);
    let body = [0.0, 1.0, 2.5, 5.0][usize::from(flags & 3)];
    (title, body)
}
