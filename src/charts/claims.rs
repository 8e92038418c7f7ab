//! Reports vs data: each report's whole-year dollar figure beside the dataset's sum for the
//! same year and scope. The dataset side ignores filters other than year, because the reports'
//! scopes are fixed.

use super::*;
use crate::query::reconcile::{reconcile, Measure, Scope};
use charming::element::ItemStyle;
use charming::series::Bar;

/// A readable name for a report's `source` slug (`chainalysis_2025_crypto_crime_report` →
/// `Chainalysis 2025 crypto crime report`).
pub fn source_name(slug: &str) -> String {
    let text = slug.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn claims_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let shown = input.shown_years();
    let mut comparisons: Vec<_> = reconcile(input.incidents, input.figures)
        .into_iter()
        .filter(|c| c.measure == Measure::Usd && shown.contains(&c.year))
        .collect();
    // Bottom to top: 2023 first, DPRK before all, larger reported figures higher.
    comparisons.sort_by_key(|c| (c.year, c.scope == Scope::All, c.reported));
    let labels = comparisons
        .iter()
        .map(|c| {
            format!(
                "{} · {} · {}",
                c.year.slug(),
                c.scope.label(),
                source_name(&c.figure.source)
            )
        })
        .collect();
    let reported: Vec<f64> = comparisons.iter().map(|c| usd_value(c.reported)).collect();
    let dataset: Vec<f64> = comparisons.iter().map(|c| usd_value(c.dataset)).collect();
    let click = |c: &crate::query::reconcile::Comparison| Narrowing {
        year: Some(c.year),
        dprk: (c.scope == Scope::Dprk).then_some(true),
        ..Narrowing::default()
    };
    let chart = base_chart(p)
        .grid(grid())
        .x_axis(value_axis(p, Unit::Usd))
        .y_axis(category_axis(p, labels))
        .series(
            Bar::new()
                .name("Reported")
                .item_style(ItemStyle::new().color(p.others))
                .data(reported),
        )
        .series(
            Bar::new()
                .name("In our data")
                .item_style(ItemStyle::new().color(p.dprk))
                .data(dataset),
        );
    let clicks: Vec<Narrowing> = comparisons.iter().map(click).collect();
    BuiltChart {
        chart,
        units: vec![Unit::Usd, Unit::Usd],
        clicks: vec![clicks.clone(), clicks],
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::query::Filters;
    use crate::state::View;

    #[test]
    fn each_reported_figure_sits_beside_the_dataset_sum_for_its_scope() {
        let (chart, json, _) = built(View::Claims, &Filters::default());
        assert_wiring(&chart, &json);
        let labels = axis(&json, "yAxis", 0)["data"].as_array().unwrap();
        let reported = series_values(&json, 0);
        let ours = series_values(&json, 1);
        let i = labels
            .iter()
            .position(|l| {
                l.as_str()
                    .unwrap()
                    .starts_with("2024 · DPRK-linked · Chainalysis 2025")
            })
            .expect("Chainalysis 2024 DPRK bar");
        assert_eq!(reported[i], Some(1_340_000_000.0));
        let dprk_2024: u64 = crate::data::INCIDENTS
            .iter()
            .filter(|r| r.year() == crate::data::Year::Y2024 && r.attribution.is_dprk())
            .map(|r| r.loss_usd)
            .sum();
        assert_eq!(ours[i], Some(dprk_2024 as f64));
    }

    #[test]
    fn source_slugs_read_as_names() {
        assert_eq!(source_name("trm_labs"), "Trm labs");
        assert_eq!(source_name(""), "");
    }
}
