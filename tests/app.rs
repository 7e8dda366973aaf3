//! Component tests in headless Chromium: mount the app, click as a reader would, and check the
//! URL (the single source of truth) and what is rendered.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The corpus the build packs from `seeds/` (kept current by crates/ingest/tests/app_fixture.rs).
static SEEDS_BLOB: &[u8] = include_bytes!("fixtures/seeds.blob");

/// Resets the URL query and mounts a fresh app into a new element.
fn mount(query: &str) -> Element {
    borderlines::data::provide(SEEDS_BLOB);
    let window = web_sys::window().expect("a window");
    let path = window.location().pathname().expect("a path");
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .expect("reset url");
    let document = window.document().expect("a document");
    let root = document.create_element("div").expect("create div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<borderlines::app::App>::with_root(root.clone()).render();
    root
}

/// Yields to the event loop until `ready` holds (at most ~3 s), so Yew can render.
async fn until(root: &Element, what: &str, ready: impl Fn(&Element) -> bool) {
    for _ in 0..300 {
        if ready(root) {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("{what}: condition not met; rendered: {}", root.inner_html());
}

/// Whether `root` holds an element matching `selector`.
fn has(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

fn count(root: &Element) -> Option<String> {
    root.query_selector("[data-result-count]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-result-count"))
}

fn cards(root: &Element) -> u32 {
    root.query_selector_all("article[data-article-id]")
        .map(|l| l.length())
        .unwrap_or(0)
}

fn click(root: &Element, selector: &str) {
    let element: HtmlElement = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no {selector}"));
    element.click();
}

/// Sets the search field to `text` and fires its `input` event, as typing does.
fn type_search(root: &Element, text: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("#search-input")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("the search input");
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("an event");
    input.dispatch_event(&event).expect("dispatched");
}

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_renders_one_card_per_seed() {
    let root = mount("");
    until(&root, "cards", |r| cards(r) > 0).await;
    assert_eq!(cards(&root), 2);
    assert_eq!(count(&root).as_deref(), Some("2"));
}

#[wasm_bindgen_test]
async fn a_country_chip_toggles_the_country_in_the_url() {
    let root = mount("");
    until(&root, "chips", |r| has(r, "[data-country-filter='KH']")).await;
    let pressed = |r: &Element| {
        r.query_selector("[data-country-filter='KH']")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("aria-pressed"))
    };
    click(&root, "[data-country-filter='KH']");
    // The count and the chip are rendered by different components: wait for both.
    until(&root, "filtered and pressed", |r| {
        count(r).as_deref() == Some("1") && pressed(r).as_deref() == Some("true")
    })
    .await;
    assert_eq!(search(), "?country=KH");
    click(&root, "[data-country-filter='KH']");
    until(&root, "unfiltered", |r| count(r).as_deref() == Some("2")).await;
    assert_eq!(search(), "");
}

#[wasm_bindgen_test]
async fn a_language_chip_filters_by_language() {
    let root = mount("");
    until(&root, "chips", |r| has(r, "[data-lang-filter='en']")).await;
    click(&root, "[data-lang-filter='en']");
    until(&root, "filtered", |r| count(r).as_deref() == Some("1")).await;
    assert_eq!(search(), "?lang=en");
}

#[wasm_bindgen_test]
async fn a_timeline_bucket_click_sets_the_date_range() {
    let root = mount("");
    until(&root, "timeline", |r| has(r, "[data-timeline-bucket]")).await;
    let bucket = root
        .query_selector("[data-timeline-bucket][data-count='1']")
        .ok()
        .flatten()
        .expect("a bucket with the dated seed");
    let (from, to) = (
        bucket.get_attribute("data-from").unwrap_or_default(),
        bucket.get_attribute("data-to").unwrap_or_default(),
    );
    click(&root, "[data-timeline-bucket][data-count='1']");
    until(&root, "narrowed", |r| count(r).as_deref() == Some("1")).await;
    assert_eq!(search(), format!("?from={from}&to={to}"));
}

#[wasm_bindgen_test]
async fn the_undated_lane_selects_undated_only() {
    let root = mount("");
    until(&root, "lane", |r| has(r, "[data-timeline-undated='1']")).await;
    click(&root, "[data-timeline-undated]");
    until(&root, "undated only", |r| count(r).as_deref() == Some("1")).await;
    assert_eq!(search(), "?undated=only");
    assert!(root
        .query_selector("article[data-article-id='000_dee04c71b2f6b000']")
        .ok()
        .flatten()
        .is_some());
}

#[wasm_bindgen_test]
async fn read_full_text_opens_the_article_in_the_url() {
    let root = mount("");
    until(&root, "cards", |r| cards(r) > 0).await;
    click(
        &root,
        "article[data-article-id='001_ea81238345a38f58'] button.expand",
    );
    until(&root, "expanded", |r| {
        has(r, "article[data-expanded='true']")
    })
    .await;
    assert_eq!(search(), "?article=001_ea81238345a38f58");
}

#[wasm_bindgen_test]
async fn bad_parameters_show_a_notice_and_the_rest_still_applies() {
    let root = mount("country=TH,XYZ&sort=sideways");
    until(&root, "notice", |r| has(r, "[data-url-notice]")).await;
    assert_eq!(
        count(&root).as_deref(),
        Some("2"),
        "TH still applies: both seeds mention Thailand"
    );
    let notice = root
        .query_selector("[data-url-notice]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(
        notice.contains("XYZ") && notice.contains("sideways"),
        "{notice}"
    );
}

#[wasm_bindgen_test]
async fn typing_narrows_the_cards_and_the_chip_counts_follow() {
    let root = mount("");
    until(&root, "search box", |r| has(r, "#search-input")).await;
    type_search(&root, "campuchia");
    // Only the Vietnamese seed says "Campuchia": the cards first, then (a frame later) the URL
    // and the language chips, where English no longer appears.
    let english = |r: &Element| has(r, "[data-lang-filter='en']");
    assert!(english(&root));
    until(&root, "one card", |r| count(r).as_deref() == Some("1")).await;
    until(&root, "q in the URL", |_| search() == "?q=campuchia").await;
    until(&root, "no English chip", |r| !english(r)).await;
}

#[wasm_bindgen_test]
async fn a_chip_pressed_right_after_typing_keeps_the_typed_text_in_history() {
    let root = mount("");
    until(&root, "chips", |r| has(r, "[data-lang-filter='vi']")).await;
    type_search(&root, "campuchia");
    // One task later the typed view is rendered, and usually not yet written to the URL: the
    // chip's navigation writes it first, so Back returns to the typed text.
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
    click(&root, "[data-lang-filter='vi']");
    until(&root, "typed text and language in the URL", |_| {
        search() == "?q=campuchia&lang=vi"
    })
    .await;
    web_sys::window()
        .and_then(|w| w.history().ok())
        .expect("history")
        .back()
        .expect("back");
    until(&root, "back to the typed text", |_| {
        search() == "?q=campuchia"
    })
    .await;
    until(&root, "its one card", |r| count(r).as_deref() == Some("1")).await;
}

#[wasm_bindgen_test]
async fn ui_in_the_url_picks_the_interface_language() {
    let root = mount("ui=vi");
    until(&root, "cards", |r| cards(r) > 0).await;
    let text = |selector: &str| {
        root.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    };
    assert_eq!(
        text("label[for='search-input']").as_deref(),
        Some(corpus::i18n::Ui::Vi.text("search.label"))
    );
    assert_eq!(
        text("#timeline-heading").as_deref(),
        Some(corpus::i18n::Ui::Vi.text("timeline.heading"))
    );
}
