//! Every canonical view's chart with the words the app shows beside it, for the build to draw
//! ahead of the wasm: `scripts/prerender.mjs` runs `crypto-heist-explorer static-charts` and
//! renders each option with ECharts' SVG renderer in Node (static SVGs, preview images, the
//! noscript fallback).
//!
//! ECharts formatters are Rust functions in the app (`ui::formatters`). Node cannot call them,
//! so the build carries a JavaScript port (`scripts/chart-format.mjs`); [`format_samples`] is
//! what the Rust functions write for values chosen to reach every branch and rounding edge, and
//! a Node test holds the port to every one.

use crate::canonical;
use crate::charts::{
    self, is_month_start, month_start_label, palette, Palette, Unit, FORMAT_MONTH_START,
    FORMAT_TOOLTIP, FORMAT_USD, TICK_MONTH_START,
};
use crate::data::{DATA_VERSION, INCIDENTS, REPORTED_FIGURES};
use crate::query::{filters::shown_years, Breakdown, Filters};
use crate::state::{Theme, View};
use crate::story::report_beside_rows;
use crate::summary::{chart_title, scope_text, summary_sentence};
use serde::Serialize;
use serde_json::Value;

/// What `static-charts` prints.
#[derive(Debug, Serialize)]
pub struct StaticCharts {
    /// The view a page without `view=` shows (the noscript fallback draws it).
    pub default_view: &'static str,
    pub data_version: &'static str,
    /// The preview images' size: `[width, height]`.
    pub image_size: (u32, u32),
    /// The phone chart box the narrow SVGs are drawn for, `[width, height]`.
    pub narrow_box: (u32, u32),
    pub charts: Vec<StaticChart>,
    /// The colours of the options, for what the build draws around a chart.
    pub palettes: Palettes,
    /// The formatter placeholders in the options, for the port to replace.
    pub placeholders: Placeholders,
    pub samples: FormatSamples,
    /// The first screen of every canonical view, for index.html (`first_screen`).
    pub first_screen: String,
}

#[derive(Debug, Serialize)]
pub struct Palettes {
    pub light: Palette,
    pub dark: Palette,
}

#[derive(Debug, Serialize)]
pub struct Placeholders {
    pub usd: &'static str,
    pub tooltip: &'static str,
    pub month_start: &'static str,
    pub tick_month_start: &'static str,
}

impl Placeholders {
    /// Every placeholder the chart builders write in place of a formatter.
    pub const ALL: Placeholders = Placeholders {
        usd: FORMAT_USD,
        tooltip: FORMAT_TOOLTIP,
        month_start: FORMAT_MONTH_START,
        tick_month_start: TICK_MONTH_START,
    };
}

/// One view's chart, as the app shows it at default filters.
#[derive(Debug, Serialize)]
pub struct StaticChart {
    /// `view=` value.
    pub view: &'static str,
    /// Where the build writes the light and dark SVG and the preview image, relative to
    /// index.html.
    pub svg: String,
    pub svg_dark: String,
    /// The same charts drawn for a phone's chart box (`narrow_box`).
    pub svg_narrow: String,
    pub svg_narrow_dark: String,
    pub image: String,
    pub title: String,
    pub scope: String,
    /// The chart's summary sentence, also its accessible description.
    pub summary: String,
    pub source: String,
    /// Unit of each series, by series index: `usd`, `count`, `percent` or `event`.
    pub units: Vec<&'static str>,
    /// For a chart of labelled rows: the height its rows need (the app's `--rows-height`),
    /// which the static SVG takes instead of the standard box's.
    pub min_height: Option<usize>,
    /// What the preview image says in place of a chart of labelled rows, whose rows a 1200×630
    /// card cannot hold legibly: the report's figure and what our rows add up to (`story`), as
    /// the first screen leads with them; else its summary. Empty for a chart the card draws.
    pub card_text: Vec<String>,
    /// `BuiltChart::option_json` with the light palette: formatter placeholders included.
    pub light: Value,
    pub dark: Value,
}

/// Sample inputs and what the Rust formatters write for them.
#[derive(Debug, Serialize)]
pub struct FormatSamples {
    pub values: Vec<ValueSample>,
    pub days: Vec<DaySample>,
}

#[derive(Debug, Serialize)]
pub struct ValueSample {
    pub unit: &'static str,
    pub value: f64,
    pub text: String,
}

/// A day-axis label, the text written under it and whether it gets a tick.
#[derive(Debug, Serialize)]
pub struct DaySample {
    pub label: &'static str,
    pub text: &'static str,
    pub tick: bool,
}

/// Every canonical view's chart, in `canonical::views()` order.
pub fn static_charts() -> StaticCharts {
    let filters = Filters::default();
    let breakdown = canonical::breakdown();
    let charts = canonical::views()
        .filter_map(|view| static_chart(view, &filters, &breakdown))
        .collect();
    StaticCharts {
        default_view: View::default().slug(),
        data_version: DATA_VERSION,
        image_size: canonical::PREVIEW_IMAGE_SIZE,
        narrow_box: canonical::NARROW_CHART_BOX,
        charts,
        palettes: Palettes {
            light: palette::LIGHT,
            dark: palette::DARK,
        },
        placeholders: Placeholders::ALL,
        samples: format_samples(),
        first_screen: crate::first_screen::first_screen_html(),
    }
}

