//! A view's text search beyond the words typed: the names in other languages its words also
//! search ([`crate::search::expand`]), and the words of the dictionary one or two letters away
//! from a long Latin-script word (typo tolerance), answered as one text search. A group of typed
//! items and its alternatives match as an OR; the groups and the items nothing covers are
//! AND-ed, and an article with the typed words ranks above one with only an alternative. A view
//! with `xlang=off` and `typo=off`, or whose words bring nothing, searches exactly as typed.
//!
//! Typo tolerance: a word of [`TYPO_MIN_CHARS`] letters or more matches words one edit away,
//! of [`TYPO_TWO_EDITS_CHARS`] or more two edits away (at most [`TYPO_MAX_WORDS`] of them,
//! closest first); never a run of Thai, Chinese, Khmer, Lao or Burmese, and never a word being
//! typed that still has completions (the reader is not done).

use std::collections::HashMap;

use std::ops::Range;

use crate::search::expand::{ExpandedGroup, Variant};
use crate::search::tokenize::SegmentKind;
use crate::search::{Item, Query};
use crate::store::CorpusBlob;
use crate::view::state::ViewState;

/// Added to the score of an article that has the typed words, so it ranks above every article
/// that has only another language's name for them.
const TYPED_FIRST: f32 = 10_000.0;

/// Words from this many letters on also match words one edit away.
pub const TYPO_MIN_CHARS: usize = 5;

/// Words from this many letters on also match words two edits away.
pub const TYPO_TWO_EDITS_CHARS: usize = 9;

/// The most words one typed word also matches by spelling.
pub const TYPO_MAX_WORDS: usize = 8;

/// Why an alternative is searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlsoKind {
    /// A name of the same thing in another language.
    Language,
    /// A word spelled one or two letters differently.
    Spelling,
}

/// Something a view's search also looked for besides the words typed.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoSearched {
    /// The name as the data writes it (`Campuchia`), or the dictionary's word (`campuchia`).
    pub text: String,
    /// Its search key, for `xskip=`.
    pub key: String,
    pub kind: AlsoKind,
    /// How many articles of the whole corpus it finds.
    pub hits: usize,
}

/// Typed items and what else they search.
#[derive(Debug)]
struct Alternatives {
    /// The positions of the typed items in the query's items.
    typed: Range<usize>,
    others: Vec<(Variant, AlsoKind)>,
}

impl From<ExpandedGroup> for Alternatives {
    fn from(group: ExpandedGroup) -> Alternatives {
        Alternatives {
            typed: group.typed,
            others: group
                .variants
                .into_iter()
                .map(|v| (v, AlsoKind::Language))
                .collect(),
        }
    }
}

/// The dictionary's words a typed word also matches by spelling (see the module documentation).
fn near_spellings(corpus: &CorpusBlob, item: &Item) -> Vec<(Variant, AlsoKind)> {
    let [part] = item.parts.as_slice() else {
        return Vec::new();
    };
    let letters = part.text.chars().count();
    if part.kind != SegmentKind::Word || letters < TYPO_MIN_CHARS {
        return Vec::new();
    }
    let index = corpus.index();
    if item.prefix && index.has_completion(&part.text) {
        return Vec::new();
    }
    let edits = if letters >= TYPO_TWO_EDITS_CHARS {
        2
    } else {
        1
    };
    index
        .near_words(&part.text, edits, TYPO_MAX_WORDS)
        .into_iter()
        .map(|(word, _)| {
            let variant = Variant {
                query: Query::parse_exact(&word),
                key: word.clone(),
                text: word,
            };
            (variant, AlsoKind::Spelling)
        })
        .collect()
}

/// What a view's text search runs: one query, or groups of alternatives.
#[derive(Debug)]
pub(crate) struct TextSearch {
    /// The query as typed.
    pub typed: Query,
    /// AND-ed groups, each an OR of queries; a query with `Some(i)` is the name `also[i]`.
    /// Empty when nothing is expanded: then `typed` runs alone.
    groups: Vec<Vec<(Query, Option<usize>)>>,
    /// The names searched besides the typed words.
    pub also: Vec<AlsoSearched>,
    /// Whether [`TextSearch::hits`] answered some of its queries from the index alone, their
    /// phrases or long runs too common to confirm on the text
    /// ([`CorpusBlob::answers_unconfirmed`]).
    pub unconfirmed: bool,
}

