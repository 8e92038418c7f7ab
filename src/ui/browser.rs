//! The browser facilities the components use: the page's address, the clipboard, file
//! downloads, today's date and the system colour scheme. Each degrades to a value the caller
//! can report (a sandboxed frame may block the clipboard and downloads).

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// This page's absolute URL without query or fragment.
pub fn page_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The fragment, `#methodology` for instance.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `navigator.clipboard.writeText`; false when the API is missing (an insecure context) or the
/// write is refused (a frame without clipboard permission). Looked up dynamically because
/// calling a missing API through a static binding would throw.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).unwrap_or_default();
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<Function>() else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .is_ok()
}

/// Starts a download of `contents`. True means the browser was asked, not that a file arrived:
/// a sandboxed frame without `allow-downloads` drops the request silently.
pub fn download_text(filename: &str, mime: &str, contents: &str) -> bool {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let asked = download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    asked
}

/// Starts a download of a `data:` or `blob:` URL (chart images); same meaning of true as
/// [`download_text`].
pub fn download_url(filename: &str, href: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(link) = document.create_element("a") else {
        return false;
    };
    let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return false;
    };
    link.set_href(href);
    link.set_download(filename);
    link.set_rel("noopener");
    link.click();
    true
}

/// Today in the reader's time zone (for "Accessed …" in citations).
pub fn today() -> Option<chrono::NaiveDate> {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// Whether the system asks for a dark scheme, kept current when the reader switches it.
pub fn prefers_dark_scheme() -> ReadSignal<bool> {
    media_query("(prefers-color-scheme: dark)")
}

/// Whether `query` (a CSS media query) matches, kept current as it changes. The listener is
/// removed when the calling owner is cleaned up.
pub fn media_query(query: &str) -> ReadSignal<bool> {
    let query = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let (matches, set_matches) = signal(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| set_matches.set(event.matches()),
        );
        if query
            .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
            .is_ok()
        {
            let listening = SendWrapper::new((query, on_change));
            on_cleanup(move || {
                let (query, on_change) = &*listening;
                let _ = query.remove_event_listener_with_callback(
                    "change",
                    on_change.as_ref().unchecked_ref(),
                );
            });
        }
    }
    matches
}

/// Removes index.html's pre-rendered first screen (#boot), which the app has been drawing
/// behind (style/main.css hides an app mounted after it). A reader's focus on one of its view
/// tabs moves to the app's tab for the same view; the scroll position stays, as the two lay out
/// alike. Does nothing once done.
pub fn end_boot() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(boot) = document.get_element_by_id("boot") else {
        return;
    };
    // The app's control in the place of the first screen's that has the focus: a view tab, or
    // another control named by its test id.
    let focused = document
        .active_element()
        .filter(|el| boot.contains(Some(el)))
        .and_then(|el| {
            el.get_attribute("data-static-tab")
                .map(|view| format!("view-{view}"))
                .or_else(|| el.get_attribute("data-static-focus"))
                .or_else(|| el.get_attribute("data-static-action"))
        });
    // The table's first rows stay in the app's place for its table until that table mounts,
    // a task later (`ui::app`): a reader who scrolled to them before the app ran sees no gap.
    if let (Ok(Some(rows)), Ok(Some(place))) = (
        boot.query_selector(".table-section"),
        document.query_selector(".table-placeholder"),
    ) {
        let _ = place.append_child(&rows);
    }
    boot.remove();
    if let Some(control) = focused.and_then(|testid| live_control(&document, &testid)) {
        let _ = control.focus();
    }
}

/// The app's control with this `data-testid`, for one the first screen named. Our test ids are
/// lower-case words and hyphens; anything else was not written by us and finds nothing.
fn live_control(document: &web_sys::Document, testid: &str) -> Option<web_sys::HtmlElement> {
    if testid.is_empty() || !testid.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return None;
    }
    document
        .query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Carries out the click a reader gave one of the first screen's buttons before the app had
/// taken over: scripts/first-view.js keeps the last one's live counterpart (a `data-testid`) in
/// the root's `data-static-pending`. Clicks that control once, focused where the reader's focus
/// was lost with the first screen (a dialog returns the focus to it), without scrolling.
pub fn replay_static_action() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let Some(testid) = root.get_attribute("data-static-pending") else {
        return;
    };
    let _ = root.remove_attribute("data-static-pending");
    let Some(control) = live_control(&document, &testid) else {
        return;
    };
    let focus_lost = document
        .active_element()
        .is_none_or(|el| document.body().is_some_and(|body| el == *body.as_ref()));
    if focus_lost {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = control.focus_with_options(&options);
    }
    control.click();
}
