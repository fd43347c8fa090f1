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
        /// The most bytes it may hold ([`Jobs::max_bytes`]).
        limit: u64,
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
            Job::File { id, path, limit, .. } => {
                let doc = document(id.clone(), read_limited(&path, limit), limit);
                doc.map_err(|e| (id, e))
            }
            Job::Ready(doc) => Ok(doc),
            Job::Failed { id, error } => Err((id, error)),
        }
    }
}

/// The bytes of a file, or `None` when it holds more than `limit`. A file whose size is over the
/// limit is not read at all; one that grows, or has no size (a device, a pipe), is read no
/// further than one byte past the limit.
pub(crate) fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let file = File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Ok(None);
    }
    read_all(file, size, limit)
}

/// Everything `reader` gives, or `None` when that is more than `limit` bytes; `size` is the
/// expected length, to allocate once.
fn read_all(reader: impl Read, size: u64, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// The default of [`Jobs::max_bytes`]: 16 MiB, some 6,000 times an average news article and
/// ten times a long book. Analysis holds about 18 bytes of working memory per byte of text, so
/// this keeps one article under 400 MB.
pub const DEFAULT_MAX_BYTES: u64 = 16 << 20;

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
                // A named pipe or a device under an article's name is reported, not read: a
                // pipe would block the batch, a device would be read to the size limit.
                Ok(e) if !e.file_type().is_dir() && has_extension(e.path(), &self.extensions) => {
                    let id = e.path().display().to_string();
                    let reason = format!("{}, not a regular file; not read", special_kind(e.file_type()));
                    return Some(Entry::Failed(id.clone(), Error::Decode { path: id, reason }));
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

/// What a file type that is neither a regular file nor a folder is, for an error message.
#[cfg_attr(not(unix), allow(unused_variables))]
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kinds = [
            (file_type.is_fifo(), "a named pipe"),
            (file_type.is_socket(), "a socket"),
            (file_type.is_char_device(), "a character device"),
            (file_type.is_block_device(), "a block device"),
        ];
        if let Some((_, kind)) = kinds.into_iter().find(|&(is, _)| is) {
            return kind;
        }
    }
    "a special file"
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
    limit: u64,
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
        Jobs { format, entries: Entries::new(sources, extensions), jsonl: None, limit: DEFAULT_MAX_BYTES }
    }

    /// The most bytes one article may hold (a file, standard input, a JSONL line); a larger one
    /// is an error record and is not analyzed, so that a stray archive or device among the
    /// articles cannot exhaust memory and stop the batch. [`DEFAULT_MAX_BYTES`] unless set.
    pub fn max_bytes(mut self, limit: u64) -> Jobs {
        self.limit = limit;
        self
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

fn read_stdin(limit: u64) -> Job {
    match read_article(None, limit) {
        Ok(doc) => Job::Ready(doc),
        Err(error) => Job::Failed { id: "stdin".into(), error },
    }
}

/// One article read whole: the file at `path`, or standard input for `None`; an error naming it
/// when it cannot be read, is not text, or holds more than `limit` bytes. What `ringkas
/// sentences` reads; a batch reads through [`Jobs`].
pub fn read_article(path: Option<&Path>, limit: u64) -> Result<Document, Error> {
    match path {
        Some(path) => document(path.display().to_string(), read_limited(path, limit), limit),
        None => document("stdin".into(), read_all(std::io::stdin().lock(), 0, limit), limit),
    }
}

/// The article `id` from what a limited read gave.
fn document(id: String, read: std::io::Result<Option<Vec<u8>>>, limit: u64) -> Result<Document, Error> {
    match read {
        Ok(Some(bytes)) => Document::from_bytes(id, bytes),
        Ok(None) => Err(Error::TooLarge { path: id, limit }),
        Err(source) => Err(Error::Io { path: id, source }),
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
                (InputFormat::Text, Entry::Stdin) => return Some(read_stdin(self.limit)),
                (InputFormat::Text, Entry::File { id, path, relative }) => {
                    return Some(Job::File { id, path, relative, limit: self.limit })
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
            self.jsonl = Some(JsonlReader { path: id, reader, line: 0, buf: Vec::new(), limit: self.limit });
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
    /// The most bytes one line may hold, its line break aside.
    limit: u64,
}

impl JsonlReader {
    fn next(&mut self) -> Option<Job> {
        loop {
            self.buf.clear();
            self.line += 1;
            // One byte past the limit, so that a line of exactly the limit still reads its break.
            let read = (&mut self.reader).take(self.limit.saturating_add(1)).read_until(b'\n', &mut self.buf);
            let too_long = self.buf.len() as u64 > self.limit && self.buf.last() != Some(&b'\n');
            let read = if too_long { self.skip_line().and(read) } else { read };
            let failed = |error| Some(Job::Failed { id: format!("{}:{}", self.path, self.line), error });
            match read {
                Ok(0) => return None,
                Ok(_) if too_long => {
                    let reason = crate::error::too_large(self.limit);
                    return failed(Error::Jsonl { path: self.path.clone(), line: self.line, reason });
                }
                Ok(_) => {}
                Err(source) => return failed(Error::Io { path: self.path.clone(), source }),
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse());
        }
    }

    /// Reads past the rest of the current line (one too long to keep) without keeping it.
    fn skip_line(&mut self) -> std::io::Result<()> {
        loop {
            let available = self.reader.fill_buf()?;
            let (used, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), available.is_empty()),
            };
            self.reader.consume(used);
            if done {
                return Ok(());
            }
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
            // A UTF-8 byte-order mark is dropped; a UTF-16 file is named as such on its first
            // line (the others fail as what they are).
            line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
            if let Some(big_endian) = crate::document::utf16_bom(line) {
                return fail(crate::document::utf16_reason(big_endian));
            }
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
        if let Some(reason) = crate::document::markup_reason(&text) {
            return Job::Failed {
                id,
                error: Error::Jsonl { path: self.path.clone(), line: self.line, reason },
            };
        }
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
        read_with_limit(src, DEFAULT_MAX_BYTES)
    }

    fn read_with_limit(src: &[u8], limit: u64) -> Vec<std::result::Result<String, String>> {
        let reader = Box::new(std::io::Cursor::new(src.to_vec()));
        let mut reader = JsonlReader { path: "in".into(), reader, line: 0, buf: Vec::new(), limit };
        std::iter::from_fn(|| reader.next())
            .map(|job| match job {
                Job::Ready(doc) => Ok(doc.text),
                Job::Failed { error, .. } => Err(error.to_string()),
                Job::File { .. } => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn a_jsonl_line_holding_a_web_page_is_an_error_at_its_line() {
        let src = b"{\"text\":\"\\ufeff <html><body>Berita</body></html>\"}\n{\"text\":\"Presiden tiba.\"}\n";
        let got = read(src);
        assert_eq!(
            got[0],
            Err("in:1: HTML markup (the text opens with `<html`), not article text; extract the \
                 article's text first, e.g. `trafilatura < page.html`"
                .to_string())
        );
        assert_eq!(got[1], Ok("Presiden tiba.".to_string()));
    }

    #[test]
    fn a_jsonl_line_over_the_limit_is_skipped_to_its_end() {
        let src =
            b"{\"text\":\"a\"}\n{\"text\":\"0123456789\"}\n{\"text\":\"bc\"}\n{\"text\":\"0123456789\"}";
        // 12 bytes is the limit: line 1 (12 bytes) and line 3 (13) around it; lines 2 and 4 are
        // over, and line 4 ends the input without a line break.
        let over = "larger than 12 bytes, the limit on one article; not analyzed (--max-bytes raises it)";
        let got = read_with_limit(src, 12);
        assert_eq!(got[0], Ok("a".to_string()));
        assert_eq!(got[1], Err(format!("in:2: {over}")));
        assert_eq!(got[2], Err(format!("in:3: {over}")));
        assert_eq!(got[3], Err(format!("in:4: {over}")));
        assert_eq!(got.len(), 4);
        let got = read_with_limit(src, 13);
        assert_eq!(got[2], Ok("bc".to_string()), "a line of exactly the limit is read");
    }

    use proptest::prelude::*;

    proptest! {
        /// Whatever the lines and the limit, every line is accounted for: a line over the limit
        /// (its line break aside) is an error naming it, any other line reads as it would with no
        /// limit, and blank lines within the limit are skipped.
        #[test]
        fn a_limit_costs_only_the_lines_over_it(
            lines in proptest::collection::vec(
                prop_oneof![
                    "[a-z .]{0,40}".prop_map(|t| serde_json::json!({"text": t}).to_string()),
                    "[ -~]{0,40}",
                    "[ \t\r]{0,3}",
                ],
                0..8,
            ),
            limit in 1u64..60,
            final_break: bool,
        ) {
            let mut src = lines.join("\n");
            if final_break {
                src.push('\n');
            }
            let limited = read_with_limit(src.as_bytes(), limit);
            let mut expected = Vec::new();
            for (i, line) in src.split_terminator('\n').enumerate() {
                if line.len() as u64 > limit {
                    expected.push(Err(format!("in:{}: {}", i + 1, crate::error::too_large(limit))));
                } else if !line.bytes().all(|b| b.is_ascii_whitespace()) {
                    let alone = read(format!("{}{line}", "\n".repeat(i)).as_bytes());
                    prop_assert_eq!(alone.len(), 1);
                    expected.push(alone[0].clone());
                }
            }
            prop_assert_eq!(limited, expected);
        }
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        assert_eq!(read_all(&b"abcd"[..], 4, 4).unwrap(), Some(b"abcd".to_vec()));
        assert_eq!(read_all(&b"abcde"[..], 0, 4).unwrap(), None);
        assert_eq!(read_all(std::io::repeat(b'x'), 0, 1 << 20).unwrap(), None);
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
