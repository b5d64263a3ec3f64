//! Compounds: a country (or organisation) with a role word, read as one
//! mention with the country's root and the role's sector.
//!
//! - `country_role`: "South Korean troops", "Iran's foreign ministry", "an
//!   Interpol spokesperson"; demonyms listed before share the head ("Greek,
//!   Cypriot and French counterparts"); a title before a name passes its
//!   code to the name (`titles::titled_name`).
//! - `role_of_country`: "officials in Seoul", "the government of Iraq", "a
//!   leader of Hamas"; countries listed after the first take the role too
//!   (`listed_countries`: "the ambassadors of Chile, Peru and Bolivia").
//!
//! Each takes the index of the atom to read and, when it forms a compound,
//! pushes the mention and returns the index of the next atom to read.

use super::mention::{Atom, AtomKind};
use super::words::{former_before, is_former, is_individual, is_outsider, owned_by_subject};
use super::{Mention, Sentence, Via, titles};
use crate::code;
use crate::lexicon::lex;

/// A country or organisation followed by a role word: "South Korean troops".
pub(super) fn country_role(
    cx: &Sentence<'_>,
    i: usize,
    mentions: &mut Vec<Mention>,
) -> Option<usize> {
    let a = &cx.atoms[i];
    let n = cx.atoms.get(i + 1)?;
    let starts = matches!(
        a.kind,
        AtomKind::Demonym | AtomKind::Metonym | AtomKind::Actor
    ) && n.kind == AtomKind::Sector
        && (a.country.as_deref().is_some_and(|c| cx.is_country(c))
            // An organisation's own role words: "an Interpol spokesperson".
            || a.is_organisation())
        && joinable_gap(&cx.body[a.end..n.start]);
    if !starts {
        return None;
    }
    let last = role_run_end(cx, i + 1);
    let end = cx.atoms[last].end;
    let described = names_an_actor_next(cx, last + 1, end);
    if used_as_modifier(cx.body, end, cx.s.end) || described.is_some() {
        // "Hungary's media law": the role word modifies a noun; "China's
        // official Xinhua agency": it describes the actor named next, which
        // stands for the country when it is the country's.
        if described.as_ref() != Some(&a.country)
            && let Some(code) = a.code.clone().or_else(|| a.country.clone())
        {
            mentions.push(Mention {
                entry: cx.entry_id(a),
                ..cx.mention(a.start, a.end, code, Via::Dictionary)
            });
        }
        return Some(last + 1);
    }
    let compound = compound_mention(cx, i, last);
    // A title right before a name: the name takes the title's code.
    if let Some(m) = titles::titled_name(cx, last + 1, end, &compound) {
        let next = last + 1 + usize::from(m.entry.is_some());
        mentions.push(m);
        return Some(next);
    }
    // After a group's own code ("Hamas delegations"), the head's sector.
    let org_head = cx.atoms[i]
        .is_organisation()
        .then(|| head_sector(cx.body, &cx.atoms[i + 1..=last]));
    share_head(cx, mentions, &compound, org_head.as_deref());
    mentions.push(compound);
    Some(last + 1)
}

/// "Germany's Foreign Office", "India's Foreign Office": a country's
/// possessive right before a state institution that the dictionary gives
/// another country (one of `institution_sectors`) names the possessor's
/// own institution: one mention with the possessor's root and the
/// institution's sector.
pub(super) fn possessed_institution(
    cx: &Sentence<'_>,
    i: usize,
    mentions: &mut Vec<Mention>,
) -> Option<usize> {
    let a = &cx.atoms[i];
    let n = cx.atoms.get(i + 1)?;
    let owner = a.country.as_deref().filter(|c| cx.is_country(c))?;
    let gap = cx.body[a.end..n.start].trim();
    let (root, sector) = code::split(n.code.as_deref()?);
    let possessive = lex().possessive_marks.iter().any(|m| m == gap);
    // A generic name of several words ("Foreign Office"), not an agency's
    // own name ("Iran's CIA-backed coup", "Ukraine's Pentagon backers").
    let text = &cx.body[n.start..n.end];
    let generic = text.contains(' ') && !cx.body[n.end..].starts_with('-');
    let institution = generic && sector.is_some_and(|s| lex().institution_sectors.contains(s));
    if !(a.kind == AtomKind::Actor && n.kind == AtomKind::Actor && possessive && institution)
        || root.is_none_or(|r| r == owner)
    {
        return None;
    }
    mentions.push(Mention {
        entry: cx.entry_id(n),
        ..cx.mention(
            a.start,
            n.end,
            code::with_sector(owner, sector?),
            Via::Dictionary,
        )
    });
    Some(i + 2)
}

