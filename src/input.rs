//! Inputs: files, folders (walked recursively in sorted order), standard input, and JSONL
//! streams of articles. [`Jobs`] turns the command line's inputs into a lazy sequence of
//! [`Job`]s, one per article, each of which either loads into a [`Document`] or is an error record
//! naming the input: nothing is silently dropped.

use std::collections::VecDeque;
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
            Job::File { id, path } => match std::fs::read(&path) {
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
    File(String, PathBuf),
    Failed(String, Error),
}

/// The articles of a list of inputs, in order.
pub struct Jobs {
    format: InputFormat,
    entries: VecDeque<Entry>,
    jsonl: Option<JsonlReader>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

impl Jobs {
    /// Lists the inputs of `sources`. Folders are walked now (sorted by name, following links,
    /// loops and unreadable folders reported in place); files are read later, by whoever runs
    /// the job. `extensions` filters files found in folders; files named explicitly are always
    /// read. With JSONL input every file holds many articles.
    pub fn new(sources: &[Source], format: InputFormat, extensions: &[String]) -> Jobs {
        let mut entries = VecDeque::new();
        for source in sources {
            match source {
                Source::Stdin => entries.push_back(Entry::Stdin),
                Source::Path(p) if p.is_dir() => walk(p, extensions, &mut entries),
                Source::Path(p) => entries.push_back(Entry::File(p.display().to_string(), p.clone())),
            }
        }
        Jobs { format, entries, jsonl: None }
    }

    /// How many articles are known in advance (`None` for JSONL, which streams).
    pub fn known_len(&self) -> Option<usize> {
        (self.format == InputFormat::Text).then_some(self.entries.len())
    }
}

fn walk(dir: &Path, extensions: &[String], entries: &mut VecDeque<Entry>) {
    for entry in walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() && has_extension(e.path(), extensions) => {
                entries.push_back(Entry::File(e.path().display().to_string(), e.into_path()));
            }
            Ok(_) => {}
            Err(err) => {
                let id = err.path().unwrap_or(dir).display().to_string();
                let reason = match err.loop_ancestor() {
                    Some(a) => format!("symbolic link loop back to {}; not followed", a.display()),
                    None => err.io_error().map_or_else(|| err.to_string(), |e| e.to_string()),
                };
                entries.push_back(Entry::Failed(id.clone(), Error::Decode { path: id, reason }));
            }
        }
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
            let entry = self.entries.pop_front()?;
            let (id, reader): (String, Box<dyn BufRead + Send>) = match (self.format, entry) {
                (_, Entry::Failed(id, error)) => return Some(Job::Failed { id, error }),
                (InputFormat::Text, Entry::Stdin) => return Some(read_stdin()),
                (InputFormat::Text, Entry::File(id, path)) => return Some(Job::File { id, path }),
                (InputFormat::Jsonl, Entry::Stdin) => {
                    ("stdin".into(), Box::new(BufReader::new(std::io::stdin())))
                }
                (InputFormat::Jsonl, Entry::File(id, path)) => match File::open(&path) {
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
        let article: JsonlArticle = match serde_json::from_slice(&self.buf) {
            Ok(a) => a,
            Err(e) => return fail(format!("not a JSON object: {e}")),
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
