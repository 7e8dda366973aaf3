//! `?article=ID`: the open card is brought into view and given focus; opened from a line of the
//! keyword-in-context view, the match that line shows is brought into view too.

use std::cell::RefCell;

use yew::{hook, use_effect_with};

thread_local! {
    /// The match to show once its article's card is open: `(id, paragraph or None for the
    /// title, nth match there)`.
    static PENDING_MATCH: RefCell<Option<(String, Option<usize>, usize)>> = const { RefCell::new(None) };
}

/// Asks for the `nth` match of `paragraph` (`None`: the title) of article `id` to be scrolled to
/// once that article opens.
pub fn show_match_when_open(id: &str, paragraph: Option<usize>, nth: usize) {
    PENDING_MATCH.with_borrow_mut(|pending| *pending = Some((id.to_owned(), paragraph, nth)));
}

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
            show_pending_match(&card, id);
            return;
        }
    }
}

/// Scrolls to the match asked for by [`show_match_when_open`] in `card`, and marks it as the one.
fn show_pending_match(card: &web_sys::HtmlElement, id: &str) {
    let Some((_, paragraph, nth)) =
        PENDING_MATCH.with_borrow_mut(|pending| pending.take_if(|(wanted, _, _)| wanted == id))
    else {
        return;
    };
    let selector = match paragraph {
        None => ".card-title mark".to_owned(),
        Some(p) => format!(".card-body > p:nth-of-type({}) mark", p + 1),
    };
    let Some(mark) = card
        .query_selector_all(&selector)
        .ok()
        .and_then(|marks| marks.item(u32::try_from(nth).ok()?))
        .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
    else {
        return;
    };
    let _ = mark.set_attribute("data-kwic-target", "");
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}
