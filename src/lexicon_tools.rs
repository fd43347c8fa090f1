//! Tools over entity lexicons, behind `ringkas lexicon check|lookup|stats`: validating lexicon
//! files and warning about risky aliases ([`check`]), explaining which entity a string resolves to
//! and why ([`Resolver`]), and counting entities and aliases ([`stats`]).
//!
//! Every report is a plain value that serializes to JSON and displays as text, so the binary only
//! parses arguments and prints.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::entities::{fold_char, Cues, Gazetteer, MentionSource, TagSpan};
use crate::error::Result;
use crate::lang::Lang;
use crate::lexicon::{self, AliasFlags, EntityKind, Lexicon};
use crate::tokenize::Tokenizer;

/// A lexicon file: where it comes from and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path it was read from (for the built-in files, their path in the repository).
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

impl SourceFile {
    /// The built-in lexicon files, in load order.
    pub fn builtin() -> Vec<SourceFile> {
        lexicon::builtin_sources()
            .iter()
            .map(|(path, text)| SourceFile { path: PathBuf::from(path), text: (*text).to_string() })
            .collect()
    }

    /// The files the paths name (a folder gives its `.tsv` files, in name order), read.
    pub fn read_all(paths: &[PathBuf]) -> Result<Vec<SourceFile>> {
        let mut out = Vec::new();
        for path in paths {
            for file in lexicon::lexicon_files(path)? {
                let text = lexicon::read_lexicon_file(&file)?;
                out.push(SourceFile { path: file, text });
            }
        }
        Ok(out)
    }
}

/// The built-in lexicons plus users' files, merged in that order (as `--lexicon` does).
pub fn load(extra: &[PathBuf]) -> Result<Lexicon> {
    let mut lex = Lexicon::builtin();
    for path in extra {
        lex.add_path(path)?;
    }
    Ok(lex)
}

/// The matching key of a text: every character folded as the tagger folds it.
fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The flags' names, in lexicon order.
fn flag_names(flags: AliasFlags) -> Vec<&'static str> {
    [(flags.case, "case"), (flags.common, "common"), (flags.context, "context")]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect()
}

/// An alias as a lexicon cell: `text[@lang][!flag,…]`.
fn cell(text: &str, lang: Option<Lang>, flags: AliasFlags) -> String {
    let mut s = text.to_string();
    if let Some(l) = lang {
        s.push('@');
        s.push_str(l.code());
    }
    let names = flag_names(flags);
    if !names.is_empty() {
        s.push('!');
        s.push_str(&names.join(","));
    }
    s
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------- check

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be loaded.
    Error,
    /// The file loads, but something in it is probably not meant.
    Warning,
}

/// One finding of [`check`], at a file and line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// 1-based line; 0 when the whole file (or path) is at fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            0 => write!(f, "{}: {severity}: {}", self.path.display(), self.message),
            line => write!(f, "{}:{line}: {severity}: {}", self.path.display(), self.message),
        }
    }
}

/// What [`check`] found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    /// Files read.
    pub files: usize,
    /// Entity rows read (valid or not).
    pub rows: usize,
    /// Errors and warnings, by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// How many findings are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        writeln!(
            f,
            "{} file{}, {} rows: {} error{}, {} warning{}",
            self.files,
            if self.files == 1 { "" } else { "s" },
            thousands(self.rows),
            self.errors(),
            if self.errors() == 1 { "" } else { "s" },
            self.warnings(),
            if self.warnings() == 1 { "" } else { "s" },
        )
    }
}

/// What [`check`] compares the files with.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// Also look for cross-type collisions with the built-in lexicons (a user's "Jordan" against
    /// the built-in country).
    pub against_builtin: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { against_builtin: true }
    }
}

/// One alias as `check` sees it.
struct AliasSeen {
    key: String,
    text: String,
    flags: AliasFlags,
    id: String,
    kind: EntityKind,
    canonical: String,
    file: usize,
    line: usize,
    checked: bool,
}

