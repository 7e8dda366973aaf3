//! Text with search matches wrapped in `<mark>`: always text nodes, never parsed as HTML.

use std::ops::Range;

use yew::{html, Html};

/// Renders `text` with the byte `ranges` (sorted, non-overlapping) marked.
pub fn marked_text(text: &str, ranges: &[Range<usize>]) -> Html {
    if ranges.is_empty() {
        return html! { { text.to_owned() } };
    }
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(hit)) = (text.get(at..range.start), text.get(range.clone())) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { { before.to_owned() } });
        }
        parts.push(html! { <mark>{ hit.to_owned() }</mark> });
        at = range.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            parts.push(html! { { rest.to_owned() } });
        }
    }
    parts.into_iter().collect::<Html>()
}