/// The root of atom `next` when, right after a role word ending at `end`,
/// it is an organisation or group with a name of its own (not a person,
/// whose title the role word is); `Some(None)` for one with no root.
fn names_an_actor_next(cx: &Sentence<'_>, next: usize, end: usize) -> Option<Option<String>> {
    cx.atoms
        .get(next)
        .filter(|n| {
            n.kind == AtomKind::Actor
                && n.is_organisation()
                && cx.body[end..n.start].trim().is_empty()
        })
        .map(|n| n.country.clone())
}

/// The last atom of the run of role words starting at `from`: role words in
/// a row form one head ("government spokesman", "military official").
pub(super) fn role_run_end(cx: &Sentence<'_>, from: usize) -> usize {
    let mut last = from;
    while let Some(more) = cx.atoms.get(last + 1)
        && more.kind == AtomKind::Sector
        && cx.body[cx.atoms[last].end..more.start].trim().is_empty()
    {
        last += 1;
    }
    last
}

/// The mention of atoms `i..=last`: the country's root and the head's
/// sector (ELI when "former"), or an organisation's own code.
fn compound_mention(cx: &Sentence<'_>, i: usize, last: usize) -> Mention {
    let (a, n) = (&cx.atoms[i], &cx.atoms[i + 1]);
    let body = cx.body;
    let end = cx.atoms[last].end;
    let former = is_former(&body[a.end..n.start]) || former_before(body, a.start, cx.s.start);
    let sector = if former || n.sector.as_deref() == Some("ELI") {
        "ELI".to_owned()
    } else {
        head_sector(body, &cx.atoms[i + 1..=last])
    };
    // A member of a group or organisation keeps its code ("a Hamas commander").
    let code = match a.code.clone().filter(|_| a.is_organisation()) {
        Some(own) => own,
        None => code::with_sector(&a.country.clone().unwrap_or_default(), &sector),
    };
    Mention {
        entry: cx.entry_id(a),
        role: Some(body[a.start..end].to_owned()),
        person: is_individual(&body[cx.atoms[last].start..end]),
        ..cx.mention(a.start, end, code, Via::Dictionary)
    }
}

/// "Greek, Cypriot and French counterparts": the bare demonyms listed
/// before a compound share its head and sector; after a group's own code,
/// the head's sector `org_head` ("Israeli and Hamas delegations": the
/// Israelis are no Hamas members).
fn share_head(
    cx: &Sentence<'_>,
    mentions: &mut [Mention],
    compound: &Mention,
    org_head: Option<&str>,
) {
    let mut prev_start = compound.start;
    for pm in mentions.iter_mut().rev() {
        let gap = cx.body.get(pm.end..prev_start).unwrap_or("x").trim();
        let bare_demonym = cx
            .atoms
            .iter()
            .any(|t| t.start == pm.start && t.end == pm.end && t.kind == AtomKind::Demonym);
        if !(bare_demonym && lex().list_gaps.contains(gap)) {
            break;
        }
        if let Some(root) = pm.country.clone() {
            if let Some(sector) = org_head {
                pm.code = code::with_sector(&root, sector);
                pm.sector = Some(sector.to_owned()).filter(|s| !s.is_empty());
            } else {
                pm.code =
                    compound
                        .code
                        .replacen(compound.country.as_deref().unwrap_or(""), &root, 1);
                pm.sector.clone_from(&compound.sector);
            }
            pm.person = compound.person;
            pm.role.clone_from(&compound.role);
        }
        prev_start = pm.start;
    }
}

