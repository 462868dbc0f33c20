"""Two writer processes on one store lose no update; a held lock gives a clear StoreLockedError."""

from __future__ import annotations

import pytest

from tagger.errors import StoreLockedError
from tagger.store import Store
from tests.store_helpers import make_articles, spawn

# Each writer adds a label of its own to a review both share (a read-modify-write on the
# same record), writes its own note, and inserts articles now and then.
WRITER = r"""
import os, sys, time
from tagger.models import Article, article_id
from tagger.store import Store

path, name, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
s = Store.open(path, lock_timeout=60)
ids = [a.id for a in s.summaries()][:30]
print("ready", flush=True)
while not os.path.exists(go):  # start both at once
    time.sleep(0.001)
for i in range(n):
    aid = ids[i % len(ids)]
    s.bulk_set_tags([aid], "shared", "kw", [f"{name}-{i}"], mode="add")
    s.set_note(aid, name, f"{name} {i}")
    if i % 20 == 0:
        title = f"{name} article {i}"
        s.add_articles([Article(article_id(title, "b"), title, "b")])
s.close()
print("done", flush=True)
"""

HOLDER = r"""
import fcntl, os, sys, time
fd = os.open(os.path.join(sys.argv[1], "lock"), os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(30)
"""

N = 200


@pytest.mark.slow
def test_two_writers_lose_no_update(tmp_path):
    path = tmp_path / "st"
    with Store.open(path) as s:
        s.add_articles(make_articles(30))
        ids = [a.id for a in s.summaries()]
    writers = [spawn(WRITER, str(path), name, str(N), str(tmp_path / "go")) for name in ("p1", "p2")]
    for w in writers:
        assert w.stdout.readline().strip() == "ready", w.stderr.read()
    (tmp_path / "go").touch()
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert w.returncode == 0 and out.strip() == "done", err
    with Store.open(path) as s:
        assert s.article_count() == 30 + 2 * (N // 20)
        for name in ("p1", "p2"):
            for i in range(0, N, 20):
                title = f"{name} article {i}"
                assert any(x.title == title for x in s.summaries())
        for k, aid in enumerate(ids):
            labels = set(s.get_review(aid, "shared").labels("kw"))
            want = {f"{name}-{i}" for name in ("p1", "p2") for i in range(k, N, 30)}
            assert labels == want, f"lost updates on {aid}: {sorted(want - labels)}"
            last = max(i for i in range(k, N, 30))
            assert s.get_review(aid, "p1").note == f"p1 {last}"
            assert s.get_review(aid, "p2").note == f"p2 {last}"
        tag_changes = [c for c in s.history() if c.field == "tags.kw"]
        assert len(tag_changes) == 2 * N, "every update is in the history"
        writer = [c.new[-1].split("-")[0] for c in tag_changes]
        switches = sum(a != b for a, b in zip(writer, writer[1:], strict=False))
        assert switches > 10, "the writers did not run at the same time"
        assert [c.seq for c in s.history()] == list(range(1, len(s.history()) + 1))


def test_a_held_lock_gives_store_locked_error(tmp_path):
    path = tmp_path / "st"
    opened = Store.open(path, lock_timeout=0.3)
    opened.add_articles(make_articles(1))
    aid = opened.summaries()[0].id
    holder = spawn(HOLDER, str(path))
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLockedError) as err:
            Store.open(path, lock_timeout=0.3)
        assert str(path / "lock") in str(err.value) and "Wait" in str(err.value)
        with pytest.raises(StoreLockedError):
            opened.set_note(aid, "ann", "blocked")
        assert opened.refresh() is False  # the UI's refresh gives up quietly
    finally:
        holder.kill()
        holder.wait()
    assert opened.set_note(aid, "ann", "after").note == "after"
    assert [c.new for c in opened.history()] == ["after"]
    opened.close()
