"""Commands of this module are registered by `tagger.cli`."""

from __future__ import annotations

COMMANDS: list = []
