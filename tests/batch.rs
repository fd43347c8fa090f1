//! Batches at archive scale, through the binary: `--out-dir` (mirrored paths, safe names,
//! atomic files, resume after a kill), the JSONL filter's statelessness (what GNU parallel,
//! Hadoop Streaming and Spark rely on), and output independent of the number of threads.

mod util;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use util::{jsonl, run, run_in, sample};

/// A folder of `n` distinct articles made from the samples, in subfolders of 50
/// (`d00/a0000.txt`, …) as an archive by day would be.
fn archive(dir: &Path, n: usize) -> Vec<String> {
    let samples: Vec<String> = ["seed-article", "id-wire-antara", "en-wire-reuters", "id-kutipan-kompas"]
        .iter()
        .map(|s| fs::read_to_string(sample(&format!("{s}.txt"))).unwrap())
        .collect();
    let mut names = Vec::new();
    for i in 0..n {
        let name = format!("d{:02}/a{i:04}.txt", i / 50);
        let path = dir.join(&name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = &samples[i % samples.len()];
        // A different last sentence each, so that no two results are alike.
        fs::write(&path, format!("{text}\n\nArtikel ini bernomor {i} dalam arsip.\n")).unwrap();
        names.push(name);
    }
    names
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> =
        walk(dir).iter().map(|p| p.strip_prefix(dir).unwrap().display().to_string()).collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn out_dir_mirrors_paths_skips_done_results_and_forces() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    archive(&input, 3);
    fs::write(input.join("d00/skip.json"), "{}").unwrap(); // not an article extension
    let out = dir.path().join("out");
    let out_arg = out.to_str().unwrap();

    let first = run_in(dir.path(), &["--out-dir", out_arg, "in"], None);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(first.stdout.is_empty(), "results go to files, not stdout");
    assert_eq!(files(&out), ["d00/a0000.txt.json", "d00/a0001.txt.json", "d00/a0002.txt.json"]);
    let stderr = String::from_utf8(first.stderr).unwrap();
    assert!(stderr.contains("3 processed (3 written, 0 already done), 0 failed"), "{stderr}");

    // Each file is the article's JSONL line, byte for byte.
    let lines = run_in(dir.path(), &["--format", "jsonl", "in"], None);
    let lines = String::from_utf8(lines.stdout).unwrap();
    let from_files: String = files(&out).iter().map(|f| fs::read_to_string(out.join(f)).unwrap()).collect();
    assert_eq!(from_files, lines);

    // A rerun does nothing; a result removed is redone; --force redoes all.
    fs::remove_file(out.join("d00/a0001.txt.json")).unwrap();
    fs::write(out.join("d00/a0002.txt.json"), "stale\n").unwrap();
    let again = run_in(dir.path(), &["--out-dir", out_arg, "in"], None);
    let stderr = String::from_utf8(again.stderr).unwrap();
    assert!(stderr.contains("3 processed (1 written, 2 already done)"), "{stderr}");
    assert_eq!(fs::read_to_string(out.join("d00/a0002.txt.json")).unwrap(), "stale\n");
    let forced = run_in(dir.path(), &["--out-dir", out_arg, "--force", "in"], None);
    assert!(String::from_utf8(forced.stderr).unwrap().contains("(3 written, 0 already done)"));
    let from_files: String = files(&out).iter().map(|f| fs::read_to_string(out.join(f)).unwrap()).collect();
    assert_eq!(from_files, lines);

    let out = run(&["--out-dir", out_arg, "--format", "jsonl", "samples/seed-article.txt"], None);
    assert_eq!(out.status.code(), Some(2), "--out-dir writes JSON files; --format does not apply");
}

#[test]
fn out_dir_never_writes_outside_whatever_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    fs::create_dir(&work).unwrap();
    fs::write(dir.path().join("outside.txt"), "Teks di luar. Kalimat kedua.").unwrap();
    let ids = ["../../escape", "/etc/passwd", "a/b", ".hidden", "", "São Paulo", "dup", "dup", "ok"];
    let lines: String = ids
        .iter()
        .map(|id| serde_json::json!({"id": id, "text": "Satu kalimat. Dua kalimat."}).to_string() + "\n")
        .collect();
    let out = run_in(
        &work,
        &["--out-dir", "out", "--input-format", "jsonl", "--no-entities", "-"],
        Some(lines.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1), "the second `dup` is refused");
    let failures = jsonl(&out);
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0]["id"], "dup");
    assert!(failures[0]["error"].as_str().unwrap().contains("already taken by an earlier input"));
    let named = run_in(&work, &["--out-dir", "out", "--no-entities", "../outside.txt"], None);
    assert_eq!(named.status.code(), Some(0), "{}", String::from_utf8_lossy(&named.stderr));

    assert_eq!(
        files(&work.join("out")),
        [
            "%.json",
            "%2E.%2F..%2Fescape.json",
            "%2Ehidden.json",
            "%2Fetc%2Fpasswd.json",
            "S%C3%A3o%20Paulo.json",
            "a%2Fb.json",
            "dup.json",
            "ok.json",
            "outside.txt.json",
        ]
    );
    assert_eq!(files(&work), files(&work.join("out")).iter().map(|f| format!("out/{f}")).collect::<Vec<_>>());
    assert_eq!(files(dir.path()).len(), 1 + 9, "nothing beside work/ but the input");
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(work.join("out/a%2Fb.json")).unwrap()).unwrap();
    assert_eq!(v["id"], "a/b", "the file keeps the real id");
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_ringkas"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until `dir` holds at least `n` results (or the run ends); true if the run still goes on.
fn wait_for_results(child: &mut Child, dir: &Path, n: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(50);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        let done = dir.exists()
            && walk(dir).iter().filter(|p| p.extension().is_some_and(|x| x == "json")).count() >= n;
        if done {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("no results after 50 s");
}

/// Every result file is whole (one JSON line) and no temporary file is visible under a final name.
fn assert_whole(dir: &Path) {
    for path in walk(dir) {
        let name = path.file_name().unwrap().to_str().unwrap();
        if name.starts_with(".ringkas-") && name.ends_with(".tmp") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("}\n") && text.matches('\n').count() == 1, "{} is partial", path.display());
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_resumes_to_the_same_results() {
    let dir = tempfile::tempdir().unwrap();
    let n = 300;
    archive(&dir.path().join("in"), n);
    let clean = run_in(dir.path(), &["--out-dir", "clean", "-q", "in"], None);
    assert_eq!(clean.status.code(), Some(0));

    // Ctrl-C: the run stops taking articles, finishes those in flight, and leaves no temporary file.
    let mut child = spawn(dir.path(), &["--out-dir", "out", "in"]);
    let interrupted = wait_for_results(&mut child, &dir.path().join("out"), 10);
    if interrupted {
        let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
        assert!(kill.success());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(130), "{stderr}");
        assert!(stderr.contains("interrupted (rerun the same command to resume)"), "{stderr}");
        let left = files(&dir.path().join("out"));
        assert!(left.iter().all(|f| !f.contains(".ringkas-")), "temporary files left: {left:?}");
        assert!(left.len() < n, "stopped early: {} of {n}", left.len());
        assert_whole(&dir.path().join("out"));
    } else {
        eprintln!("note: the run finished before Ctrl-C could be sent");
    }

    // A hard kill: results are whole or absent (a hidden temporary file may remain).
    let mut child = spawn(dir.path(), &["--out-dir", "out", "in"]);
    if wait_for_results(&mut child, &dir.path().join("out"), files(&dir.path().join("out")).len() + 10) {
        child.kill().unwrap();
    }
    child.wait().unwrap();
    assert_whole(&dir.path().join("out"));

    let resumed = run_in(dir.path(), &["--out-dir", "out", "in"], None);
    assert_eq!(resumed.status.code(), Some(0));
    let stderr = String::from_utf8(resumed.stderr).unwrap();
    assert!(stderr.contains(&format!("{n} processed")), "{stderr}");
    let results = |d: &str| -> Vec<String> {
        files(&dir.path().join(d)).into_iter().filter(|f| !f.contains("/.ringkas-")).collect()
    };
    assert_eq!(results("out"), results("clean"));
    for f in results("clean") {
        assert_eq!(
            fs::read(dir.path().join("out").join(&f)).unwrap(),
            fs::read(dir.path().join("clean").join(&f)).unwrap(),
            "{f}"
        );
    }
}

/// Sends `signals` (with a pause between) to a run over `n` articles once it has written a few
/// results; `None` if it finished first.
#[cfg(unix)]
fn signal_mid_run(dir: &Path, signals: &[&str]) -> Option<std::process::Output> {
    let mut child = spawn(dir, &["--out-dir", "out", "in"]);
    if !wait_for_results(&mut child, &dir.join("out"), 10) {
        eprintln!("note: the run finished before it could be signalled");
        return None;
    }
    for signal in signals {
        let sent = Command::new("kill").args([*signal, &child.id().to_string()]).status().unwrap();
        assert!(sent.success());
        std::thread::sleep(Duration::from_millis(2));
    }
    Some(child.wait_with_output().unwrap())
}

/// SIGTERM (what a scheduler sends) stops a run as Ctrl-C does: in-flight articles are finished.
#[cfg(unix)]
#[test]
fn sigterm_stops_a_run_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    archive(&dir.path().join("in"), 300);
    let Some(out) = signal_mid_run(dir.path(), &["-TERM"]) else { return };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted (rerun the same command to resume)"), "{stderr}");
    let left = files(&dir.path().join("out"));
    assert!(left.iter().all(|f| !f.contains(".ringkas-")), "temporary files left: {left:?}");
    assert_whole(&dir.path().join("out"));
}

