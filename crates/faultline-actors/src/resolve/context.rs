//! Context: what the document has said so far (`State`: countries in order
//! of mention, the most mentioned country, the last person, the persons
//! introduced, the last group and pair of countries, the dateline's
//! country), and role words with no country of their own, which take
//! the country of the context ("police", "a senior government official");
//! an office titled before an unknown name takes the dateline's country.

use std::collections::HashMap;

use super::compound::{head_sector, role_run_end, used_as_modifier};
use super::mention::{Atom, AtomKind};
use super::persons::Persons;
use super::words::{former_before, is_agentive, is_individual, is_outsider, owned_by_subject};
use super::{Mention, Sentence, Via, titles};
use crate::code;
use crate::dict::EntryKind;
use crate::lexicon::lex;

/// What the sentences read so far leave for the next ones.
pub(super) struct State {
    /// Give role words with no country the context's (else `---`).
    pub context_countries: bool,
    /// The document's most mentioned country.
    dominant: Option<String>,
    /// How often the document names each country.
    pub mentioned: HashMap<String, usize>,
    /// Country roots in order of mention (most recent last), with their sentence.
    recent_countries: Vec<(String, usize)>,
    /// The last person named, for "he" and "she".
    pub last_person: Option<Mention>,
    /// The first person named in the last sentence that named one: the
    /// likeliest subject, whom a "he" opening the next sentence means.
    pub lead_person: Option<Mention>,
    /// The persons the text introduced, for their names said again.
    pub persons: Persons,
    /// The last body (a country, a government, an organisation) that was
    /// a sentence's subject, for a subject "it".
    pub last_body: Option<Mention>,
    /// The last group of actors, for "they".
    pub last_group: Vec<Mention>,
    /// The countries of each sentence that named two or more, in order
    /// (coordinated ones first): the parties "both sides" refers to.
    engaged: Vec<(Vec<String>, usize)>,
    /// How many of `engaged` each country is in.
    engaged_times: HashMap<String, usize>,
    /// Acronyms the document defined in brackets after a mention, with the
    /// code of what each abbreviates ("Border Guards Bangladesh (BGB)").
    pub acronyms: HashMap<String, String>,
    /// The country of the dateline the story was filed under ("QUITO,
    /// Ecuador --"), if any.
    dateline: Option<String>,
}

