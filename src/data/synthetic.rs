//! Deterministic synthetic incidents for benchmarks (10k–1M rows). Never part of the shipped
//! data: the app uses them only when built with the `synthetic` feature (`make bench`).

use super::schema::*;
use super::years::{FIRST_YEAR, LAST_YEAR};
use chrono::NaiveDate;
use std::borrow::Cow;

/// xorshift64*: tiny, fast and reproducible across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// One made-up source shared by every synthetic row.
static SYNTHETIC_SOURCES: &[Source] = &[Source {
    url: Cow::Borrowed("https://example.org/synthetic"),
    publisher: Cow::Borrowed("Synthetic"),
    kind: SourceKind::Aggregator,
    supports: SlugSet::from_bits(0b11),
    published: None,
}];

/// `count` incidents spread over the covered years with realistic-looking mixes and a long-tailed loss
/// distribution ($100K to ~$500M). Same `seed`, same rows.
pub fn generate(count: usize, seed: u64) -> Vec<Incident> {
    let mut rng = Rng(seed | 1);
    let start = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or_default();
    let days = (end - start).num_days().max(0) as usize + 1;
    (0..count)
        .map(|i| {
            let date = start + chrono::Days::new(rng.below(days) as u64);
            // Log-uniform between 1e5 and 5e8.
            let exponent = 5.0 + (rng.next() % 10_000) as f64 / 10_000.0 * 3.7;
            let loss_usd = 10f64.powf(exponent) as u64;
            let attribution = match rng.below(100) {
                0..=4 => Attribution::DprkConfirmed,
                5..=29 => Attribution::DprkSuspected,
                30..=36 => Attribution::Other,
                _ => Attribution::Unknown,
            };
            let mut chains = ChainSet::EMPTY;
            for _ in 0..1 + rng.below(3) {
                chains.insert(rng.pick(Chain::ALL));
            }
            let name = format!("Synthetic incident {i}");
            Incident {
                id: Cow::Owned(format!("synthetic-{i}")),
                date,
                name: Cow::Owned(name),
                category: rng.pick(Category::ALL),
                chains,
                loss_usd,
                recovered_usd: None,
                realised_usd: None,
                valuation: Valuation::Market,
                scope: Scope::Theft,
                vector: rng.pick(Vector::ALL),
                attribution,
                attribution_by: Cow::Borrowed(if attribution == Attribution::Unknown {
                    ""
                } else {
                    "synthetic"
                }),
                disputed_by: Cow::Borrowed(""),
                source_keys: Cow::Borrowed(&[0]),
                source_names: Cow::Borrowed(&[]),
            }
        })
        .collect()
}

/// The notes and sources of [`generate`]'s rows (the same `count` and `seed`).
pub fn details(count: usize, seed: u64) -> Vec<IncidentDetails> {
    (0..count)
        .map(|i| IncidentDetails {
            sources: Cow::Borrowed(SYNTHETIC_SOURCES),
            note: Cow::Owned(format!("generated row {i} (seed {seed})")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_rows_and_all_within_the_covered_years() {
        let a = generate(2_000, 7);
        assert_eq!(a, generate(2_000, 7));
        assert_ne!(a, generate(2_000, 8));
        assert!(a
            .iter()
            .all(|r| (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(&r.date))));
        assert!(a.iter().any(|r| r.attribution.is_dprk()));
        assert!(a.iter().all(|r| r.loss_usd >= 100_000));
    }
}
