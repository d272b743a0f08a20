from typing import Any

import pytest

from tests.conftest import Post
from workstation.domain.errors import PermissionDeniedError, ValidationError


def _juergen(**changes: Any) -> dict[str, Any]:
    data = {
        "surname": "Müller-Lüdenscheid",
        "given_names": "Jürgen",
        "sex": "M",
        "birth_date": "1971-03-14",
        "place_of_birth": "Lüdenscheid",
        "country_of_birth": "D",
        "nationality": "UTO",
    }
    data.update(changes)
    return data


def _written(post: Post) -> tuple[int, int]:
    with post.db.reading() as uow:
        return uow.persons.count(), uow.audit.head()[0]


def test_a_person_is_stored_with_the_latin_form_and_audited(post: Post) -> None:
    clerk = post.officers["clerk"]
    person_id = post.persons.add(clerk, _juergen())
    person = post.persons.get(person_id)
    assert person.surname == "Müller-Lüdenscheid"
    assert person.surname_latin == "Müller-Lüdenscheid"
    assert person.country_of_birth == "D<<"
    trail = post.audit.trail("person", str(person_id))
    assert [(e.actor, e.action) for e in trail] == [("clerk", "person.add")]


def test_a_cyrillic_name_gets_its_icao_latin_form(sqlite_post: Post) -> None:
    person_id = sqlite_post.persons.add(
        sqlite_post.officers["clerk"],
        _juergen(surname="Иванова", given_names="Юлия", sex="F"),
    )
    person = sqlite_post.persons.get(person_id)
    assert (person.surname_latin, person.given_names_latin) == ("Ivanova", "Iuliia")


def test_a_malformed_birth_date_is_refused_at_its_field_with_nothing_written(post: Post) -> None:
    before = _written(post)
    with pytest.raises(ValidationError) as caught:
        post.persons.add(post.officers["clerk"], _juergen(birth_date="14.03.1971"))
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("birth_date", "date.invalid_format")
    ]
    assert _written(post) == before


def test_every_bad_field_is_reported_at_once(sqlite_post: Post) -> None:
    data = _juergen(sex="male", nationality="UTOPIA", email="nobody", birth_date="1971-02-30")
    data["nickname"] = "JJ"
    with pytest.raises(ValidationError) as caught:
        sqlite_post.persons.add(sqlite_post.officers["clerk"], data)
    assert {e.field: e.code for e in caught.value.errors} == {
        "nickname": "field.unknown",
        "sex": "sex.invalid",
        "birth_date": "date.invalid_day",
        "nationality": "country.unknown_code",
        "email": "email.invalid",
    }


def test_a_script_with_no_rule_needs_the_latin_form_typed(sqlite_post: Post) -> None:
    clerk = sqlite_post.officers["clerk"]
    with pytest.raises(ValidationError) as caught:
        sqlite_post.persons.add(clerk, _juergen(surname="王", given_names="小明"))
    assert {e.field for e in caught.value.errors} == {"surname", "given_names"}
    assert caught.value.errors[0].code == "transliteration.no_rule"
    person_id = sqlite_post.persons.add(
        clerk,
        _juergen(
            surname="王", given_names="小明", surname_latin="Wang", given_names_latin="Xiaoming"
        ),
    )
    assert sqlite_post.persons.search("wang xiaoming").hits[0].person.id == person_id


def test_the_administrator_may_not_write_to_the_registry(sqlite_post: Post) -> None:
    before = _written(sqlite_post)
    with pytest.raises(PermissionDeniedError):
        sqlite_post.persons.add(sqlite_post.officers["admin"], _juergen())
    assert _written(sqlite_post) == before


def test_search_hits_carry_the_whole_record(post: Post) -> None:
    data = _juergen(identifiers=[{"kind": "passport", "number": "x1234567", "issuer": "UTO"}])
    post.persons.add(post.officers["clerk"], data)
    (hit,) = post.persons.search("mueller").hits
    assert [(i.kind.value, i.number) for i in hit.person.identifiers] == [("passport", "X1234567")]
