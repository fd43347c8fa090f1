//! Tagging people, places and organizations with the lexicons.
//!
//! Every alias is folded (lowercase, diacritics removed, dashes, apostrophes and spaces unified,
//! word starts marked) and compiled once into one Aho-Corasick automaton. The article is folded
//! the same way, one character for one character but for runs of spaces (read as one) and soft
//! hyphens (read as nothing), and a table of origins maps a match straight back to the original
//! text. Each match is then checked against its alias's flags, word boundaries and context; among
//! the survivors the leftmost-longest wins, so "Bank Indonesia" beats "Indonesia" and "Dewan
//! Keamanan PBB" beats "PBB". A last pass links later short forms to a full name seen earlier in
//! the article ("Peskov" after "Dmitry Peskov").

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use daachorse::DoubleArrayAhoCorasick;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::decompose_canonical;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::lexicon::{Alias, Entity, EntityKind, Lexicon};
use crate::rules::{Kind, SentenceRules, Unit};

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionSource {
    /// An alias of the lexicon.
    Lexicon,
    /// A rule over cues and capitalization (`lexicons/cues.tsv`): a name the lexicon lacks.
    Rule,
    /// A short form of a name found earlier in the same article.
    Alias,
}

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An entity of the lexicon, by index.
    Lexicon(usize),
    /// A name the lexicon lacks, by its full form as first written.
    New(String),
}

/// A mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// How it was found.
    pub source: MentionSource,
    /// PERSON, PLACE or ORGANIZATION.
    pub kind: EntityKind,
    /// The entity it refers to.
    pub target: Target,
    /// How sure the tagger is, from 0 to 1.
    pub confidence: f32,
}

impl Mention {
    /// The lexicon entity, if the mention refers to one.
    pub fn entity(&self) -> Option<usize> {
        match self.target {
            Target::Lexicon(e) => Some(e),
            Target::New(_) => None,
        }
    }
}

/// A sentence as the tagger sees it.
#[derive(Debug, Clone)]
pub struct TagSpan {
    /// Byte range of the sentence.
    pub range: Range<usize>,
    /// Whether entities in it count (teasers and menus do not).
    pub tag: bool,
    /// The article's headline, where capitals say nothing: only the lexicons name things in it.
    pub headline: bool,
}

pub use crate::rules::Cues;

/// The compiled lexicon.
pub struct Gazetteer {
    lexicon: Lexicon,
    automaton: DoubleArrayAhoCorasick<u32>,
    /// For each automaton pattern, the aliases that fold to it.
    candidates: Candidates,
    cues: Cues,
}

/// For each automaton pattern, the aliases that fold to it: one flat list cut by offsets (two
/// allocations to load instead of one per pattern).
#[derive(Debug, Default, Serialize, Deserialize)]
struct Candidates {
    start: Vec<u32>,
    aliases: Vec<u32>,
}

impl Candidates {
    fn of(&self, pattern: usize) -> &[u32] {
        &self.aliases[self.start[pattern] as usize..self.start[pattern + 1] as usize]
    }

    fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }
}

/// The built-in lexicons, compiled ahead of time by `cargo run --example compile_lexicons`
/// (a test checks the file is up to date with `lexicons/entities/*.tsv`). Loading it takes a few
/// milliseconds; parsing the TSV files and building the automaton would take hundreds.
const COMPILED: &[u8] = include_bytes!("../lexicons/compiled.bin");

/// `lexicons/compiled.bin` is three length-prefixed parts (u64 LE lengths) that load in
/// parallel: the automaton, the entities (postcard), and the aliases with the pattern table
/// (postcard, [`Compiled`]).
#[derive(Serialize, Deserialize)]
struct Compiled {
    aliases: Vec<Alias>,
    candidates: Candidates,
}

/// The confidence of a lexicon mention, and of one whose alias is flagged common or context (a
/// word or a given name too: "Batu", "Danang", "Jordan").
const LEXICON_CONFIDENCE: f32 = 0.95;
const AMBIGUOUS_CONFIDENCE: f32 = 0.7;
/// The confidence of a short form standing for an entity named in full earlier in the article
/// ("Whitfield" after "Dr. Tarkovan Whitfield", "Udayana" after "Udayana University").
const SHORT_FORM_CONFIDENCE: f32 = 0.8;
/// Places less prominent than this yield to a person's family name in the same article.
const SMALL_PLACE: u8 = 50;

/// The word right before byte `at` in `text`, from `from` (a sentence's start) on.
fn word_before(text: &str, from: usize, at: usize) -> Option<&str> {
    text[from..at].trim_end().rsplit(char::is_whitespace).next().filter(|w| !w.is_empty())
}

/// The next length-prefixed part of `bytes`, and the rest.
fn part(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = usize::try_from(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)).ok()?;
    let end = 8usize.checked_add(len)?;
    Some((bytes.get(8..end)?, &bytes[end..]))
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.lexicon.entities.len())
            .field("patterns", &self.candidates.len())
            .finish_non_exhaustive()
    }
}

/// Folds one character for matching: lowercase, no diacritics, one dash, one apostrophe, one
/// space. Always exactly one character out for one in, so offsets carry over.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return char::from(fold_ascii(c as u8));
    }
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
        c if blank(c) => ' ',
        c => {
            let mut base = c;
            decompose_canonical(c, |d| {
                if base == c {
                    base = d;
                }
            });
            base.to_lowercase().next().unwrap_or(base)
        }
    }
}

/// Folds a text for the automaton and marks its word starts: an ASCII letter that follows no
/// letter or digit (or starts the text) is uppercased, every other letter folded to lowercase.
/// Patterns are marked the same way, so one that starts with a letter can only match at a word
/// start, and the scan leaves the automaton's root (and its cache lines) only where a word
/// begins. The mark is a function of the folded characters alone, so a pattern's inner word
/// starts agree with the text's. One character out for one in, as [`fold_char`], except that a
/// run of whitespace with at most one line break folds to one space ([`space_run`]), and a soft
/// hyphen (U+00AD, an invisible break point inside a word: "berkum\u{ad}pul") to nothing. This is
/// the definition, character by character; [`fold`] is the fast form the tagger uses.
fn fold_marked(text: &str) -> String {
    let mut starts = WordStarts::default();
    let mut out = String::with_capacity(text.len());
    let (mut rest, mut after_space) = (text, false);
    while let Some(c) = rest.chars().next() {
        if c == SOFT_HYPHEN {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        // Only a run's first character starts one.
        let run = if after_space { None } else { space_run(rest) };
        out.push(starts.mark(fold_char(c)));
        rest = &rest[run.unwrap_or(c.len_utf8())..];
        after_space = run.is_none() && blank(c);
    }
    out
}

/// U+00AD, which a page may put inside any word: read as nothing.
const SOFT_HYPHEN: char = '\u{ad}';

/// Whitespace for matching: Unicode's, and the zero-width space scraped pages leave between
/// words ("kecap \u{200b} bango").
fn blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// The byte length of the run of whitespace `s` starts with, when matching reads it as one
/// space: two or more whitespace characters with at most one line break ("Vladimir\u{a0} Putin",
/// a name across a hard-wrapped line's " \n"). A paragraph break keeps its length: no name
/// spans one, and most texts then fold byte for byte.
fn space_run(s: &str) -> Option<usize> {
    let len = s.find(|c| !blank(c)).unwrap_or(s.len());
    let run = &s[..len];
    (run.chars().nth(1).is_some() && crate::structure::line_breaks(run) <= 1).then_some(len)
}

/// Whether an ASCII byte is whitespace ([`blank`]): tab to carriage return, and the space.
fn ascii_blank(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// [`fold_char`] of an ASCII byte: the backtick as an apostrophe, whitespace as a space, letters
/// lowercased.
fn fold_ascii(b: u8) -> u8 {
    match b {
        b if ascii_blank(b) => b' ',
        b'`' => b'\'',
        _ => b.to_ascii_lowercase(),
    }
}

/// The word-start mark of [`fold_marked`], fed folded characters in order.
#[derive(Default)]
struct WordStarts {
    after_word: bool,
}

impl WordStarts {
    /// `f` uppercased if it is an ASCII letter that follows no letter or digit.
    fn mark(&mut self, f: char) -> char {
        let start = !self.after_word;
        self.after_word = f.is_alphanumeric();
        if start {
            f.to_ascii_uppercase()
        } else {
            f
        }
    }
}

/// The folded, marked text ([`fold_marked`]) and, for each byte of it, the byte offset of the
/// original character. `None` for the origin table means the identity: ASCII text without a run
/// of whitespace folds byte for byte.
fn fold(text: &str) -> (String, Option<Vec<u32>>) {
    let mut mapped = !text.is_ascii();
    let mut out = Vec::with_capacity(text.len());
    let mut origin = if mapped { Vec::with_capacity(text.len() + 1) } else { Vec::new() };
    let mut starts = WordStarts::default();
    // Whether the last character was whitespace not folded into a run: the next one is
    // then no run's start.
    let mut space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            (c, c.len_utf8())
        };
        // Most whitespace is one space before a word: a run needs more whitespace after it.
        let may_run = !space
            && if b.is_ascii() {
                ascii_blank(b) && bytes.get(i + 1).is_some_and(|&n| ascii_blank(n) || !n.is_ascii())
            } else {
                blank(c)
            };
        if let Some(run) = may_run.then(|| space_run(&text[i..])).flatten() {
            // A run read as one space: its other bytes are dropped, so the text needs its origin
            // table from here on (up to here it folded byte for byte).
            if !mapped {
                origin.extend(0..i as u32);
                mapped = true;
            }
            out.push(starts.mark(' ') as u8);
            origin.push(i as u32);
            i += run;
            continue;
        }
        if c == SOFT_HYPHEN {
            // Read as nothing (the text is not ASCII, so it has its origin table).
            i += len;
            continue;
        }
        space = blank(c);
        if b.is_ascii() {
            // `fold_char` of one ASCII byte, without decoding: ASCII folds to ASCII.
            out.push(starts.mark(char::from(fold_ascii(b))) as u8);
            if mapped {
                origin.push(i as u32);
            }
        } else {
            let mut buf = [0; 4];
            let encoded = starts.mark(fold_char(c)).encode_utf8(&mut buf).as_bytes();
            out.extend_from_slice(encoded);
            origin.extend(std::iter::repeat_n(i as u32, encoded.len()));
        }
        i += len;
    }
    let folded = String::from_utf8(out).expect("folding writes whole characters");
    if !mapped {
        return (folded, None);
    }
    origin.push(text.len() as u32);
    (folded, Some(origin))
}

impl Gazetteer {
    /// The built-in lexicons, loaded from their precompiled form; if that is missing or stale
    /// in format, they are compiled from the TSV sources instead.
    pub fn builtin() -> Gazetteer {
        Gazetteer::from_compiled(COMPILED).unwrap_or_else(|| {
            Gazetteer::new(Lexicon::builtin(), Cues::builtin()).expect("built-in lexicons compile")
        })
    }

    fn from_compiled(bytes: &[u8]) -> Option<Gazetteer> {
        let (automaton_bytes, rest) = part(bytes)?;
        let (entity_bytes, rest) = part(rest)?;
        // Independent parts on two threads: the automaton and the cues, the entities; the
        // aliases (the largest) here.
        std::thread::scope(|scope| {
            let automaton = scope.spawn(|| {
                let automaton =
                    DoubleArrayAhoCorasick::<u32>::deserialize(automaton_bytes).ok().map(|(a, _)| a);
                (automaton, Cues::builtin())
            });
            let entities = scope.spawn(|| postcard::from_bytes::<Vec<Entity>>(entity_bytes).ok());
            let compiled: Option<Compiled> = postcard::from_bytes(rest).ok();
            let (automaton, cues) = automaton.join().ok()?;
            let entities = entities.join().ok()??;
            let Compiled { aliases, candidates } = compiled?;
            let lexicon = Lexicon::from_parts(entities, aliases);
            Some(Gazetteer { lexicon, automaton: automaton?, candidates, cues })
        })
    }

    /// The built-in lexicons as the precompiled file should hold them: what
    /// `cargo run --example compile_lexicons` writes to `lexicons/compiled.bin`.
    pub fn compile_builtin() -> Result<Vec<u8>> {
        let g = Gazetteer::new(Lexicon::builtin(), Cues::builtin())?;
        let err = |e: postcard::Error| Error::Config(format!("cannot serialize the lexicon: {e}"));
        let mut out = Vec::new();
        for piece in [g.automaton.serialize(), postcard::to_stdvec(&g.lexicon.entities).map_err(err)?] {
            out.extend_from_slice(&(piece.len() as u64).to_le_bytes());
            out.extend_from_slice(&piece);
        }
        let compiled = Compiled { aliases: g.lexicon.aliases, candidates: g.candidates };
        postcard::to_extend(&compiled, out).map_err(err)
    }

    /// Whether `lexicons/compiled.bin` matches the TSV sources.
    pub fn compiled_is_fresh() -> Result<bool> {
        Ok(Gazetteer::compile_builtin()? == COMPILED)
    }

    /// The gazetteer's lexicon, to extend with user lexicons before recompiling.
    pub fn into_lexicon(self) -> Lexicon {
        self.lexicon
    }

    /// Compiles a lexicon with the given cues.
    pub fn new(lexicon: Lexicon, cues: Cues) -> Result<Gazetteer> {
        let mut pattern_of: HashMap<String, usize> = HashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut by_pattern: Vec<Vec<u32>> = Vec::new();
        for (i, alias) in lexicon.aliases.iter().enumerate() {
            let folded: String = fold_marked(&alias.text);
            let p = *pattern_of.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            by_pattern[p].push(i as u32);
        }
        let automaton = DoubleArrayAhoCorasick::with_values(
            patterns.iter().enumerate().map(|(i, p)| (p.as_str(), i as u32)),
        )
        .map_err(|e| Error::Config(format!("cannot compile the lexicon: {e}")))?;
        let mut candidates =
            Candidates { start: vec![0], aliases: Vec::with_capacity(lexicon.aliases.len()) };
        for list in by_pattern {
            candidates.aliases.extend(list);
            candidates.start.push(candidates.aliases.len() as u32);
        }
        Ok(Gazetteer { lexicon, automaton, candidates, cues })
    }

