//! The explorer: search, notices, active filters, timeline, country and language chips, and the
//! result cards. Everything shown is derived from the URL query (see `view_url`).

use std::rc::Rc;

use corpus::languages::language_name;
use corpus::view::facets::Facets;
use corpus::view::results::PAGE_SIZE;
use corpus::view::state::{CountryMatch, Sort, ViewState};
use corpus::view::timeline;
use corpus::view::{answer, counts, Counts};
use web_sys::HtmlSelectElement;
use yew::{
    component, html, use_effect_with, use_force_update, use_memo, use_mut_ref, use_state_eq,
    Callback, Event, Html, MouseEvent, TargetCast,
};

use crate::components::article_card::{ArticleCard, CardAction};
use crate::components::facet_chips::{Chip, ChipKind, FacetChips};
use crate::components::search_box::SearchBox;
use crate::components::summary_bar::SummaryBar;
use crate::components::timeline::Timeline;
use crate::data;
use crate::frames::after_next_paint;
use crate::view_url::{use_view, Nav};

/// Cards per page; "Show more" adds this many (the list is paged, never 10,000 cards).
const PAGE: usize = PAGE_SIZE;
/// A card's least height on screen, in CSS pixels: a title, a meta line and a short passage.
const CARD_MIN_HEIGHT_PX: f64 = 300.0;

/// Cards in the first frame of a new view: as many as the window can show (two in a 720-pixel
/// window, three at 1080). The rest of the first page follows once that frame is painted, so a
/// keystroke's results appear within a frame; each card more costs that frame about a millisecond.
fn first_paint_cards() -> usize {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(1080.0);
    // A whole number between 2 and the page size: the cast loses nothing.
    (height / CARD_MIN_HEIGHT_PX)
        .floor()
        .clamp(2.0, PAGE as f64) as usize
}

/// The sidebar's counts for one view: chips and timeline.
#[derive(Debug, PartialEq)]
struct SidebarCounts {
    facets: Facets,
    histogram: Rc<timeline::Timeline>,
}

impl From<Counts> for SidebarCounts {
    fn from(counts: Counts) -> SidebarCounts {
        SidebarCounts {
            facets: counts.facets,
            histogram: Rc::new(counts.timeline),
        }
    }
}

/// Views that differ only in their search text: a keystroke.
fn only_text_differs(a: &ViewState, b: &ViewState) -> bool {
    a.q != b.q
        && *a
            == ViewState {
                q: a.q.clone(),
                ..b.clone()
            }
}

#[component]
pub fn Explorer() -> Html {
    use_effect_with((), |()| after_next_paint(fold_text_ahead));
    match data::corpus() {
        Ok(corpus) => html! { <ExplorerView corpus_len={corpus.len()} /> },
        Err(message) => {
            html! { <main class="page"><p role="alert" class="notice">{ message }</p></main> }
        }
    }
}

#[derive(yew::Properties, PartialEq, Debug)]
struct ExplorerViewProps {
    corpus_len: usize,
}

