//! Persons the text introduces and names again: a name the dictionaries do
//! not know, given a country and a role by a title or an apposition
//! ("Kenyan opposition leader Odhiambo Wekesa", "Tunde Bakare, Nigeria's
//! defence minister"), is remembered for the rest of the document
//! ([`Persons`], kept in the `State`) when the sentence names that
//! country or organisation itself (not when only the context gave it). Later, the same full name, or the
//! surname alone, takes the code of the introduction (via `introduced`).
//!
//! A surname stands alone only when no other introduced person has it, it
//! is no dictionary phrase ("Jordan", "Paris") and the text around the
//! introduction never writes it in lower case (a common word: "Young",
//! "Rice"). A name glued to another capitalised word that is no role word
//! ("Said Wekesa", "Wekesa Street") is someone or something else.

use std::collections::HashMap;

use faultline_text::TokenKind;

use super::mention::AtomKind;
use super::titles::is_name_token;
use super::{Mention, Sentence, Via};
use crate::code;
use crate::lexicon::lex;

/// How far around an introduction a surname is looked for in lower case, in
/// bytes (bounded, so a long document stays linear).
const COMMON_WINDOW: usize = 8 * 1024;

/// A person the text introduced.
#[derive(Debug, Clone)]
struct Person {
    /// The name as first written ("Odhiambo Wekesa").
    name: String,
    /// The mention that introduced the person (its code and role).
    intro: Mention,
}

/// The persons introduced so far in a document, indexed by the first word
/// of their name and by surname.
#[derive(Debug, Default)]
pub(super) struct Persons {
    people: Vec<Person>,
    by_first: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
}

impl Persons {
    /// Remembers the person `m` introduces, when it introduces one: a name
    /// the dictionaries do not know, coded from a title or an apposition. A
    /// name introduced again takes its latest role.
    pub fn introduce(&mut self, cx: &Sentence<'_>, m: &Mention) {
        let known_person = from_people_dictionary(m);
        if !(known_person || introduces(m) && named_with_its_actor(cx, m)) {
            return;
        }
        let first = first_word(&m.text).to_owned();
        let known = self
            .by_first
            .get(&first)
            .and_then(|ks| ks.iter().copied().find(|&k| self.people[k].name == m.text));
        if let Some(k) = known {
            self.people[k].intro = m.clone();
            return;
        }
        let k = self.people.len();
        for s in lone_surnames(cx, m) {
            self.by_surname.entry(s).or_default().push(k);
        }
        self.by_first.entry(first).or_default().push(k);
        self.people.push(Person {
            name: m.text.clone(),
            intro: m.clone(),
        });
    }

    /// The person whose full name (two words or more) starts at `start`,
    /// the latest introduced first; with where the name ends.
    fn full_name_at(
        &self,
        body: &str,
        start: usize,
        word: &str,
        limit: usize,
    ) -> Option<(usize, &Person)> {
        self.by_first.get(word)?.iter().rev().find_map(|&k| {
            let p = &self.people[k];
            let end = start + p.name.len();
            (p.name.contains(' ')
                && end <= limit
                && body[start..].starts_with(&p.name)
                && !body[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric))
            .then_some((end, p))
        })
    }

    /// True when `word` is the surname of exactly one introduced person.
    pub fn knows_surname(&self, word: &str) -> bool {
        self.by_surname(word).is_some()
    }

    /// The one person with surname `word`; none when two introduced persons share it.
    fn by_surname(&self, word: &str) -> Option<&Person> {
        match self.by_surname.get(word)?.as_slice() {
            [k] => Some(&self.people[*k]),
            _ => None,
        }
    }
}

/// True when a mention introduces a person: an unknown name (capitalised
/// name words only) coded with a country or organisation from its title or
/// apposition.
fn introduces(m: &Mention) -> bool {
    let words: Vec<&str> = m.text.split_whitespace().collect();
    m.person
        && m.via == Via::Apposition
        && m.entry.is_none()
        && !m.appositive
        && m.country.as_deref().is_some_and(|c| c != "---")
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| is_name_token(w))
}

/// True when `m` names a person of the people dictionaries in full (two
/// words or more, "Lloyd J. Austin III"): named again by surname alone
/// ("Austin told reporters"), it is the same person.
fn from_people_dictionary(m: &Mention) -> bool {
    m.person
        && !m.appositive
        && m.text.split_whitespace().count() >= 2
        && m.entry.as_deref().is_some_and(|e| e.starts_with("people/"))
        && m.text.split_whitespace().all(is_name_token)
}

