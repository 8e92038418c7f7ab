//! How many of the table's rows are in the page, while it sits below the chart: ten at first,
//! then, once the table comes within a margin of the window, ten more per frame until all are.
//! Fifty rows with their sources were the largest piece of work after the first chart, all of
//! it for rows below the first screen: building, styling, laying out and painting them
//! (Lighthouse mobile, five interleaved runs each: total blocking time median 513 ms with all
//! fifty on load, 162 ms with this). A reader scrolling down, or tabbing into the table (which
//! scrolls it into view), reaches them as they arrive; until then a find in the page sees only
//! the first ten, while the search box filters all of them.

use super::timing::{next_frame, next_task};
use leptos::html::Section;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Rows in the page from the start, and added per frame once the table is near.
const ROWS_PER_STEP: usize = crate::table::FIRST_ROWS;

/// How close (below the window) the table's top must come for its rows to follow: they are
/// all there in a few frames, before a reader scrolling at any usual speed gets to them.
const NEAR: &str = "0px 0px 400px 0px";

/// The number of rows to put in the page: `ROWS_PER_STEP` until `section` is near the window,
/// then `ROWS_PER_STEP` more per frame until `len()` (the page of rows then) is reached, and
/// from there no limit, so that "Show more" and every later change are not held back.
pub fn rows_in_dom(
    section: NodeRef<Section>,
    len: impl Fn() -> Option<usize> + 'static,
) -> ReadSignal<usize> {
    let (shown, set_shown) = signal(ROWS_PER_STEP);
    let near = near_window(section);
    let len = SendWrapper::new(Rc::new(len));
    // `near` turns true once and stays so: this starts the rows' growth once.
    Effect::new(move |_| {
        if !near.get() {
            return;
        }
        let len = len.clone();
        leptos::task::spawn_local(async move {
            loop {
                let (Some(now), Some(len)) = (shown.try_get_untracked(), len()) else {
                    return;
                };
                let next = if now.saturating_add(ROWS_PER_STEP) >= len {
                    usize::MAX
                } else {
                    now + ROWS_PER_STEP
                };
                if set_shown.try_set(next).is_some() || next == usize::MAX {
                    return;
                }
                // The rows so far painted, then the next ones in a task of their own.
                next_frame().await;
                next_task().await;
            }
        });
    });
    shown
}

/// Whether `section` has come within `NEAR` of the window (true from then on). Where the
/// browser has no IntersectionObserver, true at once.
fn near_window(section: NodeRef<Section>) -> ReadSignal<bool> {
    let (near, set_near) = signal(false);
    Effect::new(move |_| {
        let Some(el) = section.get() else {
            return;
        };
        let on_change = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let seen = entries.iter().any(|entry| {
                    entry
                        .dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|entry| entry.is_intersecting())
                });
                if seen {
                    // Near once is near for good: nothing left to watch.
                    observer.disconnect();
                    let _ = set_near.try_set(true);
                }
            },
        );
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(NEAR);
        match web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &init,
        ) {
            Ok(observer) => {
                observer.observe(&el);
                let watching = SendWrapper::new((observer, on_change));
                on_cleanup(move || watching.0.disconnect());
            }
            Err(_) => set_near.set(true),
        }
    });
    near
}
