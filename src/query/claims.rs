//! What the reports said, grouped as a reader should see it: each original figure once, with
//! the outlets and tables that repeated it, and the repeats that got it wrong set apart with
//! where the wrong number most likely came from. The grouping follows `repeats` and `error` in
//! `aggregates.csv` (checked by the build), never equal values: two firms that both say $2.2B
//! are two findings, and an outlet rounding $1.34B to $1.3B is one repeat.

use super::reconcile::{chainalysis_edition, reconcile, Comparison, Measure, Scope};
use crate::data::{first_url, Basis, Incident, ReportedFigure, Year};
use crate::format;

/// A reader's name for a report's `source` slug. Known publishers get their own spelling;
/// `news_<outlet>` becomes the outlet; anything else is the slug in words.
pub fn source_name(slug: &str) -> String {
    // Chainalysis' year-end update for year N comes out in December of N and opens the
    // "N+1 Crypto Crime Report"; the February 2024 edition is the one exception we hold.
    if let Some(edition) = chainalysis_edition(slug) {
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
        "msmt_report_2025" | "msmt_report" => Some("Sanctions Monitoring Team (MSMT)"),
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
        "news_thecoinrise" => Some("TheCoinrise"),
        "news_finews_asia" => Some("finews.asia"),
        "news_financialmirror" => Some("Financial Mirror"),
        "news_thetrailblazer" => Some("The Trailblazer"),
        "news_afrireporters" => Some("AfriReporters"),
        "news_technext24" => Some("Technext"),
        "news_diginto" => Some("Diginto"),
        "news_coinlume" => Some("Coinlume"),
        _ => None,
    };
    if let Some(name) = known {
        return name.to_string();
    }
    let words = slug.strip_prefix("news_").unwrap_or(slug).replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

/// One original figure with everything that repeated it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The original figure beside our sum for the same year and scope.
    pub original: Comparison,
    /// Repeats that state it to the precision they print (some rounded), in data order.
    pub repeats: Vec<&'static ReportedFigure>,
    /// Repeats that name it but print a different number, beside our sum.
    pub misreports: Vec<Comparison>,
}

impl Claim {
    /// Repeats that print a rounder number than the original.
    pub fn rounded(&self) -> usize {
        self.repeats
            .iter()
            .filter(|r| reported_usd(r) != Some(self.original.reported))
            .count()
    }
}

fn reported_usd(figure: &ReportedFigure) -> Option<u64> {
    match figure.value {
        crate::data::ReportedValue::Usd(v) => Some(v),
        _ => None,
    }
}

/// Groups dollar comparisons into claims: originals only, each carrying its repeats and
/// misreports. Ordered as a reader scans them: newest year first, DPRK-linked before all
/// thefts, larger figures first. A repeat whose original is not among `comparisons` (another
/// year, another measure) stands as its own claim, so no figure silently disappears.
pub fn claims(comparisons: Vec<Comparison>) -> Vec<Claim> {
    let (repeats, originals): (Vec<Comparison>, Vec<Comparison>) =
        comparisons.into_iter().partition(|c| c.figure.is_repeat());
    let mut out: Vec<Claim> = originals
        .into_iter()
        .map(|original| Claim {
            original,
            repeats: Vec::new(),
            misreports: Vec::new(),
        })
        .collect();
    for repeat in repeats {
        let original = out.iter_mut().find(|c| {
            c.original.figure.source == repeat.figure.repeats
                && c.original.figure.year == repeat.figure.year
                && c.original.figure.metric == repeat.figure.metric
        });
        match original {
            Some(claim) if repeat.figure.is_misreport() => claim.misreports.push(repeat),
            Some(claim) => claim.repeats.push(repeat.figure),
            None => out.push(Claim {
                original: repeat,
                repeats: Vec::new(),
                misreports: Vec::new(),
            }),
        }
    }
    super::sort::sort_short_by_key(&mut out, |c| {
        (
            std::cmp::Reverse(c.original.year),
            c.original.scope == Scope::All,
            std::cmp::Reverse(c.original.reported),
        )
    });
    out
}

/// The dollar claims of the shown years, on a basis: what the reports-vs-data chart draws and
/// the notes under it list.
pub fn dollar_claims(
    incidents: &[Incident],
    figures: &'static [ReportedFigure],
    basis: Basis,
    shown: &[Year],
) -> Vec<Claim> {
    claims(
        reconcile(incidents, figures, basis)
            .into_iter()
            .filter(|c| c.measure == Measure::Usd && shown.contains(&c.year))
            .collect(),
    )
}

