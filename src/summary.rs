//! Words generated from the data: a chart title that states the finding, a subtitle that states
//! the scope, and a one-sentence summary used as the chart's accessible description.

use crate::data::{years_span, Attribution, Scope, Slug, SlugSet, Year};
use crate::format;
use crate::query::{Breakdown, Filters};
use crate::state::View;

/// The percentage change from `before` to `after`; `None` when there is no base.
pub fn change_pct(before: u64, after: u64) -> Option<f64> {
    (before > 0).then(|| (after as f64 - before as f64) / before as f64 * 100.0)
}

fn shown_years(filters: &Filters) -> Vec<Year> {
    crate::query::filters::shown_years(filters.years)
}

/// "In 2024, DPRK-linked hackers took $1.27B across 37 incidents, 60% of all funds stolen in
/// the incidents shown." One clause per shown year that has rows.
pub fn summary_sentence(filters: &Filters, b: &Breakdown) -> String {
    if b.rows.is_empty() {
        return "No incidents match these filters.".to_string();
    }
    let scope = if filters.is_empty() {
        "in our dataset"
    } else {
        "in the incidents shown"
    };
    let clauses: Vec<String> = shown_years(filters)
        .into_iter()
        .rev()
        .filter_map(|year| {
            let split = b.year(year);
            let share = split.dprk_share()?;
            Some(format!(
                "in {}, DPRK-linked hackers took {} across {}, {} of the {} stolen {scope}",
                year.slug(),
                format::usd(split.dprk.usd),
                format::incidents(u64::from(split.dprk.count)),
                format::percent(share.value_pct),
                format::usd(split.total().usd),
            ))
        })
        .collect();
    let mut sentence = clauses.join("; ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_uppercase() + &sentence[1..];
    }
    sentence.push('.');
    sentence
}

/// The two years a "change" compares: the last two of the years shown, in order.
pub fn change_years(filters: &Filters) -> Option<(Year, Year)> {
    match shown_years(filters)[..] {
        [.., before, after] => Some((before, after)),
        _ => None,
    }
}

/// A title that states what the chart shows, with the finding where the data supports one.
pub fn chart_title(view: View, filters: &Filters, b: &Breakdown) -> String {
    let pair = change_years(filters);
    match (view, pair) {
        (View::Overview | View::Compare, Some((before, after))) => {
            match change_pct(b.year(before).dprk.usd, b.year(after).dprk.usd) {
                Some(change) if change.abs() >= 1.0 => format!(
                    "DPRK-linked theft {} {} from {} to {}",
                    if change > 0.0 { "rose" } else { "fell" },
                    format::percent(change.abs()),
                    before.slug(),
                    after.slug()
                ),
                _ => "Crypto stolen per year, DPRK-linked vs everyone else".to_string(),
            }
        }
        (View::Share, Some((before, after))) => {
            match (b.year(before).dprk_share(), b.year(after).dprk_share()) {
                (Some(a), Some(c)) => format!(
                    "DPRK-linked hackers took {} of the value stolen in {}, {} in {}",
                    format::percent(c.value_pct),
                    after.slug(),
                    format::percent(a.value_pct),
                    before.slug()
                ),
                _ => "DPRK share of crypto stolen".to_string(),
            }
        }
        (View::Cumulative, _) => "Crypto stolen over the year, running total".to_string(),
        (View::Monthly, _) => "Crypto stolen per month".to_string(),
        (View::Sizes, _) => "Incidents by size of theft".to_string(),
        (View::Category, _) => "Crypto stolen by kind of victim".to_string(),
        (View::Vector, _) => "Crypto stolen by attack vector".to_string(),
        (View::Claims, _) => "What reports said vs what our incident list adds up to".to_string(),
        (View::Table, _) => "Every incident in the selection".to_string(),
        (View::Overview | View::Compare, None) => {
            "Crypto stolen, DPRK-linked vs everyone else".to_string()
        }
        (View::Share, None) => "DPRK share of crypto stolen".to_string(),
    }
}

fn list_labels<T: Slug>(set: SlugSet<T>) -> String {
    set.iter().map(|v| v.label()).collect::<Vec<_>>().join(", ")
}

