//! Rules for names the lexicons do not hold.
//!
//! After the lexicon pass, each sentence is read as a row of words. Runs of capitalized words
//! ("spans") are cut at the cues of `lexicons/cues.tsv` and at lexicon mentions, and each
//! remaining run of unknown words is classified by what stands around it: a title or role before
//! it ("Presiden", "coach"), a reporting verb on either side ("kata", "said"), an organization's
//! head or tail word ("Kementerian …", "… Tbk"), a place's head or tail word ("Desa …",
//! "… River"), a place cue ("di", "in"), a known given name, or an acronym. A run with no such
//! support is dropped when it could be capitalized for another reason: at the start of a
//! sentence, in a headline, or a single word. Every rule mention carries a confidence.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::entities::{Mention, MentionSource, Target};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::lexicon::EntityKind;

/// Context cues from `lexicons/cues.tsv`, plus the given-name and stopword lists.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// The sets, by [`Kind`]: the cue kinds of `cues.tsv`, then the given names and stopwords.
    sets: [HashSet<String>; Kind::ALL.len()],
    /// Every word of every cue, given name and stopword, with what it is: [`Kind::bit`] for each
    /// set that holds the word alone, [`Kind::starts`] and [`Kind::ends`] for each set with a
    /// phrase that starts or ends with it. One look-up tells a word's every role.
    masks: HashMap<String, Mask>,
}

/// The sets of [`Cues`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Place,
    Person,
    Said,
    OrgHead,
    OrgTail,
    PlaceHead,
    PlaceTail,
    Connector,
    OrgConnector,
    Skip,
    NotBefore,
    NotAfter,
    EventTail,
    Suffix,
    Office,
    Facility,
    Balinese,
    PlaceHeadLower,
    PlaceBefore,
    Plural,
    LegalForm,
    Initials,
    Constituency,
    SmallUnit,
    DistrictHead,
    RegencyBefore,
    CityBefore,
    PartyBoard,
    Section,
    Demonym,
    Given,
    Stop,
}

impl Kind {
    const ALL: [Kind; 32] = [
        Kind::Place,
        Kind::Person,
        Kind::Said,
        Kind::OrgHead,
        Kind::OrgTail,
        Kind::PlaceHead,
        Kind::PlaceTail,
        Kind::Connector,
        Kind::OrgConnector,
        Kind::Skip,
        Kind::NotBefore,
        Kind::NotAfter,
        Kind::EventTail,
        Kind::Suffix,
        Kind::Office,
        Kind::Facility,
        Kind::Balinese,
        Kind::PlaceHeadLower,
        Kind::PlaceBefore,
        Kind::Plural,
        Kind::LegalForm,
        Kind::Initials,
        Kind::Constituency,
        Kind::SmallUnit,
        Kind::DistrictHead,
        Kind::RegencyBefore,
        Kind::CityBefore,
        Kind::PartyBoard,
        Kind::Section,
        Kind::Demonym,
        Kind::Given,
        Kind::Stop,
    ];

    /// The kind's name in `cues.tsv` (given names and stopwords come from lists of their own).
    fn name(self) -> Option<&'static str> {
        Some(match self {
            Kind::Place => "place",
            Kind::Person => "person",
            Kind::Said => "said",
            Kind::OrgHead => "org-head",
            Kind::OrgTail => "org-tail",
            Kind::PlaceHead => "place-head",
            Kind::PlaceTail => "place-tail",
            Kind::Connector => "connector",
            Kind::OrgConnector => "org-connector",
            Kind::Skip => "skip",
            Kind::NotBefore => "not-before",
            Kind::NotAfter => "not-after",
            Kind::EventTail => "event-tail",
            Kind::Suffix => "suffix",
            Kind::Office => "office",
            Kind::Facility => "facility",
            Kind::Balinese => "balinese",
            Kind::PlaceHeadLower => "place-head-lower",
            Kind::PlaceBefore => "place-before",
            Kind::Plural => "plural",
            Kind::LegalForm => "legal-form",
            Kind::Initials => "initials",
            Kind::Constituency => "constituency",
            Kind::SmallUnit => "small-unit",
            Kind::DistrictHead => "district-head",
            Kind::RegencyBefore => "regency-before",
            Kind::CityBefore => "city-before",
            Kind::PartyBoard => "party-board",
            Kind::Section => "section",
            Kind::Demonym => "demonym",
            Kind::Given | Kind::Stop => return None,
        })
    }

    /// Titles, offices, head words and reporting verbs: what [`Cues::is_role`] asks of a word.
    const ROLES: [Kind; 5] = [Kind::Person, Kind::Office, Kind::OrgHead, Kind::PlaceHead, Kind::Said];

    /// The word alone is in the set.
    fn bit(self) -> Mask {
        1 << self as u32
    }

    /// A phrase of the set starts with the word.
    fn starts(self) -> Mask {
        1 << (KIND_BITS + self as u32)
    }

    /// A phrase of the set ends with the word.
    fn ends(self) -> Mask {
        1 << (2 * KIND_BITS + self as u32)
    }
}

/// Every set a word is in, and every set with a phrase it starts or ends: three groups of
/// [`KIND_BITS`] bits (alone, starts, ends), one bit per kind.
type Mask = u128;

/// The bits of a mask per group (alone, starts, ends): one per kind.
const KIND_BITS: u32 = 32;
const _: () = assert!(Kind::ALL.len() as u32 <= KIND_BITS && 3 * KIND_BITS < Mask::BITS);

/// Every kind's bit of one group.
const GROUP: Mask = (1 << KIND_BITS) - 1;

/// What [`Word::mask`] holds before it is looked up: no mask has the top bits above the three
/// groups.
const UNKNOWN: Mask = Mask::MAX;

/// The longest cue phrase, in words.
const MAX_CUE_WORDS: usize = 3;

fn word_list(src: &str) -> impl Iterator<Item = String> + '_ {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_lowercase)
}

/// A cue as it is looked up: lowercase, without a final period ("Dr." and "Dr" are one cue).
fn cue_key(s: &str) -> String {
    s.trim().trim_end_matches('.').to_lowercase()
}

impl Cues {
    /// The built-in cues, given names and stopwords.
    pub fn builtin() -> Cues {
        let mut cues = Cues::parse(include_str!("../lexicons/cues.tsv"), "lexicons/cues.tsv")
            .expect("the built-in cues.tsv is valid (a unit test proves it)");
        let given = cues.set_mut(Kind::Given);
        given.extend(word_list(include_str!("../lexicons/given-names-id.txt")));
        given.extend(word_list(include_str!("../lexicons/given-names-id-extra.txt")));
        given.extend(word_list(include_str!("../lexicons/given-names-en.txt")));
        given.extend(word_list(include_str!("../lexicons/given-names-world.txt")));
        let balinese: Vec<String> = cues.set(Kind::Balinese).iter().cloned().collect();
        cues.set_mut(Kind::Given).extend(balinese);
        let stop = cues.set_mut(Kind::Stop);
        stop.extend(word_list(include_str!("../lexicons/stopwords-id.txt")));
        stop.extend(word_list(include_str!("../lexicons/stopwords-en.txt")));
        // "Kami", "Will": a function word is read as one, never as a given name.
        let stop = std::mem::take(stop);
        cues.set_mut(Kind::Given).retain(|g| !stop.contains(g));
        *cues.set_mut(Kind::Stop) = stop;
        cues.index();
        cues
    }

    /// The set of a kind.
    pub(crate) fn set(&self, kind: Kind) -> &HashSet<String> {
        &self.sets[kind as usize]
    }

    fn set_mut(&mut self, kind: Kind) -> &mut HashSet<String> {
        &mut self.sets[kind as usize]
    }

    /// Builds [`Cues::masks`] from the sets.
    fn index(&mut self) {
        let mut masks: HashMap<String, Mask> = HashMap::default();
        for kind in Kind::ALL {
            for cue in self.set(kind) {
                let mut parts = cue.split(' ');
                let (first, last) = (parts.next().unwrap_or_default(), parts.next_back());
                match last {
                    None => *masks.entry(cue.clone()).or_default() |= kind.bit(),
                    Some(last) => {
                        *masks.entry(first.to_string()).or_default() |= kind.starts();
                        *masks.entry(last.to_string()).or_default() |= kind.ends();
                    }
                }
            }
        }
        self.masks = masks;
    }

    /// The mask of a word's key: every set it is in, every set with a phrase it starts or ends.
    fn mask(&self, key: &str) -> Mask {
        if key.contains(' ') {
            // A space followed by a combining mark (" ෳ") is one Unicode word. Such a key is in
            // no set as it comes (cues are trimmed), but joined into a phrase it can end one
            // written with two spaces: every set is asked, and any phrase may start or end here.
            let alone = Kind::ALL.iter().filter(|&&k| self.set(k).contains(key)).fold(0, |m, k| m | k.bit());
            return alone | (GROUP << KIND_BITS) | (GROUP << (2 * KIND_BITS));
        }
        self.masks.get(key).copied().unwrap_or(0)
    }

    /// Parses `kind<TAB>cue` lines.
    pub fn parse(src: &str, path: &str) -> Result<Cues> {
        let mut cues = Cues::default();
        for (i, line) in src.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: String| Error::Lexicon { path: path.into(), line: i + 1, reason };
            let (kind, cue) = line.split_once('\t').ok_or_else(|| err("expected kind<TAB>cue".into()))?;
            let Some(kind) = Kind::ALL.into_iter().find(|k| k.name() == Some(kind)) else {
                return Err(err(format!("unknown cue kind {kind:?}")));
            };
            let key = cue_key(cue);
            if key.is_empty() || key.split(' ').count() > MAX_CUE_WORDS {
                return Err(err(format!("a cue is one to {MAX_CUE_WORDS} words")));
            }
            cues.set_mut(kind).insert(key);
        }
        cues.index();
        Ok(cues)
    }

    /// Whether a word is never a name by itself: a day, a month, a function word.
    pub fn is_skipped(&self, word: &str) -> bool {
        let key = cue_key(word);
        self.set(Kind::Skip).contains(&key) || self.set(Kind::Stop).contains(&key)
    }

    /// Whether a word is a title, an office or a head word: never a short form of a name.
    pub fn is_role(&self, word: &str) -> bool {
        self.is_role_key(&cue_key(word))
    }

    /// [`Cues::is_role`] for a word already lowercased.
    fn is_role_key(&self, key: &str) -> bool {
        Kind::ROLES.iter().any(|&k| self.set(k).contains(key))
    }

    /// Whether a word alone is a cue of `kind` (in any case; a final period ignored).
    pub(crate) fn has(&self, kind: Kind, word: &str) -> bool {
        self.set(kind).contains(&cue_key(word))
    }

    /// Whether a word is a cue of `kind` or begins one of its phrases ("Prime" of "prime minister").
    pub(crate) fn begins(&self, kind: Kind, word: &str) -> bool {
        self.mask(&cue_key(word)) & (kind.bit() | kind.starts()) != 0
    }

    /// Whether `word` ends a cue phrase of `kind` that `before` (the word before it) starts:
    /// "Kota" after "Wali" ends the title "wali kota".
    pub(crate) fn ends_phrase(&self, kind: Kind, before: &str, word: &str) -> bool {
        let key = cue_key(word);
        self.mask(&key) & kind.ends() != 0 && self.set(kind).contains(&format!("{} {key}", cue_key(before)))
    }

    /// Whether a word is a known given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.set(Kind::Given).contains(&word.to_lowercase())
    }
}

/// A word of a sentence.
#[derive(Debug, Clone)]
struct Word<'a> {
    range: Range<usize>,
    text: &'a str,
    key: std::borrow::Cow<'a, str>,
    /// Starts with a capital letter.
    cap: bool,
    /// Two or more letters, all capitals: an acronym.
    acronym: bool,
    /// The key's [`Cues::mask`], looked up the first time it is asked for ([`UNKNOWN`] until then).
    mask: std::cell::Cell<Mask>,
}

