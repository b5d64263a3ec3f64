//! Triggers: the verb forms of trigger verbs (with their particles), event
//! nouns after a support verb within four words ("held talks", "imposed
//! sanctions"), and event nouns followed by their parties ("talks between
//! Seoul and Tokyo"). A verb form used as a noun ("the attack", "asset
//! freezes", "air strike") is dropped. Input: the sentence's words and
//! actors; output: the triggers found, in word order.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use faultline_actors::Via;

use super::pattern::match_one;
use super::{Found, Sentence, W};
use crate::dict::lexicon::lex;
use crate::verbs::{TriggerKind, VerbDict, pre_matches};

/// The triggers of a sentence, in word order.
pub(super) fn find(verbs: &VerbDict, s: &Sentence<'_>) -> (Vec<Found>, Reduced) {
    let mut found: Vec<Found> = Vec::new();
    let mut used: HashSet<usize> = HashSet::default();
    support_nouns(verbs, s, &mut found, &mut used);
    between_nouns(verbs, s, &mut found, &mut used);
    longest_per_verb(&mut found);
    verb_triggers(verbs, s, &mut found, &used);
    // Triggers that need words before the verb are the more specific: tried
    // first; then a verb spelt as written ("left") before one it inflects
    // ("leave").
    for f in &mut found {
        let surface = s.words[f.verb].lower.as_str();
        f.candidates.sort_by_key(|&c| {
            let t = &verbs.triggers[c];
            let spelt = t.lemma.split_whitespace().next() == Some(surface);
            (t.pre.is_empty(), !spelt)
        });
    }
    found.sort_by_key(|f| f.verb);
    // A verb form after a common noun or a noun modifier ("the troops
    // deployed there" or "a car bomb killed ten", "the air strike" or "a
    // missile hit the base") is left to the parse: see [`Reduced`]. A verb
    // used as a noun after a determiner ("the attack", "an agreement") or
    // a possessive ("Iran's offer") is not a verb trigger.
    let (reduced, kept): (Vec<Found>, Vec<Found>) = found
        .into_iter()
        .partition(|f| !is_noun_trigger(verbs, f) && f.verb > 0 && after_a_noun(verbs, s, f));
    found = kept;
    found.retain(|f| is_noun_trigger(verbs, f) || f.verb == 0 || !used_as_noun(verbs, s, f));
    found.retain(|f| {
        is_noun_trigger(verbs, f)
            || f.verb == 0
            || !lex().determiners.contains(&s.words[f.verb - 1].lower)
    });
    (found, Reduced(reduced))
}

/// Past forms right after a common noun: a reduced relative ("the troops
/// deployed there") or the verb of a clause ("a car bomb killed ten"). The
/// word windows cannot tell; the parse can ([`Reduced::verbs`]).
pub(super) struct Reduced(pub Vec<Found>);

impl Reduced {
    /// Those the parse reads as the verb of a clause with a subject of its
    /// own (without a parse, none is kept).
    pub fn verbs(self, p: &super::parse::Parse<'_>) -> Vec<Found> {
        self.0
            .into_iter()
            .filter(|f| p.heads_clause(f.verb))
            .collect()
    }
}

fn is_noun_trigger(verbs: &VerbDict, f: &Found) -> bool {
    matches!(
        verbs.triggers[f.candidates[0]].kind,
        TriggerKind::Noun { .. }
    )
}

