//! Sentence boundaries.
//!
//! A line is cut into whitespace-separated tokens (a period glued between two words, as in
//! `pertama.Ini`, also separates them) and every gap between two tokens is decided on its own,
//! from the token before it, the token after it and the sentence so far. Only a token that ends
//! in `.`, `!`, `?` or `…` (before any closing quotes, brackets and citation marks such as `[17]`)
//! can end a sentence. A line break always ends one: in scraped pages every line is a paragraph or
//! a piece of furniture, and a furniture line must never be glued to the story.
//!
//! The rules, in the order they are tried:
//!
//! - **Lists.** A line that opens with a list marker (`1.`, `2)`, `a.`, `(b)`, `•`, `• 9.`), or
//!   whose marker follows a sentence end and is followed by the next marker of its series
//!   (`… this. 1. The first 2. The second`), is a list: a marker never ends a sentence, and the
//!   next marker of the series (`2.` after `1.`, `b.` after `a.`, the same bullet) starts one.
//! - **Brackets.** Nothing inside a parenthesis or square bracket that closes later on the line
//!   ends a sentence: `(SSK. II)`, `(E. hemisphaerica (Bl.) Smith)`.
//! - **Quotations** — the one policy, the same in both languages:
//!   1. A quotation that closes right after `.` `!` `?` or `…` ends the sentence unless the next
//!      word starts with a lowercase letter: a lowercase attribution belongs to the quoted
//!      sentence. `"Kenapa harus sekarang?" tanya dia.` and `"This is great." she said.` are one
//!      sentence each; `"This is great." She held the book out.` is two, and so is
//!      `"Stop!" John shouted.` (a capital is a new sentence even when it is the speaker: a rule a
//!      reader can predict). The same holds for a closing parenthesis.
//!   2. A quotation ending in a comma (`"…," kata dia.`) never ends a sentence there.
//!   3. An attributed quotation is one sentence however many sentences it quotes:
//!      `"Kami siap. Semua sudah disiapkan," kata dia.` and `"We are ready. It is set," she said.`
//!      are not split inside, because the attribution covers the whole quotation (and a summary
//!      then never shows half a quotation without its speaker). A quotation is attributed when it
//!      closes on the same line, within 600 characters, after a comma or before a lowercase word.
//!   4. Any other quotation of several sentences (`Budi berkata, "Baiklah. Saya mulai." Lalu …`)
//!      is split inside like the text around it.
//! - **Continuations.** A token that starts with `,` `;` `:` `)` or `%`, is only `?`/`!` marks
//!   (`Fig. ??`), or is a dash before a lowercase word (`voila! -- you have cake`) continues the
//!   sentence.
//! - **`!` and `?`** end a sentence, before a lowercase word too (chat text rarely capitalizes),
//!   except a `!` that ends a capitalized name inside a sentence (`works at Yahoo! in`).
//! - **Ellipses.** `...`, `…` and `. . .` end a sentence only before a capitalized word other than
//!   the pronoun `I` (`the thing is . . . I didn't mean it` is one sentence); two dots or four and
//!   more (`that.... She`, `kalimat.. NLP`) end one before any word that is not lowercase.
//!   `word. . . . Next` is a sentence end followed by an ellipsis that opens the next sentence.
//! - **A single period** ends a sentence, whatever case the next word has, unless the token is
//!   - an initial (`B. J. Habibie`, `Joko P. di`, `Q. What is it?`): one capital letter never ends a
//!     sentence, unless a lowercase word comes before it (`you and I.`, `kuartal I.`: the pronoun
//!     or a numeral) and a capitalized function word after it, or
//!   - an abbreviation of `lexicons/abbreviations-{id,en}.txt` (see their headers: `prefix` never
//!     ends a sentence; `number` not before a digit, a lowercase word or a Roman numeral; `name`
//!     only before a capitalized function word or a title; unmarked only before a capital), or
//!   - a run of single letters with periods not in the lists (`D.W.`, `a.m.v.b.`), or a lone
//!     lowercase letter (`c.`), both read as `name` abbreviations, or
//!   - a number of one to three digits before a lowercase word (`for 1. above`).
//!
//!   An abbreviation ends a sentence only once the sentence has four tokens, so `At 5 a.m. Mr.
//!   Smith went` stays whole while `He left the bank at 6 P.M. Mr. Smith left` is split.
//! - **Glued sentences.** `pertama.Ini`, `Tuesday.Mr.` and `1,000.That` are split (a word or number,
//!   a stop, a capitalized word) unless the token is an address (`Jane.Doe@x.com`, `x.Com/y`) or
//!   starts with an abbreviation; full-width stops (`．` `。`) need no space at all.
//!
//! "Function words" are the stopword lists of `lexicons/stopwords-{id,en}.txt` (`The`, `He`,
//! `Dia`, `Ini`), less the titles that are abbreviations, and a few words that open news sentences
//! (`Several`, `Officials`, `Ribuan`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::error::{Error, Result};
use crate::lang::Lang;

/// When the period after an abbreviation may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    /// Always followed by a name or number: never a sentence end ("Dr.", "Jl.").
    Prefix,
    /// Never a sentence end before a digit or a lowercase word ("No. 5", "hlm. 12").
    Number,
    /// Usually followed by a capitalized word that is not a new sentence ("U.S. Army", "Ltd.",
    /// "Jr."): a sentence end only before a capitalized function word or a title.
    Name,
    /// A sentence end when the next word is capitalized ("dll.", "etc.", "a.m.").
    Any,
}

/// The rules of one language: abbreviations, keyed by their lowercase form without the final
/// period, and the function words that start sentences.
#[derive(Debug, Clone, Default)]
struct Rules {
    abbrevs: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
}

