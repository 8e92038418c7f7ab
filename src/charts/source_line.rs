//! The source line under every chart: what the chart shows, counted — our incident list (how
//! many incidents, how many distinct sources, which version of the data) and, where reported
//! figures are drawn, whose.

use super::claims::source_name;
use crate::data::{Incident, ReportedFigure, Year};
use crate::format;
use crate::query::reconcile::metric_scope;
use crate::state::View;
use std::collections::BTreeSet;

/// "Source: Crypto Heist Explorer incident list: 157 incidents, 512 sources (data cba3b63c)."
/// `rows` index `incidents`; for the reports view, `years` names the reports drawn.
pub fn source_line(
    view: View,
    incidents: &[Incident],
    rows: &[u32],
    figures: &[ReportedFigure],
    years: &[Year],
    data_version: &str,
) -> String {
    let shown: Vec<&Incident> = rows
        .iter()
        .filter_map(|i| incidents.get(*i as usize))
        .collect();
    let sources: BTreeSet<u16> = shown
        .iter()
        .flat_map(|r| r.source_keys.iter().copied())
        .collect();
    let version = data_version.get(..8).unwrap_or(data_version);
    let mut line = format!(
        "Source: Crypto Heist Explorer incident list: {}, {} (data {version})",
        format::incidents(shown.len() as u64),
        match sources.len() {
            1 => "1 source".to_string(),
            n => format!("{} sources", format::grouped(n as u64)),
        }
    );
    if view == View::Claims {
        let reports: BTreeSet<String> = figures
            .iter()
            .filter(|f| metric_scope(&f.metric).is_some())
            .filter(|f| years.iter().any(|y| y.number() == f.year))
            .map(|f| source_name(&f.source))
            .collect();
        if !reports.is_empty() {
            let names: Vec<String> = reports.into_iter().collect();
            line.push_str(&format!(
                "; reported figures as printed by {}",
                format::list(&names)
            ));
        }
    }
    line.push('.');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{INCIDENTS, REPORTED_FIGURES};

    fn all_rows() -> Vec<u32> {
        (0..INCIDENTS.len() as u32).collect()
    }

    /// The distinct source URLs of `rows`, counted from the URLs themselves.
    fn distinct_urls(rows: &[u32]) -> usize {
        let details = crate::data::host_details();
        rows.iter()
            .flat_map(|i| details[*i as usize].source_urls())
            .collect::<BTreeSet<_>>()
            .len()
    }

    #[test]
    fn the_line_counts_incidents_and_distinct_sources_and_names_the_data() {
        let rows: Vec<u32> = vec![0, 1];
        let line = source_line(
            View::Overview,
            INCIDENTS,
            &rows,
            REPORTED_FIGURES,
            &[],
            "0123456789abcdef",
        );
        assert_eq!(
            line,
            format!(
                "Source: Crypto Heist Explorer incident list: 2 incidents, {} sources (data 01234567).",
                distinct_urls(&rows)
            )
        );
        // The source keys compiled into the rows count exactly the distinct URLs.
        let all = source_line(
            View::Overview,
            INCIDENTS,
            &all_rows(),
            REPORTED_FIGURES,
            &[],
            "x",
        );
        let count = format::grouped(distinct_urls(&all_rows()) as u64);
        assert!(all.contains(&format!(", {count} sources ")), "{all}");
        assert!(
            !line.contains("Chainalysis"),
            "our list is not Chainalysis: {line}"
        );
    }

    #[test]
    fn the_reports_view_names_whose_figures_it_draws() {
        let line = source_line(
            View::Claims,
            INCIDENTS,
            &all_rows(),
            REPORTED_FIGURES,
            &[Year::Y2024],
            "0123456789abcdef",
        );
        assert!(line.contains("reported figures as printed by "), "{line}");
        assert!(line.contains("Chainalysis (Dec 2024)"), "{line}");
        let other_views = source_line(
            View::Share,
            INCIDENTS,
            &all_rows(),
            REPORTED_FIGURES,
            &[Year::Y2024],
            "x",
        );
        assert!(!other_views.contains("reported figures"), "{other_views}");
    }
}
