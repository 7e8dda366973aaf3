//! "Export": the view's results (CSV, JSON, Markdown citations), its timeline and its facet
//! counts (CSV), made in the page and saved as files ([`crate::download`]), named after the view.
//! A sharded corpus first fetches the texts the results' titles are in.

use std::rc::Rc;

use corpus::view::export::{
    citations_markdown, facets_csv, file_name, results_csv, results_json, rows, timeline_csv,
};
use corpus::view::state::ViewState;
use corpus::view::Answer;
use yew::{component, html, use_state, Callback, Html, MouseEvent, Properties};

use crate::data::{self, Corpus};
use crate::download::download;
use crate::hooks::SidebarCounts;
use crate::locale::{self, use_ui};
use crate::view_url::ViewHandle;

#[derive(Properties, PartialEq, Debug)]
pub struct ExportMenuProps {
    pub corpus: Corpus,
    pub answer: Rc<Answer>,
    pub state: Rc<ViewState>,
    pub counts: Rc<SidebarCounts>,
}

/// What a button exports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    ResultsCsv,
    ResultsJson,
    Citations,
    Timeline,
    Counts,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::ResultsCsv,
        Kind::ResultsJson,
        Kind::Citations,
        Kind::Timeline,
        Kind::Counts,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::ResultsCsv => "results-csv",
            Kind::ResultsJson => "results-json",
            Kind::Citations => "citations",
            Kind::Timeline => "timeline",
            Kind::Counts => "counts",
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            Kind::ResultsCsv => "export.results-csv",
            Kind::ResultsJson => "export.results-json",
            Kind::Citations => "export.citations",
            Kind::Timeline => "export.timeline",
            Kind::Counts => "export.counts",
        }
    }

    /// Whether it lists the results (and so needs their titles).
    fn lists_results(self) -> bool {
        matches!(self, Kind::ResultsCsv | Kind::ResultsJson | Kind::Citations)
    }
}

#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let ui = use_ui();
    let failed = use_state(|| None::<String>);
    let buttons = Kind::ALL.into_iter().map(|kind| {
        let (corpus, answer, state, counts, failed) = (
            props.corpus,
            props.answer.clone(),
            props.state.clone(),
            props.counts.clone(),
            failed.clone(),
        );
        let onclick = Callback::from(move |_: MouseEvent| {
            let (answer, state, counts, failed) =
                (answer.clone(), state.clone(), counts.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if kind.lists_results() {
                    // Titles live in the texts: a sharded corpus fetches the results' first.
                    for _ in 0..3 {
                        let missing = corpus.chunks_missing_for(answer.results.all());
                        if missing.is_empty() {
                            break;
                        }
                        if let Err(e) = data::fetch_texts(corpus, &missing).await {
                            failed.set(Some(e));
                            return;
                        }
                    }
                }
                let country = |code: &str| locale::country(ui, code, corpus.country_name(code));
                let link = |id: &str| ViewHandle::href(&ViewState::default().open_article(id));
                let name = |what: &str, ext: &str| file_name(&state, |c| corpus.country_name(c).to_owned(), what, ext);
                let (file, mime, text) = match kind {
                    Kind::ResultsCsv => (name("", "csv"), "text/csv", results_csv(&rows(&corpus, &answer, link))),
                    Kind::ResultsJson => (name("", "json"), "application/json", results_json(&rows(&corpus, &answer, link))),
                    Kind::Citations => (name("citations", "md"), "text/markdown", citations_markdown(&rows(&corpus, &answer, link))),
                    Kind::Timeline => (name("timeline", "csv"), "text/csv", timeline_csv(&counts.histogram)),
                    Kind::Counts => (name("counts", "csv"), "text/csv", facets_csv(&counts.facets, country, |l| ui.language_name(l))),
                };
                failed.set(download(&file, &format!("{mime};charset=utf-8"), &text).err());
            });
        });
        html! {
            <li><button type="button" class="link-button" data-export-kind={kind.name()} {onclick}>{ ui.text(kind.label_key()) }</button></li>
        }
    });
    html! {
        <details class="export" data-export="">
            <summary>{ ui.text("export.summary") }</summary>
            <ul>{ for buttons }</ul>
            if let Some(message) = &*failed {
                <p class="notice" role="alert">{ message }</p>
            }
        </details>
    }
}
