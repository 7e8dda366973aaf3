//! Component tests in headless Chromium: mount the app and look at what it renders.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into, appended to `<body>`.
fn mount_point() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("create div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

/// Lets Yew render: yields to the event loop until `ready` holds (at most ~2 s).
async fn until(root: &Element, ready: impl Fn(&Element) -> bool) {
    for _ in 0..200 {
        if ready(root) {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("condition not met; rendered: {}", root.inner_html());
}

fn cards(root: &Element) -> u32 {
    root.query_selector_all("article[data-article-id]")
        .map(|l| l.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn app_renders_one_card_per_seed() {
    let root = mount_point();
    yew::Renderer::<borderlines::app::App>::with_root(root.clone()).render();
    until(&root, |r| cards(r) > 0).await;
    assert_eq!(cards(&root), 2);
    let count = root
        .query_selector("[data-result-count]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-result-count"));
    assert_eq!(count.as_deref(), Some("2"));
}

#[wasm_bindgen_test]
async fn the_expand_button_marks_the_card_expanded() {
    let root = mount_point();
    yew::Renderer::<borderlines::app::App>::with_root(root.clone()).render();
    until(&root, |r| cards(r) > 0).await;
    let button: HtmlElement = root
        .query_selector("article[data-article-id='001_ea81238345a38f58'] button.expand")
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok())
        .expect("an expand button");
    button.click();
    until(&root, |r| {
        r.query_selector("article[data-expanded='true']")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}
