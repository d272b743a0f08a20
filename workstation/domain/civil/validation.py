"""Checks a record must pass before it is registered; every problem is a coded field error.

The nationality outcome never blocks a registration: these checks only refuse records that are
not coherent (a registration before the event, an unknown country code, a recognition without a
father ...). Field paths follow the record (``mother.nationalities[0].code``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from workstation.domain.civil.records import (
    BirthRecord,
    DeathRecord,
    MarriageRecord,
    NationalityClaim,
    ParentFacts,
    PersonRef,
    Place,
)
from workstation.domain.countries import is_valid_code
from workstation.domain.errors import FieldError, ValidationError


def _names(ref: PersonRef, where: str) -> list[FieldError]:
    if ref.surname.strip() or ref.given_names.strip():
        return []
    return [FieldError(f"{where}.surname", "field.required")]


def _country(code: str | None, where: str, required: bool = True) -> list[FieldError]:
    if code is None or code == "":
        return [FieldError(where, "field.required")] if required else []
    if not is_valid_code(code):
        return [FieldError(where, "country.unknown_code", {"value": code})]
    return []


def _place(place: Place, where: str) -> list[FieldError]:
    return _country(place.country, f"{where}.country")


def _claims(claims: Iterable[NationalityClaim], where: str) -> list[FieldError]:
    errors: list[FieldError] = []
    for index, claim in enumerate(claims):
        errors += _country(claim.code, f"{where}.nationalities[{index}].code")
    return errors


def _parent(parent: ParentFacts | None, where: str) -> list[FieldError]:
    if parent is None:
        return []
    errors = _names(parent.person, f"{where}.person")
    errors += _claims(parent.nationalities, where)
    errors += _country(parent.country_of_birth, f"{where}.country_of_birth", required=False)
    years = parent.resident_years_in_birth_country
    if years is not None and not 0 <= years <= 120:
        field = f"{where}.resident_years_in_birth_country"
        errors.append(FieldError(field, "civil.value_out_of_range", {"value": years}))
    return errors


def _dates(event: dt.date, registered_on: dt.date, today: dt.date | None) -> list[FieldError]:
    errors = []
    if registered_on < event:
        errors.append(FieldError("registered_on", "civil.registration_before_event"))
    if today is not None and registered_on > today:
        errors.append(FieldError("registered_on", "date.in_future", {"value": str(registered_on)}))
    return errors


def birth_errors(record: BirthRecord, today: dt.date | None = None) -> list[FieldError]:
    errors = _names(record.child, "child")
    errors += _place(record.place_of_birth, "place_of_birth")
    errors += _parent(record.mother, "mother") + _parent(record.father, "father")
    errors += _dates(record.birth_date, record.registered_on, today)
    if record.foundling and (record.mother is not None or record.father is not None):
        errors.append(FieldError("foundling", "civil.foundling_with_parents"))
    if record.paternity_recognition is not None and record.father is None:
        errors.append(FieldError("paternity_recognition", "civil.recognition_without_father"))
    return errors


def marriage_errors(record: MarriageRecord, today: dt.date | None = None) -> list[FieldError]:
    errors: list[FieldError] = []
    for index, spouse in enumerate(record.spouses):
        where = f"spouses[{index}]"
        errors += _names(spouse.person, f"{where}.person") + _claims(spouse.nationalities, where)
    errors += _place(record.place, "place")
    for field in ("celebrant", "authority"):
        if not getattr(record, field).strip():
            errors.append(FieldError(field, "field.required"))
    errors += _dates(record.marriage_date, record.registered_on, today)
    return errors


def death_errors(record: DeathRecord, today: dt.date | None = None) -> list[FieldError]:
    errors = _names(record.deceased, "deceased") + _place(record.place, "place")
    errors += _dates(record.death_date, record.registered_on, today)
    if record.birth_date is not None and record.birth_date.earliest() > record.death_date:
        errors.append(FieldError("birth_date", "civil.death_before_birth"))
    return errors


def check_record(
    record: BirthRecord | MarriageRecord | DeathRecord, today: dt.date | None = None
) -> None:
    """Raise :class:`ValidationError` listing every problem of ``record`` (in field order)."""
    if isinstance(record, BirthRecord):
        errors = birth_errors(record, today)
    elif isinstance(record, MarriageRecord):
        errors = marriage_errors(record, today)
    else:
        errors = death_errors(record, today)
    if errors:
        raise ValidationError(errors)
