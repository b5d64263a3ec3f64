//! CAMEO actor codes and date-restricted code lists.
//!
//! An actor code is a three-letter root (an ISO-3166 alpha-3 country, or
//! `IGO`, `IMG`, `NGO`, …) followed by zero or more three-letter sector
//! codes: `KOR`, `KORGOV`, `USAGOVMIL`, `IGOUNO`. A dictionary entry carries
//! a list of [`DatedCode`]s; the first one that applies on a date wins, as
//! in PETRARCH.

use chrono::NaiveDate;
use serde::Serialize;

/// A code valid from `from` (inclusive) to `to` (exclusive); open ends are unbounded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedCode {
    /// The CAMEO actor code.
    pub code: String,
    /// First day the code applies.
    pub from: Option<NaiveDate>,
    /// First day the code no longer applies.
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    /// A code with no date restriction.
    pub fn always(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            from: None,
            to: None,
        }
    }

    /// True when the code applies on `date`.
    pub fn applies(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date < t)
    }

    /// True when the code has no date restriction.
    pub fn is_undated(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// The code of `codes` for `date`: the first dated one that applies, else
/// the first undated one. A default written before its date restrictions
/// ("SAM_GAMGEE [HOB]" then "[HOBMIL 20080120-20121109]") is the fallback,
/// not a code that hides them.
pub fn code_on(codes: &[DatedCode], date: NaiveDate) -> Option<&str> {
    codes
        .iter()
        .find(|c| !c.is_undated() && c.applies(date))
        .or_else(|| codes.iter().find(|c| c.is_undated()))
        .map(|c| c.code.as_str())
}

/// Splits a code into its three-letter root and its first sector, if any.
///
/// `KORGOV` gives `(Some("KOR"), Some("GOV"))`, `USA` gives
/// `(Some("USA"), None)`, `~GOV` (an agent code) gives `(None, Some("GOV"))`.
pub fn split(code: &str) -> (Option<&str>, Option<&str>) {
    let code = code.trim_start_matches(['~', '-']);
    let root = code
        .get(..3)
        .filter(|r| r.bytes().all(|b| b.is_ascii_uppercase()));
    let sector = code
        .get(3..6)
        .filter(|s| s.bytes().all(|b| b.is_ascii_uppercase()));
    (root, sector)
}

/// True for a plausible actor code: groups of three capital letters.
pub fn is_valid(code: &str) -> bool {
    !code.is_empty()
        && code.len().is_multiple_of(3)
        && code.len() <= 15
        && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Joins a country root and a sector: `("KOR", "GOV")` → `KORGOV`.
pub fn with_sector(root: &str, sector: &str) -> String {
    let mut s = String::with_capacity(root.len() + sector.len());
    s.push_str(root);
    s.push_str(sector);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn first_applicable_code_wins() {
        let codes = vec![
            DatedCode {
                code: "USALEG".into(),
                from: Some(d("1997-01-03")),
                to: Some(d("2009-01-03")),
            },
            DatedCode {
                code: "USAGOV".into(),
                from: Some(d("2013-02-27")),
                to: Some(d("2015-02-17")),
            },
        ];
        assert_eq!(code_on(&codes, d("2014-06-01")), Some("USAGOV"));
        assert_eq!(
            code_on(&codes, d("2015-02-17")),
            None,
            "end dates are exclusive"
        );
        assert_eq!(
            code_on(&codes, d("2013-02-27")),
            Some("USAGOV"),
            "start dates are inclusive"
        );
        let mut with_default = vec![DatedCode {
            code: "USA".into(),
            from: None,
            to: None,
        }];
        with_default.extend(codes.iter().cloned());
        assert_eq!(code_on(&with_default, d("2014-06-01")), Some("USAGOV"));
        assert_eq!(code_on(&with_default, d("2016-01-01")), Some("USA"));
        assert_eq!(code_on(&codes, d("2000-01-01")), Some("USALEG"));
    }

    #[test]
    fn splits_codes() {
        assert_eq!(split("KORGOV"), (Some("KOR"), Some("GOV")));
        assert_eq!(split("USA"), (Some("USA"), None));
        assert_eq!(split("IGOUNOIAE"), (Some("IGO"), Some("UNO")));
        assert_eq!(split("~GOV"), (Some("GOV"), None));
        assert!(is_valid("USAGOVMIL") && !is_valid("US") && !is_valid("usa"));
    }
}
