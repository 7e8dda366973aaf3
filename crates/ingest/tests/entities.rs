//! Places, people and organizations on real text: the real-text set and the seeds, labelled by
//! reading (`tests/real-text/entities.json`: every place below country level, person and
//! organization each article names, with every form it writes them in). Prints precision and
//! recall per kind and per language, and fails below the floors reached.
//!
//! An extracted entity is right when one of the forms it was found by overlaps a labelled form
//! of its kind (one contains the other: `Liu Zhongyi's` and `Liu Zhongyi`); a label is found when
//! an extracted entity of its kind is right for it.

use std::collections::BTreeMap;
use std::path::Path;

use ingest::detect::entities::{detect_entities, EntityMention};
use ingest::load_seeds;
use serde_json::Value;

fn norm(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        })
        .collect::<String>()
        .trim_end_matches(['\'', '’', 's'])
        .to_owned()
}

fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    extracted: usize,
    found: usize,
    labelled: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        if self.extracted == 0 {
            1.0
        } else {
            self.right as f64 / self.extracted as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.found as f64 / self.labelled as f64
        }
    }
    fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.extracted += other.extracted;
        self.found += other.found;
        self.labelled += other.labelled;
    }
}

fn score(extracted: &[EntityMention], labels: &[Value]) -> (Tally, Vec<String>) {
    let forms_of = |label: &Value| -> Vec<String> {
        label["as_written"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|f| f.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let right_for = |e: &EntityMention, label: &Value| {
        e.forms
            .iter()
            .any(|f| forms_of(label).iter().any(|l| overlaps(f, l)))
    };
    let mut misses = Vec::new();
    let right = extracted
        .iter()
        .filter(|e| {
            let ok = labels.iter().any(|l| right_for(e, l));
            if !ok {
                misses.push(format!("extra {:?}", e.forms));
            }
            ok
        })
        .count();
    let found = labels
        .iter()
        .filter(|l| {
            let ok = extracted.iter().any(|e| right_for(e, l));
            if !ok {
                misses.push(format!("missed {:?}", forms_of(l)));
            }
            ok
        })
        .count();
    (
        Tally {
            right,
            extracted: extracted.len(),
            found,
            labelled: labels.len(),
        },
        misses,
    )
}

#[test]
fn places_people_and_organizations_on_real_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels: BTreeMap<String, Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/real-text/entities.json")).expect("labels"),
    )
    .expect("labels parse");
    let mut articles = BTreeMap::new();
    for (dir, prefix) in [
        (root.join("tests/real-text"), ""),
        (root.join("../../seeds"), "seeds/"),
    ] {
        for article in load_seeds(&dir).articles {
            articles.insert(format!("{prefix}{}", article.file), article);
        }
    }
    let kinds = ["places", "people", "organizations"];
    let mut by_lang: BTreeMap<(String, &str), Tally> = BTreeMap::new();
    let mut verbose = Vec::new();
    for (key, label) in &labels {
        let Some(article) = articles.get(key) else {
            panic!("{key}: no such article");
        };
        let found = detect_entities(article);
        let lang = article.lang.clone();
        for kind in kinds {
            let extracted = match kind {
                "places" => &found.places,
                "people" => &found.people,
                _ => &found.organizations,
            };
            let labelled = label[kind].as_array().cloned().unwrap_or_default();
            let (tally, misses) = score(extracted, &labelled);
            by_lang.entry((lang.clone(), kind)).or_default().add(tally);
            for miss in misses {
                verbose.push(format!("{key} {kind}: {miss}"));
            }
        }
    }
    println!(
        "{:<8} {:<14} {:>9} {:>9} {:>6} {:>6}",
        "lang", "kind", "precision", "recall", "found", "label"
    );
    let mut total: BTreeMap<&str, Tally> = BTreeMap::new();
    for ((lang, kind), t) in &by_lang {
        total.entry(kind).or_default().add(*t);
        println!(
            "{lang:<8} {kind:<14} {:>9.2} {:>9.2} {:>6} {:>6}",
            t.precision(),
            t.recall(),
            t.extracted,
            t.labelled
        );
    }
    for (kind, t) in &total {
        println!(
            "{:<8} {kind:<14} {:>9.2} {:>9.2} {:>6} {:>6}",
            "all",
            t.precision(),
            t.recall(),
            t.extracted,
            t.labelled
        );
    }
    if std::env::var_os("ENTITIES_VERBOSE").is_some() {
        println!("{}", verbose.join("\n"));
    }
    let floor = |kind: &str, precision: f64, recall: f64| {
        let t = total[kind];
        assert!(
            t.precision() >= precision && t.recall() >= recall,
            "{kind}: precision {:.2} (floor {precision}), recall {:.2} (floor {recall})",
            t.precision(),
            t.recall()
        );
    };
    // The floors reached (issue 26's goals are 0.9/0.8 for places and organizations, 0.85
    // precision for people): raise them as the rules and tables improve.
    floor("places", 0.96, 0.88);
    floor("organizations", 0.93, 0.84);
    floor("people", 0.90, 0.48);
}

