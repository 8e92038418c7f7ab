//! The page's masthead: name, methodology button, theme switch, headline and standfirst.

use super::page_parts::{MethodologyButton, ThemeToggle};
use crate::data::{years_phrase, Year};
use leptos::prelude::*;

/// "in 2023 and 2024", "from 2023 to 2025": the covered years for the headline.
fn covered_years_in_words() -> String {
    let phrase = years_phrase(Year::ALL);
    if Year::ALL.len() > 2 {
        format!("from {phrase}")
    } else {
        format!("in {phrase}")
    }
}

#[component]
pub fn Masthead(methodology_open: RwSignal<bool>) -> impl IntoView {
    view! {
        <header class="masthead">
            <div class="masthead-bar">
                <p class="kicker">"Crypto Heist Explorer"</p>
                <div class="masthead-actions">
                    <MethodologyButton open=methodology_open testid="open-methodology"/>
                    <ThemeToggle/>
                </div>
            </div>
            <h1>{format!("Crypto theft {}: North Korea vs everyone else", covered_years_in_words())}</h1>
            <p class="dek">
                "Every hack and theft of $1M or more we could source, with who is blamed and how sure the record is. Filter, compare and share any view."
            </p>
        </header>
    }
}
