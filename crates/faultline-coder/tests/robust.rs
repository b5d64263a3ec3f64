//! Bad input never crashes or hangs the coder: very long sentences, tables
//! of numbers, all-caps headlines, other languages and arbitrary text.
//! Every event's spans slice the body.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::sync::LazyLock;

use chrono::NaiveDate;
use faultline_coder::{Coder, Doc};
use proptest::prelude::*;

static CODER: LazyLock<Coder> = LazyLock::new(|| Coder::defaults().unwrap());

fn code(body: &str) -> usize {
    let doc = Doc::from_text("r", body, NaiveDate::from_ymd_opt(2019, 10, 9).unwrap());
    let coded = CODER.code_doc(&doc);
    for e in &coded.events {
        assert_eq!(&body[e.source.start..e.source.end], e.source.text);
        if let Some(t) = &e.target {
            assert_eq!(&body[t.start..t.end], t.text);
        }
        assert_eq!(&body[e.sentence.start..e.sentence.end], e.sentence.text);
        assert_eq!(&body[e.trigger.start..e.trigger.end], e.trigger.text);
    }
    for q in &coded.quotes {
        assert_eq!(&body[q.start..q.end], q.text);
    }
    coded.events.len()
}

#[test]
fn a_ten_thousand_word_sentence() {
    let words = [
        "Seoul",
        "accused",
        "Pyongyang",
        "and",
        "the",
        "US",
        "of",
        "talks",
        "with",
        "Japan",
        "officials",
        "said",
    ];
    let body: String = (0..10_000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
        + ".";
    assert!(code(&body) > 0);
}

#[test]
fn tables_caps_and_other_languages() {
    let table = (0..2000)
        .map(|i| format!("{i} | {} | {}.{}", i * 7, i % 13, i % 100))
        .collect::<Vec<_>>()
        .join("\n");
    code(&table);
    code("NORTH KOREA FIRES MISSILES AS SEOUL AND TOKYO CONDEMN LAUNCH; US WARNS OF CONSEQUENCES");
    code("국방부는 화요일 서울에서 일본 측과 회담을 가졌다고 밝혔다. 北朝鮮はミサイルを発射した。");
    code("Путин встретился с Эрдоганом в Сочи. Иран осудил удар.");
    code("\"\"\"\" ,,,, ... ;;; ''' — – ()() [[]]");
    code("");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        code(&text);
    }

    #[test]
    fn news_like_text(words in proptest::collection::vec(prop_oneof![
        Just("Seoul"), Just("Pyongyang"), Just("accused"), Just("met"), Just("with"), Just("the"),
        Just("two"), Just("governments"), Just("will"), Just("not"), Just("could"), Just("if"),
        Just("\""), Just(","), Just("."), Just("said"), Just("South Korean"), Just("troops"),
        Just("on"), Just("Oct. 7"), Just("in June"), Just("by"), Just("was"), Just("attacked"),
        Just("officials"), Just("held talks"), Just("imposed sanctions"), Just("to"),
    ], 0..80)) {
        code(&words.join(" "));
    }
}
