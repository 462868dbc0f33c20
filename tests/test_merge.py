"""`tagger merge`: two real stores with overlapping articles and reviews."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from tagger.cli import main
from tagger.errors import StoreError
from tagger.merge import merge_store
from tagger.models import Article
from tagger.query import default_taxonomy
from tagger.store import Store
from tests.export_samples import ALICE_KYIV, BOB_FORMULA, BOB_KYIV, FORMULA, KYIV, PLAIN

TAX = default_taxonomy()
EXTRA = Article(
    id="eeee0000eeee0000",
    title="Floods in Kerala",
    body="Floods hit Kerala.",
    imported_at="2025-03-18T00:00:00.000000Z",
)
CAROL_PLAIN = replace(
    BOB_FORMULA,
    article_id=PLAIN.id,
    reviewer="carol",
    tags={"topic": ("politics",), "sentiment": ("neutral",)},
    status="tagged",
    note="",
)


@pytest.fixture
def stores(tmp_path):
    """Ours: Kyiv and Formula, alice's Kyiv and bob's Formula. Theirs: those plus Plain and
    Extra; alice's Kyiv (the same), bob's Kyiv and carol's Plain (new), and a different bob
    Formula (a conflict)."""
    ours_path = Path(os.environ["TAGGER_DB"])
    theirs_path = tmp_path / "theirs"
    with Store.open(ours_path, taxonomy=TAX) as ours:
        ours.add_articles([KYIV, FORMULA])
        ours.import_review(ALICE_KYIV)
        ours.import_review(BOB_FORMULA)
    with Store.open(theirs_path, taxonomy=TAX) as theirs:
        theirs.add_articles([KYIV, FORMULA, PLAIN, EXTRA])
        theirs.import_review(ALICE_KYIV)  # same as ours
        theirs.import_review(BOB_KYIV)  # new to us
        theirs.import_review(CAROL_PLAIN)  # new, on an article new to us
        # bob tagged the same article differently over there: a conflict
        theirs.import_review(replace(BOB_FORMULA, tags={"topic": ("crime",)}, note="changed"))
    return ours_path, theirs_path


def snapshot(path: Path):
    with Store.open(path, taxonomy=TAX) as s:
        return (
            [a.id for a in s.iter_articles()],
            sorted((r.article_id, r.reviewer, repr(r.to_dict())) for r in s.iter_reviews()),
        )


def test_merge_adds_and_never_overwrites(stores):
    ours_path, theirs_path = stores
    with Store.open(ours_path, taxonomy=TAX) as ours, Store.open(theirs_path) as theirs:
        report = merge_store(ours, theirs)
    assert report.articles_added == [PLAIN.id, EXTRA.id]
    assert report.articles_present == [KYIV.id, FORMULA.id]
    assert (report.reviews_added, report.reviews_same) == (2, 1)
    (conflict,) = report.conflicts
    assert (conflict.article_id, conflict.reviewer) == (FORMULA.id, "bob")
    assert conflict.fields == ("tags", "note")

    with Store.open(ours_path, taxonomy=TAX) as ours:
        assert [a.id for a in ours.iter_articles()] == [KYIV.id, FORMULA.id, PLAIN.id, EXTRA.id]
        assert ours.get_review(FORMULA.id, "bob").to_dict() == BOB_FORMULA.to_dict()  # kept ours
        assert ours.get_review(KYIV.id, "bob").to_dict() == BOB_KYIV.to_dict()
        assert ours.get_review(KYIV.id, "alice").to_dict() == ALICE_KYIV.to_dict()
        assert ours.get_review(PLAIN.id, "carol").to_dict() == CAROL_PLAIN.to_dict()
        assert ours.get_article(EXTRA.id) == EXTRA

    # Merging again changes nothing: everything is present and the same (or still in conflict).
    before = snapshot(ours_path)
    with Store.open(ours_path, taxonomy=TAX) as ours, Store.open(theirs_path) as theirs:
        again = merge_store(ours, theirs)
    assert again.articles_added == [] and again.reviews_added == 0
    assert again.reviews_same == 3 and len(again.conflicts) == 1
    assert snapshot(ours_path) == before


def test_dry_run_reports_the_same_and_writes_nothing(stores):
    ours_path, theirs_path = stores
    before = snapshot(ours_path)
    with Store.open(ours_path, taxonomy=TAX) as ours, Store.open(theirs_path) as theirs:
        dry = merge_store(ours, theirs, dry_run=True)
    assert snapshot(ours_path) == before
    with Store.open(ours_path, taxonomy=TAX) as ours, Store.open(theirs_path) as theirs:
        real = merge_store(ours, theirs)
    assert {**dry.to_dict(), "dry_run": False} == real.to_dict()


def test_merge_command_reports(stores):
    ours_path, theirs_path = stores
    dry = CliRunner().invoke(main, ["merge", str(theirs_path), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Would add 2 articles (2 already present)." in dry.output
    assert "Would add 2 reviews; 1 already the same; 1 conflicting" in dry.output
    assert f"conflict  {FORMULA.id}  bob: differs in tags, note" in dry.output

    result = CliRunner().invoke(main, ["merge", str(theirs_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["articles"] == {"added": 2, "already_present": 2}
    assert data["reviews"] == {"added": 2, "same": 1, "conflicting": 1, "rejected": 0}
    assert data["conflicts"] == [
        {"article_id": FORMULA.id, "reviewer": "bob", "fields": ["tags", "note"]}
    ]


def test_labels_our_taxonomy_lacks_are_rejected_not_lost_silently(tmp_path):
    ours_path = Path(os.environ["TAGGER_DB"])
    with Store.open(tmp_path / "other") as other:  # no taxonomy: any label goes
        other.add_articles([KYIV])
        other.import_review(replace(ALICE_KYIV, tags={"topic": ("astrology",)}))
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "other")])
    assert result.exit_code == 0, result.output
    assert "rejected" in result.output and "astrology" in result.output
    with Store.open(ours_path, taxonomy=TAX) as ours:
        assert ours.has_article(KYIV.id) and ours.get_review(KYIV.id, "alice") is None


def test_refuses_missing_store_and_itself(tmp_path):
    out = CliRunner().invoke(main, ["merge", str(tmp_path / "nowhere")])
    assert out.exit_code == 1 and "is not a tagger store" in out.output
    ours_path = Path(os.environ["TAGGER_DB"])
    with Store.open(ours_path, taxonomy=TAX) as ours:
        ours.add_articles([KYIV])
        with pytest.raises(StoreError, match="into itself"):
            merge_store(ours, ours)
