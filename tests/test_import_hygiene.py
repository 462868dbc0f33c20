"""Domain modules must not load Textual or NLTK: a subprocess imports each and checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tagger"


def _domain_modules() -> list[str]:
    """Every module outside the UI and the NLP back-ends, found on disk so none is missed."""
    found = ["tagger", "tagger.nlp", "tagger.nlp.base", "tagger.nlp.numbers"]
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[1] in ("ui", "nlp") or parts[-1] in ("__init__", "__main__"):
            continue
        found.append(".".join(parts))
    return found


DOMAIN_MODULES = _domain_modules()
HEAVY = ["textual", "nltk", "textblob"]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_loads_no_ui_or_nlp(module):
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == [], f"{module} imports {out.strip()}"


def test_paths_and_models_load_no_tinydb():
    code = (
        "import sys, tagger.paths, tagger.models, tagger.config\n"
        "print('tinydb' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_discovery_sees_the_domain_modules():
    assert {"tagger.store", "tagger.ingest", "tagger.export", "tagger.cli.common"} <= set(
        DOMAIN_MODULES
    )
    assert not any(m.startswith("tagger.ui") for m in DOMAIN_MODULES)


def test_only_the_storage_module_imports_tinydb():
    importers = sorted(
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if any(
            line.strip().startswith(("import tinydb", "from tinydb"))
            for line in p.read_text("utf-8").splitlines()
        )
    )
    assert importers == ["tagger/storage.py"]


def test_only_nlp_modules_import_nltk():
    offenders = sorted(
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "nlp" not in p.relative_to(PACKAGE).parts
        and any(
            line.strip().startswith(("import nltk", "from nltk", "import textblob", "from textblob"))
            for line in p.read_text("utf-8").splitlines()
        )
    )
    assert offenders == []
