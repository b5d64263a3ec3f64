//! Predicates and arguments read off real parses of invented sentences:
//! each construction the coder needs, with two examples.

use faultline_syntax::args::Tree;
use faultline_syntax::{ParsedWord, embedded};
use faultline_text::Span;

fn parse(text: &str) -> Vec<ParsedWord<'static>> {
    embedded()
        .expect("model")
        .parse_span(text, Span::new(0, text.len()))
}

fn find(text: &str, words: &[ParsedWord<'_>], w: &str) -> u32 {
    let i = words
        .iter()
        .position(|x| x.span.slice(text) == w)
        .unwrap_or_else(|| panic!("no word {w:?} in {text:?}"));
    u32::try_from(i).expect("a short sentence")
}

fn word(text: &str, words: &[ParsedWord<'_>], i: Option<u32>) -> String {
    i.map_or_else(
        || "-".to_owned(),
        |i| words[i as usize].span.slice(text).to_owned(),
    )
}

#[test]
fn passive_subject_and_agent() {
    for (text, verb, subject, agent) in [
        (
            "The convoy was attacked by militants near the border.",
            "attacked",
            "convoy",
            "militants",
        ),
        (
            "Two fishing boats were seized by the coast guard.",
            "seized",
            "boats",
            "guard",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let a = t.arguments(find(text, &w, verb));
        assert!(a.passive, "{text}");
        assert_eq!(word(text, &w, a.subject), subject, "{text}");
        assert_eq!(word(text, &w, a.agent), agent, "{text}");
    }
}

#[test]
fn reduced_relatives_are_passive_with_the_noun_as_subject() {
    for (text, verb, subject, agent) in [
        (
            "Critics condemned a law passed by the parliament.",
            "passed",
            "law",
            "parliament",
        ),
        (
            "Diplomats studied the plan drafted by the envoys.",
            "drafted",
            "plan",
            "envoys",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let a = t.arguments(find(text, &w, verb));
        assert!(a.passive && a.subject_inherited, "{text}: {a:?}");
        assert_eq!(word(text, &w, a.subject), subject, "{text}");
        assert_eq!(word(text, &w, a.agent), agent, "{text}");
    }
}

#[test]
fn coordinated_and_controlled_verbs_inherit_the_subject() {
    for (text, verb, subject, object) in [
        (
            "Russia condemned the strike and demanded an inquiry.",
            "demanded",
            "Russia",
            "inquiry",
        ),
        (
            "The ministers met in Oslo and signed a trade pact.",
            "signed",
            "ministers",
            "pact",
        ),
        (
            "Iran agreed to release the sailors.",
            "release",
            "Iran",
            "sailors",
        ),
        (
            "The rebels promised to free the hostages.",
            "free",
            "rebels",
            "hostages",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let a = t.arguments(find(text, &w, verb));
        assert!(a.subject_inherited, "{text}: {a:?}");
        assert_eq!(word(text, &w, a.subject), subject, "{text}");
        assert_eq!(word(text, &w, a.objects.first().copied()), object, "{text}");
    }
}

#[test]
fn relative_clauses_take_the_modified_noun() {
    for (text, verb, subject) in [
        (
            "The troops that crossed the border were withdrawn.",
            "crossed",
            "troops",
        ),
        (
            "Officials who visited the camp described the conditions.",
            "visited",
            "Officials",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let a = t.arguments(find(text, &w, verb));
        // the relative pronoun is the clause's own subject; the noun it
        // stands for is its head
        let own = word(text, &w, a.subject);
        let head = word(text, &w, t.head(find(text, &w, verb)));
        assert!(own == subject || head == subject, "{text}: {own} / {head}");
    }
}

#[test]
fn negation_and_obliques() {
    for text in [
        "The minister did not sign the treaty.",
        "Beijing never confirmed the visit.",
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let verb = t.predicates().into_iter().next().expect("a predicate");
        assert!(t.arguments(verb).negation.is_some(), "{text}");
    }
    for (text, verb, noun, case) in [
        (
            "Protesters gathered outside the embassy on Friday.",
            "gathered",
            "embassy",
            "outside",
        ),
        (
            "The delegation arrived in Seoul late on Monday.",
            "arrived",
            "Seoul",
            "in",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let a = t.arguments(find(text, &w, verb));
        let ob = a
            .obliques
            .iter()
            .find(|o| word(text, &w, Some(o.word)) == noun)
            .expect("the oblique");
        assert_eq!(word(text, &w, ob.case), case, "{text}");
    }
}

#[test]
fn possessors_conjuncts_and_phrase_spans() {
    let text = "Ships from Japan, Australia and India joined the exercise.";
    let w = parse(text);
    let t = Tree::new(text, &w);
    let conj: Vec<String> = t
        .conjuncts(find(text, &w, "Australia"))
        .into_iter()
        .map(|i| word(text, &w, Some(i)))
        .collect();
    assert_eq!(conj, ["Japan", "Australia", "India"]);
    assert_eq!(
        t.phrase(find(text, &w, "Ships")).slice(text),
        "Ships from Japan, Australia and India"
    );
    for (text, noun, owner) in [
        (
            "Germany's defence minister met the envoy.",
            "minister",
            "Germany",
        ),
        (
            "Officials praised the navy's rescue of the crew.",
            "rescue",
            "navy",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        assert_eq!(
            word(text, &w, t.possessor(find(text, &w, noun))),
            owner,
            "{text}"
        );
    }
}

#[test]
fn an_infinitive_of_purpose_takes_the_served_clause_subject() {
    for (text, verb, subject) in [
        (
            "The ministry summoned the ambassador on Friday to protest the arrests.",
            "protest",
            "ministry",
        ),
        (
            "The envoy flew to Cairo last week to discuss the dam.",
            "discuss",
            "envoy",
        ),
    ] {
        let w = parse(text);
        let t = Tree::new(text, &w);
        let a = t.arguments(find(text, &w, verb));
        assert_eq!(word(text, &w, a.subject), subject, "{text}");
        assert!(a.subject_inherited, "{text}");
    }
}
