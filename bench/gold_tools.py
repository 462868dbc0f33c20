"""Build and inspect the hand-annotated gold set: inline-marked sources in, offset JSONL out.

Annotators write each text once with its mentions marked inline, `{Kenya|GPE}`, so offsets
are computed by a program and never counted by hand; `render` and `gaps` then show every
document for re-reading. Nothing here guesses an annotation: the tagger's own NLP is never
used, or the gold set would measure the pipeline against itself.

    python bench/gold_tools.py build tests/data/gold_src/*.txt -o tests/data/gold.jsonl
    python bench/gold_tools.py render tests/data/gold.jsonl [--id ID]
    python bench/gold_tools.py gaps tests/data/gold.jsonl [--id ID]
    python bench/gold_tools.py stats tests/data/gold.jsonl

Source format: a line `=== ID` starts a document (optionally `=== ID sample=FILE` for a text
taken from sample_articles/, which `build` checks against the importer's cleaned title and
body); the lines up to the next `===` are its text, with trailing blank lines dropped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = (
    "PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY", "NORP",
    "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME", "DURATION",
)  # fmt: skip
# Short codes keep the marked-up sources readable.
SHORT = {
    "P": "PERSON", "O": "ORGANIZATION", "G": "GPE", "L": "LOCATION", "F": "FACILITY",
    "N": "NORP", "C": "CARDINAL", "M": "MONEY", "PCT": "PERCENT", "Q": "QUANTITY",
    "ORD": "ORDINAL", "D": "DATE", "T": "TIME", "DUR": "DURATION",
}  # fmt: skip
MARK = re.compile(r"\{([^{}|\n]+)\|([A-Z]+)\}")
HEADER = re.compile(r"^=== (\S+)(?: sample=(\S+))?\s*$")


class GoldError(ValueError):
    """A source document that cannot become gold: bad label, stray brace, text mismatch."""


def parse_marked(marked: str, doc_id: str = "?") -> tuple[str, list[dict]]:
    """Plain text and spans from one inline-marked text."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0  # position in the plain text
    last = 0
    for m in MARK.finditer(marked):
        before = marked[last : m.start()]
        out.append(before)
        pos += len(before)
        mention, code = m.group(1), m.group(2)
        label = SHORT.get(code, code)
        if label not in LABELS:
            raise GoldError(f"{doc_id}: unknown label {code!r} on {mention!r}")
        if mention != mention.strip():
            raise GoldError(f"{doc_id}: mention {mention!r} has surrounding spaces")
        spans.append({"start": pos, "end": pos + len(mention), "label": label, "text": mention})
        out.append(mention)
        pos += len(mention)
        last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    for ch in "{}":
        if ch in text:
            at = text.index(ch)
            raise GoldError(f"{doc_id}: stray {ch!r} near {text[max(0, at - 30) : at + 30]!r}")
    return text, spans


def check_doc(doc: dict) -> None:
    """Raise GoldError unless spans slice to their text, are sorted and never overlap."""
    text, end = doc["text"], 0
    for s in doc["spans"]:
        if text[s["start"] : s["end"]] != s["text"]:
            raise GoldError(f"{doc['id']}: span {s} does not slice to its text")
        if s["start"] < end:
            raise GoldError(f"{doc['id']}: span {s} overlaps the one before it")
        if s["label"] not in LABELS:
            raise GoldError(f"{doc['id']}: unknown label {s['label']}")
        end = s["end"]


def read_sources(paths: list[Path]) -> list[tuple[str, str | None, str]]:
    """(id, sample file or None, marked text) for every document in the source files."""
    docs: list[tuple[str, str | None, list[str]]] = []
    for path in paths:
        for line in path.read_text("utf-8").split("\n"):
            head = HEADER.match(line)
            if head:
                docs.append((head.group(1), head.group(2), []))
            elif docs:
                docs[-1][2].append(line)
            elif line.strip():
                raise GoldError(f"{path}: text before the first `=== ID` line")
    return [(i, s, "\n".join(lines).strip("\n")) for i, s, lines in docs]


def sample_text(name: str) -> str:
    """Title, blank line, body of a sample article, as the importer cleans it."""
    from tagger.ingest import read_file

    result = read_file(ROOT / "sample_articles" / name)
    if result.errors or len(result.items) != 1:
        raise GoldError(f"{name}: the importer did not read exactly one article")
    art = result.items[0].article
    body = art.body[: art.boilerplate_at] if art.boilerplate_at is not None else art.body
    return art.title + "\n\n" + body.rstrip()


