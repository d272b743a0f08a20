"""Certificates looked at as an outsider does: page size (pdfinfo), text in both languages and
names as written (pdftotext), embedded fonts (pdffonts), the seal read back from a 300 dpi
raster (pdftoppm + zxing-cpp), and ``consular verify`` on the PDF."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from templates import DocumentView, LayoutError, load_layout, parse_layout, render_pdf
from tests.rendering import certificate_samples as samples
from tests.rendering.conftest import poppler, run
from tests.support.demo_post import init_demo_post, open_services, produce_certificate
from workstation.cli import main
from workstation.domain.civil.records import MarriageRecord, PersonRef
from workstation.domain.vds import parse_seal
from workstation.domain.vds_profiles import civil_content
from workstation.services import certificates
from workstation.services.verification import VerificationService
from workstation.wiring import Services

A4_POINTS = (595.28, 841.89)
CASES = {
    "birth_full": (lambda: samples.birth(samples.RECOGNITION, samples.CORRECTION), "full"),
    "birth_extract": (lambda: samples.birth(samples.RECOGNITION, samples.CORRECTION), "extract"),
    "marriage": (lambda: samples.marriage(divorced=True), "full"),
    "death": (samples.death, "full"),
}
# Labels of every certificate, in English and French (the demo post is in Geneva).
COMMON_TEXT = [
    "REPUBLIC OF UTOPIA",
    "RÉPUBLIQUE D'UTOPIE",
    "Register number",
    "Numéro de registre",
    "Date of registration",
    "Date de l'enregistrement",
    "Registrar",
    "Officier de l'état civil",
    "Date of issue",
    "Date de délivrance",
    "Hélène Favre-Bühler",  # the registrar
    "14 DEC 2026",  # date of issue
    "Consulate General of Utopia, Geneva",
]
TEXT = {
    "birth_full": [
        "BIRTH CERTIFICATE",
        "ACTE DE NAISSANCE",
        "Mentions marginales",
        "MÜLLER-LÜDENSCHEID",
        "Zoë Олена",
        "30 SEP 2025",
        "20 NOV 2026",
        "UTO-GVA/B/2026/000123",
        "Hôpitaux universitaires de Genève",
        "ШЕВЧЕНКО",  # the father, entered by the recognition
        "Mother / Mère",
        "Father / Père",
        "Utopia-City",  # the corrected place of birth: the current view
        "Reconnaissance de paternité",
        "Notary Jean-Luc Perrin",
        "Rectification",
    ],
    "birth_extract": [
        "EXTRAIT D'ACTE DE NAISSANCE",
        "MÜLLER-LÜDENSCHEID",
        "Zoë Олена",
        "ШЕВЧЕНКО",
        "Recognition of paternity",
        "Reconnaissance de paternité",
        "Mentions relatives à l'état civil",
        "UTO-GVA/B/2026/000123",
    ],
    "marriage": [
        "MARRIAGE CERTIFICATE",
        "ACTE DE MARIAGE",
        "DUBOIS",
        "Éloïse",
        "ØSTER",
        "Lars Ævar",
        "Văn An NGUYỄN",
        "Divorce",
        "Tribunal de première instance",
        "UTO-GVA/M/2026/000007",
    ],
    "death": [
        "DEATH CERTIFICATE",
        "ACTE DE DÉCÈS",
        "ÅNGSTRÖM",
        "Björn",
        "02 OCT 2026",
        "CH-VD-2026-88812",
        "None / Néant",
        "UTO-GVA/D/2026/000042",
    ],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return init_demo_post(tmp_path_factory.mktemp("certificates") / "demo")


@pytest.fixture(scope="module")
def services(demo: Path) -> Iterator[Services]:
    with open_services(demo) as built:
        yield built


@pytest.fixture(scope="module")
def pdfs(services: Services, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    out = {}
    for name, (entry, kind) in CASES.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(produce_certificate(services, entry(), kind).pdf)
        out[name] = path
    return out


def _text(path: Path) -> str:
    poppler("pdftoppm")  # the seal tests need it too: skip (or fail under CI) up front
    return run("pdftotext", path, "-")


def _flat(text: str) -> str:
    """pdftotext text with line breaks and runs of spaces as one space (wrapped lines join)."""
    return " ".join(text.split())


@pytest.mark.parametrize("name", CASES)
def test_certificate_is_one_a4_portrait_page(name: str, pdfs: dict[str, Path]) -> None:
    info = dict(
        line.split(":", 1) for line in run("pdfinfo", pdfs[name]).splitlines() if ":" in line
    )
    assert info["Pages"].strip() == "1"
    width, _, height = info["Page size"].split()[:3]
    assert (float(width), float(height)) == pytest.approx(A4_POINTS, abs=0.1)


@pytest.mark.parametrize("name", CASES)
def test_labels_in_both_languages_and_facts_as_written(name: str, pdfs: dict[str, Path]) -> None:
    text = _flat(_text(pdfs[name]))
    missing = [t for t in [*COMMON_TEXT, *TEXT[name]] if t not in text]
    assert not missing, f"{name}: {missing} not in {text!r}"


def test_text_fonts_are_embedded(pdfs: dict[str, Path]) -> None:
    """DejaVu Serif carries every name as written; pdffonts' "emb" column must say yes. (The
    unembedded Helvetica pdffonts may list is ReportLab's initial page font, drawn with nowhere.)"""
    fonts = run("pdffonts", pdfs["birth_full"]).splitlines()
    dejavu = [line for line in fonts if "DejaVuSerif" in line]
    assert len(dejavu) >= 2, fonts  # regular and bold
    assert all(line.split()[-5] == "yes" for line in dejavu), dejavu