/// Validates lexicon files and folders. Errors: unreadable paths and malformed rows (every one,
/// not only the first), each at its file and line. Warnings: an id repeated within a file, an id
/// whose type another row changes, an alias without `!context` that also names an entity of
/// another type (for an exact-case alias: with the same spelling) (in these files or, with [`CheckOptions::against_builtin`], the built-in
/// lexicons), and an alias without `!common` that looks like a common word: all lowercase, or a
/// stopword of `lexicons/stopwords-{id,en}.txt` in any case (an acronym flagged `!case`, such as
/// `AS`, is exempt from the stopword test).
pub fn check(paths: &[PathBuf], options: CheckOptions) -> CheckReport {
    let stopwords = Tokenizer::builtin();
    let mut report = CheckReport::default();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen: Vec<AliasSeen> = Vec::new();
    let mut kind_of: HashMap<String, (EntityKind, usize, usize)> = HashMap::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut diag = |severity, path: &Path, line, message: String| {
        diagnostics.push(Diagnostic { severity, path: path.to_path_buf(), line, message })
    };

    // The built-in files first, as they load before users' files.
    let mut sources: Vec<(SourceFile, bool)> = Vec::new();
    if options.against_builtin {
        sources.extend(SourceFile::builtin().into_iter().map(|s| (s, false)));
    }
    for path in paths {
        match lexicon::lexicon_files(path) {
            Err(e) => diag(Severity::Error, path, 0, without_path(&e.to_string(), path)),
            Ok(list) if list.is_empty() => {
                diag(Severity::Warning, path, 0, "no .tsv lexicon files in this folder".into())
            }
            Ok(list) => {
                for file in list {
                    match lexicon::lexicon_text(&file) {
                        Ok(text) => sources.push((SourceFile { path: file, text }, true)),
                        Err((line, reason)) => diag(Severity::Error, &file, line, reason),
                    }
                }
            }
        }
    }

    for (source, checked) in &sources {
        let file = files.len();
        files.push(source.path.clone());
        if *checked {
            report.files += 1;
        }
        let mut first_line: HashMap<String, usize> = HashMap::new();
        for (line, row) in lexicon::rows(&source.text) {
            if *checked {
                report.rows += 1;
            }
            let row = match row {
                Ok(row) => row,
                Err(reason) => {
                    if *checked {
                        diag(Severity::Error, &source.path, line, reason);
                    }
                    continue;
                }
            };
            let e = &row.entity;
            if *checked {
                if let Some(first) = first_line.get(&e.id) {
                    diag(
                        Severity::Warning,
                        &source.path,
                        line,
                        format!(
                            "duplicate id {} (first on line {first}); the rows merge, this one's fields win",
                            e.id
                        ),
                    );
                } else {
                    first_line.insert(e.id.clone(), line);
                }
                if let Some(&(kind, f, l)) = kind_of.get(&e.id).filter(|(k, _, _)| *k != e.kind) {
                    diag(
                        Severity::Warning,
                        &source.path,
                        line,
                        format!(
                            "id {} is {kind} at {}:{l}; this row makes it {}",
                            e.id,
                            files[f].display(),
                            e.kind
                        ),
                    );
                }
            }
            kind_of.entry(e.id.clone()).or_insert((e.kind, file, line));
            for (text, _lang, flags) in &row.aliases {
                if *checked && !flags.common {
                    if let Some(why) = common_word(text, *flags, &stopwords) {
                        diag(
                            Severity::Warning,
                            &source.path,
                            line,
                            format!("alias {text:?} of {} ({}) {why} but has no !common", e.id, e.canonical),
                        );
                    }
                }
                seen.push(AliasSeen {
                    key: fold(text),
                    text: text.clone(),
                    flags: *flags,
                    id: e.id.clone(),
                    kind: e.kind,
                    canonical: e.canonical.clone(),
                    file,
                    line,
                    checked: *checked,
                });
            }
        }
    }

    // Cross-type collisions, reported on each checked alias that lacks !context.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in seen.iter().enumerate() {
        by_key.entry(a.key.as_str()).or_default().push(i);
    }
    let mut reported: HashSet<(usize, usize, String)> = HashSet::new();
    for group in by_key.values().filter(|g| g.len() > 1) {
        let kinds: HashSet<EntityKind> = group.iter().map(|&i| seen[i].kind).collect();
        if kinds.len() < 2 {
            continue;
        }
        for &i in group {
            let a = &seen[i];
            if !a.checked || a.flags.context || !reported.insert((a.file, a.line, a.key.clone())) {
                continue;
            }
            let mut others: Vec<&AliasSeen> = Vec::new();
            for &j in group {
                let b = &seen[j];
                // An exact-case alias ("ILO") only meets another exact-case alias of the same
                // spelling; a folded alias of that spelling ("Ilo") gets the warning instead.
                let meets = !a.flags.case || (b.flags.case && a.text == b.text);
                if b.kind != a.kind && meets && !others.iter().any(|o| o.id == b.id) {
                    others.push(b);
                }
            }
            if others.is_empty() {
                continue;
            }
            let shown: Vec<String> = others
                .iter()
                .take(3)
                .map(|b| {
                    format!("{} {} ({}, {}:{})", b.kind, b.canonical, b.id, files[b.file].display(), b.line)
                })
                .collect();
            let more = match others.len() {
                n if n > 3 => format!(" and {} more", n - 3),
                _ => String::new(),
            };
            diag(
                Severity::Warning,
                &files[a.file],
                a.line,
                format!(
                    "alias {:?} of {} ({} {}) also names {}{more}; add !context if both are meant",
                    a.text,
                    a.id,
                    a.kind,
                    a.canonical,
                    shown.join(", ")
                ),
            );
        }
    }
    report.diagnostics = diagnostics;
    report.diagnostics.sort_by(|a, b| {
        (a.path.as_path(), a.line, a.severity, &a.message).cmp(&(
            b.path.as_path(),
            b.line,
            b.severity,
            &b.message,
        ))
    });
    report
}

