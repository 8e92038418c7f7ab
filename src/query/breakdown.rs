//! Every total the charts, headline numbers and filter counts need, computed in one pass over
//! the incidents per state change (not once per chart).

use super::filters::{counts_toward, Facet, Filters};
use super::row_index::{RowIndex, RowKey};
use crate::data::{Attribution, Category, Chain, Incident, Scope, Slug, Vector, Year};
use chrono::Datelike;

/// Dollars and incidents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub usd: u64,
    pub count: u32,
}

impl Tally {
    fn add(&mut self, usd: u64) {
        self.usd += usd;
        self.count += 1;
    }

    pub fn plus(self, other: Tally) -> Tally {
        Tally {
            usd: self.usd + other.usd,
            count: self.count + other.count,
        }
    }
}

/// A tally split into DPRK-linked (confirmed + suspected) and everyone else.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Split {
    pub dprk: Tally,
    pub others: Tally,
}

impl Split {
    fn add(&mut self, key: &RowKey, usd: u64) {
        if key.is_dprk() {
            self.dprk.add(usd);
        } else {
            self.others.add(usd);
        }
    }

    pub fn total(self) -> Tally {
        self.dprk.plus(self.others)
    }

    /// DPRK share of value and of incidents, in percent; `None` when nothing was stolen.
    pub fn dprk_share(self) -> Option<Share> {
        let total = self.total();
        (total.count > 0).then(|| Share {
            value_pct: percent(self.dprk.usd as f64, total.usd as f64),
            incidents_pct: percent(self.dprk.count as f64, total.count as f64),
        })
    }
}

fn percent(part: f64, whole: f64) -> f64 {
    if whole == 0.0 {
        0.0
    } else {
        part / whole * 100.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    pub value_pct: f64,
    pub incidents_pct: f64,
}

/// Incident size classes used by the "sizes" view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeBucket {
    Under10M,
    From10To50M,
    From50To100M,
    Over100M,
}

impl SizeBucket {
    pub const ALL: [SizeBucket; 4] = [
        SizeBucket::Under10M,
        SizeBucket::From10To50M,
        SizeBucket::From50To100M,
        SizeBucket::Over100M,
    ];

    /// Lower bounds are inclusive: exactly $10M is in "$10–50M".
    pub fn of(usd: u64) -> SizeBucket {
        match usd {
            0..10_000_000 => SizeBucket::Under10M,
            10_000_000..50_000_000 => SizeBucket::From10To50M,
            50_000_000..=100_000_000 => SizeBucket::From50To100M,
            _ => SizeBucket::Over100M,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            SizeBucket::Under10M => "Under $10M",
            SizeBucket::From10To50M => "$10M–50M",
            SizeBucket::From50To100M => "$50M–100M",
            SizeBucket::Over100M => "Over $100M",
        }
    }

    /// The label under a bar, short enough for four to fit side by side on a 320 px phone.
    pub const fn short_label(self) -> &'static str {
        match self {
            SizeBucket::Under10M => "< $10M",
            SizeBucket::From10To50M => "$10–50M",
            SizeBucket::From50To100M => "$50–100M",
            SizeBucket::Over100M => "> $100M",
        }
    }

    /// Inclusive loss range, for narrowing the filters to a clicked bucket.
    pub const fn range(self) -> (u64, Option<u64>) {
        match self {
            SizeBucket::Under10M => (0, Some(9_999_999)),
            SizeBucket::From10To50M => (10_000_000, Some(49_999_999)),
            SizeBucket::From50To100M => (50_000_000, Some(100_000_000)),
            SizeBucket::Over100M => (100_000_001, None),
        }
    }
}

const YEARS: usize = Year::ALL.len();
const CATEGORIES: usize = Category::ALL.len();
const VECTORS: usize = Vector::ALL.len();
const CHAINS: usize = Chain::ALL.len();
const ATTRIBUTIONS: usize = Attribution::ALL.len();
const SCOPES: usize = Scope::ALL.len();
/// Index by `ordinal0()`; 366 covers a leap day.
pub const DAYS: usize = 366;

/// For each filter option, how many rows the reader would see after picking it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    pub years: [u32; YEARS],
    pub attributions: [u32; ATTRIBUTIONS],
    pub categories: [u32; CATEGORIES],
    pub vectors: [u32; VECTORS],
    pub chains: [u32; CHAINS],
    pub scopes: [u32; SCOPES],
}

impl Default for FacetCounts {
    fn default() -> Self {
        FacetCounts {
            years: [0; YEARS],
            attributions: [0; ATTRIBUTIONS],
            categories: [0; CATEGORIES],
            vectors: [0; VECTORS],
            chains: [0; CHAINS],
            scopes: [0; SCOPES],
        }
    }
}

