"""The fields each document kind may place on its layout.

Why a fixed list: a layout naming a field the services never fill (a typo such as
``surnme``) would print an empty box on a real document; the loader refuses it instead.
"""

from __future__ import annotations

import re

from templates.errors import LayoutError

_COMMON = frozenset(
    {
        "surname",
        "given_names",
        "date_of_birth",
        "place_of_birth",
        "sex",
        "nationality",
        "document_number",
        "date_of_issue",
        "date_of_expiry",
        "issuing_post",
        "issuing_authority",
        "remarks",
    }
)
FIELDS: dict[str, frozenset[str]] = {
    "consular_id_card": _COMMON | {"address", "personal_number", "height", "registration_number"},
    "emergency_travel_document": _COMMON
    | {"destination", "transit_points", "replaced_passport", "journey", "valid_for"},
}
_KIND = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


def check_kind(kind: str) -> None:
    """A kind is also a file name: refuse anything that could leave the layout folder."""
    if not _KIND.match(kind) or kind not in FIELDS:
        raise LayoutError(f"{kind}.toml", "kind", f"unknown document kind '{kind}'")
