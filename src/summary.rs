//! Words generated from the data: a chart title that states the finding, a subtitle that states
//! the scope, and a one-sentence summary used as the chart's accessible description.

use crate::data::{years_span, Attribution, Scope, Slug, SlugSet, Year};
use crate::format;
use crate::query::{AttributionSide, Breakdown, Filters};
use crate::state::View;

/// The percentage change from `before` to `after`; `None` when there is no base.
pub fn change_pct(before: u64, after: u64) -> Option<f64> {
    (before > 0).then(|| (after as f64 - before as f64) / before as f64 * 100.0)
}

fn shown_years(filters: &Filters) -> Vec<Year> {
    crate::query::filters::shown_years(filters.years)
}

/// "In 2024, DPRK-linked hackers took $1.27B across 37 incidents, 60% of the $2.13B stolen in
/// our dataset." One clause per shown year that has rows. `shown` is the selection, `base` the
/// same selection with any attribution: a share is always of `base`, so a filter to one side
/// never produces "100% of what was stolen".
pub fn summary_sentence(filters: &Filters, shown: &Breakdown, base: &Breakdown) -> String {
    if shown.rows.is_empty() {
        return "No incidents match these filters.".to_string();
    }
    let side = filters.attribution_side();
    // Each clause is about one whole year, so choosing years narrows nothing within it.
    let others_empty = filters.only_years_and_attribution();
    let context = match (side, others_empty) {
        (_, true) => "in our dataset",
        (AttributionSide::Any, false) => "in the incidents shown",
        (_, false) => "in all incidents matching the other filters",
    };
    let clauses: Vec<String> = shown_years(filters)
        .into_iter()
        .rev()
        .filter_map(|year| {
            let split = shown.year(year);
            let whole = base.year(year).total();
            let (who, part) = match side {
                AttributionSide::Any | AttributionSide::Dprk => ("DPRK-linked hackers", split.dprk),
                AttributionSide::Others => ("thieves not linked to North Korea", split.others),
                AttributionSide::Mixed => ("the selected attributions", split.total()),
            };
            // A year with rows says so even when the side shown took nothing in it.
            if whole.count == 0 {
                return None;
            }
            let share = part.usd as f64 / whole.usd.max(1) as f64 * 100.0;
            let verb = if side == AttributionSide::Mixed {
                "account for"
            } else {
                "took"
            };
            Some(format!(
                "in {}, {who} {verb} {} across {}, {} of the {} stolen {context}",
                year.slug(),
                format::usd(part.usd),
                format::incidents(u64::from(part.count)),
                format::percent(share),
                format::usd(whole.usd),
            ))
        })
        .collect();
    if clauses.is_empty() {
        return "The incidents shown lost no value on this basis.".to_string();
    }
    let mut sentence = clauses.join("; ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_ascii_uppercase() + &sentence[1..];
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

/// A title that states what the chart shows, with the finding where the data supports one. It
/// names the side the attribution filter keeps, and never contrasts it with a side not shown.
pub fn chart_title(view: View, filters: &Filters, shown: &Breakdown, base: &Breakdown) -> String {
    let side = filters.attribution_side();
    let pair = change_years(filters);
    let (subject, per_year, overall) = match side {
        AttributionSide::Any => (
            "DPRK-linked theft",
            "Crypto stolen per year, DPRK-linked vs everyone else",
            "Crypto stolen, DPRK-linked vs everyone else",
        ),
        AttributionSide::Dprk => (
            "DPRK-linked theft",
            "DPRK-linked crypto theft per year",
            "DPRK-linked crypto theft",
        ),
        AttributionSide::Others => (
            "Theft not linked to North Korea",
            "Crypto stolen per year by thieves not linked to North Korea",
            "Crypto stolen by thieves not linked to North Korea",
        ),
        AttributionSide::Mixed => (
            "Theft by the selected attributions",
            "Crypto stolen per year by the selected attributions",
            "Crypto stolen by the selected attributions",
        ),
    };
    let side_usd = |split: crate::query::Split| match side {
        AttributionSide::Any | AttributionSide::Dprk => split.dprk.usd,
        AttributionSide::Others => split.others.usd,
        AttributionSide::Mixed => split.total().usd,
    };
    match (view, pair) {
        (View::Overview | View::Compare, Some((before, after))) => {
            match change_pct(side_usd(shown.year(before)), side_usd(shown.year(after))) {
                Some(change) if change.abs() >= 1.0 => format!(
                    "{subject} {} {} from {} to {}",
                    if change > 0.0 { "rose" } else { "fell" },
                    format::percent(change.abs()),
                    before.slug(),
                    after.slug()
                ),
                _ => per_year.to_string(),
            }
        }
        // Shares are of every attribution (`base`), whatever the attribution filter keeps.
        (View::Share, Some((before, after))) => {
            match (
                base.year(before).dprk_share(),
                base.year(after).dprk_share(),
            ) {
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
        (View::Overview | View::Compare, None) => overall.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Category, INCIDENTS};

    #[test]
    fn summary_names_the_dprk_take_for_each_year_from_the_data() {
        let filters = Filters::default();
        let b = Breakdown::compute(INCIDENTS, &filters);
        let s = summary_sentence(&filters, &b, &b);
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
            summary_sentence(&filters, &b, &b),
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
        let title = chart_title(View::Overview, &filters, &b, &b);
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

    /// Each filtered state that once stated what the filter implies ("100% of the value").
    #[test]
    fn no_sentence_or_title_divides_a_side_by_itself() {
        for query in [
            "attr=dprk",
            "attr=dprk&year=2024",
            "attr=dprk_confirmed&year=2024",
            "attr=other,unknown",
            "attr=dprk&cat=cex",
            "attr=dprk&view=share&year=2023,2024",
        ] {
            let state = crate::state::parse(query).state;
            let f = &state.filters;
            let shown = Breakdown::compute(INCIDENTS, f);
            let base = Breakdown::compute(INCIDENTS, &f.without_attribution());
            let sentence = summary_sentence(f, &shown, &base);
            assert!(!sentence.contains("100%"), "{query}: {sentence}");
            for view in [View::Overview, View::Compare, View::Share] {
                let title = chart_title(view, f, &shown, &base);
                assert!(!title.contains("100%"), "{query} {view:?}: {title}");
                assert!(
                    !title.contains("vs everyone else"),
                    "{query} {view:?}: {title}"
                );
            }
        }
    }

    #[test]
    fn a_dprk_filter_states_the_share_of_all_theft() {
        let f = crate::state::parse("attr=dprk&year=2024").state.filters;
        let shown = Breakdown::compute(INCIDENTS, &f);
        let base = Breakdown::compute(INCIDENTS, &f.without_attribution());
        let dprk: u64 = INCIDENTS
            .iter()
            .filter(|r| {
                r.scope == Scope::Theft && r.year() == Year::Y2024 && r.attribution.is_dprk()
            })
            .map(|r| r.value(crate::data::Basis::Realised))
            .sum();
        let all: u64 = INCIDENTS
            .iter()
            .filter(|r| r.scope == Scope::Theft && r.year() == Year::Y2024)
            .map(|r| r.value(crate::data::Basis::Realised))
            .sum();
        assert_eq!(
            summary_sentence(&f, &shown, &base),
            format!(
                "In 2024, DPRK-linked hackers took {} across {}, {:.0}% of the {} stolen in our dataset.",
                format::usd(dprk),
                format::incidents(u64::from(shown.total.dprk.count)),
                dprk as f64 / all as f64 * 100.0,
                format::usd(all)
            )
        );
        let others = crate::state::parse("attr=other,unknown&year=2024")
            .state
            .filters;
        let shown = Breakdown::compute(INCIDENTS, &others);
        let sentence = summary_sentence(&others, &shown, &base);
        assert!(
            sentence.starts_with("In 2024, thieves not linked to North Korea took "),
            "{sentence}"
        );
        assert!(sentence.ends_with(&format!(
            "of the {} stolen in our dataset.",
            format::usd(all)
        )));
    }
}