impl FacetCounts {
    fn add(&mut self, key: &RowKey, failures: u8) {
        if counts_toward(failures, Facet::Year) {
            self.years[usize::from(key.year)] += 1;
        }
        if counts_toward(failures, Facet::Attribution) {
            self.attributions[usize::from(key.attribution)] += 1;
        }
        if counts_toward(failures, Facet::Category) {
            self.categories[usize::from(key.category)] += 1;
        }
        if counts_toward(failures, Facet::Vector) {
            self.vectors[usize::from(key.vector)] += 1;
        }
        if counts_toward(failures, Facet::Scope) {
            self.scopes[usize::from(key.scope)] += 1;
        }
        if counts_toward(failures, Facet::Chain) {
            let mut bits = key.chains;
            while bits != 0 {
                self.chains[bits.trailing_zeros() as usize] += 1;
                bits &= bits - 1;
            }
        }
    }

    /// The count beside one option of a facet.
    pub fn of<T: FacetValue>(&self, value: T) -> u32 {
        T::counts(self).get(value.index()).copied().unwrap_or(0)
    }
}

/// A value offered by a facet, so one generic filter list serves every facet.
pub trait FacetValue: Slug {
    fn counts(counts: &FacetCounts) -> &[u32];
}

macro_rules! facet_value {
    ($($ty:ty => $field:ident),+) => {$(
        impl FacetValue for $ty {
            fn counts(counts: &FacetCounts) -> &[u32] {
                &counts.$field
            }
        }
    )+};
}
facet_value!(Year => years, Attribution => attributions, Category => categories, Vector => vectors, Chain => chains, Scope => scopes);

/// The filtered rows and every total derived from them.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    /// Indices into the incident slice, in dataset order.
    pub rows: Vec<u32>,
    pub total: Split,
    pub by_year: [Split; YEARS],
    pub monthly: [[Split; 12]; YEARS],
    pub daily: [[Split; DAYS]; YEARS],
    pub sizes: [[Split; 4]; YEARS],
    pub categories: [[Split; CATEGORIES]; YEARS],
    pub vectors: [[Split; VECTORS]; YEARS],
    pub facet_counts: FacetCounts,
}

impl Breakdown {
    /// Builds the row index and computes; the app and benchmarks keep one index per dataset
    /// and call [`Breakdown::compute_indexed`]. Totals are on `filters.basis`.
    /// The breakdown of `incidents` under `filters`; a search (`q`) looks in names only (for
    /// the notes too, build the [`RowIndex`] with them and use [`Breakdown::compute_indexed`]).
    pub fn compute(incidents: &[Incident], filters: &Filters) -> Breakdown {
        Self::compute_indexed(&RowIndex::new(incidents, None), filters)
    }

    pub fn compute_indexed(index: &RowIndex, filters: &Filters) -> Breakdown {
        let compiled = filters.compile();
        let mut b = Breakdown {
            rows: Vec::new(),
            total: Split::default(),
            by_year: Default::default(),
            monthly: Default::default(),
            daily: [[Split::default(); DAYS]; YEARS],
            sizes: Default::default(),
            categories: Default::default(),
            vectors: Default::default(),
            facet_counts: FacetCounts::default(),
        };
        let values = index.values(filters.basis);
        for (index, ((key, text), &usd)) in
            index.keys.iter().zip(&index.texts).zip(values).enumerate()
        {
            let failures = compiled.failures(key, usd, text);
            b.facet_counts.add(key, failures);
            if failures != 0 {
                continue;
            }
            b.rows.push(index as u32);
            let y = usize::from(key.year);
            b.total.add(key, usd);
            b.by_year[y].add(key, usd);
            b.monthly[y][usize::from(key.month0)].add(key, usd);
            b.daily[y][key.ordinal0()].add(key, usd);
            b.sizes[y][SizeBucket::of(usd) as usize].add(key, usd);
            b.categories[y][usize::from(key.category)].add(key, usd);
            b.vectors[y][usize::from(key.vector)].add(key, usd);
        }
        b
    }

    pub fn year(&self, year: Year) -> Split {
        self.by_year[year.index()]
    }

    /// Running totals by day of year: `(all, dprk)` in USD, one entry per day.
    pub fn cumulative(&self, year: Year) -> Vec<(u64, u64)> {
        let mut all = 0;
        let mut dprk = 0;
        let days = if chrono::NaiveDate::from_ymd_opt(year.number(), 12, 31)
            .is_some_and(|d| d.ordinal() == 366)
        {
            366
        } else {
            365
        };
        self.daily[year.index()][..days]
            .iter()
            .map(|day| {
                all += day.total().usd;
                dprk += day.dprk.usd;
                (all, dprk)
            })
            .collect()
    }