/// Event nouns after support verbs (more specific than verbs).
fn support_nouns(
    verbs: &VerbDict,
    s: &Sentence<'_>,
    found: &mut Vec<Found>,
    used: &mut HashSet<usize>,
) {
    let (words, actors, body) = (&s.words, &s.actors, s.body);
    let in_mention = |i: usize| s.in_mention(i);
    for i in 0..words.len() {
        if in_mention(i) {
            continue;
        }
        // A support verb's spelling followed by "of" is a noun: of a joint
        // event ("an exchange of fire between A and B") it is that event,
        // coded as one noun; of another ("the launch of missiles by X") its
        // noun is the event's.
        let noun_of = words.get(i + 1).is_some_and(|w| w.lower == "of");
        // Event nouns after support verbs first (more specific).
        for &t in verbs.supported_by(&words[i].lower) {
            let TriggerKind::Noun { nouns } = &verbs.triggers[t].kind else {
                continue;
            };
            if noun_of && verbs.triggers[t].joint {
                continue;
            }
            if let Some(noun) = relative_support(s, i, nouns) {
                // "the sanctions that the EU imposed on Russia": the
                // support verb after its noun, in a relative clause whose
                // subject acts; the patterns read on after the verb.
                found.push(Found {
                    candidates: vec![t],
                    verb: i,
                    after: i + 1,
                    noun_len: 0,
                    between: None,
                    bare: false,
                    noun_at: Some(noun),
                });
                used.insert(i);
                continue;
            }
            // "launched what it called a special operation": the aside
            // "what X called" between the support verb and its noun.
            let aside = (i + 1..(i + 4).min(words.len()))
                .map(|k| (k, what_it_called(words, k)))
                .find(|&(_, n)| n > 0);
            let reach = 6 + aside.map_or(0, |a| a.1) + uncounted(words, i + 1);
            'noun: for j in i + 1..(i + reach).min(words.len()) {
                if aside.is_some_and(|(k, n)| j >= k && j < k + n) {
                    continue;
                }
                // A role word used as a modifier ("a military offensive")
                // stays inside the noun phrase.
                let modifier = actors.iter().any(|m| {
                    m.via == Via::Context
                        && m.start == words[j].start
                        && m.end == words[j].end
                        && body[m.start..m.end].chars().all(|c| c.is_lowercase())
                }) && j + 1 < words.len()
                    && !in_mention(j + 1);
                if modifier {
                    continue;
                }
                // "into the attack", "about the strike" end the reach; "about
                // 200 tonnes of aid" does not (an amount follows).
                let stop = lex().support_stops.contains(&words[j].lower)
                    && words.get(j + 1).is_none_or(|w| !is_amount(&w.lower));
                if in_mention(j) || stop {
                    break;
                }
                for n in nouns {
                    if j + n.len() <= words.len()
                        && n.iter().enumerate().all(|(k, w)| words[j + k].lower == *w)
                    {
                        found.push(Found {
                            candidates: vec![t],
                            verb: i,
                            after: j + n.len(),
                            noun_len: n.len(),
                            between: None,
                            bare: false,
                            noun_at: None,
                        });
                        used.extend(i..j + n.len());
                        break 'noun;
                    }
                }
                // "has postponed a meeting": the verb right after an
                // auxiliary (adverbs aside) takes the noun, whether or not it
                // supports it ("had a planned meeting" is had).
                let right_after = words[i + 1..j]
                    .iter()
                    .all(|w| lex().soft_adverbs.contains(&w.lower) || w.lower.ends_with("ly"));
                if right_after
                    && lex().have_forms.contains(&words[i].lower)
                    && (!verbs.verbs_for(&words[j].lower).is_empty()
                        || !verbs.supported_by(&words[j].lower).is_empty())
                {
                    break;
                }
            }
        }
    }
}

/// The head word of one of `nouns` whose relative clause the support verb
/// at `i` closes: "the drills that Japan and Peru held", "the sanctions which
/// the EU imposed" — the noun, a relative pronoun (`relative_pronouns`),
/// then only mentions, determiners and coordinators (`verb_coordinators`),
/// at least one mention, up to the verb.
fn relative_support(s: &Sentence<'_>, i: usize, nouns: &[Vec<String>]) -> Option<usize> {
    let words = &s.words;
    let k = (i.saturating_sub(8)..i)
        .rev()
        .find(|&k| lex().relative_pronouns.contains(&words[k].lower))?;
    let subject = k + 1..i;
    let fills = |j: usize| {
        s.in_mention(j)
            || lex().determiners.contains(&words[j].lower)
            || lex().verb_coordinators.contains(&words[j].lower)
    };
    if subject.is_empty()
        || !subject.clone().any(|j| s.in_mention(j))
        || !subject.clone().all(fills)
    {
        return None;
    }
    let names = |n: &Vec<String>| {
        k >= n.len()
            && !s.in_mention(k - 1)
            && n.iter()
                .enumerate()
                .all(|(x, w)| words[k - n.len() + x].lower == *w)
    };
    nouns.iter().any(names).then(|| k - 1)
}