fn static_chart(view: View, filters: &Filters, breakdown: &Breakdown) -> Option<StaticChart> {
    let build = |palette: Palette| canonical::chart(view, palette, breakdown);
    let light = build(palette::LIGHT)?;
    let dark = build(palette::DARK)?;
    let min_height = light.min_height_px();
    Some(StaticChart {
        view: view.slug(),
        svg: canonical::static_chart_path(view, Theme::Light),
        svg_dark: canonical::static_chart_path(view, Theme::Dark),
        svg_narrow: canonical::narrow_chart_path(view, Theme::Light),
        svg_narrow_dark: canonical::narrow_chart_path(view, Theme::Dark),
        image: canonical::preview_image_path(view),
        title: chart_title(view, filters, breakdown, breakdown),
        scope: scope_text(filters),
        summary: summary_sentence(filters, breakdown, breakdown),
        source: charts::source_line(
            view,
            INCIDENTS,
            &breakdown.rows,
            REPORTED_FIGURES,
            &shown_years(filters.years),
            DATA_VERSION,
        ),
        units: light.units.iter().map(|u| u.name()).collect(),
        min_height,
        card_text: if min_height.is_some() {
            match report_beside_rows(filters, breakdown, REPORTED_FIGURES) {
                Some(story) => vec![story.reported, story.ours],
                None => vec![summary_sentence(filters, breakdown, breakdown)],
            }
        } else {
            Vec::new()
        },
        light: light.option_json(),
        dark: dark.option_json(),
    })
}

/// Dollar amounts at each unit's edges: zero, under a thousand, the K/M/B switches, the
/// roundings that would print "1000K" or "1000M" (promoted instead), ties at the last decimal
/// (Rust rounds them to even, JavaScript's `toFixed` up), fractions (truncated) and negatives.
const USD_SAMPLES: &[f64] = &[
    0.0,
    -5.0,
    0.4,
    1.0,
    12.9,
    999.0,
    999.99,
    1_000.0,
    1_049.0,
    1_050.0,
    1_051.0,
    1_250.0,
    1_350.0,
    9_950.0,
    12_345.0,
    99_949.0,
    99_950.0,
    950_000.0,
    999_949.0,
    999_950.0,
    999_960.0,
    1_000_000.0,
    1_050_000.0,
    1_250_000.0,
    1_350_000.0,
    3_500_000.0,
    41_000_000.0,
    250_000_000.0,
    660_500_000.0,
    999_949_999.0,
    999_950_000.0,
    999_960_000.0,
    1_000_000_000.0,
    1_005_000_000.0,
    1_125_000_000.0,
    1_335_000_000.0,
    1_340_000_000.0,
    1_500_000_000.0,
    2_200_000_000.0,
    12_345_678_901.0,
    999_999_999_999.0,
    4_503_599_627_370_496.0,
];

const COUNT_SAMPLES: &[f64] = &[
    0.0,
    -3.0,
    1.0,
    1.9,
    2.0,
    47.0,
    999.0,
    1_000.0,
    1_203.0,
    1_234_567.0,
];

/// Whole and one-decimal percentages either side of 10, ties (0.25 → even, 12.5 and −12.5 →
/// away from zero), and near-whole values under 10 that read as whole.
const PERCENT_SAMPLES: &[f64] = &[
    0.0, -0.0, 0.04, 0.05, 0.25, 0.35, 1.0, 4.54, 4.55, 9.94, 9.95, 9.96, 10.0, 12.5, 33.333, 60.5,
    60.9, 61.0, 99.5, 100.0, -0.3, -2.5, -12.5, 150.25,
];

const DAY_SAMPLES: &[&str] = &[
    "1 Jan", "2 Jan", "10 Jan", "11 Feb", "21 Mar", "29 Feb", "1 Dec", "31 Dec", "", "1",
];

