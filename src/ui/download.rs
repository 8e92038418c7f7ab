//! Saving generated files (CSV, JSON, chart images) without a server.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file download. Returns false where downloads are blocked (some
/// sandboxed frames), so the caller can say so.
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
    let ok = click_link(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    ok
}

/// Downloads a `data:` URL (chart images).
pub fn click_link(filename: &str, href: &str) -> bool {
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
