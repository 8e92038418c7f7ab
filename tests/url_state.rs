//! URL state as a public interface: every state survives a round trip, and no string panics
//! the parser. `make fuzz` runs the same properties with 1,000,000 cases.
#![cfg(not(target_arch = "wasm32"))]

mod url_properties;

use crypto_heist_explorer::state::{parse, serialize};

#[test]
fn documented_example_parses_to_what_it_says() {
    let parsed = parse("?view=cumulative&year=2024&attr=dprk&cat=cex,bridge&min=1000000&q=wazirx");
    assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
    assert_eq!(
        serialize(&parsed.state),
        "view=cumulative&year=2024&attr=dprk&cat=cex,bridge&min=1000000&q=wazirx"
    );
}

#[test]
fn ignores_unknown_keys_and_bad_values_and_says_so() {
    let parsed = parse("min=abc&colour=red&year=2022,2024&view=pie");
    let said: Vec<String> = parsed
        .ignored
        .iter()
        .map(|i| format!("{}={}", i.key, i.value))
        .collect();
    assert_eq!(said, vec!["min=abc", "colour=red", "year=2022", "view=pie"]);
    assert_eq!(serialize(&parsed.state), "year=2024");
}

#[test]
fn repeated_single_keys_keep_the_last_value_and_lists_merge() {
    let parsed = parse("view=monthly&view=sizes&cat=cex&cat=bridge");
    assert_eq!(serialize(&parsed.state), "view=sizes&cat=cex,bridge");
    assert_eq!(parsed.ignored.len(), 1);
    assert_eq!(parsed.ignored[0].value, "monthly");
}

#[test]
fn defaults_are_omitted_and_lists_are_in_canonical_order() {
    let parsed = parse("view=overview&sort=-loss&cat=bridge,cex&embed=0&attr=unknown,dprk_suspected,dprk_confirmed");
    assert_eq!(serialize(&parsed.state), "attr=dprk,unknown&cat=cex,bridge");
}

#[test]
fn amounts_accept_suffixes_and_out_of_range_numbers_are_dropped() {
    assert_eq!(
        serialize(&parse("min=1.5m&max=2b").state),
        "min=1500000&max=2000000000"
    );
    let parsed = parse("min=99999999999999999999&max=-3");
    assert_eq!(serialize(&parsed.state), "");
    assert_eq!(parsed.ignored.len(), 2);
}

#[test]
fn amounts_are_read_exactly_in_whole_dollars() {
    let min = |text: &str| {
        let parsed = parse(&format!("min={text}"));
        parsed
            .state
            .filters
            .min_usd
            .ok_or_else(|| parsed.ignored[0].reason.clone())
    };
    assert_eq!(min("2.5m"), Ok(2_500_000));
    assert_eq!(min("$1,234.5k"), Ok(1_234_500));
    assert_eq!(min("0.000001m"), Ok(1));
    assert_eq!(min("1.250000000m"), Ok(1_250_000));
    assert_eq!(min(".5k"), Ok(500));
    assert_eq!(min("10000000000000"), Ok(10_000_000_000_000));
    assert_eq!(
        min("1.0000001m"),
        Err("not a whole number of dollars".into())
    );
    assert_eq!(min("0.5"), Err("not a whole number of dollars".into()));
    assert_eq!(min("10000000000001"), Err("out of range".into()));
    assert_eq!(min("18446744073709551616"), Err("out of range".into()));
}

#[test]
fn invalid_percent_encoding_is_kept_literally() {
    let parsed = parse("q=100%zz");
    assert_eq!(parsed.state.filters.text, "100%zz");
    assert_eq!(serialize(&parsed.state), "q=100%25zz");
}

#[test]
fn a_ten_thousand_character_search_is_dropped_with_a_notice() {
    let parsed = parse(&format!("q={}", "a".repeat(10_000)));
    assert_eq!(parsed.state.filters.text, "");
    assert_eq!(parsed.ignored.len(), 1);
    assert!(parsed.ignored[0].value.chars().count() <= 41);
}

mod properties {
    use super::url_properties::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn every_state_survives_a_round_trip(state in any_state()) {
            round_trips(&state)?;
        }

        #[test]
        fn random_strings_never_panic_and_settle(raw in "\\PC{0,200}") {
            parses_to_a_fixed_point(&raw)?;
        }

        #[test]
        fn query_like_strings_never_panic_and_settle(raw in query_like()) {
            parses_to_a_fixed_point(&raw)?;
        }
    }
}

#[test]
fn a_100_kb_hostile_link_is_read_only_up_to_the_limits_and_reported() {
    use crypto_heist_explorer::state::url_codec::{MAX_PAIRS, MAX_QUERY_LEN};
    let raw = format!("q={}&{}", "%".repeat(50_000), "cat=defi&".repeat(6_000));
    let parsed = parse(&raw);
    assert!(parsed.ignored.iter().any(|i| i.reason.contains("too long")));
    assert!(parsed.ignored.iter().any(|i| i.key == "q"));
    // Bounded work: nothing past the first MAX_QUERY_LEN bytes or MAX_PAIRS pairs is read, so
    // the rest of the link cannot change the outcome. (Speed is measured by `make bench`.)
    let mut longer = raw.clone();
    longer.push_str(&"&view=table".repeat(5_000));
    assert_eq!(parse(&longer).state, parsed.state);
    let many: String = (0..MAX_PAIRS + 10)
        .map(|i| {
            if i < MAX_PAIRS {
                "cat=defi&"
            } else {
                "view=table&"
            }
        })
        .collect();
    assert!(many.len() < MAX_QUERY_LEN);
    assert_ne!(
        parse(&many).state.view,
        crypto_heist_explorer::state::View::Table
    );
}

/// The app's start loads the notes before a link with a search: it sees the search as the
/// parser does, before parsing.
#[test]
fn a_search_is_seen_before_parsing_as_the_parser_sees_it() {
    use crypto_heist_explorer::state::query_string::asks_for_search;
    for query in ["?q=lazarus", "view=table&Q=%20x", "?year=2024&q=a+b"] {
        assert!(asks_for_search(query), "{query}");
        assert!(parse(query).state.filters.searches(), "{query}");
    }
    for query in ["", "?q=", "?q=%20%20", "?view=table", "?qq=x", "?q"] {
        assert!(!asks_for_search(query), "{query}");
        assert!(!parse(query).state.filters.searches(), "{query}");
    }
}
