//! The root component: a router (so the view can live in the URL query) around the explorer.
//!
//! There is a single view whatever the path: only the query string changes, which also works
//! for the offline file opened from disk, where changing the path is impossible.

use yew::{component, html, Html};
use yew_router::BrowserRouter;

use crate::views::explorer::Explorer;

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Explorer />
        </BrowserRouter>
    }
}
