//! The binary, end to end: files, stdin, folders, JSONL, formats and exit statuses. Bad input,
//! case by case, is in `bad_input.rs`; batches at scale in `batch.rs`.

mod util;

use serde_json::Value;
use util::{jsonl, run, run_in, sample};

fn seed() -> String {
    std::fs::read_to_string(sample("seed-article.txt")).unwrap()
}

/// The parts of an article record that must not depend on how the article arrived.
fn essence(v: &Value) -> Value {
    let mut v = v.clone();
    v.as_object_mut().unwrap().remove("id");
    v
}

#[test]
fn path_stdin_folder_and_jsonl_agree() {
    let by_path = run(&["--format", "jsonl", "samples/seed-article.txt"], None);
    assert_eq!(by_path.status.code(), Some(0), "{}", String::from_utf8_lossy(&by_path.stderr));
    let by_path = jsonl(&by_path);
    assert_eq!(by_path.len(), 1);
    assert_eq!(by_path[0]["id"], "samples/seed-article.txt");

    let by_stdin = jsonl(&run(&["--format", "jsonl"], Some(seed().as_bytes())));
    assert_eq!(by_stdin[0]["id"], "stdin");
    assert_eq!(essence(&by_stdin[0]), essence(&by_path[0]));
    let by_dash = jsonl(&run(&["--format", "jsonl", "-"], Some(seed().as_bytes())));
    assert_eq!(essence(&by_dash[0]), essence(&by_path[0]));

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("b/two.txt"), seed()).unwrap();
    std::fs::write(dir.path().join("a.txt"), seed()).unwrap();
    std::fs::write(dir.path().join("ignored.json"), "{}").unwrap();
    let by_folder = run_in(dir.path(), &["--format", "jsonl", "."], None);
    assert_eq!(by_folder.status.code(), Some(0));
    let by_folder = jsonl(&by_folder);
    let ids: Vec<&str> = by_folder.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["./a.txt", "./b/two.txt"]);
    for v in &by_folder {
        assert_eq!(essence(v), essence(&by_path[0]));
    }

    let lines: String = ["z-last", "a-first"]
        .iter()
        .map(|id| serde_json::json!({"id": id, "text": seed(), "extra": 1}).to_string() + "\n")
        .collect();
    let by_jsonl = jsonl(&run(&["--input-format", "jsonl", "--format", "jsonl"], Some(lines.as_bytes())));
    let ids: Vec<&str> = by_jsonl.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["z-last", "a-first"], "ids kept, input order kept");
    for v in &by_jsonl {
        assert_eq!(essence(v), essence(&by_path[0]));
    }
}

