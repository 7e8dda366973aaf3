//! The timeline: a histogram of dated articles (click a bar to zoom into it, drag across bars
//! for a range, "Zoom out" to go back up), two date fields, "clear", and the undated lane. The
//! bars are one Tab stop: arrow keys, Home and End move between them, Enter or Space zooms into
//! one, Escape zooms out.
//!
//! Bars are SVG rectangles sized by attributes, not inline styles, so a strict CSP holds.

use std::rc::Rc;

use corpus::view::state::{DateBound, Undated, ViewState};
use corpus::view::timeline::Timeline as Histogram;
use corpus::Date;
use web_sys::HtmlInputElement;
use yew::{
    component, html, use_node_ref, use_state, Callback, Event, Html, KeyboardEvent, MouseEvent,
    Properties, TargetCast,
};

use crate::intent::Intent;

#[derive(Properties, PartialEq, Debug)]
pub struct TimelineProps {
    pub histogram: Rc<Histogram>,
    pub state: Rc<ViewState>,
    pub on_intent: Callback<Intent>,
}

/// Bar heights are drawn in a 0..=100 box.
const BAR_BOX: u32 = 100;

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    // Index of the bar where a mouse drag started, and where it is now.
    let drag = use_state(|| None::<(usize, usize)>);
    // The bar that takes the focus when the chart gets it (the last, newest, by default).
    let current = use_state(|| None::<usize>);
    let bars_ref = use_node_ref();
    let histogram = &props.histogram;
    let state = &props.state;
    let max = histogram.max_count().max(1);
    let last_bar = histogram.buckets.len().saturating_sub(1);
    let current_bar = current.filter(|&i| i <= last_bar).unwrap_or(last_bar);

    let bars = histogram.buckets.iter().enumerate().map(|(i, bucket)| {
        let height = if bucket.count == 0 { 0 } else { (bucket.count * BAR_BOX / max).max(4) };
        let dragged = drag.is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&i));
        let selected = bucket.in_range(state);
        let onclick = {
            let bucket = bucket.clone();
            props.on_intent.reform(move |_: MouseEvent| Intent::ToggleBucket(bucket.clone()))
        };
        let onmousedown = {
            let drag = drag.clone();
            Callback::from(move |event: MouseEvent| {
                if event.button() == 0 {
                    drag.set(Some((i, i)));
                }
            })
        };
        let onmouseenter = {
            let drag = drag.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some((start, _)) = *drag {
                    drag.set(Some((start, i)));
                }
            })
        };
        let onmouseup = {
            let (drag, histogram, on_intent) = (drag.clone(), histogram.clone(), props.on_intent.clone());
            Callback::from(move |event: MouseEvent| {
                let Some((start, _)) = *drag else { return };
                drag.set(None);
                if start != i {
                    // A drag: select the span and keep the click that follows from toggling.
                    event.prevent_default();
                    let (first, last) = (start.min(i), start.max(i));
                    if let (Some(a), Some(b)) = (histogram.buckets.get(first), histogram.buckets.get(last)) {
                        on_intent.emit(Intent::SetRange(a.from, b.to));
                    }
                }
            })
        };
        let noun = if bucket.count == 1 { "article" } else { "articles" };
        html! {
            <li class="bar-slot">
                <button type="button" data-timeline-bucket={bucket.label.clone()}
                        data-from={bucket.from.to_string()} data-to={bucket.to.to_string()}
                        data-count={bucket.count.to_string()}
                        aria-pressed={selected.to_string()} aria-label={format!("{}: {} {noun}", bucket.label, bucket.count)}
                        title={format!("{}: {} {noun}", bucket.label, bucket.count)}
                        class={if dragged { "bar dragging" } else { "bar" }}
                        tabindex={if i == current_bar { "0" } else { "-1" }}
                        {onclick} {onmousedown} {onmouseenter} {onmouseup}>
                    <svg viewBox={format!("0 0 10 {BAR_BOX}")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect x="1" y={(BAR_BOX - height).to_string()} width="8" height={height.to_string()} rx="1" />
                    </svg>
                </button>
            </li>
        }
    });

    // One Tab stop: the arrow keys move the focus between the bars.
    let on_bars_key = {
        let (current, bars_ref, on_intent) =
            (current.clone(), bars_ref.clone(), props.on_intent.clone());
        let zoomed = state.has_range();
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowLeft" | "ArrowDown" => Some(current_bar.saturating_sub(1)),
                "ArrowRight" | "ArrowUp" => Some((current_bar + 1).min(last_bar)),
                "Home" => Some(0),
                "End" => Some(last_bar),
                "Escape" if zoomed => {
                    event.prevent_default();
                    on_intent.emit(Intent::ZoomOut);
                    None
                }
                _ => None,
            };
            if let Some(next) = next {
                event.prevent_default();
                current.set(Some(next));
                focus_bar(&bars_ref, next);
            }
        })
    };
    let zoom_out = props.on_intent.reform(|_: MouseEvent| Intent::ZoomOut);
    let zoomed_into = range_label(state);
    let undated_only = state.effective_undated() == Undated::Only;
    let on_undated = props
        .on_intent
        .reform(|_: MouseEvent| Intent::ToggleUndatedOnly);
    let (from_day, to_day) = state.date_range();
    let on_from = date_field(&props.on_intent, Intent::SetFrom);
    let on_to = date_field(&props.on_intent, Intent::SetTo);
    let clear_dates = props.on_intent.reform(|_: MouseEvent| Intent::ClearDates);
    let first = histogram.buckets.first();
    let last = histogram.buckets.last();

    html! {
        <section class="timeline" data-timeline="" aria-labelledby="timeline-heading">
            <div class="facet-head">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <span class="muted" data-timeline-span="">{ match &zoomed_into {
                    Some(range) => format!("{range}: {} dated, by {}", histogram.dated(), histogram.size.as_str()),
                    None => format!("{} dated, by {}", histogram.dated(), histogram.size.as_str()),
                } }</span>
                if zoomed_into.is_some() {
                    <button type="button" class="link-button" data-timeline-zoom-out="" onclick={zoom_out}>{ "Zoom out" }</button>
                }
                if state.has_range() || undated_only {
                    <button type="button" class="link-button" data-timeline-clear=""
                            onclick={clear_dates}>
                        { "Clear dates" }
                    </button>
                }
            </div>
            <div class="timeline-row">
                if histogram.buckets.is_empty() {
                    <p class="muted timeline-empty">{ "No dated articles in these results" }</p>
                } else {
                    // The count scale: the tallest bar's count at the top, 0 at the foot.
                    <div class="count-axis" aria-hidden="true" data-timeline-max={max.to_string()}>
                        <span>{ max }</span><span>{ "0" }</span>
                    </div>
                    <ol class="bars" ref={bars_ref} aria-label="Articles over time: arrow keys move, Enter zooms in, Escape zooms out" onkeydown={on_bars_key}
                        onmouseleave={ let drag = drag.clone(); Callback::from(move |_: MouseEvent| drag.set(None)) }>
                        { for bars }
                    </ol>
                }
                <button type="button" class="undated-lane" data-timeline-undated={histogram.undated.to_string()}
                        aria-pressed={undated_only.to_string()} onclick={on_undated}>
                    <span>{ "Undated" }</span>
                    <span class="count">{ histogram.undated }<span class="visually-hidden">{ " articles" }</span></span>
                </button>
            </div>
            if let (Some(first), Some(last)) = (first, last) {
                // The first, middle and last periods.
                <div class="axis" aria-hidden="true">
                    <span>{ &first.label }</span>
                    if let Some(middle) = (histogram.buckets.len() >= 5).then(|| histogram.buckets.get(histogram.buckets.len() / 2)).flatten() {
                        <span>{ &middle.label }</span>
                    }
                    if histogram.buckets.len() > 1 {
                        <span>{ &last.label }</span>
                    }
                </div>
            }
            <div class="date-fields">
                <label>{ "From " }<input type="date" data-timeline-from="" value={from_day.map(|d| d.to_string()).unwrap_or_default()} onchange={on_from} /></label>
                <label>{ "To " }<input type="date" data-timeline-to="" value={to_day.map(|d| d.to_string()).unwrap_or_default()} onchange={on_to} /></label>
            </div>
        </section>
    }
}

