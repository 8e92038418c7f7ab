//! The dataset as readers will check it: well-known incidents match their sources, and a bad
//! row stops the build with `file:LINE: what is wrong`.
#![cfg(not(target_arch = "wasm32"))]

use crypto_heist_explorer::data::validate::parse_incidents;
use crypto_heist_explorer::data::{Attribution, INCIDENTS};
use std::path::Path;
use std::process::Command;

/// Each entry checked against the source cited in data/CHANGES.md ("Checked", and the fourth
/// pass for Mixin's revised loss, Orbit's withdrawn attribution and BingX's UTC date).
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
        150_000_000,
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
        Attribution::Unknown,
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
        "2024-09-19",
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
        assert!(!row.source_keys.is_empty(), "{id} has a source");
    }
}

/// The value basis and scope of the rows the issue named: PlayDapp's face value, Multichain's
/// operator-side loss, the returned Munchables and Euler funds.
#[test]
fn face_values_scopes_and_recoveries_of_well_known_incidents() {
    use crypto_heist_explorer::data::{Basis, Scope, Valuation};
    let row = |id: &str| INCIDENTS.iter().find(|r| r.id == id).unwrap();
    let playdapp = row("playdapp-2024");
    assert_eq!(playdapp.valuation, Valuation::FaceValue);
    assert_eq!(playdapp.value(Basis::Reported), 290_000_000);
    assert_eq!(playdapp.value(Basis::Realised), 32_350_000);
    assert!(playdapp.is_disputed());
    assert_eq!(row("multichain-2023").scope, Scope::Custody);
    assert_eq!(row("munchables-2024").value(Basis::Net), 0);
    assert_eq!(row("euler-finance-2023").value(Basis::Net), 19_300_000);
    assert_eq!(row("kraken-certik-2024").scope, Scope::Whitehat);
}

#[test]
fn every_dprk_row_says_who_attributed_it() {
    for row in INCIDENTS.iter().filter(|r| r.attribution.is_dprk()) {
        assert!(!row.attribution_by.trim().is_empty(), "{}", row.id);
    }
}

const HEADER: &str = "id,date,name,category,chains,loss_usd,recovered_usd,vector,attribution,attribution_by,source_url,note,valuation,realised_usd,disputed_by,scope\n";
const GOOD: &str =
    "ok-2024,2024-01-02,Okay,defi,ethereum,1000000,,flash_loan,unknown,,https://example.org/a,,market,,,theft\n";

/// A row of the old twelve columns, completed as a market-value theft.
fn row(first_twelve: &str) -> String {
    format!("{first_twelve},market,,,theft")
}

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
fn rejects_an_implausible_year() {
    let row = row("x-2001,2001-01-01,X,defi,ethereum,1,,flash_loan,unknown,,https://e.org,");
    assert_eq!(
        error_for(&row),
        "data/incidents.csv:3: date 2001-01-01 is outside 2009-01-01..2100-12-31"
    );
}

/// A year of data is added by adding rows: a copy of the data with one synthetic incident in
/// the year after the last covered one builds through build.rs, and `tests/years_as_data.rs`
/// then finds that year in the URL parser, the filters, the charts and the sentences.
#[test]
fn an_extra_year_of_rows_flows_through_with_no_code_change() {
    use crypto_heist_explorer::data::LAST_YEAR;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = root.join("target").join("extra-year-data");
    std::fs::create_dir_all(&copy).unwrap();
    for name in ["aggregates.csv", "events.csv"] {
        std::fs::copy(root.join("data").join(name), copy.join(name)).unwrap();
    }
    let year = LAST_YEAR + 1;
    let url = "https://example.org/synthetic-extra-year";
    let mut incidents = std::fs::read_to_string(root.join("data/incidents.csv")).unwrap();
    incidents.push_str(&format!(
        "synthetic-{year},{year}-03-15,Synthetic theft,cex,ethereum,12345678,,insider,unknown,,{url},,market,,,theft\n"
    ));
    std::fs::write(copy.join("incidents.csv"), incidents).unwrap();
    let mut sources = std::fs::read_to_string(root.join("data/sources.csv")).unwrap();
    sources.push_str(&format!(
        "synthetic-{year},{url},Synthetic Registry,official,date;amount,,\n"
    ));
    std::fs::write(copy.join("sources.csv"), sources).unwrap();

    let output = Command::new(env!("CARGO"))
        .args(["test", "--quiet", "--test", "years_as_data", "--target-dir"])
        .arg(root.join("target").join("extra-year-build"))
        .env("HEIST_DATA_DIR", &copy)
        .env("HEIST_EXTRA_YEAR", year.to_string())
        .current_dir(root)
        .output()
        .expect("run cargo");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "with a {year} row added:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("2 passed"), "{stdout}");
}

