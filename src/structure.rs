//! The layout of a scraped article: which lines are the title, the byline, menus, photo
//! captions, teasers for other stories and other page furniture, and which are the story.
//!
//! Nothing is cut out: every line keeps its place in the original text and gets a [`Zone`].
//! Later stages decide what a zone is good for (only body sentences are summary candidates;
//! teaser headlines give no entities). The cue words come from `lexicons/furniture.tsv`.

use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;
use serde::Serialize;

use crate::error::{Error, Result};

/// What a line of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// The headline of the article.
    Title,
    /// Site name, menus and breadcrumbs ("HOME ⁄ Internasional").
    Menu,
    /// Author, editor or reporter lines ("Oleh …", "Penulis :", "By …").
    Byline,
    /// A line that is only a dateline ("LONDON 1996-08-30").
    Dateline,
    /// A photo caption ("Foto: …").
    Caption,
    /// A teaser for another story ("Baca Juga:") and the headline it introduces.
    Teaser,
    /// Other page chrome ("SHARE :", "ADVERTISEMENT", a repeated headline).
    Furniture,
    /// A short line inside the story that is not a sentence: a subheading, a timestamp, a list
    /// label. Its names count; it is not a summary candidate.
    Heading,
    /// The story itself.
    Body,
}

impl Zone {
    /// Whether sentences of this zone may be chosen for the summary.
    pub fn is_summary_candidate(self) -> bool {
        self == Zone::Body
    }

    /// Whether mentions in this zone count as the article's entities. A caption's people are
    /// the article's people; a teaser's are another story's.
    pub fn feeds_entities(self) -> bool {
        matches!(self, Zone::Title | Zone::Body | Zone::Heading | Zone::Caption | Zone::Dateline)
    }
}

/// A kind of cue in `lexicons/furniture.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Teaser,
    Furniture,
    Caption,
    Byline,
    Menu,
    /// A republication notice, dropped whatever its length ("Artikel ini telah tayang di …").
    Notice,
    /// A credit line, a byline whatever its length ("Associated Press writer … contributed.").
    Credit,
    /// A word of a line that only dates the page ("Kamis", "WIB", "Updated"): a whole word, not a
    /// prefix.
    Date,
    /// The start of a short sentence that only announces what follows ("Berikut lima fakta …",
    /// "Here is what we know"): a sentence cue, no summary sentence.
    Signpost,
}

/// The furniture cues: literal prefixes of a trimmed line, matched case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct FurnitureRules {
    /// Sorted by first character, so a line is tried only against the cues that can match it.
    cues: Vec<(CueKind, String)>,
    /// The words of a line that only dates the page (kind `date`), lowercased.
    date_words: HashSet<String>,
    /// The sentence prefixes of kind `signpost`, lowercased: no line cues.
    signposts: Vec<String>,
}

/// The built-in cue file.
const BUILTIN_FURNITURE: &str = include_str!("../lexicons/furniture.tsv");

impl FurnitureRules {
    /// The built-in rules of `lexicons/furniture.tsv`.
    pub fn builtin() -> FurnitureRules {
        FurnitureRules::parse(BUILTIN_FURNITURE, "lexicons/furniture.tsv")
            .expect("the built-in furniture.tsv is valid (a unit test proves it)")
    }

    /// Parses a cue file: `kind<TAB>pattern` per line, `#` comments.
    pub fn parse(src: &str, path: &str) -> Result<FurnitureRules> {
        let mut cues = Vec::new();
        let mut date_words = HashSet::default();
        let mut signposts = Vec::new();
        for (i, line) in src.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: String| Error::Lexicon { path: path.into(), line: i + 1, reason };
            let (kind, pattern) =
                line.split_once('\t').ok_or_else(|| err("expected kind<TAB>pattern".into()))?;
            let kind = match kind.trim() {
                "teaser" => CueKind::Teaser,
                "furniture" => CueKind::Furniture,
                "caption" => CueKind::Caption,
                "byline" => CueKind::Byline,
                "menu" => CueKind::Menu,
                "notice" => CueKind::Notice,
                "credit" => CueKind::Credit,
                "date" => CueKind::Date,
                "signpost" => CueKind::Signpost,
                other => return Err(err(format!("unknown cue kind {other:?}"))),
            };
            let pattern = pattern.trim();
            if pattern.is_empty() {
                return Err(err("empty pattern".into()));
            }
            let pattern: String = pattern.chars().filter_map(|c| c.to_lowercase().next()).collect();
            match kind {
                CueKind::Date => {
                    date_words.insert(pattern);
                }
                CueKind::Signpost => signposts.push(pattern),
                _ => cues.push((kind, pattern)),
            }
        }
        cues.sort_by_key(|(_, p)| first_char(p));
        Ok(FurnitureRules { cues, date_words, signposts })
    }

    /// Whether a sentence only announces what follows: a `signpost` cue opening a sentence of at
    /// most [`SIGNPOST_WORDS`] words ("Berikut lima fakta yang dihimpun detikcom.", "Berikut
    /// petikan wawancaranya."). It stays in the article; it is no summary sentence.
    pub fn is_signpost(&self, sentence: &str) -> bool {
        // Most sentences start with no signpost's first letter: the cheapest test first.
        let sentence = sentence.trim_start();
        self.signposts.iter().any(|p| prefix_len(sentence, p).is_some())
            && at_most_words(sentence, SIGNPOST_WORDS)
    }

    /// The cue a trimmed line starts with (the longest, if several do), and the rest of the line
    /// after it. Matching follows the header of `lexicons/furniture.tsv`: case-insensitive, runs of
    /// whitespace count as one space, a space in a pattern matches one space or none, and a
    /// pattern ending in a letter or digit must end a word.
    fn cue<'a>(&self, line: &'a str) -> Option<(CueKind, &'a str)> {
        let first = line.chars().next()?.to_lowercase().next();
        let from = self.cues.partition_point(|(_, p)| first_char(p) < first);
        let to = self.cues.partition_point(|(_, p)| first_char(p) <= first);
        self.cues[from..to]
            .iter()
            .filter_map(|(k, p)| prefix_len(line, p).map(|n| (p.len(), *k, n)))
            .max_by_key(|&(plen, _, _)| plen)
            .map(|(_, k, n)| (k, &line[n..]))
    }
}

/// A pattern's first character (patterns are trimmed and non-empty).
fn first_char(pattern: &str) -> Option<char> {
    pattern.chars().next()
}

/// The byte length of `line`'s prefix that matches the lowercase `pattern`, if it does.
fn prefix_len(line: &str, pattern: &str) -> Option<usize> {
    let mut chars = line.char_indices().peekable();
    for pc in pattern.chars() {
        if pc == ' ' {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            continue;
        }
        let (_, lc) = chars.next()?;
        if lc.to_lowercase().next() != Some(pc) {
            return None;
        }
    }
    let end = chars.peek().map_or(line.len(), |&(i, _)| i);
    let word_end = pattern.chars().next_back().is_some_and(char::is_alphanumeric);
    if word_end && line[end..].starts_with(char::is_alphanumeric) {
        return None;
    }
    Some(end)
}

/// One line of the input with its zone. `range` excludes the line break and surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line's content in the text.
    pub range: Range<usize>,
    /// What the line is.
    pub zone: Zone,
}

/// The layout of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The non-empty lines, in order; a credit closing a line is a line of its own.
    pub lines: Vec<Line>,
    /// Byte range of the title, if one was found.
    pub title: Option<Range<usize>>,
    /// Byte range of a dateline opening the story ("JAKARTA, KOMPAS.com - "), if any.
    pub dateline: Option<Range<usize>>,
}

