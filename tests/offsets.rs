//! Property tests: for arbitrary text, every sentence and mention offset slices the input
//! exactly, summaries are verbatim and in document order, and sentences never overlap; and a
//! batch gives the same records on one thread as on several.

use std::sync::OnceLock;

use proptest::prelude::*;
use ringkas::batch::{self, Batch};
use ringkas::{Config, Document, Pipeline};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Config::default()).unwrap())
}

fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// Text built from news-like pieces, names from the lexicons, punctuation, odd Unicode and line
/// breaks, so that the interesting paths (abbreviations, entities, furniture) are exercised.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Presiden Vladimir Putin".to_string()),
        Just("di Moskow".to_string()),
        Just("Gedung Putih".to_string()),
        Just("Amerika Serikat (AS)".to_string()),
        Just("Baca juga:".to_string()),
        Just("Foto: ".to_string()),
        Just("Jl. Prof. Dr. Soepomo No. 11".to_string()),
        Just("Rp2.375.000".to_string()),
        Just("\"Kenapa?\" tanya dia.".to_string()),
        Just("São Paulo–Jakarta".to_string()),
        Just("Mr. Smith said.".to_string()),
        Just("Putinnya".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("Vladimir \u{a0}\n Putin".to_string()),
        Just("  \t".to_string()),
        Just(". ".to_string()),
        Just("… ".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn offsets_slice_the_input_exactly(text in article()) {
        let doc = Document::new("p", text);
        let a = pipeline().analyze(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        let mut prev_end = 0;
        for (i, s) in a.sentences.iter().enumerate() {
            prop_assert_eq!(s.index, i);
            prop_assert!(prev_end <= s.start && s.start < s.end && s.end <= chars.len());
            let got = slice(&chars, s.start, s.end);
            prop_assert_eq!(got.trim(), got.as_str(), "sentences are trimmed");
            prev_end = s.end;
        }
        let mut last = None;
        for s in &a.summary {
            prop_assert_eq!(slice(&chars, s.start, s.end), s.text.clone());
            // The summary shows the sentence, less a dateline at its start.
            let whole = &a.sentences[s.index];
            prop_assert!(whole.start <= s.start && s.end == whole.end);
            prop_assert!(last < Some(s.index));
            last = Some(s.index);
        }
        for e in &a.entities {
            prop_assert_eq!(e.count, e.mentions.len());
            for m in &e.mentions {
                prop_assert_eq!(slice(&chars, m.start, m.end), m.text.clone());
                let s = &a.sentences[m.sentence];
                prop_assert!(s.start <= m.start && m.end <= s.end, "mention inside its sentence");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn one_thread_and_many_give_the_same_records(texts in prop::collection::vec(article(), 1..30)) {
        let docs = || texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), t.clone()));
        let analyze = |d: Document| serde_json::to_string(&pipeline().analyze(&d)).unwrap();
        let run = |threads: usize| {
            let mut out = Vec::new();
            // A small window, so that workers often wait on a slow article.
            let r: Result<(), ()> = batch::for_each_ordered(Batch { threads, window: 3 }, docs(), analyze, |s| {
                out.push(s);
                Ok(())
            });
            r.unwrap();
            out
        };
        let alone: Vec<String> = docs().map(analyze).collect();
        prop_assert_eq!(&run(1), &alone);
        prop_assert_eq!(&run(3), &alone);
    }
}
