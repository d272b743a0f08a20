from pathlib import Path

import pytest

from forms import FormError, load_form
from workstation.domain.person_validation import PERSON_FIELDS


def test_the_person_form_covers_the_registry_fields_in_order() -> None:
    form = load_form("person")
    assert [f.name for f in form.fields] == list(PERSON_FIELDS)
    assert form.field("sex").choices == ("F", "M", "X")
    assert {f.name for f in form.fields if f.required} == {
        "surname",
        "sex",
        "birth_date",
        "nationality",
    }


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (
            'title = "P"\n[[fields]]\nname = "nickname"\ntype = "text"\nlabel = "N"',
            "fields[0].name",
        ),
        ('title = "P"\n[[fields]]\nname = "sex"\ntype = "radio"\nlabel = "S"', "fields[0].type"),
        (
            'title = "P"\n[[fields]]\nname = "sex"\ntype = "choice"\nlabel = "S"',
            "fields[0].choices",
        ),
        (
            'title = "P"\n[[fields]]\nname = "phone"\ntype = "phone"\nlabel = "T"\ncolour = 1',
            "fields[0].colour",
        ),
        (
            'title = "P"\n[[fields]]\nname = "email"\ntype = "email"\nlabel = "E"\n'
            'enabled_when = "phone"',
            "fields[0].enabled_when",
        ),
        ('[[fields]]\nname = "email"\ntype = "email"\nlabel = "E"', "title"),
    ],
)
def test_a_broken_form_names_the_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    (tmp_path / "person.toml").write_text(body, encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_form("person", tmp_path)
    assert caught.value.key == key
    assert "person.toml" in str(caught.value)


def test_the_civil_registration_forms_load_and_label_each_parent_s_evidence() -> None:
    from forms.loader import ANNOTATION_SERVICES

    birth = load_form("birth_registration")
    labels = [f.label for f in birth.fields]
    assert len(labels) == len(set(labels)), "two fields with the same label"
    assert birth.field("mother_nationality_evidence").label.startswith("Mother's")
    assert birth.field("father_nationality_evidence").label.startswith("Father's")
    marriage = load_form("marriage_registration")
    assert marriage.fields[0].path == "marriage_date"
    assert {f.path for f in marriage.fields} >= {
        "spouses[0].person.surname",
        "spouses[1].person.surname",
    }
    death = load_form("death_registration")
    assert {f.name for f in death.fields if f.required} >= {"deceased_surname", "death_date"}
    for service in ANNOTATION_SERVICES:  # every kind the domain allows has its form
        assert load_form(service).fields[0].path == "annotation.decided_on"


def test_an_annotation_form_field_must_name_the_record_or_the_annotation(tmp_path: Path) -> None:
    body = (
        'title = "A"\n[[fields]]\nname = "x"\npath = "annotation.colour"\ntype = "text"\n'
        'label = "X"'
    )
    (tmp_path / "annotation_birth_correction.toml").write_text(body, encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_form("annotation_birth_correction", tmp_path)
    assert caught.value.key == "fields[0].path"
