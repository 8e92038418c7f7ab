//! The dataset as readers will check it: well-known incidents match their sources, and a bad
//! row stops the build with `file:LINE: what is wrong`.
#![cfg(not(target_arch = "wasm32"))]

use crypto_heist_explorer::data::validate::parse_incidents;
use crypto_heist_explorer::data::{Attribution, INCIDENTS};
use std::path::Path;
use std::process::Command;

/// Each entry checked against the source cited in data/CHANGES.md ("Checked").
const WELL_KNOWN: &[(&str, &str, u64, Attribution)] = &[
    (
        "dmm-bitcoin-2024",
        "2024-05-31",
        305_000_000,
        Attribution::DprkConfirmed,
    ),
    (
        "wazirx-2024",
        "2024-07-18",
        235_000_000,
        Attribution::DprkConfirmed,
    ),
    (
        "atomic-wallet-2023",
        "2023-06-02",
        100_000_000,
        Attribution::DprkConfirmed,
    ),
    (
        "alphapo-2023",
        "2023-07-22",
        60_000_000,
        Attribution::DprkConfirmed,
    ),
    (
        "stake-com-2023",
        "2023-09-04",
        41_000_000,
        Attribution::DprkConfirmed,
    ),
    (
        "radiant-capital-2024-10",
        "2024-10-16",
        50_000_000,
        Attribution::DprkConfirmed,
    ),
    (
        "mixin-network-2023",
        "2023-09-23",
        200_000_000,
        Attribution::DprkSuspected,
    ),
    (
        "poloniex-2023",
        "2023-11-10",
        126_000_000,
        Attribution::DprkSuspected,
    ),
    (
        "coinex-2023",
        "2023-09-12",
        54_000_000,
        Attribution::DprkSuspected,
    ),
    (
        "orbit-chain-2023",
        "2023-12-31",
        81_500_000,
        Attribution::DprkSuspected,
    ),
    (
        "euler-finance-2023",
        "2023-03-13",
        197_000_000,
        Attribution::Unknown,
    ),
    (
        "multichain-2023",
        "2023-07-06",
        125_000_000,
        Attribution::Unknown,
    ),
    (
        "munchables-2024",
        "2024-03-26",
        62_500_000,
        Attribution::DprkSuspected,
    ),
    (
        "bingx-2024",
        "2024-09-20",
        52_000_000,
        Attribution::DprkSuspected,
    ),
];

