//! Year against year: stacked DPRK vs everyone else, and the DPRK share.

use super::*;
use charming::series::Bar;

pub const DPRK_NAME: &str = "DPRK-linked";
pub const OTHERS_NAME: &str = "Everyone else";

fn year_labels(years: &[Year]) -> Vec<String> {
    years.iter().map(|y| y.slug().to_string()).collect()
}

fn year_click(year: Year, dprk: Option<bool>) -> Narrowing {
    Narrowing {
        year: Some(year),
        dprk,
        ..Narrowing::default()
    }
}

/// Space above a plot whose value axis has a name: the legend's line, then the name.
const LEGEND_AND_AXIS_NAME: i64 = 60;

/// Stacked bars per year, in dollars; with `with_counts`, a second panel of incident counts.
pub fn year_comparison_chart(input: &ChartInput, with_counts: bool) -> BuiltChart {
    let p = &input.palette;
    let years = input.shown_years();
    let mut chart = base_chart(p);
    let mut units = Vec::new();
    let mut clicks = Vec::new();
    let panels: &[Unit] = if with_counts {
        &[Unit::Usd, Unit::Count]
    } else {
        &[Unit::Usd]
    };
    for (panel, unit) in panels.iter().enumerate() {
        // The panel's axis name ("Stolen") sits above its plot, so the plot starts below the
        // legend line plus that name: the two never overlap.
        let mut g = grid().top(LEGEND_AND_AXIS_NAME);
        if with_counts {
            // The lower panel starts a third of the height below the upper one's end, room for
            // the upper panel's year labels and then its own axis name at any chart height
            // from 300 px (a phone) to 440 px.
            g = if panel == 0 {
                g.height("30%")
            } else {
                g.top("66%").bottom(8)
            };
        }
        chart = chart
            .grid(g)
            .x_axis(category_axis(p, year_labels(&years)).grid_index(panel as f64))
            .y_axis(
                value_axis(p, *unit)
                    .grid_index(panel as f64)
                    // Two short panels: few ticks each, so their labels never crowd.
                    .split_number(if with_counts { 3 } else { 5 })
                    .name(if *unit == Unit::Usd {
                        "Stolen"
                    } else {
                        "Incidents"
                    })
                    .name_text_style(charming::element::TextStyle::new().color(p.muted)),
            );
        for (dprk, name, color) in [(true, DPRK_NAME, p.dprk), (false, OTHERS_NAME, p.others)] {
            let values: Vec<f64> = years
                .iter()
                .map(|y| {
                    let split = input.breakdown.year(*y);
                    let tally = if dprk { split.dprk } else { split.others };
                    match unit {
                        Unit::Usd => usd_value(tally.usd),
                        _ => f64::from(tally.count),
                    }
                })
                .collect();
            chart = chart.series(
                Bar::new()
                    .name(name)
                    .stack(format!("panel{panel}"))
                    .x_axis_index(panel as f64)
                    .y_axis_index(panel as f64)
                    .bar_width("45%")
                    .item_style(charming::element::ItemStyle::new().color(color))
                    .data(values),
            );
            units.push(*unit);
            clicks.push(years.iter().map(|y| year_click(*y, Some(dprk))).collect());
        }
    }
    BuiltChart {
        chart,
        units,
        clicks,
        rows: None,
    }
}

/// DPRK share of the value stolen and of the incidents, per year, of every attribution (an
/// attribution filter would otherwise draw 100% or 0% bars).
pub fn dprk_share_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let years = input.shown_years();
    let mut chart = base_chart(p)
        .grid(grid())
        .x_axis(category_axis(p, year_labels(&years)))
        .y_axis(value_axis(p, Unit::Percent).max(100));
    let mut clicks = Vec::new();
    for (name, color, of_value) in [
        ("Share of value stolen", p.dprk, true),
        ("Share of incidents", p.dprk_soft, false),
    ] {
        let values: Vec<f64> = years
            .iter()
            .map(|y| {
                input.base.year(*y).dprk_share().map_or(0.0, |s| {
                    let pct = if of_value {
                        s.value_pct
                    } else {
                        s.incidents_pct
                    };
                    (pct * 10.0).round() / 10.0
                })
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name)
                .item_style(charming::element::ItemStyle::new().color(color))
                .data(values),
        );
        clicks.push(years.iter().map(|y| year_click(*y, Some(true))).collect());
    }
    BuiltChart {
        chart,
        units: vec![Unit::Percent, Unit::Percent],
        clicks,
        rows: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::query::Filters;
    use crate::state::View;

    #[test]
    fn overview_bars_are_the_per_year_dprk_and_other_sums() {
        let (chart, json, b) = built(View::Overview, &Filters::default());
        assert_wiring(&chart, &json);
        let years: Vec<&str> = crate::data::Year::ALL.iter().map(|y| y.slug()).collect();
        assert_eq!(axis(&json, "xAxis", 0)["data"], serde_json::json!(years));
        assert_eq!(json["series"][0]["name"], "DPRK-linked");
        assert_eq!(json["series"][0]["stack"], json["series"][1]["stack"]);
        let dprk = series_values(&json, 0);
        let others = series_values(&json, 1);
        for (i, split) in b.by_year.iter().enumerate() {
            assert_eq!(dprk[i], Some(split.dprk.usd as f64));
            assert_eq!(others[i], Some(split.others.usd as f64));
        }
        assert_eq!(
            axis(&json, "yAxis", 0)["axisLabel"]["formatter"],
            super::FORMAT_USD
        );
    }

    #[test]
    fn compare_adds_an_incident_count_panel() {
        let (chart, json, b) = built(View::Compare, &Filters::default());
        assert_wiring(&chart, &json);
        assert_eq!(json["grid"].as_array().unwrap().len(), 2);
        assert_eq!(json["series"][2]["xAxisIndex"], 1.0);
        let counts = series_values(&json, 2);
        assert_eq!(counts[1], Some(b.by_year[1].dprk.count as f64));
    }

    #[test]
    fn a_year_filter_draws_only_that_year() {
        let filters = Filters {
            years: [crate::data::Year::Y2024].into_iter().collect(),
            ..Filters::default()
        };
        let (_, json, _) = built(View::Overview, &filters);
        assert_eq!(axis(&json, "xAxis", 0)["data"], serde_json::json!(["2024"]));
    }

    #[test]
    fn share_chart_is_in_percent_and_matches_the_split() {
        let (chart, json, b) = built(View::Share, &Filters::default());
        assert_wiring(&chart, &json);
        let share = b.by_year[1].dprk_share().unwrap();
        let values = series_values(&json, 0);
        assert!((values[1].unwrap() - share.value_pct).abs() < 0.051);
        assert_eq!(axis(&json, "yAxis", 0)["max"], 100.0);
    }

    #[test]
    fn a_named_value_axis_starts_its_plot_below_the_legend_and_the_name() {
        for view in [View::Overview, View::Compare] {
            let (_, json, _) = built(view, &Filters::default());
            let grids = match &json["grid"] {
                serde_json::Value::Array(g) => g.clone(),
                one => vec![one.clone()],
            };
            let y_axes = match &json["yAxis"] {
                serde_json::Value::Array(a) => a.clone(),
                one => vec![one.clone()],
            };
            for (i, axis) in y_axes.iter().enumerate() {
                if axis["name"].is_string() && i == 0 {
                    assert_eq!(grids[0]["top"], super::LEGEND_AND_AXIS_NAME, "{view:?}");
                }
            }
        }
    }
}
