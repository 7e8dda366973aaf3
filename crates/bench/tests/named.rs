//! Places, people and organizations in the generated corpus (issue 26): the generator writes
//! them in every language, the build's extractor finds them, and the views that filter on them
//! (`place=`, `person=`, `org=`, alone and with `q=`, `country=`, `lang=`, dates) agree with
//! brute force: the results, the result total, the country, language, timeline and entity
//! counts that `corpus::view::answer` and `Answer::counts` give over the blob the site ships
//! (`SeedsReport::to_blob`, through its bytes) equal a count over every article's entities as the
//! extractor finds them afresh ([`bench::brute::named_view_counts`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use bench::brute::{named_entities, named_view_counts, selected_entities, FoldedCorpus, Named};
use bench::counts::ViewCounts;
use bench::generate::{self, named::Kind, Truth};
use corpus::search::Query;
use corpus::store::catalog::EntityKind;
use corpus::view::answer;
use corpus::view::state::ViewState;
use corpus::CorpusBlob;
use ingest::seeds::{load_seeds, SeedsReport};

const SEED: u64 = 26;
const N: usize = 400;

struct Loaded {
    truths: Vec<(String, Truth)>,
    report: SeedsReport,
    /// The blob as the site loads it: packed by the build's pipeline, written, read back.
    blob: CorpusBlob,
    folded: FoldedCorpus,
    /// Each article's entities, by the extractor run afresh.
    named: Vec<Named>,
}

static LOADED: LazyLock<Loaded> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("borderlines-named-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let stats = generate::write_corpus(&dir, SEED, N).expect("write corpus");
    let report = load_seeds(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.articles.len(), N);
    let bytes = report
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .expect("pack");
    let blob = CorpusBlob::from_bytes(&bytes).expect("unpack");
    let folded = FoldedCorpus::new(&report.articles);
    let named = named_entities(&report.articles);
    Loaded {
        truths: stats.truths,
        report,
        blob,
        folded,
        named,
    }
});

fn kind_of(kind: Kind) -> EntityKind {
    match kind {
        Kind::Place => EntityKind::Place,
        Kind::Person => EntityKind::Person,
        Kind::Organization => EntityKind::Organization,
    }
}

#[test]
fn entities_of_every_kind_are_found_in_every_language() {
    let loaded = &*LOADED;
    let agreement = generate::entity_agreement(&loaded.truths, &loaded.report);
    eprintln!("{agreement}");
    // Distinct entities the extractor finds, per generated language and kind.
    let lang_of: BTreeMap<&str, &str> = loaded
        .truths
        .iter()
        .map(|(id, t)| (id.as_str(), t.lang))
        .collect();
    let mut distinct: BTreeMap<(&str, EntityKind), BTreeSet<&str>> = BTreeMap::new();
    for (article, named) in loaded.report.articles.iter().zip(&loaded.named) {
        let lang = lang_of.get(article.id.as_str()).copied().unwrap_or("?");
        for (kind, id) in named {
            distinct
                .entry((lang, *kind))
                .or_default()
                .insert(id.as_str());
        }
    }
    for ((lang, kind), ids) in &distinct {
        eprintln!("{lang} {kind:?}: {} distinct", ids.len());
    }
    let mut failures = Vec::new();
    for (lang, _) in generate::LANGUAGES {
        for kind in Kind::ALL {
            let (written, found) = agreement.of(lang, kind);
            if written == 0 || found * 10 < written * 9 {
                failures.push(format!(
                    "{lang} {kind:?}: found {found} of {written} written"
                ));
            }
            if distinct
                .get(&(lang, kind_of(kind)))
                .is_none_or(BTreeSet::is_empty)
            {
                failures.push(format!("{lang} {kind:?}: none found"));
            }
        }
    }
    assert!(failures.is_empty(), "{agreement}\n{}", failures.join("\n"));
}

#[test]
fn the_blob_holds_the_entities_the_extractor_finds() {
    let loaded = &*LOADED;
    let catalog = loaded.blob.catalog();
    for (i, named) in loaded.named.iter().enumerate() {
        let stored: Named = catalog
            .entities(i)
            .map(|e| (e.kind, e.id.clone()))
            .collect();
        assert_eq!(&stored, named, "{}", loaded.report.articles[i].id);
    }
    let table: BTreeSet<(EntityKind, String)> = catalog
        .entity_table()
        .iter()
        .map(|e| (e.kind, e.id.clone()))
        .collect();
    let all: BTreeSet<(EntityKind, String)> = loaded.named.iter().flatten().cloned().collect();
    assert_eq!(table, all);
    for kind in [
        EntityKind::Place,
        EntityKind::Person,
        EntityKind::Organization,
    ] {
        let distinct = table.iter().filter(|(k, _)| *k == kind).count();
        let articles = loaded
            .named
            .iter()
            .filter(|n| n.iter().any(|(k, _)| *k == kind))
            .count();
        eprintln!("{kind:?}: {distinct} distinct, named by {articles} of {N} articles");
    }
}

