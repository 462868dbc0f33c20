"""Speed of the NLP back-ends: words per second, first-call load time and peak memory.

    python bench/nlp_bench.py                 # every available back-end
    python bench/nlp_bench.py --backend offline --articles 1000

Each back-end is measured in a fresh subprocess, so load time and memory are its own:
"load (cold)" builds the gazetteer cache in an empty data dir, "load (warm)" reads it back
(what users see after the first run). Speed is over the bundled sample articles and over
synthetic articles from bench/make_corpus.py (our own small generator when it is absent).
Figures depend on the machine; on a shared machine, run it twice and keep the better.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_bodies() -> list[str]:
    from tagger.ingest import iter_files, read_file

    folder = ROOT / "sample_articles"
    bodies: list[str] = []
    for path, problem in iter_files([folder]):
        if problem:
            continue
        bodies.extend(item.article.body for item in read_file(path).items)
    return bodies


def synthetic_bodies(n: int, seed: int = 7) -> list[str]:
    """Articles from bench/make_corpus.py's generator, or a small fallback of our own."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from make_corpus import Generator

        gen = Generator(seed)
        return [gen.article(False)["body"] for _ in range(n)]
    except ImportError:
        rng = random.Random(seed)
        people = ["Amina Odhiambo", "Peter Berg", "Wei Chen", "Olena Bondarenko"]
        places = ["Nairobi", "Kharkiv", "Lagos", "Manila", "Lima"]
        orgs = ["the Central Bank of Kenya", "the World Bank", "Reuters", "the Ministry of Health"]
        out = []
        for _ in range(n):
            paras = []
            for _ in range(8):
                paras.append(
                    f"{rng.choice(people)} said on Monday that {rng.choice(orgs)} would spend "
                    f"${rng.randint(1, 900)} million in {rng.choice(places)} over {rng.randint(2, 9)} "
                    f"years, up {rng.randint(1, 40)}% from 2023, after talks in {rng.choice(places)}."
                )
            out.append("\n\n".join(paras))
        return out


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def measure(backend: str, n_articles: int) -> dict:
    """Runs in the child process: load, then analyse both corpora."""
    import resource

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    t0 = time.perf_counter()
    from tagger.nlp.base import get_analyzer

    analyzer = get_analyzer(backend)
    analyzer.analyze("Warm-up: President William Ruto met Kenyans in Nairobi on Monday.")
    load = time.perf_counter() - t0
    after_load = rss_mb()
    samples = sample_bodies()
    synthetic = synthetic_bodies(n_articles)
    out = {"backend": analyzer.name, "version": analyzer.version, "load_s": round(load, 3)}
    for label, texts in (("samples", samples), ("synthetic", synthetic)):
        t0 = time.process_time()
        spans = sum(len(analyzer.analyze(t)) for t in texts)
        cpu = time.process_time() - t0
        out[label] = {
            "articles": len(texts),
            "words": words(texts),
            "spans": spans,
            "cpu_s": round(cpu, 3),
            "words_per_s": round(words(texts) / cpu) if cpu else None,
        }
    out["rss_after_load_mb"] = round(after_load, 1)
    out["peak_rss_mb"] = round(rss_mb(), 1)
    return out


def run_child(backend: str, n: int, data_dir: str) -> dict:
    env = dict(os.environ, TAGGER_DATA_DIR=data_dir)
    bench_dir = str(ROOT / "bench")
    code = (
        f"import json, sys; sys.path.insert(0, {bench_dir!r}); from nlp_bench import measure; "
        f"print(json.dumps(measure({backend!r}, {n:d})))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    if proc.returncode != 0:
        return {"backend": backend, "error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def available_backends() -> list[str]:
    from tagger.nlp import resources

    return ["offline"] + ([] if resources.missing_for_nltk() else ["nltk"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["offline", "nltk"], action="append")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    parser.add_argument("--json", action="store_true", help="print raw JSON results")
    args = parser.parse_args(argv)
    backends = args.backend or available_backends()
    results = []
    for backend in backends:
        with tempfile.TemporaryDirectory() as data_dir:
            cold = run_child(backend, args.articles, data_dir)
            warm = run_child(backend, args.articles, data_dir)
        if "error" in warm:
            results.append(warm)
            continue
        warm["load_cold_s"] = cold.get("load_s")
        results.append(warm)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for r in results:
        if "error" in r:
            print(f"{r['backend']}: failed: {r['error']}")
            continue
        print(f"back-end {r['backend']} ({r['version']})")
        print(f"  load, first call:  {r['load_s']:.2f} s warm, {r['load_cold_s']:.2f} s cold")
        print(
            f"  memory:            {r['rss_after_load_mb']:.0f} MB RSS after loading, "
            f"{r['peak_rss_mb']:.0f} MB peak RSS with both corpora in memory"
        )
        for label in ("samples", "synthetic"):
            s = r[label]
            print(
                f"  {label:<10} {s['articles']:>5} articles {s['words']:>8} words  "
                f"{s['words_per_s']:>7,} words/s (CPU, one core)  {s['spans']} spans"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
