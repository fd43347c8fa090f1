//! Golden tests: every article in `samples/` is analyzed through the library and compared with
//! `tests/golden/<name>.json`. After an intended change, regenerate them all with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::path::Path;

use ringkas::{Config, Document, Pipeline};

#[test]
fn samples_match_their_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let mut samples: Vec<_> = std::fs::read_dir(root.join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
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
