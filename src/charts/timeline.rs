//! Over time: cumulative theft by day of year (with dated events), and theft per month.

use super::comparison::{DPRK_NAME, OTHERS_NAME};
use super::events::numbered_events;
use super::*;
use crate::format;
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::ItemStyle;
use charming::element::{Label, LineStyle, LineStyleType, Symbol};
use charming::element::{MarkLine, MarkLineData};
use charming::series::{Bar, Line};
use chrono::{Datelike, NaiveDate};

/// Day-of-year labels on a leap-year calendar, so every year shares one axis.
fn day_labels() -> Vec<String> {
    // Any leap year gives the same day and month names; take the first covered one or after.
    let leap = (crate::data::FIRST_YEAR..)
        .find(|y| NaiveDate::from_yo_opt(*y, 366).is_some())
        .unwrap_or(crate::data::FIRST_YEAR);
    (0..DAYS_ON_AXIS)
        .filter_map(|i| NaiveDate::from_yo_opt(leap, i as u32 + 1))
        .map(|d| format!("{} {}", d.day(), format::month_short(d.month0())))
        .collect()
}
const DAYS_ON_AXIS: usize = 366;

/// Position of a date on the shared axis: in a common year, days after 28 Feb move one step
/// right, past the leap day.
fn axis_index(date: NaiveDate) -> usize {
    let ordinal0 = date.ordinal0() as usize;
    let leap = NaiveDate::from_yo_opt(date.year(), 366).is_some();
    if !leap && ordinal0 >= 59 {
        ordinal0 + 1
    } else {
        ordinal0
    }
}

fn short_label(label: &str) -> String {
    let cut = label.find([';', '(']).map_or(label, |i| &label[..i]).trim();
    if cut.chars().count() > 32 {
        let mut s: String = cut.chars().take(31).collect();
        s.push('…');
        s
    } else {
        cut.to_string()
    }
}

/// Running totals for each shown year, all thefts and DPRK-linked, with events as lines.
pub fn cumulative_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let labels = day_labels();
    let years = input.shown_years();
    let mut chart = base_chart(p).grid(grid()).x_axis(
        category_axis(p, labels.clone())
            .boundary_gap(false)
            .axis_label(
                charming::element::AxisLabel::new()
                    .color(p.muted)
                    .interval(0)
                    .formatter(charming::element::Formatter::String(
                        FORMAT_MONTH_START.into(),
                    )),
            ),
    );
    chart = chart.y_axis(value_axis(p, Unit::Usd));
    let mut units = Vec::new();
    let mut clicks = Vec::new();
    for (i, year) in years.iter().enumerate() {
        let running = input.breakdown.cumulative(*year);
        let latest = i == years.len() - 1;
        for dprk in [false, true] {
            let mut values: Vec<Option<f64>> = vec![None; DAYS_ON_AXIS];
            let mut day_clicks = vec![Narrowing::default(); DAYS_ON_AXIS];
            let year_start = NaiveDate::from_ymd_opt(year.number(), 1, 1).unwrap_or_default();
            for (day, (all, dprk_usd)) in running.iter().enumerate() {
                let Some(date) = year_start.checked_add_days(chrono::Days::new(day as u64)) else {
                    continue;
                };
                let at = axis_index(date);
                values[at] = Some(usd_value(if dprk { *dprk_usd } else { *all }));
                day_clicks[at] = Narrowing {
                    year: Some(*year),
                    dprk: dprk.then_some(true),
                    dates: Some((year_start, date)),
                    ..Narrowing::default()
                };
            }
            let color = p.series_color(dprk, latest);
            let who = if dprk { DPRK_NAME } else { "All thefts" };
            let mut line = Line::new()
                .name(format!("{} {}", year.slug(), who))
                .show_symbol(false)
                .symbol(Symbol::Circle)
                .connect_nulls(true)
                .item_style(charming::element::ItemStyle::new().color(color))
                .line_style(
                    LineStyle::new()
                        .color(color)
                        .width(if latest { 2.5 } else { 2.0 })
                        .type_(if latest {
                            LineStyleType::Solid
                        } else {
                            LineStyleType::Dashed
                        }),
                )
                .data(values);
            // The key event (the Putin–Kim summit, after which Chainalysis saw DPRK theft
            // slow) is also a labelled line across the plot.
            if latest && !dprk {
                line = line.mark_line(key_event_line(input, p, &labels));
            }
            chart = chart.series(line);
            units.push(Unit::Usd);
            clicks.push(day_clicks);
        }
    }
    let (events, event_clicks) = event_markers(input, p);
    chart = chart.series(events);
    units.push(Unit::Event);
    clicks.push(event_clicks);
    BuiltChart {
        chart,
        units,
        clicks,
        rows: None,
    }
}

