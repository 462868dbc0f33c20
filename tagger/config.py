"""Settings and the tag taxonomy, read from TOML into frozen dataclasses.

The defaults ship in `tagger/data/default_config.toml`; a user file overrides settings
key by key and, when it has a `[taxonomy]` table, replaces the taxonomy whole.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tagger import paths
from tagger.errors import ConfigError, ValidationError

BACKENDS = ("auto", "offline", "nltk")
_KEY_RE = re.compile(r"^[a-z0-9]$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def fold(text: str) -> str:
    """Compare label names loosely: case, spaces, hyphens and underscores don't matter."""
    return re.sub(r"[\s_-]+", "-", text.strip().casefold())


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    title: str
    key: str


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    title: str
    multi: bool
    labels: tuple[Label, ...]
    picker_key: str = ""

    def by_key(self, key: str) -> Label | None:
        for label in self.labels:
            if label.key == key:
                return label
        return None

    def resolve(self, text: str) -> Label:
        """Find a label by name, title or key letter, loosely; raise if none matches."""
        wanted = fold(text)
        for label in self.labels:
            if wanted in (fold(label.name), fold(label.title)):
                return label
        if len(text) == 1:
            found = self.by_key(text.lower())
            if found:
                return found
        names = ", ".join(label.name for label in self.labels)
        raise ValidationError(f"'{text}' is not a {self.name} label. Choose one of: {names}.")

    def title_of(self, name: str) -> str:
        for label in self.labels:
            if label.name == name:
                return label.title
        return name


@dataclass(frozen=True, slots=True)
class Taxonomy:
    groups: tuple[Group, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.groups)

    def group(self, name: str) -> Group:
        wanted = fold(name)
        for g in self.groups:
            if fold(g.name) == wanted or fold(g.title) == wanted:
                return g
        raise ValidationError(
            f"There is no tag group '{name}'. Groups: {', '.join(self.names)}."
        )

    def validate(self, group: str, labels: Iterable[str]) -> tuple[str, ...]:
        """Canonical label names for `labels` in `group`, checked against the taxonomy."""
        g = self.group(group)
        out: list[str] = []
        for text in labels:
            name = g.resolve(text).name
            if name not in out:
                out.append(name)
        if not g.multi and len(out) > 1:
            raise ValidationError(
                f"{g.title} takes one label, not {len(out)}: {', '.join(out)}."
            )
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": [
                {
                    "name": g.name,
                    "title": g.title,
                    "multi": g.multi,
                    "picker_key": g.picker_key,
                    "labels": [
                        {"name": lb.name, "title": lb.title, "key": lb.key} for lb in g.labels
                    ],
                }
                for g in self.groups
            ]
        }


@dataclass(frozen=True, slots=True)
class Settings:
    taxonomy: Taxonomy
    nlp_backend: str = "auto"
    reviewer: str = ""
    keys: Mapping[str, str] = field(default_factory=dict)
    source: Path | None = None  # the user file read, if any


def _default_text() -> str:
    return resources.files("tagger.data").joinpath("default_config.toml").read_text("utf-8")


def parse_taxonomy(table: Mapping[str, Any], where: str) -> Taxonomy:
    if not isinstance(table, Mapping) or not table:
        raise ConfigError(f"{where}: [taxonomy] has no groups; define at least one.")
    groups: list[Group] = []
    picker_keys: dict[str, str] = {}
    for gname, gdef in table.items():
        here = f"{where}: [taxonomy.{gname}]"
        if not isinstance(gdef, Mapping):
            raise ConfigError(f"{here} must be a table.")
        if not _NAME_RE.match(gname):
            raise ConfigError(f"{here}: group names use lowercase letters, digits, - and _.")
        raw_labels = gdef.get("labels")
        if not raw_labels:
            raise ConfigError(f"{here} is empty: give it a `labels` list.")
        labels: list[Label] = []
        seen_keys: dict[str, str] = {}
        seen_names: set[str] = set()
        for item in raw_labels:
            if not isinstance(item, Mapping) or "name" not in item or "key" not in item:
                raise ConfigError(f"{here}: each label needs a `name` and a `key`, got {item!r}.")
            name, key = str(item["name"]).strip(), str(item["key"]).strip().lower()
            title = str(item.get("title") or name)
            if not name:
                raise ConfigError(f"{here}: a label has an empty name.")
            if not _KEY_RE.match(key):
                raise ConfigError(
                    f"{here}: label '{name}' has key {key!r}; a key is one letter or digit."
                )
            if key in seen_keys:
                raise ConfigError(
                    f"{here}: key '{key}' is used by both '{seen_keys[key]}' and '{name}'."
                )
            if fold(name) in seen_names:
                raise ConfigError(f"{here}: label '{name}' is defined twice.")
            seen_keys[key] = name
            seen_names.add(fold(name))
            labels.append(Label(name=name, title=title, key=key))
        pk = str(gdef.get("picker_key", "")).strip().lower()
        if pk:
            if pk in picker_keys:
                raise ConfigError(
                    f"{here}: picker key '{pk}' is also used by group '{picker_keys[pk]}'."
                )
            picker_keys[pk] = gname
        groups.append(
            Group(
                name=gname,
                title=str(gdef.get("title") or gname.title()),
                multi=bool(gdef.get("multi", False)),
                labels=tuple(labels),
                picker_key=pk,
            )
        )
    return Taxonomy(tuple(groups))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"Cannot read the config file {path}: {exc.strerror}.") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"The config file {path} is not UTF-8 text.") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The config file {path} is not valid TOML: {exc}.") from exc


def load_settings(path: str | os.PathLike | None = None) -> Settings:
    """Defaults, overridden by the user's file (`--config`, TAGGER_CONFIG, or the default path).

    An explicitly named file must exist; the default path may be absent.
    """
    defaults = tomllib.loads(_default_text())
    explicit = bool(path) or bool(os.environ.get(paths.ENV_CONFIG))
    cfg_path = paths.config_file(path)
    user: dict[str, Any] = {}
    if cfg_path.exists():
        user = _read_toml(cfg_path)
    elif explicit:
        raise ConfigError(f"The config file {cfg_path} does not exist.")
    where = str(cfg_path) if user else "built-in defaults"

    tax_table = user["taxonomy"] if "taxonomy" in user else defaults["taxonomy"]
    taxonomy = parse_taxonomy(tax_table, where)

    nlp = {**defaults.get("nlp", {}), **user.get("nlp", {})}
    backend = str(nlp.get("backend", "auto"))
    if backend not in BACKENDS:
        raise ConfigError(
            f"{where}: [nlp] backend = {backend!r}; use one of {', '.join(BACKENDS)}."
        )
    review = {**defaults.get("review", {}), **user.get("review", {})}
    keys = {**defaults.get("keys", {}), **user.get("keys", {})}
    for k, v in keys.items():
        if not isinstance(v, str) or not v.strip():
            raise ConfigError(f"{where}: [keys] {k} must be a non-empty string of keys.")
    return Settings(
        taxonomy=taxonomy,
        nlp_backend=backend,
        reviewer=str(review.get("reviewer") or ""),
        keys=keys,
        source=cfg_path if user else None,
    )


def default_config_text() -> str:
    return _default_text()


def resolve_reviewer(explicit: str | None, settings: Settings | None = None) -> str:
    """`--reviewer`, then TAGGER_REVIEWER, then the config, then the login name."""
    if explicit:
        return explicit.strip()
    env = os.environ.get(paths.ENV_REVIEWER, "").strip()
    if env:
        return env
    if settings and settings.reviewer:
        return settings.reviewer
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "reviewer"
