//! The sidebar's counts (facet chips and timeline) and the one-frame lag that keeps typing fast:
//! after a keystroke the counts follow one frame after the cards, so that the key's frame paints
//! the cards; any other change counts them at once.

use std::rc::Rc;

use corpus::view::facets::Facets;
use corpus::view::state::ViewState;
use corpus::view::timeline::Timeline;
use corpus::view::{counts, Answer};
use yew::{hook, use_effect_with, use_force_update, use_memo, use_mut_ref};

use crate::data::Corpus;
use crate::frames::after_next_paint;

/// The sidebar's counts, and the view they were counted for. The sidebar renders from that view:
/// while the counts lag a keystroke it differs from the current one only in its search text,
/// which the sidebar does not show.
#[derive(Debug, PartialEq, Eq)]
pub struct SidebarCounts {
    pub view: Rc<ViewState>,
    pub facets: Facets,
    pub histogram: Rc<Timeline>,
}

/// Views that differ only in their search text: a keystroke.
fn only_text_differs(a: &ViewState, b: &ViewState) -> bool {
    a.q != b.q
        && *a
            == ViewState {
                q: a.q.clone(),
                ..b.clone()
            }
}

/// The sidebar's counts for `state`, whose results are `answer`, or for the view before the
/// keystroke that led to `state` until the frame after it is painted.
#[hook]
pub fn use_sidebar_counts(
    corpus: Corpus,
    state: &ViewState,
    answer: &Rc<Answer>,
) -> Rc<SidebarCounts> {
    // The view the counts were last made for.
    let counted = use_mut_ref(|| state.clone());
    let refresh = use_force_update();
    let lags = only_text_differs(state, &counted.borrow());
    if !lags {
        *counted.borrow_mut() = state.clone();
    }
    let sidebar = {
        let (answer, current) = (answer.clone(), state.clone());
        use_memo(counted.borrow().clone(), move |view| {
            let counts = if *view == current {
                answer.counts(&corpus, view)
            } else {
                // A view the reader has already typed past: searched afresh.
                counts(&corpus, view)
            };
            SidebarCounts {
                view: Rc::new(view.clone()),
                facets: counts.facets,
                histogram: Rc::new(counts.timeline),
            }
        })
    };
    let current = state.clone();
    use_effect_with(state.clone(), move |_| {
        if lags {
            after_next_paint(move || {
                *counted.borrow_mut() = current;
                refresh.force_update();
            });
        }
    });
    sidebar
}