/// Which files a folder gives: `.txt` and `.md` for text, `.jsonl` and `.ndjson` for JSONL input,
/// or what `--ext` says; a folder that gives none is named in a warning, not passed over in silence.
#[test]
fn folders_read_the_input_formats_extensions_and_warn_when_none_match() {
    let dir = tempfile::tempdir().unwrap();
    let line = serde_json::json!({"id": "from-jsonl", "text": seed()}).to_string() + "\n";
    std::fs::write(dir.path().join("a.jsonl"), &line).unwrap();
    std::fs::write(dir.path().join("b.ndjson"), &line).unwrap();
    std::fs::write(dir.path().join("c.txt"), seed()).unwrap();
    std::fs::write(dir.path().join("d.text"), "Presiden tiba di Jakarta.").unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = run_in(dir.path(), args, None);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        jsonl(&out).iter().map(|v| v["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&["--format", "jsonl", "."]), ["./c.txt"]);
    assert_eq!(ids(&["--input-format", "jsonl", "--format", "jsonl", "."]), ["from-jsonl", "from-jsonl"]);
    assert_eq!(ids(&["--format", "jsonl", "--ext", "text,txt", "."]), ["./c.txt", "./d.text"]);

    let out = run_in(dir.path(), &["--format", "jsonl", "-q", "--ext", "xml", "."], None);
    assert_eq!(out.status.code(), Some(0), "nothing failed");
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "ringkas: warning: .: no .xml files in this folder (--ext chooses which are read)\n"
    );
}

#[test]
fn json_format_is_an_array_of_contract_objects() {
    let out = run(&["--format", "json", "samples/seed-article.txt"], None);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &v.as_array().unwrap()[0];
    for key in ["id", "lang", "title", "sentences", "summary", "entities"] {
        assert!(a.get(key).is_some(), "missing {key}");
    }
    assert_eq!(a["lang"], "id");
    for key in ["index", "start", "end"] {
        assert!(a["sentences"][0].get(key).is_some());
    }
    for key in ["index", "start", "end", "text", "score"] {
        assert!(a["summary"][0].get(key).is_some());
    }
    for key in ["name", "type", "count", "mentions"] {
        assert!(a["entities"][0].get(key).is_some());
    }
    for key in ["start", "end", "text", "sentence"] {
        assert!(a["entities"][0]["mentions"][0].get(key).is_some());
    }
}

#[test]
fn text_format_reads_like_a_report() {
    let out = run(&["samples/seed-article.txt"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("== samples/seed-article.txt  [id, "), "{text}");
    assert!(text.contains("\nSummary\n  1. Presiden Rusia Vladimir Putin"), "{text}");
    let people = text.split("\nPeople\n").nth(1).unwrap();
    assert!(people.contains("Vladimir Putin"), "{text}");
}

#[test]
fn a_bad_file_is_reported_in_place_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("1.txt"), "Satu kalimat di sini. Dan satu lagi.").unwrap();
    std::fs::write(dir.path().join("2.txt"), b"bin\0ary").unwrap();
    std::fs::write(dir.path().join("3.txt"), b"bad \xff utf8").unwrap();
    std::fs::write(dir.path().join("4.txt"), "").unwrap();
    let out =
        run_in(dir.path(), &["--format", "jsonl", "1.txt", "2.txt", "3.txt", "missing.txt", "4.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    let ids: Vec<&str> = recs.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["1.txt", "2.txt", "3.txt", "missing.txt", "4.txt"]);
    assert!(recs[0].get("error").is_none());
    assert!(recs[1]["error"].as_str().unwrap().starts_with("2.txt: binary file"));
    assert!(recs[2]["error"].as_str().unwrap().starts_with("3.txt: invalid UTF-8"));
    assert!(recs[3]["error"].as_str().unwrap().starts_with("missing.txt: "));
    assert_eq!(recs[4]["sentences"], serde_json::json!([]), "an empty file is an empty article");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("ringkas: 2.txt: binary file"), "{stderr}");
    let summary = stderr.lines().last().unwrap();
    let timing = summary.strip_prefix("ringkas: 5 processed, 3 failed, ").expect(summary);
    let re = regex::Regex::new(r"^[0-9]+\.[0-9]{2} s \([0-9,]+/s\)$").unwrap();
    assert!(re.is_match(timing), "{summary}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--ratio", "3", "samples/seed-article.txt"][..],
        &["--format", "xml"],
        &["-n", "2", "--words", "5"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let bad = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(bad.path(), "Q1\tPERSON\tA\n").unwrap();
    let out = run(&["--lexicon", bad.path().to_str().unwrap(), "samples/seed-article.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("{}:1: expected at least 6", bad.path().display())), "{stderr}");
}

#[test]
fn summary_length_options() {
    let n = |args: &[&str]| {
        let mut all = vec!["--format", "jsonl"];
        all.extend_from_slice(args);
        all.push("samples/seed-article.txt");
        jsonl(&run(&all, None))[0]["summary"].as_array().unwrap().len()
    };
    assert_eq!(n(&[]), 3);
    assert_eq!(n(&["-n", "5"]), 5);
    assert_eq!(n(&["--ratio", "0.2"]), 2, "ceil(0.2 * 9 body sentences)");
    let by_words = jsonl(&run(&["--format", "jsonl", "--words", "40", "samples/seed-article.txt"], None));
    let words: usize = by_words[0]["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["text"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    assert!((20..=40).contains(&words), "whole sentences within the budget: {words}");
    let many = jsonl(&run(&["--format", "jsonl", "-n", "50", "samples/seed-article.txt"], None));
    assert_eq!(many[0]["summary"].as_array().unwrap().len(), 9);
    assert!(many[0]["summary_short"].as_str().unwrap().contains("9 body sentences"));
}

#[test]
fn broken_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    for i in 0..600 {
        std::fs::write(dir.path().join(format!("{i:04}.txt")), seed()).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_ringkas"))
        .args(["--format", "jsonl", "-q"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take()); // like `head`: stop reading
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn inspection_commands() {
    let out = run(&["sentences", "samples/seed-article.txt"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("teaser     Baca Juga:"), "{text}");
    // It reads under the same cap as the main command: a file or stdin over it is an error.
    let seed_len = seed().len();
    assert!(seed_len > 1024);
    for input in [Some("samples/seed-article.txt"), None] {
        let mut args = vec!["sentences", "--max-bytes", "1K"];
        args.extend(input);
        let out = run(&args, input.is_none().then_some(seed().as_bytes()));
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let name = input.unwrap_or("stdin");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err, format!("ringkas: {name}: larger than 1 KiB, the limit on one article; not analyzed (--max-bytes raises it)\n"));
    }
    let out = run(&["sentences", "--max-bytes", &seed_len.to_string(), "-"], Some(seed().as_bytes()));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("# stdin: 21 sentences, language id\n"));
    let out = run(&["stem", "--lang", "id", "membahas", "pembahasan"], None);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "membahas\tbahas\npembahasan\tbahas\n");
    let out = run(&["stem", "--lang", "en"], Some(b"running talks"));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "running\trun\ntalks\ttalk\n");
    // Words on stdin are read as an article is: under the cap, text only.
    let out = run(&["stem", "--lang", "en", "--max-bytes", "8"], Some(b"running talks"));
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(2), true));
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("ringkas: stdin: larger than 8 bytes"));
    let out = run(&["stem", "--lang", "en"], Some(b"running\0talks"));
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(2), true));
    assert!(String::from_utf8(out.stderr).unwrap().contains("binary file (NUL byte at byte 7)"));
}
