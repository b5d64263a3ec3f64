//! Property tests: resolution never panics on any text and every mention
//! slices the body exactly.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::sync::LazyLock;

use chrono::NaiveDate;
use faultline_actors::{Actors, SentenceRef};
use proptest::prelude::*;

static ACTORS: LazyLock<Actors> = LazyLock::new(|| Actors::defaults().unwrap());

fn run(body: &str) {
    let date = NaiveDate::from_ymd_opt(2014, 10, 9).unwrap();
    let sentences: Vec<SentenceRef> = SentenceRef::all_of(body, date);
    for m in ACTORS.resolve(body, &sentences) {
        assert_eq!(body.get(m.start..m.end), Some(m.text.as_str()));
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("South Korean".to_owned()),
        Just("Defense Minister".to_owned()),
        Just("Han Min-koo".to_owned()),
        Just("Chuck Hagel".to_owned()),
        Just(", then".to_owned()),
        Just(",".to_owned()),
        Just("the two governments".to_owned()),
        Just("the North".to_owned()),
        Just("officials".to_owned()),
        Just("said".to_owned()),
        Just("former".to_owned()),
        Just("a professor at Yonsei University".to_owned()),
        Just("He".to_owned()),
        Just("they".to_owned()),
        Just("Seoul".to_owned()),
        Just("U.S.".to_owned()),
        Just(".".to_owned()),
        Just("’s".to_owned()),
        Just("and".to_owned()),
        "[A-Za-z ,.'’-]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        run(&text);
    }

    #[test]
    fn news_like_text_never_panics(pieces in proptest::collection::vec(piece(), 0..40)) {
        run(&pieces.join(" "));
        run(&pieces.concat());
    }
}
