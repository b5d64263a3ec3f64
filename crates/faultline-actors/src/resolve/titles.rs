//! Text over dictionary: titles before names and appositions after them.
//!
//! - `person`: a known person, coded by the dictionary on the date unless
//!   "former" or an apposition says otherwise.
//! - `titled_name`: "Defense Minister Han Min-koo", "his Japanese
//!   counterpart, Takeda Hiroshi": the name takes the title's code; after
//!   a guessed title and its post, the post's actor ("a spokesman for
//!   Hamas, X,").
//! - `apposition_after`: "X, then South Korean Defense Minister": the code
//!   and role an apposition gives.
//! - `unknown_named_appositions`: names the dictionaries do not know, coded
//!   from their apposition.
//! - `mark_appositives`, `mark_respectively`: role words inside an
//!   apposition, and names that only say who listed roles are, are not
//!   actors of their own.

use super::compound::{head_sector, role_run_end};
use super::mention::{Atom, AtomKind};
use super::words::{former_before, is_former, is_individual, is_plural, title_head};
use super::{Mention, Sentence, Via};
use crate::code;
use crate::dict::EntryKind;
use crate::lexicon::lex;

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
}

/// The mention of the known person at atom `i`.
pub(super) fn person(cx: &Sentence<'_>, i: usize) -> Mention {
    let a = &cx.atoms[i];
    let by_text = |code: String, role: String| Mention {
        entry: cx.entry_id(a),
        role: Some(role),
        person: true,
        ..cx.mention(a.start, a.end, code, Via::Apposition)
    };
    let by_dictionary = Mention {
        entry: cx.entry_id(a),
        person: true,
        role: title_before(cx, i),
        ..cx.mention(
            a.start,
            a.end,
            a.code.clone().unwrap_or_default(),
            Via::Dictionary,
        )
    };
    if former_before(cx.body, a.start, cx.s.start) {
        return match a.entry.and_then(|e| cx.dict.entries[e].country.clone()) {
            Some(root) => by_text(code::with_sector(&root, "ELI"), "former".to_owned()),
            None => by_dictionary,
        };
    }
    match apposition_after(cx, i + 1, a.end, None) {
        Some((code, role)) => by_text(code, role),
        None => by_dictionary,
    }
}

/// The title right before the known person at atom `i` ("Secretary of
/// State Ana Ruiz"), which names the person again later ("the
/// secretary"), though the dictionary's code stays.
fn title_before(cx: &Sentence<'_>, i: usize) -> Option<String> {
    let (t, a) = (cx.atoms.get(i.checked_sub(1)?)?, &cx.atoms[i]);
    let head = &cx.body[t.start..t.end];
    // the role word, and "of Foreign Affairs" when the dictionary's role
    // word stops before it
    let mut gap = cx.body.get(t.end..a.start)?.split_whitespace();
    let tail_ok = gap.next().is_none_or(|p| {
        lex().title_prepositions.contains(&p.to_lowercase())
            && gap.all(|w| w.starts_with(char::is_uppercase))
    });
    (t.kind == AtomKind::Sector && tail_ok && title_head(head).is_some_and(is_individual))
        .then(|| cx.body[t.start..a.start].trim_end().to_owned())
}

/// A capitalised name token: "Kim", "Kwan-jin", "al-Assad", "O'Brien", "Jr.".
pub(super) fn is_name_token(w: &str) -> bool {
    let w = w
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    let Some(first) = w.chars().next() else {
        return false;
    };
    let particle = lex()
        .name_particles
        .iter()
        .any(|p| w == p || w.strip_prefix(p).is_some_and(|r| r.starts_with('-')));
    (first.is_uppercase() || particle)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !lex().not_names.contains(w)
}

/// The capitalised name that starts at `from` (after a title), within the sentence.
fn name_after(body: &str, from: usize, end: usize) -> Option<(usize, usize)> {
    let rest = &body[from..end];
    let lead = rest.len() - rest.trim_start().len();
    if lead == 0 || rest[..lead].contains(['\n']) {
        return None;
    }
    let start = from + lead;
    let mut stop = start;
    let mut count = 0;
    for w in body[start..end].split(' ') {
        let clean = w.trim_end_matches([',', ';', ':', '.', ')', '"', '”']);
        if count == 4 || !is_name_token(clean) || clean.is_empty() {
            break;
        }
        let at = stop + if count == 0 { 0 } else { 1 };
        stop = at + clean.len();
        count += 1;
        if clean.len() != w.len() {
            break;
        }
    }
    // Drop a possessive 's from the name span.
    let mut name_end = stop;
    for suffix in ["'s", "’s"] {
        if body[start..name_end].ends_with(suffix) {
            name_end -= suffix.len();
        }
    }
    (count >= 1 && name_end > start && body[start..name_end].chars().any(char::is_uppercase))
        .then_some((start, name_end))
}

