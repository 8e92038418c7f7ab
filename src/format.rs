//! Numbers and dates as people read them: `$1.34B`, `$660.5M`, `47 incidents`, `61%`,
//! `19 Jun 2024`. Every figure the app shows goes through here.

use chrono::{Datelike, NaiveDate};

/// Compact dollars: billions with up to two decimals, millions and thousands with up to one,
/// trailing zeros dropped (`$2.2B`, `$1.34B`, `$660.5M`, `$41M`, `$950K`, `$0`).
pub fn usd(value: u64) -> String {
    let v = value as f64;
    if value >= 1_000_000_000 {
        format!("${}B", trimmed(v / 1e9, 2))
    } else if value >= 1_000_000 {
        // 999.96M would print as "1000M": promote to billions instead.
        let m = round_to(v / 1e6, 1);
        if m >= 1000.0 {
            format!("${}B", trimmed(v / 1e9, 2))
        } else {
            format!("${}M", trimmed(v / 1e6, 1))
        }
    } else if value >= 1_000 {
        let k = round_to(v / 1e3, 1);
        if k >= 1000.0 {
            format!("${}M", trimmed(v / 1e6, 1))
        } else {
            format!("${}K", trimmed(v / 1e3, 1))
        }
    } else {
        format!("${value}")
    }
}

/// Dollars with thousands separators, for the places that need the exact amount
/// (table tooltips, downloads read by people): `$1,340,000,000`.
pub fn usd_exact(value: u64) -> String {
    format!("${}", grouped(value))
}

/// `1,234,567`.
/// "a", "a and b", "a, b and c".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 incident`, `47 incidents`, `1,203 incidents`.
pub fn incidents(count: u64) -> String {
    if count == 1 {
        "1 incident".to_string()
    } else {
        format!("{} incidents", grouped(count))
    }
}

/// Whole percent unless the value is below 10 and not whole (`61%`, `4.5%`, `0%`).
pub fn percent(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    if value.abs() < 10.0 && (value - value.round()).abs() >= 0.05 {
        format!("{}%", trimmed(value, 1))
    } else {
        format!("{}%", value.round() as i64)
    }
}

/// Signed change, e.g. `+21%` or `−35%` (with a real minus sign).
pub fn change_percent(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let text = percent(value.abs());
    if value.round() == 0.0 && value.abs() < 0.05 {
        text
    } else if value > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `19 Jun 2024`.
pub fn date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_short(d.month0()), d.year())
}

/// `Jun`, from a 0-based month.
pub fn month_short(month0: u32) -> &'static str {
    MONTHS[month0 as usize % 12]
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (v * scale).round() / scale
}

fn trimmed(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Escapes text for HTML (ECharts' tooltips, the pre-rendered first screen): element content
/// and quoted attribute values alike.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_figures_read_like_the_reports() {
        assert_eq!(usd(1_340_000_000), "$1.34B");
        assert_eq!(usd(2_200_000_000), "$2.2B");
        assert_eq!(usd(660_500_000), "$660.5M");
        assert_eq!(usd(41_000_000), "$41M");
        assert_eq!(usd(3_500_000), "$3.5M");
        assert_eq!(usd(950_000), "$950K");
        assert_eq!(usd(0), "$0");
        assert_eq!(usd(999), "$999");
    }

    #[test]
    fn rounding_never_prints_a_thousand_of_a_unit() {
        assert_eq!(usd(999_960_000), "$1B");
        assert_eq!(usd(999_960), "$1M");
    }

    #[test]
    fn exact_amounts_are_grouped() {
        assert_eq!(usd_exact(1_340_000_000), "$1,340,000,000");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(incidents(1), "1 incident");
        assert_eq!(incidents(47), "47 incidents");
        assert_eq!(incidents(1203), "1,203 incidents");
    }

    #[test]
    fn percentages_are_whole_unless_small() {
        assert_eq!(percent(61.0), "61%");
        assert_eq!(percent(60.9), "61%");
        assert_eq!(percent(4.54), "4.5%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(change_percent(21.07), "+21%");
        assert_eq!(change_percent(-35.2), "−35%");
        assert_eq!(change_percent(0.0), "0%");
        assert_eq!(percent(f64::NAN), "–");
    }

    #[test]
    fn lists_read_as_a_sentence() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&items(&[])), "");
        assert_eq!(list(&items(&["a"])), "a");
        assert_eq!(list(&items(&["a", "b"])), "a and b");
        assert_eq!(list(&items(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn dates_read_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 19).unwrap();
        assert_eq!(date(d), "19 Jun 2024");
        assert_eq!(month_short(11), "Dec");
    }
}