/// An error message without the `path: ` (or `path:line: `) prefix the diagnostic adds itself.
fn without_path(message: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_string()
}

/// Why an alias looks like a common word, if it does.
fn common_word(text: &str, flags: AliasFlags, stopwords: &Tokenizer) -> Option<String> {
    let has_letter = text.chars().any(char::is_alphabetic);
    if has_letter && !text.chars().any(char::is_uppercase) {
        return Some("is all lowercase".into());
    }
    if flags.case {
        return None; // "AS", "US": only the exact capitals match
    }
    let lower = text.to_lowercase();
    let langs: Vec<&str> =
        Lang::ALL.into_iter().filter(|&l| stopwords.is_stopword(&lower, l)).map(Lang::code).collect();
    (!langs.is_empty()).then(|| format!("is a stopword ({})", langs.join(", ")))
}

// --------------------------------------------------------------------------------------- lookup

/// An entity that has an alias equal to the looked-up text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The entity's id.
    pub id: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Its canonical name.
    pub canonical: String,
    /// Its subtype, if any.
    pub subtype: Option<String>,
    /// Its country, if any.
    pub country: Option<String>,
    /// Its prominence.
    pub prominence: u8,
    /// The alias that matches, as a lexicon cell (`Moskow@id`, `Batu!common`).
    pub alias: String,
    /// The alias's flags.
    pub flags: Vec<&'static str>,
    /// The rank the tagger gives it: prominence, +10 for an Indonesian entity in Indonesian text.
    pub score: u16,
    /// Why it can or cannot match in this language; `None` when it can.
    pub rejected: Option<String>,
}

impl Candidate {
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.subtype {
            parts.push(s.clone());
        }
        if let Some(c) = &self.country {
            parts.push(c.clone());
        }
        parts.push(format!("prominence {}", self.prominence));
        format!("{} {:?} {} ({})", self.kind, self.canonical, self.id, parts.join(", "))
    }
}

/// A mention the tagger finds in the looked-up text, read as running text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tagged {
    /// The mention as written.
    pub text: String,
    /// Start offset (code points).
    pub start: usize,
    /// End offset (code points, exclusive).
    pub end: usize,
    /// The entity's id; `None` for a name found by rules.
    pub id: Option<String>,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Its canonical name.
    pub canonical: String,
    /// How the tagger found it.
    pub source: MentionSource,
    /// The alias of the entity it matches (as a lexicon cell), when it was found by an alias.
    pub alias: Option<String>,
}

/// Which entity a text resolves to, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LookupReport {
    /// The text looked up.
    pub text: String,
    /// The languages this answer holds for.
    pub langs: Vec<Lang>,
    /// The entity the whole text resolves to as one alias, if any.
    pub resolved: Option<Candidate>,
    /// Why that one (or why none).
    pub why: String,
    /// The other entities with an alias equal to the text, best first; rejected ones last.
    pub others: Vec<Candidate>,
    /// What the tagger finds when the text is read as a sentence.
    pub tagged: Vec<Tagged>,
    /// How flags and context affect the match.
    pub notes: Vec<String>,
}

