//! A panic must never leave a blank page: the hook logs it (console_error_panic_hook) and
//! reveals the static `#panic-panel` in index.html, written with plain DOM calls because the
//! reactive system may be what failed.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(panel) = document.get_element_by_id("panic-panel") else {
        return;
    };
    if let Some(detail) = document.get_element_by_id("panic-detail") {
        detail.set_text_content(Some(message));
    }
    if let Ok(panel) = panel.dyn_into::<web_sys::HtmlElement>() {
        panel.set_hidden(false);
    }
}
