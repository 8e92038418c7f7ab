//! An incident's sources as the table shows them: each publisher linking to its document, with
//! the kind of source and, on hover, which facts it states.
//!
//! Built as one HTML string rather than as components: a page of fifty rows holds a few hundred
//! of these links, and the browser parses them from one string far faster than the app can
//! create them node by node through wasm-bindgen, which is most of what a filter change costs
//! the table. Every text and URL is escaped here.

use crate::data::{source_names, Incident, Source, SourceKind};
use crate::format::escape_html;
use crate::incident_detail::{kind_label, supports_phrase};

/// What the link's tooltip says: "FBI (Government); states: date, amount, attribution".
fn source_title(source: &Source) -> String {
    format!(
        "{} ({}); states: {}",
        source.publisher,
        source.kind.label(),
        supports_phrase(source),
    )
}

/// Only web addresses become links; anything else stays a name without one.
pub fn linkable(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// The links of the sources a table row lists ([`table_sources`]), in their order (best first).
pub fn source_links_html(sources: &[Source]) -> String {
    let mut html = String::new();
    for source in &sources[..table_sources(sources.len())] {
        let href = linkable(&source.url).then_some(source.url.as_ref());
        push_source(
            &mut html,
            href,
            Some(&source_title(source)),
            &source.publisher,
            source.kind,
        );
    }
    html
}

/// How many of an incident's `total` sources its table row lists, best first: all of up to
/// four, else three, enough to say who stands behind the row; the rest are on the incident's
/// page, which the row's "N more sources" link opens. A row with fifteen sources was taller
/// than a phone's screen.
pub fn table_sources(total: usize) -> usize {
    const LISTED: usize = 3;
    if total <= LISTED + 1 {
        total
    } else {
        LISTED
    }
}

/// The table row's link to the sources it leaves to the incident's page: "11 more sources",
/// or `None` when the row lists them all.
pub fn more_sources_label(total: usize) -> Option<String> {
    let more = total - table_sources(total);
    (more > 0).then(|| format!("{more} more sources"))
}

/// What the table shows before the sources have loaded: the publishers and kinds of the
/// sources the row lists ([`table_sources`]), best first, in the same markup without addresses,
/// so that the links take their place without moving a row. Empty for a row that carries no
/// names (synthetic rows).
pub fn source_names_html(row: &Incident) -> String {
    let mut html = String::new();
    for (publisher, kind) in source_names(row).take(table_sources(row.source_names.len())) {
        push_source(&mut html, None, None, publisher, kind);
    }
    html
}

fn push_source(
    html: &mut String,
    href: Option<&str>,
    title: Option<&str>,
    publisher: &str,
    kind: SourceKind,
) {
    html.push_str("<a");
    if let Some(href) = href {
        html.push_str(" href=\"");
        html.push_str(&escape_html(href));
        html.push('"');
    }
    if let Some(title) = title {
        html.push_str(" target=\"_blank\" rel=\"noopener noreferrer\" title=\"");
        html.push_str(&escape_html(title));
        html.push('"');
    }
    html.push('>');
    html.push_str(&escape_html(publisher));
    html.push_str("<span class=\"source-kind\">");
    html.push_str(kind_label(kind));
    html.push_str("</span></a>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{SlugSet, SourceKind, Support};
    use std::borrow::Cow;

    fn source(url: &'static str, publisher: &'static str, supports: SlugSet<Support>) -> Source {
        Source {
            url: Cow::Borrowed(url),
            publisher: Cow::Borrowed(publisher),
            kind: SourceKind::Official,
            supports,
            published: None,
        }
    }

    #[test]
    fn each_source_is_a_link_with_its_kind_and_what_it_states() {
        let supports: SlugSet<Support> =
            [Support::Date, Support::Attribution].into_iter().collect();
        let html = source_links_html(&[
            source("https://www.fbi.gov/news/press-releases/x", "FBI", supports),
            source("https://example.org/", "Example", SlugSet::EMPTY),
        ]);
        assert_eq!(
            html,
            "<a href=\"https://www.fbi.gov/news/press-releases/x\" target=\"_blank\" \
             rel=\"noopener noreferrer\" title=\"FBI (Government, court or sanctions body); states: date, attribution\">\
             FBI<span class=\"source-kind\">official</span></a>\
             <a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener noreferrer\" \
             title=\"Example (Government, court or sanctions body); states: context\">Example<span class=\"source-kind\">official</span></a>"
        );
    }

    /// A page's text without its tags (the tests' markup has no `>` inside attributes).
    fn text_of(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text
    }

    #[test]
    fn every_row_names_before_loading_the_sources_its_links_show_after() {
        let rows = crate::data::INCIDENTS;
        let details = crate::data::host_details();
        assert_eq!(rows.len(), details.len());
        for (row, detail) in rows.iter().zip(details) {
            let names: Vec<(&str, SourceKind)> = source_names(row).collect();
            let loaded: Vec<(&str, SourceKind)> = detail
                .sources
                .iter()
                .map(|s| (s.publisher.as_ref(), s.kind))
                .collect();
            assert_eq!(names, loaded, "{}", row.id);
            let before = source_names_html(row);
            assert_eq!(
                text_of(&before),
                text_of(&source_links_html(&detail.sources)),
                "{}",
                row.id
            );
            assert_eq!(
                before.matches("<a").count(),
                names.len().min(if names.len() == 4 { 4 } else { 3 }),
                "{}",
                row.id
            );
            assert!(!before.contains("href"), "{}: {before}", row.id);
        }
    }

    #[test]
    fn a_row_without_names_shows_none_before_loading() {
        let rows = crate::data::synthetic::generate(3, 7);
        assert!(rows.iter().all(|row| source_names_html(row).is_empty()));
    }

    #[test]
    fn a_row_lists_up_to_four_sources_and_links_the_rest() {
        let listed: Vec<(usize, Option<String>)> = (0..=6)
            .map(|total| (table_sources(total), more_sources_label(total)))
            .collect();
        assert_eq!(
            listed,
            [
                (0, None),
                (1, None),
                (2, None),
                (3, None),
                (4, None),
                (3, Some("2 more sources".into())),
                (3, Some("3 more sources".into())),
            ]
        );
    }

    #[test]
    fn markup_in_a_name_or_an_address_stays_text() {
        let html = source_links_html(&[source(
            "https://example.org/?a=1&b=\"><script>",
            "<b>Ex & co</b>",
            SlugSet::EMPTY,
        )]);
        assert!(html.contains("href=\"https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;\""));
        assert!(html.contains(">&lt;b&gt;Ex &amp; co&lt;/b&gt;<span"));
        assert!(!html.contains("<script") && !html.contains("<b>"));
    }

    #[test]
    fn an_address_that_is_not_a_web_address_is_not_linked() {
        for url in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example/",
            "",
        ] {
            let html = source_links_html(&[source(url, "Somebody", SlugSet::EMPTY)]);
            assert!(html.starts_with("<a target="), "{url}: {html}");
            assert!(!html.contains("href"), "{url}: {html}");
        }
    }
}