impl TextSearch {
    /// The text search of `state` over `corpus`.
    pub fn of(corpus: &CorpusBlob, state: &ViewState) -> TextSearch {
        let typed = Query::parse(&state.q);
        let mut groups: Vec<Alternatives> = if state.xlang_off {
            Vec::new()
        } else {
            corpus
                .expansions()
                .expand(&typed, &state.xskip)
                .into_iter()
                .map(Alternatives::from)
                .collect()
        };
        if !state.typo_off {
            for (at, item) in typed.items().iter().enumerate() {
                if groups.iter().any(|g| g.typed.contains(&at)) {
                    continue;
                }
                let near = near_spellings(corpus, item);
                if !near.is_empty() {
                    groups.push(Alternatives {
                        typed: at..at + 1,
                        others: near,
                    });
                }
            }
            groups.sort_by_key(|g| g.typed.start);
        }
        TextSearch::with_groups(typed, groups)
    }

    fn with_groups(typed: Query, expanded: Vec<Alternatives>) -> TextSearch {
        if expanded.iter().all(|g| g.others.is_empty()) {
            return TextSearch {
                typed,
                groups: Vec::new(),
                also: Vec::new(),
                unconfirmed: false,
            };
        }
        let items = typed.items();
        let mut groups = Vec::new();
        let mut also = Vec::new();
        let mut at = 0;
        let lone = |item: &Item| vec![(Query::from_items(vec![item.clone()]), None)];
        for group in expanded {
            groups.extend(
                items
                    .get(at..group.typed.start)
                    .unwrap_or_default()
                    .iter()
                    .map(lone),
            );
            let typed_part = items.get(group.typed.clone()).unwrap_or_default().to_vec();
            let mut alternatives = vec![(Query::from_items(typed_part), None)];
            for (other, kind) in group.others {
                alternatives.push((other.query, Some(also.len())));
                also.push(AlsoSearched {
                    text: other.text,
                    key: other.key,
                    kind,
                    hits: 0,
                });
            }
            groups.push(alternatives);
            at = group.typed.end;
        }
        groups.extend(items.get(at..).unwrap_or_default().iter().map(lone));
        TextSearch {
            typed,
            groups,
            also,
            unconfirmed: false,
        }
    }

    /// Every query it runs.
    fn queries(&self) -> impl Iterator<Item = &Query> {
        std::iter::once(&self.typed)
            .filter(|_| self.groups.is_empty())
            .chain(self.groups.iter().flatten().map(|(q, _)| q))
    }

