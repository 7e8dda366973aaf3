//! How many cards of a view are rendered: a new view's first frame holds only the cards the
//! window can show, the first page follows once that frame is painted, and "Show more" adds a
//! page at a time (the list is paged, never 10,000 cards). And how many of them the reader can
//! reach soon ([`use_cards_in_reach`]): a sharded corpus fetches only their texts, the rest as
//! the reader scrolls.

use std::ops::Range;

use corpus::view::results::{first_shown, page_around, PAGE_SIZE};
use corpus::view::state::ViewState;
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
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

/// The cards to render and the ways to ask for more.
#[derive(Debug)]
pub struct ShownCards {
    /// The positions in the view's results to render (a page of them, or more).
    pub range: Range<usize>,
    /// "Show more": a page more after `range`.
    pub show_more: Callback<()>,
    /// "Show earlier": a page more before `range` (which starts past the first result when a
    /// link opened an article deep in the list).
    pub show_earlier: Callback<()>,
}

/// The cards to render of `state`'s results, where the open article, if any, is at
/// `open_position` in them: it is always on the page. A link to an article deep in the list
/// opens the page around it ([`page_around`]), not every card before it.
#[hook]
pub fn use_shown_cards(state: &ViewState, open_position: Option<usize>) -> ShownCards {
    // Which cards the reader has asked for, and for which view.
    let shown = use_state_eq(|| (ViewState::default(), 0..PAGE_SIZE));
    let key = view_key(state);
    let asked = if shown.0 == key {
        shown.1.clone()
    } else {
        0..first_paint_cards()
    };
    let range = match open_position {
        Some(p) if asked.contains(&p) => asked,
        // On the first page, or just past the cards shown from the top: they grow to it.
        Some(p) if asked.start == 0 && p < asked.end.max(PAGE_SIZE) => 0..p + 1,
        Some(p) => page_around(p),
        None => asked,
    };
    {
        let shown = shown.clone();
        // The first page of a new view (or the page around its open article) once its first
        // frame is painted.
        let first = first_shown(open_position);
        use_effect_with(key.clone(), move |key| {
            if shown.0 != *key {
                let key = key.clone();
                after_next_paint(move || shown.set((key, first)));
            }
        });
    }
    let show_more = {
        let shown = shown.clone();
        use_callback((key.clone(), range.clone()), move |(), (key, range)| {
            shown.set((key.clone(), range.start..range.end + PAGE_SIZE));
        })
    };
    let show_earlier = use_callback((key, range.clone()), move |(), (key, range)| {
        shown.set((
            key.clone(),
            range.start.saturating_sub(PAGE_SIZE)..range.end,
        ));
    });
    ShownCards {
        range,
        show_more,
        show_earlier,
    }
}

/// How many cards from the top of the list are within reach: those in the window as scrolled,
/// and those of the next one and a half windows below it. Counted on the cards as laid out
/// (a card waiting for its text is shorter than one with it), and at least as many as cards of
/// [`CARD_MIN_HEIGHT_PX`] would fill (before the list is laid out).
pub fn cards_in_reach_now() -> usize {
    let window = web_sys::window();
    let height = window
        .as_ref()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(1080.0);
    let scrolled = window
        .as_ref()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    // A whole number of cards, at least one page's first frame: the cast loses nothing.
    let estimate = ((scrolled + 2.5 * height) / CARD_MIN_HEIGHT_PX)
        .ceil()
        .max(first_paint_cards() as f64) as usize;
    estimate.max(cards_laid_out_above(2.5 * height).unwrap_or(0))
}

/// How many cards of the list on screen start above `bottom` pixels from the window's top.
fn cards_laid_out_above(bottom: f64) -> Option<usize> {
    let items = web_sys::window()?
        .document()?
        .query_selector_all("ol.cards > li")
        .ok()?;
    let mut count = 0;
    for i in 0..items.length() {
        let item: web_sys::Element = items.item(i)?.dyn_into().ok()?;
        let rect = item.get_bounding_client_rect();
        // A hidden list (the page's static first cards, under a link with a view) is not laid out.
        if rect.height() == 0.0 || rect.top() >= bottom {
            break;
        }
        count += 1;
    }
    Some(count)
}

/// [`cards_in_reach_now`], growing as the reader scrolls (never shrinking: texts fetched stay).
#[hook]
pub fn use_cards_in_reach() -> usize {
    let reach = use_state_eq(cards_in_reach_now);
    {
        let reach = reach.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|window| {
                // Passive (gloo's default): it never delays scrolling.
                EventListener::new(&window, "scroll", move |_| {
                    let now = cards_in_reach_now();
                    if now > *reach {
                        reach.set(now);
                    }
                })
            });
            move || drop(listener)
        });
    }
    *reach
}
