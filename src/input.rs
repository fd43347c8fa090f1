//! Inputs: files, folders (walked recursively in sorted order), standard input, and JSONL
//! streams of articles. [`Jobs`] turns the command line's inputs into a lazy sequence of
//! [`Job`]s, one per article, each of which either loads into a [`Document`] or is an error record
//! naming the input: nothing is silently dropped.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// How input text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Each file (or stdin) is one article.
    #[default]
    Text,
    /// One JSON object per line: `{"id", "text", "lang"?, "title"?}`.
    Jsonl,
}

/// One input as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`, or no input with a piped stdin).
    Stdin,
    /// A file or a folder.
    Path(PathBuf),
}

/// One article to analyze, not yet read (so that reading happens on the worker threads).
#[derive(Debug)]
pub enum Job {
    /// A file holding one article.
    File {
        /// The id to report (the path).
        id: String,
        /// Where to read it.
        path: PathBuf,
        /// Its path inside the folder named on the command line (its file name when it was
        /// named itself): what `--out-dir` mirrors.
        relative: PathBuf,
    },
    /// An article already in memory (stdin, a JSONL line).
    Ready(Document),
    /// An input that failed before it could be analyzed.
    Failed {
        /// The id to report.
        id: String,
        /// What went wrong.
        error: Error,
    },
}

impl Job {
    /// The id the output will carry.
    pub fn id(&self) -> &str {
        match self {
            Job::File { id, .. } | Job::Failed { id, .. } => id,
            Job::Ready(d) => &d.id,
        }
    }

    /// Reads the article.
    pub fn load(self) -> Result<Document, (String, Error)> {
        match self {
            Job::File { id, path, .. } => match std::fs::read(&path) {
                Ok(bytes) => Document::from_bytes(id.clone(), bytes).map_err(|e| (id, e)),
                Err(source) => Err((id.clone(), Error::Io { path: id, source })),
            },
            Job::Ready(doc) => Ok(doc),
            Job::Failed { id, error } => Err((id, error)),
        }
    }
}

/// An input found on the command line or in a folder, not yet opened.
#[derive(Debug)]
enum Entry {
    Stdin,
    File { id: String, path: PathBuf, relative: PathBuf },
    Failed(String, Error),
}

/// The inputs named on the command line, folders walked lazily: only the folders on the path to
/// the current file are held open, each listed once (sorted), so memory does not grow with the
/// number of files.
struct Entries {
    sources: std::collections::VecDeque<Source>,
    extensions: Vec<String>,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
}

impl Entries {
    fn new(sources: &[Source], extensions: &[String]) -> Entries {
        Entries { sources: sources.iter().cloned().collect(), extensions: extensions.to_vec(), walk: None }
    }

    /// The next entry of the folder being walked.
    fn walked(&mut self) -> Option<Entry> {
        let (root, walk) = self.walk.as_mut()?;
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && has_extension(e.path(), &self.extensions) => {
                    let relative = e.path().strip_prefix(&*root).unwrap_or(e.path()).to_path_buf();
                    let id = e.path().display().to_string();
                    return Some(Entry::File { id, path: e.into_path(), relative });
                }
                Ok(_) => {}
                Err(err) => {
                    let id = err.path().unwrap_or(root).display().to_string();
                    let reason = match err.loop_ancestor() {
                        Some(a) => format!("symbolic link loop back to {}; not followed", a.display()),
                        None => err.io_error().map_or_else(|| err.to_string(), |e| e.to_string()),
                    };
                    return Some(Entry::Failed(id.clone(), Error::Decode { path: id, reason }));
                }
            }
        }
        self.walk = None;
        None
    }
}

impl Iterator for Entries {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(entry) = self.walked() {
                return Some(entry);
            }
            match self.sources.pop_front()? {
                Source::Stdin => return Some(Entry::Stdin),
                Source::Path(p) if p.is_dir() => {
                    let walk = walkdir::WalkDir::new(&p).follow_links(true).sort_by_file_name();
                    self.walk = Some((p, walk.into_iter()));
                }
                Source::Path(p) => {
                    let relative = p.file_name().map_or_else(|| p.clone(), PathBuf::from);
                    return Some(Entry::File { id: p.display().to_string(), path: p, relative });
                }
            }
        }
    }
}

/// The articles of a list of inputs, in order, produced lazily.
pub struct Jobs {
    format: InputFormat,
    entries: Entries,
    jsonl: Option<JsonlReader>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs").field("format", &self.format).finish_non_exhaustive()
    }
}

impl Jobs {
    /// The articles of `sources`. Folders are walked as the jobs are taken (sorted by name,
    /// following links, loops and unreadable folders reported in place); files are read later,
    /// by whoever runs the job. `extensions` filters files found in folders; files named
    /// explicitly are always read. With JSONL input every file holds many articles.
    pub fn new(sources: &[Source], format: InputFormat, extensions: &[String]) -> Jobs {
        Jobs { format, entries: Entries::new(sources, extensions), jsonl: None }
    }

    /// How many articles `Jobs::new` with the same arguments will give, found by walking the
    /// folders once more without keeping anything (for a progress bar's ETA); `None` for JSONL,
    /// which would have to be read.
    pub fn count(sources: &[Source], format: InputFormat, extensions: &[String]) -> Option<usize> {
        (format == InputFormat::Text).then(|| Entries::new(sources, extensions).count())
    }
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| e.trim_start_matches('.').eq_ignore_ascii_case(x)))
}

