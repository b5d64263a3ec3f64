//! Language identification of an article body.
//!
//! Uses `whatlang` on a bounded prefix of the body (so huge documents cost
//! nothing extra) and reports an ISO 639-1 code where one exists. When the
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
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || declared.is_none() => {
            iso639_1(info.lang().code()).to_owned()
        }
        _ => declared.unwrap_or_else(|| "und".to_owned()),
    }
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
