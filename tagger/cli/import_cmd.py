"""`tagger import`: read article files and folders into the store, reporting every bad file.

Thin glue over `tagger.ingest.import_paths`, which the app's first-run import calls too; this
module only turns options into arguments and the report into lines, JSON and an exit status.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from tagger.cli.common import AppContext, echo_json, pass_ctx
from tagger.readers import DEFAULT_MAX_SIZE

# Above this many files a terminal shows a progress bar; below it the import is quick.
PROGRESS_MIN_FILES = 200

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class SizeType(click.ParamType):
    """A size in bytes, written as 500000, 500KB, 20MB or 1.5GB (powers of 1024)."""

    name = "size"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.match(str(value))
        size = int(float(match.group(1)) * _UNITS[match.group(2).lower()]) if match else 0
        if size <= 0:
            self.fail(f"{value!r} is not a size; write it like 500KB, 20MB or 1GB.", param, ctx)
        return size


def _bar(total: int, no_color: bool):
    """A progress callback drawing a bar on stderr, or None when not worth one."""
    if total <= PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, no_color=no_color or None),
        transient=True,
    )
    return progress


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Read and check the files, and save nothing.")
@click.option(
    "--max-size",
    type=SizeType(),
    default=DEFAULT_MAX_SIZE,
    show_default="20MB",
    metavar="SIZE",
    help="Refuse files larger than this (e.g. 500KB, 20MB, 1GB).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON, for scripts.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also list each duplicate and the file it came from."
)
@pass_ctx
def import_cmd(
    app: AppContext,
    paths: tuple[Path, ...],
    dry_run: bool,
    max_size: int,
    as_json: bool,
    verbose: bool,
) -> None:
    """Import articles from files and folders (searched recursively).

    \b
    Formats, by extension:
      .txt   first non-empty line is the title; optional "Key: value" headers
             (Source, Date, URL, Author, Title) before the title or right after it,
             ended by a blank line
      .md    YAML front matter (title, source, date, url, author), else the first
             "# heading" is the title
      .json  one article object, a list of them, or {"articles": [...]}
      .jsonl one article object per line; tagger's own jsonl export is read back
             with its reviews
      .html  the main text is extracted; title, date and site from the page
    Text is cleaned (mojibake, Unicode, whitespace, repeated caption lines) and trailing
    boilerplate is marked; each article's raw text is kept. An article already in the
    store is a duplicate and is not added again, so importing twice is harmless.

    Each file or record that cannot be read is reported on stderr as "path: reason"
    and skipped; the rest still imports. Hidden files and folders, and files of other
    types, are skipped in folder scans. The exit status is 1 when anything failed.
    """
    from tagger.ingest import import_paths
    from tagger.ui.sanitize import clean_line

    store = None
    if not dry_run or app.db_path.exists():
        store = app.open_store()
    bar = None
    task = None

    def progress(done: int, total: int) -> None:
        nonlocal bar, task
        if done == 0:
            bar = _bar(total, app.no_color)
            if bar is not None:
                bar.start()
                task = bar.add_task("Importing", total=total)
        elif bar is not None and task is not None:
            bar.update(task, completed=done)

    try:
        report = import_paths(store, paths, progress=progress, max_size=max_size, dry_run=dry_run)
    finally:
        if bar is not None:
            bar.stop()
    for path, reason in report.failed:
        click.echo(f"{clean_line(path)}: {clean_line(reason)}", err=True)
    if verbose and not as_json:
        for location, aid in report.duplicates:
            click.echo(f"duplicate {aid}: {clean_line(location)}")
    if as_json:
        echo_json(report.to_dict())
    else:
        click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)


COMMANDS: list = [import_cmd]
