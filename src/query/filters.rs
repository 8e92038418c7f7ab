//! Which incidents a view shows. Values within a filter are OR-ed, filters are AND-ed; an empty
//! set means "no restriction".

use super::row_index::{day_number, RowKey};
use crate::data::{
    search_text, Attribution, Basis, Category, Chain, Incident, IncidentDetails, Scope, SlugSet,
    Vector, Year,
};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub years: SlugSet<Year>,
    pub attributions: SlugSet<Attribution>,
    pub categories: SlugSet<Category>,
    pub vectors: SlugSet<Vector>,
    /// Rows whose chains include any of these.
    pub chains: SlugSet<Chain>,
    /// Inclusive loss bounds in USD.
    pub min_usd: Option<u64>,
    pub max_usd: Option<u64>,
    /// Inclusive date bounds.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Free text matched case-insensitively against name and note.
    pub text: String,
    /// Kinds of incident counted; empty means the default, thefts only ([`Scope::default_set`]).
    pub scopes: SlugSet<Scope>,
    /// How each row's loss is counted. Not a filter of rows, but the loss bounds compare this
    /// value, so it travels with them.
    pub basis: Basis,
}

/// The years a view covers: the selected ones, or both when none is selected.
pub fn shown_years(selected: SlugSet<Year>) -> Vec<Year> {
    Year::ALL
        .iter()
        .copied()
        .filter(|y| selected.is_empty() || selected.contains(*y))
        .collect()
}

/// The filters that offer options with counts beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Year = 0,
    Attribution = 1,
    Category = 2,
    Vector = 3,
    Chain = 4,
    Scope = 5,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Year,
        Facet::Attribution,
        Facet::Category,
        Facet::Vector,
        Facet::Chain,
        Facet::Scope,
    ];

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The filters that are not facets share one bit: a row failing them counts nowhere.
const NON_FACET_BIT: u8 = 1 << 6;

/// The filters compiled for the hot loop: bitmasks for sets, day numbers for dates,
/// lower-cased text once.
pub struct CompiledFilters {
    years: u64,
    attributions: u64,
    categories: u64,
    vectors: u64,
    chains: u64,
    scopes: u64,
    min_usd: u64,
    max_usd: u64,
    from_day: u16,
    to_day: u16,
    text: Option<String>,
}

/// Which side of "DPRK-linked vs everyone else" the attribution filter keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributionSide {
    /// No attribution filter: both sides.
    Any,
    /// Only DPRK-linked levels (confirmed, suspected or both).
    Dprk,
    /// Only levels not linked to the DPRK.
    Others,
    /// Some of each.
    Mixed,
}

impl Filters {
    /// The same selection with any attribution: the denominator of a DPRK share, so that a
    /// share never divides a side by itself.
    pub fn without_attribution(&self) -> Filters {
        Filters {
            attributions: SlugSet::EMPTY,
            ..self.clone()
        }
    }

    pub fn attribution_side(&self) -> AttributionSide {
        let attrs = self.attributions;
        if attrs.is_empty() {
            return AttributionSide::Any;
        }
        match (
            attrs.iter().any(|a| a.is_dprk()),
            attrs.iter().all(|a| a.is_dprk()),
        ) {
            (true, true) => AttributionSide::Dprk,
            (false, _) => AttributionSide::Others,
            (true, false) => AttributionSide::Mixed,
        }
    }

