"""Every command has --help text, and the README documents every top-level command."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tagger.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def _walk(group: click.Group, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path, cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, path)


ALL = list(_walk(main))


def test_there_are_commands():
    names = {p[0] for p, _ in ALL}
    assert {"paths", "config"} <= names


@pytest.mark.parametrize("path", [p for p, _ in ALL], ids=[" ".join(p) for p, _ in ALL])
def test_every_command_has_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    cmd = dict(ALL)[path]
    assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"


@pytest.mark.parametrize("name", sorted({p[0] for p, _ in ALL}))
def test_readme_documents_each_command(name):
    assert f"tagger {name}" in README.read_text("utf-8"), f"README does not mention `tagger {name}`"


def test_version_and_top_level_help():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Review and tag news articles" in result.output
