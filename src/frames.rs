//! Work put off until the browser has painted the next frame, so that what a reader is waiting
//! for (the cards of a keystroke, a chip's results) is painted first and the rest follows.

/// Runs `f` once the browser has painted the next frame: a task queued from an animation frame
/// callback runs after that frame's paint.
///
/// Should the browser refuse the frame request, `f` never runs; callers only defer work whose
/// absence leaves the page usable (a fuller page of cards, the sidebar's counts, the URL).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            f();
        });
    });
    let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&callback));
}
