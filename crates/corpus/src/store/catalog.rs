//! What filtering, ordering, facet counts and the timeline need of every article (id, date,
//! language, countries), as flat arrays of small numbers.
//!
//! The app decodes this table at start-up and leaves each article's text encoded until a card
//! or a phrase check needs it ([`crate::CorpusBlob::article`]). A keystroke's filter, facet and
//! timeline pass then reads a few bytes per article instead of chasing its strings.
//!
//! A stored catalog is checked as it decodes: one entry per article in every array, ids and
//! country lists within their strings, every language and country number within its list, and
//! every date a real calendar date. Damaged bytes are then a decoding error, and every accessor
//! answers within bounds (past the end, an empty answer) whatever it is asked.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::article::{newest_first, Article};
use crate::date::Date;
use crate::store::parts::{ends_of, lens_of, span};

/// The per-article facts, in article order. Languages and countries are numbered in order of
/// first appearance; `lang_code` and `country_code` name them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CatalogWire", into = "CatalogWire")]
pub struct Catalog {
    /// Every id, concatenated; `id_ends[i]` is where article `i`'s id ends.
    ids: String,
    id_ends: Vec<u32>,
    dates: Vec<Option<Date>>,
    langs: Vec<String>,
    /// Per article, an index into `langs`.
    lang_of: Vec<u16>,
    countries: Vec<String>,
    /// Article `i`'s countries, most mentioned first: `country_of[country_ends[i - 1]..
    /// country_ends[i]]`, indices into `countries`.
    country_of: Vec<u16>,
    country_ends: Vec<u32>,
    /// Groups of near-duplicate articles (syndicated copies of one story), each two or more
    /// distinct article indices, ascending; an article is in at most one group.
    versions: Vec<Vec<u32>>,
    /// Per article, the index of its group in `versions` (`u32::MAX`: none). Empty when there
    /// are no groups.
    version_group: Vec<u32>,
    /// Position of each article in newest-first order (undated last, ties by id).
    rank: Vec<u32>,
    /// Every place, person and organization the articles name.
    entities: Vec<EntityInfo>,
    /// Each article's entities (numbers into `entities`), one after another.
    entity_of: Vec<u32>,
    /// Where each article's entities end in `entity_of`.
    entity_ends: Vec<u32>,
}

/// What kind of thing an article names besides countries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A place below country level (a province, a city, a named area).
    Place,
    /// A person.
    Person,
    /// An organization (a ministry, a police force, an international body…).
    Organization,
}

impl EntityKind {
    /// Every kind, in the sidebar's order.
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Place,
        EntityKind::Person,
        EntityKind::Organization,
    ];
}

/// A place, person or organization some article names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityInfo {
    pub kind: EntityKind,
    /// A stable id (`geonames:1150490`, `th-amlo`, `person:Liu Zhongyi`): what `place=`,
    /// `person=` and `org=` hold.
    pub id: String,
    /// The English name where known (places, organizations), else the name as written.
    pub name: String,
    /// The name in its own script where it differs from `name` (`ตาก` beside `Tak`): the
    /// non-Latin form the articles use most, else a place's name in its country's script.
    #[serde(default)]
    pub local: Option<String>,
    /// ISO 3166-1 alpha-2 of a place or an organization, if any.
    pub country: Option<String>,
    /// A place's latitude and longitude (hundredths of a degree).
    pub at: Option<(i16, i32)>,
}

/// The stored form of a [`Catalog`]: lengths rather than ends (small numbers compress well),
/// and no ranks (recomputed on decoding).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct CatalogWire {
    ids: String,
    id_lens: Vec<u32>,
    dates: Vec<Option<Date>>,
    langs: Vec<String>,
    lang_of: Vec<u16>,
    countries: Vec<String>,
    country_of: Vec<u16>,
    country_counts: Vec<u32>,
    versions: Vec<Vec<u32>>,
    entities: Vec<EntityInfo>,
    entity_of: Vec<u32>,
    entity_counts: Vec<u32>,
}

impl TryFrom<CatalogWire> for Catalog {
    type Error = CatalogOverflow;

