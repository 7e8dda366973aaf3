//! One article as a card: title, date, language, countries, source, caption, first paragraph,
//! and a button that expands the full text. Corpus text is only ever rendered as text nodes.

use corpus::languages::language_name;
use yew::{classes, component, html, Callback, Html, Properties};

use crate::data;

#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// Position of the article in the embedded corpus.
    pub index: usize,
    pub expanded: bool,
    pub on_toggle: Callback<usize>,
}

#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let Some(article) = data::corpus()
        .ok()
        .and_then(|c| c.articles.get(props.index).map(|a| (c, a)))
    else {
        return Html::default();
    };
    let (corpus, article) = article;
    let body_id = format!("body-{}", article.id);
    let title_id = format!("title-{}", article.id);
    let on_toggle = {
        let (callback, index) = (props.on_toggle.clone(), props.index);
        Callback::from(move |_| callback.emit(index))
    };
    let shown: &[String] = if props.expanded {
        &article.paragraphs
    } else {
        article.paragraphs.get(..1).unwrap_or_default()
    };
    html! {
        <article class="card" data-article-id={article.id.clone()} data-expanded={props.expanded.then_some("true")}
                 aria-labelledby={title_id.clone()} lang={article.lang.clone()}>
            <h2 id={title_id} class={classes!("card-title", article.title_derived.then_some("derived"))}
                title={article.title_derived.then_some("Title taken from the first sentence")}>
                { &article.title }
            </h2>
            <p class="card-meta">
                { match article.date {
                    Some(date) => html! { <time datetime={date.to_string()}>{ date.to_string() }</time> },
                    None => html! { <span class="undated">{ "Undated" }</span> },
                } }
                <span class="lang" lang="en">{ language_name(&article.lang) }</span>
                if let Some(source) = &article.source {
                    <span class="source">{ source }</span>
                }
            </p>
            if !article.countries.is_empty() {
                <ul class="chips" aria-label="Countries mentioned" lang="en">
                    { for article.countries.iter().map(|c| html! {
                        <li class="chip" data-country={c.code.clone()}
                            title={format!("{} mention{}", c.mentions, if c.mentions == 1 { "" } else { "s" })}>
                            { corpus.country_name(&c.code) }
                        </li>
                    }) }
                </ul>
            }
            { for article.captions.iter().map(|caption| html! { <p class="caption">{ caption }</p> }) }
            <div class="card-body" id={body_id.clone()}>
                { for shown.iter().map(|paragraph| html! { <p>{ paragraph }</p> }) }
            </div>
            if article.paragraphs.len() > 1 {
                <button type="button" class="expand" aria-expanded={props.expanded.to_string()} aria-controls={body_id}
                        onclick={on_toggle} lang="en">
                    { if props.expanded { "Show less" } else { "Read full text" } }
                </button>
            }
        </article>
    }
}