impl Rules {
    fn parse(abbrevs: &str, path: &str, starters: &[&str]) -> Result<Rules> {
        let mut map = HashMap::default();
        for (i, line) in abbrevs.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or_default().trim().to_lowercase();
            let kind = match cols.next().map(str::trim) {
                None | Some("") => AbbrevKind::Any,
                Some("prefix") => AbbrevKind::Prefix,
                Some("number") => AbbrevKind::Number,
                Some("name") => AbbrevKind::Name,
                Some(other) => {
                    return Err(Error::Lexicon {
                        path: path.into(),
                        line: i + 1,
                        reason: format!("unknown abbreviation kind {other:?} (prefix, number, name or none)"),
                    })
                }
            };
            map.insert(word.trim_end_matches('.').to_string(), kind);
        }
        let starters = starters
            .iter()
            .flat_map(|s| s.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .filter(|w| map.get(w) != Some(&AbbrevKind::Prefix))
            .collect();
        Ok(Rules { abbrevs: map, starters })
    }

    fn abbrev(&self, word: &str) -> Option<AbbrevKind> {
        if word.is_empty() || word.len() > 24 {
            return None;
        }
        self.abbrevs.get(&word.to_lowercase()).copied()
    }

    /// Whether `token` starts with a capitalized function word ("The", "Dia", "I'm").
    fn starts_with_function_word(&self, token: &str) -> bool {
        let t = token.trim_start_matches(OPENERS);
        if !t.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let word: String = t
            .chars()
            .take_while(|&c| c.is_alphabetic() || c == '\'' || c == '’')
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .collect();
        self.starters.contains(&word)
    }

    /// Whether `token` is a title that always precedes a name ("Mr.", "Dr.", "Pak").
    fn is_title(&self, token: &str) -> bool {
        let t = token.trim_start_matches(OPENERS);
        t.chars().next().is_some_and(char::is_uppercase)
            && t.strip_suffix('.').is_some_and(|w| self.abbrev(w) == Some(AbbrevKind::Prefix))
    }
}

/// Splits text into sentences, per language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    id: Rules,
    en: Rules,
}

const STOPWORDS_ID: &str = include_str!("../lexicons/stopwords-id.txt");
const STOPWORDS_EN: &str = include_str!("../lexicons/stopwords-en.txt");
/// Words that often open a news sentence and are not function words: quantifiers and the usual
/// subjects of wire copy ("… in the U.S. Several were built", "… Inc. Officials said").
const OPENERS_ID: &str = "akibatnya\nsebanyak\nratusan\nribuan\npuluhan\njutaan\nwarga\npolisi\naparat";
const OPENERS_EN: &str =
    "several\nearlier\nlast\nnext\nfewer\ntwo\nthree\nmillions\nthousands\nhundreds\ndozens\n\
                          officials\npolice\nauthorities\ncritics\nanalysts\nexperts\nresidents\nwitnesses";

impl Segmenter {
    /// The segmenter with the built-in abbreviation lists.
    pub fn builtin() -> Segmenter {
        Segmenter::new(
            include_str!("../lexicons/abbreviations-id.txt"),
            include_str!("../lexicons/abbreviations-en.txt"),
        )
        .expect("the built-in abbreviation lists are valid (a unit test proves it)")
    }

    /// A segmenter from the text of the two abbreviation lists (the function words are the
    /// built-in stopword lists).
    pub fn new(id: &str, en: &str) -> Result<Segmenter> {
        Ok(Segmenter {
            id: Rules::parse(id, "lexicons/abbreviations-id.txt", &[STOPWORDS_ID, OPENERS_ID])?,
            en: Rules::parse(en, "lexicons/abbreviations-en.txt", &[STOPWORDS_EN, OPENERS_EN])?,
        })
    }

