//! Aggregates → ECharts options, one pure builder per view. Builders return a [`BuiltChart`]:
//! the ECharts option ([`ChartOption`], built from charming's components), the unit of each
//! series (for tooltips) and, for every data point, the filters a click on it narrows to. The
//! chart host only renders and forwards clicks.

mod caption;
mod claims;
mod comparison;
mod distribution;
pub mod events;
mod option;
pub mod palette;
mod source_line;
mod timeline;

use crate::data::{Basis, Incident, ReportedFigure, SlugSet, TimelineEvent, Year};
use crate::query::Breakdown;
pub use crate::state::Narrowing;
use crate::state::View;
pub use caption::Caption;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisLabel, AxisType, Formatter, SplitLine, TextStyle, Tooltip, Trigger};
pub use option::ChartOption;
pub use palette::Palette;
pub use source_line::source_line;

/// Placeholders the chart host replaces with Rust formatting functions (see `ui::chart_host`):
/// ECharts formatters are JavaScript functions, which a CSP without `unsafe-eval` cannot create
/// from strings, and every number a person reads must go through `format`.
pub const FORMAT_USD: &str = "__usd__";
pub const FORMAT_TOOLTIP: &str = "__tooltip__";
pub const FORMAT_MONTH_START: &str = "__month_start__";
/// Where a day axis (labelled with [`FORMAT_MONTH_START`]) puts its ticks: the first of each
/// month, not a comb of 365 day ticks.
pub const TICK_MONTH_START: &str = "__tick_month_start__";

/// What a series' values are, so tooltips format them right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Usd,
    Count,
    Percent,
    /// A marker for a dated event: the tooltip gives its text (the data item's name), not
    /// its value, which is only where it sits on the line.
    Event,
}

impl Unit {
    /// A chart value as a person reads it (axis labels, tooltips): `$1.34B`, `47 incidents`,
    /// `61%`. Negative amounts and counts read as zero.
    pub fn format(self, value: f64) -> String {
        match self {
            Unit::Usd => crate::format::usd(value.max(0.0) as u64),
            Unit::Count => crate::format::incidents(value.max(0.0) as u64),
            Unit::Percent => crate::format::percent(value),
            // A marker's tooltip is its text, not where it sits on the line.
            Unit::Event => String::new(),
        }
    }

    /// The name the static-chart build uses for it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Usd => "usd",
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Event => "event",
        }
    }
}

/// What a day axis ([`FORMAT_MONTH_START`]) writes under a day label ("1 Jun", "2 Jun", …):
/// the month on its first day, nothing on the others.
pub fn month_start_label(day: &str) -> &str {
    day.strip_prefix("1 ").unwrap_or("")
}

/// Whether a day axis ([`TICK_MONTH_START`]) puts a tick at a day label: on the first of each
/// month.
pub fn is_month_start(day: &str) -> bool {
    day.starts_with("1 ")
}

/// A chart plus what the host needs to make it interactive. Deliberately neither `Clone` nor
/// `PartialEq`: the app shares it behind an `Arc`, and comparing ECharts options would only
/// add code to the wasm.
#[derive(Debug)]
pub struct BuiltChart {
    pub chart: ChartOption,
    /// Unit of each series, by series index.
    pub units: Vec<Unit>,
    /// `clicks[series][data_index]`: the filters a click on that point narrows to.
    pub clicks: Vec<Vec<Narrowing>>,
    /// For a chart of labelled rows (horizontal bars, each row's label written above its
    /// bars, so a long label never squeezes the plot on a phone): how many rows. The chart is
    /// then as tall as its rows need ([`BuiltChart::min_height_px`]).
    pub rows: Option<usize>,
}

/// The page's sans-serif stack (`--sans` in style/main.css, with single quotes: ECharts' SVG
/// renderer writes it unescaped into a double-quoted attribute). Charts set their text in it,
/// as the build's static drawings do (scripts/prerender.mjs), so the live chart that replaces a
/// drawing sets its labels in the same font and lays them out in the same space.
pub const FONT_STACK: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// The height of one labelled row: a line of label text above two bars of [`ROW_BAR_PX`].
pub const ROW_PX: usize = 46;
pub const ROW_BAR_PX: i32 = 9;

