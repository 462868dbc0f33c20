"""`tagger tag`, `show` and `list` through click's CliRunner, against a real store folder."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tagger.cli import main
from tagger.models import Article, article_id
from tagger.store import Store
from tests.store_helpers import make_articles


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store"  # TAGGER_DB points here (tests/conftest.py)
    with Store.open(path) as s:
        s.add_articles(make_articles(4))
        title = "Evil \x1b[31mred\x1b[0m title"
        body = "Body with a control \x1b]0;pwned\x07 sequence."
        s.add_articles([Article(article_id(title, body), title, body, source="Wire")])
    return path


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def ids(db):
    with Store.open(db) as s:
        return [a.id for a in s.summaries()]


def test_tag_sets_validated_tags_in_one_batch(db):
    aid = ids(db)[0]
    res = run("tag", aid[:6], "--topic", "politics,e", "--region", "Western Europe",
              "--sentiment", "n", "--note", "check figures", "--json")
    assert res.exit_code == 0, res.output
    review = json.loads(res.output)
    assert review["reviewer"] == "tester"  # TAGGER_REVIEWER
    assert review["tags"] == {"topic": ["politics", "economy"], "region": ["western-europe"],
                              "sentiment": ["negative"]}
    assert review["status"] == "tagged" and review["note"] == "check figures"
    with Store.open(db) as s:
        assert len({c.batch for c in s.history(aid)}) == 1  # one undo step
        s.undo("tester")
        assert s.get_review(aid, "tester").tags == {}


def test_tag_accept_status_set_and_reviewer(db):
    aid = ids(db)[1]
    res = run("tag", aid, "--set", "topic=sport", "--accept", "--reviewer", "bob")
    assert res.exit_code == 0, res.output
    assert "bob: tagged" in res.output and "Sport" in res.output and "accepted" in res.output
    res = run("--reviewer", "carol", "tag", aid, "--status", "flagged")
    assert res.exit_code == 0 and "carol: flagged" in res.output
    res = run("tag", aid, "--set", "topic=", "--reviewer", "bob", "--json")
    assert json.loads(res.output)["tags"] == {}  # GROUP= clears the group
    with Store.open(db) as s:
        assert s.get_review(aid, "bob").reviewed_at
        assert s.get_review(aid, "carol").status == "flagged"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--topic", "astrology"], "not a topic label"),
        (["--sentiment", "negative,positive"], "takes one label"),
        (["--set", "mood=calm"], "no tag group 'mood'"),
        (["--set", "nonsense"], "GROUP=LABELS"),
    ],
)
def test_tag_rejects_bad_values_and_writes_nothing(db, args, message):
    aid = ids(db)[0]
    res = CliRunner().invoke(main, ["tag", aid, *args])
    assert res.exit_code == 1 and message in res.output
    with Store.open(db) as s:
        assert s.history() == []


def test_tag_unknown_or_ambiguous_id(db):
    res = CliRunner().invoke(main, ["tag", "zzzz", "--topic", "sport"])
    assert res.exit_code == 1 and "Not found" in res.output and "zzzz" in res.output
    res = CliRunner().invoke(main, ["tag", "", "--topic", "sport"])
    assert res.exit_code == 1
    res = CliRunner().invoke(main, ["tag", ids(db)[0]])
    assert res.exit_code == 2 and "Nothing to change" in res.output


def test_show_prints_article_reviews_and_history(db):
    aid = ids(db)[0]
    run("tag", aid, "--topic", "health")
    res = run("show", aid[:8])
    assert res.exit_code == 0
    assert "Story 0: council votes on budget" in res.output
    assert "tester: tagged" in res.output and "Health" in res.output
    assert "History: 2 change(s)" in res.output
    data = json.loads(run("show", aid, "--json").output)
    assert data["article"]["id"] == aid and data["article"]["body"].startswith("Body of story 0")
    assert data["reviews"][0]["tags"] == {"topic": ["health"]}
    assert [c["field"] for c in data["history"]] == ["tags.topic", "status"]


def test_show_strips_control_characters(db):
    aid = ids(db)[-1]
    res = run("show", aid)
    assert res.exit_code == 0 and "\x1b" not in res.output and "\x07" not in res.output
    assert "red" in res.output and "pwned" in res.output
    assert "\x1b" not in run("list").output


def test_list_with_filters_and_json(db):
    all_ids = ids(db)
    run("tag", all_ids[0], "--topic", "politics", "--region", "global")
    run("--reviewer", "bob", "tag", all_ids[1], "--topic", "sport", "--status", "skipped")
    listed = json.loads(run("list", "--json").output)
    assert [r["id"] for r in listed] == all_ids
    assert listed[0]["status"] == "tagged" and listed[0]["tags"]["topic"] == ["politics"]
    assert listed[2] == {**listed[2], "status": "untagged", "reviewer": None, "tags": {}}

    def listed_ids(*args):
        res = run("list", "--json", *args)
        assert res.exit_code == 0, res.output
        return [r["id"] for r in json.loads(res.output)]

    assert listed_ids("--untagged") == all_ids[2:]
    assert listed_ids("--topic", "Politics") == [all_ids[0]]
    assert listed_ids("--region", "global") == [all_ids[0]]
    assert listed_ids("--status", "skipped") == [all_ids[1]]
    assert listed_ids("--reviewer", "bob") == [all_ids[1]]
    assert listed_ids("--status", "untagged", "--limit", "2") == all_ids[2:4]
    assert listed_ids("--where", "topic:politics") == [all_ids[0]]
    text = run("list", "--topic", "politics").output
    assert all_ids[0] in text and "Story 0" in text and "Politics" in text


def test_list_errors(db):
    res = CliRunner().invoke(main, ["list", "--topic", "astrology"])
    assert res.exit_code == 1 and "not a topic label" in res.output
    res = CliRunner().invoke(main, ["list", "--status", "done"])
    assert res.exit_code == 2
    res = CliRunner().invoke(main, ["list", "--where", "topic:(("])
    assert res.exit_code == 1
    res = run("list", "--topic", "sport")
    assert res.exit_code == 0 and "No articles match" in res.output


def test_commands_use_the_db_option(tmp_path, db):
    other = tmp_path / "other"
    with Store.open(other) as s:
        s.add_articles(make_articles(1, start=50))
    listed = json.loads(run("--db", str(other), "list", "--json").output)
    assert [r["title"] for r in listed] == ["Story 50: council votes on budget"]
