//! The command line, declared with clap. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use ringkas::input::InputFormat;
use ringkas::summarize::Method;
use ringkas::{Config, Error, Format, Lang, Length};

/// Extractive summaries and the people, places and organizations of news articles, Indonesian
/// and English.
///
/// Reads files, folders (recursively, sorted) or standard input, and writes for each article the
/// sentences that matter and the entities it names.
#[derive(Debug, Parser)]
#[command(name = "ringkas", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// Inspection commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how a text is split into sentences and what part of the page each one is.
    Sentences {
        /// A file, or - (or nothing) for standard input.
        input: Option<PathBuf>,
        /// The language of the text.
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        #[command(flatten)]
        limit: Limit,
    },
    /// Show the stems of words (from the arguments, or one per line on standard input).
    Stem {
        /// The language of the words.
        #[arg(long, value_enum)]
        lang: StemLang,
        /// The words.
        words: Vec<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// Check, look up and count entity lexicons.
    Lexicon {
        #[command(subcommand)]
        command: crate::lexicon_cmd::LexiconCommand,
    },
}

/// The cap on one article, for the main command and the inspection commands that read input.
#[derive(Debug, clap::Args)]
pub struct Limit {
    /// The largest article read, in bytes (suffixes K, M, G: KiB, MiB, GiB); a larger file, stdin
    /// or JSONL line is reported as an error and skipped, so that a stray archive or device in a
    /// folder cannot exhaust memory and stop the batch.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_bytes: u64,
}

/// Options of the main command.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Files and folders to read; `-` for standard input (the default when it is piped).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// Input format: plain text (one article per file) or JSONL (`{"id", "text", "lang"?, "title"?}` per line).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Text)]
    pub input_format: InputFormatArg,

    /// Language of the articles.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,

    /// Number of summary sentences.
    #[arg(short = 'n', long = "sentences", value_name = "N", default_value_t = 3)]
    pub sentences: usize,

    /// Summary length as a share of the body sentences (0 < R ≤ 1), instead of -n.
    #[arg(long, value_name = "R", conflicts_with_all = ["sentences", "words"])]
    pub ratio: Option<f64>,

    /// Summary length in words (whole sentences only), instead of -n.
    #[arg(long, value_name = "W", conflicts_with_all = ["sentences", "ratio"])]
    pub words: Option<usize>,

    /// File extensions read from folders [default: txt,md; with --input-format jsonl: jsonl,ndjson].
    #[arg(long, value_delimiter = ',')]
    pub ext: Option<Vec<String>>,

    /// An extra lexicon file or folder of `.tsv` files (repeatable); its rows add to or override the built-in ones.
    #[arg(long, value_name = "PATH")]
    pub lexicon: Vec<PathBuf>,

    /// Do not tag entities (faster; lexicons are not loaded).
    #[arg(long)]
    pub no_entities: bool,

    /// Show each summary sentence's features with its score (and, in JSON, every body sentence's).
    #[arg(long)]
    pub explain: bool,

    /// Summarization method: ringkas (news-aware, the default), or lead, textrank, lexrank for comparison.
    #[arg(long, value_enum, default_value_t = MethodArg::Ringkas)]
    pub method: MethodArg,

    /// The ringkas scorer's weights as a JSON object with every field of `Weights` (position_k,
    /// position, centrality, textrank, title, entities, length, quote, redundancy,
    /// min_paragraphs), for tuning to a house style; `tools/tune_summary.py` uses it.
    #[arg(long, value_name = "JSON", hide_short_help = true)]
    pub weights: Option<String>,

    #[command(flatten)]
    pub limit: Limit,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// No progress bar and no end-of-run line on standard error.
    #[arg(short, long)]
    pub quiet: bool,

    /// Write each article's result to its own file under DIR (`<path inside the folder read>.json`,
    /// or `<id>.json` for JSONL and stdin), atomically; results already there are skipped, so an
    /// interrupted run resumes. Standard output then lists only failures, as JSONL error records.
    #[arg(long, value_name = "DIR", conflicts_with = "format")]
    pub out_dir: Option<PathBuf>,

    /// With --out-dir: redo results that already exist.
    #[arg(long, requires = "out_dir")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MethodArg {
    Ringkas,
    Lead,
    Textrank,
    Lexrank,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Auto,
    Id,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StemLang {
    Id,
    En,
}

impl LangArg {
    pub fn lang(self) -> Option<Lang> {
        match self {
            LangArg::Auto => None,
            LangArg::Id => Some(Lang::Id),
            LangArg::En => Some(Lang::En),
        }
    }
}

impl StemLang {
    pub fn lang(self) -> Lang {
        match self {
            StemLang::Id => Lang::Id,
            StemLang::En => Lang::En,
        }
    }
}

impl RunArgs {
    pub fn format(&self) -> Format {
        match self.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
        }
    }

    pub fn input_format(&self) -> InputFormat {
        match self.input_format {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        }
    }

    /// The extensions of the files read from folders: `--ext`, else the input format's own.
    pub fn extensions(&self) -> Vec<String> {
        let default: &[&str] = match self.input_format {
            InputFormatArg::Text => &["txt", "md"],
            InputFormatArg::Jsonl => &["jsonl", "ndjson"],
        };
        self.ext.clone().unwrap_or_else(|| default.iter().map(|e| e.to_string()).collect())
    }

    /// The library configuration; refuses lengths that cannot work.
    pub fn config(&self) -> Result<Config, Error> {
        let length = match (self.ratio, self.words) {
            (Some(r), _) if !(r > 0.0 && r <= 1.0) => {
                return Err(Error::Config(format!("--ratio must be in (0, 1], got {r}")))
            }
            (Some(r), _) => Length::Ratio(r),
            (None, Some(0)) => return Err(Error::Config("--words must be at least 1".into())),
            (None, Some(w)) => Length::Words(w),
            (None, None) => Length::Sentences(self.sentences),
        };
        Ok(Config {
            lang: self.lang.lang(),
            length,
            lexicons: self.lexicon.clone(),
            no_entities: self.no_entities,
            explain: self.explain,
            method: match self.method {
                MethodArg::Ringkas => Method::Ringkas,
                MethodArg::Lead => Method::Lead,
                MethodArg::Textrank => Method::TextRank,
                MethodArg::Lexrank => Method::LexRank,
            },
            weights: match &self.weights {
                Some(json) => {
                    Some(serde_json::from_str(json).map_err(|e| Error::Config(format!("--weights: {e}")))?)
                }
                None => None,
            },
        })
    }
}

/// A byte count: digits, then optionally K, M or G (binary multiples), then optionally `iB` or
/// `B` ("16M", "16MiB", "512k", "1000").
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{s:?} is not a size: write bytes, or a number with K, M or G")),
    };
    let n: u64 = number.parse().map_err(|_| format!("{s:?} is not a size: it needs a number"))?;
    n.checked_mul(1 << shift).filter(|&n| n > 0).ok_or_else(|| format!("{s:?} is not a usable size"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("100B"), Ok(100));
        for bad in ["", "M", "0", "1.5M", "-1", "12X", "99999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn cli_is_well_formed() {
        Args::command().debug_assert();
    }
}
