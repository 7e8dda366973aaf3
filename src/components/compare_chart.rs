//! Compare over time (`compare=`): the view's search and up to four more queries drawn together
//! on one timeline, as counts or as shares of each period's articles; a legend whose entries
//! make a query the view's search or stop comparing it; and the same numbers as a table. Lines
//! differ by colour (Okabe–Ito, distinct for colour-blind readers, lighter in dark mode), by
//! dash and by marker shape, so no reader needs the colours. Drawn with SVG attributes only
//! (the strict CSP allows no inline style).

use std::rc::Rc;

use corpus::view::compare::{compare, Comparison, MAX_COMPARED};
use corpus::view::state::ViewState;
use web_sys::HtmlInputElement;
use yew::{
    component, html, use_memo, use_node_ref, Callback, Html, MouseEvent, Properties, SubmitEvent,
};

use crate::data::Corpus;
use crate::hooks::use_texts;
use crate::intent::Intent;
use crate::locale::{self, use_ui};

#[derive(Properties, PartialEq, Debug)]
pub struct CompareChartProps {
    pub corpus: Corpus,
    pub state: Rc<ViewState>,
    pub on_intent: Callback<Intent>,
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 10.0;

/// Each series' dash pattern (the first solid).
const DASHES: [&str; 5] = ["", "7 4", "2 3", "9 3 2 3", "4 2"];

#[component]
pub fn CompareChart(props: &CompareChartProps) -> Html {
    let ui = use_ui();
    let corpus = props.corpus;
    let comparison = use_memo(
        ((*props.state).clone(), corpus.chunks_here()),
        move |(state, _)| compare(&corpus, state),
    );
    // A sharded corpus fetches what the series' searches read; the memo above recounts then.
    let _texts = use_texts(
        corpus,
        comparison
            .as_ref()
            .as_ref()
            .map_or_else(Vec::new, |c| c.missing.clone()),
    );
    let Some(comparison) = comparison.as_ref() else {
        return Html::default();
    };
    let state = &props.state;
    let share = state.cshare;
    let periods = &comparison.periods.buckets;
    let size = comparison.periods.size;
    let period = |i: usize| {
        periods
            .get(i)
            .map(|b| locale::bucket(ui, size, b))
            .unwrap_or_default()
    };
    let max = comparison
        .max_value(share)
        .max(if share { 0.01 } else { 1.0 });
    let x = |i: usize| {
        if periods.len() <= 1 {
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (WIDTH - LEFT - RIGHT) * i as f64 / (periods.len() - 1) as f64
        }
    };
    let y = |v: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - v / max);
    let number = |v: f64| {
        if share {
            format!("{:.0} %", v * 100.0)
        } else {
            ui.number(v.round() as usize)
        }
    };
    let lines = comparison.series.iter().enumerate().map(|(s, _)| {
        let points: Vec<String> = (0..periods.len())
            .map(|b| format!("{:.1},{:.1}", x(b), y(comparison.value(s, b, share))))
            .collect();
        let markers = (0..periods.len()).map(|b| marker(s, x(b), y(comparison.value(s, b, share))));
        html! {
            <g class={format!("series series-{s}")} data-compare-series={s.to_string()}>
                <polyline points={points.join(" ")} fill="none" stroke-width="2" stroke-dasharray={DASHES[s % DASHES.len()]} />
                { for markers }
            </g>
        }
    });
    let has_main = state.has_query();
    let legend = comparison.series.iter().enumerate().map(|(s, series)| {
        let main = props.on_intent.reform(move |_: MouseEvent| Intent::CompareAsMain(s));
        let compared = if has_main { s.checked_sub(1) } else { Some(s) };
        let label = ui.count("compare.series", series.total as usize, &[("q", &series.query)]);
        html! {
            <li>
                <svg class={format!("swatch series series-{s}")} viewBox="0 0 32 12" width="32" height="12" aria-hidden="true" focusable="false">
                    <line x1="0" y1="6" x2="32" y2="6" stroke-width="2" stroke-dasharray={DASHES[s % DASHES.len()]} />
                    { marker(s, 16.0, 6.0) }
                </svg>
                if s == 0 && has_main {
                    <span data-compare-legend="0">{ label }</span>
                } else {
                    <button type="button" class="link-button" data-compare-legend={s.to_string()} data-compare-main={s.to_string()}
                            title={ui.fill("compare.main", &[("q", &series.query)])} onclick={main}>{ label }</button>
                }
                if let Some(index) = compared {
                    <button type="button" class="link-button" data-compare-remove={index.to_string()}
                            aria-label={ui.fill("compare.remove", &[("q", &series.query)])}
                            onclick={props.on_intent.reform(move |_: MouseEvent| Intent::RemoveCompared(index))}>{ "×" }</button>
                }
            </li>
        }
    });
    let scale = [(false, "compare.counts"), (true, "compare.share")].map(|(on, key)| {
        let onclick = props.on_intent.reform(move |_: MouseEvent| Intent::SetCompareShare(on));
        html! {
            <button type="button" class="segment" data-cshare={if on { "on" } else { "off" }} aria-pressed={(share == on).to_string()} {onclick}>{ ui.text(key) }</button>
        }
    });
    let last = periods.len().saturating_sub(1);
    html! {
        <section class="compare" data-compare="" aria-labelledby="compare-heading">
            <div class="facet-head">
                <h2 id="compare-heading">{ ui.text("compare.heading") }</h2>
                <div class="segmented" role="group" aria-label={ui.text("compare.scale")}>{ for scale }</div>
            </div>
            <svg class="compare-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={ui.text("compare.chart")} preserveAspectRatio="none">
                <line class="axis-line" x1={LEFT.to_string()} y1={y(0.0).to_string()} x2={(WIDTH - RIGHT).to_string()} y2={y(0.0).to_string()} />
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={(TOP + 8.0).to_string()} text-anchor="end">{ number(max) }</text>
                <text class="axis-label" x={(LEFT - 6.0).to_string()} y={y(0.0).to_string()} text-anchor="end">{ "0" }</text>
                { for lines }
            </svg>
            if !periods.is_empty() {
                <div class="axis" aria-hidden="true">
                    <span>{ period(0) }</span>
                    if last > 1 { <span>{ period(last / 2) }</span> }
                    if last > 0 { <span>{ period(last) }</span> }
                </div>
            }
            <ul class="legend">{ for legend }</ul>
            if state.compare.len() < MAX_COMPARED {
                <CompareAdd on_intent={props.on_intent.clone()} />
            }
            <details class="compare-numbers">
                <summary>{ ui.text("compare.table") }</summary>
                { table(comparison, share, &period, &number, ui) }
            </details>
        </section>
    }
}

