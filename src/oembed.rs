//! oEmbed responses (https://oembed.com, `type: "rich"`) for the canonical views — each chart
//! view at default filters — of a deployment at a known public URL, so that a CMS that speaks
//! oEmbed (WordPress, Ghost) turns a pasted link into our embed. Written as static files by the
//! build when `HEIST_PUBLIC_URL` is set (scripts/oembed.mjs runs the host binary).

use crate::canonical;
use crate::data::DATA_VERSION;
use crate::embed::{snippet, DEFAULT_HEIGHT};
use crate::query::{Breakdown, Filters};
use crate::state::links::{embed_link, script_beside};
use crate::state::{View, ViewState};
use crate::summary::chart_title;
use serde::Serialize;

pub const PROVIDER: &str = "Crypto Heist Explorer";
/// The width the responses describe: a common article column.
pub const WIDTH: u32 = 680;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Response {
    pub version: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub provider_name: &'static str,
    pub provider_url: String,
    pub html: String,
    pub width: u32,
    pub height: u32,
    pub thumbnail_url: String,
    pub thumbnail_width: u32,
    pub thumbnail_height: u32,
    /// Seconds a consumer may cache the response: a day, so a data update reaches embeds.
    pub cache_age: u32,
    /// Not part of oEmbed: which data the title describes.
    pub data_version: &'static str,
}

/// The response of every canonical view. `base` is the deployment's public URL of
/// index.html's directory, e.g. `https://news.example/graphics/heists/`.
pub fn responses(base: &str) -> Vec<(View, Response)> {
    let breakdown = canonical::breakdown();
    canonical::views()
        .map(|view| (view, response(base, view, &breakdown)))
        .collect()
}

fn response(base: &str, view: View, breakdown: &Breakdown) -> Response {
    let filters = Filters::default();
    let title = format!(
        "{} — {PROVIDER}",
        chart_title(view, &filters, breakdown, breakdown)
    );
    let state = ViewState {
        view,
        ..ViewState::default()
    };
    let url = embed_link(base, &state);
    Response {
        version: "1.0",
        kind: "rich",
        html: snippet(&url, &title, Some(&script_beside(base))),
        title,
        provider_name: PROVIDER,
        provider_url: base.to_string(),
        width: WIDTH,
        // The snippet's own height; embed.js then grows the frame to its content.
        height: DEFAULT_HEIGHT,
        // The view's own preview image (scripts/prerender.mjs), the size og-image.png also has.
        thumbnail_url: format!("{base}{}", canonical::preview_image_path(view)),
        thumbnail_width: canonical::PREVIEW_IMAGE_SIZE.0,
        thumbnail_height: canonical::PREVIEW_IMAGE_SIZE.1,
        cache_age: 86_400,
        data_version: DATA_VERSION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example/graphics/heists/";

    #[test]
    fn every_chart_view_has_a_rich_response_pointing_at_its_embed() {
        let all = responses(BASE);
        assert_eq!(all.len(), View::ALL.len() - 1);
        for (view, r) in all {
            let json = serde_json::to_value(&r).unwrap();
            for key in [
                "version",
                "type",
                "html",
                "width",
                "height",
                "title",
                "provider_name",
                "thumbnail_url",
            ] {
                assert!(!json[key].is_null(), "{key} in {view:?}");
            }
            assert_eq!(json["type"], "rich");
            assert_eq!(json["version"], "1.0");
            let src = format!("{BASE}?view={}", view.slug());
            let expected_src = if view == View::Overview {
                format!("{BASE}?year=")
            } else {
                src
            };
            assert!(
                r.html.starts_with(&format!("<iframe src=\"{expected_src}")),
                "{}",
                r.html
            );
            assert!(r.html.contains("embed=1"), "{}", r.html);
            assert!(r
                .html
                .ends_with(&format!("<script src=\"{BASE}embed.js\" async></script>")));
            assert_eq!(
                r.thumbnail_url,
                format!("{BASE}og/{}.png", view.slug()),
                "each view's own preview image"
            );
            assert_eq!((r.thumbnail_width, r.thumbnail_height), (1200, 630));
            assert!(r.title.ends_with(" — Crypto Heist Explorer"));
        }
    }
}
