"""`tagger annotate`, `tagger nlp status` and `tagger nlp setup`: thin glue over tagger.nlp.

Annotation streams: one document in, one JSON line out, flushed at once, so a script can
pipe thousands of documents through one process in constant memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from tagger.cli.common import AppContext, echo_json, pass_ctx
from tagger.errors import InputError


def _documents(source: str, input_format: str) -> Iterator[tuple[str, str]]:
    """(id, text) pairs from a text file (one document) or JSONL (`id`, `text` per line)."""
    import orjson

    if source == "-":
        stream = sys.stdin
        name = "stdin"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source} is not a file.")
        stream = open(path, encoding="utf-8-sig", errors="replace", newline="")  # noqa: SIM115
        name = path.name
    try:
        fmt = input_format
        first = ""
        if fmt == "auto":
            suffix = Path(source).suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                fmt = "jsonl"
            elif source != "-" or suffix:
                fmt = "text"
            else:  # stdin: a first line that is a JSON object with "text" means JSONL
                first = stream.readline()
                try:
                    obj = orjson.loads(first)
                    fmt = "jsonl" if isinstance(obj, dict) and "text" in obj else "text"
                except orjson.JSONDecodeError:
                    fmt = "text"
        if fmt == "text":
            yield name, first + stream.read()
            return
        lines = iter(stream)
        if first:
            lines = _chain(first, lines)
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise InputError(f"{name} line {lineno} is not JSON: {exc}.") from exc
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise InputError(f"{name} line {lineno} has no string \"text\" field.")
            doc_id = obj.get("id")
            yield (str(doc_id) if doc_id is not None else f"line-{lineno}"), obj["text"]
    finally:
        if stream is not sys.stdin:
            stream.close()


def _chain(first: str, rest) -> Iterator[str]:
    yield first
    yield from rest


def json_line(doc_id: str, text: str, spans) -> bytes:
    """The stable output record: keys id, spans; each span start, end, label, text."""
    import orjson

    record = {
        "id": doc_id,
        "spans": [
            {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start : s.end]}
            for s in spans
        ],
    }
    return orjson.dumps(record) + b"\n"


def bracketed(text: str, spans) -> str:
    """The text with each mention written as [mention](LABEL)."""
    out: list[str] = []
    pos = 0
    for s in spans:
        out.append(text[pos : s.start])
        out.append(f"[{text[s.start : s.end]}]({s.label})")
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


@click.command("annotate")
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option(
    "--format",
    "out_format",
    type=click.Choice(["jsonl", "text"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON line per document; text: the text with [mention](LABEL) brackets.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read FILE: auto uses JSONL for .jsonl/.ndjson files (and JSON-looking stdin).",
)
@click.option(
    "--backend",
    type=click.Choice(["auto", "offline", "nltk"]),
    default=None,
    help="NLP back-end (default: the config's [nlp] backend, normally auto).",
)
@click.option(
    "--store",
    "use_store",
    is_flag=True,
    help="Instead of a file, pre-compute and cache annotations for every article in the store.",
)
@click.option("--force", is_flag=True, help="With --store: recompute spans already cached.")
@pass_ctx
def annotate_cmd(app: AppContext, source, out_format, input_format, backend, use_store, force):
    """Find entities and numbers in FILE (a text file, or JSONL with id and text; - is stdin).

    Prints one JSON line per document: {"id", "spans": [{"start", "end", "label", "text"}]}.
    Offsets count characters (code points) of the text as given.
    """
    from tagger.nlp.base import get_analyzer

    if use_store and source != "-":
        raise InputError("--store annotates the articles in the store; leave FILE out.")
    analyzer = get_analyzer(backend or app.settings.nlp_backend)
    if use_store:
        _annotate_store(app, analyzer, force)
        return
    out = sys.stdout.buffer
    for doc_id, text in _documents(source, input_format):
        spans = analyzer.analyze(text)
        if out_format == "jsonl":
            out.write(json_line(doc_id, text, spans))
        else:
            out.write(f"# {doc_id}\n{bracketed(text, spans)}\n\n".encode())
        out.flush()


def _annotate_store(app: AppContext, analyzer, force: bool) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from tagger.annotations import annotate_store

    store = app.open_store()
    total = store.article_count()
    console = Console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("Annotating", total=total)
        counts = annotate_store(
            store, analyzer, force=force, progress=lambda n, _t: progress.update(task, completed=n)
        )
    click.echo(
        f"Annotated {counts['analysed']} article(s) with the {analyzer.name} back-end; "
        f"{counts['cached']} already cached."
    )


@click.group("nlp")
def nlp_group() -> None:
    """Entity and number recognition: which back-end runs, and installing NLTK's models."""


@nlp_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@pass_ctx
def status_cmd(app: AppContext, as_json: bool) -> None:
    """Say which NLTK resources are installed, where NLTK looked, and which back-end runs."""
    from tagger import paths
    from tagger.errors import TaggerError
    from tagger.nlp import resources
    from tagger.nlp.base import choose_backend

    found = resources.status()
    configured = app.settings.nlp_backend
    try:
        running, problem = choose_backend(configured), None
    except TaggerError as exc:
        running, problem = None, exc.message
    report = {
        "configured_backend": configured,
        "backend": running,
        "problem": problem,
        "chunker": resources.chunker_format(found),
        "resources": [
            {"package": r.package, "path": r.path, "what": r.note, "present": found[r.path]}
            for r in resources.RESOURCES
        ],
        "missing_for_nltk": resources.missing_for_nltk(found),
        "search_path": resources.ensure_data_path(),
        "setup_dir": str(paths.nltk_data_dir()),
    }
    if as_json:
        echo_json(report)
        return
    click.echo(f"Back-end: {running or 'none'} (configured: {configured})")
    if problem:
        click.echo(f"  {problem}")
    click.echo("NLTK resources:")
    for r in report["resources"]:
        mark = "present" if r["present"] else "missing"
        click.echo(f"  {mark:<8} {r['path']:<55} {r['what']}")
    click.echo("NLTK looked in:")
    for p in report["search_path"]:
        click.echo(f"  {p}")
    if report["missing_for_nltk"]:
        click.echo(
            "The offline back-end runs (no NLTK models needed). `tagger nlp setup` installs "
            f"NLTK's models into {report['setup_dir']} when online."
        )


@nlp_group.command("setup")
@pass_ctx
def setup_cmd(app: AppContext) -> None:
    """Download NLTK's official models into the app's data dir (needs internet)."""
    from tagger import paths
    from tagger.nlp import resources
    from tagger.nlp.base import NlpError, clear_cache

    target = paths.nltk_data_dir()
    target.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    for package in resources.SETUP_PACKAGES:
        click.echo(f"Downloading {package} into {target} ...")
        reason = resources.download(package, target)
        if reason is not None:
            click.echo(f"  could not get {package}: {reason}", err=True)
            failed.append(package)
    clear_cache()
    missing = resources.missing_for_nltk()
    if failed or missing:
        names = ", ".join(sorted(set(failed) | set(missing)))
        raise NlpError(
            f"Could not install {names} (no internet?). The offline back-end will run; "
            "it needs no downloads. Run `tagger nlp setup` again when online.",
            title="NLTK models not installed",
        )
    click.echo("NLTK's models are installed; the nltk back-end will run.")


COMMANDS: list = [annotate_cmd, nlp_group]
