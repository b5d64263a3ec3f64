//! Resolution behaviour: dated roles, text over dictionary, appositions,
//! context aliases, anonymous sources, coreference-lite and definite
//! descriptions referring back.

#![allow(clippy::unwrap_used)] // test helpers: a panic is the failure report

use std::sync::LazyLock;

use chrono::NaiveDate;
use faultline_actors::{Actors, Mention, SentenceRef, Via, lexicon};

static ACTORS: LazyLock<Actors> = LazyLock::new(|| Actors::defaults().unwrap());

fn resolve_on(body: &str, date: &str) -> Vec<Mention> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let sentences: Vec<SentenceRef> = SentenceRef::all_of(body, date);
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

/// Asserts that `body` (dated 2024-03-10) has a mention of `text` for
/// which `ok` holds.
fn mention_holds(body: &str, text: &str, ok: impl Fn(&Mention) -> bool) {
    let ms = resolve_on(body, "2024-03-10");
    let m = ms.iter().find(|m| m.text == text);
    assert!(m.is_some_and(ok), "{body}: {ms:?}");
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
fn a_pronoun_opening_a_sentence_takes_the_last_sentences_lead_person() {
    // The subject of the sentence before, not the person it acted on.
    for (body, want) in [
        (
            "Chile's president, Gabriel Boric, criticised Bolivian President Luis Arce on Monday. He said talks would resume.",
            "CHLGOV",
        ),
        (
            "Kenya's foreign minister thanked Somali President Hassan Sheikh Mohamud for the visit. She promised more aid.",
            "KENGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        let pronoun = if body.contains(" He ") { "He" } else { "She" };
        assert_eq!(code_of(&ms, pronoun), [want], "{body}: {ms:?}");
    }
    // A person named inside an opening participle phrase is no subject.
    let body =
        "Asked about Gabriel Boric, Luis Arce said talks would resume. He also praised Peru.";
    let ms = resolve_on(body, "2023-05-01");
    assert_eq!(code_of(&ms, "He"), ["BOLGOV"], "{ms:?}");
    // A name ending like a participle opens no such phrase.
    let body =
        "Mohammed bin Salman, the crown prince, met Joe Biden in Jeddah. He criticised Iran.";
    let ms = resolve_on(body, "2022-07-16");
    assert_eq!(code_of(&ms, "He"), ["SAUGOV"], "{ms:?}");
    // Inside a sentence, the nearest person before the pronoun stands.
    let body = "Chile's president met Luis Arce, who said he would visit Santiago.";
    let ms = resolve_on(body, "2023-05-01");
    assert_eq!(code_of(&ms, "he"), ["BOLGOV"], "{ms:?}");
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
fn a_name_before_its_predicate_takes_no_role_from_the_object() {
    // "NAME, called the Iranian president": the verb opens the predicate,
    // and the role after it is the object's, not the name's.
    for (body, name, wrong) in [
        (
            "On Friday, Kenya's president, William Ruto, called Ugandan President Yoweri Museveni.",
            "William Ruto",
            "UGA",
        ),
        (
            "Germany's chancellor, Olaf Scholz, phoned Polish Prime Minister Donald Tusk.",
            "Olaf Scholz",
            "POL",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-01");
        let codes = code_of(&ms, name);
        assert!(
            !codes.is_empty() && codes.iter().all(|c| !c.starts_with(wrong)),
            "{body}: {ms:?}"
        );
    }
    // A participle of appointment still opens a description.
    let body = "Jane Okafor, appointed Nigerian envoy in 2019, met the delegation.";
    let ms = resolve_on(body, "2020-01-06");
    assert!(
        code_of(&ms, "Jane Okafor")
            .iter()
            .any(|c| c.starts_with("NGA")),
        "{ms:?}"
    );
}

#[test]
fn a_country_owns_the_institution_it_possesses() {
    // The dictionary's "Foreign Office" and "Home Office" are Britain's.
    for (body, text, want) in [
        (
            "Austria's Foreign Office summoned the Hungarian envoy.",
            "Austria's Foreign Office",
            "AUTGOV",
        ),
        (
            "Nigeria’s Home Office issued new visa rules.",
            "Nigeria’s Home Office",
            "NGAGOV",
        ),
    ] {
        let ms = resolve_on(body, "2020-01-06");
        assert_eq!(code_of(&ms, text), [want], "{body}: {ms:?}");
    }
    // Britain's own stays Britain's.
    let body = "Britain's Foreign Office summoned the Iranian envoy.";
    let ms = resolve_on(body, "2020-01-06");
    assert_eq!(code_of(&ms, "Foreign Office"), ["GBRGOV"], "{ms:?}");
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
    // so is the title before the name; another business role of a
    // country stays business
    let body = "The Chief Executive of Macau, Ana Lei, met the envoy. \
                Chief Executive of Hong Kong Carrie Lam spoke. \
                The executive of Peru, Luis Soto, said sales fell.";
    let ms = resolve_on(body, "2019-10-10");
    assert_eq!(code_of(&ms, "Ana Lei"), ["MACGOV"], "{ms:?}");
    assert_eq!(code_of(&ms, "Carrie Lam"), ["HKGGOV"], "{ms:?}");
    assert!(
        code_of(&ms, "Luis Soto").iter().all(|c| c.ends_with("BUS")),
        "{ms:?}"
    );
}

#[test]
fn a_lone_both_before_a_verb_is_the_pair_last_engaged() {
    let body = "Peru and Chile signed a fishing accord in Lima. Both agreed to meet again in May.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "Both"), ["PER", "CHL"], "{ms:?}");
    let body = "Ghana hosted Togo's president on Monday. Both noted that trade had grown.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "Both"), ["GHA", "TGO"], "{ms:?}");
    let body = "Kenya and Uganda settled the dispute. Both thanked Ethiopia for its help.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "Both"), ["KEN", "UGA"], "{ms:?}");
    // Not past a sentence that names others.
    let body = "Germany and France agreed to expand trade. Two suspects were held in Berlin. Both have denied the charges.";
    let ms = resolve_on(body, "2020-03-01");
    assert!(code_of(&ms, "Both").is_empty(), "{ms:?}");
    // Before a noun it is no pronoun.
    let body = "Peru and Chile signed a fishing accord in Lima. Both armed groups rejected it.";
    let ms = resolve_on(body, "2020-03-01");
    assert!(code_of(&ms, "Both").is_empty(), "{ms:?}");
}

#[test]
fn the_two_sides_are_the_coordinated_pair_when_a_third_is_named() {
    let body =
        "Chad and Sudan signed a truce, as the Qatari emir helped the two sides settle a dispute.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "the two sides"), ["TCD", "SDN"], "{ms:?}");
    let body =
        "Peru's president said Ecuador and Colombia should let the two countries' courts decide.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "the two countries"), ["ECU", "COL"], "{ms:?}");
    // A pair named as a topic is not the group.
    let body = "Peru blamed Brazil for the feud between Chile and Bolivia, though both sides backed Chile.";
    let ms = resolve_on(body, "2020-03-01");
    assert!(!code_of(&ms, "both sides").contains(&"BOL"), "{ms:?}");
    // The first pair, not mediators named after it; the parties of talks.
    let body = "Ghana and Togo met in Accra after Benin and Niger offered to host them, and the two sides agreed to reopen the border.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "the two sides"), ["GHA", "TGO"], "{ms:?}");
    let body =
        "Egypt hosted talks between Sudan and Chad on Monday, and the two sides agreed on a truce.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "the two sides"), ["SDN", "TCD"], "{ms:?}");
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
fn a_group_is_none_of_the_countries_it_acts_on() {
    // The pair last engaged holds Peru, which the group acts on: the pair
    // before it is meant.
    let body = "Chile and Bolivia signed a gas deal. Chile then accused Peru of spying. \
        Both countries have massed troops on their borders with Peru.";
    let ms = resolve_on(body, "2023-05-01");
    let mut got = code_of(&ms, "Both countries");
    got.sort_unstable();
    assert_eq!(got, ["BOL", "CHL"], "{ms:?}");
    let body = "Kenya and Uganda held talks in May. Kenya later praised Somalia for its reforms. \
        The two governments sent food aid to Somalia.";
    let ms = resolve_on(body, "2023-05-01");
    let mut got = code_of(&ms, "The two governments");
    got.sort_unstable();
    assert_eq!(got, ["KENGOV", "UGAGOV"], "{ms:?}");
}

#[test]
fn a_coordinated_subject_stays_the_pair_however_often_others_engaged() {
    let body = "Chile and Peru held talks. Chile accused Peru of spying. Peru and Chile traded notes. \
        Bolivia and Ecuador, both neighbours of Peru, met in Quito. The two countries signed a pact.";
    let ms = resolve_on(body, "2023-05-01");
    let mut got = code_of(&ms, "The two countries");
    got.sort_unstable();
    assert_eq!(got, ["BOL", "ECU"], "{ms:?}");
}

#[test]
fn a_datelines_city_is_no_party_to_a_group_phrase() {
    for (body, want) in [
        (
            "GENEVA — Chile's envoy in the talks with Peru said the two sides had agreed on a map.",
            ["CHL", "PER"],
        ),
        (
            "CAIRO (AP) — The Sudanese delegate at the talks with Chad said both sides would meet again.",
            ["SDN", "TCD"],
        ),
    ] {
        let ms = resolve_on(body, "2021-06-01");
        let phrase = if body.contains("the two sides") {
            "the two sides"
        } else {
            "both sides"
        };
        let mut got = code_of(&ms, phrase);
        got.sort_unstable();
        assert_eq!(got, want, "{body}: {ms:?}");
    }
}

#[test]
fn a_group_phrase_after_a_mediator_takes_the_pair_engaged_most() {
    // The last sentence names the mediator beside the parties: the parties
    // the article engaged together before are "both sides".
    let body = "Serbia and Kosovo resumed talks. Serbia accused Kosovo of delays. \
        Photos showed the Serbian envoy with Kosovo's negotiator and Norway's mediator. \
        Both sides will meet again in May.";
    let ms = resolve_on(body, "2021-06-01");
    let mut sides = code_of(&ms, "Both sides");
    sides.sort_unstable();
    assert_eq!(sides, ["KSV", "SRB"], "{ms:?}");
    let body = "Oman hosted talks between Yemen and Saudi Arabia. Yemen and Saudi Arabia swapped prisoners. \
        A photo showed Saudi officials and Omani hosts with a Yemeni minister. \
        The leaders pledged to keep the truce.";
    let ms = resolve_on(body, "2022-04-01");
    assert_eq!(code_of(&ms, "The leaders"), ["SAUGOV", "YEMGOV"], "{ms:?}");
}

#[test]
fn the_group_refers_back_to_the_latest_armed_group() {
    let body =
        "Malian troops attacked positions of the JNIM on Monday. The group denied any losses.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "group"), ["IMGSUNJNM"], "{ms:?}");
    let body = "Colombian rebels freed two soldiers. The armed movement said more would follow.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "armed movement"), ["COLREB"], "{ms:?}");
    // Not a group of people who are no armed group, nor a group with an "of".
    let body = "Kenya hosted a group of experts. The group of experts criticised Uganda.";
    let ms = resolve_on(body, "2024-03-01");
    assert!(ms.iter().all(|m| !m.text.contains("group")), "{ms:?}");
    let body = "Peru's opposition walked out. The group said the vote was rigged.";
    let ms = resolve_on(body, "2024-03-01");
    assert!(code_of(&ms, "group").is_empty(), "{ms:?}");
}

#[test]
fn those_who_appeal_to_both_sides_are_no_side() {
    let body = "Eritrea accused Ethiopia of massing troops. Norway and Qatar urged both sides to return to talks.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "both sides"), ["ERI", "ETH"], "{ms:?}");
    let body = "Chile protested to Peru. Brazil and Bolivia called on the two countries to show restraint.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "the two countries"), ["CHL", "PER"], "{ms:?}");
    // Without an appeal, the sentence's own pair stands.
    let body =
        "Eritrea accused Ethiopia. Norway and Qatar met in Oslo, where both sides signed a deal.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "both sides"), ["NOR", "QAT"], "{ms:?}");
}

#[test]
fn a_plural_group_noun_after_the_takes_the_pair_last_engaged() {
    let body = "Chile's president hosted Peru's prime minister in Santiago. The leaders signed a water pact.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "The leaders"), ["CHLGOV", "PERGOV"]);
    let body = "Kenyan and Somali envoys met in Doha. The delegations agreed to hold more talks.";
    let ms = resolve_on(body, "2020-03-01");
    assert_eq!(code_of(&ms, "The delegations"), ["KENGOV", "SOMGOV"]);
    // Not a group with its own members, nor before anyone engaged.
    let body = "Chile's president hosted Peru's prime minister. The leaders of Asia met in Tokyo.";
    let ms = resolve_on(body, "2020-03-01");
    assert!(code_of(&ms, "The leaders").is_empty(), "{ms:?}");
    let ms = resolve_on("The leaders met in Tokyo.", "2020-03-01");
    assert!(code_of(&ms, "The leaders").is_empty(), "{ms:?}");
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
        ["SRBGOV", "KSVGOV"]
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

/// The codes, and how they were found, of the mentions of `body` (resolved
/// on a date of 2020) whose text is `text`.
fn codes(body: &str, text: &str) -> Vec<(String, Via)> {
    resolve_on(body, "2020-05-01")
        .into_iter()
        .filter(|m| m.text == text)
        .map(|m| (m.code, m.via))
        .collect()
}

fn code(body: &str, text: &str) -> Vec<String> {
    codes(body, text).into_iter().map(|c| c.0).collect()
}

#[test]
fn an_office_named_again_takes_the_first_mention_code() {
    let body = "The Canadian embassy in Lima issued a statement on Monday. \
                The embassy rejected the accusation.";
    assert_eq!(
        codes(body, "embassy"),
        [("CANGOV".into(), Via::Coreference)]
    );
    let body = "Brazil's foreign ministry summoned the Argentine envoy. \
                The ministry said the remarks were unacceptable.";
    assert_eq!(code(body, "ministry"), ["BRAGOV"]);
    let body = "Egypt's foreign ministry met envoys from Libya and Chad. \
                That ministry's statement was brief.";
    assert_eq!(code(body, "ministry"), ["EGYGOV"]);
}

#[test]
fn a_role_word_describing_a_thing_names_no_actor() {
    for body in [
        "Chile criticised the tests. The two navies restored a military hotline.",
        "Ghana met Togo on Monday. Togo warned of a military response.",
        "Peru hosted Bolivia. An army parade marked the visit.",
    ] {
        let ms = resolve_on(body, "2021-03-10");
        assert!(
            ms.iter()
                .all(|m| !matches!(m.text.as_str(), "military" | "army")),
            "{body}: {ms:?}"
        );
    }
}

#[test]
fn opposition_to_something_is_a_stance_not_a_body() {
    for body in [
        "Chile met Peru on Monday. Chile later voiced opposition to the plan.",
        "Ghana hosted the summit. There was broad opposition to the tariffs.",
    ] {
        assert!(code(body, "opposition").is_empty(), "{body}");
    }
    let body = "Chile met Peru on Monday. The opposition said the talks failed.";
    assert_eq!(code(body, "opposition"), ["PEROPP"]);
}

#[test]
fn a_bloc_or_an_alliance_is_the_organisation_named_last() {
    let body = "The African Union suspended Mali after the coup. \
                The bloc also warned Guinea.";
    assert_eq!(code(body, "bloc"), ["IGOAFU"]);
    let body = "NATO ministers met in Oslo on Tuesday. \
                The alliance's chief said Russia posed a threat.";
    assert_eq!(code(body, "alliance"), ["IGONAT"]);
    // An officer of the organisation names it too, ahead of one named
    // in an earlier sentence.
    let body = "The EU renewed its sanctions. NATO Secretary General Jens \
                Stoltenberg flew to Riga and promised the alliance would help.";
    assert_eq!(code(body, "alliance"), ["IGONAT"]);
    let body = "The African Union met in Addis Ababa. The ECOWAS commission president \
                said the bloc would send envoys to Niamey.";
    assert_eq!(code(body, "bloc"), ["IGOWAS"]);
    // With no organisation before it, the word names no one.
    let body = "Mali and Niger met in Bamako. The bloc said little.";
    assert!(code(body, "bloc").is_empty());
}

#[test]
fn organisations_named_again_by_their_head_noun() {
    let body = "The European Commission fined a Dutch bank. \
                The commission said the fine was fair.";
    assert_eq!(code(body, "commission"), ["IGOEEUCOM"]);
    let body = "The UN Security Council met over Syria on Friday. \
                The council later condemned the shelling.";
    assert_eq!(code(body, "council"), ["IGOUNOSCR"]);
    let body = "The International Criminal Court opened a case on Sudan. \
                The court's prosecutor asked for warrants.";
    assert_eq!(code(body, "court"), ["IGOJUDICC"]);
}

#[test]
fn forces_and_groups_named_again() {
    let body = "Houthi rebels fired drones at Saudi Arabia. \
                The rebels said more would follow.";
    assert_eq!(code(body, "rebels"), code(body, "Houthi rebels"));
    let body = "The Iranian navy seized a tanker near Oman. \
                The navy said the ship broke the rules.";
    assert_eq!(code(body, "navy"), ["IRNMIL"]);
    let body = "The Japanese government protested to China. \
                The government said the incursion was unacceptable.";
    assert_eq!(code(body, "government"), ["JPNGOV"]);
}

#[test]
fn a_synonym_head_refers_back_too() {
    let body = "A UN tribunal convicted two militia leaders from Serbia. \
                The court rejected their appeal.";
    assert_eq!(code(body, "court"), ["IGOUNO"]);
    let body = "The Israeli military struck targets near Gaza. \
                The army said it hit rocket launchers.";
    assert_eq!(code(body, "army"), ["ISRMIL"]);
}

#[test]
fn only_definite_descriptions_with_an_antecedent_refer_back() {
    // Indefinite: a new embassy, not the Canadian one.
    let body = "The Canadian embassy in Lima issued a statement. \
                Chile said an embassy would open in Quito.";
    assert!(
        codes(body, "embassy")
            .iter()
            .all(|c| c.1 != Via::Coreference),
        "{:?}",
        codes(body, "embassy")
    );
    // Its own country: resolved directly.
    let body = "The Canadian embassy issued a statement. \
                The Chinese embassy rejected it.";
    assert_eq!(code(body, "Chinese embassy"), ["CHNGOV"]);
    // No antecedent within the window: the context as before.
    let body = "The Japanese government issued a statement. Peru protested. \
                Chile answered. Bolivia waited. The government was silent.";
    assert!(
        codes(body, "government")
            .iter()
            .all(|c| c.1 != Via::Coreference)
    );
    let body = "The Danish government sent a note. Iran replied. Iraq waited. \
                Syria spoke. The government then recalled its envoy.";
    assert_eq!(code(body, "government"), ["SYRGOV"]);
}

#[test]
fn an_institution_is_referred_back_to_from_further_away() {
    let body = "The Parliament of Kenya voted to expel the envoy. Uganda protested. \
                Tanzania called for calm. Rwanda agreed. Burundi was silent. \
                Observers were surprised by the Parliament's decision.";
    assert_eq!(code(body, "Parliament"), ["KENLEG"]);
    let body = "The Mexican embassy in Havana gave refuge to a dissident. Cuba objected. \
                Spain urged talks. Chile offered help. Peru too. \
                The embassy said he would stay.";
    assert_eq!(code(body, "embassy"), ["MEXGOV"]);
}

#[test]
fn a_description_modifying_a_role_word_is_left_to_it() {
    let body = "The Pakistani army moved troops. The army chief said so.";
    assert!(code(body, "army").is_empty());
    let body = "The Turkish navy sent ships. The navy spokesman confirmed it.";
    assert!(code(body, "navy").is_empty());
}

/// Two examples of each head noun of `definite_heads` and each group of
/// `head_synonyms`: (text, antecedent, description). Another country
/// stands between them, so the context alone would code it otherwise.
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "The Kenyan administration rejected a request from Uganda. The administration said it had no choice.",
        "Kenyan administration",
        "administration",
    ),
    (
        "The Philippine administration protested to China. This administration will not back down.",
        "Philippine administration",
        "administration",
    ),
    (
        "The Saudi news agency reported strikes in Yemen. The agency gave no toll.",
        "Saudi news agency",
        "agency",
    ),
    (
        "The International Atomic Energy Agency inspected a site in Iran. The agency found traces of uranium.",
        "International Atomic Energy Agency",
        "agency",
    ),
    (
        "The Indian army fired across the border into Pakistan. The army said it was retaliating.",
        "Indian army",
        "army",
    ),
    (
        "Sudan's army clashed with fighters near Chad. The army claimed a victory.",
        "Sudan's army",
        "army",
    ),
    (
        "The Israeli cabinet approved a plan for Lebanon. The cabinet met again on Sunday.",
        "Israeli cabinet",
        "cabinet",
    ),
    (
        "Japan's cabinet discussed a dispute with Korea. That cabinet later resigned.",
        "Japan's cabinet",
        "cabinet",
    ),
    (
        "The European Commission opened a case against Hungary. The commission gave it a month.",
        "European Commission",
        "commission",
    ),
    (
        "The European Commission fined a bank from Denmark. The commission's decision can be appealed.",
        "European Commission",
        "commission",
    ),
    (
        "The Russian consulate in Istanbul issued a warning to Turkey. The consulate closed on Friday.",
        "Russian consulate",
        "consulate",
    ),
    (
        "China's consulate in Houston was ordered shut by the United States. The consulate burned documents.",
        "China's consulate",
        "consulate",
    ),
    (
        "The UN Security Council met over Syria. The council condemned the shelling.",
        "UN Security Council",
        "council",
    ),
    (
        "The Gulf Cooperation Council criticised Iran. The council called for restraint.",
        "Gulf Cooperation Council",
        "council",
    ),
    (
        "An Iranian court jailed a French researcher. The court gave her five years.",
        "Iranian court",
        "court",
    ),
    (
        "The International Court of Justice heard a case against Myanmar. The court ordered emergency measures.",
        "International Court of Justice",
        "court",
    ),
    (
        "A Chinese delegation arrived in Nepal on Monday. The delegation met the prime minister.",
        "Chinese delegation",
        "delegation",
    ),
    (
        "The Turkish delegation walked out of talks with Greece. The delegation returned a day later.",
        "Turkish delegation",
        "delegation",
    ),
    (
        "The Canadian embassy in Lima issued a statement. The embassy rejected the accusation.",
        "Canadian embassy",
        "embassy",
    ),
    (
        "Ghana's embassy in Rome denied the report. The embassy asked for a correction.",
        "Ghana's embassy",
        "embassy",
    ),
    (
        "The Japanese government protested to China. The government said the incursion was unacceptable.",
        "Japanese government",
        "government",
    ),
    (
        "Germany's government criticised Poland. The government's spokesman gave no details.",
        "Germany's government",
        "government",
    ),
    (
        "Myanmar's military detained a reporter from Thailand. The military declared an emergency.",
        "Myanmar's military",
        "military",
    ),
    (
        "The Nigerian military struck camps near Niger. The military said dozens were killed.",
        "Nigerian military",
        "military",
    ),
    (
        "A Libyan militia shelled the airport despite a warning from Egypt. The militia denied it.",
        "Libyan militia",
        "militia",
    ),
    (
        "An Iraqi militia attacked a convoy near Syria. That militia has struck before.",
        "Iraqi militia",
        "militia",
    ),
    (
        "Brazil's foreign ministry summoned the Argentine envoy. The ministry said the remarks were unacceptable.",
        "Brazil's foreign ministry",
        "ministry",
    ),
    (
        "The Indian defence ministry accused Pakistan of shelling. The ministry released photos.",
        "Indian defence ministry",
        "ministry",
    ),
    (
        "The Iranian navy seized a tanker near Oman. The navy said the ship broke the rules.",
        "Iranian navy",
        "navy",
    ),
    (
        "The Chinese navy shadowed a frigate from Australia. The navy called it routine.",
        "Chinese navy",
        "navy",
    ),
    (
        "The Ukrainian parliament voted to cut ties with Russia. The parliament also passed a budget.",
        "Ukrainian parliament",
        "parliament",
    ),
    (
        "Lebanon's parliament elected a speaker despite objections from Syria. The parliament then adjourned.",
        "Lebanon's parliament",
        "parliament",
    ),
    (
        "Houthi rebels fired drones at Saudi Arabia. The rebels said more would follow.",
        "Houthi rebels",
        "rebels",
    ),
    (
        "Colombian rebels freed two hostages in Venezuela. The rebels demanded talks.",
        "Colombian rebels",
        "rebels",
    ),
    (
        "The Syrian regime bombed towns near Turkey. The regime denied it.",
        "Syrian regime",
        "regime",
    ),
    (
        "The Iranian regime arrested a British engineer. This regime has done so before.",
        "Iranian regime",
        "regime",
    ),
    (
        "A UN tribunal convicted a general from Serbia. The tribunal sentenced him to life.",
        "UN tribunal",
        "tribunal",
    ),
    (
        "An Iranian court tried a Canadian student. The tribunal denied her a lawyer.",
        "Iranian court",
        "tribunal",
    ),
    (
        "The Israeli military struck targets near Gaza. The army said it hit rocket launchers.",
        "Israeli military",
        "army",
    ),
    (
        "The Egyptian army sealed the border with Libya. The military said the move was temporary.",
        "Egyptian army",
        "military",
    ),
    (
        "A UN tribunal convicted two commanders from Croatia. The court rejected their appeal.",
        "UN tribunal",
        "court",
    ),
    (
        "A Turkish court tried a Dutch journalist. The court freed him on bail.",
        "Turkish court",
        "court",
    ),
    (
        "The Ukrainian legislature condemned Russia. The parliament voted unanimously.",
        "Ukrainian legislature",
        "parliament",
    ),
    (
        "Georgia's parliament passed a law opposed by the United States. The legislature defended it.",
        "Georgia's parliament",
        "legislature",
    ),
    (
        "Iraqi militias fired rockets at a base used by the United States. The militia later denied it.",
        "Iraqi militias",
        "militia",
    ),
    (
        "Sudanese militiamen raided villages near Chad. The militia withdrew the next day.",
        "Sudanese militiamen",
        "militia",
    ),
    (
        "Somali militiamen blocked a road used by Kenya. The militia demanded a toll.",
        "Somali militiamen",
        "militia",
    ),
    (
        "Nigerian militias seized oil workers from Italy. That militia released them a week later.",
        "Nigerian militias",
        "militia",
    ),
];

#[test]
fn every_head_and_synonym_refers_back_in_examples() {
    let mut wrong = Vec::new();
    for (body, antecedent, description) in EXAMPLES {
        let want = code(body, antecedent);
        let got = codes(body, description);
        let ok = want.len() == 1 && got.len() == 1 && got[0] == (want[0].clone(), Via::Coreference);
        if !ok {
            wrong.push(format!(
                "{body}: {antecedent} {want:?}, {description} {got:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let lex = lexicon::lex();
    let heads = (lex.definite_heads.iter())
        .chain(lex.definite_heads_near.iter())
        .chain(lex.head_synonyms.iter());
    for word in heads.flat_map(|g| g.split(' ')) {
        let n = EXAMPLES
            .iter()
            .filter(|e| e.2 == word || e.1.to_lowercase().ends_with(word))
            .count();
        assert!(n >= 2, "{word}: {n} example(s); give each head two");
    }
}

#[test]
fn a_role_owned_by_a_definite_description_is_its_actor() {
    let body =
        "Germany's government criticised Poland. The government's spokesman gave no details.";
    assert_eq!(code(body, "spokesman"), ["DEUGOV"]);
    let body =
        "The Iranian navy seized a tanker near Oman. The navy's commander said it broke the rules.";
    assert_eq!(code(body, "commander"), ["IRNMIL"]);
    let body = "The European Commission fined a bank from Denmark. The commission's spokeswoman defended the fine.";
    assert_eq!(code(body, "spokeswoman"), ["IGOEEUCOM"]);
}

#[test]
fn people_from_a_country_stand_for_its_government() {
    let body = "Representatives from Iran met officials from Iraq in Geneva.";
    assert_eq!(code(body, "Representatives from Iran"), ["IRNGOV"]);
    assert_eq!(code(body, "officials from Iraq"), ["IRQGOV"]);
    let body = "Diplomats from Egypt and envoys of Jordan attended the funeral.";
    assert_eq!(code(body, "Diplomats from Egypt"), ["EGYGOV"]);
    assert_eq!(code(body, "envoys of Jordan"), ["JORGOV"]);
    let body = "Representatives of Chile arrived late. Envoys from Peru left early.";
    assert_eq!(code(body, "Representatives of Chile"), ["CHLGOV"]);
    assert_eq!(code(body, "Envoys from Peru"), ["PERGOV"]);
}

#[test]
fn a_capital_that_begins_a_place_name_is_no_government() {
    let ms = resolve_on(
        "Thousands marched from Victoria Park to the harbour.",
        "2019-08-18",
    );
    assert!(code_of(&ms, "Victoria").is_empty(), "{ms:?}");
    let ms = resolve_on("Crowds gathered at Ankara Station on Friday.", "2019-08-18");
    assert!(code_of(&ms, "Ankara").is_empty(), "{ms:?}");
    // The capital alone still stands for its government.
    let ms = resolve_on("Ankara rejected the offer.", "2019-08-18");
    assert_eq!(code_of(&ms, "Ankara"), ["TURGOV"]);
}

#[test]
fn him_refers_back_to_the_last_person() {
    for (body, want) in [
        (
            "Kenya's president met Uganda's President Yoweri Museveni and thanked him.",
            "UGAGOV",
        ),
        (
            "Ghana expelled the Togolese ambassador, accusing him of spying.",
            "TGOGOV",
        ),
    ] {
        let ms = resolve_on(body, "2020-01-06");
        assert_eq!(code_of(&ms, "him"), [want], "{body}: {ms:?}");
    }
}

#[test]
fn an_actors_headquarters_where_something_happens_is_a_building() {
    for (body, name) in [
        (
            "Peru and Chile signed the pact at the UN Headquarters in New York.",
            "UN",
        ),
        (
            "Ministers met at NATO headquarters in Brussels on Friday.",
            "NATO",
        ),
    ] {
        let ms = resolve_on(body, "2020-01-06");
        assert!(code_of(&ms, name).is_empty(), "{body}: {ms:?}");
    }
    // What is done to it is done to its owner; a group's is the group.
    let ms = resolve_on("Rebels shelled the UN headquarters in Goma.", "2020-01-06");
    assert_eq!(code_of(&ms, "UN"), ["IGOUNO"], "{ms:?}");
    let ms = resolve_on(
        "Jets fired missiles at Hamas headquarters in Gaza.",
        "2020-01-06",
    );
    assert!(!code_of(&ms, "Hamas").is_empty(), "{ms:?}");
}

#[test]
fn outsiders_roles_take_no_context_country() {
    for body in [
        "The Iraqi parliament voted to expel foreign troops from the country.",
        "Afghan officials said overseas diplomats had left Kabul.",
        "Peru lost its appeal when an international court ruled for Chile.",
        "Malian officials asked multinational forces to leave Gao.",
    ] {
        let ms = resolve_on(body, "2020-01-06");
        assert!(ms.iter().all(|m| m.via != Via::Context), "{body}: {ms:?}");
    }
    // A foreign minister is still one of the country named.
    let ms = resolve_on(
        "Iraq's foreign minister met his Iranian counterpart.",
        "2020-01-06",
    );
    assert_eq!(code_of(&ms, "Iraq's foreign minister"), ["IRQGOV"]);
}

#[test]
fn roles_of_a_people_the_dictionaries_do_not_know_take_no_context_country() {
    for (body, role) in [
        (
            "Nepal closed the pass. Tibetan spiritual leaders criticised Nepal.",
            "leaders",
        ),
        (
            "Syria shelled the town. Kurdish officials condemned the attack.",
            "officials",
        ),
        (
            "Iran shut the border. The Baluch tribal leaders protested in Zahedan.",
            "leaders",
        ),
    ] {
        let ms = resolve_on(body, "2020-01-06");
        assert!(code_of(&ms, role).is_empty(), "{body}: {ms:?}");
    }
    // A sentence's first word is capitalised anyway: a people only from the list.
    let ms = resolve_on(
        "Syria shelled the town. Senior officials met.",
        "2020-01-06",
    );
    assert_eq!(code_of(&ms, "Senior officials"), ["SYRGOV"], "{ms:?}");
    let ms = resolve_on(
        "India sealed the border. Mumbai police arrested two men.",
        "2020-01-06",
    );
    assert_eq!(code_of(&ms, "police"), ["INDCOP"], "{ms:?}");
    let ms = resolve_on(
        "Iraq shut the crossing. Tamil activists protested.",
        "2020-01-06",
    );
    assert!(code_of(&ms, "activists").is_empty(), "{ms:?}");
}

#[test]
fn a_group_phrase_takes_the_pair_its_own_sentence_names() {
    // The sentence before engaged another pair; the group phrase's own
    // sentence names two countries (a place after "in" is no party).
    for (body, phrase, want) in [
        (
            "Beijing criticised Manila. Chile's president met Argentine officials in Buenos Aires, where the two countries signed a fishing pact.",
            "the two countries",
            ["ARG", "CHL"],
        ),
        (
            "Russia warned Norway. Kenya's foreign minister received his Ugandan counterpart in Nairobi, and the two governments agreed to reopen the border.",
            "the two governments",
            ["KENGOV", "UGAGOV"],
        ),
    ] {
        let ms = resolve_on(body, "2021-03-01");
        let mut got = code_of(&ms, phrase);
        got.sort_unstable();
        assert_eq!(got, want, "{body}");
    }
}

#[test]
fn a_role_before_a_named_organisation_is_no_actor_of_its_own() {
    // "state news agency TASS": the name codes the actor; the role words
    // before it take no country from the sentence.
    for (body, role) in [
        (
            "Moscow barred three Polish lawmakers, state news agency TASS reported.",
            "state news agency",
        ),
        (
            "Egyptian mediators met leaders of the militant group Hamas in Cairo.",
            "militant group",
        ),
    ] {
        let ms = resolve_on(body, "2022-05-01");
        assert!(ms.iter().all(|m| !m.text.ends_with(role)), "{body}: {ms:?}");
        assert!(!ms.is_empty(), "{body}");
    }
}

#[test]
fn a_bracketed_acronym_abbreviates_the_mention_before_it() {
    for (body, acronym, code) in [
        (
            "Japan's Self-Defense Forces (SDF) said the missile fell at sea.",
            "SDF",
            "JPNMIL",
        ),
        (
            "South Korea's Joint Chiefs of Staff (JCS) said the drill ended.",
            "JCS",
            "KORMIL",
        ),
    ] {
        mention_holds(body, acronym, |m| m.code == code && m.appositive);
    }
}

#[test]
fn the_place_a_story_was_filed_from_is_no_engaged_party() {
    // "the two leaders" are the pair the story engages, not the dateline's
    // country.
    let body = "ACCRA, Ghana (AP) — Togo's president and Benin's president met on Friday. The two leaders agreed to patrol the border.";
    let ms = resolve_on(body, "2023-04-01");
    let mut two = code_of(&ms, "The two leaders");
    two.sort_unstable();
    assert_eq!(two, ["BENGOV", "TGOGOV"], "{ms:?}");
}

#[test]
fn a_known_person_named_again_by_surname_is_the_same_person() {
    // The surname is the word before a generational suffix.
    for (body, surname, code) in [
        (
            "Defense Secretary Lloyd J. Austin III landed in Hanoi. \"We are partners,\" Austin told reporters.",
            "Austin",
            "USAGOV",
        ),
        (
            "Lloyd Austin arrived in Jakarta on Monday. Indonesian officials met Austin at the airport.",
            "Austin",
            "USAGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        assert_eq!(code_of(&ms, surname), [code], "{body}: {ms:?}");
    }
    // A month is never a surname standing alone.
    let ms = resolve_on(
        "Lloyd Austin arrived in Jakarta. Talks resumed in May.",
        "2023-05-01",
    );
    assert!(code_of(&ms, "May").is_empty(), "{ms:?}");
}

#[test]
fn a_definite_title_refers_back_to_the_person_so_titled() {
    for (body, phrase, code) in [
        (
            "Kenyan President William Ruto met Ugandan officials in Kampala. The president later flew to Kigali.",
            "president",
            "KENGOV",
        ),
        (
            "Defense Secretary Lloyd Austin met Thai officials in Bangkok. The secretary also visited a Thai naval base.",
            "secretary",
            "USAGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        let m = ms
            .iter()
            .find(|m| m.text.to_lowercase().ends_with(phrase) && m.start > 40);
        assert!(m.is_some_and(|m| m.code == code), "{body}: {ms:?}");
    }
}

#[test]
fn any_envoy_title_refers_back_to_a_person_with_another() {
    for (body, phrase, code) in [
        (
            "Kenya summoned Ugandan Ambassador Joseph Okello on Monday. The diplomat was told to explain the raid.",
            "diplomat",
            "UGAGOV",
        ),
        (
            "Ghana expelled Togolese Consul Ama Mensah, accusing the envoy of spying.",
            "envoy",
            "TGOGOV",
        ),
    ] {
        first_coded(body, |m| m.text.to_lowercase() == phrase, code);
    }
}

/// Asserts that the first mention of `body` that `pick` chooses has `code`.
fn first_coded(body: &str, pick: impl Fn(&Mention) -> bool, code: &str) {
    let ms = resolve_on(body, "2023-05-01");
    let m = ms.iter().find(|m| pick(m));
    assert!(m.is_some_and(|m| m.code == code), "{body}: {ms:?}");
}

#[test]
fn a_charge_d_affaires_is_a_diplomat_however_spelt() {
    for (body, code) in [
        (
            "The Togolese charge d affairs was summoned in Accra.",
            "TGOGOV",
        ),
        (
            "Kenya called in the Somali charge d affaires on Friday.",
            "SOMGOV",
        ),
    ] {
        first_coded(body, |m| m.text.contains("charge"), code);
    }
}

#[test]
fn a_two_word_title_refers_back_in_either_spelling() {
    for (body, last, code) in [
        // a person with the title, then the title alone, spelt both ways
        (
            "OAS Secretary General Luis Almagro visited Haiti. The secretary-general also met Dominican officials.",
            "secretary-general",
            "IGOOAS",
        ),
        // the office as the dictionary names it
        (
            "The UN Secretary-General toured Kenyan refugee camps. Later the Secretary General flew to Juba.",
            "Secretary General",
            "IGOUNOSEC",
        ),
    ] {
        let ms = resolve_on(body, "2019-02-01");
        let m = ms.iter().rev().find(|m| m.text.ends_with(last));
        assert!(m.is_some_and(|m| m.code == code), "{body}: {ms:?}");
        // "General" is no person's name
        assert!(ms.iter().all(|m| m.text != "General"), "{body}: {ms:?}");
    }
    // a chain of descriptions carries the title sentences apart
    let mut body = String::from("NATO Secretary General Jens Stoltenberg visited Oslo.");
    body.push_str(" The secretary general praised Norway.");
    // nine sentences after the name, eight after the first description
    for _ in 0..7 {
        body.push_str(" Talks went on.");
    }
    body.push_str(" The secretary general then flew to Riga.");
    let ms = resolve_on(&body, "2018-05-01");
    let last = ms.iter().rev().find(|m| m.text == "secretary general");
    assert!(last.is_some_and(|m| m.code == "IGONAT"), "{ms:?}");
}

#[test]
fn a_mission_in_a_country_is_not_that_countrys() {
    // "in" places an embassy or a consulate in its host
    for body in [
        "Rwanda opened an embassy in Ghana last week.",
        "Gunmen attacked a consulate in Nigeria.",
    ] {
        let ms = resolve_on(body, "2022-05-01");
        assert!(
            ms.iter().all(
                |m| !(m.code.starts_with("GHA") || m.code.starts_with("NGA"))
                    || !m.text.contains("embassy") && !m.text.contains("consulate")
            ),
            "{body}: {ms:?}"
        );
    }
    // "of" still owns it
    let ms = resolve_on("The embassy of Chile issued a warning.", "2022-05-01");
    assert!(ms.iter().any(|m| m.code.starts_with("CHL")), "{ms:?}");
}

#[test]
fn it_as_a_subject_takes_up_the_body_that_opened_a_sentence() {
    for (body, code) in [
        (
            "Chile closed its border crossings. It blamed Bolivian smugglers for the unrest.",
            "CHL",
        ),
        (
            "The Kenyan government rejected the audit. In a statement, it accused Somalia of bad faith.",
            "KENGOV",
        ),
    ] {
        let ms = resolve_on(body, "2021-03-01");
        let it = ms.iter().find(|m| m.text.eq_ignore_ascii_case("it"));
        assert!(it.is_some_and(|m| m.code == code), "{body}: {ms:?}");
    }
    // an empty subject, or an object, is no one's
    for body in [
        "Chile closed its border crossings. It is unclear when they will reopen.",
        "Chile closed its border crossings. Peru criticized it.",
    ] {
        let ms = resolve_on(body, "2021-03-01");
        assert!(
            ms.iter().all(|m| !m.text.eq_ignore_ascii_case("it")),
            "{body}: {ms:?}"
        );
    }
}

#[test]
fn they_takes_up_the_group_phrase_of_the_sentence_before() {
    for (body, phrase, want) in [
        (
            "Ghana's army chief met his Togolese counterpart on Monday. The two chiefs discussed border raids. They also agreed to share radar data.",
            "The two chiefs",
            ["GHAGOV", "TGOGOV"],
        ),
        (
            "Chile's envoy met Peru's envoy in Quito. Both delegations praised the talks. They will meet again in May.",
            "Both delegations",
            ["CHLGOV", "PERGOV"],
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        let mut group = code_of(&ms, phrase);
        group.sort_unstable();
        assert_eq!(group, want, "{body}: {ms:?}");
        let mut they = code_of(&ms, "They");
        they.sort_unstable();
        assert_eq!(they, want, "{body}: {ms:?}");
    }
}

#[test]
fn a_person_of_a_family_name_first_country_is_named_again_by_the_first_word() {
    for (body, surname, code) in [
        (
            "Vietnamese Deputy Foreign Minister Pham Thu Ha met Thai envoys in Hanoi. Pham said the talks were useful.",
            "Pham",
            "VNMGOV",
        ),
        (
            "South Korean Trade Minister Ahn Duk-geun arrived in Ottawa on Monday. Ahn later met Canadian officials.",
            "Ahn",
            "KORGOV",
        ),
        (
            "Chinese Vice Premier Ma Kai toured a port in Piraeus. Ma praised Greece for its openness.",
            "Ma",
            "CHNGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        assert_eq!(code_of(&ms, surname), [code], "{body}: {ms:?}");
    }
    // Others keep the family name last: "Ruto", not "William".
    let ms = resolve_on(
        "Kenyan President William Ruto met Ugandan officials. William later flew home.",
        "2023-05-01",
    );
    assert!(code_of(&ms, "William").is_empty(), "{ms:?}");
}

#[test]
fn victims_take_no_country_from_the_sentences_before() {
    for (body, word) in [
        (
            "Russian drones struck a market in the east. The UN condemned attacks on civilians.",
            "civilians",
        ),
        (
            "Turkish artillery shelled the town overnight. Several residents fled to the hills.",
            "residents",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        assert!(code_of(&ms, word).is_empty(), "{body}: {ms:?}");
    }
    // Their own words still say whose they are.
    let ms = resolve_on(
        "Russian drones struck a market, killing three Ukrainian civilians.",
        "2023-05-01",
    );
    assert_eq!(code_of(&ms, "Ukrainian civilians"), ["UKRCVL"], "{ms:?}");
}

#[test]
fn a_demonym_listed_before_a_group_takes_the_head_not_the_group() {
    for (body, demonym, code) in [
        (
            "Qatari mediators met Israeli and Hamas negotiators in Doha.",
            "Israeli",
            "ISR",
        ),
        (
            "Colombian and ELN delegations resumed talks in Havana.",
            "Colombian",
            "COLGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-01");
        let got = code_of(&ms, demonym);
        assert!(
            got.len() == 1 && got[0].starts_with(code) && !got[0].ends_with("REB"),
            "{body}: {ms:?}"
        );
    }
}

#[test]
fn a_title_before_a_known_surname_is_that_person() {
    // The title alone would take the latest country named (Kenya's).
    for (body, surname, code) in [
        (
            "Lloyd Austin met Kenyan Defence Secretary Aden Duale in Nairobi. Secretary Austin praised Kenya's troops.",
            "Austin",
            "USAGOV",
        ),
        (
            "Nigerian President Bola Tinubu received Ghanaian Minister Shirley Botchwey. President Tinubu thanked Ghana.",
            "Tinubu",
            "NGAGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-10-02");
        let got: Vec<&str> = ms
            .iter()
            .filter(|m| m.sentence == 1 && m.text.ends_with(surname))
            .map(|m| m.code.as_str())
            .collect();
        assert_eq!(got, [code], "{body}: {ms:?}");
    }
}

#[test]
fn a_country_named_in_a_sea_or_strait_is_no_actor() {
    for (body, water) in [
        ("Vietnamese boats fished in the South China Sea.", "China"),
        ("Iran seized a tanker in the Gulf of Oman.", "Oman"),
        ("US destroyers sailed through the Taiwan Strait.", "Taiwan"),
    ] {
        let ms = resolve_on(body, "2023-10-02");
        assert!(code_of(&ms, water).is_empty(), "{body}: {ms:?}");
    }
    // The state itself still acts.
    let ms = resolve_on("Oman hosted talks on the sea.", "2023-10-02");
    assert_eq!(code_of(&ms, "Oman"), ["OMN"], "{ms:?}");
}

#[test]
fn a_title_before_a_known_person_names_the_person_again() {
    // The person's dictionary code stays; the title ("Secretary of State",
    // "Minister of Foreign Affairs") lets "the secretary" / "the minister"
    // refer back to them rather than take the last country named.
    for (body, again, code) in [
        (
            "Secretary of State Antony Blinken visited Hanoi on Tuesday. \
             The secretary thanked Vietnam for its help.",
            "secretary",
            "USAGOV",
        ),
        (
            "Minister of Foreign Affairs Wang Yi flew to Lima on Monday. \
             The minister praised Peru for its support.",
            "minister",
            "CHNGOV",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        assert_eq!(code_of(&ms, again), [code], "{body}: {ms:?}");
    }
}

#[test]
fn a_person_named_again_engages_the_countries_of_the_sentence() {
    // "the secretary" is Blinken again: the pair last engaged is the US
    // and its partner, not the two countries the sentence merely names.
    for (body, pair) in [
        (
            "Secretary of State Antony Blinken met Indian officials on Monday. \
             The secretary welcomed India's aid to the people of Ukraine. \
             The two sides will meet again in May.",
            ["IND", "USA"],
        ),
        (
            "Minister of Foreign Affairs Wang Yi met Brazilian officials in Lima. \
             The minister thanked Brazil for its help to Peru. \
             The two sides signed three accords.",
            ["BRA", "CHN"],
        ),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        let mut got = code_of(&ms, "The two sides");
        got.sort_unstable();
        assert_eq!(got, pair, "{body}: {ms:?}");
    }
}

#[test]
fn a_role_after_its_owner_pronoun_opening_a_reported_clause_is_the_owners() {
    for (body, role, code) in [
        (
            "Peru said its navy seized two Chilean boats.",
            "navy",
            "PERMIL",
        ),
        (
            "Chad and Niger said that their troops will patrol the border.",
            "troops",
            "NERMIL",
        ),
        // a verb of owning up to an act opens the clause too
        (
            "Officials in Chile admitted their navy had fired on a Peruvian boat.",
            "navy",
            "CHLMIL",
        ),
        (
            "Kenya confirmed its troops had crossed into Somalia.",
            "troops",
            "KENMIL",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        assert_eq!(code_of(&ms, role), [code], "{body}: {ms:?}");
    }
    // what the owner acts on is no actor of its own
    for (body, role) in [
        ("Armenia put its troops on alert.", "troops"),
        (
            "Russia refused to withdraw its soldiers from Moldova.",
            "soldiers",
        ),
        // an organisation's forces are no country's
        ("NATO said its forces will stay in Kosovo.", "forces"),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        assert!(code_of(&ms, role).is_empty(), "{body}: {ms:?}");
    }
}

#[test]
fn a_country_that_only_says_where_a_thing_was_made_is_no_actor() {
    for (body, country) in [
        ("Rebels fired Iranian-made drones at the base.", "Iranian"),
        ("The army lost two US-built helicopters in March.", "US"),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        assert!(code_of(&ms, country).is_empty(), "{body}: {ms:?}");
    }
}

#[test]
fn a_coast_guard_acts_on_its_own() {
    for (body, role, code) in [
        (
            "Peru said its coast guard boarded a Chilean trawler.",
            "coast guard",
            "PERMIL",
        ),
        (
            "The coast guard detained four Vietnamese fishermen, Manila said.",
            "coast guard",
            "PHLMIL",
        ),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        assert_eq!(code_of(&ms, role), [code], "{body}: {ms:?}");
    }
}

#[test]
fn two_definite_descriptions_joined_by_and_the_are_a_group() {
    for (body, pair) in [
        (
            "Chile's ambassador met Peru's foreign minister. The ambassador and the \
             minister discussed fishing. They agreed to meet again.",
            ["CHLGOV", "PERGOV"],
        ),
        (
            "The Kenyan embassy and the Ugandan consulate issued a joint statement. \
             They urged calm.",
            ["KENGOV", "UGAGOV"],
        ),
    ] {
        let ms = resolve_on(body, "2023-05-21");
        let mut got = code_of(&ms, "They");
        got.sort_unstable();
        assert_eq!(got, pair, "{body}: {ms:?}");
    }
}

#[test]
fn a_relative_clause_stating_an_act_is_no_apposition() {
    // "who" + a verb of an act: the clause's actors are parties of that
    // act; "who" + a verb of a role: they only describe the person.
    for (body, name, appositive) in [
        (
            "Chilean Defence Minister Jorge Prado, who accused Peru of spying, met the envoy.",
            "Peru",
            false,
        ),
        (
            "Peru's foreign minister, Ana Ruiz, who has told Bolivia to withdraw its envoy, resigned.",
            "Bolivia",
            false,
        ),
        (
            "Chilean Defence Minister Jorge Prado, who heads the Peru desk, met the envoy.",
            "Peru",
            true,
        ),
        (
            "Peru's foreign minister, Ana Ruiz, who has long served as envoy to Bolivia, resigned.",
            "Bolivia",
            true,
        ),
    ] {
        mention_holds(body, name, |m| m.appositive == appositive);
    }
}

#[test]
fn a_finite_verb_after_a_names_comma_opens_the_predicate() {
    // The object's role phrase, closed by the next comma, is a party, not
    // a description of the subject.
    for (body, role, code) in [
        (
            "The envoy of Chile, Ana Ruiz, held talks with Peru's defence minister, who arrived on Monday.",
            "Peru's defence minister",
            "PERGOV",
        ),
        (
            "Peru's foreign minister, Luis Soto, met the Bolivian ambassador, as planned.",
            "Bolivian ambassador",
            "BOLGOV",
        ),
    ] {
        mention_holds(body, role, |m| m.code == code && !m.appositive);
    }
}

#[test]
fn a_name_after_a_role_of_a_country_takes_its_code() {
    for (body, name, code) in [
        (
            "Chile's minister met the Foreign Minister of Peru, Jorge Prado, on Monday.",
            "Jorge Prado",
            "PERGOV",
        ),
        (
            "Lima received the Ambassador of the Republic of Chile, Eva Mora, for talks.",
            "Eva Mora",
            "CHLGOV",
        ),
    ] {
        mention_holds(body, name, |m| m.code == code);
    }
}

#[test]
fn where_a_person_is_is_no_role() {
    // "who is in X" only places the person: no role, so no code from the
    // government named later in the clause.
    for (body, name) in [
        (
            "Jorge Prado, who is in Santiago on a visit at the invitation of the Chilean government, met reporters.",
            "Jorge Prado",
        ),
        (
            "Eva Mora, currently in Peru for talks with government officials, left on Friday.",
            "Eva Mora",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert!(ms.iter().all(|m| m.text != name), "{body}: {ms:?}");
    }
}

#[test]
fn a_cited_news_outlet_engages_no_pair() {
    // "both countries" are the two the story engages, not the outlet's.
    for (body, outlet) in [
        (
            "Ghana closed its border with Togo. Ghana's minister told AFP that Togo had started it. The AU appealed to both countries to talk.",
            "AFP",
        ),
        (
            "Chad shelled a Sudanese post. According to Reuters, Sudan recalled its envoy. The UN urged both countries to show restraint.",
            "Reuters",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        let mut both: Vec<&str> = ms
            .iter()
            .filter(|m| m.text == "both countries")
            .map(|m| m.country.as_deref().unwrap_or_default())
            .collect();
        both.sort_unstable();
        assert!(
            both.len() == 2
                && ms.iter().any(|m| m.text == outlet)
                && !both.contains(&"FRA")
                && !both.contains(&"GBR"),
            "{body}: {ms:?}"
        );
    }
}

#[test]
fn an_outsiders_role_in_a_country_is_not_its() {
    for (body, role) in [
        (
            "A Western diplomat in Lima said the talks had failed.",
            "diplomat in Lima",
        ),
        (
            "A western envoy in Accra said Togo had closed the border.",
            "envoy in Accra",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert!(ms.iter().all(|m| !m.text.contains(role)), "{body}: {ms:?}");
    }
}

#[test]
fn a_participle_phrase_after_a_name_still_describes() {
    // "held by …" is no predicate: its actors only describe the person.
    let body = "Peru's envoy, Ana Ruiz, welcomed by Bolivian officials, spoke in La Paz.";
    let ms = resolve_on(body, "2024-03-10");
    let officials = ms.iter().find(|m| m.text.contains("Bolivian officials"));
    assert!(officials.is_none_or(|m| m.appositive), "{body}: {ms:?}");
}

#[test]
fn the_adjective_of_a_split_state_names_no_heir_after_former() {
    // "Yugoslav" is Serbia's (as "Yugoslavia" is), except after "former".
    for (body, text, want) in [
        (
            "Yugoslav gunboats patrolled the lake near Ohrid.",
            "Yugoslav gunboats",
            Some("SRBMIL"),
        ),
        (
            "Slovenia, a former Yugoslav republic, joined the euro zone.",
            "Yugoslav",
            None,
        ),
        (
            "Envoys from ex-Yugoslav states met in Skopje.",
            "Yugoslav",
            None,
        ),
    ] {
        let ms = resolve_on(body, "1999-05-10");
        let got = ms
            .iter()
            .find(|m| m.text.contains(text))
            .map(|m| m.code.as_str());
        assert_eq!(got, want, "{body}: {ms:?}");
    }
}

#[test]
fn they_takes_a_group_joined_by_and_his() {
    for (body, want) in [
        (
            "Kenya's foreign minister and his Somali counterpart shook hands as they met in Nairobi.",
            ["KENGOV", "SOMGOV"],
        ),
        (
            "Chile's president and her Peruvian counterpart smiled as they signed the pact.",
            ["CHLGOV", "PERGOV"],
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        let they = code_of(&ms, "they");
        assert!(want.iter().all(|w| they.contains(w)), "{body}: {ms:?}");
    }
}

#[test]
fn a_lone_role_takes_the_first_country_its_sentence_names() {
    for (body, role, want) in [
        (
            "Peru closed its embassy in Bolivia on Monday, a step the government took after weeks of insults.",
            "government",
            "PERGOV",
        ),
        (
            "Ghana expelled two diplomats from Togo, whom the ministry accused of spying.",
            "ministry",
            "GHAGOV",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert_eq!(code_of(&ms, role), [want], "{body}: {ms:?}");
    }
}

#[test]
fn a_title_before_an_unknown_name_keeps_the_country_of_the_same_role_just_before() {
    for (body, name, want) in [
        (
            "Peru recalled its envoy from Bolivia, a move the president defended. President Ana Torres also criticised Bolivian officials.",
            "Ana Torres",
            "PERGOV",
        ),
        (
            "Ghana shut its border with Togo, which the minister called overdue. Minister Kofi Mensah then blamed Togolese smugglers.",
            "Kofi Mensah",
            "GHAGOV",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert_eq!(code_of(&ms, name), [want], "{body}: {ms:?}");
    }
}

#[test]
fn a_possessive_before_a_state_relation_names_no_actor() {
    for (body, named, gone) in [
        (
            "Kenya's neighbour Somalia recalled its envoy.",
            "Somalia",
            "Kenya",
        ),
        (
            "Editors in Chad's ally France praised the troops.",
            "France",
            "Chad",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert!(ms.iter().any(|m| m.text.ends_with(named)), "{body}: {ms:?}");
        assert!(!ms.iter().any(|m| m.text.contains(gone)), "{body}: {ms:?}");
    }
    // With no name after the relation, the possessor stays.
    for body in [
        "Kenya's neighbours closed their borders.",
        "Kenya's neighbours Tuesday closed their borders.",
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert_eq!(code_of(&ms, "Kenya"), ["KEN"], "{ms:?}");
    }
}

#[test]
fn a_name_after_a_title_and_its_post_takes_the_title() {
    for (body, name, want) in [
        (
            "The Chilean Ambassador to the UN, Marta Rojas, spoke first.",
            "Marta Rojas",
            "CHLGOV",
        ),
        // A name opening with a letter of two bytes.
        (
            "The Mexican Ambassador to the UN, Ángel Gurría, spoke first.",
            "Ángel Gurría",
            "MEXGOV",
        ),
        (
            "Kenya's envoy for Somalia, Peter Kamau, left on Monday.",
            "Peter Kamau",
            "KENGOV",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert_eq!(code_of(&ms, name), [want], "{body}: {ms:?}");
    }
}

#[test]
fn a_sea_or_a_river_before_a_comma_is_described_by_no_role() {
    for (body, place) in [
        (
            "Laos cannot stop Thailand from damming the Mekong River, judges at the tribunal \
             ruled on Monday.",
            "Mekong River",
        ),
        (
            "Iran may not drill in the Caspian Sea, judges in The Hague ruled on Monday.",
            "Caspian Sea",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        assert!(ms.iter().all(|m| m.text != place), "{body}: {ms:?}");
        assert!(!ms.is_empty(), "{body}");
    }
}

#[test]
fn members_of_a_named_organisation_take_its_code() {
    for (body, role) in [
        (
            "Judges at the International Court of Justice ruled against Colombia on Monday.",
            "Judges",
        ),
        (
            "Lawyers for Chile spoke first. Officials at the World Bank then questioned Chilean \
             ministers.",
            "Officials",
        ),
    ] {
        mention_holds(body, role, |m| m.code.starts_with("IGO"));
    }
    // Those only at it, or at a place of its, are not its staff.
    for body in [
        "Protesters at the European Union's office in Tbilisi denounced Russia.",
        "Diplomats at the United Nations accused Russia of lying.",
    ] {
        let ms = resolve_on(body, "2024-03-10");
        let first = body.split(' ').next().unwrap();
        assert!(
            ms.iter()
                .all(|m| m.text != first || !m.code.starts_with("IGO")),
            "{body}: {ms:?}"
        );
    }
    // A sentence naming its own country keeps the role there.
    let body = "Officials at the World Bank approved a loan for Kenya. In Uganda, officials \
                protested.";
    let ms = resolve_on(body, "2024-03-10");
    assert!(
        ms.iter()
            .any(|m| m.text == "officials" && m.code.starts_with("UGA")),
        "{body}: {ms:?}"
    );
}

#[test]
fn the_same_role_again_is_still_the_organisations() {
    for body in [
        "Judges at the International Court of Justice heard Bolivia on Monday. Judges rejected \
         every ground the Bolivian lawyers gave.",
        "Officials from the World Bank arrived in Nairobi. Officials later visited a Kenyan dam \
         near Thika.",
    ] {
        let ms = resolve_on(body, "2024-03-10");
        let role = body.split(' ').next().unwrap();
        let codes = code_of(&ms, role);
        assert_eq!(codes.len(), 2, "{body}: {ms:?}");
        assert!(codes.iter().all(|c| c.starts_with("IGO")), "{body}: {ms:?}");
    }
}

#[test]
fn an_acronym_defined_in_brackets_names_its_actor_again() {
    for (body, acronym, root) in [
        (
            "Border Police Kenya (BPK) stopped a Somali truck on Monday. The BPK crew later let \
             it go.",
            "BPK",
            "KEN",
        ),
        (
            "Coast Guard Ghana (CGG) boarded a Togolese trawler. Togo said the CGG crew had no \
             right to board it.",
            "CGG",
            "GHA",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        let again: Vec<&Mention> = ms
            .iter()
            .filter(|m| m.text == acronym && m.sentence == 1)
            .collect();
        assert!(
            again.len() == 1 && again[0].code.starts_with(root),
            "{body}: {ms:?}"
        );
    }
    // The last word of a longer name is not what the acronym abbreviates.
    let body = "The Liberation Front of Chad (LFC) raided a Sudanese camp. Sudan said the LFC had \
                to leave.";
    let ms = resolve_on(body, "2024-03-10");
    assert!(
        ms.iter()
            .all(|m| m.text != "LFC" || !m.code.starts_with("TCD")),
        "{body}: {ms:?}"
    );
}

#[test]
fn a_superlative_between_a_possessor_and_its_forces_keeps_them_its() {
    mention_holds(
        "India's largest warship docked in Colombo on Monday.",
        "India's largest warship",
        |m| m.code == "INDMIL",
    );
    mention_holds(
        "Japan's newest destroyer sailed past the islands.",
        "Japan's newest destroyer",
        |m| m.code == "JPNMIL",
    );
}

#[test]
fn a_title_before_given_names_the_dictionary_spells_otherwise_is_the_persons() {
    // The context is another country's; the title is the person's.
    mention_holds(
        "Pakistani troops shelled a village. President Emmanuel Jean-Michel Macron condemned \
         the attack.",
        "President",
        |m| m.code == "FRAGOV",
    );
    mention_holds(
        "Chinese ships entered the shoal. Chancellor Angela Dorothea Merkel protested.",
        "Chancellor",
        |m| m.code == "DEUGOV",
    );
}

#[test]
fn a_description_with_a_name_in_apposition_refers_to_the_name_not_back() {
    // The description takes no earlier armed group's code: it is either no
    // mention or the named body's.
    for (body, description, named) in [
        (
            "Shabaab militants ambushed a convoy near Mogadishu. Days later the biggest armed \
             movement, the Taliban, denied any link.",
            "biggest armed movement",
            "Taliban",
        ),
        (
            "Houthi rebels fired on a tanker. The largest armed faction, the Yemeni army, said \
             it would respond.",
            "largest armed faction",
            "Yemeni army",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-01");
        let code = code_of(&ms, named);
        assert_eq!(code.len(), 1, "{body}: {ms:?}");
        let own = code_of(&ms, description);
        assert!(own.is_empty() || own == code, "{body}: {ms:?}");
    }
}

#[test]
fn an_object_him_is_not_the_subject_of_its_own_verb() {
    let body = "Modi met Nawaz Sharif in Lahore. Modi told him the talks would go on.";
    let ms = resolve_on(body, "1999-05-25");
    assert_eq!(code_of(&ms, "him"), ["PAKGOV"], "{ms:?}");
    let body = "Ruto hosted Museveni on Monday. Later Ruto thanked him for the visit.";
    let ms = resolve_on(body, "2020-05-25");
    assert_eq!(code_of(&ms, "him"), ["UGAGOV"], "{ms:?}");
    // One that may be the object's: "met Museveni and thanked him".
    let body = "Kenya's president met Museveni and thanked him for the aid.";
    let ms = resolve_on(body, "2020-05-25");
    assert_eq!(code_of(&ms, "him"), ["UGAGOV"], "{ms:?}");
}

#[test]
fn a_speakers_pronoun_after_a_quotation_is_the_last_subject() {
    // Not the person the quotation or the last sentence's object names.
    let body = "Colombian President Gustavo Petro rebuked Venezuelan commander Luis Mora on \
                Monday. \"The commander crossed a line,\" he told reporters.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "he"), ["COLGOV"], "{ms:?}");
    let body = "Japan's prime minister Fumio Kishida received China's envoy Wu Jianghao. \
                Tokyo, he told lawmakers on Friday, would not yield on the islands.";
    let ms = resolve_on(body, "2024-03-01");
    assert_eq!(code_of(&ms, "he"), ["JPNGOV"], "{ms:?}");
}

#[test]
fn it_before_a_speech_verb_after_a_quotation_is_the_leading_body() {
    // The body that leads the sentence before, after a conjunction too.
    for (body, want) in [
        (
            "Kenya blamed Somalia for the raid. But Ethiopia disputed that account. \
             \"The raid came from the north,\" it said.",
            "ETH",
        ),
        (
            "Chile asked Peru for an inquiry. \"We will share the radar data,\" it added.",
            "CHL",
        ),
    ] {
        let ms = resolve_on(body, "2024-03-10");
        let it = ms.iter().find(|m| m.text == "it");
        assert!(
            it.is_some_and(|m| m.code == want && m.via == Via::Coreference),
            "{body}: {ms:?}"
        );
    }
    // Inside a clause, or before a verb other than one of speech, it is
    // not resolved this way.
    let body = "Chile asked Peru for an inquiry. \"We will share the data,\" it seems.";
    let ms = resolve_on(body, "2024-03-10");
    assert!(!ms.iter().any(|m| m.text == "it"), "{ms:?}");
}
