"""An entry of the register as rich text for the detail view: its facts (the current view),
evidence, the nationality outcome with its reasons in words, the referral, the annotations and
the audit trail. Every value from the record is escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from workstation.domain.audit import AuditEntry
from workstation.domain.civil.codec import to_plain
from workstation.domain.civil.entries import CivilEntry
from workstation.ui.civil_register_texts import (
    annotation_kind_text,
    evidence_text,
    explanations,
    kind_text,
    missing_text,
    outcome_headline,
    referral_text,
    state_text,
    timeliness_text,
)


def _labels() -> dict[str, str]:
    """The record's fields in words (the current language)."""
    return {
        "child": QCoreApplication.translate("civil_register", "Child"),
        "sex": QCoreApplication.translate("civil_register", "Sex"),
        "birth_date": QCoreApplication.translate("civil_register", "Date of birth"),
        "birth_time": QCoreApplication.translate("civil_register", "Time of birth"),
        "place_of_birth": QCoreApplication.translate("civil_register", "Place of birth"),
        "mother": QCoreApplication.translate("civil_register", "Mother"),
        "father": QCoreApplication.translate("civil_register", "Father"),
        "parents_marital_status": QCoreApplication.translate("civil_register", "Parents married"),
        "informant": QCoreApplication.translate("civil_register", "Declared by"),
        "paternity_recognition": QCoreApplication.translate(
            "civil_register", "Paternity recognised"
        ),
        "foundling": QCoreApplication.translate("civil_register", "Foundling"),
        "spouses": QCoreApplication.translate("civil_register", "Spouses"),
        "marriage_date": QCoreApplication.translate("civil_register", "Date of marriage"),
        "place": QCoreApplication.translate("civil_register", "Place"),
        "celebrant": QCoreApplication.translate("civil_register", "Celebrant"),
        "authority": QCoreApplication.translate("civil_register", "Authority"),
        "witnesses": QCoreApplication.translate("civil_register", "Witnesses"),
        "property_regime": QCoreApplication.translate("civil_register", "Property regime"),
        "dissolved_on": QCoreApplication.translate("civil_register", "Dissolved on"),
        "deceased": QCoreApplication.translate("civil_register", "Deceased"),
        "death_date": QCoreApplication.translate("civil_register", "Date of death"),
        "death_time": QCoreApplication.translate("civil_register", "Time of death"),
        "cause_reference": QCoreApplication.translate("civil_register", "Cause (reference)"),
        "registered_on": QCoreApplication.translate("civil_register", "Registered on"),
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
        return (
            QCoreApplication.translate("civil_register", "yes")
            if value
            else QCoreApplication.translate("civil_register", "no")
        )
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
    labels = _labels()
    rows = [
        _row(labels.get(key, key.replace("_", " ").capitalize()), _e(_plain(value)))
        for key, value in plain.items()
        if key not in _SKIP and value not in (None, "", [], False)
    ]
    return f"<table>{''.join(rows)}</table>"


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>" if items else ""


def _h3(text: str) -> str:
    return f"<h3>{_e(text)}</h3>"


def _nationality_html(entry: CivilEntry) -> str:
    if entry.outcome is None:
        return ""
    parts = [
        _h3(QCoreApplication.translate("civil_register", "Nationality")),
        f"<p><b>{_e(outcome_headline(entry.outcome))}</b></p>",
    ]
    if entry.annotations and entry.outcome != entry.outcome_at_registration:
        before = outcome_headline(entry.outcome_at_registration)
        parts.append(
            "<p><i>{}</i></p>".format(
                _e(
                    QCoreApplication.translate(
                        "civil_register",
                        "Assessed again after annotation {sequence}; when registered: {before}",
                    ).format(sequence=len(entry.annotations), before=before or "—")
                )
            )
        )
    parts.append(_list(explanations(entry.outcome)))
    missing = [missing_text(code) for code in entry.outcome.get("missing", [])]
    if missing:
        heading = QCoreApplication.translate("civil_register", "Missing for a decision:")
        parts.append(f"<p>{_e(heading)}</p>{_list(missing)}")
    referral = referral_text(entry)
    if referral:
        heading = QCoreApplication.translate("civil_register", "Referral:")
        parts.append(f"<p style='color:#b00020'><b>{_e(heading)}</b> {_e(referral)}</p>")
    return "".join(parts)


def _evidence_html(entry: CivilEntry) -> str:
    def words(codes: Sequence[str]) -> str:
        return ", ".join(" / ".join(evidence_text(c) for c in code.split("|")) for code in codes)

    rows = [
        _row(
            QCoreApplication.translate("civil_register", "Required"),
            _e(words(entry.evidence_required) or "—"),
        ),
        _row(
            QCoreApplication.translate("civil_register", "Presented"),
            _e(words(entry.evidence_presented) or "—"),
        ),
    ]
    if entry.evidence_missing:
        missing = f"<span style='color:#b00020'>{_e(words(entry.evidence_missing))}</span>"
        rows.append(_row(QCoreApplication.translate("civil_register", "Missing"), missing))
    heading = QCoreApplication.translate("civil_register", "Evidence")
    return f"{_h3(heading)}<table>{''.join(rows)}</table>"


def _annotations_html(entry: CivilEntry) -> str:
    """Each annotation: its kind, decision (date, authority, reference), reason, and what it
    changed, in words."""
    if not entry.annotations:
        return ""
    labels = _labels()
    items = []
    for stored in entry.annotations:
        a = stored.annotation
        reference = f", {_e(a.reference)}" if a.reference else ""
        changes = "".join(
            _row(labels.get(c.path, c.path.replace("_", " ")), _e(_plain(to_plain(c.value))))
            for c in a.changes
        )
        items.append(
            f"<p><b>{a.sequence}. {_e(annotation_kind_text(a.kind))}</b> — "
            f"{_e(a.decided_on.isoformat())}, {_e(a.authority)}{reference}<br/>"
            f"{_e(a.reason)}</p><table style='margin-left:16px'>{changes}</table>"
        )
    heading = QCoreApplication.translate("civil_register", "Annotations")
    return f"{_h3(heading)}{''.join(items)}"


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
    heading = QCoreApplication.translate("civil_register", "History")
    return f"{_h3(heading)}<table>{''.join(rows)}</table>"


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
                QCoreApplication.translate(
                    "civil_register", "Possible duplicate of: {numbers}"
                ).format(numbers=", ".join(entry.possible_duplicates))
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
