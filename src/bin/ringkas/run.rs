//! Wiring: inputs → pipeline (on every core, streaming, output in input order; see
//! `ringkas::batch`) → standard output or `--out-dir` files, with a progress bar on a terminal,
//! an end-of-run line, and the exit-status policy: 0 all processed, 1 some failed, 130 stopped
//! by Ctrl-C (an `--out-dir` run, which then resumes).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use ringkas::batch::{self, Batch};
use ringkas::input::{Job, Jobs, Source};
use ringkas::outdir::{self, Claim, OutDir};
use ringkas::output::{self, Emitter};
use ringkas::{Config, Error, Format, Pipeline, Record};

use crate::args::{Args, Command, RunArgs};

pub fn main(args: Args) -> Result<ExitCode, Error> {
    match args.command {
        Some(Command::Sentences { input, lang, limit }) => sentences(input, lang.lang(), limit.max_bytes),
        Some(Command::Stem { lang, words, limit }) => stem(lang.lang(), words, limit.max_bytes),
        Some(Command::Lexicon { command }) => crate::lexicon_cmd::run(command),
        None => run(&args.run),
    }
}

fn stdout_error(source: io::Error) -> Error {
    Error::Io { path: "stdout".into(), source }
}

fn run(args: &RunArgs) -> Result<ExitCode, Error> {
    let config = args.config()?;
    let sources: Vec<Source> = if args.inputs.is_empty() {
        if io::stdin().is_terminal() {
            return Err(Error::Config(
                "no input: name files or folders, or pipe text in (see ringkas --help)".into(),
            ));
        }
        vec![Source::Stdin]
    } else {
        args.inputs
            .iter()
            .map(|p| if p.as_os_str() == "-" { Source::Stdin } else { Source::Path(p.clone()) })
            .collect()
    };
    // Never dropped: freeing the lexicons' some 150,000 allocations one by one would add
    // milliseconds to every run's end, and the process exits right after.
    let pipeline = std::mem::ManuallyDrop::new(Pipeline::new(&config)?);
    let out_dir = match &args.out_dir {
        Some(dir) => {
            let out = OutDir::new(dir, args.force)?;
            // Ctrl-C (or SIGTERM, SIGHUP) stops taking new articles; those in flight are finished
            // and written whole. A second one exits at once, removing the temporary files being
            // written: results are whole or absent either way.
            ctrlc::set_handler(|| {
                if INTERRUPTED.swap(true, Ordering::SeqCst) {
                    outdir::exit_now(130);
                }
            })
            .map_err(|e| Error::Config(format!("cannot handle Ctrl-C: {e}")))?;
            Some(out)
        }
        None => None,
    };

    let batch = Batch::new(args.jobs.unwrap_or(0));
    let extensions = args.extensions();
    let jobs = Jobs::new(&sources, args.input_format(), &extensions).max_bytes(args.limit.max_bytes);
    let bar = progress_bar(args.quiet, &sources, args);
    let started = Instant::now();
    let tally = match out_dir {
        None => to_stdout(args, &pipeline, batch, jobs, &bar)?,
        Some(out) => to_out_dir(&pipeline, batch, jobs, out, &bar)?,
    };
    bar.finish_and_clear();
    let interrupted = INTERRUPTED.load(Ordering::SeqCst);
    if !args.quiet && (tally.processed > 1 || interrupted || io::stderr().is_terminal()) {
        eprintln!("ringkas: {}", tally.line(started.elapsed().as_secs_f64(), interrupted));
    }
    if tally.processed == 0 && !interrupted {
        // Nothing read at all: most likely a folder of files with other extensions.
        let wanted: Vec<String> =
            extensions.iter().map(|e| format!(".{}", e.trim_start_matches('.'))).collect();
        for source in &sources {
            if let Source::Path(dir) = source {
                if dir.is_dir() {
                    eprintln!(
                        "ringkas: warning: {}: no {} files in this folder (--ext chooses which are read)",
                        dir.display(),
                        wanted.join(" or ")
                    );
                }
            }
        }
    }
    Ok(if interrupted {
        ExitCode::from(130)
    } else if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Set by Ctrl-C during an `--out-dir` run.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// What a run did, for the end-of-run line and the exit status.
#[derive(Debug, Default)]
struct Tally {
    processed: usize,
    failed: usize,
    /// With `--out-dir`: results written, and results found from an earlier run.
    written: usize,
    skipped: usize,
}

impl Tally {
    /// "20,000 processed, 0 failed, 2.51 s (7,968/s)": counts with thousands separators, as on
    /// the progress bar, and the rate once there is a batch to speak of.
    fn line(&self, secs: f64, interrupted: bool) -> String {
        let count = |n: usize| HumanCount(n as u64);
        let Tally { processed, failed, written, skipped } = *self;
        let files = if written + skipped > 0 {
            format!(" ({} written, {} already done)", count(written), count(skipped))
        } else {
            String::new()
        };
        let stop = if interrupted { "interrupted (rerun the same command to resume): " } else { "" };
        let rate = if processed > 1 && secs > 0.0 {
            format!(" ({}/s)", HumanCount((processed as f64 / secs).round() as u64))
        } else {
            String::new()
        };
        format!("{stop}{} processed{files}, {} failed, {secs:.2} s{rate}", count(processed), count(failed))
    }

    /// Counts one input; a failure is reported on stderr above the progress bar.
    fn count(&mut self, bar: &ProgressBar, error: Option<&str>) {
        self.processed += 1;
        if let Some(error) = error {
            self.failed += 1;
            bar.suspend(|| eprintln!("ringkas: {error}"));
        }
        bar.inc(1);
    }
}

/// Every record to standard output, in input order.
fn to_stdout(
    args: &RunArgs,
    pipeline: &Pipeline,
    batch: Batch,
    jobs: Jobs,
    bar: &ProgressBar,
) -> Result<Tally, Error> {
    let format = args.format();
    let stdout = io::stdout();
    let mut emitter = Emitter::new(format, BufWriter::new(stdout.lock()));
    let mut tally = Tally::default();
    let render = |job| {
        let record = process(pipeline, job);
        let error = match &record {
            Record::Failed { error, .. } => Some(error.clone()),
            Record::Ok(_) => None,
        };
        (output::render(format, &record), error)
    };
    batch::for_each_ordered(batch, jobs, render, |(body, error)| {
        tally.count(bar, error.as_deref());
        emitter.emit_rendered(&body?)
    })
    .map_err(stdout_error)?;
    emitter.finish().map_err(stdout_error)?;
    Ok(tally)
}

/// What to do with one input of an `--out-dir` run.
enum Task {
    /// Analyze it; write the result to the path (none if it already failed).
    Analyze(Job, Option<PathBuf>),
    /// Its result is there from an earlier run.
    Skip,
    /// It cannot have a result file.
    Refuse(String, Error),
}

/// What became of one input of an `--out-dir` run.
enum Outcome {
    Written,
    Skipped,
    Failed(Record),
}

/// Every result to its own file under `out`; failures as JSONL error records on standard output.
fn to_out_dir(
    pipeline: &Pipeline,
    batch: Batch,
    jobs: Jobs,
    mut out: OutDir,
    bar: &ProgressBar,
) -> Result<Tally, Error> {
    // Claims are made here, in input order, so that the first of two inputs sharing a result
    // file keeps it, and skipped articles are never read.
    let tasks =
        jobs.take_while(|_| !INTERRUPTED.load(Ordering::SeqCst)).map(move |job| match out.claim(&job) {
            None => Task::Analyze(job, None),
            Some(Ok(Claim::Write(path))) => Task::Analyze(job, Some(path)),
            Some(Ok(Claim::Done(_))) => Task::Skip,
            Some(Err(e)) => Task::Refuse(job.id().to_string(), e),
        });
    let work = |task| {
        let (id, error) = match task {
            Task::Skip => return Outcome::Skipped,
            Task::Refuse(id, error) => (id, error.to_string()),
            Task::Analyze(job, path) => match (process(pipeline, job), path) {
                (record @ Record::Ok(_), Some(path)) => {
                    let written = output::render(Format::Jsonl, &record)
                        .and_then(|bytes| outdir::write_atomic(&path, &bytes));
                    match (written, record) {
                        (Ok(()), _) => return Outcome::Written,
                        (Err(e), Record::Ok(a)) => (a.id, format!("{}: {e}", path.display())),
                        (Err(_), failed) => return Outcome::Failed(failed),
                    }
                }
                (record, _) => return Outcome::Failed(record),
            },
        };
        Outcome::Failed(Record::Failed { id, error })
    };
    let stdout = io::stdout();
    let mut failures = Emitter::new(Format::Jsonl, BufWriter::new(stdout.lock()));
    let mut tally = Tally::default();
    batch::for_each_ordered(batch, tasks, work, |outcome| {
        match outcome {
            Outcome::Written => tally.written += 1,
            Outcome::Skipped => tally.skipped += 1,
            Outcome::Failed(record) => {
                if let Record::Failed { error, .. } = &record {
                    tally.count(bar, Some(error));
                }
                return failures.emit(&record);
            }
        }
        tally.count(bar, None);
        Ok(())
    })
    .map_err(stdout_error)?;
    failures.finish().map_err(stdout_error)?;
    Ok(tally)
}

/// Reads and analyzes one article. A panic in the analysis is a bug, but it must not cost the
/// rest of the batch: it becomes this input's error record.
fn process(pipeline: &Pipeline, job: Job) -> Record {
    let doc = match job.load() {
        Ok(doc) => doc,
        Err((id, error)) => return Record::Failed { id, error: error.to_string() },
    };
    match panic::catch_unwind(AssertUnwindSafe(|| pipeline.analyze(&doc))) {
        Ok(analysis) => Record::Ok(Box::new(analysis)),
        Err(_) => Record::Failed {
            id: doc.id.clone(),
            error: format!("{}: internal error while analyzing (please report)", doc.id),
        },
    }
}

/// The progress line while the inputs are being counted, and once they are.
const COUNTING: &str = "{spinner} {human_pos} articles  {rate}  {elapsed}";
const COUNTED: &str = "{bar:30} {human_pos}/{human_len} articles  {rate}  ETA {eta}";

/// The bar's style: `template` with `{rate}`, whole articles per second ("7,402/s"; indicatif's
/// own `{per_sec}` prints four decimals).
fn progress_style(template: &str) -> ProgressStyle {
    let rate = |state: &ProgressState, out: &mut dyn std::fmt::Write| {
        let _ = write!(out, "{}/s", HumanCount(state.per_sec().round() as u64));
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("rate", rate)
}

/// A progress bar on stderr when it is a terminal (and not `--quiet`), hidden otherwise. The
/// folders are counted on a thread of their own, so the bar shows a rate at once and a length
/// and ETA as soon as the count is in.
fn progress_bar(quiet: bool, sources: &[Source], args: &RunArgs) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(progress_style(COUNTING));
    let (bar2, sources, format, ext) =
        (bar.clone(), sources.to_vec(), args.input_format(), args.extensions());
    std::thread::spawn(move || {
        if let Some(n) = Jobs::count(&sources, format, &ext) {
            bar2.set_length(n as u64);
            bar2.set_style(progress_style(COUNTED));
        }
    });
    bar
}

fn sentences(input: Option<PathBuf>, lang: Option<ringkas::Lang>, limit: u64) -> Result<ExitCode, Error> {
    let doc = ringkas::input::read_article(input.as_deref().filter(|p| p.as_os_str() != "-"), limit)?;
    let pipeline = Pipeline::new(&Config { lang, no_entities: true, ..Config::default() })?;
    let ringkas::pipeline::Segmented { lang: detected, sentences, .. } = pipeline.sentences(&doc);
    let mut out = BufWriter::new(io::stdout().lock());
    let lang = detected.map_or("unknown", |l| l.code());
    writeln!(out, "# {}: {} sentences, language {lang}", doc.id, sentences.len()).map_err(stdout_error)?;
    for (i, (range, zone)) in sentences.iter().enumerate() {
        let zone =
            serde_json::to_value(zone).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        writeln!(out, "{i:>4}  {zone:<9}  {}", doc.text[range.clone()].replace(['\n', '\r'], " "))
            .map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

fn stem(lang: ringkas::Lang, words: Vec<String>, limit: u64) -> Result<ExitCode, Error> {
    let pipeline = Pipeline::new(&Config { no_entities: true, ..Config::default() })?;
    let words = if words.is_empty() {
        // Read as an article is: under the size cap, UTF-8 text only.
        let text = ringkas::input::read_article(None, limit)?.text;
        text.split_whitespace().map(String::from).collect()
    } else {
        words
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for w in words {
        let stem = pipeline.tokenizer().stem(&w.to_lowercase(), lang);
        writeln!(out, "{w}\t{stem}").map_err(stdout_error)?;
    }
    out.flush().map_err(stdout_error)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_run_line_separates_thousands_and_gives_the_rate() {
        let tally = Tally { processed: 20_000, failed: 1_204, written: 0, skipped: 0 };
        assert_eq!(tally.line(2.5, false), "20,000 processed, 1,204 failed, 2.50 s (8,000/s)");
        let tally = Tally { processed: 12_000, failed: 0, written: 4_500, skipped: 7_500 };
        assert_eq!(
            tally.line(1.5, true),
            "interrupted (rerun the same command to resume): 12,000 processed (4,500 written, 7,500 \
             already done), 0 failed, 1.50 s (8,000/s)"
        );
        let one = Tally { processed: 1, failed: 0, written: 0, skipped: 0 };
        assert_eq!(one.line(0.02, false), "1 processed, 0 failed, 0.02 s");
    }

    #[test]
    fn progress_templates_parse() {
        for template in [COUNTING, COUNTED] {
            assert!(ProgressStyle::with_template(template).is_ok(), "{template}");
        }
    }
}