/// A second Ctrl-C exits at once, and still leaves neither a partial result nor a temporary file.
#[cfg(unix)]
#[test]
fn a_second_ctrl_c_exits_at_once_leaving_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    archive(&dir.path().join("in"), 300);
    let Some(out) = signal_mid_run(dir.path(), &["-INT", "-INT"]) else { return };
    assert_eq!(out.status.code(), Some(130));
    let left = files(&dir.path().join("out"));
    assert!(left.iter().all(|f| !f.contains(".ringkas-")), "temporary files left: {left:?}");
    assert!(left.len() < 300, "stopped early: {}", left.len());
    assert_whole(&dir.path().join("out"));
}

#[test]
fn jsonl_filter_is_stateless_per_line() {
    let texts = [
        "Presiden Joko Widodo tiba di Moskow. Ia bertemu Vladimir Putin di Kremlin.",
        "The minister flew to Jakarta on Monday. She met officials from the United Nations.",
        "",
        "Tanpa tanda baca sama sekali di sini",
    ];
    let input: String = (0..12)
        .map(|i| {
            serde_json::json!({"id": format!("a{i}"), "text": texts[i % texts.len()]}).to_string() + "\n"
        })
        .collect();
    let filter = |chunk: &str| {
        let out = run(&["--input-format", "jsonl", "--format", "jsonl", "-q"], Some(chunk.as_bytes()));
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let whole = filter(&input);
    assert_eq!(whole.iter().filter(|&&b| b == b'\n').count(), 12);
    // Uneven chunks, as `parallel --pipe` or Hadoop splits would cut them.
    let lines: Vec<&str> = input.split_inclusive('\n').collect();
    let chunks = [&lines[..1], &lines[1..5], &lines[5..]];
    let joined: Vec<u8> = chunks.iter().flat_map(|c| filter(&c.concat())).collect();
    assert!(joined == whole, "chunks give other bytes than one run");
}

#[test]
fn output_is_the_same_for_one_thread_and_many() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path(), 40);
    let j1 = run_in(dir.path(), &["--format", "jsonl", "-j", "1", "."], None);
    let j4 = run_in(dir.path(), &["--format", "jsonl", "-j", "4", "."], None);
    assert_eq!(j1.status.code(), Some(0));
    assert_eq!(jsonl(&j1).len(), 40);
    assert!(j1.stdout == j4.stdout, "-j1 and -j4 differ");
}

