//! Discard lists in PETRARCH's format (`PETR.Validate.discards.txt`,
//! `Phoenix.discards.txt`): phrases whose presence means a text is not
//! political news ("World Golf Championships", "baseball"). A phrase marked
//! `+` discards the whole story, any other only its sentence. `#` starts a
//! comment; words are compared case-insensitively, whole words in a row.

/// The phrases of a discard list, each as lower-case words.
#[derive(Debug, Clone, Default)]
pub struct Discards {
    /// Phrases that discard the story they occur in.
    pub story: Vec<Vec<String>>,
    /// Phrases that discard only their sentence.
    pub sentence: Vec<Vec<String>>,
}

fn words(text: &str) -> Vec<String> {
    faultline_text::tokens(text, 0)
        .iter()
        .map(|t| text[t.span.start..t.span.end].to_lowercase())
        .collect()
}

fn holds(text: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && text.windows(phrase.len()).any(|w| w == phrase)
}

impl Discards {
    /// Reads a discard list; blank and comment lines are skipped.
    pub fn parse(text: &str) -> Self {
        let mut d = Self::default();
        for line in text.lines() {
            let body = line.split('#').next().unwrap_or("").trim();
            let (story, phrase) = match body.strip_prefix('+') {
                Some(rest) => (true, rest),
                None => (false, body),
            };
            let w = words(&phrase.replace('_', " "));
            if w.is_empty() {
                continue;
            }
            if story {
                d.story.push(w);
            } else {
                d.sentence.push(w);
            }
        }
        d
    }

    /// True when there is no phrase.
    pub fn is_empty(&self) -> bool {
        self.story.is_empty() && self.sentence.is_empty()
    }

    /// True when `text` holds a phrase that discards the story.
    pub fn story_discarded(&self, text: &str) -> bool {
        !self.story.is_empty() && {
            let w = words(text);
            self.story.iter().any(|p| holds(&w, p))
        }
    }

    /// True when `sentence` holds any discard phrase.
    pub fn sentence_discarded(&self, sentence: &str) -> bool {
        !self.is_empty() && {
            let w = words(sentence);
            self.sentence
                .iter()
                .chain(&self.story)
                .any(|p| holds(&w, p))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# comment\nMONTHS LATER\n+World Golf Championships   # pas\nBASEBALL\n\n";

    #[test]
    fn story_and_sentence_phrases() {
        let d = Discards::parse(LIST);
        assert_eq!((d.story.len(), d.sentence.len()), (2 - 1, 2));
        assert!(d.story_discarded("Spain will host the world golf championships next year."));
        assert!(!d.story_discarded("Cuba and Japan met over baseball."));
        assert!(d.sentence_discarded("Cuba and Japan met over baseball."));
        assert!(d.sentence_discarded("Months later, Iran freed the sailors."));
        // Whole words only.
        assert!(!d.sentence_discarded("Baseballs were seized by Cuban police."));
        assert!(!d.sentence_discarded("Months passed; later Iran freed them."));
    }
}