#[component]
fn ExplorerView(_props: &ExplorerViewProps) -> Html {
    let view = use_view();
    let state = view.state.clone();
    let derived = use_memo((*state).clone(), |state| {
        data::corpus().map(|corpus| answer(corpus, state)).ok()
    });
    // The sidebar's counts follow a keystroke one frame after the results, so that the key's
    // frame paints the cards; any other change updates them at once. `sidebar_view` is the view
    // they were last counted for.
    let sidebar_view = use_mut_ref(|| (*state).clone());
    let refresh = use_force_update();
    let sidebar_lags = only_text_differs(&state, &sidebar_view.borrow());
    if !sidebar_lags {
        *sidebar_view.borrow_mut() = (*state).clone();
    }
    let sidebar = {
        let derived = derived.clone();
        let current = (*state).clone();
        use_memo(sidebar_view.borrow().clone(), move |view| {
            let corpus = data::corpus().ok()?;
            Some::<SidebarCounts>(match derived.as_ref() {
                Some(d) if *view == current => d.counts(corpus, view).into(),
                // A view the reader has already typed past: searched afresh.
                _ => counts(corpus, view).into(),
            })
        })
    };
    {
        let sidebar_view = sidebar_view.clone();
        let current = (*state).clone();
        use_effect_with((*state).clone(), move |_| {
            if sidebar_lags {
                after_next_paint(move || {
                    *sidebar_view.borrow_mut() = current;
                    refresh.force_update();
                });
            }
        });
    }
    // How many cards the reader has asked for, and for which view (the URL without `article`).
    let shown = use_state_eq(|| (ViewState::default(), PAGE));
    let on_change = {
        let view = view.clone();
        Callback::from(move |(next, nav): (ViewState, Nav)| view.go(next, nav))
    };
    // Cards get one callback for the whole session, reading the view current when it fires, so
    // that their props stay equal and Yew skips them when only something else changed.
    let latest_view = use_mut_ref(|| view.clone());
    *latest_view.borrow_mut() = view.clone();
    let on_card = (*use_memo((), move |()| {
        Callback::from(move |action: CardAction| {
            let view = latest_view.borrow().clone();
            let state = &view.state;
            match action {
                CardAction::Expand(id, true) => view.go(state.open_article(&id), Nav::Push),
                CardAction::Expand(_, false) => view.go(state.close_article(), Nav::Push),
                CardAction::Country(code) if !state.has_country(&code) => {
                    view.go(state.toggle_country(&code), Nav::Push);
                }
                CardAction::Country(_) => {}
            }
        })
    }))
    .clone();

    // A new view starts with its first frame of cards, then the first page once that is painted.
    let view_key = ViewState {
        article: None,
        ..(*state).clone()
    };
    let requested = if shown.0 == view_key {
        shown.1
    } else {
        first_paint_cards()
    };
    {
        let shown = shown.clone();
        use_effect_with(view_key.clone(), move |key| {
            if shown.0 != *key {
                let key = key.clone();
                after_next_paint(move || shown.set((key, PAGE)));
            }
        });
    }
    // `?article=ID`: bring that card into view and give it focus.
    use_effect_with(state.article.clone(), move |article| {
        if let Some(id) = article {
            focus_card(id);
        }
    });
    // The tab title follows the view.
    {
        let title = derived
            .as_ref()
            .as_ref()
            .map(|d| page_title(&state, d.results.len()))
            .unwrap_or_default();
        // After the frame: the tab's title is not part of the page, and setting it costs a
        // keystroke about half a millisecond.
        use_effect_with(title, |title| {
            let title = title.clone();
            after_next_paint(move || {
                if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                    document.set_title(&title);
                }
            });
        });
    }

    let (Ok(corpus), Some(derived), Some(sidebar)) = (
        data::corpus(),
        derived.as_ref().as_ref(),
        sidebar.as_ref().as_ref(),
    ) else {
        return Html::default();
    };
    let count = derived.results.len();
    // Keep the open article on the page even when it is further down the list.
    let catalog = corpus.catalog();
    let open_position = state
        .article
        .as_ref()
        .and_then(|id| derived.results.position(catalog.position(id)?));
    let limit = requested.max(open_position.map_or(0, |p| p + 1));

    let mut notices: Vec<String> = view.notices.iter().map(ToString::to_string).collect();
    if derived.unknown_article {
        notices.push(format!(
            "Ignored article “{}”: there is no article with that id.",
            state.article.as_deref().unwrap_or_default()
        ));
    }

    let on_search = {
        let (state, on_change) = (state.clone(), on_change.clone());
        Callback::from(move |text: String| on_change.emit((state.set_query(&text), Nav::Replace)))
    };
    let country_chips: Vec<Chip> = sidebar
        .facets
        .countries
        .iter()
        .map(|(code, count)| Chip {
            code: code.clone(),
            name: corpus.country_name(code).to_owned(),
            count: *count,
            selected: state.has_country(code),
        })
        .collect();
    let lang_chips: Vec<Chip> = sidebar
        .facets
        .langs
        .iter()
        .map(|(code, count)| Chip {
            code: code.clone(),
            name: language_name(code).to_owned(),
            count: *count,
            selected: state.has_lang(code),
        })
        .collect();
    let on_country = {
        let (state, on_change) = (state.clone(), on_change.clone());
        Callback::from(move |code: String| on_change.emit((state.toggle_country(&code), Nav::Push)))
    };
    let on_lang = {
        let (state, on_change) = (state.clone(), on_change.clone());
        Callback::from(move |code: String| on_change.emit((state.toggle_lang(&code), Nav::Push)))
    };
    let match_buttons = CountryMatch::ALL.iter().map(|&mode| {
        let pressed = state.country_match == mode;
        let (state, on_change) = (state.clone(), on_change.clone());
        let onclick = Callback::from(move |_: MouseEvent| on_change.emit((state.set_country_match(mode), Nav::Push)));
        html! {
            <button type="button" class="segment" data-country-match={mode.as_str()} aria-pressed={pressed.to_string()} {onclick}>
                { if mode == CountryMatch::Any { "any" } else { "all" } }
            </button>
        }
    });
    let on_sort = {
        let (state, on_change) = (state.clone(), on_change.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sort) = Sort::parse(&value) {
                on_change.emit((state.set_sort(sort), Nav::Push));
            }
        })
    };
    let sorts = Sort::ALL.iter().filter(|&&sort| sort != Sort::Relevance || state.has_query()).map(|&sort| {
        html! { <option value={sort.as_str()} selected={state.effective_sort() == sort}>{ sort.label() }</option> }
    });
    let show_more = {
        let (shown, key) = (shown.clone(), view_key.clone());
        Callback::from(move |_: MouseEvent| shown.set((key.clone(), limit + PAGE)))
    };
    let clear_filters = {
        let (state, on_change) = (state.clone(), on_change.clone());
        Callback::from(move |_: MouseEvent| on_change.emit((state.clear_all(), Nav::Push)))
    };
    let noun = if count == 1 { "article" } else { "articles" };
    let list_key = view_key.to_query();

    html! {
        <>
            <a class="skip-link" href="#results">{ "Skip to results" }</a>
            <header class="site-header">
                <div class="brand-row">
                    <h1 class="brand">{ "Borderlines" }</h1>
                    <p class="tagline">{ format!("{} articles on cross-border crime and cooperation in Southeast Asia", corpus.len()) }</p>
                </div>
                <SearchBox value={state.q.clone()} {on_search} />
            </header>
            <div class="layout">
                <aside class="filters" aria-label="Filters">
                    <Timeline histogram={sidebar.histogram.clone()} state={state.clone()} on_change={on_change.clone()} />
                    <FacetChips kind={ChipKind::Country} heading="Countries" chips={country_chips} on_toggle={on_country}>
                        <div class="segmented" role="group" aria-label="Articles must mention">{ for match_buttons }</div>
                    </FacetChips>
                    <FacetChips kind={ChipKind::Lang} heading="Languages" chips={lang_chips} on_toggle={on_lang} />
                </aside>
                <main class="results" id="results" tabindex="-1">
                    if !notices.is_empty() {
                        <div class="notice" data-url-notice="" role="status">
                            <p>{ "Part of this link was not understood and was ignored:" }</p>
                            <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                        </div>
                    }
                    <SummaryBar state={state.clone()} on_change={on_change.clone()} />
                    <div class="results-head">
                        <p class="result-count" data-result-count={count.to_string()} aria-live="polite">{ format!("{count} {noun}") }</p>
                        <label class="sort">{ "Sort " }<select onchange={on_sort}>{ for sorts }</select></label>
                    </div>
                    if count == 0 {
                        <div class="empty" data-empty-results="">
                            <p>{ "No article matches this view." }</p>
                            <button type="button" class="button" onclick={clear_filters}>{ "Clear search and filters" }</button>
                        </div>
                    }
                    // Keyed by the view: a new view replaces the whole list (one DOM removal)
                    // instead of removing its cards one by one; "Show more" and opening a card
                    // keep it.
                    <ol class="cards" key={list_key}>
                        { for derived.results.first(limit).into_iter().map(|index| {
                            let expanded = state.article.as_deref() == Some(catalog.id(index as usize));
                            let selected_countries: Rc<[bool]> =
                                catalog.countries(index as usize).map(|code| state.has_country(code)).collect();
                            html! {
                                <li key={index}>
                                    <ArticleCard {index} {expanded} {selected_countries} query={derived.query.clone()} on_action={on_card.clone()} />
                                </li>
                            }
                        }) }
                    </ol>
                    if count > limit {
                        <button type="button" class="button more" data-show-more="" onclick={show_more}>
                            { format!("Show more ({} of {count} shown)", limit) }
                        </button>
                    }
                </main>
            </div>
        </>
    }
}

