//! Bad input, one case per test, through the binary: what a newsroom script sees when one file
//! in a folder of 20,000 is odd or broken. Each case sits between two good articles, so every
//! test also shows that the rest of the batch is processed, in order. The policy (CONTRACT.md):
//! text that is odd but valid is analyzed (exit 0); an input that cannot be read gives
//! `{"id", "error"}` in its place and exit 1; a bad setup (a malformed lexicon) exits 2 before
//! any output. Never a panic.

mod util;

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;
use util::{jsonl, run, run_in, sample};

const GOOD: &str = "Presiden Joko Widodo tiba di Moskow pada Senin. Ia bertemu Vladimir Putin di Kremlin.";

fn seed() -> String {
    fs::read_to_string(sample("seed-article.txt")).unwrap()
}

/// The standard error of a run, checked for panics.
fn stderr(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "a panic: {err}");
    assert!(!err.contains("internal error"), "a caught panic: {err}");
    err
}

/// Runs `ringkas --format jsonl .` over a folder holding `a.txt` (good), the case, and `z.txt`
/// (good); checks that the good ones come out analyzed around the case, and returns the run and
/// the case's record.
fn among_good(dir: &Path, write_case: impl FnOnce(&Path)) -> (Output, Value) {
    fs::write(dir.join("a.txt"), GOOD).unwrap();
    fs::write(dir.join("z.txt"), GOOD).unwrap();
    write_case(dir);
    let out = run_in(dir, &["--format", "jsonl", "."], None);
    stderr(&out);
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3, "three inputs, three records: {recs:?}");
    assert_eq!(recs[0]["id"], "./a.txt");
    assert_eq!(recs[2]["id"], "./z.txt");
    for good in [&recs[0], &recs[2]] {
        assert!(good.get("error").is_none(), "{good}");
        assert_eq!(good["sentences"].as_array().unwrap().len(), 2);
    }
    let case = recs[1].clone();
    (out, case)
}

/// Checks an article record against its text: sentences in order and trimmed, summary and
/// mentions verbatim. Offsets are code points into the text after BOM removal.
fn assert_slices(rec: &Value, text: &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &Value| -> String {
        let (start, end) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
        assert!(start < end && end <= chars.len(), "{start}..{end} outside 0..{}", chars.len());
        chars[start..end].iter().collect()
    };
    let mut end = 0;
    for s in rec["sentences"].as_array().unwrap() {
        assert!(end <= s["start"].as_u64().unwrap(), "sentences overlap");
        let got = slice(s);
        assert_eq!(got.trim(), got, "sentence not trimmed");
        end = s["end"].as_u64().unwrap();
    }
    for s in rec["summary"].as_array().unwrap() {
        assert_eq!(slice(s), s["text"].as_str().unwrap(), "summary not verbatim");
    }
    for e in rec["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(slice(m), m["text"].as_str().unwrap(), "mention not verbatim");
        }
    }
}

fn names(rec: &Value) -> Vec<&str> {
    rec["entities"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect()
}

fn summary_texts(rec: &Value) -> Vec<&str> {
    rec["summary"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect()
}

/// The error record of a failed case, with the exit status and the stderr report checked.
fn assert_failed(out: &Output, rec: &Value, id: &str) -> String {
    assert_eq!(out.status.code(), Some(1), "a failed input exits 1");
    assert_eq!(rec.as_object().unwrap().len(), 2, "only id and error: {rec}");
    assert_eq!(rec["id"], id);
    let error = rec["error"].as_str().unwrap().to_string();
    let err = stderr(out);
    assert!(err.contains(&format!("ringkas: {error}\n")), "reported on stderr too: {err}");
    assert!(err.contains("3 processed, 1 failed"), "{err}");
    error
}

#[test]
fn an_empty_file_is_an_empty_article() {
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), "").unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(rec["id"], "./m.txt");
    assert_eq!(rec["lang"], "unknown");
    for key in ["sentences", "summary", "entities"] {
        assert_eq!(rec[key], serde_json::json!([]), "{key}");
    }
    assert_eq!(rec["summary_short"], "asked for 3 sentences; the article has 0 body sentences");
}

#[test]
fn a_binary_file_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), png).unwrap());
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(error, "./m.txt: binary file (NUL byte at byte 8), not text");
}

#[test]
fn invalid_utf8_is_an_error_record_naming_byte_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // Latin-1 "Café" on the second line, as an old CMS export would have it.
    let latin1 = b"Judul berita.\nKopi di Caf\xe9 Batavia enak.";
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), latin1).unwrap());
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(error, "./m.txt: invalid UTF-8 at byte 25 (line 2); ringkas reads UTF-8 only");
}

