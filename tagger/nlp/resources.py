"""Which of NLTK's official models are installed, and where NLTK looks for them.

`tagger nlp status`, the automatic back-end choice and `tagger nlp setup` all ask the same
questions, so they share these functions. The app's own data dir is added to
`nltk.data.path`, because that is where `tagger nlp setup` downloads to.
"""

from __future__ import annotations

from dataclasses import dataclass

from tagger import paths


@dataclass(frozen=True, slots=True)
class Resource:
    """One downloadable NLTK package and the path `nltk.data.find` checks for it."""

    package: str
    path: str
    needed: bool  # the NLTK back-end cannot run without it
    note: str


RESOURCES = (
    Resource("punkt_tab", "tokenizers/punkt_tab/english/", True, "sentence splitter"),
    Resource(
        "averaged_perceptron_tagger_eng",
        "taggers/averaged_perceptron_tagger_eng/",
        True,
        "part-of-speech tagger",
    ),
    Resource(
        "maxent_ne_chunker_tab",
        "chunkers/maxent_ne_chunker_tab/english_ace_multiclass/",
        False,
        "named-entity chunker, typed (multiclass)",
    ),
    Resource(
        "maxent_ne_chunker_tab",
        "chunkers/maxent_ne_chunker_tab/english_ace_binary/",
        False,
        "named-entity chunker, untyped (binary)",
    ),
    Resource("words", "corpora/words/", True, "word list the chunker's features use"),
)


def ensure_data_path() -> list[str]:
    """Put NLTK_DATA and the app's model folder on nltk.data.path; return the search path."""
    import os

    import nltk

    wanted = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    wanted.append(str(paths.nltk_data_dir()))
    for p in wanted:
        if p not in nltk.data.path:
            nltk.data.path.append(p)
    return list(nltk.data.path)


def is_present(resource: Resource) -> bool:
    import nltk

    try:
        nltk.data.find(resource.path)
    except LookupError:
        return False
    except Exception:  # NLTK refuses some paths (its sandbox); treat as absent
        return False
    return True


def status() -> dict[str, bool]:
    """Resource path -> installed."""
    ensure_data_path()
    return {r.path: is_present(r) for r in RESOURCES}


def chunker_format(found: dict[str, bool] | None = None) -> str | None:
    """"multiclass", "binary", or None when no NE chunker model is installed."""
    found = found if found is not None else status()
    for r in RESOURCES:
        if r.package == "maxent_ne_chunker_tab" and found.get(r.path):
            return "multiclass" if "multiclass" in r.path else "binary"
    return None


def missing_for_nltk(found: dict[str, bool] | None = None) -> list[str]:
    """Package names the NLTK back-end still needs (empty when it can run)."""
    found = found if found is not None else status()
    out = [r.package for r in RESOURCES if r.needed and not found.get(r.path)]
    if chunker_format(found) is None:
        out.append("maxent_ne_chunker_tab")
    return out


SETUP_PACKAGES = ("punkt_tab", "averaged_perceptron_tagger_eng", "maxent_ne_chunker_tab", "words")


def download(package: str, target) -> str | None:
    """Fetch one of NLTK's packages into `target`; None when it worked, else the reason.

    Only `tagger nlp setup` calls this: it is the app's one explicit network access.
    """
    import io

    import nltk

    try:
        ok = nltk.download(
            package,
            download_dir=str(target),
            quiet=True,
            raise_on_error=True,
            print_error_to=io.StringIO(),  # the caller reports failures, once
        )
    except Exception as exc:  # noqa: BLE001 - network errors come in many types
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None if ok else "the download did not complete"
