//! Wiring: inputs → pipeline (in parallel, in chunks, output in input order) → emitter, with a
//! progress bar on a terminal and the exit-status policy: 0 all processed, 1 some failed.

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use ringkas::input::{Job, Jobs, Source};
use ringkas::output::Emitter;
use ringkas::{Config, Document, Error, Pipeline, Record};

use crate::args::{Args, Command, RunArgs};

/// Articles handed to the workers at a time: enough to keep every core busy, few enough that
/// memory does not grow with the size of the batch.
const CHUNK: usize = 256;

pub fn main(args: Args) -> Result<ExitCode, Error> {
    match args.command {
        Some(Command::Sentences { input, lang }) => sentences(input, lang.lang()),
        Some(Command::Stem { lang, words }) => stem(lang.lang(), words),
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
    let pipeline = Pipeline::new(&config)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Config(format!("cannot start worker threads: {e}")))?;

    let mut jobs = Jobs::new(&sources, args.input_format(), &args.ext);
    let bar = progress_bar(args.quiet, jobs.known_len());
    let started = Instant::now();
    let stdout = io::stdout();
    let mut emitter = Emitter::new(args.format(), BufWriter::new(stdout.lock()));
    let (mut done, mut failed) = (0usize, 0usize);
    loop {
        let chunk: Vec<Job> = jobs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let records: Vec<Record> =
            pool.install(|| chunk.into_par_iter().map(|job| process(&pipeline, job)).collect());
        for record in &records {
            done += 1;
            if let Record::Failed { error, .. } = record {
                failed += 1;
                bar.suspend(|| eprintln!("ringkas: {error}"));
            }
            emitter.emit(record).map_err(stdout_error)?;
        }
        bar.inc(records.len() as u64);
    }
    emitter.finish().map_err(stdout_error)?;
    bar.finish_and_clear();
    if !args.quiet && (done > 1 || io::stderr().is_terminal()) {
        let secs = started.elapsed().as_secs_f64();
        eprintln!("ringkas: {done} processed, {failed} failed, {secs:.2} s");
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
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

fn progress_bar(quiet: bool, len: Option<usize>) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => ProgressBar::new(n as u64),
        None => ProgressBar::no_length(),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} articles  {per_sec}  ETA {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn read_input(input: Option<std::path::PathBuf>) -> Result<Document, Error> {
    match input {
        Some(p) if p.as_os_str() != "-" => {
            let id = p.display().to_string();
            let bytes = std::fs::read(&p).map_err(|source| Error::Io { path: id.clone(), source })?;
            Document::from_bytes(id, bytes)
        }
        _ => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io { path: "stdin".into(), source })?;
            Document::from_bytes("stdin", bytes)
        }
    }
}

fn sentences(input: Option<std::path::PathBuf>, lang: Option<ringkas::Lang>) -> Result<ExitCode, Error> {
    let doc = read_input(input)?;
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

fn stem(lang: ringkas::Lang, words: Vec<String>) -> Result<ExitCode, Error> {
    let pipeline = Pipeline::new(&Config { no_entities: true, ..Config::default() })?;
    let words = if words.is_empty() {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s).map_err(|source| Error::Io { path: "stdin".into(), source })?;
        s.split_whitespace().map(String::from).collect()
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
