"""Filter speed and review memory of a store of N tagged articles: filter_ids, untagged_ids, open.

    .venv/bin/python bench/query_bench.py [--sizes 10000,100000] [--workdir DIR] [--repeat 7]

Builds (or reuses) `<workdir>/tagger-query-bench-N` with bench/export_bench.py's builder
(every article tagged by one reviewer), then, in a fresh process per size, prints the open
time, what opening allocates (tracemalloc, current and peak, and ru_maxrss), and the median
and p95 of `tagger.selection.filter_ids` for tag and status queries against
`store.untagged_ids`. Targets: filter_ids for a tag or status query under ~150 ms at 100k and
~20 ms at 10k; open <= 1 s at 100k.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = (
    "topic:conflict",
    "status:untagged",
    "status:tagged",
    'region:"eastern europe" or status:untagged',
    "report -bbc date:>=2025-06",
)


def ms_stats(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    runs.sort()
    return statistics.median(runs), runs[min(len(runs) - 1, int(len(runs) * 0.95))]


def measure(path: Path, repeat: int) -> None:
    from tagger.query import default_taxonomy, parse_query
    from tagger.selection import filter_ids
    from tagger.store import Store

    tax = default_taxonomy()
    Store.open(path, taxonomy=tax).close()  # warm the page cache; timed below
    gc.collect()
    tracemalloc.start()
    t = time.perf_counter()
    store = Store.open(path, taxonomy=tax)
    opened = time.perf_counter() - t
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # tracemalloc slows allocation: time the open again without it.
    store.close()
    t = time.perf_counter()
    store = Store.open(path, taxonomy=tax)
    opened = min(opened, time.perf_counter() - t)
    n = store.article_count()
    print(f"--- {n:,} articles at {path}")
    print(f"open {opened * 1000:.0f} ms; open allocates {current / 2**20:.0f} MiB held, "
          f"{peak / 2**20:.0f} MiB peak (tracemalloc); ru_maxrss "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    med, p95 = ms_stats(lambda: store.untagged_ids("bench"), repeat)
    print(f"{'untagged_ids':<46} median {med:7.1f} ms  p95 {p95:7.1f} ms")
    if hasattr(store, "iter_effective"):  # absent before the bulk read path existed
        med, p95 = ms_stats(lambda: list(store.iter_effective("bench")), repeat)
        print(f"{'iter_effective (all rows)':<46} median {med:7.1f} ms  p95 {p95:7.1f} ms")
    for text in QUERIES:
        query = parse_query(text, tax)
        hits = len(filter_ids(store, query, "bench"))
        med, p95 = ms_stats(lambda q=query: filter_ids(store, q, "bench"), repeat)
        print(f"filter_ids {text!r:<35} median {med:7.1f} ms  p95 {p95:7.1f} ms  ({hits:,} hits)")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)  # child: measure one store
    args = parser.parse_args()
    if args.run:
        measure(args.run, args.repeat)
        return
    from export_bench import build

    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        path = args.workdir / f"tagger-query-bench-{n}"
        build(path, n)
        subprocess.run(
            [sys.executable, __file__, "--run", str(path), "--repeat", str(args.repeat)],
            check=True,
        )
    print("figures from a shared machine: expect noise")


if __name__ == "__main__":
    main()