impl State {
    /// The state before the first sentence of a document that names
    /// countries as often as `counts` says.
    pub fn new(counts: HashMap<String, usize>, context_countries: bool) -> Self {
        let dominant = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.clone());
        Self {
            context_countries,
            dominant,
            mentioned: counts,
            recent_countries: Vec::new(),
            last_person: None,
            lead_person: None,
            persons: Persons::default(),
            last_body: None,
            last_group: Vec::new(),
            engaged: Vec::new(),
            engaged_times: HashMap::new(),
            acronyms: HashMap::new(),
            dateline: None,
        }
    }

    /// Notes the country of the first sentence's dateline, which ends at
    /// byte `end`: that of the mentions of the sentence (`first`) inside it.
    /// The agency in brackets ("KOMRAT (Reuters) -") names no place; a
    /// hub city a wire files a region's news from ("NAIROBI (AP) --" on
    /// Somalia) is no home unless the story names its country again.
    pub fn note_dateline(&mut self, first: &[Mention], end: usize) {
        let in_dateline = |c: &String| {
            first
                .iter()
                .filter(|m| m.end <= end && !m.appositive && m.country.as_ref() == Some(c))
                .count()
        };
        self.dateline = first
            .iter()
            .filter(|m| m.end <= end && m.sector.as_deref() != Some("MED"))
            .find_map(|m| m.country.clone())
            .filter(|c| self.mentioned.get(c).is_some_and(|&n| n > in_dateline(c)));
    }

    /// The country a story is filed from, for an office with no country
    /// before a name the dictionaries do not know ("Foreign Minister Ana
    /// Ruiz"): the dateline's. Offices named that way are of the story's
    /// home, whatever country the sentence before happened to name; the
    /// most mentioned country is no such home (a story from Washington
    /// about Syria names Syria most).
    pub fn home_country(&self) -> Option<String> {
        self.dateline.clone().filter(|_| self.context_countries)
    }

    /// Notes a country mention (and the person, when it is one).
    pub fn note(&mut self, m: &Mention) {
        if let Some(c) = &m.country {
            self.recent_countries.retain(|(r, _)| r != c);
            self.recent_countries.push((c.clone(), m.sentence));
        }
        if m.person {
            self.last_person = Some(m.clone());
        }
    }

    /// The country for a role word with none: recent in this or the two previous sentences, else dominant.
    pub fn context_country(&self, sentence: usize) -> Option<String> {
        if !self.context_countries {
            return Some("---".to_owned());
        }
        self.recent_countries
            .iter()
            .rev()
            .find(|(_, s)| *s + 2 >= sentence)
            .map(|(c, _)| c.clone())
            .or_else(|| self.dominant.clone())
    }

    /// True when country `c` was last named in sentence `since` or later.
    pub fn named_since(&self, c: &str, since: usize) -> bool {
        self.recent_countries
            .iter()
            .any(|(r, s)| r == c && *s >= since)
    }

    /// Notes the countries a sentence names together (two or more).
    /// `leading` of them are coordinated at the head of the sentence, its
    /// likeliest subject ("Japan and South Korea, both allies of …, met").
    pub fn engage(&mut self, countries: Vec<String>, leading: usize) {
        if countries.len() >= 2 {
            for c in &countries {
                *self.engaged_times.entry(c.clone()).or_default() += 1;
            }
            self.engaged.push((countries, leading));
        }
    }

    /// The first two countries of the last sentence that named countries
    /// together, coordinated ones first ("the leaders"); unlike
    /// [`State::last_engaged`], never the last two mentioned apart.
    pub fn last_pair(&self) -> Option<Vec<String>> {
        self.engaged
            .last()
            .map(|(cs, leading)| self.most_engaged(cs, *leading, 2))
    }

    /// The `n` countries last engaged together ("the two governments",
    /// "both sides"): the first `n` of the last sentence that named at least
    /// `n`, else the `n` most recently mentioned.
    pub fn last_engaged(&self, n: usize) -> Option<Vec<String>> {
        self.last_engaged_without(n, &[])
    }

    /// [`Self::last_engaged`] with none of `other`: the countries the
    /// group acts on in its own sentence ("both countries massed troops on
    /// their borders with Colombia" are not Colombia and another).
    pub fn last_engaged_without(&self, n: usize, other: &[String]) -> Option<Vec<String>> {
        self.engaged
            .iter()
            .rev()
            .find_map(|(cs, leading)| {
                let kept: Vec<String> = cs.iter().filter(|c| !other.contains(c)).cloned().collect();
                let dropped = cs[..(*leading).min(cs.len())]
                    .iter()
                    .filter(|c| other.contains(c))
                    .count();
                (kept.len() >= n)
                    .then(|| self.most_engaged(&kept, leading.saturating_sub(dropped), n))
            })
            .or_else(|| self.last_distinct_without(n, other))
    }

    /// The `n` of `countries` (in their order) that the article has engaged
    /// together most often: "both nations" after a sentence naming a
    /// mediator beside the two parties are the parties, not the mediator.
    /// Ties keep the sentence's order (its coordinated countries first).
    fn most_engaged(&self, countries: &[String], leading: usize, n: usize) -> Vec<String> {
        if leading >= n {
            return countries[..n].to_vec();
        }
        let times = |c: &String| self.engaged_times.get(c).copied().unwrap_or(0);
        let mut ranked: Vec<(usize, &String)> = countries.iter().enumerate().collect();
        ranked.sort_by_key(|(i, c)| (std::cmp::Reverse(times(c)), *i));
        ranked.truncate(n);
        ranked.sort_by_key(|(i, _)| *i);
        ranked.into_iter().map(|(_, c)| c.clone()).collect()
    }

    /// The `n` most recently mentioned distinct countries but `other`,
    /// oldest first.
    fn last_distinct_without(&self, n: usize, other: &[String]) -> Option<Vec<String>> {
        let v: Vec<String> = self
            .recent_countries
            .iter()
            .rev()
            .map(|(c, _)| c)
            .filter(|c| !other.contains(c))
            .take(n)
            .cloned()
            .collect();
        (v.len() == n).then(|| v.into_iter().rev().collect())
    }
}

/// True when `between` (the text between a title and a known person) is
/// empty or up to two capitalised words: given names ("Atal Behari").
fn only_name_words(between: Option<&str>) -> bool {
    let Some(between) = between else {
        return false;
    };
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        })
}