/// The numbers of the chart: a row per period, a column per series, then every article.
fn table(
    comparison: &Comparison,
    share: bool,
    period: &dyn Fn(usize) -> String,
    number: &dyn Fn(f64) -> String,
    ui: corpus::i18n::Ui,
) -> Html {
    html! {
        <div class="kwic-scroll">
            <table class="compare-table" data-compare-table="">
                <caption class="visually-hidden">{ ui.text("compare.chart") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ui.text("compare.period") }</th>
                        { for comparison.series.iter().map(|s| html! { <th scope="col">{ &s.query }</th> }) }
                        <th scope="col">{ ui.text("compare.total") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for comparison.periods.buckets.iter().enumerate().map(|(b, bucket)| html! {
                        <tr>
                            <th scope="row">{ period(b) }</th>
                            { for (0..comparison.series.len()).map(|s| html! {
                                <td data-compare-cell={format!("{s}-{b}")}>{ number(comparison.value(s, b, share)) }</td>
                            }) }
                            <td>{ ui.number(bucket.count as usize) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Series `s`'s marker at (`x`, `y`): a circle, a square, a triangle, a diamond or a cross.
fn marker(s: usize, x: f64, y: f64) -> Html {
    let r = 3.5;
    match s % 5 {
        0 => html! { <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r={r.to_string()} /> },
        1 => {
            html! { <rect x={format!("{:.1}", x - r)} y={format!("{:.1}", y - r)} width={(2.0 * r).to_string()} height={(2.0 * r).to_string()} /> }
        }
        2 => {
            html! { <polygon points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", x, y - r - 0.5, x - r, y + r, x + r, y + r)} /> }
        }
        3 => {
            html! { <polygon points={format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", x, y - r - 0.5, x + r + 0.5, y, x, y + r + 0.5, x - r - 0.5, y)} /> }
        }
        _ => {
            html! { <path d={format!("M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}", x - r, y - r, x + r, y + r, x - r, y + r, x + r, y - r)} stroke-width="2" /> }
        }
    }
}

#[derive(Properties, PartialEq, Debug)]
pub struct CompareAddProps {
    pub on_intent: Callback<Intent>,
}

/// "Compare with [query] Add": adds a query to compare over time.
#[component]
pub fn CompareAdd(props: &CompareAddProps) -> Html {
    let ui = use_ui();
    let input = use_node_ref();
    let onsubmit = {
        let (input, on_intent) = (input.clone(), props.on_intent.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                let query = field.value();
                if !query.trim().is_empty() {
                    field.set_value("");
                    on_intent.emit(Intent::AddCompared(query));
                }
            }
        })
    };
    html! {
        <form class="compare-add" data-compare-add="" {onsubmit}>
            <label>{ ui.text("compare.add.label") }{ " " }<input ref={input} type="search" autocomplete="off" spellcheck="false" data-compare-input="" /></label>
            <button type="submit" class="button">{ ui.text("compare.add") }</button>
        </form>
    }
}