/// Words after a support verb (from `from`, over its reach of six) that
/// do not count towards it: the hyphens of compound modifiers
/// ("short-range"), a noun of quantity with its "of" ("a salvo of"), and
/// the words and figures of a sum of money ("$130 million in aid").
fn uncounted(words: &[W], from: usize) -> usize {
    let window = &words[from.min(words.len())..(from + 8).min(words.len())];
    let hyphens = window.iter().filter(|w| w.lower == "-").count();
    let quantity = window
        .windows(2)
        .any(|p| lex().quantity_nouns.contains(&p[0].lower) && p[1].lower == "of");
    let amount = window.iter().filter(|w| is_amount(&w.lower)).count();
    hyphens + 2 * usize::from(quantity) + amount
}

/// True when `word` is a figure ("130", "3.5", "1,200") or a word of a sum
/// of money (`amount_words`).
fn is_amount(word: &str) -> bool {
    let figure = word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    figure || lex().amount_words.contains(word)
}

/// The length of an aside "what X called" / "what X described as" that
/// starts at word `k` (0 when none starts there): "what", up to three
/// words, a verb of naming (`naming_verbs`) and an optional "as".
fn what_it_called(words: &[W], k: usize) -> usize {
    if words.get(k).is_none_or(|w| w.lower != "what") {
        return 0;
    }
    (k + 2..(k + 5).min(words.len()))
        .find(|&v| lex().naming_verbs.contains(&words[v].lower))
        .map_or(0, |v| {
            let with_as = words.get(v + 1).is_some_and(|w| w.lower == "as");
            v + 1 + usize::from(with_as) - k
        })
}

/// True when the relation noun at `i` follows a noun of an act on it and
/// "of", with up to two modifiers between: "the restoration of full
/// diplomatic relations".
pub(super) fn after_relation_act(words: &[W], i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|o| {
        words[o].lower == "of" && o > 0 && lex().relation_act_nouns.contains(&words[o - 1].lower)
    })
}

/// Event nouns with no support verb but their parties: "talks between
/// Seoul and Tokyo", "a meeting in Cairo between A and B".
fn between_nouns(
    verbs: &VerbDict,
    s: &Sentence<'_>,
    found: &mut Vec<Found>,
    used: &mut HashSet<usize>,
) {
    let (words, actors) = (&s.words, &s.actors);
    let in_mention = |i: usize| s.in_mention(i);
    // Seoul and Tokyo", "a meeting in Cairo between A and B".
    for i in 0..words.len() {
        if in_mention(i) || used.contains(&i) {
            continue;
        }
        for &t in verbs.nouns_for(&words[i].lower) {
            let trigger = &verbs.triggers[t];
            let TriggerKind::Noun { nouns } = &trigger.kind else {
                continue;
            };
            // "talks between A and B" is an event between them; "relations
            // between A and B" only with a verb that acts on them.
            if !(trigger.joint || super::emit::is_joint(&trigger.code))
                || (lex().relation_nouns.contains(words[i].lower.as_str())
                    && !after_relation_act(words, i))
            {
                continue;
            }
            let Some(n) = nouns.iter().find(|n| {
                i + n.len() <= words.len()
                    && n.iter().enumerate().all(|(k, w)| words[i + k].lower == *w)
            }) else {
                continue;
            };
            let after = i + n.len();
            let Some(b) =
                (after..(after + 4).min(words.len())).find(|&k| words[k].lower == "between")
            else {
                continue;
            };
            if b + 1 < words.len()
                && actors.iter().any(|m| {
                    m.start == words[b + 1].start
                        || (m.start > words[b].end
                            && m.start <= words[(b + 4).min(words.len() - 1)].start)
                })
            {
                found.push(Found {
                    candidates: vec![t],
                    verb: i,
                    after,
                    noun_len: n.len(),
                    between: Some(b + 1),
                    bare: false,
                    noun_at: None,
                });
                used.extend(i..after);
                break;
            }
        }
    }
}

