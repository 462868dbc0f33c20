"""Reading each input format into cleaned articles, and refusing each kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tagger.ingest import iter_files, read_file
from tagger.models import article_id

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = DATA / "good"
BAD = DATA / "bad"


def one(path: Path):
    result = read_file(path)
    assert result.errors == []
    assert len(result.items) == 1
    return result.items[0].article


def from_text(folder: Path, text: str, name: str = "a.txt"):
    (folder / name).write_text(text, "utf-8")
    return one(folder / name)


# ---- each format ----------------------------------------------------------------------


def test_txt_with_headers_before_the_title():
    a = one(GOOD / "plain_headers_first.txt")
    assert a.title == "Ferry operator raises fares by 8% on Lake Victoria routes"
    assert (a.source, a.date, a.author) == ("Lakeside Herald", "2024-03-14", "Grace Wanjiru")
    assert a.url == "https://lakeside-herald.example/news/ferry-fares"
    assert a.body.startswith("Kisumu Marine Services will raise")
    assert "Source:" not in a.body


def test_txt_with_headers_after_the_title():
    a = one(GOOD / "plain_title_first.txt")
    assert a.title == "Chile copper output falls for third month as mines age"
    assert (a.source, a.date, a.author) == (
        "Andes Business Daily",
        "2024-02-09",
        "Tom\u00e1s Rivera",
    )
    assert a.body.startswith("Copper production in Chile fell 4.5%")


def test_txt_without_headers_and_with_padding():
    a = one(GOOD / "plain_no_headers.txt")
    assert a.title == "Volunteers plant 50,000 mangroves along Mombasa coast"
    assert (a.source, a.date, a.url, a.author) == ("", "", "", "")
    assert a.body.count("\n\n") == 1


@pytest.mark.parametrize(
    ("text", "title", "source", "body"),
    [
        # A Title header.
        (
            "Title: Port reopens\nSource: Wire\n\nThe port reopened.\n",
            "Port reopens",
            "Wire",
            "The port reopened.",
        ),
        # After the title, a "Source:" line run straight into prose is body, not a header.
        (
            "Port reopens\nSource: officials said the port reopened.\nMore text.\n",
            "Port reopens",
            "",
            "Source: officials said the port reopened.\nMore text.",
        ),
        # A title that looks like "Key: value" is a title, before or after headers.
        (
            "Kenya: floods kill 40\nSource: Wire\n\nFloods killed 40.\n",
            "Kenya: floods kill 40",
            "Wire",
            "Floods killed 40.",
        ),
        (
            "Source: Wire\nKenya: floods kill 40\n\nFloods killed 40.\n",
            "Kenya: floods kill 40",
            "Wire",
            "Floods killed 40.",
        ),
        # Other common header keys are read and ignored.
        (
            "Category: World\nSource: Wire\nTags: floods\n\nFloods\n\nRain fell.\n",
            "Floods",
            "Wire",
            "Rain fell.",
        ),
        ("Floods\nSection: Africa\n\nRain fell.\n", "Floods", "", "Rain fell."),
    ],
)
def test_txt_header_edge_cases(tmp_path, text, title, source, body):
    a = from_text(tmp_path, text)
    assert (a.title, a.source, a.body) == (title, source, body)


def test_metadata_fields_are_cleaned_to_one_line(tmp_path):
    record = {
        "title": "T",
        "body": "B.",
        "source": "S\u00c3\u00a3o  Paulo\nFinance\x1b[2J",
        "author": " A \t B ",
    }
    a = from_text(tmp_path, json.dumps(record), "a.json")
    assert (a.source, a.author) == ("S\u00e3o Paulo Finance", "A B")


def test_markdown_front_matter():
    a = one(GOOD / "story.md")
    assert a.title == "Ghana cocoa board cuts forecast as swollen shoot disease spreads"
    assert (a.source, a.date) == ("Accra Market Watch", "2024-01-18")
    assert a.author == "Kwame Asante, Efua Owusu"
    # The body's "# heading" repeating the title is dropped.
    assert a.body.startswith("The Ghana Cocoa Board (COCOBOD)")


def test_markdown_title_from_first_heading():
    a = one(GOOD / "heading.md")
    assert a.title == "Vietnam opens second metro line in Hanoi"
    assert "# Vietnam" not in a.body and "Hanoi opened its second metro line" in a.body


def test_json_single_object_with_alternative_field_names():
    a = one(GOOD / "one.json")
    assert a.title == "Iceland volcano eruption forces new evacuation of Grindav\u00edk"
    assert (a.source, a.date, a.author) == (
        "North Atlantic Wire",
        "2024-01-14",
        "Sigr\u00fan J\u00f3nsd\u00f3ttir",
    )
    assert a.url == "https://north-atlantic-wire.example/grindavik"
    assert "\n\n" in a.body


def test_json_list_with_paragraph_lists_source_objects_and_author_lists():
    result = read_file(GOOD / "list.json")
    assert result.errors == []
    first, second = (item.article for item in result.items)
    assert first.body.split("\n\n")[1].startswith("Governor Roberto Campos Neto")
    assert (second.source, second.date, second.author) == (
        "Oslo Ledger",
        "2024-01-30",
        "Ingrid Berg, Lars Holm",
    )
    assert first.origin.endswith("list.json#1") and second.origin.endswith("list.json#2")
    assert json.loads(second.raw)["publishedAt"] == "2024-01-30T07:00:00Z"


def test_json_wrapper_object_with_an_articles_list():
    a = one(GOOD / "wrapped.json")
    assert a.title == "Thai parliament approves 3.48 trillion baht budget"
    assert a.source == "Bangkok Ledger"
    assert a.body.startswith("Thailand's parliament approved")  # "content" wins over "description"


def test_jsonl_lines_keep_their_line_numbers_and_raw_line():
    result = read_file(GOOD / "batch.jsonl")
    assert result.errors == []
    arts = [item.article for item in result.items]
    assert [a.origin.rsplit(":", 1)[1] for a in arts] == ["1", "3", "4"]  # line 2 is blank
    lines = (GOOD / "batch.jsonl").read_text("utf-8").split("\n")
    assert arts[1].raw == lines[2]
    assert [a.date for a in arts] == ["2024-02-26", "2024-04-11", "2024-04-16"]


def test_html_main_text_and_metadata():
    a = one(GOOD / "page.html")
    assert a.title == "Nepal bans single-use plastic on Everest trails"
    assert (a.source, a.date, a.author) == ("Himalaya Dispatch", "2024-04-02", "Pemba Sherpa")
    assert a.url == "https://himalaya-dispatch.example/everest-plastic"
    assert a.body.startswith("Nepal will ban single-use plastic bottles")
    assert a.body.count("\n\n") == 2  # three paragraphs
    for furniture in ("Home", "Most read", "Kathmandu traffic", "All rights reserved"):
        assert furniture not in a.body


# ---- cleaning through the reader, and raw -----------------------------------------------


def test_mojibake_file_is_fixed_and_raw_keeps_it():
    a = one(GOOD / "mojibake.txt")
    expected = (DATA / "expected_mojibake_fixed.txt").read_text("utf-8")
    assert (
        a.title == "Caf\u00e9 owners in Montr\u00e9al say rent rises are \u201cunsustainable\u201d"
    )
    assert a.body == expected.split("\n\n", 2)[2].strip()
    assert a.raw == (GOOD / "mojibake.txt").read_text("utf-8")
    assert "\u00c3\u00a9" in a.raw


def test_scraped_file_raw_is_exact_and_id_is_on_the_cleaned_text():
    a = one(GOOD / "scraped.txt")
    assert a.raw == (GOOD / "scraped.txt").read_text("utf-8")
    assert a.id == article_id(a.title, a.body)
    assert a.boilerplate_at is not None and a.body[a.boilerplate_at :].startswith("Related topics")
    assert a.main_text.endswith("Ouse Valley Flood Action Group.")


def test_same_article_in_two_formats_has_one_id(tmp_path):
    a = from_text(tmp_path, "Port reopens\n\nThe  port   reopened\r\non Monday.\n")
    record = {"headline": "Port reopens", "text": "The port reopened\non Monday."}
    assert a.id == from_text(tmp_path, json.dumps(record), "b.json").id


# ---- encodings --------------------------------------------------------------------------


def test_windows_1252_file_is_read():
    a = one(GOOD / "windows1252.txt")
    assert (
        "Andaluc\u00eda" in a.body and "\u20ac9" in a.body and "Jos\u00e9 Mart\u00ednez" in a.body
    )
    assert a.date == "2024-06-21"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_utf8_bom_and_utf16_with_bom_are_read(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_text("Z\u00fcrich vote\n\nVoters in Z\u00fcrich approved it.\n", encoding)
    a = one(f)
    assert a.title == "Z\u00fcrich vote" and a.body == "Voters in Z\u00fcrich approved it."


# ---- bad input: one specific reason per file or record ------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary.txt", "binary file (contains NUL bytes), not text"),
        ("image.txt", "binary file (a PNG image), not text"),
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file (only whitespace)"),
        ("undecodable.txt", "undecodable text: not UTF-8 (byte 0x93 at offset 0)"),
        ("malformed.json", "malformed JSON at line 3, column 10"),
        ("empty_list.json", "no articles: the JSON list is empty"),
        ("missing_body.txt", "missing body"),
        ("bad_front_matter.md", "malformed front matter at line 4"),
        ("no_text.html", "no article text found in the HTML"),
    ],
)
def test_bad_file_is_refused_with_its_reason(name, reason):
    result = read_file(BAD / name)
    assert result.items == []
    assert len(result.errors) == 1
    assert result.errors[0].startswith(reason), result.errors[0]


def test_bad_jsonl_lines_are_named_and_good_lines_still_read():
    result = read_file(BAD / "broken.jsonl")
    assert [i.article.title for i in result.items] == ["Zambia cuts maize export ban"]
    assert result.errors == [
        "line 2: malformed JSON at column 52: unexpected end of data",
        "line 3: missing title",
        "line 4: not a JSON object (found a list)",
        "line 5: missing body (no text after the title)",
    ]


def test_json_record_without_title_is_named():
    result = read_file(BAD / "missing_title.json")
    assert [i.article.title for i in result.items] == ["Fine record"]
    assert result.errors == ["record 2: missing title"]


def test_file_over_the_size_limit_is_refused_unread(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("Title\n\n" + "word " * 400, "utf-8")
    result = read_file(f, max_size=1024)
    assert result.items == []
    assert result.errors[0].startswith("file too large (2.0 KB; the limit is 1.0 KB")
    assert len(read_file(f, max_size=4096).items) == 1


def test_non_utf8_that_is_not_windows_1252_prose_is_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"Title\n\n" + bytes(range(0xA0, 0x100)) * 3)
    assert read_file(f).errors[0].startswith("undecodable text")


def test_binary_without_nul_bytes_is_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(bytes(range(1, 32)) * 20)
    assert read_file(f).errors == ["binary file (many control characters), not text"]


def test_unreadable_file_says_so(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Title\n\nBody.\n", "utf-8")
    f.chmod(0)
    try:
        if _can_read(f):
            pytest.skip("running as a user who can read any file")
        assert read_file(f).errors == ["cannot read the file: permission denied"]
    finally:
        f.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


# ---- finding files ----------------------------------------------------------------------


def test_folder_scan_skips_hidden_and_other_types_quietly():
    found = list(iter_files([GOOD]))
    names = [p.name for p, problem in found]
    assert all(problem is None for _, problem in found)
    assert "secret.txt" not in names and ".draft.txt" not in names and "notes.pdf" not in names
    assert names == sorted(names)
    assert {"scraped.txt", "story.md", "one.json", "batch.jsonl", "page.html"} <= set(names)


def test_named_paths_are_read_or_refused_with_a_reason(tmp_path):
    found = dict(
        iter_files(
            [GOOD / "notes.pdf", GOOD / ".draft.txt", tmp_path / "missing.txt", GOOD / "one.json"]
        )
    )
    assert found[GOOD / "notes.pdf"].startswith("unsupported file type '.pdf'")
    assert found[GOOD / ".draft.txt"] is None  # a hidden file named explicitly is read
    assert found[tmp_path / "missing.txt"] == "no such file or folder"
    assert found[GOOD / "one.json"] is None


def test_a_file_named_twice_is_read_once():
    found = list(iter_files([GOOD / "one.json", GOOD, GOOD / "one.json"]))
    assert [p.name for p, _ in found].count("one.json") == 1


REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


def test_the_real_scraped_reference_article_when_present():
    """The real page in ../shared/reference (not in the repo, so skipped where absent)."""
    files = sorted(REFERENCE.glob("*.txt")) if REFERENCE.is_dir() else []
    if not files:
        pytest.skip("../shared/reference is absent")
    a = one(files[0])
    at = a.boilerplate_at
    assert at is not None and a.body[at:].startswith("Related topics")
    assert "Watch:" in a.body[:at]  # the mid-article teaser is followed by prose
    assert "\u0111\u017a" not in a.body and "\u00a0" not in a.body
    assert a.raw == files[0].read_text("utf-8")
    lines = [ln for ln in a.body.split("\n") if ln]
    assert all(x != y for x, y in zip(lines, lines[1:], strict=False))


def test_markdown_without_front_matter_or_heading_skips_rules(tmp_path):
    a = from_text(tmp_path, "---\n\nLagos port expands\n\nThe port added two berths.\n", "a.md")
    assert (a.title, a.body) == ("Lagos port expands", "---\n\nThe port added two berths.")


def test_folder_scan_skips_the_folders_own_readme(tmp_path):
    (tmp_path / "README.md").write_text("# About these files\n\nNotes for people.\n", "utf-8")
    (tmp_path / "story.txt").write_text("A title\n\nA body line.\n", "utf-8")
    names = [p.name for p, _ in iter_files([tmp_path])]
    assert names == ["story.txt"]
    # Named explicitly, it is read like any other file.
    assert [p.name for p, _ in iter_files([tmp_path / "README.md"])] == ["README.md"]


def test_html_with_a_broken_extractor_is_reported_not_fatal(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now fails
    result = read_file(GOOD / "page.html")
    assert not result.items
    assert any("HTML extractor failed to load" in reason for reason in result.errors)
    assert read_file(GOOD / "story.md").items  # other formats are unaffected
