//! How many cards of a view are rendered: a new view's first frame holds only the cards the
//! window can show, the first page follows once that frame is painted, and "Show more" adds a
//! page at a time (the list is paged, never 10,000 cards).

use corpus::view::results::PAGE_SIZE;
use corpus::view::state::ViewState;
use yew::{hook, use_callback, use_effect_with, use_state_eq, Callback};

use crate::frames::after_next_paint;

/// A card's least height on screen, in CSS pixels: a title, a meta line and a short passage.
const CARD_MIN_HEIGHT_PX: f64 = 300.0;

/// Cards in the first frame of a new view: as many as the window can show (two in a 720-pixel
/// window, three at 1080). The rest of the first page follows once that frame is painted, so a
/// keystroke's results appear within a frame; each card more costs that frame.
fn first_paint_cards() -> usize {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(1080.0);
    // A whole number between 2 and the page size: the cast loses nothing.
    (height / CARD_MIN_HEIGHT_PX)
        .floor()
        .clamp(2.0, PAGE_SIZE as f64) as usize
}

/// What a list of cards is of: the view without its open article (opening a card keeps the
/// list and how much of it is shown).
pub fn view_key(state: &ViewState) -> ViewState {
    ViewState {
        article: None,
        ..state.clone()
    }
}

/// The cards to render and the way to ask for more.
#[derive(Debug)]
pub struct ShownCards {
    /// How many of the view's results to render.
    pub limit: usize,
    /// "Show more": a page more than `limit`.
    pub show_more: Callback<()>,
}

/// The cards to render of `state`'s results, where the open article, if any, is at
/// `open_position` in them: it stays on the page even when it is further down the list.
#[hook]
pub fn use_shown_cards(state: &ViewState, open_position: Option<usize>) -> ShownCards {
    // How many cards the reader has asked for, and for which view.
    let shown = use_state_eq(|| (ViewState::default(), PAGE_SIZE));
    let key = view_key(state);
    let requested = if shown.0 == key {
        shown.1
    } else {
        first_paint_cards()
    };
    {
        let shown = shown.clone();
        use_effect_with(key.clone(), move |key| {
            if shown.0 != *key {
                let key = key.clone();
                after_next_paint(move || shown.set((key, PAGE_SIZE)));
            }
        });
    }
    let limit = requested.max(open_position.map_or(0, |p| p + 1));
    // The same callback while the view and the limit stay, so the result list's props do too.
    let show_more = use_callback((key, limit), move |(), (key, limit)| {
        shown.set((key.clone(), limit + PAGE_SIZE));
    });
    ShownCards { limit, show_more }
}