    /// The canonical name and the lexicon id (`None` for a name found by rules) a mention points to.
    pub fn name_and_id<'g>(&'g self, target: &'g Target) -> (&'g str, Option<&'g str>) {
        match target {
            Target::Lexicon(e) => {
                let e = &self.lexicon.entities[*e];
                (&e.canonical, Some(&e.id))
            }
            Target::New(name) => (name, None),
        }
    }

    /// The lexicon's finer kind of the entity a mention points to (`city`, `province`), if any.
    pub fn subtype<'g>(&'g self, target: &'g Target) -> Option<&'g str> {
        match target {
            Target::Lexicon(e) => self.lexicon.entities[*e].subtype.as_deref(),
            Target::New(_) => None,
        }
    }

    /// The lexicon behind the gazetteer.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Finds the mentions in `text`, sentence by sentence (`spans` in order, not overlapping).
    pub fn tag(&self, text: &str, spans: &[TagSpan], lang: Lang) -> Vec<Mention> {
        let words: Vec<Vec<(usize, &str)>> = spans
            .iter()
            .map(|s| if s.tag { crate::tokenize::sentence_words(text, &s.range) } else { Vec::new() })
            .collect();
        self.tag_with_words(text, spans, &words, lang)
    }

    /// [`Gazetteer::tag`] with each span's words already found ([`crate::tokenize::sentence_words`];
    /// only the tagged spans' are read), so that other stages can share them.
    pub fn tag_with_words(
        &self,
        text: &str,
        spans: &[TagSpan],
        words: &[Vec<(usize, &str)>],
        lang: Lang,
    ) -> Vec<Mention> {
        let (folded, origin) = fold(text);
        let cased = is_cased(text);
        let mut found: Vec<Candidate> = Vec::new();
        // Whether a sentence is a title-case headline, worked out once per sentence on demand.
        let title_case: Vec<std::cell::OnceCell<bool>> = vec![std::cell::OnceCell::new(); spans.len()];
        for m in self.automaton.find_overlapping_iter(&folded) {
            let range = match &origin {
                Some(o) => o[m.start()] as usize..o[m.end()] as usize,
                None => m.start()..m.end(),
            };
            // Most matches lie inside longer words: the cheapest test first.
            if !word_bounded(text, &range) {
                continue;
            }
            let Some(sentence) = sentence_of(spans, &range) else { continue };
            if !spans[sentence].tag {
                continue;
            }
            let ctx = Context {
                text,
                range: &range,
                sentence: &spans[sentence].range,
                words: &words[sentence],
                cased,
                lang,
                title_case: &title_case[sentence],
            };
            let best = self
                .candidates
                .of(m.value() as usize)
                .iter()
                .map(|&a| &self.lexicon.aliases[a as usize])
                .filter(|a| self.accepts(a, &ctx))
                .max_by_key(|a| self.rank(a, lang));
            if let Some(alias) = best {
                let confidence = if alias.flags.common || alias.flags.context {
                    AMBIGUOUS_CONFIDENCE
                } else {
                    LEXICON_CONFIDENCE
                };
                found.push(Candidate {
                    range,
                    entity: alias.entity,
                    sentence,
                    confidence,
                    pattern: m.value(),
                });
            }
        }
        // Leftmost-longest among the accepted matches.
        found.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
        let mut chosen: Vec<Candidate> = Vec::new();
        for c in found {
            if chosen.last().is_none_or(|m| c.range.start >= m.range.end) {
                chosen.push(c);
            }
        }
        self.place_in_region(text, lang, &mut chosen);
        self.regency_or_city(text, spans, lang, &mut chosen);
        self.clubs_among_clubs(text, lang, &mut chosen);
        let mut mentions: Vec<Mention> = Vec::new();
        for c in chosen {
            mentions.push(Mention {
                range: c.range,
                sentence: c.sentence,
                source: MentionSource::Lexicon,
                kind: self.lexicon.entities[c.entity].kind,
                target: Target::Lexicon(c.entity),
                confidence: c.confidence,
            });
        }
        let (mentions, match_teams) = self.apply_rules(text, spans, words, lang, mentions);
        self.propagate(text, spans, words, lang, mentions, &match_teams)
    }

    /// "Atlanta, Georgia", "Batu, Jawa Timur": a place right after a place and a comma is read in
    /// the first one's country when it can be (the US state, not the country Georgia); else, when
    /// it is a region or a country, the first is read in its country ("Cambridge, Massachusetts"),
    /// even when the lexicon ranked a person of that name first ("Lincoln, Nebraska").
    fn place_in_region(&self, text: &str, lang: Lang, chosen: &mut [Candidate]) {
        for i in 1..chosen.len() {
            let (a, b) = (&chosen[i - 1], &chosen[i]);
            let first = &self.lexicon.entities[a.entity];
            let second = &self.lexicon.entities[b.entity];
            if second.kind != EntityKind::Place || text[a.range.end..b.range.start] != *", " {
                continue;
            }
            if first.kind == EntityKind::Place {
                if first.country.is_none() || second.country == first.country {
                    continue;
                }
                let local = self.choose_again(text, lang, b, |e| {
                    e.kind == EntityKind::Place && e.country == first.country
                });
                if let Some(e) = local {
                    chosen[i].entity = e;
                    continue;
                }
            } else if text[b.range.end..].starts_with(['\'', '’']) {
                // "from Lincoln, Nebraska" (below), but not before a region's possessive: "Obama,
                // Japan's prime minister".
                continue;
            }
            // "Cambridge, Massachusetts", "Cordoba, Spain": a town of that name in the country of
            // the region or country after the comma, even where the lexicon ranked a person of
            // that name first ("from Lincoln, Nebraska").
            let region = matches!(second.subtype.as_deref(), Some("country" | "region" | "province"));
            if region && second.country.is_some() {
                let inside = self.choose_again(text, lang, a, |e| {
                    e.kind == EntityKind::Place && e.country == second.country
                });
                if let Some(e) = inside {
                    chosen[i - 1].entity = e;
                }
            }
        }
    }

    /// The best-ranked entity among the other aliases of a candidate's pattern that `keep` accepts
    /// (in the text's language, and written as an exact-case alias is).
    fn choose_again(
        &self,
        text: &str,
        lang: Lang,
        c: &Candidate,
        keep: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        let written = &text[c.range.clone()];
        self.candidates
            .of(c.pattern as usize)
            .iter()
            .map(|&x| &self.lexicon.aliases[x as usize])
            .filter(|x| x.lang.is_none_or(|l| l == lang) && (!x.flags.case || x.text == written))
            .filter(|x| keep(&self.lexicon.entities[x.entity]))
            .max_by_key(|x| self.rank(x, lang))
            .map(|x| x.entity)
    }

    /// "Bupati Bogor", "Pemkab Bogor": after a regent's title or the regency's word, a name that
    /// a regency and a city share is the regency, which the lexicon ranks below the city; after a
    /// mayor's, the city.
    fn regency_or_city(&self, text: &str, spans: &[TagSpan], lang: Lang, chosen: &mut [Candidate]) {
        for c in chosen.iter_mut() {
            if self.lexicon.entities[c.entity].kind != EntityKind::Place {
                continue;
            }
            let Some(word) = word_before(text, spans[c.sentence].range.start, c.range.start) else {
                continue;
            };
            let want: &[&str] = if self.cues.has(Kind::RegencyBefore, word) {
                &["regency"]
            } else if self.cues.has(Kind::CityBefore, word) {
                &["city", "capital"]
            } else {
                continue;
            };
            let of = |e: &Entity| e.subtype.as_deref().is_some_and(|s| want.contains(&s));
            if of(&self.lexicon.entities[c.entity]) {
                continue;
            }
            if let Some(e) = self.choose_again(text, lang, c, |e| of(e) && e.country.as_deref() == Some("ID"))
            {
                c.entity = e;
            }
        }
    }

    /// "Ajax", "Arsenal", "Inter": a name that a club shares with a place or a word is the club in
    /// an article that names a club the lexicon knows ("PSV", "Feyenoord", "AFC Ajax" itself):
    /// sports pages name clubs, and a town of that name seldom stands among them.
    fn clubs_among_clubs(&self, text: &str, lang: Lang, chosen: &mut [Candidate]) {
        let club = |e: &Entity| e.subtype.as_deref() == Some("club");
        if !chosen.iter().any(|c| club(&self.lexicon.entities[c.entity])) {
            return;
        }
        for c in chosen.iter_mut() {
            if club(&self.lexicon.entities[c.entity]) {
                continue;
            }
            if let Some(e) = self.choose_again(text, lang, c, club) {
                c.entity = e;
            }
        }
    }

    /// Runs the rules sentence by sentence over the lexicon's mentions. Also gives the ranges of
    /// the teams named beside a match's final score ([`crate::rules::Verdict::match_teams`]).
    fn apply_rules(
        &self,
        text: &str,
        spans: &[TagSpan],
        words: &[Vec<(usize, &str)>],
        lang: Lang,
        lexicon: Vec<Mention>,
    ) -> (Vec<Mention>, Vec<Range<usize>>) {
        let mut out: Vec<Mention> = Vec::with_capacity(lexicon.len());
        let mut match_teams = Vec::new();
        let mut lexicon = lexicon.into_iter().peekable();
        for (si, span) in spans.iter().enumerate() {
            let mut here: Vec<Mention> = Vec::new();
            while let Some(m) = lexicon.next_if(|m| m.sentence == si) {
                here.push(m);
            }
            if !span.tag {
                continue;
            }
            let rules = SentenceRules {
                cues: &self.cues,
                text,
                sentence: span.range.clone(),
                index: si,
                lang,
                title: span.headline,
            };
            let known: Vec<(Range<usize>, EntityKind, Unit)> = here
                .iter()
                .map(|m| {
                    let subtype = m.entity().and_then(|e| self.lexicon.entities[e].subtype.as_deref());
                    (m.range.clone(), m.kind, Unit::of(m.kind, subtype))
                })
                .collect();
            let verdict = rules.run(&known, &words[si]);
            for (li, range) in verdict.widened {
                here[li].range = range;
            }
            let mut kept: Vec<Mention> = here
                .into_iter()
                .enumerate()
                .filter(|(li, _)| !verdict.dropped.contains(li))
                .map(|(_, m)| m)
                .collect();
            // A rule mention stands where no kept lexicon mention nor an earlier rule mention is.
            let mut added = verdict.added;
            added.sort_by_key(|m| m.range.start);
            let lexicon_kept = kept.len();
            let mut last_end = 0;
            for m in added {
                let i = kept[..lexicon_kept].partition_point(|k| k.range.end <= m.range.start);
                let clashes = kept[..lexicon_kept].get(i).is_some_and(|k| k.range.start < m.range.end);
                if !clashes && m.range.start >= last_end {
                    last_end = m.range.end;
                    kept.push(m);
                }
            }
            kept.sort_by_key(|m| m.range.start);
            if lang == Lang::En {
                self.prose_result(text, &mut kept, &mut match_teams);
            }
            nicknames(text, &span.range, &mut kept);
            out.extend(kept);
            match_teams.extend(verdict.match_teams);
        }
        (out, match_teams)
    }

    /// Within an article, a later single word of a person's full name refers to that person.
    fn propagate(
        &self,
        text: &str,
        spans: &[TagSpan],
        words: &[Vec<(usize, &str)>],
        lang: Lang,
        mut mentions: Vec<Mention>,
        match_teams: &[Range<usize>],
    ) -> Vec<Mention> {
        self.relink_to_organizations(text, &mut mentions);
        teams_everywhere(text, &mut mentions, match_teams);
        self.places_again(text, spans, &mut mentions);
        // A person's name has two to four words; a longer "name" is a misread office.
        let people = mentions.iter().filter(|m| {
            m.kind == EntityKind::Person
                && m.source != MentionSource::Alias
                && m.confidence >= 0.75
                && (2..=4).contains(&text[m.range.clone()].split_whitespace().count())
        });
        let short = self.short_forms(text, people.clone());
        if short.is_empty() {
            return mentions;
        }
        // English refers back to a person by the family name, Indonesian by any of the names.
        let surnames: HashSet<&str> =
            people.filter_map(|m| text[m.range.clone()].split_whitespace().next_back()).collect();
        let refers_back = |word: &str| lang == Lang::Id || surnames.contains(word);
        let mut added = Vec::new();
        let mut replaced: HashSet<usize> = HashSet::default();
        for (si, _) in spans.iter().enumerate().filter(|(_, s)| s.tag) {
            for &(at, word) in &words[si] {
                // "Tolberry's aides": the name without its possessive.
                let word = &word[..word.len() - crate::rules::possessive_len(word)];
                let Some(Some(full)) = short.get(word) else { continue };
                let range = at..at + word.len();
                match overlapping(&mentions, &range) {
                    // A one-word guess yields to the person named in full ("Dr. Whitfield said"), and
                    // so does a place whose name is also a person's ("Danang" after "AKBP Danang
                    // Wicaksono" is the officer, not Da Nang; "Jordan" after "Neil Jordan").
                    Some(i)
                        if mentions[i].range == range
                            && mentions[i].target != **full
                            && (mentions[i].source == MentionSource::Rule
                                || (mentions[i].source == MentionSource::Lexicon
                                    && mentions[i].confidence < LEXICON_CONFIDENCE
                                    && refers_back(word))
                                || (surnames.contains(word) && self.small_place(&mentions[i]))) =>
                    {
                        replaced.insert(i);
                    }
                    Some(_) => continue,
                    None => {}
                }
                added.push(Mention {
                    range,
                    sentence: si,
                    source: MentionSource::Alias,
                    kind: EntityKind::Person,
                    target: (*full).clone(),
                    confidence: SHORT_FORM_CONFIDENCE,
                });
            }
        }
        swap_mentions(&mut mentions, &replaced, added);
        mentions
    }

    /// A lexicon place below the prominence of a city of 100,000 people: a town that a family
    /// name shares ("Jega" after "said Attahiru Jega").
    fn small_place(&self, m: &Mention) -> bool {
        let Target::Lexicon(e) = m.target else { return false };
        let entity = &self.lexicon.entities[e];
        m.source == MentionSource::Lexicon
            && entity.kind == EntityKind::Place
            && entity.prominence < SMALL_PLACE
    }

    /// A result told in prose: "Real Madrid beat Barcelona 3-1", "Chelsea beat Coventry 2-0". A
    /// city right before a final score, after a verb of winning, is the club (as the sides of a
    /// results line are), and so is a city right before that verb; the article's other mentions
    /// of it follow ([`teams_everywhere`]). A country stays a place: "Romania beat Lithuania 2-1"
    /// names national sides by their countries, as news styles (and CoNLL) do. `mentions` are one
    /// sentence's, in order.
    fn prose_result(&self, text: &str, mentions: &mut [Mention], match_teams: &mut Vec<Range<usize>>) {
        const WON: [&str; 16] = [
            "beat",
            "beats",
            "defeated",
            "defeats",
            "edged",
            "edges",
            "thrashed",
            "hammered",
            "crushed",
            "routed",
            "downed",
            "overcame",
            "upset",
            "stunned",
            "whipped",
            "outclassed",
        ];
        let city = |m: &Mention| {
            m.kind == EntityKind::Place
                && m.entity().is_some_and(|e| {
                    matches!(self.lexicon.entities[e].subtype.as_deref(), Some("city" | "capital"))
                })
        };
        let score = |rest: &str| {
            let rest = rest.strip_prefix(' ').unwrap_or("");
            let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
            let a = digits(rest);
            let sep = rest[a..].chars().next().filter(|c| matches!(c, '-' | '–')).map_or(0, char::len_utf8);
            let b = digits(&rest[a + sep..]);
            (1..=3).contains(&a) && sep > 0 && (1..=3).contains(&b)
        };
        for i in 0..mentions.len() {
            let m = &mentions[i];
            if !score(&text[m.range.end..]) {
                continue;
            }
            let before = text[..m.range.start].trim_end();
            let Some(verb) = before.rsplit(' ').next().filter(|v| WON.contains(v)) else { continue };
            let verb_start = before.len() - verb.len();
            let subject = i
                .checked_sub(1)
                .filter(|&j| text[mentions[j].range.end..verb_start].trim().is_empty() && city(&mentions[j]));
            for k in [Some(i), subject].into_iter().flatten() {
                if k == i && !city(&mentions[i]) {
                    continue;
                }
                let m = &mut mentions[k];
                let name = text[m.range.clone()].to_string();
                (m.kind, m.target, m.source, m.confidence) =
                    (EntityKind::Organization, Target::New(name), MentionSource::Rule, 0.6);
                match_teams.push(m.range.clone());
            }
        }
    }

    /// A place the rules found, named again later without its head word or its context: "Sepaku"
    /// after "Kecamatan Sepaku" or "Camat Sepaku, Risna Hermawati". Each later capitalized
    /// occurrence that no other mention covers, or that the rules took for a one-word person,
    /// refers to the same place. Not a sentence's first word, where any word is capitalized,
    /// unless the name has two words or more.
    fn places_again(&self, text: &str, spans: &[TagSpan], mentions: &mut Vec<Mention>) {
        // Each rule place's name without its head word, the headed names first: "Bumi Harapan"
        // and "Desa Bumi Harapan" are one village, named as the headed one is.
        let mut found: Vec<(bool, usize, &str)> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            if m.kind != EntityKind::Place || m.source != MentionSource::Rule {
                continue;
            }
            let written = &text[m.range.clone()];
            let (headed, bare) = match written.split_once(char::is_whitespace) {
                Some((head, rest)) if self.cues.has(Kind::PlaceHeadLower, head) => (true, rest.trim_start()),
                _ => (false, written),
            };
            if bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().count() >= 3
                && !self.cues.is_skipped(bare)
                && !self.cues.is_role(bare)
            {
                found.push((!headed, i, bare));
            }
        }
        if found.is_empty() {
            return;
        }
        found.sort_unstable();
        let mut names: Vec<(&str, Target)> = Vec::new();
        for (_, i, bare) in found {
            match names.iter().find(|(n, _)| *n == bare) {
                Some((_, target)) => mentions[i].target = target.clone(),
                None => names.push((bare, mentions[i].target.clone())),
            }
        }
        let mut added = Vec::new();
        let mut replaced: HashSet<usize> = HashSet::default();
        for (bare, target) in &names {
            let one_word = !bare.contains(char::is_whitespace);
            for (si, span) in spans.iter().enumerate().filter(|(_, s)| s.tag) {
                let sentence = &text[span.range.clone()];
                for (at, _) in sentence.match_indices(bare) {
                    let range = span.range.start + at..span.range.start + at + bare.len();
                    if !word_bounded(text, &range)
                        || (one_word && sentence[..at].trim().is_empty())
                        || !self.stands_alone(text, &range)
                    {
                        continue;
                    }
                    if let Some(i) = overlapping(mentions, &range) {
                        let m = &mentions[i];
                        let guess = m.range == range
                            && m.source == MentionSource::Rule
                            && m.kind == EntityKind::Person
                            && one_word;
                        if !guess {
                            continue;
                        }
                        replaced.insert(i);
                    }
                    added.push(Mention {
                        range,
                        sentence: si,
                        source: MentionSource::Alias,
                        kind: EntityKind::Place,
                        target: target.clone(),
                        confidence: 0.7,
                    });
                }
            }
        }
        swap_mentions(mentions, &replaced, added);
    }

    /// The name at `range` is not part of a longer one: no capitalized word, number or hyphen
    /// joins it before ("SDN 1 Barepan", "Muhammadiyah Demangan") or after ("Raanan Baru", "Lara
    /// II"), except a place cue before it ("Warga Sepaku").
    fn stands_alone(&self, text: &str, range: &Range<usize>) -> bool {
        let joined = |gap: &str, word: &str| {
            gap.chars().all(|c| c == ' ' || c == '\u{a0}')
                && word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let before = &text[..range.start];
        let after = &text[range.end..];
        if before.ends_with('-') || after.starts_with('-') {
            return false;
        }
        let word_before = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        let gap_before = &before[before.trim_end().len()..];
        if !word_before.is_empty()
            && joined(gap_before, word_before)
            && !self.cues.has(Kind::Place, word_before)
        {
            return false;
        }
        let rest = after.trim_start();
        let word_after = rest.split(char::is_whitespace).next().unwrap_or("");
        word_after.is_empty() || !joined(&after[..after.len() - rest.len()], word_after)
    }

    /// A one-word guess of the rules that is a distinctive word of an organization the lexicon
    /// found in the same article refers to it: "Udayana" after "Udayana University".
    fn relink_to_organizations(&self, text: &str, mentions: &mut [Mention]) {
        let words = self.short_forms(
            text,
            mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Organization && m.source == MentionSource::Lexicon),
        );
        if words.is_empty() {
            return;
        }
        let relinks: Vec<(usize, Target)> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.source == MentionSource::Rule)
            .filter_map(|(i, m)| match words.get(&text[m.range.clone()]) {
                Some(Some(target)) => Some((i, (*target).clone())),
                _ => None,
            })
            .collect();
        for (i, target) in relinks {
            let m = &mut mentions[i];
            (m.kind, m.target, m.source, m.confidence) =
                (EntityKind::Organization, target, MentionSource::Alias, SHORT_FORM_CONFIDENCE);
        }
    }

    /// The words of `names` that may stand alone for them later in the article (capitalized, of
    /// three letters or more, no function word, title or head word), each with the entity it
    /// names; `None` for a word two entities share, which names neither.
    fn short_forms<'m>(
        &self,
        text: &'m str,
        names: impl Iterator<Item = &'m Mention>,
    ) -> HashMap<&'m str, Option<&'m Target>> {
        let mut short: HashMap<&str, Option<&Target>> = HashMap::default();
        for m in names {
            for w in text[m.range.clone()].split_whitespace() {
                if w.chars().count() >= 3
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && !self.cues.is_skipped(w)
                    && !self.cues.is_role(w)
                {
                    let slot = short.entry(w).or_insert(Some(&m.target));
                    if slot.is_some_and(|t| *t != m.target) {
                        *slot = None;
                    }
                }
            }
        }
        short
    }

    /// Which of two entities sharing an alias wins: prominence, then Indonesian places in
    /// Indonesian text.
    fn rank(&self, alias: &Alias, lang: Lang) -> (u16, std::cmp::Reverse<usize>) {
        let e = &self.lexicon.entities[alias.entity];
        let home = lang == Lang::Id && e.country.as_deref() == Some("ID");
        (u16::from(e.prominence) + if home { 10 } else { 0 }, std::cmp::Reverse(alias.entity))
    }

    fn accepts(&self, alias: &Alias, ctx: &Context<'_>) -> bool {
        let written = &ctx.text[ctx.range.clone()];
        if alias.lang.is_some_and(|l| l != ctx.lang) {
            return false;
        }
        // An exact-case alias may carry other flags too ("Vale!case,context": not the "Vale" of
        // "Port Vale").
        if alias.flags.case && written != alias.text {
            return false;
        }
        let alias_capital = alias.text.chars().next().is_some_and(char::is_uppercase);
        let written_capital = written.chars().next().is_some_and(char::is_uppercase);
        if ctx.cased && alias_capital && !written_capital {
            return false; // "konser solo", "batu bara"
        }
        // "Wali Kota Bogor": no name begins inside a title ("Kota Bogor" is the city's alias, but
        // "Kota" ends the title "wali kota"; "Bogor" is the name).
        if let Some((first, _)) = written.split_once(' ') {
            let prev = word_before(ctx.text, ctx.sentence.start, ctx.range.start);
            if prev.is_some_and(|prev| self.cues.ends_phrase(Kind::Person, prev, first)) {
                return false;
            }
        }
        let kind = self.lexicon.entities[alias.entity].kind;
        if alias.flags.common {
            let cue = kind == EntityKind::Place && self.place_cue_before(ctx);
            // Indonesian capitalizes many common words (titles of offices, programs, works), so
            // there a common-word alias needs its cue; so does one that is a function word.
            let weak = ctx.lang == Lang::Id || self.cues.is_skipped(written);
            if !cue && (weak || !ctx.cased || ctx.sentence_initial() || ctx.title_case_sentence()) {
                return false;
            }
        }
        // "Michael Jordan", "Denzel Washington" when they are not in the lexicon; a title after
        // it is no part of a longer name ("Labour MP Jess Phillips"), unless it is a short
        // abbreviation ("Paris St Germain").
        let title = |w: &str| {
            (w.len() > 2 || w.bytes().all(|b| b.is_ascii_uppercase())) && self.cues.begins(Kind::Person, w)
        };
        if alias.flags.context && ctx.cased && ctx.next_to_capitalized(title) {
            return false;
        }
        true
    }

    fn place_cue_before(&self, ctx: &Context<'_>) -> bool {
        // The two words before the match at most: a cue is one or two words.
        let before = ctx.text[ctx.sentence.start..ctx.range.start].trim_end();
        let mut from = before.len().saturating_sub(64);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        let before = before[from..].to_lowercase();
        let mut words = before.rsplit(char::is_whitespace);
        let Some(last) = words.next() else { return false };
        if self.cues.set(Kind::Place).contains(last) {
            return true;
        }
        words.next().is_some_and(|prev| self.cues.set(Kind::Place).contains(&format!("{prev} {last}")))
    }
}

