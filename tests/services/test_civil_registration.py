"""The civil register through its service: registering, approval, annotations, nationality,
duplicates and register numbers, on SQLite and on PostgreSQL where storage matters.

Why: a birth that is never recorded, recorded twice, or recorded without the facts that decide
nationality can leave a child stateless; register numbers are the entry's legal identity and
must not skip or repeat. The demo post (UTO-GVA, Europe/Zurich) registers on 2026-11-25.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Post
from workstation.domain.civil.entries import EntryState, outcome_reasons, referral_reason
from workstation.domain.civil.explanations import explain
from workstation.domain.civil.records import BirthRecord, EventKind
from workstation.domain.civil.timeliness import Timeliness
from workstation.domain.errors import (
    ConflictError,
    DomainError,
    LifecycleError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from workstation.rules.loader import RULES_DIR
from workstation.services.civil_registration import CivilRegistrationService
from workstation.services.setup import DEMO_POST
from workstation.storage.repositories.civil import CivilRegisterRepository

TODAY = dt.date(2026, 11, 25)
LATE_EVIDENCE = ["local_birth_certificate", "parent_identity", "parent_nationality_proof"]


def civil_of(post: Post) -> CivilRegistrationService:
    return CivilRegistrationService.for_post(post.db, post.clock, DEMO_POST)


@pytest.fixture
def civil(post: Post) -> CivilRegistrationService:
    return civil_of(post)


@pytest.fixture
def sqlite_civil(sqlite_post: Post) -> CivilRegistrationService:
    return civil_of(sqlite_post)


def parent(
    surname: str, given: str, code: str, born_in: str = "UTO", evidence: str = "passport"
) -> dict[str, Any]:
    if code == "XXA" and evidence == "passport":
        evidence = "statelessness_determination"
    return {
        "person": {"surname": surname, "given_names": given},
        "nationalities": [{"code": code, "evidence": evidence}],
        "birth_date": "1990-05-05",
        "country_of_birth": born_in,
    }


def birth(
    born: str = "2026-08-01",
    *,
    child: tuple[str, str] = ("ROE", "Amira"),
    mother: dict[str, Any] | None = None,
    father: dict[str, Any] | None = None,
    married: str = "not_married",
    country: str = "ARE",
    evidence: list[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A birth's JSON; by default the issue's case: national father, not married to a
    stateless mother, no recognition, born in the UAE (no birthright), registered late."""
    data = {
        "child": {"surname": child[0], "given_names": child[1]},
        "sex": "F",
        "birth_date": born,
        "place_of_birth": {"country": country, "place": "Dubai"},
        "mother": mother if mother is not None else parent("DOE", "Mariam", "XXA", "ARE"),
        "father": father if father is not None else parent("ROE", "John", "UTO"),
        "parents_marital_status": married,
        "informant": {"person": {"surname": "DOE", "given_names": "Mariam"}, "capacity": "mother"},
        "evidence_presented": LATE_EVIDENCE if evidence is None else evidence,
    }
    return {**data, **extra}


def recognition(decided_on: str = "2026-11-24") -> dict[str, Any]:
    return {
        "kind": "recognition_of_paternity",
        "reason": "Recognition before the consul",
        "authority": "Consul of Utopia",
        "decided_on": decided_on,
        "changes": [
            {"path": "father", "value": parent("ROE", "John", "UTO")},
            {
                "path": "paternity_recognition",
                "value": {"recognised_on": decided_on, "authority": "Consul of Utopia"},
            },
        ],
    }


def actions(post: Post, number: str) -> list[str]:
    return [e.action for e in reversed(post.audit.trail("civil_entry", number))]


def counts(post: Post) -> tuple[int, int, int]:
    """(entries, persons, audit entries): what a refused registration must leave unchanged."""
    with post.db.reading() as uow:
        entries = len(uow.civil.listing(limit=10_000))
        return entries, uow.persons.count(), uow.audit.head()[0]


