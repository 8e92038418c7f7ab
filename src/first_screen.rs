//! The first screen as HTML, written into index.html at build time (scripts/prerender.mjs) so a
//! reader sees the story, the headline numbers and the chart before the wasm has run: the same
//! page structure and classes as the live components, every number and sentence from the same
//! pure functions they call (`story`, `kpis`, `summary`, `charts::source_line`, `page_copy`,
//! `table`), each canonical view's chart as the static SVG the build renders from the same
//! options, the filter panel (`static_filters`) and the incident table's first rows.
//!
//! Which parts show is decided before first paint by `scripts/first-view.js` (inline in
//! index.html, allowed by its hash): the view-dependent parts of a canonical view (`?view=…`,
//! optionally with `theme=`) and nothing numeric for any other link, whose numbers would be
//! wrong. The app replaces all of it when it mounts (`ui::start`). No `data-testid` hooks
//! here: tests outside this repo read those from the live app only.

use crate::canonical;
use crate::charts::source_line;
use crate::data::{DATA_VERSION, INCIDENTS, REPORTED_FIGURES};
use crate::format::escape_html as esc;
use crate::kpis::{kpis, Kpi};
use crate::page_copy::{masthead_title, DEK, KICKER, STORY_LINK};
use crate::query::filters::shown_years;
use crate::query::Filters;
use crate::state::{Theme, View, ViewState};
use crate::static_filters::filter_panel_html;
use crate::story::report_beside_rows;
use crate::summary::{chart_title, scope_text, summary_sentence};
use crate::table::first_rows_html;
use std::fmt::Write;

/// The share menu's buttons, each with the live control it stands for. A control the first
/// screen cannot answer names its live counterpart in `data-static-action` (a `data-testid`):
/// scripts/first-view.js keeps the last one clicked before the app, and the app clicks that
/// control once it has taken over (`ui::browser::replay_static_action`), so no click is lost.
const SHARE_ACTIONS: [(&str, &str); 6] = [
    ("Copy link", "share-copy-link"),
    ("PNG", "share-png"),
    ("SVG", "share-svg"),
    ("CSV", "download-csv"),
    ("JSON", "download-json"),
    ("Embed", "share-embed"),
];

/// The first screen of every canonical view, as one fragment of HTML.
pub fn first_screen_html() -> String {
    let filters = Filters::default();
    let b = canonical::breakdown();
    let mut html = String::new();
    html.push_str("<div class=\"page static-first\" data-static-first>\n");
    let _ = writeln!(
        html,
        "<header class=\"masthead\"><div class=\"masthead-bar\"><p class=\"kicker\">{}</p>\
         <div class=\"masthead-actions\"><button type=\"button\" data-static-action=\"open-methodology\">Methodology</button>\
         <button type=\"button\" class=\"theme-toggle\" data-static-focus=\"theme-toggle\"><span class=\"when-light\">Dark theme</span>\
         <span class=\"when-dark\">Light theme</span></button></div></div>\
         <h1>{}</h1><p class=\"dek\">{}</p></header>",
        esc(KICKER),
        esc(&masthead_title()),
        esc(DEK)
    );
    html.push_str("<div class=\"layout with-panel\">");
    html.push_str(&filter_panel_html(&filters, &b));
    html.push_str("\n<main class=\"main\">\n");
    // Numbers that hold for every canonical view (same selection); hidden for other links.
    if let Some(story) = report_beside_rows(&filters, &b, REPORTED_FIGURES) {
        let _ = writeln!(
            html,
            "<section class=\"story static-default\" aria-label=\"What the reports said and what our list adds up to\">\
             <p class=\"story-reported\">{}</p><p class=\"story-ours\">{}</p>\
             <p class=\"story-gap\">{} <button type=\"button\" class=\"link-button\" data-static-action=\"story-methodology\">{}</button></p></section>",
            esc(&story.reported),
            esc(&story.ours),
            esc(story.gap),
            esc(STORY_LINK)
        );
    }
    let k = kpis(&filters, &b, &b, REPORTED_FIGURES);
    html.push_str("<section class=\"kpis static-default\" aria-label=\"Headline numbers\">");
    for kpi in [&k.stolen, &k.incidents, &k.dprk_share, &k.change] {
        kpi_card(&mut html, kpi);
    }
    html.push_str("</section>\n");
    html.push_str(
        "<button type=\"button\" class=\"filters-button static-filters-button\" data-static-action=\"open-filters\">Filters</button>\n",
    );
    html.push_str("<nav class=\"view-tabs\" aria-label=\"Views\">");
    for view in View::ALL {
        let _ = write!(
            html,
            "<button type=\"button\" data-static-tab=\"{}\">{}</button>",
            view.slug(),
            esc(view.label())
        );
    }
    html.push_str("</nav>\n<div class=\"share\">");
    for (label, action) in SHARE_ACTIONS {
        let _ = write!(
            html,
            "<button type=\"button\" data-static-action=\"{action}\">{label}</button>"
        );
    }
    html.push_str("<p class=\"share-status\"></p></div>\n");
    let _ = writeln!(
        html,
        "<p class=\"visually-hidden\" role=\"status\" data-static-announce data-say=\"{}\"></p>",
        esc(crate::page_copy::PENDING_ACTION)
    );
    let summary = summary_sentence(&filters, &b, &b);
    let scope = scope_text(&filters);
    let years = shown_years(filters.years);
    // Every canonical view (the table view has words and no chart; the table's first rows
    // follow below every view).
    for view in View::ALL.iter().copied() {
        let source = source_line(
            view,
            INCIDENTS,
            &b.rows,
            REPORTED_FIGURES,
            &years,
            DATA_VERSION,
        );
        let chart = if view == View::Table {
            String::new()
        } else {
            static_chart_box(view, &b, &esc(&summary))
        };
        let _ = writeln!(
            html,
            "<figure class=\"figure static-view\" data-view=\"{view}\">\
             <h2 class=\"chart-title\">{title}</h2><p class=\"chart-subtitle\">{scope}</p>\
             {chart}<p class=\"summary\">{summary}</p>\
             <figcaption class=\"source-line\">{source} See the <button type=\"button\" class=\"link-button\" data-static-action=\"source-methodology\">Methodology</button></figcaption></figure>",
            view = view.slug(),
            title = esc(&chart_title(view, &filters, &b, &b)),
            scope = esc(&scope),
            summary = esc(&summary),
            source = esc(&source),
        );
    }
    // Any other link: the chart's frame, reserved, so nothing moves when the app's chart
    // arrives, and saying what it waits for (as the live chart's box does while ECharts loads).
    // Its title's and subtitle's lines are kept empty, out of the outline.
    let _ = writeln!(
        html,
        "<figure class=\"figure static-view static-empty\" data-view=\"none\">\
         <p class=\"chart-title\" aria-hidden=\"true\">&nbsp;</p><p class=\"chart-subtitle\" aria-hidden=\"true\">&nbsp;</p>\
         <div class=\"chart-box\"><div class=\"chart\"></div>\
         <p class=\"chart-status\" role=\"status\">{}</p></div></figure>",
        esc(crate::page_copy::LOADING_CHART)
    );
    html.push_str("</main>\n");
    // The table's first rows, below the chart: what a reader who scrolls before the app has
    // run, or has no script, finds there (their sources named; the links come with the app).
    html.push_str(&first_rows_html(INCIDENTS, &b, &ViewState::default()));
    html.push_str("</div>\n</div>");
    html.push_str(&early_chart_data(&b));
    html
}

