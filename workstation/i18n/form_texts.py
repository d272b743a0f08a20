"""The texts of the form definitions (``forms/*.toml``) as the officer sees them, translated.

The forms stay data, in English: each form's labels, help texts, title and choice labels are
extracted into the Qt catalogue (``python -m workstation.i18n.catalogues update``), one
translation context per form (:func:`form_context`), and looked up when they are shown (see
``workstation.ui.form_fields``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

CONTEXT_PREFIX = "form:"


def form_context(service: str) -> str:
    """The Qt translation context of the form ``service`` (``form:person``)."""
    return f"{CONTEXT_PREFIX}{service}"


def choice_label(choice: str) -> str:
    """The English text shown for a choice's value: ``not_married`` -> ``Not married``,
    ``national_id`` -> ``National ID``; codes
    such as ``F`` stay as they are."""
    if len(choice) <= 1:
        return choice
    words = ["ID" if word == "id" else word for word in choice.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def raw_form_texts(data: Mapping[str, Any]) -> Iterator[str]:
    """The texts of a form file's data as read from TOML (title, then each field's label, help
    and choice labels), as the loader keeps them; what is not text is left out."""
    title = data.get("title")
    if isinstance(title, str) and title.strip():
        yield title
    fields = data.get("fields")
    for field in fields if isinstance(fields, list) else []:
        if not isinstance(field, Mapping):
            continue
        label, help_text, choices = field.get("label"), field.get("help"), field.get("choices")
        if isinstance(label, str) and label.strip():
            yield label.strip()
        if isinstance(help_text, str) and help_text:
            yield help_text
        for choice in choices if isinstance(choices, list) else []:
            if isinstance(choice, str) and choice:
                yield choice_label(choice)
