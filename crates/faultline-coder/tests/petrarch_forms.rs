//! What PETRARCH-2 verb patterns say beyond their words, coded through a
//! small dictionary of our own with faultline's default actors: codes that
//! hold both ways (`[040:040]`), coordinated subjects (`- % *`), the
//! source's slot after the verb (`$`), head nouns in the plural, noun
//! phrases before the verb, words of the verb's own clause, a preposition
//! the pattern names, places as targets (PETRARCH's option), passives
//! behind adverbs, verbs spelt as written, commas between adjectives and
//! pattern lines that lost their dash. Each rule has two sentences.

use std::path::Path;

use chrono::NaiveDate;
use faultline_coder::{Coder, petrarch, verbs::VerbDict};

const DICT: &str = "\
&TIE
+TRADE
+MILITARY

####### VERB PATTERNS #######

--- MEET [040:040] ---
MEET {MEETS MET MEETING}

--- LEAVE [012] ---
LEAVE {LEAVES LEFT LEAVING}

--- LEFT [040:040] ---
LEFT

--- POSTPONE [014] ---
POSTPONE
DELAY
- % * [120]

--- RECEIVE [033] ---
RECEIVE
- + * FUNDING $ [071]
- + * (FROM $) [070]

--- ABANDON [345] ---
ABANDON
- * EFFORT [080]
- * {&TIE PACT} [081]

--- RISE [---] ---
RISE {RISES ROSE RISEN RISING}
- {DEATH TOLL} * [190]

--- ALLOW [080] ---
ALLOW
- * {THE SAFEST HAVEN} [027]

--- WELCOME [050] ---
WELCOME
- * NEWS (ABOUT) [915]

--- VISIT [042] ---
VISIT
ARRIVE

--- OPPOSE [110] ---
OPPOSE
CRITICIZE

--- RESTORE [050] ---
RESTORE

--- SETTLE [039] ---
SETTLE
- {BORDER DISPUTE} * [039]

--- QUESTION [---] ---
DOUBT
* (OVER TIES) [110]
";

fn coder(place_targets: bool) -> Coder {
    let mut verbs = VerbDict::new();
    let stats = petrarch::load_petrarch_verbs(&mut verbs, DICT, Path::new("forms.txt"));
    assert_eq!(stats.errors, 0, "{:?}", verbs.errors);
    let mut actors = faultline_actors::Actors::defaults().expect("default actors");
    actors.context_countries = false;
    let mut coder = Coder::new(actors, verbs);
    coder.intent_codes = false;
    coder.codes.recode.kinds.mutual.clear();
    coder.place_targets = place_targets;
    coder
}

fn triples(coder: &Coder, text: &str) -> Vec<String> {
    let date = NaiveDate::from_ymd_opt(2021, 5, 4).unwrap_or_default();
    let mut v: Vec<String> = coder
        .code_triples(text, date)
        .into_iter()
        .map(|(s, t, c)| format!("{s} {t} {c}"))
        .collect();
    v.sort();
    v
}