#[test]
fn the_seeds_name_who_and_where() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = load_seeds(&root.join("../../seeds"));
    let of = |id_start: &str| {
        let article = report
            .articles
            .iter()
            .find(|a| a.id.starts_with(id_start))
            .expect("seed");
        detect_entities(article)
    };
    let names = |list: &[EntityMention]| list.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
    let ids = |list: &[EntityMention]| list.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    let english = of("000");
    println!(
        "000: {:?} {:?} {:?}",
        names(&english.places),
        names(&english.people),
        ids(&english.organizations)
    );
    assert!(english
        .places
        .iter()
        .any(|p| p.name.starts_with("Tak") && p.country.as_deref() == Some("TH")));
    for person in ["Tawee", "Liu Zhongyi"] {
        assert!(
            names(&english.people).iter().any(|n| n.contains(person)),
            "{person}"
        );
    }
    for org in [
        "th-ministry-of-justice",
        "cn-ministry-of-public-security",
        "th-amlo",
        "jp-national-police-agency",
        "th-oncb",
    ] {
        assert!(
            ids(&english.organizations).iter().any(|i| i == org),
            "{org}"
        );
    }
    let vietnamese = of("001");
    println!(
        "001: {:?} {:?} {:?}",
        names(&vietnamese.places),
        names(&vietnamese.people),
        ids(&vietnamese.organizations)
    );
    assert!(vietnamese.places.iter().any(|p| p.name == "Bangkok"));
    for person in ["Anutin Charnvirakul", "Sihasak Phuangketkeow"] {
        assert!(
            names(&vietnamese.people).iter().any(|n| n == person),
            "{person}"
        );
    }
    for org in ["asean-asean", "vn-ttxvn"] {
        assert!(
            ids(&vietnamese.organizations).iter().any(|i| i == org),
            "{org}"
        );
    }
}

#[test]
fn the_packed_seeds_filter_and_count_by_place_person_and_organization() {
    use corpus::view::answer;
    use corpus::view::state::ViewState;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let blob = load_seeds(&root.join("../../seeds"))
        .to_blob()
        .expect("packs");
    let catalog = blob.catalog();
    let ids = |view: &str| -> Vec<String> {
        let answered = answer(&blob, &ViewState::parse(view).0);
        answered
            .results
            .all()
            .iter()
            .map(|&i| catalog.id(i as usize).to_owned())
            .collect()
    };
    assert_eq!(ids("person=person:Liu%20Zhongyi"), ["000_dee04c71b2f6b000"]);
    assert_eq!(ids("org=asean-asean"), ["001_ea81238345a38f58"]);
    assert_eq!(ids("org=asean-asean&person=person:Liu%20Zhongyi").len(), 0);
    assert_eq!(ids("place=no-such-place").len(), 0);
    let state = ViewState::parse("").0;
    let counts = answer(&blob, &state).counts(&blob, &state);
    let named: Vec<&str> = counts
        .facets
        .entities
        .iter()
        .filter_map(|&(e, _)| catalog.entity(e).map(|x| x.name.as_str()))
        .collect();
    for name in ["Bangkok", "Liu Zhongyi", "ASEAN"] {
        assert!(named.contains(&name), "{name} in {named:?}");
    }
    // A place carries its coordinates, for the map.
    let bangkok = catalog
        .entity_table()
        .iter()
        .find(|e| e.name == "Bangkok")
        .expect("Bangkok");
    assert!(bangkok
        .at
        .is_some_and(|(lat, lon)| (1300..1400).contains(&lat) && (10000..10100).contains(&lon)));
    // A place carries its name in its own script beside the English one (here from the
    // gazetteer: the seeds write Bangkok in Latin script and Vietnamese), a person named in Latin
    // script none.
    let local = |name: &str| {
        catalog
            .entity_table()
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.local.clone())
    };
    println!("Bangkok: {:?}", local("Bangkok"));
    assert!(
        local("Bangkok").is_some_and(|l| l.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)))
    );
    assert_eq!(local("Liu Zhongyi"), None);
}
