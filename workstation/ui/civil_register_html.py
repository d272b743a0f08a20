"""An entry of the register as rich text for the detail view: its facts (the current view),
evidence, the nationality outcome with its reasons in words, the referral, the annotations and
the audit trail. Every value from the record is escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from workstation.domain.audit import AuditEntry
from workstation.domain.civil.codec import to_plain
from workstation.domain.civil.entries import CivilEntry
from workstation.ui.civil_register_texts import (
    evidence_text,
    explanations,
    kind_text,
    missing_text,
    outcome_headline,
    referral_text,
    state_text,
    timeliness_text,
    tr,
)

_LABELS = {
    "child": "Child",
    "sex": "Sex",
    "birth_date": "Date of birth",
    "birth_time": "Time of birth",
    "place_of_birth": "Place of birth",
    "mother": "Mother",
    "father": "Father",
    "parents_marital_status": "Parents married",
    "informant": "Declared by",
    "paternity_recognition": "Paternity recognised",
    "foundling": "Foundling",
    "spouses": "Spouses",
    "marriage_date": "Date of marriage",
    "place": "Place",
    "celebrant": "Celebrant",
    "authority": "Authority",
    "witnesses": "Witnesses",
    "property_regime": "Property regime",
    "dissolved_on": "Dissolved on",
    "deceased": "Deceased",
    "death_date": "Date of death",
    "death_time": "Time of death",
    "cause_reference": "Cause (reference)",
    "registered_on": "Registered on",
}
_SKIP = frozenset({"register_number", "person_id", "surname_latin", "given_names_latin"})


def _e(value: object) -> str:
    return html.escape(str(value))


def _person(value: Mapping[str, Any]) -> str:
    return " ".join(str(value.get(k) or "") for k in ("surname", "given_names")).strip()


def _claim(value: Mapping[str, Any]) -> str:
    evidence = str(value.get("evidence", "")).replace("_", " ")
    reference = f" {value['reference']}" if value.get("reference") else ""
    return f"{value.get('code', '')} ({evidence}{reference})"


def _plain(value: Any) -> str:
    """A value of the record's JSON in words: a person by their names, a place as place,
    country, a nationality with its evidence; other groups as "key: value" parts."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        return "; ".join(_plain(item) for item in value)
    if not isinstance(value, Mapping):
        return str(value).replace("_", " ") if isinstance(value, str) else str(value)
    if "surname" in value and "given_names" in value:
        return _person(value)
    if "code" in value and "evidence" in value:
        return _claim(value)
    if "country" in value and set(value) <= {"country", "place"}:
        return ", ".join(p for p in (value.get("place"), value.get("country")) if p)
    parts = []
    for key, item in value.items():
        if key in _SKIP or item in (None, "", []):
            continue
        text = _plain(item)
        label = key.replace("_", " ")
        parts.append(text if key == "person" else f"{label}: {text}")
    return ", ".join(parts) or "—"


def _row(label: str, value: str) -> str:
    return f"<tr><td style='padding-right:12px'><b>{_e(label)}</b></td><td>{value}</td></tr>"


def facts_html(entry: CivilEntry) -> str:
    plain = to_plain(entry.current)
    rows = [
        _row(tr(_LABELS.get(key, key.replace("_", " ").capitalize())), _e(_plain(value)))
        for key, value in plain.items()
        if key not in _SKIP and value not in (None, "", [], False)
    ]
    return f"<table>{''.join(rows)}</table>"


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>" if items else ""


def _nationality_html(entry: CivilEntry) -> str:
    if entry.outcome is None:
        return ""
    parts = [
        f"<h3>{_e(tr('Nationality'))}</h3>",
        f"<p><b>{_e(outcome_headline(entry.outcome))}</b></p>",
    ]
    parts.append(_list(explanations(entry.outcome)))
    missing = [missing_text(code) for code in entry.outcome.get("missing", [])]
    if missing:
        parts.append(f"<p>{_e(tr('Missing for a decision:'))}</p>{_list(missing)}")
    referral = referral_text(entry)
    if referral:
        parts.append(f"<p style='color:#b00020'><b>{_e(tr('Referral:'))}</b> {_e(referral)}</p>")
    return "".join(parts)


def _evidence_html(entry: CivilEntry) -> str:
    def words(codes: Sequence[str]) -> str:
        return ", ".join(" / ".join(evidence_text(c) for c in code.split("|")) for code in codes)

    rows = [
        _row(tr("Required"), _e(words(entry.evidence_required) or "—")),
        _row(tr("Presented"), _e(words(entry.evidence_presented) or "—")),
    ]
    if entry.evidence_missing:
        missing = f"<span style='color:#b00020'>{_e(words(entry.evidence_missing))}</span>"
        rows.append(_row(tr("Missing"), missing))
    return f"<h3>{_e(tr('Evidence'))}</h3><table>{''.join(rows)}</table>"


def _annotations_html(entry: CivilEntry) -> str:
    if not entry.annotations:
        return ""
    items = []
    for stored in entry.annotations:
        a = stored.annotation
        changed = ", ".join(c.path for c in a.changes)
        items.append(
            f"{a.sequence}. {a.kind.value.replace('_', ' ')} — {a.decided_on.isoformat()}, "
            f"{a.authority}: {a.reason} [{changed}]"
        )
    return f"<h3>{_e(tr('Annotations'))}</h3>{_list(items)}"


def _audit_html(trail: Sequence[AuditEntry]) -> str:
    if not trail:
        return ""
    rows = []
    for item in trail:
        reason = item.details.get("reason") if isinstance(item.details, Mapping) else None
        extra = f" — {_e(reason)}" if reason else ""
        rows.append(
            f"<tr><td style='padding-right:12px'>{_e(item.at[:16].replace('T', ' '))}</td>"
            f"<td style='padding-right:12px'>{_e(item.actor)}</td>"
            f"<td>{_e(item.action)}{extra}</td></tr>"
        )
    return f"<h3>{_e(tr('History'))}</h3><table>{''.join(rows)}</table>"


def entry_html(entry: CivilEntry, trail: Sequence[AuditEntry] = ()) -> str:
    """The whole entry for the detail view."""
    state = state_text(entry.state)
    if entry.decision_reason:
        state += f" ({entry.decision_reason})"
    head = (
        f"<h2>{_e(entry.register_number)}</h2>"
        f"<p>{_e(kind_text(entry.kind))} · {_e(timeliness_text(entry.timeliness))} · "
        f"<b>{_e(state)}</b></p>"
    )
    if entry.possible_duplicates:
        head += "<p>{}</p>".format(
            _e(
                tr("Possible duplicate of: {numbers}").format(
                    numbers=", ".join(entry.possible_duplicates)
                )
            )
        )
    return (
        head
        + facts_html(entry)
        + _evidence_html(entry)
        + _nationality_html(entry)
        + _annotations_html(entry)
        + _audit_html(trail)
    )
