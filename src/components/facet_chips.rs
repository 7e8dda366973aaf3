//! Country and language filters as toggle chips with counts for the current results.

use yew::{component, html, use_state, Callback, Html, MouseEvent, Properties};

use corpus::store::catalog::EntityKind;
use web_sys::HtmlInputElement;
use yew::{InputEvent, TargetCast};

use crate::intent::Intent;
use crate::locale::use_ui;

/// How many chips show before "Show all".
const COLLAPSED_CHIPS: usize = 12;

/// What the chips filter by: which `data-*` hook they carry and what pressing one asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChipKind {
    Country,
    Lang,
    Entity(EntityKind),
}

impl ChipKind {
    /// Its name in element ids (`facet-countries`).
    fn name(self) -> &'static str {
        match self {
            ChipKind::Country => "countries",
            ChipKind::Lang => "languages",
            ChipKind::Entity(EntityKind::Place) => "places",
            ChipKind::Entity(EntityKind::Person) => "people",
            ChipKind::Entity(EntityKind::Organization) => "organizations",
        }
    }

    /// Pressing the chip of `code`.
    fn toggle(self, code: String) -> Intent {
        match self {
            ChipKind::Country => Intent::ToggleCountry(code),
            ChipKind::Lang => Intent::ToggleLang(code),
            ChipKind::Entity(kind) => Intent::ToggleEntity(kind, code),
        }
    }
}

/// One chip: its code, the name shown (and the name in its own script beside it, where known),
/// how many results it would have, whether it is selected.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub code: String,
    pub name: String,
    pub local: Option<String>,
    pub count: u32,
    pub selected: bool,
}

#[derive(Properties, PartialEq, Debug)]
pub struct FacetChipsProps {
    pub kind: ChipKind,
    pub heading: &'static str,
    pub chips: Vec<Chip>,
    /// Told when a chip is pressed.
    pub on_intent: Callback<Intent>,
    /// Extra controls after the heading (e.g. any/all).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn FacetChips(props: &FacetChipsProps) -> Html {
    let show_all = use_state(|| false);
    let narrow = use_state(String::new);
    let ui = use_ui();
    let total = props.chips.len();
    let wanted = narrow.to_lowercase();
    let visible = props
        .chips
        .iter()
        .filter(|chip| {
            wanted.is_empty()
                || chip.selected
                || chip.name.to_lowercase().contains(&wanted)
                || chip
                    .local
                    .as_ref()
                    .is_some_and(|l| l.to_lowercase().contains(&wanted))
        })
        .enumerate()
        .filter(|(i, chip)| {
            *show_all || !wanted.is_empty() || *i < COLLAPSED_CHIPS || chip.selected
        });
    let on_narrow = {
        let narrow = narrow.clone();
        Callback::from(move |event: InputEvent| {
            narrow.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let heading_id = format!("facet-{}", props.kind.name());
    html! {
        <section class="facet" aria-labelledby={heading_id.clone()}>
            <div class="facet-head">
                <h2 id={heading_id}>{ props.heading }</h2>
                { props.children.clone() }
            </div>
            if total == 0 {
                <p class="muted">{ ui.text("facet.none") }</p>
            }
            if total > COLLAPSED_CHIPS {
                <input type="search" class="facet-filter" data-facet-filter={props.kind.name()}
                       aria-label={ui.fill("facet.filter", &[("facet", props.heading)])}
                       placeholder={ui.fill("facet.filter", &[("facet", props.heading)])} value={(*narrow).clone()} oninput={on_narrow} />
            }
            <ul class="chips">
                { for visible.map(|(_, chip)| {
                    let (kind, code) = (props.kind, chip.code.clone());
                    let onclick = props.on_intent.reform(move |_: MouseEvent| kind.toggle(code.clone()));
                    let noun = format!(" {}", ui.count("noun.articles", chip.count as usize, &[]));
                    html! {
                        <li>
                            <button type="button" class="chip toggle" aria-pressed={chip.selected.to_string()}
                                    data-country-filter={(props.kind == ChipKind::Country).then(|| chip.code.clone())}
                                    data-lang-filter={(props.kind == ChipKind::Lang).then(|| chip.code.clone())}
                                    data-entity-filter={matches!(props.kind, ChipKind::Entity(_)).then(|| chip.code.clone())}
                                    disabled={chip.count == 0 && !chip.selected} {onclick}>
                                <span>{ &chip.name }{ local_name(chip.local.as_deref()) }</span>
                                <span class="count">{ chip.count }<span class="visually-hidden">{ noun }</span></span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if total > COLLAPSED_CHIPS && wanted.is_empty() {
                <button type="button" class="link-button" aria-expanded={show_all.to_string()}
                        onclick={ let show_all = show_all.clone(); Callback::from(move |_| show_all.set(!*show_all)) }>
                    { if *show_all { ui.text("facet.show-fewer").to_owned() } else { ui.count("facet.show-all", total, &[]) } }
                </button>
            }
        </section>
    }
}

/// The name in its own script after the English one (`Tak · ตาก`), or nothing.
/// The language whose web font `text` needs, when it is written in one of the scripts the site
/// serves a font for (Thai, Lao, Khmer, Burmese; `static/style.css`); `None` for any other script,
/// which the system draws.
fn font_language(text: &str) -> Option<&'static str> {
    text.chars().find_map(|c| match u32::from(c) {
        0x0E00..=0x0E7F => Some("th"),
        0x0E80..=0x0EFF => Some("lo"),
        0x1780..=0x17FF | 0x19E0..=0x19FF => Some("km"),
        0x1000..=0x109F => Some("my"),
        _ => None,
    })
}

/// An entity's name in its own script, kept only where it costs no font the page would not fetch
/// anyway: when it needs none, or its script's language is one `on_page` says the page shows
/// (a Latin-script page stays free of script fonts).
pub fn local_if_on_page(local: Option<&str>, on_page: impl Fn(&str) -> bool) -> Option<&str> {
    local.filter(|text| font_language(text).is_none_or(&on_page))
}

pub fn local_name(local: Option<&str>) -> Html {
    match local {
        Some(local) => html! { <span class="local-name">{ " · " }{ local }</span> },
        None => Html::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_if_on_page;

    #[test]
    fn a_name_in_a_font_script_shows_only_where_its_language_is_on_the_page() {
        let thai_on_page = |lang: &str| lang == "th";
        assert_eq!(local_if_on_page(Some("ตาก"), thai_on_page), Some("ตาก"));
        assert_eq!(local_if_on_page(Some("ភ្នំពេញ"), thai_on_page), None);
        assert_eq!(local_if_on_page(Some("ရန်ကုန်"), thai_on_page), None);
        assert_eq!(
            local_if_on_page(Some("ວຽງຈັນ"), |l| l == "lo"),
            Some("ວຽງຈັນ")
        );
        // Scripts the system draws (Chinese, Vietnamese) cost no font: always shown.
        assert_eq!(local_if_on_page(Some("金边"), |_| false), Some("金边"));
        assert_eq!(
            local_if_on_page(Some("Phnôm Pênh"), |_| false),
            Some("Phnôm Pênh")
        );
        assert_eq!(local_if_on_page(None, |_| true), None);
    }
}
