"""Turning typed or imported person data into a :class:`Person`, or coded errors per field.

Both the GUI forms and ``consular person add FILE.json`` feed the same plain mapping through
:func:`person_from_mapping`, so a rule holds whichever way the data arrives. Every problem is
reported at once (one :class:`FieldError` per field), and nothing is written when any is found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from workstation.domain.countries import is_valid_code, normalise_code
from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError, FieldError, ValidationError
from workstation.domain.people import Address, Identifier, IdentifierKind, Person, Sex
from workstation.domain.transliteration import is_latin, to_latin

PERSON_FIELDS = (
    "surname",
    "given_names",
    "surname_latin",
    "given_names_latin",
    "sex",
    "birth_date",
    "place_of_birth",
    "country_of_birth",
    "nationality",
    "identifiers",
    "address",
    "phone",
    "email",
)
NAME_MAX = 100
_NAME_FORBIDDEN = re.compile(r"[0-9@#$%^&*_=+\[\]{}|\\/<>;:!?\"]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{5,25}$")
_ID_NUMBER = re.compile(r"^[A-Za-z0-9<-]{1,30}$")


class _Collector:
    """Gathers field errors so the officer sees every problem in one pass."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(field, code, params))

    def add_domain(self, error: DomainError, field: str) -> None:
        self.add(error.field or field, error.code, **error.params)


def _text(data: Mapping[str, Any], key: str, errors: _Collector) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.add(key, "field.not_text")
        return ""
    return " ".join(value.split())


def _name(data: Mapping[str, Any], key: str, errors: _Collector, *, required: bool) -> str:
    value = _text(data, key, errors)
    if not value:
        if required:
            errors.add(key, "field.required")
        return ""
    forbidden = _NAME_FORBIDDEN.search(value)
    if len(value) > NAME_MAX:
        errors.add(key, "field.too_long", max=NAME_MAX)
    elif forbidden is not None:
        errors.add(key, "name.invalid_character", char=forbidden.group(0))
    return value


def _latin(written: str, given: str, key: str, errors: _Collector) -> str:
    if given:
        if not is_latin(given):
            errors.add(key, "name.not_latin")
        return given
    if not written:
        return ""
    try:
        return to_latin(written, key.removesuffix("_latin"))
    except DomainError as error:
        errors.add_domain(error, key.removesuffix("_latin"))
        return ""


def _code(data: Mapping[str, Any], key: str, errors: _Collector, *, required: bool) -> str:
    value = _text(data, key, errors)
    if not value:
        if required:
            errors.add(key, "field.required")
        return ""
    if not is_valid_code(value):
        errors.add(key, "country.unknown_code", value=value)
        return ""
    return normalise_code(value)


def _identifiers(data: Mapping[str, Any], errors: _Collector) -> tuple[Identifier, ...]:
    raw = data.get("identifiers") or []
    if not isinstance(raw, list):
        errors.add("identifiers", "field.not_list")
        return ()
    result = []
    for index, item in enumerate(raw):
        where = f"identifiers[{index}]"
        if not isinstance(item, Mapping):
            errors.add(where, "field.not_object")
            continue
        try:
            kind = IdentifierKind(str(item.get("kind", "")))
        except ValueError:
            errors.add(f"{where}.kind", "identifier.unknown_kind", value=item.get("kind"))
            continue
        number = str(item.get("number", "")).strip().upper()
        if not _ID_NUMBER.match(number):
            errors.add(f"{where}.number", "identifier.invalid_number", value=number)
            continue
        issuer = str(item.get("issuer", "") or "")
        if issuer and not is_valid_code(issuer):
            errors.add(f"{where}.issuer", "country.unknown_code", value=issuer)
            continue
        result.append(Identifier(kind, number, normalise_code(issuer) if issuer else ""))
    return tuple(result)