    /// The sentences of `text[range]` (one line of the input) as byte ranges into `text`,
    /// trimmed of surrounding whitespace. Together they cover every non-space character.
    pub fn split(&self, text: &str, range: Range<usize>, lang: Lang) -> Vec<Range<usize>> {
        let rules = match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        };
        let line = &text[range.clone()];
        let units = units(line, rules);
        if units.is_empty() {
            return Vec::new();
        }
        let list = List::find(line, &units);
        let mut out = Vec::new();
        let mut state = Sentence { start: 0, alnum: false, depth: 0, quote: None };
        for k in 0..units.len() {
            let u = &line[units[k].range.clone()];
            // Most units are plain words: no bracket, quote or stop, so only a list item can
            // start after one (unless the next unit was split off it).
            let plain = units[k].plain;
            if plain {
                state.alnum = true;
            } else {
                state.alnum |= u.chars().any(char::is_alphanumeric);
                state.depth += paren_balance(u);
                state.quote = quote_after(u, state.quote);
            }
            let breaks = k + 1 < units.len()
                && if plain && !units[k + 1].glued {
                    list.item_start[k + 1]
                } else {
                    self.breaks(line, &units, k, &state, &list, rules)
                };
            if breaks {
                out.push(range.start + units[state.start].range.start..range.start + units[k].range.end);
                state = Sentence { start: k + 1, alnum: false, depth: 0, quote: state.quote };
            }
        }
        out.push(
            range.start + units[state.start].range.start..range.start + units[units.len() - 1].range.end,
        );
        out
    }

    /// Whether the sentence ends between unit `k` and unit `k + 1`.
    fn breaks(&self, line: &str, units: &[Unit], k: usize, s: &Sentence, list: &List, rules: &Rules) -> bool {
        if list.item_start[k + 1] {
            return true;
        }
        if list.marker[k] || !s.alnum {
            return false;
        }
        if units[k + 1].glued {
            return true; // decided when the token was split
        }
        let cur = &line[units[k].range.clone()];
        let Some(tail) = Tail::of(cur) else {
            return false;
        };
        if s.depth > 0 && closes_later(&line[units[k].range.end..], s.depth) {
            return false;
        }
        if s.quote.is_some_and(|q| attributed_quote_closes(q, &line[units[k].range.end..])) {
            return false;
        }
        let next = &line[units[k + 1].range.clone()];
        let after = units.get(k + 2).map(|u| &line[u.range.clone()]);
        if continues(next, after) {
            return false;
        }
        let next_first = first_letter_or_digit(next);
        let next_lower = next_first.is_some_and(char::is_lowercase);
        let next_upper = next_first.is_some_and(char::is_uppercase);
        if tail.closed {
            return !next_lower;
        }
        let words = k + 1 - s.start;
        match tail.term {
            Term::Bang => {
                // "Yahoo! in the accounting department": a name with "!", inside a sentence.
                let name = tail.dots == 0
                    && tail.word.chars().next().is_some_and(char::is_uppercase)
                    && tail.word.chars().any(char::is_lowercase)
                    && cur.ends_with('!')
                    && words > 1;
                !(next_lower && name)
            }
            // After an omission a capital starts a new sentence, but "I" is always capitalized.
            Term::Ellipsis => next_upper && !is_pronoun_i(next),
            Term::Dots => !next_lower,
            Term::Stop => {
                if is_dot_group(next) {
                    // "compounds. . . . The practice": the ellipsis opens the next sentence.
                    let dots = next.chars().filter(|&c| c == '.').count();
                    return dots == 3
                        && after.is_some_and(|a| first_letter_or_digit(a).is_some_and(char::is_uppercase));
                }
                // Whether a lowercase word comes right before: "you and I.", "kuartal I.".
                let prev_lower = k > s.start
                    && !cur.starts_with(OPENERS)
                    && first_letter_or_digit(&line[units[k - 1].range.clone()])
                        .is_some_and(char::is_lowercase);
                self.after_period(&tail, rules, next, (next_upper, next_lower), words, prev_lower)
            }
        }
    }

    /// The decision after a token that ends in a single period.
    fn after_period(
        &self,
        tail: &Tail<'_>,
        rules: &Rules,
        next: &str,
        (next_upper, next_lower): (bool, bool),
        words: usize,
        prev_lower: bool,
    ) -> bool {
        let word = tail.word;
        let next_digit = next.trim_start_matches(OPENERS).starts_with(|c: char| c.is_ascii_digit());
        let next_paren = next.starts_with(['(', '[']);
        let name_rule = || {
            next_upper
                && !next_paren
                && words >= 4
                && (rules.starts_with_function_word(next) || rules.is_title(next) || opens_quote(next))
        };
        let mut chars = word.chars();
        let (first, second) = (chars.next(), chars.next());
        if let (Some(c), None) = (first, second) {
            if c.is_uppercase() {
                // An initial ("B. J. Habibie", "Q. What is it?", "dengan R. Tjetje") never ends a
                // sentence; after a lowercase word the letter is rather the pronoun ("you and
                // I. Did") or a numeral ("kuartal I. Dengan"), and a function word starts a new one.
                return prev_lower && next_upper && rules.starts_with_function_word(next);
            }
        }
        if let Some(kind) = rules.abbrev(word) {
            return match kind {
                AbbrevKind::Prefix => false,
                AbbrevKind::Number => !next_digit && !next_lower && !is_roman(next),
                AbbrevKind::Name => name_rule(),
                AbbrevKind::Any => (next_upper || opens_quote(next)) && !next_paren && words >= 4,
            };
        }
        match (first, second) {
            // A lone lowercase letter: "c. 1818", "p. 55" (when not in the list).
            (Some(c), None) if c.is_lowercase() => name_rule(),
            _ if is_letter_run(word) => name_rule(),
            // "for 1. above": an enumeration, not a sentence end.
            _ if next_lower && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) => false,
            _ => true,
        }
    }
}

/// What is known about the sentence being built.
struct Sentence {
    /// Index of its first unit.
    start: usize,
    /// Whether it has a letter or digit yet (a sentence of punctuation never ends).
    alnum: bool,
    /// Open parentheses minus closed ones.
    depth: i32,
    /// The closing mark of a quotation open at this point of the line (kept across sentences).
    quote: Option<char>,
}

/// Characters that open a token without being part of its word.
const OPENERS: &[char] = &['(', '[', '{', '"', '“', '‘', '\'', '«', '‹', '`', '¿', '¡', '*', '_'];
/// Characters that close a sentence after its final punctuation.
const CLOSERS: &[char] = &['"', '”', '’', '\'', '»', '›', ')', ']', '}', '*', '_'];
/// Bullets that mark list items.
const BULLETS: &[char] = &['•', '⁃', '‣', '◦', '▪', '●', '■', '►', '∙'];

/// One token of a line (or a group of tokens read as one: `. . .`, `end. [17]`), by byte range
/// into the line.
#[derive(Debug, Clone)]
struct Unit {
    range: Range<usize>,
    /// No whitespace separates it from the unit before: the token was split at `pertama.Ini`.
    glued: bool,
    /// A whole token of ASCII letters and digits only ([`is_plain`]): nothing to decide inside.
    plain: bool,
}

/// The tokens of a line, with glued sentences split, runs of lone dots grouped, and closing
/// quotes, brackets and citations that stand apart after a sentence end joined to it.
fn units(line: &str, rules: &Rules) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for (token, plain) in tokens(line) {
        if plain {
            out.push(Unit { range: token, glued: false, plain: true }); // nothing to split or join
            continue;
        }
        let mut glued = false;
        for r in split_glued(line, token, rules) {
            push_unit(line, &mut out, Unit { range: r, glued, plain: false });
            glued = true;
        }
    }
    out
}

/// A token of ASCII letters and digits only: no stop, bracket or quote to decide on.
#[cfg(test)]
fn is_plain(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Byte ranges of the whitespace-separated tokens of a line (whitespace as `char::is_whitespace`
/// says; ASCII bytes are tested without decoding), each with whether it is plain ([`is_plain`]),
/// found in the same walk.
fn tokens(line: &str) -> Vec<(Range<usize>, bool)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut plain) = (None, true);
    let mut i = 0;
    while i < bytes.len() {
        let (space, alnum, len) = match bytes[i] {
            b @ 0..=0x7f => (matches!(b, b'\t'..=b'\r' | b' '), b.is_ascii_alphanumeric(), 1),
            _ => {
                let c = line[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), false, c.len_utf8())
            }
        };
        match (space, start) {
            (false, None) => (start, plain) = (Some(i), alnum),
            (false, Some(_)) => plain &= alnum,
            (true, Some(s)) => {
                out.push((s..i, plain));
                start = None;
            }
            (true, None) => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s..line.len(), plain));
    }
    out
}

