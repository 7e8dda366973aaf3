//! The explorer page: the shell that reads the view from the URL, answers it, and lays out the
//! search box, the sidebar ([`sidebar`]) and the results ([`result_list`]). Everything shown is
//! derived from the URL query (see `view_url`); every change goes through one intent callback.

mod result_list;
mod sidebar;

use corpus::i18n::Ui;
use corpus::view::state::{summarize_notices, ViewState, SHOWN_NOTICES};
use yew::{
    component, html, use_effect_with, use_memo, use_state_eq, Callback, ContextProvider, Html,
    Properties,
};

use crate::components::search_box::SearchBox;
use crate::components::summary_bar::SummaryBar;
use crate::components::ui_switch::UiSwitch;
use crate::data::Corpus;
use crate::focus::focus_after_paint;
use crate::hooks::{
    use_dispatch, use_focus_article, use_fold_text_ahead, use_shown_cards, use_sidebar_counts,
    use_texts, use_title,
};
use crate::intent::Intent;
use crate::locale::{self, browser_ui};
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
    let browser = use_memo((), |()| browser_ui());
    let ui = state.ui.unwrap_or(*browser);
    use_effect_with(ui, |&ui| locale::set_document_lang(ui));
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
    use_title(page_title(corpus, &state, answer.results.len(), ui));
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
    let mut notices = summarize_notices(&view.notices, SHOWN_NOTICES, ui).lines();
    let article_id = shortened(state.article.as_deref().unwrap_or_default());
    if answer.unknown_article {
        notices.push(ui.fill("notice.unknown-article", &[("id", &article_id)]));
    }
    let query_limit = answer.query.truncated();
    // A search of only emoji or punctuation searches for nothing: say so rather than silently
    // show every article.
    let nothing_to_search = state.has_query() && answer.query.is_empty();

    html! {
        <ContextProvider<Ui> context={ui}>
            <a class="skip-link" href="#results">{ ui.text("site.skip") }</a>
            <header class="site-header">
                <div class="brand-row">
                    <h1 class="brand">{ ui.text("site.name") }</h1>
                    <p class="tagline">{ ui.count("site.tagline.count", corpus.len(), &[]) }</p>
                    <UiSwitch {ui} on_intent={on_intent.clone()} />
                </div>
                <SearchBox value={state.q.clone()} on_intent={on_intent.clone()} />
            </header>
            <div class="layout">
                <main class="results" id="results" tabindex="-1">
                    if !notices.is_empty() {
                        <div class="notice" data-url-notice="" role="status">
                            <p>{ ui.text("notice.url") }</p>
                            <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                        </div>
                    }
                    if let Some(limit) = query_limit {
                        <p class="notice" data-query-limit="" role="status">{ limit.message(ui) }</p>
                    }
                    if answer.hidden_article {
                        <div class="notice" data-hidden-article="" role="status">
                            <p>{ ui.fill("notice.hidden-article", &[("id", &article_id)]) }</p>
                            <button type="button" class="button" onclick={
                                let id = state.article.clone().unwrap_or_default();
                                on_intent.reform(move |_| Intent::OpenArticleAlone(id.clone()))
                            }>{ ui.text("notice.show-alone") }</button>
                        </div>
                    }
                    if nothing_to_search {
                        <p class="notice" data-query-ignored="" role="status">
                            { ui.fill("notice.nothing-to-search", &[("q", &shortened(state.q.trim()))]) }
                        </p>
                    }
                    if let Some(message) = &texts.failed {
                        <div class="notice" role="alert" data-texts-error="">
                            <p>{ message }</p>
                            <button type="button" class="button" onclick={texts.retry.reform(|_| ())}>{ ui.text("load.retry") }</button>
                        </div>
                    }
                    <SummaryBar {corpus} state={state.clone()} on_intent={on_intent.clone()} filters_open={*filters_open} {on_toggle_filters} />
                    { result_list(&ResultListProps { corpus, answer, state, shown: shown.range, show_more: shown.show_more, show_earlier: shown.show_earlier, on_intent: on_intent.clone(), ui }) }
                </main>
                // After the results in the page's order: on a phone the results come first.
                { sidebar(&SidebarProps { corpus, counts, on_intent, open: *filters_open, on_close: on_close_filters, ui }) }
            </div>
        </ContextProvider<Ui>>
    }
}

/// `Cambodia, Thailand · 3 articles — Borderlines`.
fn page_title(corpus: Corpus, state: &ViewState, count: usize, ui: Ui) -> String {
    let mut parts: Vec<String> = Vec::new();
    if state.has_query() {
        parts.push(format!("“{}”", state.q.trim()));
    }
    parts.extend(
        state
            .countries
            .iter()
            .map(|c| locale::country(ui, c, corpus.country_name(c))),
    );
    parts.extend(state.langs.iter().map(|l| ui.language_name(l)));
    if parts.is_empty() {
        ui.count("site.title", count, &[])
    } else {
        ui.count("site.title.view", count, &[("view", &parts.join(", "))])
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
