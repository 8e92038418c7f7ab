//! CSV text → records that remember on which line each starts, so a bad row is reported as
//! `file:LINE`. A thin layer over the `csv` crate (which also drops a UTF-8 byte-order mark, as
//! spreadsheet exports write one); included by `build.rs` as well as the crate.

/// One CSV record and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a file could not be split into records.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
}

/// Splits `text` into records. Quoted fields may contain commas, doubled quotes and newlines;
/// blank lines are skipped; records may differ in length (the validator says which is wrong).
pub fn read_records(text: &str) -> Result<Vec<Record>, SyntaxError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // Lines from byte offsets: the crate's own line counter does not count CRLF line ends, and
    // a record's position is where the reader began, before any blank lines ahead of it.
    let bytes = text.as_bytes();
    let line_at = |position: Option<&csv::Position>| {
        let mut start = position.map_or(0, |p| p.byte() as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        bytes[..start].iter().filter(|b| **b == b'\n').count() + 1
    };
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| SyntaxError {
            line: line_at(e.position()),
            message: e.to_string(),
        })?;
        let line = line_at(record.position());
        let fields: Vec<String> = record.iter().map(str::to_string).collect();
        if fields.len() == 1 && fields[0].is_empty() {
            continue;
        }
        records.push(Record { line, fields });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_newlines() {
        let records = read_records("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\nlast,row\n").unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].fields, vec!["x, \"y\"", "two\nlines"]);
        assert_eq!(
            records[2].line, 4,
            "line numbers count the embedded newline"
        );
    }

    #[test]
    fn an_unclosed_quote_swallows_the_rest_into_one_short_record() {
        // The validator then reports the record's field count at the line the quote opened.
        let records = read_records("a,b,c\nc,\"open,x\nd,e,f\n").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 2);
        assert_eq!(records[1].fields.len(), 2);
    }

    #[test]
    fn crlf_and_blank_lines_are_tolerated() {
        let records = read_records("a,b\r\n\r\nc,d\r\n").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].fields, vec!["c", "d"]);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_header() {
        let records = read_records("\u{feff}id,date\nx,2024-01-01\n").unwrap();
        assert_eq!(records[0].fields, vec!["id", "date"]);
    }
}
