//! The article ringkas was built for (`samples/seed-article.txt`), checked against what a
//! journalist expects of it.

use ringkas::analysis::Analysis;
use ringkas::{Config, Document, EntityKind, Pipeline};

fn analyze() -> (String, Analysis) {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-article.txt")).unwrap();
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let a = pipeline.analyze(&Document::new("seed", text.clone()));
    (text, a)
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn seed_entities() {
    let (_, a) = analyze();
    let find = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", a.entities))
    };
    let has_form = |name: &str, form: &str| find(name).mentions.iter().any(|m| m.text == form);
    assert_eq!(find("Moscow").kind, EntityKind::Place);
    assert!(has_form("Moscow", "Moskow"));
    assert_eq!(find("Kremlin").kind, EntityKind::Organization);
    assert_eq!(find("White House").kind, EntityKind::Organization);
    assert!(has_form("White House", "Gedung Putih"));
    assert_eq!(find("Russia").kind, EntityKind::Place);
    assert!(has_form("Russia", "Rusia"));
    assert_eq!(find("United States").kind, EntityKind::Place);
    assert!(has_form("United States", "Amerika Serikat"));
    let washington = a.entities.iter().find(|e| e.mentions.iter().any(|m| m.text == "Washington")).unwrap();
    assert_eq!(washington.kind, EntityKind::Place);
    assert_eq!(find("Dmitry Peskov").kind, EntityKind::Person);
    let putin = find("Vladimir Putin");
    assert_eq!(putin.kind, EntityKind::Person);
    assert!(putin.count >= 4, "{putin:?}");
    assert!(has_form("Vladimir Putin", "Putin") && has_form("Vladimir Putin", "Vladimir Putin"));
    assert!(has_form("Donald Trump", "Trump") && has_form("Donald Trump", "Donald Trump"));
    assert_eq!(a.entities.iter().filter(|e| e.name.contains("Putin")).count(), 1, "one Putin");
    assert_eq!(a.entities.iter().filter(|e| e.name.contains("Trump")).count(), 1, "one Trump");
    for teaser in ["India", "Sugiono", "Teddy"] {
        assert!(
            !a.entities
                .iter()
                .any(|e| e.name.contains(teaser) || e.mentions.iter().any(|m| m.text.contains(teaser))),
            "{teaser} comes from the teaser"
        );
    }
}

#[test]
fn seed_summary() {
    let (text, a) = analyze();
    assert_eq!(a.summary.len(), 3);
    let story_start = text.chars().count() - text[text.find("Pantau - Presiden").unwrap()..].chars().count();
    let mut last = None;
    for s in &a.summary {
        assert_eq!(slice(&text, s.start, s.end), s.text);
        assert!(s.start >= story_start, "from the story body: {}", s.text);
        assert!(!s.text.contains("Sugiono") && !s.text.starts_with("Foto:"));
        assert!(last < Some(s.start), "document order");
        last = Some(s.start);
    }
    assert_eq!(a.title.as_deref(), Some("Putin dan Trump Bahas Hubungan Bilateral dalam Panggilan Telepon"));
}
