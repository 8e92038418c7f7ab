//! Reports vs data: each report's whole-year dollar figure beside the dataset's sum for the
//! same year and scope. The dataset side ignores filters other than year, because the reports'
//! scopes are fixed.

use super::*;
use crate::query::reconcile::{reconcile, Comparison, Measure, Scope};
use charming::element::ItemStyle;
use charming::series::Bar;

/// A reader's name for a report's `source` slug. Known publishers get their own spelling;
/// `news_<outlet>` becomes the outlet; anything else is the slug in words.
pub fn source_name(slug: &str) -> String {
    // Chainalysis' year-end update for year N comes out in December of N and opens the
    // "N+1 Crypto Crime Report"; the February 2024 edition is the one exception we hold.
    if let Some(edition) = crate::query::reconcile::chainalysis_edition(slug) {
        return if slug == "chainalysis_2024_crypto_crime_report" {
            "Chainalysis (Feb 2024)".to_string()
        } else {
            format!("Chainalysis (Dec {})", edition - 1)
        };
    }
    let known = match slug {
        "chainalysis_series_via_tayvano" | "chainalysis_dprk_series_via_tayvano" => {
            Some("Chainalysis, as tabulated by T. Monahan")
        }
        "tayvano_lazarus_research" => Some("T. Monahan (Lazarus research)"),
        "tayvano_lazarus_research_revised" => Some("T. Monahan (revised)"),
        "un_panel_of_experts_via_tayvano" => Some("UN Panel of Experts"),
        "msmt_report_2025" | "msmt_report" => Some("Multilateral Sanctions Monitoring Team"),
        "elliptic" => Some("Elliptic"),
        "chainalysis_2025_midyear_update" => Some("Chainalysis (mid-2025)"),
        "us_japan_rok_joint_statement" => Some("US–Japan–ROK statement"),
        "trm_labs" => Some("TRM Labs"),
        "peckshield" => Some("PeckShield"),
        "certik" => Some("CertiK"),
        "slowmist" => Some("SlowMist"),
        "immunefi" => Some("Immunefi"),
        "cyvers" => Some("Cyvers"),
        "ccn_article" => Some("CCN"),
        "cointime_research" => Some("Cointime"),
        _ => None,
    };
    if let Some(name) = known {
        return name.to_string();
    }
    let words = slug.strip_prefix("news_").unwrap_or(slug).replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One bar per distinct reported figure: news outlets that repeat a report's number add a
/// count to its label rather than a bar each. The original (an analytics firm or official
/// body) is kept over outlets (`news_…`, `…_article`). Sorted bottom to top: oldest year
/// first, DPRK before all, larger reported figures higher.
fn one_bar_per_figure(mut comparisons: Vec<Comparison>) -> Vec<(Comparison, usize)> {
    let is_outlet = |c: &Comparison| {
        c.figure.source.starts_with("news_") || c.figure.source.ends_with("_article")
    };
    comparisons.sort_by_key(|c| (c.year, c.scope == Scope::All, c.reported, is_outlet(c)));
    let mut out: Vec<(Comparison, usize)> = Vec::new();
    for c in comparisons {
        match out.last_mut() {
            Some((kept, repeats))
                if kept.year == c.year && kept.scope == c.scope && kept.reported == c.reported =>
            {
                *repeats += 1;
            }
            _ => out.push((c, 0)),
        }
    }
    out
}

pub fn claims_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let shown = input.shown_years();
    let comparisons = one_bar_per_figure(
        reconcile(input.incidents, input.figures, input.basis)
            .into_iter()
            .filter(|c| c.measure == Measure::Usd && shown.contains(&c.year))
            .collect(),
    );
    let labels = comparisons
        .iter()
        .map(|(c, repeats)| {
            let again = match repeats {
                0 => String::new(),
                1 => " + 1 outlet repeating it".to_string(),
                n => format!(" + {n} outlets repeating it"),
            };
            format!(
                "{} · {} · {}{again}",
                c.year.slug(),
                c.scope.label(),
                source_name(&c.figure.source)
            )
        })
        .collect();
    let comparisons: Vec<_> = comparisons.into_iter().map(|(c, _)| c).collect();
    let reported: Vec<f64> = comparisons.iter().map(|c| usd_value(c.reported)).collect();
    let dataset: Vec<f64> = comparisons.iter().map(|c| usd_value(c.dataset)).collect();
    let click = |c: &Comparison| Narrowing {
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
                    .is_some_and(|l| l.starts_with("2024 · DPRK-linked · Chainalysis (Dec 2024)"))
            })
            .expect("Chainalysis 2024 DPRK bar");
        // Outlets repeating a figure add to its label, not a bar of their own.
        let mut seen = std::collections::HashSet::new();
        for (label, value) in labels.iter().zip(&reported) {
            let label = label.as_str().unwrap();
            let year_and_scope: Vec<&str> = label.split(" · ").take(2).collect();
            let key = (year_and_scope.join(" · "), value.map(|v| v as u64));
            assert!(seen.insert(key), "one bar per figure: {label}");
        }
        assert_eq!(reported[i], Some(1_340_000_000.0));
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
    }

    #[test]
    fn source_slugs_read_as_names() {
        assert_eq!(source_name("trm_labs"), "TRM Labs");
        assert_eq!(
            source_name("chainalysis_2025_crypto_crime_report"),
            "Chainalysis (Dec 2024)"
        );
        assert_eq!(
            source_name("chainalysis_2026_crypto_crime_report"),
            "Chainalysis (Dec 2025)"
        );
        assert_eq!(source_name("news_finews_asia"), "Finews asia");
        assert_eq!(source_name("some_new_source"), "Some new source");
        assert_eq!(source_name(""), "");
    }
}
