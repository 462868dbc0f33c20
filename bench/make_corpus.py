"""Write N synthetic but realistic news articles to a folder, for scale benchmarks of import.

Usage: python bench/make_corpus.py N DIR [--seed S] [--mix jsonl=60,txt=20,json=10,md=10]

Articles mix every input format (.txt with headers in both orders, .md with front matter,
.json lists with varied field names, .jsonl batches) and carry people, places,
organisations, amounts, percentages and dates from varied templates; a share of them are
messy (repeated photo captions, trailing boilerplate, mojibake) like scraped pages. The same
seed always gives the same files, and every article is distinct, so importing N articles
adds exactly N. JSON Lines batches keep 100,000 articles to a few hundred files.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import orjson
from corpus_words import (
    CAPTIONS,
    CURRENCIES,
    DURATIONS,
    FIRST,
    GENERIC_PARAS,
    LAST,
    MONTHS,
    NORPS,
    ORGS,
    OUTLETS,
    PLACES,
    REGIONS,
    ROLES,
    TAILS,
    TOPICS,
    UNITS,
    WEEKDAYS,
)

JSON_PER_FILE = 20  # articles per .json list file
SHARD = 1000  # files per sub-folder
KINDS = ("jsonl", "txt", "json", "md")


class Slots(dict):
    """Template values made on first use, so a paragraph draws only what it mentions."""

    def __init__(self, gen: Generator, base: dict[str, str]) -> None:
        super().__init__(base)
        self.gen = gen

    def __missing__(self, key: str) -> str:
        value = self.gen.slot(key, self)
        self[key] = value
        return value


class Generator:
    """Draws articles from the word lists with one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        r = self.rng
        self._makers = {
            "person": self.person,
            "person2": self.person,
            "city2": lambda: r.choice(PLACES)[0],
            "country2": lambda: r.choice(PLACES)[1],
            "region": lambda: r.choice(REGIONS),
            "org": lambda: r.choice(ORGS),
            "company": lambda: r.choice(ORGS[18:28]),
            "company2": lambda: r.choice(ORGS[18:28]),
            "norp": lambda: r.choice(NORPS),
            "role": lambda: r.choice(ROLES),
            "pct": self.percent,
            "pct2": self.percent,
            "points": lambda: r.choice(("0.25", "0.5", "0.75", "1")),
            "money": self.money,
            "number": lambda: f"{r.randint(2, 950) * r.choice((10, 100, 1000)):,}",
            "small": lambda: str(r.randint(2, 60)),
            "decimal": lambda: f"{r.randint(5, 30) / 10:.1f}",
            "quantity": lambda: f"{r.randint(2, 900):,} {r.choice(UNITS)}",
            "duration": lambda: r.choice(DURATIONS),
            "weekday": lambda: r.choice(WEEKDAYS),
            "month": lambda: r.choice(MONTHS),
            "year": lambda: str(r.randint(2015, 2026)),
            "date": lambda: f"{r.randint(1, 28)} {r.choice(MONTHS)}",
            "quarter": lambda: r.choice(("first", "second", "third", "fourth")),
        }

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def percent(self) -> str:
        r = self.rng
        value = f"{r.randint(1, 400) / 10:g}"
        return value + r.choice(("%", "%", "%", " percent", " per cent"))

    def money(self) -> str:
        r = self.rng
        amount = f"{r.randint(11, 999) / 10:g}"
        scale = r.choice(("million", "billion", "million"))
        if r.random() < 0.7:
            return f"{r.choice(CURRENCIES)}{amount} {scale}"
        return f"{amount} {scale} {r.choice(('dollars', 'euros', 'shillings', 'rupees'))}"

    def slot(self, key: str, slots: Slots) -> str:
        if key.endswith("_c"):  # capitalised form of another slot
            value = slots[key[:-2]]
            return value[:1].upper() + value[1:]
        if key == "org_t":  # title form: no leading article
            return slots["org"].removeprefix("the ").capitalize()
        return self._makers[key]()

    def article(self, messy: bool) -> dict[str, str]:
        r = self.rng
        city, country = r.choice(PLACES)
        base = {"city": city, "country": country}
        topic = TOPICS[r.choice(tuple(TOPICS))]
        title = r.choice(topic["titles"]).format_map(Slots(self, base))
        title = title[:1].upper() + title[1:]
        paras = list(topic["paras"])
        r.shuffle(paras)
        paras = paras[: r.randint(3, len(paras))]
        paras += r.sample(GENERIC_PARAS, r.randint(1, 3))
        r.shuffle(paras)
        article_slots = Slots(self, base)
        body = [
            p.format_map(Slots(self, {**base, "person": article_slots["person"]})) for p in paras
        ]
        if messy:
            caption = r.choice(CAPTIONS).format_map(Slots(self, base))
            credit = f"{caption} (Picture: {self.person()}/Wire Images)."
            body = [caption, credit, *body[:2], caption, credit, *body[2:]]
            tail = r.choice(TAILS).format_map(
                Slots(
                    self,
                    {"title2": self.teaser(), "title3": self.teaser(), "outlet": r.choice(OUTLETS)},
                )
            )
            body.append(tail)
        year = r.randint(2019, 2026)
        return {
            "title": title,
            "body": "\n\n".join(body),
            "source": r.choice(OUTLETS),
            "date": f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            "author": self.person(),
            "url": f"https://news.example/{year}/{r.getrandbits(40):010x}",
        }

    def teaser(self) -> str:
        topic = TOPICS[self.rng.choice(tuple(TOPICS))]
        city, country = self.rng.choice(PLACES)
        return self.rng.choice(topic["titles"]).format_map(
            Slots(self, {"city": city, "country": country})
        )