/// A run of role words with no country before it, starting at atom `i`:
/// the country of the context, a person's title, or the spokesperson named
/// just before. Returns the next atom to read.
pub(super) fn lone_role(
    cx: &Sentence<'_>,
    i: usize,
    state: &State,
    out: &[Mention],
    mentions: &mut Vec<Mention>,
) -> usize {
    let body = cx.body;
    let a = &cx.atoms[i];
    let last = role_run_end(cx, i);
    let end = cx.atoms[last].end;
    let head = &body[cx.atoms[last].start..end];
    if let Some(m) = described_spokesperson(cx, a.start, end, head, mentions, out) {
        mentions.push(m);
        return last + 1;
    }
    // A title right before a known person takes the person's country:
    // "Former President Barack Obama" → USAELI; so does one before given
    // names the dictionary spells otherwise ("Prime Minister Atal Behari
    // Vajpayee" for its "Atal Bihari Vajpayee").
    let titled_person = cx
        .atoms
        .get(last + 1)
        .filter(|p| p.kind == AtomKind::Person && only_name_words(body.get(end..p.start)))
        .and_then(|p| p.entry)
        .and_then(|e| cx.dict.entries[e].country.clone());
    if describes_named_body(cx, last, end) {
        return last + 1;
    }
    if let Some(code) = member_of_body(cx, last, end).filter(|_| is_agentive(head)) {
        mentions.push(Mention {
            entry: cx.entry_id(&cx.atoms[last]),
            person: is_individual(head),
            ..cx.mention(a.start, end, code, Via::Context)
        });
        return last + 1;
    }
    // "Judges at the court ruled … Judges also rejected …": the same role
    // again is still that body's, unless the sentence names a country
    // before it or the role has a phrase of its own ("officials at Kenya's
    // treasury").
    let own_phrase = cx.atoms.get(last + 1).is_some_and(|n| {
        cx.body
            .get(end..n.start)
            .is_some_and(|l| lex().member_links.contains(&l.trim().to_lowercase()))
    });
    if let Some(code) =
        same_member_before(cx, head, out).filter(|_| !own_phrase && !names_a_country(cx, mentions))
    {
        mentions.push(Mention {
            entry: cx.entry_id(&cx.atoms[last]),
            person: is_individual(head),
            ..cx.mention(a.start, end, code, Via::Coreference)
        });
        return last + 1;
    }
    if owned_by_subject(body, a.start, cx.s.start) {
        if let Some(m) = owned_role(cx, i, last, mentions) {
            mentions.push(m);
        }
        return last + 1;
    }
    // "Guterres condemned the attacks on civilians": victims take a
    // country their own sentence names ("Ethiopian troops massacred
    // civilians"), never one of the sentences before, often the attacker's.
    let victims = lex().victim_roles.contains(&head.to_lowercase());
    // The country the sentence itself gives the role, if any (with no
    // context countries, as PETRARCH, only a titled person's counts).
    let named_here = titled_person.clone().or_else(|| {
        state
            .context_countries
            .then(|| {
                cx.first_country(mentions)
                    .or_else(|| same_role_before(cx, head, out))
            })
            .flatten()
    });
    let country = named_here.clone().or_else(|| {
        if !state.context_countries {
            return state.context_country(cx.si);
        }
        (!victims).then(|| state.context_country(cx.si)).flatten()
    });
    let Some(country) = country else {
        return last + 1;
    };
    if !((is_agentive(head) || titled_person.is_some()) && stands_alone(cx, a, end)) {
        return last + 1;
    }
    let sector = if titled_person.is_some() && former_before(body, a.start, cx.s.start) {
        "ELI".to_owned()
    } else {
        head_sector(body, &cx.atoms[i..=last])
    };
    let lone = Mention {
        entry: cx.entry_id(&cx.atoms[last]),
        person: is_individual(head),
        ..cx.mention(
            a.start,
            end,
            code::with_sector(&country, &sector),
            Via::Context,
        )
    };
    // A title before the surname of a person already introduced
    // ("Secretary Austin"): the person, named again (`persons::named_again`),
    // not whoever the context's country makes of the title.
    if state.persons.knows_surname(next_word(body, end)) {
        return last + 1;
    }
    // A title before an unknown name: "Defense Minister Han Min-koo".
    if let Some(mut m) = titles::titled_name(cx, last + 1, end, &lone) {
        let next = last + 1 + usize::from(m.entry.is_some());
        let office = body[a.start..].starts_with(char::is_uppercase);
        if let Some(home) = state
            .home_country()
            .filter(|_| named_here.is_none() && office && m.entry.is_none())
        {
            let code = code::with_sector(&home, &sector);
            m.country = Some(home);
            m.code = code;
        }
        mentions.push(m);
        return next;
    }
    mentions.push(lone);
    last + 1
}

/// The country of a role word of the same head (`head`) that the two
/// sentences before gave no country of its own: "… an assault the
/// president blamed on the Sudanese government. President Idriss Deby
/// also threatened …" keeps the first president's country, not the
/// last country named.
fn same_role_before(cx: &Sentence<'_>, head: &str, out: &[Mention]) -> Option<String> {
    out.iter()
        .rev()
        .take_while(|m| m.sentence + 2 >= cx.si)
        .find(|m| {
            m.via == Via::Context
                && m.text
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
        })
        .and_then(|m| m.country.clone())
}

