//! The timeline: a histogram of dated articles (click a bar to zoom into it, drag across bars
//! for a range, "Zoom out" to go back up), two date fields, "clear", and the undated lane. The
//! chart is one control, a slider over the periods: one Tab stop, where arrow keys, Home and End
//! move between the bars (announced as "Oct 2025: 12 articles"), Enter or Space zooms into one,
//! Escape zooms out. The bars themselves are pointer targets only, so their width is free.
//!
//! Bars are SVG rectangles sized by attributes, not inline styles, so a strict CSP holds.

use std::rc::Rc;

use corpus::view::state::{DateBound, Undated, ViewState};
use corpus::view::timeline::{Bucket, BucketSize, Timeline as Histogram};
use corpus::Date;
use web_sys::HtmlInputElement;
use yew::{
    component, html, use_state, Callback, Event, Html, KeyboardEvent, MouseEvent, Properties,
    TargetCast,
};

use crate::intent::Intent;
use crate::locale::{self, use_ui};

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
    let ui = use_ui();
    // Index of the bar where a mouse drag started, and where it is now.
    let drag = use_state(|| None::<(usize, usize)>);
    // The bar the chart's keyboard focus is on (the last, newest, by default).
    let current = use_state(|| None::<usize>);
    let histogram = &props.histogram;
    let state = &props.state;
    let max = histogram.max_count().max(1);
    let last_bar = histogram.buckets.len().saturating_sub(1);
    let current_bar = current.filter(|&i| i <= last_bar).unwrap_or(last_bar);
    let period = |bucket: &Bucket| locale::bucket(ui, histogram.size, bucket);
    let describe = |bucket: &Bucket| {
        let key = if bucket.in_range(state) {
            "timeline.bar.selected"
        } else {
            "timeline.bar"
        };
        ui.count(key, bucket.count as usize, &[("period", &period(bucket))])
    };

    let bars = histogram.buckets.iter().enumerate().map(|(i, bucket)| {
        let height = if bucket.count == 0 { 0 } else { (bucket.count * BAR_BOX / max).max(4) };
        let dragged = drag.is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&i));
        let selected = bucket.in_range(state);
        let onclick = {
            let (bucket, current) = (bucket.clone(), current.clone());
            props.on_intent.reform(move |_: MouseEvent| {
                current.set(Some(i));
                Intent::ToggleBucket(bucket.clone())
            })
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
        let mut class = vec!["bar"];
        if dragged {
            class.push("dragging");
        }
        if i == current_bar {
            class.push("current");
        }
        // A bar is a pointer target inside the chart, not a control of its own: the chart is
        // the one control (a slider over the periods) that keyboards and screen readers use.
        html! {
            <div class={class.join(" ")} data-timeline-bucket={bucket.label.clone()}
                 data-from={bucket.from.to_string()} data-to={bucket.to.to_string()}
                 data-count={bucket.count.to_string()} data-selected={selected.then_some("")}
                 title={describe(bucket)}
                 {onclick} {onmousedown} {onmouseenter} {onmouseup}>
                <svg viewBox={format!("0 0 10 {BAR_BOX}")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="1" y={(BAR_BOX - height).to_string()} width="8" height={height.to_string()} rx="1" />
                </svg>
            </div>
        }
    });

    // One Tab stop: the arrow keys move between the bars, Enter or Space zooms into one.
    let on_bars_key = {
        let (current, histogram, on_intent) =
            (current.clone(), histogram.clone(), props.on_intent.clone());
        let zoomed = state.has_range();
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowLeft" | "ArrowDown" => Some(current_bar.saturating_sub(1)),
                "ArrowRight" | "ArrowUp" => Some((current_bar + 1).min(last_bar)),
                "Home" => Some(0),
                "End" => Some(last_bar),
                "Enter" | " " => {
                    event.prevent_default();
                    if let Some(bucket) = histogram.buckets.get(current_bar) {
                        on_intent.emit(Intent::ToggleBucket(bucket.clone()));
                    }
                    None
                }
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
            }
        })
    };
    let zoom_out = props.on_intent.reform(|_: MouseEvent| Intent::ZoomOut);
    let zoomed_into = locale::range(ui, state.from, state.to);
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
    let size = ui.text(size_key(histogram.size));
    let dated = ui.number(histogram.dated() as usize);

    html! {
        <section class="timeline" data-timeline="" aria-labelledby="timeline-heading">
            <div class="facet-head">
                <h2 id="timeline-heading">{ ui.text("timeline.heading") }</h2>
                <span class="muted" data-timeline-span="">{ match &zoomed_into {
                    Some(range) => ui.fill("timeline.span.range", &[("range", range), ("n", &dated), ("size", size)]),
                    None => ui.fill("timeline.span", &[("n", &dated), ("size", size)]),
                } }</span>
                if zoomed_into.is_some() {
                    <button type="button" class="link-button" data-timeline-zoom-out="" onclick={zoom_out}>{ ui.text("timeline.zoom-out") }</button>
                }
                if state.has_range() || undated_only {
                    <button type="button" class="link-button" data-timeline-clear=""
                            onclick={clear_dates}>
                        { ui.text("timeline.clear") }
                    </button>
                }
            </div>
            <div class="timeline-row">
                if histogram.buckets.is_empty() {
                    <p class="muted timeline-empty">{ ui.text("timeline.none") }</p>
                } else {
                    // The count scale: the tallest bar's count at the top, 0 at the foot.
                    <div class="count-axis" aria-hidden="true" data-timeline-max={max.to_string()}>
                        <span>{ ui.number(max as usize) }</span><span>{ "0" }</span>
                    </div>
                    <div class="bars" role="slider" tabindex="0" data-timeline-chart=""
                         aria-label={ui.text("timeline.chart")}
                         aria-valuemin="0" aria-valuemax={last_bar.to_string()} aria-valuenow={current_bar.to_string()}
                         aria-valuetext={histogram.buckets.get(current_bar).map(describe).unwrap_or_default()}
                         onkeydown={on_bars_key}
                         onmouseleave={ let drag = drag.clone(); Callback::from(move |_: MouseEvent| drag.set(None)) }>
                        { for bars }
                    </div>
                }
                <button type="button" class="undated-lane" data-timeline-undated={histogram.undated.to_string()}
                        aria-pressed={undated_only.to_string()} onclick={on_undated}>
                    <span>{ ui.text("timeline.undated") }</span>
                    <span class="count">{ ui.number(histogram.undated as usize) }<span class="visually-hidden">{ " " }{ ui.count("noun.articles", histogram.undated as usize, &[]) }</span></span>
                </button>
            </div>
            if let (Some(first), Some(last)) = (first, last) {
                // The first, middle and last periods.
                <div class="axis" aria-hidden="true">
                    <span>{ period(first) }</span>
                    if let Some(middle) = (histogram.buckets.len() >= 5).then(|| histogram.buckets.get(histogram.buckets.len() / 2)).flatten() {
                        <span>{ period(middle) }</span>
                    }
                    if histogram.buckets.len() > 1 {
                        <span>{ period(last) }</span>
                    }
                </div>
            }
            <div class="date-fields">
                <label>{ ui.text("timeline.from") }{ " " }<input type="date" data-timeline-from="" value={from_day.map(|d| d.to_string()).unwrap_or_default()} onchange={on_from} /></label>
                <label>{ ui.text("timeline.to") }{ " " }<input type="date" data-timeline-to="" value={to_day.map(|d| d.to_string()).unwrap_or_default()} onchange={on_to} /></label>
            </div>
        </section>
    }
}

/// The message key of a bucket size's name (`month`).
fn size_key(size: BucketSize) -> &'static str {
    match size {
        BucketSize::Day => "size.day",
        BucketSize::Week => "size.week",
        BucketSize::Month => "size.month",
        BucketSize::Quarter => "size.quarter",
        BucketSize::Year => "size.year",
        BucketSize::Decade => "size.decade",
        BucketSize::Century => "size.century",
        BucketSize::Millennium => "size.millennium",
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
