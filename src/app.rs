//! The root component: a router over the browser history (so the view can live in the URL
//! query) around the explorer.
//!
//! There is a single view whatever the path, and no basename: navigation only ever changes the
//! query, which works under any sub-path and in the offline file opened from disk, where
//! changing the path is impossible.

use yew::{component, html, use_state, Html};
use yew_router::history::{AnyHistory, BrowserHistory};
use yew_router::Router;

use crate::views::explorer::Explorer;

#[component]
pub fn App() -> Html {
    let history = use_state(|| AnyHistory::from(BrowserHistory::new()));
    html! {
        <Router history={(*history).clone()}>
            <Explorer />
        </Router>
    }
}