impl Word<'_> {
    /// The word is a number written in figures ("4", "1945").
    fn figures(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Where a word stands relative to the lexicon's mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cover {
    Free,
    /// Inside the lexicon mention with this index.
    Lexicon(usize),
}

/// The lexicon mentions (by index) that cover the words of a stretch, one entry per word.
fn lexicon_inside(cover: &[Cover]) -> Vec<usize> {
    cover
        .iter()
        .filter_map(|c| match c {
            Cover::Lexicon(li) => Some(*li),
            Cover::Free => None,
        })
        .collect()
}

/// The rule pass over one sentence: returns new mentions and marks lexicon mentions to drop or
/// to widen (index into `lexicon`, new range).
pub(crate) struct SentenceRules<'a> {
    pub cues: &'a Cues,
    pub text: &'a str,
    pub sentence: Range<usize>,
    pub index: usize,
    pub lang: Lang,
    /// The sentence is the article's title line ([`crate::entities::TagSpan::headline`]), a
    /// headline whatever [`SentenceRules::headline`] finds.
    pub title: bool,
}

/// What the rules decide about the lexicon's mentions in a sentence.
#[derive(Debug, Default)]
pub(crate) struct Verdict {
    /// New mentions found by rules.
    pub added: Vec<Mention>,
    /// Lexicon mentions (by index) to drop: covered by a rule mention or ruled out by a cue.
    pub dropped: HashSet<usize>,
    /// Lexicon mentions (by index) whose range grows to take in a head word ("Kabupaten Bogor").
    pub widened: Vec<(usize, Range<usize>)>,
    /// The teams named beside a match's final score ("Liverpool 3-1 Brighton"), among `added`:
    /// the tagger reads their names so everywhere in the article.
    pub match_teams: Vec<Range<usize>>,
}

/// One sentence as the rules read it: its words, what covers each word, and the lexicon
/// mentions (range, kind) the cover points into.
#[derive(Clone, Copy)]
struct Reading<'a, 'w> {
    words: &'a [Word<'w>],
    cover: &'a [Cover],
    lexicon: &'a [(Range<usize>, EntityKind, Unit)],
}

/// What a place the lexicon knows is, for a head word before it: a city, a regency, a country or
/// any other area; a district of a kota; or no unit at all (a street, a landmark, an airport, a
/// mountain, a lake, an island).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Area,
    District,
    Other,
}

impl Unit {
    /// The unit of a lexicon entity of this subtype (organizations and people: `Other`).
    pub fn of(kind: EntityKind, subtype: Option<&str>) -> Unit {
        match subtype {
            _ if kind != EntityKind::Place => Unit::Other,
            Some("district") => Unit::District,
            Some(
                "street" | "landmark" | "airport" | "port" | "mountain" | "lake" | "river" | "sea" | "strait"
                | "ocean" | "canal" | "desert" | "island",
            ) => Unit::Other,
            _ => Unit::Area,
        }
    }
}

/// An Indonesian noun derived with pe(N)-…-an, per-…-an or ke-…-an ("Pencegahan", "Pertanian",
/// "Keamanan"); names that end in "-wan" ("Kurniawan") are no such noun.
fn derived_noun(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 8
        && matches!(&b[..2], b"Pe" | b"pe" | b"Ke" | b"ke")
        && b.ends_with(b"an")
        && !b.ends_with(b"wan")
        && b.iter().all(u8::is_ascii_alphabetic)
}