/// One file of a mixed folder, as a newsroom's export would hold it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Case {
    /// A short article (one of [`MIXED_GOOD`]): analyzed.
    Good(usize),
    /// An empty file: an empty article.
    Empty,
    /// NUL bytes: an error record.
    Binary,
    /// Latin-1: an error record.
    Latin1,
    /// Over `--max-bytes 2K`: an error record, not read.
    TooBig,
    /// Not `.txt` or `.md`: not an input at all.
    Picture,
}

const MIXED_GOOD: [&str; 3] = [
    "Presiden Joko Widodo tiba di Moskow pada Senin. Ia bertemu Vladimir Putin di Kremlin.",
    "The minister spoke in Jakarta on Monday.\r\nShe met reporters at the White House.",
    "\u{feff}BANJIR MELANDA SEMARANG\n\nAir setinggi satu meter merendam rumah warga",
];

impl Case {
    fn bytes(self) -> Vec<u8> {
        match self {
            Case::Good(k) => MIXED_GOOD[k].into(),
            Case::Empty => Vec::new(),
            Case::Binary => b"GIF89a\0\x01\0\x01".to_vec(),
            Case::Latin1 => b"Kopi di Caf\xe9 Batavia.".to_vec(),
            Case::TooBig => MIXED_GOOD[0].repeat(40).into(),
            Case::Picture => b"\xff\xd8\xff\xe0".to_vec(),
        }
    }
}

