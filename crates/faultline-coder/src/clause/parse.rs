//! The dependency parse of a sentence as the clause passes see it: who is
//! the subject of a trigger, whom its objects and obliques name, and whether
//! it is passive, read off the tree of `faultline-syntax` instead of word
//! windows.
//!
//! Input: the sentence's tokens and acting mentions, and the parsed words
//! (whose `token` field indexes the same `faultline-text` tokens as the
//! sentence's words). Output: actors (indices into the sentence's actors)
//! for each argument role. A role the parse does not fill is `None`, and the
//! passes then fall back on their word-window rules.

use faultline_actors::Via;
use faultline_syntax::ParsedWord;
use faultline_syntax::args::{Arguments, Tree};

use super::{Found, Sentence};
use crate::dict::cameo;
use crate::dict::lexicon::lex;

/// How deep a phrase is searched for the actor it names ("the defense
/// ministers of Latvia" → Latvia; "the navy of Japan's ally" stops there).
const MAX_DEPTH: u8 = 3;
/// How many heads a walk up a noun phrase climbs at most.
const MAX_CLIMB: usize = 8;

/// A parsed sentence with its words tied to the sentence's tokens and actors.
pub(super) struct Parse<'p> {
    text: &'p str,
    tree: Tree<'p, 'static>,
    /// First parsed word of each token of the sentence.
    word_of_token: Vec<Option<u32>>,
    /// Byte where each token starts, and the sentence's end after the last.
    token_start: Vec<usize>,
    /// Byte where each acting mention starts.
    actor_start: Vec<usize>,
    /// The mention was resolved only from context or coreference ("the
    /// spokesperson"), not named.
    actor_weak: Vec<bool>,
    /// The acting mentions each parsed word lies in: one, or several for a
    /// group phrase ("the two governments", "they") that stands for several.
    actor_of_word: Vec<Vec<usize>>,
}

/// Relations of a clause with a verb of its own under another word.
const CLAUSES: [&str; 4] = ["advcl", "ccomp", "conj", "parataxis"];

/// A trigger's roles as the parse reads them.
#[derive(Debug, Default)]
pub(super) struct ParsedRoles {
    /// The subject comes from another clause (coordination, control,
    /// relative clause), where parses of news go wrong most.
    pub subject_inherited: bool,
    /// The verb is a conjunct of another verb ("said … and urged"): an
    /// inherited subject is that verb's.
    pub coordinated: bool,
    /// The parse gives the verb a subject of its own, whether or not it
    /// names an actor.
    pub own_subject_word: bool,
    /// The trigger heads an infinitive of purpose ("summoned the envoy to
    /// protest"), whose subject is the served clause's, not the nearest
    /// actor before it.
    pub purpose: bool,
    /// The trigger heads a participle clause before the clause it
    /// modifies ("After visiting Kyiv, the president …"), whose subject is
    /// that clause's.
    pub fronted_participle: bool,
    /// The trigger heads an unmarked participle after a comma that closes
    /// the clause it modifies ("Japan announced a shift, suspending aid to
    /// X"), whose subject is that clause's, even after a report verb.
    pub trailing_participle: bool,
    /// The act lies in a noun phrase: a gerund completing a common noun
    /// through a preposition ("the deal on sending troops"), or a support
    /// word used as a noun ("condemned the launch of a missile by X").
    /// Whoever does it is the phrase's agent (`subject`, perhaps none),
    /// not the sentence's subject.
    pub noun_complement: bool,
    /// The actors the subject names (empty when it names none).
    pub subject: Vec<usize>,
    /// The passive agent's actors ("by X").
    pub agent: Vec<usize>,
    /// Actors named by objects and by obliques whose case marks a target
    /// ("with", "against", "on", …), in that order; topics and places left out.
    pub targets: Vec<usize>,
    /// The targets named in an oblique of opposition ("supported Y
    /// against Z"): targets of conflict only.
    pub opponents: Vec<usize>,
    /// A definite event noun among the objects and target obliques ("the
    /// attack", "this move"): the event refers back to an earlier one.
    pub event_reference: Option<String>,
    /// That event noun names whom the act was on ("the attack on
    /// peacekeepers"): it can only refer back to an act on someone.
    pub reference_on_someone: bool,
    /// The verb has a passive auxiliary ("was further sanctioned").
    pub aux_passive: bool,
    /// The verb has an active subject of its own before it (`nsubj`):
    /// "after Pyongyang threatened to …" is no reduced relative.
    pub active_subject: bool,
    /// The actors of the verb's `between`/`among` oblique ("was signed
    /// between Chile and Peru"): the parties of a joint act.
    pub pair: Vec<usize>,
    /// The verb's own subject is a common noun phrase that names no actor
    /// ("the agreement signed …", "a car bomb killed …").
    pub subject_names_nobody: bool,
    /// The verb is a conjunct whose shared subject is a common noun phrase
    /// naming no actor ("the bloc suspended Mali and warned of sanctions").
    pub shared_subject_names_nobody: bool,
    /// What the verb's clausal complement is about: the actors its subject
    /// names ("said Navalny was poisoned"), else those its nominal
    /// predicate names ("said the crash was Iran's doing"); with the bytes
    /// where the complement starts and ends.
    pub reported: Option<(Vec<usize>, usize, usize)>,
    /// The first clausal complement describes a state of what it is about,
    /// not an act of it: a copula or a passive ("said Peru was behind the
    /// raid", "said Navalny was poisoned"; not "said Iran violated …").
    pub reported_state: bool,
    /// The bytes of the verb's first clausal complement (`ccomp`) whose
    /// subject is a noun phrase (no pronoun), whether or not it names an
    /// actor.
    pub complement: Option<(usize, usize)>,
    /// The targets of the verb of its clausal complement ("admitted it
    /// had shot down a Ukrainian jet" → the jet's country).
    pub reported_targets: Vec<usize>,
}

