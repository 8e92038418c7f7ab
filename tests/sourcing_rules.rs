//! The sourcing rules that `build.rs` enforces, one failing row each: every case starts from a
//! row that passes and changes one thing, so each test shows exactly what the rule rejects.
#![cfg(not(target_arch = "wasm32"))]

use crypto_heist_explorer::data::sourcing::parse_dataset;

const HEADER: &str = "id,date,name,category,chains,loss_usd,recovered_usd,vector,attribution,attribution_by,source_url,note,valuation,realised_usd,disputed_by,scope\n";

const SOURCES_HEADER: &str = "incident_id,url,publisher,kind,supports,published,note\n";

/// An incident row with the given loss, recovery, attribution and source URLs.
fn incident(loss: u64, recovered: &str, attribution: &str, urls: &[&str]) -> String {
    let by = if attribution == "unknown" { "" } else { "FBI" };
    format!(
        "{HEADER}big-2024,2024-03-01,Big,cex,ethereum,{loss},{recovered},insider,{attribution},{by},{},,market,,,theft\n",
        urls.join(";")
    )
}

fn sources(rows: &[(&str, &str, &str, &str)]) -> String {
    let mut text = SOURCES_HEADER.to_string();
    for (url, publisher, kind, supports) in rows {
        text.push_str(&format!("big-2024,{url},{publisher},{kind},{supports},,\n"));
    }
    text
}

