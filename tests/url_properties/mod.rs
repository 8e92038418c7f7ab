//! Strategies and properties shared by the quick test (`url_state`) and the long fuzz run
//! (`url_fuzz`).

use chrono::NaiveDate;
use crypto_heist_explorer::data::{
    Attribution, Basis, Category, Chain, Scope, Slug, SlugSet, Vector, Year,
};
use crypto_heist_explorer::query::Filters;
use crypto_heist_explorer::state::{parse, serialize, Sort, SortColumn, Theme, View, ViewState};
use proptest::prelude::*;

fn set<T: Slug + std::fmt::Debug>() -> impl Strategy<Value = SlugSet<T>> {
    let max = (1u64 << T::ALL.len()) - 1;
    (0..=max).prop_map(SlugSet::from_bits)
}

fn one_of<T: Slug + std::fmt::Debug>() -> impl Strategy<Value = T> {
    (0..T::ALL.len()).prop_map(|i| T::ALL[i])
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((0u32..731).prop_map(|d| {
        NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(u64::from(d))
    }))
}

fn amount() -> impl Strategy<Value = Option<u64>> {
    proptest::option::of(0u64..=10_000_000_000_000)
}

prop_compose! {
    pub fn any_state()(
        view in one_of::<View>(),
        years in set::<Year>(),
        attributions in set::<Attribution>(),
        categories in set::<Category>(),
        vectors in set::<Vector>(),
        chains in set::<Chain>(),
        scopes in set::<Scope>(),
        basis in one_of::<Basis>(),
        min_usd in amount(),
        max_usd in amount(),
        from in date(),
        to in date(),
        text in "\\PC{0,100}",
        column in one_of::<SortColumn>(),
        descending in any::<bool>(),
        embed in any::<bool>(),
        controls in any::<bool>(),
        theme in proptest::option::of(one_of::<Theme>()),
        incident in proptest::option::of(proptest::sample::select(
            crypto_heist_explorer::data::INCIDENTS.iter().map(|r| r.id.as_ref()).collect::<Vec<&'static str>>()
        )),
    ) -> ViewState {
        let mut filters = Filters { years, attributions, categories, vectors, chains, min_usd, max_usd, from, to, text, scopes: SlugSet::EMPTY, basis };
        // The panel and the parser store the default scope selection as empty.
        filters.set_scopes(scopes);
        ViewState {
            view,
            filters,
            sort: Sort { column, descending },
            embed,
            controls,
            theme,
            incident,
        }
    }
}

/// parse(serialize(s)) == s, with nothing reported as ignored.
pub fn round_trips(state: &ViewState) -> Result<(), TestCaseError> {
    let query = serialize(state);
    let parsed = parse(&query);
    prop_assert!(parsed.ignored.is_empty(), "{query} → {:?}", parsed.ignored);
    prop_assert_eq!(&parsed.state, state, "{}", query);
    Ok(())
}

/// Any string parses without panicking, and what it parses to is a fixed point.
pub fn parses_to_a_fixed_point(raw: &str) -> Result<(), TestCaseError> {
    let first = parse(raw).state;
    let again = parse(&serialize(&first));
    prop_assert!(again.ignored.is_empty());
    prop_assert_eq!(again.state, first);
    Ok(())
}

/// Query-like strings: real keys and separators mixed with arbitrary text and escapes.
pub fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("view"),
        Just("year"),
        Just("attr"),
        Just("cat"),
        Just("vec"),
        Just("chain"),
        Just("scope"),
        Just("basis"),
        Just("min"),
        Just("max"),
        Just("from"),
        Just("to"),
        Just("q"),
        Just("sort"),
        Just("embed"),
        Just("controls"),
        Just("theme"),
        Just("v"),
        Just("x"),
    ];
    let value = prop_oneof![
        "\\PC{0,24}",
        "[a-z_,0-9.-]{0,24}",
        "(%[0-9A-Fa-f]{2}|%|[+&=,])+{0,8}",
        Just("dprk,other".to_string()),
        Just("2024-06-19".to_string()),
        Just("-loss".to_string()),
        Just("theft,whitehat".to_string()),
        Just("net".to_string()),
    ];
    proptest::collection::vec((key, value), 0..12).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}
