//! The typed results: [`Stamp`] (a publication timestamp at date, local-time or zoned
//! precision) and [`PartialDate`] (a calendar date known to year, month or day precision,
//! for event-date expressions such as "in June 2014").

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};

/// A publication timestamp: a calendar date, optionally with a time and, when the page names
/// a zone, its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stamp {
    /// A date without a time ("Oct. 9, 2014").
    Date(NaiveDate),
    /// A wall-clock date and time in an unnamed zone ("2014-10-09 13:55").
    Local(NaiveDateTime),
    /// A date and time with a known UTC offset ("2014-10-09 13:55 KST").
    Zoned(DateTime<FixedOffset>),
}

impl Stamp {
    /// RFC 3339 / ISO 8601 text: `Zoned` → `2014-10-09T13:55:00+09:00` (UTC as `+00:00`),
    /// `Local` → `2014-10-09T13:55:00` (no offset), `Date` → `2014-10-09`. Fractional seconds
    /// appear only when non-zero.
    #[must_use]
    pub fn to_rfc3339(&self) -> String {
        match self {
            Stamp::Date(d) => d.format("%Y-%m-%d").to_string(),
            Stamp::Local(dt) => dt.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
            Stamp::Zoned(dt) => dt.to_rfc3339_opts(SecondsFormat::AutoSi, false),
        }
    }

    /// The calendar date as written on the page (local to the page's zone).
    #[must_use]
    pub fn date(&self) -> NaiveDate {
        match self {
            Stamp::Date(d) => *d,
            Stamp::Local(dt) => dt.date(),
            Stamp::Zoned(dt) => dt.date_naive(),
        }
    }

    /// The wall-clock date and time, if the stamp has a time.
    #[must_use]
    pub fn naive_local(&self) -> Option<NaiveDateTime> {
        match self {
            Stamp::Date(_) => None,
            Stamp::Local(dt) => Some(*dt),
            Stamp::Zoned(dt) => Some(dt.naive_local()),
        }
    }

    /// The UTC offset, if the page named a zone.
    #[must_use]
    pub fn offset(&self) -> Option<FixedOffset> {
        match self {
            Stamp::Zoned(dt) => Some(*dt.offset()),
            _ => None,
        }
    }

    /// The stamp as a day-precision [`PartialDate`], the anchor for resolving relative dates.
    #[must_use]
    pub fn to_partial(&self) -> PartialDate {
        PartialDate::Date(self.date())
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> serde::Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        crate::parse_stamp(&s).map_err(serde::de::Error::custom)
    }
}

/// How precisely a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Only the year ("in 2014").
    Year,
    /// Year and month ("in June 2014", "last month").
    Month,
    /// A full calendar day ("on Oct. 7, 2014", "Saturday").
    Day,
}

/// A calendar date known to year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// A year.
    Year(i32),
    /// A month of a year.
    YearMonth {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// A full date.
    Date(NaiveDate),
}

impl PartialDate {
    /// A year-month, or `None` when `month` is not 1–12.
    #[must_use]
    pub fn year_month(year: i32, month: u32) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(PartialDate::YearMonth { year, month })
    }

    /// How precisely the date is known.
    #[must_use]
    pub fn granularity(&self) -> Granularity {
        match self {
            PartialDate::Year(_) => Granularity::Year,
            PartialDate::YearMonth { .. } => Granularity::Month,
            PartialDate::Date(_) => Granularity::Day,
        }
    }

    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::YearMonth { year: y, .. } => *y,
            PartialDate::Date(d) => d.year(),
        }
    }

    /// The first day of the period (1 January, the 1st of the month, or the date itself).
    #[must_use]
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            PartialDate::YearMonth { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            PartialDate::Date(d) => Some(d),
        }
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601 reduced precision: `2014`, `2014-10`, `2014-10-09`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::YearMonth { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn rfc3339_output_per_precision() {
        let d = ymd(2014, 10, 9);
        let local = d.and_hms_opt(13, 55, 0).expect("valid");
        let off = FixedOffset::east_opt(9 * 3600).expect("valid");
        let zoned = off.from_local_datetime(&local).single().expect("fixed");
        assert_eq!(Stamp::Date(d).to_rfc3339(), "2014-10-09");
        assert_eq!(Stamp::Local(local).to_rfc3339(), "2014-10-09T13:55:00");
        assert_eq!(
            Stamp::Zoned(zoned).to_rfc3339(),
            "2014-10-09T13:55:00+09:00"
        );
        assert_eq!(Stamp::Zoned(zoned).date(), d);
        assert_eq!(Stamp::Zoned(zoned).offset(), Some(off));
        assert_eq!(Stamp::Local(local).naive_local(), Some(local));
        let json = serde_json::to_string(&Stamp::Zoned(zoned)).expect("serializes");
        assert_eq!(json, "\"2014-10-09T13:55:00+09:00\"");
        let back: Stamp = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, Stamp::Zoned(zoned));
        let frac = local + chrono::Duration::milliseconds(123);
        assert_eq!(Stamp::Local(frac).to_string(), "2014-10-09T13:55:00.123");
    }

    #[test]
    fn partial_dates() {
        let ym = PartialDate::year_month(2014, 6).expect("valid month");
        assert_eq!(ym.granularity(), Granularity::Month);
        assert_eq!(ym.to_string(), "2014-06");
        assert_eq!(ym.first_day(), Some(ymd(2014, 6, 1)));
        assert_eq!(PartialDate::year_month(2014, 13), None);
        assert_eq!(PartialDate::Year(2014).to_string(), "2014");
        assert_eq!(PartialDate::Year(2014).granularity(), Granularity::Year);
        let day = Stamp::Date(ymd(2014, 10, 9)).to_partial();
        assert_eq!(day.granularity(), Granularity::Day);
        assert_eq!(day.year(), 2014);
        assert_eq!(
            serde_json::to_string(&day).expect("serializes"),
            "\"2014-10-09\""
        );
    }
}
