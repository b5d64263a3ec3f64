//! English morphology in one place: verb inflection (base → -s, -ed, -ing
//! and irregular forms) and regular noun plurals, used by the actor and
//! trigger dictionaries to expand their entries.

/// Regular English plural of a role word ("ministry" → "ministries").
pub fn plural(word: &str) -> String {
    let (head, last) = match word.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), word),
    };
    let lower = last.to_lowercase();
    let p = if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{last}es")
    } else if lower.ends_with("man") {
        format!("{}men", &last[..last.len() - 3])
    } else {
        format!("{last}s")
    };
    if last.chars().any(char::is_lowercase) || !last.chars().any(char::is_alphabetic) {
        head + &p
    } else {
        head + &p.to_uppercase()
    }
}

/// Regular English plural of a lower-case noun, as PETRARCH verb patterns
/// spell them: no "-man" → "-men", case kept as given.
pub fn plural_simple(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n > 1 && w.ends_with('y') && !matches!(b[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        format!("{}ies", &w[..n - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Irregular English verb forms (base → forms), for lemmas the dictionaries
/// do not spell out.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("be", &["is", "are", "was", "were", "been", "being", "am"]),
    ("begin", &["began", "begun"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("choose", &["chose", "chosen"]),
    ("come", &["came"]),
    ("cut", &["cut"]),
    ("deal", &["dealt"]),
    ("do", &["did", "done", "does"]),
    ("draw", &["drew", "drawn"]),
    ("drive", &["drove", "driven"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("flee", &["fled"]),
    ("fly", &["flew", "flown"]),
    ("forbid", &["forbade", "forbidden"]),
    ("forgive", &["forgave", "forgiven"]),
    ("freeze", &["froze", "frozen"]),
    ("get", &["got", "gotten"]),
    ("give", &["gave", "given"]),
    ("go", &["went", "gone", "goes"]),
    ("hang", &["hung", "hanged"]),
    ("have", &["had", "has"]),
    ("hear", &["heard"]),
    ("hide", &["hid", "hidden"]),
    ("hit", &["hit"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("let", &["let"]),
    ("lose", &["lost"]),
    ("make", &["made"]),
    ("mean", &["meant"]),
    ("meet", &["met"]),
    ("pay", &["paid"]),
    ("put", &["put"]),
    ("quit", &["quit"]),
    ("read", &["read"]),
    ("ride", &["rode", "ridden"]),
    ("rise", &["rose", "risen"]),
    ("run", &["ran"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("set", &["set"]),
    ("shake", &["shook", "shaken"]),
    ("shoot", &["shot"]),
    ("shut", &["shut"]),
    ("sit", &["sat"]),
    ("speak", &["spoke", "spoken"]),
    ("spend", &["spent"]),
    ("split", &["split"]),
    ("spread", &["spread"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("strike", &["struck", "stricken"]),
    ("swear", &["swore", "sworn"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tear", &["tore", "torn"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw", "thrown"]),
    ("undertake", &["undertook", "undertaken"]),
    ("uphold", &["upheld"]),
    ("wage", &["waged"]),
    ("win", &["won"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("withhold", &["withheld"]),
    ("write", &["wrote", "written"]),
    ("overthrow", &["overthrew", "overthrown"]),
    ("overtake", &["overtook", "overtaken"]),
    ("seize", &["seized"]),
    ("shed", &["shed"]),
    ("bid", &["bid"]),
    ("forecast", &["forecast"]),
    ("broadcast", &["broadcast"]),
    ("upset", &["upset"]),
    ("beat", &["beaten"]),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Number of vowel groups (a rough syllable count): "ban" 1, "open" 2.
fn vowel_groups(bytes: &[u8]) -> usize {
    let mut groups = 0;
    let mut prev = false;
    for &c in bytes {
        let v = is_vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    groups
}

/// All surface forms of a verb: base, -s, -ed, -ing and known irregulars.
pub fn inflect(base: &str, extra: &[String]) -> Vec<String> {
    let b = base.to_lowercase();
    let bytes = b.as_bytes();
    let mut out = vec![b.clone()];
    let n = bytes.len();
    if n == 0 {
        return out;
    }
    let last = bytes[n - 1];
    // -s
    if b.ends_with('y') && n > 1 && !is_vowel(bytes[n - 2]) {
        out.push(format!("{}ies", &b[..n - 1]));
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| b.ends_with(e))
    {
        out.push(format!("{b}es"));
    } else {
        out.push(format!("{b}s"));
    }
    // doubling: short CVC words ("ban", "plan", "stop"), not ending in w/x/y.
    // Stressed final syllables double too: concur, commit, expel, equip, refer, regret, patrol.
    const DOUBLING: &[&str] = &[
        "cur", "mit", "pel", "trol", "quip", "gret", "bel", "quit", "fer", "ter",
    ];
    const NOT_DOUBLING: &[&str] = &[
        "offer", "suffer", "differ", "proffer", "enter", "alter", "shelter", "counter", "model",
        "parcel",
    ];
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(bytes[n - 2])
        && (!is_vowel(bytes[n - 3]) || b.ends_with("quip") || b.ends_with("quit"))
        && (vowel_groups(bytes) == 1
            || DOUBLING.iter().any(|e| b.ends_with(e)) && !NOT_DOUBLING.contains(&b.as_str()));
    let stem_double = if cvc {
        format!("{b}{}", last as char)
    } else {
        b.clone()
    };
    // -ed
    if b.ends_with('e') {
        out.push(format!("{b}d"));
    } else if b.ends_with('y') && n > 1 && !is_vowel(bytes[n - 2]) {
        out.push(format!("{}ied", &b[..n - 1]));
    } else {
        out.push(format!("{stem_double}ed"));
    }
    // -ing
    if b.ends_with("ie") {
        out.push(format!("{}ying", &b[..n - 2]));
    } else if b.ends_with('e') && !b.ends_with("ee") && n > 2 {
        out.push(format!("{}ing", &b[..n - 1]));
    } else {
        out.push(format!("{stem_double}ing"));
    }
    // British spelling doubles a final l ("travelled", "cancelled", "signalled").
    if (b.ends_with("el") || b.ends_with("al")) && n >= 4 {
        out.push(format!("{b}led"));
        out.push(format!("{b}ling"));
    }
    if let Some((_, forms)) = IRREGULAR.iter().find(|(k, _)| *k == b) {
        out.extend(forms.iter().map(|f| (*f).to_owned()));
    }
    out.extend(extra.iter().map(|f| f.to_lowercase()));
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("official"), "officials");
        assert_eq!(plural("defense ministry"), "defense ministries");
        assert_eq!(plural("spokesman"), "spokesmen");
        assert_eq!(plural("attorney"), "attorneys");
        assert_eq!(plural("church"), "churches");
        assert_eq!(plural("AID AGENCY"), "AID AGENCIES");
    }

    #[test]
    fn simple_plurals() {
        assert_eq!(plural_simple("ally"), "allies");
        assert_eq!(plural_simple("day"), "days");
        assert_eq!(plural_simple("church"), "churches");
        assert_eq!(plural_simple("spokesman"), "spokesmans");
    }

    #[test]
    fn inflections() {
        let f = inflect("accuse", &[]);
        for w in ["accuse", "accuses", "accused", "accusing"] {
            assert!(f.contains(&w.to_owned()), "{w} {f:?}");
        }
        let f = inflect("ban", &[]);
        assert!(
            f.contains(&"banned".to_owned()) && f.contains(&"banning".to_owned()),
            "{f:?}"
        );
        let f = inflect("meet", &[]);
        assert!(
            f.contains(&"met".to_owned()) && f.contains(&"meeting".to_owned()),
            "{f:?}"
        );
        let f = inflect("deny", &[]);
        assert!(
            f.contains(&"denied".to_owned())
                && f.contains(&"denies".to_owned())
                && f.contains(&"denying".to_owned()),
            "{f:?}"
        );
        let f = inflect("visit", &[]);
        assert!(
            f.contains(&"visited".to_owned()) && f.contains(&"visiting".to_owned()),
            "{f:?}"
        );
        let f = inflect("offer", &[]);
        assert!(f.contains(&"offered".to_owned()), "{f:?}");
        let f = inflect("expel", &[]);
        assert!(f.contains(&"expelled".to_owned()), "{f:?}");
        for (base, form) in [
            ("concur", "concurred"),
            ("equip", "equipped"),
            ("travel", "travelled"),
            ("travel", "traveled"),
            ("refer", "referred"),
            ("enter", "entered"),
            ("open", "opened"),
            ("plan", "planned"),
            ("visit", "visited"),
        ] {
            assert!(
                inflect(base, &[]).contains(&form.to_owned()),
                "{base} → {form}"
            );
        }
    }
}
