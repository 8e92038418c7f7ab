//! In embed mode, tells the host page our content height whenever it changes, so
//! `public/embed.js` can size the iframe. We only post; we never read inbound messages.

use crate::embed::HeightMessage;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Starts observing the page's height for as long as the calling owner lives; does nothing
/// outside a frame.
pub fn post_height_changes() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let last = std::cell::Cell::new(-1.0);
    let post = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if (height - last.get()).abs() < 1.0 {
            return;
        }
        last.set(height);
        let Ok(message) = serde_wasm_bindgen::to_value(&HeightMessage::new(height)) else {
            return;
        };
        // Height is not private; "*" lets any host (and sandboxed, opaque-origin parents) size us.
        let _ = parent.post_message(&message, "*");
    });
    let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);
    let observing = SendWrapper::new((observer, post));
    on_cleanup(move || observing.0.disconnect());
}
