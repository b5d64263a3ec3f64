//! Language identification of an article body.
//!
//! English, by far the most common case, is recognised first by a cheap
//! count of English function words; anything else goes to `whatlang` (about
//! 60 µs per KB, so a fixed prefix only). Codes are ISO 639-1 where one exists. When the
//! detector is unsure, the page's own declaration (`<html lang>`, JSON-LD
//! `inLanguage`) is used; with neither, the answer is "und".

/// Bytes of body text the detector looks at.
const SAMPLE_BYTES: usize = 4096;

/// Returns the language of `body`, falling back to `declared`.
pub fn detect(body: &str, declared: Option<&str>) -> String {
    let declared = declared
        .map(|d| {
            d.trim()
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .filter(|d| (2..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_lowercase()));
    let mut end = body.len().min(SAMPLE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &body[..end];
    if looks_english(sample) {
        return "en".to_owned();
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || declared.is_none() => {
            iso639_1(info.lang().code()).to_owned()
        }
        _ => declared.unwrap_or_else(|| "und".to_owned()),
    }
}

/// English function words; in English prose they make up a third or more of the words.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "that", "is", "was", "for", "with", "said", "on", "by", "has",
    "have", "it", "its", "from", "are", "were", "he", "she", "they", "will", "would", "at", "an",
    "this", "be", "as", "not", "who", "which", "had", "been", "their", "his", "her", "but", "or",
    "after",
];

/// True when at least a fifth of the first 300 words are English function words.
fn looks_english(sample: &str) -> bool {
    let (mut words, mut hits) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(300)
    {
        words += 1;
        if w.len() <= 5
            && ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w))
        {
            hits += 1;
        }
    }
    words >= 15 && hits * 5 >= words
}

/// Maps whatlang's ISO 639-3 codes to ISO 639-1 where a two-letter code exists.
fn iso639_1(code3: &'static str) -> &'static str {
    match code3 {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_body_is_en() {
        let body = "The defence ministers of the two countries met in Seoul on Tuesday \
                    and agreed to expand joint exercises, officials said.";
        assert_eq!(detect(body, None), "en");
    }

    #[test]
    fn other_latin_languages_are_not_taken_for_english() {
        let fr = "Les ministres de la défense des deux pays se sont réunis mardi à Séoul et ont convenu \
                  d'étendre les exercices conjoints, selon des responsables du gouvernement.";
        assert!(!looks_english(fr));
        assert_eq!(detect(fr, None), "fr");
        let de = "Die Verteidigungsminister der beiden Länder trafen sich am Dienstag in Seoul und \
                  vereinbarten, die gemeinsamen Übungen auszuweiten, sagten Beamte der Regierung.";
        assert_eq!(detect(de, None), "de");
    }

    #[test]
    fn korean_body_is_ko() {
        assert_eq!(
            detect(
                "국방부 장관은 화요일 서울에서 회담을 가졌다고 밝혔다.",
                None
            ),
            "ko"
        );
    }

    #[test]
    fn empty_body_falls_back() {
        assert_eq!(detect("", Some("en-GB")), "en");
        assert_eq!(detect("", None), "und");
        assert_eq!(detect("", Some("<script>")), "und");
    }

    #[test]
    fn sample_cut_respects_char_boundaries() {
        let body = "한".repeat(3000);
        assert_eq!(detect(&body, None), "ko");
    }
}
