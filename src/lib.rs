//! Borderlines' Yew app: loads the corpus once, reads the view from the URL and
//! renders it. All corpus logic (search, filters, URL state) lives in the `corpus` crate; this
//! crate only decodes, renders and dispatches.

pub mod app;
pub mod clipboard;
pub mod components;
pub mod data;
pub mod download;
pub mod focus;
pub mod frames;
pub mod hooks;
pub mod intent;
pub mod locale;
pub mod view_url;
pub mod views;

/// Mounts the app on `<div id="app">` (on `<body>` without one). The page's shell that
/// `index.html` painted before it stays until the articles are loaded (see [`app`]).
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