impl BuiltChart {
    /// The option as JSON, with the settings charming has no setter for.
    pub fn option_json(&self) -> serde_json::Value {
        let mut option = serde_json::to_value(&self.chart).unwrap_or_default();
        if let Some(tooltip) = option.get_mut("tooltip").and_then(|t| t.as_object_mut()) {
            // Keep tooltips inside the chart (and so inside the viewport on phones).
            tooltip.insert("confine".into(), true.into());
        }
        // On a 320 px phone, labels that would overlap are dropped instead of drawn over each
        // other (charming has no setter for it).
        for key in ["xAxis", "yAxis"] {
            match option.get_mut(key) {
                Some(serde_json::Value::Array(axes)) => axes.iter_mut().for_each(tidy_axis),
                Some(axis) => tidy_axis(axis),
                None => {}
            }
        }
        if self.rows.is_some() {
            if let Some(axis) = option.get_mut("yAxis") {
                labels_above_rows(axis);
            }
        }
        option
    }

    /// The height a chart of labelled rows needs: its rows plus the legend and the value axis.
    pub fn min_height_px(&self) -> Option<usize> {
        self.rows.map(|rows| rows * ROW_PX + 72)
    }

    pub fn narrowing(&self, series: usize, data_index: usize) -> Option<&Narrowing> {
        self.clicks.get(series)?.get(data_index)
    }

    /// The narrowing behind a clicked mark, if the mark stands for rows.
    pub fn clicked(&self, target: &ClickTarget) -> Option<&Narrowing> {
        self.narrowing(target.series_index?, target.data_index?)
    }
}

/// The part of an ECharts click event's parameters we read: which mark was clicked. Clicks on
/// other components (a legend, a mark line) carry no data index.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClickTarget {
    #[serde(default)]
    pub series_index: Option<usize>,
    #[serde(default)]
    pub data_index: Option<usize>,
}

/// A category axis whose labels sit inside the plot, above their row's bars (charming has no
/// setters for these).
fn labels_above_rows(axis: &mut serde_json::Value) {
    let axis = match axis {
        serde_json::Value::Array(axes) => match axes.first_mut() {
            Some(first) => first,
            None => return,
        },
        axis => axis,
    };
    let Some(axis) = axis.as_object_mut() else {
        return;
    };
    axis.insert("axisTick".into(), serde_json::json!({ "show": false }));
    axis.insert("axisLine".into(), serde_json::json!({ "show": false }));
    if let Some(label) = axis.get_mut("axisLabel").and_then(|l| l.as_object_mut()) {
        label.insert("inside".into(), true.into());
        label.insert("verticalAlign".into(), "bottom".into());
        label.insert("align".into(), "left".into());
        // Lifts the text clear of the two bars centred on the row.
        label.insert(
            "padding".into(),
            serde_json::json!([0, 0, ROW_BAR_PX + 5, 0]),
        );
    }
}

fn tidy_axis(axis: &mut serde_json::Value) {
    let Some(label) = axis.get_mut("axisLabel").and_then(|l| l.as_object_mut()) else {
        return;
    };
    label.insert("hideOverlap".into(), true.into());
    let day_axis = label.get("formatter").and_then(|f| f.as_str()) == Some(FORMAT_MONTH_START);
    if day_axis {
        if let Some(axis) = axis.as_object_mut() {
            axis.insert(
                "axisTick".into(),
                serde_json::json!({ "interval": TICK_MONTH_START, "alignWithLabel": true }),
            );
        }
    }
}