/// The most often named entities of `kind` over `articles` (indices), most first (ties by id).
fn most_named(named: &[Named], articles: &[usize], kind: EntityKind) -> Vec<(String, u32)> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for &i in articles {
        for (k, id) in &named[i] {
            if *k == kind {
                *counts.entry(id.as_str()).or_default() += 1;
            }
        }
    }
    let mut v: Vec<(String, u32)> = counts
        .into_iter()
        .map(|(id, n)| (id.to_owned(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn with(state: &ViewState, kind: EntityKind, id: &str) -> ViewState {
    state.toggle_entity(kind, id)
}

/// The views to check: each entity kind alone, two or three together, and with a text query,
/// countries, languages, dates and undated articles.
fn views(loaded: &Loaded) -> Vec<(ViewState, String)> {
    let named = &loaded.named;
    let articles = &loaded.report.articles;
    let every: Vec<usize> = (0..articles.len()).collect();
    let of_lang = |lang: &str| -> Vec<usize> {
        every
            .iter()
            .copied()
            .filter(|&i| articles[i].lang == lang)
            .collect()
    };
    let top = |kind, among: &[usize], rank: usize| -> String {
        most_named(named, among, kind)
            .get(rank)
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| format!("none-{kind:?}-{rank}"))
    };
    let parse = |url: &str| {
        let (state, notices) = ViewState::parse(url);
        assert!(notices.is_empty(), "{url}: {notices:?}");
        state
    };
    let mut out: Vec<(ViewState, String)> = Vec::new();
    // The four most named of each kind, alone.
    for kind in [
        EntityKind::Place,
        EntityKind::Person,
        EntityKind::Organization,
    ] {
        for rank in 0..4 {
            out.push((
                with(&ViewState::default(), kind, &top(kind, &every, rank)),
                String::new(),
            ));
        }
    }
    let place = top(EntityKind::Place, &every, 0);
    let person = top(EntityKind::Person, &every, 0);
    let org = top(EntityKind::Organization, &every, 0);
    // Two of a kind, and one of each kind, taken from one article that names them.
    let full = every
        .iter()
        .copied()
        .find(|&i| {
            [
                EntityKind::Place,
                EntityKind::Person,
                EntityKind::Organization,
            ]
            .iter()
            .all(|k| named[i].iter().filter(|(kind, _)| kind == k).count() >= 2)
        })
        .expect("an article names two of each kind");
    let mut three = ViewState::default();
    let mut two_places = ViewState::default();
    for kind in [
        EntityKind::Place,
        EntityKind::Person,
        EntityKind::Organization,
    ] {
        let mut ids = named[full]
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| id);
        let first = ids.next().expect("two");
        three = with(&three, kind, first);
        if kind == EntityKind::Place {
            two_places = with(
                &with(&two_places, kind, first),
                kind,
                ids.next().expect("two"),
            );
        }
    }
    out.push((three.clone(), String::new()));
    out.push((two_places, String::new()));
    out.push((
        with(
            &with(&ViewState::default(), EntityKind::Place, &place),
            EntityKind::Organization,
            &org,
        ),
        String::new(),
    ));
    // With countries, languages, dates and undated articles.
    for url in [
        "country=KH,TH&match=any",
        "country=KH,TH&match=all&from=2015&to=2024-06",
        "lang=vi,th",
        "undated=only",
        "country=MM&undated=exclude",
        "from=2020",
    ] {
        for (kind, id) in [
            (EntityKind::Place, &place),
            (EntityKind::Person, &person),
            (EntityKind::Organization, &org),
        ] {
            out.push((with(&parse(url), kind, id), String::new()));
        }
    }
    // Per language: its most named place, person and organization, with its language selected.
    for lang in ["en", "vi", "th", "zh-Hans", "id", "ms"] {
        let among = of_lang(lang);
        for kind in [
            EntityKind::Place,
            EntityKind::Person,
            EntityKind::Organization,
        ] {
            if let Some((id, _)) = most_named(named, &among, kind).first() {
                out.push((
                    with(&parse(&format!("lang={lang}")), kind, id),
                    String::new(),
                ));
            }
        }
    }
    // With a text query: a common word of each language, and the place's own name.
    let queries = [
        generate::words("en")[1],
        generate::words("vi")[2],
        generate::words("th")[1],
        generate::words("zh")[1],
        generate::words("id")[2],
    ];
    for q in queries {
        for (kind, id) in [
            (EntityKind::Place, &place),
            (EntityKind::Person, &person),
            (EntityKind::Organization, &org),
        ] {
            out.push((with(&ViewState::default(), kind, id), q.to_owned()));
        }
    }
    out.push((
        with(&ViewState::default(), EntityKind::Place, &place),
        "Bangkok".into(),
    ));
    out.push((three, generate::words("en")[1].to_owned()));
    // An entity no article names: nothing matches.
    out.push((
        with(&ViewState::default(), EntityKind::Place, "geonames:0"),
        String::new(),
    ));
    out.push((
        with(&parse("country=KH"), EntityKind::Organization, "xx-none"),
        String::new(),
    ));
    out
}

#[test]
fn entity_views_equal_brute_force() {
    let loaded = &*LOADED;
    let articles = &loaded.report.articles;
    let catalog = loaded.blob.catalog();
    let views = views(loaded);
    let mut failures = Vec::new();
    let mut nonempty = 0;
    let mut faceted = 0;
    for (base, q) in &views {
        // Exact matching, as brute force has it: no near spellings, no names in other languages.
        let state = base
            .set_query(&if q.is_empty() {
                String::new()
            } else {
                format!("{q} ")
            })
            .set_typo_tolerance(false)
            .set_cross_language(false);
        let url = state.to_query();
        let app = answer(&loaded.blob, &state);
        let text = (!q.is_empty()).then(|| {
            let want = loaded.folded.text_matches(&Query::parse_exact(q));
            let got: BTreeSet<u32> = app
                .hits
                .as_deref()
                .unwrap_or_default()
                .iter()
                .map(|&(d, _)| d)
                .collect();
            if got != want {
                failures.push(format!(
                    "{url}: text hits {} != brute force {}",
                    got.len(),
                    want.len()
                ));
            }
            want
        });
        let want = named_view_counts(articles, &loaded.named, &state, text.as_ref());
        let counts = app.counts(&loaded.blob, &state);
        // Results: the cards and the versions folded into them.
        let mut results: BTreeSet<u32> = app.results.all().into_iter().collect();
        results.extend(app.versions.iter().flat_map(|(_, v)| v.iter().copied()));
        if results != want.results {
            failures.push(format!(
                "{url}: results {} != brute force {}; missing {:?}, extra {:?}",
                results.len(),
                want.results.len(),
                want.results
                    .difference(&results)
                    .map(|&i| &articles[i as usize].id)
                    .collect::<Vec<_>>(),
                results
                    .difference(&want.results)
                    .map(|&i| &articles[i as usize].id)
                    .collect::<Vec<_>>(),
            ));
        }
        let got_counts = ViewCounts::from_app(&counts);
        if got_counts != want.counts {
            failures.push(format!(
                "{url}: counts\n  got  {}\n  want {}",
                got_counts.to_json(),
                want.counts.to_json()
            ));
        }
        // Entity chips: what the results name, plus each selected one the corpus knows.
        let got: BTreeMap<(EntityKind, String), u32> = counts
            .facets
            .entities
            .iter()
            .map(|&(n, count)| {
                let e = catalog.entity(n).expect("a listed entity is in the table");
                ((e.kind, e.id.clone()), count)
            })
            .collect();
        let mut expected = want.entities.clone();
        for key in selected_entities(&state) {
            if catalog.entity_position(key.0, &key.1).is_some() {
                expected.entry(key).or_insert(0);
            }
        }
        if got != expected {
            let diff: Vec<String> = got
                .keys()
                .chain(expected.keys())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|k| got.get(*k) != expected.get(*k))
                .map(|k| {
                    format!(
                        "{:?} {}: got {:?}, want {:?}",
                        k.0,
                        k.1,
                        got.get(k),
                        expected.get(k)
                    )
                })
                .collect();
            failures.push(format!(
                "{url}: entity counts differ:\n  {}",
                diff.join("\n  ")
            ));
        }
        if counts.facets.entities.len() != got.len()
            || counts.facets.entities.windows(2).any(|w| w[0].1 < w[1].1)
        {
            failures.push(format!(
                "{url}: entity chips not distinct and count-descending"
            ));
        }
        // A selected entity's chip counts every result.
        for key in selected_entities(&state) {
            if let Some(&n) = got.get(&key) {
                if n != want.counts.total {
                    failures.push(format!(
                        "{url}: selected {} counts {n} of {}",
                        key.1, want.counts.total
                    ));
                }
            }
        }
        if want.counts.total > 0 {
            nonempty += 1;
        }
        if want.entities.len() > selected_entities(&state).len() {
            faceted += 1;
        }
    }
    eprintln!(
        "{} views, {nonempty} with results, {faceted} with other entities named",
        views.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(views.len() >= 50, "{}", views.len());
    assert!(
        nonempty * 10 >= views.len() * 7,
        "{nonempty} of {} views have results",
        views.len()
    );
    assert!(
        faceted * 10 >= views.len() * 6,
        "{faceted} of {} views",
        views.len()
    );
}
