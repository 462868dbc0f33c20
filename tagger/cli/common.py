"""What every command shares: global options, the error wrapper, and how stores are opened."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import click

from tagger import paths
from tagger.errors import TaggerError

if TYPE_CHECKING:
    from tagger.config import Settings
    from tagger.store import Store


@dataclass
class AppContext:
    """Global options, and the settings and store they lead to, opened on first use."""

    db: str | None = None
    config: str | None = None
    reviewer_option: str | None = None
    no_color: bool = False
    _stores: list[Any] = field(default_factory=list)

    @cached_property
    def settings(self) -> Settings:
        from tagger.config import load_settings

        return load_settings(self.config)

    @property
    def reviewer(self) -> str:
        from tagger.config import resolve_reviewer

        return resolve_reviewer(self.reviewer_option, self.settings)

    @property
    def db_path(self):
        return paths.db_path(self.db)

    def open_store(self) -> Store:
        from tagger.store import Store

        store = Store.open(self.db_path, taxonomy=self.settings.taxonomy)
        self._stores.append(store)
        return store

    def close(self) -> None:
        for store in self._stores:
            store.close()
        self._stores.clear()


pass_ctx = click.make_pass_decorator(AppContext, ensure=True)


class TaggerGroup(click.Group):
    """A click group that shows a TaggerError as 'Title: message' and exits 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TaggerError as exc:
            click.secho(f"{exc.title}: {exc.message}", fg="red", err=True)
            sys.exit(1)


def echo_json(obj: Any) -> None:
    """Print one JSON document to stdout, UTF-8, keys in a stable order."""
    import orjson

    sys.stdout.write(orjson.dumps(obj, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n")
