//! `ViewState` ↔ query string. The keys are a public interface (journalists write them by
//! hand), so parsing is an allow-list: every key/value is used, or dropped and reported as
//! [`Ignored`]; nothing panics and nothing is guessed. Serialising writes only what differs from
//! the defaults, lists in canonical order, so one state has exactly one URL.

use super::url_codec::{encode, split_pairs};
use super::view_state::{Sort, SortColumn, Theme, View, ViewState};
use crate::data::{Attribution, Basis, Scope, Slug, SlugSet, FIRST_YEAR, LAST_YEAR};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// Longest value of any key but `q`, in bytes.
pub const MAX_VALUE_LEN: usize = 512;
/// Longest search text, in characters.
pub const MAX_SEARCH_CHARS: usize = 100;
/// Largest accepted amount for `min`/`max` (ten trillion dollars).
pub const MAX_AMOUNT: u64 = 10_000_000_000_000;
/// The link format written today; `v=` is only needed once a future format differs.
pub const VERSION: &str = "1";

/// A key or value that was dropped, and why; shown to the reader as "Ignored: min=abc".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl Ignored {
    fn new(key: &str, value: &str, reason: impl Into<String>) -> Self {
        Ignored {
            key: shorten(key),
            value: shorten(value),
            reason: reason.into(),
        }
    }
}

/// Notices quote what the reader typed, but never 10,000 characters of it.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(MAX).collect();
        short.push('…');
        short
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub state: ViewState,
    pub ignored: Vec<Ignored>,
}

/// Whether a query string has a search (`q` with some text): what the app's start asks, before
/// it parses anything, to load the notes first. A `q` that [`parse`] then refuses (too long)
/// only makes that load early.
pub fn asks_for_search(query: &str) -> bool {
    split_pairs(query)
        .0
        .iter()
        .any(|(key, value)| key.trim().eq_ignore_ascii_case("q") && !value.trim().is_empty())
}

/// Reads a query string (with or without the leading `?`). Repeated list keys (`cat=a&cat=b`)
/// are merged; a repeated single-value key keeps its last value and reports the earlier ones.
pub fn parse(query: &str) -> Parsed {
    let (pairs, truncated) = split_pairs(query);
    let mut parsed = Parsed::default();
    if truncated {
        parsed.ignored.push(Ignored::new(
            "…",
            "",
            "the link is too long; the rest of it was not read",
        ));
    }
    let mut seen_single: HashSet<&'static str> = HashSet::new();
    for (raw_key, value) in &pairs {
        let key = raw_key.trim().to_ascii_lowercase();
        let Some(key) = KEYS.iter().copied().find(|k| *k == key) else {
            parsed
                .ignored
                .push(Ignored::new(raw_key, value, "unknown parameter"));
            continue;
        };
        if !LIST_KEYS.contains(&key) && !seen_single.insert(key) {
            let earlier = pairs
                .iter()
                .rev()
                .skip_while(|(k, v)| !(k.trim().eq_ignore_ascii_case(key) && v == value))
                .skip(1)
                .find(|(k, _)| k.trim().eq_ignore_ascii_case(key));
            if let Some((_, earlier)) = earlier {
                parsed.ignored.push(Ignored::new(
                    key,
                    earlier,
                    "given more than once; the last value is used",
                ));
            }
        }
        if let Err(reason) = apply(&mut parsed, key, value) {
            parsed.ignored.push(Ignored::new(key, value, reason));
        }
    }
    parsed
}

const LIST_KEYS: &[&str] = &["year", "attr", "cat", "vec", "chain", "scope"];
const KEYS: &[&str] = &[
    "view", "year", "attr", "cat", "vec", "chain", "scope", "basis", "min", "max", "from", "to",
    "q", "sort", "embed", "controls", "theme", "v", "incident",
];

