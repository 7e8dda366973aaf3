//! The URL query is the view: [`use_view`] reads it into a [`ViewState`], [`ViewHandle::go`]
//! writes a new one. This is the only module that reads or writes the URL. Only the query string
//! ever changes (never the path), which keeps every link valid under any sub-path and inside the
//! offline file opened from disk.
//!
//! Typing is the one exception to "render what the URL says": `history.replaceState` costs a
//! keystroke a noticeable part of its frame, so a typed view is rendered at once and written to the URL right after
//! that frame is painted ([`Typed`]). Any other navigation writes the typed text first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use corpus::view::state::{UrlNotice, ViewState};
use yew::functional::UseForceUpdateHandle;
use yew::{hook, use_force_update, use_memo, use_mut_ref};
use yew_router::prelude::{use_location, use_navigator, Navigator};
use yew_router::query::Raw;
use yew_router::Routable;

use crate::frames::after_next_paint;

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

/// How a new view enters the browser history ([`Intent::nav`](crate::intent::Intent::nav) says
/// which).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// A discrete choice (a chip, a bucket, opening an article): Back undoes it.
    Push,
    /// Typing: the current entry is rewritten so Back does not replay every keystroke.
    Replace,
}

/// A typed view shown before the URL holds it.
#[derive(Debug)]
struct TypedView {
    /// The URL's query when it was typed: should the URL change meanwhile (Back), it is dropped.
    over_query: String,
    state: ViewState,
}

/// The typed view waiting for the next frame to be written to the URL, shared by every handle
/// of one [`use_view`].
#[derive(Clone)]
struct Typed {
    view: Rc<RefCell<Option<TypedView>>>,
    rerender: UseForceUpdateHandle,
}

impl Typed {
    /// Shows `state` now, over the URL's `query`; the URL follows after the next paint.
    fn show(&self, navigator: &Navigator, query: &str, state: ViewState) {
        let waiting = self
            .view
            .replace(Some(TypedView {
                over_query: query.to_owned(),
                state,
            }))
            .is_some();
        self.rerender.force_update();
        if !waiting {
            let (typed, navigator) = (self.clone(), navigator.clone());
            after_next_paint(move || typed.write(&navigator));
        }
    }

    /// Writes the typed view, if any, into the current history entry.
    fn write(&self, navigator: &Navigator) {
        let Some(typed) = self.view.take() else {
            return;
        };
        let now = web_sys::window().and_then(|w| w.location().search().ok());
        if now.is_some_and(|now| same_query(&now, &typed.over_query)) {
            // Raw queries cannot fail to encode.
            let _ = navigator.replace_with_query(&Here, Raw(typed.state.to_query()));
        }
    }

    /// The typed view to show over the URL's `query`, if any.
    fn over(&self, query: &str) -> Option<ViewState> {
        let typed = self.view.borrow();
        typed
            .as_ref()
            .filter(|typed| same_query(&typed.over_query, query))
            .map(|typed| typed.state.clone())
    }
}

impl PartialEq for Typed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

impl fmt::Debug for Typed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Typed").field(&self.view).finish()
    }
}

/// `?a=1` and `a=1` are the same query.
fn same_query(a: &str, b: &str) -> bool {
    a.trim_start_matches('?') == b.trim_start_matches('?')
}

/// The current view and a way to change it.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewHandle {
    pub state: Rc<ViewState>,
    /// What the URL held that was ignored, and why.
    pub notices: Rc<Vec<UrlNotice>>,
    navigator: Option<Navigator>,
    /// The URL's query (which `state` may be ahead of while a typed view waits).
    query: Rc<str>,
    typed: Typed,
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
        match nav {
            Nav::Replace => self.typed.show(navigator, &self.query, next),
            Nav::Push => {
                // Back returns to what was typed, not to the text before it.
                self.typed.write(navigator);
                // Raw queries cannot fail to encode.
                let _ = navigator.push_with_query(&Here, Raw(next.to_query()));
            }
        }
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
    let parsed = use_memo(query.clone(), |query| ViewState::parse(query));
    let navigator = use_navigator();
    let typed = Typed {
        view: use_mut_ref(|| None),
        rerender: use_force_update(),
    };
    // A typed view replaces the URL's, notices included: the URL is about to be rewritten.
    let (state, notices) = match typed.over(&query) {
        Some(state) => (state, Vec::new()),
        None => (parsed.0.clone(), parsed.1.clone()),
    };
    ViewHandle {
        state: Rc::new(state),
        notices: Rc::new(notices),
        navigator,
        query: query.into(),
        typed,
    }
}

/// The text query of the page's URL (before the router runs: the loading shell shows it).
pub fn query_in_url() -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    ViewState::parse(&search).0.q
}

/// Before the app starts: text typed into the page shell's search box (`index.html`) while the
/// wasm loaded becomes the view's query, unless the link has one. Written with
/// `history.replaceState`, so the app then reads it from the URL like any other view.
pub fn adopt_text_typed_before_start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let typed = window
        .document()
        .and_then(|d| d.get_element_by_id("search-input"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
        .map(|input| input.value())
        .unwrap_or_default();
    if typed.trim().is_empty() {
        return;
    }
    let search = window.location().search().unwrap_or_default();
    let (state, _) = ViewState::parse(&search);
    if state.has_query() {
        return;
    }
    let query = state.set_query(&typed).to_query();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{query}")),
        );
    }
}
