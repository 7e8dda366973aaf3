//! The active filters as removable chips, with "Clear all" and "Copy link to this view".

use std::rc::Rc;

use corpus::languages::language_name;
use corpus::view::state::{CountryMatch, Undated, ViewState};
use yew::{component, html, Callback, Html, MouseEvent, Properties};

use crate::components::copy_link::CopyLink;
use crate::data;
use crate::view_url::{Nav, ViewHandle};

#[derive(Properties, PartialEq, Debug)]
pub struct SummaryBarProps {
    pub state: Rc<ViewState>,
    pub on_change: Callback<(ViewState, Nav)>,
}

#[component]
pub fn SummaryBar(props: &SummaryBarProps) -> Html {
    let state = &props.state;
    let mut active: Vec<(String, ViewState)> = Vec::new();
    if state.has_query() {
        active.push((format!("Search: “{}”", state.q.trim()), state.set_query("")));
    }
    let names = data::corpus().ok();
    for code in &state.countries {
        let name = names.map_or(code.as_str(), |c| c.country_name(code));
        active.push((format!("Country: {name}"), state.toggle_country(code)));
    }
    if state.countries.len() > 1 && state.country_match == CountryMatch::All {
        active.push((
            "All countries must match".to_owned(),
            state.set_country_match(CountryMatch::Any),
        ));
    }
    for code in &state.langs {
        active.push((
            format!("Language: {}", language_name(code)),
            state.toggle_lang(code),
        ));
    }
    if state.has_range() {
        let text = match (state.from, state.to) {
            (Some(from), Some(to)) if from == to => format!("Dates: {from}"),
            (Some(from), Some(to)) => format!("Dates: {from} to {to}"),
            (Some(from), None) => format!("Dates: from {from}"),
            (None, Some(to)) => format!("Dates: until {to}"),
            (None, None) => String::new(),
        };
        active.push((text, state.clear_range()));
    }
    if let Some(undated) = state.undated {
        let text = match undated {
            Undated::Only => "Undated only",
            Undated::Exclude => "Without undated",
            Undated::Include => "With undated",
        };
        active.push((text.to_owned(), state.set_undated(state.default_undated())));
    }
    let view_url = {
        let state = state.clone();
        Callback::from(move |()| ViewHandle::href(&state))
    };
    let clear_all = {
        let (state, on_change) = (state.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| on_change.emit((state.clear_all(), Nav::Push)))
    };
    html! {
        <div class="summary-bar" aria-label="Active filters">
            if !active.is_empty() {
                <ul class="chips">
                    { for active.into_iter().map(|(label, next)| {
                        let on_change = props.on_change.clone();
                        let onclick = Callback::from(move |_: MouseEvent| on_change.emit((next.clone(), Nav::Push)));
                        html! {
                            <li>
                                <button type="button" class="chip removable" data-active-filter="" aria-label={format!("Remove {label}")} {onclick}>
                                    { label }<span aria-hidden="true">{ " ×" }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="link-button" data-clear-all="" onclick={clear_all}>{ "Clear all" }</button>
            }
            <CopyLink url={view_url} label="Copy link to this view" />
        </div>
    }
}