impl LookupReport {
    /// Whether two reports for different languages say the same.
    fn same_answer(&self, other: &LookupReport) -> bool {
        self.resolved == other.resolved
            && self.others == other.others
            && self.tagged == other.tagged
            && self.why == other.why
    }
}

impl fmt::Display for LookupReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let langs: Vec<&str> = self.langs.iter().map(|l| l.code()).collect();
        writeln!(f, "{:?} [{}]", self.text, langs.join(", "))?;
        match &self.resolved {
            Some(c) => {
                writeln!(f, "  resolves to {}", c.describe())?;
                writeln!(f, "    via alias {:?}: {}", c.alias, self.why)?;
            }
            None => writeln!(f, "  resolves to nothing: {}", self.why)?,
        }
        for note in &self.notes {
            writeln!(f, "    note: {note}")?;
        }
        if !self.others.is_empty() {
            writeln!(f, "  other candidates:")?;
            for c in self.others.iter().take(12) {
                let status = match &c.rejected {
                    Some(why) => format!("rejected: {why}"),
                    None => format!("score {}", c.score),
                };
                writeln!(f, "    {} via {:?}: {status}", c.describe(), c.alias)?;
            }
            if self.others.len() > 12 {
                writeln!(f, "    … and {} more", self.others.len() - 12)?;
            }
        }
        if self.tagged.is_empty() {
            writeln!(f, "  tagger, reading it as a sentence: nothing tagged")?;
        } else {
            writeln!(f, "  tagger, reading it as a sentence:")?;
            for t in &self.tagged {
                let via = match (&t.alias, t.source) {
                    (_, MentionSource::Alias) => " (short form of a name found earlier)".to_string(),
                    (Some(a), _) => format!(" via {a:?}"),
                    (None, _) => String::new(),
                };
                writeln!(
                    f,
                    "    {:?} → {} {:?} {}{via}",
                    t.text,
                    t.kind,
                    t.canonical,
                    t.id.as_deref().unwrap_or("(rule, not in a lexicon)")
                )?;
            }
        }
        Ok(())
    }
}

/// Answers lookups against a lexicon, with the tagger's own rules.
pub struct Resolver {
    gazetteer: Gazetteer,
    by_key: HashMap<String, Vec<usize>>,
}

impl fmt::Debug for Resolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resolver").field("keys", &self.by_key.len()).finish_non_exhaustive()
    }
}