struct Candidate {
    range: Range<usize>,
    entity: usize,
    sentence: usize,
    confidence: f32,
    /// The automaton pattern it matched, to choose again among its aliases.
    pattern: u32,
}

struct Context<'a> {
    text: &'a str,
    range: &'a Range<usize>,
    sentence: &'a Range<usize>,
    /// The sentence's words (absolute offset, text).
    words: &'a [(usize, &'a str)],
    cased: bool,
    lang: Lang,
    title_case: &'a std::cell::OnceCell<bool>,
}

impl Context<'_> {
    /// Nothing but quotes and brackets between the sentence start and the match.
    fn sentence_initial(&self) -> bool {
        self.text[self.sentence.start..self.range.start].chars().all(|c| !c.is_alphanumeric())
    }

    /// Most words of the sentence are capitalized: a headline, where capitals say nothing.
    fn title_case_sentence(&self) -> bool {
        *self.title_case.get_or_init(|| {
            let words = self.words.len();
            let caps = self.words.iter().filter(|(_, w)| w.starts_with(char::is_uppercase)).count();
            words >= 3 && caps * 10 >= words * 7
        })
    }

    /// A capitalized word right before or after the match, separated by one space only; after it,
    /// not a `title`.
    fn next_to_capitalized(&self, title: impl Fn(&str) -> bool) -> bool {
        let before = &self.text[self.sentence.start..self.range.start];
        let after = &self.text[self.range.end..self.sentence.end];
        let prev_cap = before.strip_suffix(' ').is_some_and(|b| {
            let w = b.rsplit(' ').next().unwrap_or_default();
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && b.len() > w.len() // a sentence-initial capital says nothing
        });
        let next_cap = after.strip_prefix(' ').is_some_and(|a| {
            // "Michael Douglas' son", "Dr David McLeod, who": the apostrophe and the punctuation
            // after a word are no part of it. (A word with "'s" is left to the rules, which read
            // "Michael Douglas's" whole.)
            let w = a.split(' ').next().unwrap_or_default();
            let w = w.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"', '”']);
            let w = w.strip_suffix(['\'', '’']).unwrap_or(w);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && !title(w)
        });
        prev_cap || next_cap
    }
}

/// Whether the text has both cases. All-lowercase (or all-caps) text says nothing through case.
fn is_cased(text: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii() {
            upper += usize::from(b.is_ascii_uppercase());
            lower += usize::from(b.is_ascii_lowercase());
        } else if text.is_char_boundary(i) {
            // The first byte of a multibyte character: decode that one character.
            let c = text[i..].chars().next().unwrap_or_default();
            if c.is_alphabetic() {
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
        }
    }
    upper > 0 && lower > upper
}

/// The match starts and ends at word boundaries; an Indonesian "-nya" may follow the name.
fn word_bounded(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    let after = &text[range.end..];
    let rest = after
        .strip_prefix("-nya")
        .or_else(|| after.strip_prefix("nya"))
        .filter(|r| !r.starts_with(char::is_alphanumeric))
        .unwrap_or(after);
    !rest.starts_with(char::is_alphanumeric)
}

/// A person's nickname in quotation marks inside their name ('Joko "Jokowi" Widodo', "Susi 'Susy'
/// Susanti"): one mention of the person over the whole name, after a person's first name. It is
/// the lexicon's person when the nickname is one of its aliases, else a person named without the
/// nickname. `mentions` are one sentence's, in order.
fn nicknames(text: &str, sentence: &Range<usize>, mentions: &mut Vec<Mention>) {
    const OPEN: [char; 3] = ['"', '“', '\''];
    const CLOSE: [char; 3] = ['"', '”', '\''];
    let mut i = 0;
    while i < mentions.len() {
        let first = &mentions[i];
        // The first name, then ` "Nick" Family`.
        let after = &text[first.range.end..sentence.end];
        let Some(rest) = after.strip_prefix(' ').and_then(|r| r.strip_prefix(OPEN)) else {
            i += 1;
            continue;
        };
        let nick_len = rest.find(CLOSE).unwrap_or(0);
        let nick = &rest[..nick_len];
        let family = rest[nick_len..].strip_prefix(CLOSE).and_then(|r| r.strip_prefix(' ')).unwrap_or("");
        let family_len = family.find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(family.len());
        let capitalized = |w: &str| w.starts_with(char::is_uppercase) && !w.contains(char::is_whitespace);
        if first.kind != EntityKind::Person
            || !capitalized(nick)
            || nick.chars().count() > 20
            || !capitalized(&family[..family_len])
        {
            i += 1;
            continue;
        }
        let end = sentence.end - family.len() + family_len;
        let start = first.range.start;
        // The nickname's own mention, if any, and any on the family name, give way.
        let nick_start = sentence.end - rest.len();
        let known = mentions[i + 1..]
            .iter()
            .take_while(|m| m.range.start < end)
            .find(|m| m.range.start == nick_start && m.kind == EntityKind::Person && m.entity().is_some())
            .map(|m| m.target.clone());
        let name = format!("{} {}", &text[first.range.clone()], &family[..family_len]);
        let merged = Mention {
            range: start..end,
            target: known.unwrap_or(Target::New(name)),
            source: MentionSource::Rule,
            ..mentions[i].clone()
        };
        let covered = mentions[i..].iter().take_while(|m| m.range.start < end).count();
        mentions.splice(i..i + covered, [merged]);
        i += 1;
    }
}

