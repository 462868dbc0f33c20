"""Score entity and number spans against a hand-annotated gold set, on exact character spans.

Three headline figures answer the questions users ask of the highlights: are the names found
and typed right (typed names), are the names found at all (untyped names), and are the
amounts, counts and dates found (numbers and dates). Everything else printed explains them.

    python bench/ner_eval.py tests/data/gold.jsonl                    # runs `tagger annotate`
    python bench/ner_eval.py tests/data/gold.jsonl --pred pred.jsonl  # scores a saved run
    python bench/ner_eval.py tests/data/gold.jsonl --backend offline --errors --json

Scoring rules (see docs/annotation-guidelines.md):
- A span counts only when start and end match exactly; a shifted span is one false positive
  and one false negative.
- Typed names: PERSON, ORGANIZATION and "place" (GPE, LOCATION and FACILITY merged, so a
  river called a GPE still counts). NORP is scored on its own and left out of this figure.
- Untyped names: span match over PERSON, ORGANIZATION and place spans only, label ignored.
  NORP is left out here too: a nationality word is not a name, and counting it would reward
  a system for turning "Kenyan" into a place.
- Numbers and dates: span match over all eight number labels, label ignored; each number
  label is also scored typed.
- Empty sets: with nothing in gold and nothing predicted, P = R = F1 = 1; when only one side
  is empty, P = R = F1 = 0. Counts are printed with every figure, so neither case misleads.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

NAME_LABELS = ("PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY")
PLACE_LABELS = ("GPE", "LOCATION", "FACILITY")
NUMBER_LABELS = (
    "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME", "DURATION",
)  # fmt: skip
ALL_LABELS = NAME_LABELS + ("NORP",) + NUMBER_LABELS
TYPED_NAME = ("PERSON", "ORGANIZATION", "PLACE")

Key = tuple  # (doc id, start, end) or (doc id, start, end, label)


@dataclass(frozen=True)
class Score:
    """Counts and the figures derived from them, for one set comparison."""

    gold: int
    pred: int
    tp: int

    @property
    def precision(self) -> float:
        if self.pred == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.pred

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.pred == 0 else 0.0
        return self.tp / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "gold": self.gold,
            "pred": self.pred,
            "tp": self.tp,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def compare(gold: set[Key], pred: set[Key]) -> Score:
    return Score(len(gold), len(pred), len(gold & pred))


def merged(label: str) -> str:
    """The label used for typed name scoring: places are one class."""
    return "PLACE" if label in PLACE_LABELS else label


def span_sets(docs: dict[str, list[dict]]) -> dict[str, set[Key]]:
    """Every set the report compares, built once from {doc id: spans}."""
    sets: dict[str, set[Key]] = {
        name: set() for name in ("typed_name", "untyped_name", "number", "typed_number")
    }
    for label in ALL_LABELS + ("PLACE",):
        sets[f"label:{label}"] = set()
    for doc_id, spans in docs.items():
        for s in spans:
            label, at = s["label"], (doc_id, s["start"], s["end"])
            if label not in ALL_LABELS:
                continue
            sets[f"label:{label}"].add(at + (label,))
            if label in NAME_LABELS:
                sets["typed_name"].add(at + (merged(label),))
                sets["untyped_name"].add(at)
                if label in PLACE_LABELS:
                    sets["label:PLACE"].add(at + ("PLACE",))
            elif label in NUMBER_LABELS:
                sets["number"].add(at)
                sets["typed_number"].add(at + (label,))
    return sets


def evaluate(gold: dict[str, list[dict]], pred: dict[str, list[dict]]) -> dict:
    """All scores for predictions against gold; documents missing from `pred` have no spans."""
    pred = {doc_id: pred.get(doc_id, []) for doc_id in gold}
    g, p = span_sets(gold), span_sets(pred)
    report = {
        "headline": {
            "typed_name": compare(g["typed_name"], p["typed_name"]),
            "untyped_name": compare(g["untyped_name"], p["untyped_name"]),
            "number_date": compare(g["number"], p["number"]),
        },
        "names": {lab: compare(g[f"label:{lab}"], p[f"label:{lab}"]) for lab in TYPED_NAME},
        "places": {lab: compare(g[f"label:{lab}"], p[f"label:{lab}"]) for lab in PLACE_LABELS},
        "norp": compare(g["label:NORP"], p["label:NORP"]),
        "numbers": {lab: compare(g[f"label:{lab}"], p[f"label:{lab}"]) for lab in NUMBER_LABELS},
        "typed_number": compare(g["typed_number"], p["typed_number"]),
    }
    report["documents"] = len(gold)
    return report


def errors(gold: dict[str, list[dict]], pred: dict[str, list[dict]], texts: dict[str, str]):
    """Per document: (false positives, false negatives, wrong types), each a list of lines."""
    for doc_id, gspans in gold.items():
        text = texts.get(doc_id, "")
        gmap = {(s["start"], s["end"]): s["label"] for s in gspans if s["label"] in ALL_LABELS}
        pmap = {
            (s["start"], s["end"]): s["label"]
            for s in pred.get(doc_id, [])
            if s["label"] in ALL_LABELS
        }

        def show(at: tuple[int, int], label: str, text: str = text) -> str:
            return f"{at[0]}-{at[1]} {label:<12} {text[at[0] : at[1]]!r}"

        fp = [show(at, lab) for at, lab in sorted(pmap.items()) if at not in gmap]
        fn = [show(at, lab) for at, lab in sorted(gmap.items()) if at not in pmap]
        typed = [
            f"{show(at, lab)} predicted {pmap[at]}"
            for at, lab in sorted(gmap.items())
            if at in pmap and merged(pmap[at]) != merged(lab)
        ]
        yield doc_id, fp, fn, typed


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON: {exc}") from None
    return rows


def load_gold(path: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    rows = read_jsonl(path)
    return {r["id"]: r["spans"] for r in rows}, {r["id"]: r["text"] for r in rows}


def check_predictions(pred: dict[str, list[dict]], texts: dict[str, str]) -> list[str]:
    """Warnings for spans that cannot be right: outside the text, or text that does not match."""
    warnings = []
    for doc_id, spans in pred.items():
        text = texts.get(doc_id)
        if text is None:
            warnings.append(f"{doc_id}: predicted for a document that is not in gold")
            continue
        for s in spans:
            if not 0 <= s["start"] < s["end"] <= len(text):
                warnings.append(f"{doc_id}: span {s['start']}-{s['end']} is outside the text")
            elif "text" in s and text[s["start"] : s["end"]] != s["text"]:
                warnings.append(f"{doc_id}: span text {s['text']!r} does not match the offsets")
            if s["label"] not in ALL_LABELS:
                warnings.append(f"{doc_id}: unknown label {s['label']!r} (ignored)")
    return warnings


def run_annotate(texts: dict[str, str], backend: str) -> dict[str, list[dict]]:
    """Predictions from `tagger annotate` run as a subprocess, exactly as scripts use it."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        for doc_id, text in texts.items():
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        name = fh.name
    try:
        cmd = [sys.executable, "-m", "tagger", "annotate", name, "--format", "jsonl"]
        cmd += ["--backend", backend]
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    finally:
        os.unlink(name)
    if proc.returncode != 0:
        raise SystemExit(f"tagger annotate failed ({proc.returncode}):\n{proc.stderr.strip()}")
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return {r["id"]: r["spans"] for r in rows}


