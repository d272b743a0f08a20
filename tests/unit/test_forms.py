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