# ------------------------------------------------------------------ the issue's "done when"


def test_late_birth_approved_then_recognition_settles_nationality(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar, supervisor = post.officers["registrar"], post.officers["supervisor"]
    entry = civil.register(registrar, "birth", birth(create_persons={"child": {}, "mother": {}}))

    assert entry.register_number == "UTO-GVA/B/2026/000001"
    assert entry.state is EntryState.PENDING_APPROVAL and entry.timeliness is Timeliness.LATE
    assert entry.evidence_missing == ("reason_for_delay",)
    assert entry.outcome is not None and entry.outcome["outcome"] == "needs_more_evidence"
    assert entry.outcome["missing"] == ["father.paternity_recognition"]
    assert [e.register_number for e in civil.pending_approvals()] == [entry.register_number]
    assert [e.register_number for e in civil.referrals()] == [entry.register_number]
    child_id, mother_id = entry.links["child"], entry.links["mother"]
    assert child_id is not None and post.persons.get(child_id).surname == "ROE"
    assert mother_id is not None and post.persons.get(mother_id).nationality == "XXA"
    # The child's registry record holds no nationality yet (none is established).
    assert post.persons.get(child_id).nationality == "XXX"

    with pytest.raises(PermissionDeniedError) as denied:
        civil.approve(registrar, entry.register_number)
    assert denied.value.code == "civil.approval.not_supervisor"
    with pytest.raises(DomainError) as missing:
        civil.approve(supervisor, entry.register_number)
    assert missing.value.code == "civil.approval.evidence_missing"
    with pytest.raises(LifecycleError):  # nothing is annotated before it is registered
        civil.annotate(registrar, entry.register_number, recognition())

    approved = civil.approve(
        supervisor, entry.register_number, evidence_presented=["reason_for_delay"]
    )
    assert approved.state is EntryState.REGISTERED and approved.evidence_missing == ()
    assert approved.decided_by == supervisor.id and civil.pending_approvals() == []

    annotated = civil.annotate(
        registrar, entry.register_number, {**recognition(), "create_persons": {"father": {}}}
    )
    assert annotated.outcome is not None and annotated.outcome["outcome"] == "acquires"
    assert annotated.outcome["nationalities"] == ["UTO"] and annotated.referral is None
    assert civil.referrals() == []
    # The original stays readable, unchanged; the current view has the recognition.
    stored = civil.get(entry.register_number)
    assert isinstance(stored.original, BirthRecord) and isinstance(stored.current, BirthRecord)
    assert stored.original.paternity_recognition is None
    assert stored.original == entry.original
    assert stored.current.paternity_recognition is not None
    assert stored.history.as_of(0) == stored.original
    assert stored.outcome_at_registration == entry.outcome
    assert stored.annotations[0].annotation.sequence == 1
    assert stored.annotations[0].outcome_after == annotated.outcome
    father_id = stored.links["father"]
    assert father_id is not None and post.persons.get(father_id).nationality == "UTO"

    assert actions(post, entry.register_number) == [
        "civil.registered",
        "civil.approved",
        "civil.annotated",
        "civil.nationality_changed",
    ]
    registered = post.audit.trail("civil_entry", entry.register_number)[-1]
    assert registered.details["register_number"] == entry.register_number
    assert registered.details["kind"] == "birth" and registered.details["timeliness"] == "late"
    assert registered.details["outcome"] == "needs_more_evidence"
    assert registered.details["referral"] == "referral.nationality_pending_evidence"
    changed = post.audit.trail("civil_entry", entry.register_number)[0]
    assert changed.details["before"] == "needs_more_evidence"
    assert changed.details["after"] == "acquires"
    assert post.audit.verify().ok


def test_the_registrar_cannot_approve_their_own_registration(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    supervisor = sqlite_post.officers["supervisor"]
    entry = sqlite_civil.register(supervisor, "birth", birth())
    with pytest.raises(PermissionDeniedError) as refused:
        sqlite_civil.approve(supervisor, entry.register_number, reason="seen")
    assert refused.value.code == "civil.approval.four_eyes"
    with pytest.raises(PermissionDeniedError):
        sqlite_civil.reject(supervisor, entry.register_number, "not the same person")
    assert sqlite_civil.get(entry.register_number).state is EntryState.PENDING_APPROVAL


def test_rejected_registration_keeps_its_number_and_is_no_duplicate(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar, supervisor = post.officers["registrar"], post.officers["supervisor"]
    first = civil.register(registrar, "birth", birth())
    with pytest.raises(DomainError):
        civil.reject(supervisor, first.register_number, " ")
    rejected = civil.reject(supervisor, first.register_number, "Local certificate is forged")
    assert rejected.state is EntryState.REJECTED
    assert rejected.decision_reason == "Local certificate is forged"
    with pytest.raises(LifecycleError):
        civil.approve(supervisor, first.register_number, reason="late")
    again = civil.register(registrar, "birth", birth())
    assert again.register_number == "UTO-GVA/B/2026/000002"
    assert civil.referrals() == [civil.get(again.register_number)]
    assert actions(post, first.register_number) == ["civil.registered", "civil.rejected"]


def test_supervisor_may_approve_without_evidence_only_with_a_reason(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    entry = sqlite_civil.register(sqlite_post.officers["registrar"], "birth", birth())
    approved = sqlite_civil.approve(
        sqlite_post.officers["supervisor"],
        entry.register_number,
        reason="Delay explained in person; written statement to follow",
    )
    assert approved.state is EntryState.REGISTERED
    assert approved.evidence_missing == ("reason_for_delay",)
    trail = sqlite_post.audit.trail("civil_entry", entry.register_number)
    assert trail[0].action == "civil.approved"
    assert trail[0].details["evidence_missing"] == ["reason_for_delay"]


# ------------------------------------------------------------------ nationality outcomes


@pytest.mark.parametrize(
    ("data", "outcome", "note", "explained"),
    [
        pytest.param(
            birth(
                "2026-11-01",
                mother=parent("DOE", "Mariam", "XXA", "ARE"),
                father=parent("KHAN", "Omar", "XXA", "ARE"),
                married="married",
                evidence=["local_birth_certificate", "parent_identity"],
            ),
            "at_risk_of_statelessness",
            "referral.at_risk_of_statelessness",
            "Birth in ARE does not give its nationality",
            id="both-parents-stateless-born-in-the-uae",
        ),
        pytest.param(
            birth(
                "2026-11-01",
                mother=parent("DOE", "Mariam", "XXB", "SYR", evidence="refugee_document"),
                father=parent("KHAN", "Omar", "XXB", "SYR", evidence="refugee_document"),
                married="married",
                country="FRA",
                evidence=["local_birth_certificate", "parent_identity"],
            ),
            "at_risk_of_statelessness",
            "referral.at_risk_of_statelessness",
            "Safeguard: birth in FRA",
            id="refugee-parents-born-in-france",
        ),
        pytest.param(
            birth(
                "2025-09-01",
                mother=parent("ROE", "Lena", "UTO", "ARE"),
                father=parent("KHAN", "Omar", "XXA", "ARE"),
                married="married",
                evidence=[*LATE_EVIDENCE, "reason_for_delay"],
            ),
            "at_risk_of_statelessness",
            "referral.at_risk_of_statelessness",
            "was also born abroad (ARE) and the birth was not registered by 2026-09-01",
            id="second-generation-born-abroad-past-the-deadline",
        ),
        pytest.param(
            birth(),
            "needs_more_evidence",
            "referral.nationality_pending_evidence",
            "has not recognised the child",
            id="national-father-not-married-no-recognition",
        ),
    ],
)
def test_children_without_a_nationality_are_referred_with_their_explanation(
    sqlite_post: Post,
    sqlite_civil: CivilRegistrationService,
    data: dict[str, Any],
    outcome: str,
    note: str,
    explained: str,
) -> None:
    entry = sqlite_civil.register(sqlite_post.officers["registrar"], "birth", copy.deepcopy(data))
    assert entry.outcome is not None and entry.outcome["outcome"] == outcome
    referral = referral_reason(entry.outcome)
    assert referral is not None and referral.code == note
    assert explain(referral).startswith("Refer to the supervisor")
    texts = [explain(r) for r in outcome_reasons(entry.outcome)]
    assert any(explained in text for text in texts), texts
    assert [e.register_number for e in sqlite_civil.referrals()] == [entry.register_number]
    # The outcome never stops the registration: a current one is final at once.
    if entry.timeliness is Timeliness.CURRENT:
        assert entry.state is EntryState.REGISTERED


def test_child_of_a_national_acquires_and_is_not_referred(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    data = birth(
        "2026-11-01",
        married="married",
        country="USA",
        evidence=["local_birth_certificate", "parent_identity"],
        create_persons={"child": {}},
    )
    entry = sqlite_civil.register(sqlite_post.officers["registrar"], "birth", data)
    assert entry.state is EntryState.REGISTERED and entry.timeliness is Timeliness.CURRENT
    assert entry.outcome is not None and entry.outcome["nationalities"] == ["UTO", "USA"]
    assert entry.referral is None and sqlite_civil.referrals() == []
    child_id = entry.links["child"]
    assert child_id is not None and sqlite_post.persons.get(child_id).nationality == "UTO"


# ------------------------------------------------------------------ timeliness


@pytest.mark.parametrize(
    ("born", "timeliness", "state"),
    [
        ("2026-09-26", Timeliness.CURRENT, EntryState.REGISTERED),  # day 60
        ("2026-09-25", Timeliness.LATE, EntryState.PENDING_APPROVAL),  # day 61
        ("2025-11-25", Timeliness.LATE, EntryState.PENDING_APPROVAL),  # the anniversary
        ("2025-11-24", Timeliness.DELAYED, EntryState.PENDING_APPROVAL),
    ],
)
def test_timeliness_boundaries_through_the_service(
    sqlite_post: Post,
    sqlite_civil: CivilRegistrationService,
    born: str,
    timeliness: Timeliness,
    state: EntryState,
) -> None:
    data = birth(born, married="married", evidence=["local_birth_certificate", "parent_identity"])
    entry = sqlite_civil.register(sqlite_post.officers["registrar"], "birth", data)
    assert entry.original.registered_on == TODAY
    assert (entry.timeliness, entry.state) == (timeliness, state)
    if timeliness is Timeliness.DELAYED:
        assert "witness_declaration" in entry.evidence_missing
        assert "hospital_record|midwife_declaration|baptism_record" in entry.evidence_required


def test_a_current_registration_without_its_evidence_is_refused(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    before = counts(sqlite_post)
    with pytest.raises(ValidationError) as refused:
        sqlite_civil.register(
            sqlite_post.officers["registrar"],
            "birth",
            birth("2026-11-01", evidence=["parent_identity"], create_persons={"child": {}}),
        )
    assert [(e.field, e.code, e.params["missing"]) for e in refused.value.errors] == [
        ("evidence_presented", "civil.evidence.missing", "local_birth_certificate")
    ]
    assert counts(sqlite_post) == before


def test_record_errors_are_reported_at_their_field_paths(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    data = birth(mother=parent("DOE", "Mariam", "QQQ"))
    data["sex"] = "Q"
    with pytest.raises(ValidationError) as refused:
        sqlite_civil.register(sqlite_post.officers["registrar"], "birth", data)
    assert {e.field for e in refused.value.errors} == {"sex"}
    data["sex"] = "F"
    with pytest.raises(ValidationError) as refused:
        sqlite_civil.register(sqlite_post.officers["registrar"], "birth", data)
    assert [e.field for e in refused.value.errors] == ["mother.nationalities[0].code"]
    with pytest.raises(ValidationError) as refused:
        sqlite_civil.register(
            sqlite_post.officers["registrar"], "birth", birth(registered_on="2026-11-01")
        )
    assert refused.value.errors[0].code == "civil.registered_on.not_today"
    with pytest.raises(ValidationError) as refused:
        sqlite_civil.register(
            sqlite_post.officers["registrar"],
            "birth",
            birth(create_persons={"mother": {"birth_date": "1990-13-01"}}),
        )
    assert refused.value.errors[0].field == "create_persons.mother.birth_date"
    assert counts(sqlite_post)[0] == 0


def test_only_a_registrar_or_supervisor_registers(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    for name in ("clerk", "admin"):
        with pytest.raises(PermissionDeniedError):
            sqlite_civil.register(sqlite_post.officers[name], "birth", birth())


def test_parties_link_to_existing_registry_persons(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    registrar = sqlite_post.officers["registrar"]
    father_id = sqlite_post.persons.add(
        registrar,
        {"surname": "ROE", "given_names": "John", "sex": "M", "birth_date": "1990-05-05",
         "nationality": "UTO"},
    )  # fmt: skip
    father = parent("ROE", "John", "UTO")
    father["person"]["person_id"] = father_id
    entry = sqlite_civil.register(registrar, "birth", birth(father=father))
    assert entry.links["father"] == father_id
    father["person"]["person_id"] = 999
    with pytest.raises(NotFoundError) as unknown:
        sqlite_civil.register(registrar, "birth", birth(child=("ROE", "Ali"), father=father))
    assert unknown.value.field == "father.person.person_id"
    with pytest.raises(ValidationError) as linked:
        father["person"]["person_id"] = father_id
        sqlite_civil.register(
            registrar,
            "birth",
            birth(child=("ROE", "Ali"), father=father, create_persons={"father": {}}),
        )
    assert linked.value.errors[0].code == "civil.party.already_linked"


# ------------------------------------------------------------------ duplicates


def test_an_exact_duplicate_is_refused_before_anything_is_written(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar = post.officers["registrar"]
    first = civil.register(registrar, "birth", birth(create_persons={"child": {}}))
    before = counts(post)
    # The same child, written with other case and accents, same date, same parents.
    again = birth(child=("Roe", "Amíra"), create_persons={"child": {}, "mother": {}})
    with pytest.raises(ConflictError) as refused:
        civil.register(registrar, "birth", again, confirm_possible_duplicate=True)
    assert refused.value.code == "civil.duplicate.exact"
    assert refused.value.params["register_number"] == first.register_number
    assert counts(post) == before
    with post.db.reading() as uow:
        assert uow.civil.last_sequence("UTO-GVA", EventKind.BIRTH, 2026) == 1


def test_a_possible_duplicate_needs_the_registrars_confirmation(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar = post.officers["registrar"]
    first = civil.register(registrar, "birth", birth())
    without_father = birth()
    del without_father["father"]
    without_father["father"] = None
    before = counts(post)
    with pytest.raises(ConflictError) as refused:
        civil.register(registrar, "birth", without_father)
    assert refused.value.code == "civil.duplicate.possible"
    assert refused.value.params["register_number"] == first.register_number
    assert "civil.duplicate.father_missing_one_side" in refused.value.params["reasons"]
    assert counts(post) == before
    second = civil.register(registrar, "birth", without_father, confirm_possible_duplicate=True)
    assert second.possible_duplicates == (first.register_number,)
    assert second.register_number == "UTO-GVA/B/2026/000002"
    details = post.audit.trail("civil_entry", second.register_number)[0].details
    assert details["possible_duplicate_of"] == [first.register_number]


def test_twins_are_not_duplicates(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    registrar = sqlite_post.officers["registrar"]
    sqlite_civil.register(registrar, "birth", birth())
    twin = sqlite_civil.register(registrar, "birth", birth(child=("ROE", "Yusuf")))
    assert twin.possible_duplicates == ()


def test_marriage_and_death_duplicates(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService
) -> None:
    registrar = sqlite_post.officers["registrar"]
    sqlite_civil.register(registrar, "marriage", marriage())
    swapped = marriage()
    swapped["spouses"].reverse()
    with pytest.raises(ConflictError) as same_marriage:
        sqlite_civil.register(registrar, "marriage", swapped)
    assert same_marriage.value.code == "civil.duplicate.exact"
    sqlite_civil.register(registrar, "death", death())
    with pytest.raises(ConflictError) as same_death:
        sqlite_civil.register(registrar, "death", death())
    assert same_death.value.params["register_number"] == "UTO-GVA/D/2026/000001"


# ------------------------------------------------------------------ register numbers


def test_numbers_per_post_kind_and_year_without_gaps(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar = post.officers["registrar"]
    births = [
        civil.register(registrar, "birth", birth(child=("ROE", name))).register_number
        for name in ("Amira", "Yusuf", "Lina")
    ]
    assert births == [f"UTO-GVA/B/2026/00000{n}" for n in (1, 2, 3)]
    assert civil.register(registrar, "marriage", marriage()).register_number == (
        "UTO-GVA/M/2026/000001"
    )
    assert civil.register(registrar, "death", death()).register_number == "UTO-GVA/D/2026/000001"
    post.clock.advance(days=38)  # 2027-01-02 at the post: a new year, a new series
    entry = civil.register(registrar, "birth", birth("2026-12-20", child=("ROE", "Noor")))
    assert entry.register_number == "UTO-GVA/B/2027/000001"
    assert [e.register_number for e in civil.list(kind="birth", year=2026)] == births


def test_a_rolled_back_registration_gives_its_number_back(
    post: Post, civil: CivilRegistrationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    registrar = post.officers["registrar"]
    first = civil.register(registrar, "birth", birth())
    before = counts(post)

    def fail(self: CivilRegisterRepository, entry: Any) -> int:
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(CivilRegisterRepository, "add", fail)
        with pytest.raises(RuntimeError):
            civil.register(
                registrar, "birth", birth(child=("ROE", "Yusuf"), create_persons={"child": {}})
            )
    assert counts(post) == before  # not the number, not the child's person, not the audit
    second = civil.register(registrar, "birth", birth(child=("ROE", "Yusuf")))
    assert (first.register_number, second.register_number) == (
        "UTO-GVA/B/2026/000001",
        "UTO-GVA/B/2026/000002",
    )


def test_concurrent_registrations_get_distinct_numbers_without_gaps(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar = post.officers["registrar"]
    names = [f"Child{chr(65 + n)}" for n in range(8)]

    def register(name: str) -> str:
        return civil.register(registrar, "birth", birth(child=("ROE", name))).register_number

    with ThreadPoolExecutor(max_workers=4) as pool:
        numbers = sorted(pool.map(register, names))
    assert numbers == [f"UTO-GVA/B/2026/{n:06d}" for n in range(1, 9)]


# ------------------------------------------------------------------ annotations


def marriage() -> dict[str, Any]:
    def spouse(surname: str, given: str, code: str) -> dict[str, Any]:
        return {
            "person": {"surname": surname, "given_names": given},
            "birth_date": "1988-03-12",
            "place_of_birth": {"country": code, "place": ""},
            "nationalities": [{"code": code, "evidence": "passport"}],
            "previous_marital_status": "never_married",
        }

    return {
        "spouses": [spouse("LINDQVIST", "Oskar", "UTO"), spouse("BERNASCONI", "Giulia", "CHE")],
        "marriage_date": "2026-10-10",
        "place": {"country": "CHE", "place": "Geneva"},
        "celebrant": "Civil registrar of Geneva",
        "authority": "Etat civil de Geneve",
        "witnesses": [],
        "evidence_presented": ["local_marriage_certificate", "spouse_identity"],
    }


def death() -> dict[str, Any]:
    return {
        "deceased": {"surname": "ERIKSSON", "given_names": "Ingrid"},
        "sex": "F",
        "birth_date": "1941-05-17",
        "death_date": "2026-11-18",
        "place": {"country": "CHE", "place": "Lausanne"},
        "informant": {
            "person": {"surname": "ERIKSSON", "given_names": "Nils"},
            "capacity": "relative",
        },
        "evidence_presented": ["local_death_certificate", "deceased_identity"],
    }


def test_annotations_append_and_the_original_stays_readable(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar = post.officers["registrar"]
    number = civil.register(registrar, "marriage", marriage()).register_number
    correction = {
        "kind": "correction",
        "reason": "Spelling on the local certificate",
        "authority": "Etat civil de Geneve",
        "decided_on": "2026-11-20",
        "changes": [{"path": "place.place", "value": "Geneva, Etat civil"}],
    }
    divorce = {
        "kind": "divorce",
        "reason": "Divorce judgment",
        "authority": "Tribunal de premiere instance, Geneva",
        "decided_on": "2026-11-24",
        "changes": [{"path": "dissolved_on", "value": "2026-11-24"}],
    }
    civil.annotate(registrar, number, correction)
    entry = civil.annotate(registrar, number, divorce)
    assert [a.annotation.sequence for a in entry.annotations] == [1, 2]
    assert entry.original.place.place == "Geneva"  # type: ignore[union-attr]
    assert entry.history.as_of(1).place.place == "Geneva, Etat civil"  # type: ignore[union-attr]
    assert entry.current.dissolved_on == dt.date(2026, 11, 24)  # type: ignore[union-attr]
    assert entry.annotations[0].annotation.recorded_on == TODAY
    assert actions(post, number) == ["civil.registered", "civil.annotated", "civil.annotated"]
    with pytest.raises(DomainError) as wrong:
        civil.annotate(registrar, number, {**divorce, "kind": "recognition_of_paternity"})
    assert wrong.value.code == "civil.annotation.not_applicable"
    with pytest.raises(DomainError) as immutable:
        civil.annotate(
            registrar,
            number,
            {**correction, "changes": [{"path": "registered_on", "value": "2026-01-01"}]},
        )
    assert immutable.value.code == "civil.annotation.immutable_field"
    assert len(civil.get(number).annotations) == 2
    with pytest.raises(ValidationError) as not_entered:
        civil.annotate(
            registrar, number, {**correction, "create_persons": {"spouse1": {"sex": "M"}}}
        )
    assert not_entered.value.errors[0].code == "civil.party.not_changed"
    with pytest.raises(NotFoundError):
        civil.annotate(registrar, "UTO-GVA/M/2026/000099", correction)


def test_the_same_birth_registered_at_once_by_several_registrars_is_recorded_once(
    post: Post, civil: CivilRegistrationService
) -> None:
    registrar = post.officers["registrar"]

    def register(_: int) -> str:
        try:
            return civil.register(registrar, "birth", birth()).register_number
        except ConflictError as error:
            return error.code

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = sorted(pool.map(register, range(4)))
    assert results == ["UTO-GVA/B/2026/000001", *["civil.duplicate.exact"] * 3]
    assert len(civil.list()) == 1


def test_missing_rules_refuse_registration_but_keep_the_register_readable(
    sqlite_post: Post, sqlite_civil: CivilRegistrationService, tmp_path: Path
) -> None:
    registrar = sqlite_post.officers["registrar"]
    number = sqlite_civil.register(registrar, "birth", birth()).register_number
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (rules / "registration" / "UTO.toml").unlink()
    broken = CivilRegistrationService.for_post(sqlite_post.db, sqlite_post.clock, DEMO_POST, rules)
    with pytest.raises(DomainError) as refused:
        broken.register(registrar, "death", death())
    assert refused.value.code == "civil.rules.unavailable"
    assert "registration/UTO.toml" in refused.value.params["problem"]
    assert broken.get(number).register_number == number