/// A role word, "of/in/from" and a country: "officials in Seoul", "the
/// government of Iraq", "militias in southern Syria", "a leader of Hamas".
pub(super) fn role_of_country(
    cx: &Sentence<'_>,
    i: usize,
    mentions: &mut Vec<Mention>,
) -> Option<usize> {
    let a = &cx.atoms[i];
    let n = cx.atoms.get(i + 1)?;
    let country = n.country.as_deref().is_some_and(|c| cx.is_country(c));
    let starts = a.kind == AtomKind::Sector
        && matches!(
            n.kind,
            AtomKind::Demonym | AtomKind::Metonym | AtomKind::Actor
        )
        // An organisation's own bodies: "a tribunal of the United Nations".
        && (country || n.is_organisation());
    if !starts || !of_country_gap(cx, a, n, country) || outsider(cx, a) {
        return None;
    }
    // A member of a group or organisation takes its code ("a leader of
    // Hamas"); of a country, the role's sector. A head of government
    // titled as in business (`government_titles`: "the Chief Executive of
    // Macau") is its government's.
    let person = is_individual(&cx.body[a.start..a.end]);
    let sector = match a.sector.as_deref().unwrap_or_default() {
        "BUS" if country && government_title(cx, a) => "GOV",
        s => s,
    };
    let code = n.code.clone().filter(|_| n.is_organisation());
    let code =
        code.unwrap_or_else(|| code::with_sector(n.country.as_deref().unwrap_or_default(), sector));
    let mention = Mention {
        entry: cx.entry_id(n),
        role: Some(cx.body[a.start..n.end].to_owned()),
        person,
        ..cx.mention(a.start, n.end, code, Via::Dictionary)
    };
    // "the Foreign Minister of Peru, Jorge Prado,": the name takes the code.
    if let Some(m) = titles::titled_name(cx, i + 2, n.end, &mention) {
        let next = i + 2 + usize::from(m.entry.is_some());
        mentions.push(m);
        return Some(next);
    }
    mentions.push(mention);
    if n.is_organisation() {
        return Some(i + 2);
    }
    Some(listed_countries(cx, a, i + 2, mentions))
}

