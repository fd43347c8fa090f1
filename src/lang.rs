//! The languages ringkas knows, and deciding which one an article is written in.
//!
//! Detection is a stopword profile: the share of the body's words that are function words of
//! each language. Function words are the most frequent words of any text and the two lists barely
//! overlap, so a few dozen words decide; a text with too few of either is reported as unknown.

use rustc_hash::FxHashSet as HashSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language ringkas has lexicons and rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Indonesian (`id`).
    Id,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language, in priority order.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown language {s:?} (expected id or en)"))
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Stopword sets of both languages, as detection needs them.
pub struct Profiles<'a> {
    /// Indonesian function words.
    pub id: &'a HashSet<String>,
    /// English function words.
    pub en: &'a HashSet<String>,
    /// The length in bytes of the longest of them: a longer word is skipped unread.
    pub longest: usize,
}

impl<'a> Profiles<'a> {
    /// The profiles of two stopword sets (a caller detecting often keeps `longest` instead).
    pub fn new(id: &'a HashSet<String>, en: &'a HashSet<String>) -> Profiles<'a> {
        Profiles { id, en, longest: id.iter().chain(en).map(String::len).max().unwrap_or(0) }
    }
}

/// The fewest function-word hits that make a decision; below it the language is unknown.
const MIN_HITS: usize = 3;

/// A text longer than this is read through [`SAMPLES`] evenly spaced windows of this size
/// each: the majority of a long document is the majority of its samples, at a fixed cost.
const SAMPLE_BYTES: usize = 8 * 1024;
/// How many windows a long text is read through.
const SAMPLES: usize = 32;

/// Decides the language of `text` (the body, ideally) by majority of function words.
/// Returns `None` when neither language has at least three hits (`MIN_HITS`) or both are tied.
pub fn detect(text: &str, profiles: &Profiles<'_>) -> Option<Lang> {
    detect_parts(&[text], profiles)
}

/// [`detect`] over the parts of one text (its body lines), as if they were joined by line breaks.
pub fn detect_parts(parts: &[&str], profiles: &Profiles<'_>) -> Option<Lang> {
    let (mut id, mut en) = (0usize, 0usize);
    let mut lower = String::new();
    let mut count = |part: &str| {
        // Function words are short and plain: a split on anything that is not a letter, digit or
        // apostrophe (straight or curly: "it’s" stays one word, not "it" and "s") finds them as
        // Unicode word segmentation does, at a fraction of the cost.
        for word in part.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            let word = word.trim_matches(['\'', '’']);
            if word.is_empty() || word.len() > profiles.longest {
                continue;
            }
            crate::tokenize::lowercase_into(&mut lower, word);
            id += usize::from(profiles.id.contains(&lower));
            en += usize::from(profiles.en.contains(&lower));
        }
    };
    let total = parts.iter().map(|p| p.len() + 1).sum::<usize>().saturating_sub(1);
    if total <= SAMPLE_BYTES * SAMPLES {
        parts.iter().for_each(|p| count(p));
    } else {
        let text = parts.join("\n");
        let text = text.as_str();
        let step = text.len() / SAMPLES;
        for k in 0..SAMPLES {
            let start = floor_char(text, k * step);
            let end = floor_char(text, (k * step + SAMPLE_BYTES).min(text.len()));
            count(&text[start..end]);
        }
    }
    match id.max(en) {
        m if m < MIN_HITS || id == en => None,
        _ if id > en => Some(Lang::Id),
        _ => Some(Lang::En),
    }
}

/// The nearest char boundary at or before `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn majority_of_function_words_decides() {
        let id = set(&["yang", "dan", "di", "ini", "itu"]);
        let en = set(&["the", "and", "of", "is", "a"]);
        let p = Profiles::new(&id, &en);
        assert_eq!(detect("Ini rumah yang besar dan indah di sana, itu", &p), Some(Lang::Id));
        assert_eq!(detect("The house of the king is a big one and old", &p), Some(Lang::En));
        assert_eq!(detect("Bonjour tout le monde", &p), None);
    }

    #[test]
    fn parts_count_as_their_joined_text() {
        let id = set(&["yang", "dan", "di", "ini", "itu"]);
        let en = set(&["the", "and", "of", "is", "a"]);
        let p = Profiles::new(&id, &en);
        let parts = ["The house of the king", "ini rumah yang besar dan indah di sana, itu"];
        assert_eq!(detect_parts(&parts, &p), detect(&parts.join("\n"), &p));
        assert_eq!(detect_parts(&parts, &p), Some(Lang::Id));
        assert_eq!(detect_parts(&[], &p), None);
    }

    #[test]
    fn the_longest_function_word_is_still_read() {
        // 31 bytes: longer than any built-in stopword, so no fixed limit would read it.
        let long = "sebagaimanamestinyalahkahpunlah";
        let id = set(&["yang", long]);
        let en = set(&["the"]);
        let p = Profiles::new(&id, &en);
        assert_eq!(p.longest, long.len());
        assert_eq!(detect(&format!("the {long} {long} {long}"), &p), Some(Lang::Id));
        // One byte longer is not the word.
        assert_eq!(detect(&format!("the the the {long}x {long}x yang"), &p), Some(Lang::En));
    }

    #[test]
    fn a_curly_apostrophe_does_not_split_a_word() {
        let id = set(&["yang", "dan", "di"]);
        let en = set(&["s", "t", "the"]);
        let p = Profiles::new(&id, &en);
        // Unicode word segmentation reads "it’s", "don’t" as one word each: no English hit.
        assert_eq!(detect("it’s don’t can’t won’t yang dan di", &p), Some(Lang::Id));
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(l.code().parse::<Lang>().unwrap(), l);
        }
        assert!("fr".parse::<Lang>().is_err());
    }
}
