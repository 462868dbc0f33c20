"""Store figures at several sizes, durability on: tag save, list untagged, count per topic, import.

Usage: python bench/store_bench.py [--sizes 1000,10000,100000] [--saves 400] [--ingest-max 10000]

For each size it imports N synthetic articles with Store.add_articles in batches of 1,000
(generation and NLP excluded), reviews a third of them in bulk, reopens the store, then
times single durable tag saves (each is fsynced before it returns; the import's writeback
is flushed first with os.sync), the untagged list,
counts per topic, a cold body read and a checkpoint. For sizes up to --ingest-max it also
times `tagger.ingest.import_paths` on files written by bench/make_corpus.py (reading and
cleaning included). Stores live in a temp folder on the same disk as --workdir.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import synth  # noqa: E402

from tagger.config import load_settings  # noqa: E402
from tagger.models import Article  # noqa: E402
from tagger.store import Store  # noqa: E402


def synthetic(n: int, seed: int = 7) -> list[Article]:
    return list(synth.articles(n, seed))


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(fn, repeat: int = 5) -> float:
    """Median wall time of `fn()` in ms."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return ms(statistics.median(runs))


def disk_floor(folder: Path, n: int = 200) -> tuple[float, float]:
    """Median and p95 of a bare one-line append + fdatasync beside the store: the disk's share."""
    probe = folder / "fsync-probe.tmp"
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    runs = []
    try:
        for _ in range(n):
            t = time.perf_counter()
            os.write(fd, b'{"seq": 1, "field": "tags.topic", "new": ["politics"]}\n')
            os.fdatasync(fd)
            runs.append(time.perf_counter() - t)
    finally:
        os.close(fd)
        probe.unlink()
    runs.sort()
    return ms(statistics.median(runs)), ms(runs[int(n * 0.95) - 1])


