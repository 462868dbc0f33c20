"""One titled error type, so the CLI and the app can show every failure the same way."""

from __future__ import annotations


class TaggerError(Exception):
    """An error the user can act on: a short title and a message saying what to do."""

    title = "Error"

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return self.message


class ConfigError(TaggerError):
    title = "Invalid configuration"


class InputError(TaggerError):
    """A file given to import (or annotate) could not be read as articles."""

    title = "Unreadable input"


class StoreError(TaggerError):
    title = "Store error"


class StoreDamagedError(StoreError):
    """The store's files cannot be parsed; they are left untouched."""

    title = "Damaged store"


class StoreLockedError(StoreError):
    """Another process held the store's lock for longer than the timeout."""

    title = "Store busy"


class ValidationError(TaggerError):
    """A tag, status or reviewer value that the taxonomy does not allow."""

    title = "Invalid value"


class NotFoundError(TaggerError):
    title = "Not found"


class QueryError(TaggerError):
    title = "Invalid filter"