#[test]
fn rejects_a_negative_amount() {
    let row = row("x,2024-01-01,X,defi,ethereum,-5,,flash_loan,unknown,,https://e.org,");
    assert_eq!(
        error_for(&row),
        "data/incidents.csv:3: loss_usd '-5' is negative"
    );
}

#[test]
fn rejects_a_non_integer_amount() {
    let row = row("x,2024-01-01,X,defi,ethereum,1.5,,flash_loan,unknown,,https://e.org,");
    assert_eq!(
        error_for(&row),
        "data/incidents.csv:3: loss_usd '1.5' is not a whole number of dollars"
    );
}

#[test]
fn rejects_an_unknown_category() {
    let row = row("x,2024-01-01,X,casino,ethereum,1,,flash_loan,unknown,,https://e.org,");
    let message = error_for(&row);
    assert!(
        message.starts_with(
            "data/incidents.csv:3: unknown category 'casino' (expected one of: defi, cex,"
        ),
        "{message}"
    );
}

#[test]
fn rejects_an_unknown_vector_attribution_or_chain() {
    let vector = row("x,2024-01-01,X,defi,ethereum,1,,magic,unknown,,https://e.org,");
    assert!(error_for(&vector).contains("unknown vector 'magic'"));
    let attribution = row("x,2024-01-01,X,defi,ethereum,1,,flash_loan,aliens,,https://e.org,");
    assert!(error_for(&attribution).contains("unknown attribution 'aliens'"));
    let chain = row("x,2024-01-01,X,defi,ethereum;plasma9,1,,flash_loan,unknown,,https://e.org,");
    assert!(error_for(&chain).contains("unknown chain 'plasma9'"));
}

#[test]
fn rejects_a_missing_source_url() {
    let row = row("x,2024-01-01,X,defi,ethereum,1,,flash_loan,unknown,,,");
    assert_eq!(error_for(&row), "data/incidents.csv:3: missing source_url");
}

#[test]
fn rejects_recovered_above_loss() {
    let row = row("x,2024-01-01,X,defi,ethereum,10,11,flash_loan,unknown,,https://e.org,");
    assert_eq!(
        error_for(&row),
        "data/incidents.csv:3: recovered_usd 11 exceeds loss_usd 10"
    );
}

#[test]
fn rejects_a_dprk_row_without_attribution_by() {
    let row = row("x,2024-01-01,X,defi,ethereum,1,,flash_loan,dprk_suspected,,https://e.org,");
    assert!(error_for(&row).contains("needs attribution_by"));
}

#[test]
fn rejects_face_value_without_what_was_realised_and_realised_on_market_rows() {
    let base = "x,2024-01-01,X,defi,ethereum,100,,flash_loan,unknown,,https://e.org,";
    assert!(error_for(&format!("{base},face_value,,,theft")).contains("needs realised_usd"));
    assert!(error_for(&format!("{base},face_value,101,,theft")).contains("exceeds loss_usd"));
    assert!(error_for(&format!("{base},market,50,,theft")).contains("only for valuation"));
    assert!(error_for(&format!("{base},nominal,,,theft")).contains("unknown valuation"));
}

#[test]
fn rejects_an_unknown_scope_and_a_dispute_of_a_non_dprk_row() {
    let base = "x,2024-01-01,X,defi,ethereum,100,,flash_loan,unknown,,https://e.org,";
    assert!(error_for(&format!("{base},market,,,scam")).contains("unknown scope 'scam'"));
    assert!(
        error_for(&format!("{base},market,,Someone disagrees,theft"))
            .contains("disputed_by is for disputed DPRK attributions")
    );
}

#[test]
fn every_shipped_row_states_its_basis_and_scope_consistently() {
    use crypto_heist_explorer::data::{Basis, Valuation};
    for row in INCIDENTS {
        if row.valuation == Valuation::FaceValue {
            assert!(
                row.value(Basis::Realised) < row.value(Basis::Reported),
                "{}",
                row.id
            );
        } else {
            assert_eq!(row.value(Basis::Realised), row.loss_usd, "{}", row.id);
        }
        assert!(
            row.value(Basis::Net) <= row.value(Basis::Realised),
            "{}",
            row.id
        );
        assert!(!row.source_keys.is_empty(), "{}", row.id);
    }
}

