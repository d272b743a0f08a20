"""Where a workstation keeps its data: ``--data-dir``, ``CONSULAR_DATA_DIR``, or the user's data
folder (platformdirs: ~/.local/share/consular-workstation on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "consular-workstation"
DATA_DIR_ENV = "CONSULAR_DATA_DIR"
SITE_FILE = "site.toml"
DATABASE_FILE = "workstation.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def site_file(folder: Path) -> Path:
    return folder / SITE_FILE


def default_database_url(folder: Path) -> str:
    return f"sqlite:///{folder / DATABASE_FILE}"
