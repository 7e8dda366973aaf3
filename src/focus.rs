//! Moving the keyboard focus where a reader goes on after an action whose button has gone or
//! moved (removing a filter, opening or closing the filter sheet).

use crate::frames::after_next_paint;

/// Focuses the first element matching `selector` once the next frame is painted (the DOM then
/// holds what the action rendered).
pub fn focus_after_paint(selector: &'static str) {
    after_next_paint(move || {
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = element.focus();
        }
    });
}
