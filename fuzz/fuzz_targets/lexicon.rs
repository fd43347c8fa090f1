//! A user's lexicon (`--lexicon FILE`) on arbitrary bytes: parsed, compiled, and used to tag a
//! text made of its own aliases. Parsing must give rows or an error naming the file and a line
//! that exists; a lexicon that parses must compile; tagging must never panic, and every mention
//! must lie on character boundaries inside its sentence and point to an entity of the lexicon.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ringkas::entities::{Gazetteer, TagSpan, Target};
use ringkas::rules::Cues;
use ringkas::{Error, Lang, Lexicon};

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(Cues::builtin)
}

/// What goes between two aliases in the text: nothing, a space, punctuation, a cue, a line.
const GLUE: [&str; 8] = ["", " ", ", ", " dan ", ". ", "\n", " kata Presiden ", " di "];

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let mut lexicon = Lexicon::default();
    match lexicon.add_source(&src, Path::new("fuzz.tsv")) {
        Ok(()) => {}
        Err(Error::Lexicon { path, line, .. }) => {
            assert_eq!(path, Path::new("fuzz.tsv"));
            assert!(line >= 1 && line <= src.lines().count(), "line {line} of {}", src.lines().count());
            return;
        }
        Err(other) => panic!("a lexicon error that names no line: {other}"),
    }
    if lexicon.aliases.is_empty() {
        return;
    }
    let entities = lexicon.entities.len();
    let mut text = String::new();
    for (i, alias) in lexicon.aliases.iter().take(24).enumerate() {
        text.push_str(&alias.text);
        text.push_str(GLUE[(i + data.len()) % GLUE.len()]);
    }
    let gazetteer = Gazetteer::new(lexicon, cues().clone()).expect("a lexicon that parses compiles");

    // Sentences end at ". " and line breaks, as the glue writes them.
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(['.', '\n']) {
        spans.push(TagSpan { range: start..i + 1, tag: spans.len() % 3 != 2, headline: spans.len() % 5 == 1 });
        start = i + 1;
    }
    if start < text.len() {
        spans.push(TagSpan { range: start..text.len(), tag: true, headline: false });
    }
    for lang in [Lang::Id, Lang::En] {
        for m in gazetteer.tag(&text, &spans, lang) {
            let span = &spans[m.sentence];
            assert!(span.tag, "a mention in a sentence that is not tagged");
            assert!(span.range.start <= m.range.start && m.range.start < m.range.end);
            assert!(m.range.end <= span.range.end, "mention outside its sentence");
            assert!(text.get(m.range.clone()).is_some(), "mention not on character boundaries");
            if let Target::Lexicon(e) = m.target {
                assert!(e < entities);
            }
            gazetteer.name_and_id(&m.target);
        }
    }
});