/// A chart view's box on the first screen: its static drawings (light and dark, desktop and
/// phone), described by `alt` (the summary, escaped), and for the default view the place where
/// scripts/early-chart.js draws the live chart.
fn static_chart_box(view: View, b: &crate::query::Breakdown, alt: &str) -> String {
    // A chart of labelled rows' own height, as its static SVG has.
    let rows_height =
        canonical::chart(view, crate::charts::palette::LIGHT, b).and_then(|c| c.min_height_px());
    format!(
        "<div class=\"chart-box\"><div class=\"chart static-chart-frame{rows}\">\
         <picture class=\"when-light\"><source media=\"(max-width: 699px)\" srcset=\"{light_narrow}\">\
         <img class=\"static-chart\" src=\"{light}\" alt=\"{alt}\" {loading} elementtiming=\"static-chart\"{size}></picture>\
         <picture class=\"when-dark\"><source media=\"(max-width: 699px)\" srcset=\"{dark_narrow}\">\
         <img class=\"static-chart\" src=\"{dark}\" alt=\"{alt}\" {loading} elementtiming=\"static-chart\"{size}></picture>\
         {early}</div></div>",
        light = canonical::static_chart_path(view, Theme::Light),
        dark = canonical::static_chart_path(view, Theme::Dark),
        light_narrow = canonical::narrow_chart_path(view, Theme::Light),
        dark_narrow = canonical::narrow_chart_path(view, Theme::Dark),
        // The default view's chart is wanted at once, painted with the text around it
        // (scripts/prerender.mjs puts its drawing in the page as a data: URL); the others
        // only if their link is opened (a hidden lazy image is never fetched).
        loading = if view == View::default() {
            "loading=\"eager\" decoding=\"sync\""
        } else {
            "loading=\"lazy\" decoding=\"async\""
        },
        // Where scripts/early-chart.js draws the live chart before the wasm has run.
        early = if view == View::default() {
            "<div class=\"early-chart\"></div>"
        } else {
            ""
        },
        rows = if rows_height.is_some() { " rows" } else { "" },
        // The rows chart's image has its own height; its size reserves the space.
        size = rows_height
            .map(|h| format!(" width=\"{STATIC_WIDTH}\" height=\"{h}\""))
            .unwrap_or_default(),
    )
}

