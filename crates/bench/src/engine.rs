//! The corpus crate's answer to a view, called from the bench page without the DOM: the same
//! [`corpus::view::answer`] the explorer calls (`src/views/explorer.rs`), over the same blob
//! bytes `build.rs` embeds.

use corpus::view::results::PAGE_SIZE;
use corpus::view::state::ViewState;
use corpus::view::{answer, Counts};
use corpus::CorpusBlob;
use wasm_bindgen::prelude::*;

use crate::counts::ViewCounts;

/// A decoded corpus, ready to answer views.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Engine {
    blob: CorpusBlob,
}

#[wasm_bindgen]
impl Engine {
    /// Decodes the blob once, as the app does at start-up.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Engine, JsError> {
        let blob = CorpusBlob::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Engine { blob })
    }

    /// Folds every article's text for search, as the app does a step at a time after start.
    pub fn fold_all(&self) {
        self.blob.fold_ahead(0, usize::MAX);
    }

    /// Number of articles.
    pub fn articles(&self) -> u32 {
        u32::try_from(self.blob.len()).unwrap_or(u32::MAX)
    }

    /// The results of a URL query string (`q=…&country=…`) as the explorer has them: the first
    /// page of cards in display order (article indices), then every other result, unordered
    /// (the explorer orders them page by page, when the reader asks for more).
    pub fn view(&self, params: &str) -> Vec<u32> {
        let (state, _notices) = ViewState::parse(params);
        answer(&self.blob, &state).results.page_then_rest(PAGE_SIZE)
    }

    /// The view's counts (total, country and language chips, timeline per year, undated) as
    /// JSON, for the bench's brute-force check.
    pub fn counts(&self, params: &str) -> String {
        let (state, _notices) = ViewState::parse(params);
        let counts: Counts = answer(&self.blob, &state).counts(&self.blob, &state);
        ViewCounts::from_app(&counts).to_json()
    }
}
