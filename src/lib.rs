//! ringkas reads news articles — Indonesian first, English second — and gives for each an
//! extractive summary (the sentences that matter, verbatim, in document order) and the people,
//! places and organizations it mentions, each linked to one canonical name.
//!
//! The stages, each its own module and each working in offsets into the original text:
//! [`document`] (reading) → [`structure`] (title, byline, page furniture) → [`lang`] →
//! [`segment`] (sentences) → [`tokenize`] (words, stems) → [`summarize`] and [`entities`]
//! (with [`lexicon`]) → [`analysis`] (the output model) → [`output`] (text, JSON, JSONL).
//! [`pipeline::Pipeline`] ties them together.
//!
//! ```
//! use ringkas::{Config, Document, Pipeline};
//!
//! let pipeline = Pipeline::new(&Config::default()).unwrap();
//! let doc = Document::new("demo", "Presiden Joko Widodo tiba di Moskow. Ia bertemu Vladimir Putin di Kremlin.");
//! let analysis = pipeline.analyze(&doc);
//! assert_eq!(analysis.summary.len(), 2);
//! assert!(analysis.entities.iter().any(|e| e.name == "Moscow"));
//! ```
#![warn(missing_docs)]

pub mod analysis;
pub mod batch;
pub mod document;
pub mod entities;
pub mod error;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod lexicon_tools;
pub mod outdir;
pub mod output;
pub mod pipeline;
pub mod rules;
pub mod segment;
pub mod stem_id;
pub mod structure;
pub mod summarize;
pub mod tokenize;

pub use analysis::{Analysis, Record};
pub use document::Document;
pub use error::{Error, Result};
pub use lang::Lang;
pub use lexicon::{EntityKind, Lexicon};
pub use output::Format;
pub use pipeline::{Config, Pipeline};
pub use summarize::Length;
