//! Rust functions handed to ECharts as label and tooltip formatters, so every number a person
//! reads goes through `crate::format` and every name is escaped before ECharts renders it as
//! HTML.

use crate::charts::{
    is_month_start, month_start_label, Unit, FORMAT_MONTH_START, FORMAT_TOOLTIP, FORMAT_USD,
    TICK_MONTH_START,
};
use crate::format::escape_html;
use js_sys::{Array, Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

fn swatch(color: &str) -> String {
    format!(
        r#"<span class="{}"></span>"#,
        crate::charts::palette::swatch_class(color)
    )
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The functions, created once per chart host; `units` is updated with every new chart.
pub struct Formatters {
    pub units: Rc<RefCell<Vec<Unit>>>,
    usd: Closure<dyn Fn(JsValue) -> String>,
    month_start: Closure<dyn Fn(JsValue) -> String>,
    /// `axisTick.interval(index, label)`: a tick on the first of each month only.
    month_tick: Closure<dyn Fn(JsValue, JsValue) -> bool>,
    tooltip: Closure<dyn Fn(JsValue) -> String>,
}

impl Formatters {
    pub fn new() -> Self {
        let units: Rc<RefCell<Vec<Unit>>> = Rc::default();
        let usd = Closure::new(|v: JsValue| Unit::Usd.format(v.as_f64().unwrap_or(0.0)));
        let month_start = Closure::new(|v: JsValue| {
            month_start_label(&v.as_string().unwrap_or_default()).to_string()
        });
        let month_tick = Closure::new(|_index: JsValue, label: JsValue| {
            label.as_string().is_some_and(|l| is_month_start(&l))
        });
        let tooltip_units = units.clone();
        let tooltip = Closure::new(move |params: JsValue| {
            let items: Array = if Array::is_array(&params) {
                params.into()
            } else {
                Array::of1(&params)
            };
            let units = tooltip_units.borrow();
            let mut html = String::new();
            for (i, item) in items.iter().enumerate() {
                if i == 0 {
                    let name = get(&item, "name").as_string().unwrap_or_default();
                    html.push_str(&format!("<strong>{}</strong>", escape_html(&name)));
                }
                let series = get(&item, "seriesIndex").as_f64().unwrap_or(0.0) as usize;
                let unit = units.get(series).copied().unwrap_or(Unit::Usd);
                if unit == Unit::Event {
                    // An event marker: its text ("3 · 6 Sep 2023: …") is the data item's name.
                    let text = get(&get(&item, "data"), "name")
                        .as_string()
                        .unwrap_or_default();
                    html.push_str(&format!("<br/>{}", escape_html(&text)));
                    continue;
                }
                let value = get(&item, "value");
                let Some(value) = value.as_f64() else {
                    continue;
                };
                let marker = swatch(&get(&item, "color").as_string().unwrap_or_default());
                let name = get(&item, "seriesName").as_string().unwrap_or_default();
                html.push_str(&format!(
                    "<br/>{marker}{}: <strong>{}</strong>",
                    escape_html(&name),
                    escape_html(&unit.format(value))
                ));
            }
            html
        });
        Formatters {
            units,
            usd,
            month_start,
            month_tick,
            tooltip,
        }
    }

    /// Replaces the placeholder strings in a parsed option with the functions.
    pub fn install(&self, option: &JsValue) {
        for key in ["xAxis", "yAxis"] {
            let axes = get(option, key);
            let list: Array = if Array::is_array(&axes) {
                axes.into()
            } else {
                Array::of1(&axes)
            };
            for axis in list.iter() {
                let label = get(&axis, "axisLabel");
                self.swap(&label, "formatter");
                self.swap(&get(&axis, "axisTick"), "interval");
            }
        }
        self.swap(&get(option, "tooltip"), "formatter");
    }

    fn swap(&self, obj: &JsValue, key: &str) {
        if !obj.is_object() {
            return;
        }
        let function: &Function = match get(obj, key).as_string().as_deref() {
            Some(FORMAT_USD) => self.usd.as_ref().unchecked_ref(),
            Some(FORMAT_MONTH_START) => self.month_start.as_ref().unchecked_ref(),
            Some(FORMAT_TOOLTIP) => self.tooltip.as_ref().unchecked_ref(),
            Some(TICK_MONTH_START) => self.month_tick.as_ref().unchecked_ref(),
            _ => return,
        };
        let _ = Reflect::set(obj, &JsValue::from_str(key), function);
    }
}
