//! Errors of the library. Each names the input it is about (a path, a JSONL line, a lexicon line),
//! so that a newsroom engineer reading a batch log knows exactly what to fix. Policy (skip and
//! report, exit codes) is the binary's business, not this module's.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, with the place it went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Reading a file or stream failed.
    Io {
        /// The file (or `stdin`).
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not text ringkas can read (NUL bytes, invalid UTF-8).
    Decode {
        /// The file (or `stdin`, or `FILE:LINE` for JSONL).
        path: String,
        /// A sentence saying why.
        reason: String,
    },
    /// An input is larger than the limit on one article (`--max-bytes`) and was not analyzed.
    TooLarge {
        /// The file (or `stdin`).
        path: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A JSONL input line could not be understood.
    Jsonl {
        /// The JSONL file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// A sentence saying why.
        reason: String,
    },
    /// A lexicon line could not be understood.
    Lexicon {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line number (0 when the whole file is at fault).
        line: usize,
        /// A sentence saying why.
        reason: String,
    },
    /// A result could not be placed or written (`--out-dir`).
    Output {
        /// The input whose result it is.
        path: String,
        /// A sentence saying why.
        reason: String,
    },
    /// A setting that cannot work (for example `--ratio 3`).
    Config(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{path}: {source}"),
            Error::Decode { path, reason } => write!(f, "{path}: {reason}"),
            Error::TooLarge { path, limit } => {
                write!(f, "{path}: {}", too_large(*limit))
            }
            Error::Jsonl { path, line, reason } => write!(f, "{path}:{line}: {reason}"),
            Error::Lexicon { path, line: 0, reason } => write!(f, "{}: {reason}", path.display()),
            Error::Lexicon { path, line, reason } => {
                write!(f, "{}:{line}: {reason}", path.display())
            }
            Error::Output { path, reason } => write!(f, "{path}: {reason}"),
            Error::Config(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// True when the error is a closed pipe on output (`ringkas … | head`), which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Why an input over the limit was not read, in words that fit after `PATH: `.
pub(crate) fn too_large(limit: u64) -> String {
    format!(
        "larger than {}, the limit on one article; not analyzed (--max-bytes raises it)",
        human_bytes(limit)
    )
}

/// A byte count as people write it: `16 MiB`, `512 KiB`, `100 bytes`.
fn human_bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    match UNITS.iter().find(|&&(unit, _)| n >= unit && n % unit == 0) {
        Some((unit, name)) => format!("{} {name}", n / unit),
        None => format!("{n} bytes"),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
