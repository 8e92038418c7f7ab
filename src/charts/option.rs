//! The ECharts option our charts set: only the components they draw. charming's `Chart` holds
//! every component and series type ECharts has (3D axes, maps, sankeys …), and serialising it
//! compiles a serialiser for each into the wasm whether a chart uses it or not. The setters
//! keep charming's names and shapes, so the builders read as they would with `Chart`, and the
//! JSON is the same (a host test compares the two).

use charming::component::{Axis, Grid, Legend};
use charming::element::{Color, TextStyle, Tooltip};
use charming::series::{Bar, Line};
use serde::Serialize;

/// The series types we draw (boxed: a `Line` is several KB, and a chart holds a handful).
#[derive(Serialize, Debug)]
#[serde(untagged)]
pub enum Series {
    Bar(Box<Bar>),
    Line(Box<Line>),
}

impl From<Bar> for Series {
    fn from(bar: Bar) -> Self {
        Series::Bar(Box::new(bar))
    }
}

impl From<Line> for Series {
    fn from(line: Line) -> Self {
        Series::Line(Box::new(line))
    }
}

/// One axis is written as an object, several as a list, as charming does.
#[derive(Serialize, Debug)]
#[serde(untagged)]
enum Axes<'a> {
    One(&'a Axis),
    Many(&'a [Axis]),
}

fn axes(list: &[Axis]) -> Option<Axes<'_>> {
    match list {
        [] => None,
        [one] => Some(Axes::One(one)),
        many => Some(Axes::Many(many)),
    }
}

#[derive(Debug, Default)]
pub struct ChartOption {
    animation: Option<bool>,
    background_color: Option<Color>,
    color: Vec<Color>,
    text_style: Option<TextStyle>,
    tooltip: Option<Tooltip>,
    legend: Option<Legend>,
    grid: Vec<Grid>,
    x_axis: Vec<Axis>,
    y_axis: Vec<Axis>,
    series: Vec<Series>,
}

/// What is serialised: a field left unset is left out, as charming leaves it out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Json<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    animation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_color: Option<&'a Color>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    color: &'a [Color],
    #[serde(skip_serializing_if = "Option::is_none")]
    text_style: Option<&'a TextStyle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<&'a Tooltip>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<&'a Legend>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    grid: &'a [Grid],
    #[serde(skip_serializing_if = "Option::is_none")]
    x_axis: Option<Axes<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y_axis: Option<Axes<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    series: &'a [Series],
}

impl Serialize for ChartOption {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Json {
            animation: self.animation,
            background_color: self.background_color.as_ref(),
            color: &self.color,
            text_style: self.text_style.as_ref(),
            tooltip: self.tooltip.as_ref(),
            legend: self.legend.as_ref(),
            grid: &self.grid,
            x_axis: axes(&self.x_axis),
            y_axis: axes(&self.y_axis),
            series: &self.series,
        }
        .serialize(serializer)
    }
}

impl ChartOption {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn animation(mut self, animation: bool) -> Self {
        self.animation = Some(animation);
        self
    }

    pub fn background_color(mut self, color: impl Into<Color>) -> Self {
        self.background_color = Some(color.into());
        self
    }

    /// The text style every component inherits unless it sets its own.
    pub fn text_style(mut self, style: TextStyle) -> Self {
        self.text_style = Some(style);
        self
    }

    pub fn color(mut self, colors: Vec<Color>) -> Self {
        self.color = colors;
        self
    }

    pub fn tooltip(mut self, tooltip: Tooltip) -> Self {
        self.tooltip = Some(tooltip);
        self
    }

    pub fn legend(mut self, legend: Legend) -> Self {
        self.legend = Some(legend);
        self
    }

    pub fn grid(mut self, grid: Grid) -> Self {
        self.grid.push(grid);
        self
    }

    pub fn x_axis(mut self, axis: Axis) -> Self {
        self.x_axis.push(axis);
        self
    }

    pub fn y_axis(mut self, axis: Axis) -> Self {
        self.y_axis.push(axis);
        self
    }

    pub fn series(mut self, series: impl Into<Series>) -> Self {
        self.series.push(series.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use charming::component::LegendType;
    use charming::element::{AxisType, Trigger};

    /// The same setter chain on charming's `Chart` and on ours.
    macro_rules! both {
        ($($setter:ident($($arg:expr),*))*) => {
            (
                serde_json::to_value(charming::Chart::new()$(.$setter($($arg),*))*).unwrap(),
                serde_json::to_value(ChartOption::new()$(.$setter($($arg),*))*).unwrap(),
            )
        };
    }

    #[test]
    fn writes_what_charming_writes() {
        let (theirs, ours) = both!(
            animation(false)
            background_color("transparent")
            color(vec![Color::from("#c0392b"), Color::from("#7f8c8d")])
            tooltip(Tooltip::new().trigger(Trigger::Axis).formatter("__tooltip__"))
            legend(Legend::new().type_(LegendType::Scroll).top(0))
            grid(Grid::new().left(8).contain_label(true))
            grid(Grid::new().left("55%"))
            x_axis(Axis::new().type_(AxisType::Category).data(vec!["2023", "2024"]))
            y_axis(Axis::new().type_(AxisType::Value).grid_index(0))
            y_axis(Axis::new().type_(AxisType::Value).grid_index(1))
            series(Bar::new().name("DPRK").data(vec![1.5, 2.0]))
            series(Line::new().name("Others").data(vec![3.0, 4.0]))
        );
        assert_eq!(ours, theirs);
        assert!(ours["xAxis"].is_object(), "one axis is an object: {ours}");
        assert!(ours["yAxis"].is_array(), "two axes are a list: {ours}");
    }

    #[test]
    fn leaves_out_what_is_unset() {
        let (theirs, ours) = both!(animation(false));
        assert_eq!(ours, theirs);
        assert_eq!(ours, serde_json::json!({ "animation": false }));
    }
}
