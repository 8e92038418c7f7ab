//! The embed code generator: the `<iframe>` snippet for the current view, the optional resize
//! script, a copy button and a live preview. A native `<dialog>`: Escape closes it and focus
//! returns to the button that opened it.

use super::browser::{copy_to_clipboard, page_url};
use super::context::{use_explorer, use_figure};
use super::modal::Modal;
use crate::embed::snippet;
use crate::state::links::{embed_link, script_beside};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let figure = use_figure();
    let with_script = RwSignal::new(true);
    let copied = RwSignal::new(String::new());
    let embed_url = Memo::new(move |_| explorer.state.with(|s| embed_link(&page_url(), s)));
    let code = Memo::new(move |_| {
        let script = script_beside(&page_url());
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
            let ok = copy_to_clipboard(text).await;
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