/// `Cambodia, Thailand · 3 articles — Borderlines`.
fn page_title(state: &ViewState, count: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    if state.has_query() {
        parts.push(format!("“{}”", state.q.trim()));
    }
    if let Ok(corpus) = data::corpus() {
        parts.extend(
            state
                .countries
                .iter()
                .map(|c| corpus.country_name(c).to_owned()),
        );
    }
    parts.extend(state.langs.iter().map(|l| language_name(l).to_owned()));
    let noun = if count == 1 { "article" } else { "articles" };
    if parts.is_empty() {
        format!("{count} {noun} — Borderlines")
    } else {
        format!("{} · {count} {noun} — Borderlines", parts.join(", "))
    }
}

/// Stored text read per step of [`fold_text_ahead`]: about a millisecond of work.
const FOLD_STEP_BYTES: usize = 64 * 1024;

/// Stored text past which the app does not fold ahead. Folded text takes about 1.3 times the
/// stored text's memory again (82 -> 171 MB at 10,000 articles, about 70 MB of text): past this
/// size (about 20,000 articles) it would add a quarter of a gigabyte or more before any search
/// needs it, so larger corpora fold what each search reads, as it reads it.
const FOLD_AHEAD_MAX_TEXT_BYTES: usize = 128 << 20;

/// Folds every article's text for search ahead of the reader's queries, a step at a time, each
/// step a task of its own so that keys and clicks go first; then marks the page
/// `<html data-text-folded="ahead">`. Until then a search folds what it reads for the first time.
/// Past [`FOLD_AHEAD_MAX_TEXT_BYTES`] it folds nothing ahead and marks the page
/// `data-text-folded="on-demand"`.
fn fold_text_ahead() {
    let Ok(corpus) = data::corpus() else {
        return;
    };
    if corpus.text_bytes() > FOLD_AHEAD_MAX_TEXT_BYTES {
        mark_text_folded("on-demand");
        return;
    }
    yew::platform::spawn_local(async move {
        let mut next = 0;
        while (next as usize) < corpus.len() {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            next = corpus.fold_ahead(next, FOLD_STEP_BYTES);
        }
        mark_text_folded("ahead");
    });
}

/// `<html data-text-folded=…>`: how search text is folded from now on (for tests and the bench).
fn mark_text_folded(how: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-text-folded", how);
    }
}

/// Scrolls the card with `id` into view and focuses it, once it is in the DOM.
fn focus_card(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(cards) = document.query_selector_all("article[data-article-id]") else {
        return;
    };
    for i in 0..cards.length() {
        let Some(card) = cards
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
        else {
            continue;
        };
        if card.get_attribute("data-article-id").as_deref() == Some(id) {
            card.scroll_into_view();
            let _ = card.focus();
            return;
        }
    }
}
