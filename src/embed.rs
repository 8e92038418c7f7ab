//! The embed protocol and snippet: what a newsroom pastes, and what our page tells its host.

/// `source` of the height messages the embedded page posts to its parent; `public/embed.js`
/// accepts only messages carrying it and [`MESSAGE_VERSION`].
pub const MESSAGE_SOURCE: &str = "crypto-heist-explorer";
pub const MESSAGE_VERSION: u32 = 1;
/// Height of the iframe before (or without) the auto-resize script: fits the chart, title,
/// summary and credit at common article widths.
pub const DEFAULT_HEIGHT: u32 = 560;

/// What the embedded page posts to its host: `{source, version, height}`. The field names and
/// values are public: `public/embed.js` and hosts' own scripts read them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct HeightMessage {
    pub source: &'static str,
    pub version: u32,
    /// CSS pixels, rounded up.
    pub height: f64,
}

impl HeightMessage {
    pub fn new(height: f64) -> Self {
        HeightMessage {
            source: MESSAGE_SOURCE,
            version: MESSAGE_VERSION,
            height,
        }
    }
}

/// `type` of the one message the embedded page reads: a host script asking for the height.
pub const REQUEST_HEIGHT: &str = "request-height";

/// A message from the host page. Only a height request is acted on, and the only action is to
/// post the height back: `embed.js` sends one to each of our frames when it starts and when a
/// frame (re)loads, so frames and script find each other whichever loads first.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct HostMessage {
    pub source: String,
    pub version: u32,
    #[serde(rename = "type")]
    pub kind: String,
}

impl HostMessage {
    pub fn is_height_request(&self) -> bool {
        self.source == MESSAGE_SOURCE
            && self.version == MESSAGE_VERSION
            && self.kind == REQUEST_HEIGHT
    }
}

fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `<iframe>` (and optional `<script>`) a host page pastes.
pub fn snippet(embed_url: &str, title: &str, script_url: Option<&str>) -> String {
    let mut html = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{DEFAULT_HEIGHT}\" \
         frameborder=\"0\" style=\"border:0;width:100%;max-width:100%\" data-heist-embed></iframe>",
        attr(embed_url),
        attr(title)
    );
    if let Some(script) = script_url {
        html.push_str(&format!(
            "\n<script src=\"{}\" async></script>",
            attr(script)
        ));
    }
    html
}

/// Article column widths the fixed snippet is offered for, narrowest first.
pub const COLUMN_WIDTHS: [u32; 6] = [320, 360, 480, 600, 680, 960];

/// The frame height for a fixed snippet in a column `width` px wide: the chart's share grows
/// with the width, text takes about 260 px, and the result stays in 400–800 px, the range the
/// embed lays itself out in without a script.
pub fn fixed_height(width: u32) -> u32 {
    let height = (f64::from(width) * 0.62 + 260.0) / 10.0;
    (height.round() as u32 * 10).clamp(400, 800)
}

/// The `<iframe>` alone, for hosts that allow no script: full column width (at most `width`),
/// fixed height; the page fits itself to it.
pub fn fixed_snippet(embed_url: &str, title: &str, width: u32) -> String {
    let height = fixed_height(width);
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" \
         frameborder=\"0\" style=\"border:0;width:100%;max-width:{width}px;height:{height}px\"></iframe>",
        attr(embed_url),
        attr(title)
    )
}

/// For newsletters, where no frame runs: the view's preview image linking to the view, and the
/// title as a text link.
pub fn link_snippet(view_url: &str, title: &str, image_url: &str) -> String {
    format!(
        "<a href=\"{url}\"><img src=\"{img}\" alt=\"{t}\" width=\"600\" style=\"max-width:100%;height:auto;border:0\"></a>\n\
         <p><a href=\"{url}\">{t}</a></p>",
        url = attr(view_url),
        img = attr(image_url),
        t = attr(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_a_lazy_full_width_borderless_iframe_with_a_title() {
        let html = snippet("https://x.org/e/?year=2024&embed=1", "DPRK \"share\"", None);
        assert!(html.starts_with("<iframe src=\"https://x.org/e/?year=2024&amp;embed=1\""));
        assert!(html.contains("title=\"DPRK &quot;share&quot;\""));
        assert!(html.contains("loading=\"lazy\""));
        assert!(html.contains("width=\"100%\""));
        assert!(html.contains(&format!("height=\"{DEFAULT_HEIGHT}\"")));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn the_height_message_keeps_its_public_shape() {
        let json = serde_json::to_value(HeightMessage::new(629.0)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"source": "crypto-heist-explorer", "version": 1, "height": 629.0})
        );
    }

    #[test]
    fn only_a_versioned_height_request_from_our_protocol_is_read() {
        let read = |json: &str| {
            serde_json::from_str::<HostMessage>(json).is_ok_and(|m| m.is_height_request())
        };
        assert!(read(
            r#"{"source":"crypto-heist-explorer","version":1,"type":"request-height"}"#
        ));
        assert!(!read(
            r#"{"source":"crypto-heist-explorer","version":2,"type":"request-height"}"#
        ));
        assert!(!read(
            r#"{"source":"someone-else","version":1,"type":"request-height"}"#
        ));
        assert!(!read(
            r#"{"source":"crypto-heist-explorer","version":1,"type":"navigate"}"#
        ));
        assert!(!read(r#"{"source":"crypto-heist-explorer","version":1}"#));
        assert!(!read(r#""request-height""#));
    }

    #[test]
    fn fixed_heights_grow_with_the_column_and_stay_in_the_fitting_range() {
        let heights: Vec<u32> = COLUMN_WIDTHS.iter().map(|w| fixed_height(*w)).collect();
        assert!(heights.windows(2).all(|h| h[0] <= h[1]), "{heights:?}");
        assert!(
            heights.iter().all(|h| (400..=800).contains(h)),
            "{heights:?}"
        );
        assert_eq!(fixed_height(360), 480);
        assert_eq!(fixed_height(5000), 800);
        let html = fixed_snippet("https://x.org/?embed=1&view=share", "T", 360);
        assert!(html.contains("height=\"480\""), "{html}");
        assert!(html.contains("max-width:360px"), "{html}");
        assert!(html.contains("?embed=1&amp;view=share"), "{html}");
        assert!(!html.contains("<script"));
    }

    #[test]
    fn the_newsletter_link_is_an_image_and_a_title_linking_to_the_view() {
        let html = link_snippet(
            "https://x.org/?view=share",
            "A & B",
            "https://x.org/og-image.png",
        );
        assert!(html.starts_with("<a href=\"https://x.org/?view=share\"><img src=\"https://x.org/og-image.png\" alt=\"A &amp; B\""));
        assert!(html.ends_with("<p><a href=\"https://x.org/?view=share\">A &amp; B</a></p>"));
        assert!(!html.contains("<iframe"));
    }

    #[test]
    fn the_resize_script_is_optional() {
        let html = snippet("https://x.org/", "t", Some("https://x.org/embed.js"));
        assert!(html.ends_with("<script src=\"https://x.org/embed.js\" async></script>"));
    }
}