/// Finds the layout of `text`. `declared_title` is a title the input gave (JSONL `title`).
pub fn analyze(text: &str, rules: &FurnitureRules, declared_title: Option<&str>) -> Layout {
    let lines = unwrap_lines(text, content_lines(text));
    let mut zones: Vec<Option<Zone>> = vec![None; lines.len()];

    // 1. Lines the cue file recognizes. A cue alone on its line ("Baca Juga:", "Penulis :")
    //    also claims the next line: the teaser's headline or the author's name.
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].clone()];
        if let Some((kind, rest)) = rules.cue(line) {
            // "Baca Juga:" alone, with its headline on the next line.
            let cue_alone = at_most_words(rest, 0);
            // Chrome is short: "Oleh karena itu, …" or "By 2030, …" start sentences, not bylines.
            let short = at_most_words(line, 12);
            let zone = match kind {
                CueKind::Teaser => Some(Zone::Teaser),
                CueKind::Caption => Some(Zone::Caption),
                CueKind::Furniture if short => Some(Zone::Furniture),
                CueKind::Menu if short => Some(Zone::Menu),
                CueKind::Byline if short && !ends_sentence(line) => Some(Zone::Byline),
                CueKind::Notice => Some(Zone::Furniture),
                CueKind::Credit => Some(Zone::Byline),
                CueKind::Furniture | CueKind::Menu | CueKind::Byline | CueKind::Date | CueKind::Signpost => {
                    None
                }
            };
            if let Some(zone) = zone {
                zones[i] = Some(zone);
                let claims_next = matches!(kind, CueKind::Teaser | CueKind::Byline) && cue_alone;
                if claims_next && i + 1 < lines.len() {
                    zones[i + 1] = Some(zone);
                    i += 1;
                }
            }
        } else if is_credit_line(line) || is_photo_source(line) {
            zones[i] = Some(Zone::Byline);
        } else if is_breadcrumb(line) || is_menu_bar(line) {
            zones[i] = Some(Zone::Menu);
        }
        i += 1;
    }

    // A credit closing a line is a byline of its own: the photographer of "… di Jakarta.
    // (KOMPAS.com/RIZAL HAKIM)" and the writer of "… kata Broackes. (Awita Ekasari Larasati/rsa)"
    // are not in the story. A photo credit also makes the rest of its line a caption.
    let mut credits: Vec<Option<usize>> = vec![None; lines.len()];
    for (j, r) in lines.iter().enumerate() {
        if matches!(zones[j], None | Some(Zone::Caption)) {
            let line = &text[r.clone()];
            if let Some((at, photo)) = closing_credit(line, rules, zones[j] == Some(Zone::Caption)) {
                credits[j] = Some(at);
                if at == 0 {
                    zones[j] = Some(Zone::Byline);
                } else if photo {
                    zones[j] = Some(Zone::Caption);
                }
            }
        }
    }

    // A photo's credit on a line of its own before the story ("PHOTO: MINISTRY OF FOREIGN
    // AFFAIRS", "TRIBUNJATENG.COM/BAYU ARDIANSYAH"): the one-sentence line next to it, before
    // it or else after it, is the photo's caption.
    let bare_credit = |j: usize| {
        let line = &text[lines[j].clone()];
        match zones[j] {
            Some(Zone::Caption) => capital_source(line, rules).is_some_and(|source| at_most_words(source, 6)),
            Some(Zone::Byline) => is_photo_source(line),
            _ => false,
        }
    };
    let bare_credits: Vec<usize> = (0..lines.len()).filter(|&j| bare_credit(j)).collect();
    // Where the story starts, read only on a page with such a credit (none: no caption found).
    let story_start = if bare_credits.is_empty() {
        0
    } else {
        lines.iter().position(|r| dateline_prefix(&text[r.clone()]).is_some()).unwrap_or(0)
    };
    for j in bare_credits.into_iter().filter(|&j| j < story_start) {
        let caption_like = |k: usize| {
            zones[k].is_none() && {
                let l = &text[lines[k].clone()];
                !at_most_words(l, 5) && at_most_words(l, 45) && ends_sentence(l) && !has_inner_full_stop(l)
            }
        };
        if let Some(k) = [j.checked_sub(1), Some(j + 1)]
            .into_iter()
            .flatten()
            .find(|&k| k < story_start && caption_like(k))
        {
            zones[k] = Some(Zone::Caption);
        }
    }

    // 2. The title: the declared one, else the first headline-like line before the story.
    let title_idx = match declared_title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => lines.iter().position(|r| text[r.clone()].trim() == t),
        None => find_title(text, &lines, &zones, rules),
    };
    if let Some(t) = title_idx {
        zones[t] = Some(Zone::Title);
        let title_text = &text[lines[t].clone()];
        for (j, r) in lines.iter().enumerate() {
            if j != t && zones[j].is_none() && text[r.clone()] == *title_text {
                zones[j] = Some(Zone::Furniture); // the headline repeated above the photo
            }
        }
        // Short unclaimed lines above the title are the site's name and menus.
        for j in 0..t {
            if zones[j].is_none() && at_most_words(&text[lines[j].clone()], 4) {
                zones[j] = Some(Zone::Menu);
            }
        }
    }

    // A reporter's name on a line of its own, and their role on the next, before the story
    // ("Rebecca Henschke" / "BBC News, Jakarta", "Jonathan Head" / "South East Asia correspondent").
    let story = lines.iter().position(|r| looks_like_body(&text[r.clone()])).unwrap_or(lines.len());
    for j in 0..story.saturating_sub(1) {
        let (name, role) = (&text[lines[j].clone()], &text[lines[j + 1].clone()]);
        if zones[j].is_none() && zones[j + 1].is_none() && is_bare_name(name) && is_reporter_role(role) {
            zones[j] = Some(Zone::Byline);
            zones[j + 1] = Some(Zone::Byline);
        }
    }
    // Or both on one line: "Rebecca Ratcliffe South-east Asia correspondent".
    for j in 0..story {
        if zones[j].is_none() && is_name_and_role(&text[lines[j].clone()]) {
            zones[j] = Some(Zone::Byline);
        }
    }

    // 3. A line that is only a dateline, and a dateline opening the first body line, or one of
    //    the next two after a standfirst ("JAKARTA: …", "Jakarta, Indonesia – …").
    let mut dateline = None;
    let mut body_lines = 0;
    let mut out = Vec::with_capacity(lines.len());
    for (j, line_range) in lines.iter().enumerate() {
        // A credit closing the line is a line of its own.
        let (r, credit) = match credits[j] {
            Some(at) if at > 0 => {
                let before =
                    line_range.start + text[line_range.start..line_range.start + at].trim_end().len();
                (&(line_range.start..before), Some(line_range.start + at..line_range.end))
            }
            _ => (line_range, None),
        };
        let mut zone = zones[j].unwrap_or(Zone::Body);
        if zone == Zone::Body && is_heading(&text[r.clone()]) && !is_dateline_line(&text[r.clone()]) {
            // The page's date ("Wed 17 Apr 2024 09.31 BST") names nothing: its words are no
            // entities ("BST", "Mar").
            zone = if is_date_line(&text[r.clone()], rules) { Zone::Furniture } else { Zone::Heading };
        }
        if zone == Zone::Body && dateline.is_none() {
            let line = &text[r.clone()];
            body_lines += 1;
            let prefix =
                dateline_prefix(line).filter(|&len| body_lines == 1 || is_place_dateline(&line[..len]));
            if is_dateline_line(line) {
                zone = Zone::Dateline;
                dateline = Some(r.clone());
            } else if let Some(len) = prefix {
                dateline = Some(r.start..r.start + len);
            } else if body_lines == 3 {
                // Only the first three body lines may open with a dateline.
                dateline = Some(0..0);
            }
        }
        out.push(Line { range: r.clone(), zone });
        if let Some(credit) = credit {
            out.push(Line { range: credit, zone: Zone::Byline });
        }
    }
    Layout {
        lines: out,
        title: title_idx.map(|t| lines[t].clone()),
        dateline: dateline.filter(|d| !d.is_empty()),
    }
}

