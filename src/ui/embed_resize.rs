//! In embed mode, tells the host page our content height, so `public/embed.js` can size the
//! iframe: whenever the height changes, and whenever the host asks (`embed.js` asks when it
//! starts and when a frame loads, so a script that arrives after the frame still sizes it).
//! The one inbound message read is that request, validated (sent by our parent, our source,
//! our version, its type); the only thing it changes is that the page then lays itself out at
//! its natural height (`data-host-sizing`), since a host is there to grow the frame.

use crate::embed::{HeightMessage, HostMessage};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Starts for as long as the calling owner lives; does nothing outside a frame.
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
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let last = Cell::new(-1.0);
    let post_parent = parent.clone();
    let measured = body.clone();
    let post = Rc::new(move |always: bool| {
        let height = measured.get_bounding_client_rect().height().ceil();
        if !always && (height - last.get()).abs() < 1.0 {
            return;
        }
        last.set(height);
        let Ok(message) = serde_wasm_bindgen::to_value(&HeightMessage::new(height)) else {
            return;
        };
        // Height is not private; "*" lets any host (and sandboxed, opaque-origin parents) size us.
        let _ = post_parent.post_message(&message, "*");
    });

    let on_resize_post = post.clone();
    let on_resize = Closure::<dyn Fn()>::new(move || on_resize_post(false));
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);

    let root = document.document_element();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Identity, not a type check: the parent's window belongs to another realm, so an
            // `instanceof Window` test in this frame would refuse it.
            let from_parent = event
                .source()
                .is_some_and(|s| js_sys::Object::is(&s, &parent));
            let request = serde_wasm_bindgen::from_value::<HostMessage>(event.data())
                .is_ok_and(|m| m.is_height_request());
            if !(from_parent && request) {
                return;
            }
            if let Some(root) = &root {
                let _ = root.set_attribute("data-host-sizing", "1");
            }
            // After the natural-height layout applies, so the answer is the height to grow to.
            post(true);
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());

    let running = SendWrapper::new((window, observer, on_resize, on_message));
    on_cleanup(move || {
        let (window, observer, _, on_message) = &*running;
        observer.disconnect();
        let _ = window
            .remove_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    });
}
