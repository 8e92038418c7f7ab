//! Dates as the URL, the inputs and the data files write them.

use chrono::NaiveDate;

/// Strict `YYYY-MM-DD` (what URLs and date inputs carry). Hand-written because chrono's
/// format-string parser is a large piece of the wasm for one fixed format.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_strictly() {
        assert_eq!(
            parse_iso_date("2024-06-19"),
            NaiveDate::from_ymd_opt(2024, 6, 19)
        );
        for bad in [
            "2024-6-19",
            "2024-02-30",
            "24-06-19",
            "2024/06/19",
            "2024-06-19x",
            "+024-06-19",
            "",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