/// The Rust formatters' output for the sample inputs.
pub fn format_samples() -> FormatSamples {
    let units = [
        (Unit::Usd, USD_SAMPLES),
        (Unit::Count, COUNT_SAMPLES),
        (Unit::Percent, PERCENT_SAMPLES),
    ];
    FormatSamples {
        values: units
            .into_iter()
            .flat_map(|(unit, values)| {
                values.iter().map(move |&value| ValueSample {
                    unit: unit.name(),
                    value,
                    text: unit.format(value),
                })
            })
            .collect(),
        days: DAY_SAMPLES
            .iter()
            .map(|&label| DaySample {
                label,
                text: month_start_label(label),
                tick: is_month_start(label),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_support::built;

    #[test]
    fn every_view_with_a_chart_is_drawn_once_and_the_table_is_not() {
        let all = static_charts();
        let with_chart: Vec<&str> = View::ALL
            .iter()
            .filter(|v| built_light(**v).is_some())
            .map(|v| v.slug())
            .collect();
        let drawn: Vec<&str> = all.charts.iter().map(|c| c.view).collect();
        for chart in &all.charts {
            assert_eq!(chart.svg, format!("static/{}.svg", chart.view));
            assert_eq!(chart.svg_dark, format!("static/{}-dark.svg", chart.view));
            assert_eq!(chart.image, format!("og/{}.png", chart.view));
        }
        assert_eq!(drawn, with_chart);
        assert!(!drawn.contains(&"table"));
        assert_eq!(all.default_view, "overview");
        assert!(drawn.contains(&all.default_view));
    }

    fn built_light(view: View) -> Option<Value> {
        (view != View::Table).then(|| built(view, &Filters::default()).1)
    }

    #[test]
    fn each_option_is_the_one_the_app_draws_at_default_filters() {
        for chart in static_charts().charts {
            let view = View::ALL.iter().find(|v| v.slug() == chart.view).unwrap();
            let (app, app_json, _) = built(*view, &Filters::default());
            assert_eq!(chart.light, app_json, "{}", chart.view);
            let units: Vec<&str> = app.units.iter().map(|u| u.name()).collect();
            assert_eq!(chart.units, units, "{}", chart.view);
            // The dark option differs in colours only.
            assert_ne!(chart.dark, chart.light, "{}", chart.view);
            assert_eq!(
                chart.dark["series"].as_array().map(Vec::len),
                app_json["series"].as_array().map(Vec::len)
            );
        }
    }

    #[test]
    fn a_chart_of_rows_is_told_in_words_on_its_preview_and_the_others_are_drawn() {
        let filters = Filters::default();
        let breakdown = Breakdown::compute(INCIDENTS, &filters);
        let story = report_beside_rows(&filters, &breakdown, REPORTED_FIGURES).expect("a story");
        let charts = static_charts().charts;
        assert!(charts.iter().any(|c| c.min_height.is_some()));
        for chart in charts {
            if chart.min_height.is_some() {
                assert_eq!(
                    chart.card_text,
                    vec![story.reported.clone(), story.ours.clone()],
                    "{}",
                    chart.view
                );
            } else {
                assert!(chart.card_text.is_empty(), "{}", chart.view);
            }
        }
    }

    #[test]
    fn the_words_are_the_ones_the_app_shows_beside_the_chart() {
        let filters = Filters::default();
        let breakdown = Breakdown::compute(INCIDENTS, &filters);
        for chart in static_charts().charts {
            let view = *View::ALL.iter().find(|v| v.slug() == chart.view).unwrap();
            assert_eq!(
                chart.title,
                chart_title(view, &filters, &breakdown, &breakdown)
            );
            assert_eq!(
                chart.summary,
                summary_sentence(&filters, &breakdown, &breakdown)
            );
            assert_eq!(chart.scope, scope_text(&filters));
            assert!(
                chart
                    .source
                    .starts_with("Source: Crypto Heist Explorer incident list: "),
                "{}",
                chart.source
            );
            assert!(
                chart.source.contains(&DATA_VERSION[..8]),
                "{}",
                chart.source
            );
        }
        let claims = static_charts()
            .charts
            .into_iter()
            .find(|c| c.view == "claims")
            .unwrap();
        assert!(claims.source.contains("reported figures as printed by"));
    }

    #[test]
    fn the_samples_reach_every_branch_of_the_formatters() {
        let samples = format_samples();
        let texts = |unit: &str| -> Vec<String> {
            samples
                .values
                .iter()
                .filter(|s| s.unit == unit)
                .map(|s| s.text.clone())
                .collect()
        };
        let usd = texts("usd");
        for expected in [
            "$0", "$999", "$1K", "$1.1K", "$950K", "$1M", "$41M", "$660.5M", "$1B", "$1.34B",
            "$2.2B",
        ] {
            assert!(usd.iter().any(|t| t == expected), "{expected} in {usd:?}");
        }
        // Promotions instead of "1000K" and "1000M".
        assert!(
            !usd.iter().any(|t| t == "$1000K" || t == "$1000M"),
            "{usd:?}"
        );
        // A tie at the last decimal rounds to even, where JavaScript's toFixed rounds up.
        assert!(usd.iter().any(|t| t == "$1.12B"), "{usd:?}");
        let counts = texts("count");
        assert!(counts.contains(&"1 incident".to_string()));
        assert!(counts.contains(&"1,234,567 incidents".to_string()));
        let percents = texts("percent");
        for expected in ["0%", "4.5%", "10%", "61%", "-13%"] {
            assert!(
                percents.iter().any(|t| t == expected),
                "{expected} in {percents:?}"
            );
        }
        let days: Vec<(&str, bool)> = samples.days.iter().map(|d| (d.text, d.tick)).collect();
        assert!(days.contains(&("Jan", true)) && days.contains(&("", false)));
    }
}
