//! Search across languages: a query word that names something the corpus's expansion table
//! knows (a country in any language the gazetteer holds, or a concept of the reviewed domain
//! glossary) also finds that thing's names in every other language.
//!
//! The table is data the build writes into the corpus ([`Expansions`]): groups of names, each
//! group one country or one concept. A query's items are matched against it longest first, so
//! `money laundering` and `Thái Lan` (two words each) are one name, and `thai` alone is the
//! demonym. Each match becomes an [`ExpandedGroup`]: the typed items, and the group's other
//! names as queries of their own (one word, one run, or a phrase for a name of several words).
//!
//! How an expanded query matches ([`crate::view::answer`]): each group of the query is an OR of
//! its typed items (AND-ed, as typed) and its names; the groups, and the items no group covers,
//! are AND-ed. An article that has the typed words ranks above one that has only another name.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::search::fold::fold;
use crate::search::query::{Item, Query};
use crate::search::tokenize::segments;

/// The most query items one name may span (`memorandum of understanding` is three).
const MAX_SPAN: usize = 6;

/// The most names one group may add to a query (a shared link's query stays bounded).
const MAX_NAMES: usize = 64;

/// Groups of names that mean the same thing in different languages.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Expansions {
    /// Each group's names as written (a country's names, or a concept's words).
    groups: Vec<Vec<String>>,
    /// Search key → the groups holding a name with that key, built on first use.
    #[serde(skip)]
    lookup: OnceLock<HashMap<String, Vec<u32>>>,
}

impl PartialEq for Expansions {
    fn eq(&self, other: &Expansions) -> bool {
        self.groups == other.groups
    }
}

/// One name of a group, in a query: what the reader sees, and what it searches.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The name as the data writes it (`Campuchia`, `กัมพูชา`).
    pub text: String,
    /// Its search key (folded, segments joined by a space): what `xskip=` names.
    pub key: String,
    /// The name as a query: a word, a run, or a phrase.
    pub query: Query,
}

/// Typed items that name something the table knows, and that thing's other names.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpandedGroup {
    /// The positions of the typed items in the query's items.
    pub typed: Range<usize>,
    /// The other names, in the table's order, without the typed one and the skipped ones.
    pub variants: Vec<Variant>,
}

/// The search key of a name or of typed text: folded, its segments joined by one space.
pub fn key_of(text: &str) -> String {
    let folded = fold(text);
    let parts: Vec<&str> = segments(&folded).map(|s| s.text).collect();
    parts.join(" ")
}