/// A title compound followed by a name: the name gets the title's code.
/// `next` is the atom after the title, which ends at `title_end`.
pub(super) fn titled_name(
    cx: &Sentence<'_>,
    next: usize,
    title_end: usize,
    title: &Mention,
) -> Option<Mention> {
    let body = cx.body;
    // Its last word ("State Department spokesperson") or its head before
    // a preposition ("Foreign Minister of Peru") names one person.
    let text = &body[title.start..title_end];
    if !(is_individual(text) || title_head(text).is_some_and(is_individual)) {
        return None;
    }
    let person = |start: usize, end: usize, entry: Option<String>| Mention {
        text: body[start..end].to_owned(),
        start,
        end,
        via: Via::Apposition,
        entry,
        role: Some(body[title.start..title_end].to_owned()),
        person: true,
        ..title.clone()
    };
    if let Some(a) = cx.atoms.get(next)
        && names_a_person(cx, a)
        && body[title_end..a.start].trim().is_empty()
    {
        return Some(person(a.start, a.end, cx.entry_id(a)));
    }
    let (start, end, after_post) = name_set_off(cx, title_end)?;
    let before_name = cx.atoms.get(next).is_some_and(|a| a.start < start);
    if cx.atoms.iter().any(|a| a.start < end && a.end > start) {
        return None;
    }
    // A post after a title the context guessed ("a spokesman for Hamas,
    // X,") may name another actor: the name takes the post's actor, not
    // that guess.
    let posted = title.via != Via::Context && after_post;
    if before_name && !posted {
        let code = post_actor(cx, next, start, title).filter(|_| after_post)?;
        let (root, sector) = code::split(&code);
        return Some(Mention {
            country: root.map(str::to_owned),
            sector: sector.map(str::to_owned),
            role: Some(
                body[title.start..start]
                    .trim_end_matches([',', ' '])
                    .to_owned(),
            ),
            code,
            ..person(start, end, None)
        });
    }
    Some(person(start, end, None))
}

/// The code of the actor a title's post names, from atom `next` on, before
/// byte `name_start`: the post's named actor ("for Hamas"), or its country
/// with the title's sector ("for the Kenyan government": the spokesman is
/// KENGOV). None when the post names no actor ("for the Congolese
/// government", whose adjective names two countries: the context's guess
/// is no better there) or more than one country.
fn post_actor(
    cx: &Sentence<'_>,
    next: usize,
    name_start: usize,
    title: &Mention,
) -> Option<String> {
    let post: Vec<&Atom> = cx.atoms[next.min(cx.atoms.len())..]
        .iter()
        .take_while(|a| a.end <= name_start)
        .filter(|a| a.country.is_some() || a.code.is_some())
        .collect();
    let first = post.first()?;
    let one_country = post.iter().all(|a| a.country == first.country);
    if !one_country {
        return None;
    }
    first.code.clone().or_else(|| {
        let root = first.country.as_deref()?;
        Some(code::with_sector(
            root,
            title.sector.as_deref().unwrap_or(""),
        ))
    })
}

/// A known person, or a PETRARCH name coded with its country only
/// ("ROMENDACIL [BRE]").
fn names_a_person(cx: &Sentence<'_>, a: &Atom) -> bool {
    a.kind == AtomKind::Person
        || (a.kind == AtomKind::Actor
            && a.code.as_deref().is_some_and(|c| c.len() == 3)
            && a.entry
                .is_some_and(|e| cx.dict.entries[e].kind == EntryKind::Petrarch))
}