def run_in_process(texts: dict[str, str], backend: str) -> dict[str, list[dict]]:
    """Predictions from the analyzer called directly, for profiling without a subprocess."""
    from tagger.nlp.base import get_analyzer

    analyzer = get_analyzer(backend)
    return {
        doc_id: [{"start": s.start, "end": s.end, "label": s.label} for s in analyzer.analyze(t)]
        for doc_id, t in texts.items()
    }


def headline(report: dict) -> str:
    h = report["headline"]
    return (
        f"typed-name F1 {h['typed_name'].f1:.2f} | untyped-name F1 {h['untyped_name'].f1:.2f}"
        f" | number+date F1 {h['number_date'].f1:.2f}"
    )


def _rows(title: str, scores: Iterable[tuple[str, Score]]) -> list[str]:
    lines = [title, f"  {'':<22}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}{'tp':>7}"]
    for name, s in scores:
        lines.append(
            f"  {name:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
            f"{s.gold:>7}{s.pred:>7}{s.tp:>7}"
        )
    return lines


def format_report(report: dict) -> str:
    h = report["headline"]
    lines = [f"{report['documents']} documents; exact spans"]
    lines += _rows(
        "Names, typed (place = GPE + LOCATION + FACILITY)",
        [*report["names"].items(), ("overall typed names", h["typed_name"])],
    )
    lines += _rows("Place labels, typed (not merged)", report["places"].items())
    lines += _rows(
        "Names, untyped (PERSON, ORGANIZATION, place; NORP excluded)",
        [("overall untyped names", h["untyped_name"])],
    )
    lines += _rows("Nationalities and groups", [("NORP", report["norp"])])
    lines += _rows(
        "Numbers and dates, typed",
        [*report["numbers"].items(), ("overall typed numbers", report["typed_number"])],
    )
    lines += _rows("Numbers and dates, untyped", [("overall number+date", h["number_date"])])
    lines.append("")
    lines.append(headline(report))
    return "\n".join(lines)


def to_json(report: dict) -> dict:
    def conv(v):
        if isinstance(v, Score):
            return v.to_dict()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        return v

    return conv(report)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="gold JSONL: {id, text, spans} per line")
    ap.add_argument("--pred", type=Path, help="predictions in `tagger annotate` JSONL output")
    ap.add_argument("--backend", default="auto", choices=("auto", "offline", "nltk"))
    ap.add_argument(
        "--in-process", action="store_true", help="call the analyzer directly, not the CLI"
    )
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--errors", action="store_true", help="list FP and FN per document")
    args = ap.parse_args(argv)

    gold, texts = load_gold(args.gold)
    started = time.perf_counter()
    if args.pred:
        pred = {r["id"]: r.get("spans", []) for r in read_jsonl(args.pred)}
    elif args.in_process:
        pred = run_in_process(texts, args.backend)
    else:
        pred = run_annotate(texts, args.backend)
    seconds = time.perf_counter() - started
    warnings = check_predictions(pred, texts)
    missing = [d for d in gold if d not in pred]
    if missing:
        warnings.append(f"{len(missing)} gold documents have no prediction line")
    report = evaluate(gold, pred)

    if args.json:
        out = to_json(report)
        out["headline_line"] = headline(report)
        out["warnings"] = warnings
        if not args.pred:
            out["backend"], out["seconds"] = args.backend, round(seconds, 3)
        print(json.dumps(out, indent=2))
    else:
        for w in warnings[:20]:
            print(f"warning: {w}", file=sys.stderr)
        if args.errors:
            for doc_id, fp, fn, typed in errors(gold, pred, texts):
                if fp or fn or typed:
                    print(f"=== {doc_id}")
                    for tag, items in (("FP", fp), ("FN", fn), ("TYPE", typed)):
                        for item in items:
                            print(f"  {tag:<4} {item}")
            print()
        if not args.pred:
            print(f"backend {args.backend}; annotated in {seconds:.2f}s")
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
