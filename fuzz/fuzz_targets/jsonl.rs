//! A JSONL input file of arbitrary bytes, read as a batch reads it (`--input-format jsonl`), the
//! first byte choosing the size limit. Every line must be accounted for, in order: a line over
//! the limit is an error naming its line, a blank line within it is skipped, and every other line
//! is one article or one error naming its line. Reading must never panic.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ringkas::input::{InputFormat, Job, Jobs, Source};
use ringkas::Error;

/// This process's input file, rewritten for every input.
fn file() -> &'static PathBuf {
    static F: OnceLock<PathBuf> = OnceLock::new();
    F.get_or_init(|| std::env::temp_dir().join(format!("ringkas-fuzz-{}.jsonl", std::process::id())))
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, src)) = data.split_first() else { return };
    let limit = 8 + u64::from(choice) * 4;
    std::fs::write(file(), src).expect("the temporary file is written");
    let id = file().display().to_string();

    // The lines (none after a last line break), and those that must each give one job, by number.
    let mut lines: Vec<&[u8]> = src.split(|&b| b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let expected: Vec<usize> = (1..=lines.len())
        .filter(|&n| lines[n - 1].len() as u64 > limit || !lines[n - 1].iter().all(u8::is_ascii_whitespace))
        .collect();

    let jobs: Vec<Job> = Jobs::new(&[Source::Path(file().clone())], InputFormat::Jsonl, &[])
        .max_bytes(limit)
        .collect();
    assert_eq!(jobs.len(), expected.len(), "one job per line that is not blank");
    for (job, &line) in jobs.iter().zip(&expected) {
        let fallback = format!("{id}:{line}");
        match job {
            Job::Failed { id: job_id, error } => match error {
                Error::Jsonl { path, line: at, reason } => {
                    assert_eq!((path, *at), (&id, line), "{reason}");
                    let too_long = lines[line - 1].len() as u64 > limit;
                    // Every other reason starts with words of its own ("not valid JSON", ...).
                    assert_eq!(too_long, reason.starts_with("larger than "), "{reason}");
                    if too_long {
                        assert_eq!(job_id, &fallback);
                    }
                }
                other => panic!("a JSONL error that names no line: {other}"),
            },
            Job::Ready(doc) => {
                // The article is the line's JSON: its text (less a leading byte-order mark, as the
                // contract says of every input text), and its id or else the line's name.
                let mut raw = lines[line - 1];
                raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                if line == 1 {
                    raw = raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(raw);
                }
                let value: serde_json::Value = serde_json::from_slice(raw).expect("an article line is JSON");
                let text = value["text"].as_str().expect("an article has a text");
                assert_eq!(text.strip_prefix('\u{feff}').unwrap_or(text), doc.text);
                let want = match &value["id"] {
                    serde_json::Value::Null => fallback,
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(doc.id, want);
            }
            Job::File { .. } => panic!("a JSONL file gives articles, not files"),
        }
    }
});