impl Expansions {
    /// A table of these groups (names that fold to nothing are dropped, and so are groups left
    /// with fewer than two names).
    pub fn new(groups: Vec<Vec<String>>) -> Expansions {
        let groups = groups
            .into_iter()
            .map(|names| {
                let mut seen = std::collections::HashSet::new();
                names
                    .into_iter()
                    .filter(|name| {
                        let key = key_of(name);
                        !key.is_empty() && seen.insert(key)
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|names| names.len() > 1)
            .collect();
        Expansions {
            groups,
            lookup: OnceLock::new(),
        }
    }

    /// How many groups, and how many names in all.
    pub fn size(&self) -> (usize, usize) {
        (self.groups.len(), self.groups.iter().map(Vec::len).sum())
    }

    fn lookup(&self) -> &HashMap<String, Vec<u32>> {
        self.lookup.get_or_init(|| {
            let mut lookup: HashMap<String, Vec<u32>> = HashMap::new();
            for (group, names) in self.groups.iter().enumerate() {
                let Ok(group) = u32::try_from(group) else {
                    break;
                };
                for name in names {
                    let ids = lookup.entry(key_of(name)).or_default();
                    if ids.last() != Some(&group) {
                        ids.push(group);
                    }
                }
            }
            lookup
        })
    }

    /// The groups `query`'s items name, longest match first from each item, with their other
    /// names (those whose key is in `skip` left out).
    pub fn expand(&self, query: &Query, skip: &[String]) -> Vec<ExpandedGroup> {
        let lookup = self.lookup();
        let items = query.items();
        let mut found = Vec::new();
        if lookup.is_empty() {
            return found;
        }
        let mut at = 0;
        while at < items.len() {
            let longest = (1..=MAX_SPAN.min(items.len() - at)).rev().find_map(|len| {
                let span = items.get(at..at + len)?;
                // Several items make one name only when each is a bare word or run.
                if len > 1 && span.iter().any(|item| item.parts.len() != 1) {
                    return None;
                }
                let key = span_key(span);
                lookup.get(&key).map(|groups| (len, key, groups))
            });
            let Some((len, typed_key, groups)) = longest else {
                at += 1;
                continue;
            };
            let mut keys = vec![typed_key];
            let mut variants = Vec::new();
            for name in groups
                .iter()
                .filter_map(|&g| self.groups.get(g as usize))
                .flatten()
            {
                let key = key_of(name);
                if keys.contains(&key) || skip.contains(&key) || variants.len() == MAX_NAMES {
                    continue;
                }
                keys.push(key.clone());
                let query = if key.contains(' ') {
                    Query::parse_exact(&format!("\"{key}\""))
                } else {
                    Query::parse_exact(&key)
                };
                variants.push(Variant {
                    text: name.clone(),
                    key,
                    query,
                });
            }
            found.push(ExpandedGroup {
                typed: at..at + len,
                variants,
            });
            at += len;
        }
        found
    }
}

/// The search key of typed items: their parts' texts joined by one space.
fn span_key(items: &[Item]) -> String {
    let parts: Vec<&str> = items
        .iter()
        .flat_map(|item| item.parts.iter().map(|p| p.text.as_str()))
        .collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Expansions {
        let names = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Expansions::new(vec![
            names(&[
                "Cambodia",
                "Campuchia",
                "กัมพูชา",
                "柬埔寨",
                "Kamboja",
                "កម្ពុជា",
                "Cambodian",
            ]),
            names(&["Thailand", "Thái Lan", "Thai", "ประเทศไทย", "泰国"]),
            names(&[
                "money laundering",
                "rửa tiền",
                "ฟอกเงิน",
                "洗钱",
                "pencucian uang",
            ]),
            names(&["only one"]),
        ])
    }

    fn expand(q: &str) -> Vec<(Range<usize>, Vec<String>)> {
        table()
            .expand(&Query::parse(q), &[])
            .into_iter()
            .map(|g| (g.typed, g.variants.into_iter().map(|v| v.text).collect()))
            .collect()
    }

    #[test]
    fn a_name_in_any_language_brings_the_others() {
        assert_eq!(
            expand("Cambodia"),
            [(
                0..1,
                vec![
                    "Campuchia",
                    "กัมพูชา",
                    "柬埔寨",
                    "Kamboja",
                    "កម្ពុជា",
                    "Cambodian"
                ]
                .into_iter()
                .map(String::from)
                .collect()
            )]
        );
        let from_khmer = expand("កម្ពុជា");
        assert_eq!(from_khmer.len(), 1);
        assert!(from_khmer[0].1.contains(&"Cambodia".to_owned()));
        // Folding: case and diacritics do not matter.
        assert_eq!(
            expand("campuchia")[0].1.first().map(String::as_str),
            Some("Cambodia")
        );
    }

    #[test]
    fn names_of_several_words_match_longest_first() {
        let groups = expand("thai lan police");
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].0, 0..2);
        assert!(groups[0].1.contains(&"ประเทศไทย".to_owned()));
        assert!(!groups[0].1.contains(&"Thái Lan".to_owned()));
        let groups = expand("scam money laundering");
        assert_eq!(groups[0].0, 1..3);
        // A phrase variant searches as a phrase.
        let table = table();
        let expanded = table.expand(&Query::parse("洗钱"), &[]);
        let rua_tien = expanded[0]
            .variants
            .iter()
            .find(|v| v.text == "rửa tiền")
            .expect("variant");
        assert_eq!(rua_tien.key, "rua tien");
        assert_eq!(rua_tien.query.items().len(), 1);
        assert_eq!(rua_tien.query.items()[0].parts.len(), 2);
    }

    #[test]
    fn unknown_words_skipped_names_and_lone_names_expand_to_nothing() {
        assert!(expand("police raid").is_empty());
        assert!(expand("only one").is_empty());
        let skipped = table().expand(&Query::parse("Cambodia"), &["campuchia".to_owned()]);
        assert!(!skipped[0].variants.iter().any(|v| v.text == "Campuchia"));
        assert!(Expansions::default()
            .expand(&Query::parse("Cambodia"), &[])
            .is_empty());
    }
}
