"""The civil register's codes in words for the GUI: kinds, states, timeliness, evidence, the
nationality outcome (with the explanations module's reasons) and duplicates.

Translated through Qt (``QCoreApplication.translate`` in the ``civil_register`` context) for the
page's own words; the domain's explanations go through their gettext catalogue
(:func:`workstation.domain.civil.explanations.explain`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from workstation.domain.civil.entries import (
    CivilEntry,
    EntryState,
    outcome_reasons,
    referral_reason,
)
from workstation.domain.civil.explanations import DUPLICATE_TEXTS, MISSING_TEXTS, explain
from workstation.domain.civil.records import (
    BirthRecord,
    CivilRecord,
    DeathRecord,
    EventKind,
    PersonRef,
)
from workstation.domain.civil.routes import Missing
from workstation.domain.civil.timeliness import Timeliness


def tr(text: str) -> str:
    return QCoreApplication.translate("civil_register", text)


def kind_text(kind: EventKind) -> str:
    return {
        EventKind.BIRTH: tr("Birth"),
        EventKind.MARRIAGE: tr("Marriage"),
        EventKind.DEATH: tr("Death"),
    }[kind]


def state_text(state: EntryState) -> str:
    return {
        EntryState.PENDING_APPROVAL: tr("Pending approval"),
        EntryState.REGISTERED: tr("Registered"),
        EntryState.REJECTED: tr("Rejected"),
    }[state]


def timeliness_text(timeliness: Timeliness) -> str:
    return {
        Timeliness.CURRENT: tr("On time"),
        Timeliness.LATE: tr("Late"),
        Timeliness.DELAYED: tr("Delayed"),
    }[timeliness]


_EVIDENCE = {
    "local_birth_certificate": "Local birth certificate",
    "local_marriage_certificate": "Local marriage certificate",
    "local_death_certificate": "Local death certificate",
    "parent_identity": "Parents' identity documents",
    "spouse_identity": "Spouses' identity documents",
    "deceased_identity": "Identity document of the deceased",
    "parent_nationality_proof": "Proof of the parents' nationality",
    "reason_for_delay": "Written reason for the delay",
    "hospital_record": "Hospital record",
    "midwife_declaration": "Midwife's declaration",
    "baptism_record": "Baptism record",
    "child_identity": "Child's identity document",
    "school_record": "School record",
    "medical_record": "Medical record",
    "witness_declaration": "Witness declaration",
    "burial_or_cremation_record": "Burial or cremation record",
}


def evidence_text(code: str, translate: Callable[[str], str] = tr) -> str:
    """An evidence code in words (an unknown code readably, from its name)."""
    known = _EVIDENCE.get(code)
    return translate(known) if known else code.replace("_", " ").capitalize()


def names(ref: PersonRef | None) -> str:
    if ref is None:
        return ""
    return " ".join(part for part in (ref.surname, ref.given_names) if part)


def record_names(record: CivilRecord) -> str:
    """Who the entry is about: the child, the spouses or the deceased."""
    if isinstance(record, BirthRecord):
        return names(record.child)
    if isinstance(record, DeathRecord):
        return names(record.deceased)
    return " & ".join(names(s.person) for s in record.spouses)


def missing_text(code: str) -> str:
    party, _, what = code.rpartition(".")
    try:
        template = MISSING_TEXTS[Missing(what)]
    except (ValueError, KeyError):
        return code
    return template.format(party=party or "record")


def outcome_headline(outcome: Mapping[str, Any] | None) -> str:
    if outcome is None:
        return ""
    nationalities = ", ".join(outcome.get("nationalities", []))
    return {
        "acquires": tr("Acquires at birth: {nationalities}").format(nationalities=nationalities),
        "needs_more_evidence": tr("No nationality established yet: evidence needed"),
        "at_risk": tr("At risk of statelessness"),
    }.get(str(outcome.get("outcome")), str(outcome.get("outcome", "")).replace("_", " "))


def explanations(outcome: Mapping[str, Any] | None) -> list[str]:
    """The coded reasons of a stored nationality outcome, in words."""
    return [explain(reason) for reason in outcome_reasons(outcome)] if outcome else []


def referral_text(entry: CivilEntry) -> str:
    reason = referral_reason(entry.outcome) if entry.outcome else None
    return explain(reason) if reason is not None else ""


def duplicate_text(code: str, params: Mapping[str, Any]) -> str:
    """A refusal of a duplicate, with its reasons in words and what the registrar can do."""
    reasons = ", ".join(
        tr(DUPLICATE_TEXTS.get(c, c)) for c in str(params.get("reasons", "")).split(", ") if c
    )
    number = str(params.get("register_number", ""))
    if code == "civil.duplicate.exact":
        return tr("Already registered as {number} ({reasons}): nothing was written.").format(
            number=number, reasons=reasons
        )
    return tr(
        "This may be the event registered as {number} ({reasons}). Compare with the entry "
        "shown; if it is another event, Register anyway (Alt+A). Nothing was written."
    ).format(number=number, reasons=reasons)
