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
    pub fn terms(&self, text: &str, lang: Lang) -> Vec<String> {
        let mut lower = String::new();
        text.unicode_words()
            .filter_map(|word| {
                lowercase_into(&mut lower, word);
                self.term_of(&lower, lang)
            })
            .collect()
    }

    /// The term of one lowercase word: `None` for a function word, else its stem (a doubled word,
    /// "anak-anak", stems as its one half).
    fn term_of(&self, lower: &str, lang: Lang) -> Option<String> {
        (!self.is_stopword(lower, lang)).then(|| {
            let base = match lower.split_once('-') {
                Some((a, b)) if a == b => a,
                _ => lower,
            };
            self.stem(base, lang)
        })
    }

    /// The terms of one article as ids, for the summary: for each of `sentences` (each a sequence
    /// of words as Unicode word segmentation gives them) its term ids and its number of words,
    /// and the term ids of `title`. Two words have the same id when they have the same stem; ids
    /// mean nothing outside the one call.
    pub fn article_terms<'w, S, W>(&self, sentences: S, title: Option<&str>, lang: Lang) -> ArticleTerms
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'w str>,
    {
        VOCABULARY.with_borrow_mut(|v| {
            if v.stems.len() >= STEM_IDS {
                *v = Vocabulary::default();
            }
            let mut lower = String::new();
            let mut ids_of = |words: &mut dyn Iterator<Item = &str>| {
                let mut out = Vec::new();
                let mut n = 0;
                for word in words {
                    n += 1;
                    lowercase_into(&mut lower, word);
                    out.extend(v.id(self, &lower, lang));
                }
                (out, n)
            };
            let sentences = sentences.into_iter().map(|s| ids_of(&mut s.into_iter())).collect();
            let title = title.map(|t| ids_of(&mut t.unicode_words()).0).unwrap_or_default();
            ArticleTerms { sentences, title }
        })
    }
}

/// What [`Tokenizer::article_terms`] gives.
#[derive(Debug, Clone, Default)]
pub struct ArticleTerms {
    /// Each sentence's term ids and number of words.
    pub sentences: Vec<(Vec<TermId>, usize)>,
    /// The title's term ids.
    pub title: Vec<TermId>,
}

/// A stem as an id: equal ids, equal stems, within one [`Tokenizer::article_terms`] call.
pub type TermId = u32;

/// Per thread, kept across articles (news vocabulary repeats, and a look-up costs a fraction of
/// a stemmer run): each lowercase word's term id ([`NO_TERM`] for a function word), per language,
/// and each stem's id. A term is a pure function of the word and the built-in stopword lists, so
/// the vocabulary never changes a result.
#[derive(Default)]
struct Vocabulary {
    /// Words of up to [`SHORT_BYTES`] bytes, in 16-byte slots: most words, in half the memory.
    short: [HashMap<[u8; SHORT_BYTES + 1], TermId>; 2],
    /// Longer words of up to [`KEY_BYTES`] bytes.
    long: [HashMap<[u8; KEY_BYTES + 1], TermId>; 2],
    stems: HashMap<Box<str>, TermId>,
}

/// A function word's entry in the vocabulary: no term.
const NO_TERM: TermId = TermId::MAX;

impl Vocabulary {
    fn id(&mut self, tokenizer: &Tokenizer, lower: &str, lang: Lang) -> Option<TermId> {
        let Vocabulary { short, long, stems } = self;
        // A word not in the tables: stemmed, and its stem numbered.
        let mut fresh = || match tokenizer.term_of(lower, lang) {
            Some(stem) => {
                let next = stems.len() as TermId;
                *stems.entry(stem.into_boxed_str()).or_insert(next)
            }
            None => NO_TERM,
        };
        let l = lang as usize;
        let id = if let Some(key) = key::<SHORT_BYTES, { SHORT_BYTES + 1 }>(lower) {
            cached(&mut short[l], key, fresh)
        } else if let Some(key) = key::<KEY_BYTES, { KEY_BYTES + 1 }>(lower) {
            cached(&mut long[l], key, fresh)
        } else {
            fresh()
        };
        (id != NO_TERM).then_some(id)
    }
}

/// The id a table holds for `key`, or `fresh`'s, then remembered; a full table is emptied first
/// (the stems keep their ids: only the shortcut is lost).
fn cached<const K: usize>(
    table: &mut HashMap<[u8; K], TermId>,
    key: [u8; K],
    fresh: impl FnOnce() -> TermId,
) -> TermId {
    if let Some(&id) = table.get(&key) {
        return id;
    }
    let id = fresh();
    if table.len() >= STEM_CACHE_WORDS {
        table.clear();
    }
    table.insert(key, id);
    id
}

