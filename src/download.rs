//! Saving a file the page made (an export) without a request: the text goes into a `Blob`, and a
//! hidden `<a download>` pointing at its object URL is clicked. Works under the strict CSP and
//! in the offline file opened from disk.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a file named `name` of type `mime`; why not, when the browser refuses.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let refused = |e: JsValue| format!("The file could not be made ({e:?}).");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No page to save the file from.")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| "The file could not be made.".to_owned())?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("No page to save the file from.")?;
    body.append_child(&link).map_err(refused)?;
    link.click();
    link.remove();
    // The download has started from the click; the URL is let go once the page has painted.
    crate::frames::after_next_paint(move || {
        let _ = Url::revoke_object_url(&url);
    });
    Ok(())
}
