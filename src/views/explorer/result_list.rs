//! The explorer's results: their count and order, the cards shown so far, "Show more", and what
//! to do when nothing matches.

use std::ops::Range;
use std::rc::Rc;

use corpus::i18n::Ui;
use corpus::store::catalog::EntityKind;
use corpus::view::relax::{relaxations, Relax};
use corpus::view::state::{ResultsView, Sort, ViewState};
use corpus::view::together::named_together;
use corpus::view::Answer;
use web_sys::HtmlSelectElement;
use yew::{html, Callback, Event, Html, MouseEvent, TargetCast};

use crate::components::article_card::ArticleCard;
use crate::components::compare_chart::CompareAdd;
use crate::components::export_menu::ExportMenu;
use crate::components::kwic_list::KwicList;
use crate::components::region_map::RegionMap;
use crate::data::Corpus;
use crate::hooks::{view_key, SidebarCounts};
use crate::intent::Intent;
use crate::locale;

/// What the result list shows: a part of the page shell's render, not a component of its own.
#[derive(Debug)]
pub(super) struct ResultListProps {
    pub corpus: Corpus,
    pub answer: Rc<Answer>,
    /// A new search's posting lists are on their way: `answer` is the last complete one.
    pub searching: bool,
    pub state: Rc<ViewState>,
    /// The positions of the results to render as cards.
    pub shown: Range<usize>,
    pub show_more: Callback<()>,
    pub show_earlier: Callback<()>,
    pub on_intent: Callback<Intent>,
    pub ui: Ui,
    /// The view's timeline and facet counts, for the export.
    pub counts: Rc<SidebarCounts>,
}

