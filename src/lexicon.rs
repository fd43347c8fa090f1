//! Entity lexicons: who and what ringkas can name, read from the TSV format documented in
//! `lexicons/README.md`. The built-in files are embedded in the binary; users add their own with
//! `--lexicon PATH`, whose rows extend or override built-in ones with the same id.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::NotText;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// The three kinds of entity ringkas reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, region, city, landmark.
    Place,
    /// An organization, including metonyms such as "Kremlin" or "Gedung Putih".
    Organization,
}

impl EntityKind {
    /// Every kind.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Organization];

    /// The form used in lexicons and in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Place => "PLACE",
            EntityKind::Organization => "ORGANIZATION",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = String;
    fn from_str(s: &str) -> Result<EntityKind, String> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown type {s:?} (expected PERSON, PLACE or ORGANIZATION)"))
    }
}

impl<'de> Deserialize<'de> for EntityKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EntityKind, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for EntityKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One entity of a lexicon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id: a Wikidata QID, `geonames:<id>` or `local:<slug>`.
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// The name every alias resolves to.
    pub canonical: String,
    /// A finer kind (`country`, `politician`, `ministry`, …), if given.
    pub subtype: Option<String>,
    /// ISO 3166-1 alpha-2 country code, if given.
    pub country: Option<String>,
    /// 0–100: the more prominent entity wins an alias two entities share.
    pub prominence: u8,
}

/// How an alias may match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasFlags {
    /// Exact case only (acronyms: AS, PBB, KPK).
    pub case: bool,
    /// Also a common word (Batu, Solo, Nice): needs capitalization mid-sentence or a cue.
    pub common: bool,
    /// Ambiguous across types or with given names (Washington, Jordan): needs context.
    pub context: bool,
}

/// One way of writing an entity's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The alias as written in the lexicon.
    pub text: String,
    /// Index of its entity in [`Lexicon::entities`].
    pub entity: usize,
    /// The language it is used in; `None` for any.
    pub lang: Option<Lang>,
    /// How it may match.
    pub flags: AliasFlags,
}

/// Entities and their aliases.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Lexicon {
    /// The entities, in the order first seen.
    pub entities: Vec<Entity>,
    /// The aliases of all entities.
    pub aliases: Vec<Alias>,
    /// Built on first use: a run that only tags never needs it.
    #[serde(skip)]
    by_id: OnceLock<HashMap<String, usize>>,
    #[serde(skip)]
    alias_index: HashMap<(usize, String, Option<Lang>), usize>,
}

/// The built-in lexicon files, generated ones first so that curated rows override them.
const BUILTIN: [(&str, &str); 4] = [
    ("lexicons/entities/gen-places.tsv", include_str!("../lexicons/entities/gen-places.tsv")),
    ("lexicons/entities/organizations.tsv", include_str!("../lexicons/entities/organizations.tsv")),
    ("lexicons/entities/people.tsv", include_str!("../lexicons/entities/people.tsv")),
    ("lexicons/entities/places-curated.tsv", include_str!("../lexicons/entities/places-curated.tsv")),
];

/// The built-in lexicon files as (path in the repository, text), in load order.
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    &BUILTIN
}

/// The lexicon files a path names: the file itself, or every `.tsv` file under a folder (in name
/// order, recursively).
pub fn lexicon_files(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry =
            entry.map_err(|e| Error::Lexicon { path: path.to_path_buf(), line: 0, reason: e.to_string() })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "tsv") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// The most a lexicon file may hold: 256 MiB, some 160 times the built-in lexicons together. A
/// larger file (a dump named by mistake, a device) is refused unread.
pub const LEXICON_MAX_BYTES: u64 = 256 << 20;

/// Reads a lexicon file as text; an error names the file, and the line for bytes that are not
/// text (NUL bytes, invalid UTF-8).
pub fn read_lexicon_file(file: &Path) -> Result<String> {
    lexicon_text(file).map_err(|(line, reason)| Error::Lexicon { path: file.to_path_buf(), line, reason })
}

/// [`read_lexicon_file`]'s text, or why not with the line it concerns (0 for the whole file).
pub(crate) fn lexicon_text(file: &Path) -> std::result::Result<String, (usize, String)> {
    let bytes = crate::input::read_limited(file, LEXICON_MAX_BYTES)
        .map_err(|e| (0, e.to_string()))?
        .ok_or_else(|| {
            (0, format!("larger than {} MiB, the limit on a lexicon file; not read", LEXICON_MAX_BYTES >> 20))
        })?;
    crate::document::decode(bytes).map_err(|e| match e {
        NotText::Utf16 { big_endian } => (1, crate::document::utf16_reason(big_endian)),
        NotText::Binary { at, line } => {
            (line, format!("NUL byte at byte {at}: a binary file, not a lexicon"))
        }
        NotText::Invalid { at, line } => (line, format!("invalid UTF-8 at byte {at}; lexicons are UTF-8")),
    })
}