/// A saved web page (`curl` output, `--ext html`) is refused with what to do, not read as prose
/// whose tags and scripts would become sentences and entities.
#[test]
fn a_web_page_is_an_error_record_that_says_to_extract_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html>\n<html lang=\"id\">\n<head><title>Presiden tiba di Jakarta</title>\
                <script>var x = 1;</script></head>\n<body><p>Presiden tiba di Jakarta.</p></body></html>\n";
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), page).unwrap());
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(
        error,
        "./m.txt: HTML markup (the text opens with `<!DOCTYPE`), not article text; extract the \
         article's text first, e.g. `trafilatura < page.html`"
    );
}

/// UTF-16 (what Windows Notepad saves as "Unicode") is text, but not UTF-8: the error says so and
/// how to convert, for a file and for a JSONL file's first line, instead of "binary file".
#[test]
fn utf16_text_is_an_error_record_that_names_it() {
    let utf16 = |text: &str, bom: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
        bom.into_iter().chain(text.encode_utf16().flat_map(unit)).collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| {
        fs::write(d.join("m.txt"), utf16(GOOD, [0xff, 0xfe], u16::to_le_bytes)).unwrap()
    });
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(
        error,
        "./m.txt: UTF-16LE text (byte-order mark FF FE), not UTF-8; convert it first, e.g. `iconv -f UTF-16 -t UTF-8`"
    );

    let jsonl_text = format!("{{\"id\": \"a\", \"text\": \"{GOOD}\"}}\n");
    fs::write(dir.path().join("u.jsonl"), utf16(&jsonl_text, [0xfe, 0xff], u16::to_be_bytes)).unwrap();
    let out = run_in(dir.path(), &["--input-format", "jsonl", "--format", "jsonl", "u.jsonl"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        jsonl(&out)[0]["error"],
        "u.jsonl:1: UTF-16BE text (byte-order mark FE FF), not UTF-8; convert it first, e.g. `iconv -f UTF-16 -t \
         UTF-8`"
    );
}

/// Two megabytes of words on one line: one sentence, analyzed whole, the summary that sentence.
#[test]
fn a_2mb_line_without_punctuation_is_one_sentence() {
    let words = ["presiden", "tiba", "di", "jakarta", "bersama", "menteri", "luar", "negeri", "membahas"];
    let mut line = String::with_capacity(2 << 20);
    for i in 0.. {
        if line.len() >= 2 << 20 {
            break;
        }
        line.push_str(words[i * 7 % words.len()]);
        line.push(' ');
    }
    let line = line.trim_end().to_string();
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &line).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &line);
    let sentences = rec["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 1, "one 2 MB sentence");
    assert_eq!(sentences[0]["end"], line.chars().count());
    assert_eq!(summary_texts(&rec), [line.as_str()]);
}

/// The same with the words of a real article, names included: the entity tagger must not slow
/// down with the length of a sentence. It once did (for each candidate match it rescanned the
/// sentence: 66–73 s for this line in a release build; now well under a second). Tests do not
/// time things: a relapse shows as a slow test run, and `tools/bench_batch.py` measures speed.
#[test]
fn a_2mb_line_of_real_words_is_analyzed_whole() {
    let bare: String = seed().chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
    let bare = bare.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut line = String::with_capacity(2 << 20);
    while line.len() < 2 << 20 {
        line.push_str(&bare);
        line.push(' ');
    }
    let line = line.trim_end().to_string();
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &line).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &line);
    assert!(names(&rec).contains(&"Vladimir Putin"), "{:?}", names(&rec));
}

#[test]
fn all_caps_text_is_split_summarized_and_tagged() {
    let text = seed().to_uppercase();
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &text).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &text);
    assert!(rec["sentences"].as_array().unwrap().len() > 5);
    assert_eq!(rec["summary"].as_array().unwrap().len(), 3);
    let names = names(&rec);
    assert!(names.contains(&"Vladimir Putin") && names.contains(&"Donald Trump"), "{names:?}");
}

/// No punctuation at all (a transcript, a scrape with the markup stripped badly): lines still
/// separate sentences, and the article still gets a summary.
#[test]
fn text_without_punctuation_is_split_by_lines() {
    let bare: String = seed().chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &bare).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &bare);
    let lines = bare.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(rec["sentences"].as_array().unwrap().len(), lines, "one sentence per line");
    assert_eq!(rec["summary"].as_array().unwrap().len(), 3);
    assert!(names(&rec).contains(&"Vladimir Putin"), "{:?}", names(&rec));
}