/// Up to `MAX_CUE_WORDS` words' cue keys joined by single spaces, with each key's byte range in
/// the joined phrase: every sub-phrase a cue look-up needs, from one string.
fn phrase(words: &[Word<'_>]) -> (String, [(usize, usize); MAX_CUE_WORDS]) {
    let mut phrase = String::with_capacity(48);
    let mut bounds = [(0, 0); MAX_CUE_WORDS];
    for (j, w) in words.iter().take(MAX_CUE_WORDS).enumerate() {
        if j > 0 {
            phrase.push(' ');
        }
        let at = phrase.len();
        phrase.push_str(&w.key);
        bounds[j] = (at, phrase.len());
    }
    (phrase, bounds)
}

impl SentenceRules<'_> {
    /// The sentence's words (absolute byte offset, text), as Unicode word segmentation gives them.
    fn words<'w>(&self, given: &[(usize, &'w str)]) -> Vec<Word<'w>> {
        given
            .iter()
            .map(|&(start, w)| {
                let (mut letters, mut upper) = (0usize, 0usize);
                let (has_upper, cap) = if w.is_ascii() {
                    // Most words: counted on bytes, without decoding.
                    for b in w.bytes().filter(u8::is_ascii_alphabetic) {
                        letters += 1;
                        upper += usize::from(b.is_ascii_uppercase());
                    }
                    (upper > 0, w.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
                } else {
                    for c in w.chars().filter(|c| c.is_alphabetic()) {
                        letters += 1;
                        upper += usize::from(c.is_uppercase());
                    }
                    (w.chars().any(char::is_uppercase), w.chars().next().is_some_and(char::is_uppercase))
                };
                Word {
                    range: start..start + w.len(),
                    text: w,
                    // Most words are lowercase already: no copy for them.
                    key: if has_upper || w.ends_with('.') {
                        std::borrow::Cow::Owned(cue_key(w))
                    } else {
                        std::borrow::Cow::Borrowed(w)
                    },
                    cap,
                    acronym: letters >= 2 && upper == letters,
                    mask: std::cell::Cell::new(UNKNOWN),
                }
            })
            .collect()
    }

    /// The text between two words may sit inside one name: a space, a hyphen, an initial's or a
    /// title's period.
    fn joinable(&self, a: &Word<'_>, b: &Word<'_>) -> bool {
        let gap = &self.text[a.range.end..b.range.start];
        // Any run of spaces is a space ("Vladimir\u{a0} Putin"), and so is one line break inside
        // a sentence: where a hard-wrapped line was joined (`structure::unwrap_lines`).
        let space = |g: &str| {
            !g.is_empty() && g.chars().all(char::is_whitespace) && crate::structure::line_breaks(g) <= 1
        };
        if space(gap) || gap == "-" {
            return true;
        }
        gap.strip_prefix('.').is_some_and(space)
            && (a.text.chars().count() == 1 || self.is(a, Kind::Person) || self.is(a, Kind::PlaceHead))
    }

    /// Whether the sentence is a headline, where capitals say nothing: in capitals, or short with
    /// most words capitalized and no figures or brackets (a list of results is not a headline).
    fn headline(&self, words: &[Word<'_>]) -> bool {
        let letters: Vec<&Word<'_>> =
            words.iter().filter(|w| w.text.chars().next().is_some_and(char::is_alphabetic)).collect();
        let caps = letters.iter().filter(|w| w.cap).count();
        let upper = letters.iter().filter(|w| w.acronym).count();
        let s = &self.text[self.sentence.clone()];
        // A list item's number is no figure of the headline ("3. Tidak Ada Korban Jiwa").
        let item = s.trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
        // Unless the item names someone by their title or as a speaker ("7. Kapten Arh Herubelum",
        // "3. Kata Budi Santoso").
        let numbered = item.len() < s.trim_start().len() && item.starts_with(['.', ')']);
        let named = numbered
            && (self.cue_starting(words, 1, words.len(), Kind::Person).is_some()
                || self.cue_starting(words, 1, words.len(), Kind::Said).is_some());
        let item = if numbered && !named { &item[1..] } else { s };
        // One number may be an Indonesian headline's ("Dinkes Gelar Fogging Massal di 5 Wilayah"),
        // not a list's ("Tags: Persib, Liga 1, Ciro Alves") nor a line that names someone after a
        // colon ("Top Skor Liga 1: David da Silva"); in English it is more often a score card's
        // ("M. Waugh c Stewart b Croft 12").
        let numbers = item.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).count();
        let most = usize::from(self.lang == Lang::Id && !item.contains([',', ':']));
        let listy = named || numbers > most || item.bytes().any(|b| b == b'(' || b == b')');
        // A headline does not end with a full stop; a short sentence of names does.
        let ended = s.trim_end().trim_end_matches(['"', '”', '\'', '’', ')']).ends_with(['.', '!', '?']);
        (letters.len() >= 2 && upper * 2 > letters.len())
            || (letters.len() >= 3
                && letters.len() <= 15
                && !listy
                && !ended
                && caps * 10 >= letters.len() * 7)
    }

    /// A word's [`Cues::mask`], looked up once per word.
    fn mask(&self, w: &Word<'_>) -> Mask {
        let mut m = w.mask.get();
        if m == UNKNOWN {
            m = self.cues.mask(&w.key);
            w.mask.set(m);
        }
        m
    }

    /// Whether the word alone is a role ([`Kind::ROLES`]: a title, an office, a head word, a
    /// reporting verb) or a function word.
    fn role_or_function_word(&self, w: &Word<'_>) -> bool {
        let cues = Kind::ROLES.iter().fold(Kind::Stop.bit(), |m, k| m | k.bit());
        self.mask(w) & cues != 0
    }

    /// Whether the word alone is a cue of `kind`.
    fn is(&self, w: &Word<'_>, kind: Kind) -> bool {
        self.mask(w) & kind.bit() != 0
    }

    /// The longest cue of `kind` that ends at word `end` (exclusive), as its first word's index.
    fn cue_ending(&self, words: &[Word<'_>], end: usize, kind: Kind) -> Option<usize> {
        let last = words[..end].last()?;
        if self.mask(last) & kind.ends() == 0 {
            // No phrase of the kind ends with the word: only the word itself can be the cue.
            return self.is(last, kind).then_some(end - 1);
        }
        let from = end - MAX_CUE_WORDS.min(end);
        let (phrase, bounds) = phrase(&words[from..end]);
        // Longest first: the phrase from each word on to `end`.
        let set = self.cues.set(kind);
        (from..end).find(|&start| set.contains(&phrase[bounds[start - from].0..]))
    }

    /// The longest cue of `kind` that starts at word `start`, as its end (exclusive).
    fn cue_starting(&self, words: &[Word<'_>], start: usize, limit: usize, kind: Kind) -> Option<usize> {
        let first = words.get(start).filter(|_| start < limit)?;
        if self.mask(first) & kind.starts() == 0 {
            // No phrase of the kind starts with the word: only the word itself can be the cue.
            return self.is(first, kind).then_some(start + 1);
        }
        let to = start + MAX_CUE_WORDS.min(limit - start);
        let (phrase, bounds) = phrase(&words[start..to]);
        // Longest first: the phrase from `start` to each word's end.
        let set = self.cues.set(kind);
        (start..to).rev().find(|&last| set.contains(&phrase[..bounds[last - start].1])).map(|last| last + 1)
    }

    /// Runs the rules. `lexicon` holds this sentence's lexicon mentions (range, kind), in order;
    /// `words` its words as [`crate::tokenize::sentence_words`] gives them.
    pub fn run(&self, lexicon: &[(Range<usize>, EntityKind, Unit)], words: &[(usize, &str)]) -> Verdict {
        let mut verdict = Verdict::default();
        let words = self.words(words);
        if words.is_empty() {
            return verdict;
        }
        // Both lists are in text order and the mentions do not overlap: one walk.
        let cover: Vec<Cover> = words
            .iter()
            .map(|w| {
                let i = lexicon.partition_point(|(r, ..)| r.end <= w.range.start);
                match lexicon.get(i) {
                    Some((r, ..)) if r.start <= w.range.start && w.range.end <= r.end => Cover::Lexicon(i),
                    _ => Cover::Free,
                }
            })
            .collect();
        let reading = Reading { words: &words, cover: &cover, lexicon };
        for (li, (r, ..)) in lexicon.iter().enumerate() {
            if let Ok(wi) = words.binary_search_by_key(&r.start, |w| w.range.start) {
                // A language, currency or nationality word before a lexicon mention ("bahasa
                // Inggris"), or a suspect's or a victim's initials ("pelaku berinisial AS (35)",
                // "tersangka RS"): no place or organization that the words spell.
                let not_before = wi > 0 && !words[wi - 1].cap && self.is(&words[wi - 1], Kind::NotBefore);
                if not_before
                    || (words[wi].range.end == r.end && self.initials(&words, wi))
                    || self.party_board(reading, wi, li)
                    || (words[wi].range.end == r.end && self.seeding_code(&words[wi]))
                {
                    verdict.dropped.insert(li);
                }
            }
        }
        let score_line = self.score_line(&words);
        if score_line {
            // A table or a results line ("Leeds 2 Chelsea 1", "BOSTON 65 65 .500"): a name
            // followed by a score is a team, whatever else it names.
            self.teams(reading, &mut verdict);
        }
        if self.title || self.headline(&words) {
            return verdict;
        }
        // A list item's number does not make the word after it any less first ("3. Cara
        // mendaftar").
        let first_word = usize::from(
            words.len() > 1
                && words[0].range.start == self.sentence.start
                && words[0].text.len() <= 3
                && words[0].figures()
                && self.text[words[0].range.end..].starts_with(['.', ')']),
        );
        let mut i = 0;
        // Where the name of a region's head stands between commas after the region ("Camat
        // Sepaku, Risna Hermawati, …"): the span that starts there is a person's.
        let mut holder = None;
        while i < words.len() {
            if (!self.name_word(&words[i]) && !self.balinese_marker(&words, i))
                || self.seeding_code(&words[i])
            {
                i += 1;
                continue;
            }
            // A span of capitalized words, with connectors inside.
            let start = i;
            // An organization's head opens the span or comes inside it ("The Ministry of Health").
            let mut org_headed = self.is(&words[i], Kind::OrgHead);
            let mut end = i + 1;
            while end < words.len() && self.joinable(&words[end - 1], &words[end]) {
                let w = &words[end];
                if self.name_word(w) || self.balinese_marker(&words, end) {
                    org_headed |= self.is(w, Kind::OrgHead);
                    end += 1;
                    continue;
                }
                let connector = self.is(w, Kind::Connector)
                    || (org_headed && self.is(w, Kind::OrgConnector))
                    || self.field_join(&words, end);
                // "SMA Negeri 1 Semarang", "Batalyon 4", "SMK I Limboto": a number inside a headed
                // name, in figures or roman numerals.
                let headed = org_headed || self.is(&words[i], Kind::PlaceHead);
                let figures = w.text.len() <= 3 && w.figures();
                let roman = w.text.len() <= 4 && w.text.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
                if headed
                    && (figures || roman)
                    && end + 1 < words.len()
                    && self.joinable(w, &words[end + 1])
                    && self.name_word(&words[end + 1])
                {
                    end += 2;
                    continue;
                }
                // "Member of Parliament for Hartlepool": a constituency is no part of the office.
                if !w.cap
                    && connector
                    && end + 1 < words.len()
                    && self.joinable(w, &words[end + 1])
                    && self.name_word(&words[end + 1])
                    && self.cue_ending(&words, end + 1, Kind::Constituency).is_none()
                {
                    end += 2;
                    continue;
                }
                break;
            }
            // A quotation's first word is capitalized for being first, as a sentence's is ("said:
            // "We are …").
            let initial = start == first_word || self.opens_quotation(&words, start);
            holder = self.span(reading, start, end, initial, holder == Some(start), &mut verdict);
            i = end;
        }
        verdict
    }

    /// A lowercase `not-after` word right after word `end - 1` makes an unknown name before it
    /// something else: a grade of crude oil ("Brent crude"; "US crude" keeps the lexicon's place).
    fn not_after(&self, words: &[Word<'_>], end: usize) -> bool {
        end > 0
            && words.get(end).is_some_and(|w| {
                !w.cap
                    && self.text[words[end - 1].range.end..w.range.start] == *" "
                    && self.is(w, Kind::NotAfter)
            })
    }

    /// A head of a unit smaller than the known place of this unit after it (a `small-unit` cue,
    /// [`SentenceRules::apart_from`]): "Kecamatan Depok" (in Sleman) is not the city of Depok,
    /// "Desa Bogor" not Bogor, "Jalan Surabaya" no city.
    fn below_the_lexicon(&self, head: &Word<'_>, unit: Unit) -> bool {
        self.is(head, Kind::SmallUnit) && self.apart_from(head, unit)
    }

    /// A `small-unit` head (or its holder's title) at word `c`, before a known place of this
    /// unit, makes a place of its own: before a city or a regency always ("Desa Kendal"), before a
    /// district unless the head is the district's ("Kelurahan Menteng" is a village of Kecamatan
    /// Menteng, "Camat Menteng" heads the district), before a street or a landmark never ("Jl
    /// Malioboro").
    fn apart_from(&self, c: &Word<'_>, unit: Unit) -> bool {
        match unit {
            Unit::Area => true,
            Unit::District => !self.is(c, Kind::DistrictHead),
            Unit::Other => false,
        }
    }

    /// A `party-board` acronym ("DPD", also the Regional Representative Council) that a party's
    /// name follows, or a number or a level of government goes with, is a party's regional board
    /// ("Ketua DPD PDI Perjuangan Jawa Tengah", "DPD Partai Demokrat Bali", "31 DPD provinsi"), no
    /// entity of its own. `li` is the lexicon mention at word `i`.
    fn party_board(&self, s: Reading<'_, '_>, i: usize, li: usize) -> bool {
        let Reading { words, cover, lexicon } = s;
        if !words[i].acronym
            || !self.is(&words[i], Kind::PartyBoard)
            || cover.get(i + 1) == Some(&Cover::Lexicon(li))
        {
            return false;
        }
        let party = words.get(i + 1).is_some_and(|next| {
            let key = next.key.as_ref();
            key == "partai"
                || (!next.cap && matches!(key, "provinsi" | "kabupaten" | "kota"))
                || matches!(cover[i + 1], Cover::Lexicon(n) if lexicon[n].1 == EntityKind::Organization)
        });
        party || (i > 0 && words[i - 1].figures())
    }

    /// Word `i` is a person's initials, as Indonesian crime reporting writes suspects and victims:
    /// two or three capitals after an `initials` cue ("berinisial AS", "tersangka RS"), or before
    /// an age in brackets ("AS (35)").
    fn initials(&self, words: &[Word<'_>], i: usize) -> bool {
        let w = &words[i];
        if !(2..=3).contains(&w.text.len()) || !w.text.bytes().all(|b| b.is_ascii_uppercase()) {
            return false;
        }
        // The role may open the sentence ("Tersangka AS dan RS ditahan").
        let cue =
            i.checked_sub(1).is_some_and(|p| (!words[p].cap || p == 0) && self.is(&words[p], Kind::Initials));
        let after = &self.text[w.range.end..self.sentence.end];
        let age = after.strip_prefix(" (").is_some_and(|a| {
            let digits = a.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&digits) && a[digits..].starts_with(')')
        });
        cue || age
    }

    /// Two or more names followed by a small number, or a "v" between names: a results line. Or a
    /// standings line: a name first, then only figures, three or more and one of them under 100
    /// ("CHICAGO 71 64 .526 10", "Persib 20 12 5 3 41"; a row of accounts, "Operating Income 906
    /// 962 599", has none).
    fn score_line(&self, words: &[Word<'_>]) -> bool {
        let scored =
            (0..words.len()).filter(|&i| self.team_word(&words[i]) && self.number_after(words, i)).count();
        // Indonesian writes "Kelas 4", "SMA Negeri 1", "Pasal 5": two such are not a table.
        let needed = if self.lang == Lang::En { 2 } else { 3 };
        let name = words.iter().take_while(|w| self.team_word(w)).count();
        let standings = (1..=4).contains(&name)
            && words[0].range.start == self.sentence.start
            && words.len() - name >= 3
            && words[name..].iter().all(Word::figures)
            && words[name..].iter().any(|w| w.text.len() <= 2)
            && self.number_after(words, name - 1);
        scored >= needed || standings || self.match_line(words) || words.iter().any(|w| self.versus(w))
    }

    /// "v" or "vs" between two sides; not "v." with its period, which cites a court case ("Roe v.
    /// Wade", "Trump v. United States": no teams).
    fn versus(&self, w: &Word<'_>) -> bool {
        w.text == "vs" || (w.text == "v" && !self.text[w.range.end..].starts_with('.'))
    }

    /// "Liverpool 3-1 Brighton": a line of two names and the final score between them, not in
    /// capitals (a wire headline: "WIGAN BEAT BRADFORD 42-36 IN SEMIFINAL").
    fn match_line(&self, words: &[Word<'_>]) -> bool {
        words.len() <= 8
            && (2..words.len().saturating_sub(1)).any(|k| {
                self.team_word(&words[k - 2]) && self.final_score(words, k) && self.team_word(&words[k + 1])
            })
            && words.iter().enumerate().all(|(k, w)| {
                (self.team_word(w) && !w.acronym)
                    || self.final_score(words, k)
                    || self.final_score(words, k + 1)
            })
    }

    /// A known place in brackets right after word `end - 1`: "Jansher Khan (Pakistan)".
    fn country_after(&self, s: Reading<'_, '_>, end: usize) -> bool {
        let after = s.words[end - 1].range.end;
        self.text[after..self.sentence.end].starts_with(" (")
            && s.lexicon.iter().any(|(r, k, _)| {
                *k == EntityKind::Place && r.start == after + 2 && self.text[r.end..].starts_with(')')
            })
    }

    /// The word is a country's code in a results line's bracket with a seed or a partner's code:
    /// "(DEN/2)", "(INA/MAS)" after the players' names. No organization ("DEN" is also the
    /// Dewan Ekonomi Nasional) and no name of its own; a bare "(USA)" is left to the lexicon.
    fn seeding_code(&self, w: &Word<'_>) -> bool {
        if w.text.len() != 3 || !w.acronym {
            return false;
        }
        let before = &self.text.as_bytes()[..w.range.start];
        let after = &self.text.as_bytes()[w.range.end..];
        let code = |t: &[u8]| t.len() == 3 && t.iter().all(u8::is_ascii_uppercase);
        match before.last() {
            // "(DEN/2)", "(INA/MAS)": the code opens the bracket, a seed or a code follows.
            Some(b'(') if after.first() == Some(&b'/') => {
                let rest = &after[1..];
                let digits = rest.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
                let seeded = (1..=2).contains(&digits) && rest.get(digits) == Some(&b')');
                seeded || (rest.get(3) == Some(&b')') && code(&rest[..3]))
            }
            // "(INA/MAS)": the partner's code closes it.
            Some(b'/') if after.first() == Some(&b')') => {
                before.len() >= 5
                    && before[before.len() - 5] == b'('
                    && code(&before[before.len() - 4..before.len() - 1])
            }
            _ => false,
        }
    }

    /// A word that can be part of a team's name in a results line.
    fn team_word(&self, w: &Word<'_>) -> bool {
        self.name_word(w) && w.text.chars().count() >= 2
    }

    /// Word `i` is followed by a score: a number of one to three digits right after a space.
    fn number_after(&self, words: &[Word<'_>], i: usize) -> bool {
        words.get(i + 1).is_some_and(|n| {
            self.text[words[i].range.end..n.range.start] == *" " && n.text.len() <= 3 && n.figures()
        })
    }

    /// Words `k - 1` and `k` are both sides' goals: "3-1" in "Liverpool 3-1 Brighton".
    fn final_score(&self, words: &[Word<'_>], k: usize) -> bool {
        let goals = |w: &Word<'_>| w.text.len() <= 2 && w.figures();
        k >= 1
            && words.get(k).is_some_and(goals)
            && goals(&words[k - 1])
            && matches!(&self.text[words[k - 1].range.end..words[k].range.start], "-" | "–")
    }

    /// In a results line, every span of names before a score or around a "v" is a team.
    fn teams(&self, s: Reading<'_, '_>, verdict: &mut Verdict) {
        let Reading { words, cover, lexicon } = s;
        let match_line = self.match_line(words);
        let mut i = 0;
        while i < words.len() {
            if !self.team_word(&words[i]) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while end < words.len() && self.joinable(&words[end - 1], &words[end]) {
                if self.team_word(&words[end]) {
                    end += 1;
                } else if self.is(&words[end], Kind::Connector)
                    || self.is(&words[end], Kind::OrgConnector)
                        && words.get(end + 1).is_some_and(|w| self.team_word(w))
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let end = end.min(words.len());
            let versus = |k: usize| words.get(k).is_some_and(|w| self.versus(w));
            let after_score = match_line && start > 0 && self.final_score(words, start - 1);
            let team = self.number_after(words, end - 1)
                || versus(end)
                || (start > 0 && versus(start - 1))
                || after_score;
            // A full name ("Jim Courier 6-3") is a player; a lone given name ("Chelsea 1") is not.
            let person = (end - start >= 2 && self.is(&words[start], Kind::Given))
                || lexicon.iter().any(|(r, k, _)| {
                    *k == EntityKind::Person
                        && r.start <= words[start].range.start
                        && words[start].range.end <= r.end
                });
            if team && !person {
                let inside = lexicon_inside(&cover[start..end]);
                let whole_org = matches!(inside[..], [li, ..] if lexicon[li].1 == EntityKind::Organization
                    && lexicon[li].0 == (words[start].range.start..words[end - 1].range.end));
                if !whole_org {
                    verdict.dropped.extend(inside);
                    // The two sides of a match's final score name the match the story reports.
                    if match_line {
                        verdict.match_teams.push(words[start].range.start..words[end - 1].range.end);
                    }
                    let confidence = if match_line { 0.65 } else { 0.6 };
                    self.add(words, start, end, EntityKind::Organization, confidence, verdict);
                }
            }
            i = end;
        }
    }

    /// Word `i` of a span is a nationality ("American", "Belgian") before a person's name: an
    /// English text, two to four unknown words after it that begin with a given name or a title
    /// followed by a name ("Jordanian PM Kabariti"), with no head word or nationality ("British
    /// American Tobacco"), and end with no organization's, place's or event's word ("Russian
    /// Orthodox Church", "American Express Co" keep their nationality).
    fn nationality_before_name(&self, words: &[Word<'_>], cover: &[Cover], i: usize, end: usize) -> bool {
        if self.lang != Lang::En || cover[i] != Cover::Free || !self.is(&words[i], Kind::Demonym) {
            return false;
        }
        let rest = (i + 1..end).take_while(|&j| cover[j] == Cover::Free).count();
        if !(2..=4).contains(&rest) {
            return false;
        }
        let (next, tail) = (&words[i + 1], &words[i + rest]);
        // A given name or a title first, and a name after the title ("the late British Prime
        // Minister's address", "Welsh Assembly Government", "European Patent Convention" name
        // no one).
        let named = self.is(next, Kind::Given)
            || self
                .cue_starting(words, i + 1, i + 1 + rest, Kind::Person)
                .is_some_and(|after| after <= i + rest);
        named
            && ![Kind::Demonym, Kind::OrgHead, Kind::PlaceHead].iter().any(|&k| self.is(next, k))
            && ![Kind::OrgTail, Kind::PlaceTail, Kind::LegalForm, Kind::EventTail]
                .iter()
                .any(|&k| self.is(tail, k))
    }

    /// A word that can be part of a name: capitalized and not a day, month or the like.
    fn name_word(&self, w: &Word<'_>) -> bool {
        w.cap
            && !self.is(w, Kind::Skip)
            // "Umumnya", "Alasannya": an Indonesian word with the clitic is not a name.
            && !(self.lang == Lang::Id && !w.acronym && w.key.len() > 5 && w.key.ends_with("nya"))
    }

    /// Splits a span at cues and lexicon mentions and classifies the runs left.
    /// `apposed`: the span is the name of a region's head, set apart by commas after the region.
    /// Returns where such a name starts after this span, if the span ends with its region.
    fn span(
        &self,
        s: Reading<'_, '_>,
        start: usize,
        end: usize,
        initial: bool,
        apposed: bool,
        verdict: &mut Verdict,
    ) -> Option<usize> {
        let Reading { words, cover, lexicon } = s;
        // An award, a competition or a sporting event ("Genesis Prize", "Davis Cup", "Atlanta
        // Games", "London Marathon") is no name of the kinds reported, nor is any place or given
        // name in it; a possessive before it is its owner's ("Spain's Davis Cup").
        let last = &words[end - 1];
        if end - start >= 2 && last.cap && possessive_len(last.text) == 0 && self.is(last, Kind::EventTail) {
            let from =
                (start..end - 1).rev().find(|&k| possessive_len(words[k].text) > 0).map_or(start, |k| k + 1);
            if from < end - 1 {
                verdict.dropped.extend(lexicon_inside(&cover[from..end]));
                if from == start {
                    return None;
                }
                return self.span(s, start, from, initial, apposed, verdict);
            }
        }
        let mut i = start;
        let mut initial = initial;
        // A sentence-initial function word is capitalized only for being first ("Menurut", "The"),
        // unless it is a title ("Dr.", "Mr.") or begins a Balinese name ("I Wayan Sudarma").
        if initial
            && cover[i] == Cover::Free
            && self.is(&words[i], Kind::Stop)
            && !self.is(&words[i], Kind::Person)
            && !self.balinese_marker(words, i)
        {
            i += 1;
            initial = false;
        }
        // Where the name begins: after a sentence-initial function word, which may be its cue ("Di
        // Pasar Induk Beras Cipinang, …" is a place as "di Pasar …" is).
        let lead = i;
        if self.constituency(s, start, end, verdict) || self.mixed(s, i, end, verdict) {
            return None;
        }
        // The context before the span: a lowercase cue word (or phrase) right before it.
        let mut person_cue = apposed
            || self.cue_ending(words, start, Kind::Person).is_some()
            || self.cue_ending(words, start, Kind::Said).is_some();
        let mut blocked = start > 0 && self.is(&words[start - 1], Kind::NotBefore);
        // The word right after a title (a person cue, not a reporting verb) and its office words.
        let mut after_title = self.cue_ending(words, start, Kind::Person).map(|_| start);
        // Where the name after a region's head title would start ([`Kind::Place`] cues that are
        // also person cues: "Bupati", "Wali Kota", "Camat").
        let mut region: Option<usize> = None;
        // A lowercase place head word right before the span ("desa Kutuk"), unless a role makes
        // the span a person ("kepala desa Sutrisno").
        let lowercase_head = if person_cue { None } else { self.lowercase_head(words, start) };
        let mut apposition = None;
        // The rest of a section's name after "dan", then the holder's.
        if cover[start] == Cover::Free && self.section_goes_on(words, start) {
            i = self.section_words_end(words, cover, start, end);
            person_cue = true;
            after_title = Some(i);
            initial = false;
        }
        while i < end {
            // A phrase that names a thing, not a place or a body ("Pasar Modal", the capital
            // market): no name, and no part of one ("Pengawas Pasar Modal OJK Inarno Djajadi").
            if let Some(after) = self.cue_starting(words, i, end, Kind::Skip).filter(|&e| e > i + 1) {
                if cover[i..after].iter().all(|c| *c == Cover::Free) {
                    i = after;
                    initial = false;
                    continue;
                }
            }
            // A lexicon mention: kept, and it carries a title's context past it ("Gubernur Jawa
            // Barat Ridwan Kamil").
            // A known place that opens an English organization named head last ("Oklahoma State
            // University") is read with the head below.
            let place_led = (self.lang == Lang::En && !person_cue && matches!(cover[i], Cover::Lexicon(_)))
                .then(|| self.head_last(s, i, end))
                .flatten();
            if let (Cover::Lexicon(li), None) = (cover[i], place_led) {
                let last = (i..end).take_while(|&j| cover[j] == Cover::Lexicon(li)).last().unwrap_or(i);
                // "Coach Unai Emery": in English a title comes after the place it serves
                // ("California Governor Gavin Newsom"), so a one-word town after a title, with one
                // given name after it, is the holder's name.
                if person_cue && region.is_none() && self.town_and_given_name(s, i, end) {
                    verdict.dropped.insert(li);
                    self.add(words, i, end, EntityKind::Person, 0.75, verdict);
                    return None;
                }
                // "Kepala Desa Kendal", "Camat Depok": the head of a village or a district names a
                // unit below the lexicon, not the regency or the city that shares its name; a
                // name between commas after it is the head's ("Kades Bogor, Suparman, menolak").
                if region == Some(i)
                    && !blocked
                    && lexicon[li].1 == EntityKind::Place
                    && lexicon[li].0.start == words[i].range.start
                    && self
                        .cue_ending(words, i, Kind::SmallUnit)
                        .is_some_and(|c| self.apart_from(&words[c], lexicon[li].2))
                {
                    verdict.dropped.insert(li);
                    self.add(words, i, last + 1, EntityKind::Place, 0.6, verdict);
                    if last + 1 == end
                        && self.comma_before_capital(words, end)
                        && !self.is(&words[end], Kind::Given)
                        && self.holder_in_commas(s, end)
                    {
                        apposition = Some(end);
                    }
                    i = last + 1;
                    initial = false;
                    region = None;
                    continue;
                }
                // A head word longer than the mention it starts with names what follows ("Bandar
                // Udara Internasional …" is an airport, not the town "Bandar"): read below.
                let head = self
                    .cue_starting(words, i, end, Kind::OrgHead)
                    .or_else(|| self.cue_starting(words, i, end, Kind::PlaceHead));
                if head.is_none_or(|h| h <= last + 1) {
                    // "kabupaten Pati": a lowercase head word belongs to a known place's name as it
                    // does to an unknown one's (and as "Kabupaten Pati" is read).
                    let (r, kind, unit) = &lexicon[li];
                    if i == start && *kind == EntityKind::Place && r.start == words[i].range.start {
                        if let Some((c, true)) = lowercase_head {
                            if self.below_the_lexicon(&words[c], *unit) {
                                // "desa Bogor" is a village, not the city the lexicon knows.
                                verdict.dropped.insert(li);
                                self.add(words, c, last + 1, EntityKind::Place, 0.6, verdict);
                            } else {
                                verdict.widened.push((li, words[c].range.start..r.end));
                            }
                        }
                    }
                    // A company's legal form after it is its own ("Saham PT Bank Central Asia Tbk").
                    let legal_forms = (last + 1..end)
                        .take_while(|&j| cover[j] == Cover::Free && self.is(&words[j], Kind::LegalForm))
                        .count();
                    if legal_forms > 0 && *kind == EntityKind::Organization {
                        verdict.widened.push((li, r.start..words[last + legal_forms].range.end));
                        i = last + legal_forms + 1;
                        initial = false;
                        blocked = false;
                        continue;
                    }
                    // An organization's head before a known place makes one organization ("Bank
                    // Indonesia" is in the lexicon; "Universitas Riau" may not be): handled below.
                    i = last + 1;
                    initial = false;
                    blocked = false;
                    continue;
                }
            }
            // "American Oliver McCall", "Belgian Kris Goossens": in English a nationality before
            // a person's name is no part of it, and tells that the name is a person's.
            if self.nationality_before_name(words, cover, i, end) {
                i += 1;
                person_cue = true;
                initial = false;
                continue;
            }
            // A person cue inside the span ("Presiden", "Menteri", "Foreign Minister", "Wakil
            // Sekretaris Jenderal"), office words allowed before it.
            let mut k = i;
            while k < end && cover[k] == Cover::Free && self.is(&words[k], Kind::Office) {
                k += 1;
            }
            // (Not a title joined by a hyphen to the next word: "Stelios Haji-Ioannou".)
            let cue = self
                .cue_starting(words, i, end, Kind::Person)
                .or_else(|| self.cue_starting(words, k, end, Kind::Person))
                .filter(|&after| !self.text[words[after - 1].range.end..].starts_with('-'));
            if let Some(after) = cue {
                i = after;
                person_cue = true;
                initial = false;
                // A head of a region (also a place cue: "Bupati", "Camat", "Lurah") is followed by
                // the region's name, then the holder's.
                region = self.cue_ending(words, after, Kind::Place).map(|_| after);
                i = self.office_end(s, i, end);
                after_title = Some(i);
                continue;
            }
            if initial && self.is(&words[i], Kind::Said) {
                i += 1;
                initial = false;
                person_cue = true;
                continue;
            }
            // An organization or a place named by its head word: to the end of the span (or the
            // next person cue), taking in any lexicon mentions.
            let mut org = self.cue_starting(words, i, end, Kind::OrgHead);
            let place = self.cue_starting(words, i, end, Kind::PlaceHead);
            // English puts an organization's head last ("the Agriculture Department", "World
            // Boxing Council"): unknown names right before the head are the organization's own.
            let mut head_start = i;
            if org.is_none() && place.is_none() && self.lang == Lang::En && !person_cue {
                if let Some((h, head_end)) = place_led.or_else(|| self.head_last(s, i, end)) {
                    head_start = h;
                    org = Some(head_end);
                }
            }
            if let Some(head_end) = org.or(place) {
                let kind = if org.is_some() { EntityKind::Organization } else { EntityKind::Place };
                let mut j = head_end;
                // A street keeps the titles in its name ("Jl. Jend. Sudirman"), and so does a
                // hospital, a mosque or a stadium named after someone ("RSUP Dr. Sardjito").
                let street =
                    org.is_none() || self.cue_starting(words, head_start, end, Kind::Facility).is_some();
                // English names go on through further heads ("National Bank of Poland",
                // "Federal Open Market Committee") unless a connector leads to the next name.
                // Nor does an organization take in a person the lexicon knows, past the word after
                // its head ("Wakil Ketua Komisi III DPR Ahmad Sahroni"; "Yayasan Habibie" is named
                // after him). A title that ends the span names no one: it is the organization's
                // ("Majelis Kehormatan Jaksa", "Ministry of Justice"; not right after the head,
                // "Kantor Bupati").
                let known_person = |j: usize| {
                    j > head_end
                        && cover[j - 1] != cover[j]
                        && matches!(cover[j], Cover::Lexicon(li) if lexicon[li].1 == EntityKind::Person)
                };
                while j < end
                    && (street
                        || (self
                            .cue_starting(words, j, end, Kind::Person)
                            .is_none_or(|after| after == end && j > head_end)
                            && !known_person(j)))
                    && (!self.head_at(words, j, end)
                        || (self.lang == Lang::En && kind == EntityKind::Organization && words[j - 1].cap))
                {
                    j += 1;
                }
                // A connector that led to the next name is no part of this one ("Pangkalan Udara
                // Sugiri Sukani dan Pangkalan Udara …").
                if j < end {
                    while j > head_end && !words[j - 1].cap {
                        j -= 1;
                    }
                }
                // After a title, a given name and more after the organization's known place is the
                // title holder's name ("Kepala Stasiun Klimatologi Jawa Barat Rahmat Prasetia").
                let mut holder = None;
                let titled = person_cue || (i > start && self.is(&words[i - 1], Kind::Office));
                if titled && kind == EntityKind::Organization {
                    let q = (head_end + 1..j).find(|&q| {
                        matches!(cover[q - 1], Cover::Lexicon(_))
                            && cover[q..j].iter().all(|c| *c == Cover::Free)
                            && (self.is(&words[q], Kind::Given) || self.balinese_marker(words, q))
                    });
                    if let Some(q) = q.filter(|&q| j - q >= 2 || self.said_after(words, j)) {
                        holder = Some(q..j);
                        j = q;
                    }
                }
                // An agency's acronym before the region it serves is the agency ("Kepala BPBD
                // Kabupaten Garut"), as "Dinas Pendidikan Kota Bandung" gives the office and the
                // city.
                let agency = org.is_some()
                    && j == head_end
                    && words[head_end - 1].acronym
                    && self.cue_starting(words, i, end, Kind::Facility).is_none()
                    && self.cue_starting(words, j, end, Kind::PlaceHead).is_some()
                    && matches!(cover.get(j), Some(Cover::Lexicon(li)) if lexicon[*li].1 == EntityKind::Place);
                if j > head_end || head_start > i || agency {
                    // A school, hotel or mosque where something happens is a place ("di Hotel
                    // Preanger", "at Wembley Stadium"); otherwise it is the organization.
                    let at = i == lead && self.cue_ending(words, lead, Kind::Place).is_some();
                    let facility = self.cue_starting(words, head_start, end, Kind::Facility).is_some();
                    let kind = if at && facility { EntityKind::Place } else { kind };
                    self.headed(s, i, j, kind, verdict);
                    if let Some(h) = holder {
                        self.add(words, h.start, h.end, EntityKind::Person, 0.75, verdict);
                        j = h.end;
                    }
                    i = j;
                    initial = false;
                    person_cue = false;
                    continue;
                }
            }
            // After a title and the organization it names, office words go on with the title
            // ("Ketua DPP PDIP Bidang Ekonomi Hendrawan Supratikno"): the name comes after them.
            if person_cue
                && i > start
                && cover[i] == Cover::Free
                && self.is(&words[i], Kind::Office)
                && matches!(cover[i - 1], Cover::Lexicon(li) if lexicon[li].1 == EntityKind::Organization)
            {
                i = self.office_end(s, i, end);
                after_title = Some(i);
                continue;
            }
            // A title's word before the office it heads is no name ("kata Kepala Satuan Reserse …").
            if cover[i] == Cover::Free && self.is(&words[i], Kind::Office) && self.head_at(words, i + 1, end)
            {
                i += 1;
                initial = false;
                continue;
            }
            // A connector is never a name by itself.
            if !self.name_word(&words[i]) && !self.balinese_marker(words, i) {
                i += 1;
                continue;
            }
            // A run of unknown words up to the next lexicon mention or cue.
            let mut j = i + 1;
            while j < end
                && cover[j] == Cover::Free
                && self.cue_starting(words, j, end, Kind::Person).is_none()
                && !self.head_at(words, j, end)
                && !self.balinese_marker(words, j)
            {
                j += 1;
            }
            // Right after a title, an unknown acronym (no cue of any kind) before a name (from a
            // given name, or two words) is the holder's organization ("Peneliti CSIS Arya
            // Fernandes", "Ketua GAPPRI Ismanu Sumiran"), as a known one is; otherwise the run is
            // an organization ("Panglima ABRI", "ketua SPP Negeri", "anggota PETA Pembela Tanah
            // Air"), unless the title's office goes on after it ("Managing Director LINE Indonesia
            // Ongki Kurniawan"). An acronym in brackets spells the words before it ("Rapat Dewan
            // Gubernur (RDG)").
            // After a title, a lexicon mention, another title or a head after the run: the run is
            // part of the title's office (below).
            let office_goes_on = || {
                j < end
                    && (matches!(cover[j], Cover::Lexicon(_))
                        || self.cue_starting(words, j, end, Kind::Person).is_some()
                        || self.cue_starting(words, j, end, Kind::OrgHead).is_some())
            };
            let bracketed = || self.text[words[i - 1].range.end..words[i].range.start].contains('(');
            if after_title == Some(i)
                && words[i].acronym
                && words[i].text.len() >= 3
                && self.mask(&words[i]) == 0
                && (i == 0 || !bracketed())
                && !office_goes_on()
            {
                if j - i == 3 || (j - i >= 2 && self.is(&words[i + 1], Kind::Given)) {
                    self.add(words, i, i + 1, EntityKind::Organization, 0.6, verdict);
                    i += 1;
                    continue;
                }
                self.add(words, i, j, EntityKind::Organization, 0.6, verdict);
                i = j;
                initial = false;
                person_cue = false;
                continue;
            }
            let headed = self.is(&words[i], Kind::OrgHead) || self.is(&words[i], Kind::PlaceHead);
            // After a title, a run that a lexicon mention follows is the title's office
            // ("Menteri Keadilan Sierra Leone Frank Kargbo"): the name comes later.
            // A given name and the lexicon word after it are one person ("Drs Ahmad Hamid").
            if j < end && j == i + 1 && self.is(&words[i], Kind::Given) {
                if let Cover::Lexicon(li) = cover[j] {
                    let one_word = lexicon[li].0 == words[j].range;
                    if one_word
                        && lexicon[li].1 != EntityKind::Person
                        && (j + 1 == end || cover[j + 1] == Cover::Free)
                    {
                        verdict.dropped.insert(li);
                        self.add(words, i, j + 1, EntityKind::Person, 0.6, verdict);
                        i = j + 1;
                        initial = false;
                        person_cue = false;
                        blocked = false;
                        continue;
                    }
                }
            }
            // "Camat Genuk, Slamet Riyadi," and "Camat Genuk Slamet Riyadi": an unknown name right
            // after a region's head, with a given name after a comma or inside the run, is the
            // region; the full name from the given name on is the holder.
            if region == Some(i) && !blocked && !self.is(&words[i], Kind::Given) {
                // After the comma, the holder's given name or the region's own region ("Kepala
                // Desa Sukamaju, Kabupaten Garut, Asep Saepudin").
                let comma = j == end && self.comma_before_capital(words, j);
                let in_commas = comma && !self.is(&words[j], Kind::Given) && self.holder_in_commas(s, j);
                let after_comma = comma
                    && (self.is(&words[j], Kind::Given)
                        || self.is(&words[j], Kind::PlaceHead)
                        || matches!(cover[j], Cover::Lexicon(li) if lexicon[li].1 == EntityKind::Place)
                        || in_commas);
                let holder = self.full_name_from(s, i + 1, j);
                // "Lurah Menteng Agus Salim": a person the lexicon knows right after it.
                let known_holder =
                    matches!(cover.get(j), Some(Cover::Lexicon(li)) if lexicon[*li].1 == EntityKind::Person);
                if after_comma || holder.is_some() || known_holder {
                    let q = holder.unwrap_or(j);
                    self.add(words, i, q, EntityKind::Place, 0.6, verdict);
                    if q < j {
                        self.add(words, q, j, EntityKind::Person, 0.75, verdict);
                    } else if in_commas {
                        apposition = Some(j);
                    }
                    i = j;
                    initial = false;
                    person_cue = false;
                    region = None;
                    continue;
                }
            }
            // After a title, a name that ends in an organization's last word ("Sekuritas",
            // "Group") before two words more is the holder's organization, then the holder
            // ("analis Mirae Asset Sekuritas Nafan Aji Gusta", "chairman Lippo Group John Riady").
            if person_cue && !blocked && !headed && j - i >= 4 {
                let tail =
                    (i + 1..j - 2).find(|&k| self.is(&words[k], Kind::OrgTail) && words[k].text.len() > 2);
                if let Some(t) = tail {
                    self.add(words, i, t + 1, EntityKind::Organization, 0.6, verdict);
                    self.add(words, t + 1, j, EntityKind::Person, 0.75, verdict);
                    i = j;
                    initial = false;
                    person_cue = false;
                    continue;
                }
            }
            let office = person_cue && office_goes_on();
            if !blocked && !headed && !office && !self.not_after(words, j) {
                // From a quotation's first word if the run follows it ("\"Ketika Cinta Bertasbih\"").
                let quoted = self.quoted(words, if i == lead { start } else { i }, j);
                let run = Run { start: i, end: j, initial, person_cue, span_end: end, quoted };
                if let Some((c, kept)) = lowercase_head.filter(|_| i == start && !quoted) {
                    self.add(words, if kept { c } else { i }, j, EntityKind::Place, 0.6, verdict);
                } else if let Some((kind, confidence)) = self.classify(words, &run) {
                    self.add(words, i, j, kind, confidence, verdict);
                } else if j - i >= 2 && !quoted && self.country_after(s, j) {
                    // "Jansher Khan (Pakistan) beat …", "Aliuska Lopez (Cuba) 12.56": a full name
                    // with the place it comes from in brackets is a person.
                    self.add(words, i, j, EntityKind::Person, 0.7, verdict);
                }
            }
            i = j;
            initial = false;
            person_cue = office;
            blocked = false;
        }
        apposition
    }

    /// Word `i` opens an English quotation: an opening quotation mark right before it, at the
    /// sentence's start or after a colon or a comma (a title in quotation marks follows a plain
    /// space: 'film "The Winter of Our Discontent"'). Indonesian copy quotes English titles after
    /// commas too ('talk show-nya sendiri, "The Tyra Banks Show"'), and its speech opens with few
    /// capitalized function words that could be names.
    fn opens_quotation(&self, words: &[Word<'_>], i: usize) -> bool {
        let from = if i == 0 { self.sentence.start } else { words[i - 1].range.end };
        let gap = &self.text[from..words[i].range.start];
        let Some(mark) = gap.chars().next_back() else { return false };
        let before = gap[..gap.len() - mark.len_utf8()].trim_end_matches(' ');
        self.lang == Lang::En
            && matches!(mark, '"' | '“' | '‘' | '«')
            && ((i == 0 && before.is_empty()) || before.ends_with(':') || before.ends_with(','))
    }

    /// The run stands alone between quotation marks: a title of a work, a slogan.
    fn quoted(&self, words: &[Word<'_>], start: usize, end: usize) -> bool {
        let before = self.text[self.sentence.start..words[start].range.start].chars().next_back();
        let after = self.text[words[end - 1].range.end..self.sentence.end].chars().next();
        before.is_some_and(|c| matches!(c, '"' | '“' | '\'' | '‘' | '«'))
            && after.is_some_and(|c| matches!(c, '"' | '”' | '\'' | '’' | '»'))
    }

    /// A span of one lexicon mention and unknown capitalized words around it, with no cue among
    /// them, is one name: "Jason Stoltenberg" (a person by the given name), "Torpedo Moscow",
    /// "Texas Rangers", "Karachi Stock Exchange" (an organization named after a place).
    fn mixed(&self, s: Reading<'_, '_>, start: usize, end: usize, verdict: &mut Verdict) -> bool {
        let Reading { words, cover, lexicon } = s;
        if end - start < 2 {
            return false;
        }
        let mut inside = lexicon_inside(&cover[start..end]);
        inside.dedup();
        let [li] = inside[..] else { return false };
        let free: Vec<usize> = (start..end).filter(|&j| cover[j] == Cover::Free).collect();
        // A tail word closes the name ("New York University", "Nashville Songwriters Association").
        let tail_word = |j: usize| {
            j == end - 1 && (self.is(&words[j], Kind::OrgTail) || self.is(&words[j], Kind::PlaceTail))
        };
        if free.is_empty()
            || free
                .iter()
                .any(|&j| (self.role_or_function_word(&words[j]) && !tail_word(j)) || words[j].acronym)
        {
            return false;
        }
        // A word the mention ends inside is the mention's own, with a possessive ("the Soviet
        // Union's trade"), not an unknown word beside it.
        let (r, ..) = &lexicon[li];
        if free.iter().any(|&j| words[j].range.start < r.end && r.start < words[j].range.end) {
            return false;
        }
        let kind = lexicon[li].1;
        // A name that opens with its head word starts there: "Saham" before "PT Bank Central Asia"
        // is a sentence's first word, no part of the company's name.
        let first = (start..end).find(|&j| cover[j] == Cover::Lexicon(li)).unwrap_or(start);
        if first > start && self.cue_starting(words, first, end, Kind::OrgHead).is_some() {
            return false;
        }
        // A company's legal form after a known organization is its own ("PT Bank Central Asia Tbk"
        // is the lexicon's "PT Bank Central Asia").
        if kind == EntityKind::Organization
            && free.iter().all(|&j| words[j].range.start >= r.end && self.is(&words[j], Kind::LegalForm))
        {
            verdict.widened.push((li, words[start].range.start.min(r.start)..words[end - 1].range.end));
            return true;
        }
        // The first word is free, or is the lexicon's one-word match ("Austin" in "Austin Butler").
        let first_free = cover[start] == Cover::Free || lexicon[li].0 == words[start].range;
        let tail = &words[end - 1];
        let attributed = kind == EntityKind::Place
            && cover[end - 1] == Cover::Lexicon(li)
            && self.attribution(words, start, end);
        let new_kind = if cover[end - 1] == Cover::Free && self.is(tail, Kind::PlaceTail) {
            EntityKind::Place
        } else if cover[end - 1] == Cover::Free && self.is(tail, Kind::OrgTail) {
            EntityKind::Organization
        } else if first_free && (self.is(&words[start], Kind::Given) || self.initial(words, start)) {
            EntityKind::Person
        } else if self.town_and_given_name(s, start, end) {
            // "Unai Emery", "Paris Jackson": not a club ("Sheffield Wednesday").
            EntityKind::Person
        } else if attributed {
            // "said Attahiru Jega,": the reporting verb before the name tells a speaker ("Dynamo
            // Kiev said" is a club's statement).
            EntityKind::Person
        } else if kind == EntityKind::Place && self.lang == Lang::En {
            EntityKind::Organization
        } else if kind == EntityKind::Person
            && free.iter().all(|&j| words[j].range.start >= r.end)
            && self.text[r.end..words[free[0]].range.start].trim().is_empty()
        {
            // A known person's name with more after it is someone else's: "Dedi Mulyadi
            // Saputra" is not the politician Dedi Mulyadi ("Jokowi-Kalla" is two people).
            EntityKind::Person
        } else {
            return false;
        };
        verdict.dropped.insert(li);
        // A mention that the last word holds before its possessive is the new name's too:
        // "Douglas" of "Michael Douglas's".
        let last = &words[end - 1];
        let own = last.range.start..last.range.end - possessive_len(last.text);
        if cover[end - 1] == Cover::Free && own.len() < last.range.len() {
            // The mentions do not overlap: one at most.
            verdict.dropped.extend(lexicon.iter().position(|(r, ..)| *r == own));
        }
        // A speaker so introduced is as sure as one after a title: later mentions of the family
        // name refer back to it ("said Attahiru Jega, … Jega says"). Other runs stay guesses: as
        // sure, "Maverick Tottenham striker" made every "Tottenham" of a story a person.
        let confidence = if attributed && new_kind == EntityKind::Person { 0.75 } else { 0.55 };
        self.add(words, start, end, new_kind, confidence, verdict);
        true
    }

    /// Words `i..end` are a town the lexicon names by one word and a given name after it (used as
    /// a family name): in English, a person's full name ("Unai Emery", "Paris Jackson").
    fn town_and_given_name(&self, s: Reading<'_, '_>, i: usize, end: usize) -> bool {
        let Reading { words, cover, lexicon } = s;
        self.lang == Lang::En
            && i + 2 == end
            && matches!(cover[i], Cover::Lexicon(li)
                if lexicon[li].1 == EntityKind::Place && lexicon[li].0 == words[i].range)
            && cover[i + 1] == Cover::Free
            && self.is(&words[i + 1], Kind::Given)
    }

    /// Where a holder's full name starts among the free words `from..end`: at the first given
    /// name with a word after it ("Camat Genuk Slamet Riyadi", "Senator for Victoria Jane Hume").
    fn full_name_from(&self, s: Reading<'_, '_>, from: usize, end: usize) -> Option<usize> {
        let Reading { words, cover, .. } = s;
        (from..end)
            .find(|&q| cover[q] == Cover::Free && self.is(&words[q], Kind::Given))
            .filter(|&q| end - q >= 2)
    }

    /// A span after a `constituency` cue names an electoral district, a place, even where it
    /// would read as a club ("the MP for Sheffield Brightside"); a full name after it from a
    /// given name on is the member's ("Senator for Victoria Jane Hume"). False, and nothing done,
    /// for a span the lexicon names whole or that holds a known person or organization.
    fn constituency(&self, s: Reading<'_, '_>, start: usize, end: usize, verdict: &mut Verdict) -> bool {
        let Reading { words, cover, lexicon } = s;
        if self.cue_ending(words, start, Kind::Constituency).is_none() {
            return false;
        }
        let inside = lexicon_inside(&cover[start..end]);
        let whole = |li: usize| lexicon[li].0 == (words[start].range.start..words[end - 1].range.end);
        if inside.iter().any(|&li| lexicon[li].1 != EntityKind::Place || whole(li)) {
            return false;
        }
        let place_end = self.full_name_from(s, start + 1, end).unwrap_or(end);
        verdict.dropped.extend(inside);
        self.add(words, start, place_end, EntityKind::Place, 0.6, verdict);
        if place_end < end {
            self.add(words, place_end, end, EntityKind::Person, 0.75, verdict);
        }
        true
    }

    /// An organization's or a place's head word starts at word `j`: a new name begins there.
    /// Where a field's name that starts at word `i` ends: Indonesian derived nouns, two of them
    /// joined by "dan" ("Kelautan dan Perikanan", "Pencegahan dan Pengendalian"); `None` if word
    /// `i` is no such noun.
    fn field_end(&self, words: &[Word<'_>], i: usize, end: usize) -> Option<usize> {
        if self.lang != Lang::Id || !derived_noun(words[i].text) {
            return None;
        }
        let mut k = i + 1;
        while k < end && (derived_noun(words[k].text) || self.field_join(words, k)) {
            k += 1 + usize::from(!derived_noun(words[k].text));
        }
        Some(k)
    }

    /// Where a title's office words from `i` end, and the holder's name may start: office words
    /// complete the title ("Menteri Luar Negeri"), and so do a board's section ([`Self::section_end`])
    /// and Indonesian nouns of a field before a full name ("Menteri Perikanan Sharif Cicip
    /// Sutardjo"; not "Menteri Perguruan Tinggi dan …").
    fn office_end(&self, s: Reading<'_, '_>, mut i: usize, end: usize) -> usize {
        let Reading { words, cover, .. } = s;
        let field = |i: usize| -> Option<usize> {
            let k = self.field_end(words, i, end)?;
            let m = k + (k..end).take_while(|&q| cover[q] == Cover::Free && words[q].cap).count();
            if m - k < 2 || cover[i..k].iter().any(|c| *c != Cover::Free) {
                return None;
            }
            // The field's last words may be plain nouns ("Pengendalian Penyakit Imran Pambudi"):
            // the name starts at a given name, if one leaves two words.
            Some((k..m - 1).find(|&q| self.is(&words[q], Kind::Given)).unwrap_or(k))
        };
        while i < end && cover[i] == Cover::Free {
            if let Some(k) = self.section_end(s, i, end) {
                return k;
            } else if let Some(k) = field(i) {
                i = k;
            } else if self.is(&words[i], Kind::Office) {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// Where the holder's name starts after a section's word at `i` ("Bidang Ekonomi Hendrawan
    /// Supratikno"; "Bidang Hukum dan …" goes on in the next span).
    fn section_end(&self, s: Reading<'_, '_>, i: usize, end: usize) -> Option<usize> {
        let Reading { words, cover, .. } = s;
        if self.lang != Lang::Id || !self.is(&words[i], Kind::Section) {
            return None;
        }
        Some(self.section_words_end(words, cover, i + 1, end))
    }

    /// Where a section's words from `from` end ([`SentenceRules::section_end`]): at a given name
    /// after the first, or past the office words and fields if two words or more are left for a
    /// name; a section that goes on after the span is all section.
    fn section_words_end(&self, words: &[Word<'_>], cover: &[Cover], from: usize, end: usize) -> usize {
        let m = from + (from..end).take_while(|&q| cover[q] == Cover::Free && words[q].cap).count();
        if let Some(q) = (from + 1..m).find(|&q| self.is(&words[q], Kind::Given)) {
            return q;
        }
        if m == end && words.get(end).is_some_and(|w| matches!(w.text, "dan" | "serta")) {
            return m;
        }
        let k = from
            + (from..m)
                .take_while(|&q| self.is(&words[q], Kind::Office) || derived_noun(words[q].text))
                .count();
        // One word left is the section's too ("Deputi Bidang Informasi, Hukum, dan …").
        if m - k <= 1 {
            m
        } else {
            k
        }
    }

    /// The span at `start` goes on with the name of a title's section after "dan" or "serta"
    /// ("Deputi Komisioner OJK Bidang Edukasi dan Perlindungan Konsumen …"; not "Seksi IV Jurumudi
    /// dan Benda").
    fn section_goes_on(&self, words: &[Word<'_>], start: usize) -> bool {
        if self.lang != Lang::Id || start < 2 || !matches!(words[start - 1].text, "dan" | "serta") {
            return false;
        }
        let mut run = words[..start - 1].iter().rev().take_while(|w| w.cap);
        run.by_ref().any(|w| self.is(w, Kind::Section)) && run.any(|w| self.is(w, Kind::Person))
    }

    /// Word `k` is the "dan" or "serta" between two derived nouns of a field's name.
    fn field_join(&self, words: &[Word<'_>], k: usize) -> bool {
        self.lang == Lang::Id
            && k > 0
            && matches!(words[k].text, "dan" | "serta")
            && derived_noun(words[k - 1].text)
            && words.get(k + 1).is_some_and(|w| derived_noun(w.text))
    }

    /// Where an English organization's head starts and ends, when unknown names from `i` lead up to it
    /// ("Agriculture Department", "Professional Squash Association"); `None` if another kind of
    /// word comes first.
    fn head_last(&self, s: Reading<'_, '_>, i: usize, end: usize) -> Option<(usize, usize)> {
        let Reading { words, cover, lexicon } = s;
        let mut k = i;
        // A known place may open it ("U.S. Treasury Department", "Michigan National Bank").
        if let Cover::Lexicon(li) = cover[i] {
            if lexicon[li].1 != EntityKind::Place || lexicon[li].0.start != words[i].range.start {
                return None;
            }
            while k < end && cover[k] == Cover::Lexicon(li) {
                k += 1;
            }
            if k < end && words[k].range.start > lexicon[li].0.end + 1 {
                return None;
            }
        }
        while k < end && cover[k] == Cover::Free && self.name_word(&words[k]) {
            if let Some(head_end) = self.cue_starting(words, k, end, Kind::OrgHead) {
                return (k > i).then_some((k, head_end));
            }
            // Not "the" ("The Japanese Food Agency" is read from "Japanese"), nor a possessor
            // ("Wednesday's Commission").
            if self.cue_starting(words, k, end, Kind::Person).is_some()
                || self.head_at(words, k, end)
                || self.is(&words[k], Kind::Stop)
                || possessive_len(words[k].text) > 0
                || self.text[words[k].range.end..].starts_with(['\'', '’'])
            {
                return None;
            }
            k += 1;
        }
        None
    }

    fn head_at(&self, words: &[Word<'_>], j: usize, end: usize) -> bool {
        self.cue_starting(words, j, end, Kind::OrgHead).is_some()
            || self.cue_starting(words, j, end, Kind::PlaceHead).is_some()
    }

    /// Word `i` is an initial: one capital letter and a period ("G. Thorpe").
    fn initial(&self, words: &[Word<'_>], i: usize) -> bool {
        let w = &words[i];
        w.text.chars().count() == 1 && w.cap && self.text[w.range.end..].starts_with(". ")
    }

    /// Word `i` is the "I" (men) or "Ni" (women) that begins a Balinese name, right before a
    /// birth-order name or a title ("I Wayan Sudarma", "Ni Luh Putu Sari", "I Gusti Ngurah Rai").
    fn balinese_marker(&self, words: &[Word<'_>], i: usize) -> bool {
        matches!(words[i].text, "I" | "Ni")
            && words.get(i + 1).is_some_and(|next| {
                next.cap && self.is(next, Kind::Balinese) && self.joinable(&words[i], next)
            })
    }

    /// A name with a head word: "Kabupaten Bogor" widens the lexicon's "Bogor"; "Desa
    /// Kedungbulus" or "Universitas Riau" is a new entity over the whole run.
    fn headed(&self, s: Reading<'_, '_>, start: usize, end: usize, kind: EntityKind, verdict: &mut Verdict) {
        let Reading { words, cover, lexicon } = s;
        let inside = lexicon_inside(&cover[start..end]);
        let mut distinct = inside.clone();
        distinct.dedup();
        // The head and one lexicon mention of the same kind: the mention takes in the head, and a
        // company's legal form after it ("PT Bank Central Asia Tbk" is the lexicon's BCA).
        if let [li] = distinct[..] {
            let (r, k, unit) = &lexicon[li];
            let rest_free = cover[start..end].iter().filter(|c| **c == Cover::Free).count();
            let head_words = (start..end).take_while(|&j| cover[j] == Cover::Free).count();
            let legal_forms = (start..end)
                .rev()
                .take_while(|&j| cover[j] == Cover::Free && self.is(&words[j], Kind::LegalForm))
                .count();
            // A building or an institution named after a place is another place ("di Istora
            // Senayan", "di Stasiun Gambir").
            if *k == kind
                && !(kind == EntityKind::Place
                    && (self.below_the_lexicon(&words[start], *unit)
                        || self.cue_starting(words, start, end, Kind::Facility).is_some()))
                && head_words < end - start
                && rest_free == head_words + legal_forms
                && r.end == words[end - 1 - legal_forms].range.end
            {
                verdict.widened.push((li, words[start].range.start..words[end - 1].range.end));
                return;
            }
        }
        // Otherwise one new entity over the run, unless the lexicon already names all of it.
        if inside.len() == end - start {
            return;
        }
        verdict.dropped.extend(distinct);
        self.add(words, start, end, kind, 0.8, verdict);
    }

    fn classify(&self, words: &[Word<'_>], run: &Run) -> Option<(EntityKind, f32)> {
        let n = run.end - run.start;
        let first = &words[run.start];
        // "…, a lecturer at Udayana, said": a name after a place cue ("at", "di") and before a
        // comma ends an aside, and the reporting verb belongs to the subject before it ("…
        // belonging to Detroux, who said" is the person's own).
        let aside = || {
            self.cue_ending(words, run.start, Kind::Place).is_some_and(|c| !words[c].cap)
                && words.get(run.end).is_some_and(|next| {
                    next.key != "who"
                        && self.text[words[run.end - 1].range.end..next.range.start].contains(',')
                })
        };
        let after_said = self.said_after(words, run.end) && !aside();
        let tail = &words[run.end - 1];
        // A tail makes an organization unless a given name starts the run, which then reads as a
        // person; a company's legal form makes one whatever starts it ("Magna International Inc").
        let legal_form = self.is(tail, Kind::LegalForm);
        if n >= 2 && self.is(tail, Kind::OrgTail) && (legal_form || !self.is(first, Kind::Given)) {
            return Some((EntityKind::Organization, 0.75));
        }
        if n >= 2 && self.is(tail, Kind::PlaceTail) {
            return Some((EntityKind::Place, 0.7));
        }
        // "I Made Mudharta", "Wayan Sudarma": the marker and a birth-order name or title want a
        // name after them ("I Made a Vow" is a title).
        let marker = usize::from(self.balinese_marker(words, run.start));
        if n >= 2 + marker && self.is(&words[run.start + marker], Kind::Balinese) {
            return Some((EntityKind::Person, 0.8));
        }
        if n == 1 && first.acronym {
            // In English an unknown acronym names an organization far more often than anything
            // else; Indonesian writes common nouns as acronyms too (BBM, SPBU, SMA, RT).
            return (self.lang == Lang::En && (!run.initial || run.span_end > run.end || after_said))
                .then_some((EntityKind::Organization, 0.5));
        }
        if run.quoted {
            return None;
        }
        // "Officials said": a lone capital at the start of a sentence needs a given name.
        let lone_initial = run.initial && n == 1 && !self.is(first, Kind::Given);
        // "at the Santiago Bernabeu", "at the Vicente Calderon ground": a name that starts with a
        // given name is a place (a stadium, a hall named after someone) after "at the", where
        // "the" keeps no person anyway ("the Clinton administration" keeps one elsewhere).
        let at_the = self.lang == Lang::En
            && !run.person_cue
            && run.start >= 2
            && words[run.start - 1].key == "the"
            && words[run.start - 2].text == "at"
            && n >= 2
            && self.is(first, Kind::Given);
        if at_the {
            // "at the Joseph Rowntree Foundation": an organization's tail keeps its reading.
            return Some(if self.is(tail, Kind::OrgTail) {
                (EntityKind::Organization, 0.6)
            } else {
                (EntityKind::Place, 0.5)
            });
        }
        // "the Conservatives said", "of The Wildlife Trusts said": English names no person
        // after "the" (but for a given name: "the Clinton administration"); what speaks there is
        // a body.
        let article = self.lang == Lang::En
            && (first.text == "The" && !run.initial
                || run.start > 0
                    && matches!(words[run.start - 1].text, "the" | "The")
                    && !self.is(first, Kind::Given));
        if article {
            return (after_said && !run.person_cue).then_some((EntityKind::Organization, 0.6));
        }
        // "Semarang Hari Ini Turun": an Indonesian function word inside makes a run no name of a
        // person (a title-case headline's words).
        let function_word = self.lang == Lang::Id
            && (run.start + 1..run.end).any(|k| {
                words[k].text.len() >= 3
                    && self.is(&words[k], Kind::Stop)
                    && !self.is(&words[k], Kind::Connector)
            });
        if function_word && !run.person_cue && !after_said {
            return None;
        }
        // "Philippine Foreign Secretary Enrique Manalo": English names come after their titles,
        // and words right before a title are part of it, unless an acronym title ends the span:
        // then it follows its holder's name ("Anas Sarwar MP, …"; "Kristin King" and "Hugh Pope"
        // end with surnames).
        let before_title = self.lang == Lang::En
            && run.end < run.span_end
            && self
                .cue_starting(words, run.end, run.span_end, Kind::Person)
                .is_some_and(|title_end| title_end < run.span_end || !words[run.end].acronym)
            && self.text[words[run.end - 1].range.end..words[run.end].range.start] == *" ";
        if before_title && !after_said {
            return None;
        }
        // "Direktur Jenderal Pencegahan dan Pengendalian Penyakit": an Indonesian noun made with
        // pe-…-an or ke-…-an names an office or a field, never a person.
        if self.lang == Lang::Id && derived_noun(first.text) {
            return None;
        }
        // "Police in Bedfordshire said", "an analyst at Credit Suisse said": what speaks is the
        // subject before; the run names where it is (after "in", a place), or where it works
        // (after "at", an organization).
        let located = self.lang == Lang::En
            && !run.person_cue
            && run.start > 0
            && matches!(words[run.start - 1].text, "in" | "at")
            && !self.is(first, Kind::Given);
        if located && after_said {
            return Some(if words[run.start - 1].text == "in" {
                (EntityKind::Place, 0.6)
            } else {
                (EntityKind::Organization, 0.5)
            });
        }
        if run.person_cue || (after_said && !lone_initial) {
            return Some((EntityKind::Person, 0.85));
        }
        if n >= 2 && self.role_after(words, run.end) {
            return Some((EntityKind::Person, 0.75));
        }
        if n >= 2 && self.initial(words, run.start) {
            return Some((EntityKind::Person, 0.7));
        }
        if self.is(first, Kind::Given) && (n >= 2 || !run.initial) {
            return Some((EntityKind::Person, if n >= 2 { 0.75 } else { 0.55 }));
        }
        None
    }

    /// "warga desa Kutuk", "di kecamatan Undaan", "kota Pati": Indonesian often writes the head
    /// word of a village's or a district's name in lowercase, and the name after it (word `at`)
    /// is then a place all the same. The head word's index, and whether it belongs to the name as
    /// it does capitalized ("Desa Kedungbulus"), not when it is a common noun before the name
    /// ("kota", "pulau", "gunung", "provinsi"). The callers leave out names after a role
    /// ("kepala desa Sutrisno"); a reporting verb after the name changes nothing ("… dari desa
    /// Kutuk mengatakan": a village does not speak, someone from it does).
    fn lowercase_head(&self, words: &[Word<'_>], at: usize) -> Option<(usize, bool)> {
        if self.lang != Lang::Id {
            return None;
        }
        let c = self
            .cue_ending(words, at, Kind::PlaceHead)
            .or_else(|| self.cue_ending(words, at, Kind::PlaceBefore))?;
        let head = &words[c];
        let gap = &self.text[head.range.end..words[at].range.start];
        if head.cap || c + 1 != at || gap != " " {
            return None;
        }
        // "desa-desa Rohingya", "banyak desa Rohingya", "tiga desa Rohingya": villages of a
        // people, not one named village.
        let plural = c > 0 && {
            let before = &words[c - 1];
            self.text[before.range.end..head.range.start] == *"-"
                || (!before.cap && (self.is(before, Kind::Plural) || before.figures()))
        };
        if plural {
            return None;
        }
        if self.is(head, Kind::PlaceHeadLower) {
            Some((c, true))
        } else {
            self.is(head, Kind::PlaceBefore).then_some((c, false))
        }
    }

    /// An apposition that gives the run's role, after a comma: "Mukhtar Babayev, Azerbaijan's
    /// ecology minister", "Wopke Hoekstra, the EU's climate commissioner". Up to four words
    /// before the role: articles, one possessive name and lowercase words that are no function
    /// words.
    fn role_after(&self, words: &[Word<'_>], end: usize) -> bool {
        let Some(next) = words.get(end) else { return false };
        if self.text[words[end - 1].range.end..next.range.start] != *", " {
            return false;
        }
        let mut possessive = false;
        for k in end..words.len().min(end + 5) {
            let w = &words[k];
            if k > end && self.text[words[k - 1].range.end..w.range.start].trim() != "" {
                return false; // punctuation before the role
            }
            if !w.cap && self.cue_starting(words, k, words.len(), Kind::Person).is_some() {
                return true;
            }
            // Articles, yes; other function words mean a clause or a list goes on ("Piala FA,
            // stadion ini juga menjadi tuan rumah …", "Piala Liga Inggris, dan tuan rumah …").
            let article =
                matches!(&*w.key, "the" | "a" | "an" | "its" | "his" | "her" | "their" | "seorang" | "sang");
            if !w.cap && !article && self.is(w, Kind::Stop) {
                return false;
            }
            let owner = w.cap && !possessive && possessive_len(w.text) > 0;
            if w.cap && !owner {
                return false;
            }
            possessive |= owner;
        }
        false
    }

    /// Word `j` is capitalized and a comma (only) stands between it and the word before.
    fn comma_before_capital(&self, words: &[Word<'_>], j: usize) -> bool {
        j > 0
            && words
                .get(j)
                .is_some_and(|w| w.cap && self.text[words[j - 1].range.end..w.range.start].trim() == ",")
    }

    /// An apposition's name at word `at`, after a region's head and its region: a run of unknown
    /// capitalized words (no cue, no day) closed by a comma or a reporting verb ("Camat Sepaku,
    /// Risna Hermawati, mengatakan …", "Kepala Desa Bumi Harapan, Sumarni, menolak …").
    fn holder_in_commas(&self, s: Reading<'_, '_>, at: usize) -> bool {
        let Reading { words, cover, .. } = s;
        let end = (at..words.len().min(at + 4))
            .take_while(|&k| {
                let w = &words[k];
                cover[k] == Cover::Free
                    && self.name_word(w)
                    && !self.role_or_function_word(w)
                    && (k == at || self.joinable(&words[k - 1], w))
            })
            .last()
            .map_or(at, |k| k + 1);
        end > at
            && words.get(end).is_some_and(|next| {
                let gap = &self.text[words[end - 1].range.end..next.range.start];
                !next.cap && (gap.trim() == "," || (gap.trim().is_empty() && self.is(next, Kind::Said)))
            })
    }

    /// An inverted attribution: a reporting verb right before the run, which ends the sentence or
    /// its clause ("…," said Attahiru Jega, the commission's chairman; not "menegaskan, Honda
    /// Indonesia tidak …" nor "She told Good Morning Wales:").
    fn attribution(&self, words: &[Word<'_>], start: usize, end: usize) -> bool {
        if self.cue_ending(words, start, Kind::Said).is_none() {
            return false;
        }
        let before = &self.text[words[start - 1].range.end..words[start].range.start];
        let after = self.text[words[end - 1].range.end..self.sentence.end].chars().next();
        before.chars().all(char::is_whitespace) && after.is_none_or(|c| matches!(c, ',' | '.'))
    }

    /// A reporting verb after the run, past a comma or a closing quote.
    fn said_after(&self, words: &[Word<'_>], end: usize) -> bool {
        let Some(next) = words.get(end) else { return false };
        let gap = &self.text[words[end - 1].range.end..next.range.start];
        gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '"' | '”' | '’' | '\''))
            && !next.cap
            && self.is(next, Kind::Said)
    }

    fn add(
        &self,
        words: &[Word<'_>],
        start: usize,
        end: usize,
        kind: EntityKind,
        confidence: f32,
        verdict: &mut Verdict,
    ) {
        let mut range = words[start].range.start..words[end - 1].range.end;
        // "Blair's office", "the National Football League's": Unicode words keep the possessive,
        // which is no part of a person's or a place's name, nor of a longer organization's; a
        // one-word organization may end so ("Moody's", "Sotheby's").
        if kind != EntityKind::Organization || end - start >= 2 {
            range.end -= possessive_len(words[end - 1].text);
        }
        // "Kim Sang-sik", "Air Terjun Sipiso-piso": the lowercase parts of a hyphenated word,
        // which Unicode words split off, are the name's own, but for a `suffix` ("Smith-led"), a
        // function word (a dash: "Henry Potter-juga"; two letters are a syllable: "Moon Jae-in")
        // or after an acronym ("LGBT-inclusive").
        let mut k = end;
        let acronym = words[end - 1].text.chars().all(char::is_uppercase);
        while let Some(w) = words.get(k).filter(|w| {
            !acronym
                && w.range.start == range.end + 1
                && self.text[range.end..].starts_with('-')
                && !w.cap
                && w.text.chars().all(char::is_alphabetic)
                && !self.is(w, Kind::Suffix)
                && !(w.text.len() > 2 && self.is(w, Kind::Stop))
        }) {
            range.end = w.range.end;
            k += 1;
        }
        // A team's age group is its name's end ("Timnas U-23"), where Unicode words split it.
        let age_group = self.text[range.end..]
            .strip_prefix('-')
            .map(|rest| rest.bytes().take_while(u8::is_ascii_digit).count());
        if kind == EntityKind::Organization && words[end - 1].text == "U" && age_group == Some(2) {
            range.end += 3;
        }
        let mut name = self.text[range.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
        // A lowercase head word is capitalized in the name: "desa Kutuk" and "Desa Kutuk" are one
        // village, "Desa Kutuk".
        if !words[start].cap {
            name = name.chars().take(1).flat_map(char::to_uppercase).chain(name.chars().skip(1)).collect();
        }
        verdict.added.push(Mention {
            range,
            sentence: self.index,
            source: MentionSource::Rule,
            kind,
            target: Target::New(name),
            confidence,
        });
    }
}

/// The length in bytes of the possessive ending a word ("Blair's", "Tolberry’s"), or 0.
pub(crate) fn possessive_len(word: &str) -> usize {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find(|s| word.len() > s.len() && word.ends_with(*s))
        .map_or(0, |s| s.len())
}

/// A run of unknown capitalized words and what stands around it.
struct Run {
    start: usize,
    end: usize,
    initial: bool,
    person_cue: bool,
    span_end: usize,
    quoted: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_cues_parse() {
        let c = Cues::builtin();
        assert!(c.set(Kind::Person).contains("presiden") && c.set(Kind::Person).contains("dr"));
        assert!(c.set(Kind::Said).contains("kata") && c.set(Kind::OrgTail).contains("tbk"));
        assert!(c.is_given_name("Ahmad") && c.set(Kind::Stop).contains("menurut"));
        assert!(c.set(Kind::PlaceHeadLower).contains("desa") && c.set(Kind::PlaceBefore).contains("kota"));
        assert!(c.set(Kind::Plural).contains("banyak") && c.set(Kind::LegalForm).contains("inc"));
        assert!(c.set(Kind::Initials).contains("berinisial") && c.set(Kind::Initials).contains("tersangka"));
    }

    /// The look-ups through word masks against the sets themselves, on every cue phrase of
    /// every kind (each written between other words) and on the seed article.
    #[test]
    fn word_masks_answer_as_the_cue_sets_do() {
        let mut cues = Cues::builtin();
        let several = Kind::ALL.iter().flat_map(|&k| cues.set(k)).filter(|p| p.contains(' ')).count();
        let mut text = String::from(include_str!("../samples/seed-article.txt"));
        // A space and a combining mark make one Unicode word, a key with a space; a cue written
        // with two spaces ends with it (the word's key joined to "kata" by the phrase's space).
        text.push_str(" Kata \u{0DF3} dan presiden \u{0DF3}.");
        for kind in Kind::ALL {
            let mut phrases: Vec<&String> = cues.set(kind).iter().collect();
            phrases.sort();
            for p in phrases {
                text.push_str(&format!(" Kata {p} Baru dan {} itu.", p.to_uppercase()));
            }
        }
        cues.set_mut(Kind::Person).insert("kata  \u{0DF3}".into());
        cues.index();
        let rules = SentenceRules {
            cues: &cues,
            text: &text,
            sentence: 0..text.len(),
            index: 0,
            lang: Lang::Id,
            title: false,
        };
        let given = crate::tokenize::sentence_words(&text, &(0..text.len()));
        let words = rules.words(&given);
        assert!(words.iter().any(|w| w.key.contains(' ')), "a word key with a space is read");
        let spaced = words.iter().position(|w| w.key.contains(' ')).expect("the word with a space");
        assert_eq!(rules.cue_ending(&words, spaced + 1, Kind::Person), Some(spaced - 1));
        let (mut starts, mut ends) = (0, 0);
        for kind in Kind::ALL {
            let set = cues.set(kind);
            for i in 0..words.len() {
                assert_eq!(rules.is(&words[i], kind), set.contains(&words[i].key[..]), "{kind:?} {i}");
                // The phrase look-ups, written out without the masks.
                let to = i + MAX_CUE_WORDS.min(words.len() - i);
                let (joined, bounds) = phrase(&words[i..to]);
                let want = (i..to).rev().find(|&l| set.contains(&joined[..bounds[l - i].1])).map(|l| l + 1);
                assert_eq!(rules.cue_starting(&words, i, words.len(), kind), want, "{kind:?} from {i}");
                starts += usize::from(want.is_some_and(|e| e > i + 1));
                let end = i + 1;
                let from = end - MAX_CUE_WORDS.min(end);
                let (joined, bounds) = phrase(&words[from..end]);
                let want = (from..end).find(|&st| set.contains(&joined[bounds[st - from].0..]));
                assert_eq!(rules.cue_ending(&words, end, kind), want, "{kind:?} to {end}");
                ends += usize::from(want.is_some_and(|st| st + 1 < end));
            }
            assert_eq!(rules.cue_starting(&words, words.len(), words.len(), kind), None);
            assert_eq!(rules.cue_ending(&words, 0, kind), None);
        }
        // Each phrase of several words is written twice (as is and in capitals): every one found.
        assert!(several > 20 && starts >= 2 * several && ends >= 2 * several, "{several}: {starts}, {ends}");
    }

    #[test]
    fn bad_cue_line_names_the_line() {
        let e = Cues::parse("# c\nplace\tdi\nhero\tx\n", "c.tsv").unwrap_err().to_string();
        assert!(e.contains("c.tsv") && e.contains('3'), "{e}");
    }
}