fn push_unit(line: &str, out: &mut Vec<Unit>, u: Unit) {
    let t = &line[u.range.clone()];
    if let (false, Some(last)) = (u.glued, out.last_mut()) {
        let prev = &line[last.range.clone()];
        let joins = if is_dot_group(t) {
            is_dot_group(prev) && !prev.ends_with(CLOSERS)
        } else {
            (t.chars().all(|c| CLOSERS.contains(&c)) || is_citation(t)) && Tail::of(prev).is_some()
        };
        if joins {
            last.range.end = u.range.end;
            last.plain = false;
            return;
        }
    }
    out.push(u);
}

/// A token of dots only (`.`, `...`), possibly closed by quotes or brackets.
fn is_dot_group(t: &str) -> bool {
    let core = t.trim_end_matches(CLOSERS);
    !core.is_empty() && core.chars().all(|c| c == '.' || c == ' ')
}

/// `[17]`, `[1][2]`, `[...]`, `[…]`, `[a]`: marks that follow the sentence they belong to.
fn is_citation(t: &str) -> bool {
    let mut rest = t;
    let mut any = false;
    while let Some(r) = rest.strip_prefix('[') {
        let Some(close) = r.find(']') else { return false };
        if !is_citation_body(&r[..close]) {
            return false;
        }
        rest = &r[close + 1..];
        any = true;
    }
    any && rest.is_empty()
}

fn is_citation_body(b: &str) -> bool {
    let n = b.chars().count();
    (1..=3).contains(&n) && b.chars().all(|c| c.is_ascii_digit())
        || b == "..."
        || b == "…"
        || n == 1 && b.chars().all(|c| c.is_ascii_lowercase())
}

/// Splits a token where a sentence ends without a space: `pertama.Ini`, `1,000.That`. Web and
/// mail addresses, abbreviations (`St.Louis`) and runs of initials (`U.S.Army`) are left whole.
fn split_glued(line: &str, r: Range<usize>, rules: &Rules) -> Vec<Range<usize>> {
    let t = &line[r.clone()];
    if t.contains(['@', '/', '\\']) || t.starts_with("www") || t.len() < 5 {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in t.char_indices() {
        if matches!(c, '．' | '。' | '！' | '？') {
            // Full-width stops need no space after them.
            let at = i + c.len_utf8();
            if at < t.len() && !t[at..].starts_with(CLOSERS) && !t[at..].starts_with(['．', '。', '！', '？'])
            {
                out.push(r.start + from..r.start + at);
                from = at;
            }
            continue;
        }
        if !matches!(c, '.' | '!' | '?') || i <= from {
            continue;
        }
        let left = t[from..i].trim_start_matches(OPENERS);
        let right = &t[i + 1..];
        let word_left = left.chars().count() >= 2
            && (left.chars().all(char::is_alphabetic) && left.chars().any(char::is_lowercase)
                || left.chars().all(|c| c.is_ascii_digit() || c == ',')
                    && left.starts_with(|c: char| c.is_ascii_digit()));
        let mut rc = right.chars();
        let word_right =
            rc.next().is_some_and(char::is_uppercase) && rc.next().is_some_and(char::is_lowercase);
        // The right side is one word, possibly ending a sentence itself: no domain ("x.Com.au").
        let rest_ok = right
            .trim_end_matches(['.', '!', '?'])
            .trim_end_matches(CLOSERS)
            .chars()
            .all(char::is_alphabetic);
        if word_left && word_right && rest_ok && rules.abbrev(left).is_none() {
            out.push(r.start + from..r.start + i + 1);
            from = i + 1;
        }
    }
    out.push(r.start + from..r.end);
    out
}

/// How a token ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    /// One period.
    Stop,
    /// `!`, `?` or a mix with them.
    Bang,
    /// Three dots or `…`: an omission.
    Ellipsis,
    /// Two dots, or four and more.
    Dots,
}

/// The end of a token that may end a sentence.
#[derive(Debug, Clone)]
struct Tail<'a> {
    term: Term,
    /// A quotation or parenthesis closes after the punctuation.
    closed: bool,
    /// The word before the punctuation, without opening brackets or quotes.
    word: &'a str,
    /// Dots in the final punctuation.
    dots: usize,
}

