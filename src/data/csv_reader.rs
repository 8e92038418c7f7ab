//! A small RFC 4180 reader that remembers on which line each record starts, so a bad row is
//! reported as `file:LINE`. Included by `build.rs` as well as the crate.

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

/// Splits `text` into records. Quoted fields may contain commas, doubled quotes and newlines.
/// Blank lines are skipped.
pub fn read_records(text: &str) -> Result<Vec<Record>, SyntaxError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
            }
            '"' => {
                return Err(SyntaxError {
                    line,
                    message: "stray quote inside an unquoted field".into(),
                })
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                push_record(&mut records, record_line, std::mem::take(&mut fields));
                line += 1;
                record_line = line;
            }
            _ if quoted_field => {
                return Err(SyntaxError {
                    line,
                    message: format!("unexpected {c:?} after a closing quote"),
                })
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(SyntaxError {
            line: record_line,
            message: "quoted field is never closed".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() || quoted_field {
        fields.push(field);
        push_record(&mut records, record_line, fields);
    }
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    let blank = fields.len() == 1 && fields[0].is_empty();
    if !blank {
        records.push(Record { line, fields });
    }
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
    fn unclosed_quote_is_reported_with_its_line() {
        let err = read_records("a,b\nc,\"open\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("never closed"));
    }

    #[test]
    fn crlf_and_blank_lines_are_tolerated() {
        let records = read_records("a,b\r\n\r\nc,d\r\n").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].fields, vec!["c", "d"]);
    }
}
