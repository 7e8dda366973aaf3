//! The active filters as removable chips, with "Clear all" and "Copy link to this view".

use std::rc::Rc;

use corpus::store::catalog::EntityKind;
use corpus::view::state::{CountryMatch, Undated, ViewState};
use yew::{component, html, Callback, Html, MouseEvent, Properties};

use crate::components::copy_link::CopyLink;
use crate::components::search_box::focus_search_box;
use crate::data::Corpus;
use crate::intent::Intent;
use crate::locale::{self, use_ui};
use crate::view_url::ViewHandle;

#[derive(Properties, PartialEq, Debug)]
pub struct SummaryBarProps {
    pub corpus: Corpus,
    pub state: Rc<ViewState>,
    pub on_intent: Callback<Intent>,
    /// Whether the filters are open as a sheet (on a small screen, where they are otherwise
    /// hidden behind the "Filters" button this bar starts with).
    pub filters_open: bool,
    pub on_toggle_filters: Callback<()>,
}

#[component]
pub fn SummaryBar(props: &SummaryBarProps) -> Html {
    let state = &props.state;
    let ui = use_ui();
    let mut active: Vec<(String, Intent)> = Vec::new();
    if state.has_query() {
        active.push((
            ui.fill("chip.search", &[("q", state.q.trim())]),
            Intent::ClearQuery,
        ));
    }
    for code in &state.countries {
        let name = locale::country(ui, code, props.corpus.country_name(code));
        active.push((
            ui.fill("chip.country", &[("name", &name)]),
            Intent::ToggleCountry(code.clone()),
        ));
    }
    if state.countries.len() > 1 && state.country_match == CountryMatch::All {
        active.push((
            ui.text("chip.all-countries").to_owned(),
            Intent::SetCountryMatch(CountryMatch::Any),
        ));
    }
    for code in &state.langs {
        active.push((
            ui.fill("chip.language", &[("name", &ui.language_name(code))]),
            Intent::ToggleLang(code.clone()),
        ));
    }
    let catalog = props.corpus.catalog();
    for (kind, ids, key) in [
        (EntityKind::Place, &state.places, "chip.place"),
        (EntityKind::Person, &state.people, "chip.person"),
        (EntityKind::Organization, &state.orgs, "chip.org"),
    ] {
        for id in ids {
            let name = catalog
                .entity_position(kind, id)
                .and_then(|e| catalog.entity(e))
                .map_or(id.as_str(), |e| e.name.as_str());
            active.push((
                ui.fill(key, &[("name", name)]),
                Intent::ToggleEntity(kind, id.clone()),
            ));
        }
    }
    if let Some(range) = locale::range(ui, state.from, state.to) {
        active.push((
            ui.fill("chip.dates", &[("range", &range)]),
            Intent::ClearRange,
        ));
    }
    if let Some(undated) = state.undated {
        let text = match undated {
            Undated::Only => "chip.undated-only",
            Undated::Exclude => "chip.without-undated",
            Undated::Include => "chip.with-undated",
        };
        active.push((ui.text(text).to_owned(), Intent::ResetUndated));
    }
    // Filters other than the search, for the "Filters (n active)" button.
    let filters_active = active.len() - usize::from(state.has_query());
    let toggle_text = match filters_active {
        0 => ui.text("filters.heading").to_owned(),
        n => ui.count("filters.toggle.active", n, &[]),
    };
    let toggle = props.on_toggle_filters.reform(|_: MouseEvent| ());
    let view_url = {
        let state = state.clone();
        Callback::from(move |()| ViewHandle::href(&state))
    };
    // The pressed button goes with its filter: the focus goes on to the search field.
    let clear_all = props.on_intent.reform(|_: MouseEvent| {
        focus_search_box();
        Intent::ClearAll
    });
    html! {
        <div class="summary-bar" role="group" aria-label={ui.text("filters.active")}>
            <button type="button" class="button filters-toggle" data-filters-toggle="" aria-controls="filters"
                    aria-expanded={props.filters_open.to_string()} onclick={toggle}>{ toggle_text }</button>
            if !active.is_empty() {
                <ul class="chips">
                    { for active.into_iter().map(|(label, intent)| {
                        let onclick = props.on_intent.reform(move |_: MouseEvent| {
                            focus_search_box();
                            intent.clone()
                        });
                        html! {
                            <li>
                                <button type="button" class="chip removable" data-active-filter="" aria-label={ui.fill("filters.remove", &[("filter", &label)])} {onclick}>
                                    { label }<span aria-hidden="true">{ " ×" }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="link-button" data-clear-all="" onclick={clear_all}>{ ui.text("filters.clear-all") }</button>
            }
            <CopyLink url={view_url} label={ui.text("filters.copy-link")} />
        </div>
    }
}
