//! Parses the date and time expressions that news pages use for publication and modification
//! stamps into a typed [`Stamp`].
//!
//! ```
//! use faultline_dates::{find_stamp, parse_stamp};
//!
//! let stamp = parse_stamp("Oct. 9, 2014 1:55 p.m. EDT")?;
//! assert_eq!(stamp.to_rfc3339(), "2014-10-09T13:55:00-04:00");
//!
//! let line = "Posted on : 2014-10-09 13:55 KST Modified on : 2019-10-19 20:29 KST";
//! let (posted, range) = find_stamp(line).expect("a stamp");
//! assert_eq!(posted.to_rfc3339(), "2014-10-09T13:55:00+09:00");
//! let (modified, _) = find_stamp(&line[range.end..]).expect("a second stamp");
//! assert_eq!(modified.to_rfc3339(), "2019-10-19T20:29:00+09:00");
//! # Ok::<(), faultline_dates::DateError>(())
//! ```
//!
//! # Accepted forms
//!
//! Each with or without a time, and the time with or without a zone:
//!
//! - ISO 8601 / RFC 3339: `2014-10-09`, `2014-10-09T13:55:00+09:00`, `2014-10-09T04:55:00Z`,
//!   `2014-10-09T13:55:00.123+0900`, `2014-10-09 13:55:00`.
//! - RFC 2822: `Thu, 09 Oct 2014 13:55:00 +0900`, `Thu, 9 Oct 2014 13:55:00 GMT`, named zones.
//! - Month first: `Oct. 9, 2014`, `October 9, 2014`, `Sept. 9, 2014`, `Oct 9 2014`,
//!   `Thursday, October 9, 2014`, `Oct. 9, 2014 1:55 p.m. EDT`, `October 9, 2014 at 13:55 KST`.
//! - Day first: `9 October 2014`, `9 Oct 2014`, `Thursday 9 October 2014 13.55 BST`,
//!   `09 October 2014 13:55`, `09-Oct-2014 13:55 IST`.
//! - Year first: `2014.10.09`, `2014.10.09 13:55`, `2014/10/09`, `2014. 10. 09.` (Korean style),
//!   `2014년 10월 9일`, `2014年10月9日`.
//! - Numeric day and month: `08/06/2013`, `8-6-2013`, `08.06.2013 10:27` (see the decisions).
//! - Time first: `1:55 PM EDT, Thu October 9, 2014` (CNN style),
//!   `3:41 p.m. ET, Tue October 8, 2019`, `13:55 KST on 9 October 2014`.
//! - Labelled: [`parse_stamp`] reads past a leading label (`Posted: …`, `Published …`,
//!   `Updated …`, `Last modified on …`; the words are in `data/stamp_labels.txt`), and
//!   [`find_labelled_stamps`] tells published from modified stamps by their labels.
//! - Compact `20141009`: only by [`parse_stamp`] (the whole string), for years 1900–2100;
//!   [`find_stamp`] ignores eight-digit numbers, which in running text are usually ids.
//!
//! Times: `13:55`, `13:55:00`, `13:55:00.123`, `13.55`, 12-hour with `am`, `PM`, `a.m.`, `p.m.`
//! (`1 pm` too). A time may be joined to its date by `,`, `at`, `@`, `|`, `/`, `-`, `–`, `—`,
//! `·` or `•` (`8 June 2013 | 10:27 GMT`, `March 11, 2014 - 09:57`).
//!
//! Zones: numeric `+0900`, `+09:00`, `+09`, `Z`, `GMT+9`, `UTC-5`, `UTC+09:00` (the sign means
//! east of UTC, as news pages mean it, not the inverted POSIX `Etc/GMT+9`), and the
//! abbreviations of [`zone_offset`], optionally in parentheses (`13:55 (KST)`) and optionally
//! followed by a spelled-out name in parentheses (`GMT+0900 (Korean Standard Time)`). Inside a
//! line ([`find_stamp`]) abbreviations must be upper case (so that English words such as "art"
//! or "eat" are not read as zones); [`parse_stamp`] ignores case.
//!
//! # Decisions
//!
//! - Ambiguous abbreviations are resolved by a [`Region`] hint in [`ParseOptions`]; without one
//!   CST is US Central (−06:00, as in RFC 2822), AST Arabia (+03:00), IST India (+05:30), BST
//!   British Summer Time (+01:00), GST Gulf (+04:00).
//! - The generic US zones ET, CT, MT and PT take daylight or standard time by the US rules in
//!   force for the stamp's date and time ([`zone_offset_at`]).
//! - Years must have four digits. The one exception is strict RFC 2822 (`Thu, 09 Oct 14
//!   13:55:00 +0900`), which [`parse_stamp`] hands to chrono's RFC 2822 parser when its own
//!   grammar fails; that parser maps 00–49 to 20xx and 50–99 to 19xx.
//! - Numeric day/month dates need a four-digit year. Dotted ones (`08.06.2013`) are day first.
//!   With `/` or `-`, a number above 12 decides (`13/06/2013`, `06/13/2013`); otherwise
//!   [`DayMonthOrder`] does: by default month first for [`Region::Americas`] and day first
//!   elsewhere. [`numeric_order_ambiguous`] tells a caller when the order was a guess, so it
//!   can say so.
//! - A time without a zone stays without one ([`Stamp::Local`]): no offset is invented.
//! - A weekday name is read past but not checked against the date: pages get it wrong more
//!   often than the digits.
//! - `13.55` is read as a time wherever a time may stand (after a date, or before one), so
//!   "Oct. 9, 2014 2.50 million" inside a line does read 02:50; the range shows what was read.
//! - A leap second (`23:59:60`) is kept as chrono represents it.
//! - Impossible dates and times (`2014-02-30`, month 13, hour 25, `13 p.m.`) are errors from
//!   [`parse_stamp`] and are skipped by [`find_stamp`]; nothing panics.