    fn try_from(wire: CatalogWire) -> Result<Catalog, CatalogOverflow> {
        let n = wire.id_lens.len();
        let consistent = [
            wire.dates.len(),
            wire.lang_of.len(),
            wire.country_counts.len(),
        ]
        .iter()
        .all(|&len| len == n);
        let id_ends = ends_of(&wire.id_lens).ok_or(CatalogOverflow("ids"))?;
        let country_ends = ends_of(&wire.country_counts).ok_or(CatalogOverflow("countries"))?;
        if !consistent
            || id_ends.last().map_or(0, |&e| e as usize) != wire.ids.len()
            || id_ends
                .iter()
                .any(|&e| !wire.ids.is_char_boundary(e as usize))
            || country_ends.last().map_or(0, |&e| e as usize) != wire.country_of.len()
        {
            return Err(CatalogOverflow("inconsistent lengths"));
        }
        let numbered =
            |ids: &[u16], codes: &[String]| ids.iter().all(|&i| usize::from(i) < codes.len());
        if !numbered(&wire.lang_of, &wire.langs) || !numbered(&wire.country_of, &wire.countries) {
            return Err(CatalogOverflow(
                "a language or country number past its list",
            ));
        }
        let real = |d: &Date| Date::new(d.year, d.month, d.day).is_some();
        if !wire.dates.iter().flatten().all(real) {
            return Err(CatalogOverflow("a date that is not a calendar date"));
        }
        let version_group = version_groups(&wire.versions, n).ok_or(CatalogOverflow(
            "a version group that is not two or more distinct articles",
        ))?;
        // No entity counts at all is a catalog without entities; otherwise one per article.
        let entity_ends = if wire.entity_counts.is_empty() && wire.entity_of.is_empty() {
            vec![0; n]
        } else {
            ends_of(&wire.entity_counts).ok_or(CatalogOverflow("entities"))?
        };
        if entity_ends.len() != n
            || entity_ends.last().map_or(0, |&e| e as usize) != wire.entity_of.len()
            || wire
                .entity_of
                .iter()
                .any(|&e| e as usize >= wire.entities.len())
        {
            return Err(CatalogOverflow("an entity number past its list"));
        }
        let mut catalog = Catalog {
            ids: wire.ids,
            id_ends,
            dates: wire.dates,
            langs: wire.langs,
            lang_of: wire.lang_of,
            countries: wire.countries,
            country_of: wire.country_of,
            country_ends,
            versions: wire.versions,
            version_group,
            rank: Vec::new(),
            entities: wire.entities,
            entity_of: wire.entity_of,
            entity_ends,
        };
        catalog.rank = catalog.newest_first_ranks();
        Ok(catalog)
    }
}

impl From<Catalog> for CatalogWire {
    fn from(catalog: Catalog) -> CatalogWire {
        CatalogWire {
            id_lens: lens_of(&catalog.id_ends),
            country_counts: lens_of(&catalog.country_ends),
            ids: catalog.ids,
            dates: catalog.dates,
            langs: catalog.langs,
            lang_of: catalog.lang_of,
            countries: catalog.countries,
            country_of: catalog.country_of,
            versions: catalog.versions,
            entity_counts: if catalog.entity_of.is_empty() {
                Vec::new()
            } else {
                lens_of(&catalog.entity_ends)
            },
            entities: catalog.entities,
            entity_of: catalog.entity_of,
        }
    }
}

/// Per article, its group's index in `groups` (`u32::MAX`: none), or `None` when a group has
/// fewer than two members, a member past `n`, or an article in two groups.
fn version_groups(groups: &[Vec<u32>], n: usize) -> Option<Vec<u32>> {
    if groups.is_empty() {
        return Some(Vec::new());
    }
    let mut group_of = vec![u32::MAX; n];
    for (g, members) in groups.iter().enumerate() {
        let g = u32::try_from(g).ok()?;
        if members.len() < 2 {
            return None;
        }
        for &member in members {
            let slot = group_of.get_mut(member as usize)?;
            if *slot != u32::MAX {
                return None;
            }
            *slot = g;
        }
    }
    Some(group_of)
}