    /// Category or vector totals summed over both years.
    pub fn across_years<const N: usize>(per_year: &[[Split; N]; YEARS]) -> [Split; N] {
        let mut out = [Split::default(); N];
        for year in per_year {
            for (o, s) in out.iter_mut().zip(year) {
                o.dprk = o.dprk.plus(s.dprk);
                o.others = o.others.plus(s.others);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Basis, INCIDENTS};

    /// The default view's totals by hand: thefts only, realised values.
    fn sum_where(pred: impl Fn(&Incident) -> bool) -> Tally {
        sum_on(Basis::Realised, |r| r.scope == Scope::Theft && pred(r))
    }

    fn sum_on(basis: Basis, pred: impl Fn(&Incident) -> bool) -> Tally {
        let mut t = Tally::default();
        for r in INCIDENTS.iter().filter(|r| pred(r)) {
            t.add(r.value(basis));
        }
        t
    }

    #[test]
    fn every_basis_totals_the_rows_values_on_that_basis() {
        for basis in Basis::ALL.iter().copied() {
            let filters = Filters {
                basis,
                ..Filters::default()
            };
            let b = Breakdown::compute(INCIDENTS, &filters);
            assert_eq!(
                b.total.total(),
                sum_on(basis, |r| r.scope == Scope::Theft),
                "{basis:?}"
            );
        }
        let on = |basis| {
            Breakdown::compute(
                INCIDENTS,
                &Filters {
                    basis,
                    ..Filters::default()
                },
            )
            .total
            .total()
            .usd
        };
        // Face-value rows and recoveries exist, so the three bases really differ.
        assert!(on(Basis::Net) < on(Basis::Realised));
        assert!(on(Basis::Realised) < on(Basis::Reported));
    }

    #[test]
    fn per_year_split_equals_the_sum_of_the_rows() {
        let b = Breakdown::compute(INCIDENTS, &Filters::default());
        for year in Year::ALL.iter().copied() {
            let split = b.year(year);
            assert_eq!(
                split.dprk,
                sum_where(|r| r.year() == year && r.attribution.is_dprk())
            );
            assert_eq!(
                split.others,
                sum_where(|r| r.year() == year && !r.attribution.is_dprk())
            );
        }
        assert_eq!(b.total.total(), sum_where(|_| true));
        assert_eq!(b.rows.len(), sum_where(|_| true).count as usize);
    }

    #[test]
    fn monthly_daily_size_category_and_vector_totals_all_add_up_to_the_year() {
        let b = Breakdown::compute(INCIDENTS, &Filters::default());
        for year in Year::ALL.iter().copied() {
            let y = year.index();
            let whole = b.year(year).total();
            let add = |splits: &[Split]| {
                splits
                    .iter()
                    .fold(Tally::default(), |acc, s| acc.plus(s.total()))
            };
            assert_eq!(add(&b.monthly[y]), whole);
            assert_eq!(add(&b.daily[y]), whole);
            assert_eq!(add(&b.sizes[y]), whole);
            assert_eq!(add(&b.categories[y]), whole);
            assert_eq!(add(&b.vectors[y]), whole);
            assert_eq!(b.cumulative(year).last().unwrap().0, whole.usd);
        }
    }

    #[test]
    fn size_bucket_bounds_match_their_labels() {
        assert_eq!(SizeBucket::of(9_999_999), SizeBucket::Under10M);
        assert_eq!(SizeBucket::of(10_000_000), SizeBucket::From10To50M);
        assert_eq!(SizeBucket::of(100_000_000), SizeBucket::From50To100M);
        assert_eq!(SizeBucket::of(100_000_001), SizeBucket::Over100M);
        for bucket in SizeBucket::ALL {
            let (lo, hi) = bucket.range();
            assert_eq!(SizeBucket::of(lo), bucket);
            if let Some(hi) = hi {
                assert_eq!(SizeBucket::of(hi), bucket);
            }
        }
    }

    #[test]
    fn option_counts_ignore_their_own_facet_but_apply_the_others() {
        let filters = Filters {
            years: [Year::Y2024].into_iter().collect(),
            categories: [Category::Cex].into_iter().collect(),
            ..Filters::default()
        };
        let b = Breakdown::compute(INCIDENTS, &filters);
        // Picking 2023 instead would show 2023 CEX rows.
        assert_eq!(
            b.facet_counts.of(Year::Y2023),
            sum_where(|r| r.year() == Year::Y2023 && r.category == Category::Cex).count
        );
        // Category counts are for 2024, any category.
        assert_eq!(
            b.facet_counts.of(Category::Defi),
            sum_where(|r| r.year() == Year::Y2024 && r.category == Category::Defi).count
        );
        // Attribution counts apply both filters.
        let dprk_2024_cex = sum_where(|r| {
            r.year() == Year::Y2024
                && r.category == Category::Cex
                && r.attribution == Attribution::DprkConfirmed
        });
        assert_eq!(
            b.facet_counts.of(Attribution::DprkConfirmed),
            dprk_2024_cex.count
        );
    }

    #[test]
    fn dprk_share_is_none_for_an_empty_selection() {
        let filters = Filters {
            min_usd: Some(u64::MAX),
            ..Filters::default()
        };
        let b = Breakdown::compute(INCIDENTS, &filters);
        assert!(b.rows.is_empty());
        assert_eq!(b.total.dprk_share(), None);
    }
}
