//! One callback for every intent of a page: it maps the intent to the next view with
//! [`dispatch`] and navigates there.

use yew::{hook, use_memo, use_mut_ref, Callback};

use crate::intent::{dispatch, Intent};
use crate::view_url::ViewHandle;

/// The page's intent callback. It is the same callback for the whole session and reads the view
/// current when it fires, so that components' props stay equal and Yew skips them when only
/// something else changed.
#[hook]
pub fn use_dispatch(view: &ViewHandle) -> Callback<Intent> {
    let latest = use_mut_ref(|| view.clone());
    *latest.borrow_mut() = view.clone();
    (*use_memo((), move |()| {
        Callback::from(move |intent: Intent| {
            // Cloned out first: navigating may render the page, which updates `latest`.
            let view = latest.borrow().clone();
            let (next, nav) = dispatch(&view.state, intent);
            view.go(next, nav);
        })
    }))
    .clone()
}
