//! The error type of stamp parsing: what was wrong with the input and which forms are accepted.

/// Longest input, in bytes, that [`crate::parse_stamp`] accepts after trimming.
pub const MAX_STAMP_LEN: usize = 256;

/// Why a string is not a date stamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The input was empty or only whitespace.
    #[error(
        "empty date string; pass a date such as 2014-10-09, Oct. 9, 2014 or 2014-10-09T13:55:00+09:00"
    )]
    Empty,
    /// The input is longer than [`MAX_STAMP_LEN`] bytes.
    #[error(
        "date string is {len} bytes long, more than the {MAX_STAMP_LEN} a stamp may have; use find_stamp to search a longer line"
    )]
    TooLong {
        /// Length of the trimmed input in bytes.
        len: usize,
    },
    /// The input has the shape of a date but names no calendar day (month 13, Feb. 30).
    #[error(
        "no such calendar date {year:04}-{month:02}-{day:02}; the month must be 1-12 and the day within that month"
    )]
    InvalidDate {
        /// Year as written.
        year: i32,
        /// Month as written.
        month: u32,
        /// Day as written.
        day: u32,
    },
    /// The input has the shape of a time but names no time of day (hour 25, 13 p.m.).
    #[error(
        "no such time of day {hour:02}:{minute:02}:{second:02}; hours are 0-23 (1-12 with am/pm), minutes and seconds 0-59"
    )]
    InvalidTime {
        /// Hour as written (before am/pm conversion).
        hour: u32,
        /// Minute as written.
        minute: u32,
        /// Second as written.
        second: u32,
    },
    /// A numeric UTC offset is out of range.
    #[error(
        "utc offset {text} is out of range; write offsets as +0900, +09:00, GMT+9 or UTC-5, within 23:59 of UTC"
    )]
    InvalidOffset {
        /// The offset as written.
        text: String,
    },
    /// A date was read, but more text follows it.
    #[error(
        "unexpected text `{rest}` after the date; pass only the stamp, or use find_stamp to pick a stamp out of a longer line"
    )]
    TrailingText {
        /// The start of the unread text.
        rest: String,
    },
    /// Nothing date-like was recognised.
    #[error(
        "unrecognized date `{text}`; accepted forms include 2014-10-09T13:55:00+09:00, Thu, 09 Oct 2014 13:55:00 +0900, Oct. 9, 2014 1:55 p.m. EDT, 9 October 2014 13.55 BST and 2014.10.09 13:55 KST (years need four digits)"
    )]
    Unrecognized {
        /// The start of the input.
        text: String,
    },
}

/// The first `max` characters of `s`, for quoting in an error message.
pub(crate) fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_excerpts_cut_on_char_boundaries() {
        let e = DateError::InvalidDate {
            year: 2014,
            month: 2,
            day: 30,
        };
        let msg = e.to_string();
        assert!(msg.starts_with("no such calendar date 2014-02-30"), "{msg}");
        assert!(DateError::Empty.to_string().starts_with("empty"));
        let long = "é".repeat(100);
        let ex = excerpt(&long);
        assert_eq!(ex.chars().count(), 41);
        assert_eq!(excerpt("short"), "short");
    }
}
