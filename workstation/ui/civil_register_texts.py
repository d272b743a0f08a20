"""The civil register's codes in words for the GUI: kinds, states, timeliness, evidence, the
nationality outcome (with the explanations module's reasons) and duplicates.

Translated through Qt for the page's own words: every text is a literal
``QCoreApplication.translate("civil_register", "...")`` call, so that ``pyside6-lupdate`` extracts
it in the ``civil_register`` context (a helper function around it would put the texts in an
empty context, where they are never translated). The domain's explanations go through their
gettext catalogue (:func:`workstation.domain.civil.explanations.explain`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from workstation.domain.civil.annotations import AnnotationKind
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


def kind_text(kind: EventKind) -> str:
    return {
        EventKind.BIRTH: QCoreApplication.translate("civil_register", "Birth"),
        EventKind.MARRIAGE: QCoreApplication.translate("civil_register", "Marriage"),
        EventKind.DEATH: QCoreApplication.translate("civil_register", "Death"),
    }[kind]


def annotation_kind_text(kind: AnnotationKind) -> str:
    return {
        AnnotationKind.CORRECTION: QCoreApplication.translate("civil_register", "Correction"),
        AnnotationKind.RECOGNITION_OF_PATERNITY: QCoreApplication.translate(
            "civil_register", "Recognition of paternity"
        ),
        AnnotationKind.ADOPTION: QCoreApplication.translate("civil_register", "Adoption"),
        AnnotationKind.CHANGE_OF_NAME: QCoreApplication.translate(
            "civil_register", "Change of name"
        ),
        AnnotationKind.DIVORCE: QCoreApplication.translate("civil_register", "Divorce"),
    }[kind]


def state_text(state: EntryState) -> str:
    return {
        EntryState.PENDING_APPROVAL: QCoreApplication.translate(
            "civil_register", "Pending approval"
        ),
        EntryState.REGISTERED: QCoreApplication.translate("civil_register", "Registered"),
        EntryState.REJECTED: QCoreApplication.translate("civil_register", "Rejected"),
    }[state]


def timeliness_text(timeliness: Timeliness) -> str:
    return {
        Timeliness.CURRENT: QCoreApplication.translate("civil_register", "On time"),
        Timeliness.LATE: QCoreApplication.translate("civil_register", "Late"),
        Timeliness.DELAYED: QCoreApplication.translate("civil_register", "Delayed"),
    }[timeliness]


def _evidence_words() -> dict[str, str]:
    return {
        "local_birth_certificate": QCoreApplication.translate(
            "civil_register", "Local birth certificate"
        ),
        "local_marriage_certificate": QCoreApplication.translate(
            "civil_register", "Local marriage certificate"
        ),
        "local_death_certificate": QCoreApplication.translate(
            "civil_register", "Local death certificate"
        ),
        "parent_identity": QCoreApplication.translate(
            "civil_register", "Parents' identity documents"
        ),
        "spouse_identity": QCoreApplication.translate(
            "civil_register", "Spouses' identity documents"
        ),
        "deceased_identity": QCoreApplication.translate(
            "civil_register", "Identity document of the deceased"
        ),
        "parent_nationality_proof": QCoreApplication.translate(
            "civil_register", "Proof of the parents' nationality"
        ),
        "reason_for_delay": QCoreApplication.translate(
            "civil_register", "Written reason for the delay"
        ),
        "hospital_record": QCoreApplication.translate("civil_register", "Hospital record"),
        "midwife_declaration": QCoreApplication.translate(
            "civil_register", "Midwife's declaration"
        ),
        "baptism_record": QCoreApplication.translate("civil_register", "Baptism record"),
        "child_identity": QCoreApplication.translate("civil_register", "Child's identity document"),
        "school_record": QCoreApplication.translate("civil_register", "School record"),
        "medical_record": QCoreApplication.translate("civil_register", "Medical record"),
        "witness_declaration": QCoreApplication.translate("civil_register", "Witness declaration"),
        "burial_or_cremation_record": QCoreApplication.translate(
            "civil_register", "Burial or cremation record"
        ),
    }


def evidence_text(code: str) -> str:
    """An evidence code in words (an unknown code readably, from its name)."""
    return _evidence_words().get(code) or code.replace("_", " ").capitalize()


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
        "acquires": QCoreApplication.translate(
            "civil_register", "Acquires at birth: {nationalities}"
        ).format(nationalities=nationalities),
        "needs_more_evidence": QCoreApplication.translate(
            "civil_register", "No nationality established yet: evidence needed"
        ),
        "at_risk": QCoreApplication.translate("civil_register", "At risk of statelessness"),
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
        DUPLICATE_TEXTS.get(c, c) for c in str(params.get("reasons", "")).split(", ") if c
    )
    number = str(params.get("register_number", ""))
    if code == "civil.duplicate.exact":
        return QCoreApplication.translate(
            "civil_register", "Already registered as {number} ({reasons}): nothing was written."
        ).format(number=number, reasons=reasons)
    return QCoreApplication.translate(
        "civil_register",
        "This may be the event registered as {number} ({reasons}). Compare with the entry "
        "shown; if it is another event, Register anyway (Alt+A). Nothing was written.",
    ).format(number=number, reasons=reasons)
