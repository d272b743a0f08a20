"""Named nationality scenarios, on the shipped rules (UTO descent, birthright of the countries).

| scenario                                                         | outcome             |
|------------------------------------------------------------------|---------------------|
| UTO father (married), stateless mother, born in the USA          | acquires UTO + USA  |
| UTO father not married, stateless mother, no recognition, UAE    | needs evidence, ref |
| the same after a recognition of paternity                        | acquires UTO        |
| UTO mother born abroad, birth registered after 12 months, UAE    | at risk, referred   |
| the same registered on the last day of the 12 months             | acquires UTO        |
| both parents refugees, born in France                            | at risk, safeguard  |
| both parents stateless, born in France                           | acquires FRA        |
| UTO mother, unknown father, born in Qatar / Saudi Arabia         | acquires UTO        |
| both parents stateless, born in Japan / in the UAE               | JPN / at risk       |
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from tests.unit.test_civil_records import birth, parent
from workstation.domain.civil.annotations import History, recognition_of_paternity
from workstation.domain.civil.explanations import (
    REASON_TEXTS,
    REFERRAL_TEXTS,
    explain,
    explain_missing,
)
from workstation.domain.civil.nationality import (
    Basis,
    Missing,
    MissingFact,
    NationalityOutcome,
    Outcome,
    RouteStatus,
    assess_nationality,
)
from workstation.domain.civil.records import (
    BirthRecord,
    NationalityEvidence,
    ParentFacts,
    ParentsMaritalStatus,
)
from workstation.domain.civil.rules import (
    BornAbroadParent,
    DescentRules,
    FatherNotMarried,
    RuleSource,
)
from workstation.rules.loader import load_birthright_rules, load_descent_rules

UTO = load_descent_rules("UTO")
BIRTHRIGHT = load_birthright_rules()
NOT_MARRIED = ParentsMaritalStatus.NOT_MARRIED


def assess(
    record: BirthRecord, rules: DescentRules = UTO, **foreign: DescentRules
) -> NationalityOutcome:
    outcome = assess_nationality(record, rules, BIRTHRIGHT, foreign)
    for reason in outcome.reasons:  # every reason has its English text, fully filled in
        assert reason.code in REASON_TEXTS
        assert "{" not in explain(reason), reason
    if outcome.referral is not None:
        assert outcome.referral.note_code in REFERRAL_TEXTS
    for fact in outcome.missing:
        assert "{" not in explain_missing(fact)
    return outcome


def codes(outcome: NationalityOutcome) -> list[str]:
    return [reason.code for reason in outcome.reasons]


def stateless_mother() -> ParentFacts:
    return parent("ROE", "Mary", "XXA", born_in="SYR")


def test_national_father_and_stateless_mother_born_in_the_usa_acquires_uto_and_us() -> None:
    record = birth(
        father=parent("ROE", "John", "UTO"),
        mother=parent("ROE", "Mary", "XXA", born_in="SYR"),
        country="USA",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.ACQUIRES
    assert outcome.nationalities == ("UTO", "USA")
    assert set(outcome.bases()) == {("UTO", Basis.DESCENT_FATHER), ("USA", Basis.BIRTHRIGHT)}
    assert not outcome.refer_to_supervisor
    assert outcome.missing == ()
    assert explain(outcome.reasons[0]) == "The child acquires at birth: UTO, USA."


def _unrecognised_in_uae() -> BirthRecord:
    return birth(
        father=parent("ROE", "John", "UTO"),
        mother=parent("DOE", "Mary", "XXA", born_in="ARE"),
        married=NOT_MARRIED,
        country="ARE",
    )


def test_unmarried_national_father_without_recognition_in_the_uae_needs_recognition() -> None:
    outcome = assess(_unrecognised_in_uae())
    assert outcome.outcome is Outcome.NEEDS_MORE_EVIDENCE
    assert outcome.nationalities == ()
    assert outcome.missing == (MissingFact(Missing.PATERNITY_RECOGNITION, "father"),)
    assert outcome.refer_to_supervisor  # no nationality yet: the supervisor follows it up
    assert outcome.referral is not None
    assert outcome.referral.note_code == "referral.nationality_pending_evidence"
    assert "descent.paternity_not_recognised" in codes(outcome)
    assert "birthright.none" in codes(outcome)


def test_the_same_child_after_a_recognition_of_paternity_acquires_uto() -> None:
    history = History(_unrecognised_in_uae()).append(
        recognition_of_paternity(
            1,
            parent("ROE", "John", "UTO"),
            reason="Recognition before the registrar",
            authority="Consular registrar, UTO-DXB",
            decided_on=dt.date(2026, 9, 1),
        )
    )
    before, after = assess(history.original), assess(history.current())
    assert before.outcome is Outcome.NEEDS_MORE_EVIDENCE  # the original still reads as it was
    assert after.outcome is Outcome.ACQUIRES
    assert after.bases() == (("UTO", Basis.DESCENT_FATHER),)
    assert "descent.paternity_recognised" in codes(after)
    assert not after.refer_to_supervisor


def _second_generation(registered: dt.date) -> BirthRecord:
    return birth(
        mother=parent("ROE", "Mary", "UTO", born_in="DEU"),  # she was born abroad too
        father=None,
        country="ARE",
        born=dt.date(2026, 3, 1),
        registered=registered,
    )


def test_second_generation_born_abroad_registered_past_one_year_is_at_risk() -> None:
    outcome = assess(_second_generation(dt.date(2027, 3, 2)))
    assert outcome.outcome is Outcome.AT_RISK
    assert outcome.referral is not None
    assert outcome.referral.note_code == "referral.at_risk_of_statelessness"
    assert "descent.born_abroad_deadline_passed" in codes(outcome)


def test_second_generation_registered_within_one_year_acquires() -> None:
    outcome = assess(_second_generation(dt.date(2027, 3, 1)))
    assert outcome.outcome is Outcome.ACQUIRES
    assert outcome.bases() == (("UTO", Basis.DESCENT_MOTHER),)
    assert "descent.registered_within_deadline" in codes(outcome)


def test_both_parents_refugees_born_in_france_are_at_risk_with_the_french_safeguard() -> None:
    """Decision: refugees keep their nationality of origin in law, so France's 'otherwise
    stateless' rule (Code civil art. 19-1) cannot be decided while the parents' own laws are
    unknown. The child holds no established nationality: at risk, referred, and the safeguard
    is named in the explanation for the supervisor to pursue."""
    refugee = NationalityEvidence.REFUGEE_DOCUMENT
    record = birth(
        mother=parent("AL-HASAN", "Rania", "XXB", born_in="SYR", evidence=refugee),
        father=parent("AL-HASAN", "Omar", "XXB", "SYR", born_in="SYR", evidence=refugee),
        country="FRA",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.AT_RISK
    assert outcome.refer_to_supervisor
    france = next(r for r in outcome.routes if r.state == "FRA")
    assert france.status is RouteStatus.SAFEGUARD
    assert "birthright.safeguard_pending" in codes(outcome)
    assert "descent.parent_refugee" in codes(outcome)
    assert "birthright.later_route" in codes(outcome)  # art. 21-7: residence until majority


def test_both_parents_stateless_born_in_france_acquires_french_nationality() -> None:
    record = birth(
        mother=parent("DOE", "Mary", "XXA", born_in="MMR"),
        father=parent("DOE", "Ko", "XXA", born_in="MMR"),
        country="FRA",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.ACQUIRES
    assert outcome.bases() == (("FRA", Basis.BIRTHRIGHT),)


@pytest.mark.parametrize("country", ["QAT", "SAU", "KWT", "ARE"])
def test_national_mother_and_unknown_father_born_in_the_gulf_acquires_uto(country: str) -> None:
    record = birth(mother=parent("ROE", "Mary", "UTO"), father=None, country=country)
    outcome = assess(record)
    assert outcome.outcome is Outcome.ACQUIRES
    assert outcome.bases() == (("UTO", Basis.DESCENT_MOTHER),)


def test_stateless_parents_born_in_japan_acquires_japanese_nationality() -> None:
    record = birth(
        mother=parent("DOE", "Mary", "XXA", born_in="MMR"),
        father=parent("DOE", "Ko", "XXA", born_in="MMR"),
        country="JPN",
    )
    assert assess(record).bases() == (("JPN", Basis.BIRTHRIGHT),)


def test_stateless_parents_born_in_the_uae_is_at_risk() -> None:
    record = birth(
        mother=parent("DOE", "Mary", "XXA", born_in="MMR"),
        father=parent("DOE", "Ko", "XXA", born_in="MMR"),
        country="ARE",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.AT_RISK
    assert outcome.referral is not None


def test_a_foundling_in_the_uae_is_emirati() -> None:
    outcome = assess(birth(mother=None, father=None, country="ARE", foundling=True))
    assert outcome.bases() == (("ARE", Basis.FOUNDLING),)


def test_a_nationality_resting_on_a_declaration_needs_documentary_evidence() -> None:
    record = birth(
        mother=stateless_mother(),
        father=parent("ROE", "John", "UTO", evidence=NationalityEvidence.DECLARATION),
        country="ARE",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.NEEDS_MORE_EVIDENCE
    assert outcome.missing == (MissingFact(Missing.PARENT_NATIONALITY_EVIDENCE, "father"),)
    assert explain_missing(outcome.missing[0]) == "documentary evidence of the father's nationality"


def test_a_parents_unknown_birth_place_matters_only_past_the_deadline() -> None:
    father = parent("ROE", "John", "UTO", born_in=None)
    within = birth(mother=stateless_mother(), father=father, country="ARE")
    assert assess(within).outcome is Outcome.ACQUIRES
    late = dataclasses.replace(within, registered_on=dt.date(2028, 1, 1))
    outcome = assess(late)
    assert outcome.outcome is Outcome.NEEDS_MORE_EVIDENCE
    assert outcome.missing == (MissingFact(Missing.PARENT_BIRTH_PLACE, "father"),)


def test_a_foreign_nationality_is_unknown_not_guessed() -> None:
    record = birth(
        mother=parent("SINGH", "Asha", "IND", born_in="IND"),
        father=parent("DOE", "Ko", "XXA", born_in="MMR"),
        country="ARE",
    )
    outcome = assess(record)
    india = next(r for r in outcome.routes if r.state == "IND")
    assert india.status is RouteStatus.UNKNOWN
    assert outcome.outcome is Outcome.AT_RISK  # no *known* route gives a nationality
    assert "descent.foreign_law_unknown" in codes(outcome)
    either_parent = dataclasses.replace(
        UTO,
        state="IND",
        born_abroad_parent=BornAbroadParent.TRANSMITS,
        born_abroad_deadline_months=None,
    )
    known = assess(record, IND=either_parent)
    assert known.bases() == (("IND", Basis.DESCENT_MOTHER),)


@pytest.mark.parametrize(
    ("years", "permanent", "expected"),
    [
        (5, True, Outcome.ACQUIRES),  # StAG s. 4(3) since 27 June 2024
        (4, True, Outcome.AT_RISK),
        (8, False, Outcome.AT_RISK),
        (None, True, Outcome.NEEDS_MORE_EVIDENCE),
    ],
)
def test_germany_needs_a_parent_resident_five_years_with_permanent_residence(
    years: int | None, permanent: bool, expected: Outcome
) -> None:
    record = birth(
        mother=parent(
            "DOE", "Mary", "XXA", born_in="MMR", resident_years=years, permanent=permanent
        ),
        father=None,
        country="DEU",
    )
    outcome = assess(record)
    assert outcome.outcome is expected
    if expected is Outcome.NEEDS_MORE_EVIDENCE:
        assert outcome.missing == (MissingFact(Missing.PARENT_RESIDENCE_YEARS, "mother"),)


def test_an_unlisted_country_of_birth_is_unknown_and_descent_still_counts() -> None:
    record = birth(mother=parent("ROE", "Mary", "UTO"), father=None, country="NZL")
    outcome = assess(record)
    assert outcome.outcome is Outcome.ACQUIRES
    birthplace = next(r for r in outcome.routes if r.state == "NZL")
    assert birthplace.status is RouteStatus.UNKNOWN


SOURCE = RuleSource("Test law", "art. 1", "test")


def test_other_systems_father_only_when_married() -> None:
    rules = DescentRules(
        "UTO", False, True, FatherNotMarried.NEVER, BornAbroadParent.TRANSMITS, SOURCE
    )
    married = birth(
        mother=parent("ROE", "Mary", "UTO"), father=parent("ROE", "J", "UTO"), country="ARE"
    )
    assert assess(married, rules).bases() == (("UTO", Basis.DESCENT_FATHER),)
    unmarried = dataclasses.replace(married, parents_marital_status=NOT_MARRIED)
    assert assess(unmarried, rules).outcome is Outcome.AT_RISK
    unknown = dataclasses.replace(married, parents_marital_status=ParentsMaritalStatus.UNKNOWN)
    assert assess(unknown, rules).missing == (MissingFact(Missing.PARENTS_MARITAL_STATUS),)


def test_other_systems_mother_only_and_one_generation_limit() -> None:
    rules = DescentRules("UTO", True, False, FatherNotMarried.NEVER, BornAbroadParent.NEVER, SOURCE)
    father_only = birth(mother=stateless_mother(), father=parent("ROE", "J", "UTO"), country="ARE")
    assert assess(father_only, rules).outcome is Outcome.AT_RISK
    mother_at_home = birth(mother=parent("ROE", "M", "UTO"), father=None, country="ARE")
    assert assess(mother_at_home, rules).outcome is Outcome.ACQUIRES
    mother_abroad = birth(
        mother=parent("ROE", "M", "UTO", born_in="FRA"), father=None, country="ARE"
    )
    outcome = assess(mother_abroad, rules)
    assert outcome.outcome is Outcome.AT_RISK
    assert "descent.parent_born_abroad" in codes(outcome)


def test_other_systems_registration_deadline_for_every_birth_abroad() -> None:
    rules = dataclasses.replace(UTO, registration_deadline_months=3)
    record = birth(mother=parent("ROE", "M", "UTO"), father=None, country="ARE")
    assert assess(record, rules).outcome is Outcome.ACQUIRES
    late = dataclasses.replace(record, registered_on=dt.date(2026, 6, 2))
    outcome = assess(late, rules)
    assert outcome.outcome is Outcome.AT_RISK
    assert "descent.registration_deadline_passed" in codes(outcome)


def test_issuing_nationality_pending_evidence_is_shown_even_when_another_is_acquired() -> None:
    record = birth(
        mother=stateless_mother(),
        father=parent("ROE", "John", "UTO", evidence=NationalityEvidence.DECLARATION),
        country="USA",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.ACQUIRES
    assert outcome.nationalities == ("USA",)
    assert not outcome.acquires_issuing_nationality
    assert outcome.status_of("UTO") is RouteStatus.PENDING
    assert [m.code for m in outcome.missing] == ["father.nationality_evidence"]
    assert not outcome.refer_to_supervisor


def test_the_outcome_is_plain_data_for_json() -> None:
    outcome = assess(_unrecognised_in_uae())
    data = json.loads(json.dumps(outcome.as_dict()))
    assert data["outcome"] == "needs_more_evidence"
    assert data["missing"] == ["father.paternity_recognition"]
    assert data["referral"]["note_code"] == "referral.nationality_pending_evidence"
    assert data["reasons"][0] == {"code": "outcome.needs_more_evidence", "params": {}}


def _foreign_parents(country: str, **mother_facts: object) -> BirthRecord:
    """A child of a foreign (Indian) mother and an unknown father, born in ``country``."""
    mother = parent("SINGH", "Asha", "IND", born_in="IND")
    return birth(mother=dataclasses.replace(mother, **mother_facts), father=None, country=country)


@pytest.mark.parametrize(
    ("country", "facts", "expected"),
    [
        ("GBR", {"permanent_resident_in_birth_country": True}, Outcome.ACQUIRES),  # settled
        ("GBR", {"permanent_resident_in_birth_country": False}, Outcome.AT_RISK),
        ("AUS", {"permanent_resident_in_birth_country": True}, Outcome.ACQUIRES),
        (
            "BEL",
            {"country_of_birth": "BEL", "resident_years_in_birth_country": 5},
            Outcome.ACQUIRES,
        ),
        ("BEL", {"country_of_birth": "BEL", "resident_years_in_birth_country": 4}, Outcome.AT_RISK),
        ("ESP", {"country_of_birth": "ESP"}, Outcome.ACQUIRES),  # double ius soli
        ("FRA", {"country_of_birth": None}, Outcome.NEEDS_MORE_EVIDENCE),  # was she born there?
        ("IRN", {"country_of_birth": "IRN"}, Outcome.ACQUIRES),
        ("CAN", {}, Outcome.ACQUIRES),
        ("SAU", {}, Outcome.AT_RISK),  # Indian law unknown here: not guessed
    ],
)
def test_birthright_conditions_with_a_foreign_mother(
    country: str, facts: dict[str, object], expected: Outcome
) -> None:
    outcome = assess(_foreign_parents(country, **facts))
    assert outcome.outcome is expected
    if expected is Outcome.ACQUIRES:
        assert outcome.nationalities == (country,)


def test_stateless_mother_and_unknown_father_in_turkey_acquire_by_the_safeguard() -> None:
    record = birth(mother=parent("DOE", "Mary", "XXA", born_in="SYR"), father=None, country="TUR")
    outcome = assess(record)
    assert outcome.bases() == (("TUR", Basis.BIRTHRIGHT),)
    assert "birthright.condition_met" in codes(outcome)


def test_statelessness_claimed_without_evidence_needs_it_where_it_decides() -> None:
    declared = NationalityEvidence.DECLARATION
    record = birth(
        mother=parent("DOE", "Mary", "XXA", born_in="MMR", evidence=declared),
        father=None,
        country="JPN",
    )
    outcome = assess(record)
    assert outcome.outcome is Outcome.NEEDS_MORE_EVIDENCE
    assert [m.code for m in outcome.missing] == ["mother.statelessness_evidence"]


def test_a_foundling_where_the_law_has_no_foundling_rule_is_at_risk() -> None:
    outcome = assess(birth(mother=None, father=None, country="IND", foundling=True))
    assert outcome.outcome is Outcome.AT_RISK


def test_icao_d_for_germany_is_the_same_nationality_as_deu() -> None:
    mother = parent("MÜLLER", "Anna", "D<<", born_in="DEU")
    record = birth(mother=mother, father=None, country="GBR")
    assert mother.claim("DEU") is not None
    outcome = assess(record)
    germany = next(r for r in outcome.routes if r.state == "DEU")
    assert germany.status is RouteStatus.UNKNOWN  # German law not given: unknown, not "D<<"
