//! The table of names a query word also searches in other languages (build time): the reviewed
//! domain glossary (`data/glossary.tsv`: each concept's words in English, Vietnamese, Thai,
//! Chinese, Indonesian, Malay, Khmer and Burmese) and, for every country the articles mention,
//! its names in every language of the gazetteer (CLDR names, demonyms and everyday forms).
//! The run-time crate reads it ([`corpus::search::expand`]).

use std::collections::BTreeSet;

use corpus::search::expand::Expansions;
use corpus::Article;

use crate::detect::countries::names_by_country;

/// The glossary, compiled in.
const GLOSSARY: &str = include_str!("../data/glossary.tsv");

/// One glossary line that is not `CONCEPT<TAB>LANG<TAB>WORDS`.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("glossary.tsv line {line}: {reason}")]
pub struct GlossaryError {
    pub line: usize,
    pub reason: &'static str,
}

/// The languages a glossary line may be in.
pub const GLOSSARY_LANGS: [&str; 9] = [
    "en", "vi", "th", "zh-Hans", "zh-Hant", "id", "ms", "km", "my",
];

/// One glossary concept: its id and its words, each with its language.
pub type Concept = (String, Vec<(String, String)>);

/// The glossary's concepts, in file order: the concept id and its words in every language.
pub fn glossary() -> Result<Vec<Concept>, GlossaryError> {
    let mut concepts: Vec<Concept> = Vec::new();
    for (n, line) in GLOSSARY.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [concept, lang, words] = fields.as_slice() else {
            return Err(GlossaryError {
                line: line_no,
                reason: "not three tab-separated fields",
            });
        };
        if !GLOSSARY_LANGS.contains(lang) {
            return Err(GlossaryError {
                line: line_no,
                reason: "unknown language",
            });
        }
        let words: Vec<String> = words.split(" | ").map(|w| w.trim().to_owned()).collect();
        if words.iter().any(String::is_empty) {
            return Err(GlossaryError {
                line: line_no,
                reason: "an empty word",
            });
        }
        match concepts.last_mut() {
            Some((id, entries)) if id == concept => {
                entries.extend(words.into_iter().map(|w| ((*lang).to_owned(), w)));
            }
            _ => concepts.push((
                (*concept).to_owned(),
                words.into_iter().map(|w| ((*lang).to_owned(), w)).collect(),
            )),
        }
    }
    Ok(concepts)
}

/// The expansion table for these articles: every glossary concept, and the names of every
/// country they mention. (The glossary is compiled in, and a test keeps it well formed.)
pub fn expansions(articles: &[Article]) -> Expansions {
    let mut groups: Vec<Vec<String>> = glossary()
        .unwrap_or_default()
        .into_iter()
        .map(|(_, words)| words.into_iter().map(|(_, w)| w).collect())
        .collect();
    let mentioned: BTreeSet<&str> = articles
        .iter()
        .flat_map(|a| a.countries.iter().map(|c| c.code.as_str()))
        .collect();
    let names = names_by_country();
    for code in mentioned {
        if let Some(names) = names.get(code) {
            groups.push(names.clone());
        }
    }
    Expansions::new(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_has_every_language_for_every_concept() {
        let concepts = glossary().expect("the glossary parses");
        assert!(concepts.len() >= 150, "{} concepts", concepts.len());
        let mut ids = BTreeSet::new();
        for (id, words) in &concepts {
            assert!(
                ids.insert(id.clone()),
                "{id} appears twice (or not in one block)"
            );
            for lang in GLOSSARY_LANGS {
                assert!(words.iter().any(|(l, _)| l == lang), "{id} has no {lang}");
            }
        }
    }

    #[test]
    fn a_country_and_a_concept_expand_across_languages() {
        let article = Article {
            id: "a".into(),
            file: "a.txt".into(),
            date: None,
            title: "Cambodia".into(),
            title_derived: false,
            lang: "en".into(),
            countries: vec![corpus::CountryMention {
                code: "KH".into(),
                mentions: 1,
            }],
            source: None,
            captions: Vec::new(),
            paragraphs: vec!["Cambodia".into()],
            warnings: Vec::new(),
        };
        let table = expansions(&[article]);
        let found = |q: &str| -> Vec<String> {
            table
                .expand(&corpus::search::Query::parse(q), &[])
                .into_iter()
                .flat_map(|g| g.variants.into_iter().map(|v| v.text))
                .collect()
        };
        let cambodia = found("Cambodia");
        for name in ["Campuchia", "กัมพูชา", "柬埔寨", "Kamboja", "កម្ពុជា"]
        {
            assert!(
                cambodia.iter().any(|n| n == name),
                "{name} missing from {cambodia:?}"
            );
        }
        let scam = found("scam");
        assert!(scam.iter().any(|n| n == "lừa đảo"), "{scam:?}");
        assert!(scam.iter().any(|n| n == "诈骗"), "{scam:?}");
        // Countries the articles do not mention are not in the table.
        assert!(found("Peru").is_empty());
    }
}
