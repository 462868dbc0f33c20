"""Time and peak memory of exporting 100,000 tagged articles as jsonl and csv.

Builds the store once (or reuses it), then runs each export in a fresh subprocess so its
peak resident memory (ru_maxrss) is the export's own, not the store build's.

    .venv/bin/python bench/export_bench.py [--n 100000] [--store PATH] [--formats jsonl,csv]

Targets (issue 5): <= 10 s and < 300 MB per export. It then times the filter language over
the same articles (the list's target: a simple filter well under 100 ms in memory).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))



def build(path: Path, n: int) -> None:
    import synth

    from tagger.query import default_taxonomy
    from tagger.store import Store

    tax = default_taxonomy()
    t0 = time.perf_counter()
    with Store.open(path, taxonomy=tax) as store:
        have = store.article_count()
        if have >= n:
            print(f"reusing {path} ({have:,} articles)")
            return

        store.add_articles(synth.articles(n, seed=7, start=have))
        ids = [s.id for s in store.summaries()]
        # Bulk tagging: one batch per label, so the set is fully tagged in a few writes.
        for group in tax.groups:
            names = [lb.name for lb in group.labels]
            for k, name in enumerate(names):
                chosen = ids[k :: len(names)]
                store.bulk_set_tags(chosen, "bench", group.name, [name])
    print(f"built {n:,} tagged articles in {time.perf_counter() - t0:.1f} s at {path}")


def _status_mb(key: str) -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset Linux's peak-RSS counter, so the export's own peak can be told from the open's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run_one(path: Path, fmt: str, out: Path) -> None:

    from tagger.export import ExportOptions, export
    from tagger.query import default_taxonomy
    from tagger.store import Store

    tax = default_taxonomy()
    t0 = time.perf_counter()
    with Store.open(path, taxonomy=tax) as store:
        t1 = time.perf_counter()
        opened = _status_mb("VmRSS")
        reset = _reset_peak()
        result = export(store, tax, ExportOptions(format=fmt), out)
        t2 = time.perf_counter()
        during = _status_mb("VmHWM") if reset else None
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = out.stat().st_size / 1e6
    print(
        f"{fmt:6} {result.count:>8,} records  open {t1 - t0:5.2f} s  export {t2 - t1:5.2f} s  "
        f"total {t2 - t0:5.2f} s  file {size_mb:4.0f} MB  peak RSS {rss_mb:4.0f} MB "
        f"(store open: {opened or 0:.0f} MB; peak while exporting: "
        f"{f'{during:.0f} MB' if during else 'n/a'})"
    )


def time_filters(path: Path) -> None:
    """Filter speed over the same store: in memory (what the list does) and via filter_ids."""
    from tagger.query import default_taxonomy, parse_query
    from tagger.selection import candidates, filter_ids
    from tagger.store import Store

    tax = default_taxonomy()
    with Store.open(path, taxonomy=tax) as store:
        cands = candidates(store, "bench")
        for text in (
            "topic:conflict",
            'region:"eastern europe" or status:untagged',
            "report -bbc date:>=2025-06",
        ):
            query = parse_query(text, tax)
            times = []
            for _ in range(5):
                t = time.perf_counter()
                found = [c for c in cands if query.matches(c)]
                times.append(time.perf_counter() - t)
            t = time.perf_counter()
            filter_ids(store, query, "bench")
            cold = time.perf_counter() - t
            print(
                f"filter {text!r}: {len(found):,} of {len(cands):,}; in memory first "
                f"{times[0] * 1000:.0f} ms, then median {sorted(times[1:])[1] * 1000:.0f} ms; "
                f"filter_ids from the store {cold:.2f} s"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument(
        "--store", type=Path, default=Path(tempfile.gettempdir()) / "tagger-export-bench"
    )
    parser.add_argument("--formats", default="jsonl,csv")
    parser.add_argument("--no-filters", action="store_true", help="skip the filter timings")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # child mode: one export
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(args.store, args.run, args.out)
        return
    build(args.store, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"bench.{fmt}"
            cmd = [
                sys.executable,
                __file__,
                "--store",
                str(args.store),
                "--run",
                fmt,
                "--out",
                str(out),
            ]
            subprocess.run(cmd, check=True)
    print("targets: <= 10 s and < 300 MB per export")
    if not args.no_filters:
        time_filters(args.store)


if __name__ == "__main__":
    main()