    /// The text chunks a chunked corpus lacks to confirm its phrases and long runs.
    pub fn chunks_missing(&self, corpus: &CorpusBlob) -> Vec<u32> {
        let mut missing: Vec<u32> = self
            .queries()
            .flat_map(|q| corpus.chunks_missing_for_query(q))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// The hits, article index and score in index order (`None` when it searches for
    /// nothing); counts each name's hits into `also`.
    pub fn hits(&mut self, corpus: &CorpusBlob) -> Option<Vec<(u32, f32)>> {
        if self.groups.is_empty() {
            let (hits, unconfirmed) = corpus.text_hits_and_unconfirmed(&self.typed);
            self.unconfirmed = unconfirmed;
            return hits;
        }
        let mut found: Option<HashMap<u32, f32>> = None;
        for group in &self.groups {
            let mut best: HashMap<u32, f32> = HashMap::new();
            for (query, name) in group {
                let (hits, unconfirmed) = corpus.text_hits_and_unconfirmed(query);
                self.unconfirmed |= unconfirmed;
                let Some(hits) = hits else {
                    continue;
                };
                if let Some(also) = name.and_then(|i| self.also.get_mut(i)) {
                    also.hits = hits.len();
                }
                for (doc, score) in hits {
                    let score = if name.is_none() {
                        score + TYPED_FIRST
                    } else {
                        score
                    };
                    let slot = best.entry(doc).or_insert(score);
                    *slot = slot.max(score);
                }
            }
            found = Some(match found {
                None => best,
                Some(before) => before
                    .into_iter()
                    .filter_map(|(doc, score)| best.get(&doc).map(|b| (doc, score + b)))
                    .collect(),
            });
        }
        let mut hits: Vec<(u32, f32)> = found.unwrap_or_default().into_iter().collect();
        hits.sort_unstable_by_key(|&(doc, _)| doc);
        Some(hits)
    }

    /// The query cards mark matches of: the typed items and every name that found something.
    pub fn marking(&self) -> Query {
        if self.groups.is_empty() {
            return self.typed.clone();
        }
        let mut items = self.typed.items().to_vec();
        for (query, name) in self.groups.iter().flatten() {
            if name
                .and_then(|i| self.also.get(i))
                .is_some_and(|a| a.hits > 0)
            {
                items.extend(query.items().iter().cloned());
            }
        }
        Query::from_items(items).with_limit_of(&self.typed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::search::expand::Expansions;
    use crate::view::answer;

    fn blob() -> CorpusBlob {
        let article = |id: &str, lang: &str, text: &str| {
            let mut a = Article::for_test(id, Some("2025-01-02"), lang, &["KH"]);
            a.paragraphs = vec![text.into()];
            a
        };
        let articles = [
            article("en", "en", "Police in Cambodia raided a compound."),
            article("vi", "vi", "Cảnh sát Campuchia đột kích."),
            article("th", "th", "ตำรวจกัมพูชาบุกค้น"),
            article("zh", "zh-Hans", "柬埔寨警方突击搜查。"),
            article("other", "en", "Police in Laos."),
        ];
        let names = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        CorpusBlob::new(&articles, vec![("KH".into(), "Cambodia".into())])
            .expect("packs")
            .with_expansions(Expansions::new(vec![
                names(&["Cambodia", "Campuchia", "กัมพูชา", "柬埔寨", "Kamboja"]),
                names(&["police", "cảnh sát", "ตำรวจ", "警方"]),
            ]))
    }

    fn ids(blob: &CorpusBlob, view: &str) -> Vec<String> {
        let state = ViewState::parse(view).0;
        let answered = answer(blob, &state);
        answered
            .results
            .range(0..answered.results.len())
            .iter()
            .map(|&i| blob.catalog().id(i as usize).to_owned())
            .collect()
    }

    #[test]
    fn a_country_in_one_language_finds_it_in_every_language_typed_first() {
        let blob = blob();
        let found = ids(&blob, "q=Cambodia");
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0], "en", "the typed word ranks first");
        assert_eq!(ids(&blob, "q=Cambodia&xlang=off"), ["en"]);
        let skipped = ids(&blob, "q=Cambodia&xskip=campuchia");
        assert!(
            !skipped.contains(&"vi".to_owned()) && skipped.len() == 3,
            "{skipped:?}"
        );
        // From Thai, the English and the others.
        assert_eq!(ids(&blob, "q=กัมพูชา").len(), 4);
        assert_eq!(ids(&blob, "q=กัมพูชา")[0], "th");
    }

    #[test]
    fn groups_are_anded_and_names_of_several_words_are_phrases() {
        let blob = blob();
        // police AND Cambodia, each in any language: not Laos.
        let found = ids(&blob, "q=police cambodia ");
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(!found.contains(&"other".to_owned()));
        // "cảnh sát" typed in Vietnamese finds the English and the Chinese police.
        let found = ids(&blob, "q=cảnh sát ");
        assert!(
            found.contains(&"en".to_owned()) && found.contains(&"zh".to_owned()),
            "{found:?}"
        );
        assert_eq!(found[0], "vi");
    }

    #[test]
    fn long_latin_words_match_near_spellings_exact_first_never_runs() {
        let blob = blob();
        let spelled = |view: &str| -> Vec<String> {
            answer(&blob, &ViewState::parse(view).0)
                .also
                .into_iter()
                .filter(|a| a.kind == AlsoKind::Spelling)
                .map(|a| a.text)
                .collect()
        };
        // A letter missing: the Vietnamese article, through `campuchia`.
        assert_eq!(spelled("q=Campucha&xlang=off"), ["campuchia"]);
        assert_eq!(ids(&blob, "q=Campucha&xlang=off"), ["vi"]);
        assert!(ids(&blob, "q=Campucha&xlang=off&typo=off").is_empty());
        // Exact matches first: `raided` typed finds `raided` and, one edit away, nothing else here.
        assert_eq!(ids(&blob, "q=compund&xlang=off")[0], "en");
        // Four letters are too short; a word still being typed that has completions waits.
        assert!(
            spelled("q=poice&xlang=off").is_empty() || spelled("q=poice&xlang=off") == ["police"]
        );
        assert!(spelled("q=Laoz&xlang=off").is_empty());
        assert!(spelled("q=campu&xlang=off").is_empty());
        // Never a Thai or Chinese run.
        assert!(spelled("q=ตำรวจกัมพูชาบุกค").is_empty());
        assert!(spelled("q=柬埔寨警").is_empty());
    }

    #[test]
    fn the_answer_says_what_it_also_searched_and_marks_it() {
        let blob = blob();
        let answered = answer(&blob, &ViewState::parse("q=Cambodia").0);
        let also: Vec<(&str, usize)> = answered
            .also
            .iter()
            .filter(|a| a.kind == AlsoKind::Language)
            .map(|a| (a.text.as_str(), a.hits))
            .collect();
        assert_eq!(
            also,
            [
                ("Campuchia", 1),
                ("กัมพูชา", 1),
                ("柬埔寨", 1),
                ("Kamboja", 0)
            ]
        );
        // Cards mark the names that found something.
        let marked: Vec<&str> = answered
            .query
            .items()
            .iter()
            .map(|i| i.parts[0].text.as_str())
            .collect();
        assert!(
            marked.contains(&"campuchia") && !marked.contains(&"kamboja"),
            "{marked:?}"
        );
        assert!(answer(&blob, &ViewState::parse("q=Cambodia&xlang=off").0)
            .also
            .is_empty());
    }
}