mod error;
pub mod event;
mod grammar;
mod label;
mod lexicon;
mod stamp;
mod zones;

use std::ops::Range;

use chrono::DateTime;

pub use error::{DateError, MAX_STAMP_LEN};
pub use event::{EventDate, Interval, Unit, find_event_dates, find_intervals};
pub use label::{LabelledStamp, StampKind, find_labelled_stamps, leading_label};
pub use lexicon::{month_from_name, weekday_from_name};
pub use stamp::{Granularity, PartialDate, Stamp};
pub use zones::{Region, zone_offset, zone_offset_at, zone_offset_in};

use error::excerpt;
use grammar::Parser;

/// How to read an all-numeric date such as `08/06/2013` when both numbers could be the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DayMonthOrder {
    /// Month first for [`Region::Americas`], day first elsewhere.
    #[default]
    ByRegion,
    /// `08/06/2013` is 8 June.
    DayFirst,
    /// `08/06/2013` is 6 August.
    MonthFirst,
}

impl DayMonthOrder {
    pub(crate) fn month_first(self, region: Region) -> bool {
        match self {
            DayMonthOrder::ByRegion => region == Region::Americas,
            DayMonthOrder::DayFirst => false,
            DayMonthOrder::MonthFirst => true,
        }
    }
}

/// Options for [`parse_stamp_with`] and [`find_stamp_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Where the page comes from, to resolve ambiguous zone abbreviations such as CST.
    pub region: Region,
    /// How to read `08/06/2013`.
    pub order: DayMonthOrder,
}

impl ParseOptions {
    /// Options with the given region hint.
    #[must_use]
    pub fn with_region(region: Region) -> Self {
        ParseOptions {
            region,
            ..ParseOptions::default()
        }
    }

    /// These options with the given day/month order for numeric dates.
    #[must_use]
    pub fn with_order(self, order: DayMonthOrder) -> Self {
        ParseOptions { order, ..self }
    }
}

/// Parses a whole string (surrounding whitespace allowed) as a date stamp.
///
/// # Errors
///
/// [`DateError`] when the string is empty, longer than [`MAX_STAMP_LEN`] bytes, not a
/// recognised form, followed by other text, or names an impossible date, time or offset.
pub fn parse_stamp(s: &str) -> Result<Stamp, DateError> {
    parse_stamp_with(s, ParseOptions::default())
}