fn case() -> impl Strategy<Value = Case> {
    prop_oneof![
        4 => (0..MIXED_GOOD.len()).prop_map(Case::Good),
        1 => Just(Case::Empty),
        1 => Just(Case::Binary),
        1 => Just(Case::Latin1),
        1 => Just(Case::TooBig),
        1 => Just(Case::Picture),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A folder of good and broken files, half in a subfolder: every `.txt` and `.md` file is
    /// in the output exactly once, in walk order, analyzed or as an error record naming it, and
    /// nothing else is; the exit status says whether any failed; one thread and three agree.
    #[test]
    fn a_mixed_folder_accounts_for_every_file_in_order(cases in prop::collection::vec(case(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs: Vec<(String, Case)> = Vec::new();
        for (i, &case) in cases.iter().enumerate() {
            // The second half in a subfolder, which the walk enters after the first half's files.
            let folder = if i >= cases.len() / 2 { "z/" } else { "" };
            let ext = match case {
                Case::Picture => "jpg",
                _ if i % 3 == 0 => "md",
                _ => "txt",
            };
            let name = format!("{folder}f{i:02}.{ext}");
            let path = dir.path().join(&name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, case.bytes()).unwrap();
            if case != Case::Picture {
                inputs.push((format!("./{name}"), case));
            }
        }
        let run = |jobs: &str| {
            run_in(dir.path(), &["--format", "jsonl", "--max-bytes", "2K", "-j", jobs, "."], None)
        };
        let (one, three) = (run("1"), run("3"));
        prop_assert!(one.stdout == three.stdout, "-j1 and -j3 differ");
        let fails = |case: Case| matches!(case, Case::Binary | Case::Latin1 | Case::TooBig);
        let any_failed = inputs.iter().any(|&(_, case)| fails(case));
        prop_assert_eq!(one.status.code(), Some(i32::from(any_failed)));
        prop_assert_eq!(three.status.code(), one.status.code());
        let stderr = String::from_utf8_lossy(&one.stderr);
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        let recs = jsonl(&one);
        let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let names: Vec<&str> = inputs.iter().map(|(name, _)| name.as_str()).collect();
        prop_assert_eq!(ids, names);
        for (rec, &(ref name, case)) in recs.iter().zip(&inputs) {
            match (rec.get("error"), case) {
                (Some(e), c) if fails(c) => {
                    prop_assert!(e.as_str().unwrap().starts_with(&format!("{name}: ")), "{}", rec);
                }
                (None, Case::Good(_)) => prop_assert!(!rec["sentences"].as_array().unwrap().is_empty(), "{}", rec),
                (None, Case::Empty) => prop_assert_eq!(&rec["sentences"], &serde_json::json!([])),
                _ => prop_assert!(false, "{:?} gave {}", case, rec),
            }
        }
    }
}