/// True when the sentence names the person's country or organisation
/// itself, before the name ("Kenyan opposition leader X", "a Brazilian
/// delegation; Deputy X") or in its apposition ("X, Nigeria's defence
/// minister"): a title whose country only the context gave ("Army Gen. X"
/// after a sentence about a foreign army) introduces no one to remember.
fn named_with_its_actor(cx: &Sentence<'_>, m: &Mention) -> bool {
    let rest = &cx.body[m.end..cx.s.end];
    let clause_end = rest.strip_prefix(',').map_or(m.end, |r| {
        r.find([',', ';', '(', ')'])
            .map_or(cx.s.end, |p| m.end + 1 + p)
    });
    cx.atoms.iter().any(|a| {
        let root = a
            .code
            .as_deref()
            .and_then(|c| code::split(c).0)
            .or(a.country.as_deref());
        a.kind != AtomKind::Sector
            && (a.end <= m.start || (a.start >= m.end && a.end <= clause_end))
            && root.is_some()
            && root == m.country.as_deref()
    })
}

/// The first word of a name.
fn first_word(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// The words of an introduced name that may stand for the person alone:
/// the last word, before a generational suffix ("Austin" of "Lloyd J.
/// Austin III"), and, for a person of a country that writes the family
/// name first ("Premier Li Keqiang" … "Li said"), the first word too.
fn lone_surnames(cx: &Sentence<'_>, m: &Mention) -> Vec<String> {
    let words: Vec<&str> = m
        .text
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    let mut out = Vec::new();
    if let Some(last) = words.iter().rfind(|w| !lex().name_suffixes.contains(w)) {
        out.extend(lone_word(cx, m, last, 3));
    }
    let family_first = m
        .country
        .as_deref()
        .is_some_and(|c| lex().family_name_first.contains(c));
    if family_first && words.len() >= 2 {
        out.extend(lone_word(cx, m, words[0], 2));
    }
    out
}

/// `word` of an introduced name, when it may stand for the person alone:
/// a capitalised word of `min_len` letters or more that is no dictionary
/// phrase and no common word.
fn lone_word(cx: &Sentence<'_>, m: &Mention, word: &str, min_len: usize) -> Option<String> {
    let plain = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    let ok = plain
        && word.chars().count() >= min_len
        && word.chars().next().is_some_and(char::is_uppercase)
        && !lex().not_names.contains(word)
        && cx.dict.find(word).is_empty()
        && !written_in_lower_case(cx.body, m, word);
    ok.then(|| word.to_owned())
}

/// True when the text around a mention (`COMMON_WINDOW` either side) has
/// `word` in lower case as a word of its own: a common word, not only a name.
fn written_in_lower_case(body: &str, m: &Mention, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return true;
    }
    let lo = body.floor_char_boundary(m.start.saturating_sub(COMMON_WINDOW));
    let hi = body.ceil_char_boundary(m.end.saturating_add(COMMON_WINDOW).min(body.len()));
    let around = &body[lo..hi];
    around.match_indices(&lower).any(|(at, _)| {
        let before = around[..at].chars().next_back();
        let after = around[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The names of introduced persons in the sentence, in full or by surname,
/// where no atom or other mention stands: each takes the code and role of
/// the introduction (via `introduced`).
pub(super) fn named_again(
    cx: &Sentence<'_>,
    persons: &Persons,
    mentions: &[Mention],
) -> Vec<Mention> {
    let mut out = Vec::new();
    if persons.people.is_empty() {
        return out;
    }
    let toks = &cx.tokens;
    let mut from = cx.s.start;
    for (ti, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || t.span.start < from {
            continue;
        }
        let start = t.span.start;
        let word = without_possessive(&cx.body[start..t.span.end]);
        if !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let full = persons.full_name_at(cx.body, start, word, cx.s.end);
        let Some((end, p)) =
            full.or_else(|| persons.by_surname(word).map(|p| (start + word.len(), p)))
        else {
            continue;
        };
        if taken(cx, mentions, start, end) || glued_to_a_name(cx, toks, ti, end, full.is_none()) {
            continue;
        }
        out.push(Mention {
            role: p.intro.role.clone(),
            person: true,
            ..cx.mention(start, end, p.intro.code.clone(), Via::Introduced)
        });
        from = end;
    }
    out
}

/// A word without its possessive "'s".
pub(super) fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// True when an atom or a mention already covers part of `start..end`.
fn taken(cx: &Sentence<'_>, mentions: &[Mention], start: usize, end: usize) -> bool {
    cx.atoms.iter().any(|a| a.start < end && a.end > start)
        || mentions.iter().any(|m| m.start < end && m.end > start)
}

/// True when the name at token `ti`, ending at `end`, is glued to another
/// capitalised name word that is no role word or title: "Wekesa Street",
/// or, for a surname alone (`lone`), "Said Wekesa", is not the person
/// introduced as "Odhiambo Wekesa" (a full name may follow a capitalised
/// word: "On Monday Odhiambo Wekesa said").
fn glued_to_a_name(
    cx: &Sentence<'_>,
    toks: &[faultline_text::Token],
    ti: usize,
    end: usize,
    lone: bool,
) -> bool {
    let name_word = |t: &faultline_text::Token| {
        let w = &cx.body[t.span.start..t.span.end];
        t.kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && is_name_token(w)
            && !cx
                .atoms
                .iter()
                .any(|a| a.start <= t.span.start && a.end >= t.span.end)
    };
    let before = ti.checked_sub(1).and_then(|p| toks.get(p));
    let after = toks.iter().skip(ti).find(|t| t.span.start >= end);
    // "Mr Santos" is the person introduced as "Juan Manuel Santos".
    let courtesy = |t: &faultline_text::Token| {
        lex()
            .courtesy_titles
            .contains(&cx.body[t.span.start..t.span.end])
    };
    (lone && before.is_some_and(|t| name_word(t) && !courtesy(t)))
        || after.is_some_and(|t| cx.body[end..t.span.start].trim().is_empty() && name_word(t))
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use chrono::NaiveDate;

    use crate::{Actors, Mention, SentenceRef, Via};

    static ACTORS: LazyLock<Option<Actors>> = LazyLock::new(|| Actors::defaults().ok());

    /// The mentions of `body`, each checked to slice the body.
    fn resolved(body: &str) -> Vec<Mention> {
        let date = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap_or_default();
        let sentences: Vec<SentenceRef> = SentenceRef::all_of(body, date);
        let Some(actors) = ACTORS.as_ref() else {
            panic!("the default dictionaries load");
        };
        let ms = actors.resolve(body, &sentences);
        for m in &ms {
            assert_eq!(&body[m.start..m.end], m.text);
        }
        ms
    }

    /// (code, via) of the mentions whose text is `text`, in sentence `si`.
    fn found(ms: &[Mention], si: usize, text: &str) -> Vec<(String, Via)> {
        ms.iter()
            .filter(|m| m.sentence == si && m.text == text)
            .map(|m| (m.code.clone(), m.via))
            .collect()
    }

    #[test]
    fn a_predicate_after_a_name_is_no_apposition() {
        // The clause after the comma is what the spokesperson said, up to a
        // quotation: its countries are actors, not her description.
        for body in [
            "A ministry spokeswoman, Ana Ruiz, indicated Chile was pleased by the Peruvian Senate's vote: \"a good day,\" she said.",
            "An embassy aide, Tomas Berg, noted Norway was worried by the Danish cabinet's plan: \"We wait,\" he said.",
        ] {
            let ms = resolved(body);
            assert!(
                ms.iter().filter(|m| !m.person).all(|m| !m.appositive),
                "{ms:?}"
            );
            assert!(
                ms.iter()
                    .any(|m| m.text.ends_with("Senate") || m.text.ends_with("cabinet")),
                "{ms:?}"
            );
        }
    }

    #[test]
    fn a_title_with_a_country_codes_an_unknown_name() {
        let ms = resolved("Chilean Deputy Rosa Quintana opened the hearing.");
        assert_eq!(
            found(&ms, 0, "Rosa Quintana"),
            [("CHLLEG".into(), Via::Apposition)]
        );
        let ms = resolved("The Peruvian deputy foreign minister, Ana Villca, landed in Quito.");
        assert_eq!(
            found(&ms, 0, "Ana Villca"),
            [("PERGOV".into(), Via::Apposition)]
        );
        // A non-state title gives no government sector.
        let ms = resolved("Egyptian professor Samir Hanna doubted the figures.");
        assert_eq!(
            found(&ms, 0, "Samir Hanna"),
            [("EGYEDU".into(), Via::Apposition)]
        );
        // A deputy of a title that is no role word is no legislator.
        let ms = resolved("Deputy Director Omar Saleh of Jordan left.");
        assert!(
            ms.iter().all(|m| m.sector.as_deref() != Some("LEG")),
            "{ms:?}"
        );
    }

    #[test]
    fn an_introduced_person_keeps_the_code_by_full_name_or_surname() {
        let ms = resolved(
            "Ghanaian opposition leader Kwesi Mensah criticised the budget. \
             Mensah later met Nigerian officials.",
        );
        assert_eq!(
            found(&ms, 1, "Mensah"),
            [("GHAOPP".into(), Via::Introduced)]
        );
        let ms = resolved(
            "Farid Haddad, Lebanon's energy minister, flew to Cyprus. \
             On Monday Farid Haddad signed the deal. Haddad's aides said little.",
        );
        assert_eq!(
            found(&ms, 1, "Farid Haddad"),
            [("LBNGOV".into(), Via::Introduced)]
        );
        assert_eq!(
            found(&ms, 2, "Haddad"),
            [("LBNGOV".into(), Via::Introduced)]
        );
    }

    #[test]
    fn a_courtesy_title_before_a_surname_names_the_person_introduced() {
        for (body, name, code) in [
            (
                "Ghanaian opposition leader Kwesi Mensah criticised the budget. \
                 Togo's president received Mr Mensah in Lome.",
                "Mensah",
                "GHAOPP",
            ),
            (
                "Farida Haddad, Lebanon's energy minister, flew to Cyprus. \
                 Cypriot officials thanked Ms Haddad for the visit.",
                "Haddad",
                "LBNGOV",
            ),
        ] {
            let ms = resolved(body);
            assert_eq!(
                found(&ms, 1, name),
                [(code.into(), Via::Introduced)],
                "{body}"
            );
        }
        // A capitalised word that is no courtesy title still makes another name.
        let ms = resolved(
            "Ghanaian opposition leader Kwesi Mensah criticised the budget. \
             Reporters asked Ama Mensah about it.",
        );
        assert!(found(&ms, 1, "Mensah").is_empty(), "{ms:?}");
    }

    #[test]
    fn pronouns_refer_to_a_person_named_again() {
        let ms = resolved(
            "Kenyan envoy Grace Wanjiru arrived in Kampala. Wanjiru met the press. \
             She praised Uganda.",
        );
        assert_eq!(found(&ms, 2, "She"), [("KENGOV".into(), Via::Coreference)]);
        let ms = resolved(
            "The Malian defence minister, Ibrahim Keita Diarra, visited Niger. \
             Diarra toured a base. He thanked the troops.",
        );
        assert_eq!(found(&ms, 2, "He"), [("MLIGOV".into(), Via::Coreference)]);
    }

    #[test]
    fn an_unsure_surname_is_not_taken() {
        // Two persons share the surname: only full names resolve.
        let ms = resolved(
            "Kenyan minister Peter Otieno met Ugandan envoy Sarah Otieno. \
             Otieno spoke first. Sarah Otieno spoke next.",
        );
        assert!(found(&ms, 1, "Otieno").is_empty(), "{ms:?}");
        assert_eq!(
            found(&ms, 2, "Sarah Otieno"),
            [("UGAGOV".into(), Via::Introduced)]
        );
        // A common word, and a name glued to another name word.
        let ms = resolved(
            "Andrew Young, a British lawmaker, spoke to young voters. Young voters cheered. \
             Later Ama Young sang.",
        );
        assert!(
            ms.iter()
                .all(|m| m.sentence == 0 || m.via != Via::Introduced),
            "{ms:?}"
        );
        // A surname that is a dictionary phrase keeps its dictionary code.
        let ms = resolved("Chilean deputy Carlos Santiago resigned. Santiago protested.");
        assert_eq!(
            found(&ms, 1, "Santiago"),
            [("CHLGOV".into(), Via::Dictionary)]
        );
    }

    #[test]
    fn a_member_of_an_organisation_keeps_its_code() {
        let ms = resolved(
            "Iraq denied it. Anne Dufour, a UN rapporteur for prisons, urged restraint. \
             Dufour criticised Iraq.",
        );
        assert_eq!(
            found(&ms, 1, "Anne Dufour"),
            [("IGOUNO".into(), Via::Apposition)]
        );
        assert_eq!(
            found(&ms, 2, "Dufour"),
            [("IGOUNO".into(), Via::Introduced)]
        );
        let ms =
            resolved("Turkey protested. Peter Brandt, an EU spokesman, said talks would go on.");
        assert_eq!(
            found(&ms, 1, "Peter Brandt"),
            [("IGOEEU".into(), Via::Apposition)]
        );
    }

    #[test]
    fn a_title_coded_by_the_context_alone_is_not_remembered() {
        // "Secretary" takes the context's country: the text never says whose
        // secretary Jon Hale is, so "Hale" alone stays unresolved.
        let ms = resolved(
            "Ukrainian troops trained in Poland. Secretary Jon Hale watched. Hale then left.",
        );
        assert_eq!(found(&ms, 1, "Jon Hale").len(), 1, "{ms:?}");
        assert!(found(&ms, 2, "Hale").is_empty(), "{ms:?}");
        let ms = resolved("Talks with Peru went on. Envoy Ruth Ames arrived. Ames spoke.");
        assert!(found(&ms, 2, "Ames").is_empty(), "{ms:?}");
    }

    #[test]
    fn a_relation_or_a_thing_introduces_no_person() {
        let ms = resolved("Lina Sayegh, the wife of the Syrian envoy, spoke. Sayegh wept.");
        assert!(found(&ms, 0, "Lina Sayegh").is_empty(), "{ms:?}");
        assert!(found(&ms, 1, "Sayegh").is_empty(), "{ms:?}");
        let ms = resolved("San Telmo, formerly a Spanish church, reopened. San Telmo was full.");
        assert!(ms.iter().all(|m| !m.person), "{ms:?}");
    }

    #[test]
    fn a_name_after_a_spokesperson_and_a_post_takes_the_posts_actor() {
        for (body, name, code) in [
            (
                "The spokesman for the Kenyan government, Ali Hassan, said talks would resume.",
                "Ali Hassan",
                "KENGOV",
            ),
            (
                "A spokeswoman for the Malian foreign ministry, Awa Traore, denied the report.",
                "Awa Traore",
                "MLIGOV",
            ),
        ] {
            let ms = resolved(body);
            let named = ms.iter().find(|m| m.text == name);
            assert!(
                named.is_some_and(|m| m.code == code && m.person),
                "{body}: {ms:?}"
            );
            // The title is the person's role, no actor of its own.
            assert!(!ms.iter().any(|m| m.text.starts_with("spokes")), "{ms:?}");
        }
    }

    #[test]
    fn an_office_before_an_unknown_name_is_of_the_datelines_country() {
        for (body, name, code) in [
            (
                "QUITO, Ecuador (AP) -- Ecuador kept its embassy open. Talks in London ended on \
                 Monday. Foreign Minister Ana Ruiz accused Britain of bad faith.",
                "Ana Ruiz",
                "ECUGOV",
            ),
            (
                "NAIROBI, Kenya -- Kenya sent troops to the border. Somalia protested on Friday. \
                 Defence Secretary Juma Otieno said the troops would stay.",
                "Juma Otieno",
                "KENGOV",
            ),
        ] {
            let ms = resolved(body);
            assert!(
                ms.iter().any(|m| m.text == name && m.code == code),
                "{body}: {ms:?}"
            );
        }
        // A hub city the story never names again ("NAIROBI, Kenya" on
        // Somalia) is no home: the sentence's country stands.
        let ms = resolved(
            "NAIROBI, Kenya (AP) -- Somalia's government expelled the Ethiopian ambassador on \
             Monday. Foreign Minister Ahmed Warsame accused Ethiopia of meddling.",
        );
        assert!(
            !ms.iter()
                .any(|m| m.text == "Ahmed Warsame" && m.code == "KENGOV"),
            "{ms:?}"
        );
        // With no dateline, the country named last still gives the office.
        let ms = resolved(
            "Ecuador kept its embassy open. Talks in London ended on Monday. Foreign Minister \
             Ana Ruiz accused Britain of bad faith.",
        );
        assert!(
            ms.iter()
                .any(|m| m.text == "Ana Ruiz" && m.code == "GBRGOV"),
            "{ms:?}"
        );
    }
}
