"""SIGKILL during a burst of saves: the store reopens and holds every save acknowledged before."""

from __future__ import annotations

import random
import signal
import time

import pytest

from tagger.store import Store
from tests.store_helpers import make_articles, spawn

# The child saves notes, bulk tag additions and new articles as fast as it can, with a
# checkpoint every 25 changes so kills also land in snapshot writes, and prints what it
# saved only after the call returned (the acknowledgement).
CHILD = r"""
import sys
from tagger import store as store_mod
from tagger.models import Article, article_id
from tagger.store import Store

store_mod.CHECKPOINT_EVERY = 25
path, base = sys.argv[1], int(sys.argv[2])
s = Store.open(path, lock_timeout=30)
ids = [a.id for a in s.summaries()][:40]
print("ready", flush=True)
i = base
while True:
    i += 1
    kind = i % 7
    if kind == 0:
        title = f"Crash article {i}"
        art = Article(article_id(title, "x"), title, "Body text. " * 300)
        s.add_articles([art])
        print(f"A {art.id}", flush=True)
    elif kind == 3:
        s.bulk_set_tags(ids[:15], "ann", "kw", [f"b{i}"], mode="add")
        print(f"B {i}", flush=True)
    else:
        aid = ids[i % len(ids)]
        s.set_note(aid, "ann", f"n{i}")
        print(f"N {i} {aid}", flush=True)
"""

TRIALS = 20


def check(path, acked: list[str]) -> None:
    with Store.open(path) as s:
        notes_seen: dict[str, set[str]] = {}
        last_note: dict[str, str] = {}
        for c in s.history():
            if c.field == "note":
                notes_seen.setdefault(c.article_id, set()).add(c.new)
                last_note[c.article_id] = c.new
        tags = {a.id: set(r.labels("kw")) for a in s.summaries()[:15]
                if (r := s.get_review(a.id, "ann"))}
        for line in acked:
            kind, *rest = line.split()
            if kind == "A":
                assert s.has_article(rest[0]), f"acknowledged article {rest[0]} lost"
                assert s.get_article(rest[0]).body.startswith("Body text.")
            elif kind == "N":
                assert f"n{rest[0]}" in notes_seen.get(rest[1], ()), f"note n{rest[0]} lost"
            elif kind == "B":
                assert all(f"b{rest[0]}" in labels for labels in tags.values()), "bulk lost"
                assert len(tags) == 15
        # The reviews in memory are exactly what the history says.
        for aid, note in last_note.items():
            assert s.get_review(aid, "ann").note == note


@pytest.mark.slow
def test_sigkill_during_saves_loses_no_acknowledged_save(tmp_path):
    path = tmp_path / "st"
    with Store.open(path) as s:
        s.add_articles(make_articles(40))
    rng = random.Random(20240611)
    total_acked = 0
    for trial in range(TRIALS):
        child = spawn(CHILD, str(path), str(trial * 1_000_000))
        try:
            ready = child.stdout.readline()
            assert ready.strip() == "ready", child.stderr.read()
            time.sleep(rng.uniform(0.02, 0.4))
            child.send_signal(signal.SIGKILL)
            out, _ = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
        assert child.returncode == -signal.SIGKILL
        # Only newline-terminated lines count; text after the last newline was cut by the kill.
        acked = out.split("\n")[:-1]
        check(path, acked)
        total_acked += len(acked)
    assert total_acked > TRIALS, total_acked  # the kills did land during bursts of saves
