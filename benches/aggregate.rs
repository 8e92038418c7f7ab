//! Native throughput of filter + aggregate (`Breakdown::compute`, the work behind every state
//! change) at 300, 10k, 100k and 1M rows. Prints a table and, with `--json`, one JSON object
//! that `bench/run.mjs` folds into bench/results.json.

use crypto_heist_explorer::data::{synthetic, Attribution, Category, Year};
use crypto_heist_explorer::query::{Breakdown, Filters, RowIndex};
use std::hint::black_box;
use std::time::Instant;

fn filters() -> Vec<(&'static str, Filters)> {
    vec![
        ("no filter", Filters::default()),
        (
            "2024 · DPRK · CEX/bridge · ≥$1M",
            Filters {
                years: [Year::Y2024].into_iter().collect(),
                attributions: [Attribution::DprkConfirmed, Attribution::DprkSuspected]
                    .into_iter()
                    .collect(),
                categories: [Category::Cex, Category::Bridge].into_iter().collect(),
                min_usd: Some(1_000_000),
                ..Filters::default()
            },
        ),
        (
            "text search",
            Filters {
                text: "incident 99".into(),
                ..Filters::default()
            },
        ),
    ]
}

/// Median of `runs` timings in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let mut results = Vec::new();
    println!(
        "{:>9}  {:<34} {:>10} {:>16}",
        "rows", "filters", "median ms", "rows/second"
    );
    for count in [300usize, 10_000, 100_000, 1_000_000] {
        let rows = synthetic::generate(count, 2024);
        let details = synthetic::details(count, 2024);
        let index = RowIndex::new(&rows, Some(&details));
        let runs = if count >= 1_000_000 { 15 } else { 41 };
        for (label, f) in filters() {
            let ms = median_ms(runs, || {
                black_box(Breakdown::compute_indexed(black_box(&index), black_box(&f)));
            });
            let per_second = count as f64 / (ms / 1000.0);
            println!("{count:>9}  {label:<34} {ms:>10.3} {per_second:>16.0}");
            results.push(format!(
                "{{\"rows\":{count},\"filters\":\"{label}\",\"median_ms\":{ms:.4},\"rows_per_second\":{per_second:.0}}}"
            ));
        }
    }
    if json {
        println!("JSON {}", format_args!("[{}]", results.join(",")));
    }
}