/// The real build: a copy of data/ with one broken row makes `cargo check` fail with the
/// file:line message (HEIST_DATA_DIR points build.rs at the copy).
#[test]
fn a_broken_row_in_a_copy_of_the_data_fails_the_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = root.join("target").join("broken-data");
    std::fs::create_dir_all(&copy).unwrap();
    for name in ["aggregates.csv", "events.csv", "sources.csv"] {
        std::fs::copy(root.join("data").join(name), copy.join(name)).unwrap();
    }
    let mut incidents = std::fs::read_to_string(root.join("data/incidents.csv")).unwrap();
    let lines = incidents.lines().count();
    incidents.push_str(
        "broken-row,2024-02-30,Broken,defi,ethereum,1,,flash_loan,unknown,,https://e.org,,market,,,theft\n",
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

#[test]
fn the_preview_image_shows_the_data_compiled_in() {
    // public/og-image.png is rendered from the app (`make og-image`), which records the data
    // version it showed; a data change without a new image would preview stale numbers.
    let meta =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/og-image.json"))
            .expect("public/og-image.json (make og-image)");
    let meta: serde_json::Value = serde_json::from_str(&meta).expect("og-image.json is JSON");
    assert_eq!(
        meta["data_version"].as_str(),
        Some(crypto_heist_explorer::data::DATA_VERSION),
        "public/og-image.png shows other data than data/*.csv: run `make og-image`"
    );
}

/// A repeat names a figure that exists; it is a misreport, with where the wrong number most
/// likely came from, exactly when it does not state the original to the precision it prints.
#[test]
fn repeats_and_misreports_are_checked_against_the_figure_they_name() {
    use crypto_heist_explorer::data::validate::parse_aggregates;
    let head = "source,year,metric,value,url,note,repeats,error\n";
    let original = "firm,2024,dprk_stolen_usd,1340000000,https://a.example/,,,\n";
    let parse = |rows: &str| parse_aggregates("aggregates.csv", &format!("{head}{original}{rows}"));
    let messages = |rows: &str| -> String {
        parse(rows)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Rounded to the digits printed: a repeat, no error.
    assert!(parse("news_a,2024,dprk_stolen_usd,1300000000,https://b.example/,,firm,\n").is_ok());
    // A different number with its likely origin: a misreport.
    assert!(parse(
        "news_b,2024,dprk_stolen_usd,1600000000,https://c.example/,,firm,a half-year total\n"
    )
    .is_ok());
    assert!(
        messages("news_b,2024,dprk_stolen_usd,1600000000,https://c.example/,,firm,\n").contains(
            "aggregates.csv:3: the value does not state firm' figure to the precision printed"
        )
    );
    assert!(
        messages("news_a,2024,dprk_stolen_usd,1300000000,https://b.example/,,firm,a guess\n")
            .contains("aggregates.csv:3: error is set, but the value states")
    );
    assert!(
        messages("news_c,2024,dprk_stolen_usd,1300000000,https://b.example/,,nobody,\n")
            .contains("repeats 'nobody' has no dprk_stolen_usd figure for 2024")
    );
    assert!(
        messages("news_d,2024,dprk_stolen_usd,1300000000,https://b.example/,,,an error\n")
            .contains("error is set but repeats is empty")
    );
    // The shipped data passes, and both seed articles' claims are in it.
    let shipped = crypto_heist_explorer::data::REPORTED_FIGURES;
    assert!(shipped
        .iter()
        .any(|f| f.source == "news_coinlume" && f.is_misreport()));
    assert!(shipped
        .iter()
        .any(|f| f.source == "news_thecoinrise" && f.is_repeat() && !f.is_misreport()));
}

/// The search and the name sort fold case for ASCII letters only (`data::fold_case`, which
/// keeps Unicode's case tables out of the wasm): that finds what full case folding would only
/// while names and notes have no other letter with a case. A row that brings one (an "Ü") fails
/// here, for a decision: fold it in `fold_case`, or write the name without it.
#[test]
fn names_and_notes_have_no_cased_letter_outside_ascii() {
    use crypto_heist_explorer::data::host_details;
    for (row, details) in INCIDENTS.iter().zip(host_details()) {
        for text in [row.name.as_ref(), details.note.as_ref()] {
            let cased = text
                .chars()
                .find(|c| !c.is_ascii() && (c.is_uppercase() || c.is_lowercase()));
            assert_eq!(cased, None, "{}: {text}", row.id);
        }
    }
}