fn problems(incidents: &str, sources: &str) -> Vec<String> {
    match parse_dataset("data/incidents.csv", incidents, "data/sources.csv", sources) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

const A: &str = "https://a.example/1";
const B: &str = "https://b.example/2";

#[test]
fn a_well_sourced_row_passes() {
    let src = sources(&[
        (A, "DMM Bitcoin", "victim", "date;amount"),
        (B, "FBI", "official", "attribution"),
    ]);
    assert_eq!(
        problems(&incident(60_000_000, "", "dprk_confirmed", &[A, B]), &src),
        Vec::<String>::new()
    );
}

#[test]
fn files_saved_with_a_byte_order_mark_read_the_same() {
    let src = sources(&[
        (A, "DMM Bitcoin", "victim", "date;amount"),
        (B, "FBI", "official", "attribution"),
    ]);
    let rows = incident(60_000_000, "", "dprk_confirmed", &[A, B]);
    assert_eq!(
        problems(&format!("\u{feff}{rows}"), &format!("\u{feff}{src}")),
        Vec::<String>::new()
    );
}

#[test]
fn rule_every_incident_has_a_source_for_its_date_and_its_amount() {
    let src = sources(&[(A, "The Block", "press", "amount")]);
    assert_eq!(
        problems(&incident(1_000_000, "", "unknown", &[A]), &src),
        vec!["data/incidents.csv:2: 'big-2024': no source supports its date"]
    );
    let none = SOURCES_HEADER.to_string();
    assert_eq!(
        problems(&incident(1_000_000, "", "unknown", &[A]), &none),
        vec!["data/incidents.csv:2: 'big-2024' has no row in sources.csv"]
    );
}

#[test]
fn rule_dprk_confirmed_needs_an_official_victim_or_newsroom_source_for_the_attribution() {
    let src = sources(&[(A, "Elliptic", "investigator", "date;amount;attribution")]);
    assert_eq!(
        problems(&incident(1_000_000, "", "dprk_confirmed", &[A]), &src),
        vec!["data/incidents.csv:2: 'big-2024': dprk_confirmed needs an official, victim or newsroom source supporting the attribution"]
    );
    // The same source is enough for "suspected".
    assert!(problems(&incident(1_000_000, "", "dprk_suspected", &[A]), &src).is_empty());
}

#[test]
fn rule_dprk_suspected_needs_more_than_a_relay_for_the_attribution() {
    let src = sources(&[
        (A, "The Block", "press", "date;amount"),
        (B, "Crypto Blog", "relay", "attribution"),
    ]);
    assert_eq!(
        problems(&incident(1_000_000, "", "dprk_suspected", &[A, B]), &src),
        vec!["data/incidents.csv:2: 'big-2024': dprk_suspected needs a source other than a relay supporting the attribution"]
    );
}

#[test]
fn rule_ten_million_needs_two_independent_publishers_or_a_primary_source() {
    let one_press = sources(&[
        (A, "The Block", "press", "date;amount"),
        (B, "Crypto Blog", "relay", "date;amount"),
    ]);
    assert_eq!(
        problems(&incident(10_000_000, "", "unknown", &[A, B]), &one_press),
        vec!["data/incidents.csv:2: 'big-2024': a loss of $10M or more needs two independent publishers (not relays) or one official or victim source"]
    );
    // Just under the threshold, one newsroom is enough.
    assert!(problems(&incident(9_999_999, "", "unknown", &[A, B]), &one_press).is_empty());
    let victim = sources(&[(A, "Bybit", "victim", "date;amount")]);
    assert!(problems(&incident(10_000_000, "", "unknown", &[A]), &victim).is_empty());
}

#[test]
fn rule_fifty_million_must_not_lead_with_a_relay_or_a_list() {
    let src = sources(&[
        (A, "DeFiHackLabs", "aggregator", "date;amount"),
        (B, "The Block", "press", "date;amount"),
    ]);
    let two = |loss| problems(&incident(loss, "", "unknown", &[A, B]), &src);
    assert!(two(49_999_999).is_empty());
    assert_eq!(
        two(50_000_000),
        vec!["data/incidents.csv:2: 'big-2024': a loss of $50M or more must not list a aggregator first"]
    );
}

#[test]
fn rule_a_recovery_needs_a_source_that_states_it() {
    let src = sources(&[(A, "The Block", "press", "date;amount")]);
    assert_eq!(
        problems(&incident(1_000_000, "500000", "unknown", &[A]), &src),
        vec!["data/incidents.csv:2: 'big-2024': recovered_usd is set but no source supports the recovery"]
    );
}

#[test]
fn rule_source_url_lists_the_sources_in_order() {
    let src = sources(&[
        (A, "The Block", "press", "date;amount"),
        (B, "CoinDesk", "press", "date"),
    ]);
    let message = &problems(&incident(1_000_000, "", "unknown", &[B, A]), &src)[0];
    assert!(
        message.contains("source_url must list the sources.csv URLs in the same order"),
        "{message}"
    );
}

#[test]
fn sources_csv_rows_are_checked_on_their_own() {
    let inc = incident(1_000_000, "", "unknown", &[A]);
    let bad = |row: &str| {
        problems(&inc, &format!("{SOURCES_HEADER}{row}\n"))
            .into_iter()
            .find(|m| m.starts_with("data/sources.csv:2:"))
            .unwrap_or_else(|| panic!("no sources.csv error for {row}"))
    };
    assert!(bad(&format!("big-2024,{A},theblock.co,press,date;amount,,")).contains("is a domain"));
    assert!(
        bad(&format!("big-2024,{A},The Block,blog,date;amount,,")).contains("unknown kind 'blog'")
    );
    assert!(bad(&format!("big-2024,{A},The Block,press,date;vibes,,"))
        .contains("unknown supports value 'vibes'"));
    assert!(bad(&format!(
        "big-2024,{A},The Block,press,date;amount,2024-13-01,"
    ))
    .contains("published"));
    assert!(
        bad(&format!("nobody-2024,{A},The Block,press,date;amount,,"))
            .contains("not in incidents.csv")
    );
    let twice = format!("{SOURCES_HEADER}big-2024,{A},The Block,press,date;amount,,\nbig-2024,{A},The Block,press,date,,\n");
    assert!(problems(&inc, &twice)
        .iter()
        .any(|m| m.contains("lists https://a.example/1 twice")));
}