/// The mention that overlaps `range`, in mentions sorted by position that do not overlap each
/// other.
fn overlapping(mentions: &[Mention], range: &Range<usize>) -> Option<usize> {
    mentions
        .binary_search_by(|m| {
            if m.range.end <= range.start {
                std::cmp::Ordering::Less
            } else if m.range.start >= range.end {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
}

/// Removes the mentions at the `replaced` indices, adds `added`, and puts all in text order.
fn swap_mentions(mentions: &mut Vec<Mention>, replaced: &HashSet<usize>, added: Vec<Mention>) {
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        !replaced.contains(&(i - 1))
    });
    mentions.extend(added);
    mentions.sort_by_key(|m| m.range.start);
}

/// A place named as a team beside a match's final score ("Liverpool 3-1 Brighton") is that team
/// wherever the article names it ("… sends Liverpool top"): a match report names clubs by their
/// towns. (Results tables and schedules lend nothing: they list many teams, not the story's.)
fn teams_everywhere(text: &str, mentions: &mut [Mention], match_teams: &[Range<usize>]) {
    if match_teams.is_empty() {
        return;
    }
    // The team's rule mention, or its alias of a known club ("Brighton"), where it stood.
    let teams: HashMap<&str, Target> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organization && match_teams.contains(&m.range))
        .map(|m| (&text[m.range.clone()], m.target.clone()))
        .collect();
    if teams.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Place) {
        if let Some(team) = teams.get(&text[m.range.clone()]) {
            (m.kind, m.target, m.source) = (EntityKind::Organization, team.clone(), MentionSource::Alias);
        }
    }
}