/// Byte ranges of the non-empty lines, trimmed of surrounding whitespace. A line ends at `\n`,
/// `\r\n` or a lone `\r` (old Mac and some CMS exports break lines with `\r` alone).
fn content_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize| {
        let content = &text[start..end];
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let s = start + (content.len() - content.trim_start().len());
            out.push(s..s + trimmed.len());
        }
    };
    let mut start = 0;
    // A `\r` before `\n` ends a line as the `\n` does: the empty line between them is dropped.
    for i in memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()) {
        push(start, i);
        start = i + 1;
    }
    push(start, text.len());
    out
}

/// The line breaks in `s`: `\n`, `\r\n` and a lone `\r` count one each, as [`content_lines`]
/// reads them.
pub(crate) fn line_breaks(s: &str) -> usize {
    s.matches(['\n', '\r']).count() - s.matches("\r\n").count()
}

/// The widest line, in characters, of a text that may be hard-wrapped: wire copy, e-mail and text
/// taken from PDF break their paragraphs at 60–80 columns.
const WRAP_COLUMNS: usize = 100;

/// Joins the lines of hard-wrapped paragraphs. A text is taken as hard-wrapped when none of its
/// lines is wider than [`WRAP_COLUMNS`] characters and at least two, and two in five of those
/// with four words or more, come within a fifth of the widest (`width`). Then a line is joined to
/// the next (one line break between, no blank line) when the next one's first word would not have
/// fitted on it within `width`: the break was the wrap's, not the writer's. A short line (a headline, a dateline, a
/// list item, the end of a paragraph) keeps its break, and so does a line before a list marker.
/// A joined line's range spans the line break, which later stages read as a space.
fn unwrap_lines(text: &str, lines: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut widths = Vec::with_capacity(lines.len());
    for r in &lines {
        // Most texts have a paragraph on one line near the top: stop there.
        let w = if r.len() > 4 * WRAP_COLUMNS { usize::MAX } else { text[r.clone()].chars().count() };
        if w > WRAP_COLUMNS {
            return lines;
        }
        widths.push(w);
    }
    let width = widths.iter().copied().max().unwrap_or(0);
    let full = widths.iter().filter(|&&w| w * 5 >= width * 4).count();
    // A page's chrome ("Share", "ADVERTISEMENT", a menu) is short whether or not its prose is
    // wrapped: only lines of four words or more count against the wrap.
    let prose = lines.iter().filter(|r| !at_most_words(&text[(*r).clone()], 3)).count();
    if full < 2 || full * 5 < prose * 2 {
        return lines;
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(lines.len());
    let mut last_width = 0; // of the last line joined into `out`'s last range
    for (r, w) in lines.into_iter().zip(widths) {
        let line = &text[r.clone()];
        let first_word = line.split_whitespace().next().map_or(0, |x| x.chars().count());
        let joins = out.last().is_some_and(|prev: &Range<usize>| {
            line_breaks(&text[prev.end..r.start]) == 1
                && last_width + 1 + first_word > width
                && !starts_list_item(line)
        });
        match out.last_mut() {
            Some(prev) if joins => prev.end = r.end,
            _ => out.push(r),
        }
        last_width = w;
    }
    out
}

/// Whether a line opens with a list marker: a bullet or dash, or a number followed by `.` or `)`.
fn starts_list_item(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let number = first.trim_end_matches(['.', ')']);
    matches!(first, "-" | "*" | "•" | "–" | "—" | "·")
        || (number.len() < first.len() && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
}

/// The number of words in `s` (pieces between whitespace with a letter or digit), counted no
/// further than `enough`: each layout test compares the count with a number below `enough`, and
/// a paragraph need not be read to its end to know it is longer than a heading.
fn word_count(s: &str, enough: usize) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(enough).count()
}

/// Whether `s` has at most `n` words ([`word_count`]), read no further than word `n + 1`.
fn at_most_words(s: &str, n: usize) -> bool {
    word_count(s, n + 1) <= n
}

/// The longest sentence a `signpost` cue makes an announcement ([`FurnitureRules::is_signpost`]).
const SIGNPOST_WORDS: usize = 12;

/// More words than this make a line body text ([`looks_like_body`]), never a title.
const BODY_WORDS: usize = 30;

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!', '?', '…'])
}

/// A short line that does not end like a sentence (nor introduces a list with a colon):
/// "Dampak bagi warga", "January 16, 2024 4:12 PM EST Updated 2 hours ago".
fn is_heading(line: &str) -> bool {
    at_most_words(line, 12)
        && !ends_sentence(line)
        && !line.ends_with(':')
        // "Ini kalimat pertama. Ini kedua. Hehehe" and "1) The first 2) The second" are
        // sentences and list items, not a heading.
        && !has_inner_full_stop(line)
        && !crate::segment::is_inline_list(line)
}

/// "HOME ⁄ Internasional", "Beranda » Ekonomi » Makro": a few words between separators.
fn is_breadcrumb(line: &str) -> bool {
    const SEPS: [char; 6] = ['⁄', '»', '›', '>', '|', '/'];
    // The word count first: it stops after a few words, where the split reads the whole line.
    if !at_most_words(line, 8) {
        return false;
    }
    let parts: Vec<&str> = line.split(SEPS).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 2
        && line.chars().filter(|c| SEPS.contains(c)).count() + 1 >= parts.len()
        && parts.iter().all(|p| at_most_words(p, 3) && !ends_sentence(p))
        && !line.contains("://")
}

/// "Home  News  Sport  Business  Innovation": a site's menu scraped onto one line, three or more
/// items of at most three words each with a capital in each ("detikPagi"), set apart by two or
/// more spaces or a tab.
fn is_menu_bar(line: &str) -> bool {
    if !line.contains("  ") && !line.contains('\t') {
        return false;
    }
    let mut items = 0;
    for item in line.split('\t').flat_map(|part| part.split("  ")).map(str::trim) {
        if item.is_empty() {
            continue;
        }
        items += 1;
        if items > 30
            || !item.chars().any(char::is_uppercase) // "detikPagi"
            || !at_most_words(item, 3)
            || ends_sentence(item)
            || item.ends_with([',', ':'])
        {
            return false;
        }
    }
    items >= 3
}

/// The title: the first unclaimed line before the story that reads like a headline, provided a
/// line follows it (a text of one line is a story, not a headline). A headline has at least three
/// words, does not end like a sentence (unless it is all capitals, as wire headlines are) and has
/// no full stop or run of list items inside.
fn find_title(
    text: &str,
    lines: &[Range<usize>],
    zones: &[Option<Zone>],
    rules: &FurnitureRules,
) -> Option<usize> {
    let first = headline_after(text, lines, zones, rules, 0)?;
    // A site's name on the page's first line, then its section menu of two or more short lines
    // ("The Jakarta Post", "Indonesia", "Politics"): the headline is the next candidate, if there
    // is one. A headline's byline and dateline are no menu ("Larry Fine", "NEW YORK 1996-08-30").
    let menu_word = |j: usize| {
        matches!(zones.get(j), Some(Some(Zone::Menu | Zone::Furniture)))
            || zones.get(j) == Some(&None)
                && lines.get(j).is_some_and(|r| {
                    let line = &text[r.clone()];
                    at_most_words(line, 2) && !ends_sentence(line) && !is_dateline_line(line)
                })
    };
    let masthead = first == 0 && menu_word(1) && menu_word(2);
    if masthead {
        if let Some(next) = headline_after(text, lines, zones, rules, 1) {
            return Some(next);
        }
    }
    Some(first)
}

