//! Building the index at build time: every document's folded title and body cut into terms,
//! their posting lists gathered, hot clusters given lists of their own, and the dictionary
//! front-coded into blocks (the layout is in the parent module's documentation).

use super::dictionary::term_cluster;
use super::postings::Flags;
use super::{Bytes, DocText, InverseNorms, SearchIndex, ShardSlots, BLOCK, HOT_CLUSTER, HOT_MARK};
use crate::search::fold::fold_to;
use crate::search::tokenize::{segment_tokens, segments, Token, TokenKind};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

impl SearchIndex {
    /// Builds the index of `docs`; document ids are positions in the slice.
    pub fn build(docs: &[DocText]) -> SearchIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut lists: Vec<Vec<(u32, u8)>> = Vec::new();
        let mut title_lens = Vec::with_capacity(docs.len());
        let mut body_lens = Vec::with_capacity(docs.len());
        let mut local: HashMap<u32, (u32, u32)> = HashMap::new();
        // Every cluster of a run, with its documents: kept for the clusters that turn out hot.
        let mut clusters = Interner::default();
        let mut local_clusters: HashMap<u32, (u32, u32)> = HashMap::new();
        let mut folded = String::new();
        let mut byte_counts = [0u64; 256];
        for (doc, d) in docs.iter().enumerate() {
            local.clear();
            local_clusters.clear();
            for (field, text) in [(0, &d.title), (1, &d.body)] {
                fold_to(text, &mut folded);
                folded
                    .bytes()
                    .for_each(|b| byte_counts[usize::from(b)] += 1);
                let mut len = 0u32;
                for tok in segments(&folded).flat_map(segment_tokens) {
                    len += 1;
                    let id = match ids.get(tok.text) {
                        Some(&id) => id,
                        None => {
                            let id = lists.len() as u32;
                            ids.insert(tok.text.to_string(), id);
                            lists.push(Vec::new());
                            id
                        }
                    };
                    let tf = local.entry(id).or_default();
                    if field == 0 {
                        tf.0 += 1;
                    } else {
                        tf.1 += 1;
                    }
                    if let Some(cluster) = first_cluster(tok) {
                        let tf = local_clusters.entry(clusters.id(cluster)).or_default();
                        if field == 0 {
                            tf.0 += 1;
                        } else {
                            tf.1 += 1;
                        }
                    }
                }
                if field == 0 {
                    title_lens.push(len);
                } else {
                    body_lens.push(len);
                }
            }
            for (&id, &tf) in &local {
                if let Some(list) = lists.get_mut(id as usize) {
                    list.push((doc as u32, tf_flags(tf)));
                }
            }
            for (&id, &tf) in &local_clusters {
                if let Some(list) = clusters.lists.get_mut(id as usize) {
                    list.push((doc as u32, tf_flags(tf)));
                }
            }
        }
        // A cluster that starts many run terms gets a list of its own (see [`HOT_CLUSTER`]).
        let mut completions: HashMap<&str, usize> = HashMap::new();
        for term in ids.keys() {
            if let Some(cluster) = term_cluster(term) {
                *completions.entry(cluster).or_default() += 1;
            }
        }
        let mut hot: Vec<(String, u32)> = Vec::new();
        for (cluster, &id) in &clusters.ids {
            if completions
                .get(cluster.as_str())
                .is_some_and(|&n| n >= HOT_CLUSTER)
            {
                let list = std::mem::take(&mut clusters.lists[id as usize]);
                let list_id = lists.len() as u32;
                lists.push(list);
                hot.push((format!("{HOT_MARK}{cluster}"), list_id));
            }
        }
        let mut terms: Vec<(String, u32)> = ids.into_iter().chain(hot).collect();
        terms.sort_unstable();
        let mut dict = Vec::new();
        let mut postings = Vec::new();
        let mut flags = Flags::default();
        let mut heads = Vec::new();
        let mut prev: &[u8] = &[];
        for (i, (term, id)) in terms.iter().enumerate() {
            let list = lists.get(*id as usize).map_or(&[][..], Vec::as_slice);
            let start = postings.len();
            let first_posting = flags.len;
            let mut last = 0u32;
            for &(doc, f) in list {
                write_varint(&mut postings, u64::from(doc - last));
                flags.push(f);
                last = doc;
            }
            let term = term.as_bytes();
            let shared = if i % BLOCK == 0 {
                heads.extend([dict.len() as u32, start as u32, first_posting as u32]);
                0
            } else {
                prev.iter().zip(term).take_while(|(a, b)| a == b).count()
            };
            write_varint(&mut dict, shared as u64);
            write_varint(&mut dict, (term.len() - shared) as u64);
            dict.extend_from_slice(&term[shared..]);
            write_varint(&mut dict, list.len() as u64);
            write_varint(&mut dict, (postings.len() - start) as u64);
            prev = term;
        }
        let avg = |v: &[u32]| {
            if v.is_empty() {
                1.0
            } else {
                (v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64).max(1.0) as f32
            }
        };
        SearchIndex {
            doc_count: docs.len() as u32,
            term_count: terms.len() as u32,
            avg_title_len: avg(&title_lens),
            avg_body_len: avg(&body_lens),
            title_lens,
            body_lens,
            dict: Bytes(dict),
            heads,
            postings: Bytes(postings),
            flags: Bytes(flags.bytes),
            byte_rank: byte_rank(&byte_counts),
            shard_ends: Vec::new(),
            shards: ShardSlots::default(),
            inverse_norms: InverseNorms::default(),
        }
    }
}

/// Each byte's rank by `counts`: the 256 bytes sorted by count (ties by byte value), rank = place.
pub(super) fn byte_rank(counts: &[u64; 256]) -> Vec<u8> {
    let mut order: Vec<u8> = (0..=255).collect();
    order.sort_by_key(|&b| (counts[usize::from(b)], b));
    let mut rank = vec![0u8; 256];
    for (place, &b) in order.iter().enumerate() {
        rank[usize::from(b)] = place as u8;
    }
    rank
}

/// The posting flags of a document's `(title, body)` occurrence counts: in-title bit, body count
/// bucket (0, 1, 2–3, 4+).
pub(super) fn tf_flags((title, body): (u32, u32)) -> u8 {
    let bucket = match body {
        0 => 0,
        1 => 1,
        2 | 3 => 2,
        _ => 3,
    };
    (u8::from(title > 0) << 2) | bucket
}

/// The cluster a run token stands for as a one-cluster query: its first (a bigram's first
/// cluster, a unigram itself). `None` for words.
pub(super) fn first_cluster(tok: Token<'_>) -> Option<&str> {
    match tok.kind {
        TokenKind::Word => None,
        TokenKind::Unigram => Some(tok.text),
        TokenKind::Bigram => tok.text.graphemes(true).next(),
    }
}

/// Cluster strings and their document lists, while building.
#[derive(Default)]
pub(super) struct Interner {
    ids: HashMap<String, u32>,
    lists: Vec<Vec<(u32, u8)>>,
}

impl Interner {
    pub(super) fn id(&mut self, cluster: &str) -> u32 {
        if let Some(&id) = self.ids.get(cluster) {
            return id;
        }
        let id = self.lists.len() as u32;
        self.ids.insert(cluster.to_owned(), id);
        self.lists.push(Vec::new());
        id
    }
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}