fn apply(parsed: &mut Parsed, key: &str, value: &str) -> Result<(), String> {
    let state = &mut parsed.state;
    if key != "q" && value.len() > MAX_VALUE_LEN {
        return Err(format!("longer than {MAX_VALUE_LEN} characters"));
    }
    let value_lc = value.trim().to_ascii_lowercase();
    match key {
        "view" => state.view = one_of(&value_lc, "view")?,
        "year" => list(
            &mut state.filters.years,
            &value_lc,
            key,
            &mut parsed.ignored,
        )?,
        "attr" => attributions(
            &mut state.filters.attributions,
            &value_lc,
            &mut parsed.ignored,
        )?,
        "cat" => list(
            &mut state.filters.categories,
            &value_lc,
            key,
            &mut parsed.ignored,
        )?,
        "vec" => list(
            &mut state.filters.vectors,
            &value_lc,
            key,
            &mut parsed.ignored,
        )?,
        "chain" => list(
            &mut state.filters.chains,
            &value_lc,
            key,
            &mut parsed.ignored,
        )?,
        "scope" => {
            let mut scopes = state.filters.scopes;
            list(&mut scopes, &value_lc, key, &mut parsed.ignored)?;
            state.filters.set_scopes(scopes);
        }
        "basis" => state.filters.basis = one_of(&value_lc, "basis")?,
        "min" => state.filters.min_usd = Some(parse_amount(&value_lc)?),
        "max" => state.filters.max_usd = Some(parse_amount(&value_lc)?),
        "from" => state.filters.from = Some(parse_covered_date(&value_lc)?),
        "to" => state.filters.to = Some(parse_covered_date(&value_lc)?),
        "q" => {
            let chars = value.chars().count();
            if chars > MAX_SEARCH_CHARS {
                return Err(format!(
                    "search text is {chars} characters; at most {MAX_SEARCH_CHARS} are allowed"
                ));
            }
            state.filters.text = value.to_string();
        }
        "sort" => state.sort = sort(&value_lc)?,
        "incident" => state.incident = Some(incident_id(&value_lc)?),
        "embed" => state.embed = flag(&value_lc)?,
        "controls" => state.controls = flag(&value_lc)?,
        "theme" => state.theme = Some(one_of::<Theme>(&value_lc, "theme")?),
        "v" if value_lc == VERSION => {}
        "v" => {
            return Err(format!(
                "unknown link version (this page reads v={VERSION})"
            ))
        }
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}

fn one_of<T: Slug>(value: &str, what: &str) -> Result<T, String> {
    T::from_slug(value).ok_or_else(|| format!("not a known {what}"))
}

/// Adds each comma-separated item; unknown items are reported one by one, known ones kept.
fn list<T: Slug>(
    set: &mut SlugSet<T>,
    value: &str,
    key: &str,
    ignored: &mut Vec<Ignored>,
) -> Result<(), String> {
    let mut any = false;
    for item in value.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        any = true;
        match T::from_slug(item) {
            Some(v) => set.insert(v),
            None => ignored.push(Ignored::new(key, item, "not a known value")),
        }
    }
    if any {
        Ok(())
    } else {
        Err("empty list".into())
    }
}

/// `dprk` is shorthand for confirmed + suspected.
fn attributions(
    set: &mut SlugSet<Attribution>,
    value: &str,
    ignored: &mut Vec<Ignored>,
) -> Result<(), String> {
    let mut rest = Vec::new();
    for item in value.split(',').map(str::trim) {
        if item == "dprk" {
            set.insert(Attribution::DprkConfirmed);
            set.insert(Attribution::DprkSuspected);
        } else {
            rest.push(item);
        }
    }
    if rest.iter().all(|i| i.is_empty()) {
        return if value.trim().is_empty() {
            Err("empty list".into())
        } else {
            Ok(())
        };
    }
    list(set, &rest.join(","), "attr", ignored)
}

