//! How thefts are distributed: by incident size, by kind of victim, by attack vector.

use super::comparison::{DPRK_NAME, OTHERS_NAME};
use super::*;
use crate::data::{Category, Slug, Vector};
use crate::query::{SizeBucket, Split};
use charming::element::ItemStyle;
use charming::series::Bar;

/// Incident counts per size class, DPRK vs everyone else, one stack per shown year.
pub fn size_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let years = input.shown_years();
    let labels = SizeBucket::ALL
        .iter()
        .map(|b| b.short_label().to_string())
        .collect();
    let mut chart = base_chart(p)
        .grid(grid())
        // Every class labelled: ECharts' automatic interval would skip every other one on a
        // phone, though the short labels fit.
        .x_axis(
            category_axis(p, labels).axis_label(
                charming::element::AxisLabel::new()
                    .color(p.muted)
                    .interval(0),
            ),
        )
        .y_axis(value_axis(p, Unit::Count).min_interval(1));
    let mut units = Vec::new();
    let mut clicks = Vec::new();
    for year in &years {
        // The newest year in full colour, older years muted.
        let latest = years.last() == Some(year);
        for (dprk, who) in [(true, DPRK_NAME), (false, OTHERS_NAME)] {
            let color = p.series_color(dprk, latest);
            let values: Vec<f64> = input.breakdown.sizes[year.index()]
                .iter()
                .map(|s| f64::from(if dprk { s.dprk.count } else { s.others.count }))
                .collect();
            chart = chart.series(
                Bar::new()
                    .name(format!("{} {}", year.slug(), who))
                    .stack(year.slug())
                    .item_style(ItemStyle::new().color(color))
                    .data(values),
            );
            units.push(Unit::Count);
            clicks.push(
                SizeBucket::ALL
                    .iter()
                    .map(|b| Narrowing {
                        year: Some(*year),
                        dprk: Some(dprk),
                        loss: Some(b.range()),
                        ..Narrowing::default()
                    })
                    .collect(),
            );
        }
    }
    BuiltChart {
        chart,
        units,
        clicks,
        rows: None,
    }
}

/// Horizontal stacked bars of dollars per group, largest first, empty groups left out.
fn grouped_chart<T: Slug>(
    input: &ChartInput,
    totals: Vec<(T, Split)>,
    click: impl Fn(T, bool) -> Narrowing,
) -> BuiltChart {
    let p = &input.palette;
    let mut rows: Vec<(T, Split)> = totals
        .into_iter()
        .filter(|(_, s)| s.total().count > 0)
        .collect();
    // Largest at the top: ECharts draws the first category at the bottom.
    crate::query::sort::sort_short_by_key(&mut rows, |(_, s)| s.total().usd);
    let labels = rows.iter().map(|(g, _)| g.label().to_string()).collect();
    let mut chart = base_chart(p)
        .grid(grid())
        .x_axis(value_axis(p, Unit::Usd))
        .y_axis(category_axis(p, labels));
    let mut clicks = Vec::new();
    for (dprk, name, color) in [(true, DPRK_NAME, p.dprk), (false, OTHERS_NAME, p.others)] {
        let values: Vec<f64> = rows
            .iter()
            .map(|(_, s)| usd_value(if dprk { s.dprk.usd } else { s.others.usd }))
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name)
                .stack("total")
                .item_style(ItemStyle::new().color(color))
                .data(values),
        );
        clicks.push(rows.iter().map(|(g, _)| click(*g, dprk)).collect());
    }
    BuiltChart {
        chart,
        units: vec![Unit::Usd, Unit::Usd],
        clicks,
        rows: None,
    }
}

pub fn category_chart(input: &ChartInput) -> BuiltChart {
    let totals = Breakdown::across_years(&input.breakdown.categories);
    let rows = Category::ALL.iter().copied().zip(totals).collect();
    grouped_chart(input, rows, |category, dprk| Narrowing {
        category: Some(category),
        dprk: Some(dprk),
        ..Narrowing::default()
    })
}

pub fn vector_chart(input: &ChartInput) -> BuiltChart {
    let totals = Breakdown::across_years(&input.breakdown.vectors);
    let rows = Vector::ALL.iter().copied().zip(totals).collect();
    grouped_chart(input, rows, |vector, dprk| Narrowing {
        vector: Some(vector),
        dprk: Some(dprk),
        ..Narrowing::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::query::Filters;
    use crate::state::View;

    #[test]
    fn size_classes_count_every_incident_once() {
        let (chart, json, b) = built(View::Sizes, &Filters::default());
        assert_wiring(&chart, &json);
        let series = json["series"].as_array().unwrap().len();
        assert_eq!(
            series,
            2 * crate::data::Year::ALL.len(),
            "DPRK and others per year"
        );
        let counted: f64 = (0..series)
            .flat_map(|s| series_values(&json, s))
            .flatten()
            .sum();
        assert_eq!(counted, b.rows.len() as f64);
    }

    #[test]
    fn category_bars_are_sorted_and_sum_to_the_total() {
        let (chart, json, b) = built(View::Category, &Filters::default());
        assert_wiring(&chart, &json);
        let dprk = series_values(&json, 0);
        let others = series_values(&json, 1);
        let totals: Vec<f64> = dprk
            .iter()
            .zip(&others)
            .map(|(a, b)| a.unwrap() + b.unwrap())
            .collect();
        assert!(totals.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(totals.iter().sum::<f64>(), b.total.total().usd as f64);
        let top = axis(&json, "yAxis", 0)["data"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        // The longest bar is the kind of victim that lost most, summed from the rows directly.
        let mut by_category = std::collections::BTreeMap::<&str, u64>::new();
        for r in crate::data::INCIDENTS
            .iter()
            .filter(|r| r.scope == crate::data::Scope::Theft)
        {
            *by_category.entry(r.category.label()).or_default() +=
                r.value(crate::data::Basis::Realised);
        }
        let largest = by_category.iter().max_by_key(|(_, usd)| **usd).unwrap().0;
        assert_eq!(top.as_str(), Some(*largest));
    }

    #[test]
    fn vector_chart_clicks_narrow_to_that_vector() {
        let (chart, json, _) = built(View::Vector, &Filters::default());
        assert_wiring(&chart, &json);
        let labels = axis(&json, "yAxis", 0)["data"].as_array().unwrap();
        let last = labels.len() - 1;
        let click = chart.narrowing(0, last).unwrap();
        assert_eq!(click.vector.map(|v| v.label()), labels[last].as_str());
    }
}