def test_extract_shows_only_annotations_that_affect_civil_status(pdfs: dict[str, Path]) -> None:
    """The recognition of paternity changes filiation: on the extract. The correction is already
    in the facts printed (the current view): only on the full copy."""
    extract = _flat(_text(pdfs["birth_extract"]))
    assert "Recognition of paternity" in extract
    assert "Correction" not in extract and "Clerical error" not in extract
    full = _flat(_text(pdfs["birth_full"]))
    assert "1. Recognition of paternity" in full and "2. Correction" in full
    # the extract leaves out the parents' details beyond their names
    assert "XXA" in full and "XXA" not in extract
    assert "Kharkiv" in full and "Kharkiv" not in extract


def test_before_the_recognition_neither_certificate_names_a_father(services: Services) -> None:
    entry = samples.birth()
    for kind in ("full", "extract"):
        path_text = _pdf_text(produce_certificate(services, entry, kind).pdf)
        assert "ШЕВЧЕНКО" not in path_text and "Reconnaissance" not in path_text
        assert "Not stated / Non déclaré" in path_text
        assert "None / Néant" in path_text


def _pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.pdf"
        path.write_bytes(pdf)
        return _flat(_text(path))


def _read_300dpi(pdf: Path, tmp: Path) -> tuple[Path, list[bytes]]:
    """The page rasterised at 300 dpi (a good office scan) and every DataMatrix read from it."""
    stem = tmp / f"{pdf.stem}-300"
    run("pdftoppm", "-r", "300", "-png", "-singlefile", pdf, stem)
    png = stem.with_suffix(".png")
    with Image.open(png) as image:
        found = zxingcpp.read_barcodes(
            image.convert("L"),
            formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.DataMatrix),
        )
    return png, [bytes(barcode.bytes) for barcode in found]


@pytest.mark.parametrize("name", CASES)
def test_seal_reads_back_from_a_300_dpi_raster_and_verifies(
    name: str, pdfs: dict[str, Path], services: Services, tmp_path: Path
) -> None:
    png, seals = _read_300dpi(pdfs[name], tmp_path)
    assert len(seals) == 1
    entry, _ = CASES[name]
    assert civil_content(parse_seal(seals[0])).register_number == entry().register_number
    service = VerificationService(services.keys)
    assert service.verify_bytes(seals[0]).valid
    [from_scan] = service.verify_file(png)
    assert from_scan.valid and from_scan.civil is not None


def test_longest_seal_still_reads_at_300_dpi(services: Services, tmp_path: Path) -> None:
    """Two names at the profile's 60-character limit: the biggest symbol we print (64 x 64)."""
    entry = samples.marriage()
    long = PersonRef(
        "Wolfeschlegelsteinhausenbergerdorff von Hohenstein-Schwarzenberg",
        "Hubert Blaine Wolfgang Maximilian",
    )
    assert isinstance(entry.current, MarriageRecord)
    first, second = (dataclasses.replace(s, person=long) for s in entry.current.spouses)
    record = dataclasses.replace(entry.current, spouses=(first, second))
    produced = produce_certificate(services, dataclasses.replace(entry, current=record))
    assert len(produced.seal) > 200
    path = tmp_path / "long.pdf"
    path.write_bytes(produced.pdf)
    _, seals = _read_300dpi(path, tmp_path)
    assert seals == [produced.seal]


# consular verify reads PDFs at 600 dpi (about 10 s for an A4 page on a busy machine): the birth
# and the marriage (two persons) here; every kind is verified from its 300 dpi raster above.
@pytest.mark.parametrize("name", ["birth_full", "marriage"])
def test_consular_verify_prints_valid_and_the_certified_facts(
    name: str, pdfs: dict[str, Path], demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(demo), "verify", str(pdfs[name])]) == 0
    out = capsys.readouterr().out
    entry, _ = CASES[name]
    assert "VALID" in out and "NOT VALID" not in out
    assert entry().register_number in out
    assert "printed number matches the seal" in out
    assert f"event date     {entry().current.event_date.isoformat()}" in out
    if name == "marriage":
        assert "person         DUBOIS, ELOISE" in out
        assert "spouse         OESTER, LARS AEVAR" in out
    else:
        assert "person         MUELLER LUEDENSCHEID, ZOE OLENA" in out
        assert "annotations    2 on the entry when issued" in out


