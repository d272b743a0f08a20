"""Register entries for the certificate tests: a late birth in Geneva of a child of a national
mother and a stateless father, recognised later; a marriage; a death. Names as written, with
accents and Cyrillic (the certificates print them with DejaVu; the seal carries their ICAO
transliteration)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workstation.domain.civil.annotations import (
    Annotation,
    AnnotationKind,
    FieldChange,
    apply_annotations,
    divorce,
    recognition_of_paternity,
)
from workstation.domain.civil.records import (
    BirthRecord,
    DeathRecord,
    Informant,
    InformantCapacity,
    MarriageRecord,
    NationalityClaim,
    NationalityEvidence,
    ParentFacts,
    ParentsMaritalStatus,
    PersonRef,
    Place,
    PreviousMaritalStatus,
    Spouse,
)
from workstation.domain.dates import PartialDate
from workstation.domain.people import Sex

BIRTH_NUMBER = "UTO-GVA/B/2026/000123"
MARRIAGE_NUMBER = "UTO-GVA/M/2026/000007"
DEATH_NUMBER = "UTO-GVA/D/2026/000042"
REGISTERED_ON = dt.date(2026, 11, 20)
ISSUED_ON = dt.date(2026, 12, 14)
REGISTRAR = "Hélène Favre-Bühler"

MOTHER = ParentFacts(
    person=PersonRef("Müller-Lüdenscheid", "Anna Maria"),
    nationalities=(NationalityClaim("UTO", NationalityEvidence.PASSPORT, "UT1234567"),),
    birth_date=PartialDate(1990, 4, 2),
    country_of_birth="UTO",
    place_of_birth="Utopia City",
)
FATHER = ParentFacts(
    person=PersonRef("Шевченко", "Олег", surname_latin="Shevchenko", given_names_latin="Oleg"),
    nationalities=(
        NationalityClaim("XXA", NationalityEvidence.STATELESSNESS_DETERMINATION, "CH-2024-17"),
    ),
    birth_date=PartialDate(1987),
    country_of_birth="UKR",
    place_of_birth="Kharkiv",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the producer takes: the current view and the annotations behind it."""

    register_number: str
    current: BirthRecord | MarriageRecord | DeathRecord
    annotations: tuple[Annotation, ...]


def birth_original() -> BirthRecord:
    return BirthRecord(
        child=PersonRef("Müller-Lüdenscheid", "Zoë Олена"),
        sex=Sex.FEMALE,
        birth_date=dt.date(2025, 9, 30),
        place_of_birth=Place("CHE", "Hôpitaux universitaires de Genève"),
        mother=MOTHER,
        father=None,
        parents_marital_status=ParentsMaritalStatus.NOT_MARRIED,
        informant=Informant(MOTHER.person, InformantCapacity.MOTHER),
        registered_on=REGISTERED_ON,
        birth_time=dt.time(4, 17),
        register_number=BIRTH_NUMBER,
    )


RECOGNITION = recognition_of_paternity(
    1,
    FATHER,
    "Declaration of recognition by the father",
    "Notary Jean-Luc Perrin, Geneva",
    dt.date(2026, 12, 1),
    reference="2026/4471",
)
CORRECTION = Annotation(
    2,
    AnnotationKind.CORRECTION,
    "Clerical error in the mother's place of birth",
    "Registrar, Consulate General in Geneva",
    dt.date(2026, 12, 5),
    (FieldChange("mother.place_of_birth", "Utopia-City"),),
)


def birth(*annotations: Annotation) -> Entry:
    return Entry(BIRTH_NUMBER, apply_annotations(birth_original(), annotations), annotations)


def marriage(*, divorced: bool = False) -> Entry:
    original = MarriageRecord(
        spouses=(
            Spouse(
                PersonRef("Dubois", "Éloïse"),
                PartialDate(1992, 6, 11),
                Place("FRA", "Annecy"),
                (NationalityClaim("UTO", NationalityEvidence.PASSPORT),),
                PreviousMaritalStatus.NEVER_MARRIED,
                surname_after_marriage="Dubois-Øster",
            ),
            Spouse(
                PersonRef("Øster", "Lars Ævar"),
                PartialDate(1989, 1, 23),
                Place("NOR", "Tromsø"),
                (NationalityClaim("NOR", NationalityEvidence.PASSPORT),),
                PreviousMaritalStatus.DIVORCED,
            ),
        ),
        marriage_date=dt.date(2026, 6, 20),
        place=Place("CHE", "Genève"),
        celebrant="Consul General Maria Santos",
        authority="Consulate General of Utopia in Geneva",
        witnesses=(PersonRef("Keller", "Ruth"), PersonRef("Nguyễn", "Văn An")),
        registered_on=dt.date(2026, 6, 22),
        property_regime="Separation of property",
        register_number=MARRIAGE_NUMBER,
    )
    annotations = (
        (divorce(1, "Judgment of divorce", "Tribunal de première instance, Genève", ISSUED_ON),)
        if divorced
        else ()
    )
    return Entry(MARRIAGE_NUMBER, apply_annotations(original, annotations), annotations)


def death() -> Entry:
    original = DeathRecord(
        deceased=PersonRef("Ångström", "Björn"),
        sex=Sex.MALE,
        birth_date=PartialDate(1941, 3),
        death_date=dt.date(2026, 10, 2),
        place=Place("CHE", "Lausanne"),
        informant=Informant(PersonRef("Ångström", "Karin"), InformantCapacity.SPOUSE),
        registered_on=dt.date(2026, 10, 9),
        death_time=dt.time(22, 5),
        cause_reference="CH-VD-2026-88812",
        register_number=DEATH_NUMBER,
    )
    return Entry(DEATH_NUMBER, original, ())
