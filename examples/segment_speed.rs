//! Sentence segmentation throughput over the shared development texts (the UD documents and the
//! Golden Rules), for comparing with pySBD (about 0.1 MB/s on the same files).
//!
//! ```text
//! cargo run --release --example segment_speed [DATA_DIR]
//! ```
//!
//! `DATA_DIR` defaults to `../shared/data`. Two figures are printed: the segmenter alone, line by
//! line, and `Pipeline::sentences` (page structure, then the segmenter on body lines).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ringkas::segment::Segmenter;
use ringkas::{Config, Document, Lang, Pipeline};

const FILES: [(&str, Lang); 4] = [
    ("sbd-ud-id-dev.jsonl", Lang::Id),
    ("sbd-ud-en-dev.jsonl", Lang::En),
    ("sbd-golden-id.jsonl", Lang::Id),
    ("sbd-golden-en.jsonl", Lang::En),
];

/// Sentence segmentation throughput over the shared development texts.
#[derive(clap::Parser)]
#[command(name = "segment_speed")]
struct Args {
    /// The folder of the shared development sets (default: `../shared/data` beside the project).
    data_dir: Option<PathBuf>,
}

fn main() {
    let Args { data_dir } = clap::Parser::parse();
    let dir = data_dir.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let mut texts: Vec<(String, Lang)> = Vec::new();
    for (name, lang) in FILES {
        let path = dir.join(name);
        let Ok(src) = std::fs::read_to_string(&path) else {
            eprintln!("segment_speed: cannot read {}; pass the data folder as the argument", path.display());
            std::process::exit(2);
        };
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).expect("JSONL");
            texts.push((row["text"].as_str().expect("a text field").to_string(), lang));
        }
    }
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    println!("{} texts, {:.2} MB", texts.len(), bytes as f64 / 1e6);

    let seg = Segmenter::builtin();
    let (rate, n) = measure(bytes, || {
        let mut n = 0;
        for (text, lang) in &texts {
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                n += seg.split(text, at..at + line.trim_end().len(), *lang).len();
                at += line.len();
            }
        }
        n
    });
    println!("segmenter alone:     {rate:8.2} MB/s ({n} sentences per pass)");

    let pipeline = Pipeline::new(&Config { no_entities: true, ..Config::default() }).unwrap();
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, (t, lang))| {
            let mut d = Document::new(i.to_string(), t.clone());
            d.lang = Some(*lang);
            d
        })
        .collect();
    let (rate, n) = measure(bytes, || docs.iter().map(|d| pipeline.sentences(d).sentences.len()).sum());
    println!("Pipeline::sentences: {rate:8.2} MB/s ({n} sentences per pass)");
    println!("pySBD on the same files: about 0.1 MB/s");
}

/// Runs `pass` for at least two seconds (after one warm-up pass); returns MB/s and its result.
fn measure(bytes: usize, mut pass: impl FnMut() -> usize) -> (f64, usize) {
    let n = pass();
    let start = Instant::now();
    let mut passes = 0u32;
    while start.elapsed() < Duration::from_secs(2) {
        std::hint::black_box(pass());
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    (bytes as f64 * f64::from(passes) / secs / 1e6, n)
}
