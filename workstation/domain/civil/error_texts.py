"""The texts of the ``civil.*`` error codes, ready to be merged into
:data:`workstation.i18n.messages.MESSAGES` (re-exported by :mod:`.explanations`).

A module of plain strings apart from the explanations, which import the nationality rules: the
message catalogue is loaded before the workstation's first window shows, and this keeps it light.
"""

from __future__ import annotations

from collections.abc import Mapping


def _(text: str) -> str:
    """Mark a msgid for extraction (xgettext -k_); looked up at display time."""
    return text


ERROR_TEXTS: Mapping[str, str] = {
    "civil.register_number.invalid": _(
        "{field}: {value} is not a register number (POST/B|M|D/YYYY/NNNNNN)."
    ),
    "civil.register_number.sequence_invalid": _(
        "The register of this post, kind and year is full ({value})."
    ),
    "civil.register_number.year_invalid": _("{field}: {value} is not a registration year."),
    "civil.registration_before_event": _(
        "{field}: registration on {registered_on} is before the event ({event_date})."
    ),
    "civil.timeliness.invalid_period": _("{field}: invalid legal period."),
    "civil.evidence.empty_requirement": _("{field}: an evidence requirement names no evidence."),
    "civil.evidence.invalid_code": _("{field}: {value} is not an evidence code."),
    "civil.approval.not_required": _("A {timeliness} registration needs no approval."),
    "civil.approval.not_supervisor": _("Only a supervisor may approve a late registration."),
    "civil.approval.four_eyes": _(
        "A late registration must be approved by another officer than the registrar."
    ),
    "civil.approval.evidence_missing": _(
        "Evidence is missing ({missing}): give a reason to approve without it."
    ),
    "civil.annotation.sequence_invalid": _("{field}: annotation number {value} is not valid."),
    "civil.annotation.out_of_order": _(
        "{field}: annotation {value} given where annotation {expected} was expected."
    ),
    "civil.annotation.no_changes": _("An annotation must change at least one field."),
    "civil.annotation.unknown_field": _("{field}: {path} is not a field of this entry."),
    "civil.annotation.wrong_type": _("{field}: {path} takes a {expected}."),
    "civil.annotation.immutable_field": _("{field}: {path} cannot be changed by an annotation."),
    "civil.annotation.not_applicable": _(
        "A {kind} annotation cannot be added to a {record} entry."
    ),
    "civil.value_out_of_range": _("{field}: {value} is out of range."),
    "civil.foundling_with_parents": _("A foundling's entry names no parents."),
    "civil.recognition_without_father": _(
        "{field}: a recognition of paternity needs the father's particulars."
    ),
    "civil.death_before_birth": _("{field}: the date of birth is after the date of death."),
    "field.invalid_choice": _("{field}: {value} is not one of {choices}."),
    "field.not_boolean": _("{field} must be true or false."),
    "field.not_integer": _("{field} must be a whole number."),
    "field.wrong_length": _("{field} must have {expected} entries."),
    "field.invalid": _("{field} is not valid."),
}