def test_an_altered_seal_byte_is_not_valid(
    services: Services,
    demo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One byte of the signed content changed after signing (e.g. the event date)."""
    sign = certificates.sign_seal

    def altered(signed_part: bytes, key: object) -> bytes:
        seal = bytearray(sign(signed_part, key))  # type: ignore[arg-type]
        seal[-70] ^= 0x01  # inside the message, just before the signature entry
        return bytes(seal)

    monkeypatch.setattr(certificates, "sign_seal", altered)
    path = tmp_path / "altered.pdf"
    path.write_bytes(produce_certificate(services, samples.death()).pdf)
    capsys.readouterr()
    assert main(["--data-dir", str(demo), "verify", str(path)]) == 6
    out = capsys.readouterr().out
    assert "NOT VALID" in out and "signature does not match" in out


def test_a_genuine_seal_on_another_certificate_is_not_valid(
    services: Services,
    demo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A valid seal copied from the death certificate onto a forged birth certificate: the
    printed register number is not the signed one."""
    genuine = produce_certificate(services, samples.death()).seal
    monkeypatch.setattr(certificates, "sign_seal", lambda _part, _key: genuine)
    path = tmp_path / "forged.pdf"
    path.write_bytes(produce_certificate(services, samples.birth()).pdf)
    capsys.readouterr()
    assert main(["--data-dir", str(demo), "verify", str(path)]) == 6
    out = capsys.readouterr().out
    assert "register number printed on the certificate is not the one" in out
    assert "printed number DIFFERS from the seal" in out


def test_a_post_overrides_the_layout_and_labels(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "layouts"
    folder.mkdir()
    text = load_layout("death_certificate").source.read_text(encoding="utf-8")
    text = text.replace('languages = ["en", "fr"]', 'languages = ["en", "de"]')
    text = text.replace(' fr = "', ' de = "').replace(
        'de = "ACTE DE DÉCÈS"', 'de = "STERBEURKUNDE"'
    )
    (folder / "death_certificate.toml").write_text(text, encoding="utf-8")
    pdf = produce_certificate(services, samples.death(), layouts=folder).pdf
    printed = _pdf_text(pdf)
    assert "DEATH CERTIFICATE / STERBEURKUNDE" in printed


# --- the layout format's list element ----------------------------------------------------------


def _layout_with(tmp_path: Path, element: str) -> Path:
    path = tmp_path / "birth_extract.toml"
    path.write_text(
        'kind = "birth_extract"\ntitle = "t"\nlanguages = ["en", "fr"]\npages = ["page"]\n'
        '[fonts]\nlabel = "Helvetica"\nvalue = "Helvetica"\n'
        '[labels]\nnotes = { en = "Annotations", fr = "Mentions" }\n'
        "[page]\nsize_mm = [210.0, 297.0]\nmargin = 10.0\n"
        f"[[page.elements]]\n{element}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("element", "key", "message"),
    [
        (
            'kind = "list"\nfield = "register_number"\nx = 20\ny = 20\nw = 50\nh = 50',
            "page.elements[0].field",
            "unknown list 'register_number'",
        ),
        (
            'kind = "list"\nfield = "annotations"\nempty = "nothing"\n'
            "x = 20\ny = 20\nw = 50\nh = 50",
            "page.elements[0].empty",
            "'nothing' is not in [labels]",
        ),
        (
            'kind = "list"\nfield = "annotations"\nx = 20\ny = 20\nw = 50',
            "page.elements[0].h",
            "missing",
        ),
    ],
)
def test_list_element_is_validated_at_load_time(
    tmp_path: Path, element: str, key: str, message: str
) -> None:
    with pytest.raises(LayoutError) as caught:
        parse_layout(_layout_with(tmp_path, element))
    assert caught.value.file == "birth_extract.toml" and caught.value.key == key
    assert message in caught.value.message


def test_a_list_that_cannot_fit_is_refused_never_cut(tmp_path: Path) -> None:
    layout = parse_layout(
        _layout_with(
            tmp_path,
            'kind = "list"\nfield = "annotations"\nlabel = "notes"\nx = 20\ny = 20\nw = 40\nh = 15',
        )
    )
    few = DocumentView("X", lists={"annotations": ("1. Recognition of paternity",)})
    assert render_pdf(layout, few, specimen=False).startswith(b"%PDF")
    many = DocumentView("X", lists={"annotations": tuple(f"{n}. Correction" for n in range(40))})
    with pytest.raises(LayoutError) as caught:
        render_pdf(layout, many, specimen=False)
    assert caught.value.key == "page.elements[0]" and "40 entries" in caught.value.message
