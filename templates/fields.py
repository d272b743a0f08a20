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
# Civil-registration certificates (A4): facts of the register entry, who registered and issued.
_CIVIL = frozenset(
    {
        "register_number",
        "registered_on",
        "registrar",
        "date_of_issue",
        "issuing_post",
        "place_of_registration",
    }
)


def _parent(prefix: str) -> set[str]:
    return {
        f"{prefix}_{name}"
        for name in ("surname", "given_names", "date_of_birth", "place_of_birth", "nationality")
    }


_BIRTH = _CIVIL | {
    "surname",
    "given_names",
    "sex",
    "date_of_birth",
    "time_of_birth",
    "place_of_birth",
    "parents_marital_status",
    "paternity_recognition",
    "informant",
    "foundling",
    *_parent("mother"),
    *_parent("father"),
}
_SPOUSE = {"surname_after", "previous_status"}
FIELDS |= {
    "birth_certificate": _BIRTH,
    "birth_extract": _BIRTH,
    "marriage_certificate": _CIVIL
    | {
        "date_of_marriage",
        "place_of_marriage",
        "celebrant",
        "authority",
        "witnesses",
        "property_regime",
        "dissolved_on",
        *_parent("spouse1"),
        *_parent("spouse2"),
        *(f"spouse{n}_{name}" for n in (1, 2) for name in _SPOUSE),
    },
    "death_certificate": _CIVIL
    | {
        "surname",
        "given_names",
        "sex",
        "date_of_birth",
        "date_of_death",
        "time_of_death",
        "place_of_death",
        "cause_reference",
        "informant",
    },
}
LISTS: dict[str, frozenset[str]] = {
    kind: frozenset({"annotations"})
    for kind in ("birth_certificate", "birth_extract", "marriage_certificate", "death_certificate")
}
"""The repeating values (``DocumentView.lists``) each kind may place with a ``list`` element."""
_KIND = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


def check_kind(kind: str) -> None:
    """A kind is also a file name: refuse anything that could leave the layout folder."""
    if not _KIND.match(kind) or kind not in FIELDS:
        raise LayoutError(f"{kind}.toml", "kind", f"unknown document kind '{kind}'")
