//! Keeps the document in step with the state: the root's theme and embed attributes (the
//! stylesheet keys on them), and the title and description a tab, bookmark or link preview
//! shows.

use super::context::{Explorer, Figure};
use crate::data::{years_phrase, Year};
use crate::state::View;
use leptos::prelude::*;

pub fn sync_document(explorer: Explorer, figure: Figure) {
    let state = explorer.state;
    Effect::new(move |_| {
        let theme = explorer.theme.get();
        let embed = state.with(|s| s.embed);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.slug());
            let _ = root.set_attribute("data-embed", if embed { "1" } else { "0" });
            // Which data the page shows, for tools that render it (scripts/og-image.mjs).
            let _ = root.set_attribute("data-version", crate::data::DATA_VERSION);
        }
    });
    Effect::new(move |_| {
        let default_view = state.with(|s| s.view == View::Overview && s.filters.is_empty());
        if let Some(d) = figure.incident.get() {
            document().set_title(&format!("{} · Crypto Heist Explorer", d.headline));
            if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
                let description = d.standing.unwrap_or_else(|| d.headline.clone());
                let _ = meta.set_attribute("content", &format!("{}. {description}", d.headline));
            }
            return;
        }
        let page_title = if default_view {
            format!(
                "Crypto Heist Explorer: crypto theft {}, North Korea vs everyone else",
                years_phrase(Year::ALL)
            )
        } else {
            format!(
                "{} — {} · Crypto Heist Explorer",
                figure.title.get(),
                figure.scope.get()
            )
        };
        document().set_title(&page_title);
        if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &figure.summary.get());
        }
    });
}
