//! The tab's title follows the view.

use yew::{hook, use_effect_with};

use crate::frames::after_next_paint;

/// Sets the document's title to `title` whenever it changes, after the frame is painted: the
/// tab's title is not part of the page, and setting it costs a keystroke's frame.
#[hook]
pub fn use_title(title: String) {
    use_effect_with(title, |title| {
        let title = title.clone();
        after_next_paint(move || {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&title);
            }
        });
    });
}
