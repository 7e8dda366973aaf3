//! The interface language in the app: which one the page speaks ([`use_ui`], [`browser_ui`]),
//! and dates and country names written in it through the browser's `Intl` (CLDR), so they cost
//! the wasm nothing. The sentences themselves are [`corpus::i18n`]'s.
//!
//! Dates use the Gregorian year the articles carry, except that Thai writes the Buddhist era
//! (2568 for 2025) as Thai readers expect; digits are Latin in every language, like the counts.
//! English is written day-month-year (`16 Oct 2025`), as the region's English press writes it.

use std::cell::RefCell;
use std::collections::HashMap;

use corpus::i18n::Ui;
use corpus::view::state::DateBound;
use corpus::view::timeline::{Bucket, BucketSize};
use corpus::Date;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use yew::hook;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DisplayNames` for regions, bound here with its exceptions caught: a browser
    /// without it, or a code that is not well formed, gives an error instead of a trap.
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type RegionNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &Array, options: &Object) -> Result<RegionNames, JsValue>;

    #[wasm_bindgen(method, catch, js_class = "DisplayNames")]
    fn of(this: &RegionNames, code: &str) -> Result<JsValue, JsValue>;
}

/// The interface language of the page: the URL's `ui=`, else the browser's first language the
/// interface speaks. The explorer provides it as a context.
#[hook]
pub fn use_ui() -> Ui {
    yew::use_context::<Ui>().unwrap_or_default()
}

/// The browser's first preferred language that the interface speaks (`navigator.languages`),
/// else English.
pub fn browser_ui() -> Ui {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Ui::En;
    };
    let preferred: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    Ui::from_preferences(preferred.iter().map(String::as_str))
}

/// The interface language of the page before the explorer reads the view: the URL's `ui=`,
/// else the browser's.
pub fn page_ui() -> Ui {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    corpus::view::state::ViewState::parse(&search)
        .0
        .ui
        .unwrap_or_else(browser_ui)
}

/// Writes the interface language on `<html lang>`, so screen readers and fonts follow it.
pub fn set_document_lang(ui: Ui) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if root.get_attribute("lang").as_deref() != Some(ui.tag()) {
            let _ = root.set_attribute("lang", ui.tag());
        }
    }
}

/// The `Intl` locale for an interface language.
fn intl_locale(ui: Ui) -> &'static str {
    match ui {
        Ui::En => "en-GB",
        other => other.tag(),
    }
}

/// What a date format shows.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    Day,
    Month,
    Year,
}

thread_local! {
    static DATE_FORMATS: RefCell<HashMap<(Ui, Shape), Intl::DateTimeFormat>> = RefCell::default();
    static REGION_NAMES: RefCell<HashMap<Ui, Option<RegionNames>>> = RefCell::default();
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn locales(ui: Ui) -> Array {
    Array::of1(&JsValue::from_str(intl_locale(ui)))
}

/// `date` (its year, month and day; the day 1 and month 1 where `shape` leaves them out) as
/// `shape` writes it in `ui`.
fn format(ui: Ui, shape: Shape, year: u16, month: u8, day: u8) -> String {
    DATE_FORMATS.with(|formats| {
        let mut formats = formats.borrow_mut();
        let format = formats.entry((ui, shape)).or_insert_with(|| {
            let mut pairs = vec![
                ("timeZone", "UTC"),
                ("numberingSystem", "latn"),
                ("year", "numeric"),
            ];
            if shape != Shape::Year {
                pairs.push(("month", "short"));
            }
            if shape == Shape::Day {
                pairs.push(("day", "numeric"));
            }
            Intl::DateTimeFormat::new(&locales(ui), &options(&pairs))
        });
        let millis = js_sys::Date::utc(f64::from(year), f64::from(month.saturating_sub(1)))
            + f64::from(day.saturating_sub(1)) * 86_400_000.0;
        let when = js_sys::Date::new(&JsValue::from_f64(millis));
        format
            .format()
            .call1(&JsValue::UNDEFINED, &when)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_else(|| format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// A day: `16 Oct 2025`, `16 thg 10, 2025`, `16 ต.ค. 2568`.
pub fn day(ui: Ui, date: Date) -> String {
    format(ui, Shape::Day, date.year, date.month, date.day)
}

/// A month: `Oct 2025`.
pub fn month(ui: Ui, year: u16, month: u8) -> String {
    format(ui, Shape::Month, year, month, 1)
}

/// A year: `2025` (`พ.ศ. 2568` in Thai).
pub fn year(ui: Ui, year: u16) -> String {
    format(ui, Shape::Year, year, 1, 1)
}

/// One end of a range at its own precision: `2025`, `Oct 2025` or `16 Oct 2025`.
pub fn bound(ui: Ui, bound: DateBound) -> String {
    match bound {
        DateBound::Year(y) => year(ui, y),
        DateBound::Month(y, m) => month(ui, y, m),
        DateBound::Day(d) => day(ui, d),
    }
}

/// A view's date range: `2025`, `16 Oct 2025 – 2 Nov 2025`, `from Oct 2025`, `until 2024`;
/// `None` without one.
pub fn range(ui: Ui, from: Option<DateBound>, to: Option<DateBound>) -> Option<String> {
    match (from, to) {
        (Some(from), Some(to)) if from == to => Some(bound(ui, from)),
        (Some(from), Some(to)) => Some(ui.fill(
            "range.between",
            &[("from", &bound(ui, from)), ("to", &bound(ui, to))],
        )),
        (Some(from), None) => Some(ui.fill("range.from", &[("from", &bound(ui, from))])),
        (None, Some(to)) => Some(ui.fill("range.until", &[("to", &bound(ui, to))])),
        (None, None) => None,
    }
}

/// A timeline bucket's period: `16 Oct 2025`, `Week of 13 Oct 2025`, `Oct 2025`, `Q4 2025`,
/// `2025`, `1990 – 1999`.
pub fn bucket(ui: Ui, size: BucketSize, bucket: &Bucket) -> String {
    let start = bucket.start;
    match size {
        BucketSize::Day => day(ui, start),
        BucketSize::Week => ui.fill("timeline.week", &[("date", &day(ui, start))]),
        BucketSize::Month => month(ui, start.year, start.month),
        BucketSize::Quarter => ui.fill(
            "timeline.quarter",
            &[
                ("q", &(start.month.saturating_sub(1) / 3 + 1).to_string()),
                ("year", &year(ui, start.year)),
            ],
        ),
        BucketSize::Year => year(ui, start.year),
        BucketSize::Decade | BucketSize::Century | BucketSize::Millennium => ui.fill(
            "range.between",
            &[
                ("from", &year(ui, start.year)),
                ("to", &year(ui, bucket.end.year)),
            ],
        ),
    }
}

/// A country's name in `ui` (CLDR through `Intl.DisplayNames`); `english` in English, or when
/// the browser has no name for the code.
pub fn country(ui: Ui, code: &str, english: &str) -> String {
    if ui == Ui::En {
        return english.to_owned();
    }
    REGION_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        let names = names.entry(ui).or_insert_with(|| {
            RegionNames::new(
                &locales(ui),
                &options(&[("type", "region"), ("fallback", "none")]),
            )
            .ok()
        });
        names
            .as_ref()
            .and_then(|names| names.of(code).ok())
            .and_then(|name| name.as_string())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| english.to_owned())
    })
}
