//! Reports vs data: each original whole-year dollar figure beside the dataset's sum for the
//! same year and scope, with the outlets that repeated it folded into its line and the ones that
//! misreported it drawn apart, as an outline. The dataset side ignores filters other than year,
//! because the reports' scopes are fixed.

use super::*;
pub use crate::query::claims::source_name;
use crate::query::claims::{claim_label, dollar_claims, misreport_label, Claim};
use crate::query::reconcile::{Comparison, Scope};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{BorderType, ItemStyle};
use charming::series::Bar;

pub const REPORTED_NAME: &str = "Reported";
pub const OURS_NAME: &str = "Our sourced list";

/// The lines of the chart, top to bottom: each claim, then its misreports.
fn lines(claims: &[Claim]) -> Vec<(String, &Comparison, bool)> {
    let mut out = Vec::new();
    for claim in claims {
        out.push((claim_label(claim), &claim.original, false));
        for m in &claim.misreports {
            out.push((misreport_label(m), m, true));
        }
    }
    out
}

pub fn claims_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let shown = input.shown_years();
    let claims = dollar_claims(input.incidents, input.figures, input.basis, &shown);
    let lines = lines(&claims);
    let labels = lines.iter().map(|(label, _, _)| label.clone()).collect();
    let reported: Vec<DataPoint> = lines
        .iter()
        .map(|(_, c, misreport)| {
            let item = DataPointItem::new(usd_value(c.reported));
            let style = if *misreport {
                // Drawn as an outline: a number that was printed, not one that was found.
                ItemStyle::new()
                    .color("transparent")
                    .border_color(p.muted)
                    .border_width(1.5)
                    .border_type(BorderType::Dashed)
            } else {
                ItemStyle::new().color(p.others)
            };
            DataPoint::Item(item.item_style(style))
        })
        .collect();
    // A misreport's line repeats no sum of ours: its original's line already has it.
    let ours: Vec<DataPoint> = lines
        .iter()
        .map(|(_, c, misreport)| {
            if *misreport {
                DataPoint::Value(charming::datatype::CompositeValue::from("-"))
            } else {
                DataPoint::Value(usd_value(c.dataset).into())
            }
        })
        .collect();
    let click = |c: &Comparison| Narrowing {
        year: Some(c.year),
        dprk: (c.scope == Scope::Dprk).then_some(true),
        ..Narrowing::default()
    };
    let rows = lines.len();
    let chart = base_chart(p)
        .grid(grid().top(36).left(4).right(24))
        .x_axis(value_axis(p, Unit::Usd))
        .y_axis(category_axis(p, labels).inverse(true))
        .series(
            Bar::new()
                .name(REPORTED_NAME)
                .item_style(ItemStyle::new().color(p.others))
                .bar_gap("0%")
                .bar_width(ROW_BAR_PX)
                .data(reported),
        )
        .series(
            Bar::new()
                .name(OURS_NAME)
                .item_style(ItemStyle::new().color(p.dprk))
                .bar_width(ROW_BAR_PX)
                .data(ours),
        );
    let clicks: Vec<Narrowing> = lines.iter().map(|(_, c, _)| click(c)).collect();
    BuiltChart {
        chart,
        units: vec![Unit::Usd, Unit::Usd],
        clicks: vec![clicks.clone(), clicks],
        rows: Some(rows),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::query::Filters;
    use crate::state::View;

    #[test]
    fn each_original_figure_sits_beside_our_sum_and_misreports_are_outlines() {
        let (chart, json, _) = built(View::Claims, &Filters::default());
        assert_wiring(&chart, &json);
        let labels: Vec<&str> = axis(&json, "yAxis", 0)["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert_eq!(chart.rows, Some(labels.len()));
        let reported = &json["series"][0]["data"];
        let ours = series_values(&json, 1);
        let i = labels
            .iter()
            .position(|l| l.starts_with("2024 · DPRK · Chainalysis (Dec 2024) · "))
            .expect("Chainalysis 2024 DPRK line, with its repeats");
        assert_eq!(reported[i]["value"], 1_340_000_000.0);
        let dprk_2024: u64 = crate::data::INCIDENTS
            .iter()
            .filter(|r| {
                r.scope == crate::data::Scope::Theft
                    && r.year() == crate::data::Year::Y2024
                    && r.attribution.is_dprk()
            })
            .map(|r| r.value(crate::data::Basis::Realised))
            .sum();
        assert_eq!(ours[i], Some(dprk_2024 as f64));
        // Its misreport follows it, drawn as a dashed outline with no sum of ours beside it.
        assert_eq!(
            labels[i + 1],
            "2024 · DPRK · Coinlume: misreported as $1.6B"
        );
        assert_eq!(reported[i + 1]["value"], 1_600_000_000.0);
        assert_eq!(reported[i + 1]["itemStyle"]["borderType"], "dashed");
        assert_eq!(ours[i + 1], None);
        // Repeats are folded into their original's line, never a line of their own.
        assert!(!labels
            .iter()
            .any(|l| l.contains("finews") || l.contains("Technext")));
        // Labels sit above their bars, inside the plot.
        let label = &axis(&json, "yAxis", 0)["axisLabel"];
        assert_eq!(label["inside"], true);
        assert_eq!(axis(&json, "yAxis", 0)["inverse"], true);
        assert!(chart.min_height_px().unwrap() >= labels.len() * crate::charts::ROW_PX);
    }
}
