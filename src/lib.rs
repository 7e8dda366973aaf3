//! Borderlines' Yew app: loads the corpus once, reads the view from the URL and
//! renders it. All corpus logic (search, filters, URL state) lives in the `corpus` crate; this
//! crate only decodes, renders and dispatches.

pub mod app;
pub mod clipboard;
pub mod components;
pub mod data;
pub mod frames;
pub mod hooks;
pub mod intent;
pub mod view_url;
pub mod views;

/// Mounts the app on `<body>`, replacing the page shell `index.html` painted before it (text
/// typed into the shell's search box is kept).
pub fn start() {
    view_url::adopt_text_typed_before_start();
    yew::Renderer::<app::App>::new().render();
}