/// One event noun per support verb: the longest ("joint military
/// exercises" over "exercises").
fn longest_per_verb(found: &mut Vec<Found>) {
    let mut by_verb: HashMap<usize, Found> = HashMap::default();
    for f in found.drain(..) {
        match by_verb.get(&f.verb) {
            Some(prev) if prev.noun_len >= f.noun_len => {}
            _ => {
                by_verb.insert(f.verb, f);
            }
        }
    }
    found.extend(by_verb.into_values());
    found.sort_by_key(|f| f.verb);
}

/// Verb triggers (the longest particle wins), and support verbs whose own
/// patterns match ("lodged a protest with Tokyo" → lodge's 114) over the
/// event noun.
fn verb_triggers(
    verbs: &VerbDict,
    s: &Sentence<'_>,
    found: &mut Vec<Found>,
    used: &HashSet<usize>,
) {
    let words = &s.words;
    let in_mention = |i: usize| s.in_mention(i);
    let actor_at_tok = |i: usize| s.actor_at(i);
    for i in 0..words.len() {
        // most words are no verb trigger: nothing below would be found; nor
        // is a word of a date ("on 1 March", "in March")
        if verbs.verbs_for(&words[i].lower).is_empty() || in_mention(i) || in_date(s, i) {
            continue;
        }
        if used.contains(&i) {
            // A support verb whose own patterns match ("lodged a protest
            // with Tokyo" → lodge's 114) wins over the event noun.
            if found.iter().any(|f| f.verb == i && f.between.is_some()) {
                // The noun itself ("meeting between A and B"): no verb here.
                continue;
            }
            let noun_at = found.iter().position(|f| f.verb == i);
            let noun = noun_at.map(|n| found[n].after - found[n].noun_len..found[n].after);
            let verb_matches = verbs.verbs_for(&words[i].lower).iter().any(|&t| {
                let trig = &verbs.triggers[t];
                let TriggerKind::Verb { particle } = &trig.kind else {
                    return false;
                };
                let after = i + 1 + particle.len();
                particle
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words.get(i + 1 + k).is_some_and(|w| w.lower == *p))
                    && trig.patterns.iter().any(|p| {
                        // A pattern that does not name the noun must match
                        // before it: "released a statement saying it would
                        // …" is no release of "it".
                        let right = match &noun {
                            Some(noun) if !names_any(p, &words[noun.clone()]) => noun.start,
                            _ => words.len(),
                        };
                        match_one(p, words, (after, right), &actor_at_tok, &|_| true, true)
                            .is_some()
                    })
            });
            match noun_at {
                Some(n) if verb_matches => {
                    found.remove(n);
                }
                _ => continue,
            }
        }
        let before: Vec<&str> = words[s.clause_start(i)..i]
            .iter()
            .map(|w| w.lower.as_str())
            .collect();
        for &t in verbs.verbs_for(&words[i].lower) {
            let TriggerKind::Verb { particle } = &verbs.triggers[t].kind else {
                continue;
            };
            if !pre_matches(&verbs.triggers[t].pre, &before) {
                continue;
            }
            // "agreed on Monday (not) to …", "spoke today with …", "called
            // again for …", "agreed in Geneva to …": a date, an adverb or a
            // named place may stand before the particle.
            let at = |from: usize| {
                particle
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words.get(from + k).is_some_and(|w| w.lower == *p))
            };
            let mut from = if particle.is_empty() {
                i + 1
            } else {
                past_soft_adverbs(s, past_date(s, i + 1))
            };
            if !at(from) && !particle.is_empty() {
                // "arrived in Seoul" is the particle itself; only else a place.
                from = past_soft_adverbs(s, past_date(s, past_place(s, from)));
            }
            let ok = at(from);
            if ok {
                // The longest particle wins; triggers of equal length are all tried.
                let after = from + particle.len();
                if let Some(prev) = found.iter_mut().find(|f| f.verb == i) {
                    if after > prev.after {
                        *prev = Found {
                            candidates: vec![t],
                            verb: i,
                            after,
                            noun_len: 0,
                            between: None,
                            bare: false,
                            noun_at: None,
                        };
                    } else if after == prev.after && !prev.candidates.contains(&t) {
                        prev.candidates.push(t);
                    }
                } else {
                    found.push(Found {
                        candidates: vec![t],
                        verb: i,
                        after,
                        noun_len: 0,
                        between: None,
                        bare: false,
                        noun_at: None,
                    });
                }
            }
        }
    }
}

