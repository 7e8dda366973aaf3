//! The explorer's sidebar: the timeline, then the country chips (with "any"/"all") and the
//! language chips, with their counts for the current results. On a small screen it is a sheet
//! that the summary bar's "Filters" button opens over the results, and "Done" or Escape closes.

use std::rc::Rc;

use corpus::i18n::Ui;
use corpus::store::catalog::EntityKind;
use corpus::view::state::CountryMatch;
use yew::{html, Callback, Html, KeyboardEvent, MouseEvent};

use crate::components::facet_chips::{local_if_on_page, Chip, ChipKind, FacetChips};
use crate::components::timeline::Timeline;
use crate::data::Corpus;
use crate::hooks::SidebarCounts;
use crate::intent::Intent;
use crate::locale;

/// What the sidebar shows: a part of the page shell's render, not a component of its own.
#[derive(Debug)]
pub(super) struct SidebarProps {
    pub corpus: Corpus,
    /// The counts and the view they were made for, which the sidebar shows.
    pub counts: Rc<SidebarCounts>,
    pub on_intent: Callback<Intent>,
    /// Open as a sheet over the results (small screens; on wide ones the filters always show).
    pub open: bool,
    pub on_close: Callback<()>,
    pub ui: Ui,
}

pub(super) fn sidebar(props: &SidebarProps) -> Html {
    let SidebarProps {
        corpus,
        counts,
        on_intent,
        open,
        on_close,
        ui,
    } = props;
    let ui = *ui;
    let state = &counts.view;
    let country_chips = chips(
        &counts.facets.countries,
        |code| locale::country(ui, code, corpus.country_name(code)),
        |code| state.has_country(code),
    );
    let lang_chips = chips(
        &counts.facets.langs,
        |code| ui.language_name(code),
        |code| state.has_lang(code),
    );
    let match_buttons = CountryMatch::ALL.iter().map(|&mode| {
        let pressed = state.country_match == mode;
        let onclick = on_intent.reform(move |_: MouseEvent| Intent::SetCountryMatch(mode));
        html! {
            <button type="button" class="segment" data-country-match={mode.as_str()} aria-pressed={pressed.to_string()} {onclick}>
                { ui.text(if mode == CountryMatch::Any { "facet.match.any" } else { "facet.match.all" }) }
            </button>
        }
    });
    let onkeydown = {
        let on_close = on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    html! {
        <aside class="filters" id="filters" aria-label={ui.text("filters.heading")} data-open={open.then_some("")} {onkeydown}>
            <div class="sheet-head">
                <h2>{ ui.text("filters.heading") }</h2>
                <button type="button" class="button" data-close-filters="" onclick={on_close.reform(|_: MouseEvent| ())}>{ ui.text("filters.done") }</button>
            </div>
            <Timeline histogram={counts.histogram.clone()} state={state.clone()} on_intent={on_intent.clone()} />
            <FacetChips kind={ChipKind::Country} heading={ui.text("facet.countries")} chips={country_chips} on_intent={on_intent.clone()}>
                <div class="segmented" role="group" aria-label={ui.text("facet.match")}>{ for match_buttons }</div>
            </FacetChips>
            <FacetChips kind={ChipKind::Lang} heading={ui.text("facet.languages")} chips={lang_chips} on_intent={on_intent.clone()} />
            { for EntityKind::ALL.into_iter().map(|kind| {
                let catalog = corpus.catalog();
                let chips: Vec<Chip> = counts
                    .facets
                    .entities
                    .iter()
                    .filter_map(|&(e, count)| {
                        let entity = catalog.entity(e)?;
                        (entity.kind == kind).then(|| Chip {
                            code: entity.id.clone(),
                            name: entity.name.clone(),
                            // In its own script when the view has articles written in it (the
                            // languages chosen, or those with articles: their counts leave the
                            // language filter out).
                            local: local_if_on_page(entity.local.as_deref(), |lang| {
                                if state.langs.is_empty() {
                                    counts.facets.langs.iter().any(|(l, n)| *n > 0 && l == lang)
                                } else {
                                    state.langs.iter().any(|l| l == lang)
                                }
                            })
                            .map(str::to_owned),
                            count,
                            selected: state.has_entity(kind, &entity.id),
                        })
                    })
                    .collect();
                let heading = ui.text(match kind {
                    EntityKind::Place => "facet.places",
                    EntityKind::Person => "facet.people",
                    EntityKind::Organization => "facet.orgs",
                });
                html! { <FacetChips kind={ChipKind::Entity(kind)} {heading} {chips} on_intent={on_intent.clone()} /> }
            }) }
        </aside>
    }
}

/// One chip per counted code, named by `name`, pressed when `selected`.
fn chips(
    counts: &[(String, u32)],
    name: impl Fn(&str) -> String,
    selected: impl Fn(&str) -> bool,
) -> Vec<Chip> {
    counts
        .iter()
        .map(|(code, count)| Chip {
            code: code.clone(),
            name: name(code),
            local: None,
            count: *count,
            selected: selected(code),
        })
        .collect()
}
