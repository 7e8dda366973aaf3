//! The URL query is the view: [`use_view`] reads it into a [`ViewState`], [`ViewHandle::go`]
//! writes a new one. Only the query string ever changes (never the path), which keeps every link
//! valid under any sub-path and inside the offline file opened from disk.

use std::collections::HashMap;
use std::rc::Rc;

use corpus::view_state::{UrlNotice, ViewState};
use yew::{hook, use_memo};
use yew_router::prelude::{use_location, use_navigator, Navigator};
use yew_router::query::Raw;
use yew_router::Routable;

/// "The page we are on": a route whose path is empty, so navigating to it changes only the query.
#[derive(Clone, Debug, PartialEq)]
pub struct Here;

impl Routable for Here {
    fn from_path(_path: &str, _params: &HashMap<&str, &str>) -> Option<Self> {
        Some(Here)
    }
    fn to_path(&self) -> String {
        String::new()
    }
    fn routes() -> Vec<&'static str> {
        vec!["/*rest"]
    }
    fn not_found_route() -> Option<Self> {
        Some(Here)
    }
    fn recognize(_pathname: &str) -> Option<Self> {
        Some(Here)
    }
}

/// How a new view enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// A discrete choice (a chip, a bucket, opening an article): Back undoes it.
    Push,
    /// Typing: the current entry is rewritten so Back does not replay every keystroke.
    Replace,
}

/// The current view and a way to change it.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewHandle {
    pub state: Rc<ViewState>,
    /// What the URL held that was ignored, and why.
    pub notices: Rc<Vec<UrlNotice>>,
    navigator: Option<Navigator>,
}

impl ViewHandle {
    /// Navigates to `next` (nothing happens when it is the current view).
    pub fn go(&self, next: ViewState, nav: Nav) {
        let Some(navigator) = &self.navigator else {
            return;
        };
        if next == *self.state && self.notices.is_empty() {
            return;
        }
        let query = Raw(next.to_query());
        // Raw queries cannot fail to encode.
        let _ = match nav {
            Nav::Push => navigator.push_with_query(&Here, query),
            Nav::Replace => navigator.replace_with_query(&Here, query),
        };
    }

    /// The shareable URL of `state` relative to the current page.
    pub fn href(state: &ViewState) -> String {
        let query = state.to_query();
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|href| href.split(['?', '#']).next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        if query.is_empty() {
            base
        } else {
            format!("{base}?{query}")
        }
    }
}

/// Reads the view from the URL; re-renders the caller whenever the URL changes.
#[hook]
pub fn use_view() -> ViewHandle {
    let query = use_location()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();
    let parsed = use_memo(query, |query| ViewState::parse(query));
    let navigator = use_navigator();
    ViewHandle {
        state: Rc::new(parsed.0.clone()),
        notices: Rc::new(parsed.1.clone()),
        navigator,
    }
}