/// [`parse_stamp`] with options (a region hint for ambiguous zones).
///
/// # Errors
///
/// As [`parse_stamp`].
pub fn parse_stamp_with(s: &str, options: ParseOptions) -> Result<Stamp, DateError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let s = match leading_label(s) {
        Some((_, r)) if r.end < s.len() => &s[r.end..],
        _ => s,
    };
    if s.len() > MAX_STAMP_LEN {
        return Err(DateError::TooLong { len: s.len() });
    }
    // Strict RFC 3339 goes through chrono; everything else through the grammar.
    if s.len() >= 20
        && let Ok(dt) = DateTime::parse_from_rfc3339(s)
    {
        return Ok(Stamp::Zoned(dt));
    }
    let parser = Parser::new(s, options.region, options.order, true);
    let rfc2822 = || DateTime::parse_from_rfc2822(s).ok().map(Stamp::Zoned);
    match parser.stamp_at(0)? {
        Some((stamp, end)) if end == parser.len() => Ok(stamp),
        Some((_, end)) => rfc2822().ok_or_else(|| DateError::TrailingText {
            rest: excerpt(&s[parser.byte_start(end)..]),
        }),
        None => rfc2822().ok_or_else(|| DateError::Unrecognized { text: excerpt(s) }),
    }
}

/// Finds the first date stamp inside a longer line, with its byte range in `s`.
///
/// The range covers the stamp from its first token (a leading weekday included) to its last
/// (zone included), so a caller can look for a second stamp in `&s[range.end..]`.
#[must_use]
pub fn find_stamp(s: &str) -> Option<(Stamp, Range<usize>)> {
    find_stamp_with(s, ParseOptions::default())
}

/// [`find_stamp`] with options (a region hint for ambiguous zones).
#[must_use]
pub fn find_stamp_with(s: &str, options: ParseOptions) -> Option<(Stamp, Range<usize>)> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let parser = Parser::new(s, options.region, options.order, false);
    (0..parser.len())
        .filter(|&i| parser.is_candidate(i))
        .find_map(|i| match parser.stamp_at(i) {
            Ok(Some((stamp, end))) => {
                Some((stamp, parser.byte_start(i)..parser.byte_end_before(end)))
            }
            _ => None,
        })
}

/// True when `stamp_text` (a stamp as [`find_stamp`] delimits it) starts with an all-numeric
/// date whose day and month could be swapped (`08/06/2013`), so its reading rests on
/// [`DayMonthOrder`] alone.
#[must_use]
pub fn numeric_order_ambiguous(stamp_text: &str) -> bool {
    let parser = Parser::new(stamp_text, Region::Global, DayMonthOrder::ByRegion, false);
    parser.numeric_order_ambiguous(0)
}