/// True when role atom `a` ends one of `government_titles` ("Chief
/// Executive", its rank word an atom of its own).
fn government_title(cx: &Sentence<'_>, a: &Atom) -> bool {
    let before = cx.body[cx.s.start.min(a.start)..a.end].to_lowercase();
    lex().government_titles.iter().any(|t| {
        before.ends_with(t)
            && before[..before.len() - t.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// True when the word right before role atom `a` makes it an outsider's
/// ("a Western diplomat in Lima", "foreign troops in Mali"): the country
/// after it is where the role is, not whose.
fn outsider(cx: &Sentence<'_>, a: &Atom) -> bool {
    cx.body[cx.s.start.min(a.start)..a.start]
        .split_whitespace()
        .next_back()
        .is_some_and(is_outsider)
}

/// The countries listed after "role of X": "the ambassadors of Chile, Peru
/// and Bolivia", "the defence ministers of Ghana and Togo" — each is the
/// role's, with its sector. Returns the atom after the list.
fn listed_countries(
    cx: &Sentence<'_>,
    role: &Atom,
    mut next: usize,
    mentions: &mut Vec<Mention>,
) -> usize {
    let sector = role.sector.as_deref().unwrap_or_default();
    while let (Some(prev), Some(m)) = (cx.atoms.get(next.wrapping_sub(1)), cx.atoms.get(next)) {
        let gap = cx.body[prev.end..m.start].trim();
        let listed = matches!(gap, "," | "and" | ", and" | "or" | ", or");
        let country = m.kind == AtomKind::Actor
            && m.code.as_deref().is_some_and(|c| c.len() == 3)
            && m.country.as_deref().is_some_and(|c| cx.is_country(c));
        // "… of Chile and Peru's president": Peru has a role of its own.
        let own_role = cx.body[m.end..].starts_with("'s") || cx.body[m.end..].starts_with("’s");
        if !listed || !country || own_role {
            break;
        }
        mentions.push(Mention {
            entry: cx.entry_id(m),
            role: Some(cx.body[role.start..role.end].to_owned()),
            person: is_individual(&cx.body[role.start..role.end]),
            ..cx.mention(
                m.start,
                m.end,
                code::with_sector(m.country.as_deref().unwrap_or_default(), sector),
                Via::Dictionary,
            )
        });
        next += 1;
    }
    next
}

/// True when the text between a role word and a country (or, with
/// `located` false, an organisation) makes the role the country's: "of",
/// or "in"/"from" for roles other than troops, with "the" and up to two
/// place words. "troops in Poland" and "troops from Georgia" are rarely that
/// country's forces; "officials in Seoul", "diplomats from the Russian
/// embassy" are.
fn of_country_gap(cx: &Sentence<'_>, a: &Atom, n: &Atom, located: bool) -> bool {
    let gap = cx.body[a.end..n.start].trim().to_lowercase();
    let military =
        a.sector.as_deref() == Some("MIL") || owned_by_subject(cx.body, a.start, cx.s.start);
    let hosted = lex()
        .hosted_roles
        .contains(&cx.body[a.start..a.end].to_lowercase());
    let gap_words: Vec<&str> = gap.split_whitespace().collect();
    let lead = gap_words.first().copied().unwrap_or("");
    let rest_ok = gap_words.len() <= 4
        && gap_words
            .iter()
            .skip(1)
            .all(|w| *w == "the" || lex().place_words.contains(w));
    rest_ok
        && (lex().member_leads.contains(lead)
            || (located && !military && !hosted && lex().location_leads.contains(lead)))
}

/// The sector of a run of role words: the head noun's, unless the head is a
/// person's role ("official", "spokesman"), whose institution is the first word
/// ("military official" → MIL, "government troops" → MIL). Rank words before
/// the rest of the run do not count ("deputy foreign minister" → GOV).
pub(super) fn head_sector(body: &str, run: &[Atom]) -> String {
    let ranked = |a: &Atom| {
        lex()
            .rank_words
            .contains(&body[a.start..a.end].to_lowercase())
    };
    let skip = run
        .iter()
        .take(run.len().saturating_sub(1))
        .take_while(|a| ranked(a))
        .count();
    let run = &run[skip..];
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return String::new();
    };
    let pick = if is_individual(&body[last.start..last.end]) {
        first
    } else {
        last
    };
    pick.sector.clone().unwrap_or_default()
}

/// True when the text between two atoms lets them form one compound.
fn joinable_gap(gap: &str) -> bool {
    let g = gap.trim();
    if g.is_empty() {
        return true;
    }
    let g = g
        .strip_prefix("'s")
        .or_else(|| g.strip_prefix("’s"))
        .or_else(|| g.strip_prefix('\''))
        .or_else(|| g.strip_prefix('’'))
        .unwrap_or(g)
        .trim();
    let ws: Vec<&str> = g.split_whitespace().collect();
    ws.len() <= 2
        && ws.iter().all(|w| {
            let lw = w.to_lowercase();
            lex().role_modifiers.contains(&lw)
                || lw
                    .split('-')
                    .all(|p| lex().role_modifiers.contains(p) || p.is_empty())
                // Names and model names: "Lebanese Hezbollah fighters", "a
                // Russian Tu-95 bomber".
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphanumeric() || c == '-'))
        })
        && !gap.contains([',', ';', ':', '(', ')', '"', '“', '”'])
}

/// True when the word after a role word shows it modifies a noun
/// ("military cooperation", "police station", "media law"). Only nouns that
/// role words typically modify count, so verbs after a subject ("troops
/// withdrew") never do.
pub(super) fn used_as_modifier(body: &str, end: usize, limit: usize) -> bool {
    // Abstract nouns only: a role word before a place or thing it owns ("an
    // army checkpoint", "a police station") still names that actor.
    let rest = &body[end..limit];
    if !rest.starts_with(' ') {
        return false;
    }
    let Some(next) = rest.split_whitespace().next() else {
        return false;
    };
    let w = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    lex().modified_nouns.contains(w)
        || lex()
            .abstract_suffixes
            .iter()
            .any(|suf| w.ends_with(suf) && w.len() > 5)
}
