//! The search field. Every keystroke rewrites the URL's `q` (replacing the history entry, so Back
//! is not flooded) and the results follow at once; the field follows the URL when it changes
//! elsewhere.

use gloo_events::EventListener;
use web_sys::HtmlInputElement;
use yew::{
    component, html, use_effect_with, use_mut_ref, use_node_ref, Callback, Html, InputEvent,
    Properties, TargetCast,
};

use crate::intent::Intent;
use crate::locale::use_ui;

#[derive(Properties, PartialEq, Debug)]
pub struct SearchBoxProps {
    /// The search text in the URL.
    pub value: String,
    /// Told the text on every keystroke ([`Intent::SetQuery`]).
    pub on_intent: Callback<Intent>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    let ui = use_ui();
    let on_search = props.on_intent.reform(Intent::SetQuery);
    {
        let input = input.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                if input.value() != *value {
                    input.set_value(value);
                }
            }
        });
    }
    // While an input method composes (pinyin, Thai or Vietnamese keyboards), the field holds
    // unfinished text: search once the composition ends instead.
    let oninput = {
        let on_search = on_search.clone();
        Callback::from(move |event: InputEvent| {
            if !event.is_composing() {
                on_search.emit(event.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    // Yew has no `compositionend` listener: attach one to the field for its lifetime.
    {
        let input = input.clone();
        let latest = use_mut_ref(|| on_search.clone());
        *latest.borrow_mut() = on_search;
        use_effect_with((), move |()| {
            let listener = input.cast::<HtmlInputElement>().map(|field| {
                let target = field.clone();
                EventListener::new(&field, "compositionend", move |_| {
                    let on_search = latest.borrow().clone();
                    on_search.emit(target.value());
                })
            });
            move || drop(listener)
        });
    }
    html! {
        <div class="search" role="search">
            <label for="search-input">{ ui.text("search.label") }</label>
            <input ref={input} id="search-input" type="search" autocomplete="off" spellcheck="false"
                   placeholder={ui.text("search.placeholder")} value={props.value.clone()} {oninput} />
        </div>
    }
}

/// Puts the keyboard focus in the search field once the next frame is painted: where a reader
/// goes on after removing a filter, whose button has gone with it.
pub fn focus_search_box() {
    crate::focus::focus_after_paint("#search-input");
}
