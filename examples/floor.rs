//! The floor of issue 7: the least work any entity tagger must do on a folder of articles. It
//! reads every file under a folder, lowercases it, and counts the leftmost-longest aho-corasick
//! matches of the place lexicon's aliases (`lexicons/entities/gen-places.tsv` and
//! `places-curated.tsv`, about 65,000 distinct lowercased patterns). No decoding checks beyond
//! UTF-8, no sentences, no word boundaries, no scoring: read + match only.
//!
//! ```text
//! cargo run --release --example floor -- [--jobs N] DIR
//! ```
//!
//! Files are walked like ringkas walks a folder (recursively, sorted, `.txt` and `.md`) and shared
//! out to `--jobs` threads (default: one per core, as ringkas does). It prints one line of
//! `key=value` pairs on standard output, for `tools/bench_batch.py`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};

const LEXICONS: [&str; 2] = ["gen-places.tsv", "places-curated.tsv"];

/// Reads every article under a folder and counts place-alias matches: the floor of issue 7.
#[derive(clap::Parser)]
#[command(name = "floor")]
struct Args {
    /// Threads to share the files out to (default: one per core, as ringkas does).
    #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// The folder of articles.
    dir: PathBuf,
}

fn main() {
    let Args { jobs, dir } = clap::Parser::parse();
    let jobs = jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), usize::from);

    let started = Instant::now();
    let patterns = place_aliases();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap_or_else(|e| fail(&format!("cannot build the automaton: {e}")));
    let built = started.elapsed();

    let walk = walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name().into_iter();
    let walk = Mutex::new(walk);
    let (files, bytes, matches, failed) =
        (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let next = walk.lock().map(|mut w| w.next()).unwrap_or(None);
                let Some(entry) = next else { break };
                let Ok(entry) = entry else {
                    failed.fetch_add(1, Ordering::Relaxed);
                    continue;
                };
                if !entry.file_type().is_file() || !is_article(entry.path()) {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    failed.fetch_add(1, Ordering::Relaxed);
                    continue;
                };
                let n = automaton.find_iter(&text.to_lowercase()).count();
                files.fetch_add(1, Ordering::Relaxed);
                bytes.fetch_add(text.len() as u64, Ordering::Relaxed);
                matches.fetch_add(n as u64, Ordering::Relaxed);
            });
        }
    });
    println!(
        "files={} bytes={} matches={} failed={} patterns={} jobs={jobs} build_s={:.3} total_s={:.3}",
        files.into_inner(),
        bytes.into_inner(),
        matches.into_inner(),
        failed.into_inner(),
        patterns.len(),
        built.as_secs_f64(),
        started.elapsed().as_secs_f64(),
    );
}

/// Every alias of every place row, canonical name included, lowercased and deduplicated.
fn place_aliases() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/entities");
    let mut seen = HashSet::new();
    for name in LEXICONS {
        let path = root.join(name);
        let src = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
        for line in src.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() < 6 || cells[1] != "PLACE" {
                continue;
            }
            let aliases = std::iter::once(cells[2]).chain(cells[6..].iter().copied());
            for cell in aliases {
                // `text[@lang][!flags]`
                let text = cell.split_once('!').map_or(cell, |(t, _)| t);
                let text = text.strip_suffix("@id").or_else(|| text.strip_suffix("@en")).unwrap_or(text);
                if !text.is_empty() {
                    seen.insert(text.to_lowercase());
                }
            }
        }
    }
    let mut patterns: Vec<String> = seen.into_iter().collect();
    patterns.sort_unstable();
    patterns
}

fn is_article(path: &Path) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| x == "txt" || x == "md")
}

fn fail(msg: &str) -> ! {
    eprintln!("floor: {msg}");
    std::process::exit(2)
}
