//! `--out-dir DIR`: one result file per article, so that a batch over years of archive can be
//! interrupted and resumed.
//!
//! - **Where.** A file read from a folder goes to `DIR/<its path inside that folder>.json`; a file
//!   named on the command line to `DIR/<its file name>.json`; an article from JSONL or standard
//!   input to `DIR/<its id, made safe>.json` (see [`id_file_name`]). Every path is built from
//!   plain name components only, so nothing is ever written outside `DIR`, whatever the input
//!   names: `..`, absolute paths, slashes or control characters in ids.
//! - **Atomically.** A result is written to a hidden temporary file beside its final name and
//!   renamed into place, so a reader, or a run that resumes, sees a whole result or none.
//! - **Resumable.** A result that already exists is skipped (unless `force`), so rerunning an
//!   interrupted batch does only what is left.
//! - **Unambiguous.** Two inputs of one run that would share a result file (the same name under
//!   two folders, a repeated JSONL id) are caught: the later one is an error, not a silent
//!   overwrite.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::hash::{BuildHasher, Hash};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::error::{Error, Result};
use crate::input::Job;

/// The extension added to every result file.
const EXT: &str = ".json";

/// Longest file name ringkas makes from an id, in bytes (file systems allow 255).
const MAX_NAME: usize = 200;

/// A folder of results.
#[derive(Debug)]
pub struct OutDir {
    root: PathBuf,
    force: bool,
    /// Hashes of the result paths claimed so far in this run: 8 bytes an article, for catching
    /// two inputs that would share one result file.
    claimed: HashSet<u64>,
    hasher: std::collections::hash_map::RandomState,
}

/// What to do with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Analyze it and write the result here.
    Write(PathBuf),
    /// Its result is already here (from an earlier run): skip it.
    Done(PathBuf),
}

impl OutDir {
    /// Results under `root` (created if missing). With `force`, existing results are redone.
    pub fn new(root: &Path, force: bool) -> Result<OutDir> {
        fs::create_dir_all(root).map_err(|source| Error::Io { path: root.display().to_string(), source })?;
        Ok(OutDir { root: root.to_path_buf(), force, claimed: HashSet::new(), hasher: Default::default() })
    }

    /// Where the result of `job` goes, and whether it is already there. Call it in input order:
    /// the first input to claim a result file keeps it. `None` for a job that already failed
    /// (failures are reported, never written).
    pub fn claim(&mut self, job: &Job) -> Option<Result<Claim>> {
        let relative = match job {
            Job::File { relative, .. } => {
                let mut name = relative.clone().into_os_string();
                name.push(EXT);
                PathBuf::from(name)
            }
            Job::Ready(doc) => PathBuf::from(id_file_name(&doc.id)),
            Job::Failed { .. } => return None,
        };
        Some(self.claim_relative(job.id(), &relative))
    }

    fn claim_relative(&mut self, id: &str, relative: &Path) -> Result<Claim> {
        let fail = |reason: String| Error::Output { path: id.to_string(), reason };
        let mut path = self.root.clone();
        for part in relative.components() {
            match part {
                Component::Normal(name) => path.push(name),
                _ => return Err(fail(format!("cannot mirror {} safely", relative.display()))),
            }
        }
        if path == self.root {
            return Err(fail("no file name to mirror".into()));
        }
        let mut h = self.hasher.build_hasher();
        path.hash(&mut h);
        if !self.claimed.insert(std::hash::Hasher::finish(&h)) {
            return Err(fail(format!(
                "its result file {} is already taken by an earlier input of this run",
                path.display()
            )));
        }
        let done = !self.force && fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() > 0);
        Ok(if done { Claim::Done(path) } else { Claim::Write(path) })
    }
}

/// A file name for an article id: ASCII letters, digits, `-`, `_` and `.` are kept, every other
/// byte becomes `%XX` (so `a/b` gives `a%2Fb.json` and `../x` gives `..%2Fx.json`), a leading
/// `.` is escaped so the file is not hidden, and an id too long for a file name is cut and ended
/// with a hash of the whole id. Different ids give different names (up to the hash on very long
/// ones).
pub fn id_file_name(id: &str) -> String {
    let mut name = String::with_capacity(id.len() + EXT.len());
    for (i, b) in id.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (b == b'.' && i > 0);
        if keep {
            name.push(b as char);
        } else {
            name.push_str(&format!("%{b:02X}"));
        }
    }
    if name.is_empty() {
        name.push('%'); // no escape is a lone `%`, so the empty id cannot meet another
    }
    if name.len() > MAX_NAME {
        // Escapes are ASCII, so any byte is a char boundary; but never cut inside a `%XX`.
        let mut cut = MAX_NAME - 17;
        if let Some(p) = name[..cut].rfind('%').filter(|&p| cut - p < 3) {
            cut = p;
        }
        name = format!("{}~{:016x}", &name[..cut], fnv1a(id.as_bytes()));
    }
    name.push_str(EXT);
    name
}