/// A sentence for each misreport: who printed what, what the original says, and where the
/// wrong number most likely came from (`error` in `aggregates.csv`).
pub fn misreport_sentence(misreport: &Comparison, original: &Comparison) -> String {
    format!(
        "{} printed {} for {} {} thefts, citing {}, which says {}: {}.",
        source_name(&misreport.figure.source),
        format::usd(misreport.reported),
        scope_words(misreport.scope),
        misreport.year.slug(),
        source_name(&original.figure.source),
        format::usd(original.reported),
        misreport.figure.error.trim_end_matches('.'),
    )
}

fn scope_words(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "all",
        Scope::Dprk => "DPRK-linked",
    }
}

/// A line under the chart: a sentence and the pages it rests on, as (name, URL).
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimNote {
    pub misreport: bool,
    pub text: String,
    pub links: Vec<(String, String)>,
}

/// The notes under the chart: misreports first (each with where it most likely came from),
/// then who repeated each original figure, each repeat linked and its printed number given
/// where it rounded.
pub fn claim_notes(claims: &[Claim]) -> Vec<ClaimNote> {
    let misreports = claims.iter().flat_map(|claim| {
        claim.misreports.iter().map(move |m| ClaimNote {
            misreport: true,
            text: misreport_sentence(m, &claim.original),
            links: vec![(
                source_name(&m.figure.source),
                first_url(&m.figure.url).to_string(),
            )],
        })
    });
    let repeats = claims
        .iter()
        .filter(|c| !c.repeats.is_empty())
        .map(|claim| {
            let c = &claim.original;
            ClaimNote {
                misreport: false,
                text: format!(
                    "{}'s {} for {} {} thefts, repeated by:",
                    source_name(&c.figure.source),
                    format::usd(c.reported),
                    scope_words(c.scope),
                    c.year.slug()
                ),
                links: claim
                    .repeats
                    .iter()
                    .map(|r| {
                        let name = source_name(&r.source);
                        let name = match reported_usd(r) {
                            Some(v) if v != c.reported => format!("{name} ({})", format::usd(v)),
                            _ => name,
                        };
                        (name, first_url(&r.url).to_string())
                    })
                    .collect(),
            }
        });
    misreports.chain(repeats).collect()
}

/// The scope in a chart line's few words.
fn scope_short(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "All",
        Scope::Dprk => "DPRK",
    }
}

/// A chart line's label, short enough for a 320 px phone: "2024 · DPRK · Chainalysis (Dec
/// 2024) · 8 repeats". Who repeated it, and how, is in the notes under the chart.
pub fn claim_label(claim: &Claim) -> String {
    let c = &claim.original;
    let mut label = format!(
        "{} · {} · {}",
        c.year.slug(),
        scope_short(c.scope),
        source_name(&c.figure.source)
    );
    match claim.repeats.len() {
        0 => {}
        1 => label.push_str(" · 1 repeat"),
        n => label.push_str(&format!(" · {n} repeats")),
    }
    label
}

