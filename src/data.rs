//! The corpus, loaded once at start and passed down as a [`Corpus`] prop.
//!
//! The data is not in the wasm: the build packs it beside it (`scripts/corpus-data.mjs`) as
//! `corpus-<hash>.bin`, gzip-compressed, and `index.html` links it with
//! `<link rel="preload" as="fetch" data-borderlines-corpus>`, so the browser fetches it while it
//! compiles the wasm and this module's `fetch` picks up that response. The offline edition embeds
//! the same bytes, base64, in `<script type="application/octet-stream" id="borderlines-corpus">`
//! (`scripts/offline.mjs`), and a sharded corpus's other files one such element each, decoded
//! only when a view needs them, so it makes no request. Either way the bytes are gunzipped by the
//! browser's own `DecompressionStream` (no decompressor in the wasm), in a worker
//! (`static/gunzip-worker.js`) so that the page stays responsive, or on the page's thread where no
//! worker can start (the offline file), and decoded once.
//!
//! A large corpus is sharded (`scripts/corpus-data.mjs`): the linked file is then its core
//! (catalog and the index's dictionary), and beside it are the index's posting lists in shards
//! and the articles' texts in chunks, each chunk compressed on its own and laid in packs with a
//! table of where each lies ([`corpus::store::TextPacks`], loaded with the core). A view's
//! shards, and the bytes of the chunks its cards and phrase checks read (HTTP range requests,
//! one per run of them in a pack), are fetched when it needs them ([`fetch_texts`]) and added
//! to the corpus.
//!
//! A failure (offline, a 404 after a redeploy, damaged bytes) is an error the app shows with a
//! way to try again; the decoded corpus lives for the app's lifetime.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use corpus::store::{PackRequest, TextPacks};
use corpus::view::results::first_shown;
use corpus::view::state::ViewState;
use corpus::CorpusBlob;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The element of `index.html` that names the corpus file.
const LINK_SELECTOR: &str = "link[data-borderlines-corpus]";
/// The offline edition's embedded corpus (base64 of the gzip bytes).
const EMBEDDED_ID: &str = "borderlines-corpus";

static CORPUS: OnceLock<&'static CorpusBlob> = OnceLock::new();
/// Where a sharded corpus's text chunks lie in its packs (set with the corpus, when it has any).
static TEXT_PACKS: OnceLock<TextPacks> = OnceLock::new();
/// The offline edition's element holding the texts' table.
const EMBEDDED_TABLE_ID: &str = "borderlines-texts";
/// Set when the corpus came embedded in the page (the offline edition): its chunks and shards
/// are embedded too, one element each ([`embedded_part`]).
static OFFLINE: OnceLock<bool> = OnceLock::new();
static PROVIDED: OnceLock<&'static [u8]> = OnceLock::new();

/// The decoded corpus, for the app's lifetime. Props compare it by address: there is only one.
#[derive(Clone, Copy)]
pub struct Corpus(&'static CorpusBlob);

impl Deref for Corpus {
    type Target = CorpusBlob;

    fn deref(&self) -> &CorpusBlob {
        self.0
    }
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl fmt::Debug for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field("articles", &self.0.len())
            .finish()
    }
}

/// Hands the app a corpus blob instead of its file (the component tests do, having no site to
/// fetch from). Only the first call counts.
pub fn provide(bytes: &'static [u8]) {
    let _ = PROVIDED.set(bytes);
}

/// The corpus, if it is already loaded (the app then renders it at once): decoded, and with its
/// texts' table when it has text chunks.
pub fn loaded() -> Option<Corpus> {
    let corpus = CORPUS.get().copied().map(Corpus).or_else(|| {
        let bytes = PROVIDED.get()?;
        decode_static(bytes).ok()
    })?;
    (corpus.text_chunk_count() == 0 || TEXT_PACKS.get().is_some()).then_some(corpus)
}

