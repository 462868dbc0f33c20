"""The store's `meta.json`: what the folder is, its schema version, and the migration hook.

Checked before anything else is read, so a store written by a newer tagger is refused
before this one could misread it, and an older one is migrated step by step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson

from tagger.errors import StoreError
from tagger.models import utc_now
from tagger.storage import atomic_write, damaged, fsync_dir, read_json

SCHEMA_VERSION = 1
FORMAT = "tagger-store"

# Migration hook: MIGRATIONS[n](store_folder) upgrades a store from schema n to n + 1.
MIGRATIONS: dict[int, Callable[[Path], None]] = {}

STORE_FILES = ("meta.json", "journal.jsonl", "reviews.json", "state.json", "articles")
IGNORED_NAMES = ("lock",)


def write_meta(folder: Path, version: int) -> None:
    meta = {"format": FORMAT, "schema_version": version, "written_at": utc_now()}
    atomic_write(folder / "meta.json", orjson.dumps(meta, option=orjson.OPT_INDENT_2))


def check_meta(folder: Path) -> int:
    """The store's schema version after any migration; creates meta.json in a new folder.

    Call with the store lock held.
    """
    path = folder / "meta.json"
    if not path.exists():
        present = [n for n in STORE_FILES if (folder / n).exists()]
        if present:
            raise damaged(
                path,
                f"missing, while {', '.join(present)} exist",
                f'Recreate it with the text {{"format": "{FORMAT}", "schema_version": '
                f"{SCHEMA_VERSION}}}; the data files were not touched.",
            )
        foreign = [
            p.name for p in folder.iterdir()
            if p.name not in IGNORED_NAMES and not p.name.endswith(".tmp")
        ]
        if foreign:
            raise StoreError(
                f"{folder} is not empty and is not a tagger store (it holds "
                f"{', '.join(sorted(foreign)[:3])}...). Point --db at a new or existing store folder."
            )
        write_meta(folder, SCHEMA_VERSION)
        fsync_dir(folder)
    hint = (
        f'It should read {{"format": "{FORMAT}", "schema_version": N}}; '
        "the data files were not touched."
    )
    meta = read_json(path, hint)
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise damaged(path, "not a tagger store description", hint)
    version = meta.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise damaged(path, f"schema_version is {version!r}", hint)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The store at {folder} has schema version {version}, newer than this "
            f"tagger understands ({SCHEMA_VERSION}). Upgrade tagger to open it; the store "
            "was not changed.",
            title="Store too new",
        )
    while version < SCHEMA_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise StoreError(f"No migration from store schema {version} to {version + 1}.")
        migrate(folder)
        version += 1
        write_meta(folder, version)
    return version