/// The unknown name right after a title ending at `title_end`, or set off by
/// commas ("his Japanese counterpart, Takeda Hiroshi,"); not a list of names
/// ("counterparts, A, B and C, respectively"). The flag is true when the
/// title's post ([`post_end`]) stands between the title and the name.
fn name_set_off(cx: &Sentence<'_>, title_end: usize) -> Option<(usize, usize, bool)> {
    let body = cx.body;
    // "the US Ambassador to the UN, Bill Richardson,": the post's place
    // comes between the title and the name.
    let post = post_end(body, title_end, cx.s.end);
    let title_end = post.unwrap_or(title_end);
    let (from, boxed) = match body[title_end..cx.s.end].strip_prefix(", ") {
        Some(_) => (title_end + 1, true),
        None => (title_end, false),
    };
    let (start, end) = name_after(body, from, cx.s.end)?;
    if boxed {
        let after = body[end..cx.s.end].trim_start();
        let list_follows = after.strip_prefix(',').is_some_and(|r| {
            r.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if !(after.is_empty() || after.starts_with([',', '.', ';'])) || list_follows {
            return None;
        }
    }
    Some((start, end, post.is_some()))
}

/// Where a title's post ends when a short phrase of place follows the
/// title before a comma: " to the UN", " for Kosovo", " in Kabul" (a word
/// of `post_prepositions`, then at most four words, each capitalised or
/// "the"). None otherwise.
fn post_end(body: &str, title_end: usize, sentence_end: usize) -> Option<usize> {
    let rest = &body[title_end..sentence_end];
    // A post is a few words: look no further than its longest.
    let head = &rest[..rest.floor_char_boundary(rest.len().min(POST_BYTES))];
    let comma = head.find(',')?;
    let mut words = rest[..comma].split_whitespace();
    let prep = words.next()?;
    let place: Vec<&str> = words.collect();
    let placed = lex().post_prepositions.contains(prep)
        && (1..=4).contains(&place.len())
        && place.iter().all(|w| {
            lex().post_determiners.contains(w) || w.starts_with(|c: char| c.is_uppercase())
        });
    placed.then_some(title_end + comma)
}

/// Most bytes between a title and the comma closing its post.
const POST_BYTES: usize = 60;

/// The code and role given by an apposition after a name ending at
/// `name_end`; `next` is the first atom after the name.
fn apposition_after(
    cx: &Sentence<'_>,
    next: usize,
    name_end: usize,
    fallback_country: Option<&str>,
) -> Option<(String, String)> {
    let body = cx.body;
    let after_comma = body[name_end..cx.s.end].strip_prefix(',')?;
    let clause_end = after_comma
        .find([',', ';', '(', ')'])
        .map_or(cx.s.end, |p| name_end + 1 + p);
    let clause = body[name_end + 1..clause_end].trim_end_matches(['.', '"', '”']);
    // "NAME, called Iranian President …": the name's predicate, no
    // description of it.
    if acts(clause) || attributes(clause) || !role_starts_early(cx, next, clause, clause_end) {
        return None;
    }
    let in_clause: Vec<&Atom> = cx
        .atoms
        .iter()
        .skip(next)
        .filter(|a| a.start > name_end && a.end <= clause_end)
        .collect();
    let country = in_clause
        .iter()
        .filter(|a| a.kind != AtomKind::Sector)
        .find_map(|a| a.country.clone().filter(|c| cx.is_country(c)));
    let role = role_text(clause);
    // A member of an organisation keeps its code ("a UN official").
    if country.is_none()
        && let Some(own) = organisation_member(cx, &in_clause)
    {
        return Some((own, role));
    }
    let first = (next..cx.atoms.len()).find(|&k| {
        let a = &cx.atoms[k];
        a.kind == AtomKind::Sector && a.start > name_end && a.end <= clause_end
    })?;
    let last = role_run_end(cx, first);
    let sector = Atom {
        end: cx.atoms[last].end,
        sector: Some(head_sector(body, &cx.atoms[first..=last])),
        ..cx.atoms[first].clone()
    };
    let country = country.or_else(|| fallback_country.map(str::to_owned))?;
    let sector_code = apposition_sector(cx, &in_clause, &sector, is_former(clause))?;
    Some((code::with_sector(&country, &sector_code), role))
}

/// True when the words after a name's comma attribute the sentence to
/// it (", the Israeli military said"; ", indicated the ministry was
/// pleased"): they describe nobody.
fn attributes(clause: &str) -> bool {
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lex().attribution_verbs.contains(w))
}

/// True when a comma clause is a relative clause whose verb states an act
/// ("who accused Manila of …"), not a role ("who heads the navy").
/// So does a clause opened by a finite verb (one of `predicate_verbs`, or
/// any other in "-ed" but a participle of appointment): it is the
/// sentence's predicate ("Ana Ruiz, held talks with Peru's envoy, …" in
/// press-release style, where an apposition follows the object; "Olaf
/// Scholz, phoned Polish Prime Minister …").
fn acts(clause: &str) -> bool {
    let lex = lex();
    let mut words = clause.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    // A lower-case "-ed" form not completed by "as", "to" or "with"
    // ("promoted to army chief", "installed as envoy" describe the name).
    let completed = words
        .clone()
        .next()
        .is_some_and(|w| lex.participle_complements.contains(w));
    let past = first.ends_with("ed")
        && first.chars().next().is_some_and(char::is_lowercase)
        && !completed
        && !lex.appointment_participles.contains(first);
    if lex.predicate_verbs.contains(first) || past {
        // "Ana Ruiz, held by Chilean police since May, …" describes her.
        return !clause.split_whitespace().any(|w| w == "by");
    }
    if !lex.relative_pronouns.contains(first) {
        return false;
    }
    words
        .find(|w| !lex.relative_fillers.contains(w))
        .is_some_and(|w| !lex.descriptive_verbs.contains(w))
}

/// An apposition's role as written, without its article.
fn role_text(clause: &str) -> String {
    let role = clause.trim();
    role.strip_prefix("a ")
        .or_else(|| role.strip_prefix("an "))
        .or_else(|| role.strip_prefix("the "))
        .unwrap_or(role)
        .to_owned()
}

/// The code of an organisation of the apposition whose role word follows
/// it ("a UN official", "an African Union envoy", "a UN rapporteur": a
/// role word or a word naming one person).
fn organisation_member(cx: &Sentence<'_>, in_clause: &[&Atom]) -> Option<String> {
    in_clause.iter().enumerate().find_map(|(k, a)| {
        let rest = &cx.body[a.end..cx.s.end];
        let gap = rest.len() - rest.trim_start().len();
        let word: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let role_next = in_clause
            .get(k + 1)
            .is_some_and(|n| n.kind == AtomKind::Sector && n.start == a.end + gap)
            || is_individual(&word);
        (a.is_organisation() && gap > 0 && role_next).then(|| a.code.clone())?
    })
}

/// True when an apposition's role starts within a few lead words ("the
/// former", "who is now", names and possessives; role modifiers such as
/// "political science professor" count too).
fn role_starts_early(cx: &Sentence<'_>, next: usize, clause: &str, clause_end: usize) -> bool {
    let atoms_after = || cx.atoms.iter().skip(next);
    let mut seen = 0;
    for w in words(clause) {
        let lw = w.to_lowercase();
        if lex().relation_nouns.contains(&lw) {
            // "X, the wife of the Chilean envoy": the role is the envoy's.
            return false;
        }
        if atoms_after().any(|a| cx.body[a.start..a.end].starts_with(w) && a.start < clause_end) {
            break;
        }
        if lex().location_leads.contains(&lw) {
            // "X, who is in Peru on a visit at the invitation of …": where
            // the person is, not a role.
            return false;
        }
        if lex().apposition_lead.contains(&lw)
            || w.chars().next().is_some_and(char::is_uppercase)
            || lw.ends_with("'s")
            || lw.ends_with("’s")
        {
            seen += 1;
            if seen > 4 {
                return false;
            }
            continue;
        }
        if seen < 4 && atoms_after().any(|a| a.start < clause_end && a.kind == AtomKind::Sector) {
            seen += 1;
            continue;
        }
        return false;
    }
    true
}

/// The sector an apposition's role gives: ELI when "former"; a business
/// title held of a country or territory itself ("the chief executive of
/// Hong Kong") is its government's office, unlike one of a company ("the
/// chief executive of Apple").
fn apposition_sector(
    cx: &Sentence<'_>,
    in_clause: &[&Atom],
    sector: &Atom,
    former: bool,
) -> Option<String> {
    let of_country = in_clause.iter().any(|a| {
        a.start > sector.end
            && cx.body[sector.end..a.start]
                .trim()
                .eq_ignore_ascii_case("of")
            && a.code
                .as_deref()
                .or(a.country.as_deref())
                .is_some_and(|c| c.len() == 3 && cx.is_country(c))
    });
    if former {
        Some("ELI".to_owned())
    } else if of_country && sector.sector.as_deref() == Some("BUS") {
        Some("GOV".to_owned())
    } else {
        sector.sector.clone()
    }
}

/// Names the dictionary does not know, resolved from an apposition after
/// them: "Han Min-koo, South Korea's current Defense Minister".
pub(super) fn unknown_named_appositions(
    cx: &Sentence<'_>,
    known: &[Mention],
    fallback: Option<String>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let text = &cx.body[cx.s.start..cx.s.end];
    for (off, _) in text.match_indices(',') {
        let comma = cx.s.start + off;
        let Some(start) = name_before(cx, comma) else {
            continue;
        };
        if known.iter().any(|m| m.start < comma && m.end > start)
            || cx.atoms.iter().any(|a| a.start < comma && a.end > start)
        {
            continue;
        }
        let next = cx
            .atoms
            .iter()
            .position(|a| a.start > comma)
            .unwrap_or(cx.atoms.len());
        if let Some((code, role)) = apposition_after(cx, next, comma, fallback.as_deref()) {
            // "Hagia Sophia, now a museum" names no person.
            let person = role
                .split(|c: char| !c.is_alphanumeric())
                .any(is_individual);
            out.push(Mention {
                role: Some(role),
                person,
                ..cx.mention(start, comma, code, Via::Apposition)
            });
        }
    }
    out
}

/// Where the name of two to four capitalised words right before a comma
/// starts.
fn name_before(cx: &Sentence<'_>, comma: usize) -> Option<usize> {
    let before = &cx.body[cx.s.start..comma];
    let mut toks: Vec<&str> = before.rsplit(' ').take(4).collect();
    toks.reverse();
    let mut name_toks: Vec<&str> = Vec::new();
    for t in toks.iter().rev() {
        if is_name_token(t) && !t.contains([';', ':']) {
            name_toks.push(t);
        } else {
            break;
        }
    }
    name_toks.reverse();
    while name_toks
        .first()
        .is_some_and(|t| lex().not_names.contains(t))
    {
        name_toks.remove(0);
    }
    // A sea's or a river's name is no one to describe.
    let place = name_toks.last().is_some_and(|t| {
        let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
        lex().water_heads.contains(t) || lex().landform_heads.contains(t)
    });
    if name_toks.len() < 2 || place {
        return None;
    }
    let len: usize = name_toks.iter().map(|t| t.len()).sum::<usize>() + name_toks.len() - 1;
    Some(comma - len)
}

/// Role words inside an apposition describe the person; they are not
/// actors of their own: context mentions there are dropped, the others
/// marked appositive.
/// An acronym in brackets right after a mention abbreviates it: "South
/// Korea's Joint Chiefs of Staff (JCS)", "the Rapid Support Forces (RSF)".
/// It takes that mention's code and, naming the same actor again, is an
/// appositive. `mentions` are sorted by position.
pub(super) fn bracketed_abbreviations(cx: &Sentence<'_>, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let (prev, m) = (&before[i - 1], &mut rest[0]);
        let opens = cx
            .body
            .get(prev.end..m.start)
            .is_some_and(|g| g.trim() == "(");
        let closes = cx.body.get(m.end..).is_some_and(|r| r.starts_with(')'));
        let acronym =
            m.text.len() >= 2 && m.text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if opens && closes && acronym && !m.person {
            m.code.clone_from(&prev.code);
            m.country.clone_from(&prev.country);
            m.sector.clone_from(&prev.sector);
            m.appositive = true;
        }
    }
}