#[test]
fn crlf_gives_the_analysis_of_lf() {
    let (lf, crlf) = (seed(), seed().replace('\n', "\r\n"));
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &crlf).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &crlf);
    let plain = jsonl(&run(&["--format", "jsonl", "samples/seed-article.txt"], None)).remove(0);
    assert_slices(&plain, &lf);
    assert_eq!(rec["sentences"].as_array().unwrap().len(), plain["sentences"].as_array().unwrap().len());
    assert_eq!(summary_texts(&rec), summary_texts(&plain), "no \\r in a sentence");
    assert_eq!(names(&rec), names(&plain));
    assert_eq!(rec["title"], plain["title"]);
}

/// Lines broken by a lone `\r` (old Mac files, some CMS exports) read as lines: the same
/// analysis as with `\n`, offsets and all (one byte for one byte), where before the whole page
/// was one line of menu, byline and story run together.
#[test]
fn lone_cr_line_breaks_give_the_analysis_of_lf() {
    let cr = seed().replace('\n', "\r");
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &cr).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &cr);
    let mut plain = jsonl(&run(&["--format", "jsonl", "samples/seed-article.txt"], None)).remove(0);
    plain["id"] = rec["id"].clone();
    assert_eq!(rec, plain);
}

#[test]
fn a_bom_is_removed_before_offsets() {
    let text = format!("\u{feff}{}", seed());
    let dir = tempfile::tempdir().unwrap();
    let (out, mut rec) = among_good(dir.path(), |d| fs::write(d.join("m.txt"), &text).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_slices(&rec, &text);
    let mut plain = jsonl(&run(&["--format", "jsonl", "samples/seed-article.txt"], None)).remove(0);
    rec.as_object_mut().unwrap().remove("id");
    plain.as_object_mut().unwrap().remove("id");
    assert_eq!(rec, plain, "the same analysis, offsets included");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_the_walk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    fs::create_dir(dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("loop/back")).unwrap(); // a folder loop
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap(); // a link to itself
    fs::write(dir.path().join("z.txt"), GOOD).unwrap();
    let out = run_in(dir.path(), &["--format", "jsonl", "."], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    let ids: Vec<&str> = recs.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["./a.txt", "./loop/back", "./self.txt", "./z.txt"], "each once, the loop not followed");
    assert_eq!(recs[1]["error"], "./loop/back: symbolic link loop back to .; not followed");
    assert_eq!(recs[2]["error"], "./self.txt: Too many levels of symbolic links (os error 40)");
    assert!(recs[0].get("error").is_none() && recs[3].get("error").is_none());
    assert!(err.contains("4 processed, 2 failed"), "{err}");
}

/// A named pipe under an article's name in a folder would stall the batch if opened (no writer
/// ever comes), and a link to a device would be read to the size limit: both are reported
/// unread. A pipe named on the command line is read, as `cat` would.
#[cfg(unix)]
#[test]
fn a_pipe_or_device_in_a_folder_is_an_error_record_and_is_not_read() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| {
        assert!(Command::new("mkfifo").arg(d.join("m.txt")).status().unwrap().success());
    });
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(error, "./m.txt: a named pipe, not a regular file; not read");

    // Named on the command line, the pipe is read once something writes to it.
    // (The writer gives up after 10 s, so that a ringkas that never opens the pipe fails the
    // test instead of hanging it.)
    let mut writer = Command::new("timeout")
        .args(["10", "sh", "-c"])
        .arg(format!("printf '%s' '{GOOD}' > m.txt"))
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let named = run_in(dir.path(), &["--format", "jsonl", "m.txt"], None);
    assert!(writer.wait().unwrap().success());
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    assert_eq!(jsonl(&named)[0]["sentences"].as_array().unwrap().len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let (out, rec) =
        among_good(dir.path(), |d| std::os::unix::fs::symlink("/dev/zero", d.join("m.md")).unwrap());
    let error = assert_failed(&out, &rec, "./m.md");
    assert_eq!(error, "./m.md: a character device, not a regular file; not read");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_record() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| {
        let secret = d.join("m.txt");
        fs::write(&secret, GOOD).unwrap();
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    });
    if fs::File::open(dir.path().join("m.txt")).is_ok() {
        eprintln!("skipped: running as root (or with CAP_DAC_OVERRIDE), a mode-000 file is still readable");
        return;
    }
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(error, "./m.txt: Permission denied (os error 13)");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_mirrored() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt"); // Latin-1 "café.txt"
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let (out, rec) = among_good(&input, |d| fs::write(d.join(name), GOOD).unwrap());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(rec["id"], "./caf\u{fffd}.txt", "the id is the name, decoded lossily");
    assert_eq!(rec["sentences"].as_array().unwrap().len(), 2);

    let out = run_in(dir.path(), &["--out-dir", "out", "in"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result = dir.path().join("out").join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt.json"));
    let written: Value = serde_json::from_slice(&fs::read(&result).unwrap()).unwrap();
    assert_eq!(written["id"], "in/caf\u{fffd}.txt", "the result file keeps the name's bytes");
}

/// A file over the limit on one article (16 MiB unless `--max-bytes` says otherwise) is an
/// error record, and is not even read: a stray archive or disk image cannot exhaust memory.
#[test]
fn a_file_over_the_size_limit_is_an_error_record_and_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let (out, rec) = among_good(dir.path(), |d| {
        // Sparse: 17 MiB on paper, nothing on disk; reading it would find only NUL bytes.
        fs::File::create(d.join("m.txt")).unwrap().set_len(17 << 20).unwrap();
    });
    let error = assert_failed(&out, &rec, "./m.txt");
    assert_eq!(
        error,
        "./m.txt: larger than 16 MiB, the limit on one article; not analyzed (--max-bytes raises it)"
    );
    // Raised, the same file is read: and found to be binary.
    let out = run_in(dir.path(), &["--format", "jsonl", "--max-bytes", "32M", "m.txt"], None);
    assert!(jsonl(&out)[0]["error"].as_str().unwrap().contains("binary file"), "{:?}", jsonl(&out));
}

