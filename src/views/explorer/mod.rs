//! The explorer page: the shell that reads the view from the URL, answers it, and lays out the
//! search box, the sidebar ([`sidebar`]) and the results ([`result_list`]). Everything shown is
//! derived from the URL query (see `view_url`); every change goes through one intent callback.

mod result_list;
mod sidebar;

use std::rc::Rc;

use corpus::i18n::Ui;
use corpus::view::across::{AlsoKind, AlsoSearched};
use corpus::view::state::{summarize_notices, ResultsView, ViewState, SHOWN_NOTICES};
use corpus::view::Answer;
use yew::{
    component, html, use_effect, use_effect_with, use_memo, use_mut_ref, use_state_eq, Callback,
    ContextProvider, Html, MouseEvent, Properties,
};

use crate::components::compare_chart::CompareChart;
use crate::components::search_box::SearchBox;
use crate::components::summary_bar::SummaryBar;
use crate::components::ui_switch::UiSwitch;
use crate::data::Corpus;
use crate::focus::focus_after_paint;
use crate::hooks::{
    use_cards_in_reach, use_dispatch, use_focus_article, use_fold_text_ahead, use_shown_cards,
    use_sidebar_counts, use_texts, use_title,
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
    let fresh = use_memo(
        ((*state).clone(), corpus.chunks_here()),
        move |(state, _)| corpus::view::answer(&corpus, state),
    );
    // While a sharded corpus fetches the posting lists a new search reads, the last complete
    // answer stays on screen (its count says it is checking) instead of an empty list.
    let last_complete = use_mut_ref(|| None::<Rc<Answer>>);
    let answer = if fresh.searching {
        last_complete
            .borrow()
            .clone()
            .unwrap_or_else(|| fresh.clone())
    } else {
        *last_complete.borrow_mut() = Some(fresh.clone());
        fresh.clone()
    };
    let counts = use_sidebar_counts(corpus, &state, &answer);
    let open_position = state
        .article
        .as_ref()
        .and_then(|id| answer.results.position(corpus.catalog().position(id)?));
    let shown = use_shown_cards(&state, open_position);
    let reach = use_cards_in_reach();
    // The keyword-in-context view reads the results' texts, up to its cap; the list, those of
    // the cards within the reader's reach (and of the open one).
    let needed = if state.view == ResultsView::Kwic && state.has_query() {
        0..corpus::view::kwic::MAX_ARTICLES
    } else {
        cards_to_fetch(shown.range.clone(), reach, open_position)
    };
    let mut needed = fresh.texts_needed(&corpus, needed.clone());
    if fresh.searching {
        // The page on screen is the last answer's: its cards' texts too.
        needed
            .extend(answer.texts_needed(&corpus, cards_to_fetch(shown.range.clone(), reach, None)));
        needed.sort_unstable();
        needed.dedup();
    }
    let texts = use_texts(corpus, needed);
    // Past its budget a sharded corpus lets go of the texts that arrived first, once painted:
    // the cards on screen are decoded, and what its searches confirmed on them is remembered.
    use_effect(move || corpus.trim_texts(&[], corpus::store::TEXT_BUDGET_BYTES));
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
                { also_searching(&answer, &state, ui, &on_intent) }
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
                    if answer.unconfirmed {
                        <p class="notice" data-unconfirmed="" role="status">{ ui.text("notice.unconfirmed") }</p>
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
                    <CompareChart {corpus} state={state.clone()} on_intent={on_intent.clone()} />
                    { result_list(&ResultListProps { corpus, answer, searching: fresh.searching, state, shown: shown.range, show_more: shown.show_more, show_earlier: shown.show_earlier, on_intent: on_intent.clone(), ui, counts: counts.clone() }) }
                </main>
                // After the results in the page's order: on a phone the results come first.
                { sidebar(&SidebarProps { corpus, counts, on_intent, open: *filters_open, on_close: on_close_filters, ui }) }
            </div>
            <footer class="site-footer"><p class="muted">{ ui.text("about.data") }</p></footer>
        </ContextProvider<Ui>>
    }
}

/// The positions of the cards rendered (`shown`) whose texts a sharded corpus fetches: those
/// within the reader's reach from the top of the list, and the open article's.
pub(crate) fn cards_to_fetch(
    shown: std::ops::Range<usize>,
    reach: usize,
    open: Option<usize>,
) -> std::ops::Range<usize> {
    let end = (shown.start + reach).max(open.map_or(0, |p| p + 1));
    shown.start..end.min(shown.end)
}

/// Under the search box: what the search also looks for besides the words typed, each with how
/// many articles it finds: names in other languages (each removable, and a switch for them all)
/// and near spellings (with "exact spelling only").
fn also_searching(
    answer: &Answer,
    state: &ViewState,
    ui: Ui,
    on_intent: &Callback<Intent>,
) -> Html {
    if !state.has_query() {
        return Html::default();
    }
    let found = |kind: AlsoKind| -> Vec<&AlsoSearched> {
        answer
            .also
            .iter()
            .filter(|a| a.kind == kind && a.hits > 0)
            .collect()
    };
    let (languages, spellings) = (found(AlsoKind::Language), found(AlsoKind::Spelling));
    let languages = if state.xlang_off {
        let on = on_intent.reform(|_: MouseEvent| Intent::SetCrossLanguage(true));
        html! {
            <p class="also" data-xlang-is-off="">
                { ui.text("xlang.is-off") }{ " " }
                <button type="button" class="link-button" data-xlang-on="" onclick={on}>{ ui.text("xlang.on") }</button>
            </p>
        }
    } else if languages.is_empty() {
        Html::default()
    } else {
        let off = on_intent.reform(|_: MouseEvent| Intent::SetCrossLanguage(false));
        html! {
            <div class="also" data-also-searching="">
                <span class="muted">{ ui.text("xlang.also") }</span>
                <ul class="chips">
                    { for languages.into_iter().map(|also| {
                        let key = also.key.clone();
                        let onclick = on_intent.reform(move |_: MouseEvent| Intent::SkipName(key.clone()));
                        html! {
                            <li>
                                <button type="button" class="chip removable" data-also={also.key.clone()}
                                        aria-label={ui.fill("xlang.skip", &[("name", &also.text)])} {onclick}>
                                    { ui.count("xlang.hits", also.hits, &[("name", &also.text)]) }<span aria-hidden="true">{ " ×" }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="link-button" data-xlang-off="" onclick={off}>{ ui.text("xlang.off") }</button>
            </div>
        }
    };
    let spellings = if state.typo_off {
        let on = on_intent.reform(|_: MouseEvent| Intent::SetTypoTolerance(true));
        html! {
            <p class="also" data-typo-is-off="">
                { ui.text("typo.is-off") }{ " " }
                <button type="button" class="link-button" data-typo-on="" onclick={on}>{ ui.text("typo.on") }</button>
            </p>
        }
    } else if spellings.is_empty() {
        Html::default()
    } else {
        let off = on_intent.reform(|_: MouseEvent| Intent::SetTypoTolerance(false));
        html! {
            <p class="also" data-also-matching="">
                <span class="muted">{ ui.text("typo.also") }</span>{ " " }
                { for spellings.into_iter().enumerate().map(|(i, also)| html! {
                    <>
                        if i > 0 { { ", " } }
                        <span data-typo={also.key.clone()}>{ ui.count("xlang.hits", also.hits, &[("name", &also.text)]) }</span>
                    </>
                }) }
                { " " }
                <button type="button" class="link-button" data-typo-off="" onclick={off}>{ ui.text("typo.off") }</button>
            </p>
        }
    };
    html! { <>{ languages }{ spellings }</> }
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