/// What scripts/early-chart.js needs to draw the default view's live chart before the wasm has
/// run: the options the app's own chart builder writes (both themes, each as a string of JSON),
/// the unit of each series and the tooltip swatch of each colour, for its formatters. A data
/// block (`type` JSON): the browser never runs it, so the CSP has nothing to allow.
fn early_chart_data(b: &crate::query::Breakdown) -> String {
    use crate::charts::palette::{swatch_class, DARK, LIGHT};
    let view = View::default();
    let (Some(light), Some(dark)) = (
        canonical::chart(view, LIGHT, b),
        canonical::chart(view, DARK, b),
    ) else {
        return String::new();
    };
    let swatches: serde_json::Map<String, serde_json::Value> = [LIGHT, DARK]
        .iter()
        .flat_map(|p| [p.dprk, p.dprk_soft, p.others, p.others_soft])
        .map(|color| (color.to_string(), swatch_class(color).into()))
        .collect();
    let data = serde_json::json!({
        "view": view.slug(),
        "units": light.units.iter().map(|u| u.name()).collect::<Vec<_>>(),
        "swatches": swatches,
        "placeholders": crate::static_charts::Placeholders::ALL,
        // As the exact text the app's chart host parses for its first draw, so that on
        // adopting this chart it can tell, by comparing strings, that it would draw the same.
        "light": light.option_json().to_string(),
        "dark": dark.option_json().to_string(),
    });
    // `<\/` keeps any "</script" in a string from ending the block; JSON reads it as `</`.
    format!(
        "<script type=\"application/json\" id=\"early-chart\">{}</script>\n",
        data.to_string().replace("</", "<\\/")
    )
}

/// The width the build draws static charts at (scripts/prerender.mjs `CHART_BOX`).
const STATIC_WIDTH: u32 = 892;

fn kpi_card(html: &mut String, kpi: &Kpi) {
    let _ = write!(
        html,
        "<div class=\"kpi\"><p class=\"kpi-label\">{}</p><p class=\"kpi-value\">{}</p><p class=\"kpi-reported\">{}</p></div>",
        esc(&kpi.label),
        esc(&kpi.value),
        esc(kpi.reported.as_deref().unwrap_or_default())
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_says_what_the_live_components_say() {
        let html = first_screen_html();
        let filters = Filters::default();
        let b = canonical::breakdown();
        assert!(html.contains(&esc(&masthead_title())));
        let story = report_beside_rows(&filters, &b, REPORTED_FIGURES).expect("a story");
        assert!(html.contains(&esc(&story.reported)));
        assert!(html.contains(&esc(&story.ours)));
        let k = kpis(&filters, &b, &b, REPORTED_FIGURES);
        for kpi in [&k.stolen, &k.incidents, &k.dprk_share, &k.change] {
            assert!(html.contains(&format!("<p class=\"kpi-value\">{}</p>", esc(&kpi.value))));
        }
        for view in canonical::views() {
            assert!(html.contains(&format!("data-view=\"{}\"", view.slug())));
            assert!(html.contains(&esc(&chart_title(view, &filters, &b, &b))));
            assert!(html.contains(&canonical::static_chart_path(view, Theme::Dark)));
        }
        assert!(html.contains("data-view=\"none\""));
        // No hooks that outside tests read from the live app.
        assert!(!html.contains("data-testid"));
        // Only the default view's images load at once.
        assert_eq!(html.matches("loading=\"eager\"").count(), 2);
        // Its live chart's options, for scripts/early-chart.js: the app's own, both themes.
        let open = "id=\"early-chart\">";
        let start = html.find(open).expect("the early chart's data") + open.len();
        let end = start
            + html[start..]
                .find("</script>")
                .expect("the data block ends");
        let data: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON");
        let app = canonical::chart(View::default(), crate::charts::palette::LIGHT, &b)
            .expect("the default view has a chart");
        assert_eq!(data["light"], app.option_json().to_string());
        assert_eq!(data["view"], View::default().slug());
        assert_eq!(data["swatches"]["#c2410c"], "sw sw-dprk");
        assert_eq!(html.matches("class=\"early-chart\"").count(), 1);
    }

    #[test]
    fn no_button_on_the_first_screen_is_dead_before_the_app() {
        // Each is answered by scripts/first-view.js (a view tab, the theme) or names the live
        // control the app clicks for it; the filter column is inert, and its buttons are
        // counted apart.
        let html = first_screen_html();
        let inert = {
            let start = html
                .find("<aside class=\"filters")
                .expect("the filter column");
            let end = start + html[start..].find("</aside>").expect("it closes");
            html[start..end].matches("<button").count()
        };
        let buttons = html.matches("<button").count() - inert;
        let answered = html
            .matches("<button type=\"button\" data-static-tab=")
            .count()
            + html.matches("data-static-focus=\"theme-toggle\"").count()
            + html.matches(" data-static-action=\"").count();
        assert!(buttons > 20, "{buttons} buttons");
        assert_eq!(buttons, answered);
        for action in html.split(" data-static-action=\"").skip(1) {
            let testid = &action[..action.find('"').expect("quoted")];
            assert!(
                !testid.is_empty() && testid.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{testid}: the app clicks only test ids of lower-case words and hyphens"
            );
        }
    }
}
