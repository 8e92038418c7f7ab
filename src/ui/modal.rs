//! Native `<dialog>` modals driven by a signal: `showModal()` traps focus, Escape closes, and
//! focus returns to the opener; closing by any route writes back to the signal. A dialog's body
//! is built when it first opens and then kept: the page starts without the work of dialogs
//! most readers never open.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

/// A modal with a title bar and a close button; `children` is its body.
#[component]
pub fn Modal(
    /// Whether the dialog is open; set to false when the reader closes it.
    open: RwSignal<bool>,
    /// Id of the title, for `aria-labelledby`.
    title_id: &'static str,
    #[prop(into)] title: TextProp,
    class: &'static str,
    testid: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opened = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || open.get());
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() {
            if !el.open() {
                let _ = el.show_modal();
            }
        } else if el.open() {
            el.close();
        }
    });
    view! {
        <dialog
            class=class
            node_ref=dialog
            aria-labelledby=title_id
            data-testid=testid
            on:close=move |_| open.set(false)
        >
            <div class="dialog-head">
                <h2 id=title_id>{move || title.get()}</h2>
                <button type="button" class="dialog-close" aria-label="Close" on:click=move |_| open.set(false)>
                    "×"
                </button>
            </div>
            <Show when=move || opened.get()>{children()}</Show>
        </dialog>
    }
}
