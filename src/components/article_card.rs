//! One article as a card: title, date or "Undated", language, country chips, source, caption and
//! the passage around the best match; expanded, the full text. Matches are marked with `<mark>`.
//! Corpus text is only ever rendered as text nodes.

use std::rc::Rc;

use corpus::languages::language_name;
use corpus::search::{highlight, snippet, Query};
use corpus::view_state::ViewState;
use yew::{classes, component, html, Callback, Html, KeyboardEvent, MouseEvent, Properties};

use crate::components::copy_link::CopyLink;
use crate::components::marked_text::marked_text;
use crate::data;
use crate::view_url::{Nav, ViewHandle};

/// Characters of context in a collapsed card's passage.
const SNIPPET_CHARS: usize = 320;

#[derive(Properties, PartialEq, Debug)]
pub struct ArticleCardProps {
    /// Position of the article in the embedded corpus.
    pub index: u32,
    pub state: Rc<ViewState>,
    pub query: Rc<Query>,
    pub on_change: Callback<(ViewState, Nav)>,
}

#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let Ok(corpus) = data::corpus() else {
        return Html::default();
    };
    let Some(article) = corpus.articles.get(props.index as usize) else {
        return Html::default();
    };
    let state = &props.state;
    let query = &props.query;
    let expanded = state.article.as_deref() == Some(article.id.as_str());
    let body_id = format!("body-{}", article.id);
    let title_id = format!("title-{}", article.id);

    let toggle = {
        let (state, on_change, id) = (state.clone(), props.on_change.clone(), article.id.clone());
        Callback::from(move |_: MouseEvent| {
            let next = if expanded {
                state.close_article()
            } else {
                state.open_article(&id)
            };
            on_change.emit((next, Nav::Push));
        })
    };
    let onkeydown = {
        let (state, on_change) = (state.clone(), props.on_change.clone());
        Callback::from(move |event: KeyboardEvent| {
            if expanded && event.key() == "Escape" {
                on_change.emit((state.close_article(), Nav::Push));
            }
        })
    };
    let article_url = {
        let id = article.id.clone();
        Callback::from(move |()| ViewHandle::href(&ViewState::default().open_article(&id)))
    };

    let body = if expanded {
        html! {
            { for article.paragraphs.iter().map(|p| html! { <p>{ marked_text(p, &highlight(p, query)) }</p> }) }
        }
    } else {
        let passage = snippet(&article.paragraphs, query, SNIPPET_CHARS);
        html! { <p class="snippet">{ marked_text(&passage.text, &passage.highlights) }</p> }
    };

    html! {
        <article class="card" data-article-id={article.id.clone()} data-expanded={expanded.then_some("true")}
                 aria-labelledby={title_id.clone()} tabindex="-1" {onkeydown}>
            <h3 id={title_id} class={classes!("card-title", article.title_derived.then_some("derived"))} lang={article.lang.clone()}>
                { marked_text(&article.title, &highlight(&article.title, query)) }
                if article.title_derived {
                    <span class="visually-hidden">{ " (title taken from the first sentence)" }</span>
                }
            </h3>
            <p class="card-meta">
                { match article.date {
                    Some(date) => html! { <time datetime={date.to_string()}>{ date.to_string() }</time> },
                    None => html! { <span class="undated">{ "Undated" }</span> },
                } }
                <span class="lang">{ language_name(&article.lang) }</span>
                if let Some(source) = &article.source {
                    <span class="source" lang={article.lang.clone()}>{ source }</span>
                }
            </p>
            if !article.countries.is_empty() {
                <ul class="chips" aria-label="Countries mentioned (press to filter)">
                    { for article.countries.iter().map(|c| {
                        let selected = state.has_country(&c.code);
                        let onclick = {
                            let (state, on_change, code) = (state.clone(), props.on_change.clone(), c.code.clone());
                            Callback::from(move |_: MouseEvent| {
                                if !state.has_country(&code) {
                                    on_change.emit((state.toggle_country(&code), Nav::Push));
                                }
                            })
                        };
                        let noun = if c.mentions == 1 { "mention" } else { "mentions" };
                        html! {
                            <li>
                                <button type="button" class="chip" data-card-country={c.code.clone()} aria-pressed={selected.to_string()}
                                        title={format!("{} {noun}; filter by this country", c.mentions)} {onclick}>
                                    { corpus.country_name(&c.code) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            { for article.captions.iter().map(|caption| html! { <p class="caption" lang={article.lang.clone()}>{ caption }</p> }) }
            <div class="card-body" id={body_id.clone()} lang={article.lang.clone()}>{ body }</div>
            <div class="card-actions">
                <button type="button" class="button expand" aria-expanded={expanded.to_string()} aria-controls={body_id} onclick={toggle}>
                    { if expanded { "Close" } else { "Read full text" } }
                </button>
                <CopyLink url={article_url} label="Copy link" />
            </div>
        </article>
    }
}