/// The first unclaimed line from line `from` on that reads like a headline ([`find_title`]).
fn headline_after(
    text: &str,
    lines: &[Range<usize>],
    zones: &[Option<Zone>],
    rules: &FurnitureRules,
    from: usize,
) -> Option<usize> {
    for (j, r) in lines.iter().enumerate().skip(from) {
        if j + 1 == lines.len() {
            return None;
        }
        if zones[j].is_some() {
            continue;
        }
        let line = &text[r.clone()];
        if looks_like_body(line) {
            return None; // the story started without a headline
        }
        if is_date_line(line, rules) {
            continue; // the page's date above or below the headline
        }
        let words = word_count(line, BODY_WORDS + 1);
        let caps = is_all_caps(line);
        if (3..=BODY_WORDS).contains(&words)
            && (!ends_sentence(line) || caps)
            && !has_inner_full_stop(line)
            && !crate::segment::is_inline_list(line)
        {
            return Some(j);
        }
    }
    None
}

/// A line that only dates the page: a figure, and nothing but figures and the `date` words of
/// `lexicons/furniture.tsv` ("Kamis, 14 Mar 2024 15:42 WIB", "Updated 4:12 PM GMT, May 3, 2024").
/// It is never the headline, though it is often the first line above or below it.
fn is_date_line(line: &str, rules: &FurnitureRules) -> bool {
    let mut figure = false;
    for (n, w) in line.split_whitespace().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if n >= 12 {
            return false;
        }
        if w.is_empty() {
            continue;
        }
        if w.bytes().any(|b| b.is_ascii_digit()) {
            if !w.bytes().all(|b| b.is_ascii_digit() || b":./-".contains(&b)) {
                return false;
            }
            figure = true;
        } else if !rules.date_words.contains(&w.to_lowercase()) {
            return false;
        }
    }
    figure
}

/// A credit line of its own, whatever cue it lacks: "Name - detikNews", "Name (The Jakarta Post)",
/// "… contributed to this report.", "(mea/mea)", "Fahreza Rizky, Jurnalis · Rabu 10 April 2024".
fn is_credit_line(line: &str) -> bool {
    is_outlet_byline(line)
        || is_contribution_credit(line)
        || is_initials(line)
        || (at_most_words(line, 12)
            && line.split_once(", ").is_some_and(|(name, role)| is_bare_name(name) && is_reporter_role(role)))
}

/// `s` is `words` capitalized words, of letters and the marks of names ("Ma'ruf", "Jean-Paul",
/// "Kompas.com").
fn capitalized_words(s: &str, words: std::ops::RangeInclusive<usize>) -> bool {
    words.contains(&s.split_whitespace().count())
        && s.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
        })
}

/// "Rizky Adha Mahendra - detikNews": a name, a dash and a site's name (a word with a capital
/// inside, or a domain), alone on a line; or a name and the outlet in brackets ("Yvette Tanamal
/// (The Jakarta Post)").
fn is_outlet_byline(line: &str) -> bool {
    // A few words: the name, the site's.
    if !at_most_words(line, 9) {
        return false;
    }
    if let Some((name, outlet)) = line.strip_suffix(')').and_then(|l| l.split_once(" (")) {
        // A paper's name ("The Jakarta Post") or a site's; "Jens Lehman (Germany)" is an athlete.
        let paper = outlet.starts_with("The ") || [".com", ".co", ".id"].iter().any(|d| outlet.contains(d));
        return capitalized_words(name, 2..=5) && capitalized_words(outlet, 1..=4) && paper;
    }
    let Some((name, site)) = [" - ", " – ", " — "].iter().find_map(|d| line.split_once(d)) else {
        return false;
    };
    let site = site.trim();
    let camel = site.chars().zip(site.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let domain = [".com", ".id", ".co", ".net", ".org"].iter().any(|d| site.to_lowercase().ends_with(d));
    capitalized_words(name, 2..=5)
        && !site.is_empty()
        && !site.contains(char::is_whitespace)
        && site.chars().all(|c| c.is_alphanumeric() || c == '.')
        && (camel || domain)
}

/// The source after a cue that opens `line`, when it is written in capitals ("PHOTO: MINISTRY OF
/// FOREIGN AFFAIRS" gives "MINISTRY OF FOREIGN AFFAIRS").
fn capital_source<'a>(line: &'a str, rules: &FurnitureRules) -> Option<&'a str> {
    let (_, rest) = rules.cue(line)?;
    let source = rest.trim_start_matches([':', ' ']);
    (!source.is_empty() && !source.chars().any(char::is_lowercase)).then_some(source)
}

/// "TRIBUNJATENG.COM/BAYU ARDIANSYAH", "KOMPAS.com/KRISTIANTO PURNOMO": a photo's source, a
/// site's name with a dot, a slash and the photographer's name in capitals.
fn is_photo_source(line: &str) -> bool {
    line.split_once('/').is_some_and(|(site, name)| {
        at_most_words(line, 6)
            && !site.contains(' ')
            && site.contains('.')
            && site.starts_with(char::is_uppercase)
            && !name.is_empty()
            && !name.chars().any(char::is_lowercase)
            && name.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
    })
}

/// "Jane Doe in Jakarta contributed to this report.": the wire's credit to other reporters, a
/// whole sentence closing the story.
fn is_contribution_credit(line: &str) -> bool {
    const ENDINGS: [&str; 4] = [
        "contributed to this report.",
        "contributed to this story.",
        "contributed reporting.",
        "contributed to this article.",
    ];
    ENDINGS.iter().any(|e| {
        line.len() >= e.len()
            && line.is_char_boundary(line.len() - e.len())
            && line[line.len() - e.len()..].eq_ignore_ascii_case(e)
    }) && at_most_words(line, 30)
}

/// Two or three capitalized words and nothing else: "Rebecca Henschke".
fn is_bare_name(line: &str) -> bool {
    capitalized_words(line, 2..=3)
}

/// A reporter's role or desk under their name: "BBC News, Jakarta", "South East Asia
/// correspondent", "Koresponden Kompas".
fn is_reporter_role(line: &str) -> bool {
    let lower = line.to_lowercase();
    at_most_words(line, 8)
        && !ends_sentence(line)
        && (lower.contains("bbc news") || REPORTER_WORDS.iter().any(|r| lower.contains(r)))
}

/// The words of a reporter's role: "South East Asia correspondent", "Koresponden Kompas".
const REPORTER_WORDS: [&str; 8] =
    ["correspondent", "reporter", "editor", "journalist", "writer", "koresponden", "wartawan", "jurnalis"];

/// A reporter's name and role on one line, the role's last word a reporter's: "Rebecca Ratcliffe
/// South-east Asia correspondent", "Jane Doe Senior editor".
fn is_name_and_role(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(9).collect();
    (4..=8).contains(&words.len())
        && words.last().is_some_and(|w| REPORTER_WORDS.contains(w))
        && words[..2].iter().all(|w| capitalized_words(w, 1..=1))
}

/// The initials of the writer and the editor in brackets, closing a story: "(mea/mea)", "(tim/isn)".
fn is_initials(line: &str) -> bool {
    line.strip_prefix('(').and_then(|l| l.strip_suffix(')')).is_some_and(|inner| {
        let mut parts = inner.split('/');
        let code = |p: &str| (1..=6).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase());
        parts.clone().count() >= 2 && parts.all(code)
    })
}

