//! A "Copy link" button; when the clipboard is unavailable the link appears as selected text.

use web_sys::HtmlInputElement;
use yew::{component, html, use_effect_with, use_node_ref, use_state, Callback, Html, Properties};

use crate::clipboard::copy_text;
use crate::locale::use_ui;

#[derive(Properties, PartialEq, Debug)]
pub struct CopyLinkProps {
    /// Computes the URL when clicked (so it is always the current one).
    pub url: Callback<(), String>,
    pub label: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Copied,
    Manual(String),
}

#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let status = use_state(|| Status::Idle);
    let ui = use_ui();
    let input = use_node_ref();
    let onclick = {
        let (status, url) = (status.clone(), props.url.clone());
        Callback::from(move |_| {
            let (status, url) = (status.clone(), url.emit(()));
            wasm_bindgen_futures::spawn_local(async move {
                status.set(if copy_text(&url).await {
                    Status::Copied
                } else {
                    Status::Manual(url)
                });
            });
        })
    };
    {
        let input = input.clone();
        use_effect_with((*status).clone(), move |status| {
            if matches!(status, Status::Manual(_)) {
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    html! {
        <span class="copy-link">
            <button type="button" class="button" {onclick}>{ props.label }</button>
            { match &*status {
                Status::Idle => Html::default(),
                Status::Copied => html! { <span class="copied" role="status">{ ui.text("copy.copied") }</span> },
                Status::Manual(url) => html! {
                    <label class="manual-copy">
                        <span class="visually-hidden">{ ui.text("copy.manual") }</span>
                        <input ref={input} type="text" readonly=true value={url.clone()} />
                    </label>
                },
            } }
        </span>
    }
}
