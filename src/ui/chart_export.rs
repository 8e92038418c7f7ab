//! PNG and SVG downloads of the current chart, drawn on a detached ECharts instance with the
//! title, scope and source line as part of the image.

use super::echarts::{init_with, replace_settings};
use super::formatters::Formatters;
use crate::charts::{BuiltChart, Caption, Palette};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

pub enum ImageFormat {
    Png,
    Svg,
}

const WIDTH: u32 = 960;
const HEIGHT: u32 = 600;

fn settings(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}

/// A `data:` URL (PNG) or SVG markup, or `None` if ECharts is unavailable.
pub fn render_image(
    built: &BuiltChart,
    caption: &Caption,
    palette: &Palette,
    format: ImageFormat,
) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let host = document.create_element("div").ok()?;
    let renderer = match format {
        ImageFormat::Png => "canvas",
        ImageFormat::Svg => "svg",
    };
    let instance = init_with(
        &host,
        &JsValue::NULL,
        &settings(&[
            ("renderer", renderer.into()),
            ("width", WIDTH.into()),
            ("height", HEIGHT.into()),
        ]),
    );
    let formatters = Formatters::new();
    *formatters.units.borrow_mut() = built.units.clone();
    let option =
        js_sys::JSON::parse(&built.captioned_option_json(caption, palette).to_string()).ok()?;
    formatters.install(&option);
    instance.set_option(&option, &replace_settings());
    let out = match format {
        ImageFormat::Png => instance.get_data_url(&settings(&[
            ("type", "png".into()),
            ("pixelRatio", 2.into()),
            ("backgroundColor", palette.tooltip_bg.into()),
        ])),
        ImageFormat::Svg => instance.render_to_svg_string(),
    };
    instance.dispose();
    Some(out)
}
