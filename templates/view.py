"""What the renderer needs from a document, already formatted for display.

Why a separate view: the renderer must not know how dates are formatted for a post, how the
MRZ is built or how the seal is signed (that is the domain's and the services' work). It gets
strings, MRZ lines and bytes, which also makes a specimen trivial to produce in tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

_MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Display values keyed by field name, the MRZ lines, the seal and the portrait.

    ``seal`` is the signed visible digital seal (DataMatrix content) and ``portrait_jpeg`` the
    cropped photo; either may be None (no seal printed; an empty, labelled photo frame).
    ``lists`` holds the repeating values a ``list`` element prints one after the other (the
    annotations of a certificate), keyed by list name.
    """

    document_number: str
    fields: Mapping[str, str] = field(default_factory=dict)
    mrz: tuple[str, ...] = ()
    seal: bytes | None = None
    portrait_jpeg: bytes | None = None
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Freeze the mapping so a view shared between threads cannot change under the renderer.
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        object.__setattr__(self, "mrz", tuple(self.mrz))
        lists = {name: tuple(items) for name, items in self.lists.items()}
        object.__setattr__(self, "lists", MappingProxyType(lists))
        for line in self.mrz:
            if not set(line) <= _MRZ_CHARS:
                raise ValueError(f"MRZ line {line!r} holds characters outside 0-9, A-Z and <")

    def value(self, name: str) -> str:
        """The display value of ``name``; ``document_number`` falls back to the view's own."""
        if name == "document_number":
            return self.fields.get(name, self.document_number)
        return self.fields.get(name, "")

    def items(self, name: str) -> tuple[str, ...]:
        """The values of the list ``name`` (empty when the document has none)."""
        return self.lists.get(name, ())
