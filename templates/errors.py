"""Errors of the templates package."""

from __future__ import annotations


class LayoutError(ValueError):
    """A layout file is wrong; ``str()`` names the file and the key so an administrator with a
    text editor can find the mistake without reading code."""

    def __init__(self, file: str, key: str, message: str) -> None:
        super().__init__(f"{file}: {key}: {message}")
        self.file, self.key, self.message = file, key, message