/// Loads and decodes the corpus, or says why it could not (shown to the reader with a way to try
/// again; never a panic). Every successful call returns the same corpus.
pub async fn load() -> Result<Corpus, String> {
    if let Some(corpus) = loaded() {
        return Ok(corpus);
    }
    // The texts' table is fetched beside the core (the page preloads both).
    let table = match (OFFLINE.get(), linked_attribute("data-texts")) {
        (None, Some(href)) if TEXT_PACKS.get().is_none() => {
            Some(start_fetch(&href).map(|request| (href, request)))
        }
        _ => None,
    };
    let corpus = match CORPUS.get() {
        Some(&corpus) => Corpus(corpus),
        None => load_core().await?,
    };
    if corpus.text_chunk_count() > 0 && TEXT_PACKS.get().is_none() {
        let gzip = match (embedded_part_by_id(EMBEDDED_TABLE_ID), table) {
            (Some(gzip), _) => Uint8Array::from(gzip.as_slice()),
            (None, Some(started)) => {
                let (href, request) = started?;
                read_response(request, &href, "The articles").await?
            }
            (None, None) => {
                let href = linked_attribute("data-texts")
                    .ok_or("This page does not say where its articles' texts are.")?;
                fetch_bytes(&href).await?
            }
        };
        let bytes = if is_gzip(&gzip) {
            gunzip(&gzip)
                .await
                .map_err(|e| format!("The articles could not be decompressed ({e})."))?
        } else {
            gzip
        };
        let packs = TextPacks::parse(&bytes.to_vec(), corpus.text_chunk_count()).map_err(|e| {
            format!("The articles' data does not belong to this version of the site ({e}). Reload the page.")
        })?;
        let _ = TEXT_PACKS.set(packs);
    }
    Ok(corpus)
}

/// Fetches (or reads from the page) the core and decodes it.
async fn load_core() -> Result<Corpus, String> {
    // The file stays in JavaScript memory until it is decompressed: only the blob is copied into
    // the wasm, once.
    let file = match embedded()? {
        Some(bytes) => {
            let _ = OFFLINE.set(true);
            Uint8Array::from(bytes.as_slice())
        }
        None => fetch_linked().await?,
    };
    let blob = if is_gzip(&file) {
        let worth_a_worker = linked_attribute("data-worker-from")
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|from| file.length() >= from);
        let in_worker = match gunzip_in_worker(&file, worth_a_worker).await {
            Ok(blob) => Some(blob),
            Err(WorkerGunzip::Unavailable) => None,
            Err(WorkerGunzip::Failed(e)) => {
                return Err(format!("The articles could not be decompressed ({e})."))
            }
        };
        match in_worker {
            Some(blob) => blob,
            None => gunzip(&file)
                .await
                .map_err(|e| format!("The articles could not be decompressed ({e})."))?,
        }
    } else {
        // A server that sent the file with `Content-Encoding: gzip` has decompressed it already.
        file
    };
    decode_static(Box::leak(blob.to_vec().into_boxed_slice()))
}

/// How big the corpus file is, when the build said so (`data-bytes` on its link): the loading
/// line shows it.
pub fn linked_size() -> Option<u64> {
    linked_attribute("data-bytes")?.parse().ok()
}

/// An attribute of the corpus file's link in `index.html`.
fn linked_attribute(name: &str) -> Option<String> {
    document()?
        .query_selector(LINK_SELECTOR)
        .ok()
        .flatten()?
        .get_attribute(name)
}