    /// A search (`q`) narrows the rows: it looks in the notes, which load after the first chart.
    pub fn searches(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// How many filters narrow the rows: each list with a choice, each bound, the search text,
    /// and counting kinds other than thefts. The basis is not a filter.
    pub fn active_count(&self) -> usize {
        [
            !self.years.is_empty(),
            !self.attributions.is_empty(),
            !self.categories.is_empty(),
            !self.vectors.is_empty(),
            !self.chains.is_empty(),
            self.min_usd.is_some(),
            self.max_usd.is_some(),
            self.from.is_some(),
            self.to.is_some(),
            self.searches(),
            self.effective_scopes() != Scope::default_set(),
        ]
        .into_iter()
        .filter(|on| *on)
        .count()
    }

    /// Nothing narrows the rows but the years and the attribution: the selections a report's
    /// whole-year figure, or a sentence about whole years, can describe.
    pub fn only_years_and_attribution(&self) -> bool {
        Filters {
            years: SlugSet::EMPTY,
            attributions: SlugSet::EMPTY,
            ..self.clone()
        }
        .active_count()
            == 0
    }

    /// No filter narrows the rows (the basis is not a filter).
    pub fn is_empty(&self) -> bool {
        Filters {
            basis: Basis::default(),
            scopes: self.effective_scopes(),
            ..self.clone()
        } == Filters::default().with_default_scopes()
    }

    fn with_default_scopes(mut self) -> Self {
        self.scopes = Scope::default_set();
        self
    }

    /// The kinds of incident counted, with the default made explicit.
    pub fn effective_scopes(&self) -> SlugSet<Scope> {
        if self.scopes.is_empty() {
            Scope::default_set()
        } else {
            self.scopes
        }
    }

    /// The scope selection as the URL and the panel keep it: the default is stored as empty.
    pub fn set_scopes(&mut self, scopes: SlugSet<Scope>) {
        self.scopes = if scopes == Scope::default_set() {
            SlugSet::EMPTY
        } else {
            scopes
        };
    }

    pub fn compile(&self) -> CompiledFilters {
        let text = crate::data::fold_case(self.text.trim());
        CompiledFilters {
            years: self.years.bits(),
            attributions: self.attributions.bits(),
            categories: self.categories.bits(),
            vectors: self.vectors.bits(),
            chains: self.chains.bits(),
            scopes: self.effective_scopes().bits(),
            min_usd: self.min_usd.unwrap_or(0),
            max_usd: self.max_usd.unwrap_or(u64::MAX),
            from_day: self.from.map_or(0, day_number),
            to_day: self.to.map_or(u16::MAX, day_number),
            text: (!text.is_empty()).then_some(text),
        }
    }

    /// The incidents that pass every filter, in dataset order; a search looks in the notes
    /// when `details` (in the order of `incidents`) are given, in the names only otherwise.
    pub fn apply<'a>(
        &self,
        incidents: &'a [Incident],
        details: Option<&[IncidentDetails]>,
    ) -> Vec<&'a Incident> {
        let compiled = self.compile();
        let note = |i: usize| {
            details
                .and_then(|d| d.get(i))
                .map_or("", |d| d.note.as_ref())
        };
        incidents
            .iter()
            .enumerate()
            .filter(|(n, i)| {
                compiled.failures(
                    &RowKey::of(i),
                    i.value(self.basis),
                    &search_text(&i.name, note(*n)),
                ) == 0
            })
            .map(|(_, i)| i)
            .collect()
    }
}

fn passes(selected: u64, value_bits: u64) -> bool {
    selected == 0 || selected & value_bits != 0
}

impl CompiledFilters {
    /// Bits of the filters this row fails: one per [`Facet`], one for all the others.
    /// `value` is the row's loss on the basis; `text` its lower-cased search text, read only
    /// when searching.
    pub fn failures(&self, key: &RowKey, value: u64, text: &str) -> u8 {
        let mut failed = 0;
        if !passes(self.years, 1 << key.year) {
            failed |= Facet::Year.bit();
        }
        if !passes(self.attributions, 1 << key.attribution) {
            failed |= Facet::Attribution.bit();
        }
        if !passes(self.categories, 1 << key.category) {
            failed |= Facet::Category.bit();
        }
        if !passes(self.vectors, 1 << key.vector) {
            failed |= Facet::Vector.bit();
        }
        if !passes(self.chains, key.chains) {
            failed |= Facet::Chain.bit();
        }
        if self.scopes & (1 << key.scope) == 0 {
            failed |= Facet::Scope.bit();
        }
        let in_ranges = value >= self.min_usd
            && value <= self.max_usd
            && key.day >= self.from_day
            && key.day <= self.to_day;
        if !in_ranges
            || self
                .text
                .as_deref()
                .is_some_and(|wanted| !text.contains(wanted))
        {
            failed |= NON_FACET_BIT;
        }
        failed
    }
}

