"""Helpers shared by the store tests: article factories, file hashes, child processes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tagger.config import load_settings
from tagger.models import Article, article_id

ROOT = Path(__file__).resolve().parent.parent


def make_articles(n: int, start: int = 0, prefix: str = "Story") -> list[Article]:
    out = []
    for i in range(start, start + n):
        title = f"{prefix} {i}: council votes on budget"
        body = f"Body of {prefix.lower()} {i}. The council met on Monday and voted 7-2.\n\nMore."
        out.append(
            Article(
                id=article_id(title, body), title=title, body=body, source=f"Source {i % 3}",
                date=f"2025-03-{i % 28 + 1:02d}", url=f"https://example.org/{i}", raw=body,
            )
        )
    return out


def taxonomy():
    return load_settings().taxonomy


def file_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path (the lock file excluded)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def spawn(code: str, *args: str, **kwargs) -> subprocess.Popen:
    """Run `code` in a fresh interpreter (argv[1:] = args), stdout piped, line-buffered."""
    return subprocess.Popen(
        [sys.executable, "-u", "-c", code, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(), **kwargs,
    )