/// Index of `code` in `codes`, appending it when new. `None` past `u16::MAX` distinct codes.
fn intern(codes: &mut Vec<String>, code: &str) -> Option<u16> {
    let index = match codes.iter().position(|c| c == code) {
        Some(index) => index,
        None => {
            codes.push(code.to_owned());
            codes.len() - 1
        }
    };
    u16::try_from(index).ok()
}

/// A catalog cannot number more than 65,536 languages or countries, or hold more than 4 GiB of
/// ids (no real corpus comes near), and a stored one must be consistent.
#[derive(Debug, thiserror::Error)]
#[error("the article catalog is not valid: {0}")]
pub struct CatalogOverflow(&'static str);

impl Catalog {
    /// The catalog of `articles`, in their order.
    pub fn from_articles(articles: &[Article]) -> Result<Catalog, CatalogOverflow> {
        let mut wire = CatalogWire::default();
        for article in articles {
            wire.ids.push_str(&article.id);
            let len = u32::try_from(article.id.len()).map_err(|_| CatalogOverflow("ids"))?;
            wire.id_lens.push(len);
            wire.dates.push(article.date);
            let lang = intern(&mut wire.langs, &article.lang).ok_or(CatalogOverflow("langs"))?;
            wire.lang_of.push(lang);
            for mention in &article.countries {
                let country = intern(&mut wire.countries, &mention.code)
                    .ok_or(CatalogOverflow("countries"))?;
                wire.country_of.push(country);
            }
            let count =
                u32::try_from(article.countries.len()).map_err(|_| CatalogOverflow("countries"))?;
            wire.country_counts.push(count);
        }
        Catalog::try_from(wire)
    }

    /// The same catalog with near-duplicate groups (article indices; each group two or more
    /// articles, each article in one group at most).
    pub fn with_versions(mut self, groups: Vec<Vec<u32>>) -> Result<Catalog, CatalogOverflow> {
        let mut groups: Vec<Vec<u32>> = groups
            .into_iter()
            .map(|mut g| {
                g.sort_unstable();
                g.dedup();
                g
            })
            .collect();
        groups.retain(|g| g.len() >= 2);
        self.version_group = version_groups(&groups, self.len()).ok_or(CatalogOverflow(
            "an article in two version groups, or past the end",
        ))?;
        self.versions = groups;
        Ok(self)
    }

    /// The same catalog with the places, people and organizations its articles name: `table`
    /// lists each once, and `per_article` gives each article's (numbers into `table`, most
    /// mentioned first).
    pub fn with_entities(
        mut self,
        table: Vec<EntityInfo>,
        per_article: Vec<Vec<u32>>,
    ) -> Result<Catalog, CatalogOverflow> {
        if per_article.len() != self.len()
            || per_article
                .iter()
                .flatten()
                .any(|&e| e as usize >= table.len())
        {
            return Err(CatalogOverflow("an entity number past its list"));
        }
        let counts: Vec<u32> = per_article
            .iter()
            .map(|list| u32::try_from(list.len()).map_err(|_| CatalogOverflow("entities")))
            .collect::<Result<_, _>>()?;
        self.entity_ends = ends_of(&counts).ok_or(CatalogOverflow("entities"))?;
        self.entity_of = per_article.into_iter().flatten().collect();
        self.entities = table;
        Ok(self)
    }

    /// Every place, person and organization the articles name.
    pub fn entity_table(&self) -> &[EntityInfo] {
        &self.entities
    }

    /// The numbered entities of article `index`, most mentioned first.
    pub fn entity_ids(&self, index: usize) -> &[u32] {
        self.entity_of
            .get(span(&self.entity_ends, index))
            .unwrap_or_default()
    }

    /// The entities article `index` names, most mentioned first.
    pub fn entities(&self, index: usize) -> impl Iterator<Item = &EntityInfo> {
        self.entity_ids(index)
            .iter()
            .filter_map(|&e| self.entities.get(e as usize))
    }

    /// The number of the entity of `kind` with this id.
    pub fn entity_position(&self, kind: EntityKind, id: &str) -> Option<u32> {
        self.entities
            .iter()
            .position(|e| e.kind == kind && e.id == id)
            .and_then(|i| u32::try_from(i).ok())
    }

    /// The entity numbered `number`.
    pub fn entity(&self, number: u32) -> Option<&EntityInfo> {
        self.entities.get(number as usize)
    }

    /// How many near-duplicate groups there are.
    pub fn version_group_count(&self) -> usize {
        self.versions.len()
    }

    /// Whether any articles are grouped as versions of one story.
    pub fn has_versions(&self) -> bool {
        !self.versions.is_empty()
    }

    /// The articles of `index`'s near-duplicate group, itself included (empty when it has none).
    pub fn versions_of(&self, index: u32) -> &[u32] {
        self.version_group
            .get(index as usize)
            .and_then(|&g| self.versions.get(g as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// The index of `index`'s near-duplicate group, if it has one.
    pub fn version_group(&self, index: u32) -> Option<u32> {
        self.version_group
            .get(index as usize)
            .copied()
            .filter(|&g| g != u32::MAX)
    }

    pub fn len(&self) -> usize {
        self.id_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id_ends.is_empty()
    }

    /// Article `index`'s id (empty past the end).
    pub fn id(&self, index: usize) -> &str {
        self.ids.get(span(&self.id_ends, index)).unwrap_or_default()
    }

    /// The index of the article with this id.
    pub fn position(&self, id: &str) -> Option<u32> {
        (0..self.len())
            .position(|i| self.id(i) == id)
            .and_then(|i| u32::try_from(i).ok())
    }

    pub fn date(&self, index: usize) -> Option<Date> {
        self.dates.get(index).copied().flatten()
    }

    pub(crate) fn lang_id(&self, index: usize) -> Option<u16> {
        self.lang_of.get(index).copied()
    }

    /// Article `index`'s language code.
    pub fn lang(&self, index: usize) -> &str {
        self.lang_id(index).map_or("", |id| self.lang_code(id))
    }

    /// The numbered countries of article `index`, most mentioned first.
    pub(crate) fn country_ids(&self, index: usize) -> &[u16] {
        self.country_of
            .get(span(&self.country_ends, index))
            .unwrap_or_default()
    }

    /// Article `index`'s country codes, most mentioned first.
    pub fn countries(&self, index: usize) -> impl Iterator<Item = &str> {
        self.country_ids(index)
            .iter()
            .map(|&id| self.country_code(id))
    }

    /// Every language code, numbered as [`Catalog::lang_code`] numbers them.
    pub(crate) fn lang_codes(&self) -> &[String] {
        &self.langs
    }

    pub(crate) fn lang_code(&self, id: u16) -> &str {
        self.langs.get(usize::from(id)).map_or("", String::as_str)
    }

    /// Every country code, numbered as [`Catalog::country_code`] numbers them.
    pub(crate) fn country_codes(&self) -> &[String] {
        &self.countries
    }

    pub(crate) fn country_code(&self, id: u16) -> &str {
        self.countries
            .get(usize::from(id))
            .map_or("", String::as_str)
    }

    /// Newest first, undated last, ties by id: [`Article::cmp_newest_first`] on the catalog.
    pub fn cmp_newest_first(&self, a: usize, b: usize) -> Ordering {
        match (self.rank.get(a), self.rank.get(b)) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => a.cmp(&b),
        }
    }

    /// Article `index`'s position in newest-first order ([`Catalog::cmp_newest_first`] compares
    /// these); past the end, `index` itself.
    pub(crate) fn newest_rank(&self, index: u32) -> u32 {
        self.rank.get(index as usize).copied().unwrap_or(index)
    }

    /// Oldest first, undated last, ties by id (the mirror of [`Catalog::cmp_newest_first`]:
    /// articles of one day keep their newest-first order, which is by id).
    pub fn cmp_oldest_first(&self, a: usize, b: usize) -> Ordering {
        match (self.date(a), self.date(b)) {
            (Some(x), Some(y)) => x.cmp(&y).then_with(|| self.cmp_newest_first(a, b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.cmp_newest_first(a, b),
        }
    }

    fn cmp_by_fields(&self, a: usize, b: usize) -> Ordering {
        newest_first((self.date(a), self.id(a)), (self.date(b), self.id(b)))
    }

    /// Each article's newest-first position. A corpus blob is stored in that order, so checking
    /// it is one pass; any other order is sorted.
    fn newest_first_ranks(&self) -> Vec<u32> {
        let n = self.len();
        let in_order = (1..n).all(|i| self.cmp_by_fields(i - 1, i) != Ordering::Greater);
        let mut order: Vec<usize> = (0..n).collect();
        if !in_order {
            order.sort_by(|&a, &b| self.cmp_by_fields(a, b));
        }
        let mut rank = vec![0u32; n];
        for (position, index) in order.into_iter().enumerate() {
            rank[index] = u32::try_from(position).unwrap_or(u32::MAX);
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Article> {
        vec![
            Article::for_test("b", Some("2025-09-30"), "en", &["TH", "KH"]),
            Article::for_test("a", Some("2025-10-16"), "vi", &["VN", "KH"]),
            Article::for_test("f", None, "und", &[]),
            Article::for_test("d", None, "th", &["TH"]),
            Article::for_test("c", Some("2025-09-30"), "vi", &["VN"]),
        ]
    }

    #[test]
    fn answers_what_the_articles_say() {
        let articles = sample();
        let catalog = Catalog::from_articles(&articles).expect("catalog");
        assert_eq!(catalog.len(), articles.len());
        for (i, a) in articles.iter().enumerate() {
            assert_eq!(catalog.id(i), a.id);
            assert_eq!(catalog.date(i), a.date);
            assert_eq!(catalog.lang(i), a.lang);
            let codes: Vec<&str> = a.countries.iter().map(|m| m.code.as_str()).collect();
            assert_eq!(catalog.countries(i).collect::<Vec<_>>(), codes);
            assert_eq!(catalog.position(&a.id), u32::try_from(i).ok());
        }
        assert_eq!(catalog.position("zz"), None);
        assert_eq!(catalog.id(99), "");
        assert_eq!(catalog.countries(99).count(), 0);
    }

    #[test]
    fn orders_like_the_articles() {
        let articles = sample();
        let catalog = Catalog::from_articles(&articles).expect("catalog");
        for a in 0..articles.len() {
            for b in 0..articles.len() {
                assert_eq!(
                    catalog.cmp_newest_first(a, b),
                    articles[a].cmp_newest_first(&articles[b]),
                    "{a} {b}"
                );
            }
        }
    }

    /// A stored catalog whose numbers or dates are out of range does not decode.
    #[test]
    fn damaged_catalogs_do_not_decode() {
        let good = Catalog::from_articles(&sample()).expect("catalog");
        let wire = CatalogWire::from(good);
        let decodes = |wire: &CatalogWire| {
            let bytes = postcard::to_allocvec(wire).expect("encode");
            postcard::from_bytes::<Catalog>(&bytes).is_ok()
        };
        assert!(decodes(&wire));
        let damages: [fn(&mut CatalogWire); 6] = [
            |w| w.lang_of[0] = 99,
            |w| w.country_of[0] = 99,
            |w| w.langs.clear(),
            |w| {
                w.dates[0] = Some(Date {
                    year: 2025,
                    month: 2,
                    day: 30,
                })
            },
            |w| {
                w.dates[1] = Some(Date {
                    year: 0,
                    month: 1,
                    day: 1,
                })
            },
            |w| {
                w.id_lens.pop();
            },
        ];
        for damage in damages {
            let mut damaged = wire.clone();
            damage(&mut damaged);
            assert!(!decodes(&damaged), "{damaged:?}");
        }
    }

    #[test]
    fn round_trips_with_its_ranks() {
        let catalog = Catalog::from_articles(&sample()).expect("catalog");
        let bytes = postcard::to_allocvec(&catalog).expect("encode");
        let back: Catalog = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(back, catalog);
    }
}
