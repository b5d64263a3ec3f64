//! Resolution behaviour: dated roles, text over dictionary, appositions,
//! context aliases, anonymous sources and coreference-lite.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::sync::LazyLock;

use chrono::NaiveDate;
use faultline_actors::{Actors, Mention, SentenceRef, Via};

static ACTORS: LazyLock<Actors> = LazyLock::new(|| Actors::defaults().unwrap());

fn resolve_on(body: &str, date: &str) -> Vec<Mention> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let sentences: Vec<SentenceRef> = faultline_text::sentences(body)
        .iter()
        .map(|s| SentenceRef {
            start: s.span.start,
            end: s.span.end,
            date,
        })
        .collect();
    let ms = ACTORS.resolve(body, &sentences);
    for m in &ms {
        assert_eq!(&body[m.start..m.end], m.text);
    }
    ms
}

fn code_of<'a>(ms: &'a [Mention], text: &str) -> Vec<&'a str> {
    ms.iter()
        .filter(|m| m.text == text)
        .map(|m| m.code.as_str())
        .collect()
}

#[test]
fn a_person_is_coded_by_the_role_held_on_the_date() {
    let body = "Chuck Hagel arrived in Tokyo on Monday.";
    assert_eq!(
        code_of(&resolve_on(body, "2014-06-01"), "Chuck Hagel"),
        ["USAGOV"]
    );
    assert_eq!(
        code_of(&resolve_on(body, "2016-06-01"), "Chuck Hagel"),
        ["USAELI"]
    );
    assert_eq!(
        code_of(&resolve_on(body, "2005-06-01"), "Chuck Hagel"),
        ["USALEG"]
    );
}

#[test]
fn text_role_wins_over_the_dictionary() {
    // Out of office on the date, but the text says "then ... Defense Minister".
    let body = "Kim Kwan-jin, then South Korean Defense Minister, met Chuck Hagel.";
    let ms = resolve_on(body, "2014-06-01");
    assert_eq!(code_of(&ms, "Kim Kwan-jin"), ["KORGOV"]);
    let body = "Former President Barack Obama spoke in Seoul.";
    let ms = resolve_on(body, "2014-06-01");
    assert!(
        ms.iter()
            .any(|m| m.text.contains("Barack Obama") && m.code == "USAELI"),
        "{ms:?}"
    );
}

#[test]
fn unknown_names_resolve_from_their_apposition_or_title() {
    let body =
        "Han Min-koo, South Korea's current Defense Minister, said the drills would go ahead.";
    let ms = resolve_on(body, "2015-01-01");
    let han: Vec<&Mention> = ms.iter().filter(|m| m.text == "Han Min-koo").collect();
    assert_eq!(han.len(), 1, "{ms:?}");
    assert_eq!(han[0].code, "KORGOV");
    assert_eq!(han[0].via, Via::Apposition);

    let body = "\"It is a warning,\" said Choi Jong-geon, a political science professor at Yonsei University.";
    let ms = resolve_on(body, "2014-10-09");
    assert_eq!(code_of(&ms, "Choi Jong-geon"), ["KOREDU"], "{ms:?}");

    let body = "Japanese Defense Minister Itsunori Onodera met his counterpart.";
    let ms = resolve_on(body, "2014-06-01");
    assert!(
        ms.iter()
            .any(|m| m.text == "Itsunori Onodera" && m.code == "JPNGOV"),
        "{ms:?}"
    );
}

#[test]
fn capitals_are_governments_and_korean_context_aliases_need_korea() {
    let ms = resolve_on(
        "Pyongyang rejected the offer, and the South said it would wait.",
        "2014-06-01",
    );
    assert_eq!(code_of(&ms, "Pyongyang"), ["PRKGOV"]);
    assert_eq!(code_of(&ms, "the South"), ["KOR"]);
    let ms = resolve_on(
        "Voters in the South of France went to the polls.",
        "2014-06-01",
    );
    assert!(code_of(&ms, "the South").is_empty(), "{ms:?}");
}

#[test]
fn anonymous_sources_take_country_from_context() {
    let body = "Seoul protested the launch. A senior government official said the talks were off.";
    let ms = resolve_on(body, "2014-06-01");
    let official: Vec<&Mention> = ms.iter().filter(|m| m.text.contains("official")).collect();
    assert_eq!(official.len(), 1, "{ms:?}");
    assert_eq!(official[0].code, "KORGOV");
    assert_eq!(official[0].via, Via::Context);
}