pub(super) fn result_list(props: &ResultListProps) -> Html {
    let ResultListProps {
        corpus,
        answer,
        searching,
        state,
        shown,
        show_more,
        show_earlier,
        on_intent,
        ui,
        counts,
    } = props;
    let ui = *ui;
    let count = answer.results.len();
    let shown = shown.start.min(count)..shown.end.min(count);
    let folded: usize = answer.versions.iter().map(|(_, v)| v.len()).sum();
    let count_text = match folded {
        0 => ui.count("results.count", count, &[]),
        n => ui.count(
            "results.versions",
            n,
            &[("count", &ui.count("results.count", count, &[]))],
        ),
    };
    let catalog = corpus.catalog();
    let state_entities: Rc<[(EntityKind, String)]> = [
        (EntityKind::Place, &state.places),
        (EntityKind::Person, &state.people),
        (EntityKind::Organization, &state.orgs),
    ]
    .into_iter()
    .flat_map(|(kind, ids)| ids.iter().map(move |id| (kind, id.clone())))
    .collect();
    // Until a sharded corpus has the text its phrases are checked on, the count would be short.
    let checking = *searching || !answer.texts_missing.is_empty();
    let on_sort = {
        let on_intent = on_intent.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sort) = Sort::parse(&value) {
                on_intent.emit(Intent::SetSort(sort));
            }
        })
    };
    let sorts = Sort::ALL.iter().filter(|&&sort| sort != Sort::Relevance || state.has_query()).map(|&sort| {
        html! { <option value={sort.as_str()} selected={state.effective_sort() == sort}>{ ui.text(sort.label_key()) }</option> }
    });
    let clear_all = on_intent.reform(|_: MouseEvent| Intent::ClearAll);
    let show_more = show_more.reform(|_: MouseEvent| ());
    let show_earlier = show_earlier.reform(|_: MouseEvent| ());

    let tabs = html! {
        <div class="segmented view-tabs" role="group" aria-label={ui.text("kwic.tabs")}>
            { for ResultsView::ALL.into_iter().filter(|&v| v != ResultsView::Kwic || state.has_query()).map(|view| {
                let onclick = on_intent.reform(move |_: MouseEvent| Intent::SetView(view));
                let label = match view {
                    ResultsView::List => "kwic.tab.list",
                    ResultsView::Kwic => "kwic.tab.kwic",
                    ResultsView::Map => "kwic.tab.map",
                };
                html! {
                    <button type="button" class="segment" data-view-tab={view.as_str()} aria-pressed={(state.view == view).to_string()} {onclick}>{ ui.text(label) }</button>
                }
            }) }
        </div>
    };
    if state.view == ResultsView::Map {
        let together = Rc::new(named_together(corpus, answer));
        return html! {
            <>
                <h2 class="visually-hidden">{ ui.text("results.heading") }</h2>
                { tabs }
                <p class="result-count" data-result-count={count.to_string()} aria-live="polite">{ ui.count("results.count", count, &[]) }</p>
                <RegionMap corpus={*corpus} counts={counts.clone()} state={state.clone()} {together} on_intent={on_intent.clone()} />
            </>
        };
    }
    if state.view == ResultsView::Kwic && (count > 0 || checking) {
        return html! {
            <>
                <h2 class="visually-hidden">{ ui.text("results.heading") }</h2>
                { tabs }
                <KwicList corpus={*corpus} answer={answer.clone()} state={state.clone()} on_intent={on_intent.clone()} />
            </>
        };
    }

    html! {
        <>
            <h2 class="visually-hidden">{ ui.text("results.heading") }</h2>
            { tabs }
            <div class="results-head">
                if checking {
                    <p class="result-count" data-texts-loading="" aria-live="polite">{ ui.count("results.checking", answer.texts_missing.len().max(1), &[]) }</p>
                } else {
                    <p class="result-count" data-result-count={count.to_string()} aria-live="polite">{ count_text }</p>
                }
                <label class="sort">{ ui.text("results.sort") }{ " " }<select onchange={on_sort}>{ for sorts }</select></label>
                if state.compare.is_empty() {
                    <details class="export" data-compare-open="">
                        <summary>{ ui.text("compare.open") }</summary>
                        <div class="popover"><CompareAdd on_intent={on_intent.clone()} /></div>
                    </details>
                }
                <ExportMenu corpus={*corpus} answer={answer.clone()} state={state.clone()} counts={counts.clone()} />
            </div>
            if count == 0 && !checking {
                <div class="empty" data-empty-results="">
                    <p>{ ui.text("results.empty") }</p>
                    { relax_list(corpus, state, on_intent, ui) }
                    <button type="button" class="button" onclick={clear_all}>{ ui.text("results.clear-all") }</button>
                </div>
            }
            // Keyed by the view: a new view replaces the whole list (one DOM removal) instead
            // of removing its cards one by one; "Show more" and opening a card keep it.
            if shown.start > 0 {
                <button type="button" class="button more" data-show-earlier="" onclick={show_earlier}>
                    { ui.count("results.show-earlier", shown.start, &[]) }
                </button>
            }
            <ol class="cards" key={view_key(state).to_query()} start={(shown.start + 1).to_string()}>
                { for answer.results.range(shown.clone()).into_iter().map(|index| {
                    let expanded = state.article.as_deref() == Some(catalog.id(index as usize));
                    let selected_countries: Rc<[bool]> =
                        catalog.countries(index as usize).map(|code| state.has_country(code)).collect();
                    let other_versions: Rc<[u32]> = Rc::from(answer.other_versions(index));
                    let has_text = corpus.has_text(index) && other_versions.iter().all(|&v| corpus.has_text(v));
                    let state_entities = state_entities.clone();
                    html! {
                        <li key={index}>
                            <ArticleCard corpus={*corpus} {index} {expanded} {has_text} {selected_countries} query={answer.query.clone()} {other_versions} {state_entities} on_intent={on_intent.clone()} />
                        </li>
                    }
                }) }
            </ol>
            if count > shown.end {
                <button type="button" class="button more" data-show-more="" onclick={show_more}>
                    { if shown.start == 0 {
                        ui.count("results.show-more", count, &[("shown", &ui.number(shown.end))])
                    } else {
                        ui.count("results.show-more.range", count, &[("first", &ui.number(shown.start + 1)), ("last", &ui.number(shown.end))])
                    } }
                </button>
            }
        </>
    }
}

/// Under an empty result: the filters whose removal would show articles, each with how many.
fn relax_list(corpus: &Corpus, state: &ViewState, on_intent: &Callback<Intent>, ui: Ui) -> Html {
    let helpful: Vec<(Relax, usize)> = relaxations(corpus, state)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .collect();
    if helpful.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <p>{ ui.text("results.relax-intro") }</p>
            <ul class="relax">
                { for helpful.into_iter().map(|(relax, n)| {
                    let label = relax.label(state, ui, |code| locale::country(ui, code, corpus.country_name(code)));
                    let text = ui.count("results.relax", n, &[("filter", &label)]);
                    let onclick = on_intent.reform(move |_: MouseEvent| Intent::Relax(relax.clone()));
                    html! {
                        <li>
                            <button type="button" class="button" data-relax={label.clone()} {onclick}>
                                { text }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