/// Whole dollars, optionally with a `k`, `m` or `b` suffix (`1000000`, `1m`, `2.5b`); lower
/// case. The one amount parser: the URL and the range inputs both use it.
pub(crate) fn parse_amount(value: &str) -> Result<u64, String> {
    // "$2.5m" and "1,000,000" are how people write amounts; the link accepts them too.
    let value = value.strip_prefix('$').unwrap_or(value);
    // The suffix as a power of ten.
    let (number, zeros) = match value.chars().last() {
        Some('k') => (&value[..value.len() - 1], 3),
        Some('m') => (&value[..value.len() - 1], 6),
        Some('b') => (&value[..value.len() - 1], 9),
        _ => (value, 0),
    };
    let ungrouped = ungroup_thousands(number)
        .ok_or("commas must separate groups of three digits (e.g. 1,000,000)")?;
    let number = ungrouped.as_str();
    let plain = !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && number.bytes().filter(|b| *b == b'.').count() <= 1
        && number != ".";
    if !plain {
        return Err("not an amount in dollars (e.g. 1000000 or 1m)".into());
    }
    // In whole numbers, exactly (no float parsing, which would bring its tables into the
    // wasm): `2.5m` is 25 followed by 6 − 1 zeros.
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > zeros {
        return Err("not a whole number of dollars".into());
    }
    let digits = |text: &str| {
        text.bytes().try_fold(0u64, |n, b| {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
    };
    let exact = (|| {
        let whole = digits(whole)?.checked_mul(10u64.pow(zeros as u32))?;
        let fraction = digits(fraction)?.checked_mul(10u64.pow((zeros - fraction.len()) as u32))?;
        whole.checked_add(fraction)
    })();
    match exact {
        Some(usd) if usd <= MAX_AMOUNT => Ok(usd),
        _ => Err("out of range".into()),
    }
}

/// `1,000,000` → `1000000`; `None` when commas are not thousands separators (`1,00`, `,5`).
fn ungroup_thousands(number: &str) -> Option<String> {
    if !number.contains(',') {
        return Some(number.to_string());
    }
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let mut groups = whole.split(',');
    let head = groups.next()?;
    let grouped = (1..=3).contains(&head.len()) && groups.all(|g| g.len() == 3);
    if !grouped || fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    Some(number.replace(',', ""))
}

/// A `YYYY-MM-DD` date within the covered years: the one date parser for the URL and the
/// range inputs.
pub(crate) fn parse_covered_date(value: &str) -> Result<NaiveDate, String> {
    let d = crate::data::parse_iso_date(value)
        .ok_or_else(|| "not a date in YYYY-MM-DD form".to_string())?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(format!("outside {FIRST_YEAR}–{LAST_YEAR}"))
    }
}

fn sort(value: &str) -> Result<Sort, String> {
    let (descending, column) = match value.strip_prefix('-') {
        Some(column) => (true, column),
        None => (false, value),
    };
    Ok(Sort {
        column: one_of::<SortColumn>(column, "column")?,
        descending,
    })
}

/// An id of the compiled-in dataset, as the dataset spells it.
fn incident_id(value: &str) -> Result<&'static str, String> {
    crate::data::INCIDENTS
        .iter()
        .find(|r| r.id == value)
        .map(|r| r.id.as_ref())
        .ok_or_else(|| "no incident with this id".to_string())
}

fn flag(value: &str) -> Result<bool, String> {
    match value {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err("expected 1 or 0".into()),
    }
}

/// The canonical query string without the leading `?`; empty for the default state.
pub fn serialize(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut push = |key: &str, value: String| parts.push(format!("{key}={value}"));
    let f = &state.filters;
    if state.view != View::default() {
        push("view", state.view.slug().into());
    }
    if let Some(id) = state.incident {
        push("incident", id.to_string());
    }
    push_list(&mut push, "year", f.years);
    if !f.attributions.is_empty() {
        let mut items: Vec<&str> = Vec::new();
        let linked = Attribution::dprk_linked();
        let both_dprk = f.attributions.bits() & linked.bits() == linked.bits();
        for a in f.attributions.iter() {
            match a {
                Attribution::DprkConfirmed | Attribution::DprkSuspected if both_dprk => {
                    if a == Attribution::DprkConfirmed {
                        items.push("dprk");
                    }
                }
                _ => items.push(a.slug()),
            }
        }
        push("attr", items.join(","));
    }
    push_list(&mut push, "cat", f.categories);
    push_list(&mut push, "vec", f.vectors);
    push_list(&mut push, "chain", f.chains);
    if f.effective_scopes() != Scope::default_set() {
        push_list(&mut push, "scope", f.scopes);
    }
    if f.basis != Basis::default() {
        push("basis", f.basis.slug().into());
    }
    if let Some(min) = f.min_usd {
        push("min", min.to_string());
    }
    if let Some(max) = f.max_usd {
        push("max", max.to_string());
    }
    if let Some(from) = f.from {
        push("from", from.to_string());
    }
    if let Some(to) = f.to {
        push("to", to.to_string());
    }
    if !f.text.is_empty() {
        push("q", encode(&f.text));
    }
    if state.sort != Sort::default() {
        let sign = if state.sort.descending { "-" } else { "" };
        push("sort", format!("{sign}{}", state.sort.column.slug()));
    }
    if state.embed {
        push("embed", "1".into());
    }
    if state.controls {
        push("controls", "1".into());
    }
    if let Some(theme) = state.theme {
        push("theme", theme.slug().into());
    }
    parts.join("&")
}

fn push_list<T: Slug>(push: &mut impl FnMut(&str, String), key: &str, set: SlugSet<T>) {
    if !set.is_empty() {
        let items: Vec<&str> = set.iter().map(Slug::slug).collect();
        push(key, items.join(","));
    }
}
