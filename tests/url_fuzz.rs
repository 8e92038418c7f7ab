//! The long URL-parser fuzz run: `make fuzz` (1,000,000 cases per property by default;
//! URL_FUZZ_CASES overrides). Ignored in `make test`, which runs 10,000 cases per property.
#![cfg(not(target_arch = "wasm32"))]

mod url_properties;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::time::Instant;
use url_properties::*;

fn cases() -> u32 {
    std::env::var("URL_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

fn run<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let cases = cases();
    let started = Instant::now();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, test);
    println!(
        "url_fuzz {name}: {cases} cases in {:.1} s, crashes = {}",
        started.elapsed().as_secs_f64(),
        if result.is_ok() { 0 } else { 1 }
    );
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

#[test]
#[ignore = "long run: make fuzz"]
fn fuzz_round_trip_and_fixed_point() {
    run("round-trip", any_state(), |s| round_trips(&s));
    run("random strings", "\\PC{0,400}", |raw| {
        parses_to_a_fixed_point(&raw)
    });
    run("query-like strings", query_like(), |raw| {
        parses_to_a_fixed_point(&raw)
    });
}