# Latin-1 characters 0x80-0x9F as Windows-1252 shows them (its five unused bytes stay).
_CP1252 = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252: what a mis-configured scraper saves."""
    return text.encode("utf-8").decode("latin-1").translate(_CP1252)


def _date_words(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


class Writer:
    """Writes articles in the requested mix of formats, sharded into sub-folders."""

    def __init__(self, root: Path, batch: int, rng: random.Random) -> None:
        self.root, self.batch, self.rng = root, batch, rng
        self.files = dict.fromkeys(KINDS, 0)
        self.pending: dict[str, list[dict]] = {"json": [], "jsonl": []}
        self.made: set[Path] = set()

    def _path(self, kind: str, suffix: str) -> Path:
        n = self.files[kind]
        self.files[kind] += 1
        folder = self.root / kind / f"{n // SHARD:04d}"
        if folder not in self.made:
            folder.mkdir(parents=True, exist_ok=True)
            self.made.add(folder)
        return folder / f"{kind}-{n:07d}.{suffix}"

    def write(self, kind: str, art: dict[str, str], messy: bool) -> None:
        if kind == "txt":
            self._txt(art, messy)
        elif kind == "md":
            self._md(art)
        else:
            self.pending[kind].append(self._record(art))
            if len(self.pending[kind]) >= (JSON_PER_FILE if kind == "json" else self.batch):
                self.flush(kind)

    def _txt(self, art: dict[str, str], messy: bool) -> None:
        head = (
            f"Source: {art['source']}\nDate: {_date_words(art['date'])}\nAuthor: {art['author']}\n"
        )
        if self.rng.random() < 0.5:
            text = f"{head}URL: {art['url']}\n\n{art['title']}\n\n{art['body']}\n"
        else:
            text = f"{art['title']}\n{head}\n{art['body']}\n"
        if messy and self.rng.random() < 0.5:
            text = mojibake(text)
        self._path("txt", "txt").write_text(text, "utf-8")

    def _md(self, art: dict[str, str]) -> None:
        def q(s: str) -> str:
            return orjson.dumps(s).decode("utf-8")  # a JSON string is a valid YAML scalar

        front = "\n".join(f"{k}: {q(art[k])}" for k in ("title", "source", "date", "author", "url"))
        self._path("md", "md").write_text(f"---\n{front}\n---\n\n{art['body']}\n", "utf-8")

    def _record(self, art: dict[str, str]) -> dict:
        if self.rng.random() < 0.5:
            return dict(art)
        return {
            "headline": art["title"],
            "text": art["body"].split("\n\n"),
            "publisher": {"name": art["source"]},
            "publishedAt": art["date"] + "T09:00:00Z",
            "link": art["url"],
            "byline": art["author"],
        }

    def flush(self, kind: str) -> None:
        records = self.pending[kind]
        if not records:
            return
        if kind == "json":
            data = orjson.dumps(records, option=orjson.OPT_INDENT_2)
        else:
            data = b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in records)
        self._path(kind, kind).write_bytes(data)
        records.clear()


def parse_mix(text: str) -> dict[str, float]:
    mix = {}
    for part in text.split(","):
        kind, _, share = part.partition("=")
        if kind.strip() not in KINDS:
            raise SystemExit(f"--mix: unknown format {kind!r}; use {', '.join(KINDS)}")
        mix[kind.strip()] = float(share)
    return mix


def make_corpus(
    n: int, root: Path, *, seed: int, mix: dict[str, float], batch: int, messy: float
) -> dict:
    gen = Generator(seed)
    writer = Writer(root, batch, random.Random(seed + 1))
    kinds, weights = zip(*mix.items(), strict=True)
    seen: set[int] = set()
    count = 0
    while count < n:
        is_messy = gen.rng.random() < messy
        art = gen.article(is_messy)
        key = hash((art["title"], art["body"]))
        if key in seen:
            continue  # the same draw twice would import as a duplicate
        seen.add(key)
        writer.write(gen.rng.choices(kinds, weights)[0], art, is_messy)
        count += 1
    for kind in ("json", "jsonl"):
        writer.flush(kind)
    return writer.files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("dir", type=Path, help="output folder (new or empty)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--mix", default="jsonl=60,txt=20,json=10,md=10", help="share per format")
    parser.add_argument("--batch", type=int, default=1000, help="articles per .jsonl file")
    parser.add_argument("--messy", type=float, default=0.05, help="share of messy articles")
    args = parser.parse_args(argv)
    if args.dir.exists() and any(args.dir.iterdir()):
        print(f"{args.dir} is not empty; choose a new folder.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    files = make_corpus(
        args.n,
        args.dir,
        seed=args.seed,
        mix=parse_mix(args.mix),
        batch=args.batch,
        messy=args.messy,
    )
    took = time.perf_counter() - started
    detail = ", ".join(f"{k} {v}" for k, v in files.items() if v)
    print(
        f"Wrote {args.n} articles in {sum(files.values())} files ({detail}) to {args.dir} in {took:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