/// `onchange` for a date field: `intent` of its day, or of `None` when it is emptied; a value
/// that is not a day is ignored.
fn date_field(
    on_intent: &Callback<Intent>,
    intent: fn(Option<DateBound>) -> Intent,
) -> Callback<Event> {
    let on_intent = on_intent.clone();
    Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlInputElement>().value();
        match Date::parse(&value) {
            Ok(day) => on_intent.emit(intent(Some(DateBound::Day(day)))),
            Err(_) if value.is_empty() => on_intent.emit(intent(None)),
            Err(_) => {}
        }
    })
}

/// Focuses bar `index` of the chart.
fn focus_bar(bars: &yew::NodeRef, index: usize) {
    let Some(list) = bars.cast::<web_sys::Element>() else {
        return;
    };
    if let Some(button) = list
        .query_selector_all("[data-timeline-bucket]")
        .ok()
        .and_then(|all| all.item(u32::try_from(index).ok()?))
        .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(node).ok())
    {
        let _ = button.focus();
    }
}

/// What the chart is zoomed into, as the page writes dates: `2025`, `Oct 2025`, `16 Oct 2025`,
/// or `16 Oct 2025 – 2 Nov 2025`; `None` without a range.
fn range_label(state: &ViewState) -> Option<String> {
    let label = |bound: DateBound| match bound {
        DateBound::Year(year) => year.to_string(),
        DateBound::Month(year, month) => format!("{} {year}", corpus::date::month_abbr(month)),
        DateBound::Day(day) => day.label(),
    };
    match (state.from, state.to) {
        (Some(from), Some(to)) if from == to => Some(label(from)),
        (Some(from), Some(to)) => Some(format!("{} – {}", label(from), label(to))),
        (Some(from), None) => Some(format!("from {}", label(from))),
        (None, Some(to)) => Some(format!("until {}", label(to))),
        (None, None) => None,
    }
}
