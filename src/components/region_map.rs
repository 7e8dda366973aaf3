//! The map (`view=map`): Southeast Asia and its neighbours, drawn from Natural Earth outlines
//! projected and simplified at build time (`src/map/region.txt`, made by
//! `scripts/map-from-natural-earth.mjs`), so the browser does no geometry work. Countries are
//! shaded by how many of the view's articles name them, places are dots sized by their count;
//! every shape is a button with a name and its count, and a click toggles its filter, as a chip
//! does. Countries outside the frame, and the same numbers, are listed beside it as a table.

use std::rc::Rc;
use std::sync::LazyLock;

use corpus::store::catalog::EntityKind;
use corpus::view::state::ViewState;
use corpus::view::together::Together;
use yew::{component, html, Callback, Html, KeyboardEvent, MouseEvent, Properties};

use crate::data::Corpus;
use crate::hooks::SidebarCounts;
use crate::intent::Intent;
use crate::locale::{self, use_ui};

/// The map's data: its size, its projection, and each country's outline.
struct Region {
    width: f64,
    height: f64,
    west: f64,
    north: f64,
    cos: f64,
    scale: f64,
    countries: Vec<(&'static str, &'static str)>,
}

static REGION: LazyLock<Region> = LazyLock::new(|| {
    let mut region = Region {
        width: 600.0,
        height: 460.0,
        west: 0.0,
        north: 0.0,
        cos: 1.0,
        scale: 1.0,
        countries: Vec::new(),
    };
    for line in include_str!("../map/region.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').collect();
        let number = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
        match fields.first().copied() {
            Some("view") => {
                region.width = number(1).unwrap_or(region.width);
                region.height = number(2).unwrap_or(region.height);
            }
            Some("projection") => {
                region.west = number(1).unwrap_or(0.0);
                region.north = number(2).unwrap_or(0.0);
                region.cos = number(3).unwrap_or(1.0);
                region.scale = number(4).unwrap_or(1.0);
            }
            Some(code) => {
                if let Some(path) = fields.get(1) {
                    region.countries.push((code, path));
                }
            }
            None => {}
        }
    }
    region
});

impl Region {
    /// Where a place at `lat`, `lon` (degrees) falls on the map, if inside it.
    fn project(&self, lat: f64, lon: f64) -> Option<(f64, f64)> {
        let x = (lon - self.west) * self.cos * self.scale;
        let y = (self.north - lat) * self.scale;
        ((0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y)).then_some((x, y))
    }
}

#[derive(Properties, PartialEq, Debug)]
pub struct RegionMapProps {
    pub corpus: Corpus,
    pub counts: Rc<SidebarCounts>,
    pub state: Rc<ViewState>,
    /// Which countries the results name together.
    pub together: Rc<Together>,
    pub on_intent: Callback<Intent>,
}