/// Inputs every builder may use.
pub struct ChartInput<'a> {
    pub breakdown: &'a Breakdown,
    /// The same selection with any attribution: what shares are of.
    pub base: &'a Breakdown,
    pub incidents: &'a [Incident],
    pub figures: &'static [ReportedFigure],
    pub events: &'a [TimelineEvent],
    /// Years the reader selected (empty = both).
    pub years: SlugSet<Year>,
    /// How losses are counted, for the reports-vs-data comparison.
    pub basis: Basis,
    pub palette: Palette,
}

impl ChartInput<'_> {
    /// The years to draw: the selected ones, or both.
    pub fn shown_years(&self) -> Vec<Year> {
        crate::query::filters::shown_years(self.years)
    }
}

/// The chart for a view; `None` for the table view, which has no chart.
pub fn build(view: View, input: &ChartInput) -> Option<BuiltChart> {
    Some(match view {
        View::Overview => comparison::year_comparison_chart(input, false),
        View::Compare => comparison::year_comparison_chart(input, true),
        View::Share => comparison::dprk_share_chart(input),
        View::Cumulative => timeline::cumulative_chart(input),
        View::Monthly => timeline::monthly_chart(input),
        View::Sizes => distribution::size_chart(input),
        View::Category => distribution::category_chart(input),
        View::Vector => distribution::vector_chart(input),
        View::Claims => claims::claims_chart(input),
        View::Table => return None,
    })
}

/// The settings shared by every chart: palette, no animation (first paint and filter changes
/// draw at once, and `prefers-reduced-motion` readers get no motion), axis tooltips.
fn base_chart(p: &Palette) -> ChartOption {
    ChartOption::new()
        .animation(false)
        .background_color("transparent")
        .text_style(TextStyle::new().font_family(FONT_STACK))
        .color(vec![
            charming::element::Color::from(p.dprk),
            charming::element::Color::from(p.others),
        ])
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .formatter(Formatter::String(FORMAT_TOOLTIP.into()))
                .background_color(p.tooltip_bg)
                .border_color(p.grid),
        )
        .legend(
            Legend::new()
                // One scrollable line: a wrapped legend would run into the plot on phones.
                .type_(charming::component::LegendType::Scroll)
                .top(0)
                .left(0)
                .text_style(TextStyle::new().color(p.text))
                .inactive_color(p.grid),
        )
}

fn grid() -> Grid {
    Grid::new()
        .left(8)
        .right(16)
        .top(40)
        .bottom(8)
        .contain_label(true)
}

fn category_axis(p: &Palette, labels: Vec<String>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .data(labels)
        .axis_label(AxisLabel::new().color(p.muted))
}

fn value_axis(p: &Palette, unit: Unit) -> Axis {
    let label = AxisLabel::new().color(p.muted);
    let label = match unit {
        Unit::Usd => label.formatter(Formatter::String(FORMAT_USD.into())),
        Unit::Percent => label.formatter(Formatter::String("{value}%".into())),
        Unit::Count | Unit::Event => label,
    };
    Axis::new()
        .type_(AxisType::Value)
        .axis_label(label)
        .split_line(SplitLine::new().line_style(charming::element::LineStyle::new().color(p.grid)))
}