/// "Russia said its forces repelled the attack", "Kenya and Uganda said
/// that their navies will patrol": a role run after a pronoun of
/// `owner_pronouns` that opens a reported clause (after a verb of
/// `attribution_verbs` or `owner_clause_openers`) is the subject of that
/// clause and belongs to the actor the pronoun stands for: the latest
/// mention before it in the sentence, when that is a country's (its root
/// with the role's sector). An organisation's or a group's ("NATO said its
/// forces …", "Hamas said its fighters …"), or none in the sentence,
/// gives no mention, as before. An agentive run only ("its troops", not
/// "its intelligence"); "withdrew its troops" names what the owner acts
/// on, no actor.
fn owned_role(cx: &Sentence<'_>, i: usize, last: usize, mentions: &[Mention]) -> Option<Mention> {
    let (start, end) = (cx.atoms[i].start, cx.atoms[last].end);
    let head = &cx.body[cx.atoms[last].start..end];
    let mut before = cx.body[cx.s.start..start].split_whitespace().rev();
    let pronoun = before.next()?;
    let opener = before.next().map(str::to_lowercase);
    let opens_clause = opener.is_some_and(|w| {
        lex().attribution_verbs.contains(&w) || lex().owner_clause_openers.contains(&w)
    });
    if !opens_clause
        || !lex().owner_pronouns.contains(&pronoun.to_lowercase())
        || !is_agentive(head)
        || used_as_modifier(cx.body, end, cx.s.end)
    {
        return None;
    }
    let country = mentions
        .iter()
        .rev()
        .find(|m| m.end <= start)?
        .country
        .clone()
        .filter(|c| cx.is_country(c))?;
    let sector = head_sector(cx.body, &cx.atoms[i..=last]);
    Some(Mention {
        entry: cx.entry_id(&cx.atoms[last]),
        person: is_individual(head),
        ..cx.mention(
            start,
            end,
            code::with_sector(&country, &sector),
            Via::Coreference,
        )
    })
}

/// True when the role run ending at atom `last` (byte `end`) describes the
/// named organisation or group right after it ("state news agency TASS",
/// "the militant group Hamas", "the airline Mahan Air"): the name stands
/// for the actor, and the role is no actor of the context's country.
fn describes_named_body(cx: &Sentence<'_>, last: usize, end: usize) -> bool {
    cx.atoms.get(last + 1).is_some_and(|n| {
        n.kind == AtomKind::Actor
            && cx.body[end..n.start].trim().is_empty()
            && n.entry.is_some_and(|e| {
                matches!(
                    cx.dict.entries[e].kind,
                    EntryKind::Org | EntryKind::Group | EntryKind::Igo
                )
            })
    })
}

/// True when the sentence so far (`mentions`) names a country as the
/// place it tells of, after one of `location_leads` ("In Uganda, officials
/// …"; not "talks about a corridor for Bolivia, but judges said …").
fn names_a_country(cx: &Sentence<'_>, mentions: &[Mention]) -> bool {
    mentions.iter().any(|m| {
        let lead = cx
            .body
            .get(cx.s.start..m.start)
            .unwrap_or("")
            .split_whitespace()
            .next_back()
            .map(str::to_lowercase);
        !m.person
            && m.country.as_deref().is_some_and(|c| cx.is_country(c))
            && lead.is_some_and(|w| lex().location_leads.contains(&w))
    })
}

/// The code of an earlier role word of the same head (`head`), up to eight
/// sentences back, that an organisation named after it gave its code
/// (`member_of_body`): "judges at the ICJ … judges rejected" are the
/// court's again.
fn same_member_before(cx: &Sentence<'_>, head: &str, out: &[Mention]) -> Option<String> {
    out.iter()
        .rev()
        .take_while(|m| m.sentence + 8 >= cx.si)
        .find(|m| {
            matches!(m.via, Via::Context | Via::Coreference)
                && m.text
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
        })
        .filter(|m| m.country.as_deref().is_none_or(|c| !cx.is_country(c)))
        .map(|m| m.code.clone())
}

