//! The embed code generator: the `<iframe>` snippet for the current view, the optional resize
//! script, a copy button and a live preview. A native `<dialog>`: Escape closes it and focus
//! returns to the button that opened it.

use super::app::{use_explorer, use_figure};
use super::modal::Modal;
use crate::embed::snippet;
use crate::state;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Absolute URL of this page (without query) and of the embed script beside it.
pub fn page_base() -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return (String::new(), String::new());
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    (format!("{origin}{path}"), format!("{origin}{dir}embed.js"))
}

#[component]
pub fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let figure = use_figure();
    let with_script = RwSignal::new(true);
    let copied = RwSignal::new(String::new());
    let embed_url = Memo::new(move |_| {
        let mut s = explorer.state.get().pinned();
        s.embed = true;
        let (page, _) = page_base();
        format!("{page}?{}", state::serialize(&s))
    });
    let code = Memo::new(move |_| {
        let (_, script) = page_base();
        let title = format!("{} — Crypto Heist Explorer", figure.title.get());
        snippet(
            &embed_url.get(),
            &title,
            with_script.get().then_some(script.as_str()),
        )
    });
    let copy = move |_| {
        let text = code.get_untracked();
        spawn_local(async move {
            let ok = super::share_menu::copy_to_clipboard(text).await;
            copied.set(
                if ok {
                    "Code copied"
                } else {
                    "Copying is blocked: select the code and copy it"
                }
                .into(),
            );
        });
    };
    view! {
        <Modal open=open title_id="embed-title" title="Embed this chart" class="embed-dialog" testid="embed-dialog">
            <p>"Paste this code into your article. The chart keeps the filters you chose, fits any width from 280 px, and links back to the full explorer."</p>
            <label class="option">
                <input type="checkbox" prop:checked=with_script on:change=move |_| with_script.update(|v| *v = !*v)/>
                <span>"Include the auto-height script (optional; without it the frame keeps a fixed height)"</span>
            </label>
            <textarea readonly rows="5" data-testid="embed-code" prop:value=move || code.get()></textarea>
            <div class="dialog-actions">
                <button type="button" data-testid="embed-copy" on:click=copy>"Copy code"</button>
                <span role="status">{move || copied.get()}</span>
            </div>
            <Show when=move || open.get()>
                <h3>"Preview"</h3>
                <iframe
                    class="embed-preview"
                    data-testid="embed-preview"
                    src=move || embed_url.get()
                    title="Preview of the embedded chart"
                ></iframe>
            </Show>
        </Modal>
    }
}
