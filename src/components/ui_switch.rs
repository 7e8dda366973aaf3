//! The interface language switch: every language the interface speaks, each named in itself;
//! a choice goes into the URL (`ui=th`) like every other.

use corpus::i18n::Ui;
use web_sys::HtmlSelectElement;
use yew::{component, html, Callback, Event, Html, Properties, TargetCast};

use crate::intent::Intent;

#[derive(Properties, PartialEq, Debug)]
pub struct UiSwitchProps {
    /// The language the page speaks now.
    pub ui: Ui,
    pub on_intent: Callback<Intent>,
}

#[component]
pub fn UiSwitch(props: &UiSwitchProps) -> Html {
    let ui = props.ui;
    let onchange = props.on_intent.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        Intent::SetUi(Ui::parse(&value).unwrap_or_default())
    });
    html! {
        <label class="ui-switch">
            <span class="visually-hidden">{ ui.text("ui.switch") }</span>
            <select data-ui-switch="" {onchange}>
                { for Ui::ALL.into_iter().map(|option| html! {
                    <option value={option.tag()} lang={option.tag()} selected={option == ui}>{ option.endonym() }</option>
                }) }
            </select>
        </label>
    }
}