/// The code of the organisation named right after the role run ending at
/// atom `last` (byte `end`) and one of `member_links`: "judges at the
/// International Court of Justice" are the court's, "inspectors from the
/// IAEA" the agency's.
fn member_of_body(cx: &Sentence<'_>, last: usize, end: usize) -> Option<String> {
    let n = cx.atoms.get(last + 1)?;
    let link = cx.body.get(end..n.start)?.trim().to_lowercase();
    let org = n.kind == AtomKind::Actor
        && n.entry
            .is_some_and(|e| matches!(cx.dict.entries[e].kind, EntryKind::Org | EntryKind::Igo));
    // Its staff (`member_roles`), not whoever is at it ("protesters at the
    // EU's office"), nor at a place of its ("the UN's").
    let head = cx
        .body
        .get(cx.atoms[last].start..end)
        .unwrap_or("")
        .to_lowercase();
    let staff = lex().member_roles.contains(&head);
    let possessed = cx
        .body
        .get(n.end..)
        .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
    (org && staff && !possessed && lex().member_links.contains(&link))
        .then(|| n.code.clone())
        .flatten()
}

/// The word right after byte `end`, without a possessive "'s".
fn next_word(body: &str, end: usize) -> &str {
    let rest = body.get(end..).unwrap_or("").trim_start();
    let word = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .next()
        .unwrap_or("");
    super::persons::without_possessive(word)
}

/// True when a role word ending at `end` names an actor of the context: it
/// modifies no noun, no unknown group's name stands before it, and no
/// possessive gives it to an actor already named.
fn stands_alone(cx: &Sentence<'_>, a: &Atom, end: usize) -> bool {
    !used_as_modifier(cx.body, end, cx.s.end)
        && !names_a_stance(cx.body, a.start, end)
        && !foreign_descriptor_before(cx.body, a.start, cx.s.start, &cx.atoms)
        && !owned_by_subject(cx.body, a.start, cx.s.start)
}

/// True when the role word at `start..end` names a stance: "opposition to
/// the plan" (`stance_roles`, `stance_prepositions`).
fn names_a_stance(body: &str, start: usize, end: usize) -> bool {
    let next = body[end..].split_whitespace().next().unwrap_or("");
    lex()
        .stance_roles
        .contains(&body[start..end].to_lowercase())
        && lex().stance_prepositions.contains(&next.to_lowercase())
}

/// "An Interpol spokesperson said … The spokesperson added …": a definite
/// spokesperson is the one named just before (in this sentence or the two
/// before it).
fn described_spokesperson(
    cx: &Sentence<'_>,
    start: usize,
    end: usize,
    head: &str,
    mentions: &[Mention],
    out: &[Mention],
) -> Option<Mention> {
    let head_lower = head.to_lowercase();
    let definite = cx.body[cx.s.start.min(start)..start]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if !(definite && lex().spokesperson_roles.contains(&head_lower)) {
        return None;
    }
    let suffix = format!(" {head_lower}");
    let d = mentions.iter().rev().chain(out.iter().rev()).find(|m| {
        m.via == Via::Dictionary
            && m.sentence + 2 >= cx.si
            && m.text.to_lowercase().ends_with(&suffix)
    })?;
    Some(Mention {
        text: cx.body[start..end].to_owned(),
        start,
        end,
        via: Via::Context,
        sentence: cx.si,
        role: None,
        appositive: false,
        ..d.clone()
    })
}

/// True when a capitalised word that is no known actor stands before a role
/// word, with at most two modifiers between ("African leaders", "Kurdish
/// militants", "Tibetan spiritual leaders"): the role belongs to a group
/// the dictionaries do not know, not to the country of the context; nor
/// does a role of outsiders ("foreign troops"). A sentence's first word is
/// capitalised anyway: it counts only when it names a people (`peoples`:
/// "Kurdish officials said …", not "Senior officials" nor "Mumbai police").
fn foreign_descriptor_before(
    body: &str,
    start: usize,
    sentence_start: usize,
    atoms: &[Atom],
) -> bool {
    let mut before = body[sentence_start..start].trim_end();
    for skipped in 0..=2 {
        let Some(word) = before.rsplit(|c: char| c.is_whitespace()).next() else {
            return false;
        };
        // "foreign troops", "Foreign forces must leave": not the context's own.
        if is_outsider(word) {
            return true;
        }
        if word.is_empty() {
            return false;
        }
        let initial = word.len() == before.len();
        let w_start = sentence_start + before.len() - word.len();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-');
        if capitalised {
            let of_a_people = !initial || lex().peoples.contains(word);
            return of_a_people && !atoms.iter().any(|a| a.start <= w_start && a.end > w_start);
        }
        let modifier =
            lex().role_modifiers.contains(word) || lex().descriptor_modifiers.contains(word);
        if initial || skipped == 2 || !modifier {
            return false;
        }
        before = before[..before.len() - word.len()].trim_end();
    }
    false
}
