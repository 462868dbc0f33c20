"""Where tagger keeps its configuration, data and exports, with environment overrides.

One function per location, so `tagger paths` and the code agree. Environment variables
win over the platform defaults, which come from platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "tagger"

ENV_DB = "TAGGER_DB"
ENV_CONFIG = "TAGGER_CONFIG"
ENV_DATA = "TAGGER_DATA_DIR"
ENV_REVIEWER = "TAGGER_REVIEWER"


def _dirs():
    # Imported lazily: `import tagger.paths` stays cheap for every command.
    import platformdirs

    return platformdirs.PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Folder for the store, NLTK models and other app data."""
    env = os.environ.get(ENV_DATA)
    return Path(env).expanduser() if env else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    return Path(_dirs().user_config_dir)


def config_file(override: str | os.PathLike | None = None) -> Path:
    """The user's settings and taxonomy file (it may not exist; defaults apply then)."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    return config_dir() / "config.toml"


def db_path(override: str | os.PathLike | None = None) -> Path:
    """The store's folder: `--db`, then `TAGGER_DB`, then the data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / "store"


def nltk_data_dir() -> Path:
    """Where `tagger nlp setup` puts NLTK's official models."""
    return data_dir() / "nltk_data"


def exports_dir() -> Path:
    return data_dir() / "exports"


def log_dir() -> Path:
    return Path(_dirs().user_log_dir)


def sample_articles_dir() -> Path | None:
    """The bundled sample articles, when running from a checkout."""
    candidate = Path(__file__).resolve().parent.parent / "sample_articles"
    return candidate if candidate.is_dir() else None


def all_paths(config_override=None, db_override=None) -> dict[str, Path | None]:
    return {
        "config file": config_file(config_override),
        "store": db_path(db_override),
        "data dir": data_dir(),
        "nltk models": nltk_data_dir(),
        "exports": exports_dir(),
        "logs": log_dir(),
        "sample articles": sample_articles_dir(),
    }
