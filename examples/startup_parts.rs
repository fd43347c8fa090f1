//! Where start-up time goes: loading the precompiled lexicons vs parsing and compiling the TSVs.
//! `cargo run --release --example startup_parts`
use std::time::Instant;

use ringkas::entities::{Cues, Gazetteer};
use ringkas::{Config, Lexicon, Pipeline};

fn main() {
    let t = Instant::now();
    let g = Gazetteer::builtin();
    let loaded = t.elapsed();
    let t = Instant::now();
    let p = Pipeline::new(&Config::default()).unwrap();
    let pipeline = t.elapsed();
    let t = Instant::now();
    let lex = Lexicon::builtin();
    let parsed = t.elapsed();
    let t = Instant::now();
    let compiled = Gazetteer::new(lex, Cues::builtin()).unwrap();
    let built = t.elapsed();
    println!("precompiled load {loaded:?} (whole pipeline {pipeline:?}); from TSV: parse {parsed:?} + compile {built:?}");
    drop((g, p, compiled));
}
