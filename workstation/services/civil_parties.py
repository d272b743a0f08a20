"""The parties of a civil record and the registry persons they are linked to.

A record's JSON links a party to the registry by giving ``person_id`` in the party's names
(``"child": {"surname": ..., "person_id": 17}``, ``"mother": {"person": {..., "person_id": 9}}``,
found by the registry search), or asks for the person to be created in the same transaction:
``"create_persons": {"child": {}, "mother": {"birth_date": "1990-04-02"}}``. The person's data
starts from what the record says (names, sex, birth date, country of birth, nationality) and the
object given adds to or overrides it, with the registry's fields and validation
(:func:`workstation.domain.person_validation.person_from_mapping`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from workstation.domain.civil.annotations import Annotation
from workstation.domain.civil.entries import PARTY_ROLES
from workstation.domain.civil.records import (
    BirthRecord,
    CivilRecord,
    DeathRecord,
    MarriageRecord,
    ParentFacts,
    PersonRef,
)
from workstation.domain.errors import DomainError, FieldError, NotFoundError, ValidationError
from workstation.domain.officers import Officer, Permission
from workstation.domain.people import Person, Sex
from workstation.domain.person_validation import person_from_mapping
from workstation.services.audit import record as audit
from workstation.services.clock import Clock
from workstation.storage import UnitOfWork

CREATE_KEY = "create_persons"
# Where each role's names are in the record's JSON (for error paths).
ROLE_PATHS = {
    "child": "child",
    "mother": "mother.person",
    "father": "father.person",
    "spouse1": "spouses[0].person",
    "spouse2": "spouses[1].person",
    "deceased": "deceased",
}


def party(record: CivilRecord, role: str) -> PersonRef | None:
    """The names of one party of ``record`` (None when the record has no such party)."""
    if isinstance(record, BirthRecord):
        if role == "child":
            return record.child
        parent = record.mother if role == "mother" else record.father
        return None if parent is None else parent.person
    if isinstance(record, MarriageRecord):
        return record.spouses[0 if role == "spouse1" else 1].person
    return record.deceased


def with_person_id(record: CivilRecord, role: str, person_id: int) -> CivilRecord:
    """``record`` with one party linked to a registry person."""
    ref = party(record, role)
    assert ref is not None
    linked = dataclasses.replace(ref, person_id=person_id)
    if isinstance(record, BirthRecord):
        if role == "child":
            return dataclasses.replace(record, child=linked)
        if role == "mother":
            assert record.mother is not None
            return dataclasses.replace(
                record, mother=dataclasses.replace(record.mother, person=linked)
            )
        assert record.father is not None
        return dataclasses.replace(record, father=dataclasses.replace(record.father, person=linked))
    if isinstance(record, MarriageRecord):
        index = 0 if role == "spouse1" else 1
        spouses = list(record.spouses)
        spouses[index] = dataclasses.replace(spouses[index], person=linked)
        return dataclasses.replace(record, spouses=(spouses[0], spouses[1]))
    return dataclasses.replace(record, deceased=linked)


def links(record: CivilRecord) -> dict[str, int | None]:
    """Role -> registry person id, for every party role of the record's kind."""
    result: dict[str, int | None] = {}
    for role in PARTY_ROLES[record.kind]:
        ref = party(record, role)
        result[role] = None if ref is None else ref.person_id
    return result


def _names(ref: PersonRef) -> dict[str, Any]:
    data: dict[str, Any] = {"surname": ref.surname, "given_names": ref.given_names}
    if ref.surname_latin:
        data["surname_latin"] = ref.surname_latin
    if ref.given_names_latin:
        data["given_names_latin"] = ref.given_names_latin
    return data


def _parent_defaults(parent: ParentFacts, sex: Sex) -> dict[str, Any]:
    data = _names(parent.person) | {"sex": sex.value}
    if parent.birth_date is not None:
        data["birth_date"] = parent.birth_date.isoformat()
    if parent.country_of_birth:
        data["country_of_birth"] = parent.country_of_birth
    if parent.place_of_birth:
        data["place_of_birth"] = parent.place_of_birth
    if parent.nationalities:
        data["nationality"] = parent.nationalities[0].code
    return data