#[test]
fn group_phrases_and_pronouns_refer_back() {
    let body =
        "South Korea and Japan signed the accord. The two governments will promote cooperation.";
    let ms = resolve_on(body, "2014-06-01");
    let mut two = code_of(&ms, "The two governments");
    two.sort_unstable();
    assert_eq!(two, ["JPNGOV", "KORGOV"]);
    assert!(
        ms.iter()
            .filter(|m| m.text == "The two governments")
            .all(|m| m.via == Via::Coreference)
    );

    let body = "The US, South Korea and Japan held drills. The three countries said they would meet again.";
    let ms = resolve_on(body, "2014-06-01");
    let mut three = code_of(&ms, "The three countries");
    three.sort_unstable();
    assert_eq!(three, ["JPN", "KOR", "USA"]);

    let body = "Chuck Hagel landed in Tokyo. He met Japanese officials.";
    let ms = resolve_on(body, "2014-06-01");
    assert_eq!(code_of(&ms, "He"), ["USAGOV"]);
}

#[test]
fn they_as_subject_keeps_its_group() {
    // The group is the coordinated subject; an apposition ("Chile's foreign
    // minister, X") is not a group; a "they" subject keeps its antecedent
    // although the sentence names another coordination.
    let body = "Peru's foreign minister and his Brazilian and Argentine counterparts met in Lima. \
                The Chilean foreign minister, Alberto van Klaveren, stayed away. \
                They said the dispute between Bolivia and Paraguay must end. \
                They urged Bolivia to reopen talks.";
    let ms = resolve_on(body, "2024-03-01");
    for they in ms.iter().filter(|m| m.text == "They") {
        assert_eq!(they.via, Via::Coreference);
    }
    let mut codes: Vec<&str> = ms
        .iter()
        .filter(|m| m.text == "They" && m.start > body.find("urged").unwrap() - 10)
        .map(|m| m.code.as_str())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["ARGGOV", "BRAGOV", "PERGOV"]);
}

#[test]
fn acronyms_need_capitals() {
    let ms = resolve_on("Tell us what the US said.", "2014-06-01");
    assert!(code_of(&ms, "us").is_empty());
    assert_eq!(code_of(&ms, "US"), ["USA"]);
}

#[test]
fn an_apposition_is_closed_by_punctuation() {
    // "Jane Okafor, then …, met": the role words describe her.
    let body = "Jane Okafor, then a Nigerian minister, met the delegation.";
    let ms = resolve_on(body, "2020-01-06");
    assert!(
        code_of(&ms, "Jane Okafor")
            .iter()
            .all(|c| c.starts_with("NGA")),
        "{ms:?}"
    );
    // A comma after the name followed by the predicate is not an apposition:
    // the role words after it are actors of their own.
    let body = "The Iraqi parliament voted on Sunday. A State Department spokesperson, \
                Jane Okafor, said the government regretted the decision.";
    let ms = resolve_on(body, "2020-01-06");
    assert!(!code_of(&ms, "government").is_empty(), "{ms:?}");
}

#[test]
fn a_spokesperson_and_the_body_they_speak_for() {
    let body = "The report was denied by an Interpol spokesperson on Monday. \
                The spokesperson added that they would not consider such requests.";
    let ms = resolve_on(body, "2020-07-02");
    let code = |text: &str, nth: usize| {
        ms.iter()
            .filter(|m| m.text == text)
            .nth(nth)
            .map(|m| m.code.clone())
    };
    assert_eq!(code("spokesperson", 0).as_deref(), Some("IGOINT"), "{ms:?}");
    assert_eq!(code("they", 0).as_deref(), Some("IGOINT"), "{ms:?}");
}

#[test]
fn a_business_title_of_a_territory_is_its_government() {
    let body = "Carrie Lam, the chief executive of Hong Kong, withdrew the bill. \
                Tim Cook, the chief executive of Apple, said sales fell.";
    let ms = resolve_on(body, "2019-10-10");
    assert_eq!(code_of(&ms, "Carrie Lam"), ["HKGGOV"], "{ms:?}");
    assert!(
        code_of(&ms, "Tim Cook").iter().all(|c| c.ends_with("BUS")),
        "{ms:?}"
    );
}

