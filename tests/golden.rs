//! Golden tests: every article in `samples/` is analyzed through the library and compared with
//! `tests/golden/<name>.json`. After an intended change, regenerate them all with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::path::{Path, PathBuf};

use ringkas::{Config, Document, Pipeline};

/// The articles of `samples/`, in name order.
fn samples() -> Vec<PathBuf> {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    samples
}

#[test]
fn samples_match_their_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let samples = samples();
    assert!(samples.len() >= 5, "the seed article and at least four of our own");
    let mut failures = Vec::new();
    for path in samples {
        let name = path.file_name().unwrap().to_str().unwrap();
        let doc = Document::from_bytes(format!("samples/{name}"), std::fs::read(&path).unwrap()).unwrap();
        let got = serde_json::to_string_pretty(&pipeline.analyze(&doc)).unwrap() + "\n";
        let golden = root.join("tests/golden").join(name.replace(".txt", ".json"));
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(_) => failures.push(format!("{name}: differs from {} ", golden.display())),
            Err(_) => failures.push(format!("{name}: no golden file {}", golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nif the change is intended: UPDATE_GOLDEN=1 cargo test --test golden, then review git diff tests/golden",
        failures.join("\n")
    );
}

/// `line` wrapped greedily at `width` characters on spaces, as wire services, e-mail and text
/// taken from PDF wrap their paragraphs.
fn hard_wrap(line: &str, width: usize) -> String {
    let mut out = String::new();
    let mut current = 0;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let n = word.chars().count();
        if current > 0 && current + 1 + n > width {
            out.push('\n');
            current = 0;
        } else if current > 0 {
            out.push(' ');
            current += 1;
        }
        out.push_str(word);
        current += n;
    }
    out
}

/// Every sample hard-wrapped at 70 columns reads as the sample: the same sentences, summary and
/// entities (texts compared with their whitespace collapsed, since a wrapped sentence holds line
/// breaks where the sample has spaces).
#[test]
fn hard_wrapped_samples_read_as_their_paragraphs() {
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Each sentence's zone and text, the summary's texts, and the entities with their counts.
    let reading = |doc: &Document| {
        let v = serde_json::to_value(pipeline.analyze(doc)).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        let list = |key: &str| v[key].as_array().unwrap().clone();
        let sentences: Vec<String> = list("sentences")
            .iter()
            .map(|s| {
                let (start, end) =
                    (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                format!("{} {}", s["zone"], squeeze(&chars[start..end].iter().collect::<String>()))
            })
            .collect();
        let summary: Vec<String> =
            list("summary").iter().map(|s| squeeze(s["text"].as_str().unwrap())).collect();
        let mut entities: Vec<String> =
            list("entities").iter().map(|e| format!("{} {} {}", e["name"], e["type"], e["count"])).collect();
        entities.sort();
        (sentences, summary, entities)
    };
    let samples = samples();
    for path in samples {
        let text = std::fs::read_to_string(&path).unwrap();
        let wrapped: Vec<String> = text.split('\n').map(|l| hard_wrap(l, 70)).collect();
        let wrapped = wrapped.join("\n");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 70)
                && wrapped.lines().count() > text.lines().count()
        );
        let name = path.display().to_string();
        let (plain, folded) = (reading(&Document::new(&name, text)), reading(&Document::new(&name, wrapped)));
        assert_eq!(plain, folded, "{name}");
    }
}