fn read_stdin() -> Job {
    let mut bytes = Vec::new();
    match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => match Document::from_bytes("stdin", bytes) {
            Ok(doc) => Job::Ready(doc),
            Err(error) => Job::Failed { id: "stdin".into(), error },
        },
        Err(source) => Job::Failed { id: "stdin".into(), error: Error::Io { path: "stdin".into(), source } },
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                if let Some(job) = reader.next() {
                    return Some(job);
                }
                self.jsonl = None;
            }
            let entry = self.entries.next()?;
            let (id, reader): (String, Box<dyn BufRead + Send>) = match (self.format, entry) {
                (_, Entry::Failed(id, error)) => return Some(Job::Failed { id, error }),
                (InputFormat::Text, Entry::Stdin) => return Some(read_stdin()),
                (InputFormat::Text, Entry::File { id, path, relative }) => {
                    return Some(Job::File { id, path, relative })
                }
                (InputFormat::Jsonl, Entry::Stdin) => {
                    ("stdin".into(), Box::new(BufReader::new(std::io::stdin())))
                }
                (InputFormat::Jsonl, Entry::File { id, path, .. }) => match File::open(&path) {
                    Ok(f) => (id, Box::new(BufReader::new(f))),
                    Err(source) => {
                        return Some(Job::Failed { id: id.clone(), error: Error::Io { path: id, source } })
                    }
                },
            };
            self.jsonl = Some(JsonlReader { path: id, reader, line: 0, buf: Vec::new() });
        }
    }
}

/// Why a JSONL line is not an article, in words that fit after `FILE:LINE: `: serde's message
/// without its "at line 1" (the line is already named), with the column kept.
fn json_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message.rfind(" at line ").map_or(&message[..], |i| &message[..i]);
    match e.classify() {
        serde_json::error::Category::Data => {
            format!("not an article: {}", message.replace("struct JsonlArticle", "a JSON object"))
        }
        _ => format!("not valid JSON: {message} at column {}", e.column()),
    }
}

/// One JSONL article as the contract describes it; other keys are ignored.
#[derive(Deserialize)]
struct JsonlArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    lang: Option<String>,
    title: Option<String>,
}

struct JsonlReader {
    path: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
}

impl JsonlReader {
    fn next(&mut self) -> Option<Job> {
        loop {
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(source) => {
                    return Some(Job::Failed {
                        id: format!("{}:{}", self.path, self.line),
                        error: Error::Io { path: self.path.clone(), source },
                    })
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse());
        }
    }

    fn parse(&self) -> Job {
        let fallback_id = format!("{}:{}", self.path, self.line);
        let fail = |reason: String| Job::Failed {
            id: fallback_id.clone(),
            error: Error::Jsonl { path: self.path.clone(), line: self.line, reason },
        };
        let mut line = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        line = line.strip_suffix(b"\r").unwrap_or(line);
        if self.line == 1 {
            line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line); // a byte-order mark
        }
        if let Err(e) = std::str::from_utf8(line) {
            let at = e.valid_up_to();
            return fail(format!("invalid UTF-8 at byte {at} of the line; ringkas reads UTF-8 only"));
        }
        let article: JsonlArticle = match serde_json::from_slice(line) {
            Ok(a) => a,
            Err(e) => return fail(json_reason(&e)),
        };
        let id = match article.id {
            None | Some(serde_json::Value::Null) => fallback_id.clone(),
            Some(serde_json::Value::String(s)) => s,
            Some(other) => other.to_string(),
        };
        let Some(text) = article.text else {
            return Job::Failed {
                id,
                error: Error::Jsonl {
                    path: self.path.clone(),
                    line: self.line,
                    reason: "no \"text\" field".into(),
                },
            };
        };
        let lang = match article.lang.as_deref() {
            None | Some("") | Some("auto") => None,
            Some(l) => match l.parse::<Lang>() {
                Ok(l) => Some(l),
                Err(reason) => {
                    return Job::Failed {
                        id,
                        error: Error::Jsonl { path: self.path.clone(), line: self.line, reason },
                    }
                }
            },
        };
        let mut doc = Document::new(id, text);
        doc.lang = lang;
        doc.title = article.title;
        Job::Ready(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &[u8]) -> Vec<std::result::Result<String, String>> {
        let reader = Box::new(std::io::Cursor::new(src.to_vec()));
        let mut reader = JsonlReader { path: "in".into(), reader, line: 0, buf: Vec::new() };
        std::iter::from_fn(|| reader.next())
            .map(|job| match job {
                Job::Ready(doc) => Ok(doc.text),
                Job::Failed { error, .. } => Err(error.to_string()),
                Job::File { .. } => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn jsonl_lines_are_articles_or_errors_naming_their_line() {
        let got = read(
            b"\xef\xbb\xbf{\"text\":\"a\"}\r\n\n{\"text\":\nnull\n{\"text\":\"\xff\"}\n{\"text\":\"b\"}",
        );
        let want: [std::result::Result<&str, &str>; 5] = [
            Ok("a"),
            Err("in:3: not valid JSON: EOF while parsing a value at column 8"),
            Err("in:4: not an article: invalid type: null, expected a JSON object"),
            Err("in:5: invalid UTF-8 at byte 9 of the line; ringkas reads UTF-8 only"),
            Ok("b"),
        ];
        let want: Vec<_> = want.iter().map(|r| r.map(String::from).map_err(String::from)).collect();
        assert_eq!(got, want);
    }
}
