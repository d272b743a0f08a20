"""A demo post made the way a new user makes one (``consular init --demo``) and its services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workstation.cli import main
from workstation.wiring import Services, build_services


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--data-dir", str(tmp_path), "init", "--demo"]) == 0
    capsys.readouterr()
    return tmp_path


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    built = build_services(data_dir)
    yield built
    built.close()
