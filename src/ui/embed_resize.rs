//! In embed mode, tells the host page our content height whenever it changes, so
//! `public/embed.js` can size the iframe. We only post; we never read inbound messages.

use crate::embed::{MESSAGE_SOURCE, MESSAGE_VERSION};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Starts observing; returns the observer and its callback, which must live as long as the page.
pub fn post_height_changes() -> Option<(web_sys::ResizeObserver, Closure<dyn Fn()>)> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let body = window.document()?.body()?;
    let measured = body.clone();
    let last = std::cell::Cell::new(-1.0);
    let post = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if (height - last.get()).abs() < 1.0 {
            return;
        }
        last.set(height);
        let message = Object::new();
        let _ = Reflect::set(&message, &"source".into(), &MESSAGE_SOURCE.into());
        let _ = Reflect::set(&message, &"version".into(), &MESSAGE_VERSION.into());
        let _ = Reflect::set(&message, &"height".into(), &height.into());
        // Height is not private; "*" lets any host (and sandboxed, opaque-origin parents) size us.
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, post))
}
