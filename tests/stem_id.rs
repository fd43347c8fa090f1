//! Checks `ringkas::stem_id::stem` against the Snowball Indonesian reference
//! output in `../shared/data/stem-id-snowball.tsv` (word<TAB>stem per line).
//! Skipped when the shared data directory is not present.

use std::path::Path;

#[test]
fn agrees_with_snowball_reference() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/stem-id-snowball.tsv");
    if !path.parent().is_some_and(Path::exists) {
        eprintln!("skipping: ../shared/data not found");
        return;
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("skipping: cannot read {}: {e}", path.display());
            return;
        }
    };
    let mut total = 0usize;
    let mut mismatches = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let (word, want) = line.split_once('\t').unwrap_or_else(|| panic!("malformed line: {line:?}"));
        total += 1;
        let got = ringkas::stem_id::stem(word);
        if got != want {
            mismatches.push((word, want, got));
        }
    }
    assert!(total > 0, "{} is empty", path.display());
    for (word, want, got) in mismatches.iter().take(20) {
        eprintln!("{word}: want {want}, got {got}");
    }
    assert!(
        mismatches.is_empty(),
        "{} of {total} words differ from the Snowball reference",
        mismatches.len()
    );
    eprintln!("{total}/{total} words agree with the Snowball reference");
}