impl Lexicon {
    /// Rebuilds the id table after deserialization (the alias table is rebuilt only when rows
    /// are added, see [`Lexicon::add_source`]).
    /// A lexicon of entities and aliases as loaded from the precompiled form.
    pub(crate) fn from_parts(entities: Vec<Entity>, aliases: Vec<Alias>) -> Lexicon {
        Lexicon { entities, aliases, ..Lexicon::default() }
    }

    /// Each entity's index by id.
    fn by_id(&self) -> &HashMap<String, usize> {
        self.by_id.get_or_init(|| self.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect())
    }

    /// The built-in lexicons.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for (path, src) in BUILTIN {
            lex.add_source(src, Path::new(path))
                .expect("built-in lexicons are valid (a unit test proves it)");
        }
        lex
    }

    /// Adds a lexicon file, or every `.tsv` file under a folder (in name order).
    pub fn add_path(&mut self, path: &Path) -> Result<()> {
        for file in lexicon_files(path)? {
            let src = read_lexicon_file(&file)?;
            self.add_source(&src, &file)?;
        }
        Ok(())
    }

    /// Adds the rows of one lexicon file's text. Rows with an id already present merge into it:
    /// the new row's fields win and the aliases are united.
    pub fn add_source(&mut self, src: &str, path: &Path) -> Result<()> {
        for (line, row) in rows(src) {
            let row = row.map_err(|reason| Error::Lexicon { path: PathBuf::from(path), line, reason })?;
            self.add_row(row);
        }
        Ok(())
    }

    pub(crate) fn add_row(&mut self, row: Row) {
        if self.alias_index.len() != self.aliases.len() {
            self.alias_index = self
                .aliases
                .iter()
                .enumerate()
                .map(|(i, a)| ((a.entity, a.text.clone(), a.lang), i))
                .collect();
        }
        self.by_id();
        let by_id = self.by_id.get_mut().expect("built just above");
        let index = match by_id.get(&row.entity.id) {
            Some(&i) => {
                self.entities[i] = row.entity;
                i
            }
            None => {
                by_id.insert(row.entity.id.clone(), self.entities.len());
                self.entities.push(row.entity);
                self.entities.len() - 1
            }
        };
        for (text, lang, flags) in row.aliases {
            // A repeated alias (same entity, text and language) takes the newer flags.
            let key = (index, text, lang);
            if let Some(&a) = self.alias_index.get(&key) {
                self.aliases[a].flags = flags;
                continue;
            }
            self.alias_index.insert(key.clone(), self.aliases.len());
            self.aliases.push(Alias { text: key.1, entity: index, lang, flags });
        }
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id().get(id).map(|&i| &self.entities[i])
    }
}

/// One parsed row: the entity and its aliases (the canonical included) as (text, language, flags).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) entity: Entity,
    pub(crate) aliases: Vec<(String, Option<Lang>, AliasFlags)>,
}

/// The rows of a lexicon file's text as (1-based line number, parsed row or what is wrong),
/// skipping blank lines and `#` comments.
pub(crate) fn rows(src: &str) -> impl Iterator<Item = (usize, Result<Row, String>)> + '_ {
    src.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        (!line.trim().is_empty() && !line.starts_with('#')).then(|| (i + 1, parse_row(line)))
    })
}

fn parse_row(line: &str) -> Result<Row, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 6 {
        return Err(format!(
            "expected at least 6 tab-separated columns (id, type, canonical, subtype, country, prominence), found {}",
            cols.len()
        ));
    }
    let id = cols[0].trim();
    let valid_id =
        id.strip_prefix('Q').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || id
                .strip_prefix("geonames:")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || id.strip_prefix("local:").is_some_and(|s| {
                !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            });
    if !valid_id {
        return Err(format!("invalid id {id:?} (expected Q<digits>, geonames:<digits> or local:<slug>)"));
    }
    let kind: EntityKind = cols[1].trim().parse()?;
    let canonical = cols[2].trim();
    if canonical.is_empty() {
        return Err("empty canonical name".into());
    }
    let opt = |s: &str| Some(s.trim()).filter(|s| !s.is_empty() && *s != "-").map(str::to_string);
    let prominence: u8 = cols[5]
        .trim()
        .parse()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| format!("invalid prominence {:?} (expected an integer 0-100)", cols[5]))?;
    let mut aliases = Vec::with_capacity(cols.len() - 5);
    let mut canonical_listed = false;
    for cell in &cols[6..] {
        if cell.trim().is_empty() {
            continue;
        }
        let (text, lang, flags) = parse_alias(cell)?;
        canonical_listed |= text == canonical;
        aliases.push((text, lang, flags));
    }
    if !canonical_listed {
        aliases.insert(0, (canonical.to_string(), None, AliasFlags::default()));
    }
    Ok(Row {
        entity: Entity {
            id: id.to_string(),
            kind,
            canonical: canonical.to_string(),
            subtype: opt(cols[3]),
            country: opt(cols[4]),
            prominence,
        },
        aliases,
    })
}

