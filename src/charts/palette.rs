//! One palette for the whole app. DPRK-linked theft has a single accent used identically in
//! every chart, badge and headline number; everyone else is a neutral grey. The two differ in
//! lightness as well as hue, so they stay apart in greyscale and for colour-blind readers
//! (checked with the WCAG relative-luminance ratio in the tests below).

use crate::state::Theme;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Palette {
    /// DPRK-linked (confirmed + suspected).
    pub dprk: &'static str,
    /// A lighter/darker step of the accent for second series of the same story
    /// (share of incidents, 2023 lines).
    pub dprk_soft: &'static str,
    /// Everyone else.
    pub others: &'static str,
    pub others_soft: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    pub tooltip_bg: &'static str,
}

pub const LIGHT: Palette = Palette {
    dprk: "#c2410c",
    dprk_soft: "#f59e6b",
    others: "#8a94a3",
    others_soft: "#c9ced6",
    text: "#1f2328",
    muted: "#57606a",
    grid: "#e3e6ea",
    tooltip_bg: "#ffffff",
};

pub const DARK: Palette = Palette {
    dprk: "#ff8a5c",
    dprk_soft: "#b4532a",
    others: "#7d8590",
    others_soft: "#4a515b",
    text: "#e6edf3",
    muted: "#9aa4af",
    grid: "#30363d",
    tooltip_bg: "#161b22",
};

/// The tooltip swatch class for a series colour (ECharts' own markers carry inline styles,
/// which the CSP forbids): the accent and its softer step have theirs, everything else is grey.
pub fn swatch_class(color: &str) -> &'static str {
    if color == LIGHT.dprk || color == DARK.dprk {
        "sw sw-dprk"
    } else if color == LIGHT.dprk_soft || color == DARK.dprk_soft {
        "sw sw-dprk-soft"
    } else {
        "sw"
    }
}

impl Palette {
    /// A series colour: the accent for DPRK-linked, grey for everyone else; the softer step
    /// for the earlier year when two years are drawn side by side.
    pub fn series_color(&self, dprk: bool, latest: bool) -> &'static str {
        match (dprk, latest) {
            (true, true) => self.dprk,
            (true, false) => self.dprk_soft,
            (false, true) => self.others,
            (false, false) => self.others_soft,
        }
    }

    pub fn for_theme(theme: Theme) -> Palette {
        match theme {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn dprk_and_others_separate_in_greyscale_in_both_themes() {
        for p in [LIGHT, DARK] {
            assert!(
                contrast(p.dprk, p.others) >= 1.3,
                "{} vs {}: {:.2}",
                p.dprk,
                p.others,
                contrast(p.dprk, p.others)
            );
        }
    }

    #[test]
    fn text_is_readable_on_the_page_background() {
        assert!(contrast(LIGHT.text, "#ffffff") >= 7.0);
        assert!(contrast(LIGHT.muted, "#ffffff") >= 4.5);
        assert!(contrast(DARK.text, "#0d1117") >= 7.0);
        assert!(contrast(DARK.muted, "#0d1117") >= 4.5);
        assert!(
            contrast(LIGHT.dprk, "#ffffff") >= 4.5,
            "accent used as text"
        );
        assert!(contrast(DARK.dprk, "#0d1117") >= 4.5, "accent used as text");
    }
}