/// Whether a row that fails exactly `failures` still counts toward `facet`'s option counts:
/// an option's count is "rows you would see if you picked it", so the facet's own selection is
/// ignored and every other filter applies.
pub fn counts_toward(failures: u8, facet: Facet) -> bool {
    failures & !facet.bit() == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::INCIDENTS;

    #[test]
    fn active_filters_are_counted_once_each_and_agree_with_is_empty() {
        let parse = |q: &str| crate::state::parse(q).state.filters;
        assert_eq!(Filters::default().active_count(), 0);
        assert_eq!(parse("basis=net").active_count(), 0);
        assert_eq!(parse("year=2023,2024&attr=dprk").active_count(), 2);
        assert_eq!(
            parse("min=1m&max=2m&from=2024-01-01&q=x&scope=theft,whitehat").active_count(),
            5
        );
        for q in ["", "basis=net", "year=2024", "scope=theft", "cat=cex"] {
            let f = parse(q);
            assert_eq!(f.active_count() == 0, f.is_empty(), "{q}");
        }
    }

    #[test]
    fn no_filters_keep_every_theft() {
        let thefts = INCIDENTS.iter().filter(|r| r.scope == Scope::Theft).count();
        assert_eq!(Filters::default().apply(INCIDENTS, None).len(), thefts);
        let every_scope = Filters {
            scopes: Scope::ALL.iter().copied().collect(),
            ..Filters::default()
        };
        assert_eq!(every_scope.apply(INCIDENTS, None).len(), INCIDENTS.len());
    }

    #[test]
    fn the_basis_is_not_a_filter_but_scopes_are() {
        let realised = Filters::default();
        let reported = Filters {
            basis: Basis::Reported,
            ..Filters::default()
        };
        assert!(realised.is_empty() && reported.is_empty());
        let default_written_out = Filters {
            scopes: Scope::default_set(),
            ..Filters::default()
        };
        assert!(default_written_out.is_empty());
        let mut more = Filters::default();
        more.set_scopes([Scope::Theft, Scope::Whitehat].into_iter().collect());
        assert!(!more.is_empty());
        more.set_scopes(Scope::default_set());
        assert_eq!(more, Filters::default());
    }

    #[test]
    fn loss_bounds_compare_the_value_on_the_chosen_basis() {
        let face = INCIDENTS
            .iter()
            .find(|r| r.scope == Scope::Theft && r.realised() < r.loss_usd)
            .expect("a theft counted at face value");
        let at_face = |basis| Filters {
            min_usd: Some(face.loss_usd),
            max_usd: Some(face.loss_usd),
            basis,
            ..Filters::default()
        };
        let ids = |f: Filters| -> Vec<String> {
            f.apply(INCIDENTS, None)
                .iter()
                .map(|r| r.id.to_string())
                .collect()
        };
        assert!(ids(at_face(Basis::Reported)).contains(&face.id.to_string()));
        assert!(!ids(at_face(Basis::Realised)).contains(&face.id.to_string()));
    }

    #[test]
    fn values_within_a_filter_are_ored_and_filters_anded() {
        let filters = Filters {
            years: [Year::Y2024].into_iter().collect(),
            categories: [Category::Cex, Category::Bridge].into_iter().collect(),
            ..Filters::default()
        };
        let rows = filters.apply(INCIDENTS, None);
        assert!(!rows.is_empty());
        assert!(rows
            .iter()
            .all(|r| r.year() == Year::Y2024
                && matches!(r.category, Category::Cex | Category::Bridge)));
        let expected = INCIDENTS
            .iter()
            .filter(|r| {
                r.scope == Scope::Theft
                    && r.year() == Year::Y2024
                    && matches!(r.category, Category::Cex | Category::Bridge)
            })
            .count();
        assert_eq!(rows.len(), expected);
    }

    #[test]
    fn loss_and_date_bounds_are_inclusive_and_exclude_what_is_outside() {
        let some = INCIDENTS
            .iter()
            .filter(|r| r.scope == Scope::Theft && r.valuation == crate::data::Valuation::Market)
            .nth(INCIDENTS.len() / 3)
            .expect("a theft at market value");
        let exactly = Filters {
            min_usd: Some(some.loss_usd),
            max_usd: Some(some.loss_usd),
            from: Some(some.date),
            to: Some(some.date),
            ..Filters::default()
        };
        let kept = exactly.apply(INCIDENTS, None);
        assert!(kept.iter().any(|r| r.id == some.id));
        assert!(kept
            .iter()
            .all(|r| r.loss_usd == some.loss_usd && r.date == some.date));
        let day = chrono::Days::new(1);
        for outside in [
            Filters {
                min_usd: Some(some.loss_usd + 1),
                ..exactly.clone()
            },
            Filters {
                max_usd: Some(some.loss_usd - 1),
                ..exactly.clone()
            },
            Filters {
                from: some.date.checked_add_days(day),
                ..exactly.clone()
            },
            Filters {
                to: some.date.checked_sub_days(day),
                ..exactly.clone()
            },
        ] {
            assert!(
                !outside
                    .apply(INCIDENTS, None)
                    .iter()
                    .any(|r| r.id == some.id),
                "{outside:?}"
            );
        }
    }

    #[test]
    fn text_search_ignores_case_and_looks_in_the_note() {
        let filters = Filters {
            text: "  WAZIRX ".into(),
            ..Filters::default()
        };
        let rows = filters.apply(INCIDENTS, None);
        assert!(rows.iter().any(|r| r.name.contains("WazirX")));
        let details = crate::data::host_details();
        let (by_note, detail) = INCIDENTS
            .iter()
            .zip(details)
            .find(|(r, d)| {
                let word = d
                    .note
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_lowercase();
                !word.is_empty() && !r.name.to_lowercase().contains(&word)
            })
            .expect("some row has a note with a word not in its name");
        let word: String = detail
            .note
            .split_whitespace()
            .last()
            .unwrap()
            .to_uppercase();
        let filters = Filters {
            text: word,
            ..Filters::default()
        };
        assert!(filters
            .apply(INCIDENTS, Some(details))
            .iter()
            .any(|r| r.id == by_note.id));
        // Before the notes have loaded, a search finds names only.
        assert!(!filters
            .apply(INCIDENTS, None)
            .iter()
            .any(|r| r.id == by_note.id));
    }

    #[test]
    fn chain_filter_matches_rows_listing_that_chain_among_others() {
        let filters = Filters {
            chains: [Chain::Arbitrum].into_iter().collect(),
            ..Filters::default()
        };
        let rows = filters.apply(INCIDENTS, None);
        assert!(rows.iter().any(|r| r.chains.len() > 1));
        assert!(rows.iter().all(|r| r.chains.contains(Chain::Arbitrum)));
    }
}