/// The word after a named place starting at word `at` ("in Geneva", "at
/// the Hague", "in Abu Dhabi": "in" or "at", an optional "the" and one to
/// three capitalised words); `at` when none starts there.
fn past_place(s: &Sentence<'_>, at: usize) -> usize {
    let words = &s.words;
    if !words
        .get(at)
        .is_some_and(|w| matches!(w.lower.as_str(), "in" | "at"))
    {
        return at;
    }
    let name = at + 1 + usize::from(words.get(at + 1).is_some_and(|w| w.lower == "the"));
    let capitalised = |k: usize| {
        words.get(k).is_some_and(|w| {
            s.inp.body[w.start..w.end]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    };
    let end = (name..(name + 3).min(words.len()))
        .take_while(|&k| capitalised(k))
        .last();
    end.map_or(at, |k| k + 1)
}

/// The first word from `at` on that is no soft adverb ("again", "also").
fn past_soft_adverbs(s: &Sentence<'_>, at: usize) -> usize {
    (at..s.words.len())
        .find(|&k| !lex().soft_adverbs.contains(&s.words[k].lower))
        .unwrap_or(s.words.len())
}

/// True when word `i` lies inside one of the sentence's date expressions.
fn in_date(s: &Sentence<'_>, i: usize) -> bool {
    let w = &s.words[i];
    s.inp
        .dates
        .iter()
        .any(|d| w.start >= d.start && w.end <= d.end)
}

/// The word after the date expression that starts at word `at`, or `at`
/// when none starts there.
fn past_date(s: &Sentence<'_>, at: usize) -> usize {
    let Some(start) = s.words.get(at).map(|w| w.start) else {
        return at;
    };
    s.inp
        .dates
        .iter()
        .find(|d| d.start == start)
        .map_or(at, |d| {
            (at..s.words.len())
                .find(|&k| s.words[k].start >= d.end)
                .unwrap_or(s.words.len())
        })
}

/// True when the verb form of `f` (not the first word) is used as a noun,
/// or is "back" as a particle of the verb before it.
fn used_as_noun(verbs: &VerbDict, s: &Sentence<'_>, f: &Found) -> bool {
    let (words, body) = (&s.words, s.body);
    let prev = words[f.verb - 1].lower.as_str();
    let prev_in_mention = s.in_mention(f.verb - 1);
    let w = words[f.verb].lower.as_str();
    // "strike back", "fought back", "came back": after a verb, "back" is a
    // particle, not the verb "back" (support).
    if w == "back"
        && (!verbs.verbs_for(prev).is_empty()
            || prev.ends_with("ed")
            || lex().back_particle_verbs.contains(prev))
    {
        return true;
    }
    // An -s form ("talks", "freezes", "sanctions") is a verb only right
    // after its subject (an actor), an adverb or a pronoun; elsewhere
    // ("opened talks", "asset freezes", "how long sanctions") it is a noun.
    let is_s_form = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    let verb_context = prev_in_mention
        || prev.ends_with("ly")
        || lex().soft_adverbs.contains(prev)
        || lex().before_verb.contains(prev);
    if is_s_form && !verb_context {
        return true;
    }
    if attributive_participle(verbs, s, f, prev) {
        return true;
    }
    if prev_in_mention {
        // "Britain's plan", "Iran's offer": after a possessive, a noun.
        return prev.ends_with("'s") || prev.ends_with("’s");
    }
    // "expressed regret over …": after a verb of expressing, a noun.
    if lex().expression_verbs.contains(prev) && !w.ends_with("ed") && !w.ends_with("ing") {
        return true;
    }
    // "allegations of torture", "talk of war": after a preposition, a noun.
    if lex().prepositions.contains(prev) && prev != "to" && !w.ends_with("ing") {
        return true;
    }
    // "a four-year freeze", "the planned visit": determiner, modifier, noun
    // (not a past form: "a car bomb killed", "the new law banned").
    if f.verb >= 2
        && !w.ends_with("ed")
        && !participle_with_object(s, f)
        && lex()
            .modifier_determiners
            .contains(&words[f.verb - 2].lower)
        && body[words[f.verb - 1].start..words[f.verb - 1].end]
            .chars()
            .all(|c| c.is_lowercase() || c == '-' || c.is_ascii_digit())
    {
        return true;
    }
    false
}

/// "a statement condemning Iran", "a letter calling on the UN to …": an
/// -ing form after a noun of `message_nouns`, with its particle or
/// followed by an actor or a determiner, is a participle that takes an
/// object, not a noun.
fn participle_with_object(s: &Sentence<'_>, f: &Found) -> bool {
    let next = f.verb + 1;
    s.words[f.verb].lower.ends_with("ing")
        && lex().message_nouns.contains(&s.words[f.verb - 1].lower)
        && (f.after > next
            || (next < s.words.len() && s.in_mention(next))
            || s.words
                .get(next)
                .is_some_and(|w| lex().determiners.contains(&w.lower)))
}

/// "met with visiting Kazakh President X", "toasted the visiting Thai
/// premier": an attributive -ing form (`attributive_participles`) right
/// before the person it describes, after a preposition, a determiner or a
/// verb, modifies that person (not after "is" or a comma: "is visiting
/// President X", "X, visiting Y, said").
fn attributive_participle(verbs: &VerbDict, s: &Sentence<'_>, f: &Found, prev: &str) -> bool {
    let lead = lex().prepositions.contains(prev)
        || lex().modifier_determiners.contains(prev)
        || (!s.in_mention(f.verb - 1) && !verbs.verbs_for(prev).is_empty());
    // The person's mention may start after its capitalised title
    // ("Kazakh President").
    let next_is_person = (f.verb + 1..s.words.len().min(f.verb + 8))
        .take_while(|&k| {
            k == f.verb + 1
                || s.body[s.words[k - 1].start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
        .any(|k| {
            s.actors
                .iter()
                .any(|m| m.start == s.words[k].start && m.person)
        });
    lex()
        .attributive_participles
        .contains(&s.words[f.verb].lower)
        && lead
        && !lex().be.contains(prev)
        && next_is_person
}

/// A verb form after a noun or noun modifier: "the troops deployed there"
/// or "a car bomb killed ten", "the air strike" or "a missile hit the
/// base", "a brief private visit". Only the parse can tell.
fn after_a_noun(verbs: &VerbDict, s: &Sentence<'_>, f: &Found) -> bool {
    let prev = s.words[f.verb - 1].lower.as_str();
    // Right after an actor ("the US military airlifted"), a verb.
    !s.in_mention(f.verb - 1)
        && (participle_after_noun(s, f, prev)
            || lex().noun_modifiers.contains(prev)
            || two_modifiers_before(verbs, s, f))
}

/// "during a brief private visit": a determiner, two plain lower-case
/// modifiers, then the verb's base form (which is also its noun).
fn two_modifiers_before(verbs: &VerbDict, s: &Sentence<'_>, f: &Found) -> bool {
    let (words, v) = (&s.words, f.verb);
    let plain = |k: usize| {
        let w = words[k].lower.as_str();
        s.body[words[k].start..words[k].end]
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
            && !w.ends_with("ly")
            && !lex().soft_adverbs.contains(w)
            && !lex().non_nouns.contains(w)
            && !lex().be.contains(w)
            && !lex().prepositions.contains(w)
    };
    let base_form = f
        .candidates
        .iter()
        .any(|&c| verbs.triggers[c].lemma.split(' ').next() == Some(words[v].lower.as_str()));
    v >= 3
        && base_form
        && lex().modifier_determiners.contains(&words[v - 3].lower)
        && plain(v - 2)
        && plain(v - 1)
}

/// "an effort intended to": a participle right after a common noun modifies
/// it — unless the noun heads a phrase that starts with an actor ("Nigerian
/// gunmen abducted").
fn participle_after_noun(s: &Sentence<'_>, f: &Found, prev: &str) -> bool {
    let words = &s.words;
    let participle = words[f.verb].lower.ends_with("ed");
    let prev_original = &s.body[words[f.verb - 1].start..words[f.verb - 1].end];
    let prev_is_common_noun = prev_original.chars().all(|c| c.is_ascii_lowercase())
        && !prev.ends_with("ly")
        && !lex().soft_adverbs.contains(prev)
        && !lex().be.contains(prev)
        && !lex().non_nouns.contains(prev);
    let heads_actor_phrase = f.verb >= 2 && s.in_mention(f.verb - 2);
    participle && prev_is_common_noun && !heads_actor_phrase
}

/// True when one of pattern `p`'s word tokens names one of the `words`.
fn names_any(p: &crate::verbs::Pattern, words: &[W]) -> bool {
    p.toks.iter().any(|t| match t {
        crate::verbs::Tok::Words(alts) => words.iter().any(|w| alts.contains(&w.lower)),
        _ => false,
    })
}

/// Event nouns standing alone ("the Chinese airstrike on Idlib", "X's
/// visit to Y"): candidates only, kept when the parse gives them both a
/// source and a target. Nouns listed in `bare_event_nouns`, outside the
/// mentions; those inside a trigger found are left out with [`taken`].
pub(super) fn bare_nouns(verbs: &VerbDict, s: &Sentence<'_>) -> Vec<Found> {
    let words = &s.words;
    let mut out = Vec::new();
    for i in 0..words.len() {
        if s.in_mention(i) {
            continue;
        }
        // One word ("airstrikes") or two ("air strikes"); the event's word
        // is the head, the last.
        let two_words = || {
            let first = i.checked_sub(1)?;
            // A two-word noun needs a noun trigger starting at its first word.
            (!verbs.nouns_for(&words[first].lower).is_empty())
                .then(|| bare_trigger(verbs, &words[first..=i]))
                .flatten()
        };
        let Some(t) = bare_trigger(verbs, &words[i..=i]).or_else(two_words) else {
            continue;
        };
        out.push(Found {
            candidates: vec![t],
            verb: i,
            after: i + 1,
            noun_len: 1,
            between: None,
            bare: true,
            noun_at: None,
        });
    }
    out
}

/// The noun trigger of `phrase` (one word or two) when it is a bare event
/// noun of `bare_event_nouns`.
fn bare_trigger(verbs: &VerbDict, phrase: &[W]) -> Option<usize> {
    let listed = match phrase {
        [one] => lex().bare_event_nouns.contains(one.lower.as_str()),
        [a, b] => lex()
            .bare_event_nouns
            .contains(format!("{} {}", a.lower, b.lower).as_str()),
        _ => false,
    };
    if !listed {
        return None;
    }
    let lower = || phrase.iter().map(|w| w.lower.as_str());
    verbs
        .nouns_for(&phrase[0].lower)
        .iter()
        .copied()
        .find(|&t| {
            matches!(&verbs.triggers[t].kind, TriggerKind::Noun { nouns }
            if nouns.iter().any(|n| n.iter().map(String::as_str).eq(lower())))
        })
}

/// True when word `i` lies in one of the triggers `found`.
pub(super) fn taken(found: &[Found], i: usize) -> bool {
    found
        .iter()
        .any(|f| i >= f.verb && i < f.after.max(f.verb + 1))
}