#[test]
fn group_phrases_take_the_pair_last_engaged_together() {
    // Bolivia is named last, but Peru and Chile are the pair engaged together.
    let body = "Peru accused Chile of spying on its navy. Bolivia stayed neutral. Both sides traded accusations on Friday. The two leaders spoke later.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "Both sides"), ["PER", "CHL"]);
    assert_eq!(code_of(&ms, "The two leaders"), ["PERGOV", "CHLGOV"]);
    let body = "Ghana and Togo reopened their border in May. Nigeria welcomed the step. The two governments will meet again in July.";
    let ms = resolve_on(body, "2021-06-01");
    assert_eq!(code_of(&ms, "The two governments"), ["GHAGOV", "TGOGOV"]);
}

#[test]
fn a_role_word_before_a_group_phrase_gives_its_sector_to_the_pair() {
    let body = "Armenia and Azerbaijan agreed to a truce. Officials from both sides met in Moscow.";
    let ms = resolve_on(body, "2020-11-01");
    assert_eq!(
        code_of(&ms, "Officials from both sides"),
        ["ARMGOV", "AZEGOV"]
    );
    assert!(code_of(&ms, "Officials").is_empty());
    let body = "Sudan and South Sudan clashed over the oil field. Soldiers of the two countries withdrew on Sunday.";
    let ms = resolve_on(body, "2012-05-01");
    assert_eq!(
        code_of(&ms, "Soldiers of the two countries"),
        ["SDNMIL", "SSDMIL"]
    );
}

#[test]
fn ships_jets_and_news_agencies_stand_for_their_state() {
    let body = "Three Russian warships entered Norwegian waters on Tuesday.";
    let ms = resolve_on(body, "2021-03-02");
    assert_eq!(code_of(&ms, "Russian warships"), ["RUSMIL"]);
    assert_eq!(code_of(&ms, "Norwegian"), ["NOR"]);
    let body = "Two Iranian drones circled the US destroyer, the Pentagon said.";
    let ms = resolve_on(body, "2021-03-02");
    assert_eq!(code_of(&ms, "Iranian drones"), ["IRNMIL"]);
    assert_eq!(code_of(&ms, "US destroyer"), ["USAMIL"]);
    let body = "Qatar denied the report. State television called it a fabrication.";
    let ms = resolve_on(body, "2021-03-02");
    assert_eq!(code_of(&ms, "State television"), ["QATMED"]);
    let body = "A tribunal of the United Nations convicted the militia leader.";
    let ms = resolve_on(body, "2021-03-02");
    assert_eq!(code_of(&ms, "tribunal of the United Nations"), ["IGOUNO"]);
}

#[test]
fn a_plural_role_word_before_a_group_phrase_joins_it() {
    let body = "Israel and Lebanon held talks on the sea border. Delegations from the two countries met at Naqoura.";
    let ms = resolve_on(body, "2020-10-20");
    assert_eq!(
        code_of(&ms, "Delegations from the two countries"),
        ["ISRGOV", "LBNGOV"]
    );
    let body = "Serbia and Kosovo signed the deal in Washington. Negotiators of both sides will return in March.";
    let ms = resolve_on(body, "2020-09-10");
    assert_eq!(
        code_of(&ms, "Negotiators of both sides"),
        ["SRBGOV", "XKXGOV"]
    );
}

#[test]
fn a_role_word_before_a_named_organisation_describes_it() {
    let body = "China's state broadcaster CCTV showed the carrier leaving port.";
    let ms = resolve_on(body, "2021-03-02");
    assert_eq!(code_of(&ms, "CCTV"), ["CHNMED"]);
    assert!(code_of(&ms, "China's state broadcaster").is_empty());
    assert!(code_of(&ms, "China").is_empty());
    let body = "Iran's semi-official Fars news agency carried the statement.";
    let ms = resolve_on(body, "2021-03-02");
    assert_eq!(code_of(&ms, "Fars news agency"), ["IRNMED"]);
}

#[test]
fn every_country_listed_after_role_of_takes_the_role() {
    let ms = resolve_on(
        "The ambassadors of Chile, Peru and Bolivia met in Lima.",
        "2021-03-01",
    );
    assert_eq!(code_of(&ms, "Peru"), ["PERGOV"]);
    assert_eq!(code_of(&ms, "Bolivia"), ["BOLGOV"]);
    let ms = resolve_on(
        "The defence ministers of Ghana and Togo signed a pact.",
        "2021-03-01",
    );
    assert_eq!(code_of(&ms, "Togo"), ["TGOGOV"]);
    // A country with a role of its own keeps it.
    let ms = resolve_on(
        "The envoy of Chile and Peru's president met in Lima.",
        "2021-03-01",
    );
    assert!(!code_of(&ms, "Peru").contains(&"PERGOV"), "{ms:?}");
}