#[test]
fn well_known_incidents_have_their_sourced_date_amount_and_attribution() {
    for (id, date, loss, attribution) in WELL_KNOWN {
        let row = INCIDENTS
            .iter()
            .find(|r| r.id == *id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(row.date.to_string(), *date, "{id} date");
        assert_eq!(row.loss_usd, *loss, "{id} loss");
        assert_eq!(row.attribution, *attribution, "{id} attribution");
        assert!(row.sources().count() > 0, "{id} has a source");
    }
}

#[test]
fn every_dprk_row_says_who_attributed_it() {
    for row in INCIDENTS.iter().filter(|r| r.attribution.is_dprk()) {
        assert!(!row.attribution_by.trim().is_empty(), "{}", row.id);
    }
}

const HEADER: &str =
    "id,date,name,category,chains,loss_usd,recovered_usd,vector,attribution,attribution_by,source_url,note\n";
const GOOD: &str =
    "ok-2024,2024-01-02,Okay,defi,ethereum,1000000,,flash_loan,unknown,,https://example.org/a,\n";

fn error_for(bad_row: &str) -> String {
    let text = format!("{HEADER}{GOOD}{bad_row}\n");
    let errors = parse_incidents("data/incidents.csv", &text).expect_err("row must be rejected");
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors[0].to_string()
}

#[test]
fn rejects_a_duplicate_id() {
    let row = GOOD.trim_end().replace("Okay", "Other name");
    assert_eq!(
        error_for(&row),
        "data/incidents.csv:3: duplicate id 'ok-2024' (first on line 2)"
    );
}

#[test]
fn rejects_a_date_outside_the_covered_years() {
    let row = "x-2025,2025-01-01,X,defi,ethereum,1,,flash_loan,unknown,,https://e.org,";
    assert_eq!(
        error_for(row),
        "data/incidents.csv:3: date 2025-01-01 is outside 2023-01-01..2024-12-31"
    );
}

#[test]
fn rejects_a_negative_amount() {
    let row = "x,2024-01-01,X,defi,ethereum,-5,,flash_loan,unknown,,https://e.org,";
    assert_eq!(
        error_for(row),
        "data/incidents.csv:3: loss_usd '-5' is negative"
    );
}

#[test]
fn rejects_a_non_integer_amount() {
    let row = "x,2024-01-01,X,defi,ethereum,1.5,,flash_loan,unknown,,https://e.org,";
    assert_eq!(
        error_for(row),
        "data/incidents.csv:3: loss_usd '1.5' is not a whole number of dollars"
    );
}

#[test]
fn rejects_an_unknown_category() {
    let row = "x,2024-01-01,X,casino,ethereum,1,,flash_loan,unknown,,https://e.org,";
    let message = error_for(row);
    assert!(
        message.starts_with(
            "data/incidents.csv:3: unknown category 'casino' (expected one of: defi, cex,"
        ),
        "{message}"
    );
}

#[test]
fn rejects_an_unknown_vector_attribution_or_chain() {
    let vector = "x,2024-01-01,X,defi,ethereum,1,,magic,unknown,,https://e.org,";
    assert!(error_for(vector).contains("unknown vector 'magic'"));
    let attribution = "x,2024-01-01,X,defi,ethereum,1,,flash_loan,aliens,,https://e.org,";
    assert!(error_for(attribution).contains("unknown attribution 'aliens'"));
    let chain = "x,2024-01-01,X,defi,ethereum;plasma9,1,,flash_loan,unknown,,https://e.org,";
    assert!(error_for(chain).contains("unknown chain 'plasma9'"));
}

#[test]
fn rejects_a_missing_source_url() {
    let row = "x,2024-01-01,X,defi,ethereum,1,,flash_loan,unknown,,,";
    assert_eq!(error_for(row), "data/incidents.csv:3: missing source_url");
}

#[test]
fn rejects_recovered_above_loss() {
    let row = "x,2024-01-01,X,defi,ethereum,10,11,flash_loan,unknown,,https://e.org,";
    assert_eq!(
        error_for(row),
        "data/incidents.csv:3: recovered_usd 11 exceeds loss_usd 10"
    );
}

#[test]
fn rejects_a_dprk_row_without_attribution_by() {
    let row = "x,2024-01-01,X,defi,ethereum,1,,flash_loan,dprk_suspected,,https://e.org,";
    assert!(error_for(row).contains("needs attribution_by"));
}

/// The real build: a copy of data/ with one broken row makes `cargo check` fail with the
/// file:line message (HEIST_DATA_DIR points build.rs at the copy).
#[test]
fn a_broken_row_in_a_copy_of_the_data_fails_the_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = root.join("target").join("broken-data");
    std::fs::create_dir_all(&copy).unwrap();
    for name in ["aggregates.csv", "events.csv"] {
        std::fs::copy(root.join("data").join(name), copy.join(name)).unwrap();
    }
    let mut incidents = std::fs::read_to_string(root.join("data/incidents.csv")).unwrap();
    let lines = incidents.lines().count();
    incidents.push_str(
        "broken-row,2024-02-30,Broken,defi,ethereum,1,,flash_loan,unknown,,https://e.org,\n",
    );
    std::fs::write(copy.join("incidents.csv"), incidents).unwrap();

    let output = Command::new(env!("CARGO"))
        .args(["check", "--lib", "--quiet", "--target-dir"])
        .arg(root.join("target").join("broken-data-build"))
        .env("HEIST_DATA_DIR", &copy)
        .current_dir(root)
        .output()
        .expect("run cargo");
    assert!(!output.status.success(), "the build must fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:{}: date '2024-02-30' is not a date in YYYY-MM-DD form",
        copy.join("incidents.csv").display(),
        lines + 1
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
}