/// The events as numbered markers on their own year's "all thefts" line; a click narrows the
/// rows to the event's day (a theft on that day is then one click from its page).
fn event_markers(input: &ChartInput, p: &Palette) -> (Line, Vec<Narrowing>) {
    let shown = input.shown_years();
    let numbered = numbered_events(input.events, &shown);
    let mut clicks = Vec::with_capacity(numbered.len());
    let data: Vec<DataPoint> = numbered
        .iter()
        .map(|n| {
            let running = input.breakdown.cumulative(n.year);
            let day = n.event.date.ordinal0() as usize;
            let at = running
                .get(day)
                .or(running.last())
                .map_or(0, |(all, _)| *all);
            clicks.push(Narrowing {
                year: Some(n.year),
                dates: Some((n.event.date, n.event.date)),
                ..Narrowing::default()
            });
            DataPoint::Item(
                DataPointItem::new(vec![
                    axis_index(n.event.date) as f64,
                    usd_value(at),
                    n.number as f64,
                ])
                .name(n.text()),
            )
        })
        .collect();
    // A line series with its line hidden: it draws symbols at [day, total] as a scatter series
    // would, without shipping ECharts' scatter chart.
    let markers = Line::new()
        .name(EVENTS_NAME)
        .symbol(Symbol::Circle)
        .symbol_size(15)
        .show_symbol(true)
        .line_style(LineStyle::new().width(0).opacity(0))
        .item_style(
            ItemStyle::new()
                .color(p.tooltip_bg)
                .border_color(p.text)
                .border_width(1),
        )
        .label(
            Label::new()
                .show(true)
                .position(charming::element::LabelPosition::Inside)
                .font_size(9)
                .color(p.text)
                // The number, the value's third dimension (an ECharts template, no function).
                .formatter(Formatter::String("{@[2]}".into())),
        )
        .data(data);
    (markers, clicks)
}

/// The series name of the event markers (in the legend, so a reader can hide them).
pub const EVENTS_NAME: &str = "Events";

fn key_event_line(input: &ChartInput, p: &Palette, labels: &[String]) -> MarkLine {
    let shown = input.shown_years();
    let data: Vec<charming::element::MarkLineVariant> = input
        .events
        .iter()
        .filter(|e| e.key && Year::from_number(e.date.year()).is_some_and(|y| shown.contains(&y)))
        .map(|e| {
            let line = MarkLineData::new()
                .name(short_label(&e.label))
                .x_axis(labels[axis_index(e.date)].clone())
                .label(Label::new().show(true).formatter("{b}").color(p.text));
            charming::element::MarkLineVariant::Simple(line)
        })
        .collect();
    MarkLine::new()
        .symbol(vec![Symbol::None, Symbol::None])
        .silent(true)
        .line_style(
            LineStyle::new()
                .color(p.text)
                .type_(LineStyleType::Dashed)
                .width(1.5),
        )
        .data(data)
}