impl Resolver {
    /// Compiles the lexicon (with the built-in cues) for lookups.
    pub fn new(lexicon: Lexicon) -> Result<Resolver> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, alias) in lexicon.aliases.iter().enumerate() {
            by_key.entry(fold(&alias.text)).or_default().push(i);
        }
        Ok(Resolver { gazetteer: Gazetteer::new(lexicon, Cues::builtin())?, by_key })
    }

    /// The lexicon looked up.
    pub fn lexicon(&self) -> &Lexicon {
        self.gazetteer.lexicon()
    }

    /// Looks `text` up in each of `langs`; languages with the same answer share one report.
    pub fn lookup_langs(&self, text: &str, langs: &[Lang]) -> Vec<LookupReport> {
        let mut out: Vec<LookupReport> = Vec::new();
        for &lang in langs {
            let report = self.lookup(text, lang);
            match out.iter_mut().find(|r| r.same_answer(&report)) {
                Some(r) => r.langs.push(lang),
                None => out.push(report),
            }
        }
        out
    }

    /// Which entity `text` resolves to in `lang`, and why: every entity with an alias equal to it
    /// (folded as the tagger folds), the ones the language or exact case rule out, the ranking
    /// (prominence, +10 for an Indonesian entity in Indonesian text, then load order) and what the
    /// tagger finds when the text is read as a sentence.
    pub fn lookup(&self, text: &str, lang: Lang) -> LookupReport {
        let text = text.trim();
        let lexicon = self.lexicon();
        let mut ranked: Vec<(Candidate, usize)> = Vec::new();
        for &a in self.by_key.get(&fold(text)).map(Vec::as_slice).unwrap_or_default() {
            let alias = &lexicon.aliases[a];
            let e = &lexicon.entities[alias.entity];
            let home = lang == Lang::Id && e.country.as_deref() == Some("ID");
            let rejected = if alias.lang.is_some_and(|l| l != lang) {
                Some(format!("the alias is for {} text only", alias.lang.map_or("", Lang::code)))
            } else if alias.flags.case && alias.text != text {
                Some(format!("exact case only: {:?} is not {:?}", text, alias.text))
            } else {
                None
            };
            let candidate = Candidate {
                id: e.id.clone(),
                kind: e.kind,
                canonical: e.canonical.clone(),
                subtype: e.subtype.clone(),
                country: e.country.clone(),
                prominence: e.prominence,
                alias: cell(&alias.text, alias.lang, alias.flags),
                flags: flag_names(alias.flags),
                score: u16::from(e.prominence) + if home { 10 } else { 0 },
                rejected,
            };
            // One line per entity: its best alias for this text.
            match ranked.iter_mut().find(|(c, _)| c.id == candidate.id) {
                Some((c, _)) if c.rejected.is_some() && candidate.rejected.is_none() => *c = candidate,
                Some(_) => {}
                None => ranked.push((candidate, alias.entity)),
            }
        }
        // The tagger's order: accepted first, then score, then the entity loaded first.
        ranked.sort_by(|(a, ai), (b, bi)| {
            (a.rejected.is_some(), std::cmp::Reverse(a.score), ai).cmp(&(
                b.rejected.is_some(),
                std::cmp::Reverse(b.score),
                bi,
            ))
        });
        let mut others: Vec<Candidate> = ranked.into_iter().map(|(c, _)| c).collect();
        let (resolved, why) = match others.first() {
            None => {
                (None, format!("no alias is {text:?} (folded: case, diacritics, dashes and spaces ignored)"))
            }
            Some(c) if c.rejected.is_some() => {
                (None, "every alias equal to it is ruled out here".to_string())
            }
            Some(_) => {
                let c = others.remove(0);
                let why = win_reason(&c, others.first().filter(|o| o.rejected.is_none()));
                (Some(c), why)
            }
        };
        let mut notes = Vec::new();
        let tagged = self.tag(text, lang);
        if let Some(c) = &resolved {
            for flag in &c.flags {
                notes.push(match *flag {
                    "case" => format!("case: only {:?} in exactly these capitals matches", c.alias.split(['@', '!']).next().unwrap_or_default()),
                    "common" => "common: also a common word; in running text it matches only capitalized and not at the start of a sentence or in a title-case headline, or (for places) right after a cue such as di, ke, Kota, Wali Kota, in, at".to_string(),
                    _ => "context: ambiguous across types or with given names; it does not match right next to another capitalized word (\"Denzel Washington\")".to_string(),
                });
            }
            let whole = tagged.iter().any(|t| t.start == 0 && t.end == text.chars().count());
            if !whole {
                notes.push(format!(
                    "read as a sentence, the tagger does not tag the whole text as {}{}",
                    c.canonical,
                    if c.flags.contains(&"common") {
                        format!(" (try it after a cue: \"di {text}\", \"in {text}\")")
                    } else {
                        String::new()
                    }
                ));
            }
        }
        LookupReport { text: text.to_string(), langs: vec![lang], resolved, why, others, tagged, notes }
    }

    /// What the tagger finds in `text` read as one sentence.
    fn tag(&self, text: &str, lang: Lang) -> Vec<Tagged> {
        let lexicon = self.lexicon();
        let spans = [TagSpan { range: 0..text.len(), tag: true, headline: false }];
        let chars = |b: usize| text[..b].chars().count();
        self.gazetteer
            .tag(text, &spans, lang)
            .into_iter()
            .map(|m| {
                let alias = m.entity().and_then(|ei| {
                    let list = self.by_key.get(&fold(&text[m.range.clone()]))?;
                    list.iter()
                        .map(|&a| &lexicon.aliases[a])
                        .find(|a| a.entity == ei && a.lang.is_none_or(|l| l == lang))
                        .map(|a| cell(&a.text, a.lang, a.flags))
                });
                let (canonical, id) = self.gazetteer.name_and_id(&m.target);
                let (canonical, id) = (canonical.to_string(), id.map(String::from));
                Tagged {
                    alias: alias.filter(|_| m.source == MentionSource::Lexicon),
                    text: text[m.range.clone()].to_string(),
                    start: chars(m.range.start),
                    end: chars(m.range.end),
                    id,
                    kind: m.kind,
                    canonical,
                    source: m.source,
                }
            })
            .collect()
    }
}

