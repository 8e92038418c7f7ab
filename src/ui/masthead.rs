//! The page's masthead: name, methodology button, theme switch, headline and standfirst.

use super::page_parts::{MethodologyButton, ThemeToggle};
use crate::page_copy::{masthead_title, DEK, KICKER};
use leptos::prelude::*;

/// "in 2023 and 2024", "from 2023 to 2025": the covered years for the headline.
#[component]
pub fn Masthead(methodology_open: RwSignal<bool>) -> impl IntoView {
    view! {
        <header class="masthead">
            <div class="masthead-bar">
                <p class="kicker">{KICKER}</p>
                <div class="masthead-actions">
                    <MethodologyButton open=methodology_open testid="open-methodology"/>
                    <ThemeToggle/>
                </div>
            </div>
            <h1>{masthead_title()}</h1>
            <p class="dek">{DEK}</p>
        </header>
    }
}
