//! The whole per-article analysis on arbitrary bytes: decoded lossily (as a newsroom's worst
//! file would be after `iconv -c`), with the first byte choosing the declared language. It must
//! never panic, and every offset it reports must slice the text exactly.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ringkas::{Config, Document, Lang, Pipeline, Record};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Config::default()).expect("the built-in configuration loads"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let mut doc = Document::new("fuzz", String::from_utf8_lossy(rest).into_owned());
    doc.lang = [None, Some(Lang::Id), Some(Lang::En)][usize::from(choice % 3)];
    let a = pipeline().analyze(&doc);

    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |start: usize, end: usize| -> String {
        assert!(start <= end && end <= chars.len(), "{start}..{end} outside 0..{}", chars.len());
        chars[start..end].iter().collect()
    };
    let mut prev_end = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(prev_end <= s.start && s.start < s.end, "sentence {i} out of order or empty");
        slice(s.start, s.end);
        prev_end = s.end;
    }
    let mut last = None;
    for s in &a.summary {
        assert_eq!(slice(s.start, s.end), s.text, "summary sentence verbatim");
        let whole = &a.sentences[s.index];
        assert!(whole.start <= s.start && s.end == whole.end);
        assert!(last < Some(s.index), "summary in document order");
        last = Some(s.index);
    }
    for e in &a.entities {
        assert_eq!(e.count, e.mentions.len());
        for m in &e.mentions {
            assert_eq!(slice(m.start, m.end), m.text, "mention verbatim");
            let s = &a.sentences[m.sentence];
            assert!(s.start <= m.start && m.end <= s.end, "mention inside its sentence");
        }
    }
    serde_json::to_vec(&Record::Ok(Box::new(a))).expect("the analysis serializes");
});