/// A device or pipe has no size to check first: it is read no further than the limit.
#[cfg(unix)]
#[test]
fn an_endless_input_stops_at_the_size_limit() {
    let out = run(&["--format", "jsonl", "--max-bytes", "1M", "/dev/zero"], None);
    stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(
        recs[0]["error"],
        "/dev/zero: larger than 1 MiB, the limit on one article; not analyzed (--max-bytes raises it)"
    );
    let big = GOOD.repeat(20);
    let out = run(&["--format", "jsonl", "--max-bytes", "1K"], Some(big.as_bytes()));
    assert_eq!(jsonl(&out)[0]["id"], "stdin");
    assert!(jsonl(&out)[0]["error"].as_str().unwrap().starts_with("stdin: larger than 1 KiB"));
    let out = run(&["--format", "jsonl", "--max-bytes", "2K"], Some(big.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{} bytes fit in 2 KiB", big.len());
}

/// A JSONL line over the limit is an error naming its line; the lines after it are read.
#[test]
fn a_jsonl_line_over_the_size_limit_names_its_line_and_the_rest_is_processed() {
    let line = |id: &str, text: &str| serde_json::json!({"id": id, "text": text}).to_string() + "\n";
    let input = [line("a", GOOD), line("b", &GOOD.repeat(40)), line("c", GOOD)].concat();
    let out = run(
        &["--input-format", "jsonl", "--format", "jsonl", "--max-bytes", "1K", "-"],
        Some(input.as_bytes()),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    assert_eq!(recs.len(), 3, "{recs:?}");
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[1]["id"], "stdin:2");
    assert_eq!(
        recs[1]["error"],
        "stdin:2: larger than 1 KiB, the limit on one article; not analyzed (--max-bytes raises it)"
    );
    assert_eq!(recs[2]["id"], "c");
    assert_eq!(recs[2]["sentences"].as_array().unwrap().len(), 2);
    assert!(err.contains("3 processed, 1 failed"), "{err}");
}

#[test]
fn malformed_jsonl_lines_name_their_line_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = Vec::new();
    input.extend_from_slice(b"\xef\xbb\xbf{\"id\":\"a\",\"text\":\"Satu kalimat. Dua kalimat.\"}\n"); // a BOM
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"cut off\n"); // 2
    input.extend_from_slice(b"not json\n"); // 3
    input.extend_from_slice(b"\n"); // 4: blank lines are skipped
    input.extend_from_slice(b"{\"id\":\"d\"}\r\n"); // 5: CRLF is fine, but no text
    input.extend_from_slice(b"{\"id\":\"e\",\"text\":\"Caf\xe9.\"}\n"); // 6: Latin-1 inside
    input.extend_from_slice(b"\"just a string\"\n"); // 7
    input.extend_from_slice(b"{\"id\":\"g\",\"text\":5}\n"); // 8
    input.extend_from_slice(b"{\"id\":\"h\",\"text\":\"Halo.\",\"lang\":\"fr\"}\n"); // 9
    input.extend_from_slice(b"{\"id\":7,\"text\":\"Kalimat terakhir di sini.\"}"); // 10, no final newline
    fs::write(dir.path().join("in.jsonl"), &input).unwrap();
    let out = run_in(dir.path(), &["--input-format", "jsonl", "--format", "jsonl", "in.jsonl"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    let recs = jsonl(&out);
    let got: Vec<(&str, Option<&str>)> =
        recs.iter().map(|r| (r["id"].as_str().unwrap(), r["error"].as_str())).collect();
    assert_eq!(
        got,
        [
            ("a", None),
            ("in.jsonl:2", Some("in.jsonl:2: not valid JSON: EOF while parsing a string at column 28")),
            ("in.jsonl:3", Some("in.jsonl:3: not valid JSON: expected ident at column 2")),
            ("d", Some("in.jsonl:5: no \"text\" field")),
            (
                "in.jsonl:6",
                Some("in.jsonl:6: invalid UTF-8 at byte 21 of the line; ringkas reads UTF-8 only")
            ),
            (
                "in.jsonl:7",
                Some("in.jsonl:7: not an article: invalid type: string \"just a string\", expected a JSON object")
            ),
            ("in.jsonl:8", Some("in.jsonl:8: not an article: invalid type: integer `5`, expected a string")),
            ("h", Some("in.jsonl:9: unknown language \"fr\" (expected id or en)")),
            ("7", None),
        ]
    );
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(recs[8]["summary"][0]["text"], "Kalimat terakhir di sini.");
    assert!(err.contains("9 processed, 7 failed"), "{err}");
}

#[test]
fn a_malformed_lexicon_line_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("newsroom.tsv");
    let rows = [
        "# our people",
        "",
        "local:budi-santoso\tPERSON\tBudi Santoso\tofficial\tID\t40\tPak Budi",
        "local:kantor\tPERSONS\tKantor Kami\t-\tID\t40",
    ];
    fs::write(&lexicon, rows.join("\n") + "\n").unwrap();
    let out =
        run(&["--lexicon", lexicon.to_str().unwrap(), "--format", "jsonl", "samples/seed-article.txt"], None);
    assert_eq!(out.status.code(), Some(2), "a bad setup stops the run");
    assert!(out.stdout.is_empty(), "nothing is analyzed with a lexicon that did not load");
    assert_eq!(
        stderr(&out),
        format!(
            "ringkas: {}:4: unknown type \"PERSONS\" (expected PERSON, PLACE or ORGANIZATION)\n",
            lexicon.display()
        )
    );
}

/// A lexicon that is not text, or is far too large, stops the run before any output: Latin-1 and
/// NUL bytes with file and line, for the run and for `ringkas lexicon check`; a file over 256 MiB
/// (a dump named by mistake) unread.
#[test]
fn a_lexicon_that_is_not_text_or_too_large_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "latin1.tsv",
            b"# ours\nlocal:kafe\tPLACE\tCaf\xe9 Batavia\t-\tID\t40\n",
            ":2: invalid UTF-8 at byte 27; lexicons are UTF-8",
        ),
        (
            "nul.tsv",
            b"local:a\tPLACE\tA\t-\tID\t40\n\0\0\0",
            ":2: NUL byte at byte 24: a binary file, not a lexicon",
        ),
        ("huge.tsv", b"", ": larger than 256 MiB, the limit on a lexicon file; not read"),
        (
            "utf16.tsv",
            b"\xff\xfel\0o\0c\0",
            ":1: UTF-16LE text (byte-order mark FF FE), not UTF-8; convert it first, e.g. `iconv -f UTF-16 -t UTF-8`",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        if name == "huge.tsv" {
            // Sparse: 257 MiB on paper, nothing on disk.
            fs::File::options().write(true).open(&path).unwrap().set_len(257 << 20).unwrap();
        }
        let lexicon = path.to_str().unwrap();
        let out = run(&["--lexicon", lexicon, "--format", "jsonl", "samples/seed-article.txt"], None);
        assert_eq!(out.status.code(), Some(2), "{name}: a bad setup stops the run");
        assert!(out.stdout.is_empty(), "{name}");
        assert_eq!(stderr(&out), format!("ringkas: {lexicon}{message}\n"));
        let check = run(&["lexicon", "check", lexicon], None);
        assert_eq!(check.status.code(), Some(1), "{name}");
        let (line, reason) = message.split_once(": ").unwrap();
        let expected = format!("{lexicon}{line}: error: {reason}\n");
        assert!(String::from_utf8_lossy(&check.stdout).starts_with(&expected), "{name}: {check:?}");
    }
}
