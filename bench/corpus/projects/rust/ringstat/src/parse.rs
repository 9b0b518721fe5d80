use std::fmt;

#[derive(Debug, PartialEq)]
pub enum ParseError {
    Empty,
    BadNumber { line: usize, text: String },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "no samples"),
            ParseError::BadNumber { line, text } => write!(f, "line {}: not a number: {:?}", line, text),
        }
    }
}

impl std::error::Error for ParseError {}

/// One sample per line; blank lines and `#` comments are skipped.
pub fn parse_samples(input: &str) -> Result<Vec<f64>, ParseError> {
    let mut out = Vec::new();
    for (index, raw) in input.lines().enumerate() {
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let value: f64 = text
            .parse()
            .map_err(|_| ParseError::BadNumber { line: index + 1, text: text.to_string() })?;
        out.push(value);
    }
    if out.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blanks() {
        assert_eq!(parse_samples("# header\n1.5\n\n2\n"), Ok(vec![1.5, 2.0]));
    }

    #[test]
    fn reports_the_line() {
        let err = parse_samples("1\n2\nthree\n").unwrap_err();
        assert_eq!(err.to_string(), "line 3: not a number: \"three\"");
    }

    #[test]
    fn empty_input() {
        assert_eq!(parse_samples("\n# nothing\n"), Err(ParseError::Empty));
    }
}