impl<'a> Tail<'a> {
    fn of(token: &'a str) -> Option<Tail<'a>> {
        // Strip closing quotes, brackets and citations, outermost first.
        let mut body = token;
        let mut closed = false;
        loop {
            let trimmed = body.trim_end();
            if trimmed.ends_with(']') {
                if let Some(open) = trimmed.rfind('[') {
                    if is_citation_body(&trimmed[open + 1..trimmed.len() - 1]) {
                        if open == 0 {
                            return None; // a citation or omission mark alone: "[...]"
                        }
                        body = &trimmed[..open];
                        continue;
                    }
                }
            }
            match trimmed.chars().next_back() {
                Some(c) if CLOSERS.contains(&c) && trimmed.len() > c.len_utf8() => {
                    closed |= !matches!(c, '*' | '_');
                    body = &trimmed[..trimmed.len() - c.len_utf8()];
                }
                _ => {
                    body = trimmed;
                    break;
                }
            }
        }
        let word_end = body.trim_end_matches(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', ' ', '．', '。']).len();
        let punct = &body[word_end..];
        if punct.trim().is_empty() {
            return None;
        }
        let dots: usize = punct
            .chars()
            .map(|c| match c {
                '.' | '．' | '。' => 1,
                '…' => 3,
                _ => 0,
            })
            .sum();
        let term = if punct.contains(['!', '?', '‼', '⁇', '⁈', '⁉']) {
            Term::Bang
        } else {
            match dots {
                1 => Term::Stop,
                3 => Term::Ellipsis,
                _ => Term::Dots,
            }
        };
        let word = body[..word_end].trim_start_matches(OPENERS);
        Some(Tail {
            term,
            closed,
            word,
            dots: if term == Term::Bang { punct.matches('.').count() } else { dots },
        })
    }
}

/// The first letter or digit of a token, past opening quotes and brackets.
fn first_letter_or_digit(t: &str) -> Option<char> {
    t.chars().find(|c| !OPENERS.contains(c)).filter(|c| c.is_alphanumeric())
}

fn opens_quote(t: &str) -> bool {
    t.starts_with(['"', '“', '‘', '\'', '«', '`']) && first_letter_or_digit(t).is_some_and(char::is_uppercase)
}

/// A next token that carries on the sentence: `,` `;` `:` `)` `%`, or a dash before a
/// lowercase word ("voila! -- you have cake").
fn continues(next: &str, after: Option<&str>) -> bool {
    if next.starts_with([',', ';', ':', ')', ']', '}', '%']) || next.chars().all(|c| matches!(c, '?' | '!')) {
        return true;
    }
    let dash = next.chars().all(|c| matches!(c, '-' | '–' | '—'));
    dash && after.is_some_and(|a| first_letter_or_digit(a).is_some_and(char::is_lowercase))
}

/// Letters separated by periods, one letter each: "D.W", "a.m.v.b", "W.H.S".
fn is_letter_run(word: &str) -> bool {
    let mut n = 0;
    for part in word.split('.') {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => n += 1,
            _ => return false,
        }
    }
    n >= 2
}

/// The quotation open after token `t`, given the one open before it: `“` opens until `”`;
/// a straight `"` opens at the start of a token and closes elsewhere.
fn quote_after(t: &str, mut open: Option<char>) -> Option<char> {
    for (i, c) in t.char_indices() {
        match c {
            '“' => open = Some('”'),
            '”' if open == Some('”') => open = None,
            '"' if open == Some('"') => open = None,
            '"' if t[..i].chars().all(|c| OPENERS.contains(&c)) => open = Some('"'),
            _ => {}
        }
    }
    open
}

/// Whether the open quotation closes later on the line and is then attributed:
/// `"Kami siap. Semua sudah disiapkan," kata dia.` The attribution covers the whole quotation,
/// so it stays one sentence. An unattributed quotation (`"… kalimat." Lalu …`) or one that does
/// not close within a few hundred characters is split like any other text.
fn attributed_quote_closes(close: char, rest: &str) -> bool {
    let window = &rest[..rest.char_indices().nth(600).map_or(rest.len(), |(i, _)| i)];
    let Some(at) = window.find(close) else {
        return false;
    };
    let inside = window[..at].trim_end();
    let after = window[at + close.len_utf8()..].trim_start();
    inside.ends_with(',')
        || first_letter_or_digit(after).is_some_and(char::is_lowercase) && !after.starts_with(OPENERS)
}

/// "I", "I'm", "I’ll": the English pronoun, capitalized wherever it stands.
fn is_pronoun_i(t: &str) -> bool {
    let mut cs = t.chars();
    cs.next() == Some('I') && cs.next().is_none_or(|c| c == '\'' || c == '’')
}

/// A Roman numeral of capitals, as regulation and chapter numbers are written ("No. XI").
fn is_roman(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ',', ')', ';', ':']);
    !t.is_empty() && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

fn paren_balance(t: &str) -> i32 {
    t.chars().map(|c| i32::from(matches!(c, '(' | '[')) - i32::from(matches!(c, ')' | ']'))).sum()
}

