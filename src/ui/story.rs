//! The lead: what the newest report said for the latest year shown, beside what our sourced
//! rows add up to (`crate::story`), with a way into the reconciliation.

use super::context::use_explorer;
use super::page_parts::MethodologyButton;
use crate::data::REPORTED_FIGURES;
use crate::story::report_beside_rows;
use leptos::prelude::*;

#[component]
pub fn Story(methodology_open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let story = Memo::new(move |_| {
        explorer.state.with(|s| {
            explorer
                .breakdown
                .with(|b| report_beside_rows(&s.filters, b, REPORTED_FIGURES))
        })
    });
    move || {
        story.get().map(|s| {
            view! {
                <section class="story" data-testid="story" aria-label="What the reports said and what our list adds up to">
                    <p class="story-reported" data-testid="story-reported">{s.reported}</p>
                    <p class="story-ours" data-testid="story-ours">{s.ours}</p>
                    <p class="story-gap">
                        {s.gap} " "
                        <MethodologyButton open=methodology_open testid="story-methodology" class="link-button" label=crate::page_copy::STORY_LINK/>
                    </p>
                </section>
            }
        })
    }
}
