//! The binary, end to end: files, stdin, folders, JSONL, formats and exit statuses.

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
    assert!(summary.starts_with("ringkas: 5 processed, 3 failed, ") && summary.ends_with(" s"), "{summary}");
}

/// Text that is odd in shape but still text: every case is analyzed, its offsets slice the text
/// exactly and its summary is verbatim.
#[test]
fn odd_but_valid_text_is_analyzed() {
    let seed = seed();
    let words = ["presiden", "tiba", "di", "jakarta", "bersama", "menteri", "luar", "negeri", "membahas"];
    let mut long_line = String::with_capacity(2 << 20);
    for i in 0.. {
        if long_line.len() >= 2 << 20 {
            break;
        }
        long_line.push_str(words[i * 7 % words.len()]);
        long_line.push(' ');
    }
    let bare: String = seed.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
    let cases = [
        ("a-lf.txt", seed.clone()),
        ("all-caps.txt", seed.to_uppercase()),
        ("bom.txt", format!("\u{feff}{seed}")),
        ("crlf.txt", seed.replace('\n', "\r\n")),
        ("long-line.txt", long_line),
        ("no-punctuation.txt", bare),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in &cases {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = run_in(dir.path(), &["--format", "jsonl", "."], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), cases.len());
    for ((name, text), rec) in cases.iter().zip(&recs) {
        assert_eq!(rec["id"], format!("./{name}"));
        let text = text.trim_start_matches('\u{feff}');
        let sentences = rec["sentences"].as_array().unwrap();
        assert!(!sentences.is_empty(), "{name}: no sentences");
        let mut end = 0;
        for s in sentences {
            let (start, stop) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert!(end <= start && start < stop, "{name}: sentences overlap or are empty");
            let got = util::slice(text, start, stop);
            assert_eq!(got.trim(), got, "{name}: sentence not trimmed");
            end = stop;
        }
        assert!(end as usize <= text.chars().count());
        let summary = rec["summary"].as_array().unwrap();
        assert!(!summary.is_empty(), "{name}: no summary");
        for s in summary {
            let got = util::slice(text, s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(got, s["text"].as_str().unwrap(), "{name}: summary not verbatim");
        }
    }
    let [lf, caps, bom, crlf, long, bare] = &recs[..] else { unreachable!() };
    assert_eq!(essence(bom), essence(lf), "a BOM changes nothing, offsets included");
    assert_eq!(crlf["sentences"].as_array().unwrap().len(), lf["sentences"].as_array().unwrap().len());
    let texts = |r: &Value| -> Vec<String> {
        r["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().replace('\r', ""))
            .collect()
    };
    assert_eq!(texts(crlf), texts(lf), "CRLF gives the same summary");
    assert!(caps["sentences"].as_array().unwrap().len() > 5);
    assert_eq!(long["sentences"].as_array().unwrap().len(), 1, "one 2 MB sentence");
    assert!(
        bare["sentences"].as_array().unwrap().len() > 1,
        "lines still split an article with no punctuation"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_the_walk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Satu kalimat. Dua kalimat.").unwrap();
    std::fs::create_dir(dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("loop/back")).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap();
    std::fs::write(dir.path().join("z.txt"), "Kalimat terakhir. Selesai.").unwrap();
    let out = run_in(dir.path(), &["--format", "jsonl", "--no-entities", "."], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    let ids: Vec<&str> = recs.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["./a.txt", "./loop/back", "./self.txt", "./z.txt"]);
    assert!(recs[1]["error"].as_str().unwrap().contains("symbolic link loop back to ."), "{}", recs[1]);
    assert!(recs[2]["error"].as_str().unwrap().contains("symbolic links"), "{}", recs[2]);
    assert!(recs[0].get("error").is_none() && recs[3].get("error").is_none());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_processed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Satu kalimat. Dua kalimat.").unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "Rahasia. Sangat rahasia.").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&secret).is_ok() {
        eprintln!("skipped: this test runs as root (or with CAP_DAC_OVERRIDE), which reads a mode-000 file");
        return;
    }
    let out = run_in(dir.path(), &["--format", "jsonl", "--no-entities", "."], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0].get("error").is_none());
    assert!(recs[1]["error"].as_str().unwrap().starts_with("./secret.txt: Permission denied"), "{}", recs[1]);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_mirrored() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in").join(name), "Satu kalimat. Dua kalimat.").unwrap();
    let out = run_in(dir.path(), &["--format", "jsonl", "--no-entities", "in"], None);
    assert_eq!(out.status.code(), Some(0));
    let recs = jsonl(&out);
    assert_eq!(recs[0]["id"], "in/caf\u{fffd}.txt", "the id is the name, lossily");
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 2);
    let out = run_in(dir.path(), &["--out-dir", "out", "--no-entities", "in"], None);
    assert_eq!(out.status.code(), Some(0));
    let result = dir.path().join("out").join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt.json"));
    assert!(result.is_file(), "the result file keeps the name's bytes");
}

#[test]
fn malformed_jsonl_lines_name_their_line() {
    let input = "{\"id\":\"a\",\"text\":\"Halo dunia.\"}\nnot json\n\n{\"id\":\"c\"}\n{\"id\":7,\"text\":\"Hello world.\"}\n";
    let out = run(&["--input-format", "jsonl", "--format", "jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 4);
    assert_eq!(recs[1]["id"], "stdin:2");
    assert!(recs[1]["error"].as_str().unwrap().starts_with("stdin:2: not a JSON object"));
    assert_eq!(recs[2]["error"], "stdin:4: no \"text\" field");
    assert_eq!(recs[3]["id"], "7");
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
    let out = run(&["stem", "--lang", "id", "membahas", "pembahasan"], None);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "membahas\tbahas\npembahasan\tbahas\n");
    let out = run(&["stem", "--lang", "en"], Some(b"running talks"));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "running\trun\ntalks\ttalk\n");
}