/// Dollars as a chart value: exact below 2^53, which every real or synthetic total is.
fn usd_value(usd: u64) -> f64 {
    usd as f64
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::data::{INCIDENTS, REPORTED_FIGURES, TIMELINE_EVENTS};
    use crate::query::Filters;

    pub fn built(view: View, filters: &Filters) -> (BuiltChart, serde_json::Value, Breakdown) {
        let breakdown = Breakdown::compute(INCIDENTS, filters);
        let base = Breakdown::compute(INCIDENTS, &filters.without_attribution());
        let input = ChartInput {
            breakdown: &breakdown,
            base: &base,
            incidents: INCIDENTS,
            figures: REPORTED_FIGURES,
            events: TIMELINE_EVENTS,
            years: filters.years,
            basis: filters.basis,
            palette: palette::LIGHT,
        };
        let chart = build(view, &input).expect("view has a chart");
        let json = chart.option_json();
        (chart, json, breakdown)
    }

    /// Series `i`'s data as numbers (null → None).
    pub fn series_values(json: &serde_json::Value, i: usize) -> Vec<Option<f64>> {
        json["series"][i]["data"]
            .as_array()
            .expect("series data")
            .iter()
            .map(|v| match v {
                serde_json::Value::Object(o) => o.get("value").and_then(|v| v.as_f64()),
                other => other.as_f64(),
            })
            .collect()
    }

    /// charming writes a single axis as an object and several as an array.
    pub fn axis<'a>(json: &'a serde_json::Value, key: &str, i: usize) -> &'a serde_json::Value {
        match &json[key] {
            serde_json::Value::Array(axes) => &axes[i],
            single => single,
        }
    }

    /// Every series has a unit and a click target per data point.
    pub fn assert_wiring(chart: &BuiltChart, json: &serde_json::Value) {
        let series = json["series"].as_array().expect("series");
        assert_eq!(chart.units.len(), series.len());
        assert_eq!(chart.clicks.len(), series.len());
        for (i, s) in series.iter().enumerate() {
            assert_eq!(
                chart.clicks[i].len(),
                s["data"].as_array().map_or(0, Vec::len),
                "series {i}"
            );
        }
        assert_eq!(json["animation"], false);
        assert_eq!(json["tooltip"]["confine"], true);
        assert_eq!(axis(json, "xAxis", 0)["axisLabel"]["hideOverlap"], true);
        if axis(json, "xAxis", 0)["axisLabel"]["formatter"] == FORMAT_MONTH_START {
            assert_eq!(
                axis(json, "xAxis", 0)["axisTick"]["interval"],
                TICK_MONTH_START
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::built;
    use super::*;
    use crate::data::Year;
    use crate::query::Filters;

    /// What ECharts passes to a click handler on a bar (trimmed), and on a mark line.
    const BAR_CLICK: &str = r##"{"componentType":"series","seriesType":"bar","seriesIndex":1,
        "seriesName":"DPRK-linked","name":"2024","dataIndex":1,"data":{"value":1},"value":1,
        "color":"#b4233c","dimensionNames":["x","y"],"encode":{"x":[0],"y":[1]},"$vars":[]}"##;
    const MARK_LINE_CLICK: &str =
        r#"{"componentType":"markLine","seriesIndex":0,"name":"summit","value":"19 Jun"}"#;

    #[test]
    fn day_axes_name_and_tick_the_month_on_its_first_day_only() {
        assert_eq!(month_start_label("1 Jun"), "Jun");
        assert_eq!(month_start_label("11 Jun"), "");
        assert_eq!(month_start_label("2 Jun"), "");
        assert!(is_month_start("1 Dec"));
        assert!(!is_month_start("21 Dec"));
    }

    #[test]
    fn a_bar_click_narrows_to_its_rows_and_a_mark_line_click_to_nothing() {
        let (chart, _, _) = built(View::Overview, &Filters::default());
        let bar: ClickTarget = serde_json::from_str(BAR_CLICK).unwrap();
        assert_eq!(
            bar,
            ClickTarget {
                series_index: Some(1),
                data_index: Some(1)
            }
        );
        let narrowing = chart.clicked(&bar).expect("a bar stands for rows");
        assert_eq!(narrowing.year, Some(Year::ALL[1]));
        let line: ClickTarget = serde_json::from_str(MARK_LINE_CLICK).unwrap();
        assert_eq!(chart.clicked(&line), None);
    }

    #[test]
    fn charts_set_their_text_in_the_pages_sans_serif_stack() {
        let css = include_str!("../../style/main.css");
        let sans = css
            .lines()
            .find_map(|line| line.trim().strip_prefix("--sans:"))
            .expect("style/main.css defines --sans");
        assert_eq!(
            sans.trim().trim_end_matches(';').replace('"', "'"),
            FONT_STACK
        );
        let (_, json, _) = built(View::Overview, &Filters::default());
        assert_eq!(json["textStyle"]["fontFamily"], FONT_STACK);
    }
}
