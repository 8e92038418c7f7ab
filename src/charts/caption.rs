//! Downloaded chart images carry their title, scope and source line, like a printed graphic:
//! the option gets ECharts titles and everything else moves down to make room.

use super::{BuiltChart, Palette};
use serde_json::{json, Value};

/// Space reserved above the plot for title and subtitle, in pixels.
pub const CAPTION_TOP: i64 = 64;

pub struct Caption<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub source: &'a str,
}

fn shift_top(item: &mut Value, by: i64) {
    if let Some(obj) = item.as_object_mut() {
        let top = obj.get("top").and_then(Value::as_i64).unwrap_or(0);
        if obj.get("top").is_none_or(Value::is_number) {
            obj.insert("top".into(), json!(top + by));
        }
    }
}

impl BuiltChart {
    /// The option for an exported image: titles on top, source at the bottom.
    pub fn captioned_option_json(&self, caption: &Caption, palette: &Palette) -> Value {
        let mut option = self.option_json();
        for key in ["grid", "legend"] {
            match option.get_mut(key) {
                Some(Value::Array(items)) => {
                    items.iter_mut().for_each(|i| shift_top(i, CAPTION_TOP))
                }
                Some(item) => shift_top(item, CAPTION_TOP),
                None => {}
            }
            // Bottom margin for the source line.
            if key == "grid" {
                if let Some(Value::Array(grids)) = option.get_mut("grid") {
                    if let Some(last) = grids.last_mut() {
                        last["bottom"] = json!(28);
                    }
                }
            }
        }
        option["title"] = json!([
            {
                "text": caption.title,
                "subtext": caption.subtitle,
                "left": 0,
                "top": 0,
                "textStyle": { "color": palette.text, "fontSize": 18, "fontWeight": "bold" },
                "subtextStyle": { "color": palette.muted, "fontSize": 12 }
            },
            {
                "text": caption.source,
                "left": 0,
                "bottom": 0,
                "textStyle": { "color": palette.muted, "fontSize": 11, "fontWeight": "normal" }
            }
        ]);
        option["backgroundColor"] = json!(palette.tooltip_bg);
        option
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::built;
    use super::*;
    use crate::query::Filters;
    use crate::state::View;

    #[test]
    fn exported_images_have_title_scope_and_source_above_a_shifted_plot() {
        let (chart, plain, _) = built(View::Compare, &Filters::default());
        let caption = Caption {
            title: "Title",
            subtitle: "2023–2024 · all incidents",
            source: "Source: test",
        };
        let option = chart.captioned_option_json(&caption, &super::super::palette::LIGHT);
        assert_eq!(option["title"][0]["text"], "Title");
        assert_eq!(option["title"][0]["subtext"], "2023–2024 · all incidents");
        assert_eq!(option["title"][1]["text"], "Source: test");
        let before = plain["grid"][0]["top"].as_i64().unwrap();
        assert_eq!(
            option["grid"][0]["top"].as_i64().unwrap(),
            before + CAPTION_TOP
        );
        assert_eq!(
            option["grid"][1]["top"], plain["grid"][1]["top"],
            "percent tops stay"
        );
        assert_eq!(option["series"], plain["series"]);
    }
}