/// A misreport's line label: "2024 · DPRK · Coinlume: misreported as $1.6B".
pub fn misreport_label(misreport: &Comparison) -> String {
    format!(
        "{} · {} · {}: misreported as {}",
        misreport.year.slug(),
        scope_short(misreport.scope),
        source_name(&misreport.figure.source),
        format::usd(misreport.reported)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{INCIDENTS, REPORTED_FIGURES};

    fn all_dollar_claims() -> Vec<Claim> {
        dollar_claims(INCIDENTS, REPORTED_FIGURES, Basis::Realised, Year::ALL)
    }

    #[test]
    fn each_repeat_joins_the_figure_it_names_not_an_equal_one() {
        let all = all_dollar_claims();
        let chainalysis_2024 = all
            .iter()
            .find(|c| {
                c.original.figure.source == "chainalysis_2025_crypto_crime_report"
                    && c.original.year == Year::Y2024
                    && c.original.scope == Scope::Dprk
            })
            .expect("Chainalysis' 2024 DPRK figure");
        let expected: Vec<&str> = REPORTED_FIGURES
            .iter()
            .filter(|f| {
                f.repeats == "chainalysis_2025_crypto_crime_report"
                    && f.year == 2024
                    && f.metric == "dprk_stolen_usd"
            })
            .map(|f| f.source.as_ref())
            .collect();
        let mut grouped: Vec<&str> = chainalysis_2024
            .repeats
            .iter()
            .map(|f| f.source.as_ref())
            .chain(
                chainalysis_2024
                    .misreports
                    .iter()
                    .map(|m| m.figure.source.as_ref()),
            )
            .collect();
        grouped.sort_unstable();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort_unstable();
        assert_eq!(grouped, expected_sorted);
        assert!(expected.len() >= 8, "{expected:?}");
        // No repeat is a claim of its own when its original is present.
        assert!(all.iter().all(|c| !c.original.figure.is_repeat()));
        // Both seed articles are there: one repeat, one misreport.
        assert!(grouped.contains(&"news_thecoinrise"));
        let coinlume = &chainalysis_2024.misreports[0];
        assert_eq!(coinlume.figure.source, "news_coinlume");
        assert_eq!(coinlume.reported, 1_600_000_000);
    }

    #[test]
    fn labels_are_short_and_count_repeats() {
        let all = all_dollar_claims();
        let c = all
            .iter()
            .find(|c| {
                c.original.figure.source == "chainalysis_2025_crypto_crime_report"
                    && c.original.year == Year::Y2024
                    && c.original.scope == Scope::Dprk
            })
            .unwrap();
        assert!(c.rounded() > 0 && c.rounded() < c.repeats.len());
        assert_eq!(
            claim_label(c),
            format!(
                "2024 · DPRK · Chainalysis (Dec 2024) · {} repeats",
                c.repeats.len()
            )
        );
        assert_eq!(
            misreport_label(&c.misreports[0]),
            "2024 · DPRK · Coinlume: misreported as $1.6B"
        );
        // Fits a 320 px phone at the axis' font size (about 6 px a character).
        for claim in &all {
            assert!(
                claim_label(claim).chars().count() <= 48,
                "{}",
                claim_label(claim)
            );
        }
    }

    #[test]
    fn a_misreport_says_what_went_wrong_and_where_it_came_from() {
        let all = all_dollar_claims();
        let c = all.iter().find(|c| !c.misreports.is_empty()).unwrap();
        let sentence = misreport_sentence(&c.misreports[0], &c.original);
        assert!(
            sentence.starts_with(
                "Coinlume printed $1.6B for DPRK-linked 2024 thefts, citing Chainalysis (Dec 2024), which says $1.34B: most likely"
            ),
            "{sentence}"
        );
        assert!(sentence.ends_with('.') && !sentence.ends_with(".."));
    }

    #[test]
    fn notes_name_and_link_every_repeat_and_misreport() {
        let all = all_dollar_claims();
        let notes = claim_notes(&all);
        let first = &notes[0];
        assert!(first.misreport && first.text.starts_with("Coinlume printed $1.6B"));
        assert_eq!(
            first.links,
            vec![(
                "Coinlume".to_string(),
                "https://coinlume.com/news/north-korean-cybercrime-hits-record-dollar16b-in-crypto-stolen-during-2024".to_string()
            )]
        );
        let repeated = notes
            .iter()
            .find(|n| {
                n.text
                    .starts_with("Chainalysis (Dec 2024)'s $1.34B for DPRK-linked 2024 thefts")
            })
            .unwrap();
        let repeats_in_data = REPORTED_FIGURES
            .iter()
            .filter(|f| {
                f.year == 2024
                    && f.metric == "dprk_stolen_usd"
                    && f.is_repeat()
                    && !f.is_misreport()
            })
            .count();
        assert_eq!(repeated.links.len(), repeats_in_data);
        assert!(repeated
            .links
            .iter()
            .any(|(name, _)| name == "TheCoinrise ($1.3B)"));
        assert!(repeated.links.iter().any(|(name, _)| name == "Diginto"));
        assert!(notes
            .iter()
            .flat_map(|n| &n.links)
            .all(|(_, url)| url.starts_with("https://")));
    }

    #[test]
    fn claims_read_newest_year_first_dprk_first_then_largest() {
        let all = all_dollar_claims();
        use std::cmp::Reverse;
        let keys: Vec<_> = all
            .iter()
            .map(|c| {
                (
                    Reverse(c.original.year),
                    c.original.scope == Scope::All,
                    Reverse(c.original.reported),
                )
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
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
        assert_eq!(source_name("news_finews_asia"), "finews.asia");
        assert_eq!(source_name("news_some_paper"), "Some paper");
        assert_eq!(source_name("some_new_source"), "Some new source");
        assert_eq!(source_name(""), "");
    }
}
