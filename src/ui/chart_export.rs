//! PNG and SVG downloads of the current chart, drawn on a detached ECharts instance with the
//! title, scope and source line as part of the image.

use super::echarts::{init, ImageSettings, InitSettings, Merge};
use super::formatters::Formatters;
use crate::charts::{BuiltChart, Caption, Palette};

#[derive(Clone, Copy)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Svg => "SVG",
        }
    }
}

const WIDTH: u32 = 960;
const HEIGHT: u32 = 600;

/// A `data:` URL (PNG) or SVG markup; the error says why ECharts could not draw it.
pub fn render_image(
    built: &BuiltChart,
    caption: &Caption,
    palette: &Palette,
    format: ImageFormat,
) -> Result<String, String> {
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
        .ok_or("no document to draw in")?;
    let renderer = match format {
        ImageFormat::Png => "canvas",
        ImageFormat::Svg => "svg",
    };
    let instance = init(
        &host,
        &InitSettings {
            renderer: Some(renderer),
            width: Some(WIDTH),
            height: Some(HEIGHT),
        },
    )?;
    let formatters = Formatters::new();
    *formatters.units.borrow_mut() = built.units.clone();
    let drawn = js_sys::JSON::parse(&built.captioned_option_json(caption, palette).to_string())
        .map_err(|e| super::echarts::describe(&e))
        .and_then(|option| {
            formatters.install(&option);
            instance.set_option(&option, Merge::Replace)
        })
        .and_then(|()| match format {
            ImageFormat::Png => instance.data_url(&ImageSettings {
                kind: "png",
                pixel_ratio: 2,
                background_color: palette.tooltip_bg,
            }),
            ImageFormat::Svg => instance
                .render_to_svg_string()
                .map_err(|e| super::echarts::describe(&e)),
        });
    instance.dispose();
    drawn
}
