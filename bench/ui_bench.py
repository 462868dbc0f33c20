"""Review-app figures: ms per key for the common keys, and the cold start to a usable list.

Usage: python bench/ui_bench.py [--sizes 10000,100000] [--keys 200] [--workdir DIR]

For each size it builds a store of N synthetic articles with Store.add_articles (a third of
them already reviewed, so statuses and tags vary), then drives the real app headless with
Textual's pilot at 80x24, with the store's durable saves on:
- cold start: from opening the store to the list showing its first rows;
- next article: `n` in the list;
- set tag and advance: `e`, a sentiment letter, `a` (each key timed on its own);
- apply filter: enter in the filter bar, cycling through a few typical queries.
Each key is timed from sending its event until the frame showing its effect is drawn (see
KeyClock); the pilot's own idle sleeps are not counted. CPU time per key is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
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

QUERIES = ["status:untagged", "topic:conflict", "source:herald", "sentiment:negative or "
           "region:\"east asia\"", "-status:tagged minister", ""]
REVIEWER = "bench"


def synthetic(n: int, seed: int = 11) -> list[Article]:
    return list(synth.articles(n, seed))


def build_store(path: Path, n: int) -> None:
    settings = load_settings()
    store = Store.open(path, taxonomy=settings.taxonomy)
    articles = synthetic(n)
    for start in range(0, n, 5000):
        store.add_articles(articles[start:start + 5000])
    ids = [a.id for a in articles]
    topics = ["conflict", "economy", "health", "politics"]
    for k, topic in enumerate(topics):
        store.bulk_set_tags(ids[k:n // 3:len(topics)], "someone", "topic", [topic])
    store.bulk_set_tags(ids[: n // 3 : 2], "someone", "sentiment", ["negative"])
    store.close()


def stats(samples: list[float]) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return f"median {statistics.median(s):6.1f} ms   p95 {p95:6.1f} ms   (n={len(s)})"


class KeyClock:
    """Times keys from sending the event to the frame that shows its effect.

    The pilot's `press` sleeps about 60 ms per key waiting for idleness, and headless apps
    draw only when asked, so this sends the key event itself, waits (without sleeping) until
    the app and every widget of the screen have empty message queues (a key can set off a
    chain: Input, Submitted, the filter bar's Applied, the screen's handler), then draws the
    frame, as the update timer would.
    """

    def __init__(self) -> None:
        self.cpu: list[float] = []

    async def press(self, pilot, key: str) -> float:
        from textual import events

        app = pilot.app
        char = key if len(key) == 1 else {"slash": "/", "space": " "}.get(key)
        cpu = time.process_time()
        t = time.perf_counter()
        app._driver.send_message(events.Key(key, char))
        for _ in range(50):
            await pilot._wait_for_screen()
            nodes = [app, *app.screen.walk_children(with_self=True)]
            if all(node._message_queue.empty() for node in nodes):
                break
        app.screen._on_timer_update()
        elapsed = (time.perf_counter() - t) * 1000
        self.cpu.append((time.process_time() - cpu) * 1000)
        await pilot.pause()  # settle before the next key
        return elapsed


async def drive(path: Path, keys: int) -> dict[str, object]:
    from tagger.ui.app import create_app
    from tagger.ui.screens.list_screen import ListScreen

    settings = load_settings()
    started = time.perf_counter()
    store = Store.open(path, taxonomy=settings.taxonomy)
    app = create_app(store, settings, REVIEWER, refresh_interval=0, offer_samples=False,
                     resume=False)
    out: dict[str, object] = {}
    clock = KeyClock()
    timed_press = clock.press
    async with app.run_test(size=(80, 24)) as pilot:
        while not (isinstance(app.screen, ListScreen) and app.screen.table.size.height):
            await pilot.pause(0.005)
        await pilot.pause()
        app.screen._on_timer_update()
        out["cold start"] = (time.perf_counter() - started) * 1000
        out["next article"] = [await timed_press(pilot, "n") for _ in range(keys)]
        tag: list[float] = []
        by_key: dict[str, list[float]] = {"e (open picker)": [], "letter (choose, save, close)": [],
                                          "a (accept, save, next)": []}
        for i in range(keys // 3):
            for name, key in zip(by_key, ("e", "npu"[i % 3], "a"), strict=True):
                ms = await timed_press(pilot, key)
                tag.append(ms)
                by_key[name].append(ms)
        out["set tag and advance"] = tag
        for name, samples in by_key.items():
            out[f"  {name}"] = samples
        filt: list[float] = []
        for i in range(max(6, keys // 10)):
            await pilot.press("slash", "ctrl+u", *QUERIES[i % len(QUERIES)])
            await pilot.pause()
            filt.append(await timed_press(pilot, "enter"))
        out["apply filter"] = filt
        out["cpu per key (all of the above)"] = list(clock.cpu)
        await pilot.press("q")
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="Comma-separated store sizes.")
    parser.add_argument("--keys", type=int, default=200, help="Presses per key scenario.")
    parser.add_argument("--workdir", default=None, help="Folder for the temp stores.")
    args = parser.parse_args()
    for n in [int(s) for s in args.sizes.split(",") if s]:
        tmp = Path(tempfile.mkdtemp(prefix="ui-bench-", dir=args.workdir))
        try:
            t = time.perf_counter()
            build_store(tmp / "store", n)
            print(f"\n{n:,} articles (store built in {time.perf_counter() - t:.1f} s)")
            result = asyncio.run(drive(tmp / "store", args.keys))
            print(f"  cold start to a usable list: {result.pop('cold start'):7.0f} ms")
            for name, samples in result.items():
                print(f"  {name:<30} {stats(samples)}")  # type: ignore[arg-type]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
