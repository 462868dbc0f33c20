"""The scorer behind the NER quality figures, on small hand-made gold and prediction pairs.

A wrong scorer would make every figure quoted for the pipeline meaningless, so each rule it
documents (exact spans, merged places, NORP apart, typed and untyped) is pinned here; the gold
file itself is checked for the invariants the scorer relies on.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"bench_{name}"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


ner_eval = _load("ner_eval")
gold_tools = _load("gold_tools")

TEXT = (
    "Dr Amina Yusuf of the Red Cross flew to Kano on Monday with 40 tonnes of food for Nigerians."
)


def span(text: str, mention: str, label: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return {"start": start, "end": start + len(mention), "label": label, "text": mention}


GOLD = {
    "d1": [
        span(TEXT, "Amina Yusuf", "PERSON"),
        span(TEXT, "Red Cross", "ORGANIZATION"),
        span(TEXT, "Kano", "GPE"),
        span(TEXT, "Monday", "DATE"),
        span(TEXT, "40 tonnes", "QUANTITY"),
        span(TEXT, "Nigerians", "NORP"),
    ]
}


def scores(gold, pred):
    report = ner_eval.evaluate(gold, pred)
    h = report["headline"]
    return report, h["typed_name"], h["untyped_name"], h["number_date"]


def test_perfect_match_scores_one_everywhere():
    report, typed, untyped, numbers = scores(GOLD, GOLD)
    for s in (typed, untyped, numbers, report["norp"], report["typed_number"]):
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert (typed.gold, typed.tp) == (3, 3)
    assert ner_eval.headline(report) == (
        "typed-name F1 1.00 | untyped-name F1 1.00 | number+date F1 1.00"
    )


def test_a_shifted_span_is_both_a_false_positive_and_a_false_negative():
    pred = {"d1": [dict(s) for s in GOLD["d1"]]}
    pred["d1"][0] = span(TEXT, "Dr Amina Yusuf", "PERSON")  # title left in
    _, typed, untyped, _ = scores(GOLD, pred)
    assert (typed.gold, typed.pred, typed.tp) == (3, 3, 2)
    assert typed.precision == pytest.approx(2 / 3) and typed.recall == pytest.approx(2 / 3)
    assert (untyped.pred, untyped.tp) == (3, 2)
    fp_fn = next(ner_eval.errors(GOLD, pred, {"d1": TEXT}))
    assert any("'Dr Amina Yusuf'" in x for x in fp_fn[1])
    assert any("'Amina Yusuf'" in x for x in fp_fn[2])


def test_places_are_merged_for_the_name_figure_but_not_per_label():
    pred = {"d1": [dict(s, label="LOCATION") if s["text"] == "Kano" else s for s in GOLD["d1"]]}
    report, typed, untyped, _ = scores(GOLD, pred)
    assert typed.f1 == 1.0 and untyped.f1 == 1.0
    assert report["names"]["PLACE"].f1 == 1.0
    assert report["places"]["GPE"].recall == 0.0
    assert report["places"]["LOCATION"].precision == 0.0


def test_a_wrong_name_type_counts_untyped_but_not_typed():
    pred = {"d1": [dict(s, label="PERSON") if s["text"] == "Red Cross" else s for s in GOLD["d1"]]}
    report, typed, untyped, _ = scores(GOLD, pred)
    assert untyped.f1 == 1.0
    assert (typed.pred, typed.tp) == (3, 2)
    assert report["names"]["ORGANIZATION"].recall == 0.0
    assert report["names"]["PERSON"].precision == 0.5
    typed_errors = next(ner_eval.errors(GOLD, pred, {"d1": TEXT}))[3]
    assert typed_errors == [
        f"{GOLD['d1'][1]['start']}-{GOLD['d1'][1]['end']} ORGANIZATION 'Red Cross' predicted PERSON"
    ]


def test_a_wrong_number_type_counts_untyped_but_not_typed():
    pred = {
        "d1": [dict(s, label="CARDINAL") if s["label"] == "QUANTITY" else s for s in GOLD["d1"]]
    }
    report, _, _, numbers = scores(GOLD, pred)
    assert numbers.f1 == 1.0
    assert report["typed_number"].tp == 1 and report["typed_number"].pred == 2
    assert report["numbers"]["QUANTITY"].recall == 0.0
    assert report["numbers"]["CARDINAL"].precision == 0.0


def test_norp_is_scored_apart_and_never_as_a_name():
    pred = {"d1": [dict(s, label="GPE") if s["label"] == "NORP" else s for s in GOLD["d1"]]}
    report, typed, untyped, _ = scores(GOLD, pred)
    assert report["norp"].recall == 0.0
    # The nationality word predicted as a place is a false positive name.
    assert (untyped.gold, untyped.pred, untyped.tp) == (3, 4, 3)
    assert (typed.gold, typed.pred, typed.tp) == (3, 4, 3)
    only_norp = {"d1": [s for s in GOLD["d1"] if s["label"] == "NORP"]}
    _, typed, untyped, numbers = scores(only_norp, only_norp)
    assert typed.gold == untyped.gold == numbers.gold == 0


def test_empty_sets():
    _, typed, untyped, numbers = scores({"d1": []}, {"d1": []})
    assert (typed.f1, untyped.f1, numbers.f1) == (1.0, 1.0, 1.0)
    _, typed, _, numbers = scores(GOLD, {"d1": []})
    assert (typed.precision, typed.recall, typed.f1) == (0.0, 0.0, 0.0)
    _, typed, _, _ = scores({"d1": []}, GOLD)
    assert (typed.precision, typed.recall, typed.f1) == (0.0, 0.0, 0.0)


def test_a_document_missing_from_predictions_is_all_misses():
    gold = {"d1": GOLD["d1"], "d2": [span("Lagos", "Lagos", "GPE")]}
    _, typed, _, _ = scores(gold, {"d1": GOLD["d1"]})
    assert (typed.gold, typed.tp) == (4, 3)


def test_cli_scores_a_prediction_file(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": TEXT, "spans": GOLD["d1"]}) + "\n")
    pred = tmp_path / "pred.jsonl"
    wrong = [s for s in GOLD["d1"] if s["label"] != "DATE"]
    pred.write_text(json.dumps({"id": "d1", "spans": wrong}) + "\n")
    assert ner_eval.main([str(gold), "--pred", str(pred), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "FN   " in out and "'Monday'" in out
    assert "typed-name F1 1.00 | untyped-name F1 1.00 | number+date F1 0.67" in out
    assert ner_eval.main([str(gold), "--pred", str(pred), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"]["number_date"] == {
        "gold": 2, "pred": 1, "tp": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667
    }  # fmt: skip
    assert data["numbers"]["DATE"]["recall"] == 0.0


def test_predictions_that_cannot_be_right_are_reported():
    pred = {"d1": [{"start": 0, "end": 2, "label": "PERSON", "text": "xx"}], "zz": []}
    warnings = ner_eval.check_predictions(pred, {"d1": TEXT})
    assert any("does not match" in w for w in warnings)
    assert any("not in gold" in w for w in warnings)


def test_gold_tools_computes_offsets_from_inline_marks():
    text, spans = gold_tools.parse_marked("{Kenya|G} won {12%|PCT} on {Monday|D}.")
    assert text == "Kenya won 12% on Monday."
    assert [(text[s["start"] : s["end"]], s["label"]) for s in spans] == [
        ("Kenya", "GPE"), ("12%", "PERCENT"), ("Monday", "DATE")
    ]  # fmt: skip
    with pytest.raises(gold_tools.GoldError):
        gold_tools.parse_marked("{Kenya|XYZ} won")
    with pytest.raises(gold_tools.GoldError):
        gold_tools.parse_marked("{Kenya|G won")


GOLD_FILE = ROOT / "tests" / "data" / "gold.jsonl"


@pytest.mark.skipif(not GOLD_FILE.exists(), reason="no gold file yet")
def test_the_gold_file_is_well_formed():
    docs = gold_tools.load(GOLD_FILE)
    assert len(docs) >= 24
    assert len({d["id"] for d in docs}) == len(docs)
    for doc in docs:
        gold_tools.check_doc(doc)  # slices, order, no overlap, known labels
        assert doc["spans"], doc["id"]
    labels = {s["label"] for d in docs for s in d["spans"]}
    assert labels == set(gold_tools.LABELS)


@pytest.mark.skipif(not GOLD_FILE.exists(), reason="no gold file yet")
def test_the_gold_file_is_what_its_sources_build(tmp_path):
    """Catches a hand edit of gold.jsonl, and a sample article or importer change that would
    leave the gold offsets pointing into a text the app no longer shows."""
    sources = sorted((GOLD_FILE.parent / "gold_src").glob("*.txt"))
    built = gold_tools.build(sources, tmp_path / "gold.jsonl")
    assert built == gold_tools.load(GOLD_FILE)