fn decode_static(bytes: &'static [u8]) -> Result<Corpus, String> {
    if let Some(&corpus) = CORPUS.get() {
        return Ok(Corpus(corpus));
    }
    let blob = CorpusBlob::from_static(bytes)
        .map_err(|e| format!("The articles' data is damaged ({e}). Reload the page."))?;
    let corpus: &'static CorpusBlob = CORPUS.get_or_init(|| Box::leak(Box::new(blob)));
    Ok(Corpus(corpus))
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The offline edition's embedded bytes, if this is the offline edition.
fn embedded() -> Result<Option<Vec<u8>>, String> {
    let Some(element) = document().and_then(|d| d.get_element_by_id(EMBEDDED_ID)) else {
        return Ok(None);
    };
    let text = element.text_content().unwrap_or_default();
    element.remove();
    base64_decode(text.trim())
        .map(Some)
        .ok_or_else(|| "The articles embedded in this file are damaged.".to_owned())
}

/// The corpus file `index.html` links.
fn linked_href() -> Result<String, String> {
    linked_attribute("href").ok_or_else(|| {
        "This page does not say where its articles are (no corpus link in index.html).".to_owned()
    })
}

/// Fetches the file `index.html` links (the preload has usually fetched it already).
async fn fetch_linked() -> Result<Uint8Array, String> {
    fetch_bytes(&linked_href()?).await
}

/// Fetches `href` from the site's own origin.
async fn fetch_bytes(href: &str) -> Result<Uint8Array, String> {
    read_response(start_fetch(href)?, href, "The articles").await
}

/// Starts fetching `href`; [`read_response`] reads what comes back.
fn start_fetch(href: &str) -> Result<js_sys::Promise, String> {
    let window = web_sys::window().ok_or("No window to load the articles in.")?;
    Ok(window.fetch_with_str(href))
}

/// The body of the response to `request` (a fetch of `href`), or why there is none, worded for
/// the reader about `what` was loading ("The articles", "Part of the articles' data").
async fn read_response(
    request: js_sys::Promise,
    href: &str,
    what: &str,
) -> Result<Uint8Array, String> {
    Ok(read_response_with_status(request, href, what).await?.1)
}

/// [`read_response`], with the response's status (200, or 206 for part of a file).
async fn read_response_with_status(
    request: js_sys::Promise,
    href: &str,
    what: &str,
) -> Result<(u16, Uint8Array), String> {
    let failed = |e: JsValue| {
        format!(
            "{what} could not be loaded ({}). Check the connection and try again.",
            describe(&e)
        )
    };
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!(
            "{what} could not be loaded: {href} answered {} {}. If the site was just updated, reload the page.",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok((response.status(), Uint8Array::new(&buffer)))
}

/// Whether `file` starts as gzip does (a server that sent it with `Content-Encoding: gzip` has
/// decompressed it already).
fn is_gzip(file: &Uint8Array) -> bool {
    file.length() >= 2 && file.get_index(0) == 0x1f && file.get_index(1) == 0x8b
}

thread_local! {
    /// Text chunks and postings shards asked for and not yet added (each is fetched once at a
    /// time).
    static CHUNKS_ON_THEIR_WAY: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
}

/// Before the first render of a sharded corpus: the texts of the first page of the URL's view
/// and of its phrase checks, so that the app replaces the page's shell with whole cards, not
/// placeholders. A failure is left to the explorer, which asks again and says why.
pub async fn fetch_first_texts(corpus: Corpus) {
    if corpus.chunk_count() == 0 {
        return;
    }
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (state, _) = ViewState::parse(&search);
    // The query's postings shards come first, then the texts its phrases are checked on, then
    // the first page's texts (which those checks can change): at most three rounds.
    for _ in 0..3 {
        let answer = corpus::view::answer(&corpus, &state);
        let open = state
            .article
            .as_ref()
            .and_then(|id| answer.results.position(corpus.catalog().position(id)?));
        // The cards the explorer shows first (`hooks::use_shown_cards`) within the reader's
        // reach, and the open one.
        let shown = crate::views::explorer::cards_to_fetch(
            first_shown(open),
            crate::hooks::cards_in_reach_now(),
            open,
        );
        let needed = answer.texts_needed(&corpus, shown);
        if needed.is_empty() || fetch_texts(corpus, &needed).await.is_err() {
            return;
        }
    }
}

/// What one request fetches: a postings shard (file number), or a run of text chunks in a pack.
enum Part {
    Shard(u32),
    Texts(PackRequest),
}

/// Requests in one batch at most.
const REQUESTS_AT_ONCE: usize = 64;
/// Text chunks in one batch at most (about 1 MB of stored text at 2 KiB a chunk).
const TEXT_CHUNKS_AT_ONCE: usize = 512;
/// A request for a run of text chunks in a pack goes on across at most this many bytes of
/// chunks not asked for: a request costs a round trip and its headers, and over HTTP/1.1 (six
/// at a time) about what 8 kB more costs on a 4G phone. A phrase checked on hundreds of
/// articles then reads a pack's few runs, not each article apart.
const MAX_GAP_BYTES: u32 = 8 * 1024;

/// The stem of the sharded corpus's files: `corpus-<hash>` of the core `corpus-<hash>.bin`
/// (one hash names the whole set, so the files are always the core's).
fn stem(core: &str) -> &str {
    core.strip_suffix(".bin").unwrap_or(core)
}

/// Fetches the files of a sharded corpus that `chunks` names (postings shards, and text chunks,
/// by file number) and that are neither here nor already on their way, and adds them to the
/// corpus (the requests run side by side). Returns once each has arrived, or with the first
/// failure, worded for the reader.
pub async fn fetch_texts(corpus: Corpus, chunks: &[u32]) -> Result<(), String> {
    let packs = TEXT_PACKS.get();
    // At most a batch at a time: the view then answers with what arrived (remembering what it
    // confirmed on those texts) and asks for the rest, so memory follows the budget.
    let (parts, taken) = CHUNKS_ON_THEIR_WAY.with_borrow_mut(|on_their_way| {
        let (shards, texts): (Vec<u32>, Vec<u32>) = chunks
            .iter()
            .copied()
            .filter(|&c| (c as usize) < corpus.chunk_count() && !on_their_way.contains(&c))
            .partition(|&c| corpus.is_postings_shard(c));
        let mut parts: Vec<Part> = shards
            .iter()
            .take(REQUESTS_AT_ONCE)
            .map(|&shard| Part::Shard(shard))
            .collect();
        let mut taken: Vec<u32> = shards.into_iter().take(REQUESTS_AT_ONCE).collect();
        if let Some(packs) = packs {
            let texts: Vec<u32> = texts.into_iter().take(TEXT_CHUNKS_AT_ONCE).collect();
            for request in packs.requests(&texts, MAX_GAP_BYTES) {
                if parts.len() >= REQUESTS_AT_ONCE {
                    break;
                }
                taken.extend(
                    packs
                        .members_in(&request)
                        .map(|(member, _)| member)
                        .filter(|m| texts.contains(m)),
                );
                parts.push(Part::Texts(request));
            }
        }
        on_their_way.extend(taken.iter().copied());
        (parts, taken)
    });
    let outcome = fetch_parts(corpus, packs, parts).await;
    CHUNKS_ON_THEIR_WAY.with_borrow_mut(|on_their_way| {
        for chunk in &taken {
            on_their_way.remove(chunk);
        }
    });
    outcome
}

/// Fetches `parts` (or reads them from the offline edition's page) and adds them.
async fn fetch_parts(
    corpus: Corpus,
    packs: Option<&TextPacks>,
    parts: Vec<Part>,
) -> Result<(), String> {
    let offline = OFFLINE.get().copied().unwrap_or(false);
    let core = if offline {
        String::new()
    } else {
        linked_href()?
    };
    let href = |part: &Part| match part {
        Part::Shard(chunk) => format!(
            "{}-i{}.bin",
            stem(&core),
            corpus.postings_shard_of(*chunk).unwrap_or(u32::MAX)
        ),
        Part::Texts(request) => format!("{}-p{}.bin", stem(&core), request.pack),
    };
    // Every request starts now; each is then awaited in turn.
    let started: Vec<(Part, Result<js_sys::Promise, String>)> = parts
        .into_iter()
        .map(|part| {
            let request = if offline {
                Ok(js_sys::Promise::resolve(&JsValue::NULL))
            } else {
                match &part {
                    Part::Shard(_) => start_fetch(&href(&part)),
                    Part::Texts(request) => start_range_fetch(&href(&part), &request.bytes),
                }
            };
            (part, request)
        })
        .collect();
    let mut outcome = Ok(());
    for (part, request) in started {
        let added = match request {
            Err(e) => Err(e),
            Ok(_) if offline => add_embedded(corpus, packs, &part).await,
            Ok(request) => {
                let what = "Part of the articles' data";
                match &part {
                    Part::Shard(chunk) => match read_response(request, &href(&part), what).await {
                        Ok(file) => gunzip_and_add(corpus, *chunk, &file).await,
                        Err(e) => Err(e),
                    },
                    Part::Texts(pack_request) => {
                        match read_range(request, &href(&part), &pack_request.bytes).await {
                            Ok(bytes) => add_members(corpus, packs, pack_request, &bytes).await,
                            Err(e) => Err(e),
                        }
                    }
                }
            }
        };
        if outcome.is_ok() {
            outcome = added;
        }
    }
    outcome
}

/// Starts fetching bytes `range` of `href` (a range request: a host that ignores it sends the
/// whole file, which [`read_range`] cuts).
fn start_range_fetch(href: &str, range: &std::ops::Range<u32>) -> Result<js_sys::Promise, String> {
    let window = web_sys::window().ok_or("No window to load the articles in.")?;
    let headers = web_sys::Headers::new().map_err(|e| describe(&e))?;
    let last = range.end.saturating_sub(1);
    headers
        .append("Range", &format!("bytes={}-{last}", range.start))
        .map_err(|e| describe(&e))?;
    let init = web_sys::RequestInit::new();
    init.set_headers(&headers);
    Ok(window.fetch_with_str_and_init(href, &init))
}

/// The bytes `range` of `href` from the response to a range request: the body of a partial
/// response, or that part of a whole one.
async fn read_range(
    request: js_sys::Promise,
    href: &str,
    range: &std::ops::Range<u32>,
) -> Result<Uint8Array, String> {
    let (status, body) =
        read_response_with_status(request, href, "Part of the articles' data").await?;
    let wrong = || {
        format!("Part of the articles' data does not belong to this version of the site ({href} has other bytes). Reload the page.")
    };
    if status == 206 {
        (body.length() == range.end - range.start)
            .then_some(body)
            .ok_or_else(wrong)
    } else {
        (body.length() >= range.end)
            .then(|| body.subarray(range.start, range.end))
            .ok_or_else(wrong)
    }
}

/// Gunzips and adds each text chunk a pack request fetched (`bytes`, the request's range).
async fn add_members(
    corpus: Corpus,
    packs: Option<&TextPacks>,
    request: &PackRequest,
    bytes: &Uint8Array,
) -> Result<(), String> {
    let packs = packs.ok_or("The articles' texts cannot be found. Reload the page.")?;
    let members: Vec<(u32, std::ops::Range<usize>)> = packs.members_in(request).collect();
    if members.len() != request.places.len() {
        return Err("Part of the articles' data is damaged. Reload the page.".to_owned());
    }
    for (member, range) in members {
        let (Ok(start), Ok(end)) = (u32::try_from(range.start), u32::try_from(range.end)) else {
            return Err("Part of the articles' data is damaged. Reload the page.".to_owned());
        };
        gunzip_and_add(corpus, member, &bytes.subarray(start, end)).await?;
    }
    Ok(())
}

/// The offline edition's files: each is decoded from its element (base64 of the gzip bytes) only
/// when a view needs it, so the corpus stays outside wasm memory until then.
async fn add_embedded(
    corpus: Corpus,
    packs: Option<&TextPacks>,
    part: &Part,
) -> Result<(), String> {
    let missing =
        || "Part of the articles' data embedded in this file is missing or damaged.".to_owned();
    match part {
        Part::Shard(chunk) => {
            let shard = corpus.postings_shard_of(*chunk).ok_or_else(missing)?;
            let gzip =
                embedded_part_by_id(&format!("borderlines-shard-{shard}")).ok_or_else(missing)?;
            gunzip_and_add(corpus, *chunk, &Uint8Array::from(gzip.as_slice())).await
        }
        Part::Texts(request) => {
            let pack = embedded_part_by_id(&format!("borderlines-pack-{}", request.pack))
                .ok_or_else(missing)?;
            let bytes = pack
                .get(request.bytes.start as usize..request.bytes.end as usize)
                .ok_or_else(missing)?;
            add_members(corpus, packs, request, &Uint8Array::from(bytes)).await
        }
    }
}

/// The bytes embedded in the offline edition's element `id` (`scripts/offline.mjs`):
/// `borderlines-shard-<n>` for a postings shard, `borderlines-pack-<n>` for a pack of texts,
/// `borderlines-texts` for their table.
fn embedded_part_by_id(id: &str) -> Option<Vec<u8>> {
    let element = document()?.get_element_by_id(id)?;
    base64_decode(element.text_content()?.trim())
}

/// Gunzips file `chunk` (unless a server has already) and adds it to the corpus.
async fn gunzip_and_add(corpus: Corpus, chunk: u32, file: &Uint8Array) -> Result<(), String> {
    let bytes = if is_gzip(file) {
        gunzip(file)
            .await
            .map_err(|e| format!("Part of the articles' data could not be decompressed ({e})."))?
    } else {
        file.clone()
    };
    corpus.add_chunk(chunk, bytes.to_vec()).map_err(|e| {
        format!("Part of the articles' data does not belong to this version of the site ({e}). Reload the page.")
    })
}

#[wasm_bindgen]
extern "C" {
    /// The Compression Streams API's decompressor (every current browser has it).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type DecompressionStream;

    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    /// A `ReadableStream`, for the one method web-sys gives only behind its unstable flag.
    #[wasm_bindgen(js_name = ReadableStream)]
    type PipeableStream;

    #[wasm_bindgen(method, js_name = pipeThrough, catch)]
    fn pipe_through(
        this: &PipeableStream,
        transform: &DecompressionStream,
    ) -> Result<web_sys::ReadableStream, JsValue>;
}

/// The worker that gunzips off the main thread (`static/gunzip-worker.js`, beside index.html).
const WORKER_URL: &str = "gunzip-worker.js";

/// Why [`gunzip_in_worker`] did not give the blob.
enum WorkerGunzip {
    /// No worker here (the offline file, opened from `file://`, cannot start one; a missing
    /// script): `gzip` is untouched, so the page gunzips it itself.
    Unavailable,
    /// The worker had the bytes and could not decompress them.
    Failed(String),
}

/// Gunzips `gzip` in a worker, so that a large corpus does not block the page while it
/// decompresses (only when `worth_it`: the build says from what size, `data-worker-from` on the
/// file's link). The bytes are handed over (transferred, not copied) only once the worker has
/// said it is ready.
async fn gunzip_in_worker(gzip: &Uint8Array, worth_it: bool) -> Result<Uint8Array, WorkerGunzip> {
    let on_file = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:");
    if on_file || !worth_it {
        return Err(WorkerGunzip::Unavailable);
    }
    let worker = web_sys::Worker::new(WORKER_URL).map_err(|_| WorkerGunzip::Unavailable)?;
    let reply = |worker: &web_sys::Worker| {
        let worker = worker.clone();
        js_sys::Promise::new(&mut |resolve, reject| {
            let on_message = wasm_bindgen::closure::Closure::once_into_js(
                move |event: web_sys::MessageEvent| {
                    let _ = resolve.call1(&JsValue::NULL, &event.data());
                },
            );
            let on_error = wasm_bindgen::closure::Closure::once_into_js(move |event: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &event);
            });
            worker.set_onmessage(Some(on_message.unchecked_ref()));
            worker.set_onerror(Some(on_error.unchecked_ref()));
        })
    };
    let ready = JsFuture::from(reply(&worker)).await;
    if ready.ok().and_then(|r| r.as_string()).as_deref() != Some("ready") {
        worker.terminate();
        return Err(WorkerGunzip::Unavailable);
    }
    let answer = reply(&worker);
    let buffer = gzip.buffer();
    let sent = worker.post_message_with_transfer(&buffer, &js_sys::Array::of1(&buffer));
    if sent.is_err() {
        worker.terminate();
        return Err(WorkerGunzip::Unavailable);
    }
    let result = JsFuture::from(answer).await;
    worker.terminate();
    let data = result.map_err(|e| WorkerGunzip::Failed(describe(&e)))?;
    match data.dyn_into::<js_sys::ArrayBuffer>() {
        Ok(buffer) => Ok(Uint8Array::new(&buffer)),
        Err(other) => Err(WorkerGunzip::Failed(
            js_sys::Reflect::get(&other, &JsValue::from_str("error"))
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_else(|| "the worker gave no data".to_owned()),
        )),
    }
}