impl<'p> Parse<'p> {
    /// Ties `words` (parsed from the sentence's span of the body) to the
    /// sentence's tokens and actors.
    pub fn new(s: &Sentence<'p>, words: &'p [ParsedWord<'static>]) -> Self {
        let mut word_of_token = vec![None; s.words.len()];
        for (i, w) in words.iter().enumerate() {
            if let Some(slot) = word_of_token.get_mut(w.token as usize)
                && slot.is_none()
            {
                *slot = u32::try_from(i).ok();
            }
        }
        let actor_of_word = words
            .iter()
            .map(|w| {
                (0..s.actors.len())
                    .filter(|&a| w.span.start >= s.actors[a].start && w.span.end <= s.actors[a].end)
                    .collect()
            })
            .collect();
        let mut token_start: Vec<usize> = s.words.iter().map(|w| w.start).collect();
        token_start.push(s.inp.end);
        Self {
            token_start,
            actor_start: s.actors.iter().map(|m| m.start).collect(),
            actor_weak: s
                .actors
                .iter()
                .map(|m| matches!(m.via, Via::Context | Via::Coreference))
                .collect(),
            text: s.body,
            tree: Tree::new(s.body, words),
            word_of_token,
            actor_of_word,
        }
    }

    /// The parsed word of token `token`.
    pub fn word(&self, token: usize) -> Option<u32> {
        self.word_of_token.get(token).copied().flatten()
    }

    /// True when token `t` lies in the clause of the verb at token `verb`:
    /// no clause on its way up to the verb has a subject of its own ("allowed
    /// that Mordor is the neatest place": "place" has its own subject). A
    /// word the parse does not put under the verb counts as in it.
    pub fn in_clause_of(&self, verb: usize, t: usize) -> bool {
        let (Some(v), Some(mut w)) = (self.word(verb), self.word(t)) else {
            return true;
        };
        let mut path = Vec::new();
        for _ in 0..64 {
            if w == v {
                return !path.iter().any(|&x| self.has_subject(x));
            }
            path.push(w);
            match self.tree.head(w) {
                Some(h) => w = h,
                None => return true,
            }
        }
        true
    }

    /// True when token `t` may be an argument of the verb at token `verb`:
    /// it is not under a verb coordinated with it ("rejected the plan and
    /// said it would fight X"), nor in a clause that gives what others
    /// claim ("dismissed claims that X was behind it"), nor in a predicate
    /// introduced by "as" ("condemned the test as a breach of X's
    /// resolutions").
    pub fn may_be_argument_of(&self, verb: usize, t: usize) -> bool {
        let (Some(v), Some(mut w)) = (self.word(verb), self.word(t)) else {
            return true;
        };
        for _ in 0..64 {
            let Some(h) = self.tree.head(w) else {
                return true;
            };
            let upos = |x: u32| self.tree.words().get(x as usize).map(|x| x.upos);
            let coordinated_verb = self.tree.rel(w) == "conj" && upos(w) == Some("VERB");
            let noun_complement = self.has_subject(w)
                && lex()
                    .reported_content_nouns
                    .contains(self.lower(h).as_str());
            let predicate = self
                .tree
                .child(w, "case")
                .is_some_and(|k| lex().predicate_cases.contains(self.lower(k).as_str()));
            if coordinated_verb || noun_complement || predicate {
                return false;
            }
            if h == v {
                return true;
            }
            w = h;
        }
        true
    }

    /// True when token `t` names a place: its own preposition is one of
    /// place that names no target ("near X"), or it is the "of" phrase of a
    /// noun that is ("in the Gulf of X"). "aid to X" is no place, even
    /// inside "$1 billion in aid to X".
    pub fn in_place_phrase(&self, t: usize) -> bool {
        let Some(w) = self.word(t) else {
            return false;
        };
        let case = |w: u32| self.tree.child(w, "case").map(|k| self.lower(k));
        match case(w).as_deref() {
            Some("of") => self
                .tree
                .head(w)
                .and_then(case)
                .is_some_and(|c| lex().names_a_place(&c)),
            Some(c) => lex().names_a_place(c),
            None => false,
        }
    }

    /// True when word `w` has a subject of its own.
    fn has_subject(&self, w: u32) -> bool {
        self.tree.children(w).iter().any(|&c| {
            let rel = self.tree.rel(c);
            faultline_syntax::args::is_rel(rel, "nsubj")
                || faultline_syntax::args::is_rel(rel, "csubj")
        })
    }

    /// The universal part of speech of token `t` ("ADJ", "NOUN").
    pub fn upos(&self, t: usize) -> Option<&str> {
        let w = self.word(t)?;
        self.tree.words().get(w as usize).map(|x| x.upos)
    }

    /// The byte where token `t` starts (the sentence end past the last).
    fn start_of(&self, t: usize) -> usize {
        self.token_start
            .get(t)
            .or(self.token_start.last())
            .copied()
            .unwrap_or(0)
    }

    /// The actors the word lies in.
    /// Where the verb that the adverbial clause headed by token `t` hangs
    /// on starts ("angered Chile by recalling …": "angered").
    pub fn governor_start(&self, t: usize) -> Option<usize> {
        let w = self.word(t)?;
        if self.tree.rel(w) != "advcl" {
            return None;
        }
        let h = self.tree.head(w)?;
        self.tree.words().get(h as usize).map(|x| x.span.start)
    }

    fn actors_at(&self, w: u32) -> &[usize] {
        self.actor_of_word
            .get(w as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Word `verb` is a conjunct of another verb ("said … and urged").
    fn coordinated_verb(&self, verb: u32) -> bool {
        self.tree.rel(verb) == "conj"
            && self
                .tree
                .head(verb)
                .and_then(|h| self.tree.words().get(h as usize))
                .is_some_and(|h| h.upos == "VERB")
    }

    /// The actors a subject names, or those a relative pronoun, the
    /// speaker of a reported clause's pronoun subject, or the pronoun
    /// subject of an object relative clause stands for.
    fn subject_actors(&self, w: u32) -> Vec<usize> {
        let named = self.actors_of_phrase(w, 0);
        if !named.is_empty() {
            return named;
        }
        let antecedent = self.antecedent_actors(w);
        if !antecedent.is_empty() {
            return antecedent;
        }
        let speaker = self.speaker_of_pronoun(w);
        if speaker.is_empty() {
            self.relative_clause_pronoun(w)
        } else {
            speaker
        }
    }

    /// The actors a pronoun subject `w` of an object relative clause stands
    /// for: the subject of the clause its antecedent lies in ("Chile
    /// recalled its envoy, citing attacks by Peru, which it blamed on …":
    /// "it" is Chile), never the antecedent itself. A named subject, or a
    /// pronoun a speech verb's subject resolves.
    fn relative_clause_pronoun(&self, w: u32) -> Vec<usize> {
        if !lex().reported_pronouns.contains(&self.lower(w)) {
            return Vec::new();
        }
        let Some(clause) = self
            .tree
            .head(w)
            .filter(|&c| self.tree.rel(c) == "acl:relcl")
        else {
            return Vec::new();
        };
        let object_relative = self
            .tree
            .children_with(clause, "obj")
            .any(|o| lex().relative_pronouns.contains(&self.lower(o)));
        let Some(noun) = self.tree.head(clause).filter(|_| object_relative) else {
            return Vec::new();
        };
        let Some(verb) = self.governing_verb(noun) else {
            return Vec::new();
        };
        let Some(subject) = self.tree.arguments(verb).subject else {
            return Vec::new();
        };
        let mut actors = self.actors_of_phrase(subject, 0);
        if actors.is_empty() {
            actors = self.speaker_of_pronoun(subject);
        }
        let antecedent = self.actors_of_phrase(noun, 0);
        actors.retain(|a| !antecedent.contains(a));
        actors
    }

    /// The nearest verb above word `w` in the tree, at most `MAX_CLIMB`
    /// heads up.
    fn governing_verb(&self, w: u32) -> Option<u32> {
        let mut at = w;
        for _ in 0..MAX_CLIMB {
            at = self.tree.head(at)?;
            if self.tree.words().get(at as usize)?.upos == "VERB" {
                return Some(at);
            }
        }
        None
    }

    /// The actors a relative pronoun `w` stands for: those of the noun its
    /// clause modifies, else those of a name right before its comma, where
    /// the parse hung the clause on a noun further left ("a deal with
    /// China, which brokered …", "signed a pact with Peru, which …").
    fn antecedent_actors(&self, w: u32) -> Vec<usize> {
        if !lex().relative_pronouns.contains(&self.lower(w)) {
            return Vec::new();
        }
        let Some(clause) = self.tree.head(w) else {
            return Vec::new();
        };
        // The parse may also hang the clause on the verb ("advcl:relcl").
        let rel = self.tree.rel(clause);
        let noun = self
            .tree
            .head(clause)
            .filter(|_| rel.starts_with("acl") || rel.ends_with("relcl"));
        let Some(noun) = noun else {
            return Vec::new();
        };
        let own = if rel.starts_with("acl") {
            self.actors_of_phrase(noun, 0)
        } else {
            Vec::new()
        };
        if !own.is_empty() {
            return own;
        }
        let words = self.tree.words();
        let before_comma = w
            .checked_sub(2)
            .filter(|&n| n > noun && words.get(n as usize + 1).is_some_and(|c| c.upos == "PUNCT"))
            .filter(|&n| words.get(n as usize).is_some_and(|x| x.upos == "PROPN"));
        before_comma.map_or_else(Vec::new, |n| self.actors_at(n).to_vec())
    }

    /// Word `w` is a noun with a determiner of its own ("the launch", "a
    /// firing"): a support word used as a noun.
    fn is_nominal(&self, w: u32) -> bool {
        self.tree
            .words()
            .get(w as usize)
            .is_some_and(|x| x.upos == "NOUN")
            && self.tree.child(w, "det").is_some()
    }

    /// Word `verb` is a gerund completing a common noun after a
    /// preposition ("the deal on sending troops": `acl` with a `mark`
    /// other than "to").
    fn gerund_of_noun(&self, verb: u32) -> bool {
        let words = self.tree.words();
        self.tree.rel(verb) == "acl"
            && self
                .tree
                .head(verb)
                .and_then(|h| words.get(h as usize))
                .is_some_and(|h| h.upos == "NOUN")
            && self
                .tree
                .children_with(verb, "mark")
                .any(|m| words.get(m as usize).is_some_and(|m| m.upos != "PART"))
    }

    /// The roles of trigger `f`: the verb's own arguments, and for an event
    /// noun after a support verb, the noun's parties too ("held talks with
    /// X" where "with X" hangs on the noun).
    pub fn roles(&self, f: &Found) -> Option<ParsedRoles> {
        if f.bare {
            return self.nominal_roles(f);
        }
        let verb = self.word(f.verb)?;
        let mut args = self.tree.arguments(verb);
        let mut out = ParsedRoles {
            subject_inherited: args.subject_inherited,
            coordinated: self.coordinated_verb(verb),
            own_subject_word: args.subject.is_some() && !args.subject_inherited,
            purpose: self.is_purpose_clause(f.verb),
            fronted_participle: self.is_fronted_participle(f.verb),
            trailing_participle: self.tree.is_trailing_participle(verb),
            noun_complement: self.gerund_of_noun(verb),
            subject: args
                .subject
                .map(|w| self.subject_actors(w))
                .unwrap_or_default(),
            // Every "by" phrase: "signed by Ghana's minister and by his
            // Togolese counterpart".
            agent: self
                .tree
                .children_with(verb, "obl:agent")
                .flat_map(|w| self.actors_of_phrase(w, 0))
                .collect(),
            targets: Vec::new(),
            opponents: Vec::new(),
            event_reference: None,
            reference_on_someone: false,
            aux_passive: self.tree.child(verb, "aux:pass").is_some(),
            active_subject: self
                .tree
                .child(verb, "nsubj")
                .is_some_and(|w| w < verb && !args.subject_inherited),
            subject_names_nobody: false,
            shared_subject_names_nobody: false,
            reported: self.reported(verb, &args),
            reported_state: self.reported_state(&args),
            complement: args
                .complements
                .iter()
                .find(|&&c| self.tree.rel(c) == "ccomp")
                .filter(|&&c| {
                    // "warned that it would close its border with X": a
                    // pronoun may be the speaker, whose act it is.
                    self.tree
                        .child(c, "nsubj")
                        .and_then(|n| self.tree.words().get(n as usize))
                        .is_some_and(|n| n.upos != "PRON")
                })
                .map(|&c| {
                    let span = self.tree.phrase(c);
                    (span.start, span.end)
                }),
            reported_targets: Vec::new(),
            pair: args
                .obliques
                .iter()
                .filter(|o| {
                    o.case
                        .is_some_and(|c| lex().pair_cases.contains(&self.lower(c)))
                })
                .flat_map(|o| self.actors_of_phrase(o.word, 0))
                .collect(),
        };
        // Every subject the parse gives the verb (a misparse may give two)
        // is a common noun naming no actor.
        out.subject_names_nobody = out.subject.is_empty()
            && !args.subject_inherited
            && self
                .tree
                .children_with(verb, "nsubj")
                .all(|w| self.names_nobody(w))
            && args.subject.is_some();
        out.shared_subject_names_nobody = out.subject.is_empty()
            && args.subject_inherited
            && out.coordinated
            && args.subject.is_some_and(|w| self.names_nobody(w));
        if f.noun_len > 0 && self.is_nominal(verb) {
            // "the launch of a missile by X": the agent, not the clause's subject.
            out.noun_complement = true;
            out.subject = self.event_agent(verb).unwrap_or_default();
            out.subject_inherited = false;
            return Some(out);
        }
        self.push_verb_targets(verb, &mut args, &mut out);
        out.event_reference = self
            .event_reference(&args)
            .or_else(|| self.trigger_noun_reference(f, &args));
        out.reference_on_someone = out
            .event_reference
            .as_deref()
            .is_some_and(|r| self.reference_on_someone(f.verb, r));
        if f.noun_len > 0
            && let Some(noun) = f.after.checked_sub(1).and_then(|t| self.word(t))
        {
            self.push_noun_parties(noun, &mut out.targets);
        }
        if out.targets.is_empty() {
            // "refused to work with X", "vowed to punish X": the target of
            // a governed infinitive is the governing verb's.
            // Not a participle after an event noun: "issued a statement
            // accusing X" accuses X, the statement has no target.
            for &c in &args.complements {
                let participle = f.noun_len > 0 && self.lower(c).ends_with("ing");
                if self.tree.rel(c) == "xcomp" && !participle {
                    let inner = self.tree.arguments(c);
                    self.push_targets(&inner, &mut out.targets, &mut out.opponents);
                }
            }
        }
        if let Some(&c) = args
            .complements
            .iter()
            .find(|&&c| self.tree.rel(c) == "ccomp")
        {
            // Each clause of a coordinated complement ("warned that it was
            // a breach and the council could act against X").
            let mut opponents = Vec::new();
            for clause in std::iter::once(c).chain(self.conjoined_clauses(c)) {
                self.push_targets(
                    &self.tree.arguments(clause),
                    &mut out.reported_targets,
                    &mut opponents,
                );
            }
        }
        // Actors inside the trigger's own words ("a military offensive")
        // are no targets.
        let (from, to) = (self.start_of(f.verb), self.start_of(f.after));
        out.targets
            .retain(|&a| self.actor_start[a] < from || self.actor_start[a] >= to);
        dedup(&mut out.subject);
        dedup(&mut out.targets);
        Some(out)
    }

    /// The speaker a pronoun subject of a reported clause stands for: "Iran
    /// said it would retaliate", "the rebels say they seized the town",
    /// "Chile denied it had sent troops". Only a pronoun of
    /// `reported_pronouns`, only in the clausal complement of a speech verb
    /// (`reporting_verbs`, `say`) or a denial (`denials`), only a speaker
    /// that names an actor.
    fn speaker_of_pronoun(&self, w: u32) -> Vec<usize> {
        if !lex().reported_pronouns.contains(&self.lower(w)) {
            return Vec::new();
        }
        let Some(mut clause) = self.tree.head(w) else {
            return Vec::new();
        };
        // "said it had struck … and killed …": up through coordination.
        for _ in 0..8 {
            if self.tree.rel(clause) != "conj" {
                break;
            }
            match self.tree.head(clause) {
                Some(h) => clause = h,
                None => return Vec::new(),
            }
        }
        let Some(speech) = self.tree.head(clause) else {
            return Vec::new();
        };
        let word = self.lower(speech);
        let speaks = lex().reporting_verbs.contains(&word)
            || lex().say.contains(&word)
            || lex().denials.contains(&word);
        if self.tree.rel(clause) != "ccomp" || !speaks {
            return Vec::new();
        }
        let args = self.tree.arguments(speech);
        args.subject
            .map(|s| self.actors_of_phrase(s, 0))
            .unwrap_or_default()
    }

    /// The clauses conjoined to clause `c` that have a subject of their own
    /// ("… and the council could act").
    fn conjoined_clauses(&self, c: u32) -> impl Iterator<Item = u32> + '_ {
        self.tree
            .children(c)
            .iter()
            .copied()
            .filter(move |&k| k > c && self.tree.rel(k) == "conj")
            // joined by a conjunction, not a source after a comma
            // ("…, the Cyprus Mail reported")
            .filter(|&k| {
                self.tree.child(k, "nsubj").is_some() && self.tree.child(k, "cc").is_some()
            })
    }

    /// The actors the first clausal complement (`ccomp`) of a verb is
    /// about, and its byte span; `None` when it names none.
    fn reported(&self, verb: u32, args: &Arguments) -> Option<(Vec<usize>, usize, usize)> {
        args.complements
            .iter()
            .filter(|&&c| self.tree.rel(c) == "ccomp")
            .find_map(|&c| {
                let inner = self.tree.arguments(c);
                // A subject the parse hung on the speech verb, between it
                // and the complement, is the complement's ("said | Navalny
                // | was poisoned").
                let subject = inner
                    .subject
                    .filter(|_| !inner.subject_inherited)
                    .or_else(|| {
                        self.tree.children(verb).iter().copied().find(|&w| {
                            w > verb
                                && w < c
                                && faultline_syntax::args::is_rel(self.tree.rel(w), "nsubj")
                        })
                    });
                let mut about = subject
                    .map(|w| self.actors_of_phrase(w, 0))
                    .unwrap_or_default();
                if about.is_empty() {
                    // A parse may give the clause two subjects ("the crash
                    // was likely Iran's doing"): the one naming an actor.
                    about = self
                        .tree
                        .children(c)
                        .iter()
                        .filter(|&&w| faultline_syntax::args::is_rel(self.tree.rel(w), "nsubj"))
                        .map(|&w| self.actors_of_phrase(w, 0))
                        .find(|a| !a.is_empty())
                        .unwrap_or_default();
                }
                if about.is_empty() {
                    // "said that it was a breach and the council would act":
                    // a later clause of the complement with its own subject.
                    about = self
                        .conjoined_clauses(c)
                        .filter_map(|k| self.tree.child(k, "nsubj"))
                        .map(|w| self.actors_of_phrase(w, 0))
                        .find(|a| !a.is_empty())
                        .unwrap_or_default();
                }
                if about.is_empty() && self.tree.child(c, "cop").is_some() {
                    // "was Iran's doing", "was Iran": the predicate or its
                    // possessor, not any actor deeper in it ("will be US$3
                    // billion").
                    about = self.actors_at(c).to_vec();
                    if about.is_empty()
                        && let Some(owner) = self.tree.possessor(c)
                    {
                        about = self.actors_at(owner).to_vec();
                    }
                }
                // Only named actors: "they" or a role word read from context
                // says too little of whom a statement is about.
                about.retain(|&a| !self.actor_weak[a]);
                let span = self.tree.phrase(c);
                (!about.is_empty()).then_some((about, span.start, span.end))
            })
    }

    /// True when the first clausal complement is a state (a copula or a
    /// passive) rather than an act of its subject; see `reported_state`.
    fn reported_state(&self, args: &Arguments) -> bool {
        args.complements
            .iter()
            .find(|&&c| self.tree.rel(c) == "ccomp")
            .is_some_and(|&c| {
                self.tree.child(c, "cop").is_some()
                    || self.tree.child(c, "aux:pass").is_some()
                    || self.tree.child(c, "nsubj:pass").is_some()
            })
    }

    /// The parties of an event noun standing alone: the source is its
    /// possessor, an actor modifier or its `by` phrase ("Japan's visit to
    /// Seoul", "the Chinese airstrike on Idlib", "the raid by Kenya on
    /// …"); the targets its `nmod`s with a target case, its `of` phrase for
    /// nouns of acting on someone ("Iraq's invasion of Kuwait"), and the
    /// parties its clauses name ("sanctions imposed by X on Y").
    fn nominal_roles(&self, f: &Found) -> Option<ParsedRoles> {
        let noun = self.word(f.verb)?;
        let mut subject = Vec::new();
        for c in self.tree.children(noun) {
            let rel = self.tree.rel(*c);
            if matches!(rel, "nmod:poss" | "amod" | "compound")
                || self.has_case(*c, |k| lex().agent_cases.contains(k))
            {
                subject.extend(self.actors_of_phrase(*c, 0));
            }
        }
        let patient_of = lex().patient_of_nouns.contains(&self.lower(noun));
        if patient_of {
            subject.extend(self.agents_under_patient(noun));
        }
        if subject.is_empty() && !patient_of {
            // With no actor named otherwise, "of" names who acts: "the visit
            // of the Kenyan president to Kampala", "the meeting of Ruto
            // with Museveni".
            for c in self.tree.children_with(noun, "nmod") {
                if self.has_case(c, |k| k == "of") {
                    subject.extend(self.actors_of_phrase(c, 0));
                }
            }
        }
        let mut targets = Vec::new();
        if subject.is_empty() {
            // The pair's first acts on the others (a meeting is mutual).
            let mut pair = self.pair_owning(noun);
            if pair.len() >= 2 {
                targets = pair.split_off(1);
                subject = pair;
            }
        }
        self.push_clause_parties(noun, &mut subject, &mut targets);
        self.push_noun_parties(noun, &mut targets);
        if targets.is_empty() {
            // "strikes by X on Y" with "on Y" hung on the agent.
            for agent in self.tree.children_with(noun, "nmod") {
                if self.has_case(agent, |k| lex().agent_cases.contains(k)) {
                    self.push_noun_parties(agent, &mut targets);
                }
            }
        }
        if targets.is_empty() && self.is_force_noun(noun) {
            self.push_struck_places(noun, &mut targets);
        }
        if !subject.is_empty() && patient_of {
            for c in self.tree.children_with(noun, "nmod") {
                if self.has_case(c, |k| k == "of") {
                    targets.extend(self.actors_of_phrase(c, 0));
                }
            }
        }
        targets.retain(|t| !subject.contains(t));
        dedup(&mut subject);
        dedup(&mut targets);
        Some(ParsedRoles {
            subject,
            subject_inherited: false,
            noun_complement: false,
            coordinated: false,
            own_subject_word: false,
            purpose: false,
            fronted_participle: false,
            trailing_participle: false,
            agent: Vec::new(),
            targets,
            opponents: Vec::new(),
            event_reference: None,
            reference_on_someone: false,
            aux_passive: false,
            active_subject: false,
            subject_names_nobody: false,
            shared_subject_names_nobody: false,
            reported: None,
            reported_state: false,
            complement: None,
            reported_targets: Vec::new(),
            pair: Vec::new(),
        })
    }

    /// "Chile and Peru signed the accord at their meeting": the two or more
    /// actors of the subject of the verb that a noun of a joint act
    /// (`pair_possessed_nouns`) with a possessive of `pair_possessives`
    /// hangs on (none otherwise).
    fn pair_owning(&self, noun: u32) -> Vec<usize> {
        let owned = lex().pair_possessed_nouns.contains(&self.lower(noun))
            && self
                .tree
                .child(noun, "nmod:poss")
                .is_some_and(|p| lex().pair_possessives.contains(&self.lower(p)));
        let Some(verb) = self.tree.head(noun).filter(|_| owned) else {
            return Vec::new();
        };
        // "condemned Putin and Kim over their summit": "their" may be the
        // object's pair; with actors for an object, no pair is sure.
        if self
            .tree
            .children_with(verb, "obj")
            .any(|o| !self.actors_of_phrase(o, 0).is_empty())
        {
            return Vec::new();
        }
        let pair = self
            .tree
            .arguments(verb)
            .subject
            .map(|w| self.subject_actors(w))
            .unwrap_or_default();
        if pair.len() >= 2 { pair } else { Vec::new() }
    }

    /// The agents a greedy parse hangs on the "of" phrase of an event noun
    /// instead of on the noun: in "the expulsion of Chinese staff by
    /// Canada" or "the bombing of the bridge by NATO" the "by" phrase
    /// names who acted, since the noun after "of" takes no agent.
    fn agents_under_patient(&self, noun: u32) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self.tree.children_with(noun, "nmod") {
            if !self.has_case(c, |k| k == "of") {
                continue;
            }
            for a in self.tree.children_with(c, "nmod") {
                if self.has_case(a, |k| lex().agent_cases.contains(k)) {
                    out.extend(self.actors_of_phrase(a, 0));
                }
            }
        }
        out
    }

    /// True when the noun `w` names an act of force (the nouns of
    /// `data/anaphora.toml` whose events are material conflict: "airstrike",
    /// "raid", "shelling").
    fn is_force_noun(&self, w: u32) -> bool {
        super::anaphora::group_of(&self.lower(w))
            .is_some_and(|g| g.roots.iter().any(|r| cameo::quad_class(r) == 4))
    }

    /// The places where an act of force struck, for want of a party: "an
    /// airstrike on a market in Yemen", "the raid on a camp near Mosul"
    /// (the place phrase of the noun its target case marks).
    fn push_struck_places(&self, noun: u32, out: &mut Vec<usize>) {
        // A greedy parse often hangs "on a market" on the agent ("by jets").
        let agents = self
            .tree
            .children_with(noun, "nmod")
            .filter(|&c| self.has_case(c, |k| lex().agent_cases.contains(k)));
        let phrases: Vec<u32> = std::iter::once(noun)
            .chain(agents)
            .flat_map(|h| self.tree.children_with(h, "nmod"))
            .collect();
        for c in phrases {
            let case = self.tree.child(c, "case").map(|k| self.lower(k));
            if !case
                .as_deref()
                .is_some_and(|k| lex().target_cases.contains(k))
            {
                continue;
            }
            for p in self.tree.children_with(c, "nmod") {
                let place = self.tree.child(p, "case").map(|k| self.lower(k));
                if place
                    .as_deref()
                    .is_some_and(|k| lex().place_prepositions.contains(k))
                {
                    out.extend(self.actors_of_phrase(p, 0));
                }
            }
        }
        if out.is_empty() {
            self.push_places_of_its_verb(noun, out);
        }
    }

    /// The place phrase of the verb an act of force is the subject of:
    /// "the raid by X on a depot killed two in Yemen", "a strike on a market
    /// in Libya killed dozens" with "in Libya" hung on "killed": where it
    /// harmed is where it struck.
    fn push_places_of_its_verb(&self, noun: u32, out: &mut Vec<usize>) {
        let Some(verb) = self.tree.head(noun) else {
            return;
        };
        if !self.is_subject_word(noun) {
            return;
        }
        for c in self.tree.children(verb) {
            let case = self.tree.child(*c, "case").map(|k| self.lower(k));
            if faultline_syntax::args::is_rel(self.tree.rel(*c), "obl")
                && case
                    .as_deref()
                    .is_some_and(|k| lex().place_prepositions.contains(k))
            {
                out.extend(self.actors_of_phrase(*c, 0));
            }
        }
    }

    /// True when `w` is an `nmod` whose case marker passes `is_case`.
    fn has_case(&self, w: u32, is_case: impl Fn(&str) -> bool) -> bool {
        self.tree.rel(w) == "nmod"
            && self
                .tree
                .child(w, "case")
                .is_some_and(|k| is_case(&self.lower(k)))
    }

    /// Parties an event noun's clauses name: the agent and target obliques
    /// of a participle of carrying out ("the tariffs imposed by Ottawa on
    /// Beijing"), the objects and target obliques of a relative clause the
    /// noun is the subject of ("the raid that killed two Malian soldiers").
    fn push_clause_parties(&self, noun: u32, subject: &mut Vec<usize>, targets: &mut Vec<usize>) {
        let mut opponents = Vec::new();
        if let Some(agent) = self.performer(noun) {
            subject.extend(self.actors_of_phrase(agent, 0));
            // "imposed by Washington on Venezuela": a greedy parse often
            // hangs the target phrase on the agent.
            self.push_noun_parties(agent, targets);
            if let Some(verb) = self.tree.head(agent) {
                self.push_targets(&self.tree.arguments(verb), targets, &mut opponents);
            }
        }
        for c in self.tree.children_with(noun, "acl:relcl") {
            let args = self.tree.arguments(c);
            let relative = args.subject.is_some_and(|w| {
                self.actors_at(w).is_empty() && lex().relative_pronouns.contains(&self.lower(w))
            });
            if relative {
                self.push_targets(&args, targets, &mut opponents);
            }
        }
    }

    /// False when the parse reads a verb trigger's word as a noun in a
    /// noun's place ("a Philippine supply boat", "bans foreign funding"):
    /// no clause of its own, so no event of that verb. Only forms a noun
    /// can share (the base form of `lemma`, its `-s` and `-ing` forms) are
    /// read so; a past tense the tagger took for a rare noun stays a verb.
    pub fn reads_as_verb(&self, f: &Found, lemma: &str) -> bool {
        if f.bare || f.noun_len > 0 {
            return true;
        }
        let Some(w) = self.word(f.verb) else {
            return true;
        };
        // "sent an envoy back", "stepped down": an adverb or particle
        // spelled like a verb is no verb.
        // Only a single word after the word it modifies: "will back
        // Greece" tagged an adverb is still the verb, and so is a phrasal
        // verb ("never back down").
        let after_its_verb = !lemma.contains(' ') && self.tree.head(w).is_some_and(|h| h < w);
        if after_its_verb
            && self
                .tree
                .words()
                .get(w as usize)
                .is_some_and(|x| lex().non_verb_tags.contains(x.upos))
        {
            return false;
        }
        let base = lemma.split(' ').next().unwrap_or(lemma);
        let form = self.lower(w);
        if self.gerund_subject(w, &form) {
            return false;
        }
        // A present tense in -s after a name ("NATO counts on …") is often
        // tagged a noun: an -s form counts as a noun only with a
        // determiner or modifier of its own ("the new sanctions").
        let plural = form
            .strip_suffix('s')
            .is_some_and(|x| x == base || x.strip_suffix('e') == Some(base));
        let modified = self.tree.children(w).iter().any(|&c| {
            matches!(self.tree.rel(c), "det" | "amod" | "nmod:poss" | "nummod")
                || (self.tree.rel(c) == "compound"
                    && self.tree.words().get(c as usize).map(|x| x.upos) == Some("NOUN"))
        });
        let noun_like = form == base || form.ends_with("ing") || (plural && modified);
        if !noun_like {
            return true;
        }
        let noun = self.is_noun(w);
        let nominal_place = matches!(
            self.tree.rel(w),
            "compound" | "obj" | "iobj" | "nsubj" | "nsubj:pass" | "obl" | "nmod" | "nmod:poss"
        );
        let clausal = self.tree.children(w).iter().any(|&c| {
            let rel = self.tree.rel(c);
            rel == "obj" || rel.starts_with("nsubj") || rel.starts_with("aux")
        });
        !(noun && nominal_place && !clausal)
    }

    /// The verb a support verb is only the auxiliary of, when the parse
    /// makes it the head of the event noun after both: "has indefinitely
    /// postponed a meeting", where "postponed" takes the meeting. Its
    /// token, if any.
    pub fn verb_heading_noun(&self, f: &Found) -> Option<usize> {
        if f.noun_len == 0 || f.bare || f.between.is_some() || f.noun_at.is_some() {
            return None;
        }
        let support = self.word(f.verb)?;
        let noun = self.word(f.after.checked_sub(1)?)?;
        let h = self.tree.head(noun)?;
        let auxiliary_of_h =
            self.tree.head(support) == Some(h) && self.tree.rel(support).starts_with("aux");
        if !(auxiliary_of_h && h > support && h < noun) {
            return None;
        }
        self.word_of_token.iter().position(|&w| w == Some(h))
    }

    /// "since fighting erupted", "shelling killed two": an -ing form with
    /// no auxiliary of its own right before a verb is that verb's subject,
    /// a noun, whatever the tagger made of it ("troops fighting rebels",
    /// "were fighting near X" stay verbs).
    fn gerund_subject(&self, w: u32, form: &str) -> bool {
        // A past form the tagger read as an adjective or a noun counts when
        // no noun follows it ("since fighting erupted in May", "after
        // shelling resumed"; not "began shelling fortified positions").
        let words = self.tree.words();
        let past_form = |k: usize| {
            self.lower(k as u32).ends_with("ed")
                && words
                    .get(k + 1)
                    .is_none_or(|x| !matches!(x.upos, "NOUN" | "PROPN" | "ADJ" | "NUM"))
        };
        let k = w as usize + 1;
        let next_is_verb = words.get(k).is_some_and(|x| {
            matches!(x.upos, "VERB" | "AUX") || (matches!(x.upos, "ADJ" | "NOUN") && past_form(k))
        });
        form.ends_with("ing")
            && next_is_verb
            && self.tree.child(w, "aux").is_none()
            && w.checked_sub(1)
                .is_none_or(|p| !lex().be.contains(self.lower(p).as_str()))
    }

    /// True when the word of token `t` heads an infinitive of purpose
    /// (`advcl` marked "to": "met in Athens to sign a deal").
    pub fn is_purpose_clause(&self, t: usize) -> bool {
        self.word(t).is_some_and(|w| {
            self.tree.rel(w) == "advcl"
                && self
                    .tree
                    .child(w, "mark")
                    .is_some_and(|m| self.lower(m) == "to")
        })
    }

    /// The lower-case verb an infinitive of purpose headed by token `t`
    /// modifies ("went in a boat to meet the patrol": "went").
    /// So does one the parser hung on the verb's oblique ("went in a boat
    /// to meet", with "to meet" an `acl` of "boat"): the verb's.
    pub fn purpose_head(&self, t: usize) -> Option<String> {
        let w = self.word(t)?;
        if self.is_purpose_clause(t) {
            return self.tree.head(w).map(|h| self.lower(h));
        }
        let marked = self
            .tree
            .child(w, "mark")
            .is_some_and(|m| self.lower(m) == "to");
        let noun = self
            .tree
            .head(w)
            .filter(|_| marked && self.tree.rel(w) == "acl")?;
        // Not a noun the infinitive completes ("arrived with a plan to
        // mediate").
        // ("flew in with a mandate to meet": `holding_cases`).
        let holds = self
            .tree
            .child(noun, "case")
            .is_some_and(|c| lex().holding_cases.contains(&self.lower(c)));
        (self.tree.rel(noun) == "obl"
            && !holds
            && !lex().intention_nouns.contains(&self.lower(noun)))
        .then(|| self.tree.head(noun))
        .flatten()
        .map(|h| self.lower(h))
    }

    /// True when the word of token `t` heads a present participle clause
    /// before the verb it modifies ("After visiting Kyiv, the president
    /// …").
    pub fn is_fronted_participle(&self, t: usize) -> bool {
        self.word(t)
            .is_some_and(|w| self.tree.is_fronted_participle(w))
    }

    /// True when the word of token `t` heads an infinitive that completes
    /// the noun at token `noun` ("Chile's offer to sign a deal", "the
    /// right to appeal"): the noun, not an earlier verb, governs it.
    pub fn completes_noun(&self, t: usize, noun: usize) -> bool {
        let (Some(w), Some(n)) = (self.word(t), self.word(noun)) else {
            return false;
        };
        self.tree.rel(w) == "acl"
            && self.tree.head(w) == Some(n)
            && self
                .tree
                .child(w, "mark")
                .is_some_and(|m| self.lower(m) == "to")
    }

    /// True when the word of token `t` is the verb of a clause with a
    /// subject of its own ("a car bomb killed ten"), not a participle
    /// modifying a noun ("the troops deployed there").
    pub fn heads_clause(&self, t: usize) -> bool {
        self.word(t).is_some_and(|w| {
            !matches!(self.tree.rel(w), "acl" | "amod" | "acl:relcl")
                && self.tree.child(w, "nsubj").is_some()
        })
    }

    /// True when the parse puts actor `a` in an oblique of an adverbial
    /// clause of the verb at token `verb` ("Speaking in Oslo, the envoy
    /// urged …", "After talks with Seoul, Tokyo agreed …"): the actor is no
    /// argument of that verb.
    pub fn in_adverbial_clause(&self, a: usize, verb: usize) -> bool {
        let (Some(v), Some(w)) = (self.word(verb), self.mention_head(a)) else {
            return false;
        };
        let Some(clause) = self.tree.head(w) else {
            return false;
        };
        faultline_syntax::args::is_rel(self.tree.rel(w), "obl")
            && self.tree.rel(clause) == "advcl"
            && self.tree.head(clause) == Some(v)
    }

    /// True when mention `a`, or the noun phrase it modifies, has a
    /// preposition that names no target: "over the Sea of Japan", "in
    /// Geneva" (not "with X", "against X": `target_cases`).
    pub fn in_phrase(&self, a: usize) -> bool {
        let Some(mut w) = self.mention_head(a) else {
            return false;
        };
        for _ in 0..3 {
            if let Some(k) = self.tree.child(w, "case") {
                return !lex().target_cases.contains(self.lower(k).as_str());
            }
            let rel = self.tree.rel(w);
            if !matches!(rel, "compound" | "amod" | "nmod" | "nmod:poss") {
                return false;
            }
            match self.tree.head(w) {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    }

    /// True when actor `a` names a thing the subjects own together: a
    /// modifier of a noun whose possessor is one of `shared_possessives`
    /// ("formed their AUKUS alliance", "held their Quad summit").
    pub fn names_shared_thing(&self, a: usize) -> bool {
        self.mention_head(a).is_some_and(|w| {
            matches!(self.tree.rel(w), "compound" | "amod")
                && self.tree.head(w).is_some_and(|h| {
                    self.tree.children(h).iter().any(|&c| {
                        self.tree.rel(c) == "nmod:poss"
                            && lex().shared_possessives.contains(&self.lower(c))
                    })
                })
        })
    }

    /// True when the parse makes mention `a` a subject ("If Beijing invades
    /// Taiwan, Washington will …": Washington opens a clause).
    pub fn mention_is_subject(&self, a: usize) -> bool {
        self.mention_head(a)
            .is_some_and(|w| self.is_subject_word(w))
    }

    /// True when the word of token `t` is a subject ("Relations between A
    /// and B have soured": a state described, no event).
    pub fn is_subject(&self, t: usize) -> bool {
        self.word(t).is_some_and(|w| self.is_subject_word(w))
    }

    /// True when the active subject of the verb at token `verb` is a noun
    /// of a relation (`relation_nouns`): "Fiji's relations with Samoa hit a
    /// new low" is the state of the relation, no act of Fiji's.
    pub fn subject_is_relation(&self, verb: usize) -> bool {
        self.word(verb).is_some_and(|v| {
            self.tree.children(v).iter().any(|&c| {
                self.tree.rel(c) == "nsubj" && lex().relation_nouns.contains(&self.lower(c))
            })
        })
    }

    /// True when the verb at token `verb` names whom it acts on: an object,
    /// or an oblique after one of `opponent_prepositions`, that is neither
    /// the contest itself nor the pair (`contest_nouns`). "Chile and Peru
    /// fought rebels" has one; "fought a war", "fought each other" and
    /// "fought over the border" have none.
    pub fn has_opponent(&self, verb: usize, after: usize) -> bool {
        let own: Vec<u32> = (verb..after).filter_map(|t| self.word(t)).collect();
        self.word(verb).is_some_and(|v| {
            self.tree.children(v).iter().any(|&c| {
                if own.contains(&c) {
                    return false;
                }
                let party = match self.tree.rel(c) {
                    "obj" => true,
                    "obl" => self.has_case_in(c, &lex().opponent_prepositions),
                    _ => false,
                };
                let head = self.lower(c);
                party && !lex().contest_nouns.contains(&head) && !lex().means_nouns.contains(&head)
            })
        })
    }

    /// True when word `w` has a case marker of `cases` ("with", "over").
    fn has_case_in(&self, w: u32, cases: &faultline_text::lexicon::WordList) -> bool {
        self.tree
            .children(w)
            .iter()
            .any(|&m| self.tree.rel(m) == "case" && cases.contains(&self.lower(m)))
    }

    /// True when the verb at token `verb` is in the simple present of the
    /// third person ("travels", "arrives"): a verb ending in one "s" with no
    /// auxiliary or copula of its own. The tagger may take such a verb for a
    /// plural noun ("the premier travels to …"): one heading the sentence
    /// counts.
    pub fn simple_present(&self, verb: usize) -> bool {
        self.word(verb).is_some_and(|v| {
            let w = self.lower(v);
            let upos = self.tree.words().get(v as usize).map_or("", |x| x.upos);
            (upos == "VERB" || upos == "NOUN" && self.tree.rel(v) == "root")
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !self
                    .tree
                    .children(v)
                    .iter()
                    .any(|&c| matches!(self.tree.rel(c), "aux" | "aux:pass" | "cop"))
        })
    }

    /// True when the verb at token `verb` names a contest between its
    /// subjects: an object of `contest_nouns` ("fought a border war") or an
    /// oblique of `contest_cases` ("fought over the strip").
    pub fn names_contest(&self, verb: usize) -> bool {
        self.word(verb).is_some_and(|v| {
            self.tree
                .children(v)
                .iter()
                .any(|&c| match self.tree.rel(c) {
                    "obj" => lex().contest_nouns.contains(&self.lower(c)),
                    "obl" => self.has_case_in(c, &lex().contest_cases),
                    _ => false,
                })
        })
    }

    /// True when word `w` is a nominal subject (`nsubj`, `nsubj:pass`).
    fn is_subject_word(&self, w: u32) -> bool {
        faultline_syntax::args::is_rel(self.tree.rel(w), "nsubj")
    }

    /// True when the parse makes actor `a`, or the noun it modifies, an
    /// object or oblique of another word than the verb at token `verb`
    /// ("indicated to the Ukrainians … but denied": the Ukrainians are no
    /// subject of "denied"), or the subject of a clausal complement ("said
    /// Lukashenko must go and called for …").
    pub fn argument_elsewhere(&self, a: usize, verb: usize) -> bool {
        let (Some(v), Some(mut w)) = (self.word(verb), self.mention_head(a)) else {
            return false;
        };
        // A modifier of another word's argument ("boarded Philippine navy
        // boats and seized …") is as far from the verb as that argument; so
        // is a name in apposition to it ("had spoken to his counterpart
        // Nawaz Sharif and had told him …").
        if matches!(self.tree.rel(w), "compound" | "amod" | "appos")
            && let Some(h) = self.tree.head(w)
        {
            w = h;
        }
        let rel = self.tree.rel(w);
        // So is the subject of a reported clause ("said Lukashenko must go
        // and called for …": the caller is the speaker).
        let reported_subject = faultline_syntax::args::is_rel(rel, "nsubj")
            && self
                .tree
                .head(w)
                .is_some_and(|h| self.tree.rel(h) == "ccomp");
        (reported_subject
            || ["obj", "iobj", "obl", "nmod"]
                .iter()
                .any(|r| faultline_syntax::args::is_rel(rel, r))
                && !matches!(rel, "nmod:poss"))
            && self.tree.head(w) != Some(v)
    }

    /// True when the parse makes actor `a` the object of a verb other than
    /// the one at token `verb` ("criticised Japan and Russia recalled …":
    /// Japan is the criticism's).
    pub fn object_of_other_verb(&self, a: usize, verb: usize) -> bool {
        let (Some(v), Some(w)) = (self.word(verb), self.mention_head(a)) else {
            return false;
        };
        let head = self.tree.head(w);
        matches!(self.tree.rel(w), "obj" | "iobj")
            && head != Some(v)
            && head.is_some_and(|h| {
                self.tree
                    .words()
                    .get(h as usize)
                    .is_some_and(|x| x.upos == "VERB")
            })
    }

    /// True when the verb at word `verb` has a pronoun for its subject and
    /// actor `a` lies inside the object or oblique phrase of another verb
    /// ("ordering troops to the border with Colombia and he warned …":
    /// Colombia is no subject of "warned"). A name coordinated right before
    /// a verb stays a subject however the parse hangs it.
    pub fn in_other_verbs_phrase(&self, a: usize, verb: usize) -> bool {
        let (Some(v), Some(mut x)) = (self.word(verb), self.mention_head(a)) else {
            return false;
        };
        let words = self.tree.words();
        let pronoun_subject = self
            .tree
            .child(v, "nsubj")
            .and_then(|n| words.get(n as usize))
            .is_some_and(|n| n.upos == "PRON");
        if !pronoun_subject {
            return false;
        }
        for _ in 0..MAX_CLIMB {
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            let rel = self.tree.rel(x);
            let is_verb = words.get(h as usize).is_some_and(|w| w.upos == "VERB");
            if is_verb && (matches!(rel, "obj" | "iobj") || rel.starts_with("obl")) {
                return h != v;
            }
            let nominal = ["nmod", "conj", "appos", "compound", "flat"]
                .iter()
                .any(|r| rel.starts_with(r));
            if !nominal || h == v {
                return false;
            }
            x = h;
        }
        false
    }

    /// True when word `w` heads a common noun phrase that names no actor.
    fn names_nobody(&self, w: u32) -> bool {
        self.actors_of_phrase(w, 0).is_empty()
            && self
                .tree
                .words()
                .get(w as usize)
                .is_some_and(|x| x.upos == "NOUN")
    }

    /// True when actor `a` is the object of the verb that the verb at word
    /// `verb` is conjoined to ("suspended Mali and warned …": Mali).
    pub fn object_of_first_conjunct(&self, a: usize, verb: usize) -> bool {
        let (Some(v), Some(w)) = (self.word(verb), self.mention_head(a)) else {
            return false;
        };
        self.tree.rel(v) == "conj"
            && matches!(self.tree.rel(w), "obj" | "iobj")
            && self.tree.head(w) == self.tree.head(v)
    }

    /// True when the word of token `k` is an auxiliary of the head of a
    /// clausal complement (`ccomp`) of the first verb of the trigger's
    /// coordination, not of that coordination's own verbs ("said Morales
    /// must resign and accused …": "must" is the reported clause's). A
    /// shared auxiliary ("could strike and kill") hangs on the first
    /// conjunct and counts.
    pub fn auxiliary_of_another_clause(&self, k: usize, verb: usize) -> bool {
        let Some((w, h, mut v)) = self.modifier_and_verb(k, verb) else {
            return false;
        };
        if !faultline_syntax::args::is_rel(self.tree.rel(w), "aux") {
            return false;
        }
        for _ in 0..self.tree.words().len() {
            if v == h {
                return false;
            }
            match self.tree.head(v) {
                Some(up) if self.tree.rel(v) == "conj" => v = up,
                _ => break,
            }
        }
        self.tree.rel(h) == "ccomp" && self.tree.head(h) == Some(v)
    }

    /// The parsed words of a modifier at token `k`, of its head, and of
    /// the verb at token `verb`.
    fn modifier_and_verb(&self, k: usize, verb: usize) -> Option<(u32, u32, u32)> {
        let w = self.word(k)?;
        Some((w, self.tree.head(w)?, self.word(verb)?))
    }

    /// True when the word of token `k` (a negation or modal) modifies an
    /// earlier conjunct of a verb that the trigger lies in and that keeps
    /// apart from it: a later conjunct with an auxiliary of its own or
    /// joined by a conjunction of contrast (`contrast_conjunctions`). "has
    /// not confirmed the report but has accused Peru, saying …": "not" is
    /// the confirming's, and neither the accusation nor its participle is
    /// denied. "did not meet or call" shares the negation.
    pub fn modifies_earlier_conjunct(&self, k: usize, verb: usize) -> bool {
        let Some((_, h, mut v)) = self.modifier_and_verb(k, verb) else {
            return false;
        };
        for _ in 0..self.tree.words().len() {
            if v == h {
                return false;
            }
            let Some(up) = self.tree.head(v) else {
                return false;
            };
            if up == h && self.tree.rel(v) == "conj" {
                let own_aux = self.tree.child(v, "aux").is_some();
                let contrast = self
                    .tree
                    .child(v, "cc")
                    .is_some_and(|c| lex().contrast_conjunctions.contains(&self.lower(c)));
                return own_aux || contrast;
            }
            v = up;
        }
        false
    }

    /// True when the word of token `k` (a negation, modal or hedge)
    /// belongs to a clause that modifies the verb at token `verb` or one
    /// of its words, not to the verb: its head is another word that does
    /// not dominate the verb. "Eritrea, without confirming the clashes,
    /// dismissed …" and "Russia, which did not attend, condemned …" deny
    /// the confirming and the attending, not the dismissal or the
    /// condemnation; "did not confirm or deny" and "did not want to
    /// condemn" still deny the second verb, which their head dominates.
    pub fn modifies_a_side_clause(&self, k: usize, verb: usize) -> bool {
        let Some((w, h, v)) = self.modifier_and_verb(k, verb) else {
            return false;
        };
        let side = ["mark", "advmod", "aux", "cc"]
            .iter()
            .any(|r| faultline_syntax::args::is_rel(self.tree.rel(w), r));
        side && !self.dominates(h, v)
    }

    /// True when the word of token `k` is the verb at token `verb` or one
    /// of its heads; true as well when the parse has either token as no word.
    pub fn governs(&self, k: usize, verb: usize) -> bool {
        match (self.word(k), self.word(verb)) {
            (Some(a), Some(b)) => self.dominates(a, b),
            _ => true,
        }
    }

    /// True when word `a` is word `b` or one of its heads.
    fn dominates(&self, a: u32, mut b: u32) -> bool {
        for _ in 0..=self.tree.words().len() {
            if a == b {
                return true;
            }
            let Some(up) = self.tree.head(b) else {
                return false;
            };
            b = up;
        }
        false
    }

    /// True when the word of token `b` is a conjunct of the word of token
    /// `a` ("dismissed the minister and suspended parliament").
    pub fn coordinated(&self, a: usize, b: usize) -> bool {
        let (Some(wa), Some(wb)) = (self.word(a), self.word(b)) else {
            return false;
        };
        self.tree.rel(wb) == "conj" && self.tree.head(wb) == Some(wa)
    }

    /// True when the parse puts actor `a` inside a relative clause on the
    /// way up to the verb at token `verb` ("detained migrants who crossed
    /// from Belarus": Belarus is the migrants' story, not the target).
    pub fn in_relative_clause(&self, a: usize, verb: usize) -> bool {
        let (Some(v), Some(mut w)) = (self.word(verb), self.mention_head(a)) else {
            return false;
        };
        for _ in 0..self.tree.words().len() {
            if w == v {
                return false;
            }
            if self.tree.rel(w) == "acl:relcl" {
                return true;
            }
            match self.tree.head(w) {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    }

    /// The word of mention `a` whose head lies outside the mention.
    fn mention_head(&self, a: usize) -> Option<u32> {
        self.top_word(|w| self.actors_at(w).contains(&a))
    }

    /// The head word of the phrase at bytes `start..end`.
    fn top_of_span(&self, start: usize, end: usize) -> Option<u32> {
        let words = self.tree.words();
        self.top_word(|i| {
            words
                .get(i as usize)
                .is_some_and(|w| w.span.start >= start && w.span.end <= end)
        })
    }

    /// The first word of those `inside` picks out whose head is not one
    /// of them: the head of a phrase.
    fn top_word(&self, inside: impl Fn(u32) -> bool) -> Option<u32> {
        (0..self.tree.words().len())
            .filter_map(|i| u32::try_from(i).ok())
            .find(|&w| inside(w) && self.tree.head(w).is_none_or(|h| !inside(h)))
    }

    /// The parse tags word `w` a noun or a proper noun.
    fn is_noun(&self, w: u32) -> bool {
        self.tree
            .words()
            .get(w as usize)
            .is_some_and(|x| x.upos == "NOUN" || x.upos == "PROPN")
    }

    /// A bare event noun is an event when the parse tags it a noun and
    /// gives it both a source and a target.
    pub fn is_nominal_event(&self, f: &Found) -> bool {
        let Some(w) = self.word(f.verb) else {
            return false;
        };
        self.is_noun(w)
            && self
                .nominal_roles(f)
                .is_some_and(|r| !r.subject.is_empty() && !r.targets.is_empty())
    }

    /// The hedge that governs the event at token `token` from outside the
    /// words before it: an event that is the subject of a hedged predicate
    /// ("cooperation between A and B could lead to a backlash", "a strike
    /// on Y might trigger a war") or its complement ("could see Pakistan
    /// recall its envoy").
    pub fn hedged_by(&self, token: usize) -> Option<String> {
        let mut w = self.word(token)?;
        for _ in 0..3 {
            let head = self.tree.head(w)?;
            let rel = self.tree.rel(w);
            // "a move that could see Pakistan recall its envoy": the
            // complement of a hedged verb before it that reports no speech.
            if matches!(rel, "ccomp" | "xcomp") && head < w {
                let speech = self.lower(head);
                if lex().reporting_verbs.contains(&speech) || lex().say.contains(&speech) {
                    return None;
                }
                // "said Berlin would continue to support Ukraine": a
                // reported "would" states an intent (as the word cues read it).
                let reported = (0..head).any(|k| {
                    let w = self.lower(k);
                    lex().reporting_verbs.contains(&w) || lex().say.contains(&w)
                });
                return self
                    .tree
                    .children_with(head, "aux")
                    .map(|a| self.lower(a))
                    .find(|a| lex().hedges.contains(a) && !(reported && a == "would"));
            }
            if faultline_syntax::args::is_rel(rel, "nsubj")
                || faultline_syntax::args::is_rel(rel, "csubj")
            {
                return self
                    .tree
                    .children_with(head, "aux")
                    .map(|a| self.lower(a))
                    .find(|a| lex().hedges.contains(a));
            }
            if !matches!(
                self.tree.rel(w),
                "nmod" | "compound" | "amod" | "conj" | "acl"
            ) {
                return None;
            }
            w = head;
        }
        None
    }

    /// The clause that holds the word of token `token`, up through
    /// coordinated verbs ("fear that X will invade and annex …"), and the
    /// word it hangs on.
    fn clause_and_head(&self, token: usize) -> Option<(u32, u32)> {
        let mut w = self.word(token)?;
        for _ in 0..4 {
            if self.tree.rel(w) != "conj" {
                break;
            }
            w = self.tree.head(w)?;
        }
        Some((w, self.tree.head(w)?))
    }

    /// The verb or noun of fear, doubt or expectation (`epistemic_heads`)
    /// whose clause holds the event at token `token`: "officials fear
    /// that Russia will invade", "rumours that Egypt had expelled …". Up
    /// through coordinated verbs ("fear that X will invade and annex …").
    pub fn believed_by(&self, token: usize) -> Option<String> {
        let (w, head) = self.clause_and_head(token)?;
        // A content clause a parse may take for a relative one ("rumours
        // that Egypt had expelled …").
        let clause = matches!(self.tree.rel(w), "ccomp" | "acl" | "acl:relcl");
        let word = self.lower(head);
        (clause && head < w && lex().epistemic_heads.contains(&word)).then_some(word)
    }

    /// The word an event noun at token `token` is feared, expected or
    /// averted by: the object of a verb of `epistemic_heads`,
    /// `prevention_verbs` or `averting_verbs` ("analysts expect talks
    /// between A and B", "the deal prevents clashes between …"), or the
    /// "of" complement of a word of `epistemic_heads` or `warning_heads`
    /// ("warned of clashes between A and B", "the risk of war between …").
    pub fn dreaded_by(&self, token: usize) -> Option<String> {
        let mut w = self.word(token)?;
        // The first word of a noun of several ("armed clashes"): its head.
        while matches!(self.tree.rel(w), "amod" | "compound")
            && self
                .tree
                .words()
                .get(w as usize)
                .is_some_and(|x| x.upos != "VERB")
        {
            w = self.tree.head(w)?;
        }
        let head = self.tree.head(w)?;
        let word = self.lower(head);
        let l = lex();
        let object = self.tree.rel(w) == "obj"
            && (l.epistemic_heads.contains(&word)
                || l.prevention_verbs.contains(&word)
                || l.averting_verbs.contains(&word));
        let of = || {
            self.tree
                .child(w, "case")
                .is_some_and(|c| self.lower(c) == "of")
                && (l.epistemic_heads.contains(&word) || l.warning_heads.contains(&word))
        };
        (object || of()).then_some(word)
    }

    /// The verb or noun of accusation (`allegation_heads`) whose clause,
    /// or whose gerund after "of" or "for", holds the trigger at token
    /// `token`: "accused Chad of arming the rebels", "alleged that Peru
    /// had shelled the post", "blamed Oman for seizing the ship".
    pub fn alleged_by(&self, token: usize) -> Option<String> {
        let (w, head) = self.clause_and_head(token)?;
        // Not a participle clause after a comma ("blaming Iran for the
        // attack, committing to send troops"): a content clause, or one
        // marked as what is alleged.
        let marked = self
            .tree
            .children_with(w, "mark")
            .any(|m| lex().allegation_marks.contains(&self.lower(m)));
        let clause = match self.tree.rel(w) {
            "ccomp" => true,
            "acl" | "acl:relcl" | "advcl" | "xcomp" => marked,
            _ => false,
        };
        let word = self.lower(head);
        if clause && head < w && lex().allegation_heads.contains(&word) && self.held(head) {
            return Some(word);
        }
        // A parse may hang the marked gerund on the accused or the accuser
        // ("accused Chad of arming …", "is accused by Peru of spying"):
        // the verb above that noun is the accusation.
        let on_noun = marked
            && matches!(self.tree.rel(w), "acl" | "acl:relcl")
            && matches!(self.tree.rel(head), "obj" | "obl:agent" | "nsubj:pass");
        let verb = self.tree.head(head)?;
        let word = self.lower(verb);
        (on_noun && verb < w && lex().allegation_heads.contains(&word)).then_some(word)
    }

    /// False for a word of `held_allegations` ("responsible") that no verb
    /// of `responsibility_holders` governs: "the militants responsible for
    /// the attack" allege nothing, "held Chad responsible for …" does.
    fn held(&self, w: u32) -> bool {
        !lex().held_allegations.contains(&self.lower(w))
            || self
                .tree
                .head(w)
                .is_some_and(|h| lex().responsibility_holders.contains(&self.lower(h)))
    }

    /// Whether the date expression over bytes `start..end` modifies a
    /// common noun before it, other than the trigger at token `trigger`
    /// ("the bombing of the embassy in March", "a treaty of 1998"): it
    /// dates that noun, not the clause's verb. (Proper nouns and actors
    /// are left out: the parser hangs "on Monday" on the subject in "Japan
    /// on Monday protested", "in May" on the object in "met Kenyan
    /// officials in May".)
    pub fn dates_a_noun(&self, start: usize, end: usize, trigger: usize) -> bool {
        let words = self.tree.words();
        let Some(top) = self.top_of_span(start, end) else {
            return false;
        };
        let Some(head) = self.tree.head(top) else {
            return false;
        };
        // An actor is no act to date: "met Vietnamese leaders in Hanoi in
        // January" with "in January" hung on "leaders" dates the meeting.
        faultline_syntax::args::is_rel(self.tree.rel(top), "nmod")
            && words
                .get(head as usize)
                .is_some_and(|w| w.upos == "NOUN" && w.span.end <= start)
            && self.word(trigger) != Some(head)
            && self.actors_at(head).is_empty()
            && !self.occasion_of(head, trigger)
    }

    /// Whether the date expression over bytes `start..end` lies in a phrase
    /// of the trigger at token `trigger` giving its reason (`reason_cases`:
    /// "expelled the envoy over an attempt on the president on 25 November",
    /// "… for assisting in an attack in May"): it dates what the reason
    /// names, not the trigger's act. A marker among the trigger's own
    /// words, which end at byte `trigger_end`, is its particle, not a
    /// reason's: "handed over a note to Y on Monday".
    pub fn in_reason_phrase(
        &self,
        (start, end): (usize, usize),
        trigger: usize,
        trigger_end: usize,
    ) -> bool {
        let (Some(top), Some(t)) = (self.top_of_span(start, end), self.word(trigger)) else {
            return false;
        };
        let words = self.tree.words();
        let reason = |w: u32| {
            let marker = self
                .tree
                .child(w, "case")
                .or_else(|| self.tree.child(w, "mark"));
            matches!(self.tree.rel(w), "obl" | "advcl")
                && marker.is_some_and(|c| {
                    words
                        .get(c as usize)
                        .is_some_and(|m| m.span.start >= trigger_end)
                        && lex().reason_cases.contains(&self.lower(c))
                })
        };
        // On the way up to the trigger (through a verb it is coordinated
        // with: "declared X persona non grata and expelled him for …").
        let (mut w, mut seen) = (top, false);
        for _ in 0..self.tree.words().len() {
            let Some(h) = self.tree.head(w) else {
                return false;
            };
            seen |= w != top && reason(w);
            if h == t {
                return seen;
            }
            w = h;
        }
        false
    }

    /// True when noun `n` is the occasion of the trigger's act: its oblique
    /// marked by one of `occasion_cases` ("At a summit on Monday, Peru
    /// signed …"; "During a visit to Lima in May, Chile pledged …"), whose
    /// date is the act's.
    /// So is a message the act was stated in ("In a statement on March 4,
    /// Chile praised Peru"), also when it frames the report of the act ("In
    /// a statement on March 4, the minister said Chile welcomes …").
    fn occasion_of(&self, n: u32, trigger: usize) -> bool {
        let Some(t) = self.word(trigger) else {
            return false;
        };
        let head = self.tree.head(n);
        let reported = self.tree.rel(t) == "ccomp" && self.tree.head(t) == head;
        let Some(case) = self.tree.child(n, "case").map(|c| self.lower(c)) else {
            return false;
        };
        let message =
            lex().message_cases.contains(&case) && lex().message_nouns.contains(&self.lower(n));
        faultline_syntax::args::is_rel(self.tree.rel(n), "obl")
            && (Some(t) == head && (lex().occasion_cases.contains(&case) || message)
                || reported && message)
    }

    /// True when verb `h` heads a clause of its own under another word: a
    /// reduced relative ("a proposal made in January"), or an adverbial,
    /// complement, coordinated or paratactic clause with its own subject
    /// (not "suspended flights, and advised citizens to leave on Friday",
    /// one subject's two verbs).
    fn own_clause(&self, h: u32) -> bool {
        let is = |r: &str| faultline_syntax::args::is_rel(self.tree.rel(h), r);
        let verb = self
            .tree
            .words()
            .get(h as usize)
            .is_some_and(|x| x.upos == "VERB");
        verb && (is("acl")
            || (CLAUSES.iter().any(|&r| is(r)) && self.tree.child(h, "nsubj").is_some()))
    }

    /// True when the date at `start..end` lies in a clause of another verb
    /// inside the trigger's phrase: an adverbial, complement, coordinated
    /// or relative clause ("ordered the envoys out after intelligence
    /// linked them to an attack last year"; "urged talks, but added that
    /// its offer made in January went unanswered"). That clause's verb is
    /// what it dates.
    pub fn dates_another_clause(&self, start: usize, end: usize, trigger: usize) -> bool {
        let words = self.tree.words();
        let (Some(top), Some(v)) = (self.top_of_span(start, end), self.word(trigger)) else {
            return false;
        };
        let mut w = top;
        let mut clause = false;
        for _ in 0..words.len() {
            let Some(h) = self.tree.head(w) else {
                return false;
            };
            if h == v {
                return clause;
            }
            clause |= self.own_clause(h);
            w = h;
        }
        false
    }

    /// The verb that makes the event at token `token` a proposal, not a
    /// fact: an event noun that is the object of a verb of planning
    /// ("arranged a meeting between A and B"), a clause a verb asks for
    /// ("demanded that X cut ties"), or a verb under "let's".
    pub fn proposed_by(&self, token: usize) -> Option<String> {
        let w = self.word(token)?;
        let head = self.tree.head(w)?;
        let head_word = self.lower(head);
        let rel = self.tree.rel(w);
        let planned = rel == "obj" && lex().proposal_verbs.contains(&head_word)
            // "demanded that the government cut ties": asked for, not done.
            || rel == "ccomp" && lex().directive_verbs.contains(&head_word);
        let hortative = rel == "xcomp"
            && lex().hortative_verbs.contains(&head_word)
            && self
                .tree
                .child(head, "obj")
                .is_some_and(|o| matches!(self.lower(o).as_str(), "'s" | "’s" | "us"));
        (planned || hortative)
            .then_some(head_word)
            .or_else(|| self.desired_by(w))
    }

    /// The word of appeal or hope an event noun `w` is wished for by,
    /// through a "for" phrase, directly or as the "of" complement of
    /// another noun ("called for talks between A and B", "expressed hope for a
    /// normalisation of relations between A and B"): see `desire_heads`.
    fn desired_by(&self, w: u32) -> Option<String> {
        let mut at = w;
        for _ in 0..3 {
            let rel = self.tree.rel(at);
            let linked = faultline_syntax::args::is_rel(rel, "nmod")
                || faultline_syntax::args::is_rel(rel, "obl");
            if !linked || rel == "nmod:poss" {
                return None;
            }
            let head = self.tree.head(at)?;
            let case = self.tree.child(at, "case").map(|c| self.lower(c));
            let head_word = self.lower(head);
            // "expressed hope for X": the parser may hang the phrase on the
            // verb whose object the word of hope is.
            let object = || {
                self.tree
                    .child(head, "obj")
                    .map(|o| self.lower(o))
                    .filter(|o| lex().desire_heads.contains(o))
            };
            match case.as_deref() {
                Some("for") if lex().desire_heads.contains(&head_word) => return Some(head_word),
                Some("for") => return object(),
                // Only a noun's complement leads on ("a resumption of
                // talks"), not "progress in the talks".
                Some("of") => at = head,
                _ => return None,
            }
        }
        None
    }

    /// The first object or target oblique that is a definite event noun
    /// naming no actor ("condemned the launch", "protested against this move").
    fn event_reference(&self, args: &Arguments) -> Option<String> {
        let obliques = args
            .obliques
            .iter()
            .filter(|o| {
                o.case
                    .is_some_and(|c| lex().target_cases.contains(&self.lower(c)))
            })
            .map(|o| o.word);
        // "The call was seconded by X": a passive's subject is what is acted on.
        let acted_on = args
            .subject
            .filter(|_| args.passive && args.agent.is_some());
        args.objects
            .iter()
            .copied()
            .chain(obliques)
            .chain(acted_on)
            .find_map(|w| self.definite_event_noun(w))
            .or_else(|| self.attitude_reference(args))
    }

    /// "expressed concern over the incident", "voiced anger at the raid":
    /// a definite event noun in a modifier of an object of
    /// `attitude_nouns`, after a case marker of `attitude_cases`.
    fn attitude_reference(&self, args: &Arguments) -> Option<String> {
        args.objects
            .iter()
            .filter(|&&o| lex().attitude_nouns.contains(&self.lower(o)))
            .flat_map(|&o| self.tree.children_with(o, "nmod"))
            .filter(|&m| {
                self.tree
                    .child(m, "case")
                    .is_some_and(|c| lex().attitude_cases.contains(&self.lower(c)))
            })
            .find_map(|m| self.definite_event_noun(m))
    }

    /// True when the event noun of `reference` (an object or oblique of the
    /// verb at token `verb`) has a phrase saying whom the act was on.
    fn reference_on_someone(&self, verb: usize, reference: &str) -> bool {
        let Some(v) = self.word(verb) else {
            return false;
        };
        let words = self.tree.children(v).iter().copied();
        words.filter(|&w| self.lower(w) == reference).any(|w| {
            self.tree.children_with(w, "nmod").any(|m| {
                self.tree
                    .child(m, "case")
                    .is_some_and(|c| lex().target_cases.contains(&self.lower(c)))
            })
        })
    }

    /// The lower-case noun of `w` when it is a definite event noun naming
    /// no actor ("the launch", "this move").
    fn definite_event_noun(&self, w: u32) -> Option<String> {
        let definite = self
            .tree
            .child(w, "det")
            .is_some_and(|d| super::anaphora::is_definite(&self.lower(d)));
        let noun = self.lower(w);
        (definite && self.actors_at(w).is_empty() && super::anaphora::group_of(&noun).is_some())
            .then_some(noun)
    }

    /// A definite event noun in an `nmod` of an object that is the
    /// trigger's own noun ("claimed responsibility for the attacks").
    fn trigger_noun_reference(&self, f: &Found, args: &Arguments) -> Option<String> {
        let (from, to) = (self.start_of(f.verb), self.start_of(f.after));
        args.objects
            .iter()
            .filter(|&&o| (from..to).contains(&self.tree.words()[o as usize].span.start))
            .flat_map(|&o| self.tree.children_with(o, "nmod"))
            .find_map(|w| self.definite_event_noun(w))
    }

    /// The targets of the verb `verb` whose arguments are `args`. What a
    /// verb of topic (`topic_words`: "discussed the Iraqi crisis") takes as
    /// its object is a topic: only its obliques ("with Ethiopia") name parties.
    fn push_verb_targets(&self, verb: u32, args: &mut Arguments, out: &mut ParsedRoles) {
        let topic = lex().topic_words.contains(&self.lower(verb));
        let objects = if topic {
            std::mem::take(&mut args.objects)
        } else {
            Vec::new()
        };
        self.push_targets(args, &mut out.targets, &mut out.opponents);
        if topic {
            args.objects = objects;
        }
    }

    /// Actors named by the objects and the target obliques of a predicate.
    fn push_targets(&self, args: &Arguments, out: &mut Vec<usize>, opponents: &mut Vec<usize>) {
        for &o in &args.objects {
            match self.event_agent(o) {
                // "condemned an attack by X": the target is X.
                Some(agent) => out.extend(agent),
                None => {
                    // "Peru, which Chile accused of …": a relative pronoun
                    // object stands for its antecedent.
                    let named = self.actors_of_phrase(o, 0);
                    if named.is_empty() {
                        out.extend(self.antecedent_actors(o));
                    } else {
                        out.extend(named);
                    }
                }
            }
            self.push_act_parties(o, out);
        }
        for ob in &args.obliques {
            let case = ob.case.map(|c| self.lower(c));
            if case
                .as_deref()
                .is_some_and(|c| lex().target_cases.contains(c))
                && !self.is_absolute(ob)
                && !self.returns_home(ob)
            {
                let found = self.actors_of_phrase(ob.word, 0);
                if case
                    .as_deref()
                    .is_some_and(|c| lex().opponent_cases.contains(c))
                {
                    opponents.extend(found.iter().copied());
                }
                out.extend(found);
            }
        }
    }

    /// True when an oblique's case marker follows a word of
    /// `return_adverbs`: "recalled its envoy in Canberra back to Jakarta"
    /// sends the envoy home; Jakarta is acted on by nobody.
    fn returns_home(&self, ob: &faultline_syntax::args::Oblique) -> bool {
        ob.case
            .and_then(|c| c.checked_sub(1))
            .is_some_and(|b| lex().return_adverbs.contains(&self.lower(b)))
    }

    /// The parties of an act the object names ("denounced the pact
    /// between A and B", "condemned the accord of 2019 between A and B"): both
    /// are targets. Only nouns of acts (see `anaphora.toml`): in "discussed
    /// relations between A and B" the pair is a topic.
    fn push_act_parties(&self, o: u32, out: &mut Vec<usize>) {
        if super::anaphora::group_of(&self.lower(o)).is_none() {
            return;
        }
        // One level down too, through an "of": "the memorandum of
        // understanding between …" (not "the pact, by which a zone
        // between …").
        let inner = self.tree.children_with(o, "nmod").collect::<Vec<_>>();
        let nested = inner
            .iter()
            .filter(|&&c| self.has_case(c, |k| k == "of"))
            .flat_map(|&c| self.tree.children_with(c, "nmod"));
        let pairs: Vec<u32> = inner.iter().copied().chain(nested).collect();
        for c in pairs {
            if self.has_case(c, |k| lex().pair_cases.contains(k)) {
                out.extend(self.actors_of_phrase(c, 0));
            }
        }
    }

    /// An oblique set off by a comma whose noun has a predicate of its own
    /// after it: a circumstance ("signed the pact, with Peru the only
    /// member abstaining"; "met on Friday, with Chile still undecided"),
    /// not a partner of the verb.
    fn is_absolute(&self, ob: &faultline_syntax::args::Oblique) -> bool {
        let words = self.tree.words();
        let after_comma = ob
            .case
            .and_then(|c| c.checked_sub(1))
            .is_some_and(|p| words.get(p as usize).is_some_and(|w| w.upos == "PUNCT"));
        // Whatever the parse calls it ("acl", "amod", even "flat"), an
        // adjective or verb after the name is its predicate; so is a
        // nominal the parse could only hang on the name as a clause's
        // argument ("with Bolivia the lone holdout": `obj`, `xcomp`).
        let predicate = self.tree.children(ob.word).iter().any(|&c| {
            let rel = self.tree.rel(c);
            c > ob.word
                && (faultline_syntax::args::is_rel(rel, "acl")
                    || matches!(rel, "obj" | "xcomp" | "nsubj")
                    || (rel != "conj" && matches!(words[c as usize].upos, "ADJ" | "VERB")))
        });
        after_comma && (predicate || self.small_clause_after(ob.word))
    }

    /// True when right after the phrase of `w` comes the subject of a
    /// predicate that hangs beside `w` ("with Chile the lone member
    /// unsigned" parsed with "unsigned" on the verb, "member" its
    /// subject): `w` opens that small clause.
    fn small_clause_after(&self, w: u32) -> bool {
        let words = self.tree.words();
        let end = self.tree.phrase(w).end;
        let (Some(head), Some(next)) = (
            self.tree.head(w),
            words.iter().position(|x| x.span.start >= end),
        ) else {
            return false;
        };
        self.tree.children(head).iter().any(|&c| {
            c > w
                && self.tree.rel(c) != "conj"
                && matches!(words[c as usize].upos, "ADJ" | "VERB")
                && self
                    .tree
                    .child(c, "nsubj")
                    .is_some_and(|s| self.tree.phrase(s).start == words[next].span.start)
        })
    }

    /// The actors of the `by` phrase of an event noun ("an attack by X",
    /// "the raid by X on Y"), when the word is one.
    fn event_agent(&self, w: u32) -> Option<Vec<usize>> {
        let noun = self.lower(w);
        if !lex().bare_event_nouns.contains(&noun) && super::anaphora::group_of(&noun).is_none() {
            return None;
        }
        // "the launch of a missile by X": the agent may hang on the noun
        // of its "of" phrase.
        let of_phrases = self
            .tree
            .children_with(w, "nmod")
            .filter(|&c| self.has_case(c, |k| k == "of"));
        let by_phrase = std::iter::once(w)
            .chain(of_phrases)
            .flat_map(|n| self.tree.children_with(n, "nmod"))
            .find(|&c| self.has_case(c, |k| lex().agent_cases.contains(k)));
        let agent = by_phrase.or_else(|| self.performer(w))?;
        Some(self.actors_of_phrase(agent, 0)).filter(|a| !a.is_empty())
    }

    /// The agent of a participle of carrying out that modifies `noun`
    /// ("the sanctions imposed by X"), or the subject of such a verb in a
    /// relative clause on it ("the drills that X and Y staged").
    fn performer(&self, noun: u32) -> Option<u32> {
        let performs = |c: u32| lex().perform_verbs.contains(&self.lower(c));
        self.tree
            .children_with(noun, "acl")
            .filter(|&c| performs(c))
            .find_map(|c| match self.tree.rel(c) {
                "acl" => self.tree.child(c, "obl:agent"),
                "acl:relcl" => self
                    .tree
                    .child(c, "nsubj")
                    .filter(|&n| !lex().relative_pronouns.contains(&self.lower(n))),
                _ => None,
            })
    }

    /// Parties of an event noun: its `nmod` with a target case ("talks
    /// with X", "sanctions on X", "an attack against X").
    fn push_noun_parties(&self, noun: u32, out: &mut Vec<usize>) {
        for c in self.tree.children_with(noun, "nmod") {
            if self.tree.rel(c) == "nmod:poss" {
                continue;
            }
            let case = self.tree.child(c, "case").map(|k| self.lower(k));
            if case
                .as_deref()
                .is_some_and(|k| lex().target_cases.contains(k))
            {
                out.extend(self.actors_of_phrase(c, 0));
            }
        }
    }

    /// The actors a phrase headed by `w` names: the actor the head lies in;
    /// else the possessor ("Brazil's contributions"), a modifier inside a
    /// mention ("Chinese officials"), an apposition, or the `of`/`from`
    /// complement ("the ministers of Latvia"). Coordinated heads add theirs.
    fn actors_of_phrase(&self, w: u32, depth: u8) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self.tree.conjuncts(w) {
            self.push_phrase_actor(c, depth, &mut out);
        }
        dedup(&mut out);
        out
    }

    fn push_phrase_actor(&self, w: u32, depth: u8, out: &mut Vec<usize>) {
        let here = self.actors_at(w);
        if !here.is_empty() && here.iter().all(|&a| self.actor_weak[a]) && depth < MAX_DEPTH {
            // "the spokesperson for the German government": a named body
            // the person belongs to outranks what context made of the word.
            for c in self.member_modifiers(w) {
                let named = self.actors_of_phrase(c, depth + 1);
                if named.iter().any(|&a| !self.actor_weak[a]) {
                    out.extend(named);
                    return;
                }
            }
        }
        if !here.is_empty() {
            out.extend_from_slice(here);
            // "the ministers of Chile and Peru", with the mention ending at
            // Chile: the other members count too.
            for c in self
                .member_modifiers(w)
                .into_iter()
                .filter(|_| depth < MAX_DEPTH)
            {
                for other in self.tree.conjuncts(c).into_iter().filter(|&o| o != c) {
                    self.push_phrase_actor(other, depth + 1, out);
                }
            }
            return;
        }
        if depth >= MAX_DEPTH {
            return;
        }
        let inner = |rel: &'static str| self.tree.children_with(w, rel);
        for c in inner("nmod:poss")
            .chain(inner("compound"))
            .chain(inner("amod"))
        {
            if !self.actors_at(c).is_empty() {
                out.extend_from_slice(self.actors_at(c));
                return;
            }
        }
        for c in inner("appos") {
            let found = self.actors_of_phrase(c, depth + 1);
            if !found.is_empty() {
                out.extend(found);
                return;
            }
        }
        for c in self.member_modifiers(w) {
            let found = self.actors_of_phrase(c, depth + 1);
            if !found.is_empty() {
                out.extend(found);
                return;
            }
        }
        for held in inner("acl").filter(|&c| lex().holder_participles.contains(&self.lower(c))) {
            if let Some(agent) = self.tree.child(held, "obl:agent") {
                out.extend(self.actors_of_phrase(agent, depth + 1));
            }
            if !out.is_empty() {
                return;
            }
        }
        if let Some(name) = self.split_name(w) {
            out.extend_from_slice(self.actors_at(name));
            return;
        }
        out.extend(self.group_owning(w, depth));
    }

    /// "India and Pakistan rejected a resolution condemning their tests":
    /// a phrase owned by a possessive of `pair_possessives` belongs to the
    /// nearest clause up whose subject names two or more actors. None when
    /// a verb on the way acts on named actors, whose "their" it may be
    /// ("condemned Chile and Peru over their tests").
    fn group_owning(&self, w: u32, depth: u8) -> Vec<usize> {
        let owned = self
            .tree
            .child(w, "nmod:poss")
            .is_some_and(|p| lex().pair_possessives.contains(&self.lower(p)));
        let mut v = w;
        for _ in 0..self.tree.words().len() {
            let Some(up) = self.tree.head(v).filter(|_| owned) else {
                break;
            };
            let acts_on_actors = self
                .tree
                .children_with(up, "obj")
                .any(|o| o != v && !self.actors_of_phrase(o, depth + 1).is_empty());
            if acts_on_actors {
                break;
            }
            // A participle's noun ("a resolution condemning their …") is no
            // subject of its own.
            let args = self.tree.arguments(up);
            if let Some(subject) = args.subject.filter(|&s| s != v && !args.subject_inherited) {
                let group = self.actors_of_phrase(subject, depth + 1);
                if group.len() >= 2 {
                    return group;
                }
            }
            v = up;
        }
        Vec::new()
    }

    /// A name the parse split from the common noun `w` right before it
    /// ("attended by prime minister | Ana Lopes", "the envoy | Li Wei
    /// arrived", with the name hung on the verb): the next word is a
    /// proper noun in a mention, with no case marker of its own and not
    /// the subject of another clause.
    fn split_name(&self, w: u32) -> Option<u32> {
        let words = self.tree.words();
        let next = w + 1;
        let is_name = words.get(next as usize).is_some_and(|x| x.upos == "PROPN");
        let ok = words.get(w as usize).is_some_and(|x| x.upos == "NOUN")
            && is_name
            && self.tree.head(next) != Some(w)
            && !self.actors_at(next).is_empty()
            && self.tree.child(next, "case").is_none()
            && !faultline_syntax::args::is_rel(self.tree.rel(next), "nsubj");
        ok.then_some(next)
    }

    /// The `nmod`s of `w` that name the body it belongs to ("of Chile",
    /// "for the army", "from Iran").
    fn member_modifiers(&self, w: u32) -> Vec<u32> {
        // "Reports from Nairobi": where news came from is no member.
        if lex().hearsay_nouns.contains(&self.lower(w)) {
            return Vec::new();
        }
        self.tree
            .children_with(w, "nmod")
            .filter(|&c| self.tree.rel(c) != "nmod:poss")
            .filter(|&c| {
                self.tree
                    .child(c, "case")
                    .is_some_and(|k| lex().member_cases.contains(&self.lower(k)))
            })
            .collect()
    }

    /// The lower-case text of word `w`.
    fn lower(&self, w: u32) -> String {
        self.tree
            .words()
            .get(w as usize)
            .map(|x| x.span.slice(self.text).to_lowercase())
            .unwrap_or_default()
    }
}

/// Removes repeats, keeping the first of each.
fn dedup(v: &mut Vec<usize>) {
    let mut seen = Vec::with_capacity(v.len());
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(*x);
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    fn pairs(body: &str) -> Vec<(String, String, String)> {
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let date = NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
        let coded = coder.code_doc(&crate::Doc::from_text("p", body, date));
        for e in &coded.events {
            // Every span the events carry slices the body.
            assert_eq!(&body[e.trigger.start..e.trigger.end], e.trigger.text);
        }
        coded
            .events
            .into_iter()
            .map(|e| {
                let target = e.target.map_or_else(|| "-".to_owned(), |t| t.code);
                (e.source.code, target, e.trigger.text)
            })
            .collect()
    }

    /// Each (body, source, target): some event of the body goes from a
    /// code starting `source` to one starting `target`.
    fn each_has(cases: &[(&str, &str, &str)]) {
        for &(body, source, target) in cases {
            let ev = pairs(body);
            assert!(has(&ev, source, target), "{body}: {ev:?}");
        }
    }

    fn has(events: &[(String, String, String)], source: &str, target: &str) -> bool {
        events
            .iter()
            .any(|(s, t, _)| s.starts_with(source) && t.starts_with(target))
    }

    #[test]
    fn a_with_phrase_of_circumstance_names_no_partner() {
        // "with X <predicate>" after a comma is a circumstance (`is_absolute`;
        // the shipped parse mostly hangs it on a noun, others on the verb).
        for (body, outsider) in [
            (
                "Egypt held talks with Sudan, with Ethiopia the only party absent.",
                "ETH",
            ),
            (
                "Japan talked with the delegates on Friday, with China watching closely.",
                "CHN",
            ),
            (
                "Peru and Chile signed on to the charter, with Bolivia the only member unsigned.",
                "BOL",
            ),
            (
                "Ghana met Togo in Accra on Monday, with Benin the sole absentee.",
                "BEN",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                !ev.is_empty() && !ev.iter().any(|(_, t, _)| t.starts_with(outsider)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_object_relative_names_its_antecedent_as_the_target_and_its_pronoun_the_speaker() {
        // The relative pronoun object stands for the noun before it; the
        // pronoun subject is the clause's actor, never that noun.
        for (body, source, target) in [
            (
                "Kenya closed its border, citing the conduct of the police in Somalia, which it accused of extortion.",
                "KEN",
                "SOM",
            ),
            (
                "Ukraine disclosed that it had expelled a consul, citing the conduct of the secret service of Belarus, which it accused of spying.",
                "UKR",
                "BLR",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter().any(|(s, t, tr)| s.starts_with(source)
                    && t.starts_with(target)
                    && tr.starts_with("accused")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn the_parties_of_an_act_the_object_names_are_targets() {
        each_has(&[
            (
                "Egypt denounced the pact between Turkey and Libya.",
                "EGY",
                "LBY",
            ),
            (
                "Egypt denounced the pact between Turkey and Libya.",
                "EGY",
                "TUR",
            ),
            (
                "Russia condemned the memorandum of understanding between Armenia and Iran.",
                "RUS",
                "IRN",
            ),
        ]);
        // A topic between two parties is no act: no target.
        let ev = pairs("Japan discussed relations between China and Korea.");
        assert!(!has(&ev, "JPN", "CHN") && !has(&ev, "JPN", "KOR"), "{ev:?}");
        // Nor is a place between two others that the act's clause names.
        for body in [
            "Chile and Peru signed a fisheries pact, under which a zone between Ecuador and Colombia would close.",
            "Mali and Niger signed a border accord, by which a strip between Chad and Sudan stays open.",
        ] {
            let ev = pairs(body);
            assert!(
                !ev.is_empty()
                    && ev.iter().all(|(_, t, _)| !t.starts_with("ECU")
                        && !t.starts_with("COL")
                        && !t.starts_with("TCD")
                        && !t.starts_with("SDN")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_place_behind_its_determiner_is_no_target() {
        // `default_target` in pattern.rs: "in the Peruvian capital Lima".
        for (body, place) in [
            ("Chile signed a pledge in the Peruvian capital Lima.", "PER"),
            (
                "Ghana signed a charter in the Togolese port city Lome.",
                "TGO",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                !ev.is_empty() && !ev.iter().any(|(_, t, _)| t.starts_with(place)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_dateline_acts_in_nothing() {
        // `dateline_end` in mod.rs.
        for (body, place) in [
            (
                "CAIRO — Libyan and Tunisian officials signed a border pact.",
                "EGY",
            ),
            (
                "KABUL, Oct. 3 - Pakistani troops shelled an Indian post.",
                "AFG",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                !ev.is_empty()
                    && !ev
                        .iter()
                        .any(|(s, t, _)| s.starts_with(place) || t.starts_with(place)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn two_mentions_of_one_code_make_one_event_per_pair() {
        for body in [
            "Vladimir Putin and Sergei Lavrov met Chinese officials in Beijing.",
            "Chinese officials met Vladimir Putin and Sergei Lavrov in Moscow.",
        ] {
            let ev = pairs(body);
            let rus_chn = ev
                .iter()
                .filter(|(s, t, _)| s.starts_with("RUS") && t.starts_with("CHN"))
                .count();
            assert_eq!(rus_chn, 1, "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_second_partner_after_the_patterns_is_a_target_too() {
        each_has(&[
            (
                "The Greek premier met with NATO officials, then with the Turkish foreign minister.",
                "GRC",
                "TUR",
            ),
            (
                "Kenya's foreign minister met with Ugandan officials on Monday, then with the president of Rwanda.",
                "KEN",
                "RWA",
            ),
        ]);
    }

    #[test]
    fn the_parties_after_between_or_among_act_together_in_a_passive() {
        each_has(&[
            (
                "A memorandum of understanding on fisheries was signed between Chile and Peru.",
                "PER",
                "CHL",
            ),
            (
                "An accord on fishing rights in the Pacific was signed among Chile, Peru and Ecuador.",
                "ECU",
                "PER",
            ),
        ]);
        // "between" inside the subject names no one acting.
        let ev = pairs("Disputes between Chile and Peru were settled by the court.");
        assert!(!has(&ev, "CHL", "PER") && !has(&ev, "PER", "CHL"), "{ev:?}");
    }

    /// (After a verb of going, `errand_verbs`, it is what was done there:
    /// `what_a_trip_was_made_to_do_was_done` in clause/mod.rs.)
    #[test]
    fn an_infinitive_of_purpose_is_a_shown_intent() {
        for body in [
            "The foreign ministers of Chile and Peru met in Lima on Monday to sign a fisheries accord.",
            "Japan's envoy visited Seoul on Monday to discuss trade with South Korea.",
        ] {
            let coder = crate::Coder::defaults().expect("default dictionaries");
            let date = chrono::NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
            let ev = coder
                .code_doc(&crate::Doc::from_text("p", body, date))
                .events;
            let intent = ev
                .iter()
                .find(|e| matches!(e.trigger.text.as_str(), "sign" | "discuss"))
                .unwrap_or_else(|| panic!("{body}: {ev:?}"));
            assert_eq!(
                (intent.root.as_str(), intent.factuality),
                ("03", crate::event::Factuality::Asserted),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_past_form_after_a_noun_is_a_verb_when_the_parse_gives_it_a_subject() {
        each_has(&[
            (
                "A Turkish drone struck two Syrian army trucks near Afrin.",
                "TUR",
                "SYR",
            ),
            (
                "An Israeli missile hit a Palestinian police post.",
                "ISR",
                "PSE",
            ),
        ]);
        // A reduced relative, or a subject naming no actor: Greece seized nothing.
        let ev = pairs("Greece said the weapons seized near Crete came from Turkey.");
        assert!(
            ev.iter().all(|(_, _, trigger)| trigger != "seized"),
            "{ev:?}"
        );
    }

    #[test]
    fn a_subject_naming_nobody_takes_no_actor_from_further_left() {
        // "the blast" is the subject of "killed": Japan did not kill anyone.
        for body in [
            "Japan said the blast killed four Korean sailors.",
            "Brazil noted that the flood destroyed a Bolivian bridge.",
        ] {
            let ev = pairs(body);
            assert!(
                !has(&ev, "JPN", "KOR") && !has(&ev, "BRA", "BOL"),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_with_phrase_past_a_place_names_the_partners() {
        for body in [
            "The Swedish foreign minister met in Oslo with the foreign ministers of Chile and Peru.",
            "Kenya's president met on Friday in Geneva with the envoys of Chile and Peru.",
        ] {
            let ev = pairs(body);
            assert!(has(&ev, "", "CHL") && has(&ev, "", "PER"), "{body}: {ev:?}");
            assert!(
                !has(&ev, "", "NOR") && !has(&ev, "", "CHE"),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_of_phrase_names_whom_an_invasion_or_blockade_acts_on() {
        each_has(&[
            (
                "Iraq's invasion of Kuwait began in the summer.",
                "IRQ",
                "KWT",
            ),
            (
                "The Saudi blockade of Qatar ended in January.",
                "SAU",
                "QAT",
            ),
        ]);
        // Without an actor of its own, "of" names the actor, not a target.
        let ev = pairs("The visit of Kenya's president ended on Friday.");
        assert!(!has(&ev, "", "KEN"), "{ev:?}");
    }

    #[test]
    fn a_participle_of_carrying_out_names_the_actor_and_the_target() {
        each_has(&[
            (
                "Cuba condemned the sanctions imposed by Washington on Venezuela.",
                "USA",
                "VEN",
            ),
            (
                "Mexico criticized the sanctions imposed by the European Union on Nicaragua.",
                "IGOEEU",
                "NIC",
            ),
        ]);
        // The event noun's actor is the target of a reaction to it.
        each_has(&[
            (
                "Cuba condemned the sanctions imposed by Washington on Venezuela.",
                "CUB",
                "USA",
            ),
            (
                "Mexico criticized the sanctions imposed by the European Union on Nicaragua.",
                "MEX",
                "IGOEEU",
            ),
        ]);
    }

    #[test]
    fn a_verb_read_as_a_noun_codes_no_event() {
        for (body, trigger) in [
            (
                "A Chinese vessel collided with a Philippine supply boat.",
                "supply",
            ),
            (
                "Hungary's new law limits foreign funding of Ukrainian charities.",
                "funding",
            ),
        ] {
            let ev = pairs(body);
            assert!(ev.iter().all(|(_, _, t)| t != trigger), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_place_in_an_opening_participle_clause_is_no_subject() {
        for body in [
            "Speaking in Ankara, the Turkish foreign minister criticised Greece.",
            "Standing beside the president in Kyiv, the Polish prime minister praised Ukraine.",
        ] {
            let ev = pairs(body);
            assert!(!ev.is_empty(), "{body}");
            assert!(
                ev.iter()
                    .all(|(s, _, _)| s.starts_with("TUR") || s.starts_with("POL")),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_possessor_of_the_object_is_the_target() {
        for (body, target) in [
            ("The Dutch government praised Ghana's mediation.", "GHA"),
            ("Chile strongly criticized Bolivia's new border law.", "BOL"),
        ] {
            let ev = pairs(body);
            assert!(has(&ev, "", target), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_party_of_another_clause_or_a_predicate_is_no_default_target() {
        for (body, trigger, outsider) in [
            // under a coordinated verb
            (
                "Chile rejected the offer and said it would sue Peru.",
                "rejected",
                "PER",
            ),
            (
                "Ghana refused the request and vowed to punish Togo.",
                "refused",
                "TGO",
            ),
            // in the content of others' claims
            (
                "Ghana dismissed claims that Togo had armed the rebels.",
                "dismissed",
                "TGO",
            ),
            (
                "Oman rejected reports that Iran had seized the ship.",
                "rejected",
                "IRN",
            ),
            // in a predicate introduced by "as"
            (
                "Peru condemned the vote as an insult to Chile.",
                "condemned",
                "CHL",
            ),
            (
                "Egypt denounced the dam as a threat to Sudan.",
                "denounced",
                "SDN",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter().any(|(_, _, t)| t.starts_with(trigger))
                    && !ev
                        .iter()
                        .any(|(_, t, tr)| tr.starts_with(trigger) && t.starts_with(outsider)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_verb_after_but_shares_the_subject_of_the_verb_before() {
        for (body, source, trigger) in [
            (
                "Chile warned the Peruvians about the risks but denied any plan to close the border.",
                "CHL",
                "denied",
            ),
            (
                "Ghana welcomed the Togolese envoy but rejected the proposal.",
                "GHA",
                "rejected",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter()
                    .any(|(s, _, t)| t.starts_with(trigger) && s.starts_with(source))
                    && !ev
                        .iter()
                        .any(|(s, _, t)| t.starts_with(trigger) && !s.starts_with(source)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn an_event_noun_with_its_parties_outranks_a_verb_on_its_word() {
        each_has(&[
            (
                "Sanctions imposed by Washington on Venezuelan oil exports took effect on Monday.",
                "USA",
                "VEN",
            ),
            (
                "Sanctions imposed by Ottawa on Iranian oil exports began in June.",
                "CAN",
                "IRN",
            ),
        ]);
    }

    #[test]
    fn a_relation_as_a_subject_is_a_state_not_an_event() {
        for body in [
            "Ties between Peru and Chile remain tense.",
            "Relations between Ghana and Togo have soured since the raid.",
        ] {
            let ev = pairs(body);
            assert!(ev.is_empty(), "{body}: {ev:?}");
        }
        each_has(&[("Peru and Chile restored ties last year.", "PER", "CHL")]);
    }

    #[test]
    fn the_topic_of_information_is_no_target() {
        for (body, topic) in [
            (
                "Britain shared intelligence on Russia with its Baltic allies.",
                "RUS",
            ),
            (
                "Kenya shared information about Somali militants with its partners.",
                "SOM",
            ),
        ] {
            let ev = pairs(body);
            assert!(!ev.is_empty() && !has(&ev, "", topic), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_participle_set_off_with_its_agent_is_passive() {
        let cases = [
            (
                "Qatar, backed by Turkey, refused to comply with the demands.",
                "TUR",
                "QAT",
            ),
            (
                "Serbia, supported by Russia, rejected the resolution.",
                "RUS",
                "SRB",
            ),
        ];
        each_has(&cases);
        // and not the other way round
        let turned: Vec<_> = cases.iter().map(|&(b, s, t)| (b, t, s)).collect();
        assert!(turned.iter().all(|&(b, s, t)| !has(&pairs(b), s, t)));
    }

    #[test]
    fn another_words_object_is_no_inherited_subject() {
        for (body, source, trigger) in [
            (
                "Peru explained to the Chileans that the fees were legal but rejected their demands.",
                "PER",
                "rejected",
            ),
            (
                "Japan signalled to the Koreans that it wanted calm but refused any apology.",
                "JPN",
                "refused",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter()
                    .any(|(s, _, t)| t.starts_with(trigger) && s.starts_with(source)),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn we_in_what_a_speaker_states_is_the_speakers_side() {
        for (body, source, trigger) in [
            (
                "The Kenyan foreign minister said that we would open an embassy in Chad.",
                "KENGOV",
                "open",
            ),
            (
                "Peru's president stated that we had signed a trade pact with Chile.",
                "PERGOV",
                "signed",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter()
                    .any(|(s, _, t)| t.starts_with(trigger) && s == source),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_pronoun_in_what_is_denied_is_the_denier() {
        use crate::event::Factuality;
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let date = NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
        for (body, source, code, own) in [
            (
                "Iran summoned the British envoy and denied that it had seized the tanker.",
                "IRN",
                "17",
                "IRNMIL",
            ),
            (
                "Ghana denied that it had expelled Togolese traders.",
                "GHA",
                "16",
                "GHAMIL",
            ),
            (
                "Chad denied that it had sent soldiers into Sudan.",
                "TCD",
                "01",
                "TCDMIL",
            ),
        ] {
            let events = coder
                .code_doc(&crate::Doc::from_text("p", body, date))
                .events;
            assert!(
                events.iter().any(|e| e.source.code.starts_with(source)
                    && e.cameo.starts_with(code)
                    && (code == "01" || e.factuality == Factuality::Negated)),
                "{body}: {events:#?}"
            );
            // The denier's own forces are no target of the denial.
            assert!(
                !events
                    .iter()
                    .any(|e| e.target.as_ref().is_some_and(|t| t.code == own)),
                "{body}: {events:#?}"
            );
        }
    }

    #[test]
    fn an_act_of_force_on_a_place_targets_the_place() {
        each_has(&[
            (
                "The airstrike by Emirati jets on a market in Libya killed dozens.",
                "ARE",
                "LBY",
            ),
            (
                "An attack by Kenyan troops on a camp in Somalia left ten dead.",
                "KEN",
                "SOM",
            ),
            // the place hung on the verb the act of force is subject of
            (
                "The airstrike by Russian jets on a bakery killed nine in Ukraine.",
                "RUS",
                "UKR",
            ),
        ]);
        // The act of force itself, not only the verb of harm, strikes the place.
        for (body, noun, place) in [
            (
                "The airstrike by Russian jets on a bakery killed nine in Ukraine.",
                "airstrike",
                "UKR",
            ),
            (
                "The airstrike by Emirati jets on a market in Libya killed dozens.",
                "airstrike",
                "LBY",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter().any(|(_, t, w)| w == noun && t.starts_with(place)),
                "{body}: {ev:?}"
            );
        }
        // Not talks on a deal somewhere: no act of force.
        let ev = pairs("Talks by Iran on a deal in Austria stalled.");
        assert!(!has(&ev, "IRN", "AUT"), "{ev:?}");
    }

    #[test]
    fn a_pattern_target_is_no_party_of_a_coordinated_verb() {
        for (body, first, second, party) in [
            (
                "Chile voiced opposition to the tariffs and urged Peru to negotiate.",
                "voiced",
                "urged",
                "PER",
            ),
            (
                "Ghana voiced objections to the vote and invited Togo to talks.",
                "voiced",
                "invited",
                "TGO",
            ),
        ] {
            let ev = pairs(body);
            let to_party = |tr: &str| {
                ev.iter()
                    .any(|(_, t, x)| x.starts_with(tr) && t.starts_with(party))
            };
            assert!(to_party(second) && !to_party(first), "{body}: {ev:?}");
        }
    }

    #[test]
    fn partners_of_a_joint_act_near_a_place_act_on_one_another() {
        for (body, a, b, place) in [
            (
                "Greek and Egyptian frigates held joint drills near Cyprus.",
                "GRC",
                "EGY",
                "CYP",
            ),
            (
                "Peru and Chile held joint naval exercises in the Gulf of Panama.",
                "PER",
                "CHL",
                "PAN",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                has(&ev, a, b) && has(&ev, b, a) && !has(&ev, "", place),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn the_speaker_of_a_closing_attribution_is_no_target() {
        for (body, source, target, speaker) in [
            (
                "Moroccan jets bombed rebel camps in Mali on Sunday, the army said.",
                "MAR",
                "MLI",
                "MARMIL",
            ),
            (
                "Chile seized an Argentine trawler near Cape Horn, the navy in Santiago reported.",
                "CHL",
                "ARG",
                "CHLMIL",
            ),
            (
                "Kenya accused Somalia of arming the militia, the foreign ministry of Kenya said.",
                "KEN",
                "SOM",
                "KENGOV",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                has(&ev, source, target) && !ev.iter().any(|(_, t, _)| t == speaker),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn a_named_body_outranks_a_role_word_from_context() {
        each_has(&[
            (
                "Uganda's army attacked a camp in Congo. A spokesperson for the Kenyan government condemned the attack.",
                "KEN",
                "UGA",
            ),
            (
                "Serbian troops bombed a village in Kosovo. Later, a spokesman for the Albanian government denounced the bombing.",
                "ALB",
                "SRB",
            ),
        ]);
    }

    /// Each body yields an event of factuality `want` and no asserted one
    /// (bar plain statements, 01).
    fn none_asserted(bodies: &[&str], want: crate::event::Factuality) {
        let coder = crate::Coder::defaults().expect("default dictionaries");
        let date = chrono::NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
        for body in bodies {
            let events = coder
                .code_doc(&crate::Doc::from_text("p", body, date))
                .events;
            let asserted = |e: &crate::Event| {
                e.factuality == crate::event::Factuality::Asserted && !e.cameo.starts_with("01")
            };
            assert!(
                events.iter().any(|e| e.factuality == want) && !events.iter().any(asserted),
                "{body}: {events:#?}"
            );
        }
    }

    #[test]
    fn a_comma_before_a_new_subject_ends_the_list() {
        for (body, first, second, threatened) in [
            (
                "If Beijing invades Taiwan, Washington will impose sanctions on China.",
                "TWN",
                "USA",
                "CHN",
            ),
            (
                "If Serbia attacks Kosovo, Albania will impose sanctions on Serbia.",
                "KSV",
                "ALB",
                "SRB",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                has(&ev, second, threatened)
                    && !has(&ev, first, "")
                    && !has(&ev, threatened, second),
                "{body}: {ev:?}"
            );
        }
    }

    #[test]
    fn what_is_believed_is_no_fact() {
        none_asserted(
            &[
                "Russia is believed to have supplied Iran with fighter jets.",
                "Iran is suspected of supplying drones to Russia.",
            ],
            crate::event::Factuality::Hypothetical,
        );
        // A suspect who acts does act.
        let ev = pairs("Suspected militants attacked a Nigerian army post.");
        assert!(has(&ev, "NGA", "NGAMIL"), "{ev:?}");
    }

    #[test]
    fn a_planned_meeting_is_no_fact() {
        none_asserted(
            &[
                "The envoy tried to arrange a meeting between Peru and Chile.",
                "Ministers, let's discuss the border with Ghana tomorrow, the Togolese president told Benin.",
            ],
            crate::event::Factuality::Future,
        );
    }

    #[test]
    fn an_event_noun_with_its_parties_is_an_event() {
        each_has(&[
            ("Japan's visit to Seoul ended on Friday.", "JPN", "KOR"),
            ("US sanctions on Iran have hurt its economy.", "USA", "IRN"),
        ]);
        // Without a party on each side the noun stays a noun.
        for body in [
            "The visit to Seoul ended on Friday.",
            "Japan's sanctions were lifted.",
        ] {
            let ev = pairs(body);
            assert!(ev.is_empty(), "{body}: {ev:?}");
        }
    }

    #[test]
    fn a_hedge_on_the_predicate_reaches_its_subject() {
        none_asserted(
            &[
                "Talks between Peru and Chile could lead to a backlash from Bolivia.",
                "Japan's visit to Seoul might anger Beijing.",
            ],
            crate::event::Factuality::Hypothetical,
        );
    }

    #[test]
    fn an_opponent_is_a_target_of_conflict_only() {
        for (body, source, target, not) in [
            (
                "Egypt backed Sudan against Ethiopia in the dam dispute.",
                "EGY",
                "SDN",
                "ETH",
            ),
            (
                "In 2016, Qatar started supporting Libya against the rebels of Chad.",
                "QAT",
                "LBY",
                "TCD",
            ),
        ] {
            let ev = pairs(body);
            assert!(
                has(&ev, source, target) && !has(&ev, source, not),
                "{body}: {ev:?}"
            );
        }
        let ev = pairs("Sudan fought against Ethiopia in the border region.");
        assert!(has(&ev, "SDN", "ETH"), "{ev:?}");
    }

    #[test]
    fn the_agent_of_an_event_noun_is_the_target() {
        each_has(&[
            (
                "Peru condemned an attack by Chilean soldiers near the border.",
                "PER",
                "CHL",
            ),
            (
                "Ghana denounced the raid by Togolese police on a market.",
                "GHA",
                "TGO",
            ),
        ]);
    }

    #[test]
    fn the_own_country_is_no_target() {
        for (body, source, target) in [
            (
                "The Kenyan president withdrew Kenya from a trade accord with Uganda.",
                "KEN",
                "UGA",
            ),
            (
                "Last year the Peruvian president withdrew Peru from its fishing pact with Chile.",
                "PER",
                "CHL",
            ),
        ] {
            let ev = pairs(body);
            assert!(has(&ev, source, target), "{body}: {ev:?}");
            assert!(
                !ev.iter()
                    .any(|(s, t, _)| t.len() == 3 && s.starts_with(t.as_str())),
                "{ev:?}"
            );
        }
    }

    #[test]
    fn words_of_the_trigger_are_no_target() {
        for body in [
            "Russia launched a military offensive with drones.",
            "Nigeria started a naval blockade near the delta.",
        ] {
            let ev = pairs(body);
            assert!(
                ev.iter().all(|(s, t, _)| t == "-" || t[..3] != s[..3]),
                "{body}: {ev:?}"
            );
        }
    }
}
