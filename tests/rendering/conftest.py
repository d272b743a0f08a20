"""Poppler helpers: the PDF tests look at the output with real tools (pdfinfo, pdftotext,
pdffonts, pdftoppm). Without them the tests skip on a developer machine but fail under CI,
where a missing tool would otherwise hide a broken renderer."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} (poppler-utils) is not installed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(tool: str, *args: str | Path) -> str:
    result = subprocess.run(
        [poppler(tool), *map(str, args)], check=True, capture_output=True, text=True, timeout=60
    )
    return result.stdout