/// Every non-overlapping date stamp in a line, in order, with byte ranges in `s`
/// ("Posted on : … Modified on : …" gives both stamps).
#[must_use]
pub fn find_stamps(s: &str, options: ParseOptions) -> Vec<(Stamp, Range<usize>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((stamp, range)) = find_stamp_with(&s[from..], options) {
        let range = from + range.start..from + range.end;
        from = range.end;
        found.push((stamp, range));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date-format test: each form and the RFC 3339 text it must parse to.
    const FORMS: &[(&str, &str)] = &[
        // ISO 8601 / RFC 3339
        ("2014-10-09", "2014-10-09"),
        ("2014-10-09T13:55:00+09:00", "2014-10-09T13:55:00+09:00"),
        ("2014-10-09T04:55:00Z", "2014-10-09T04:55:00+00:00"),
        ("2014-10-09t04:55:00z", "2014-10-09T04:55:00+00:00"),
        (
            "2014-10-09T13:55:00.123+0900",
            "2014-10-09T13:55:00.123+09:00",
        ),
        (
            "2014-10-09T13:55:00.123+09:00",
            "2014-10-09T13:55:00.123+09:00",
        ),
        ("2014-10-09 13:55:00", "2014-10-09T13:55:00"),
        ("2014-10-09T13:55", "2014-10-09T13:55:00"),
        ("2014-10-09T13:55:00", "2014-10-09T13:55:00"),
        ("  2014-10-09 13:55  ", "2014-10-09T13:55:00"),
        ("2014-10-09 13:55 KST", "2014-10-09T13:55:00+09:00"),
        ("2014-10-09 13:55 (KST)", "2014-10-09T13:55:00+09:00"),
        ("2014-10-09 13:55 GMT+9", "2014-10-09T13:55:00+09:00"),
        ("2014-10-09 13:55 UTC+09:00", "2014-10-09T13:55:00+09:00"),
        ("2014-10-09 08:55 UTC-5", "2014-10-09T08:55:00-05:00"),
        ("2014-10-09 13:55 GMT+5:30", "2014-10-09T13:55:00+05:30"),
        ("2014-10-09 13:55 +0900", "2014-10-09T13:55:00+09:00"),
        ("2014-10-09 13:55 kst", "2014-10-09T13:55:00+09:00"),
        // RFC 2822
        (
            "Thu, 09 Oct 2014 13:55:00 +0900",
            "2014-10-09T13:55:00+09:00",
        ),
        ("Thu, 9 Oct 2014 13:55:00 GMT", "2014-10-09T13:55:00+00:00"),
        ("Thu, 9 Oct 2014 13:55:00 EDT", "2014-10-09T13:55:00-04:00"),
        ("Thu, 9 Oct 2014 13:55 JST", "2014-10-09T13:55:00+09:00"),
        ("Thu, 09 Oct 14 13:55:00 +0900", "2014-10-09T13:55:00+09:00"),
        (
            "Thu Oct 09 2014 13:55:00 GMT+0900 (Korean Standard Time)",
            "2014-10-09T13:55:00+09:00",
        ),
        // month first
        ("Oct. 9, 2014", "2014-10-09"),
        ("October 9, 2014", "2014-10-09"),
        ("Sept. 9, 2014", "2014-09-09"),
        ("Sep 9, 2014", "2014-09-09"),
        ("Oct 9 2014", "2014-10-09"),
        ("OCT 9 2014", "2014-10-09"),
        ("oct. 9th, 2014", "2014-10-09"),
        ("Thursday, October 9, 2014", "2014-10-09"),
        ("Oct. 9, 2014 1:55 p.m. EDT", "2014-10-09T13:55:00-04:00"),
        ("Oct. 9, 2014, 1:55 a.m.", "2014-10-09T01:55:00"),
        ("Oct. 9, 2014 12:05 a.m. ET", "2014-10-09T00:05:00-04:00"),
        ("Oct. 9, 2014 12:05 PM PT", "2014-10-09T12:05:00-07:00"),
        ("Dec. 9, 2014 12:05 PM PT", "2014-12-09T12:05:00-08:00"),
        ("Oct 9, 2014 1:55PM", "2014-10-09T13:55:00"),
        ("Oct 9, 2014 1 pm", "2014-10-09T13:00:00"),
        ("Oct 9, 2014 1:55:30 pm", "2014-10-09T13:55:30"),
        ("October 9, 2014 at 13:55 KST", "2014-10-09T13:55:00+09:00"),
        ("October 9, 2014 | 13:55 IST", "2014-10-09T13:55:00+05:30"),
        // day first
        ("9 October 2014", "2014-10-09"),
        ("9 Oct 2014", "2014-10-09"),
        ("9 Oct. 2014", "2014-10-09"),
        ("9th October, 2014", "2014-10-09"),
        (
            "Thursday 9 October 2014 13.55 BST",
            "2014-10-09T13:55:00+01:00",
        ),
        ("09 October 2014 13:55", "2014-10-09T13:55:00"),
        ("09-Oct-2014 13:55 IST", "2014-10-09T13:55:00+05:30"),
        ("9 October 2014 13:55 CET", "2014-10-09T13:55:00+01:00"),
        ("9 October 2014 13:55 CEST", "2014-10-09T13:55:00+02:00"),
        // year first
        ("2014.10.09", "2014-10-09"),
        ("2014.10.09 13:55", "2014-10-09T13:55:00"),
        ("2014/10/09", "2014-10-09"),
        ("2014/10/09 13:55 HKT", "2014-10-09T13:55:00+08:00"),
        ("2014. 10. 09", "2014-10-09"),
        ("2014. 10. 9. 13:55", "2014-10-09T13:55:00"),
        ("2014년 10월 9일", "2014-10-09"),
        ("2014年10月9日 13:55", "2014-10-09T13:55:00"),
        ("20141009", "2014-10-09"),
        // time first
        (
            "1:55 PM EDT, Thu October 9, 2014",
            "2014-10-09T13:55:00-04:00",
        ),
        ("13:55 KST on 9 October 2014", "2014-10-09T13:55:00+09:00"),
        // zones
        ("2014-10-09 13:55 SGT", "2014-10-09T13:55:00+08:00"),
        ("2014-10-09 13:55 PHT", "2014-10-09T13:55:00+08:00"),
        ("2014-10-09 13:55 PKT", "2014-10-09T13:55:00+05:00"),
        ("2014-10-09 13:55 ICT", "2014-10-09T13:55:00+07:00"),
        ("2014-10-09 13:55 WIB", "2014-10-09T13:55:00+07:00"),
        ("2014-10-09 13:55 AEDT", "2014-10-09T13:55:00+11:00"),
        ("2014-10-09 13:55 ACST", "2014-10-09T13:55:00+09:30"),
        ("2014-10-09 13:55 AWST", "2014-10-09T13:55:00+08:00"),
        ("2014-10-09 13:55 NZDT", "2014-10-09T13:55:00+13:00"),
        ("2014-10-09 13:55 MSK", "2014-10-09T13:55:00+03:00"),
        ("2014-10-09 13:55 EEST", "2014-10-09T13:55:00+03:00"),
        ("2014-10-09 13:55 WET", "2014-10-09T13:55:00+00:00"),
        ("2014-10-09 13:55 IRST", "2014-10-09T13:55:00+03:30"),
        ("2014-10-09 13:55 GST", "2014-10-09T13:55:00+04:00"),
        ("2014-10-09 13:55 AST", "2014-10-09T13:55:00+03:00"),
        ("2014-10-09 13:55 CST", "2014-10-09T13:55:00-06:00"),
        ("2014-10-09 13:55 MDT", "2014-10-09T13:55:00-06:00"),
        ("2014-10-09 13:55 AKST", "2014-10-09T13:55:00-09:00"),
        ("2014-10-09 13:55 HST", "2014-10-09T13:55:00-10:00"),
        ("2014-10-09 13:55 BRT", "2014-10-09T13:55:00-03:00"),
        ("2014-10-09 13:55 ART", "2014-10-09T13:55:00-03:00"),
        ("2014-10-09 13:55 SAST", "2014-10-09T13:55:00+02:00"),
        ("2014-10-09 13:55 WAT", "2014-10-09T13:55:00+01:00"),
        ("2014-10-09 13:55 EAT", "2014-10-09T13:55:00+03:00"),
        ("2014-10-09 13:55 TRT", "2014-10-09T13:55:00+03:00"),
        ("2014-10-09 13:55 UTC", "2014-10-09T13:55:00+00:00"),
        ("2014-10-09 13:55 Z", "2014-10-09T13:55:00+00:00"),
        ("2014-10-09 13:55 CT", "2014-10-09T13:55:00-05:00"),
        ("2014-01-09 13:55 CT", "2014-01-09T13:55:00-06:00"),
        ("2014-10-09 13:55 MT", "2014-10-09T13:55:00-06:00"),
        // as seen on news sites
        ("Wed 29 Nov 2017 17.00 GMT", "2017-11-29T17:00:00+00:00"),
        ("Oct 9, 2014, 01.55 PM IST", "2014-10-09T13:55:00+05:30"),
        (
            "October 9, 2014 at 1:55 PM EDT",
            "2014-10-09T13:55:00-04:00",
        ),
        ("Oct. 9, 2014 13:55 JST", "2014-10-09T13:55:00+09:00"),
        ("Thursday, Oct. 9, 2014 @ 1:55 pm", "2014-10-09T13:55:00"),
        // leap second
        ("2016-12-31T23:59:60Z", "2016-12-31T23:59:60+00:00"),
        // the forms of page dumps from many kinds of sites
        ("June 08, 2013 10:27 AM", "2013-06-08T10:27:00"),
        ("June 8, 2013, 10:27 a.m. EDT", "2013-06-08T10:27:00-04:00"),
        (
            "3:41 p.m. ET, Tue October 8, 2019",
            "2019-10-08T15:41:00-04:00",
        ),
        ("08/06/2013 10:27", "2013-06-08T10:27:00"),
        ("13/06/2013", "2013-06-13"),
        ("06/13/2013 10:27 PM", "2013-06-13T22:27:00"),
        ("8-6-2013", "2013-06-08"),
        ("08.06.2013, 10:27", "2013-06-08T10:27:00"),
        ("8.6.2013 10.27 CEST", "2013-06-08T10:27:00+02:00"),
        ("8 June 2013 | 10:27 GMT", "2013-06-08T10:27:00+00:00"),
        ("8 June 2013 - 10:27", "2013-06-08T10:27:00"),
        ("March 11, 2014 – 09:57", "2014-03-11T09:57:00"),
        ("Sat, Jun 8, 2013 · 10:27 AM", "2013-06-08T10:27:00"),
        ("10:27 GMT | 8 June 2013", "2013-06-08T10:27:00+00:00"),
        ("10:27 - 08/06/2013", "2013-06-08T10:27:00"),
        ("Saturday, June 8th 2013 at 10:27pm", "2013-06-08T22:27:00"),
        ("2013-06-08 10:27:00+01:00", "2013-06-08T10:27:00+01:00"),
    ];

    /// Labelled stamps as pages print them: the label is read past.
    const LABELLED: &[(&str, &str)] = &[
        ("Posted: June 8, 2013", "2013-06-08"),
        ("Posted: 08/06/2013 10:27", "2013-06-08T10:27:00"),
        (
            "Published 8 June 2013 | 10:27 GMT",
            "2013-06-08T10:27:00+00:00",
        ),
        ("Published: 2014-10-09", "2014-10-09"),
        (
            "Updated 3:41 p.m. ET, Tue October 8, 2019",
            "2019-10-08T15:41:00-04:00",
        ),
        (
            "Last updated on Tue 8 Oct 2019 14.05 BST",
            "2019-10-08T14:05:00+01:00",
        ),
        (
            "First published at 10:27 on 8 June 2013",
            "2013-06-08T10:27:00",
        ),
        ("posted on June 8, 2013 at 10:27 am", "2013-06-08T10:27:00"),
    ];

    #[test]
    fn labelled_forms() {
        for &(input, expected) in LABELLED {
            let got = parse_stamp(input).map(|s| s.to_rfc3339());
            assert_eq!(got.as_deref(), Ok(expected), "{input}");
            let (found, _) = find_stamp(input).unwrap_or_else(|| panic!("none in {input:?}"));
            assert_eq!(found.to_rfc3339(), expected, "{input}");
        }
    }

    #[test]
    fn numeric_day_month_order() {
        let us = ParseOptions::with_region(Region::Americas);
        let read = |s: &str, o: ParseOptions| parse_stamp_with(s, o).map(|s| s.to_rfc3339());
        assert_eq!(read("08/06/2013", us), Ok("2013-08-06".to_owned()));
        assert_eq!(read("13/06/2013", us), Ok("2013-06-13".to_owned()));
        assert_eq!(read("08.06.2013", us), Ok("2013-06-08".to_owned()));
        let forced = ParseOptions::default().with_order(DayMonthOrder::MonthFirst);
        assert_eq!(read("08/06/2013", forced), Ok("2013-08-06".to_owned()));
        let day_first = us.with_order(DayMonthOrder::DayFirst);
        assert_eq!(read("08/06/2013", day_first), Ok("2013-06-08".to_owned()));
        assert!(numeric_order_ambiguous("08/06/2013 10:27"));
        assert!(numeric_order_ambiguous("Sat 8-6-2013"));
        for clear in [
            "13/06/2013",
            "08/08/2013",
            "08.06.2013",
            "8 June 2013",
            "2013/06/08",
        ] {
            assert!(!numeric_order_ambiguous(clear), "{clear}");
        }
        // Two-digit years and version-like runs are not dates.
        assert_eq!(find_stamp("on 08/06/13 at noon"), None);
        assert_eq!(find_stamp("build 1.2.2013.4"), None);
        assert!(matches!(
            parse_stamp("31/02/2013"),
            Err(DateError::InvalidDate { .. })
        ));
    }

    #[test]
    fn date_formats() {
        let mut failures = Vec::new();
        for &(input, expected) in FORMS {
            match parse_stamp(input) {
                Ok(stamp) if stamp.to_rfc3339() == expected => {}
                other => failures.push(format!("{input:?}: expected {expected}, got {other:?}")),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_form_is_also_found_inside_a_line() {
        for &(input, expected) in FORMS {
            if input.trim().len() == 8 || input.contains(" 14 ") {
                continue; // compact and two-digit-year forms are whole-string only
            }
            let line = format!("Published: {} — Reuters", input.trim());
            let (stamp, range) =
                find_stamp(&line).unwrap_or_else(|| panic!("not found in {line:?}"));
            if input.contains("kst") {
                // Inside a line zone abbreviations must be upper case.
                assert!(matches!(stamp, Stamp::Local(_)), "{line}");
                continue;
            }
            assert_eq!(stamp.to_rfc3339(), expected, "{line}");
            assert_eq!(&line[range], input.trim(), "{line}");
        }
    }

    #[test]
    fn variants_of_stamp() {
        assert!(matches!(parse_stamp("Oct. 9, 2014"), Ok(Stamp::Date(_))));
        assert!(matches!(
            parse_stamp("2014-10-09 13:55"),
            Ok(Stamp::Local(_))
        ));
        assert!(matches!(
            parse_stamp("2014-10-09 13:55 KST"),
            Ok(Stamp::Zoned(_))
        ));
        let d = parse_stamp("Thu, 9 Oct 2014 23:55:00 -0500").map(|s| s.date());
        assert_eq!(d.map(|d| d.to_string()), Ok("2014-10-09".to_owned()));
    }

    #[test]
    fn region_resolves_cst() {
        let east = ParseOptions::with_region(Region::EastAsia);
        let s = parse_stamp_with("2014-10-09 13:55 CST", east).map(|s| s.to_rfc3339());
        assert_eq!(s, Ok("2014-10-09T13:55:00+08:00".to_owned()));
        let found =
            find_stamp_with("Xinhua | 2014-10-09 13:55 CST", east).map(|(s, _)| s.to_rfc3339());
        assert_eq!(found.as_deref(), Some("2014-10-09T13:55:00+08:00"));
        let west = parse_stamp("2014-10-09 13:55 AST").map(|s| s.to_rfc3339());
        assert_eq!(west, Ok("2014-10-09T13:55:00+03:00".to_owned()));
    }

    #[test]
    fn finds_first_stamp_and_then_the_second() {
        let line = "Posted on : 2014-10-09 13:55 KST Modified on : 2019-10-19 20:29 KST";
        let (first, r1) = find_stamp(line).expect("first stamp");
        assert_eq!(first.to_rfc3339(), "2014-10-09T13:55:00+09:00");
        assert_eq!(&line[r1.clone()], "2014-10-09 13:55 KST");
        let rest = &line[r1.end..];
        let (second, r2) = find_stamp(rest).expect("second stamp");
        assert_eq!(second.to_rfc3339(), "2019-10-19T20:29:00+09:00");
        assert_eq!(&rest[r2], "2019-10-19 20:29 KST");

        let all = find_stamps(line, ParseOptions::default());
        let texts: Vec<_> = all
            .iter()
            .map(|(s, r)| (s.to_rfc3339(), &line[r.clone()]))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "2014-10-09T13:55:00+09:00".to_owned(),
                    "2014-10-09 13:55 KST"
                ),
                (
                    "2019-10-19T20:29:00+09:00".to_owned(),
                    "2019-10-19 20:29 KST"
                ),
            ]
        );

        let cases = [
            ("Published: 9 October 2014", "2014-10-09", "9 October 2014"),
            (
                "Updated Oct. 9, 2014 1:55 p.m. ET",
                "2014-10-09T13:55:00-04:00",
                "Oct. 9, 2014 1:55 p.m. ET",
            ),
            (
                "Updated 2:37 PM EDT, Thu October 9, 2014",
                "2014-10-09T14:37:00-04:00",
                "2:37 PM EDT, Thu October 9, 2014",
            ),
            (
                "By Jane Doe, Reuters. Thursday, October 9, 2014. 13 people died",
                "2014-10-09",
                "Thursday, October 9, 2014",
            ),
            (
                "입력 2014.10.09 13:55 수정",
                "2014-10-09T13:55:00",
                "2014.10.09 13:55",
            ),
            (
                "at 9 am art fair, on 10 October 2014 eat",
                "2014-10-10",
                "10 October 2014",
            ),
            (
                "Oct. 9, 2014 at 13:55 est",
                "2014-10-09T13:55:00",
                "Oct. 9, 2014 at 13:55",
            ),
            ("id 20141009 on 2014-10-09", "2014-10-09", "2014-10-09"),
        ];
        for (line, expected, span) in cases {
            let (stamp, range) = find_stamp(line).unwrap_or_else(|| panic!("none in {line:?}"));
            assert_eq!(stamp.to_rfc3339(), expected, "{line}");
            assert_eq!(&line[range], span, "{line}");
        }
    }

    #[test]
    fn find_skips_impossible_and_non_dates() {
        for line in [
            "",
            "no digits here",
            "Feb. 30, 2014",
            "2014-02-30",
            "on 10/09/14",
            "October 9",
            "at 13:55 KST",
            "20141009",
            "score 2-1 in 90 minutes, 1999 fans",
        ] {
            assert_eq!(find_stamp(line), None, "{line:?}");
        }
        let (s, _) = find_stamp("Feb. 30, 2014 then March 1, 2014").expect("second date");
        assert_eq!(s.to_rfc3339(), "2014-03-01");
    }

    #[test]
    fn errors() {
        use DateError as E;
        type Check = fn(&DateError) -> bool;
        let cases: &[(&str, Check)] = &[
            ("", |e| matches!(e, E::Empty)),
            ("   \t", |e| matches!(e, E::Empty)),
            ("2014-02-30", |e| {
                matches!(
                    e,
                    E::InvalidDate {
                        day: 30,
                        month: 2,
                        ..
                    }
                )
            }),
            ("Feb. 30, 2014", |e| {
                matches!(e, E::InvalidDate { day: 30, .. })
            }),
            ("2014-13-09", |e| {
                matches!(e, E::InvalidDate { month: 13, .. })
            }),
            ("2014.13.09", |e| {
                matches!(e, E::InvalidDate { month: 13, .. })
            }),
            ("20141399", |e| matches!(e, E::InvalidDate { .. })),
            ("2014-10-09 25:00", |e| {
                matches!(e, E::InvalidTime { hour: 25, .. })
            }),
            ("2014-10-09 13:61", |e| {
                matches!(e, E::InvalidTime { minute: 61, .. })
            }),
            ("Oct. 9, 2014 13:55 p.m.", |e| {
                matches!(e, E::InvalidTime { hour: 13, .. })
            }),
            ("Oct. 9, 2014 0:55 am", |e| {
                matches!(e, E::InvalidTime { hour: 0, .. })
            }),
            ("2014-10-09 13:55 +2500", |e| {
                matches!(e, E::InvalidOffset { .. })
            }),
            ("2014-10-09 13:55 GMT+24", |e| {
                matches!(e, E::InvalidOffset { .. })
            }),
            ("2014-10-09 13:55 XYZ", |e| {
                matches!(e, E::TrailingText { .. })
            }),
            ("2014-10-09 and more", |e| {
                matches!(e, E::TrailingText { .. })
            }),
            ("Published: at noon", |e| {
                matches!(e, E::Unrecognized { .. })
            }),
            ("garbage", |e| matches!(e, E::Unrecognized { .. })),
            ("10/09/14", |e| matches!(e, E::Unrecognized { .. })),
            ("Oct. 9, 14", |e| matches!(e, E::Unrecognized { .. })),
            ("October 2014", |e| matches!(e, E::Unrecognized { .. })),
            ("\u{0}\u{feff}🙂", |e| matches!(e, E::Unrecognized { .. })),
        ];
        for (input, check) in cases {
            match parse_stamp(input) {
                Err(e) => {
                    assert!(check(&e), "{input:?}: unexpected error {e:?}");
                    let msg = e.to_string();
                    assert!(
                        msg.chars().next().is_some_and(|c| !c.is_uppercase()),
                        "message not lowercase: {msg}"
                    );
                }
                Ok(s) => panic!("{input:?} parsed as {s}"),
            }
        }
        let long = "2014-10-09 ".repeat(1000);
        assert!(matches!(parse_stamp(&long), Err(E::TooLong { .. })));
        let (found, range) = find_stamp(&long).expect("stamp in long line");
        assert_eq!((found.to_rfc3339().as_str(), range), ("2014-10-09", 0..10));
        let err = parse_stamp("Oct. 9, 2014 is the day").expect_err("trailing");
        assert!(err.to_string().contains("`is the day`"), "{err}");
    }
}