/// Gunzips `gzip` with the browser's `DecompressionStream`, on the page's own thread.
async fn gunzip(gzip: &Uint8Array) -> Result<Uint8Array, String> {
    let parts = js_sys::Array::of1(gzip);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|e| describe(&e))?;
    let decompressor = DecompressionStream::new("gzip")
        .map_err(|_| "this browser cannot decompress data; update it".to_owned())?;
    let stream = blob
        .stream()
        .unchecked_into::<PipeableStream>()
        .pipe_through(&decompressor)
        .map_err(|e| describe(&e))?;
    let response =
        web_sys::Response::new_with_opt_readable_stream(Some(&stream)).map_err(|e| describe(&e))?;
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?;
    Ok(Uint8Array::new(&buffer))
}

/// A JavaScript error's message, for a notice.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Standard base64 (with or without padding; white space ignored), or `None` on any other byte.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn value(b: u8) -> Option<u32> {
        match b {
            b'A'..=b'Z' => Some(u32::from(b - b'A')),
            b'a'..=b'z' => Some(u32::from(b - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(b - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.bytes().filter(|b| !b.is_ascii_whitespace()) {
        if b == b'=' {
            break;
        }
        acc = (acc << 6) | value(b)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::base64_decode;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(base64_decode("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64_decode("aGVsbG8").as_deref(), Some(&b"hello"[..]));
        assert_eq!(
            base64_decode("AAEC/w==").as_deref(),
            Some(&[0, 1, 2, 255][..])
        );
        assert_eq!(base64_decode("aGVs\nbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64_decode(""), Some(Vec::new()));
        assert_eq!(base64_decode("aGV*"), None);
    }
}