pub(super) fn mark_appositives(cx: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let body = cx.body;
    let clauses: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.person && m.via == Via::Apposition && body[m.end..cx.s.end].starts_with(','))
        .map(|m| {
            // An apposition is closed by punctuation ("X, then Defense
            // Minister, met …"); a comma followed by the predicate to the end
            // of the sentence ("Morgan Ortagus, indicated the Parliament's …")
            // is not one.
            let from = m.end + 1;
            let to = body[from..cx.s.end]
                .find([',', ';', '(', ')', ':', '"', '“'])
                .map_or(from, |p| from + p);
            // "Ana Ruiz, indicated Chile was pleased: …" is her statement;
            // "Li, who accused Manila of …" states an act of its own.
            if attributes(&body[from..to]) || acts(&body[from..to]) {
                (from, from)
            } else {
                (from, to)
            }
        })
        .collect();
    let inside = |m: &Mention| clauses.iter().any(|&(a, b)| m.start >= a && m.end <= b);
    mentions.retain(|m| m.via != Via::Context || !inside(m));
    for m in mentions.iter_mut() {
        if !(m.person && m.via == Via::Apposition) {
            m.appositive = inside(m);
        }
    }
}

/// "his Greek and French counterparts, A and B, respectively,": the names
/// only say who the counterparts are.
pub(super) fn mark_respectively(cx: &Sentence<'_>, mentions: &mut [Mention]) {
    let body = cx.body;
    let Some(resp) = body[cx.s.start..cx.s.end].find(", respectively") else {
        return;
    };
    let resp = cx.s.start + resp;
    let roles_end = mentions
        .iter()
        .filter(|m| {
            m.end <= resp
                && body[m.end..].starts_with(',')
                && is_plural(&m.text)
                && m.via == Via::Dictionary
        })
        .map(|m| m.end)
        .max();
    if let Some(from) = roles_end {
        for m in mentions.iter_mut() {
            if m.start > from && m.end <= resp {
                m.appositive = true;
            }
        }
    }
}