def _address(data: Mapping[str, Any], errors: _Collector) -> Address:
    raw = data.get("address") or {}
    if not isinstance(raw, Mapping):
        errors.add("address", "field.not_object")
        return Address()
    lines = raw.get("lines") or []
    if isinstance(lines, str):
        lines = [lines]
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        errors.add("address.lines", "field.not_list")
        lines = []
    country = str(raw.get("country", "") or "")
    if country and not is_valid_code(country):
        errors.add("address.country", "country.unknown_code", value=country)
        country = ""
    return Address(
        lines=tuple(" ".join(line.split()) for line in lines if line.strip()),
        city=str(raw.get("city", "") or "").strip(),
        postcode=str(raw.get("postcode", "") or "").strip(),
        country=normalise_code(country) if country else "",
    )


def person_from_mapping(
    data: Mapping[str, Any], today: dt.date, person_id: int | None = None
) -> Person:
    """Validate ``data`` (keys as in :data:`PERSON_FIELDS`) and build the :class:`Person`.

    Raises :class:`ValidationError` listing every field at fault. Unknown keys are refused so
    that a misspelt field in an imported file is not silently lost.
    """
    errors = _Collector()
    if not isinstance(data, Mapping):
        raise ValidationError([FieldError("", "person.not_object")])
    for key in data:
        if key not in PERSON_FIELDS and key != "id":
            errors.add(str(key), "field.unknown")

    surname = _name(data, "surname", errors, required=True)
    given_names = _name(data, "given_names", errors, required=False)
    surname_latin = _latin(
        surname, _name(data, "surname_latin", errors, required=False), "surname_latin", errors
    )
    given_latin = _latin(
        given_names,
        _name(data, "given_names_latin", errors, required=False),
        "given_names_latin",
        errors,
    )

    sex_text = _text(data, "sex", errors).upper()
    sex = Sex.UNSPECIFIED
    if not sex_text:
        errors.add("sex", "field.required")
    elif sex_text not in {s.value for s in Sex}:
        errors.add("sex", "sex.invalid", value=sex_text)
    else:
        sex = Sex(sex_text)

    birth_text = _text(data, "birth_date", errors)
    birth_date = PartialDate(1900)
    if not birth_text:
        errors.add("birth_date", "field.required")
    else:
        try:
            birth_date = PartialDate.parse(birth_text, "birth_date", today=today)
        except DomainError as error:
            errors.add_domain(error, "birth_date")

    nationality = _code(data, "nationality", errors, required=True)
    country_of_birth = _code(data, "country_of_birth", errors, required=False)
    place_of_birth = _text(data, "place_of_birth", errors)
    identifiers = _identifiers(data, errors)
    address = _address(data, errors)

    phone = _text(data, "phone", errors)
    if phone and not _PHONE.match(phone):
        errors.add("phone", "phone.invalid", value=phone)
    email = _text(data, "email", errors)
    if email and not _EMAIL.match(email):
        errors.add("email", "email.invalid", value=email)

    if errors.errors:
        raise ValidationError(errors.errors)
    return Person(
        id=person_id,
        surname=surname,
        given_names=given_names,
        surname_latin=surname_latin,
        given_names_latin=given_latin,
        sex=sex,
        birth_date=birth_date,
        nationality=nationality,
        place_of_birth=place_of_birth,
        country_of_birth=country_of_birth,
        identifiers=identifiers,
        address=address,
        phone=phone,
        email=email,
    )


def person_to_mapping(person: Person) -> dict[str, Any]:
    """The plain form of a person (the inverse of :func:`person_from_mapping`), for JSON output."""
    return {
        "id": person.id,
        "surname": person.surname,
        "given_names": person.given_names,
        "surname_latin": person.surname_latin,
        "given_names_latin": person.given_names_latin,
        "sex": person.sex.value,
        "birth_date": person.birth_date.isoformat(),
        "place_of_birth": person.place_of_birth,
        "country_of_birth": person.country_of_birth,
        "nationality": person.nationality,
        "identifiers": [
            {"kind": i.kind.value, "number": i.number, "issuer": i.issuer}
            for i in person.identifiers
        ],
        "address": {
            "lines": list(person.address.lines),
            "city": person.address.city,
            "postcode": person.address.postcode,
            "country": person.address.country,
        },
        "phone": person.phone,
        "email": person.email,
    }