def person_defaults(record: CivilRecord, role: str, child_nationality: str) -> dict[str, Any]:
    """What the record already says about a party, in the registry's fields."""
    if isinstance(record, BirthRecord):
        if role == "child":
            return _names(record.child) | {
                "sex": record.sex.value,
                "birth_date": record.birth_date.isoformat(),
                "place_of_birth": record.place_of_birth.place,
                "country_of_birth": record.place_of_birth.country,
                "nationality": child_nationality,
            }
        parent = record.mother if role == "mother" else record.father
        assert parent is not None
        return _parent_defaults(parent, Sex.FEMALE if role == "mother" else Sex.MALE)
    if isinstance(record, MarriageRecord):
        spouse = record.spouses[0 if role == "spouse1" else 1]
        data = _names(spouse.person)
        if spouse.birth_date is not None:
            data["birth_date"] = spouse.birth_date.isoformat()
        if spouse.place_of_birth is not None:
            data["country_of_birth"] = spouse.place_of_birth.country
            data["place_of_birth"] = spouse.place_of_birth.place
        if spouse.nationalities:
            data["nationality"] = spouse.nationalities[0].code
        return data
    assert isinstance(record, DeathRecord)
    data = _names(record.deceased) | {"sex": record.sex.value}
    if record.birth_date is not None:
        data["birth_date"] = record.birth_date.isoformat()
    return data


def persons_to_create(
    record: CivilRecord,
    requested: Any,
    today: dt.date,
    child_nationality: str,
    where: str = CREATE_KEY,
) -> dict[str, Person]:
    """Validate the ``create_persons`` object of a record's JSON: role -> the new person.

    Every problem is reported at its path (``create_persons.mother.birth_date``); a role the
    record does not have, or a party already linked by ``person_id``, is refused.
    """
    if requested is None:
        return {}
    if not isinstance(requested, Mapping):
        raise ValidationError([FieldError(where, "field.not_object")])
    errors: list[FieldError] = []
    persons: dict[str, Person] = {}
    for role, overrides in requested.items():
        path = f"{where}.{role}"
        ref = party(record, role) if role in PARTY_ROLES[record.kind] else None
        if role not in PARTY_ROLES[record.kind] or ref is None:
            errors.append(FieldError(path, "civil.party.unknown", {"role": str(role)}))
            continue
        if ref.person_id is not None:
            errors.append(FieldError(path, "civil.party.already_linked", {"role": role}))
            continue
        if not isinstance(overrides, Mapping):
            errors.append(FieldError(path, "field.not_object"))
            continue
        data = person_defaults(record, role, child_nationality) | dict(overrides)
        try:
            persons[role] = person_from_mapping(data, today)
        except ValidationError as error:
            errors += [FieldError(f"{path}.{e.field}", e.code, e.params) for e in error.errors]
        except DomainError as error:
            errors.append(FieldError(f"{path}.{error.field or ''}", error.code, error.params))
    if errors:
        raise ValidationError(errors)
    return persons


def check_links(uow: UnitOfWork, record: CivilRecord) -> None:
    """Every ``person_id`` the record gives names a registry person (NotFoundError at its path)."""
    for role, person_id in links(record).items():
        if person_id is not None and uow.persons.get(person_id) is None:
            raise NotFoundError("person.not_found", f"{ROLE_PATHS[role]}.person_id", id=person_id)


def create_persons(
    uow: UnitOfWork,
    clock: Clock,
    officer: Officer,
    record: CivilRecord,
    persons: Mapping[str, Person],
) -> CivilRecord:
    """Add the persons to the registry (audited as ``person.add``, in the caller's transaction)
    and link them in the record."""
    if persons:
        officer.require(Permission.PERSON_WRITE)
    for role, person in persons.items():
        now = clock.now()
        person_id = uow.persons.add(person, now)
        details = {"name": person.display_name, "birth_date": person.birth_date.isoformat()}
        audit(uow, now, officer, "person.add", "person", person_id, details)
        record = with_person_id(record, role, person_id)
    return record


def link_new_persons(
    uow: UnitOfWork,
    clock: Clock,
    officer: Officer,
    annotation: Annotation,
    current: CivilRecord,
    persons: Mapping[str, Person],
) -> Annotation:
    """Create the persons an annotation brings in (a recognising father) and link them in the
    change that enters them (a ``father`` or ``mother`` change of a birth)."""
    entered = {c.path for c in annotation.changes}
    for role in sorted(persons):
        if role not in entered or not isinstance(current, BirthRecord):
            raise ValidationError([FieldError(f"{CREATE_KEY}.{role}", "civil.party.not_changed")])
    linked = create_persons(uow, clock, officer, current, persons)
    changes = tuple(
        dataclasses.replace(change, value=getattr(linked, change.path))
        if change.path in persons
        else change
        for change in annotation.changes
    )
    return dataclasses.replace(annotation, changes=changes)