/// Stolen per month, stacked DPRK vs everyone else, for the shown years in sequence.
pub fn monthly_chart(input: &ChartInput) -> BuiltChart {
    let p = &input.palette;
    let years = input.shown_years();
    let months: Vec<(Year, u32)> = years
        .iter()
        .flat_map(|y| (0..12).map(move |m| (*y, m)))
        .collect();
    let labels = months
        .iter()
        .map(|(y, m)| format!("{} {}", format::month_short(*m), y.slug()))
        .collect();
    let mut chart = base_chart(p)
        .grid(grid())
        .x_axis(category_axis(p, labels))
        .y_axis(value_axis(p, Unit::Usd));
    let mut clicks = Vec::new();
    for (dprk, name, color) in [(true, DPRK_NAME, p.dprk), (false, OTHERS_NAME, p.others)] {
        let values: Vec<f64> = months
            .iter()
            .map(|(y, m)| {
                let split = input.breakdown.monthly[y.index()][*m as usize];
                usd_value(if dprk {
                    split.dprk.usd
                } else {
                    split.others.usd
                })
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(name)
                .stack("month")
                .item_style(charming::element::ItemStyle::new().color(color))
                .data(values),
        );
        clicks.push(
            months
                .iter()
                .map(|(y, m)| Narrowing {
                    year: Some(*y),
                    dprk: Some(dprk),
                    dates: month_range(y.number(), *m + 1),
                    ..Narrowing::default()
                })
                .collect(),
        );
    }
    BuiltChart {
        chart,
        units: vec![Unit::Usd, Unit::Usd],
        clicks,
        rows: None,
    }
}

fn month_range(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::query::Filters;
    use crate::state::View;

    #[test]
    fn cumulative_lines_end_at_the_year_totals_and_skip_29_feb_2023() {
        let (chart, json, b) = built(View::Cumulative, &Filters::default());
        assert_wiring(&chart, &json);
        assert_eq!(
            axis(&json, "xAxis", 0)["data"].as_array().unwrap().len(),
            366
        );
        let all_2023 = series_values(&json, 0);
        let dprk_2024 = series_values(&json, 3);
        assert_eq!(all_2023[59], None, "29 Feb does not exist in 2023");
        assert_eq!(
            all_2023[365],
            Some(b.by_year[0].total().usd as f64),
            "31 Dec 2023"
        );
        assert_eq!(dprk_2024[365], Some(b.by_year[1].dprk.usd as f64));
        assert!(
            dprk_2024.windows(2).all(|w| w[0] <= w[1]),
            "running totals never fall"
        );
    }

    #[test]
    fn the_putin_kim_summit_is_labelled_on_the_timeline() {
        let (_, json, _) = built(View::Cumulative, &Filters::default());
        // The key event rides on the newest year's "all" line.
        let newest_all = 2 * (crate::data::Year::ALL.len() - 1);
        let lines = json["series"][newest_all]["markLine"]["data"]
            .as_array()
            .unwrap();
        let summit = lines
            .iter()
            .find(|l| l["xAxis"] == "19 Jun")
            .expect("summit line");
        assert_eq!(summit["label"]["show"], true);
        assert!(summit["name"].as_str().unwrap().contains("Putin"));
    }

    #[test]
    fn monthly_bars_add_up_to_the_year_and_clicks_cover_the_month() {
        let (chart, json, b) = built(View::Monthly, &Filters::default());
        assert_wiring(&chart, &json);
        let dprk: f64 = series_values(&json, 0)[12..24].iter().flatten().sum();
        assert_eq!(dprk, b.by_year[1].dprk.usd as f64);
        let feb_2024 = chart.narrowing(0, 13).unwrap();
        assert_eq!(
            feb_2024.dates,
            Some((
                NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
                NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
            ))
        );
    }

    #[test]
    fn event_labels_are_shortened() {
        assert_eq!(
            short_label("Putin-Kim summit in Pyongyang (day from public record)"),
            "Putin-Kim summit in Pyongyang"
        );
        assert!(short_label(&"x".repeat(80)).ends_with('…'));
    }
}
