//! `ringkas lexicon check|lookup|stats`: arguments and printing only; the work is done by
//! `ringkas::lexicon_tools`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use ringkas::lexicon_tools::{self, CheckOptions, Resolver, SourceFile};
use ringkas::{Error, Lang};
use serde::Serialize;

use crate::args::LangArg;

/// The `lexicon` subcommands.
#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Validate lexicon files or folders (every .tsv file under a folder).
    ///
    /// Errors (a row that does not parse, a path that cannot be read) are reported as FILE:LINE
    /// and make the exit status 1. Warnings: an id repeated within a file, an id whose type
    /// another row changes, an alias without !context that also names an entity of another type
    /// (in PATHs or the built-in lexicons), an alias without !common that is all lowercase or a
    /// stopword.
    Check {
        /// Lexicon files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Look for cross-type collisions within PATHs only, not against the built-in lexicons.
        #[arg(long)]
        no_builtin: bool,
        /// Exit with status 1 on warnings too.
        #[arg(long)]
        strict: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Show which entity (type, id, canonical name) a text resolves to, and why.
    ///
    /// For each text: the alias it matches, with its flags and language; the competing entities
    /// and why the winner won; and what the tagger finds when the text is read as a sentence.
    Lookup {
        /// Texts to look up ("Moskow", "AS", "Wali Kota Solo").
        #[arg(required = true, value_name = "TEXT")]
        texts: Vec<String>,
        /// The language of the text; auto looks up in both (one answer where they agree).
        #[arg(long, value_enum, default_value_t = LangArg::Auto)]
        lang: LangArg,
        /// An extra lexicon file or folder (repeatable), added after the built-in ones.
        #[arg(long, value_name = "PATH")]
        lexicon: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Count entities and aliases by type, source file, flag and subtype.
    Stats {
        /// An extra lexicon file or folder (repeatable), counted after the built-in ones.
        #[arg(long, value_name = "PATH")]
        lexicon: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
}

/// How a report is printed.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

fn stdout_error(source: io::Error) -> Error {
    Error::Io { path: "stdout".into(), source }
}

/// Prints `value` as text (its Display) or pretty JSON.
fn print<T: std::fmt::Display + Serialize>(value: &T, format: ReportFormat) -> Result<(), Error> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ReportFormat::Text => write!(out, "{value}").map_err(stdout_error)?,
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, value).map_err(|e| stdout_error(e.into()))?;
            writeln!(out).map_err(stdout_error)?;
        }
    }
    out.flush().map_err(stdout_error)
}

/// Several lookup reports, printed one after another (text) or as one array (JSON).
#[derive(Serialize)]
#[serde(transparent)]
struct Reports(Vec<lexicon_tools::LookupReport>);

impl std::fmt::Display for Reports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

/// Runs a `lexicon` subcommand. `check` exits 1 when it finds errors; a user lexicon that cannot
/// be loaded by `lookup` or `stats` is an error (exit 2).
pub fn run(command: LexiconCommand) -> Result<ExitCode, Error> {
    match command {
        LexiconCommand::Check { paths, no_builtin, strict, format } => {
            let report = lexicon_tools::check(&paths, CheckOptions { against_builtin: !no_builtin });
            print(&report, format)?;
            let fail = report.errors() > 0 || (strict && report.warnings() > 0);
            Ok(if fail { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        LexiconCommand::Lookup { texts, lang, lexicon, format } => {
            let resolver = Resolver::new(lexicon_tools::load(&lexicon)?)?;
            let langs: Vec<Lang> = lang.lang().map_or(Lang::ALL.to_vec(), |l| vec![l]);
            let reports = texts.iter().flat_map(|t| resolver.lookup_langs(t, &langs)).collect();
            print(&Reports(reports), format)?;
            Ok(ExitCode::SUCCESS)
        }
        LexiconCommand::Stats { lexicon, format } => {
            let mut files = SourceFile::builtin();
            files.extend(SourceFile::read_all(&lexicon)?);
            print(&lexicon_tools::stats(&files)?, format)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
