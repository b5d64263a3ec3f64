//! Abbreviation tables for news English, as `match` statements on the
//! ASCII-lowercased word before a period (compiled to a length/byte decision
//! tree: no hashing, no allocation).

/// How a known abbreviation behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Capitalised titles that never end a sentence ("Mr.", "Gen.", "St.").
    /// Written in lowercase ("ft.", "st.") they are treated as ordinary words.
    Title,
    /// Lowercase Latin-style abbreviations that never end a sentence
    /// ("vs.", "approx.", "e.g.", "i.e.", "cf.").
    Latin,
    /// Only an abbreviation before a number ("No. 5", "Fig. 3", "Art. 51").
    BeforeNumber,
    /// Month names: glue to a following day number; split only before a
    /// common sentence starter ("... in Jan. The ...").
    Month,
    /// May well end a sentence ("Inc.", "Ltd.", "Jr.", "etc.", "a.m.", state
    /// abbreviations): split before a capitalised word unless that word is a
    /// weekday, a month, a short all-caps token (time zone) or another
    /// abbreviation.
    Ending,
}

/// Maximum length of a table entry (longest are "approx" and "messrs").
pub(crate) const MAX_ABBREV_LEN: usize = 8;

/// Looks up an ASCII-lowercased word (without its final period).
pub(crate) fn lookup(word: &[u8]) -> Option<AbbrevKind> {
    use AbbrevKind::{BeforeNumber, Ending, Latin, Month, Title};
    Some(match word {
        // Titles and ranks.
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mme" | b"mlle" | b"dr" | b"prof" | b"gen"
        | b"lt" | b"col" | b"maj" | b"capt" | b"cpt" | b"sgt" | b"cpl" | b"pvt" | b"adm"
        | b"cmdr" | b"cdr" | b"brig" | b"gov" | b"sen" | b"sens" | b"rep" | b"reps" | b"pres"
        | b"amb" | b"hon" | b"rev" | b"fr" | b"msgr" | b"atty" | b"supt" | b"insp" | b"det"
        | b"st" | b"mt" | b"ft" | b"gens" | b"lts" | b"cols" | b"govs" => Title,
        b"vs" | b"v" | b"approx" | b"cf" | b"ca" | b"viz" | b"esp" | b"incl" | b"e.g" | b"i.e"
        | b"a.k.a" | b"et" => Latin,
        b"no" | b"nos" | b"fig" | b"figs" | b"vol" | b"vols" | b"art" | b"arts" | b"p" | b"pp"
        | b"ch" | b"sec" | b"para" | b"tel" => BeforeNumber,
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" => Month,
        // Company suffixes, name suffixes, "etc."/"et al.", clock times and
        // AP-style U.S. state abbreviations.
        b"inc" | b"corp" | b"co" | b"ltd" | b"llc" | b"plc" | b"bros" | b"jr" | b"sr" | b"etc"
        | b"al" | b"dept" | b"univ" | b"assn" | b"gov't" | b"a.m" | b"p.m" | b"ala" | b"ariz"
        | b"ark" | b"calif" | b"colo" | b"conn" | b"del" | b"fla" | b"ga" | b"ill" | b"ind"
        | b"kan" | b"ky" | b"la" | b"md" | b"mass" | b"mich" | b"minn" | b"miss" | b"mo"
        | b"mont" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa" | b"tenn" | b"tex" | b"vt"
        | b"va" | b"wash" | b"wis" | b"wyo" => Ending,
        _ => return None,
    })
}

/// True when `word` is a capitalised title or rank of a person written
/// with its period ("Gen.", "Lt.", "Dr."), as the sentence splitter knows
/// them; not the saints, mounts and forts of names ("St. John").
#[must_use]
pub fn is_title_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    !matches!(stem, "St" | "Mt" | "Ft")
        && stem.starts_with(|c: char| c.is_ascii_uppercase())
        && stem.len() <= MAX_ABBREV_LEN
        && lookup(stem.to_ascii_lowercase().as_bytes()) == Some(AbbrevKind::Title)
}

/// Capitalised words that after an `Ending` abbreviation still belong to the
/// same sentence: weekdays, months and a few time words ("at 5 p.m. Tuesday").
pub(crate) fn is_glue_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"local"
    )
}

/// Closed-class words that commonly open a news sentence. After a dotted
/// acronym such as "U.S." or "D.C." a capitalised word is far more often a
/// proper noun or title ("U.S. President", "U.N. Security Council") than a
/// new sentence, so we split there only before one of these words.
pub(crate) fn is_sentence_starter(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"the"
            | b"a"
            | b"an"
            | b"he"
            | b"she"
            | b"it"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"there"
            | b"here"
            | b"in"
            | b"on"
            | b"at"
            | b"but"
            | b"and"
            | b"or"
            | b"so"
            | b"yet"
            | b"if"
            | b"when"
            | b"while"
            | b"after"
            | b"before"
            | b"as"
            | b"since"
            | b"although"
            | b"though"
            | b"however"
            | b"meanwhile"
            | b"also"
            | b"some"
            | b"many"
            | b"most"
            | b"all"
            | b"no"
            | b"not"
            | b"one"
            | b"both"
            | b"each"
            | b"other"
            | b"officials"
            | b"last"
            | b"earlier"
            | b"later"
            | b"then"
            | b"now"
            | b"still"
            | b"according"
            | b"what"
            | b"why"
            | b"how"
            | b"who"
            | b"where"
            | b"which"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
            | b"during"
            | b"despite"
            | b"under"
            | b"today"
            | b"yesterday"
            | b"such"
            | b"among"
            | b"authorities"
            | b"police"
    )
}

/// Verbs of speech: `"Will they come?" Kim asked.` stays one sentence.
pub(crate) fn is_speech_verb(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"said"
            | b"says"
            | b"asked"
            | b"asks"
            | b"added"
            | b"told"
            | b"replied"
            | b"wrote"
            | b"shouted"
            | b"insisted"
            | b"noted"
            | b"continued"
            | b"recalled"
            | b"explained"
            | b"tweeted"
            | b"declared"
            | b"cried"
            | b"demanded"
            | b"wondered"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_their_period_are_title_abbreviations() {
        assert!(is_title_abbreviation("Gen."));
        assert!(is_title_abbreviation("Lt."));
        assert!(!is_title_abbreviation("Gen"));
        assert!(!is_title_abbreviation("gen."));
        assert!(!is_title_abbreviation("Inc."));
        assert!(!is_title_abbreviation("St."));
    }

    #[test]
    fn lookup_kinds() {
        assert_eq!(lookup(b"mr"), Some(AbbrevKind::Title));
        assert_eq!(lookup(b"no"), Some(AbbrevKind::BeforeNumber));
        assert_eq!(lookup(b"sept"), Some(AbbrevKind::Month));
        assert_eq!(lookup(b"inc"), Some(AbbrevKind::Ending));
        assert_eq!(lookup(b"p.m"), Some(AbbrevKind::Ending));
        assert_eq!(lookup(b"washington"), None);
        assert!(is_sentence_starter(b"the"));
        assert!(!is_sentence_starter(b"president"));
        assert!(is_glue_word(b"tuesday"));
        assert!(is_speech_verb(b"asked"));
    }
}