/// Whether `depth` open parentheses close within the rest of the line (looking a little way).
fn closes_later(rest: &str, mut depth: i32) -> bool {
    for c in rest.chars().take(400) {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The list items of a line that opens with a list marker.
struct List {
    /// The unit is (part of) a list marker: no sentence ends after it.
    marker: Vec<bool>,
    /// A new list item starts at the unit.
    item_start: Vec<bool>,
}

/// A list marker: a bullet, a label (`3.`, `b)`, `(iv)`), or a bullet and a label.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    bullet: Option<char>,
    label: Option<(Label, &'static str)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Num(u32),
    Letter(char),
}

impl Label {
    fn succ(self) -> Label {
        match self {
            Label::Num(n) => Label::Num(n + 1),
            Label::Letter(c) => Label::Letter(char::from_u32(c as u32 + 1).unwrap_or(c)),
        }
    }
}

fn marker(t: &str) -> Option<Marker> {
    let bullet = t.chars().next().filter(|c| BULLETS.contains(c));
    let rest = &t[bullet.map_or(0, char::len_utf8)..];
    if rest.is_empty() {
        return bullet.map(|b| Marker { bullet: Some(b), label: None });
    }
    let (paren, rest) = match rest.strip_prefix('(') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let (label, punct) = rest.split_at(end);
    let label = if (1..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()) {
        Label::Num(label.parse().ok()?)
    } else if label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()) {
        Label::Letter(label.chars().next()?)
    } else {
        return None;
    };
    let punct = match (paren, punct) {
        (true, ")") => "()",
        (false, ".") => ".",
        (false, ")") => ")",
        (false, ".)") => ".)",
        _ => return None,
    };
    Some(Marker { bullet, label: Some((label, punct)) })
}

impl List {
    /// The list of a line: one that opens with a marker, or whose marker follows a sentence end
    /// and is followed later by the next marker of its series ("… this. 1. The first 2. The …").
    fn find(line: &str, units: &[Unit]) -> List {
        let n = units.len();
        let mut list = List { marker: vec![false; n], item_start: vec![false; n] };
        let text = |i: usize| &line[units[i].range.clone()];
        // A plain unit (ASCII letters and digits) has no bullet and no label punctuation.
        let markers: Vec<Option<Marker>> =
            (0..n).map(|i| if units[i].plain { None } else { marker(text(i)) }).collect();
        let opens = |i: usize| {
            let Some(Marker { label: Some((l, p)), .. }) = markers[i] else { return false };
            Tail::of(text(i - 1)).is_some()
                && markers[i + 1..]
                    .iter()
                    .any(|m| matches!(m, Some(Marker { label: Some(x), .. }) if *x == (l.succ(), p)))
        };
        let Some(s0) = (0..n).find(|&i| if i == 0 { markers[0].is_some() } else { opens(i) }) else {
            return list;
        };
        let first = markers[s0].clone().expect("a list starts at a marker");
        // The series: a bullet, a label, or both ("• 9." as two tokens or "⁃9." as one).
        let mut label = first.label;
        list.marker[s0] = true;
        if s0 > 0 {
            list.item_start[s0] = true;
        }
        if first.label.is_none() && s0 + 1 < n {
            if let Some(Marker { bullet: None, label: Some(l) }) = markers[s0 + 1] {
                label = Some(l);
                list.marker[s0 + 1] = true;
            }
        }
        let mut expect = label.map(|(l, p)| (l.succ(), p));
        for i in s0 + 1..n {
            let m = &markers[i];
            let same_bullet = first.bullet.is_some() && m.as_ref().is_some_and(|m| m.bullet == first.bullet);
            let next_label = m.as_ref().is_some_and(|m| m.label.is_some() && m.label == expect);
            if (same_bullet || next_label) && !units[i].glued && !list.marker[i] {
                list.item_start[i] = true;
                list.marker[i] = true;
                let mut l = m.as_ref().and_then(|m| m.label);
                if l.is_none() && i + 1 < n {
                    if let Some(Marker { bullet: None, label: Some(nl) }) = markers[i + 1] {
                        l = Some(nl);
                        list.marker[i + 1] = true;
                    }
                }
                if let Some((l, p)) = l {
                    expect = Some((l.succ(), p));
                }
            }
        }
        list
    }
}

/// Whether a line opens with a list marker and goes on to the next marker of the series: a list,
/// not a headline ("a) here it is b) another").
pub(crate) fn is_inline_list(line: &str) -> bool {
    let units: Vec<Unit> =
        tokens(line).into_iter().map(|(range, _)| Unit { range, glued: false, plain: false }).collect();
    !units.is_empty() && List::find(line, &units).item_start.iter().any(|&b| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        let seg = Segmenter::builtin();
        seg.split(text, 0..text.len(), lang).into_iter().map(|r| &text[r]).collect()
    }

    fn check(lang: Lang, cases: &[(&str, &[&str])]) {
        for (text, want) in cases {
            assert_eq!(split(text, lang), *want, "{text}");
        }
    }

    #[test]
    fn tokens_split_on_unicode_whitespace_as_char_is_whitespace_does() {
        let reference = |line: &str| -> Vec<Range<usize>> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        out.push(s..i);
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        };
        for line in [
            "",
            "  ",
            "Kata dia,\t“kami siap.”\r\n",
            "Rp42\u{a0}juta\u{2003}di\u{3000}Tokyo\u{85}x\u{200b}y",
            "\u{1680}São Paulo – Rio\u{2028}",
            "a\x0bb\x0cc\x1cd",
        ] {
            let got = tokens(line);
            assert_eq!(got.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(), reference(line), "{line:?}");
            for (r, plain) in got {
                assert_eq!(plain, is_plain(&line[r.clone()]), "{:?}", &line[r]);
            }
        }
        assert_eq!(tokens("ab\u{a0}cd"), [(0..2, true), (4..6, true)]);
        assert_eq!(
            tokens("itu. Rp42 (ANTARA) kata,"),
            [(0..4, false), (5..9, true), (10..18, false), (19..24, false)]
        );
    }

    #[test]
    fn plain_words_take_the_short_path_and_lists_still_split() {
        assert!(is_plain("Jakarta") && is_plain("2024") && is_plain("COVID19"));
        assert!(!is_plain("") && !is_plain("itu.") && !is_plain("(ANTARA)") && !is_plain("kata,"));
        assert!(!is_plain("“Kami") && !is_plain("Rp42,03") && !is_plain("dan/atau"));
        // After plain words: a numbered list, a stop glued to the next word, a parenthesis.
        check(
            Lang::En,
            &[
                ("1) The first item 2) The second item", &["1) The first item", "2) The second item"]),
                (
                    "The minister left early.She stayed until the end of the meeting",
                    &["The minister left early.", "She stayed until the end of the meeting"],
                ),
                ("He said (as we know it) nothing more", &["He said (as we know it) nothing more"]),
            ],
        );
    }

    #[test]
    fn builtin_lists_parse() {
        let seg = Segmenter::builtin();
        assert!(seg.id.abbrevs.len() > 100 && seg.en.abbrevs.len() > 80);
        assert!(seg.id.starters.contains("dia") && seg.en.starters.contains("the"));
        assert!(!seg.en.starters.contains("mr"), "titles are not sentence starters");
    }

    #[test]
    fn bad_kind_names_file_and_line() {
        let e = Segmenter::new("# c\ndr\tprefix\nxx\tbogus\n", "").unwrap_err();
        assert!(
            e.to_string().starts_with("lexicons/abbreviations-id.txt:3: unknown abbreviation kind"),
            "{e}"
        );
    }

    #[test]
    fn indonesian_cases() {
        check(
            Lang::Id,
            &[
                (
                    "Budi pergi ke Jl. KH. Mukmin no. 67. Dia tersesat.",
                    &["Budi pergi ke Jl. KH. Mukmin no. 67.", "Dia tersesat."],
                ),
                (
                    "Harga naik menjadi Rp2.375.000 atau 3,5 persen pada Rabu (12/2). Warga mengeluh.",
                    &["Harga naik menjadi Rp2.375.000 atau 3,5 persen pada Rabu (12/2).", "Warga mengeluh."],
                ),
                (
                    "Ia bertemu Prof. Dr. H. Ahmad Syafii, S.H., M.Si. di kampus. Lalu pulang.",
                    &["Ia bertemu Prof. Dr. H. Ahmad Syafii, S.H., M.Si. di kampus.", "Lalu pulang."],
                ),
                ("Mantan presiden B. J. Habibie wafat.", &["Mantan presiden B. J. Habibie wafat."]),
                ("Ada buah, sayur, dll. Semua segar.", &["Ada buah, sayur, dll.", "Semua segar."]),
                (
                    "Dirut Bank Mandiri Agus D.W. Martowardojo hadir. Ia bicara.",
                    &["Dirut Bank Mandiri Agus D.W. Martowardojo hadir.", "Ia bicara."],
                ),
                (
                    "Saham Sampoerna Packaging Asia Pte. Ltd. (SPA) dijual. Harganya tinggi.",
                    &["Saham Sampoerna Packaging Asia Pte. Ltd. (SPA) dijual.", "Harganya tinggi."],
                ),
                ("Ia lahir pada 1879. atau mungkin 1880.", &["Ia lahir pada 1879.", "atau mungkin 1880."]),
                (
                    "Produksi naik dibanding kuartal I. Dengan itu",
                    &["Produksi naik dibanding kuartal I.", "Dengan itu"],
                ),
                ("Ini kalimat pertama.Ini kalimat kedua.", &["Ini kalimat pertama.", "Ini kalimat kedua."]),
                (
                    "Budi mengakses sastrawi.github.io. Dia senang.",
                    &["Budi mengakses sastrawi.github.io.", "Dia senang."],
                ),
                (
                    "Segmentasi kalimat.. NLP Bahasa Indonesia.",
                    &["Segmentasi kalimat..", "NLP Bahasa Indonesia."],
                ),
                ("Dia tinggal di Dsn. Kaluwan, Kab. Sleman.", &["Dia tinggal di Dsn. Kaluwan, Kab. Sleman."]),
            ],
        );
    }

    #[test]
    fn quotation_policy() {
        check(
            Lang::Id,
            &[
                (
                    "\"Kenapa harus sekarang?\" tanya dia. Semua diam.",
                    &["\"Kenapa harus sekarang?\" tanya dia.", "Semua diam."],
                ),
                ("\"Kami siap,\" kata dia. Lalu pergi.", &["\"Kami siap,\" kata dia.", "Lalu pergi."]),
                ("“Kami siap.” Ia lalu pergi.", &["“Kami siap.”", "Ia lalu pergi."]),
                (
                    "Budi berkata, \"Baiklah. Saya mulai.\" Lalu lelah.",
                    &["Budi berkata, \"Baiklah.", "Saya mulai.\"", "Lalu lelah."],
                ),
            ],
        );
        check(
            Lang::En,
            &[
                (
                    "She turned to him, \"This is great.\" she said.",
                    &["She turned to him, \"This is great.\" she said."],
                ),
                (
                    "She turned to him, 'This is great.' she said.",
                    &["She turned to him, 'This is great.' she said."],
                ),
                ("\"This is great.\" She held it.", &["\"This is great.\"", "She held it."]),
                ("\"Stop!\" John shouted.", &["\"Stop!\"", "John shouted."]),
                (
                    "He taught (He worked as an engineer.) at the school.",
                    &["He taught (He worked as an engineer.) at the school."],
                ),
            ],
        );
    }

    #[test]
    fn attributed_quotations_stay_whole() {
        check(
            Lang::Id,
            &[
                (
                    "\"Kami siap. Semua sudah disiapkan,\" kata dia. Lalu pergi.",
                    &["\"Kami siap. Semua sudah disiapkan,\" kata dia.", "Lalu pergi."],
                ),
                (
                    "“Kami siap. Semua beres.” tegasnya. Lalu pergi.",
                    &["“Kami siap. Semua beres.” tegasnya.", "Lalu pergi."],
                ),
                // Unattributed: split inside like any other text.
                (
                    "\"Kami siap. Semua beres.\" Lalu pergi.",
                    &["\"Kami siap.", "Semua beres.\"", "Lalu pergi."],
                ),
                // A quotation that opened in an earlier sentence is still tracked.
                (
                    "Ia bilang \"tidak.\" Lalu \"Kami siap. Semua beres,\" ujarnya.",
                    &["Ia bilang \"tidak.\"", "Lalu \"Kami siap. Semua beres,\" ujarnya."],
                ),
            ],
        );
        check(
            Lang::En,
            &[(
                "\"We are ready. Everything is set,\" she said. Then she left.",
                &["\"We are ready. Everything is set,\" she said.", "Then she left."],
            )],
        );
    }

    #[test]
    fn other_scripts_and_marks() {
        check(
            Lang::En,
            &[
                (
                    "Test strange period．Does it segment correctly．",
                    &["Test strange period．", "Does it segment correctly．"],
                ),
                ("As shown in Fig. ??", &["As shown in Fig. ??"]),
                ("Unbelievable??!?!", &["Unbelievable??!?!"]),
                ("The med. staff here is very kind.", &["The med. staff here is very kind."]),
                (
                    "I live in the U.S.A. I went to J.C. Penney.",
                    &["I live in the U.S.A.", "I went to J.C. Penney."],
                ),
                (
                    "It was built in the U.S. Several still stand.",
                    &["It was built in the U.S.", "Several still stand."],
                ),
            ],
        );
        check(
            Lang::Id,
            &[
                (
                    "Sesuai Peraturan Bapepam No. XI tahun itu.",
                    &["Sesuai Peraturan Bapepam No. XI tahun itu."],
                ),
                (
                    "Kata dia, \"Tuh, kamu lupa?\" -- lalu pergi.",
                    &["Kata dia, \"Tuh, kamu lupa?\" -- lalu pergi."],
                ),
            ],
        );
    }

    #[test]
    fn english_cases() {
        check(
            Lang::En,
            &[
                (
                    "Mr. Smith met Dr. Jones at 9 a.m. yesterday. They talked.",
                    &["Mr. Smith met Dr. Jones at 9 a.m. yesterday.", "They talked."],
                ),
                ("The U.S. economy grew 3.5 percent. Stocks rose.", &["The U.S. economy grew 3.5 percent.", "Stocks rose."]),
                ("He said no. Then he left.", &["He said no.", "Then he left."]),
                ("See No. 5 on the list.", &["See No. 5 on the list."]),
                ("I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]),
                ("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]),
                (
                    "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home.",
                    &["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went home."],
                ),
                ("We make a good team, you and I. Did you see Albert I. Jones?", &["We make a good team, you and I.", "Did you see Albert I. Jones?"]),
                ("Q. What is his name? A. His name is Alfred E. Sloan.", &["Q. What is his name?", "A. His name is Alfred E. Sloan."]),
                ("She works at Yahoo! in the accounting department.", &["She works at Yahoo! in the accounting department."]),
                ("Site made! and it works.", &["Site made!", "and it works."]),
                ("where did you grow up? india?", &["where did you grow up?", "india?"]),
                ("max is looking for you. call him.", &["max is looking for you.", "call him."]),
                ("Were Jane and co. at the party?", &["Were Jane and co. at the party?"]),
                ("They did it with Pitt, Briggs & Co. It closed.", &["They did it with Pitt, Briggs & Co.", "It closed."]),
                ("You can find it at N°. 1026.253.553. That is it.", &["You can find it at N°. 1026.253.553.", "That is it."]),
                ("As payment for 1. above, pay us.", &["As payment for 1. above, pay us."]),
                ("Hello world.Today is Tuesday.Mr. Smith went.", &["Hello world.", "Today is Tuesday.", "Mr. Smith went."]),
                ("Her email is Jane.Doe@example.com. I sent it.", &["Her email is Jane.Doe@example.com.", "I sent it."]),
                ("Mix it, put it in the oven, and -- voila! -- you have cake.", &["Mix it, put it in the oven, and -- voila! -- you have cake."]),
            ],
        );
    }

    #[test]
    fn citations_join_the_sentence_before() {
        check(
            Lang::En,
            &[
                (
                    "He entered the school. [17] Placed under care.",
                    &["He entered the school. [17]", "Placed under care."],
                ),
                (
                    "It grew at large.[7][8] This was serious.",
                    &["It grew at large.[7][8]", "This was serious."],
                ),
                (
                    "He said so, Bell. […] For the intervener.",
                    &["He said so, Bell. […]", "For the intervener."],
                ),
            ],
        );
    }

    #[test]
    fn ellipses() {
        check(
            Lang::En,
            &[
                ("I never meant that.... She left the store.", &["I never meant that....", "She left the store."]),
                ("Nice people... I hear.", &["Nice people... I hear."]),
                (
                    "I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.",
                    &["I wasn’t really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it."],
                ),
                (
                    "Words into compounds. . . . The practice was not abandoned. . . .",
                    &["Words into compounds.", ". . . The practice was not abandoned. . . ."],
                ),
                ("with a period . . . . Next sentence.", &["with a period . . . .", "Next sentence."]),
                ("it will appear less complex. . . .”", &["it will appear less complex. . . .”"]),
            ],
        );
    }

    #[test]
    fn lists() {
        check(
            Lang::En,
            &[
                ("1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"]),
                (
                    "1.) The first item. 2.) The second item.",
                    &["1.) The first item.", "2.) The second item."],
                ),
                ("1) The first item 2) The second item", &["1) The first item", "2) The second item"]),
                ("1. The first item. 2. The second item.", &["1. The first item.", "2. The second item."]),
                (
                    "• 9. The first item • 10. The second item",
                    &["• 9. The first item", "• 10. The second item"],
                ),
                ("⁃9. The first item ⁃10. The second item", &["⁃9. The first item", "⁃10. The second item"]),
                (
                    "a. The first item b. The second item c. The third list item",
                    &["a. The first item", "b. The second item", "c. The third list item"],
                ),
                ("(a) Hello world. (b) Hello world.", &["(a) Hello world.", "(b) Hello world."]),
                ("He won 2. Then 3. More", &["He won 2.", "Then 3.", "More"]),
                (
                    "Finally, this. 1. The first item 2. The second item",
                    &["Finally, this.", "1. The first item", "2. The second item"],
                ),
                (
                    "They went. w) hello x) hello y) hello",
                    &["They went.", "w) hello", "x) hello", "y) hello"],
                ),
            ],
        );
        assert!(is_inline_list("a) here it is b) another c) one more"));
        assert!(!is_inline_list("1. Pendahuluan"));
        assert!(!is_inline_list("Harga naik 2. Lalu 3."));
        check(Lang::Id, &[("1. Harga naik 2. Warga mengeluh.", &["1. Harga naik", "2. Warga mengeluh."])]);
    }

    #[test]
    fn parentheses_hold_their_periods() {
        check(
            Lang::Id,
            &[
                (
                    "Bandara Sultan Syarif Kasim II (SSK. II) Pekanbaru tua.",
                    &["Bandara Sultan Syarif Kasim II (SSK. II) Pekanbaru tua."],
                ),
                (
                    "Honje hutan (E. hemisphaerica (Bl.) RM Smith) enak.",
                    &["Honje hutan (E. hemisphaerica (Bl.) RM Smith) enak."],
                ),
            ],
        );
    }

    #[test]
    fn punctuation_alone_is_no_sentence() {
        check(Lang::Id, &[(".Ini kalimat pertama. Ini kedua.", &[".Ini kalimat pertama.", "Ini kedua."])]);
        check(Lang::En, &[(". . .", &[". . ."]), ("! ! !", &["! ! !"]), ("??", &["??"])]);
    }

    proptest::proptest! {
        /// Sentences are ordered, trimmed, non-empty, and cover every non-space character.
        #[test]
        fn sentences_cover_the_line(line in "[aBc I.!?\"“”()\\[\\]…•1-9,;:—'’．]{0,80}") {
            let seg = Segmenter::builtin();
            for lang in Lang::ALL {
                let got = seg.split(&line, 0..line.len(), lang);
                let mut at = 0;
                for r in &got {
                    proptest::prop_assert!(r.start >= at && r.start < r.end);
                    proptest::prop_assert!(line[at..r.start].trim().is_empty());
                    let s = &line[r.clone()];
                    proptest::prop_assert_eq!(s, s.trim());
                    at = r.end;
                }
                proptest::prop_assert!(line[at..].trim().is_empty());
            }
        }
    }

    #[test]
    fn ranges_are_trimmed_and_offset() {
        let text = "xx\n  One. Two.  \n";
        let seg = Segmenter::builtin();
        let got = seg.split(text, 3..text.len() - 1, Lang::En);
        assert_eq!(got.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), ["One.", "Two."]);
        assert!(seg.split("   ", 0..3, Lang::En).is_empty());
    }
}