/// FNV-1a, 64 bits: stable across runs and platforms, unlike `std`'s hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The temporary files being written right now, so that an immediate exit can remove them.
static WRITING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn writing() -> MutexGuard<'static, Vec<PathBuf>> {
    WRITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Writes `bytes` to `path` atomically: into a hidden temporary file in the same folder (created
/// as needed), then renamed over `path`. On any error the temporary file is removed; a process
/// killed mid-write leaves at most a hidden `.ringkas-*.tmp`, never a partial result (and one that
/// exits through [`exit_now`] leaves none).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut name = OsString::from(".ringkas-");
    name.push(format!("{}-{}.tmp", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    let temp = dir.join(name);
    let mut file = {
        // Created and registered under one lock, so that `exit_now` sees every temporary file.
        let mut writing = writing();
        let open = || OpenOptions::new().write(true).create_new(true).open(&temp);
        // The folder is made only when missing: a failed mkdir per result costs more than it
        // seems, as it takes the parent folder's lock that every result file creation takes too.
        let file = match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(dir)?;
                open()?
            }
            file => file?,
        };
        writing.push(temp.clone());
        file
    };
    let mut temp = TempFile { path: temp, renamed: false };
    file.write_all(bytes)?;
    drop(file);
    fs::rename(&temp.path, path)?;
    temp.renamed = true;
    Ok(())
}

/// Exits the process at once with `code`, first removing the temporary files being written (for
/// a second Ctrl-C). The lock is held until the exit, so no new temporary file appears meanwhile;
/// a result renamed into place just before is whole.
pub fn exit_now(code: i32) -> ! {
    let writing = writing();
    for temp in writing.iter() {
        let _ = fs::remove_file(temp);
    }
    std::process::exit(code)
}

/// A registered temporary file: unregistered when dropped, and removed unless it was renamed
/// into place.
struct TempFile {
    path: PathBuf,
    renamed: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
        let mut writing = writing();
        if let Some(i) = writing.iter().rposition(|p| *p == self.path) {
            writing.swap_remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn id_file_names_are_safe_and_distinct() {
        for (id, want) in [
            ("1472382042-dua-akun", "1472382042-dua-akun.json"),
            ("a/b", "a%2Fb.json"),
            ("../../etc/passwd", "%2E.%2F..%2Fetc%2Fpasswd.json"),
            ("/abs", "%2Fabs.json"),
            (".hidden", "%2Ehidden.json"),
            ("", "%.json"),
            ("50%", "50%25.json"),
            ("São Paulo", "S%C3%A3o%20Paulo.json"),
            ("a\0b\nc", "a%00b%0Ac.json"),
        ] {
            assert_eq!(id_file_name(id), want, "{id:?}");
        }
        let long = "é".repeat(300);
        let name = id_file_name(&long);
        assert!(name.len() <= MAX_NAME + EXT.len(), "{}", name.len());
        assert_ne!(name, id_file_name(&"é".repeat(301)));
        assert!(!name.contains("%~") && !name.contains("%C~"), "{name}");
    }

    #[test]
    fn claims_stay_inside_the_folder_and_are_not_shared() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutDir::new(dir.path(), false).unwrap();
        let file = |relative: &str| Job::File {
            id: relative.into(),
            path: PathBuf::from(relative),
            relative: PathBuf::from(relative),
            limit: crate::input::DEFAULT_MAX_BYTES,
        };
        assert_eq!(
            out.claim(&file("2019/01/a.txt")).unwrap().unwrap(),
            Claim::Write(dir.path().join("2019/01/a.txt.json"))
        );
        for bad in ["../a.txt", "/etc/passwd", "a/../../b.txt", "./../x"] {
            let e = out.claim(&file(bad)).unwrap().unwrap_err();
            assert!(e.to_string().starts_with(&format!("{bad}: ")), "{e}");
        }
        let e = out.claim(&file("2019/01/a.txt")).unwrap().unwrap_err().to_string();
        assert!(e.contains("already taken by an earlier input"), "{e}");
        let doc = Job::Ready(Document::new("../../x", "Teks."));
        assert_eq!(out.claim(&doc).unwrap().unwrap(), Claim::Write(dir.path().join("%2E.%2F..%2Fx.json")));
    }

    #[test]
    fn existing_results_are_done_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        write_atomic(&target, b"{}\n").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"{}\n");
        let doc = || Job::Ready(Document::new("a", "Teks."));
        assert_eq!(
            OutDir::new(dir.path(), false).unwrap().claim(&doc()).unwrap().unwrap(),
            Claim::Done(target.clone())
        );
        assert_eq!(
            OutDir::new(dir.path(), true).unwrap().claim(&doc()).unwrap().unwrap(),
            Claim::Write(target)
        );
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.json"], "no temporary file left behind");
    }
}
