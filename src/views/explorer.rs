//! The explorer: every article as a card, newest first.

use std::collections::HashSet;

use yew::{component, html, use_state, Callback, Html};

use crate::components::article_card::ArticleCard;
use crate::data;

#[component]
pub fn Explorer() -> Html {
    let expanded = use_state(HashSet::<usize>::new);
    let corpus = match data::corpus() {
        Ok(corpus) => corpus,
        Err(message) => {
            return html! { <main class="page"><p role="alert" class="notice">{ message }</p></main> }
        }
    };
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |index: usize| {
            let mut next = (*expanded).clone();
            if !next.remove(&index) {
                next.insert(index);
            }
            expanded.set(next);
        })
    };
    let count = corpus.articles.len();
    html! {
        <>
            <header class="site-header">
                <h1 class="brand">{ "Borderlines" }</h1>
                <p class="tagline">{ "Cross-border crime and cooperation in Southeast Asia, in the news" }</p>
            </header>
            <main class="page" id="main">
                <p class="result-count" data-result-count={count.to_string()} aria-live="polite">
                    { format!("{count} {}", if count == 1 { "article" } else { "articles" }) }
                </p>
                <ol class="cards">
                    { for (0..count).map(|index| html! {
                        <li key={index}>
                            <ArticleCard {index} expanded={expanded.contains(&index)} on_toggle={toggle.clone()} />
                        </li>
                    }) }
                </ol>
            </main>
        </>
    }
}
