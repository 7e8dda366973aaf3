//! The search field. Typing rewrites the URL's `q` after a short pause (replacing the history
//! entry, so Back is not flooded); the field follows the URL when it changes elsewhere.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use web_sys::HtmlInputElement;
use yew::{
    component, html, use_effect_with, use_mut_ref, use_node_ref, Callback, Html, InputEvent,
    Properties, TargetCast,
};

/// How long typing must pause before the URL (and the results) follow.
const DEBOUNCE: Duration = Duration::from_millis(150);

#[derive(Properties, PartialEq, Debug)]
pub struct SearchBoxProps {
    /// The search text in the URL.
    pub value: String,
    /// Called with the text once typing pauses.
    pub on_search: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    // Each keystroke bumps the generation; only the latest pending update is applied.
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u64)));
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
    // The pending update must apply to the view current when it fires, not when the key was
    // pressed (a chip may have been clicked in between): keep the latest callback.
    let latest = use_mut_ref(|| props.on_search.clone());
    *latest.borrow_mut() = props.on_search.clone();
    let oninput = {
        let generation = generation.borrow().clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            let mine = generation.get().wrapping_add(1);
            generation.set(mine);
            let (generation, latest) = (generation.clone(), latest.clone());
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(DEBOUNCE).await;
                if generation.get() == mine {
                    let on_search = latest.borrow().clone();
                    on_search.emit(text);
                }
            });
        })
    };
    html! {
        <div class="search" role="search">
            <label for="search-input">{ "Search the articles" }</label>
            <input ref={input} id="search-input" type="search" autocomplete="off" spellcheck="false"
                   placeholder="e.g. thai lan, 网络诈骗, \"call centre\"" value={props.value.clone()} {oninput} />
        </div>
    }
}
