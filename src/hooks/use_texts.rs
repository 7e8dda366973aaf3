//! The article texts a view needs, for a sharded corpus: the chunks its cards and its phrase
//! checks read are fetched when the view asks for them (`data::fetch_texts`), and the caller
//! renders again once they are in.

use yew::{hook, use_effect_with, use_force_update, use_state, use_state_eq, Callback};

use crate::data::{self, Corpus};

/// Where the view's texts stand.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    /// Why some could not be loaded (shown with a way to try again).
    pub failed: Option<String>,
    pub retry: Callback<()>,
}

/// Fetches the chunks in `needed` (ascending; empty for a whole corpus, which has every text).
#[hook]
pub fn use_texts(corpus: Corpus, needed: Vec<u32>) -> Texts {
    let rerender = use_force_update();
    let failed = use_state_eq(|| None::<String>);
    let attempt = use_state(|| 0u32);
    {
        let failed = failed.clone();
        use_effect_with((needed, *attempt), move |(needed, _)| {
            if needed.is_empty() {
                failed.set(None);
            } else {
                let needed = needed.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match data::fetch_texts(corpus, &needed).await {
                        Ok(()) => {
                            failed.set(None);
                            rerender.force_update();
                        }
                        Err(message) => failed.set(Some(message)),
                    }
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    Texts {
        failed: (*failed).clone(),
        retry,
    }
}
