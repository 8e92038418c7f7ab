//! Dated events on the running total, numbered in date order: the number is drawn on the
//! event's own year's line and explained in the key under the chart and in the tooltip.

use crate::data::{TimelineEvent, Year};
use chrono::Datelike;

/// An event of a shown year with its number in the key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberedEvent<'a> {
    pub number: usize,
    pub year: Year,
    pub event: &'a TimelineEvent,
}

impl NumberedEvent<'_> {
    /// "3 · 6 Sep 2023: FBI statement attributes …", the tooltip and key text.
    pub fn text(&self) -> String {
        format!(
            "{} · {}: {}",
            self.number,
            crate::format::date(self.event.date),
            self.event.label
        )
    }
}

/// The events of the shown years, in date order, numbered from 1.
pub fn numbered_events<'a>(events: &'a [TimelineEvent], shown: &[Year]) -> Vec<NumberedEvent<'a>> {
    let mut kept: Vec<(Year, &TimelineEvent)> = events
        .iter()
        .filter_map(|e| {
            let year = Year::from_number(e.date.year())?;
            shown.contains(&year).then_some((year, e))
        })
        .collect();
    crate::query::sort::sort_short_by_key(&mut kept, |(_, e)| e.date);
    kept.into_iter()
        .enumerate()
        .map(|(i, (year, event))| NumberedEvent {
            number: i + 1,
            year,
            event,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::TIMELINE_EVENTS;

    #[test]
    fn events_of_the_shown_years_are_numbered_in_date_order() {
        let all = numbered_events(TIMELINE_EVENTS, Year::ALL);
        let in_covered_years = TIMELINE_EVENTS
            .iter()
            .filter(|e| Year::from_number(e.date.year()).is_some())
            .count();
        assert_eq!(all.len(), in_covered_years);
        for (i, pair) in all.windows(2).enumerate() {
            assert_eq!(pair[0].number, i + 1);
            assert!(pair[0].event.date <= pair[1].event.date);
        }
        let one_year = numbered_events(TIMELINE_EVENTS, &[Year::Y2024]);
        assert!(one_year.iter().all(|e| e.year == Year::Y2024));
        assert_eq!(one_year.first().map(|e| e.number), Some(1));
        let summit = one_year
            .iter()
            .find(|e| e.event.key)
            .expect("the Putin–Kim summit");
        assert!(summit.text().starts_with(&format!(
            "{} · 19 Jun 2024: Putin-Kim summit",
            summit.number
        )));
    }
}
