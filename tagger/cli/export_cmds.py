"""`tagger export` and `tagger merge`: thin click glue over tagger.export and tagger.merge."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from tagger.cli.common import AppContext, echo_json, pass_ctx
from tagger.exporters import FORMAT_NAMES

_SUFFIX_FORMATS = {".csv": "csv", ".spacy": "spacy"}


def _statuses(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.strip().lower() for v in values for s in v.split(",") if s.strip())


def _progress(total: int, enabled: bool):
    """A rich progress bar on stderr when it is a terminal; otherwise nothing."""
    if not enabled or total == 0:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _ticker(progress, total: int) -> tuple[Callable[[], None] | None, Callable[[], None]]:
    if progress is None:
        return None, lambda: None
    task = progress.add_task("Exporting", total=total)
    seen = [0]

    def tick() -> None:
        # Advance in steps: a redraw per article would cost more than the export itself.
        seen[0] += 1
        if seen[0] % 250 == 0:
            progress.update(task, completed=seen[0])

    return tick, lambda: progress.update(task, completed=seen[0])


def _warn_unknown_reviewers(store, names: set[str]) -> None:
    """A misspelt reviewer name would quietly export nothing of theirs: say so on stderr."""
    if not names:
        return
    known = {r.reviewer for r in store.iter_reviews()}
    for name in sorted(names - known):
        here = ", ".join(sorted(known)) or "none yet"
        click.echo(f"Note: no review in this store is by '{name}' (reviewers: {here}).", err=True)


@click.command("export")
@click.option("-o", "--output", metavar="FILE|-", help="File to write, or - for stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    help="Output format (default: csv for a .csv file, spacy for .spacy, else jsonl).",
)
@click.option("--where", default="", metavar="QUERY", help="Filter, in the review app's language.")
@click.option(
    "--status",
    multiple=True,
    metavar="S",
    help="Keep these statuses (untagged, tagged, skipped, flagged, unsure, reviewed); "
    "repeat or separate with commas.",
)
@click.option("--reviewer", "only_reviewer", metavar="NAME", help="Keep only reviews by NAME.")
@click.option(
    "--since",
    metavar="DATE",
    help="Keep reviews updated on or after DATE (YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM), for incremental exports.",
)
@click.option(
    "--reviewers",
    default="final",
    show_default=True,
    metavar="all|final|NAME",
    help="Which reviews: final (latest per article until adjudication exists), "
    "all (one record per review), or NAME's.",
)
@click.option("--no-text", is_flag=True, help="Leave the article text out (jsonl and csv).")
@click.option("--spans", is_flag=True, help="Add entity and number spans (computed if not cached).")
@click.option(
    "--label-studio-config",
    is_flag=True,
    help="Print the Label Studio labeling config for this taxonomy and exit.",
)
@pass_ctx
def export_cmd(
    app: AppContext,
    output,
    fmt,
    where,
    status,
    only_reviewer,
    since,
    reviewers,
    no_text,
    spans,
    label_studio_config,
) -> None:
    """Export articles, tags and reviews to FILE in a format other tools read.

    Records come in import order (then reviewer name with --reviewers all). The file is
    written under a temp name and renamed, so a failed export never leaves half a file.
    Formats are described in docs/export-formats.md.
    """
    from tagger.export import ExportOptions, export
    from tagger.exporters import ExportError

    if label_studio_config:
        from tagger.exporters.label_studio import labeling_config

        click.echo(labeling_config(app.settings.taxonomy), nl=False)
        return
    if not output:
        raise ExportError(
            "Give the file to write with -o FILE (or -o - for stdout).", title="Missing option"
        )
    to_stdout = output == "-"
    if fmt is None:
        fmt = "jsonl" if to_stdout else _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "jsonl")
    options = ExportOptions(
        format=fmt,
        where=where,
        statuses=_statuses(status),
        reviewer=only_reviewer,
        since=since,
        reviewers=reviewers,
        text=not no_text,
        spans=spans,
    )
    options.check()  # fail on bad options before opening the store
    store = app.open_store()
    taxonomy, backend = app.settings.taxonomy, app.settings.nlp_backend
    _warn_unknown_reviewers(store, {reviewers, only_reviewer} - {None, "final", "all"})
    total = store.article_count()
    progress = _progress(total, sys.stderr.isatty() and not to_stdout)
    tick, finish = _ticker(progress, total)
    dest = sys.stdout.buffer if to_stdout else Path(output)
    if progress is not None:
        with progress:
            result = export(store, taxonomy, options, dest, on_article=tick, backend=backend)
            finish()
    else:
        try:
            result = export(store, taxonomy, options, dest, backend=backend)
        except BrokenPipeError:
            # `tagger export -o - | head`: the reader left; stop quietly like other tools.
            sys.stdout = None  # type: ignore[assignment]  # nothing left to flush at exit
            return
    noun = "record" if result.count == 1 else "records"
    if result.path is not None:
        click.echo(f"Wrote {result.count:,} {noun} ({fmt}) to {result.path}")
    elif sys.stderr.isatty():
        click.echo(f"Wrote {result.count:,} {noun} ({fmt}) to stdout", err=True)


@click.command("merge")
@click.argument("other_store", metavar="OTHER_STORE")
@click.option("--dry-run", is_flag=True, help="Report what would be added; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_ctx
def merge_cmd(app: AppContext, other_store: str, dry_run: bool, as_json: bool) -> None:
    """Merge another store's articles and reviews into this one, never overwriting.

    Each reviewer's review of each article is kept. A review this store already holds with
    different values is reported as a conflict and left as it is here.
    """
    from tagger.merge import merge_store, open_other

    other = open_other(other_store)
    try:
        report = merge_store(app.open_store(), other, dry_run=dry_run)
    finally:
        other.close()
    if as_json:
        echo_json(report.to_dict())
        return
    d = report.to_dict()
    verb = "Would add" if dry_run else "Added"
    click.echo(
        f"{verb} {d['articles']['added']:,} articles "
        f"({d['articles']['already_present']:,} already present)."
    )
    r = d["reviews"]
    click.echo(
        f"{verb} {r['added']:,} reviews; {r['same']:,} already the same; "
        f"{r['conflicting']:,} conflicting (kept as they are here)."
    )
    for c in report.conflicts:
        click.echo(f"  conflict  {c.article_id}  {c.reviewer}: differs in {', '.join(c.fields)}")
    for aid, reviewer, why in report.rejected:
        click.echo(f"  rejected  {aid}  {reviewer}: {why}")


COMMANDS: list = [export_cmd, merge_cmd]
