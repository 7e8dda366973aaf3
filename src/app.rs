//! The root component: loads the corpus once ([`data::load`]) and mounts the explorer in a router
//! over the browser history (so the view can live in the URL query). Until the corpus is there,
//! the page's shell that `index.html` painted before any script ran stays (header, search box, a
//! loading line and, for a link without a view, the first page of cards); the explorer replaces
//! it. If loading fails, the app shows the shell itself, saying why, with a button to try again.
//!
//! There is a single view whatever the path, and no basename: navigation only ever changes the
//! query, which works under any sub-path and in the offline file opened from disk, where
//! changing the path is impossible.

use yew::{component, html, use_effect_with, use_state, Callback, Html, MouseEvent};
use yew_router::history::{AnyHistory, BrowserHistory};
use yew_router::Router;

use corpus::i18n::Ui;

use crate::data::{self, Corpus};
use crate::locale;
use crate::view_url;
use crate::views::explorer::Explorer;

/// Where loading the corpus stands.
#[derive(Clone, PartialEq)]
enum Load {
    Pending,
    Ready(Corpus),
    Failed(String),
}

#[component]
pub fn App() -> Html {
    let history = use_state(|| AnyHistory::from(BrowserHistory::new()));
    let load = use_state(|| data::loaded().map_or(Load::Pending, Load::Ready));
    // Each press of "Try again" is a new attempt.
    let attempt = use_state(|| 0u32);
    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            if !matches!(*load, Load::Ready(_)) {
                load.set(Load::Pending);
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = data::load().await;
                    // Text typed into the shell while the data loaded is the view's query.
                    view_url::adopt_text_typed_before_start();
                    if let Ok(corpus) = &loaded {
                        data::fetch_first_texts(*corpus).await;
                    }
                    // The static shell goes in the same task as the app's first render (Yew
                    // renders in a microtask), so no frame shows neither, and the app's content
                    // takes the shell's place instead of pushing it down.
                    remove_static_shell();
                    load.set(match loaded {
                        Ok(corpus) => Load::Ready(corpus),
                        Err(message) => Load::Failed(message),
                    });
                });
            }
        });
    }
    let ui = locale::page_ui();
    match &*load {
        Load::Ready(corpus) => html! {
            <Router history={(*history).clone()}>
                <Explorer corpus={*corpus} />
            </Router>
        },
        // The static shell shows while the first attempt loads.
        Load::Pending if *attempt == 0 => Html::default(),
        Load::Pending => shell(
            ui,
            html! {
                <p class="loading" role="status" data-shell-loading="">{ loading_text(ui) }</p>
            },
        ),
        Load::Failed(message) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            shell(
                ui,
                html! {
                    <div class="notice" role="alert" data-load-error="">
                        <p>{ message }</p>
                        <button type="button" class="button" onclick={retry}>{ ui.text("load.retry") }</button>
                    </div>
                },
            )
        }
    }
}

/// Removes `index.html`'s shell (`<div id="shell">`), if it is still there.
fn remove_static_shell() {
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
}

/// "Loading the articles (1.2 MB)…", with the size when the build gave it.
fn loading_text(ui: Ui) -> String {
    let size = match data::linked_size() {
        Some(bytes) if bytes >= 1_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        Some(bytes) => format!("{} kB", bytes.div_ceil(1000)),
        None => return ui.text("load.articles").to_owned(),
    };
    ui.fill("load.articles.size", &[("size", &size)])
}

/// The page's shell around `status`: the same header, search box and frame as `index.html`'s.
fn shell(ui: Ui, status: Html) -> Html {
    html! {
        <>
            <header class="site-header">
                <div class="brand-row">
                    <h1 class="brand">{ ui.text("site.name") }</h1>
                    <p class="tagline">{ ui.text("site.tagline") }</p>
                </div>
                <div class="search" role="search">
                    <label for="search-input">{ ui.text("search.label") }</label>
                    <input id="search-input" type="search" autocomplete="off" spellcheck="false"
                           placeholder={ui.text("search.placeholder")} value={view_url::query_in_url()} />
                </div>
            </header>
            <div class="layout">
                <main class="results" id="results">{ status }</main>
            </div>
        </>
    }
}
