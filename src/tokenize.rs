//! Words: Unicode word boundaries, lowercased, function words dropped, the rest stemmed
//! (rust-stemmers' Snowball English; ringkas's own Indonesian stemmer, [`crate::stem_id`]).
//! Stopword lists are `lexicons/stopwords-{id,en}.txt`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::lang::{Lang, Profiles};

/// Turns sentences into the stems of their content words.
pub struct Tokenizer {
    stop_id: HashSet<String>,
    stop_en: HashSet<String>,
    /// The longest stopword's length in bytes, for language detection.
    stop_longest: usize,
    english: Stemmer,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokenizer")
            .field("stop_id", &self.stop_id.len())
            .field("stop_en", &self.stop_en.len())
            .finish_non_exhaustive()
    }
}

fn word_list(src: &str) -> HashSet<String> {
    src.lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

impl Tokenizer {
    /// The tokenizer with the built-in stopword lists.
    pub fn builtin() -> Tokenizer {
        let stop_id = word_list(include_str!("../lexicons/stopwords-id.txt"));
        let stop_en = word_list(include_str!("../lexicons/stopwords-en.txt"));
        let stop_longest = Profiles::new(&stop_id, &stop_en).longest;
        Tokenizer { stop_id, stop_en, stop_longest, english: Stemmer::create(Algorithm::English) }
    }

    /// The stopword profiles language detection uses.
    pub fn profiles(&self) -> Profiles<'_> {
        Profiles { id: &self.stop_id, en: &self.stop_en, longest: self.stop_longest }
    }

    /// Whether `word` (lowercase) is a function word of `lang`.
    pub fn is_stopword(&self, word: &str, lang: Lang) -> bool {
        match lang {
            Lang::Id => self.stop_id.contains(word),
            Lang::En => self.stop_en.contains(word),
        }
    }

    /// Stems one lowercase word.
    pub fn stem(&self, word: &str, lang: Lang) -> String {
        match lang {
            Lang::Id => crate::stem_id::stem(word),
            Lang::En => self.english.stem(word).into_owned(),
        }
    }

    /// The stems of the content words of `text`: words with a letter or digit, lowercased, not
    /// function words, stemmed.
    pub fn terms(&self, text: &str, lang: Lang) -> Vec<Term> {
        self.terms_of(text.unicode_words(), lang).0
    }

    /// The terms of a sequence of words (as Unicode word segmentation gives them) and their number.
    pub fn terms_of<'w>(&self, given: impl IntoIterator<Item = &'w str>, lang: Lang) -> (Vec<Term>, usize) {
        let mut out = Vec::new();
        let mut lower = String::new();
        let mut words = 0;
        STEMS.with_borrow_mut(|cache| {
            let cache = &mut cache[lang as usize];
            for word in given {
                words += 1;
                lowercase_into(&mut lower, word);
                if let Some(term) = cache.get(lower.as_str()) {
                    out.extend(term.iter().cloned());
                    continue;
                }
                if cache.len() >= STEM_CACHE_WORDS {
                    cache.clear();
                }
                let term = (!self.is_stopword(&lower, lang)).then(|| {
                    let base = match lower.split_once('-') {
                        Some((a, b)) if a == b => a,
                        _ => &lower,
                    };
                    Term::from(self.stem(base, lang))
                });
                out.extend(term.iter().cloned());
                cache.insert(lower.clone(), term);
            }
        });
        (out, words)
    }
}

/// Writes `word` lowercased into `out` (emptied first): a byte copy for ASCII, full Unicode
/// lowercasing otherwise.
pub(crate) fn lowercase_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The words of `text[range]` with their absolute byte offsets, by Unicode word segmentation: the
/// one word list that entity rules and summary terms share.
pub fn sentence_words<'t>(text: &'t str, range: &std::ops::Range<usize>) -> Vec<(usize, &'t str)> {
    text[range.clone()].unicode_word_indices().map(|(i, w)| (range.start + i, w)).collect()
}

/// A stem, as the summary compares them: shared, so that the many occurrences of a word cost a
/// reference count each and not a string copy.
pub type Term = std::sync::Arc<str>;

/// Lowercase words and their terms (`None` for a stopword) per thread and language, kept across
/// articles: news vocabulary repeats, and a look-up costs a fraction of a stemmer run. A term is a
/// pure function of the word and the built-in stopword lists, so the cache never changes a
/// result; it is emptied when it reaches this size.
/// About 5 MB per language and thread when full (32,000 distinct ten-byte words added 5.2 MB of
/// RSS in a test program); the development sets' 600 articles hold 12,677 Indonesian and 15,650
/// English word types.
const STEM_CACHE_WORDS: usize = 1 << 15;

thread_local! {
    static STEMS: std::cell::RefCell<[HashMap<String, Option<Term>>; 2]> = Default::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The terms of `text` as plain strings, to compare with literals.
    fn terms(t: &Tokenizer, text: &str, lang: Lang) -> Vec<String> {
        t.terms(text, lang).iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn english_terms_are_stemmed_and_filtered() {
        let t = Tokenizer::builtin();
        assert_eq!(terms(&t, "The leaders discussed the talks", Lang::En), ["leader", "discuss", "talk"]);
    }

    #[test]
    fn indonesian_terms_are_stemmed_and_filtered() {
        let t = Tokenizer::builtin();
        assert_eq!(
            terms(&t, "Kedua pemimpin membahas pembahasan yang dibahas", Lang::Id),
            ["pimpin", "bahas", "bahas", "bahas"]
        );
    }

    #[test]
    fn cached_stems_are_the_stemmers_own() {
        let t = Tokenizer::builtin();
        let text = "Pemerintah membahas pembahasan anggaran; pemerintah dibahas lagi.";
        let first = terms(&t, text, Lang::Id);
        let again = terms(&t, text, Lang::Id);
        assert_eq!(first, again);
        assert_eq!(first, ["perintah", "bahas", "bahas", "anggar", "perintah", "bahas"]);
        assert_eq!(terms(&t, "Talks talked", Lang::En), ["talk", "talk"]);
    }

    #[test]
    fn a_full_cache_is_emptied_and_terms_stay_right() {
        let t = Tokenizer::builtin();
        let words: Vec<String> = (0..STEM_CACHE_WORDS + 10).map(|i| format!("pembahasan{i}")).collect();
        assert_eq!(terms(&t, &words.join(" "), Lang::Id).len(), words.len());
        STEMS.with_borrow(|cache| assert!(cache[Lang::Id as usize].len() <= STEM_CACHE_WORDS));
        assert_eq!(terms(&t, "Pembahasan yang dibahas", Lang::Id), ["bahas", "bahas"]);
    }
}
