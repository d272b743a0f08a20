"""Layouts load, and every mistake in one is reported with the file and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from templates.errors import LayoutError
from templates.layout import PACKAGE_DIR, load_layout

KINDS = ("consular_id_card", "emergency_travel_document")
MM_TOLERANCE = 1e-9


@pytest.mark.parametrize("kind", KINDS)
def test_each_shipped_layout_loads(kind: str) -> None:
    layout = load_layout(kind)
    assert layout.kind == kind
    assert layout.languages == ("en", "fr")
    assert layout.label("surname") == "Surname / Nom"
    assert layout.fonts["mrz"].path is not None
    assert layout.fonts["mrz"].path.name == "OCRB.ttf"
    kinds = {e.kind for page in layout.pages for e in page.elements}
    assert {"mrz", "code128", "datamatrix", "portrait", "image", "field"} <= kinds


def test_id_card_has_id1_geometry_and_td1_mrz_5mm_from_the_left() -> None:
    layout = load_layout("consular_id_card")
    assert [p.name for p in layout.pages] == ["front", "back"]
    for page in layout.pages:
        assert (page.width, page.height, page.corner_radius, page.margin) == (
            85.60,
            53.98,
            3.18,
            2.0,
        )
    front_kinds = [e.kind for e in layout.page("front").elements]
    assert "portrait" in front_kinds
    portrait = next(e for e in layout.page("front").elements if e.kind == "portrait")
    assert portrait.x + portrait.w < 85.60 / 2  # portrait on the left
    assert portrait.w >= 26 and portrait.h >= 32  # ICAO 9303-3 minimum printed size
    mrz = next(e for e in layout.page("back").elements if e.kind == "mrz")
    assert (mrz.lines, mrz.chars, mrz.cpi) == (3, 30, 10)
    assert abs(mrz.x - 5.0) < MM_TOLERANCE


def test_etd_is_a_single_sheet_with_journey_fields_and_td2_mrz() -> None:
    layout = load_layout("emergency_travel_document")
    assert len(layout.pages) == 1
    fields = {e.field for e in layout.pages[0].elements if e.kind == "field"}
    assert {"destination", "transit_points", "replaced_passport"} <= fields
    assert "SINGLE JOURNEY" in layout.label("single_journey")
    mrz = next(e for e in layout.pages[0].elements if e.kind == "mrz")
    assert (mrz.lines, mrz.chars) == (2, 36)


def test_languages_can_be_chosen_by_the_post() -> None:
    layout = load_layout("consular_id_card", languages=("fr",))
    assert layout.label("surname") == "Nom"
    with pytest.raises(LayoutError, match=r"consular_id_card\.toml: labels\.state\.de: "):
        load_layout("consular_id_card", languages=("en", "de"))


def _post_folder(tmp_path: Path, kind: str, old: str, new: str, count: int = 1) -> Path:
    """A post folder holding the shipped layout with one textual change."""
    text = (PACKAGE_DIR / "layouts" / f"{kind}.toml").read_text(encoding="utf-8")
    assert old in text, old
    (tmp_path / f"{kind}.toml").write_text(text.replace(old, new, count), encoding="utf-8")
    return tmp_path


def test_a_post_folder_overrides_layout_labels_and_logo(tmp_path: Path) -> None:
    folder = _post_folder(tmp_path, "consular_id_card", 'fr = "Nom"', 'fr = "Nom de famille"')
    (folder / "images").mkdir()
    shutil.copy(PACKAGE_DIR / "images" / "emblem.png", folder / "images" / "emblem.png")
    layout = load_layout("consular_id_card", folder)
    assert layout.source == folder / "consular_id_card.toml"
    assert layout.label("surname") == "Surname / Nom de famille"
    images = [e.image for e in layout.pages[0].elements if e.kind == "image"]
    assert images == [folder / "images" / "emblem.png"]


def test_an_empty_post_folder_falls_back_to_the_package(tmp_path: Path) -> None:
    layout = load_layout("consular_id_card", tmp_path)
    assert layout.source == PACKAGE_DIR / "layouts" / "consular_id_card.toml"


@pytest.mark.parametrize(
    ("kind", "old", "new", "key", "reason"),
    [
        # bad key: a typo in an element's attribute
        (
            "consular_id_card",
            "h = 6.5\n",
            "h = 6.5\ncolr = 3\n",
            "front.elements[1].colr",
            "unknown key",
        ),
        # out-of-page coordinate (the 4th element, index 3, of the front)
        (
            "consular_id_card",
            "x = 11.0\ny = 5.4",
            "x = 90.0\ny = 5.4",
            "front.elements[3].x",
            "within the page",
        ),
        # inside the page but in the 2 mm clear margin
        (
            "consular_id_card",
            "x = 11.0\ny = 5.4",
            "x = 1.0\ny = 5.4",
            "front.elements[3].x",
            "clear margin",
        ),
        # unknown field
        (
            "consular_id_card",
            'field = "surname"',
            'field = "surnme"',
            "front.elements[5].field",
            "unknown field 'surnme'",
        ),
        # a field of the other document kind
        (
            "consular_id_card",
            'field = "address"',
            'field = "destination"',
            "back.elements[1].field",
            "unknown field",
        ),
        # missing font file
        ("consular_id_card", 'mrz = "OCRB.ttf"', 'mrz = "Missing.ttf"', "fonts.mrz", "not found"),
        # unknown standard font
        (
            "emergency_travel_document",
            'label = "Helvetica"',
            'label = "Helvetika"',
            "fonts.label",
            "unknown font",
        ),
        # an element using a font role that is not declared
        (
            "consular_id_card",
            'font = "title"',
            'font = "heading"',
            "front.elements[2].font",
            "heading",
        ),
        # a label key missing from [labels]
        (
            "emergency_travel_document",
            'label = "destination"',
            'label = "destinaton"',
            "front.elements[18].label",
            "not in [labels]",
        ),
        # a label missing one of the post's languages
        (
            "consular_id_card",
            'sex = { en = "Sex", fr = "Sexe" }',
            'sex = { en = "Sex" }',
            "labels.sex.fr",
            "non-empty string",
        ),
        # MRZ that cannot fit: 44 characters at 10 cpi from x = 5 mm
        ("consular_id_card", "chars = 30", "chars = 44", "back.elements[5].chars", "past x"),
        # colour neither hex nor in the palette
        ("consular_id_card", 'fill = "band"', 'fill = "blu"', "front.elements[0].fill", "#RRGGBB"),
        # missing image file
        (
            "emergency_travel_document",
            'image = "emblem.png"',
            'image = "crest.png"',
            "front.elements[1].image",
            "not found",
        ),
        # page size not a pair
        (
            "emergency_travel_document",
            "size_mm = [125.0, 88.0]",
            "size_mm = 125",
            "front.size_mm",
            "[width, height]",
        ),
        # unknown element kind
        (
            "consular_id_card",
            'kind = "line"',
            'kind = "arrow"',
            "front.elements[14].kind",
            "must be one of",
        ),
        # a required attribute missing
        (
            "consular_id_card",
            'kind = "datamatrix"\nx = 57.0\n',
            'kind = "datamatrix"\n',
            "back.elements[4].x",
            "missing",
        ),
    ],
)
def test_a_broken_layout_names_file_and_key(
    tmp_path: Path, kind: str, old: str, new: str, key: str, reason: str
) -> None:
    folder = _post_folder(tmp_path, kind, old, new)
    with pytest.raises(LayoutError) as caught:
        load_layout(kind, folder)
    assert caught.value.file == f"{kind}.toml"
    assert caught.value.key == key, str(caught.value)
    assert reason in caught.value.message, str(caught.value)
    assert str(caught.value).startswith(f"{kind}.toml: {key}: ")


def test_a_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    folder = _post_folder(tmp_path, "consular_id_card", "[front]", "[front")
    with pytest.raises(LayoutError, match=r"^consular_id_card\.toml: \(syntax\): "):
        load_layout("consular_id_card", folder)


@pytest.mark.parametrize("kind", ["../etc/passwd", "Consular", "birth_certificate_x"])
def test_an_unknown_or_unsafe_kind_is_refused(kind: str) -> None:
    with pytest.raises(LayoutError, match="unknown document kind"):
        load_layout(kind)
