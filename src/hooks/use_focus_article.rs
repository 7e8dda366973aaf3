//! `?article=ID`: the open card is brought into view and given focus.

use yew::{hook, use_effect_with};

/// Scrolls to the card of `article` and focuses it whenever the open article changes.
#[hook]
pub fn use_focus_article(article: Option<String>) {
    use_effect_with(article, |article| {
        if let Some(id) = article {
            focus_card(id);
        }
    });
}

/// Scrolls the card with `id` into view and focuses it, once it is in the DOM.
fn focus_card(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(cards) = document.query_selector_all("article[data-article-id]") else {
        return;
    };
    for i in 0..cards.length() {
        let Some(card) = cards
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
        else {
            continue;
        };
        if card.get_attribute("data-article-id").as_deref() == Some(id) {
            card.scroll_into_view();
            let _ = card.focus();
            return;
        }
    }
}