/// "Named together": a country × country table of how many results name both; a cell filters
/// to both (`match=all`).
fn together(
    together: &Together,
    ui: corpus::i18n::Ui,
    name: &dyn Fn(&str) -> String,
    on_intent: &Callback<Intent>,
) -> Html {
    if together.countries.len() < 2 {
        return Html::default();
    }
    html! {
        <section class="together" data-together="" aria-labelledby="together-heading">
            <h2 id="together-heading">{ ui.text("map.together") }</h2>
            <div class="kwic-scroll">
                <table class="compare-table together-table">
                    <caption class="visually-hidden">{ ui.text("map.together") }</caption>
                    <thead>
                        <tr>
                            <td></td>
                            { for together.countries.iter().map(|c| html! { <th scope="col">{ name(c) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for together.countries.iter().enumerate().map(|(a, ca)| html! {
                            <tr>
                                <th scope="row">{ name(ca) }</th>
                                { for together.countries.iter().enumerate().map(|(b, cb)| {
                                    let n = together.counts.get(a).and_then(|row| row.get(b)).copied().unwrap_or(0);
                                    let intent = Intent::BothCountries(ca.clone(), cb.clone());
                                    let onclick = on_intent.reform(move |_: MouseEvent| intent.clone());
                                    if a == b || n == 0 {
                                        html! { <td class="muted">{ if a == b { String::from("—") } else { ui.number(0) } }</td> }
                                    } else {
                                        html! {
                                            <td>
                                                <button type="button" class="link-button" data-together-cell={format!("{ca}-{cb}")}
                                                        aria-label={ui.fill("map.together.cell", &[("a", &name(ca)), ("b", &name(cb)), ("n", &ui.number(n as usize))])}
                                                        {onclick}>{ ui.number(n as usize) }</button>
                                            </td>
                                        }
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Five shades, lightest for the fewest articles.
const SHADES: usize = 5;

#[component]
pub fn RegionMap(props: &RegionMapProps) -> Html {
    let ui = use_ui();
    let region = &*REGION;
    let corpus = props.corpus;
    let counts = &props.counts.facets;
    let count_of = |code: &str| {
        counts
            .countries
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0, |(_, n)| *n)
    };
    let max = counts
        .countries
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    let shade = |n: u32| {
        if n == 0 {
            0
        } else {
            1 + ((n as usize - 1) * (SHADES - 1)) / (max as usize).max(1)
        }
    };
    let country_name = |code: &str| locale::country(ui, code, corpus.country_name(code));
    let activate = |intent: Intent| {
        let on_intent = props.on_intent.clone();
        (
            on_intent.reform({
                let intent = intent.clone();
                move |_: MouseEvent| intent.clone()
            }),
            Callback::from(move |event: KeyboardEvent| {
                if matches!(event.key().as_str(), "Enter" | " ") {
                    event.prevent_default();
                    on_intent.emit(intent.clone());
                }
            }),
        )
    };
    let drawn: Vec<&str> = region.countries.iter().map(|(code, _)| *code).collect();
    let shapes = region.countries.iter().map(|&(code, path)| {
        let n = count_of(code);
        let label = ui.count("map.country", n as usize, &[("name", &country_name(code))]);
        let (onclick, onkeydown) = activate(Intent::ToggleCountry(code.to_owned()));
        let selected = props.state.has_country(code);
        html! {
            <path d={path} class={format!("map-country shade-{}", shade(n))} data-map-country={code}
                  data-count={n.to_string()} role="button" tabindex="0" aria-pressed={selected.to_string()}
                  aria-label={label.clone()} {onclick} {onkeydown}>
                <title>{ label }</title>
            </path>
        }
    });
    let catalog = corpus.catalog();
    let places: Vec<(u32, u32, f64, f64, String, String)> = counts
        .entities
        .iter()
        .filter_map(|&(e, n)| {
            let entity = catalog.entity(e)?;
            let (lat, lon) = entity.at?;
            (entity.kind == EntityKind::Place && n > 0).then_some(())?;
            let (x, y) = region.project(f64::from(lat) / 100.0, f64::from(lon) / 100.0)?;
            Some((e, n, x, y, entity.id.clone(), entity.name.clone()))
        })
        .collect();
    let place_max = places.iter().map(|p| p.1).max().unwrap_or(1).max(1);
    let dots = places.iter().map(|(_, n, x, y, id, name)| {
        let radius = 3.0 + 7.0 * (f64::from(*n) / f64::from(place_max)).sqrt();
        let label = ui.count("map.place", *n as usize, &[("name", name)]);
        let (onclick, onkeydown) = activate(Intent::ToggleEntity(EntityKind::Place, id.clone()));
        let selected = props.state.has_entity(EntityKind::Place, id);
        html! {
            <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r={format!("{radius:.1}")} class="map-place"
                    data-map-place={id.clone()} role="button" tabindex="0" aria-pressed={selected.to_string()}
                    aria-label={label.clone()} {onclick} {onkeydown}>
                <title>{ label }</title>
            </circle>
        }
    });
    // Countries the view's articles name that the frame does not show.
    let outside: Vec<&(String, u32)> = counts
        .countries
        .iter()
        .filter(|(code, n)| *n > 0 && !drawn.contains(&code.as_str()))
        .collect();
    html! {
        <section class="region-map" data-map="" aria-labelledby="map-heading">
            <h2 id="map-heading" class="visually-hidden">{ ui.text("map.heading") }</h2>
            <svg viewBox={format!("0 0 {} {}", region.width, region.height)} class="map-svg" role="group" aria-label={ui.text("map.heading")}>
                <rect class="map-sea" x="0" y="0" width={region.width.to_string()} height={region.height.to_string()} />
                { for shapes }
                { for dots }
            </svg>
            <p class="map-legend" aria-hidden="true">
                { ui.text("map.fewer") }
                { for (1..=SHADES).map(|s| html! { <span class={format!("swatch shade-{s}")}></span> }) }
                { ui.text("map.more") }
            </p>
            if !outside.is_empty() {
                <p class="muted">{ ui.text("map.outside") }{ " " }
                    { for outside.iter().enumerate().map(|(i, (code, n))| {
                        let (onclick, _) = activate(Intent::ToggleCountry(code.clone()));
                        html! {
                            <>
                                if i > 0 { { ", " } }
                                <button type="button" class="link-button" data-map-outside={code.clone()} {onclick}>
                                    { ui.count("map.country", *n as usize, &[("name", &country_name(code))]) }
                                </button>
                            </>
                        }
                    }) }
                </p>
            }
            { together(&props.together, ui, &country_name, &props.on_intent) }
            <details class="compare-numbers">
                <summary>{ ui.text("compare.table") }</summary>
                <table class="compare-table" data-map-table="">
                    <caption class="visually-hidden">{ ui.text("map.heading") }</caption>
                    <thead><tr><th scope="col">{ ui.text("map.where") }</th><th scope="col">{ ui.text("compare.counts") }</th></tr></thead>
                    <tbody>
                        { for counts.countries.iter().filter(|(_, n)| *n > 0).map(|(code, n)| html! {
                            <tr><th scope="row">{ country_name(code) }</th><td>{ ui.number(*n as usize) }</td></tr>
                        }) }
                        { for places.iter().map(|(_, n, _, _, _, name)| html! {
                            <tr><th scope="row">{ name }</th><td>{ ui.number(*n as usize) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