/// A candidate's score, spelled out when the home bonus is in it.
fn score_text(c: &Candidate) -> String {
    if c.score > u16::from(c.prominence) {
        format!("{} (prominence {} + 10 for an Indonesian entity in Indonesian text)", c.score, c.prominence)
    } else {
        format!("{} (prominence)", c.score)
    }
}

/// Why `winner` beats `runner_up` (the best other candidate that can match).
fn win_reason(winner: &Candidate, runner_up: Option<&Candidate>) -> String {
    let Some(r) = runner_up else {
        return "the only entity with this alias that can match here".to_string();
    };
    let other = format!("{} {} ({})", r.kind, r.canonical, r.id);
    if winner.score > r.score {
        format!("score {} beats {} for {other}", score_text(winner), score_text(r))
    } else {
        format!("tied at {} with {other}: the entity loaded first wins", score_text(winner))
    }
}

// ---------------------------------------------------------------------------------------- stats

/// Entities and aliases of one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    /// The type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Entities (for a file: its rows of this type).
    pub entities: usize,
    /// Aliases (for a file: the aliases its rows of this type add).
    pub aliases: usize,
}

/// Entities and aliases of one subtype.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubtypeCount {
    /// The type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// The subtype (`-` for none).
    pub subtype: String,
    /// Entities.
    pub entities: usize,
    /// Aliases.
    pub aliases: usize,
}

/// What one lexicon file contributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCount {
    /// The file.
    pub path: PathBuf,
    /// Its rows.
    pub rows: usize,
    /// Rows with an id not seen in an earlier file (or row).
    pub new_entities: usize,
    /// Rows whose id was already there (they merge into it).
    pub merged_rows: usize,
    /// Aliases (entity, text, language) it adds that were not there yet.
    pub aliases_added: usize,
    /// Its rows and added aliases by type.
    pub by_type: Vec<KindCount>,
}

/// How many aliases carry a flag or language tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagCount {
    /// `case`, `common`, `context`, `@id`, `@en` or `any language`.
    pub flag: &'static str,
    /// Aliases with it.
    pub aliases: usize,
    /// The same by type.
    pub by_type: Vec<KindAliases>,
}

/// Aliases of one type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindAliases {
    /// The type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Aliases.
    pub aliases: usize,
}

/// Counts of a merged lexicon, by type, subtype, source file and flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Entities after merging rows with the same id.
    pub entities: usize,
    /// Aliases: distinct (entity, text, language), each canonical name counted once.
    pub aliases: usize,
    /// By type.
    pub by_type: Vec<KindCount>,
    /// By type and subtype.
    pub by_subtype: Vec<SubtypeCount>,
    /// By source file, in load order.
    pub by_file: Vec<FileCount>,
    /// By flag and language tag.
    pub by_flag: Vec<FlagCount>,
}

