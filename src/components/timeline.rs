//! The timeline: a histogram of dated articles (click a bar to narrow to it, drag across bars
//! for a range), two date fields for the same by keyboard, "clear", and the undated lane.
//!
//! Bars are SVG rectangles sized by attributes, not inline styles, so a strict CSP holds.

use std::rc::Rc;

use corpus::view::state::{DateBound, Undated, ViewState};
use corpus::view::timeline::Timeline as Histogram;
use corpus::Date;
use web_sys::HtmlInputElement;
use yew::{component, html, use_state, Callback, Event, Html, MouseEvent, Properties, TargetCast};

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
    let histogram = &props.histogram;
    let state = &props.state;
    let max = histogram.max_count().max(1);

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
                        {onclick} {onmousedown} {onmouseenter} {onmouseup}>
                    <svg viewBox={format!("0 0 10 {BAR_BOX}")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect x="1" y={(BAR_BOX - height).to_string()} width="8" height={height.to_string()} rx="1" />
                    </svg>
                </button>
            </li>
        }
    });

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
                <span class="muted">{ format!("{} dated, by {}", histogram.dated(), histogram.size.as_str()) }</span>
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
                    <ol class="bars" aria-label="Articles over time" onmouseleave={ let drag = drag.clone(); Callback::from(move |_: MouseEvent| drag.set(None)) }>
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
                <div class="axis" aria-hidden="true"><span>{ &first.label }</span><span>{ &last.label }</span></div>
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
