//! The four range bounds (loss at least / at most, date from / to) as a reader types them. They
//! go through the same parsers as the URL's `min`, `max`, `from` and `to`, so what a reader types
//! and what a shared link says can never disagree: input the link would reject is rejected here
//! too, with the same reason, and the filters stay as they were.

use super::query_string::{parse_amount, parse_covered_date};
use crate::query::Filters;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    MinUsd,
    MaxUsd,
    From,
    To,
}

impl Bound {
    /// The bound as the input shows it: whole dollars, or `YYYY-MM-DD`.
    pub fn text(self, f: &Filters) -> String {
        match self {
            Bound::MinUsd => f.min_usd.map(|v| v.to_string()),
            Bound::MaxUsd => f.max_usd.map(|v| v.to_string()),
            Bound::From => f.from.map(|d| d.to_string()),
            Bound::To => f.to.map(|d| d.to_string()),
        }
        .unwrap_or_default()
    }

    /// Sets the bound from typed text (empty clears it). On `Err` the filters are unchanged and
    /// the message says why, in the words the URL notice uses.
    pub fn apply(self, f: &mut Filters, text: &str) -> Result<(), String> {
        let text = text.trim().to_ascii_lowercase();
        let amount = || (!text.is_empty()).then(|| parse_amount(&text)).transpose();
        let date = || {
            (!text.is_empty())
                .then(|| parse_covered_date(&text))
                .transpose()
        };
        match self {
            Bound::MinUsd => f.min_usd = amount()?,
            Bound::MaxUsd => f.max_usd = amount()?,
            Bound::From => f.from = date()?,
            Bound::To => f.to = date()?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{FIRST_YEAR, LAST_YEAR};
    use crate::state::{parse, serialize, ViewState};

    fn typed(bound: Bound, text: &str) -> Result<Filters, String> {
        let mut f = Filters::default();
        bound.apply(&mut f, text).map(|()| f)
    }

    #[test]
    fn amounts_are_read_as_the_url_reads_them() {
        assert_eq!(
            typed(Bound::MinUsd, "2.5m").unwrap().min_usd,
            Some(2_500_000)
        );
        assert_eq!(
            typed(Bound::MaxUsd, " 1B ").unwrap().max_usd,
            Some(1_000_000_000)
        );
        for (text, usd) in [
            ("1000000", 1_000_000),
            ("1,000,000", 1_000_000),
            ("$2.5m", 2_500_000),
            ("1,500.5k", 1_500_500),
        ] {
            assert_eq!(
                typed(Bound::MinUsd, text).unwrap().min_usd,
                Some(usd),
                "{text}"
            );
            assert_eq!(
                parse(&format!("min={text}")).state.filters.min_usd,
                Some(usd),
                "the URL reads {text} the same way"
            );
        }
        // What a digit filter used to turn into 5, 15 and 16 dollars is refused, as are commas
        // that are not thousands separators.
        for bad in [
            "-5", "1.5", "1e6", "abc", "1,00", ",500", "1,0000", "1.000,5", "$",
        ] {
            let err = typed(Bound::MinUsd, bad).unwrap_err();
            assert!(!err.is_empty(), "{bad}");
            assert!(
                parse(&format!("min={bad}")).ignored.len() == 1,
                "the URL refuses {bad} too"
            );
        }
    }

    #[test]
    fn dates_outside_the_covered_years_are_refused_as_in_a_link() {
        let before = format!("{}-06-01", FIRST_YEAR - 1);
        assert!(typed(Bound::To, &before).is_err());
        assert_eq!(parse(&format!("to={before}")).ignored.len(), 1);
        let inside = format!("{LAST_YEAR}-06-01");
        assert_eq!(
            typed(Bound::To, &inside).unwrap().to.unwrap().to_string(),
            inside
        );
        assert!(typed(Bound::From, "2024-02-30").is_err());
    }

    #[test]
    fn empty_clears_and_an_error_changes_nothing() {
        let mut f = typed(Bound::MinUsd, "1m").unwrap();
        assert!(Bound::MinUsd.apply(&mut f, "-5").is_err());
        assert_eq!(f.min_usd, Some(1_000_000));
        Bound::MinUsd.apply(&mut f, "").unwrap();
        assert_eq!(f.min_usd, None);
    }

    #[test]
    fn what_is_typed_round_trips_through_the_link() {
        for (bound, text) in [
            (Bound::MinUsd, "2.5m"),
            (Bound::MaxUsd, "40000000"),
            (Bound::From, &format!("{FIRST_YEAR}-03-01")[..]),
            (Bound::To, &format!("{LAST_YEAR}-11-30")[..]),
        ] {
            let mut state = ViewState::default();
            bound.apply(&mut state.filters, text).unwrap();
            let reloaded = parse(&serialize(&state));
            assert!(reloaded.ignored.is_empty(), "{text}");
            assert_eq!(reloaded.state, state, "{text}");
            assert_eq!(
                bound.text(&reloaded.state.filters),
                bound.text(&state.filters)
            );
        }
    }
}
