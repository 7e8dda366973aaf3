//! The root component: opens the corpus once and mounts the explorer in a router over the
//! browser history (so the view can live in the URL query).
//!
//! There is a single view whatever the path, and no basename: navigation only ever changes the
//! query, which works under any sub-path and in the offline file opened from disk, where
//! changing the path is impossible.

use yew::{component, html, use_state, Html};
use yew_router::history::{AnyHistory, BrowserHistory};
use yew_router::Router;

use crate::data;
use crate::views::explorer::Explorer;

#[component]
pub fn App() -> Html {
    let history = use_state(|| AnyHistory::from(BrowserHistory::new()));
    match data::open() {
        Ok(corpus) => html! {
            <Router history={(*history).clone()}>
                <Explorer {corpus} />
            </Router>
        },
        Err(message) => {
            html! { <main class="page"><p role="alert" class="notice">{ message }</p></main> }
        }
    }
}
