//! The explorer page: the shell that reads the view from the URL, answers it, and lays out the
//! search box, the sidebar ([`sidebar`]) and the results ([`result_list`]). Everything shown is
//! derived from the URL query (see `view_url`); every change goes through one intent callback.

mod result_list;
mod sidebar;

use corpus::languages::language_name;
use corpus::view::state::{summarize_notices, ViewState, SHOWN_NOTICES};
use yew::{component, html, use_memo, use_state_eq, Callback, Html, Properties};

use crate::components::search_box::SearchBox;
use crate::components::summary_bar::SummaryBar;
use crate::data::Corpus;
use crate::focus::focus_after_paint;
use crate::hooks::{
    use_dispatch, use_focus_article, use_fold_text_ahead, use_shown_cards, use_sidebar_counts,
    use_texts, use_title,
};
use crate::intent::Intent;
use crate::view_url::use_view;
use result_list::{result_list, ResultListProps};
use sidebar::{sidebar, SidebarProps};

#[derive(Properties, PartialEq, Debug)]
pub struct ExplorerProps {
    pub corpus: Corpus,
}

#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let corpus = props.corpus;
    let view = use_view();
    let on_intent = use_dispatch(&view);
    let state = view.state.clone();
    // A sharded corpus's answer changes as the texts its phrases are checked on arrive.
    let answer = use_memo(
        ((*state).clone(), corpus.chunks_here()),
        move |(state, _)| corpus::view::answer(&corpus, state),
    );
    let counts = use_sidebar_counts(corpus, &state, &answer);
    let open_position = state
        .article
        .as_ref()
        .and_then(|id| answer.results.position(corpus.catalog().position(id)?));
    let shown = use_shown_cards(&state, open_position);
    let texts = use_texts(corpus, answer.texts_needed(&corpus, shown.range.clone()));
    use_focus_article(state.article.clone());
    use_title(page_title(corpus, &state, answer.results.len()));
    use_fold_text_ahead(corpus);
    let filters_open = use_state_eq(|| false);
    // Opening moves the focus into the sheet, closing back to the button that opened it.
    let set_filters_open = {
        let filters_open = filters_open.clone();
        move |open: bool| {
            filters_open.set(open);
            focus_after_paint(if open {
                "[data-close-filters]"
            } else {
                "[data-filters-toggle]"
            });
        }
    };
    let on_toggle_filters = {
        let set = set_filters_open.clone();
        let open = *filters_open;
        Callback::from(move |()| set(!open))
    };
    let on_close_filters = Callback::from(move |()| set_filters_open(false));

    // A crafted link can hold thousands of bad values: the first few are listed, the rest
    // counted.
    let mut notices = summarize_notices(&view.notices, SHOWN_NOTICES).lines();
    if answer.unknown_article {
        notices.push(format!(
            "Ignored article “{}”: there is no article with that id.",
            shortened(state.article.as_deref().unwrap_or_default())
        ));
    }
    let query_limit = answer.query.truncated();
    // A search of only emoji or punctuation searches for nothing: say so rather than silently
    // show every article.
    let nothing_to_search = state.has_query() && answer.query.is_empty();

    html! {
        <>
            <a class="skip-link" href="#results">{ "Skip to results" }</a>
            <header class="site-header">
                <div class="brand-row">
                    <h1 class="brand">{ "Borderlines" }</h1>
                    <p class="tagline">{ format!("{} articles on cross-border crime and cooperation in Southeast Asia", corpus.len()) }</p>
                </div>
                <SearchBox value={state.q.clone()} on_intent={on_intent.clone()} />
            </header>
            <div class="layout">
                <main class="results" id="results" tabindex="-1">
                    if !notices.is_empty() {
                        <div class="notice" data-url-notice="" role="status">
                            <p>{ "Part of this link was not understood and was ignored:" }</p>
                            <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                        </div>
                    }
                    if let Some(limit) = query_limit {
                        <p class="notice" data-query-limit="" role="status">{ format!("{limit}.") }</p>
                    }
                    if answer.hidden_article {
                        <div class="notice" data-hidden-article="" role="status">
                            <p>{ format!("The article “{}” that this link opens is not among these results: its search or filters leave it out.", shortened(state.article.as_deref().unwrap_or_default())) }</p>
                            <button type="button" class="button" onclick={
                                let id = state.article.clone().unwrap_or_default();
                                on_intent.reform(move |_| Intent::OpenArticleAlone(id.clone()))
                            }>{ "Show it without them" }</button>
                        </div>
                    }
                    if nothing_to_search {
                        <p class="notice" data-query-ignored="" role="status">
                            { format!("“{}” has no letters or digits to search for: every article is shown.", shortened(state.q.trim())) }
                        </p>
                    }
                    if let Some(message) = &texts.failed {
                        <div class="notice" role="alert" data-texts-error="">
                            <p>{ message }</p>
                            <button type="button" class="button" onclick={texts.retry.reform(|_| ())}>{ "Try again" }</button>
                        </div>
                    }
                    <SummaryBar {corpus} state={state.clone()} on_intent={on_intent.clone()} filters_open={*filters_open} {on_toggle_filters} />
                    { result_list(&ResultListProps { corpus, answer, state, shown: shown.range, show_more: shown.show_more, show_earlier: shown.show_earlier, on_intent: on_intent.clone() }) }
                </main>
                // After the results in the page's order: on a phone the results come first.
                { sidebar(&SidebarProps { corpus, counts, on_intent, open: *filters_open, on_close: on_close_filters }) }
            </div>
        </>
    }
}

/// `Cambodia, Thailand · 3 articles — Borderlines`.
fn page_title(corpus: Corpus, state: &ViewState, count: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    if state.has_query() {
        parts.push(format!("“{}”", state.q.trim()));
    }
    parts.extend(
        state
            .countries
            .iter()
            .map(|c| corpus.country_name(c).to_owned()),
    );
    parts.extend(state.langs.iter().map(|l| language_name(l).to_owned()));
    let noun = if count == 1 { "article" } else { "articles" };
    if parts.is_empty() {
        format!("{count} {noun} — Borderlines")
    } else {
        format!("{} · {count} {noun} — Borderlines", parts.join(", "))
    }
}

/// At most [`SHOWN_ID_CHARS`] characters of an id from the URL, with `…` where it was cut.
fn shortened(id: &str) -> String {
    match id.char_indices().nth(SHOWN_ID_CHARS) {
        Some((cut, _)) => format!("{}…", &id[..cut]),
        None => id.to_owned(),
    }
}

/// How much of an unknown article id a notice repeats.
const SHOWN_ID_CHARS: usize = 80;
