//! Repairs of the finished tree for systematic parser errors on news that
//! retraining has not removed. Each repair is a small pass over the words
//! of one sentence that changes heads, tags and relations only where its
//! pattern holds; the spans are never touched.

use crate::ParsedWord;
use crate::args::is_rel;
use crate::tagger::upos_index;
use crate::words::{
    agent_prepositions, articles, augment_times, backshift_modals, bare_infinitive_verbs,
    clause_verbs, complementizers, elisions, gerund_prepositions, infinitive_nouns,
    inverting_auxiliaries, list_conjunctions, non_agents, pair_pronouns, possessive_determiners,
    relative_pronouns, reporting_verbs, speaker_acts, subject_pronouns, subordinators,
    target_prepositions, time_determiners, time_nouns,
};

/// Runs every repair of the finished tree, in order: the clause markers
/// and subjects first (later passes read them), the roots, the
/// attachments, and the relations last.
pub fn tree(text: &str, words: &mut [ParsedWord<'_>]) {
    subordinate_clauses(text, words);
    marked_noun_clauses(text, words);
    case_marked_subjects(text, words);
    fronted_subjects(text, words);
    conjunct_subjects(text, words);
    trailing_attributions(text, words);
    verbless_roots(text, words);
    marked_roots(text, words);
    participle_roots(text, words);
    verb_conjuncts(text, words);
    list_conjuncts(text, words);
    reported_pronoun_subjects(text, words);
    reported_conjuncts(text, words);
    modal_report_conjuncts(text, words);
    gerund_conjuncts(text, words);
    nominal_conjuncts(words);
    infinitive_complements(text, words);
    bare_infinitive_objects(text, words);
    gerund_complements(text, words);
    comma_participles(text, words);
    compound_possessors(words);
    titled_subjects(words);
    reduced_relative_roots(text, words);
    noun_roots_with_objects(text, words);
    reporting_verb_subjects(text, words);
    object_agents(text, words);
    relative_clauses(text, words);
    case_marked_relations(text, words);
}

/// "two days after Peru expelled the envoy": the parser makes "after" the
/// case marker of an oblique "Peru" under a verb with no subject of its
/// own. When the oblique's phrase runs up to that verb, "after" is the
/// clause's marker (`SCONJ`, `mark`), the oblique its subject (`nsubj`),
/// a verb taken for a conjunct or a parataxis an adverbial clause
/// (`advcl`), and a subject before the marker ("three months after …") a
/// measure of the interval (`obl:unmarked`). The parser may also have made
/// the oblique the verb's subject already, with "after" as its case, or
/// read the marker right and only the measure as a second subject.
pub fn subordinate_clauses(text: &str, words: &mut [ParsedWord<'_>]) {
    let lower = |w: &ParsedWord<'_>| w.span.slice(text).to_lowercase();
    for p in 0..words.len() {
        if let Some((n, v)) = misread_clause(text, words, p) {
            let v32 = u32::try_from(v).ok();
            words[p].upos = "SCONJ";
            words[p].deprel = "mark";
            words[p].head = v32;
            words[n].deprel = "nsubj";
            words[n].head = v32;
            if matches!(words[v].deprel, "conj" | "parataxis") {
                words[v].deprel = "advcl";
            }
            if words[v].deprel == "acl"
                && let Some(g) = verb_above(words, v)
            {
                words[v].head = u32::try_from(g).ok();
                words[v].deprel = "advcl";
            }
        }
        if words[p].deprel == "mark" && subordinators().contains(&lower(&words[p])) {
            measures_before(text, words, p);
        }
    }
}

/// "three months after the premier resigned": a subject of the clause
/// marked by `p` that is a measure right before the marker (see
/// [`is_measure`]), while another subject follows it, measures the
/// interval (`obl:unmarked`).
fn measures_before(text: &str, words: &mut [ParsedWord<'_>], p: usize) {
    let v = words[p].head;
    let subject = |w: &ParsedWord<'_>| w.head == v && is_rel(w.deprel, "nsubj");
    if !words[p + 1..].iter().any(subject) {
        return;
    }
    if let Some(m) = (0..p).find(|&k| subject(&words[k]) && is_measure(text, words, k, p)) {
        words[m].deprel = "obl:unmarked";
    }
}

/// True when the phrase of word `k` ends right before word `p` with a
/// measure, a noun with a number or "a"/"an" ("three months", "a week"),
/// and has no verb in it ("Troops before dawn stormed …" and "Police
/// landed in Haiti after …" keep their subjects).
fn is_measure(text: &str, words: &[ParsedWord<'_>], k: usize, p: usize) -> bool {
    let (first, last) = extent(words, k);
    let last32 = u32::try_from(last).ok();
    let counted = words.iter().any(|w| {
        w.head == last32
            && (w.deprel == "nummod"
                || (w.deprel == "det"
                    && matches!(w.span.slice(text).to_lowercase().as_str(), "a" | "an")))
    });
    last + 1 == p
        && words[last].upos == "NOUN"
        && counted
        && !words[first..=last]
            .iter()
            .any(|w| matches!(w.upos, "VERB" | "AUX"))
}

/// "On Tuesday, Egypt and Sudan signed …", "In April 2020, Canberra
/// angered …": the parser makes the name after the fronted time phrase's
/// comma a conjunct or an apposition of the time noun, and the verb has
/// no subject. When that word has no conjunction of its own, follows the
/// comma, and its phrase runs up to the subjectless verb the time phrase
/// hangs on (or to its auxiliaries and adverbs), it is the verb's subject
/// (`nsubj`, or `nsubj:pass` with a passive auxiliary). The same holds
/// after any fronted oblique ("According to Reuters, the rebels were
/// pushed back" once [`case_marked_subjects`] has made it one).
pub fn fronted_subjects(text: &str, words: &mut [ParsedWord<'_>]) {
    for n in 1..words.len() {
        if let Some(v) = misread_subject(text, words, n) {
            let v32 = u32::try_from(v).ok();
            let passive = words
                .iter()
                .any(|w| w.head == v32 && w.deprel == "aux:pass");
            words[n].deprel = if passive { "nsubj:pass" } else { "nsubj" };
            words[n].head = v32;
        }
    }
}

/// "…, killing three civilians and wounding 11, regional officials said.":
/// the parser makes the source before the closing reporting verb the
/// object of an earlier verb, and the reporting verb has no subject. When
/// the sentence ends with a verb of `reporting_verbs` (then punctuation
/// only) that has no subject, and the words between the last comma and it
/// are one noun phrase with no verb, that phrase is its subject (`nsubj`).
pub fn trailing_attributions(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(v) = words.iter().rposition(|w| w.upos != "PUNCT") else {
        return;
    };
    let lower = words[v].span.slice(text).to_lowercase();
    if words[v].upos != "VERB" || !reporting_verbs().contains(&lower) || has_subject(words, v) {
        return;
    }
    let Some(comma) = words[..v].iter().rposition(|w| w.span.slice(text) == ",") else {
        return;
    };
    let phrase = comma + 1..v;
    let outside = |w: &ParsedWord<'_>| w.head.is_none_or(|h| !phrase.contains(&(h as usize)));
    let heads: Vec<usize> = phrase.clone().filter(|&k| outside(&words[k])).collect();
    let nominal = phrase
        .clone()
        .all(|k| !matches!(words[k].upos, "VERB" | "AUX" | "PUNCT"));
    // never under the phrase itself, or the new arc would close a cycle
    if let ([n], true) = (heads.as_slice(), nominal && !phrase.is_empty())
        && matches!(words[*n].upos, "NOUN" | "PROPN" | "PRON")
        && !under(words, v, *n)
    {
        words[*n].head = u32::try_from(v).ok();
        words[*n].deprel = "nsubj";
    }
}

/// "Chad's army and the rebel Union of Forces signed a peace accord": the
/// parser makes the subject the sentence's root and its verb a clause
/// modifying the last conjunct (`acl`), leaving the sentence with no verb
/// of its own. When the root is a noun with no copula, auxiliary or
/// object, and the first verb hanging on it or on a word of its phrase
/// (a conjunct, an "of" phrase) as `acl` follows the noun phrase (which holds no verb or auxiliary), is
/// no "-ing" form, has no "to" and no subject, that verb is the root and
/// the noun its `nsubj`; what hung on the noun after the verb (the final
/// period) hangs on the verb.
pub fn verbless_roots(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(r) = root(words) else {
        return;
    };
    let Some(v) = misread_predicate(text, words, r) else {
        return;
    };
    promote(words, r, v);
    words[r].head = u32::try_from(v).ok();
    words[r].deprel = "nsubj";
}

/// "Kenyan officers arrived in Haiti on Tuesday, three months after the
/// premier resigned": the parser may make the marked clause the root,
/// the sentence's subject its first subject, and the sentence's verb an
/// `acl` of that subject. When the root verb has a marker of
/// `subordinators` and a subject before it, and a verb inside that
/// subject's phrase, before the marker, has no subject, no "-ing" form and
/// no "to", that verb is the root, the subject its `nsubj`, and the
/// marked clause its `advcl`.
pub fn marked_roots(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(r) = root(words) else {
        return;
    };
    let Some((s, v)) = misread_marked_root(text, words, r) else {
        return;
    };
    let v32 = u32::try_from(v).ok();
    words[v].head = None;
    words[v].deprel = "root";
    words[s].head = v32;
    words[s].deprel = "nsubj";
    words[r].head = v32;
    words[r].deprel = "advcl";
    // the final period goes with the new root
    if let Some(last) = words.last_mut().filter(|w| w.upos == "PUNCT") {
        last.head = v32;
    }
}

/// The subject and the verb of a marked root `r` (see [`marked_roots`]).
fn misread_marked_root(text: &str, words: &[ParsedWord<'_>], r: usize) -> Option<(usize, usize)> {
    let r32 = u32::try_from(r).ok();
    let lower = |i: usize| words[i].span.slice(text).to_lowercase();
    let m = (0..r).find(|&k| {
        words[k].head == r32 && words[k].deprel == "mark" && subordinators().contains(&lower(k))
    })?;
    let s = (0..m).find(|&k| words[k].head == r32 && is_rel(words[k].deprel, "nsubj"))?;
    let v = (s + 1..m).find(|&k| {
        matches!(words[k].deprel, "acl" | "acl:relcl" | "amod")
            && under(words, k, s)
            && free_verb(text, words, k)
    })?;
    (words[r].upos == "VERB").then_some((s, v))
}

/// "The minister speaking to reporters in Lima called the deal void": an
/// "-ing" form with no auxiliary heads no sentence, yet the parser may
/// make it the root, with the subject its own and the sentence's verb
/// somewhere under it (an `acl` of a noun, a `ccomp`). When the root is
/// such a form with a subject before it, and a later verb under it has no
/// subject, no "-ing" form and no "to", that verb is the root, the
/// subject its `nsubj`, and the "-ing" form an `acl` of the subject.
pub fn participle_roots(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(r) = root(words) else {
        return;
    };
    let r32 = u32::try_from(r).ok();
    let Some(s) = (0..r).find(|&k| words[k].head == r32 && is_rel(words[k].deprel, "nsubj")) else {
        return;
    };
    let bare = !words
        .iter()
        .any(|w| w.head == r32 && (is_rel(w.deprel, "aux") || w.deprel == "cop"));
    // "speaking", "visiting"; not "bring", "sing"
    let form = words[r].span.slice(text).to_lowercase();
    let ing = form.ends_with("ing") && form.len() >= 6;
    if words[r].upos != "VERB" || !ing || !bare {
        return;
    }
    let Some(v) = (r + 1..words.len()).find(|&k| under(words, k, r) && free_verb(text, words, k))
    else {
        return;
    };
    promote(words, r, v);
    let v32 = u32::try_from(v).ok();
    words[s].head = v32;
    words[s].deprel = "nsubj";
    words[r].head = u32::try_from(s).ok();
    words[r].deprel = "acl";
}

/// "China criticised Japan and Russia recalled its envoy": the parser may
/// make the name after the coordinator a conjunct of the object before
/// it, and the verb after the name a clause with no subject. A nominal
/// conjunct with a coordinator of its own, followed (its own words,
/// adverbs and auxiliaries aside) by a free verb, is that verb's subject,
/// and the verb is the conjunct of the verb the first conjunct hangs on.
pub fn conjunct_subjects(text: &str, words: &mut [ParsedWord<'_>]) {
    for n in 1..words.len() {
        if words[n].deprel != "conj" || !matches!(words[n].upos, "NOUN" | "PROPN") {
            continue;
        }
        let n32 = u32::try_from(n).ok();
        let Some(v) = (n + 1..words.len())
            .find(|&k| !(matches!(words[k].upos, "ADV" | "AUX") || words[k].head == n32))
        else {
            continue;
        };
        if !free_verb(text, words, v) || under(words, v, n) {
            continue;
        }
        let Some(cc) = (0..n).find(|&c| words[c].head == n32 && words[c].deprel == "cc") else {
            continue;
        };
        // Never a cycle: the first clause's verb is not under the second.
        let Some(main) = verb_above(words, n).filter(|&m| m < n && m != v && !under(words, m, v))
        else {
            continue;
        };
        // "believes Chile and Bolivia can agree": both are the clause's.
        let form = words[main].span.slice(text).to_lowercase();
        if clause_verbs().contains(&form) {
            continue;
        }
        let v32 = u32::try_from(v).ok();
        words[n].head = v32;
        words[n].deprel = "nsubj";
        words[cc].head = v32;
        words[v].head = u32::try_from(main).ok();
        words[v].deprel = "conj";
    }
}

/// "The army denied the charge and blamed the rebels": the parser may make
/// the second verb a conjunct of the first verb's object or oblique. A
/// finite verb (no subject, no "-ing" form, no "to") with an object of its
/// own, coordinated with a nominal that hangs on a verb, is that verb's
/// conjunct.
pub fn verb_conjuncts(text: &str, words: &mut [ParsedWord<'_>]) {
    for w in 0..words.len() {
        let Some(n) = words[w].head.map(|h| h as usize) else {
            continue;
        };
        let Some(v) = words.get(n).and_then(|x| x.head).map(|h| h as usize) else {
            continue;
        };
        let nominal = matches!(words[n].upos, "NOUN" | "PROPN" | "PRON");
        if words[w].deprel != "conj" || !nominal || words[v].upos != "VERB" {
            continue;
        }
        let w32 = u32::try_from(w).ok();
        let object = words.iter().any(|x| x.head == w32 && x.deprel == "obj");
        if object && v < n && free_verb(text, words, w) {
            words[w].head = u32::try_from(v).ok();
        }
    }
}

/// "talks on the situation in Syria, Iran, and Russia": in a long
/// sentence the parser may hang the middle of a list of names on a verb
/// far before it (an `obj`, `obl` or `nsubj`), with the rest of the list. A proper
/// noun right after "NAME ,", with no preposition of its own, that hangs
/// on a word before that name and has a conjunct of its own after "and"
/// or "or", is the first name's conjunct, and so are its conjuncts.
pub fn list_conjuncts(text: &str, words: &mut [ParsedWord<'_>]) {
    for k in 2..words.len() {
        let Some(first) = list_start(text, words, k) else {
            continue;
        };
        let (k32, f32) = (u32::try_from(k).ok(), u32::try_from(first).ok());
        for w in words.iter_mut() {
            if w.head == k32 && w.deprel == "conj" {
                w.head = f32;
            }
        }
        words[k].head = f32;
        words[k].deprel = "conj";
    }
}

/// The first name of the list that proper noun `k` goes on (see
/// [`list_conjuncts`]).
fn list_start(text: &str, words: &[ParsedWord<'_>], k: usize) -> Option<usize> {
    let first = k - 2;
    // The cheap tests first: most words are no name after "NAME ,".
    if words[k].upos != "PROPN"
        || words[first].upos != "PROPN"
        || words[k - 1].span.slice(text) != ","
        || !matches!(words[k].deprel, "obj" | "obl" | "nsubj")
    {
        return None;
    }
    let h = words[k].head? as usize;
    let in_phrase = words[first]
        .head
        .is_some_and(|fh| fh as usize != h && !is_rel(words[first].deprel, "nsubj"));
    if h >= first || !in_phrase || under(words, first, k) {
        return None;
    }
    let k32 = u32::try_from(k).ok();
    let own_case = words
        .iter()
        .any(|w| w.head == k32 && matches!(w.deprel, "case" | "mark"));
    let goes_on = words.iter().enumerate().skip(k + 1).any(|(c, w)| {
        w.head == k32
            && w.deprel == "conj"
            && words.iter().any(|x| {
                x.head == u32::try_from(c).ok()
                    && x.deprel == "cc"
                    && list_conjunctions().iter().any(|c| c == x.span.slice(text))
            })
    });
    (!own_case && goes_on).then_some(first)
}

/// "The spokesman said the ships were on patrol and urged Japan to
/// leave": the parser may coordinate the second verb with the reported
/// clause's predicate, so that it takes the reported subject. A verb of a
/// speaker's act in words (`data/speaker-acts.txt`) with no subject or
/// auxiliary of its own, coordinated with the predicate of a reporting
/// verb's `ccomp` that has its own subject and either is no verb or has an
/// auxiliary or copula and another form ("were on patrol" / "urged";
/// not "had killed" / "injured"), is the reporting verb's conjunct. Other
/// verbs stay in the clause ("said troops had crossed the border and shot
/// a farmer").
pub fn reported_conjuncts(text: &str, words: &mut [ParsedWord<'_>]) {
    for w in 0..words.len() {
        let Some((h, r)) = free_conjunct(text, words, w) else {
            continue;
        };
        let h32 = u32::try_from(h).ok();
        let w32 = u32::try_from(w).ok();
        let helped = |k: Option<u32>| {
            words
                .iter()
                .any(|x| x.head == k && matches!(x.deprel, "aux" | "aux:pass" | "cop"))
        };
        // "had killed twelve and injured more": one auxiliary, two verbs of
        // one form.
        let form = |k: usize| {
            let f = words[k].span.slice(text).to_lowercase();
            (f.ends_with("ing"), f.ends_with("ed"))
        };
        let speaker_act = speaker_acts().contains(&words[w].span.slice(text).to_lowercase());
        let misread = speaker_act
            && words[h].deprel == "ccomp"
            && r < h
            && h < w
            && words[r].upos == "VERB"
            && reporting_verbs().contains(&words[r].span.slice(text).to_lowercase())
            && has_subject(words, h)
            && (words[h].upos != "VERB" || (helped(h32) && form(h) != form(w)))
            && !helped(w32);
        if misread {
            words[w].head = u32::try_from(r).ok();
        }
    }
}

/// "warned that it was a breach and the council could act against X": the
/// parser may coordinate the second clause with the speech verb. A verb
/// conjoined to a verb with a `ccomp` marked by "that" between them (its
/// own, or one of a clause under it: "condemned the launch, warning that
/// …"), with a subject of its own, a modal of reported speech
/// (`data/backshift-modals.txt`) and no marker of its own, goes on with the
/// reported clause: it becomes that clause's conjunct.
pub fn modal_report_conjuncts(text: &str, words: &mut [ParsedWord<'_>]) {
    for k in 0..words.len() {
        if words[k].deprel != "conj" || words[k].upos != "VERB" {
            continue;
        }
        let Some(r) = words[k].head.map(|h| h as usize) else {
            continue;
        };
        let k32 = u32::try_from(k).ok();
        let child_of =
            |h: Option<u32>, rel: &str| words.iter().position(|x| x.head == h && x.deprel == rel);
        let modal = words.iter().any(|x| {
            x.head == k32
                && x.deprel == "aux"
                && backshift_modals().contains(&x.span.slice(text).to_lowercase())
        });
        if !modal || child_of(k32, "nsubj").is_none() || child_of(k32, "mark").is_some() {
            continue;
        }
        let r32 = u32::try_from(r).ok();
        // Never a clause inside the conjunct itself (no cycle).
        let that_clause = words.iter().enumerate().rposition(|(c, x)| {
            c > r
                && c < k
                && x.deprel == "ccomp"
                && (x.head == r32 || under(words, c, r))
                && !under(words, c, k)
                && words.iter().any(|m| {
                    m.head == u32::try_from(c).ok()
                        && m.deprel == "mark"
                        && complementizers().contains(&m.span.slice(text).to_lowercase())
                })
        });
        if let Some(c) = that_clause {
            words[k].head = u32::try_from(c).ok();
        }
    }
}

/// "denied backing the rebels and accused Peru of …": the parser may
/// coordinate the finite verb with the gerund before it. A verb conjoined
/// to an "-ing" complement of another verb, that is itself no "-ing" form,
/// has no subject, auxiliary or "to" of its own and has an object, is the
/// governing verb's conjunct: both were done by its subject.
pub fn gerund_conjuncts(text: &str, words: &mut [ParsedWord<'_>]) {
    let ing = |words: &[ParsedWord<'_>], k: usize| {
        words[k].span.slice(text).to_lowercase().ends_with("ing")
    };
    for w in 0..words.len() {
        let Some((g, r)) = free_conjunct(text, words, w) else {
            continue;
        };
        let w32 = u32::try_from(w).ok();
        let own = |rels: &[&str]| {
            words
                .iter()
                .any(|x| x.head == w32 && rels.contains(&x.deprel))
        };
        let complement = matches!(words[g].deprel, "xcomp" | "ccomp" | "obj");
        if complement
            && r < g
            && g < w
            && words[g].upos == "VERB"
            && ing(words, g)
            && words[r].upos == "VERB"
            && !ing(words, r)
            && own(&["obj"])
            && !own(&["aux", "aux:pass", "cop"])
        {
            words[w].head = u32::try_from(r).ok();
        }
    }
}

/// "signed by Ghana's minister and his Togolese counterpart": the parser
/// may coordinate the second noun with the verb. A noun conjoined to a verb
/// before it, the noun having no subject, object, auxiliary, copula or
/// marker of its own, is the conjunct of the verb's last nominal dependent
/// between them (`obj`, `obl`, `nsubj`, and their kinds).
pub fn nominal_conjuncts(words: &mut [ParsedWord<'_>]) {
    for w in 0..words.len() {
        if words[w].deprel != "conj" || !matches!(words[w].upos, "NOUN" | "PROPN") {
            continue;
        }
        let Some(v) = words[w].head.map(|h| h as usize) else {
            continue;
        };
        let w32 = u32::try_from(w).ok();
        let clausal = words.iter().any(|x| {
            x.head == w32
                && matches!(
                    x.deprel,
                    "nsubj" | "nsubj:pass" | "obj" | "aux" | "aux:pass" | "cop" | "mark"
                )
        });
        if words[v].upos != "VERB" || v >= w || clausal {
            continue;
        }
        let v32 = u32::try_from(v).ok();
        let nominal = (v + 1..w).rev().find(|&k| {
            words[k].head == v32
                && matches!(
                    words[k].deprel.split(':').next(),
                    Some("obj" | "obl" | "nsubj")
                )
        });
        if let Some(n) = nominal {
            words[w].head = u32::try_from(n).ok();
        }
    }
}

/// "discussed ways to deepen ties": the parser may hang the infinitive
/// after a noun of `infinitive_nouns` on the verb, as a clause of purpose
/// (`advcl`). Right after such a noun, "to" and a verb complete
/// the noun (`acl`).
pub fn infinitive_complements(text: &str, words: &mut [ParsedWord<'_>]) {
    let lower = |w: &ParsedWord<'_>| w.span.slice(text).to_lowercase();
    for t in 1..words.len().saturating_sub(1) {
        let (n, v) = (t - 1, t + 1);
        let to = lower(&words[t]) == "to" && words[t].head == u32::try_from(v).ok();
        // not an `xcomp`: "allowed the request to proceed" is object control
        let misplaced = words[v].deprel == "advcl" && words[v].head != u32::try_from(n).ok();
        if to
            && misplaced
            && words[v].upos == "VERB"
            && words[n].upos == "NOUN"
            && infinitive_nouns().contains(&lower(&words[n]))
            && !under(words, n, v)
        {
            words[v].head = u32::try_from(n).ok();
            words[v].deprel = "acl";
        }
    }
}

/// "Norway helped Colombia and the rebels settle their differences": after
/// a verb of `bare_infinitive_verbs` the parser may read the object as the
/// subject of the bare verb after it, a clause of its own. A verb with no
/// "-ed", "-ing" or "-s" ending, hung on such a verb, whose subject lies
/// between the two, is the verb's `xcomp` and the subject its `obj`.
pub fn bare_infinitive_objects(text: &str, words: &mut [ParsedWord<'_>]) {
    let lower = |w: &ParsedWord<'_>| w.span.slice(text).to_lowercase();
    for w in 1..words.len() {
        let form = lower(&words[w]);
        let bare = !(form.ends_with("ed") || form.ends_with("ing") || form.ends_with('s'));
        if words[w].upos != "VERB" || !bare || lower(&words[w - 1]) == "to" {
            continue;
        }
        let Some((v, n)) = bare_verb_object(text, words, w) else {
            continue;
        };
        // "Colombia and the rebels": a second object is the first's conjunct.
        let v32 = u32::try_from(v).ok();
        let first = (v + 1..n).find(|&o| words[o].head == v32 && words[o].deprel == "obj");
        words[n].head = u32::try_from(first.unwrap_or(v)).ok();
        words[n].deprel = if first.is_some() { "conj" } else { "obj" };
        words[w].head = u32::try_from(v).ok();
        words[w].deprel = "xcomp";
    }
}

/// The verb of `bare_infinitive_verbs` and its object for the bare verb
/// `w` (see [`bare_infinitive_objects`]): the parse made the object the
/// subject of `w` (a complement or adverbial clause under the verb, with no
/// comma before the subject; not a conjunct, "helps Israel and the
/// Europeans help Ukraine"), or `w` a clause modifying the object (`acl`).
fn bare_verb_object(text: &str, words: &[ParsedWord<'_>], w: usize) -> Option<(usize, usize)> {
    let lower = |k: usize| words[k].span.slice(text).to_lowercase();
    let head = words[w].head.map(|h| h as usize)?;
    let w32 = u32::try_from(w).ok();
    let (v, n) = if words[w].deprel == "acl" {
        let v = words[head].head.map(|h| h as usize)?;
        (words[head].deprel == "obj").then_some((v, head))?
    } else if matches!(words[w].deprel, "ccomp" | "advcl" | "dep") {
        let n =
            (head + 1..w).find(|&n| words[n].head == w32 && is_rel(words[n].deprel, "nsubj"))?;
        // "helps Syria, but Western governments condemn Iran": a clause of
        // its own after a comma.
        if (head + 1..n).any(|k| lower(k) == ",") {
            return None;
        }
        (head, n)
    } else {
        return None;
    };
    (v < n && n < w && bare_infinitive_verbs().contains(&lower(v))).then_some((v, n))
}

/// "the agreement on sending troops to Libya": the parser may hang the
/// gerund on the sentence's verb (an `advcl` marked by "on"). Right after a
/// common noun, a preposition of `gerund_prepositions` and a verb in -ing
/// complete the noun: the verb becomes the noun's `acl`, the preposition
/// its `mark`.
pub fn gerund_complements(text: &str, words: &mut [ParsedWord<'_>]) {
    let lower = |w: &ParsedWord<'_>| w.span.slice(text).to_lowercase();
    for p in 1..words.len().saturating_sub(1) {
        let (n, v) = (p - 1, p + 1);
        let (n32, v32) = (u32::try_from(n).ok(), u32::try_from(v).ok());
        if words[v].upos != "VERB" || words[n].upos != "NOUN" || words[p].head != v32 {
            continue;
        }
        let marks = gerund_prepositions().contains(&lower(&words[p]));
        let misplaced = words[v].deprel == "advcl" && words[v].head != n32;
        // Not a noun of time ("agreed last week on sending …"): the
        // gerund is the verb's.
        if marks
            && misplaced
            && words[v].upos == "VERB"
            && lower(&words[v]).ends_with("ing")
            && words[n].upos == "NOUN"
            && !words[n].deprel.starts_with("obl")
            && !under(words, n, v)
        {
            words[v].head = n32;
            words[v].deprel = "acl";
            words[p].deprel = "mark";
        }
    }
}

/// "Japan announced a policy shift, suspending food aid to the North": the
/// parser may take a verb in -ing right after a comma for an adjective of
/// the noun after it (`amod` of "aid"). When that noun hangs above the
/// participle on an earlier noun or verb, the participle opens a clause:
/// it becomes an `advcl` of the nearest verb above, and its noun its
/// object. Not after an adjective of the same noun ("a large, growing
/// economy"), nor with the noun before the comma.
pub fn comma_participles(text: &str, words: &mut [ParsedWord<'_>]) {
    for p in 1..words.len() {
        let Some(n) = misread_comma_participle(text, words, p) else {
            continue;
        };
        let Some(v) = verb_above(words, n) else {
            continue;
        };
        words[p].head = u32::try_from(v).ok();
        words[p].deprel = "advcl";
        words[n].head = u32::try_from(p).ok();
        words[n].deprel = "obj";
        if let Some(c) = words.get_mut(p - 1) {
            c.head = u32::try_from(p).ok();
        }
    }
    for p in 1..words.len() {
        if let Some(v) = participle_on_time_noun(text, words, p) {
            words[p].head = u32::try_from(v).ok();
            words[p].deprel = "advcl";
        }
    }
}

/// Word `p` (after the first) is a verb in -ing labelled `rel`, right
/// after a comma.
fn comma_participle(text: &str, words: &[ParsedWord<'_>], p: usize, rel: &str) -> bool {
    let w = &words[p];
    w.upos == "VERB"
        && w.deprel == rel
        && w.span.slice(text).ends_with("ing")
        && words[p - 1].span.slice(text) == ","
}

/// "…, announced a shift on Tuesday, suspending aid": the verb above the
/// noun of time (`time_nouns`) that a participle in -ing right after a
/// comma was hung on (`acl`), when there is one: no such noun takes one.
fn participle_on_time_noun(text: &str, words: &[ParsedWord<'_>], p: usize) -> Option<usize> {
    let w = &words[p];
    if !comma_participle(text, words, p, "acl") {
        return None;
    }
    let n = w.head? as usize;
    let time = time_nouns().contains(&words[n].span.slice(text).to_lowercase());
    if n > p || !time {
        return None;
    }
    verb_above(words, n)
}

/// The noun that the participle at `p` was hung on as an adjective, when
/// the pattern of [`comma_participles`] holds.
fn misread_comma_participle(text: &str, words: &[ParsedWord<'_>], p: usize) -> Option<usize> {
    let w = &words[p];
    if !comma_participle(text, words, p, "amod") {
        return None;
    }
    let n = w.head? as usize;
    let up = words[n].head? as usize;
    let before = p.checked_sub(2).map(|b| &words[b]);
    let adjective_before = before.is_some_and(|b| b.head == w.head || b.upos == "ADJ");
    (n > p && up < p && !adjective_before && matches!(words[n].upos, "NOUN" | "PROPN")).then_some(n)
}

/// "Ministry spokesperson Zhao Lijian said": the parser may give the verb
/// two subjects, the title and the name after it. A nominal `nsubj` right
/// before a proper noun that is another `nsubj` of the same verb is the
/// name's title (`nmod:desc`, as the parser hangs "commander" in "Navy
/// commander Luis Soto said").
pub fn titled_subjects(words: &mut [ParsedWord<'_>]) {
    for t in 0..words.len().saturating_sub(1) {
        let n = t + 1;
        let both = is_rel(words[t].deprel, "nsubj")
            && is_rel(words[n].deprel, "nsubj")
            && words[t].head.is_some()
            && words[t].head == words[n].head;
        if both && words[t].upos == "NOUN" && words[n].upos == "PROPN" {
            words[t].head = u32::try_from(n).ok();
            words[t].deprel = "nmod:desc";
        }
    }
}

/// "South Korea's WTO candidate": the parser may hang the possessor on a
/// compound (`WTO`) rather than on the noun the compound modifies, though
/// the possessor owns the whole phrase. A `nmod:poss` of a `compound` is
/// the `nmod:poss` of the compound's head noun.
pub fn compound_possessors(words: &mut [ParsedWord<'_>]) {
    for p in 0..words.len() {
        let Some(c) = words[p].head.map(|h| h as usize) else {
            continue;
        };
        let Some(h) = words.get(c).and_then(|w| w.head) else {
            continue;
        };
        if words[p].deprel == "nmod:poss"
            && words[c].deprel == "compound"
            && matches!(words[h as usize].upos, "NOUN" | "PROPN")
        {
            words[p].head = Some(h);
        }
    }
}

/// "Sanctions imposed by Ottawa on Iranian exports began in June": the
/// parser makes the participle of a reduced relative the root and the
/// sentence's verb a nominal dependent of it (`obl`, `nmod` or `obj`,
/// relations no verb takes) or a clause (`advcl`, `ccomp`, `conj`,
/// `parataxis`) with no marker, no conjunction and no punctuation before
/// it. When the root verb follows its subject's phrase, has a passive
/// agent ("by Ottawa") and no auxiliary, and such a verb after it has no
/// subject, no "-ing" form and no "to", that verb is the root, the subject
/// its `nsubj`, and the participle an `acl` of the subject.
pub fn reduced_relative_roots(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(r) = root(words) else {
        return;
    };
    let Some((s, v)) = misread_relative(text, words, r) else {
        return;
    };
    promote(words, r, v);
    words[s].head = u32::try_from(v).ok();
    words[s].deprel = "nsubj";
    words[r].head = u32::try_from(s).ok();
    words[r].deprel = "acl";
}

/// "Peru said it also would close its embassy": with an adverb before
/// the reported clause's auxiliary, the parser may take the pronoun right
/// after a reporting verb for its object. When one of `subject_pronouns`
/// is the `obj` of a verb of `reporting_verbs` right before it, and the
/// next word after the pronoun and its adverbs is a verb under the
/// reporting verb, or that verb's auxiliary, with no subject of its own,
/// the pronoun is that verb's subject (`nsubj:pass` under a passive
/// auxiliary) and the verb the reporting verb's `ccomp`.
pub fn reported_pronoun_subjects(text: &str, words: &mut [ParsedWord<'_>]) {
    for p in 1..words.len() {
        let Some(c) = misread_pronoun_object(text, words, p) else {
            continue;
        };
        let c32 = u32::try_from(c).ok();
        let passive = words
            .iter()
            .any(|w| w.head == c32 && w.deprel == "aux:pass");
        words[p].head = c32;
        words[p].deprel = if passive { "nsubj:pass" } else { "nsubj" };
        words[c].deprel = "ccomp";
    }
}

/// The reported verb pronoun `p` is the subject of (see
/// [`reported_pronoun_subjects`]).
fn misread_pronoun_object(text: &str, words: &[ParsedWord<'_>], p: usize) -> Option<usize> {
    let form = |k: usize| words[k].span.slice(text).to_lowercase();
    let v = p - 1;
    let v32 = u32::try_from(v).ok();
    if words[p].deprel != "obj"
        || words[p].head != v32
        || !subject_pronouns().contains(&form(p))
        || !reporting_verbs().contains(&form(v))
    {
        return None;
    }
    let q = (p + 1..words.len()).find(|&k| words[k].upos != "ADV")?;
    let c = match words[q].upos {
        "AUX" => words[q].head? as usize,
        "VERB" => q,
        _ => return None,
    };
    (c > p && words[c].upos == "VERB" && words[c].head == v32 && !has_subject(words, c))
        .then_some(c)
}

/// "Witnesses described air strikes by the army": the parser makes the
/// subject the root, its verb a modifier (`amod`, `acl`) of the object,
/// and the object the noun's (`obj`, which no noun takes). When the verb
/// lies between the noun's phrase and the object, has no subject, no
/// "-ing" form and no "to", it is the root, the noun its `nsubj` and the
/// object its `obj`.
pub fn noun_roots_with_objects(text: &str, words: &mut [ParsedWord<'_>]) {
    let Some(r) = root(words) else {
        return;
    };
    let Some((o, v)) = misread_transitive(text, words, r) else {
        return;
    };
    promote(words, r, v);
    let v32 = u32::try_from(v).ok();
    words[r].head = v32;
    words[r].deprel = "nsubj";
    words[o].head = v32;
    words[o].deprel = "obj";
}

/// The sentence's root word.
fn root(words: &[ParsedWord<'_>]) -> Option<usize> {
    words.iter().position(|w| w.head.is_none())
}

/// Makes `v` the root in place of `r`; what hung on `r` after `v` (the
/// final period) hangs on `v`.
fn promote(words: &mut [ParsedWord<'_>], r: usize, v: usize) {
    let (r32, v32) = (u32::try_from(r).ok(), u32::try_from(v).ok());
    for w in words.iter_mut().skip(v + 1).filter(|w| w.head == r32) {
        w.head = v32;
    }
    words[v].head = None;
    words[v].deprel = "root";
}

/// For a verb `w` conjoined with no subject of its own ([`free_verb`]):
/// the word it is conjoined to and that word's head.
fn free_conjunct(text: &str, words: &[ParsedWord<'_>], w: usize) -> Option<(usize, usize)> {
    if words[w].deprel != "conj" || !free_verb(text, words, w) {
        return None;
    }
    let h = words[w].head? as usize;
    let r = words[h].head? as usize;
    Some((h, r))
}

/// True when `v` can be a misread finite verb: a `VERB` with no subject,
/// no "-ing" form and no "to" before it.
fn free_verb(text: &str, words: &[ParsedWord<'_>], v: usize) -> bool {
    let before = v
        .checked_sub(1)
        .map(|k| words[k].span.slice(text).to_lowercase());
    words[v].upos == "VERB"
        && !words[v].span.slice(text).to_lowercase().ends_with("ing")
        && before.as_deref() != Some("to")
        && !has_subject(words, v)
}

/// The subject and the verb of a root participle `r` (see
/// [`reduced_relative_roots`]).
fn misread_relative(text: &str, words: &[ParsedWord<'_>], r: usize) -> Option<(usize, usize)> {
    let r32 = u32::try_from(r).ok();
    let s = words
        .iter()
        .position(|w| w.head == r32 && is_rel(w.deprel, "nsubj"))?;
    let aux = words
        .iter()
        .any(|w| w.head == r32 && (is_rel(w.deprel, "aux") || w.deprel == "cop"));
    let adjacent = s < r && (s + 1..r).all(|k| under(words, k, s));
    let agent = words
        .iter()
        .any(|w| w.head == r32 && w.deprel == "obl:agent");
    if words[r].upos != "VERB" || aux || !adjacent || !agent {
        return None;
    }
    let k32 = |k: usize| u32::try_from(k).ok();
    let v = (r + 1..words.len()).find(|&k| {
        words[k].head == r32
            && words[k].upos == "VERB"
            && (matches!(words[k].deprel, "obl" | "nmod" | "obj")
                // a clause with no marker, no conjunction and no
                // punctuation before it
                || (matches!(words[k].deprel, "advcl" | "ccomp" | "conj" | "parataxis")
                    && words[k - 1].upos != "PUNCT"
                    && !words
                        .iter()
                        .any(|w| w.head == k32(k) && matches!(w.deprel, "mark" | "cc"))))
    })?;
    free_verb(text, words, v).then_some((s, v))
}

/// The object and the verb of a noun root `r` (see
/// [`noun_roots_with_objects`]).
fn misread_transitive(text: &str, words: &[ParsedWord<'_>], r: usize) -> Option<(usize, usize)> {
    let r32 = u32::try_from(r).ok();
    if !matches!(words[r].upos, "NOUN" | "PROPN") {
        return None;
    }
    let o = words
        .iter()
        .position(|w| w.head == r32 && w.deprel == "obj")?;
    let v = (r + 1..o).find(|&k| {
        let h = words[k].head.map(|h| h as usize);
        matches!(words[k].deprel, "amod" | "acl") && (h == Some(o) || h == Some(r))
    })?;
    let phrase = (r + 1..v).all(|k| under(words, k, r));
    (phrase && free_verb(text, words, v)).then_some((o, v))
}

/// The verb a noun root `r` hides (see [`verbless_roots`]).
fn misread_predicate(text: &str, words: &[ParsedWord<'_>], r: usize) -> Option<usize> {
    let r32 = u32::try_from(r).ok();
    let child_is = |h: Option<u32>, rels: &[&str]| {
        words
            .iter()
            .any(|w| w.head == h && rels.iter().any(|rel| is_rel(w.deprel, rel)))
    };
    if !matches!(words[r].upos, "NOUN" | "PROPN")
        || child_is(r32, &["cop", "aux", "obj", "iobj", "nsubj"])
    {
        return None;
    }
    // on the noun, a conjunct or a noun inside its phrase ("The first
    // contingent of Kenyan officers arrived …")
    let v = (r + 1..words.len()).find(|&k| {
        words[k].deprel == "acl"
            && words[k].upos == "VERB"
            && words[k].head.is_some_and(|h| under(words, h as usize, r))
    })?;
    // the noun phrase runs up to the verb and holds no verb of its own
    // ("Among the warrants, Trump's was the only one disclosed")
    let phrase = (r + 1..v).all(|k| under(words, k, r) && !matches!(words[k].upos, "AUX" | "VERB"));
    (phrase && free_verb(text, words, v)).then_some(v)
}

/// The verb whose subject the conjunct `n` is (see [`fronted_subjects`]).
fn misread_subject(text: &str, words: &[ParsedWord<'_>], n: usize) -> Option<usize> {
    // The phrase's first word ("the" of "the rebels") follows the comma.
    let mut first = n;
    while first > 0
        && words[first - 1].head == u32::try_from(n).ok()
        && words[first - 1].upos != "PUNCT"
    {
        first -= 1;
    }
    if !matches!(words[n].deprel, "conj" | "appos")
        || first == 0
        || words[first - 1].span.slice(text) != ","
    {
        return None;
    }
    let n32 = u32::try_from(n).ok();
    let has_cc = words.iter().any(|w| w.head == n32 && w.deprel == "cc");
    let time = words[n].head? as usize;
    let mut v = words.get(time)?.head? as usize;
    let mut in_clause = false;
    // "After meeting the envoy in Lima, the minister praised …": the word
    // it hangs on is inside a fronted adverbial clause, and the verb that
    // clause modifies is the one without a subject.
    if let Some(c) = clause_verb_above(words, time)
        && c < n
        && words[c].deprel == "advcl"
        && let Some(h) = words[c].head.map(|h| h as usize)
        && h > n
    {
        v = h;
        in_clause = true;
    }
    let subject = has_subject(words, v);
    // The phrase runs up to the verb or to its auxiliaries and adverbs
    // ("the rebels were quickly pushed back").
    let v32 = u32::try_from(v).ok();
    let verb_group = |k: usize| {
        words[k].head == v32 && (is_rel(words[k].deprel, "aux") || words[k].deprel == "advmod")
    };
    let phrase = (n + 1..v).all(|k| under(words, k, n) || verb_group(k));
    (time < n
        && n < v
        && !has_cc
        && (in_clause || words[time].deprel.starts_with("obl"))
        && words[v].upos == "VERB"
        && !subject
        && phrase)
        .then_some(v)
}

/// The nearest verb at or above word `k` (its clause's head).
fn clause_verb_above(words: &[ParsedWord<'_>], mut k: usize) -> Option<usize> {
    for _ in 0..words.len() {
        if words[k].upos == "VERB" {
            return Some(k);
        }
        k = words[k].head? as usize;
    }
    None
}

/// The oblique and the verb of a clause whose marker `p` was read as a
/// preposition (see [`subordinate_clauses`]): the verb is the word right
/// after the oblique's phrase, has no subject, and is the oblique's head or
/// another verb's conjunct or clause.
fn misread_clause(text: &str, words: &[ParsedWord<'_>], p: usize) -> Option<(usize, usize)> {
    let lower = |i: usize| words[i].span.slice(text).to_lowercase();
    if words[p].deprel != "case" || !subordinators().contains(&lower(p)) {
        return None;
    }
    let n = words[p].head? as usize;
    let rel = words.get(n)?.deprel;
    // The parser may already make the oblique the verb's subject, with
    // "after" as its case marker.
    let as_subject = is_rel(rel, "nsubj");
    if n <= p || !(rel.starts_with("obl") || rel.starts_with("nmod") || as_subject) {
        return None;
    }
    let v = (n + 1..words.len()).find(|&k| !under(words, k, n))?;
    let v32 = u32::try_from(v).ok();
    // A subject before the marker may only be a measure ("three months
    // after …").
    let subject = words.iter().enumerate().any(|(k, w)| {
        w.head == v32
            && k != n
            && (is_rel(w.deprel, "nsubj") || is_rel(w.deprel, "csubj"))
            && !(k < p && is_measure(text, words, k, p))
    });
    // "a protest after Ukrainian drones struck a depot": the oblique and
    // the verb may both hang on the noun before the marker, the verb as
    // its `acl`.
    let beside = words[v].deprel == "acl" && words[v].head == words[n].head;
    let placed = words[n].head == v32
        || beside
        || matches!(words[v].deprel, "conj" | "advcl" | "parataxis" | "ccomp");
    let phrase = (p + 1..v).all(|k| under(words, k, n));
    (words[v].upos == "VERB" && !subject && placed && phrase).then_some((n, v))
}

/// "protested after Chinese ships fired water cannon at its boats": the
/// parser may read a whole clause after a time marker as one noun phrase,
/// with its verb an `amod`, `compound` or `acl` between the subject and
/// the object ("ships fired water cannon") and the marker the case of the
/// object. When such a verb (no "-ing" form, no determiner of the phrase's
/// head before it) follows a noun, the clause is rebuilt: the marker is
/// the verb's `mark`, the words before the verb its `nsubj`, the phrase's
/// head its `obj`, and the verb an `advcl` of the verb the phrase hung on.
/// Obliques of that verb that follow the phrase, with no comma or
/// conjunction between, belong to the clause ("at its boats", "in July").
pub fn marked_noun_clauses(text: &str, words: &mut [ParsedWord<'_>]) {
    for p in 0..words.len() {
        let Some((s, v, n, g)) = verb_in_marked_phrase(text, words, p) else {
            continue;
        };
        let (s32, v32, n32) = (
            u32::try_from(s).ok(),
            u32::try_from(v).ok(),
            u32::try_from(n).ok(),
        );
        for (k, w) in words.iter_mut().enumerate().take(v).skip(p + 1) {
            if k != s && w.head == n32 {
                w.head = s32;
            }
        }
        words[p].upos = "SCONJ";
        words[p].deprel = "mark";
        words[p].head = v32;
        words[s].deprel = "nsubj";
        words[s].head = v32;
        words[n].deprel = "obj";
        words[n].head = v32;
        words[v].deprel = "advcl";
        words[v].head = u32::try_from(g).ok();
        adopt_trailing_obliques(text, words, (g, v), n);
    }
}

/// The subject, verb, object and governing verb of a clause read as the
/// noun phrase of marker `p` (see [`marked_noun_clauses`]).
fn verb_in_marked_phrase(
    text: &str,
    words: &[ParsedWord<'_>],
    p: usize,
) -> Option<(usize, usize, usize, usize)> {
    let lower = |i: usize| words[i].span.slice(text).to_lowercase();
    if words[p].deprel != "case" || !subordinators().contains(&lower(p)) {
        return None;
    }
    let misread = |k: usize| {
        k > p + 1
            && words[k].upos == "VERB"
            && matches!(words[k].deprel, "amod" | "compound" | "acl")
            && matches!(words[k - 1].upos, "NOUN" | "PROPN")
            && !lower(k).ends_with("ing")
    };
    // The marker may be the case of the phrase's head or of the verb
    // itself ("after North Korean troops fired shots").
    let mut n = words[p].head? as usize;
    if misread(n) && words[n].head.is_some_and(|h| h as usize > n) {
        n = words[n].head? as usize;
    }
    let rel = words.get(n)?.deprel;
    if n <= p + 2 || !(rel.starts_with("obl") || rel.starts_with("nmod") || rel == "obj") {
        return None;
    }
    let v = (p + 2..n).find(|&k| misread(k) && under(words, k, n))?;
    // The subject is the top of the words between the marker and the verb.
    let inside = |k: usize| (p + 1..v).contains(&k);
    let mut s = v - 1;
    while let Some(h) = words[s].head.map(|h| h as usize).filter(|&h| inside(h)) {
        s = h;
    }
    let n32 = u32::try_from(n).ok();
    let phrase = (p + 1..v).all(|k| under(words, k, s) || words[k].head == n32);
    // "after a US brokered truce collapsed": a determiner of the head
    // before the verb makes the words one noun phrase.
    let determined = (p + 1..v).any(|k| words[k].head == n32 && words[k].deprel == "det");
    let g = verb_above(words, n)?;
    (phrase && !determined).then_some((s, v, n, g))
}

/// The nearest `VERB` above word `k`.
fn verb_above(words: &[ParsedWord<'_>], k: usize) -> Option<usize> {
    let mut h = words[k].head? as usize;
    for _ in 0..words.len() {
        if words[h].upos == "VERB" {
            return Some(h);
        }
        h = words[h].head? as usize;
    }
    None
}

/// Moves to verb `v` the obliques of verb `g` that follow word `from`'s
/// phrase before any comma or conjunction hanging on `g`.
fn adopt_trailing_obliques(
    text: &str,
    words: &mut [ParsedWord<'_>],
    (g, v): (usize, usize),
    from: usize,
) {
    let (g32, v32) = (u32::try_from(g).ok(), u32::try_from(v).ok());
    let end = extent(words, from).1;
    for w in words.iter_mut().skip(end + 1) {
        let stop =
            w.span.slice(text) == "," || (w.head == g32 && matches!(w.deprel, "cc" | "punct"));
        if stop {
            break;
        }
        if w.head == g32 && w.deprel.starts_with("obl") {
            w.head = v32;
        }
    }
}

/// "Japan's visit to Seoul", "its attack on the port": the tagger may
/// read the word after a possessive as a verb. After a possessive "'s"
/// tagged `PART` or a determiner of `possessive_determiners`, a `VERB`
/// with no participle ending ("-ed", "-en", "-ing", which UD lets modify
/// the noun as verbs) is a `NOUN`. Runs on the tags, before the parse.
pub fn possessed_verbs(forms: &[&str], tags: &mut [u8]) {
    let (Some(verb), Some(noun), Some(part)) =
        (upos_index("VERB"), upos_index("NOUN"), upos_index("PART"))
    else {
        return;
    };
    for k in 1..forms.len().min(tags.len()) {
        if tags[k] != verb {
            continue;
        }
        let prev = forms[k - 1];
        let possessive = (matches!(prev, "'s" | "'S" | "\u{2019}s") && tags[k - 1] == part)
            || possessive_determiners()
                .iter()
                .any(|d| d.eq_ignore_ascii_case(prev));
        let form = forms[k].as_bytes();
        let participle = ["ed", "en", "ing"].iter().any(|e| {
            form.len() > e.len() && form[form.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        });
        if possessive && !participle {
            tags[k] = noun;
        }
    }
}

/// "a foreign ministerial gathering of the G20", "the recent shelling of
/// the port": the tagger may read an -ing form as a verb. One right before
/// "of", after an article with at most two adjectives or nouns between, is
/// a `NOUN`. Runs on the tags, before the parse.
pub fn determined_gerunds(forms: &[&str], tags: &mut [u8]) {
    let (Some(verb), Some(noun), Some(adj)) =
        (upos_index("VERB"), upos_index("NOUN"), upos_index("ADJ"))
    else {
        return;
    };
    let n = forms.len().min(tags.len());
    for k in 1..n.saturating_sub(1) {
        let ing = forms[k].len() > 4 && forms[k].to_ascii_lowercase().ends_with("ing");
        if tags[k] != verb || !ing || !forms[k + 1].eq_ignore_ascii_case("of") {
            continue;
        }
        let article = (k.saturating_sub(3)..k)
            .rev()
            .find(|&a| articles().iter().any(|w| w.eq_ignore_ascii_case(forms[a])));
        let Some(a) = article else {
            continue;
        };
        if (a + 1..k).all(|m| tags[m] == adj || tags[m] == noun) {
            tags[k] = noun;
        }
    }
}

/// "a statement condemning Chile", "a letter urging the UN": the tagger
/// may read an -ing form between a common noun and a proper noun or a
/// determiner as a noun compound. A lower-case -ing form tagged `NOUN`
/// after a lower-case `NOUN` and before a `PROPN` (not a day or a month:
/// "a car bombing Sunday") or a `DET` is a `VERB`, a participle with its
/// object; not before a determiner of time (`time_determiners`: "a
/// cabinet meeting this week"). Runs on the tags, before the parse.
pub fn participles_with_objects(forms: &[&str], tags: &mut [u8]) {
    let (Some(verb), Some(noun), Some(propn), Some(det)) = (
        upos_index("VERB"),
        upos_index("NOUN"),
        upos_index("PROPN"),
        upos_index("DET"),
    ) else {
        return;
    };
    let lower = |f: &str| f.chars().next().is_some_and(char::is_lowercase);
    let is_time = |f: &str| {
        augment_times()
            .iter()
            .any(|(_, names)| names.iter().any(|n| n == f))
    };
    let n = forms.len().min(tags.len());
    for k in 1..n.saturating_sub(1) {
        let form = forms[k];
        if tags[k] != noun || tags[k - 1] != noun || !form.ends_with("ing") {
            continue;
        }
        let object_next = (tags[k + 1] == det
            && !time_determiners()
                .iter()
                .any(|d| d.eq_ignore_ascii_case(forms[k + 1])))
            || (tags[k + 1] == propn && !is_time(forms[k + 1]));
        if tags[k] == noun
            && tags[k - 1] == noun
            && lower(form)
            && lower(forms[k - 1])
            && form.len() > 5
            && form.ends_with("ing")
            && object_next
        {
            tags[k] = verb;
        }
    }
}

/// "…, warning that the council could act": a lower-case "-ing" word
/// tagged `NOUN` right after a comma and right before "that" opens a
/// participle clause with its own complement; it is a `VERB` (a noun there
/// would need a determiner: "…, a warning that …"). Runs on the tags,
/// before the parse.
pub fn participles_before_that(forms: &[&str], tags: &mut [u8]) {
    let (Some(verb), Some(noun), Some(punct)) =
        (upos_index("VERB"), upos_index("NOUN"), upos_index("PUNCT"))
    else {
        return;
    };
    let n = forms.len().min(tags.len());
    for k in 1..n.saturating_sub(1) {
        let form = forms[k];
        if tags[k] == noun
            && tags[k - 1] == punct
            && forms[k - 1] == ","
            && form.len() > 5
            && form.ends_with("ing")
            && form.chars().next().is_some_and(char::is_lowercase)
            && complementizers().contains(&forms[k + 1].to_lowercase())
        {
            tags[k] = verb;
        }
    }
}

/// "Should Russia attack Moldova, …": after an auxiliary of
/// `inverting_auxiliaries` that opens the sentence and a subject of proper
/// nouns, a lower-case word tagged `NOUN` is the clause's `VERB`. Runs on
/// the tags, before the parse.
pub fn inverted_conditions(forms: &[&str], tags: &mut [u8]) {
    let (Some(verb), Some(noun), Some(propn), Some(aux)) = (
        upos_index("VERB"),
        upos_index("NOUN"),
        upos_index("PROPN"),
        upos_index("AUX"),
    ) else {
        return;
    };
    let n = forms.len().min(tags.len());
    if n < 3
        || tags[0] != aux
        || !inverting_auxiliaries()
            .iter()
            .any(|a| a.eq_ignore_ascii_case(forms[0]))
    {
        return;
    }
    let k = (1..n).find(|&k| tags[k] != propn).unwrap_or(n);
    let lower = forms
        .get(k)
        .is_some_and(|f| f.chars().all(|c| c.is_lowercase()));
    if k > 1 && k < n && tags[k] == noun && lower {
        tags[k] = verb;
    }
}

/// "the Belgian chargé d'affaires on Monday", "Côte d'Ivoire": the tagger
/// may read a word that opens with an elided French article or preposition
/// (`elisions`: "d'", "l'") as a verb, and the parse then hangs what follows
/// on it. Such a word, a letter after the apostrophe, is part of a name or
/// a title: a `PROPN` when that letter is upper-case, else a `NOUN`. Runs on
/// the tags, before the parse.
pub fn elided_nominals(forms: &[&str], tags: &mut [u8]) {
    let (Some(noun), Some(propn)) = (upos_index("NOUN"), upos_index("PROPN")) else {
        return;
    };
    for (form, tag) in forms.iter().zip(tags.iter_mut()) {
        if let Some(first) = after_elision(form) {
            *tag = if first.is_uppercase() { propn } else { noun };
        }
    }
}

/// The letter after an elided prefix of `elisions` that opens `form`
/// ("d'Ivoire" → 'I'), with either apostrophe.
fn after_elision(form: &str) -> Option<char> {
    let apostrophe = form.find(['\'', '\u{2019}'])?;
    let prefix = &form[..apostrophe];
    let elided = elisions().iter().any(|e| {
        e.strip_suffix('\'')
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    });
    let rest = &form[apostrophe..];
    let first = rest.chars().nth(1)?;
    (elided && first.is_alphabetic()).then_some(first)
}

/// "Both agreed to meet again": a word of `pair_pronouns` that opens the
/// sentence right before a `VERB` or an `AUX` is the clause's subject, a
/// `PRON`, not the first half of "both … and" (which a name or a noun
/// follows). Runs on the tags, before the parse.
pub fn lone_pair_pronouns(forms: &[&str], tags: &mut [u8]) {
    let (Some(pron), Some(verb), Some(aux)) =
        (upos_index("PRON"), upos_index("VERB"), upos_index("AUX"))
    else {
        return;
    };
    let n = forms.len().min(tags.len());
    let opens = n > 1
        && pair_pronouns()
            .iter()
            .any(|p| p.eq_ignore_ascii_case(forms[0]));
    if opens && (tags[1] == verb || tags[1] == aux) {
        tags[0] = pron;
    }
}

/// "Turkey and Libya agreed on a line", "sanctions imposed by Washington
/// on Venezuela": the labeller may give a nominal with a preposition of
/// its own (an `ADP` marked `case`, not the possessive "'s") a relation
/// that no such phrase takes in UD: a core argument (`obj`, `iobj`,
/// `xcomp`) or `nmod` under a verb ("many of them" keeps its `nmod`
/// under an adjective). Where the head stays, the relation
/// follows it: `obl` under a verb or an adjective, `nmod` under a noun, a
/// proper noun or a pronoun. An `obl` under a noun stays where the noun
/// is a predicate (the root, an `xcomp`, or with a copula: "was the
/// target in 2006"); elsewhere it is an `nmod` of the noun ("imposed by
/// Washington on Venezuela" with "on Venezuela" hung on the agent).
pub fn case_marked_relations(text: &str, words: &mut [ParsedWord<'_>]) {
    for n in 0..words.len() {
        let Some(h) = words[n].head.map(|h| h as usize) else {
            continue;
        };
        let Some(head_upos) = words.get(h).map(|w| w.upos) else {
            continue;
        };
        if words[n].deprel == "obl"
            && matches!(head_upos, "NOUN" | "PROPN" | "PRON")
            && !is_predicate(words, h)
        {
            words[n].deprel = "nmod";
            continue;
        }
        if !matches!(words[n].deprel, "obj" | "iobj" | "xcomp" | "nmod")
            || !matches!(words[n].upos, "NOUN" | "PROPN" | "PRON" | "NUM")
            || !has_preposition(text, words, n)
        {
            continue;
        }
        let verbal = matches!(head_upos, "VERB" | "ADJ");
        let nominal = matches!(head_upos, "NOUN" | "PROPN" | "PRON");
        words[n].deprel = match words[n].deprel {
            "obj" | "iobj" | "xcomp" if verbal => "obl",
            "nmod" if head_upos == "VERB" => "obl",
            "obj" | "iobj" | "xcomp" if nominal => "nmod",
            other => other,
        };
    }
}

/// "agreed on a line as their border that would split the sea between
/// Crete and Cyprus": the parser makes a relative clause right after its
/// noun a complement or adverbial clause (`ccomp`, `advcl`, `conj`,
/// `parataxis`) of a verb further left, so its words read as that verb's.
/// When the clause's subject or object is a pronoun of
/// `relative_pronouns` right after a noun and the clause's head is no
/// verb of `reporting_verbs` ("told reporters that was wrong" keeps its
/// complement), the clause is an `acl:relcl` of the noun.
pub fn relative_clauses(text: &str, words: &mut [ParsedWord<'_>]) {
    for p in 1..words.len() {
        if let Some((noun, clause)) = misread_relative_clause(text, words, p) {
            words[clause].head = u32::try_from(noun).ok();
            words[clause].deprel = "acl:relcl";
        }
    }
}

/// The noun and the clause of a relative pronoun `p` (see
/// [`relative_clauses`]).
fn misread_relative_clause(
    text: &str,
    words: &[ParsedWord<'_>],
    p: usize,
) -> Option<(usize, usize)> {
    let lower = |i: usize| words[i].span.slice(text).to_lowercase();
    let noun = p - 1;
    let clause = words[p].head? as usize;
    let outer = words.get(clause)?.head? as usize;
    let argument = is_rel(words[p].deprel, "nsubj") || words[p].deprel == "obj";
    let misplaced = matches!(
        words[clause].deprel,
        "ccomp" | "advcl" | "conj" | "parataxis"
    );
    (words[p].upos == "PRON"
        && relative_pronouns().contains(&lower(p))
        && argument
        && matches!(words[noun].upos, "NOUN" | "PROPN")
        && clause > p
        && misplaced
        && outer < noun
        && !under(words, noun, clause)
        && !reporting_verbs().contains(&lower(outer)))
    .then_some((noun, clause))
}

/// "Trump said Hamza bin Laden, son of …, has been killed": the parser
/// may make the reporting verb the subject of the reported verb and the
/// reported subject the reporting verb's second subject. When a verb of
/// `reporting_verbs` with a subject of its own before it is the subject
/// of another verb that has no other, the reporting verb takes that verb's
/// place and relation, the verb becomes its `ccomp`, and the reporting
/// verb's first subject, object or nominal conjunct after it becomes the
/// verb's subject (`nsubj:pass` under a passive auxiliary).
pub fn reporting_verb_subjects(text: &str, words: &mut [ParsedWord<'_>]) {
    for v in 0..words.len() {
        let Some(r) = misread_report(text, words, v) else {
            continue;
        };
        let (v32, r32) = (u32::try_from(v).ok(), u32::try_from(r).ok());
        let passive = words
            .iter()
            .any(|w| w.head == r32 && w.deprel == "aux:pass");
        words[v].head = words[r].head;
        words[v].deprel = words[r].deprel;
        words[r].head = v32;
        words[r].deprel = "ccomp";
        // Its subject after it, or the first nominal it took for an object
        // or a conjunct ("reported both production and export … had been
        // disrupted").
        let nominal = |w: &ParsedWord<'_>| {
            is_rel(w.deprel, "nsubj")
                || (matches!(w.deprel, "obj" | "conj" | "ccomp")
                    && matches!(w.upos, "NOUN" | "PROPN" | "PRON"))
        };
        if let Some(w) = words[v + 1..r]
            .iter_mut()
            .find(|w| w.head == v32 && nominal(w))
        {
            w.head = r32;
            w.deprel = if passive { "nsubj:pass" } else { "nsubj" };
        }
        // What hung on the reported verb before the reporting verb (a
        // fronted time phrase) and the final period hang on the reporting verb.
        let last = words.len() - 1;
        for (k, w) in words.iter_mut().enumerate() {
            if w.head == r32 && (k < v || (k == last && w.upos == "PUNCT")) {
                w.head = v32;
            }
        }
    }
}

/// The reported verb a reporting verb `v` was made the subject of (see
/// [`reporting_verb_subjects`]).
fn misread_report(text: &str, words: &[ParsedWord<'_>], v: usize) -> Option<usize> {
    if words[v].upos != "VERB" || !is_rel(words[v].deprel, "nsubj") {
        return None;
    }
    let v32 = u32::try_from(v).ok();
    let r = words[v].head? as usize;
    let own_subject = words[..v]
        .iter()
        .any(|w| w.head == v32 && is_rel(w.deprel, "nsubj"));
    let r32 = u32::try_from(r).ok();
    let other_subject = words
        .iter()
        .enumerate()
        .any(|(k, w)| k != v && w.head == r32 && is_rel(w.deprel, "nsubj"));
    (words[v].upos == "VERB"
        && is_rel(words[v].deprel, "nsubj")
        && reporting_verbs().contains(&words[v].span.slice(text).to_lowercase())
        && words.get(r)?.upos == "VERB"
        && v < r
        && own_subject
        && !other_subject)
        .then_some(r)
}

/// "Witnesses described air strikes by the army on rebel camps": the
/// parser may hang the agent phrase of an event noun in object position,
/// and the target phrase after it, on the verb (`obl`), though an active
/// verb takes no agent. When an active verb (no passive auxiliary) has a
/// nominal object (or subject, the phrase then standing before the verb:
/// "The expulsion of staff by Canada angered Beijing") and, right after
/// its phrase, an `obl` marked by
/// one of `agent_prepositions` that is no quantity ("cut output by 30
/// percent"), that phrase is an `nmod` of the object; so is an `obl` of
/// the verb marked by one of `target_prepositions` right after it.
pub fn object_agents(text: &str, words: &mut [ParsedWord<'_>]) {
    for b in 0..words.len() {
        let Some((o, v)) = misread_agent(text, words, b) else {
            continue;
        };
        let o32 = u32::try_from(o).ok();
        words[b].head = o32;
        words[b].deprel = "nmod";
        let next = extent(words, b).1 + 1;
        let v32 = u32::try_from(v).ok();
        let target = (next..words.len()).find(|&t| {
            words[t].head == v32
                && matches!(words[t].deprel, "obl" | "nmod")
                && extent(words, t).0 == next
                && marker(text, words, t).is_some_and(|m| target_prepositions().contains(&m))
        });
        if let Some(t) = target {
            words[t].head = o32;
            words[t].deprel = "nmod";
        }
    }
}

/// The object and the verb of an agent phrase `b` hung on an active verb
/// (see [`object_agents`]).
fn misread_agent(text: &str, words: &[ParsedWord<'_>], b: usize) -> Option<(usize, usize)> {
    // `nmod` under a verb too: `case_marked_relations` makes it `obl` later.
    if !matches!(words[b].deprel, "obl" | "nmod")
        || !matches!(words[b].upos, "NOUN" | "PROPN" | "PRON")
        || !marker(text, words, b).is_some_and(|m| agent_prepositions().contains(&m))
    {
        return None;
    }
    let v = words[b].head? as usize;
    let (b32, v32) = (u32::try_from(b).ok(), u32::try_from(v).ok());
    let passive = words
        .iter()
        .any(|w| w.head == v32 && w.deprel == "aux:pass");
    let quantity = words.iter().any(|w| w.head == b32 && w.deprel == "nummod")
        || non_agents().contains(&words[b].span.slice(text).to_lowercase());
    if words.get(v)?.upos != "VERB" || passive || quantity {
        return None;
    }
    // the object ("described strikes by X"), or the subject with the
    // phrase between it and the verb ("The expulsion of staff by X angered …")
    let first = extent(words, b).0;
    (0..words.len())
        .find(|&k| {
            let w = &words[k];
            w.head == v32
                && matches!(w.upos, "NOUN" | "PROPN")
                && (w.deprel == "obj" || (w.deprel == "nsubj" && b < v))
                && extent(words, k).1 + 1 == first
        })
        .map(|o| (o, v))
}

/// The lower-case preposition (`case`, `ADP`) of word `n`, if any.
fn marker(text: &str, words: &[ParsedWord<'_>], n: usize) -> Option<String> {
    let n32 = u32::try_from(n).ok();
    words[..n]
        .iter()
        .find(|w| w.head == n32 && w.deprel == "case" && w.upos == "ADP")
        .map(|w| w.span.slice(text).to_lowercase())
}

/// The first and last word of the phrase headed by `x`.
fn extent(words: &[ParsedWord<'_>], x: usize) -> (usize, usize) {
    let inside: Vec<usize> = (0..words.len()).filter(|&k| under(words, k, x)).collect();
    (
        inside.first().copied().unwrap_or(x),
        inside.last().copied().unwrap_or(x),
    )
}

/// True when the nominal `h` is a predicate: the root, an `xcomp`, or
/// the head of a copula.
fn is_predicate(words: &[ParsedWord<'_>], h: usize) -> bool {
    let h32 = u32::try_from(h).ok();
    words[h].head.is_none()
        || words[h].deprel == "xcomp"
        || words.iter().any(|w| w.head == h32 && w.deprel == "cop")
}

/// "According to Reuters, the rebels were pushed back", "Due to Iran,
/// talks stalled": the parser makes the nominal of a fronted phrase with
/// its own preposition the verb's subject (`nsubj`, `nsubj:pass`) or a
/// `vocative` or `dislocated` element, which no such phrase is in UD. It
/// is an `obl` of a verb, an adjective or a predicate nominal ("According
/// to Reuters, he is the ruler"), an `nmod` of another nominal; the
/// subject it hid is then found by [`fronted_subjects`].
pub fn case_marked_subjects(text: &str, words: &mut [ParsedWord<'_>]) {
    for n in 0..words.len() {
        let Some(h) = words[n].head.map(|h| h as usize) else {
            continue;
        };
        let nominal = is_rel(words[n].deprel, "nsubj")
            || matches!(words[n].deprel, "vocative" | "dislocated");
        if !nominal || !has_preposition(text, words, n) {
            continue;
        }
        words[n].deprel = match words.get(h).map(|w| w.upos) {
            Some("VERB" | "ADJ" | "AUX") => "obl",
            Some("NOUN" | "PROPN" | "PRON") if is_predicate(words, h) => "obl",
            Some("NOUN" | "PROPN" | "PRON") => "nmod",
            _ => continue,
        };
    }
}

/// True when word `n` has a preposition of its own before it: a child
/// marked `case` that is an `ADP` (not the possessive "'s") or the head
/// of a fixed expression ("according to", "due to").
fn has_preposition(text: &str, words: &[ParsedWord<'_>], n: usize) -> bool {
    let n32 = u32::try_from(n).ok();
    let fixed = |k: usize| {
        let k32 = u32::try_from(k).ok();
        words.iter().any(|w| w.head == k32 && w.deprel == "fixed")
    };
    words[..n].iter().enumerate().any(|(k, w)| {
        w.head == n32
            && w.deprel == "case"
            && (w.upos == "ADP" || fixed(k))
            && !matches!(w.span.slice(text), "'s" | "'" | "\u{2019}s" | "\u{2019}")
    })
}

/// True when word `v` has a subject of its own (`nsubj`, `csubj` and their subtypes).
fn has_subject(words: &[ParsedWord<'_>], v: usize) -> bool {
    let v32 = u32::try_from(v).ok();
    words
        .iter()
        .any(|w| w.head == v32 && (is_rel(w.deprel, "nsubj") || is_rel(w.deprel, "csubj")))
}

/// True when word `k` is `top` or lies under it.
fn under(words: &[ParsedWord<'_>], mut k: usize, top: usize) -> bool {
    for _ in 0..words.len() {
        if k == top {
            return true;
        }
        match words[k].head {
            Some(h) => k = h as usize,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use faultline_text::Span;

    fn parse(text: &str) -> Vec<ParsedWord<'static>> {
        let model = crate::embedded().expect("model");
        model.parse_span(text, Span::new(0, text.len()))
    }

    fn word<'a>(
        text: &str,
        words: &'a [ParsedWord<'static>],
        form: &str,
    ) -> (usize, &'a ParsedWord<'static>) {
        let i = words
            .iter()
            .position(|w| w.span.slice(text) == form)
            .unwrap_or_else(|| panic!("{form} not in {text}"));
        (i, &words[i])
    }

    /// Asserts that `subject` is the `nsubj` of `verb` in the parse of `text`.
    fn assert_subject_of(text: &str, words: &[ParsedWord<'static>], subject: &str, verb: &str) {
        let (v, _) = word(text, words, verb);
        let (_, s) = word(text, words, subject);
        assert_eq!(
            (s.deprel, s.head),
            ("nsubj", u32::try_from(v).ok()),
            "{text}"
        );
    }

    #[test]
    fn a_name_after_and_before_a_verb_of_its_own_is_its_subject() {
        for (text, subject, verb) in [
            (
                "China criticised Japan and Russia recalled its ambassador from Britain.",
                "Russia",
                "recalled",
            ),
            (
                "Kenya condemned the raid as a crime and Uganda later expelled two diplomats.",
                "Uganda",
                "expelled",
            ),
        ] {
            let words = parse(text);
            assert_subject_of(text, &words, subject, verb);
        }
        // Coordinated subjects of one verb stay conjuncts, and so do the
        // subjects of a clause a verb of belief takes.
        for (text, name) in [
            ("Peru and Chile signed a fishing pact.", "Chile"),
            (
                "Ghana believes Togo and Benin can settle the dispute.",
                "Benin",
            ),
        ] {
            let words = parse(text);
            assert_ne!(word(text, &words, name).1.deprel, "nsubj", "{text}");
        }
    }

    #[test]
    fn a_time_clause_read_as_a_noun_phrase_is_rebuilt() {
        for (text, subject, verb, object, oblique) in [
            (
                "Hanoi protested after Chinese patrol ships fired water cannon at its trawlers.",
                "ships",
                "fired",
                "cannon",
                "trawlers",
            ),
            (
                "Kyiv lodged a complaint after Russian gunboats fired shots at Ukrainian tugs on Friday.",
                "gunboats",
                "fired",
                "shots",
                "Friday",
            ),
        ] {
            let words = parse(text);
            let (v, _) = word(text, &words, verb);
            let v32 = u32::try_from(v).ok();
            let (_, m) = word(text, &words, "after");
            assert_eq!((m.deprel, m.head), ("mark", v32), "{text}");
            assert_subject_of(text, &words, subject, verb);
            let (_, o) = word(text, &words, object);
            assert_eq!((o.deprel, o.head), ("obj", v32), "{text}");
            let (l, _) = word(text, &words, oblique);
            assert!(
                under(&words, l, v),
                "{text}: {oblique} belongs to the clause"
            );
            assert_eq!(word(text, &words, verb).1.deprel, "advcl", "{text}");
        }
    }

    #[test]
    fn a_subject_after_a_fronted_participle_clause_is_the_main_verbs() {
        for (text, verb) in [
            (
                "After meeting the Peruvian president in Lima, the Chilean leader praised the new trade deal.",
                "praised",
            ),
            (
                "After meeting the Thai premier in Bangkok, the Lao leader praised the new rail line.",
                "praised",
            ),
        ] {
            let words = parse(text);
            assert_subject_of(text, &words, "leader", verb);
        }
    }

    #[test]
    fn a_pronoun_after_a_reporting_verb_is_the_reported_subject() {
        for (text, verb) in [
            (
                "Peru said it also would close its embassy in Quito.",
                "close",
            ),
            ("Chile announced it too would recall its envoy.", "recall"),
        ] {
            let words = parse(text);
            assert_subject_of(text, &words, "it", verb);
            assert_eq!(word(text, &words, verb).1.deprel, "ccomp", "{text}");
        }
        // An object stays one: "told it" is followed by no reported verb.
        let text = "Oslo said it in a letter.";
        let words = parse(text);
        assert_eq!(word(text, &words, "it").1.deprel, "obj", "{text}");
    }

    #[test]
    fn a_time_clause_beside_its_marked_subject_is_adverbial() {
        for (text, subject, verb, governor) in [
            (
                "Moscow lodged a protest after Ukrainian drones struck an oil depot.",
                "drones",
                "struck",
                "lodged",
            ),
            (
                "Cairo sent a complaint after Ethiopian engineers filled the reservoir.",
                "engineers",
                "filled",
                "sent",
            ),
        ] {
            let words = parse(text);
            let (v, _) = word(text, &words, verb);
            let (g, _) = word(text, &words, governor);
            let (_, m) = word(text, &words, "after");
            assert_eq!(
                (m.deprel, m.head),
                ("mark", u32::try_from(v).ok()),
                "{text}"
            );
            assert_subject_of(text, &words, subject, verb);
            let (_, w) = word(text, &words, verb);
            assert_eq!(
                (w.deprel, w.head),
                ("advcl", u32::try_from(g).ok()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_determined_noun_phrase_after_a_marker_stays_one() {
        let text = "Fighting resumed after a Qatari brokered truce collapsed.";
        let words = parse(text);
        let (_, v) = word(text, &words, "brokered");
        assert_ne!(v.deprel, "advcl", "{text}");
    }

    #[test]
    fn a_time_clause_after_a_name_gets_its_subject() {
        for (text, marker, subject, verb) in [
            (
                "Iran seized a Greek tanker two days after Greece expelled an Iranian diplomat.",
                "after",
                "Greece",
                "expelled",
            ),
            (
                "Chile recalled its envoy on Tuesday, a week after Peru expelled a Chilean diplomat.",
                "after",
                "Peru",
                "expelled",
            ),
        ] {
            let words = parse(text);
            let (v, _) = word(text, &words, verb);
            let (_, m) = word(text, &words, marker);
            assert_eq!(
                (m.deprel, m.head),
                ("mark", u32::try_from(v).ok()),
                "{text}"
            );
            assert_subject_of(text, &words, subject, verb);
            assert!(
                words
                    .iter()
                    .all(|w| w.span.slice(text).len() == w.span.end - w.span.start)
            );
        }
        // hand-made misreadings: the measure as the subject and the name as
        // an oblique, or the name as a subject with "after" as its case
        for (text, measure, name, verb, as_subject) in [
            (
                "Oslo protested three weeks after Moscow's envoy left.",
                "weeks",
                "envoy",
                "left",
                false,
            ),
            (
                "Lima protested two days after Bolivia's minister resigned.",
                "days",
                "minister",
                "resigned",
                true,
            ),
        ] {
            let mut words = parse(text);
            let (v, _) = word(text, &words, verb);
            let (m, _) = word(text, &words, measure);
            let (n, _) = word(text, &words, name);
            let (after, _) = word(text, &words, "after");
            let v32 = u32::try_from(v).ok();
            words[after].deprel = "case";
            words[after].head = u32::try_from(n).ok();
            words[n].head = v32;
            words[n].deprel = if as_subject { "nsubj" } else { "obl" };
            words[m].head = if as_subject {
                u32::try_from(n).ok()
            } else {
                v32
            };
            words[m].deprel = if as_subject { "nmod:unmarked" } else { "nsubj" };
            words[v].deprel = "parataxis";
            words[v].head = Some(1);
            subordinate_clauses(text, &mut words);
            assert_eq!(words[after].deprel, "mark", "{text}");
            assert_subject_of(text, &words, name, verb);
            assert_eq!(words[v].deprel, "advcl", "{text}");
            if !as_subject {
                assert_eq!(words[m].deprel, "obl:unmarked", "{text}");
            }
        }
    }

    #[test]
    fn a_name_after_a_fronted_time_phrase_is_the_subject() {
        for (text, subject, verb) in [
            (
                "On Tuesday, Egypt and Sudan signed a border deal.",
                "Egypt",
                "signed",
            ),
            (
                "In April 2020, Canberra angered Beijing by calling for an inquiry.",
                "Canberra",
                "angered",
            ),
        ] {
            assert_subject_of(text, &parse(text), subject, verb);
        }
    }

    #[test]
    fn a_fronted_phrase_with_a_preposition_is_no_subject() {
        for (text, phrase, subject, verb) in [
            (
                "According to Reuters, the rebels were pushed back from the town.",
                "Reuters",
                "rebels",
                "pushed",
            ),
            (
                "According to the ministry, the two convoys were quickly turned away.",
                "ministry",
                "convoys",
                "turned",
            ),
        ] {
            let words = parse(text);
            let (v, _) = word(text, &words, verb);
            let (_, p) = word(text, &words, phrase);
            assert_eq!((p.deprel, p.head), ("obl", u32::try_from(v).ok()), "{text}");
            let (_, s) = word(text, &words, subject);
            assert_eq!(
                (s.deprel, s.head),
                ("nsubj:pass", u32::try_from(v).ok()),
                "{text}"
            );
        }
        // the repairs themselves, on a hand-made misreading: the phrase as
        // the subject, the real subject its conjunct
        let text = "According to Reuters, the rebels were pushed back";
        let mut words = parse(text);
        let (reuters, _) = word(text, &words, "Reuters");
        let (rebels, _) = word(text, &words, "rebels");
        let (pushed, _) = word(text, &words, "pushed");
        words[reuters].deprel = "nsubj:pass";
        words[reuters].head = u32::try_from(pushed).ok();
        words[rebels].deprel = "conj";
        words[rebels].head = u32::try_from(reuters).ok();
        case_marked_subjects(text, &mut words);
        fronted_subjects(text, &mut words);
        assert_eq!(words[reuters].deprel, "obl");
        assert_eq!(
            (words[rebels].deprel, words[rebels].head),
            ("nsubj:pass", u32::try_from(pushed).ok())
        );
    }

    #[test]
    fn a_reporting_verb_taken_for_a_subject_takes_its_clause() {
        for (text, reported_subject, rel) in [
            (
                "Kenya said the rebels had been pushed back.",
                "rebels",
                "nsubj",
            ),
            ("Oslo reported both ships had been seized.", "ships", "conj"),
        ] {
            let mut words = parse(text);
            let (v, _) = word(
                text,
                &words,
                if text.contains("said") {
                    "said"
                } else {
                    "reported"
                },
            );
            let (r, _) = word(
                text,
                &words,
                if text.contains("pushed") {
                    "pushed"
                } else {
                    "seized"
                },
            );
            let (s, _) = word(text, &words, reported_subject);
            let (v32, r32) = (u32::try_from(v).ok(), u32::try_from(r).ok());
            // the misreading: the reporting verb the reported verb's subject
            words[v].head = r32;
            words[v].deprel = "nsubj:pass";
            words[r].head = None;
            words[r].deprel = "root";
            words[s].head = v32;
            words[s].deprel = rel;
            reporting_verb_subjects(text, &mut words);
            assert_eq!((words[v].deprel, words[v].head), ("root", None), "{text}");
            assert_eq!((words[r].deprel, words[r].head), ("ccomp", v32), "{text}");
            assert_eq!(
                (words[s].deprel, words[s].head),
                ("nsubj:pass", r32),
                "{text}"
            );
        }
        // a verb that is no reporting verb stays where it was put
        let text = "Kenya denied the rebels had been pushed back.";
        let mut words = parse(text);
        let (v, _) = word(text, &words, "denied");
        let (r, _) = word(text, &words, "pushed");
        let (s, _) = word(text, &words, "rebels");
        words[v].head = u32::try_from(r).ok();
        words[v].deprel = "nsubj:pass";
        words[r].head = None;
        words[r].deprel = "root";
        words[s].head = u32::try_from(v).ok();
        words[s].deprel = "obj";
        let before: Vec<_> = words.iter().map(|w| (w.head, w.deprel)).collect();
        reporting_verb_subjects(text, &mut words);
        let after: Vec<_> = words.iter().map(|w| (w.head, w.deprel)).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn an_agent_after_an_object_is_the_objects() {
        for (text, verb, object, agent, target) in [
            (
                "Villagers reported raids by Sudanese militias on three towns.",
                "reported",
                "raids",
                "militias",
                "towns",
            ),
            (
                "Monitors recorded attacks by government forces against rebel positions.",
                "recorded",
                "attacks",
                "forces",
                "positions",
            ),
        ] {
            let mut words = parse(text);
            let (v, _) = word(text, &words, verb);
            let (o, _) = word(text, &words, object);
            let (a, _) = word(text, &words, agent);
            let (t, _) = word(text, &words, target);
            // the misreading: both phrases hung on the verb
            for k in [a, t] {
                words[k].head = u32::try_from(v).ok();
                words[k].deprel = "obl";
            }
            object_agents(text, &mut words);
            let o32 = u32::try_from(o).ok();
            assert_eq!((words[a].deprel, words[a].head), ("nmod", o32), "{text}");
            assert_eq!((words[t].deprel, words[t].head), ("nmod", o32), "{text}");
        }
        // the subject's agent, standing before the verb
        for (text, subject, agent, verb) in [
            (
                "The seizure of two tankers by Iran alarmed London.",
                "seizure",
                "Iran",
                "alarmed",
            ),
            (
                "The expulsion of the envoy by Mali angered Paris.",
                "expulsion",
                "Mali",
                "angered",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (s, a, v) = (at(&words, subject), at(&words, agent), at(&words, verb));
            words[a].head = u32::try_from(v).ok();
            words[a].deprel = "obl";
            object_agents(text, &mut words);
            assert_eq!(
                (words[a].deprel, words[a].head),
                ("nmod", u32::try_from(s).ok()),
                "{text}"
            );
        }
        // a quantity stays the verb's, and so does a passive's agent
        for (text, phrase) in [
            ("Russia cut gas exports to Europe by 30 percent.", "percent"),
            ("The envoy was sent home by Peru.", "Peru"),
        ] {
            let mut words = parse(text);
            let (p, _) = word(text, &words, phrase);
            let before = (words[p].head, words[p].deprel);
            object_agents(text, &mut words);
            assert_eq!((words[p].head, words[p].deprel), before, "{text}");
        }
        // a deadline or a means after the object stays the verb's
        for (text, verb, object, phrase) in [
            (
                "Chile must submit its plan by Friday.",
                "submit",
                "plan",
                "Friday",
            ),
            (
                "The ministry sent the letter by mail.",
                "sent",
                "letter",
                "mail",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (v, o, p) = (at(&words, verb), at(&words, object), at(&words, phrase));
            words[o].head = u32::try_from(v).ok();
            words[o].deprel = "obj";
            words[p].head = u32::try_from(v).ok();
            words[p].deprel = "obl";
            object_agents(text, &mut words);
            assert_eq!(
                (words[p].deprel, words[p].head),
                ("obl", u32::try_from(v).ok()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_relative_clause_hangs_on_its_noun() {
        // a relative clause taken for a complement of a verb further left
        for (text, verb, noun, clause) in [
            (
                "Chile and Peru agreed on a route as their common border that would split the lake between them.",
                "agreed",
                "border",
                "split",
            ),
            (
                "Kenya signed a deal with a firm which will build the railway to Uganda.",
                "signed",
                "firm",
                "build",
            ),
        ] {
            let mut words = parse(text);
            let (c, _) = word(text, &words, clause);
            let (n, _) = word(text, &words, noun);
            let (v, _) = word(text, &words, verb);
            words[c].deprel = "ccomp";
            words[c].head = u32::try_from(v).ok();
            relative_clauses(text, &mut words);
            assert_eq!(
                (words[c].deprel, words[c].head),
                ("acl:relcl", u32::try_from(n).ok()),
                "{text}"
            );
        }
        // a reporting verb keeps its complement
        let text = "Peru told reporters that was a mistake.";
        let mut words = parse(text);
        let (mistake, _) = word(text, &words, "mistake");
        let (told, _) = word(text, &words, "told");
        let (that, _) = word(text, &words, "that");
        words[mistake].deprel = "ccomp";
        words[mistake].head = u32::try_from(told).ok();
        words[that].deprel = "nsubj";
        words[that].head = u32::try_from(mistake).ok();
        words[that].upos = "PRON";
        relative_clauses(text, &mut words);
        assert_eq!(words[mistake].deprel, "ccomp");
    }

    #[test]
    fn the_source_before_a_closing_reporting_verb_is_its_subject() {
        for (text, subject, verb) in [
            (
                "Russian artillery shelled the city of Kherson overnight, killing three \
                 civilians and wounding 11, regional officials said.",
                "officials",
                "said",
            ),
            (
                "Jets struck a fuel depot near Aleppo, destroying three tankers and \
                 damaging a bridge, state media reported.",
                "media",
                "reported",
            ),
        ] {
            assert_subject_of(text, &parse(text), subject, verb);
        }
    }

    #[test]
    fn a_verb_read_as_a_modifier_of_a_subject_root_is_the_root() {
        for (text, subject, verb) in [
            (
                "Chad's army and the rebel Union of Forces signed a peace accord in Doha on Monday.",
                "army",
                "signed",
            ),
            (
                "Somalia's army and the regional Jubaland Security Forces launched a joint offensive.",
                "army",
                "launched",
            ),
        ] {
            let words = parse(text);
            let (_, vw) = word(text, &words, verb);
            assert_eq!((vw.deprel, vw.head), ("root", None), "{text}");
            assert_subject_of(text, &words, subject, verb);
        }
        // a copula in the phrase: the participle modifies its noun
        let text = "Among the six names, Peru's was the only one disclosed.";
        let words = parse(text);
        let (_, vw) = word(text, &words, "disclosed");
        assert_ne!(vw.deprel, "root", "{text}");
    }

    #[test]
    fn a_phrase_with_a_preposition_takes_the_relation_of_its_head() {
        // Two sentences of our own; each relation must be the one UD gives
        // a nominal with a preposition under that head.
        for text in [
            "Chile and Peru agreed on a route for their shared pipeline.",
            "Canada condemned the tariffs imposed by Beijing on Australian barley.",
            "Norway settled on a plan with Sweden after talks in Oslo.",
        ] {
            let words = parse(text);
            for (n, w) in words.iter().enumerate() {
                let Some(h) = w.head else { continue };
                if !has_preposition(text, &words, n)
                    || !matches!(w.upos, "NOUN" | "PROPN" | "PRON" | "NUM")
                {
                    continue;
                }
                let head_upos = words[h as usize].upos;
                let bad = match head_upos {
                    "VERB" => matches!(w.deprel, "obj" | "iobj" | "xcomp" | "nmod"),
                    "ADJ" => matches!(w.deprel, "obj" | "iobj" | "xcomp"),
                    "NOUN" | "PROPN" | "PRON" => matches!(w.deprel, "obj" | "iobj" | "xcomp"),
                    _ => false,
                };
                assert!(
                    !bad,
                    "{text}: {} is {} of a {head_upos}",
                    w.span.slice(text),
                    w.deprel
                );
            }
        }
        // the repair itself, on a hand-made misreading
        let text = "Chile agreed on a line";
        let mut words = parse(text);
        let (l, _) = word(text, &words, "line");
        words[l].deprel = "xcomp";
        case_marked_relations(text, &mut words);
        assert_eq!(words[l].deprel, "obl");
        // an oblique under a noun that is no predicate is its nmod; under
        // a copula's predicate it stays
        for (text, head, phrase, after) in [
            (
                "Peru protested the levies set by Lima on Bolivian salt",
                "Lima",
                "salt",
                "nmod",
            ),
            (
                "Oslo condemned the raids carried out by Moscow in Ukraine",
                "Moscow",
                "Ukraine",
                "nmod",
            ),
            ("Chile was the target in 2006", "target", "2006", "obl"),
        ] {
            let mut words = parse(text);
            let (h, _) = word(text, &words, head);
            let (p, _) = word(text, &words, phrase);
            words[p].deprel = "obl";
            words[p].head = u32::try_from(h).ok();
            case_marked_relations(text, &mut words);
            assert_eq!(words[p].deprel, after, "{text}");
        }
    }

    #[test]
    fn a_participle_after_its_noun_leaves_the_root_to_the_verb() {
        for (text, subject, verb) in [
            (
                "Troops sent by Kenya to the border withdrew on Friday.",
                "Troops",
                "withdrew",
            ),
            (
                "Ships seized by Iran in the strait returned to port on Sunday.",
                "Ships",
                "returned",
            ),
            (
                "Aid promised by Tokyo to Manila arrived in April.",
                "Aid",
                "arrived",
            ),
        ] {
            let words = parse(text);
            let (_, vw) = word(text, &words, verb);
            assert_eq!((vw.deprel, vw.head), ("root", None), "{text}");
            assert_subject_of(text, &words, subject, verb);
        }
    }

    /// Hangs every word of `words` on `head` with relation `rel`.
    fn flatten(words: &mut [ParsedWord<'static>], head: usize, rel: &'static str) {
        for w in words.iter_mut() {
            w.head = u32::try_from(head).ok();
            w.deprel = rel;
        }
        words[head].head = None;
        words[head].deprel = "root";
    }

    #[test]
    fn a_misread_root_gives_way_to_the_verb() {
        // a participle read as the root over the sentence's verb
        let text = "Aid pledged by Japan arrived";
        let mut words = parse(text);
        let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
        let (aid, pledged, arrived) = (
            at(&words, "Aid"),
            at(&words, "pledged"),
            at(&words, "arrived"),
        );
        flatten(&mut words, pledged, "dep");
        words[aid].deprel = "nsubj";
        let japan = at(&words, "Japan");
        words[japan].deprel = "obl:agent";
        words[arrived].deprel = "obl";
        reduced_relative_roots(text, &mut words);
        assert_eq!(words[arrived].head, None);
        assert_eq!(words[pledged].deprel, "acl");
        assert_subject_of(text, &words, "Aid", "arrived");
        // a subject read as the root, its verb as a modifier of the object
        let text = "Villagers described heavy shelling";
        let mut words = parse(text);
        let (villagers, described, shelling) = (
            word(text, &words, "Villagers").0,
            word(text, &words, "described").0,
            word(text, &words, "shelling").0,
        );
        flatten(&mut words, villagers, "amod");
        words[shelling].deprel = "obj";
        words[described].head = u32::try_from(shelling).ok();
        noun_roots_with_objects(text, &mut words);
        assert_eq!(words[described].head, None);
        assert_subject_of(text, &words, "Villagers", "described");
        assert_eq!(
            (words[shelling].deprel, words[shelling].head),
            ("obj", u32::try_from(described).ok())
        );
    }

    #[test]
    fn a_verb_inside_the_subject_phrase_takes_the_root_back() {
        // from a noun root, through an "of" phrase
        for text in [
            "A convoy of Turkish trucks crossed into Syria",
            "The second batch of Chadian soldiers landed in Bangui",
        ] {
            let mut words = parse(text);
            let (r, _) = word(
                text,
                &words,
                if text.contains("convoy") {
                    "convoy"
                } else {
                    "batch"
                },
            );
            let (n, _) = word(
                text,
                &words,
                if text.contains("trucks") {
                    "trucks"
                } else {
                    "soldiers"
                },
            );
            let (v, _) = word(
                text,
                &words,
                if text.contains("crossed") {
                    "crossed"
                } else {
                    "landed"
                },
            );
            flatten(&mut words, r, "dep");
            words[n].deprel = "nmod";
            words[v].deprel = "acl";
            words[v].head = u32::try_from(n).ok();
            verbless_roots(text, &mut words);
            assert_eq!(words[v].head, None, "{text}");
            assert_eq!(
                (words[r].deprel, words[r].head),
                ("nsubj", u32::try_from(v).ok()),
                "{text}"
            );
        }
        // from a marked clause made the root, its measure no subject
        for (text, subject, verb, marked, measure) in [
            (
                "Kenyan police landed in Haiti two weeks after the premier resigned.",
                "police",
                "landed",
                "resigned",
                "weeks",
            ),
            (
                "Chilean troops withdrew from Peru a month after the truce began.",
                "troops",
                "withdrew",
                "began",
                "month",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (s, v, r, m) = (
                at(&words, subject),
                at(&words, verb),
                at(&words, marked),
                at(&words, measure),
            );
            let after = at(&words, "after");
            let r32 = u32::try_from(r).ok();
            flatten(&mut words, r, "dep");
            words[s].deprel = "nsubj";
            words[v].deprel = "acl";
            words[v].head = u32::try_from(s).ok();
            words[after].deprel = "mark";
            words[m].deprel = "nsubj";
            // "two weeks", "a month": the measure's number or article
            words[m - 1].head = u32::try_from(m).ok();
            words[m - 1].deprel = if words[m - 1].upos == "NUM" {
                "nummod"
            } else {
                "det"
            };
            let premier = after + 2;
            words[premier].deprel = "nsubj";
            // in the order of the news path
            subordinate_clauses(text, &mut words);
            marked_roots(text, &mut words);
            assert_eq!(words[v].head, None, "{text}");
            assert_subject_of(text, &words, subject, verb);
            assert_eq!(
                (words[r].deprel, words[r].head),
                ("advcl", u32::try_from(v).ok()),
                "{text}"
            );
            assert_eq!(
                (words[m].deprel, words[m].head),
                ("obl:unmarked", r32),
                "{text}"
            );
        }
    }

    #[test]
    fn an_ing_form_with_no_auxiliary_gives_the_root_to_the_verb() {
        for (text, subject, ing, verb, host) in [
            (
                "The envoy speaking to reporters in Quito rejected the offer.",
                "envoy",
                "speaking",
                "rejected",
                "Quito",
            ),
            (
                "Chile's minister visiting the border post praised the guards.",
                "minister",
                "visiting",
                "praised",
                "post",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (s, r, v, h) = (
                at(&words, subject),
                at(&words, ing),
                at(&words, verb),
                at(&words, host),
            );
            // the misreading: the "-ing" form the root, the verb an `acl`
            // of a noun under it
            flatten(&mut words, r, "dep");
            words[s].deprel = "nsubj";
            words[h].deprel = "obl";
            words[v].deprel = "acl";
            words[v].head = u32::try_from(h).ok();
            participle_roots(text, &mut words);
            assert_eq!(words[v].head, None, "{text}");
            assert_subject_of(text, &words, subject, verb);
            assert_eq!(
                (words[r].deprel, words[r].head),
                ("acl", u32::try_from(s).ok()),
                "{text}"
            );
        }
        // with an auxiliary it is the verb ("were fighting"): no change
        let text = "Rebels were fighting near the town and seized the bridge";
        let mut words = parse(text);
        let before: Vec<_> = words.iter().map(|w| (w.head, w.deprel)).collect();
        participle_roots(text, &mut words);
        assert_eq!(
            before,
            words.iter().map(|w| (w.head, w.deprel)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_verb_coordinated_with_an_object_joins_the_verb() {
        for (text, first, object, second) in [
            (
                "The navy denied the report and accused Chile of spying.",
                "denied",
                "report",
                "accused",
            ),
            (
                "Kenya rejected the ruling and recalled its envoy.",
                "rejected",
                "ruling",
                "recalled",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (v, o, w) = (at(&words, first), at(&words, object), at(&words, second));
            words[w].head = u32::try_from(o).ok();
            words[w].deprel = "conj";
            verb_conjuncts(text, &mut words);
            assert_eq!(
                (words[w].deprel, words[w].head),
                ("conj", u32::try_from(v).ok()),
                "{text}"
            );
        }
        // a noun the tagger took for a verb, with no object, stays
        let text = "Envoys tried to settle disputes and conflicts through talks.";
        let mut words = parse(text);
        let (d, _) = word(text, &words, "disputes");
        let (c, _) = word(text, &words, "conflicts");
        words[c].upos = "VERB";
        words[c].deprel = "conj";
        words[c].head = u32::try_from(d).ok();
        verb_conjuncts(text, &mut words);
        assert_eq!(words[c].head, u32::try_from(d).ok());
    }

    /// Misreads `second` as a conjunct of `predicate`, the `ccomp` of
    /// "said", runs [`reported_conjuncts`] and returns where `second` hangs
    /// and where "said" and `predicate` are.
    fn reattached(text: &str, predicate: &str, second: &str) -> (Option<u32>, usize, usize) {
        let mut words = parse(text);
        let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
        let (r, h, w) = (
            at(&words, "said"),
            at(&words, predicate),
            at(&words, second),
        );
        words[h].head = u32::try_from(r).ok();
        words[h].deprel = "ccomp";
        words[w].head = u32::try_from(h).ok();
        words[w].deprel = "conj";
        reported_conjuncts(text, &mut words);
        (words[w].head, r, h)
    }

    /// Misreads `second` as a conjunct of `speech` after its `ccomp`
    /// `clause`, runs [`modal_report_conjuncts`] and tells whether `second`
    /// moved under `clause`.
    fn joins_the_report(text: &str, speech: &str, clause: &str, second: &str) -> bool {
        let mut words = parse(text);
        let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
        let (r, c, k) = (at(&words, speech), at(&words, clause), at(&words, second));
        words[c].head = u32::try_from(r).ok();
        words[c].deprel = "ccomp";
        words[k].head = u32::try_from(r).ok();
        words[k].deprel = "conj";
        words[k].upos = "VERB";
        modal_report_conjuncts(text, &mut words);
        words[k].head == u32::try_from(c).ok()
    }

    #[test]
    fn a_finite_verb_after_a_gerund_complement_joins_the_governing_verb() {
        for (text, gerund, second) in [
            (
                "Chile denied arming the rebels and accused Peru of lying.",
                "arming",
                "accused",
            ),
            (
                "Oman stopped funding the militia and expelled its leaders.",
                "funding",
                "expelled",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (g, w) = (at(&words, gerund), at(&words, second));
            let r = g - 1;
            words[g].head = u32::try_from(r).ok();
            words[g].deprel = "xcomp";
            words[g].upos = "VERB";
            words[w].head = u32::try_from(g).ok();
            words[w].deprel = "conj";
            gerund_conjuncts(text, &mut words);
            assert_eq!(words[w].head, u32::try_from(r).ok(), "{text}");
        }
        // two gerunds stay together
        let text = "Chile denied arming the rebels and training their fighters.";
        let mut words = parse(text);
        let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
        let (g, w) = (at(&words, "arming"), at(&words, "training"));
        words[g].head = u32::try_from(g - 1).ok();
        words[g].deprel = "xcomp";
        words[w].head = u32::try_from(g).ok();
        words[w].deprel = "conj";
        gerund_conjuncts(text, &mut words);
        assert_eq!(words[w].head, u32::try_from(g).ok(), "{text}");
    }

    #[test]
    fn a_noun_coordinated_with_a_verb_joins_the_nominal_before_it() {
        for (text, first, second) in [
            (
                "The pact was signed by Ghana's minister and his Togolese counterpart.",
                "minister",
                "counterpart",
            ),
            (
                "Peru met the Chilean envoy and the Bolivian consul on Monday.",
                "envoy",
                "consul",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (n, w) = (at(&words, first), at(&words, second));
            let v = words[n].head.map_or(0, |h| h as usize);
            words[w].head = u32::try_from(v).ok();
            words[w].deprel = "conj";
            nominal_conjuncts(&mut words);
            assert_eq!(words[w].head, u32::try_from(n).ok(), "{text}");
        }
    }

    #[test]
    fn a_modal_clause_after_a_that_clause_goes_on_reporting() {
        for (text, speech, clause, second) in [
            (
                "Chile warned that the raid was illegal and its navy would respond.",
                "warned",
                "illegal",
                "respond",
            ),
            (
                "The envoy said that talks had stalled and Peru might walk out.",
                "said",
                "stalled",
                "walk",
            ),
        ] {
            assert!(joins_the_report(text, speech, clause, second), "{text}");
        }
        // without a modal the second clause is the speaker's own act
        let text = "Chile warned that the raid was illegal and its navy sent ships.";
        assert!(
            !joins_the_report(text, "warned", "illegal", "sent"),
            "{text}"
        );
    }

    #[test]
    fn a_verb_coordinated_with_a_reported_clause_joins_the_reporting_verb() {
        for (text, predicate, second) in [
            (
                "A Chinese spokesman said the ships were on lawful patrols and urged Tokyo to stop interfering.",
                "patrols",
                "urged",
            ),
            (
                "Peru's minister said the talks were going nowhere and accused Chile of stalling.",
                "going",
                "accused",
            ),
        ] {
            let (head, said, _) = reattached(text, predicate, second);
            assert_eq!(head, u32::try_from(said).ok(), "{text}");
        }
        // parallel forms stay: the clause may report both acts
        for (text, predicate, second) in [
            (
                "The minister said Chile withdrew its envoy and recalled its staff.",
                "withdrew",
                "recalled",
            ),
            (
                "Police said the blast had killed four and injured nine.",
                "killed",
                "injured",
            ),
            (
                "Peru said Chilean troops had crossed the border and shot a farmer.",
                "crossed",
                "shot",
            ),
            (
                "Ghana said Togolese troops were massing at the border and shelled a village.",
                "massing",
                "shelled",
            ),
        ] {
            let (head, _, clause) = reattached(text, predicate, second);
            assert_eq!(head, u32::try_from(clause).ok(), "{text}");
        }
    }

    #[test]
    fn a_title_parsed_as_a_second_subject_is_the_names() {
        for (text, title, name, verb) in [
            (
                "The ministry's spokeswoman Ana Ruiz said Chile would respond.",
                "spokeswoman",
                "Ana",
                "said",
            ),
            (
                "Navy commander Luis Soto accused Peru of spying.",
                "commander",
                "Luis",
                "accused",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (t, n, v) = (at(&words, title), at(&words, name), at(&words, verb));
            for k in [t, n] {
                words[k].head = u32::try_from(v).ok();
                words[k].deprel = "nsubj";
            }
            titled_subjects(&mut words);
            assert_eq!(
                (words[t].deprel, words[t].head),
                ("nmod:desc", u32::try_from(n).ok()),
                "{text}"
            );
            assert_subject_of(text, &words, name, verb);
        }
    }

    #[test]
    fn an_infinitive_after_its_noun_completes_the_noun() {
        for (text, noun, verb) in [
            (
                "The envoys discussed ways to reopen the border.",
                "ways",
                "reopen",
            ),
            (
                "Peru condemned the attempt to seize the port.",
                "attempt",
                "seize",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (n, v, root) = (
                at(&words, noun),
                at(&words, verb),
                at(
                    &words,
                    if text.contains("discussed") {
                        "discussed"
                    } else {
                        "condemned"
                    },
                ),
            );
            // the misreading: a clause of purpose of the sentence's verb
            words[v].head = u32::try_from(root).ok();
            words[v].deprel = "advcl";
            infinitive_complements(text, &mut words);
            assert_eq!(
                (words[v].deprel, words[v].head),
                ("acl", u32::try_from(n).ok()),
                "{text}"
            );
        }
        // after another noun it stays a clause of purpose
        let text = "Chile sent troops to guard the border.";
        let mut words = parse(text);
        let (v, _) = word(text, &words, "guard");
        let (sent, _) = word(text, &words, "sent");
        words[v].head = u32::try_from(sent).ok();
        words[v].deprel = "advcl";
        infinitive_complements(text, &mut words);
        assert_eq!(words[v].deprel, "advcl");
    }

    #[test]
    fn a_participle_after_a_comma_opens_a_clause_not_an_adjective() {
        for (text, verb, noun, governor) in [
            (
                "Oslo froze the talks in May, citing fraud in the vote.",
                "citing",
                "fraud",
                "froze",
            ),
            (
                "The rebels shelled the port on Sunday, wounding dozens of sailors.",
                "wounding",
                "dozens",
                "shelled",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (v, n, g) = (at(&words, verb), at(&words, noun), at(&words, governor));
            // the misreading: an adjective of the noun after it, which
            // hangs on the object before the comma
            words[v].head = u32::try_from(n).ok();
            words[v].deprel = "amod";
            words[n].head = u32::try_from(g + 2).ok();
            words[n].deprel = "nmod";
            comma_participles(text, &mut words);
            assert_eq!(
                (words[v].deprel, words[v].head),
                ("advcl", u32::try_from(g).ok()),
                "{text}"
            );
            assert_eq!(
                (words[n].deprel, words[n].head),
                ("obj", u32::try_from(v).ok()),
                "{text}"
            );
        }
        // hung on a noun of time, it is the clause's too
        for (text, verb, governor) in [
            (
                "Lima closed the border on Friday, blocking trade with Chile.",
                "blocking",
                "closed",
            ),
            (
                "The ministers met last week, signing a pact on fishing.",
                "signing",
                "met",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (v, g) = (at(&words, verb), at(&words, governor));
            words[v].head = u32::try_from(v - 2).ok();
            words[v].deprel = "acl";
            comma_participles(text, &mut words);
            assert_eq!(
                (words[v].deprel, words[v].head),
                ("advcl", u32::try_from(g).ok()),
                "{text}"
            );
        }
        // between adjectives of one noun it stays an adjective
        let text = "Kenya has a large, growing economy.";
        let mut words = parse(text);
        let (v, n) = (
            word(text, &words, "growing").0,
            word(text, &words, "economy").0,
        );
        words[v].head = u32::try_from(n).ok();
        words[v].deprel = "amod";
        comma_participles(text, &mut words);
        assert_eq!(words[v].deprel, "amod", "{text}");
    }

    #[test]
    fn a_gerund_after_its_noun_and_preposition_completes_the_noun() {
        for (text, noun, verb, governor) in [
            (
                "Ministers said the deal on sharing river water breaks the treaty.",
                "deal",
                "sharing",
                "breaks",
            ),
            (
                "Quito hopes the talks about reopening the crossing succeed.",
                "talks",
                "reopening",
                "succeed",
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (n, v, g) = (at(&words, noun), at(&words, verb), at(&words, governor));
            // the misreading: an adverbial clause of the noun's verb
            words[v].head = u32::try_from(g).ok();
            words[v].deprel = "advcl";
            gerund_complements(text, &mut words);
            assert_eq!(
                (words[v].deprel, words[v].head),
                ("acl", u32::try_from(n).ok()),
                "{text}"
            );
        }
        // after a verb ("insisted on sending") it stays the verb's
        let text = "Lima insisted on sending observers.";
        let mut words = parse(text);
        let before = words.iter().map(|w| (w.head, w.deprel)).collect::<Vec<_>>();
        gerund_complements(text, &mut words);
        let after = words.iter().map(|w| (w.head, w.deprel)).collect::<Vec<_>>();
        assert_eq!(before, after, "{text}");
    }

    #[test]
    fn a_list_of_names_split_off_to_the_verb_is_rejoined() {
        for (text, verb, list) in [
            (
                "Envoys met in Lima for talks on the crisis in Chile, Peru, and Bolivia.",
                "met",
                ["Chile", "Peru", "Bolivia"],
            ),
            (
                "The ministers spoke about trade with Kenya, Uganda, or Tanzania.",
                "spoke",
                ["Kenya", "Uganda", "Tanzania"],
            ),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (v, a, b, c) = (
                at(&words, verb),
                at(&words, list[0]),
                at(&words, list[1]),
                at(&words, list[2]),
            );
            // the misreading: the middle name the verb's object, the last its conjunct
            words[b].head = u32::try_from(v).ok();
            words[b].deprel = "obj";
            words[c].head = u32::try_from(b).ok();
            words[c].deprel = "conj";
            list_conjuncts(text, &mut words);
            let a32 = u32::try_from(a).ok();
            assert_eq!((words[b].deprel, words[b].head), ("conj", a32), "{text}");
            assert_eq!((words[c].deprel, words[c].head), ("conj", a32), "{text}");
        }
        // a name with a preposition of its own is no list member
        let text = "Envoys met in Lima on the crisis in Chile, with Peru and Bolivia.";
        let mut words = parse(text);
        let before = words.iter().map(|w| (w.head, w.deprel)).collect::<Vec<_>>();
        list_conjuncts(text, &mut words);
        let after = words.iter().map(|w| (w.head, w.deprel)).collect::<Vec<_>>();
        assert_eq!(before, after, "{text}");
    }

    #[test]
    fn a_possessor_of_a_compound_owns_the_phrase() {
        for (text, owner, compound, noun) in [
            (
                "Ghana opposed Nigeria's ECOWAS nominee.",
                "Nigeria",
                "ECOWAS",
                "nominee",
            ),
            ("Peru backed Chile's OAS envoy.", "Chile", "OAS", "envoy"),
        ] {
            let mut words = parse(text);
            let at = |w: &[ParsedWord<'static>], f: &str| word(text, w, f).0;
            let (o, c, n) = (at(&words, owner), at(&words, compound), at(&words, noun));
            // the misreading: the possessor on the compound
            words[o].head = u32::try_from(c).ok();
            words[o].deprel = "nmod:poss";
            words[c].head = u32::try_from(n).ok();
            words[c].deprel = "compound";
            compound_possessors(&mut words);
            assert_eq!(
                (words[o].deprel, words[o].head),
                ("nmod:poss", u32::try_from(n).ok()),
                "{text}"
            );
        }
    }

    /// The tag names of `text`'s words, after the news path's repairs.
    fn tags_of(text: &str) -> Vec<(String, &'static str)> {
        parse(text)
            .iter()
            .map(|w| (w.span.slice(text).to_owned(), w.upos))
            .collect()
    }

    #[test]
    fn a_word_after_a_possessive_is_no_finite_verb() {
        for (text, noun) in [
            ("Chile's visit to Lima may anger Bolivia.", "visit"),
            ("Kenya condemned its attack on the port.", "attack"),
            ("Peru welcomed their support for the plan.", "support"),
        ] {
            let tags = tags_of(text);
            assert!(
                tags.contains(&(noun.to_owned(), "NOUN")),
                "{text}: {tags:?}"
            );
        }
        // the repair itself; a participle after a possessive stays a verb
        let forms = ["Chile", "'s", "visit", "and", "its", "proposed", "deal"];
        let t = |n| upos_index(n).unwrap_or(0);
        let mut tags = [
            t("PROPN"),
            t("PART"),
            t("VERB"),
            t("CCONJ"),
            t("PRON"),
            t("VERB"),
            t("NOUN"),
        ];
        possessed_verbs(&forms, &mut tags);
        assert_eq!(tags[2], t("NOUN"));
        assert_eq!(tags[5], t("VERB"));
    }

    #[test]
    fn a_word_after_a_french_elision_is_a_nominal() {
        let t = |n| upos_index(n).unwrap_or(0);
        for (forms, want) in [
            (["the", "Dutch", "chargé", "d’affaires", "on"], "NOUN"),
            (["troops", "from", "Côte", "d'Ivoire", "crossed"], "PROPN"),
            (["aides", "of", "Giscard", "D'Estaing", "said"], "PROPN"),
            (["the", "Paris", "daily", "l'Humanité", "wrote"], "PROPN"),
            (
                ["the", "Italian", "newspaper", "dell'Ossola", "said"],
                "PROPN",
            ),
        ] {
            let mut tags = [t("DET"), t("ADJ"), t("NOUN"), t("VERB"), t("ADP")];
            elided_nominals(&forms, &mut tags);
            assert_eq!(tags[3], t(want), "{forms:?}");
            assert_eq!(tags[4], t("ADP"), "{forms:?}");
        }
        // an English contraction or a possessive is no elision
        let forms = ["they'd", "won't", "Iran's", "o'clock", "d'"];
        let mut tags = [t("PRON"), t("AUX"), t("PROPN"), t("ADV"), t("X")];
        let before = tags;
        elided_nominals(&forms, &mut tags);
        assert_eq!(tags, before);
    }

    #[test]
    fn an_ing_form_between_an_article_and_of_is_a_noun() {
        let t = |n| upos_index(n).unwrap_or(0);
        for forms in [
            ["a", "large", "gathering", "of", "envoys"],
            ["the", "nightly", "shelling", "of", "Kharkiv"],
        ] {
            let mut tags = [t("DET"), t("ADJ"), t("VERB"), t("ADP"), t("NOUN")];
            determined_gerunds(&forms, &mut tags);
            assert_eq!(tags[2], t("NOUN"), "{forms:?}");
        }
        // with no article before it, it stays a verb
        let forms = ["troops", "began", "shelling", "of", "towns"];
        let mut tags = [t("NOUN"), t("VERB"), t("VERB"), t("ADP"), t("NOUN")];
        determined_gerunds(&forms, &mut tags);
        assert_eq!(tags[2], t("VERB"));
    }

    #[test]
    fn an_ing_form_before_its_object_is_a_participle() {
        let t = |n| upos_index(n).unwrap_or(0);
        for (forms, k) in [
            (["a", "letter", "thanking", "Brazil", "."], 2),
            (["a", "note", "protesting", "the", "raid"], 2),
        ] {
            let mut tags = [t("DET"), t("NOUN"), t("NOUN"), t("PROPN"), t("PUNCT")];
            if forms[3] == "the" {
                tags[3] = t("DET");
                tags[4] = t("NOUN");
            }
            participles_with_objects(&forms, &mut tags);
            assert_eq!(tags[k], t("VERB"), "{forms:?}");
        }
        // before a day's name, or with nothing to take, it stays a noun
        for forms in [
            ["a", "car", "bombing", "Sunday", "."],
            ["the", "peace", "building", "effort", "."],
        ] {
            let mut tags = [t("DET"), t("NOUN"), t("NOUN"), t("PROPN"), t("PUNCT")];
            if forms[3] == "effort" {
                tags[3] = t("NOUN");
            }
            participles_with_objects(&forms, &mut tags);
            assert_eq!(tags[2], t("NOUN"), "{forms:?}");
        }
    }

    #[test]
    fn an_ing_form_between_a_comma_and_that_is_a_participle() {
        let t = |n| upos_index(n).unwrap_or(0);
        let tags = |last| [t("VERB"), t("PUNCT"), t("NOUN"), last, t("PRON")];
        for forms in [
            ["objected", ",", "insisting", "that", "it"],
            ["left", ",", "stressing", "that", "they"],
        ] {
            let mut tg = tags(t("SCONJ"));
            participles_before_that(&forms, &mut tg);
            assert_eq!(tg[2], t("VERB"), "{forms:?}");
        }
        // a short word, or no "that" after it, stays what it was
        for forms in [
            ["said", ",", "thing", "that", "it"],
            ["met", ",", "building", "bridges", "it"],
        ] {
            let mut tg = tags(t("NOUN"));
            participles_before_that(&forms, &mut tg);
            assert_eq!(tg[2], t("NOUN"), "{forms:?}");
        }
    }

    #[test]
    fn the_verb_of_an_inverted_condition_is_a_verb() {
        for (text, verb) in [
            ("Should Chile attack Peru, Bolivia will respond.", "attack"),
            (
                "Should North Korea test another missile, Japan will protest.",
                "test",
            ),
        ] {
            let tags = tags_of(text);
            assert!(
                tags.contains(&(verb.to_owned(), "VERB")),
                "{text}: {tags:?}"
            );
        }
        let forms = ["Should", "Iran", "strike", "Iraq", ",", "..."];
        let t = |n| upos_index(n).unwrap_or(0);
        let mut tags = [
            t("AUX"),
            t("PROPN"),
            t("NOUN"),
            t("PROPN"),
            t("PUNCT"),
            t("PUNCT"),
        ];
        inverted_conditions(&forms, &mut tags);
        assert_eq!(tags[2], t("VERB"));
        // not after an auxiliary that does not open the sentence
        let forms = ["They", "should", "Iran", "strike"];
        let mut tags = [t("PRON"), t("AUX"), t("PROPN"), t("NOUN")];
        inverted_conditions(&forms, &mut tags);
        assert_eq!(tags[3], t("NOUN"));
    }

    #[test]
    fn the_object_of_help_does_the_bare_verb_after_it() {
        for (text, object, verb) in [
            (
                "Norway helped Colombia and the rebels settle their differences.",
                "Colombia",
                "settle",
            ),
            ("Oman let the two sides meet in Muscat.", "sides", "meet"),
        ] {
            let words = parse(text);
            let (h, _) = word(
                text,
                &words,
                if text.contains("let") {
                    "let"
                } else {
                    "helped"
                },
            );
            let (_, vw) = word(text, &words, verb);
            let (_, o) = word(text, &words, object);
            assert_eq!(o.head, u32::try_from(h).ok(), "{text}: {words:?}");
            assert_eq!(o.deprel, "obj", "{text}: {words:?}");
            assert_eq!(
                (vw.head, vw.deprel),
                (u32::try_from(h).ok(), "xcomp"),
                "{text}: {words:?}"
            );
        }
    }

    #[test]
    fn a_clause_of_its_own_after_help_keeps_its_subject() {
        for (text, subject) in [
            (
                "Russia helps Syria, but Western governments condemn Iran.",
                "governments",
            ),
            (
                "Chile helps Peru and the Bolivian ministers help Ecuador.",
                "ministers",
            ),
        ] {
            let words = parse(text);
            let (_, n) = word(text, &words, subject);
            assert_eq!(n.deprel, "nsubj", "{text}: {words:?}");
        }
    }

    #[test]
    fn a_lone_both_before_its_verb_is_the_subject() {
        for (text, verb) in [
            ("Both agreed to hold talks again in May.", "agreed"),
            ("Both will sign the accord in Lima.", "sign"),
        ] {
            let words = parse(text);
            let (_, b) = word(text, &words, "Both");
            let (v, _) = word(text, &words, verb);
            assert_eq!(b.upos, "PRON", "{text}: {words:?}");
            assert_eq!(b.deprel, "nsubj", "{text}: {words:?}");
            assert_eq!(b.head, u32::try_from(v).ok(), "{text}: {words:?}");
        }
        // "both … and" keeps its conjunction.
        let text = "Both Chile and Peru signed the accord.";
        let words = parse(text);
        assert_ne!(word(text, &words, "Both").1.upos, "PRON", "{words:?}");
    }

    #[test]
    fn a_time_phrase_before_a_verb_with_a_subject_stays() {
        let text = "After the summit, Kenya and Peru signed a trade deal.";
        let words = parse(text);
        let (_, m) = word(text, &words, "After");
        assert_eq!(m.deprel, "case", "{text}");
    }
}