/// A word of up to `N` bytes as a table key: its bytes zero-padded, then its length (`K` is
/// `N + 1`), kept inside the table's own slot so that a look-up follows no pointer.
fn key<const N: usize, const K: usize>(word: &str) -> Option<[u8; K]> {
    let mut key = [0; K];
    key.get_mut(..word.len()).filter(|_| word.len() <= N)?.copy_from_slice(word.as_bytes());
    key[N] = word.len() as u8;
    Some(key)
}

/// The longest word in the vocabulary's short table, in bytes.
const SHORT_BYTES: usize = 11;

/// The longest word the vocabulary keeps, in bytes; a longer one is stemmed every time.
const KEY_BYTES: usize = 23;

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

/// The most words the vocabulary keeps per language, table and thread; a table is emptied when
/// full. The development sets' 600 articles hold 12,677 Indonesian and 15,650 English word types.
/// With every table and the stem numbering at their limits, one thread's vocabulary took about
/// 26 MB of RSS (1,500 articles of 300 random distinct words each: 78 MB peak on one thread
/// against 52 MB for as many articles of four repeated words).
const STEM_CACHE_WORDS: usize = 1 << 15;

/// The most stems a thread numbers before it starts again from nothing, at the start of an
/// article (ids must hold still within one).
const STEM_IDS: usize = 1 << 17;

thread_local! {
    static VOCABULARY: std::cell::RefCell<Vocabulary> = Default::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_terms_are_stemmed_and_filtered() {
        let t = Tokenizer::builtin();
        assert_eq!(t.terms("The leaders discussed the talks", Lang::En), ["leader", "discuss", "talk"]);
    }

    #[test]
    fn indonesian_terms_are_stemmed_and_filtered() {
        let t = Tokenizer::builtin();
        assert_eq!(
            t.terms("Kedua pemimpin membahas pembahasan yang dibahas", Lang::Id),
            ["pimpin", "bahas", "bahas", "bahas"]
        );
    }

    /// Whether `ids` and `terms` are the same partition: equal ids exactly where equal stems.
    fn same_partition(ids: &[TermId], terms: &[String]) -> bool {
        ids.len() == terms.len()
            && (0..ids.len()).all(|i| (0..ids.len()).all(|j| (ids[i] == ids[j]) == (terms[i] == terms[j])))
    }

    /// The term ids of one article of one sentence.
    fn ids(t: &Tokenizer, text: &str, lang: Lang) -> Vec<TermId> {
        let mut a = t.article_terms([text.unicode_words()], None, lang);
        assert_eq!(a.sentences[0].1, text.unicode_words().count());
        std::mem::take(&mut a.sentences[0].0)
    }

    #[test]
    fn term_ids_number_the_stemmers_own_stems() {
        let t = Tokenizer::builtin();
        let text = "Pemerintah membahas pembahasan anggaran; pemerintah dibahas lagi.";
        let stems = t.terms(text, Lang::Id);
        assert_eq!(stems, ["perintah", "bahas", "bahas", "anggar", "perintah", "bahas"]);
        let (first, again) = (ids(&t, text, Lang::Id), ids(&t, text, Lang::Id));
        assert!(same_partition(&first, &stems) && first == again, "{first:?} {again:?}");
        // A word too long for the vocabulary's slots is stemmed each time, to the same id.
        let long = "Ketidakbertanggungjawabannya ketidakbertanggungjawabannya tanggung";
        assert!(long.split(' ').next().unwrap().len() > KEY_BYTES);
        let long_ids = ids(&t, long, Lang::Id);
        assert!(same_partition(&long_ids, &t.terms(long, Lang::Id)), "{long_ids:?}");
        // The title shares the sentences' ids.
        let a = t.article_terms([["Talks", "talked"]], Some("The talks"), Lang::En);
        assert_eq!(a.sentences[0], (vec![a.title[0]; 2], 2));
    }

    #[test]
    fn a_full_vocabulary_is_emptied_and_ids_stay_right() {
        let t = Tokenizer::builtin();
        let words: Vec<String> = (0..STEM_CACHE_WORDS + 10).map(|i| format!("pembahasan{i}")).collect();
        let text = format!("{} pembahasan0 dibahas", words.join(" "));
        let all = ids(&t, &text, Lang::Id);
        assert!(same_partition(&all, &t.terms(&text, Lang::Id)));
        VOCABULARY.with_borrow(|v| {
            let id = Lang::Id as usize;
            assert!(v.short[id].len() <= STEM_CACHE_WORDS && v.long[id].len() <= STEM_CACHE_WORDS);
            assert!(v.long[id].len() > 1000, "the words of 12 bytes and more");
        });
        // Past the stem limit the next article starts numbering again, and stays right.
        VOCABULARY.with_borrow_mut(|v| {
            for i in 0..STEM_IDS {
                v.stems.insert(format!("x{i}").into(), i as TermId);
            }
        });
        let text = "Pembahasan yang dibahas pemerintah";
        assert!(same_partition(&ids(&t, text, Lang::Id), &t.terms(text, Lang::Id)));
        VOCABULARY.with_borrow(|v| assert!(v.stems.len() < 10));
    }
}
