"""Correcting a person's record (``PersonService.update``), on SQLite and on PostgreSQL.

Why: counter officers fix typos in names, record a new address or a passport. A correction must
be checked like a new person, land in the audit log with what changed, refresh the search keys
(the corrected name is what the next officer types), and never silently overwrite a correction
another officer saved in the meantime.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tests.conftest import Post
from workstation.domain.errors import (
    ConflictError,
    DomainError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from workstation.domain.people import Person
from workstation.domain.person_validation import person_to_mapping


def _juergen(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "surname": "Muller",
        "given_names": "Jürgen",
        "sex": "M",
        "birth_date": "1971-03-14",
        "place_of_birth": "Lüdenscheid",
        "country_of_birth": "DEU",
        "nationality": "UTO",
        "phone": "+41 22 555 01 23",
    }
    data.update(changes)
    return data


def _written(post: Post) -> tuple[int, int]:
    with post.db.reading() as uow:
        return uow.persons.count(), uow.audit.head()[0]


def _found(post: Post, text: str) -> list[int | None]:
    return [hit.person.id for hit in post.persons.search(text).hits]


def test_a_correction_is_stored_searchable_and_audited_with_old_and_new_values(
    post: Post,
) -> None:
    clerk = post.officers["clerk"]
    person_id = post.persons.add(clerk, _juergen())
    stored = post.persons.get(person_id)
    corrected = _juergen(
        surname="Müller-Lüdenscheid",
        birth_date="1971-03-15",
        identifiers=[{"kind": "passport", "number": "x1234567", "issuer": "UTO"}],
        address={"lines": ["Rue du Rhône 12"], "city": "Genève", "country": "CHE"},
        phone="+41 22 555 09 99",
    )

    updated = post.persons.update(clerk, person_id, corrected, expected=stored)

    assert post.persons.get(person_id) == updated
    assert updated.surname == "Müller-Lüdenscheid"
    assert updated.birth_date.isoformat() == "1971-03-15"
    assert [(i.kind.value, i.number) for i in updated.identifiers] == [("passport", "X1234567")]
    assert updated.address.city == "Genève"
    # The search keys follow the corrected name and birth year.
    assert _found(post, "ludenscheid") == [person_id]
    assert [h.person.id for h in post.persons.search("mueller", None).hits] == [person_id]
    (entry, _added) = post.audit.trail("person", str(person_id))
    assert (entry.actor, entry.action) == ("clerk", "person.update")
    assert entry.details["fields"] == [
        "surname",
        "surname_latin",
        "birth_date",
        "identifiers",
        "address",
        "phone",
    ]
    assert entry.details["changes"] == {
        "surname": {"old": "Muller", "new": "Müller-Lüdenscheid"},
        "surname_latin": {"old": "Muller", "new": "Müller-Lüdenscheid"},
        "birth_date": {"old": "1971-03-14", "new": "1971-03-15"},
        "identifiers": {"old": [], "new": ["passport X1234567 UTO"]},
    }
    assert entry.details["name"] == "MÜLLER-LÜDENSCHEID, Jürgen"
    assert post.audit.verify().ok


def test_a_wrong_field_is_refused_at_its_field_with_nothing_written(post: Post) -> None:
    clerk = post.officers["clerk"]
    person_id = post.persons.add(clerk, _juergen())
    stored = post.persons.get(person_id)
    before = _written(post)
    with pytest.raises(ValidationError) as caught:
        post.persons.update(
            clerk, person_id, _juergen(surname="Müller", birth_date="14.03.1971"), stored
        )
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("birth_date", "date.invalid_format")
    ]
    assert _written(post) == before
    assert post.persons.get(person_id) == stored
    assert _found(post, "muller") == [person_id]


def test_an_unknown_person_is_not_found_and_nothing_is_written(post: Post) -> None:
    before = _written(post)
    with pytest.raises(NotFoundError) as caught:
        post.persons.update(post.officers["clerk"], 4242, _juergen())
    assert (caught.value.code, caught.value.params) == ("person.not_found", {"id": 4242})
    assert _written(post) == before


def test_a_correction_made_on_a_stale_record_is_refused(post: Post) -> None:
    clerk = post.officers["clerk"]
    person_id = post.persons.add(clerk, _juergen())
    seen_by_both = post.persons.get(person_id)
    post.persons.update(clerk, person_id, _juergen(phone="+41 22 555 00 00"), seen_by_both)
    before = _written(post)

    with pytest.raises(ConflictError) as caught:
        post.persons.update(clerk, person_id, _juergen(surname="Mueller"), seen_by_both)

    assert caught.value.code == "person.changed_meanwhile"
    assert caught.value.params == {"id": person_id, "name": "MULLER, Jürgen"}
    assert _written(post) == before
    assert post.persons.get(person_id).phone == "+41 22 555 00 00"
    # Read again, the correction goes through.
    fresh = post.persons.get(person_id)
    assert post.persons.update(clerk, person_id, _juergen(surname="Mueller"), fresh).surname == (
        "Mueller"
    )


def test_two_officers_correcting_the_same_record_at_once_cannot_both_win(post: Post) -> None:
    clerk = post.officers["clerk"]
    person_id = post.persons.add(clerk, _juergen())
    seen = post.persons.get(person_id)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def correct(surname: str) -> None:
        start.wait()
        try:
            post.persons.update(clerk, person_id, _juergen(surname=surname), seen)
        except DomainError as error:
            outcomes.append(error.code)
        else:
            outcomes.append("saved")

    threads = [threading.Thread(target=correct, args=(name,)) for name in ("Mueller", "Möller")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["person.changed_meanwhile", "saved"]
    assert [e.action for e in post.audit.trail("person", str(person_id))] == [
        "person.update",
        "person.add",
    ]


def test_a_correction_that_changes_nothing_writes_nothing(sqlite_post: Post) -> None:
    clerk = sqlite_post.officers["clerk"]
    person_id = sqlite_post.persons.add(clerk, _juergen())
    stored = sqlite_post.persons.get(person_id)
    before = _written(sqlite_post)
    assert sqlite_post.persons.update(clerk, person_id, person_to_mapping(stored)) == stored
    assert _written(sqlite_post) == before


def test_data_for_another_person_is_refused_at_the_id(sqlite_post: Post) -> None:
    clerk = sqlite_post.officers["clerk"]
    person_id = sqlite_post.persons.add(clerk, _juergen())
    data = {**_juergen(surname="Mueller"), "id": person_id + 1}
    with pytest.raises(ValidationError) as caught:
        sqlite_post.persons.update(clerk, person_id, data)
    assert [(e.field, e.code) for e in caught.value.errors] == [("id", "person.id_mismatch")]
    assert sqlite_post.persons.get(person_id).surname == "Muller"


def test_the_administrator_may_not_correct_the_registry(sqlite_post: Post) -> None:
    person_id = sqlite_post.persons.add(sqlite_post.officers["clerk"], _juergen())
    before = _written(sqlite_post)
    with pytest.raises(PermissionDeniedError):
        sqlite_post.persons.update(
            sqlite_post.officers["admin"], person_id, _juergen(surname="Mueller")
        )
    assert _written(sqlite_post) == before


def test_the_expected_record_from_a_search_hit_is_the_stored_record(sqlite_post: Post) -> None:
    """The GUI edits the person the details panel holds; a search hit builds the same value."""
    clerk = sqlite_post.officers["clerk"]
    data = _juergen(identifiers=[{"kind": "passport", "number": "X1", "issuer": "UTO"}])
    person_id = sqlite_post.persons.add(clerk, data)
    (hit,) = sqlite_post.persons.search("muller").hits
    assert isinstance(hit.person, Person)
    assert hit.person == sqlite_post.persons.get(person_id)
    sqlite_post.persons.update(clerk, person_id, _juergen(surname="Mueller"), hit.person)