/// Where a credit closing `line` starts, in bytes, and whether it is a photo's. A credit is a
/// bracketed source and name: a photo's when the bracket opens with a caption cue ("(KOMPAS.com/RIZAL
/// HAKIM)", "(Getty Images/iStockphoto)"), else a writer's ("(Awita Ekasari Larasati/rsa)"); or a
/// caption cue with a slash, a photo's ("ANTARA FOTO/Budi Santoso/rwa.", "REUTERS/Willy Kurniawan").
/// Inside a line, the credit must follow the end of a sentence, unless the line is already a caption
/// ("Foto: … (Biro Pers Setpres/Laily Rachev)"): "duet Jepang Takuro Hoki/Yugo Kobayashi." is prose.
fn closing_credit(line: &str, rules: &FurnitureRules, caption: bool) -> Option<(usize, bool)> {
    let t = line.trim_end_matches(['.', ' ']);
    // A photo cue with a source in capitals ("PHOTO: MINISTRY OF FOREIGN AFFAIRS") ends the line.
    let late_colon = line.as_bytes()[line.len().saturating_sub(80)..].contains(&b':');
    if !line.contains('/') && !t.ends_with(')') && !late_colon {
        return None;
    }
    let follows_sentence = |at: usize| {
        let before = line[..at].trim_end();
        before.is_empty() || caption || ends_sentence(before)
    };
    let photo_cue = |at: usize| rules.cue(&line[at..]).is_some_and(|(k, _)| k == CueKind::Caption);
    // A bracketed source and name, or a photo's source alone ("(Foto: Dok. Persib)").
    if let Some(inner) = t.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let inner = &inner[open + 1..];
        let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
        let photo = photo_cue(open);
        if photo && parts.len() == 1 {
            return (at_most_words(inner, 6) && follows_sentence(open)).then_some((open, true));
        }
        let named = parts.len() >= 2
            && at_most_words(inner, 10)
            && parts.iter().all(|p| p.chars().any(char::is_alphabetic))
            // A source or a name: capitalized words, no figures ("(Rp 5.000/kg)" is a price), or
            // a photo source written in lowercase ("(detikcom/Sinta Maharani)").
            && (photo || parts[0].split_whitespace().all(|w| w.starts_with(char::is_uppercase)))
            && !parts[0].contains(|c: char| c.is_ascii_digit());
        return (named && follows_sentence(open)).then_some((open, photo));
    }
    // A caption cue with a slash, at the line's start or after a sentence.
    let mut at = 0;
    loop {
        let rest = &line[at..];
        // "PHOTO: MINISTRY OF FOREIGN AFFAIRS": a source in capitals needs no slash.
        if at_most_words(rest, 8)
            && (rest.split_whitespace().take(3).any(|w| w.contains('/'))
                || capital_source(rest, rules).is_some())
            && photo_cue(at)
            && follows_sentence(at)
        {
            return Some((at, true));
        }
        // The next word after the end of a sentence.
        let next = line[at..]
            .match_indices(['.', '!', '?'])
            .map(|(i, _)| at + i + 1)
            .find(|&i| line[i..].starts_with(char::is_whitespace))?;
        at = next + (line[next..].len() - line[next..].trim_start().len());
        if at >= line.len() {
            return None;
        }
    }
}

/// A full stop inside the line after a word of five letters or more, before a capital
/// ("… di Nikaragua. Program Studi …"): headlines have none, so such a line is prose.
fn has_inner_full_stop(line: &str) -> bool {
    line.split_whitespace().zip(line.split_whitespace().skip(1)).any(|(w, next)| {
        w.strip_suffix('.').is_some_and(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 5
                && w.chars().all(char::is_alphabetic)
                && w.chars().any(char::is_lowercase)
        }) && next.starts_with(char::is_uppercase)
    })
}

/// A body line: a long run of prose, or a sentence of at least six words.
fn looks_like_body(line: &str) -> bool {
    let words = word_count(line, BODY_WORDS + 1);
    words > BODY_WORDS || (words >= 6 && ends_sentence(line) && !is_all_caps(line))
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// "LONDON 1996-08-30", "JAKARTA, 12/2/2025": a capitalized place and a date, alone on a line.
fn is_dateline_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(6).collect();
    (2..=5).contains(&words.len())
        && words[0].chars().all(|c| c.is_uppercase() || c == ',' || c == '.')
        && words.last().is_some_and(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_digit() || "-/.".contains(c))
        })
}

/// The length in bytes of a dateline opening a line — "Pantau - ", "JAKARTA, KOMPAS.com - ",
/// "WASHINGTON (Reuters) - ", "Jakarta (ANTARA) - ", "JAKARTA: ", "KONTAN.CO.ID - JAKARTA. " —
/// including the dash (or colon) and the space after it.
pub fn dateline_prefix(line: &str) -> Option<usize> {
    let head: &str = &line[..line.char_indices().nth(80).map_or(line.len(), |(i, _)| i)];
    // A place in capitals and a colon: "JAKARTA: ", "KUALA LUMPUR: " (CNA, The Straits Times).
    if let Some((lead, _)) = head.split_once(": ") {
        if capital_words(lead, 1..=3) {
            return Some(lead.len() + 2);
        }
    }
    let (dash_at, dash) =
        head.char_indices().find(|&(i, c)| matches!(c, '-' | '–' | '—') && head[..i].ends_with(' '))?;
    // "--" (CNN Indonesia, Republika) is one dash.
    let dashes = line[dash_at..]
        .chars()
        .take_while(|c| matches!(c, '-' | '–' | '—'))
        .map(char::len_utf8)
        .sum::<usize>();
    if dashes > dash.len_utf8() * 3 {
        return None;
    }
    let after = &line[dash_at + dashes..];
    let lead = head[..dash_at].trim_end();
    // "JAKARTA (Pos Kota) –Komisi", "JAKARTA -Wakil": a dash against the story's first word
    // after a place in capitals or an agency in brackets.
    let attached = after.starts_with(char::is_uppercase)
        && (lead.ends_with(')') || lead.split_whitespace().next().is_some_and(|w| capital_words(w, 1..=1)));
    if !after.starts_with(' ') && !attached {
        return None;
    }
    let words = lead.split_whitespace().count();
    let first = lead.chars().next()?;
    let plausible = (1..=6).contains(&words)
        && first.is_uppercase()
        && !lead.contains(['!', '?', '"', '“', ':'])
        && !lead.ends_with('.')
        // every word is capitalized or a parenthesized agency: "Jakarta (ANTARA)", "KOMPAS.com"
        && lead.split_whitespace().all(|w| {
            w.trim_start_matches(['(', '['])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    if !plausible {
        return None;
    }
    let end = dash_at + dashes + usize::from(!attached);
    // "KONTAN.CO.ID - JAKARTA. ": the site, then the place in capitals and a full stop.
    let place = line[end..].split_once(". ").filter(|(place, _)| capital_words(place, 1..=3));
    Some(place.map_or(end, |(place, _)| end + place.len() + 2))
}

/// The length in bytes of a live report's time stamp opening a sentence, with the dash or colon
/// and the space after it: "23.40 WIB - ", "Pukul 14.05 WIB: ", "09:31 BST – ", "10.15 am | ".
/// What follows must be words ("10.00 - 12.00 WIB" is a time span).
pub fn time_stamp_prefix(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("Pukul ").or_else(|| s.strip_prefix("pukul ")).unwrap_or(s);
    let b = rest.as_bytes();
    let hour = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hour)
        || !matches!(b.get(hour), Some(b'.' | b':'))
        || !b[hour + 1..].iter().take(2).all(u8::is_ascii_digit)
        || b.len() < hour + 3
        || b.get(hour + 3).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let mut after = &rest[hour + 3..];
    if let Some(zone) = after.strip_prefix(' ').and_then(|a| {
        [
            "WIB", "WITA", "WIT", "GMT", "BST", "UTC", "ET", "EST", "EDT", "CET", "am", "pm", "AM", "PM",
            "a.m.", "p.m.",
        ]
        .iter()
        .find_map(|z| a.strip_prefix(z).filter(|r| !r.starts_with(char::is_alphanumeric)))
    }) {
        after = zone;
    }
    let after = after.strip_prefix(' ').unwrap_or(after);
    let sep = after.chars().next().filter(|c| matches!(c, '-' | '–' | '—' | ':' | '|'))?;
    let words = after[sep.len_utf8()..].strip_prefix(' ')?;
    words
        .starts_with(|c: char| c.is_alphabetic() || matches!(c, '"' | '“' | '\'' | '‘'))
        .then(|| s.len() - words.len())
}

/// A dateline that names its place unmistakably, so that it may follow a standfirst: in
/// capitals ("JAKARTA: ", "JAKARTA (Pos Kota) – "), with an agency in brackets ("Jakarta (ANTARA) -
/// "), or a city and its country ("Jakarta, Indonesia – "). "Presiden Joko Widodo - yang …" is a
/// parenthesis in a sentence.
fn is_place_dateline(prefix: &str) -> bool {
    let lead = prefix.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':'));
    let words = || lead.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    words().any(|w| capital_words(w, 1..=1))
        || lead.ends_with(')')
        || lead
            .split_once(", ")
            .is_some_and(|(a, b)| capitalized_words(a, 1..=2) && capitalized_words(b, 1..=2))
}