/// Parses `text[@lang][!flag,flag]`.
fn parse_alias(cell: &str) -> Result<(String, Option<Lang>, AliasFlags), String> {
    let cell = cell.trim();
    let (rest, flag_list) = match cell.rsplit_once('!') {
        Some((r, f))
            if !r.is_empty() && f.split(',').all(|f| ["case", "common", "context"].contains(&f.trim())) =>
        {
            (r, Some(f))
        }
        _ => (cell, None),
    };
    let (text, lang) = match rest.rsplit_once('@') {
        Some((t, l)) if !t.is_empty() && (l == "id" || l == "en") => (t, Some(l.parse::<Lang>()?)),
        Some((_, l)) if !l.contains(' ') && l.len() <= 3 => {
            return Err(format!("alias {cell:?}: unknown language {l:?} (expected id or en)"))
        }
        _ => (rest, None),
    };
    let mut flags = AliasFlags::default();
    for f in flag_list.into_iter().flat_map(|f| f.split(',')) {
        match f.trim() {
            "case" => flags.case = true,
            "common" => flags.common = true,
            _ => flags.context = true,
        }
    }
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("empty alias in cell {cell:?}"));
    }
    if text.chars().all(|c| !c.is_alphanumeric()) {
        return Err(format!("alias {cell:?} has no letter or digit"));
    }
    Ok((text.to_string(), lang, flags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let lex = Lexicon::builtin();
        assert!(lex.entities.len() > 1000, "{}", lex.entities.len());
        assert_eq!(lex.get("geonames:524901").map(|e| e.canonical.as_str()), Some("Moscow"));
    }

    #[test]
    fn rows_and_aliases() {
        let mut lex = Lexicon::default();
        let src = "# people\nQ7747\tPERSON\tVladimir Putin\tpolitician\tRU\t95\tPutin\tПутин\n\
                   local:batu\tPLACE\tBatu\tcity\tID\t50\tBatu!common\tKota Batu@id\tAS@id!case,context\n";
        lex.add_source(src, Path::new("t.tsv")).unwrap();
        assert_eq!(lex.entities.len(), 2);
        let putin: Vec<_> = lex.aliases.iter().filter(|a| a.entity == 0).map(|a| a.text.as_str()).collect();
        assert_eq!(putin, ["Vladimir Putin", "Putin", "Путин"]);
        let batu = lex.aliases.iter().find(|a| a.text == "Batu").unwrap();
        assert!(batu.flags.common && !batu.flags.case);
        let as_ = lex.aliases.iter().find(|a| a.text == "AS").unwrap();
        assert_eq!((as_.lang, as_.flags.case, as_.flags.context), (Some(Lang::Id), true, true));
        assert_eq!(lex.aliases.iter().filter(|a| a.entity == 1).count(), 3, "canonical listed once");
    }

    #[test]
    fn same_id_merges() {
        let mut lex = Lexicon::default();
        lex.add_source("Q649\tPLACE\tMoskva\tcity\tRU\t80\tMoskwa@id\n", Path::new("a.tsv")).unwrap();
        lex.add_source("Q649\tPLACE\tMoscow\tcapital\tRU\t90\tMoskow@id\n", Path::new("b.tsv")).unwrap();
        assert_eq!(lex.entities.len(), 1);
        assert_eq!(lex.entities[0].canonical, "Moscow");
        assert_eq!(lex.aliases.len(), 4);
    }

    #[test]
    fn loaded_parts_merge_by_id() {
        // As the precompiled lexicon loads: entities and aliases without the id index, which a
        // user's row with a built-in id then needs.
        let mut built = Lexicon::default();
        built.add_source("Q649\tPLACE\tMoskva\tcity\tRU\t80\tMoskwa@id\n", Path::new("a.tsv")).unwrap();
        let mut lex = Lexicon::from_parts(built.entities, built.aliases);
        assert_eq!(lex.get("Q649").map(|e| e.canonical.as_str()), Some("Moskva"));
        lex.add_source("Q649\tPLACE\tMoscow\tcapital\tRU\t90\tMoskow@id\n", Path::new("b.tsv")).unwrap();
        lex.add_source("Q1\tPLACE\tOther\tcity\tRU\t10\n", Path::new("c.tsv")).unwrap();
        assert_eq!(lex.entities.len(), 2);
        assert_eq!(lex.get("Q649").map(|e| e.canonical.as_str()), Some("Moscow"));
        assert_eq!(lex.get("Q1").map(|e| e.canonical.as_str()), Some("Other"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut lex = Lexicon::default();
        for (src, want) in [
            ("Q1\tPERSON\tA\t-\t-\n", "x.tsv:1: expected at least 6"),
            ("\n# c\nfoo\tPERSON\tA\t-\t-\t5\n", "x.tsv:3: invalid id \"foo\""),
            ("Q1\tPEOPLE\tA\t-\t-\t5\n", "x.tsv:1: unknown type \"PEOPLE\""),
            ("Q1\tPERSON\tA\t-\t-\t500\n", "x.tsv:1: invalid prominence"),
            ("Q1\tPERSON\tA\t-\t-\t5\tB@fr\n", "x.tsv:1: alias \"B@fr\": unknown language"),
        ] {
            let e = lex.add_source(src, Path::new("x.tsv")).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}");
        }
    }
}
