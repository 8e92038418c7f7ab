//! Leptos components (wasm only). Thin: they read memos of pure-layer results (every number
//! and sentence comes from the layers above) and turn user actions into new `ViewState`s.
//! `context` holds what components share; `browser` the browser facilities they use.

mod after_paint;
mod app;
mod browser;
mod chart_export;
mod chart_host;
mod claims_notes;
mod context;
mod details;
mod document;
mod echarts;
mod embed_dialog;
mod embed_resize;
mod event_key;
mod figure;
mod filter_panel;
mod formatters;
mod headline;
mod incident_panel;
mod incident_table;
mod masthead;
mod methodology;
mod modal;
mod notice;
mod page_parts;
mod panic_panel;
mod rows;
mod rows_in_dom;
mod share_menu;
mod story;
mod timing;
mod view_tabs;

pub use app::App;
pub use chart_host::{ChartHost, SharedChart};
pub use context::{provide_explorer, use_explorer, Explorer};
pub use filter_panel::FilterPanel;

/// Entry point from `main`: panics show a readable panel, then the app mounts. A link with a
/// search (`q=`) loads the notes first, so its first numbers already count them; if they cannot
/// be loaded the app starts anyway and says so.
pub fn start() {
    panic_panel::install();
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if crate::state::query_string::asks_for_search(&search) {
        // Leptos' executor starts with the app, so this runs on the browser's own.
        wasm_bindgen_futures::spawn_local(async {
            // Kept by `details` for the app, or the failure it shows.
            let _ = details::load().await;
            mount();
        });
    } else {
        mount();
    }
}

fn mount() {
    // The app mounts after index.html's pre-rendered first screen (#boot), hidden until its
    // chart is drawn; `browser::end_boot` then removes #boot.
    leptos::mount::mount_to_body(App);
}