/// The sentence holding the whole range, if one does.
fn sentence_of(spans: &[TagSpan], range: &Range<usize>) -> Option<usize> {
    let i = spans.partition_point(|s| s.range.end <= range.start);
    (i < spans.len() && spans[i].range.start <= range.start && range.end <= spans[i].range.end).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn gazetteer(src: &str) -> Gazetteer {
        let mut lex = Lexicon::default();
        lex.add_source(src, Path::new("t.tsv")).unwrap();
        Gazetteer::new(lex, Cues::builtin()).unwrap()
    }

    /// `text` as one body sentence.
    fn body(text: &str) -> [TagSpan; 1] {
        [TagSpan { range: 0..text.len(), tag: true, headline: false }]
    }

    fn tag<'a>(g: &Gazetteer, text: &'a str, lang: Lang) -> Vec<(&'a str, String)> {
        g.tag(text, &body(text), lang)
            .into_iter()
            .map(|m| (&text[m.range.clone()], g.name_and_id(&m.target).0.to_string()))
            .collect()
    }

    const LEX: &str = "Q1\tPLACE\tIndonesia\tcountry\tID\t90\n\
        Q2\tORGANIZATION\tBank Indonesia\tcentral-bank\tID\t80\n\
        Q3\tPLACE\tUnited States\tcountry\tUS\t95\tAmerika Serikat@id\tAS@id!case\n\
        Q4\tPLACE\tBatu\tcity\tID\t50\tBatu!common\n\
        Q5\tPERSON\tDmitry Peskov\tofficial\tRU\t70\tDmitri Peskov\n\
        Q6\tPLACE\tSão Paulo\tcity\tBR\t70\n\
        Q7\tPLACE\tWashington, D.C.\tcapital\tUS\t90\tWashington!context\n";

    #[test]
    fn precompiled_lexicons_match_the_sources() {
        assert!(
            Gazetteer::compiled_is_fresh().unwrap(),
            "lexicons/compiled.bin is stale: run `cargo run --release --example compile_lexicons`"
        );
        let g = Gazetteer::builtin();
        assert_eq!(g.lexicon().get("geonames:524901").map(|e| e.canonical.as_str()), Some("Moscow"));
    }

    #[test]
    fn longest_match_and_case_sensitive_acronyms() {
        let g = gazetteer(LEX);
        assert_eq!(
            tag(&g, "Bank Indonesia dan AS, as well as Indonesia.", Lang::Id),
            [
                ("Bank Indonesia", "Bank Indonesia".into()),
                ("AS", "United States".into()),
                ("Indonesia", "Indonesia".into())
            ]
        );
    }

    #[test]
    fn common_words_need_capitals_or_cues() {
        let g = gazetteer(LEX);
        assert_eq!(tag(&g, "Harga batu bara naik di Kota Batu.", Lang::Id), [("Kota Batu", "Batu".into())]);
        assert!(tag(&g, "Batu itu besar.", Lang::Id).is_empty(), "sentence-initial common word");
    }

    #[test]
    fn folding_marks_word_starts_the_same_way_in_ascii_and_unicode_text() {
        // ASCII text folds byte for byte, with no origin table.
        assert_eq!(fold("Di BALI-nya, 'Aceh' 3km x2"), ("Di Bali-Nya, 'Aceh' 3km X2".to_string(), None));
        // The Unicode path marks the same starts and maps each byte back to its character.
        let (folded, origin) = fold("Ke São Paulo–Rio");
        assert_eq!(folded, "Ke Sao Paulo-Rio");
        assert_eq!(origin.as_deref().map(|o| (o[4], o[5], o[12], o[13], o.len())), Some((4, 6, 13, 16, 17)));
        // A paragraph break keeps its length: ASCII text with no other run folds byte for byte.
        assert_eq!(fold("Satu.\n\nDua.\r\n\r\n"), ("Satu.  Dua.    ".to_string(), None));
        // A soft hyphen folds to nothing, mapped around like a run.
        assert_eq!(fold("Pu\u{ad}tin"), ("Putin".to_string(), Some(vec![0, 1, 4, 5, 6, 7])));
        // A run of whitespace folds to one space, and the origin table maps around it.
        let (folded, origin) = fold("Ke \u{a0}\n Bali  x");
        assert_eq!(folded, "Ke Bali X");
        assert_eq!(origin, Some(vec![0, 1, 2, 7, 8, 9, 10, 11, 13, 14]));
        assert_eq!(fold_marked("Ke \u{a0}\n Bali  x"), folded);
        // Patterns are marked alike, so a letter-initial one cannot start inside a word.
        assert_eq!(fold_marked("Gedung Putih"), "Gedung Putih");
        assert_eq!(fold_marked("de'Stijl"), "De'Stijl");
        let g = gazetteer(LEX);
        assert!(g.automaton.find_overlapping_iter(&fold("pembatuan").0).next().is_none());
        assert!(g.automaton.find_overlapping_iter(&fold("ke batu").0).next().is_some());
    }

    #[test]
    fn ascii_folding_and_case_count_agree_with_the_char_by_char_definitions() {
        let texts = [
            "Di BALI-nya,\t'Aceh'\r\n3km x2 `quoted` \x0bvt\x0cff",
            "ALL CAPS HEADLINE",
            "all lower case",
            "Ke São Paulo–Rio “kata” ÉLAN élan Ünal",
            "Para satu.\n\n Para  dua\r\n\r\nx \n y\t\u{b}z",
            "Ke \u{a0}\u{2009}Bali\n \nlagi\u{3000}\u{3000}",
            "berkum\u{ad}pul \u{200b} Vladimir\u{200b}Putin \u{ad}\u{ad}x\u{ad}",
            "",
        ];
        for text in texts {
            let by_char = fold_marked(text);
            assert_eq!(fold(text).0, by_char, "{text:?}");
            let (mut upper, mut lower) = (0, 0);
            for c in text.chars().filter(|c| c.is_alphabetic()) {
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
            assert_eq!(is_cased(text), upper > 0 && lower > upper, "{text:?}");
        }
        assert!(is_cased("Ke São Paulo") && !is_cased("ÉLAN ÜNAL") && !is_cased("élan"));
    }

    #[test]
    fn diacritics_folded_and_clitic_allowed() {
        let g = gazetteer(LEX);
        assert_eq!(tag(&g, "Ia ke Sao Paulo.", Lang::Id), [("Sao Paulo", "São Paulo".into())]);
        // A soft hyphen inside the name, a zero-width space beside or between its words.
        assert_eq!(tag(&g, "Ia ke Sao Pau\u{ad}lo.", Lang::Id), [("Sao Pau\u{ad}lo", "São Paulo".into())]);
        assert_eq!(
            tag(&g, "Ia ke Sao \u{200b} Paulo.", Lang::Id),
            [("Sao \u{200b} Paulo", "São Paulo".into())]
        );
        // Spaces doubled, or a non-breaking one beside a plain one, as scraped pages have them.
        assert_eq!(tag(&g, "Ia ke Sao \u{a0} Paulo.", Lang::Id), [("Sao \u{a0} Paulo", "São Paulo".into())]);
        assert_eq!(tag(&g, "Ia ke  Sao  Paulo.", Lang::Id), [("Sao  Paulo", "São Paulo".into())]);
        assert_eq!(tag(&g, "ekonomi Indonesianya tumbuh", Lang::Id), [("Indonesia", "Indonesia".into())]);
        assert!(tag(&g, "Indonesian food", Lang::En).is_empty());
    }

    #[test]
    fn context_aliases_and_propagation() {
        let g = gazetteer(LEX);
        assert_eq!(
            tag(&g, "Talks in Washington went on.", Lang::En),
            [("Washington", "Washington, D.C.".into())]
        );
        // Not the city: a person, by the given name before it (a rule, not the lexicon).
        assert_eq!(
            tag(&g, "The actor Denzel Washington smiled.", Lang::En),
            [("Denzel Washington", "Denzel Washington".into())]
        );
        // A title after it is no part of a longer name; a short abbreviation may be.
        assert_eq!(
            tag(&g, "The Washington Mayor spoke.", Lang::En),
            [("Washington", "Washington, D.C.".into())]
        );
        assert_eq!(
            tag(&g, "Washington MP Dmitry Peskov spoke.", Lang::En),
            [("Washington", "Washington, D.C.".into()), ("Dmitry Peskov", "Dmitry Peskov".into())]
        );
        assert!(tag(&g, "He played for Washington St Andrews.", Lang::En)
            .iter()
            .all(|(w, _)| *w != "Washington"));
        // A title of two words ("Prime Minister").
        assert_eq!(
            tag(&g, "He accused Washington Prime Minister Dmitry Peskov of lying.", Lang::En),
            [("Washington", "Washington, D.C.".into()), ("Dmitry Peskov", "Dmitry Peskov".into())]
        );
        assert_eq!(
            tag(&g, "Kata Dmitry Peskov kemarin. Lalu Peskov pergi.", Lang::Id),
            [("Dmitry Peskov", "Dmitry Peskov".into()), ("Peskov", "Dmitry Peskov".into())]
        );
        // A place whose name is also a person's yields to the person named in full before it: in
        // Indonesian by any of the names, in English by the family name only ("Washington" after
        // "Washington Irving" is still the city).
        assert_eq!(
            tag(&g, "Kata AKBP Washington Sitorus. Polisi memanggil Washington lagi.", Lang::Id)[1],
            ("Washington", "Washington Sitorus".into())
        );
        assert_eq!(
            tag(&g, "The actor Denzel Washington smiled. Washington waved.", Lang::En)[1],
            ("Washington", "Denzel Washington".into())
        );
        assert_eq!(
            tag(&g, "The writer Washington Irving smiled. Washington waited.", Lang::En),
            [("Washington Irving", "Washington Irving".into()), ("Washington", "Washington, D.C.".into())]
        );
    }

    #[test]
    fn a_nickname_in_quotes_is_inside_the_name() {
        let g = gazetteer("Q9\tPERSON\tJoko Widodo\tpolitician\tID\t95\tJokowi\n");
        let text = "Presiden Joko \"Jokowi\" Widodo meresmikan bendungan itu.";
        assert_eq!(tag(&g, text, Lang::Id), [("Joko \"Jokowi\" Widodo", "Joko Widodo".to_string())]);
        // A nickname the lexicon lacks: the person is named without it.
        let text = "Mantan pebulu tangkis Susi 'Susy' Susanti hadir.";
        assert_eq!(tag(&g, text, Lang::Id), [("Susi 'Susy' Susanti", "Susi Susanti".to_string())]);
        // A quotation after a name is no nickname.
        let text = "Kata Budi \"ini penting\" Santoso.";
        assert_eq!(tag(&g, text, Lang::Id), [("Budi", "Budi".to_string())]);
    }

    #[test]
    fn a_suspects_initials_are_no_country() {
        let g = gazetteer(LEX);
        for text in [
            "Polisi menangkap pelaku berinisial AS (35) di rumahnya.",
            "Tersangka AS dan RS ditahan sejak Jumat.",
            "Seorang mahasiswa, AS (17), dibawa ke rumah sakit.",
        ] {
            assert!(tag(&g, text, Lang::Id).iter().all(|(m, _)| *m != "AS"), "{text}");
        }
        for text in ["Harga minyak di AS naik tajam.", "Kata presiden AS itu kemarin."] {
            assert_eq!(tag(&g, text, Lang::Id), [("AS", "United States".to_string())], "{text}");
        }
    }

    #[test]
    fn a_towns_name_beside_a_final_score_is_its_team_throughout() {
        let g = gazetteer("Q20\tPLACE\tLiverpool\tcity\tGB\t70\nQ21\tPLACE\tBrighton\tcity\tGB\t60\n");
        let text =
            "Liverpool 3-1 Brighton\nSalah scored twice as Liverpool came from behind to beat Brighton.";
        let spans = [
            TagSpan { range: 0..22, tag: true, headline: false },
            TagSpan { range: 23..text.len(), tag: true, headline: false },
        ];
        let kinds: Vec<(&str, EntityKind)> =
            g.tag(text, &spans, Lang::En).into_iter().map(|m| (&text[m.range], m.kind)).collect();
        use EntityKind::Organization as O;
        assert_eq!(kinds, [("Liverpool", O), ("Brighton", O), ("Liverpool", O), ("Brighton", O)]);
        // A results table, a bowler's figures or a headline in capitals is no match's final score:
        // the town elsewhere stays a town.
        for line in [
            "Liverpool 3 Brighton 1 Leeds 2 Chelsea 0",
            "Bowling: Liverpool 9-0-49-1, Brighton 10-0-38-3.",
            "LIVERPOOL BEAT BRIGHTON 3-1 IN FINAL",
        ] {
            let text = format!("{line}\nShe was born in Liverpool.");
            let spans = [
                TagSpan { range: 0..line.len(), tag: true, headline: false },
                TagSpan { range: line.len() + 1..text.len(), tag: true, headline: false },
            ];
            let last = g.tag(&text, &spans, Lang::En).pop().map(|m| m.kind);
            assert_eq!(last, Some(EntityKind::Place), "{line}");
        }
        // (Enough lowercase prose after it that the article reads as cased, as a page does.)
        let text = "LIVERPOOL BEAT BRIGHTON 3-1 IN FINAL\nLiverpool won the final on Saturday in front of a \
                    crowd of more than thirty thousand people at the national stadium.";
        let spans = [
            TagSpan { range: 0..36, tag: true, headline: false },
            TagSpan { range: 37..text.len(), tag: true, headline: false },
        ];
        let found: Vec<(&str, EntityKind)> =
            g.tag(text, &spans, Lang::En).into_iter().map(|m| (&text[m.range], m.kind)).collect();
        assert!(found.iter().all(|(_, k)| *k != O), "{found:?}");
    }

    #[test]
    fn a_name_a_club_shares_is_the_club_among_other_clubs() {
        let g = gazetteer(
            "Q30\tPLACE\tAjax\tcity\tCA\t51\tAjax!context\n\
             Q31\tORGANIZATION\tAFC Ajax\tclub\tNL\t45\tAjax!context\n\
             Q32\tORGANIZATION\tPSV Eindhoven\tclub\tNL\t38\tPSV!case\n",
        );
        let named = |text: &'static str| tag(&g, text, Lang::En);
        assert_eq!(
            named("Ajax lost 2-0 at home, and PSV went top."),
            [("Ajax", "AFC Ajax".to_string()), ("PSV", "PSV Eindhoven".to_string())]
        );
        assert_eq!(named("The AFC Ajax board met. Ajax will sell.")[1], ("Ajax", "AFC Ajax".to_string()));
        // Without a club the lexicon's ranking stands.
        assert_eq!(named("Ajax opened a new library on Monday."), [("Ajax", "Ajax".to_string())]);
    }

    #[test]
    fn a_companys_legal_form_belongs_to_the_known_company() {
        let g = gazetteer(
            "Q9\tORGANIZATION\tBank Central Asia\tcompany\tID\t68\tPT Bank Central Asia\tBBCA!case\n\
             Q10\tORGANIZATION\tCitilink\tcompany\tID\t50\tCitilink Indonesia\n",
        );
        let named = |text: &'static str| -> Vec<(&'static str, String)> {
            let names = |m: &Mention| match m.target {
                Target::Lexicon(e) => g.lexicon.entities[e].canonical.clone(),
                _ => "-".to_string(),
            };
            g.tag(text, &body(text), Lang::Id).iter().map(|m| (&text[m.range.clone()], names(m))).collect()
        };
        let bca = "Bank Central Asia".to_string();
        for text in [
            "Kemarin, PT Bank Central Asia Tbk (BBCA) menguat.",
            // A sentence's first word before the company is no part of its name.
            "Saham PT Bank Central Asia Tbk (BBCA) menguat 1,5 persen.",
        ] {
            assert_eq!(
                named(text),
                [("PT Bank Central Asia Tbk", bca.clone()), ("BBCA", bca.clone())],
                "{text}"
            );
        }
        // The head word and the legal form around a name the lexicon has without them.
        assert_eq!(
            named("Kemarin PT Citilink Indonesia Tbk menambah rute."),
            [("PT Citilink Indonesia Tbk", "Citilink".to_string())]
        );
    }

    fn kinds<'a>(g: &Gazetteer, text: &'a str, lang: Lang) -> Vec<(&'a str, EntityKind, MentionSource)> {
        g.tag(text, &body(text), lang).into_iter().map(|m| (&text[m.range], m.kind, m.source)).collect()
    }

    #[test]
    fn a_region_head_s_name_between_commas_is_a_person() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        // Neither "Risna" nor "Sumarni" is a known given name: the commas around them say it.
        assert_eq!(
            kinds(&g, "Camat Sepaku, Risna Hermawati, mengatakan warga resah.", Lang::Id),
            [("Sepaku", L, R), ("Risna Hermawati", P, R)]
        );
        assert_eq!(
            kinds(&g, "Menurut Kepala Desa Bumi Harapan, Sumarni mengatakan warga menolak.", Lang::Id),
            [("Bumi Harapan", L, R), ("Sumarni", P, R)]
        );
        // A day, or another title after the comma: the first name is the holder's.
        assert_eq!(kinds(&g, "\"Aman,\" kata Camat Suparno, Senin (3/4).", Lang::Id), [("Suparno", P, R)]);
        assert_eq!(
            kinds(&g, "Hadir Camat Suparno, Lurah Wahono, dan warga.", Lang::Id),
            [("Suparno", P, R), ("Wahono", P, R)]
        );
        // Without commas, a person the lexicon knows after the region's name is the holder.
        assert_eq!(
            kinds(&g, "Lurah Sepaku Dmitry Peskov hadir dalam acara itu.", Lang::Id),
            [("Sepaku", L, R), ("Dmitry Peskov", P, MentionSource::Lexicon)]
        );
        // A holder's standing is no region ("petahana", the incumbent; "nonaktif", suspended).
        assert_eq!(
            kinds(&g, "Calon Gubernur Petahana Dmitry Peskov hadir.", Lang::Id),
            [("Dmitry Peskov", P, MentionSource::Lexicon)]
        );
        assert_eq!(kinds(&g, "Bupati Nonaktif Sutrisno Hadi hadir.", Lang::Id), [("Sutrisno Hadi", P, R)]);
    }

    #[test]
    fn an_organization_takes_in_no_known_person() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        assert_eq!(
            kinds(&g, "Ketua Fraksi Rakyat Maju Dmitry Peskov menolak.", Lang::Id),
            [("Fraksi Rakyat Maju", O, R), ("Dmitry Peskov", P, X)]
        );
        // Right after the head, the person is whom the organization is named after.
        assert_eq!(
            kinds(&g, "Yayasan Dmitry Peskov menggelar acara.", Lang::Id),
            [("Yayasan Dmitry Peskov", O, R)]
        );
    }

    #[test]
    fn a_town_before_a_given_name_is_a_person_s_name() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::Rule as R;
        let g =
            gazetteer(&format!("{LEX}Q13\tPLACE\tUnaí\tcity\tBR\t49\nQ14\tPLACE\tSheffield\tcity\tGB\t60\n"));
        for text in
            ["The manager Unai Emery said the team was tired.", "Coach Unai Emery said the team was tired."]
        {
            assert_eq!(kinds(&g, text, Lang::En), [("Unai Emery", P, R)], "{text}");
        }
        // A word that is no given name after a town still makes a club.
        assert_eq!(
            kinds(&g, "The manager of Sheffield Brightside said the team was tired.", Lang::En),
            [("Sheffield Brightside", O, R)]
        );
    }

    #[test]
    fn a_hyphenated_name_keeps_its_lowercase_parts() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        assert_eq!(
            kinds(&g, "Pelatih Kim Sang-sik memanggil 23 pemain.", Lang::Id),
            [("Kim Sang-sik", P, R)]
        );
        assert_eq!(kinds(&g, "Warga Desa Mbuang-mbuang hadir.", Lang::Id), [("Desa Mbuang-mbuang", L, R)]);
        // A suffix is not the name's: "Tarkovan-led", "BBB-minus".
        assert_eq!(
            kinds(&g, "The Dr. Tarkovan Ebbelin-led coalition won.", Lang::En),
            [("Tarkovan Ebbelin", P, R)]
        );
        // A function word after a hyphen is a dash's; two letters are a syllable.
        assert_eq!(kinds(&g, "Pelatih Henry Potter-juga hadir.", Lang::Id), [("Henry Potter", P, R)]);
        assert_eq!(kinds(&g, "President Moon Jae-in said so.", Lang::En), [("Moon Jae-in", P, R)]);
        // After an acronym, a compound adjective.
        let found = kinds(&g, "The Kedungbulus Institute BBB-rated bonds fell.", Lang::En);
        assert!(!found.is_empty() && found.iter().all(|(text, ..)| !text.ends_with("-rated")), "{found:?}");
    }

    #[test]
    fn halls_and_national_teams() {
        use EntityKind::{Organization as O, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // A hall named after a place is a place of its own where something happens there.
        assert_eq!(
            kinds(&g, "Konser digelar di Istora Indonesia kemarin.", Lang::Id),
            [("Istora Indonesia", L, R)]
        );
        assert_eq!(
            kinds(&g, "Wisuda digelar di Grha Sabha Pramana.", Lang::Id),
            [("Grha Sabha Pramana", L, R)]
        );
        // A province's head word still widens the province the lexicon knows.
        assert_eq!(kinds(&g, "Warga Kota Batu menolak.", Lang::Id), [("Kota Batu", L, X)]);
        // A national team, with its age group.
        assert_eq!(
            kinds(&g, "Pemain Timnas U-23 berlatih, sementara Timnas Indonesia libur.", Lang::Id),
            [("Timnas U-23", O, R), ("Timnas Indonesia", O, R)]
        );
    }

    #[test]
    fn a_market_is_a_place() {
        let g = gazetteer(LEX);
        for text in ["Wali kota itu juga meninjau Pasar Gede kemarin.", "Harga cabai di Pasar Gede naik."] {
            assert_eq!(
                kinds(&g, text, Lang::Id),
                [("Pasar Gede", EntityKind::Place, MentionSource::Rule)],
                "{text}"
            );
        }
        // The capital market is no place, nor part of the title before a name.
        assert_eq!(kinds(&g, "Indeks Pasar Modal naik.", Lang::Id), []);
        assert_eq!(
            kinds(
                &g,
                "Kepala Eksekutif Pengawas Pasar Modal Bank Indonesia Dmitry Peskov menolak.",
                Lang::Id
            ),
            [
                ("Bank Indonesia", EntityKind::Organization, MentionSource::Lexicon),
                ("Dmitry Peskov", EntityKind::Person, MentionSource::Lexicon)
            ]
        );
    }

    #[test]
    fn who_leads_or_chairs_is_a_person() {
        use EntityKind::Person as P;
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        for (text, name) in [
            ("Majelis hakim yang diketuai Rianto Adam Pontoh menjatuhkan vonis.", "Rianto Adam Pontoh"),
            ("Rombongan itu dipimpin oleh Katon Bagaskara sejak pagi.", "Katon Bagaskara"),
            ("Desa itu dipimpin oleh Hukum Tua Ruddy Kodongan.", "Ruddy Kodongan"),
        ] {
            assert_eq!(kinds(&g, text, Lang::Id), [(name, P, R)], "{text}");
        }
        // A capitalized function word after "dipimpin" is no name.
        assert!(kinds(&g, "Wilayah itu dipimpin Oleh Seorang Kepala Distrik.", Lang::Id).is_empty());
    }

    #[test]
    fn abbreviations_of_things_are_no_organizations() {
        let g = gazetteer(LEX);
        for text in [
            "The deficit would stay below 3% of GDP this year, he said.",
            "Trading closed at 1600 GMT after the CPI data, and the CEO said nothing.",
            "Cases of HIV and AIDS fell, while VAT receipts rose.",
        ] {
            assert!(kinds(&g, text, Lang::En).is_empty(), "{text}");
        }
        // An unknown acronym is still an organization.
        assert_eq!(
            kinds(&g, "Shares of ZQX Holdings fell after KWP said it would sell.", Lang::En)
                .into_iter()
                .map(|(n, k, _)| (n, k))
                .collect::<Vec<_>>(),
            [("ZQX Holdings", EntityKind::Organization), ("KWP", EntityKind::Organization)]
        );
    }

    #[test]
    fn a_city_in_a_result_told_in_prose_is_the_club() {
        use EntityKind::{Organization as O, Place as L};
        let g = gazetteer(LEX);
        let text = "Results came in on Sunday. Palmeiras beat São Paulo 3-1 in the derby. \
                    São Paulo fans left early.";
        let found: Vec<(&str, EntityKind)> =
            kinds(&g, text, Lang::En).into_iter().map(|(n, k, _)| (n, k)).collect();
        assert!(found.contains(&("São Paulo", O)) && !found.contains(&("São Paulo", L)), "{found:?}");
        // A country names a national side and stays a place.
        let found = kinds(&g, "Results came in on Sunday. Japan beat Indonesia 2-0 in Osaka.", Lang::En);
        assert!(found.iter().any(|&(n, k, _)| n == "Indonesia" && k == L), "{found:?}");
    }

    #[test]
    fn stadiums_parliaments_and_speakers() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        assert_eq!(
            kinds(&g, "Fans gathered at the Santiago Bernabeu on Sunday.", Lang::En),
            [("Santiago Bernabeu", L, R)]
        );
        assert_eq!(
            kinds(&g, "She spoke at the Joseph Rowntree Foundation on Monday.", Lang::En),
            [("Joseph Rowntree Foundation", EntityKind::Organization, R)]
        );
        assert!(kinds(&g, "The minister told Parliament the market was tight.", Lang::En).is_empty());
        assert_eq!(kinds(&g, "Parliament Speaker Toomas Savi said no.", Lang::En), [("Toomas Savi", P, R)]);
    }

    #[test]
    fn honorifics_of_pilgrims_and_teachers_are_titles() {
        use EntityKind::Person as P;
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        let found = |text: &'static str| kinds(&g, text, Lang::Id);
        assert_eq!(found("Ia anak dari Haji Ahmad, ulama Minangkabau."), [("Ahmad", P, R)]);
        assert_eq!(found("Disamping itu, Kyai Wahab juga merantau."), [("Wahab", P, R)]);
        // A title joined to the next word by a hyphen is part of the name.
        let text = "However, Mr Haji-Ioannou, who plans to launch it, said no.";
        assert_eq!(kinds(&g, text, Lang::En), [("Haji-Ioannou", P, R)]);
    }

    #[test]
    fn punctuation_after_the_next_word_does_not_hide_its_capital() {
        // A context alias does not match beside a capitalized word, with a comma after it or not.
        let g = gazetteer("Q40\tPLACE\tDavid\tcity\tPA\t49\tDavid!context\n");
        for text in ["Dr David McLeod, who examined him, said so.", "Dr David McLeod said so."] {
            let found = kinds(&g, text, Lang::En);
            assert_eq!(found, [("David McLeod", EntityKind::Person, MentionSource::Rule)], "{text}");
        }
    }

    #[test]
    fn a_nationality_before_a_person_s_name_is_no_part_of_it() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        let found = |text: &'static str| kinds(&g, text, Lang::En);
        assert_eq!(
            found("He won by beating American Oliver McCall in Las Vegas."),
            [("Oliver McCall", P, R)]
        );
        assert_eq!(found("Belgian Kris Goossens won the stage."), [("Kris Goossens", P, R)]);
        // A name that ends as an organization's keeps its nationality; a title names no one.
        assert_eq!(found("They met at the British Museum on Monday."), [("British Museum", O, R)]);
        assert_eq!(found("Losses grew at its Asian Star TV operations."), [("Asian Star TV", O, R)]);
        assert!(found("He recalled the late British Prime Minister's address.").is_empty());
    }

    #[test]
    fn a_country_s_adjective_is_no_given_name() {
        // "Philippine" is a French given name; the world list leaves out a country's name
        // without its plural s.
        let g = gazetteer(LEX);
        assert!(kinds(&g, "Tributes poured in for the late Philippine president.", Lang::En).is_empty());
    }

    #[test]
    fn a_religion_or_an_ethnic_group_is_no_name() {
        let g = gazetteer(LEX);
        for text in
            ["Warga desa itu beragama Kristen Protestan.", "Sebagian besar warga bersuku Dayak Ngaju."]
        {
            assert!(kinds(&g, text, Lang::Id).is_empty(), "{text}");
        }
    }

    #[test]
    fn what_speaks_from_a_place_is_no_person() {
        let g = gazetteer(LEX);
        assert_eq!(
            kinds(&g, "Police in Bedfordshire said the man was arrested.", Lang::En),
            [("Bedfordshire", EntityKind::Place, MentionSource::Rule)]
        );
        assert_eq!(
            kinds(&g, "An analyst at Credit Suisse said rates would fall.", Lang::En),
            [("Credit Suisse", EntityKind::Organization, MentionSource::Rule)]
        );
        // A person's name after "in" still speaks ("in May said" is no name at all).
        assert_eq!(
            kinds(&g, "A spokesman in Jakarta, Hakan Yilmaz said the talks went well.", Lang::En),
            [("Hakan Yilmaz", EntityKind::Person, MentionSource::Rule)]
        );
    }

    #[test]
    fn a_place_the_rules_found_is_found_again_without_its_head() {
        use EntityKind::Place as L;
        use MentionSource::{Alias as A, Rule as R};
        let g = gazetteer(LEX);
        let text = "Warga Kecamatan Sepaku menolak. Rumah di Sepaku terendam. Warga Sepaku mengungsi.";
        let found = g.tag(text, &body(text), Lang::Id);
        let seen: Vec<_> = found.iter().map(|m| (&text[m.range.clone()], m.kind, m.source)).collect();
        assert_eq!(seen, [("Kecamatan Sepaku", L, R), ("Sepaku", L, A), ("Sepaku", L, A)]);
        assert!(found.iter().all(|m| m.target == found[0].target));
        // Not inside a longer name, nor a sentence's first word.
        assert_eq!(
            kinds(&g, "Desa Raanan dipecah menjadi Raanan Baru dan SD Raanan. Raanan kini maju.", Lang::Id)
                .iter()
                .filter(|(_, _, s)| *s == A)
                .count(),
            0
        );
    }

    #[test]
    fn rules_find_names_the_lexicon_lacks() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        use MentionSource::{Alias as A, Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // A title before, a reporting verb after, the short form later.
        assert_eq!(
            kinds(&g, "Kata Menteri Keuangan Sri Wahyuni, harga naik. Wahyuni menolak.", Lang::Id),
            [("Sri Wahyuni", P, R), ("Wahyuni", P, A)]
        );
        assert_eq!(
            kinds(&g, "The deal is done, said Hakan Yilmaz on Monday.", Lang::En),
            [("Hakan Yilmaz", P, R)]
        );
        // A region's head: the region's unknown name, then the holder's.
        for text in [
            "Camat Genuk, Slamet Riyadi, mengatakan 430 rumah terdampak.",
            "Camat Genuk Slamet Riyadi mengatakan 430 rumah terdampak.",
        ] {
            assert_eq!(kinds(&g, text, Lang::Id), [("Genuk", L, R), ("Slamet Riyadi", P, R)], "{text}");
        }
        assert_eq!(kinds(&g, "\"Aman,\" kata Camat Slamet, Rabu (13/3/2024).", Lang::Id), [("Slamet", P, R)]);
        assert_eq!(
            kinds(
                &g,
                "Hakim memvonis mantan Kepala Desa Sukamaju, Kabupaten Tegalrejo, Asep Saepudin.",
                Lang::Id
            ),
            [("Sukamaju", L, R), ("Kabupaten Tegalrejo", L, R), ("Asep Saepudin", P, R)]
        );
        // A Balinese name after an office's known place is the holder's.
        assert_eq!(
            kinds(&g, "Kepala Kantor SAR Indonesia I Nyoman Sidakarya mengatakan hal itu.", Lang::Id),
            [("Kantor SAR Indonesia", O, R), ("I Nyoman Sidakarya", P, R)]
        );
        // A known person's name with a surname after it is someone else's.
        assert_eq!(
            kinds(&g, "Kuasa hukumnya, Dmitry Peskov Saputra, menolak.", Lang::Id),
            [("Dmitry Peskov Saputra", P, R)]
        );
        assert_eq!(
            kinds(&g, "His death, at Eka Hospital, was confirmed.", Lang::En),
            [("Eka Hospital", L, R)]
        );
        // An organization's head inside a span takes its connectors: "The Ministry of Health".
        assert_eq!(
            kinds(&g, "The Ministry of Health has recorded 2,150 cases, an official said.", Lang::En),
            [("Ministry of Health", O, R)]
        );
        // English puts the head last: the names before it are the organization's own, and the
        // name goes on through further heads ("National Bank of Poland"). A possessor or "the"
        // is no part of it.
        assert_eq!(
            kinds(&g, "The Agriculture Department proposed a ban on the imports.", Lang::En),
            [("Agriculture Department", O, R)]
        );
        assert_eq!(
            kinds(
                &g,
                "Officials of the Federal Open Market Committee met the National Bank of Poland.",
                Lang::En
            ),
            [("Federal Open Market Committee", O, R), ("National Bank of Poland", O, R)]
        );
        // An Indonesian noun made with pe-…-an or ke-…-an names an office's field, not its
        // holder, and goes with the title before the holder's name.
        for (text, want) in [
            (
                "Direktur Jenderal Pencegahan dan Pengendalian Penyakit Imran Pambudi mengatakan kasus naik.",
                &[("Imran Pambudi", P, R)][..],
            ),
            (
                "Menteri Kelautan dan Perikanan Sharif Cicip Sutardjo meninjau pelabuhan itu.",
                &[("Sharif Cicip Sutardjo", P, R)],
            ),
            ("Ia pernah menjabat Menteri Perguruan Tinggi dan Ilmu Pengetahuan pada 1968.", &[]),
        ] {
            assert_eq!(kinds(&g, text, Lang::Id), want, "{text}");
        }
        // A quotation's first word is capitalized for being first.
        for text in [
            "Prime Minister Keir Starmer said: \"For too long this country has said no.\"",
            "Prime Minister Keir Starmer said, \"We are choosing to say yes.\"",
        ] {
            assert_eq!(kinds(&g, text, Lang::En), [("Keir Starmer", P, R)], "{text}");
        }
        // What speaks after "the" is a body, not a person, unless a given name follows it.
        assert_eq!(
            kinds(&g, "Later the Conservatives said the plans would harm nature.", Lang::En),
            [("Conservatives", O, R)]
        );
        assert_eq!(
            kinds(&g, "Craig Bennett of The Wildlife Trusts said the bill was a mistake.", Lang::En),
            [("Craig Bennett", P, R), ("The Wildlife Trusts", O, R)]
        );
        assert_eq!(
            kinds(&g, "He criticised the Clinton administration on Monday.", Lang::En),
            [("Clinton", P, R)]
        );
        // An Indonesian function word inside a run of capitals makes it no person's name.
        let found = kinds(&g, "1. Harga Emas Antam di Indonesia Hari Ini Turun Rp 5.000", Lang::Id);
        assert!(found.iter().all(|(_, k, _)| *k != P), "{found:?}");
        // An apposition that gives a role after a comma makes the name before it a person.
        assert_eq!(
            kinds(&g, "Mukhtar Babayev, Indonesia's ecology minister, urged delegations to move.", Lang::En),
            [("Mukhtar Babayev", P, R), ("Indonesia", L, X)]
        );
        assert_eq!(
            kinds(
                &g,
                "Wopke Hoekstra, the bloc's climate commissioner, urged delegations to move.",
                Lang::En
            ),
            [("Wopke Hoekstra", P, R)]
        );
        // Not a list that goes on.
        let found =
            kinds(&g, "Stadion itu menggelar Piala Liga Inggris, dan tuan rumah final lain.", Lang::Id);
        assert!(found.iter().all(|(_, k, _)| *k != P), "{found:?}");
        // A hospital named after someone keeps the title in its name; a community health
        // centre is a facility too.
        assert_eq!(
            kinds(&g, "Korban dibawa ke RSUP Dr. Sardjito kemarin malam.", Lang::Id),
            [("RSUP Dr. Sardjito", L, R)]
        );
        assert_eq!(
            kinds(&g, "Pasien dirujuk ke Puskesmas Cakung kemarin.", Lang::Id),
            [("Puskesmas Cakung", L, R)]
        );
        // After a title, words before an organization's head belong to the office.
        assert_eq!(
            kinds(
                &g,
                "Ketua Umum Pengurus Pusat Ikatan Dokter Anak Indonesia, Piprim Basarah, mengatakan itu.",
                Lang::Id
            ),
            [("Ikatan Dokter Anak Indonesia", O, R), ("Piprim Basarah", P, R)]
        );
        // Words right before a title are part of it.
        assert_eq!(
            kinds(&g, "Also present was Philippine Foreign Secretary Enrique Manalo.", Lang::En),
            [("Enrique Manalo", P, R)]
        );
        // A known place may open it.
        assert_eq!(
            kinds(&g, "Officials at Indonesia National Bank said the rates would hold.", Lang::En),
            [("Indonesia National Bank", O, R)]
        );
        let found = kinds(&g, "The News Agency of Nigeria quoted Wednesday's Commission report.", Lang::En);
        assert_eq!(found[0], ("News Agency of Nigeria", O, R));
        assert!(found.iter().all(|(m, ..)| !m.contains("Commission")), "{found:?}");
        // A list item's number does not keep a title-case heading from being a headline ("korban
        // jiwa" are fatalities); a numbered title and name stay a person.
        assert_eq!(kinds(&g, "3. Tidak Ada Korban Jiwa", Lang::Id), []);
        assert_eq!(kinds(&g, "7. Kapten Arh Herubelum", Lang::Id), [("Arh Herubelum", P, R)]);
        // A palace that speaks is a place, not a person.
        assert_eq!(
            kinds(&g, "The Presidential Palace said on Sunday that she would stay.", Lang::En),
            [("Presidential Palace", L, R)]
        );
        // Organization heads and tails; a place head widens the lexicon's place.
        assert_eq!(
            kinds(&g, "Ia bekerja di PT Sumber Makmur Tbk sejak lama.", Lang::Id),
            [("PT Sumber Makmur Tbk", O, R)]
        );
        assert_eq!(kinds(&g, "Warga Desa Kedungbulus mengungsi.", Lang::Id), [("Desa Kedungbulus", L, R)]);
        assert_eq!(
            kinds(&g, "Izin itu datang dari Departemen Sosial tahun lalu.", Lang::Id),
            [("Departemen Sosial", O, R)]
        );
        // A title's word before the office it heads is no name; a given name after the office's
        // known place begins the title holder's name.
        assert_eq!(
            kinds(&g, "\"Aman,\" kata Kepala Satuan Reserse Kriminal AKBP Danu Saputra.", Lang::Id),
            [("Satuan Reserse Kriminal", O, R), ("Danu Saputra", P, R)]
        );
        assert_eq!(
            kinds(
                &g,
                "Kepala Stasiun Klimatologi Indonesia Rahmat Prasetia mengatakan hujan turun.",
                Lang::Id
            ),
            [("Stasiun Klimatologi Indonesia", O, R), ("Rahmat Prasetia", P, R)]
        );
        // A company's legal form makes an organization even of a name that starts like a person's.
        assert_eq!(
            kinds(&g, "It was bought by Magna International Inc on Friday.", Lang::En),
            [("Magna International Inc", O, R)]
        );
        // So does a group's: "Saka" is a given name, "Group" no family name.
        assert_eq!(
            kinds(&g, "Dia bergabung di Saka Design Group sejak 2010.", Lang::Id),
            [("Saka Design Group", O, R)]
        );
        // A roman numeral inside a headed name, as a figure is.
        assert_eq!(
            kinds(&g, "Gedung baru SMK IV Kedungbulus rampung.", Lang::Id),
            [("SMK IV Kedungbulus", O, R)]
        );
        // A facility where something happens is a place; named alone it is the organization.
        assert_eq!(
            kinds(&g, "Rapat digelar di Hotel Preanger kemarin.", Lang::Id),
            [("Hotel Preanger", L, R)]
        );
        assert_eq!(kinds(&g, "Mereka memuji Hotel Preanger kemarin.", Lang::Id), [("Hotel Preanger", O, R)]);
        // The cue may open the sentence.
        assert_eq!(kinds(&g, "Di Hotel Preanger, rapat digelar.", Lang::Id), [("Hotel Preanger", L, R)]);
        // A known place in a longer name of unknown words is an organization in English.
        assert_eq!(
            kinds(&g, "Shares of Indonesia Steel Works rose.", Lang::En),
            [("Indonesia Steel Works", O, R)]
        );
        // Results lines: a name before a score is a team.
        assert_eq!(kinds(&g, "Leeds 2 Chelsea 1", Lang::En), [("Leeds", O, R), ("Chelsea", O, R)]);
        // A full name with a country in brackets is a person.
        assert_eq!(
            kinds(&g, "Zorvan Kelteth (Indonesia) beat Qelm Traviso (Indonesia) 6-3 6-4", Lang::En),
            [("Zorvan Kelteth", P, R), ("Indonesia", L, X), ("Qelm Traviso", P, R), ("Indonesia", L, X)]
        );
        // So is the name that opens a standings line, known place or not; a row of accounts is
        // not one, nor a name with a year or two.
        assert_eq!(kinds(&g, "CHICAGO 71 64 .526 10", Lang::En), [("CHICAGO", O, R)]);
        assert_eq!(kinds(&g, "Indonesia 3 2 1 0 5 2 7", Lang::En), [("Indonesia", O, R)]);
        assert!(kinds(&g, "Operating Income 906 962 599 515", Lang::En).is_empty());
        assert_eq!(kinds(&g, "Indonesia 2019 2020", Lang::En), [("Indonesia", L, X)]);
        // A known given name makes a person, first in the sentence or not (given-names-id-extra.txt).
        assert_eq!(kinds(&g, "Retno Handayani tiba kemarin.", Lang::Id), [("Retno Handayani", P, R)]);
        // A military rank's corps completes the title ("Kolonel Penerbang").
        assert_eq!(
            kinds(&g, "Hadir pula Kolonel Penerbang Hadi Purnomo.", Lang::Id),
            [("Hadi Purnomo", P, R)]
        );
        // Initials make a person.
        assert_eq!(kinds(&g, "Runs came from G. Thorpe and others.", Lang::En), [("G. Thorpe", P, R)]);
        // No cue, no name: sentence-initial capitals, quoted titles, lone words.
        assert!(kinds(&g, "Pertandingan itu berakhir imbang.", Lang::Id).is_empty());
        assert!(kinds(&g, "Ia menyanyikan \"Jiwa Yang Bergelora\" lagi.", Lang::Id).is_empty());
        assert!(kinds(&g, "Harga Pokok naik lagi.", Lang::Id).is_empty());
        // The lexicon still comes first.
        assert_eq!(kinds(&g, "Dmitry Peskov tiba.", Lang::Id), [("Dmitry Peskov", P, X)]);
    }

    #[test]
    fn lowercase_village_and_district_heads_make_places() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // The head word belongs to a village's or a district's name, written either way.
        assert_eq!(
            kinds(&g, "Banjir melanda desa Kutuk dan dusun Krajan di kecamatan Undaan.", Lang::Id),
            [("desa Kutuk", L, R), ("dusun Krajan", L, R), ("kecamatan Undaan", L, R)]
        );
        // A known place takes in the head word as it does capitalized.
        assert_eq!(kinds(&g, "Warga kabupaten Batu mengungsi.", Lang::Id), [("kabupaten Batu", L, X)]);
        // "pulau", "kota": a common noun before the name.
        assert_eq!(kinds(&g, "Ia tinggal di pulau Tuangku.", Lang::Id), [("Tuangku", L, R)]);
        // …and "kawasan" (an area), which is no head of a name when capitalized.
        assert_eq!(
            kinds(&g, "Sekolah itu ada di kawasan Bintaro sejak 2010.", Lang::Id),
            [("Bintaro", L, R)]
        );
        assert_eq!(kinds(&g, "Bantaran sungai adalah Kawasan Rawan Bencana.", Lang::Id), []);
        // A village does not speak; someone from it does.
        assert_eq!(kinds(&g, "Warga dari desa Kutuk mengatakan hal itu.", Lang::Id), [("desa Kutuk", L, R)]);
        // Villages of a people, not a named village.
        for plural in ["Tentara membakar desa-desa Rohingya.", "Foto memperlihatkan banyak desa Rohingya."] {
            assert!(kinds(&g, plural, Lang::Id).is_empty(), "{plural}");
        }
        // A role before it makes a person.
        assert_eq!(kinds(&g, "Hadir sekretaris desa Anton Yunianto.", Lang::Id), [("Anton Yunianto", P, R)]);
        // No lowercase head in English, nor across punctuation.
        assert!(kinds(&g, "The word desa Tuangku is a song.", Lang::En).is_empty());
        assert!(kinds(&g, "Mereka pulang ke desa, Kutuk menunggu.", Lang::Id).is_empty());
        // One village whichever way its head is written, named with a capital.
        let text = "Banjir melanda desa Kutuk. Warga Desa Kutuk mengungsi.";
        let targets: Vec<Target> = g.tag(text, &body(text), Lang::Id).into_iter().map(|m| m.target).collect();
        assert_eq!(targets, [Target::New("Desa Kutuk".into()), Target::New("Desa Kutuk".into())]);
    }

    #[test]
    fn balinese_names_titles_and_asides() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::{Alias as A, Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // "I" and "Ni" before a birth-order name or title belong to the name, first in the
        // sentence or not; the birth-order name alone later is the same person.
        assert_eq!(
            kinds(&g, "Before sunrise, I Wayan Sudarma walks the dikes. Later Wayan listens.", Lang::En),
            [("I Wayan Sudarma", P, R), ("Wayan", P, A)]
        );
        assert_eq!(
            kinds(&g, "I Ketut Mertayasa tiba di Batu bersama Ni Luh Putu Sari.", Lang::Id),
            [("I Ketut Mertayasa", P, R), ("Batu", L, X), ("Ni Luh Putu Sari", P, R)]
        );
        assert_eq!(
            kinds(&g, "\"Now we have a chart,\" said I Gusti Ngurah Rai.", Lang::En),
            [("I Gusti Ngurah Rai", P, R)]
        );
        // A name after a title ends where the "I" of the next name starts: "Region I" is not
        // part of anyone's name.
        assert_eq!(
            kinds(&g, "Kepala Region I Wayan Subagja mengatakan hal itu.", Lang::Id).last(),
            Some(&("I Wayan Subagja", P, R))
        );
        // The pronoun is still a pronoun, and a roman numeral a numeral.
        assert!(kinds(&g, "I think the Region I office is closed.", Lang::En).is_empty());
        // A title first in the sentence is a title, not a function word to skip.
        assert_eq!(
            kinds(&g, "Dr. Tarkovan Ebbelin, a lecturer, said the test would come.", Lang::En),
            [("Tarkovan Ebbelin", P, R)]
        );
        // "At X, said": the reporting verb belongs to the aside's subject; "X, who said" to X.
        assert_eq!(
            kinds(&g, "Ellen Okafor, a lecturer at Kedungbulus, said so.", Lang::En),
            [("Ellen Okafor", P, R)]
        );
        assert_eq!(
            kinds(&g, "It was found in a house belonging to Detroux, who said nothing.", Lang::En),
            [("Detroux", P, R)]
        );
    }

    #[test]
    fn a_village_head_s_village_is_not_the_regency_of_its_name() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(&format!("{LEX}Q10\tPLACE\tKendal Regency\tregency\tID\t50\tKendal\n"));
        // A regent heads the regency the lexicon knows…
        assert_eq!(
            kinds(&g, "Bupati Kendal Dico Ganinduto meninjau lokasi.", Lang::Id),
            [("Kendal", L, X), ("Dico Ganinduto", P, R)]
        );
        // …a village head or a district head a unit below it, of the same name.
        assert_eq!(
            kinds(&g, "Kepala Desa Kendal, Sutrisno, mengatakan warga resah.", Lang::Id),
            [("Kendal", L, R), ("Sutrisno", P, R)]
        );
        // The holder between commas, given name or not.
        assert_eq!(
            kinds(&g, "Kades Kendal, Rasnim Wirajaya, menolak rencana itu.", Lang::Id),
            [("Kendal", L, R), ("Rasnim Wirajaya", P, R)]
        );
        assert_eq!(kinds(&g, "Camat Kendal mengatakan hal itu.", Lang::Id), [("Kendal", L, R)]);
    }

    #[test]
    fn an_unknown_acronym_after_a_title_is_the_holder_s_organization() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // Before a given name, or before two words: the organization, then the holder.
        assert_eq!(
            kinds(&g, "Peneliti CSIS Arya Fernandes sependapat.", Lang::Id),
            [("CSIS", O, R), ("Arya Fernandes", P, R)]
        );
        assert_eq!(
            kinds(&g, "Hal itu disampaikan Ketua GAPPRI Ismanu Sumiran.", Lang::Id),
            [("GAPPRI", O, R), ("Ismanu Sumiran", P, R)]
        );
        // Alone, or with words that are no name: an organization.
        assert_eq!(kinds(&g, "Ia menjabat Panglima ABRI saat itu.", Lang::Id), [("ABRI", O, R)]);
        assert_eq!(
            kinds(&g, "Ia menjadi anggota PETA Pembela Tanah Air.", Lang::Id),
            [("PETA Pembela Tanah Air", O, R)]
        );
        // The office goes on after it; an acronym in brackets spells the words before it; a
        // party's board is none.
        assert_eq!(
            kinds(&g, "Hal itu kata Managing Director LINE Indonesia Ongki Kurniawan.", Lang::Id),
            [("Indonesia", L, X), ("Ongki Kurniawan", P, R)]
        );
        assert_eq!(kinds(&g, "Pasar menanti Rapat Dewan Gubernur (RDG) pekan depan.", Lang::Id), []);
        assert_eq!(
            kinds(&g, "Hal itu kata Ketua DPP Sutan Bhatoegana.", Lang::Id),
            [("Sutan Bhatoegana", P, R)]
        );
        // "Jaksa Penuntut Umum" is a title, no name.
        assert_eq!(kinds(&g, "Jaksa Penuntut Umum (JPU) menuntut terdakwa.", Lang::Id), []);
    }

    #[test]
    fn sections_of_offices_and_ranks_are_no_names() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(&format!("{LEX}Q8\tORGANIZATION\tPDI-P\tparty\tID\t80\tPDIP\n"));
        // "Bidang Ekonomi" names the section of the board the holder heads, after a title…
        assert_eq!(kinds(&g, "Ia kini menjabat Ketua DPP Bidang Ekonomi.", Lang::Id), []);
        assert_eq!(
            kinds(&g, "Hal itu kata Ketua Bidang Ekonomi Hendrawan Supratikno.", Lang::Id),
            [("Hendrawan Supratikno", P, R)]
        );
        // …and after the organization a title names.
        assert_eq!(
            kinds(&g, "Hal itu kata Ketua DPP PDIP Bidang Ekonomi Hendrawan Supratikno.", Lang::Id),
            [("PDIP", O, X), ("Hendrawan Supratikno", P, R)]
        );
        assert_eq!(
            kinds(
                &g,
                "Menurut Wakil Ketua Umum PDIP Bidang Hubungan Luar Negeri Ahmad Basarah, itu keliru.",
                Lang::Id
            ),
            [("PDIP", O, X), ("Ahmad Basarah", P, R)]
        );
        assert_eq!(
            kinds(&g, "Ketua DPP PDIP Bidang Polhukam Al Muzammil Yusuf menolak.", Lang::Id),
            [("PDIP", O, X), ("Al Muzammil Yusuf", P, R)]
        );
        // Military ranks are titles, in both languages.
        assert_eq!(
            kinds(&g, "NATO spokesman Lieutenant Colonel Max Marriner said so.", Lang::En),
            [("Max Marriner", P, R)]
        );
        assert_eq!(kinds(&g, "Hadir pula Letkol Budi Santoso.", Lang::Id), [("Budi Santoso", P, R)]);
        // "Eksekutif" completes a director's title, as "Umum" does.
        assert_eq!(
            kinds(&g, "Hal itu kata Direktur Eksekutif Joel Simon dalam laporannya.", Lang::Id),
            [("Joel Simon", P, R)]
        );
        // A section's name goes on after "dan"; a list of fields names no one.
        assert_eq!(
            kinds(&g, "Ketua DPP PDIP Bidang Hukum dan HAM Trimedya Panjaitan menolak.", Lang::Id),
            [("PDIP", O, X), ("Trimedya Panjaitan", P, R)]
        );
        assert_eq!(kinds(&g, "Ia menyuap Deputi Bidang Informasi, Hukum, dan Kerja Sama.", Lang::Id), []);
        // Without a title, a section is no office ("Seksi IV" of a toll road).
        assert_eq!(kinds(&g, "Kemudian, Seksi IV Jurumudi dan Tanah Tinggi dibuka.", Lang::Id), []);
        // The attorney general and the judges of the higher courts: two-word titles, and the
        // prosecution's branches complete them.
        assert_eq!(kinds(&g, "Ia dilantik sebagai Jaksa Agung hari ini.", Lang::Id), []);
        assert_eq!(kinds(&g, "Hal itu diputuskan para Hakim Konstitusi kemarin.", Lang::Id), []);
        assert_eq!(kinds(&g, "Hakim Agung Gazalba Saleh ditahan.", Lang::Id), [("Gazalba Saleh", P, R)]);
        assert_eq!(
            kinds(&g, "Jaksa Agung Muda Pidana Umum Asep Nana Mulyana hadir.", Lang::Id),
            [("Asep Nana Mulyana", P, R)]
        );
        // An award's category names no one.
        assert_eq!(kinds(&g, "Ia dinyatakan sebagai Aktor Terbaik tahun itu.", Lang::Id), []);
        // English arts roles are titles, and a laureate's honour completes one.
        let g2 = gazetteer("Q16\tPLACE\tHamm\tcity\tDE\t52\n");
        assert_eq!(kinds(&g2, "Actor Jon Hamm has left rehab.", Lang::En), [("Jon Hamm", P, R)]);
        assert_eq!(
            kinds(&g, "Poet Laureate Carol Ann Duffy wrote it.", Lang::En),
            [("Carol Ann Duffy", P, R)]
        );
    }

    #[test]
    fn a_title_that_ends_an_organization_s_name_is_its_own() {
        use EntityKind::{Organization as O, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // No name after "Jaksa" or "Justice": the title is a word of the organization's name.
        assert_eq!(
            kinds(&g, "Sidang digelar Majelis Kehormatan Jaksa (MKJ) di Indonesia.", Lang::Id),
            [("Majelis Kehormatan Jaksa", O, R), ("Indonesia", L, X)]
        );
        assert_eq!(kinds(&g, "The Ministry of Justice said so.", Lang::En), [("Ministry of Justice", O, R)]);
        // Right after the head, it makes no name ("Direktorat Jenderal" alone names nothing).
        assert_eq!(kinds(&g, "Seleksi dilakukan oleh Direktorat Jenderal kemarin.", Lang::Id), []);
    }

    #[test]
    fn an_organization_s_last_word_after_a_title_ends_the_holder_s_organization() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        assert_eq!(
            kinds(&g, "Saham naik, menurut analis Mirae Asset Sekuritas Nafan Aji Gusta.", Lang::Id),
            [("Mirae Asset Sekuritas", O, R), ("Nafan Aji Gusta", P, R)]
        );
        assert_eq!(
            kinds(&g, "The group will grow, said chairman Lippo Group John Riady.", Lang::En),
            [("Lippo Group", O, R), ("John Riady", P, R)]
        );
        // One word after it is no full name: the run stays as it was read.
        assert_eq!(
            kinds(&g, "Hal itu kata analis Mandiri Sekuritas kemarin.", Lang::Id),
            [("Mandiri Sekuritas", O, R)]
        );
    }

    #[test]
    fn country_codes_with_a_seed_in_results_are_no_names() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::{Lexicon as X, Rule as R};
        let g =
            gazetteer(&format!("{LEX}Q9\tORGANIZATION\tDewan Ekonomi Nasional\tagency\tID\t50\tDEN!case\n"));
        assert_eq!(
            kinds(&g, "Ganda putra: Mathias Boe (DEN/2) vs Hendra Setiawan (INA/MAS) 21-8.", Lang::Id),
            [("Mathias Boe", P, R), ("Hendra Setiawan", P, R)]
        );
        assert_eq!(
            kinds(&g, "Men's singles: Kento Momota (JPN/1) beat Chen Long 21-15.", Lang::En),
            [("Chen Long", P, R)]
        );
        // The council's acronym elsewhere, bracketed or not, is the council.
        assert_eq!(
            kinds(&g, "Rapat Dewan Ekonomi Nasional (DEN) digelar. DEN menolak.", Lang::Id),
            [("Dewan Ekonomi Nasional", O, X), ("DEN", O, X), ("DEN", O, X)]
        );
    }

    #[test]
    fn sides_around_v_are_teams_but_not_in_a_court_case() {
        use EntityKind::{Organization as O, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(LEX);
        // Known places on both sides of "v" in a fixture are its teams…
        assert_eq!(
            kinds(&g, "Indonesia v United States was called off.", Lang::En),
            [("Indonesia", O, R), ("United States", O, R)]
        );
        // …but "v." cites a case, whose parties keep what they are.
        assert_eq!(
            kinds(&g, "The judges cited Indonesia v. United States in the ruling.", Lang::En),
            [("Indonesia", L, X), ("United States", L, X)]
        );
    }

    #[test]
    fn a_regent_s_place_is_the_regency_and_a_mayor_s_the_city() {
        let g = gazetteer(&format!(
            "{LEX}Q20\tPLACE\tBogor\tcity\tID\t60\tKota Bogor\n\
             Q21\tPLACE\tBogor Regency\tregency\tID\t45\tBogor\tKabupaten Bogor\n\
             Q22\tPLACE\tMalang Regency\tregency\tID\t60\tMalang\n\
             Q23\tPLACE\tMalang\tcity\tID\t50\n"
        ));
        let ids = |text: &str| -> Vec<String> {
            g.tag(text, &body(text), Lang::Id)
                .iter()
                .filter(|m| m.kind == EntityKind::Place)
                .map(|m| format!("{} {}", &text[m.range.clone()], g.name_and_id(&m.target).1.unwrap_or("-")))
                .collect()
        };
        // The lexicon ranks the city of Bogor first…
        assert_eq!(ids("Hujan deras melanda Bogor kemarin."), ["Bogor Q20"]);
        // …but a regent serves the regency, and so does its government.
        assert_eq!(ids("Bupati Bogor meminta warga waspada."), ["Bogor Q21"]);
        assert_eq!(ids("Warga kabupaten Bogor mengungsi."), ["kabupaten Bogor Q21"]);
        // Where the regency ranks first, a mayor still serves the city.
        assert_eq!(ids("Hujan deras melanda Malang kemarin."), ["Malang Q22"]);
        assert_eq!(ids("Wali Kota Malang meminta warga waspada."), ["Malang Q23"]);
        // The city's alias "Kota Bogor" does not begin inside the title "Wali Kota".
        assert_eq!(ids("Wali Kota Bogor meminta warga waspada."), ["Bogor Q20"]);
        assert_eq!(ids("Warga Kota Bogor mengungsi."), ["Kota Bogor Q20"]);
    }

    #[test]
    fn a_district_s_head_names_the_district_and_a_street_is_no_city() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(&format!(
            "{LEX}Q10\tPLACE\tMenteng\tdistrict\tID\t35\tKecamatan Menteng\n\
             Q11\tPLACE\tSurabaya\tcity\tID\t66\n\
             Q12\tPLACE\tJalan Malioboro\tstreet\tID\t40\tMalioboro\n\
             Q13\tPLACE\tMount Merapi\tmountain\tID\t50\tMerapi\n"
        ));
        // The district's own head and its title name the district the lexicon knows…
        assert_eq!(
            kinds(&g, "Camat Menteng Sulaiman Nasution meninjau lokasi.", Lang::Id),
            [("Menteng", L, X), ("Sulaiman Nasution", P, R)]
        );
        assert_eq!(kinds(&g, "Warga kecamatan Menteng mengungsi.", Lang::Id), [("kecamatan Menteng", L, X)]);
        // …a village's a unit below it, of the same name.
        assert_eq!(kinds(&g, "Lurah Menteng mengatakan hal itu.", Lang::Id), [("Menteng", L, R)]);
        assert_eq!(kinds(&g, "Warga Kelurahan Menteng mengungsi.", Lang::Id), [("Kelurahan Menteng", L, R)]);
        // A street or a market named after a city is a place of its own; a known street takes in
        // its head word.
        assert_eq!(kinds(&g, "Macet di Jalan Surabaya tadi pagi.", Lang::Id), [("Jalan Surabaya", L, R)]);
        assert_eq!(kinds(&g, "Pedagang Pasar Surabaya mengeluh.", Lang::Id), [("Pasar Surabaya", L, R)]);
        assert_eq!(kinds(&g, "Kebakaran di Mal Surabaya tadi pagi.", Lang::Id), [("Mal Surabaya", L, R)]);
        // A mountain named after a city is no part of it; a known mountain keeps its head.
        assert_eq!(
            kinds(&g, "Pendaki naik Gunung Surabaya pagi ini.", Lang::Id),
            [("Gunung Surabaya", L, R)]
        );
        assert_eq!(kinds(&g, "Pendaki naik Gunung Merapi pagi ini.", Lang::Id), [("Gunung Merapi", L, X)]);
        assert_eq!(kinds(&g, "Macet di Jl Malioboro tadi pagi.", Lang::Id), [("Jl Malioboro", L, X)]);
    }

    #[test]
    fn a_constituency_is_a_place() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        use MentionSource::{Lexicon as X, Rule as R};
        let g = gazetteer(&format!("{LEX}Q9\tPLACE\tSheffield\tcity\tGB\t60\n"));
        // A known city with an unknown word beside it reads as a club ("Sheffield Wednesday")…
        assert_eq!(
            kinds(&g, "The vote in Sheffield Brightside was close.", Lang::En),
            [("Sheffield Brightside", O, R)]
        );
        // …but after an MP's office it is the constituency, and no part of the office's name.
        let text =
            "David Blunkett, the Member of Parliament for Sheffield Brightside, said the plan was wrong.";
        assert_eq!(kinds(&g, text, Lang::En), [("David Blunkett", P, R), ("Sheffield Brightside", L, R)]);
        assert_eq!(
            kinds(&g, "Jess Phillips, the Labour MP for Sheffield Brightside, voted against it.", Lang::En),
            [("Jess Phillips", P, R), ("Sheffield Brightside", L, R)]
        );
        // An unknown constituency, and the member named after it.
        assert_eq!(
            kinds(&g, "Senator for Kedungbulus Jane Hume said the vote failed.", Lang::En),
            [("Kedungbulus", L, R), ("Jane Hume", P, R)]
        );
        // A constituency the lexicon names whole stays its mention.
        assert_eq!(
            kinds(&g, "The MP for Sheffield, Jill Mortimer, said so.", Lang::En),
            [("Sheffield", L, X), ("Jill Mortimer", P, R)]
        );
        // "MP" is a title, no organization, before a name or after it.
        assert_eq!(
            kinds(&g, "Labour MP Jess Phillips said the bill was cruel.", Lang::En),
            [("Jess Phillips", P, R)]
        );
        assert_eq!(
            kinds(&g, "From left, Anas Sarwar MP, Gordon Brown and others.", Lang::En)[0],
            ("Anas Sarwar", P, R)
        );
        // A title that is no acronym at the end of a name is a surname: "Kristin" is not the name.
        assert!(!kinds(&g, "He found the musician Kristin King in his home.", Lang::En)
            .contains(&("Kristin", P, R)));
    }

    #[test]
    fn a_word_of_a_known_organization_is_that_organization() {
        let g = gazetteer(&format!(
            "{LEX}Q8\tORGANIZATION\tUniversitas Udayana\tuniversity\tID\t40\tUdayana University\n"
        ));
        let text =
            "Graduates of Udayana University built it. A lecturer at Udayana who advises them said so.";
        assert_eq!(
            tag(&g, text, Lang::En),
            [("Udayana University", "Universitas Udayana".into()), ("Udayana", "Universitas Udayana".into())]
        );
        assert_eq!(kinds(&g, text, Lang::En)[1], ("Udayana", EntityKind::Organization, MentionSource::Alias));
        // As sure as any short form of a name in full, not as unsure as the rules' guess it replaced.
        let short = &g.tag(text, &body(text), Lang::En)[1];
        assert_eq!(short.confidence, SHORT_FORM_CONFIDENCE);
        // Without the full name in the article, the rules' guess stands: where the speaker works.
        assert_eq!(
            kinds(&g, "A lecturer at Udayana who advises them said so.", Lang::En),
            [("Udayana", EntityKind::Organization, MentionSource::Rule)]
        );
    }

    #[test]
    fn headlines_and_list_items_lend_no_capitals() {
        let g = gazetteer(LEX);
        // A title-case headline with figures in it: only the lexicon names things there.
        let text = "Kartu Pasar Sehat Indonesia Mulai Berlaku 1 Mei, Ini 5 Hal yang Perlu Diketahui";
        let span = |headline| vec![TagSpan { range: 0..text.len(), tag: true, headline }];
        let found = |headline| -> Vec<&str> {
            g.tag(text, &span(headline), Lang::Id).into_iter().map(|m| &text[m.range]).collect()
        };
        assert_eq!(found(true), ["Indonesia"]);
        assert_ne!(found(false), ["Indonesia"], "as a body sentence the capitals read as a name");
        // One figure does not make a list of an Indonesian title-case line (a related article's
        // headline inside the story): no organization runs on from its head through the verb.
        assert_eq!(
            kinds(&g, "Bank Indonesia Catat 5 Bank Rugi", Lang::Id),
            [("Bank Indonesia", EntityKind::Organization, MentionSource::Lexicon)]
        );
        assert!(kinds(&g, "Polres Batu Tangkap 3 Pelaku Curanmor", Lang::Id).is_empty());
        // After a colon the line names someone, and the rules read it.
        assert_eq!(
            kinds(&g, "Top Skor Liga 1: Hakan Yilmaz di Puncak", Lang::Id),
            [("Hakan Yilmaz", EntityKind::Person, MentionSource::Rule)]
        );
        // The word after a list item's number is first in its sentence.
        assert!(kinds(&g, "3. Cara mendaftar", Lang::Id).is_empty());
        assert_eq!(
            kinds(&g, "3. Kata Budi Santoso", Lang::Id),
            [("Budi Santoso", EntityKind::Person, MentionSource::Rule)]
        );
    }

    #[test]
    fn possessives_and_head_words_longer_than_a_mention() {
        use EntityKind::{Person as P, Place as L};
        use MentionSource::Rule as R;
        let g = gazetteer(LEX);
        // The possessive is no part of the name, nor of the short form's key.
        let text = "Prime Minister Harold Tolberry's office said no. Tolberry’s aides agreed.";
        assert_eq!(
            kinds(&g, text, Lang::En),
            [("Harold Tolberry", P, R), ("Tolberry", P, MentionSource::Alias)]
        );
        let mut names: Vec<String> = tag(&g, text, Lang::En).into_iter().map(|(_, n)| n).collect();
        names.dedup();
        assert_eq!(names, ["Harold Tolberry"]);
        // An organization of more words loses it too (one word may be the name: "Moody's").
        assert_eq!(
            kinds(&g, "The rates of Bank of Tolberry's branches rose.", Lang::En),
            [("Bank of Tolberry", EntityKind::Organization, R)]
        );
        // A known place of two words keeps its kind before a possessive: "States's" is a word the
        // mention ends inside, not an unknown word that made "United States" an organization.
        assert_eq!(
            kinds(&g, "It hurt the United States's foreign trade.", Lang::En),
            [("United States", L, MentionSource::Lexicon)]
        );
        // A given name before a town, with a possessive, at a sentence's start: one person, not
        // two towns of the Isle of Man ("Michael" needs context, "Douglas" does not).
        let g = gazetteer(
            "Q9\tPLACE\tMichael\tregion\tIM\t50\tMichael!context\nQ10\tPLACE\tDouglas\tcity\tIM\t49\n",
        );
        assert_eq!(kinds(&g, "Michael Douglas's film was a hit.", Lang::En), [("Michael Douglas", P, R)]);
        assert_eq!(
            kinds(&g, "Michael Douglas' son Dylan had a run-in.", Lang::En),
            [("Michael Douglas", P, R), ("Dylan", P, R)]
        );
        // "Bandar Udara" is longer than the town "Bandar" it starts with: the airport.
        let g = gazetteer("Q9\tPLACE\tBandar\ttown\tIR\t30\n");
        assert_eq!(
            kinds(&g, "Pesawat mendarat di Bandar Udara Wamena kemarin.", Lang::Id),
            [("Bandar Udara Wamena", L, R)]
        );
        assert_eq!(
            kinds(&g, "Ia tiba di Bandar kemarin.", Lang::Id),
            [("Bandar", L, MentionSource::Lexicon)]
        );
        // A connector before the next headed name stays out of both.
        assert_eq!(
            kinds(&g, "Ia bersama Pangkalan Udara Sugiri Sukani dan Pangkalan Udara Harry Hadi.", Lang::Id),
            [
                ("Pangkalan Udara Sugiri Sukani", EntityKind::Organization, R),
                ("Pangkalan Udara Harry Hadi", EntityKind::Organization, R)
            ]
        );
    }

    #[test]
    fn a_speaker_after_said_is_a_person_though_a_town_shares_the_name() {
        use EntityKind::{Organization as O, Person as P};
        use MentionSource::{Alias as A, Rule as R};
        // The town's later mentions are the speaker; a club's statement is no speaker's.
        let g = gazetteer(
            "Q11\tPLACE\tJega\tcity\tNG\t49\nQ12\tPLACE\tKiev\tcapital\tUA\t75\nQ13\tPLACE\tWales\tregion\tGB\t70\n",
        );
        let text = "\"We are concerned,\" said Attahiru Jega, the chairman. Jega says more will come.";
        assert_eq!(kinds(&g, text, Lang::En), [("Attahiru Jega", P, R), ("Jega", P, A)]);
        assert_eq!(kinds(&g, "Dynamo Kiev said it would appeal.", Lang::En), [("Dynamo Kiev", O, R)]);
        assert_eq!(
            kinds(&g, "She told Good Morning Wales: \"It is fine.\"", Lang::En),
            [("Good Morning Wales", O, R)]
        );
    }

    #[test]
    fn awards_and_competitions_are_no_names() {
        // Nor are the places and given names in them; a possessive before one is its owner's.
        let g = gazetteer(
            "Q14\tPLACE\tDavis\tcity\tUS\t48\nQ15\tPLACE\tSpain\tcountry\tES\t90\n\
             Q16\tPLACE\tSydney\tcity\tAU\t75\nQ17\tPLACE\tMadrid\tcapital\tES\t85\n",
        );
        for text in [
            "Spain won the Davis Cup final.",
            "Spain's Davis Cup captain spoke.",
            "Spain gave Genesis Prize.",
            "Spain sent 300 athletes to the Atlanta Games.",
            "Spain won gold at the Sydney Olympics.",
            "Spain's runners led the London Marathon.",
            "Spain hosted the Madrid Open and the Davis Championships.",
        ] {
            assert_eq!(
                kinds(&g, text, Lang::En),
                [("Spain", EntityKind::Place, MentionSource::Lexicon)],
                "{text}"
            );
        }
    }
}