/// `s` is `n` words (in `words`) of capital letters, at least two each: "JAKARTA", "KUALA LUMPUR".
fn capital_words(s: &str, words: std::ops::RangeInclusive<usize>) -> bool {
    words.contains(&s.split_whitespace().count())
        && s.split_whitespace().all(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `text` after unwrapping, as text.
    fn unwrapped(text: &str) -> Vec<&str> {
        unwrap_lines(text, content_lines(text)).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_and_short_lines_kept() {
        // Two paragraphs wrapped greedily at 56 columns, as wire copy comes.
        let wire = "SOCCER - LEAGUE RESULT.\nLONDON 1996-08-30\n\
                    The home side scored twice in the last ten minutes to\n\
                    win the match, the club said on Friday, and moved up to\n\
                    third place in the table after a run of four wins.\n\
                    The coach said he was pleased with the way his young\n\
                    players had kept going when the visitors led at half\n\
                    time.\n\
                    - Attendance: 20,000\n";
        assert_eq!(
            unwrapped(wire),
            [
                "SOCCER - LEAGUE RESULT.",
                "LONDON 1996-08-30",
                "The home side scored twice in the last ten minutes to\nwin the match, the club said on \
                 Friday, and moved up to\nthird place in the table after a run of four wins.",
                "The coach said he was pleased with the way his young\nplayers had kept going when the \
                 visitors led at half\ntime.",
                "- Attendance: 20,000",
            ]
        );
        // A blank line is a paragraph break, whatever the widths.
        let paragraphs = wire.replace("minutes to\n", "minutes to\n\n");
        assert_eq!(unwrapped(&paragraphs).len(), 6);
        // So is a line ending short of the width ("…four wins." above), and a list marker.
        assert_eq!(unwrapped(&wire.replace("time.\n", "time.\n2. Second item\n")).len(), 6);
        // Lines of a list or a table: few come near the widest, so none is joined.
        let list = "Scorers:\nRomania - Cosmin Contra (31st), Mihai Tararache (75th)\nLithuania - Danius \
                    Gleveckas (13rd)\nAttendance: 200";
        assert_eq!(unwrapped(list).len(), 4);
        // A page with long lines is not hard-wrapped: its short lines stay apart.
        let page = format!("{}\nshort one\nand another", "word ".repeat(30));
        assert_eq!(unwrapped(&page).len(), 3);
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let text = " satu \ndua\r\n\r\ntiga\rempat\r\rlima";
        let lines: Vec<&str> = content_lines(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(lines, ["satu", "dua", "tiga", "empat", "lima"]);
        assert_eq!(line_breaks(text), 6);
    }

    const SEED: &str = include_str!("../samples/seed-article.txt");

    #[test]
    fn builtin_rules_parse() {
        assert!(!FurnitureRules::builtin().cues.is_empty());
    }

    #[test]
    fn bad_rule_line_names_file_and_line() {
        let e = FurnitureRules::parse("# c\nteaser\tBaca juga\nbogus\tx\n", "f.tsv").unwrap_err();
        assert_eq!(e.to_string(), "f.tsv:3: unknown cue kind \"bogus\"");
    }

    fn zones_of(text: &str) -> Vec<(Zone, &str)> {
        let layout = analyze(text, &FurnitureRules::builtin(), None);
        layout.lines.iter().map(|l| (l.zone, &text[l.range.clone()])).collect()
    }

    #[test]
    fn seed_article_layout() {
        let z = zones_of(SEED);
        let find = |prefix: &str| z.iter().find(|(_, l)| l.starts_with(prefix)).unwrap().0;
        assert_eq!(find("Pantau Flash"), Zone::Menu);
        assert_eq!(find("HOME"), Zone::Menu);
        assert_eq!(z.iter().find(|(_, l)| l.starts_with("Putin dan Trump")).unwrap().0, Zone::Title);
        assert_eq!(
            z.iter().filter(|(_, l)| l.starts_with("Putin dan Trump")).nth(1).unwrap().0,
            Zone::Furniture
        );
        assert_eq!(find("Oleh Ahmad"), Zone::Byline);
        assert_eq!(find("SHARE"), Zone::Furniture);
        assert_eq!(find("Foto:"), Zone::Caption);
        assert_eq!(find("Pantau - Presiden"), Zone::Body);
        assert_eq!(find("Baca Juga"), Zone::Teaser);
        assert_eq!(find("Menlu Sugiono"), Zone::Teaser);
        assert_eq!(find("Penulis"), Zone::Byline);
        assert_eq!(find("Ahmad Ryansyah"), Zone::Byline);
        assert_eq!(z.iter().filter(|(zone, _)| *zone == Zone::Body).count(), 7);
        let layout = analyze(SEED, &FurnitureRules::builtin(), None);
        assert_eq!(&SEED[layout.dateline.unwrap()], "Pantau - ");
    }

    #[test]
    fn cue_matching_rules() {
        let rules = FurnitureRules::parse(
            "byline\tPenulis :\nbyline\tBy\nmenu\tHome /\nteaser\tBaca\nteaser\tBaca juga\n",
            "t",
        )
        .unwrap();
        assert_eq!(rules.cue("Penulis:").map(|c| c.0), Some(CueKind::Byline));
        assert_eq!(rules.cue("PENULIS   :  Ani").map(|c| c.1), Some("  Ani"));
        assert_eq!(rules.cue("Home/Ekonomi").map(|c| c.0), Some(CueKind::Menu));
        assert_eq!(rules.cue("Byron Bay"), None);
        assert_eq!(rules.cue("Baca juga: X").map(|c| c.1), Some(": X"));
    }

    #[test]
    fn datelines() {
        for (line, want) in [
            ("JAKARTA, KOMPAS.com - Presiden", Some("JAKARTA, KOMPAS.com - ")),
            ("WASHINGTON (Reuters) - The U.S.", Some("WASHINGTON (Reuters) - ")),
            ("Jakarta (ANTARA) - Menteri", Some("Jakarta (ANTARA) - ")),
            ("Merdeka.com - Busana adat", Some("Merdeka.com - ")),
            ("Jakarta, CNN Indonesia -- Dunia masih", Some("Jakarta, CNN Indonesia -- ")),
            ("REPUBLIKA.CO.ID, JAKARTA -- Wakil Presiden", Some("REPUBLIKA.CO.ID, JAKARTA -- ")),
            ("JAKARTA: Indonesian police have", Some("JAKARTA: ")),
            ("KUALA LUMPUR: Malaysia's king", Some("KUALA LUMPUR: ")),
            ("KONTAN.CO.ID - JAKARTA. PT Pertamina", Some("KONTAN.CO.ID - JAKARTA. ")),
            ("JAKARTA (Pos Kota) –Komisi Pemberantasan", Some("JAKARTA (Pos Kota) –")),
            ("JAKARTA -Wakil Presiden", Some("JAKARTA -")),
            ("Harga naik 3 - 4 persen.", None),
            ("Catatan: harga naik.", None),
            ("Persib -Persija", None),
            ("Dia bilang - katanya - begitu.", None),
        ] {
            assert_eq!(dateline_prefix(line).map(|n| &line[..n]), want, "{line}");
        }
        for (line, want) in [
            ("23.40 WIB - BMKG mencatat gempa susulan.", Some("23.40 WIB - ")),
            ("Pukul 14.05 WIB: Presiden tiba di lokasi.", Some("Pukul 14.05 WIB: ")),
            ("09:31 BST – Police said the road was shut.", Some("09:31 BST – ")),
            ("7.15 am | \"We are safe,\" she wrote.", Some("7.15 am | ")),
            ("10.00 - 12.00 WIB acara berlangsung.", None),
            ("10.000 - orang hadir.", None),
            ("3.5 - 4 persen.", None),
            ("Pukul 14.05 WIB Presiden tiba.", None),
        ] {
            assert_eq!(time_stamp_prefix(line).map(|n| &line[..n]), want, "{line}");
        }
        // After a standfirst, only a dateline that names its place unmistakably.
        for (prefix, place) in [
            ("JAKARTA: ", true),
            ("Jakarta (ANTARA) - ", true),
            ("Jakarta, Indonesia – ", true),
            ("Presiden Joko Widodo - ", false),
            ("Merdeka.com - ", false),
        ] {
            assert_eq!(is_place_dateline(prefix), place, "{prefix}");
        }
        let page = "Indonesian police arrest 7 over online gambling ring
                    Police said the syndicate laundered about 1.3 trillion rupiah through shell companies.
                    JAKARTA: Indonesian police have arrested seven people suspected of running an online gambling \
                    network operated from Cambodia, officials said on Thursday.";
        let layout = analyze(page, &FurnitureRules::builtin(), None);
        assert_eq!(layout.dateline.map(|d| &page[d]), Some("JAKARTA: "));
        assert!(is_dateline_line("LONDON 1996-08-30"));
        assert!(!is_dateline_line("Peter Blackburn"));
    }

    #[test]
    fn story_without_headline_has_no_title() {
        let text = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin.\nIa berharap jalan itu mempercepat arus barang.";
        let layout = analyze(text, &FurnitureRules::builtin(), None);
        assert_eq!(layout.title, None);
        assert!(layout.lines.iter().all(|l| l.zone == Zone::Body));
    }

    #[test]
    fn what_is_not_a_headline() {
        for text in [
            // A text of one line is a story.
            "Ini kalimat pertama. Ini kalimat kedua. Hehehe",
            "1.) The first item 2.) The second item",
            // A full stop inside the line.
            "Departemen Carazo merupakan sebuah departemen di Nikaragua. Program Studi STAKN\nIstilah lain muncul kemudian di kota itu pada tahun lalu.",
            // A run of list items.
            "a) here it is b) another c) one more\nThey went to the store.",
        ] {
            let layout = analyze(text, &FurnitureRules::builtin(), None);
            assert_eq!(layout.title, None, "{text}");
        }
        let layout = analyze("Jokowi Tiba di Moskow\nPresiden tiba.", &FurnitureRules::builtin(), None);
        assert_eq!(layout.title, Some(0..21));
    }

    #[test]
    fn signposts_announce_what_follows() {
        let rules = FurnitureRules::builtin();
        for s in [
            "Berikut lima fakta yang dihimpun detikcom.",
            "Berikut petikan wawancaranya.",
            "Here's what we know:",
        ] {
            assert!(rules.is_signpost(s), "{s}");
        }
        for s in [
            "Berikutnya, polisi memeriksa tiga saksi.",
            "Berikut ini daftar nama korban yang ditemukan tim SAR gabungan di lokasi kejadian pada Senin pagi.",
            "Polisi memeriksa tiga saksi.",
        ] {
            assert!(!rules.is_signpost(s), "{s}");
        }
    }

    #[test]
    fn a_date_line_is_not_the_headline() {
        for date in [
            "Kamis, 14 Mar 2024 15:42 WIB",
            "Updated 4:12 PM GMT, May 3, 2024",
            "Senin, 04/03/2024 | 19:20",
            "Wed 17 Apr 2024 09.31 BST",
        ] {
            assert!(is_date_line(date, &FurnitureRules::builtin()), "{date}");
            let text = format!(
                "{date}\n\nPolisi Tangkap Dua Pelaku Pencurian Motor\n\nPolisi menangkap dua pria di Bekasi."
            );
            let z = zones_of(&text);
            assert_eq!(z[1], (Zone::Title, "Polisi Tangkap Dua Pelaku Pencurian Motor"), "{date}");
            // Below the headline, it is page chrome (or a menu), not a heading whose words are names.
            let text =
                format!("Polisi Tangkap Dua Pelaku Pencurian Motor\n{date}\nPolisi menangkap dua pria.");
            let (zone, line) = zones_of(&text)[1];
            assert_eq!(line, date);
            assert!(!zone.feeds_entities(), "{date}: {zone:?}");
        }
        for not_date in ["Timnas Menang 3-1 atas Vietnam", "Jokowi Tiba di Moskow", "Rabu pagi"] {
            assert!(!is_date_line(not_date, &FurnitureRules::builtin()), "{not_date}");
        }
    }

    #[test]
    fn credits_and_notices_are_bylines_and_furniture() {
        let text = "Judul Berita Banjir di Kota Surabaya\n\
                    Rizky Adha Mahendra - detikNews\n\
                    Warga mengungsi ke masjid terdekat pada Senin malam.\n\
                    Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Rendam Ratusan Rumah \
                    di Surabaya, Warga Mengungsi ke Masjid Terdekat pada Senin Malam\n\
                    Associated Press writer Gabriela Pessoa contributed from Sao Paulo.\n\
                    Jane Doe in Jakarta contributed to this report.\n\
                    (mea/mea)\n\
                    Reporting by Stefanno Sulaiman and Gayatri Suroyo; Writing by Ed Davies; Editing by \
                    Kanupriya Kapoor\n\
                    Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran \
                    andalanmu akses berita Kompas.com WhatsApp Channel. Pastikan kamu sudah install aplikasi ya.\n\
                    *Penulis adalah dosen Fakultas Ekonomi dan Bisnis Universitas Gadjah Mada, Yogyakarta.\n\
                    Tulisan ini merupakan pendapat pribadi dan tidak mewakili pandangan redaksi.";
        let zones: Vec<Zone> = zones_of(text).into_iter().map(|(z, _)| z).collect();
        use Zone::*;
        assert_eq!(
            zones,
            [Title, Byline, Body, Furniture, Byline, Byline, Byline, Byline, Furniture, Byline, Furniture]
        );
        // A name and a dash open a dateline or a headline, not a byline, when no site follows.
        assert!(!is_outlet_byline("Timnas Indonesia - Vietnam"));
        assert!(!is_outlet_byline("Jakarta - Polisi menangkap dua pria."));
        assert!(is_outlet_byline("Ahmad Ryansyah - Kompas.com"));
        assert!(is_outlet_byline("Yvette Tanamal (The Jakarta Post)"));
        assert!(!is_outlet_byline("Harga beras naik (Rp 16.000)"));
        assert!(!is_outlet_byline("Jens Lehman (Germany)"));
    }

    #[test]
    fn credits_closing_a_line() {
        let rules = FurnitureRules::builtin();
        let credit =
            |line: &'static str| closing_credit(line, &rules, false).map(|(at, photo)| (&line[at..], photo));
        // A photographer's credit after a caption, bracketed or not.
        assert_eq!(
            credit("Warga melihat banjir. (KOMPAS.com/RIZAL HAKIM)"),
            Some(("(KOMPAS.com/RIZAL HAKIM)", true))
        );
        assert_eq!(
            credit("Petugas memadamkan api. ANTARA FOTO/Budi Santoso/rwa."),
            Some(("ANTARA FOTO/Budi Santoso/rwa.", true))
        );
        assert_eq!(credit("REUTERS/Willy Kurniawan"), Some(("REUTERS/Willy Kurniawan", true)));
        assert_eq!(
            credit("Ciro Alves merayakan gol ke gawang Persija. (Foto: Dok. Persib)"),
            Some(("(Foto: Dok. Persib)", true))
        );
        assert_eq!(credit("Warga antre minyak goreng. (Istimewa)"), Some(("(Istimewa)", true)));
        assert_eq!(
            credit("Barang bukti. (detikcom/Sinta Maharani)"),
            Some(("(detikcom/Sinta Maharani)", true))
        );
        // A writer's credit closing the story's last paragraph: the paragraph stays body.
        assert_eq!(
            credit("Bowie sangat tersentuh. (Awita Larasati/rsa)"),
            Some(("(Awita Larasati/rsa)", false))
        );
        let z = zones_of("Judul Berita Tentang Pameran Bowie\nBowie sangat tersentuh, kata kurator itu. (Awita Larasati/rsa)");
        assert_eq!(
            z[1..],
            [
                (Zone::Body, "Bowie sangat tersentuh, kata kurator itu."),
                (Zone::Byline, "(Awita Larasati/rsa)")
            ]
        );
        let z = zones_of("Judul Berita Tentang Banjir di Jakarta\nWarga melihat banjir di Kampung Melayu. (KOMPAS.com/RIZAL HAKIM)");
        assert_eq!(
            z[1..],
            [
                (Zone::Caption, "Warga melihat banjir di Kampung Melayu."),
                (Zone::Byline, "(KOMPAS.com/RIZAL HAKIM)")
            ]
        );
        // A photo's credit line of its own is a byline too; its caption stays one.
        let z = zones_of("Judul Berita Tentang Gunung Ruang\nImage source, Reuters\nImage caption, Abu setinggi dua kilometer");
        assert_eq!((z[1].0, z[2].0), (Zone::Byline, Zone::Caption));
        // A source in capitals after a photo cue needs no slash.
        assert_eq!(
            credit("The ministers at the meeting on June 14. PHOTO: MINISTRY OF FOREIGN AFFAIRS"),
            Some(("PHOTO: MINISTRY OF FOREIGN AFFAIRS", true))
        );
        assert_eq!(credit("Warga melihat banjir. Foto: warga mengungsi ke masjid."), None);
        // A photo's source on a line of its own before the story makes the one-sentence line
        // next to it a caption.
        let page = "Kloter Pertama Embarkasi Solo Diberangkatkan ke Madinah\nTRIBUNJATENG.COM/BAYU ARDIANSYAH\n\
                    Jemaah calon haji kloter 1 berdoa sebelum diberangkatkan dari Asrama Haji Donohudan, Sabtu malam.\n\
                    TRIBUNJATENG.COM, BOYOLALI - Sebanyak 360 jemaah calon haji diberangkatkan.\n\
                    Jemaah kloter pertama itu berasal dari Kabupaten Boyolali.";
        let z = zones_of(page);
        assert_eq!((z[1].0, z[2].0, z[3].0), (Zone::Byline, Zone::Caption, Zone::Body));
        // In a caption, the credit need not follow a sentence.
        let caption = "Foto: Presiden di Istana (Biro Pers Setpres/Laily Rachev)";
        assert_eq!(
            closing_credit(caption, &rules, true).map(|(at, _)| &caption[at..]),
            Some("(Biro Pers Setpres/Laily Rachev)")
        );
        // Prose with slashes is not a credit.
        for prose in [
            "Ia mengalahkan duet Jepang Takuro Hoki/Yugo Kobayashi.",
            "Rapat digelar Senin (4/3/2024).",
            "Hadir pula Ketua DPR Puan Maharani (PDI Perjuangan/Jawa Tengah)",
            "Harga cabai naik. (Rp 5.000/kg)",
            "Kalimat pertama. Kalimat kedua menyebut dan/atau ketentuan lain.",
        ] {
            assert_eq!(closing_credit(prose, &rules, false), None, "{prose}");
        }
    }

    #[test]
    fn a_reporter_and_their_role_on_two_lines_are_a_byline() {
        let page = "Indonesia volcano: Thousands evacuated as Mount Ruang erupts\nRebecca Henschke\nBBC News, Jakarta\n\
                    Thousands of people have been evacuated from islands near Mount Ruang, officials said.";
        let zones: Vec<Zone> = zones_of(page).into_iter().map(|(z, _)| z).collect();
        assert_eq!(zones, [Zone::Title, Zone::Byline, Zone::Byline, Zone::Body]);
        // Or on one line, after a comma: "Fahreza Rizky, Jurnalis · Rabu 10 April 2024 10:05 WIB".
        let okezone = "Jokowi Resmikan Bendungan Baru di Nusa Tenggara Timur\nFahreza Rizky, Jurnalis · Rabu 10 April 2024\n\
                       Presiden Joko Widodo meresmikan Bendungan Manikin di Kabupaten Kupang, Rabu.";
        assert_eq!(zones_of(okezone)[1].0, Zone::Byline);
        // Or with the role after the name: "Rebecca Ratcliffe South-east Asia correspondent".
        let guardian = "Indonesian volcano erupts again, forcing thousands to flee
                        Rebecca Ratcliffe South-east Asia correspondent
Wed 17 Apr 2024 09.31 BST
                        Authorities in Indonesia have evacuated more than 11,000 people after Mount Ruang erupted.";
        assert_eq!(zones_of(guardian)[1].0, Zone::Byline);
        assert!(!is_name_and_role("Indonesia Names Its New Chief Editor"));
        // A name over a dateline is not: "Larry Fine" / "NEW YORK 1996-08-30".
        let wire = "TENNIS - AGASSI WINS.\nLarry Fine\nNEW YORK 1996-08-30\nAndre Agassi escaped a scare on Friday, the organisers said.";
        assert_eq!(zones_of(wire)[1].0, Zone::Heading);
    }

    #[test]
    fn a_site_name_and_its_menu_are_not_the_headline() {
        let page =
            "The Jakarta Post\nIndonesia\nPolitics\n\nPrabowo names new cabinet, keeps key ministers\n\n\
                    President Prabowo Subianto announced his cabinet on Sunday night, naming 48 ministers.";
        assert_eq!(zones_of(page)[3], (Zone::Title, "Prabowo names new cabinet, keeps key ministers"));
        assert_eq!(zones_of(page)[0].0, Zone::Menu);
        // A menu scraped onto one line, items set apart by two spaces, is a menu; after the site's
        // name it makes a masthead.
        let page =
            "The Straits Times\nSingapore  Asia  World  Opinion  Life  Business  Tech\nAsia > SE Asia\n\
                    ASEAN ministers agree to fast-track maritime disaster response pact\n\
                    SINGAPORE – South-east Asian foreign ministers on June 14 agreed to speed up work.";
        let z = zones_of(page);
        assert_eq!(z[1].0, Zone::Menu);
        assert_eq!(
            z[3],
            (Zone::Title, "ASEAN ministers agree to fast-track maritime disaster response pact")
        );
        let page = "Berita  Daerah  Internasional  detikPagi  Foto\nArus Mudik Memuncak, Korlantas Berlakukan One Way\n\
                    Jakarta - Korlantas Polri memberlakukan rekayasa lalu lintas satu arah mulai Sabtu pagi.";
        assert_eq!(zones_of(page)[1].0, Zone::Title);
        assert!(is_menu_bar("Home\tNews\tSport"));
        assert!(!is_menu_bar("Persib  20  12  5  3  41"));
        assert!(!is_menu_bar("Harga naik.  Warga mengeluh.  Pemerintah diam."));
        // A headline on the first line stays the title when no other follows.
        let story = "Jokowi Tiba di Moskow\nJakarta\nPresiden Joko Widodo tiba di Moskow pada Senin malam.";
        assert_eq!(zones_of(story)[0], (Zone::Title, "Jokowi Tiba di Moskow"));
    }

    #[test]
    fn byline_cue_inside_a_sentence_is_body() {
        let z = zones_of("Judul Berita Hari Ini\nOleh karena itu, pemerintah menunda rencana kenaikan harga bahan bakar minyak.");
        assert_eq!(z[1].0, Zone::Body);
    }
}
