//! Property tests: no input makes the parsers panic or return a range off char boundaries,
//! and RFC 3339 / RFC 2822 renderings of random instants parse back to the same instant and
//! offset, both as a whole string and inside a line.

use chrono::{DateTime, FixedOffset, TimeZone, Timelike};
use faultline_dates::{Stamp, find_stamp, parse_stamp};
use proptest::prelude::*;

/// Random instants between 1900 and 2100 with a whole-minute offset within ±23:59.
fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        -2_208_988_800_i64..4_102_444_800_i64,
        0u32..1_000_000_000,
        -1439i32..=1439,
    )
        .prop_filter_map("valid instant", |(secs, nanos, minutes)| {
            let offset = FixedOffset::east_opt(minutes * 60)?;
            let utc = DateTime::from_timestamp(secs, nanos)?;
            Some(offset.from_utc_datetime(&utc.naive_utc()))
        })
}

/// Strings made of the characters stamps are made of, to reach deep into the grammar.
fn stampish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([0-9]{1,4}|[-+:./,()|@ ]|Oct|Sept|May|Thu|T|Z|GMT|UTC|KST|ET|p\\.m\\.|am|at|on|년|월|일|é){0,16}",
    )
    .expect("valid regex")
}

fn check_find(s: &str) {
    if let Some((stamp, range)) = find_stamp(s) {
        assert!(range.start < range.end && range.end <= s.len());
        assert!(s.is_char_boundary(range.start) && s.is_char_boundary(range.end));
        // The found text parses on its own to the same stamp, compact and 2-digit forms aside.
        assert_eq!(parse_stamp(&s[range.clone()]), Ok(stamp), "{:?}", &s[range]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = parse_stamp(&s);
        check_find(&s);
    }

    #[test]
    fn stamp_like_strings_never_panic(s in stampish()) {
        let _ = parse_stamp(&s);
        check_find(&s);
    }

    #[test]
    fn rfc3339_round_trips(dt in instant()) {
        let text = dt.to_rfc3339();
        let parsed = parse_stamp(&text);
        prop_assert_eq!(&parsed, &Ok(Stamp::Zoned(dt)));
        if let Ok(Stamp::Zoned(p)) = parsed {
            prop_assert_eq!(p.offset(), dt.offset());
        }
        // The hand-written grammar (used inside lines) agrees with chrono's parser.
        let line = format!("Posted on : {text} Modified");
        let found = find_stamp(&line).map(|(s, r)| (s, &line[r]));
        prop_assert_eq!(found, Some((Stamp::Zoned(dt), text.as_str())));
        // Our own output parses back.
        prop_assert_eq!(parse_stamp(&Stamp::Zoned(dt).to_rfc3339()), Ok(Stamp::Zoned(dt)));
    }

    #[test]
    fn rfc2822_round_trips(dt in instant()) {
        let dt = dt.with_nanosecond(0).expect("zero nanoseconds is valid");
        let text = dt.to_rfc2822();
        prop_assert_eq!(parse_stamp(&text), Ok(Stamp::Zoned(dt)), "{}", text);
        let line = format!("Date: {text}\r\n");
        let found = find_stamp(&line).map(|(s, r)| (s, &line[r]));
        prop_assert_eq!(found, Some((Stamp::Zoned(dt), text.as_str())));
    }

    #[test]
    fn local_and_date_round_trip(dt in instant()) {
        let local = Stamp::Local(dt.naive_local());
        prop_assert_eq!(parse_stamp(&local.to_rfc3339()), Ok(local));
        let date = Stamp::Date(dt.date_naive());
        prop_assert_eq!(parse_stamp(&date.to_rfc3339()), Ok(date));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// News-style renderings of random minutes parse back, alone and inside a line.
    #[test]
    fn news_formats_round_trip(dt in instant(), which in 0usize..8) {
        let local = dt.naive_local().with_second(0).and_then(|t| t.with_nanosecond(0)).expect("valid");
        let formats = [
            "%b. %-d, %Y %-I:%M %p",
            "%A, %B %-d, %Y at %H:%M",
            "%-d %B %Y %H.%M",
            "%Y.%m.%d %H:%M",
            "%d-%b-%Y %H:%M",
            "%-I:%M %p, %a %B %-d, %Y",
            "%a %d %b %Y %H:%M",
            "%Y/%m/%d %-I:%M %P",
        ];
        let text = local.format(formats[which]).to_string();
        prop_assert_eq!(parse_stamp(&text), Ok(Stamp::Local(local)), "{}", text);
        let line = format!("By staff | Updated: {text} | 4 min read");
        let found = find_stamp(&line).map(|(s, r)| (s, &line[r]));
        prop_assert_eq!(found, Some((Stamp::Local(local), text.as_str())));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Event dates and intervals in any text: spans slice the text, and an
    /// interval moves any date without panicking, by at most its count.
    #[test]
    fn event_dates_and_intervals_slice_and_never_panic(
        s in "[A-Za-z0-9 ,.]{0,40}( (a|two|999|several) (day|week|month|year)s? (after|before) )?[A-Za-z ]{0,20}",
        y in 1i32..9999,
    ) {
        let anchor = chrono::NaiveDate::from_ymd_opt(2020, 2, 29).expect("valid");
        for d in faultline_dates::find_event_dates(&s, anchor) {
            prop_assert!(s.get(d.start..d.end).is_some());
        }
        for i in faultline_dates::find_intervals(&s) {
            prop_assert!(s.get(i.start..i.end).is_some());
            let day = chrono::NaiveDate::from_ymd_opt(y, 1, 1).expect("valid");
            for date in [
                faultline_dates::PartialDate::Date(day),
                faultline_dates::PartialDate::YearMonth { year: y, month: 12 },
                faultline_dates::PartialDate::Year(y),
            ] {
                let moved = i.clause_date(date);
                prop_assert!((moved.year() - y).abs() <= i32::try_from(i.n).unwrap_or(i32::MAX));
            }
        }
    }
}