def build(paths: list[Path], output: Path) -> list[dict]:
    docs, seen = [], set()
    for doc_id, sample, marked in read_sources(paths):
        if doc_id in seen:
            raise GoldError(f"{doc_id}: duplicate id")
        seen.add(doc_id)
        text, spans = parse_marked(marked, doc_id)
        if sample is not None:
            expected = sample_text(sample)
            if text != expected:
                at = next(
                    (i for i, (a, b) in enumerate(zip(text, expected, strict=False)) if a != b),
                    min(len(text), len(expected)),
                )
                raise GoldError(
                    f"{doc_id}: text differs from {sample} at {at}:"
                    f" {text[at - 20 : at + 20]!r} vs {expected[at - 20 : at + 20]!r}"
                )
        doc = {"id": doc_id, "text": text, "spans": spans}
        check_doc(doc)
        docs.append(doc)
    with output.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return docs


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def render(doc: dict) -> str:
    """The text with each span shown as [mention]LABEL, for re-reading."""
    out, last = [], 0
    for s in doc["spans"]:
        out.append(doc["text"][last : s["start"]])
        out.append(f"[{s['text']}]{s['label']}")
        last = s["end"]
    out.append(doc["text"][last:])
    return "".join(out)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NUMBERISH = (
    rf"{_MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|third|quarter|"
    r"first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|yesterday|today|"
    r"tomorrow|tonight|midnight|noon|midday|morning|evening|overnight|"
    r"year|years|month|months|week|weeks|day|days|hour|hours|minutes?|decade|century"
)
_CANDIDATE = re.compile(rf"\b(?:[A-Z][\w'’.-]*|\w*\d[\w,.:%-]*|{_NUMBERISH})\b")
_NUMBER_WORD = re.compile(rf"\w*\d.*|(?i:{_NUMBERISH})")


def gaps(doc: dict) -> list[tuple[int, str]]:
    """Words outside every span that often belong in one: capitals, digits, number words.

    A review aid only: each hit is read by a person, who adds a span or leaves it.
    """
    covered = [False] * len(doc["text"])
    for s in doc["spans"]:
        covered[s["start"] : s["end"]] = [True] * (s["end"] - s["start"])
    text = doc["text"]
    hits = []
    for m in _CANDIDATE.finditer(text):
        if any(covered[m.start() : m.end()]):
            continue
        word = m.group(0)
        before = text[max(0, m.start() - 3) : m.start()]
        if word[0].isupper() and (m.start() == 0 or _SENTENCE_START.search(before)):
            if not _NUMBER_WORD.fullmatch(word):
                continue  # a capital that only starts a sentence
        if word in _TITLES:
            continue
        hits.append((m.start(), word))
    return hits


_SENTENCE_START = re.compile(r'(?:[.!?]["”]? |\n|["“])$')
_TITLES = frozenset(
    "Dr Mr Mrs Ms Sen. Gen. President Minister Prime Chancellor Governor Mayor Judge Justice"
    " Professor Sheikh Deputy Secretary Chief Speaker Health Energy Finance Interior Foreign"
    " Environment Science Technology Labour Culture Development Industry Mining Transport"
    " Transportation Public Works Water Irrigation Planning Economy Investment Security".split()
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="marked-up sources -> gold JSONL")
    b.add_argument("sources", nargs="+", type=Path)
    b.add_argument("-o", "--output", type=Path, required=True)
    for name in ("render", "gaps", "stats"):
        p = sub.add_parser(name, help=f"{name} a gold JSONL file")
        p.add_argument("gold", type=Path)
        p.add_argument("--id", action="append", help="only these documents")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "build":
            docs = build(args.sources, args.output)
            print(f"{len(docs)} documents, {sum(len(d['spans']) for d in docs)} spans")
            return 0
        docs = [d for d in load(args.gold) if not args.id or d["id"] in args.id]
        for d in docs:
            check_doc(d)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.cmd == "render":
        for d in docs:
            print(f"=== {d['id']}\n{render(d)}\n")
    elif args.cmd == "gaps":
        for d in docs:
            hits = gaps(d)
            print(f"=== {d['id']}: {len(hits)} unmarked candidates")
            print("  " + " | ".join(f"{w}@{i}" for i, w in hits))
    else:
        labels = Counter(s["label"] for d in docs for s in d["spans"])
        words = sum(len(d["text"].split()) for d in docs)
        print(f"{len(docs)} documents, {words} words, {sum(labels.values())} spans")
        for label in LABELS:
            print(f"  {label:<13} {labels[label]:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
