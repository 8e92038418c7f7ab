//! Years are data: the newest covered year flows through parsing, filters, URL state, charts
//! and sentences with no year written in the code. `tests/dataset.rs` runs this file again on
//! a copy of the data with an extra synthetic year (HEIST_DATA_DIR, HEIST_EXTRA_YEAR), built
//! through the same build.rs path the real data takes.
#![cfg(not(target_arch = "wasm32"))]

use crypto_heist_explorer::charts::{self, palette, ChartInput};
use crypto_heist_explorer::data::{Year, INCIDENTS, LAST_YEAR, REPORTED_FIGURES, TIMELINE_EVENTS};
use crypto_heist_explorer::query::{Breakdown, Filters};
use crypto_heist_explorer::state::{parse, serialize, View};
use crypto_heist_explorer::summary;

/// The year under test: the extra synthetic year when the outer test asks for one.
fn newest() -> Year {
    let year = Year::latest();
    if let Ok(extra) = std::env::var("HEIST_EXTRA_YEAR") {
        assert_eq!(
            year.number().to_string(),
            extra,
            "the extra year is covered"
        );
    }
    year
}

#[test]
fn the_url_accepts_every_covered_year_and_reports_others() {
    let year = newest();
    let parsed = parse(&format!("year={}", year.slug()));
    assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
    assert_eq!(parsed.state.filters.years, [year].into_iter().collect());
    assert_eq!(serialize(&parsed.state), format!("year={}", year.slug()));
    let beyond = parse(&format!("year={}", LAST_YEAR + 1));
    assert_eq!(beyond.ignored.len(), 1);
    assert!(beyond.state.filters.years.is_empty());
    let date = parse(&format!("from={}-06-01", year.slug()));
    assert!(date.ignored.is_empty(), "{:?}", date.ignored);
}

#[test]
fn filters_charts_and_sentences_include_the_newest_year() {
    let year = newest();
    let rows: Vec<_> = INCIDENTS.iter().filter(|r| r.year() == year).collect();
    assert!(!rows.is_empty(), "the newest year has rows");
    let filters = Filters {
        years: [year].into_iter().collect(),
        scopes: crypto_heist_explorer::data::Scope::ALL
            .iter()
            .copied()
            .collect(),
        basis: crypto_heist_explorer::data::Basis::Reported,
        ..Filters::default()
    };
    let b = Breakdown::compute(INCIDENTS, &filters);
    assert_eq!(b.rows.len(), rows.len());
    assert_eq!(
        b.year(year).total().usd,
        rows.iter().map(|r| r.loss_usd).sum::<u64>()
    );

    let all = Breakdown::compute(INCIDENTS, &Filters::default());
    let input = ChartInput {
        breakdown: &all,
        base: &all,
        incidents: INCIDENTS,
        figures: REPORTED_FIGURES,
        events: TIMELINE_EVENTS,
        years: Default::default(),
        basis: Default::default(),
        palette: palette::LIGHT,
    };
    for view in [View::Overview, View::Cumulative, View::Monthly, View::Share] {
        let json = charts::build(view, &input)
            .unwrap()
            .option_json()
            .to_string();
        assert!(json.contains(year.slug()), "{view:?} shows {}", year.slug());
    }
    let (before, after) = summary::change_years(&Filters::default()).expect("two years");
    assert_eq!(after, year);
    assert_eq!(before.number(), year.number() - 1);
    let title = summary::chart_title(View::Overview, &Filters::default(), &all, &all);
    assert!(
        title.contains(year.slug()) || title.starts_with("Crypto stolen"),
        "{title}"
    );
    assert!(summary::summary_sentence(&Filters::default(), &all, &all).contains(year.slug()));
    assert!(summary::scope_text(&Filters::default()).contains(year.slug()));
}
