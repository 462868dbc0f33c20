"""Domain modules must not load Textual or NLTK: a subprocess imports each and checks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "tagger",
    "tagger.errors",
    "tagger.paths",
    "tagger.models",
    "tagger.config",
    "tagger.ingest",
    "tagger.store",
    "tagger.query",
    "tagger.export",
    "tagger.cli",
]
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