def bench_size(n: int, args, taxonomy, workdir: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    folder = workdir / f"store-{n}"
    articles = synthetic(n)
    store = Store.open(folder, taxonomy=taxonomy)
    t = time.perf_counter()
    for i in range(0, n, 1000):
        store.add_articles(articles[i : i + 1000])
    out["import_per_s"] = n / (time.perf_counter() - t)
    # A third of the articles reviewed, in bulk (one journal append per bulk).
    topics = [lb.name for lb in taxonomy.group("topic").labels]
    ids = [a.id for a in articles]
    for k, start in enumerate(range(0, n // 3, 2000)):
        chunk = ids[start : min(start + 2000, n // 3)]
        store.bulk_set_tags(chunk, "bench", "topic", [topics[k % len(topics)]])
    store.close()
    del articles
    gc.collect()

    t = time.perf_counter()
    store = Store.open(folder, taxonomy=taxonomy)
    out["open_ms"] = ms(time.perf_counter() - t)
    rng = random.Random(n)
    # Let the import's writeback finish first: an fsync waits for the disk's queue, and a
    # reviewer tags long after an import, not during its last half-gigabyte of writes.
    os.sync()
    time.sleep(1)
    saves = []
    for i in range(args.saves):
        aid = rng.choice(ids)
        labels = rng.sample(topics, k=rng.randint(1, 2))
        t = time.perf_counter()
        store.set_tags(aid, f"r{i % 3}", "topic", labels)
        saves.append(time.perf_counter() - t)
    saves.sort()
    out["fsync_median_ms"], out["fsync_p95_ms"] = disk_floor(folder)
    out["save_median_ms"] = ms(statistics.median(saves))
    out["save_p95_ms"] = ms(saves[int(len(saves) * 0.95) - 1])
    out["save_max_ms"] = ms(saves[-1])
    out["untagged_ms"] = timed(store.untagged_ids)
    out["untagged_count"] = len(store.untagged_ids())
    out["count_topic_ms"] = timed(lambda: store.count_by("topic"))
    try:
        from tagger.query import parse_query
        from tagger.selection import filter_ids

        query = parse_query("status:untagged", taxonomy)
        out["filter_untagged_ms"] = timed(lambda: filter_ids(store, query, "bench"), repeat=3)
        topic = parse_query(f"topic:{topics[0]}", taxonomy)
        out["filter_topic_ms"] = timed(lambda: filter_ids(store, topic, "bench"), repeat=3)
    except ImportError:
        pass
    out["summaries_ms"] = timed(store.summaries)
    picks = rng.sample(ids, 20)
    out["cold_body_ms"] = timed(lambda: store.get_article(picks.pop()), repeat=20)
    t = time.perf_counter()
    with store._lock.held():
        store._checkpoint()
    out["checkpoint_ms"] = ms(time.perf_counter() - t)
    store.close()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if n <= args.ingest_max:
        out.update(bench_ingest(n, workdir, taxonomy))
    shutil.rmtree(folder, ignore_errors=True)
    return out


def bench_ingest(n: int, workdir: Path, taxonomy) -> dict[str, float]:
    try:
        from tagger.ingest import import_paths
    except ImportError:
        return {}
    corpus = workdir / f"corpus-{n}"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(corpus)],
                   check=True, capture_output=True)
    folder = workdir / f"ingest-{n}"
    with Store.open(folder, taxonomy=taxonomy) as store:
        t = time.perf_counter()
        report = import_paths(store, [corpus])
        took = time.perf_counter() - t
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    return {"ingest_per_s": len(report.imported) / took, "ingest_imported": len(report.imported)}


ROWS = [
    ("import_per_s", "import, Store.add_articles (articles/s)", "{:.0f}"),
    ("ingest_per_s", "import, files via tagger.ingest (articles/s)", "{:.0f}"),
    ("open_ms", "open store (ms)", "{:.0f}"),
    ("save_median_ms", "tag save, median (ms)", "{:.2f}"),
    ("save_p95_ms", "tag save, p95 (ms)", "{:.2f}"),
    ("save_max_ms", "tag save, max (ms)", "{:.1f}"),
    ("fsync_median_ms", "  bare append + fdatasync, median (ms)", "{:.2f}"),
    ("fsync_p95_ms", "  bare append + fdatasync, p95 (ms)", "{:.2f}"),
    ("untagged_ms", "list all untagged, untagged_ids (ms)", "{:.1f}"),
    ("filter_untagged_ms", "list untagged, query status:untagged (ms)", "{:.1f}"),
    ("filter_topic_ms", "filter query topic:<label> via filter_ids (ms)", "{:.1f}"),
    ("count_topic_ms", "count per topic (ms)", "{:.1f}"),
    ("summaries_ms", "summaries() (ms)", "{:.2f}"),
    ("cold_body_ms", "get_article, random id (ms)", "{:.1f}"),
    ("checkpoint_ms", "checkpoint snapshot (ms)", "{:.0f}"),
    ("rss_mb", "peak RSS of this process (MB)", "{:.0f}"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    parser.add_argument("--saves", type=int, default=400, help="timed tag saves per size")
    parser.add_argument("--ingest-max", type=int, default=10000,
                        help="largest size at which file ingest is timed too (0: never)")
    parser.add_argument("--workdir", type=Path, default=None, help="where temp stores go")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    taxonomy = load_settings().taxonomy
    workdir = Path(tempfile.mkdtemp(prefix="store-bench-", dir=args.workdir))
    results = {}
    try:
        for n in sizes:
            t = time.perf_counter()
            results[n] = bench_size(n, args, taxonomy, workdir)
            print(f"... {n} articles done in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    width = max(len(label) for _, label, _ in ROWS)
    print(f"{'articles in store':<{width}}  " + "  ".join(f"{n:>10,}" for n in sizes))
    for key, label, fmt in ROWS:
        cells = [fmt.format(results[n][key]) if key in results[n] else "-" for n in sizes]
        print(f"{label:<{width}}  " + "  ".join(f"{c:>10}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