/// The scope in words: years and every active filter ("2024 · DPRK-linked · CEX · ≥ $1M").
pub fn scope_text(filters: &Filters) -> String {
    let mut parts = vec![years_span(&shown_years(filters))];
    let attrs = filters.attributions;
    if attrs == Attribution::dprk_linked() {
        parts.push("DPRK-linked (confirmed + suspected)".into());
    } else if !attrs.is_empty() {
        parts.push(list_labels(attrs));
    }
    if !filters.categories.is_empty() {
        parts.push(list_labels(filters.categories));
    }
    if !filters.vectors.is_empty() {
        parts.push(list_labels(filters.vectors));
    }
    if !filters.chains.is_empty() {
        parts.push(format!("on {}", list_labels(filters.chains)));
    }
    match (filters.min_usd, filters.max_usd) {
        (Some(min), Some(max)) => {
            parts.push(format!("{} to {}", format::usd(min), format::usd(max)))
        }
        (Some(min), None) => parts.push(format!("at least {}", format::usd(min))),
        (None, Some(max)) => parts.push(format!("at most {}", format::usd(max))),
        (None, None) => {}
    }
    match (filters.from, filters.to) {
        (Some(from), Some(to)) => {
            parts.push(format!("{} to {}", format::date(from), format::date(to)))
        }
        (Some(from), None) => parts.push(format!("from {}", format::date(from))),
        (None, Some(to)) => parts.push(format!("until {}", format::date(to))),
        (None, None) => {}
    }
    if !filters.text.trim().is_empty() {
        parts.push(format!("matching “{}”", filters.text.trim()));
    }
    let scopes = filters.effective_scopes();
    if scopes != Scope::default_set() {
        let tags: Vec<&str> = scopes.iter().map(Scope::tag).collect();
        parts.push(format!("counting {}", tags.join(", ")));
    } else if parts.len() == 1 {
        parts.push("all thefts".into());
    }
    parts.push(filters.basis.short().into());
    parts.join(" · ")
}

/// The credit under every chart; on the page it is followed by a link to the methodology.
pub const SOURCE_CREDIT: &str =
    "Source: Crypto Heist Explorer incident list, compiled from public reports; reported figures as their publishers printed them";
/// The credit as printed in downloaded images.
pub const SOURCE_LINE: &str = "Source: Crypto Heist Explorer incident list, compiled from public reports; reported figures as their publishers printed them — see Methodology";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Category, INCIDENTS};

    #[test]
    fn summary_names_the_dprk_take_for_each_year_from_the_data() {
        let filters = Filters::default();
        let b = Breakdown::compute(INCIDENTS, &filters);
        let s = summary_sentence(&filters, &b);
        // Newest year first, then every earlier year.
        let latest = Year::latest();
        assert!(
            s.starts_with(&format!("In {}, DPRK-linked hackers took ", latest.slug())),
            "{s}"
        );
        assert!(s.contains(&format::usd(b.year(latest).dprk.usd)));
        for year in &Year::ALL[..Year::ALL.len() - 1] {
            assert!(s.contains(&format!("; in {},", year.slug())), "{s}");
        }
        assert!(s.ends_with('.'));
    }

    #[test]
    fn empty_selection_says_so() {
        let filters = Filters {
            text: "no such incident anywhere".into(),
            ..Filters::default()
        };
        let b = Breakdown::compute(INCIDENTS, &filters);
        assert_eq!(
            summary_sentence(&filters, &b),
            "No incidents match these filters."
        );
    }

    #[test]
    fn scope_lists_every_active_filter_in_words() {
        let filters = Filters {
            years: [Year::Y2024].into_iter().collect(),
            attributions: [Attribution::DprkConfirmed, Attribution::DprkSuspected]
                .into_iter()
                .collect(),
            categories: [Category::Cex].into_iter().collect(),
            min_usd: Some(1_000_000),
            ..Filters::default()
        };
        assert_eq!(
            scope_text(&filters),
            "2024 · DPRK-linked (confirmed + suspected) · Centralised exchange · at least $1M · realised value"
        );
        let all_years = crate::data::years_span(Year::ALL);
        assert!(
            all_years.contains('–'),
            "a run of covered years: {all_years}"
        );
        assert_eq!(
            scope_text(&Filters::default()),
            format!("{all_years} · all thefts · realised value")
        );
        let wider = Filters {
            scopes: [Scope::Theft, Scope::Whitehat].into_iter().collect(),
            basis: crate::data::Basis::Net,
            ..Filters::default()
        };
        assert_eq!(
            scope_text(&wider),
            format!("{all_years} · counting theft, white-hat · net of recoveries")
        );
    }

    #[test]
    fn overview_title_states_the_change_in_dprk_theft() {
        let filters = Filters::default();
        let b = Breakdown::compute(INCIDENTS, &filters);
        let title = chart_title(View::Overview, &filters, &b);
        // Expected from the rows directly, not from the breakdown the title reads.
        let n = Year::ALL.len();
        let (before, after) = (Year::ALL[n - 2], Year::ALL[n - 1]);
        let dprk_sum = |year: Year| -> f64 {
            INCIDENTS
                .iter()
                .filter(|r| r.scope == Scope::Theft && r.attribution.is_dprk() && r.year() == year)
                .map(|r| r.value(crate::data::Basis::Realised) as f64)
                .sum()
        };
        let change = (dprk_sum(after) - dprk_sum(before)) / dprk_sum(before) * 100.0;
        assert!(change.abs() >= 10.0, "whole percentages below: {change}");
        let verb = if change > 0.0 { "rose" } else { "fell" };
        assert_eq!(
            title,
            format!(
                "DPRK-linked theft {verb} {:.0}% from {} to {}",
                change.abs(),
                before.slug(),
                after.slug()
            )
        );
    }
}
