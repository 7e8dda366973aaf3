//! Named together: for the countries a view's results name most, how many results name each
//! pair, as a symmetric matrix (the diagonal: results naming that country). A cell is a filter
//! to both countries (`match=all`).

use crate::store::CorpusBlob;
use crate::view::answer::Answer;

/// The countries the matrix shows at most.
pub const MAX_TOGETHER: usize = 8;

/// The matrix of a view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Together {
    /// The countries, most named first (ties by code).
    pub countries: Vec<String>,
    /// `counts[a][b]`: results naming both `countries[a]` and `countries[b]`.
    pub counts: Vec<Vec<u32>>,
}

/// The matrix of `answer`'s results (at most [`MAX_TOGETHER`] countries; none when fewer than
/// two countries are named).
pub fn named_together(corpus: &CorpusBlob, answer: &Answer) -> Together {
    let catalog = corpus.catalog();
    let results = answer.results.all();
    let mut named: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for &i in &results {
        for code in catalog.countries(i as usize) {
            *named.entry(code).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(&str, u32)> = named.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.truncate(MAX_TOGETHER);
    if ranked.len() < 2 {
        return Together::default();
    }
    let countries: Vec<String> = ranked.iter().map(|(c, _)| (*c).to_owned()).collect();
    let mut counts = vec![vec![0u32; countries.len()]; countries.len()];
    for &i in &results {
        let here: Vec<usize> = catalog
            .countries(i as usize)
            .filter_map(|code| countries.iter().position(|c| c == code))
            .collect();
        for &a in &here {
            for &b in &here {
                if let Some(cell) = counts.get_mut(a).and_then(|row| row.get_mut(b)) {
                    *cell += 1;
                }
            }
        }
    }
    Together { countries, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::view::answer;
    use crate::view::state::ViewState;

    #[test]
    fn pairs_count_the_results_naming_both() {
        let articles = [
            Article::for_test("a", Some("2025-01-03"), "en", &["TH", "KH"]),
            Article::for_test("b", Some("2025-01-02"), "en", &["TH", "KH", "CN"]),
            Article::for_test("c", Some("2025-01-01"), "en", &["TH"]),
        ];
        let blob = CorpusBlob::new(&articles, vec![]).expect("packs");
        let together = named_together(&blob, &answer(&blob, &ViewState::default()));
        assert_eq!(together.countries, ["TH", "KH", "CN"]);
        assert_eq!(together.counts[0], [3, 2, 1]);
        assert_eq!(together.counts[1][2], 1);
        assert_eq!(together.counts[2][1], 1);
        // Brute force: each cell is the number of results naming both.
        for (a, ca) in together.countries.iter().enumerate() {
            for (b, cb) in together.countries.iter().enumerate() {
                let both = articles
                    .iter()
                    .filter(|x| {
                        x.countries.iter().any(|c| &c.code == ca)
                            && x.countries.iter().any(|c| &c.code == cb)
                    })
                    .count();
                assert_eq!(together.counts[a][b] as usize, both);
            }
        }
        let one = named_together(&blob, &answer(&blob, &ViewState::parse("country=CN").0));
        assert_eq!(one.countries.len(), 3);
    }
}