/// Each sentence codes exactly these events (sorted "SOURCE TARGET CODE").
fn check(coder: &Coder, cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        let got = triples(coder, text);
        let want: Vec<String> = want.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_code_written_both_ways_is_mutual() {
    check(
        &coder(false),
        &[
            ("Peru met Chile on Monday.", &["CHL PER 040", "PER CHL 040"]),
            (
                "Ghana's president met Togo's foreign minister.",
                &["GHAGOV TGOGOV 040", "TGOGOV GHAGOV 040"],
            ),
        ],
    );
}

#[test]
fn a_verb_spelt_as_written_outranks_an_inflected_one() {
    check(
        &coder(false),
        &[
            (
                "Peru's president left for Chile.",
                &["CHL PERGOV 040", "PERGOV CHL 040"],
            ),
            (
                "Kenya left for Uganda on Friday.",
                &["KEN UGA 040", "UGA KEN 040"],
            ),
        ],
    );
}

#[test]
fn coordinated_subjects_of_a_compound_pattern_act_on_one_another() {
    check(
        &coder(false),
        &[
            (
                "Peru and Chile postponed their summit.",
                &["CHL PER 120", "PER CHL 120"],
            ),
            (
                "Ghana and Togo have delayed the border talks.",
                &["GHA TGO 120", "TGO GHA 120"],
            ),
            // One subject: the verb's own code, and no pair.
            ("Peru postponed the summit with Chile.", &["PER CHL 014"]),
        ],
    );
}

#[test]
fn the_actor_in_the_source_slot_is_the_source() {
    check(
        &coder(false),
        &[
            ("Peru received funding from Chile.", &["CHL PER 071"]),
            ("Ghana has received grain from Togo.", &["TGO GHA 070"]),
        ],
    );
}

#[test]
fn a_head_noun_matches_its_plural() {
    check(
        &coder(false),
        &[
            (
                "Peru abandoned efforts to mediate with Chile.",
                &["PER CHL 080"],
            ),
            (
                "Ghana abandoned its military pacts with Togo.",
                &["GHA TGO 081"],
            ),
        ],
    );
}

#[test]
fn a_noun_phrase_before_the_verb_is_asked_for() {
    let c = coder(false);
    check(
        &c,
        &[
            (
                "Peru's death toll rose in the clash with Chile.",
                &["PER CHL 190"],
            ),
            (
                "Ghana's death toll has risen in its feud with Togo.",
                &["GHA TGO 190"],
            ),
            // Without the phrase, the verb codes nothing.
            ("Peru's exports rose in the trade with Chile.", &[]),
        ],
    );
}

#[test]
fn pattern_words_stay_in_the_verbs_own_clause() {
    check(
        &coder(false),
        &[
            (
                "Peru allowed that Chile is the safest haven for investors.",
                &["PER CHL 080"],
            ),
            (
                "Ghana allowed that Togo was not the safest haven.",
                &["GHA TGO 080"],
            ),
            // In the verb's own clause the pattern holds.
            ("Peru allowed Chile the safest haven.", &["PER CHL 027"]),
        ],
    );
}

#[test]
fn an_actor_after_the_patterns_preposition_is_the_target() {
    check(
        &coder(false),
        &[
            ("Peru welcomed news about Chile.", &["PER CHL 915"]),
            (
                "Ghana welcomed the news about Togo on Monday.",
                &["GHA TGO 915"],
            ),
        ],
    );
}

#[test]
fn places_are_targets_only_when_asked() {
    let cases: [(&str, &str); 2] = [
        (
            "The Kenyan president arrived in Uganda on Monday.",
            "KENGOV UGA 042",
        ),
        (
            "Peru's foreign minister arrived in Chile.",
            "PERGOV CHL 042",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(triples(&coder(true), text), vec![want.to_owned()], "{text}");
        assert!(
            triples(&coder(false), text)
                .iter()
                .all(|t| !t.ends_with(" 042") || t.contains("---")),
            "{text}"
        );
    }
}

#[test]
fn a_passive_behind_adverbs_takes_its_agent_as_source() {
    check(
        &coder(false),
        &[
            ("Peru was fiercely opposed by Chile.", &["CHL PER 110"]),
            (
                "Ghana was sharply and publicly criticized by Togo.",
                &["TGO GHA 110"],
            ),
        ],
    );
}

#[test]
fn a_comma_between_adjectives_does_not_end_the_object() {
    check(
        &coder(false),
        &[
            (
                "Peru will restore complete, full ties with Chile.",
                &["PER CHL 050"],
            ),
            (
                "Ghana restored warm, friendly relations with Togo.",
                &["GHA TGO 050"],
            ),
        ],
    );
}

#[test]
fn a_passive_with_be_and_no_agent_names_no_one_acting() {
    check(
        &coder(false),
        &[
            (
                "The border dispute between Peru and Chile was settled.",
                &[],
            ),
            (
                "A border dispute between Ghana and Togo should be settled soon.",
                &[],
            ),
        ],
    );
}

#[test]
fn a_pattern_line_that_lost_its_dash_still_counts() {
    check(
        &coder(false),
        &[
            (
                "Peru doubted Chile over ties with Bolivia.",
                &["PER CHL 110"],
            ),
            ("Ghana doubts Togo over ties with Benin.", &["GHA TGO 110"]),
        ],
    );
}