fn kind_counts(entities: [usize; 3], aliases: [usize; 3]) -> Vec<KindCount> {
    EntityKind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, kind)| KindCount { kind, entities: entities[i], aliases: aliases[i] })
        .collect()
}

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Loads the files in order, as the tagger would, and counts.
pub fn stats(files: &[SourceFile]) -> Result<Stats> {
    let mut lex = Lexicon::default();
    let mut by_file = Vec::new();
    for file in files {
        let (e0, a0) = (lex.entities.len(), lex.aliases.len());
        let mut rows_by_kind = [0usize; 3];
        let mut rows = 0;
        for (_, row) in lexicon::rows(&file.text) {
            if let Ok(row) = row {
                rows += 1;
                rows_by_kind[kind_index(row.entity.kind)] += 1;
            }
        }
        lex.add_source(&file.text, &file.path)?;
        let mut added_by_kind = [0usize; 3];
        for a in &lex.aliases[a0..] {
            added_by_kind[kind_index(lex.entities[a.entity].kind)] += 1;
        }
        let new_entities = lex.entities.len() - e0;
        by_file.push(FileCount {
            path: file.path.clone(),
            rows,
            new_entities,
            merged_rows: rows - new_entities,
            aliases_added: lex.aliases.len() - a0,
            by_type: kind_counts(rows_by_kind, added_by_kind),
        });
    }
    let mut entities = [0usize; 3];
    let mut aliases = [0usize; 3];
    let mut subtypes: BTreeMap<(EntityKind, String), (usize, usize)> = BTreeMap::new();
    for e in &lex.entities {
        entities[kind_index(e.kind)] += 1;
        subtypes.entry((e.kind, e.subtype.clone().unwrap_or_else(|| "-".into()))).or_default().0 += 1;
    }
    let names = ["case", "common", "context", "@id", "@en", "any language"];
    let mut flags = [[0usize; 3]; 6];
    for a in &lex.aliases {
        let e = &lex.entities[a.entity];
        let k = kind_index(e.kind);
        aliases[k] += 1;
        subtypes.entry((e.kind, e.subtype.clone().unwrap_or_else(|| "-".into()))).or_default().1 += 1;
        let on = [
            a.flags.case,
            a.flags.common,
            a.flags.context,
            a.lang == Some(Lang::Id),
            a.lang == Some(Lang::En),
            a.lang.is_none(),
        ];
        for (f, on) in on.into_iter().enumerate() {
            flags[f][k] += usize::from(on);
        }
    }
    let mut by_subtype: Vec<SubtypeCount> = subtypes
        .into_iter()
        .map(|((kind, subtype), (entities, aliases))| SubtypeCount { kind, subtype, entities, aliases })
        .collect();
    by_subtype.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.entities), &a.subtype).cmp(&(
            b.kind,
            std::cmp::Reverse(b.entities),
            &b.subtype,
        ))
    });
    Ok(Stats {
        entities: lex.entities.len(),
        aliases: lex.aliases.len(),
        by_type: kind_counts(entities, aliases),
        by_subtype,
        by_file,
        by_flag: names
            .into_iter()
            .zip(flags)
            .map(|(flag, per)| FlagCount {
                flag,
                aliases: per.iter().sum(),
                by_type: EntityKind::ALL
                    .into_iter()
                    .zip(per)
                    .map(|(kind, aliases)| KindAliases { kind, aliases })
                    .collect(),
            })
            .collect(),
    })
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = thousands;
        writeln!(
            f,
            "{} entities, {} aliases (an alias is a distinct entity, text and language; canonical names included)",
            n(self.entities),
            n(self.aliases)
        )?;
        writeln!(f, "\n{:<28}{:>12}{:>12}", "by type", "entities", "aliases")?;
        for k in &self.by_type {
            writeln!(f, "  {:<26}{:>12}{:>12}", k.kind.to_string(), n(k.entities), n(k.aliases))?;
        }
        let width = self
            .by_file
            .iter()
            .map(|c| c.path.display().to_string().chars().count())
            .max()
            .unwrap_or(0)
            .max(12);
        writeln!(f, "\nby source file (in load order; rows and aliases added, by type: entities/aliases)")?;
        writeln!(
            f,
            "  {:<width$}{:>8}{:>10}{:>9}{:>10}{:>18}{:>18}{:>18}",
            "file", "rows", "new ids", "merged", "aliases", "PERSON", "PLACE", "ORGANIZATION"
        )?;
        for c in &self.by_file {
            let per: Vec<String> =
                c.by_type.iter().map(|k| format!("{}/{}", n(k.entities), n(k.aliases))).collect();
            writeln!(
                f,
                "  {:<width$}{:>8}{:>10}{:>9}{:>10}{:>18}{:>18}{:>18}",
                c.path.display().to_string(),
                n(c.rows),
                n(c.new_entities),
                n(c.merged_rows),
                n(c.aliases_added),
                per[0],
                per[1],
                per[2]
            )?;
        }
        writeln!(
            f,
            "\n{:<18}{:>12}{:>10}{:>10}{:>14}",
            "by flag (aliases)", "all", "PERSON", "PLACE", "ORGANIZATION"
        )?;
        for c in &self.by_flag {
            let per: Vec<String> = c.by_type.iter().map(|k| n(k.aliases)).collect();
            writeln!(f, "  {:<16}{:>12}{:>10}{:>10}{:>14}", c.flag, n(c.aliases), per[0], per[1], per[2])?;
        }
        writeln!(f, "\n{:<35}{:>12}{:>12}", "by subtype", "entities", "aliases")?;
        for s in &self.by_subtype {
            writeln!(
                f,
                "  {:<33}{:>12}{:>12}",
                format!("{} {}", s.kind, s.subtype),
                n(s.entities),
                n(s.aliases)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn check_reports_errors_and_warnings_at_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "a.tsv",
            "# comment\n\
             local:x\tPERSON\tX Man\t-\t-\t50\tmay\n\
             local:x\tPERSON\tX Man\t-\t-\t50\n\
             bad\tPERSON\tY\t-\t-\t5\n\
             local:y\tORGANIZATION\tThe\t-\t-\t5\n\
             local:z\tPLACE\tJordan Town\t-\t-\t5\tJordan\n\
             local:w\tPERSON\tJordan Smith\t-\t-\t5\tJordan!context\tAS!case\n",
        );
        let r = check(&[p.clone(), dir.path().join("missing.tsv")], CheckOptions { against_builtin: false });
        let lines: Vec<String> = r.diagnostics.iter().map(|d| d.to_string()).collect();
        let has = |s: &str| assert!(lines.iter().any(|l| l.contains(s)), "{s:?} not in {lines:#?}");
        let at = |n: usize| format!("{}:{n}: ", p.display());
        has(&format!("{}warning: alias \"may\" of local:x (X Man) is all lowercase", at(2)));
        has(&format!("{}warning: duplicate id local:x (first on line 2)", at(3)));
        has(&format!("{}error: invalid id \"bad\"", at(4)));
        has(&format!("{}warning: alias \"The\" of local:y (The) is a stopword (en)", at(5)));
        has(&format!(
            "{}warning: alias \"Jordan\" of local:z (PLACE Jordan Town) also names PERSON Jordan Smith",
            at(6)
        ));
        has("missing.tsv: error: ");
        assert!(!lines.iter().any(|l| l.contains(&at(7))), "context and case aliases are fine: {lines:#?}");
        assert_eq!((r.files, r.rows, r.errors()), (1, 6, 2));
    }

    #[test]
    fn lookup_explains_the_winner() {
        let mut lex = Lexicon::default();
        lex.add_source(
            "local:a\tPLACE\tBatu\tcity\tID\t54\tBatu!common\n\
             local:b\tPLACE\tBatu Town\tcity\tMY\t60\tBatu\n\
             local:c\tORGANIZATION\tAsosiasi\t-\tID\t30\tAS@id!case\n",
            Path::new("t.tsv"),
        )
        .unwrap();
        let r = Resolver::new(lex).unwrap();
        let id = r.lookup("Batu", Lang::Id);
        assert_eq!(id.resolved.as_ref().map(|c| c.id.as_str()), Some("local:a"));
        assert!(id.why.contains("64 (prominence 54 + 10 for an Indonesian entity"), "{}", id.why);
        assert_eq!(id.others.len(), 1, "{id}");
        let en = r.lookup("Batu", Lang::En);
        assert_eq!(en.resolved.as_ref().map(|c| c.id.as_str()), Some("local:b"));
        let lower = r.lookup("as", Lang::Id);
        assert!(
            lower.resolved.is_none() && lower.others[0].rejected.as_deref().unwrap().contains("exact case")
        );
        let shared = r.lookup_langs("Batu Town", &Lang::ALL);
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].langs, [Lang::Id, Lang::En]);
        assert!(shared[0].to_string().contains("resolves to PLACE \"Batu Town\" local:b"), "{}", shared[0]);
    }

    #[test]
    fn stats_count_by_type_file_and_flag() {
        let files = [
            SourceFile { path: "a.tsv".into(), text: "local:a\tPLACE\tA\tcity\t-\t5\tAa@id!common\n".into() },
            SourceFile {
                path: "b.tsv".into(),
                text: "local:a\tPLACE\tA\tcity\t-\t5\tAb\nlocal:p\tPERSON\tP Q\t-\t-\t5\tPQ!case\n".into(),
            },
        ];
        let s = stats(&files).unwrap();
        assert_eq!((s.entities, s.aliases), (2, 5));
        assert_eq!(s.by_file[1].new_entities, 1);
        assert_eq!(s.by_file[1].merged_rows, 1);
        assert_eq!(s.by_file[1].aliases_added, 3);
        assert_eq!(s.by_flag.iter().find(|f| f.flag == "common").unwrap().aliases, 1);
        assert_eq!(s.by_flag.iter().find(|f| f.flag == "@id").unwrap().aliases, 1);
        assert!(s.to_string().contains("PLACE city"));
    }
}
