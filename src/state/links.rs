//! The URLs a reader copies: a link to the view, the embed's own URL, and the resize script
//! beside the page. Each records the covered years ([`ViewState::pinned`]), so a view shared
//! today does not change when a year is added.

use super::{serialize, ViewState};

/// `page` with exactly `state` as its query: the page's own address for the state it shows.
pub fn view_link(page: &str, state: &ViewState) -> String {
    with_query(page, &serialize(state))
}

/// `page` (an absolute URL without query) with the pinned state of `state` as its query.
pub fn share_link(page: &str, state: &ViewState) -> String {
    with_query(page, &serialize(&state.pinned()))
}

/// The URL an embed's `<iframe>` loads: the pinned state in embed mode.
pub fn embed_link(page: &str, state: &ViewState) -> String {
    let mut embedded = state.pinned();
    embedded.embed = true;
    with_query(page, &serialize(&embedded))
}

/// The full explorer for the view an embed shows (embed options dropped), for its "Explore the
/// data" and "Methodology" links. `page` may be a path: the link opens beside the embed.
pub fn explore_link(page: &str, state: &ViewState) -> String {
    let mut full = state.clone();
    full.embed = false;
    full.controls = false;
    view_link(page, &full)
}

/// `embed.js` in the same directory as `page`.
pub fn script_beside(page: &str) -> String {
    beside(page, "embed.js")
}

/// The preview image in the same directory as `page`.
pub fn image_beside(page: &str) -> String {
    beside(page, "og-image.png")
}

fn beside(page: &str, file: &str) -> String {
    let path_start = page.find("://").map_or(0, |i| i + 3);
    match page[path_start..].rfind('/') {
        Some(i) => format!("{}{file}", &page[..=path_start + i]),
        None => format!("{page}/{file}"),
    }
}

fn with_query(page: &str, query: &str) -> String {
    if query.is_empty() {
        page.to_string()
    } else {
        format!("{page}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Year;
    use crate::state::View;

    const PAGE: &str = "https://news.example/graphics/heists/index.html";

    #[test]
    fn a_shared_default_view_names_every_covered_year() {
        let link = share_link(PAGE, &ViewState::default());
        let years: Vec<&str> = Year::ALL.iter().map(|y| y.slug()).collect();
        assert_eq!(link, format!("{PAGE}?year={}", years.join(",")));
    }

    #[test]
    fn an_embed_link_keeps_the_view_and_adds_embed_mode() {
        let mut state = ViewState {
            view: View::Cumulative,
            ..ViewState::default()
        };
        state.filters.years = [Year::latest()].into_iter().collect();
        let link = embed_link(PAGE, &state);
        let parsed = crate::state::parse(link.split_once('?').unwrap().1).state;
        assert!(parsed.embed);
        assert_eq!(parsed.view, View::Cumulative);
        assert_eq!(parsed.filters.years, state.filters.years);
        assert!(!share_link(PAGE, &state).contains("embed"));
    }

    #[test]
    fn the_explore_link_leaves_embed_mode() {
        let state = crate::state::parse("view=share&embed=1&controls=1").state;
        assert_eq!(explore_link("/e/", &state), "/e/?view=share");
        assert_eq!(explore_link("/e/", &ViewState::default()), "/e/");
    }

    #[test]
    fn the_script_sits_beside_the_page() {
        assert_eq!(
            script_beside(PAGE),
            "https://news.example/graphics/heists/embed.js"
        );
        assert_eq!(script_beside("https://x.org/"), "https://x.org/embed.js");
        assert_eq!(script_beside("https://x.org"), "https://x.org/embed.js");
        assert_eq!(
            image_beside(PAGE),
            "https://news.example/graphics/heists/og-image.png"
        );
    }
}
