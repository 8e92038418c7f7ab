//! The list of views; the active one is marked with `aria-current`.

use super::context::use_explorer;
use crate::state::View;
use leptos::prelude::*;

#[component]
pub fn ViewTabs() -> impl IntoView {
    let explorer = use_explorer();
    let current = Memo::new(move |_| explorer.state.with(|s| s.view));
    view! {
        <nav class="view-tabs" aria-label="Views">
            {View::ALL
                .iter()
                .copied()
                .map(|view| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("view-{}", view.slug())
                            aria-current=move || (current.get() == view).then_some("page")
                            on:click=move |_| explorer.update(false, |s| s.view = view)
                        >
                            {view.label()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
