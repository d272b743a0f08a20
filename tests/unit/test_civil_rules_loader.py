"""The shipped rule files load, cover the main destination countries, and every entry has a
source; a broken file is refused with an error naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from workstation.domain.civil.rules import (
    BirthrightKind,
    BornAbroadParent,
    FatherNotMarried,
    Requirement,
)
from workstation.domain.countries import ISO_ALPHA3
from workstation.rules.loader import (
    RulesError,
    load_all_descent_rules,
    load_birthright_rules,
    load_descent_file,
    load_descent_rules,
    load_registration_file,
)

BIRTHRIGHT = load_birthright_rules()

# The 30 countries with the most international migrants (UN DESA, International Migrant Stock
# 2020, top destinations; Hong Kong SAR included as HKG).
TOP_DESTINATIONS = """
    USA DEU SAU RUS GBR ARE FRA CAN AUS ESP ITA TUR UKR IND KAZ THA MYS JOR PAK KWT
    HKG ZAF IRN JPN CIV SGP CHE NLD OMN ARG
""".split()


def test_at_least_thirty_countries_each_with_an_iso_code_and_a_source() -> None:
    assert len(BIRTHRIGHT) >= 30
    for code, rule in BIRTHRIGHT.items():
        assert code in ISO_ALPHA3 and rule.country == code
        assert rule.source.law.strip() and rule.source.article.strip()
        assert rule.source.reference.strip()


def test_the_main_destination_countries_are_covered() -> None:
    assert len(TOP_DESTINATIONS) == 30
    assert set(TOP_DESTINATIONS) <= set(BIRTHRIGHT)


@pytest.mark.parametrize(
    ("countries", "kind"),
    [
        ("USA CAN MEX BRA ARG PER", BirthrightKind.UNCONDITIONAL),
        ("FRA DEU GBR ITA ESP BEL NLD AUS JPN MYS TUR", BirthrightKind.CONDITIONAL),
        ("SAU ARE QAT KWT OMN BHR JOR CHE IND NGA", BirthrightKind.NONE),
    ],
)
def test_kinds_of_birthright(countries: str, kind: BirthrightKind) -> None:
    for code in countries.split():
        assert BIRTHRIGHT[code].kind is kind, code


def test_gulf_states_give_nationality_to_foundlings_only() -> None:
    for code in "SAU ARE QAT KWT OMN BHR".split():
        assert BIRTHRIGHT[code].kind is BirthrightKind.NONE and BIRTHRIGHT[code].foundlings


def test_notable_conditions() -> None:
    germany = BIRTHRIGHT["DEU"].conditions
    assert [(c.all_of, c.years) for c in germany] == [
        ((Requirement.PARENT_RESIDENT_YEARS, Requirement.PARENT_PERMANENT_RESIDENT), 5)
    ]
    france = {c.all_of for c in BIRTHRIGHT["FRA"].conditions}
    assert (Requirement.OTHERWISE_STATELESS,) in france
    assert (Requirement.PARENT_BORN_THERE,) in france
    assert {c.all_of for c in BIRTHRIGHT["GBR"].conditions} == {
        (Requirement.PARENT_CITIZEN,),
        (Requirement.PARENT_PERMANENT_RESIDENT,),
    }


def test_the_uto_descent_rules_are_the_issue_s() -> None:
    uto = load_descent_rules("UTO")
    assert uto.through_mother and uto.through_father_married
    assert uto.father_not_married is FatherNotMarried.AFTER_RECOGNITION
    assert uto.born_abroad_parent is BornAbroadParent.IF_REGISTERED_WITHIN
    assert uto.born_abroad_deadline_months == 12
    assert load_all_descent_rules()["UTO"] == uto


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD_SOURCE = 'source.law = "L"\nsource.article = "a. 1"\nsource.reference = "R"\n'


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[FRA]\nkind = "conditional"\n' + GOOD_SOURCE, "FRA.conditions"),
        ('[FRA]\nkind = "sometimes"\n' + GOOD_SOURCE, "FRA.kind"),
        ('[FRX]\nkind = "none"\n' + GOOD_SOURCE, "FRX"),
        ('[FRA]\nkind = "none"\n', "FRA.source"),
        ('[FRA]\nkind = "none"\nsource.law = "L"\nsource.article = "a"\n', "FRA.source.reference"),
        ('[FRA]\nkind = "none"\ncolour = 1\n' + GOOD_SOURCE, "FRA.colour"),
        ('[FRA]\nkind = "none"\nfoundlings = "yes"\n' + GOOD_SOURCE, "FRA.foundlings"),
        (
            '[FRA]\nkind = "conditional"\nconditions = [{ all_of = ["otherwise_stateless"] },'
            ' { all_of = ["born_on_a_sunday"] }]\n' + GOOD_SOURCE,
            "FRA.conditions[1].all_of[0]",
        ),
        (
            '[DEU]\nkind = "conditional"\nconditions = [{ all_of = ["parent_resident_years"] }]\n'
            + GOOD_SOURCE,
            "DEU.conditions[0].years",
        ),
        (
            '[GBR]\nkind = "none"\nlater_routes = [{ route = "lottery", article = "s. 1" }]\n'
            + GOOD_SOURCE,
            "GBR.later_routes[0].route",
        ),
        ('[FRA\nkind = "none"\n', ""),  # not TOML at all
    ],
)
def test_a_broken_birthright_file_names_the_file_and_the_key(
    tmp_path: Path, text: str, key: str
) -> None:
    path = _write(tmp_path, "birthright.toml", text)
    with pytest.raises(RulesError) as caught:
        load_birthright_rules(path)
    assert caught.value.path == path
    assert caught.value.key == key
    assert str(path) in str(caught.value)


UTO_DESCENT = """state = "UTO"
through_mother = true
through_father_married = true
father_not_married = "after_recognition"
born_abroad_parent = "if_registered_within"
born_abroad_deadline_months = 12
""" + GOOD_SOURCE.replace("source.", "[source]\n", 1).replace("source.", "")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (("through_mother = true", "through_mother = 1"), "through_mother"),
        (('"after_recognition"', '"when_convenient"'), "father_not_married"),
        (("born_abroad_deadline_months = 12\n", ""), "born_abroad_deadline_months"),
        (('state = "UTO"', 'state = "FRA"'), "state"),
        (("through_mother = true", "through_mother = true\ngenerations = 2"), "generations"),
    ],
)
def test_a_broken_descent_file_names_the_key(
    tmp_path: Path, change: tuple[str, str], key: str
) -> None:
    assert load_descent_file(_write(tmp_path, "descent/UTO.toml", UTO_DESCENT)).state == "UTO"
    path = _write(tmp_path, "descent/UTO.toml", UTO_DESCENT.replace(*change))
    with pytest.raises(RulesError) as caught:
        load_descent_file(path)
    assert (caught.value.path, caught.value.key) == (path, key)


def test_a_missing_descent_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RulesError) as caught:
        load_descent_rules("FRA", tmp_path)
    assert caught.value.path == tmp_path / "descent" / "FRA.toml"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            'state = "UTO"\n[legal_period_days]\nbirth = 60\ndeath = 30\n',
            "legal_period_days.marriage",
        ),
        (
            'state = "UTO"\n[legal_period_days]\nbirth = 0\nmarriage = 1\ndeath = 1\n',
            "legal_period_days.birth",
        ),
        (
            'state = "UTO"\n[legal_period_days]\nbirth = 1\nmarriage = 1\ndeath = 1\n'
            '[evidence.birth]\nlate = ["Birth Certificate"]\n',
            "evidence.birth.late[0]",
        ),
        (
            'state = "UTO"\n[legal_period_days]\nbirth = 1\nmarriage = 1\ndeath = 1\n'
            '[evidence.birth]\noverdue = ["x_y"]\n',
            "evidence.birth.overdue",
        ),
    ],
)
def test_a_broken_registration_file_names_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = _write(tmp_path, "registration/UTO.toml", text)
    with pytest.raises(RulesError) as caught:
        load_registration_file(path)
    assert (caught.value.path, caught.value.key) == (path, key)
