//! "Ignored: min=abc": what the link asked for that the page could not use. Dismissible.

use super::context::use_explorer;
use leptos::prelude::*;

#[component]
pub fn Notice() -> impl IntoView {
    let explorer = use_explorer();
    let dismissed = RwSignal::new(false);
    let ignored = Memo::new(move |_| explorer.parsed.with(|p| p.ignored.clone()));
    view! {
        <Show when=move || !dismissed.get() && !ignored.with(Vec::is_empty)>
            <div class="notice" role="status" data-testid="notice">
                <p>
                    <strong>"Ignored: "</strong>
                    {move || {
                        ignored
                            .get()
                            .into_iter()
                            .map(|i| {
                                let pair = if i.value.is_empty() {
                                    i.key.clone()
                                } else {
                                    format!("{}={}", i.key, i.value)
                                };
                                view! {
                                    <span class="ignored">
                                        <code><bdi>{pair}</bdi></code>
                                        " ("
                                        {i.reason}
                                        ") "
                                    </span>
                                }
                            })
                            .collect_view()
                    }}
                </p>
                <button
                    type="button"
                    class="notice-close"
                    aria-label="Dismiss notice"
                    data-testid="notice-dismiss"
                    on:click=move |_| dismissed.set(true)
                >
                    "×"
                </button>
            </div>
        </Show>
    }
}
