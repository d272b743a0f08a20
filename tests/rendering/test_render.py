"""Render real PDFs and check them with poppler and zxing-cpp, as a border officer's reader
would: page size, text, embedded OCR-B at 10 cpi, barcodes that decode to the exact bytes."""

from __future__ import annotations

import io
import math
import time
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from templates.layout import load_layout
from templates.render import WATERMARK, _fit, render_pdf, render_png
from templates.view import DocumentView
from tests.rendering import samples
from tests.rendering.conftest import run

PT_PER_MM = 72 / 25.4


def _pdf(tmp_path: Path, kind: str, view: DocumentView, *, specimen: bool) -> Path:
    path = tmp_path / f"{kind}-{specimen}.pdf"
    path.write_bytes(render_pdf(load_layout(kind), view, specimen=specimen))
    return path


def _info(path: Path) -> dict[str, str]:
    lines = run("pdfinfo", path).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def _page_png(pdf: Path, page: int, dpi: int) -> Image.Image:
    prefix = pdf.with_suffix("")
    run(
        "pdftoppm",
        "-r",
        str(dpi),
        "-png",
        "-f",
        str(page),
        "-l",
        str(page),
        "-singlefile",
        pdf,
        prefix,
    )
    return Image.open(prefix.with_suffix(".png"))


def _flat_text(path: Path) -> str:
    return " ".join(run("pdftotext", "-raw", path, "-").split())


def test_id_card_is_two_id1_pages(tmp_path: Path) -> None:
    info = _info(_pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=False))
    assert info["Pages"] == "2"
    assert info["Page size"].startswith("242.646 x 153.014 pts"), info["Page size"]


def test_id_card_text_holds_name_number_and_mrz(tmp_path: Path) -> None:
    text = run(
        "pdftotext", _pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=False), "-"
    )
    for expected in (
        "ERIKSSON",
        "ANNA MARIA",
        "D23145890",
        "Surname / Nom",
        *samples.VECTORS["td1_specimen"],
    ):
        assert expected in text, expected


def test_mrz_starts_5mm_from_the_left_at_10_characters_per_inch(tmp_path: Path) -> None:
    bbox = run(
        "pdftotext",
        "-bbox",
        "-f",
        "2",
        "-l",
        "2",
        _pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=False),
        "-",
    )
    words = [line for line in bbox.splitlines() if "&lt;&lt;" in line]
    assert len(words) == 3
    for word in words:
        x_min = float(word.split('xMin="')[1].split('"')[0])
        x_max = float(word.split('xMax="')[1].split('"')[0])
        assert abs(x_min - 5 * PT_PER_MM) < 0.05, x_min
        assert abs((x_max - x_min) - 30 * 7.2) < 0.1, x_max - x_min  # 30 characters, 1/10 inch each


def test_ocr_b_is_embedded(tmp_path: Path) -> None:
    fonts = run("pdffonts", _pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=False))
    ocrb = [line for line in fonts.splitlines() if "OCRB" in line]
    assert ocrb, fonts
    assert "TrueType" in ocrb[0]
    assert ocrb[0].split()[-5] == "yes", ocrb[0]  # the "emb" column


@pytest.mark.parametrize("specimen", [False, True])
def test_barcodes_read_back_at_600_dpi(tmp_path: Path, specimen: bool) -> None:
    back = _page_png(
        _pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=specimen), 2, 600
    )
    found = {b.format: b for b in zxingcpp.read_barcodes(back)}
    seal = found[zxingcpp.BarcodeFormat.DataMatrix]
    assert seal.content_type == zxingcpp.ContentType.Binary
    assert seal.bytes == samples.SEAL  # exact bytes, NUL and 0xFF included
    assert found[zxingcpp.BarcodeFormat.Code128].text == "D23145890"


def test_specimen_watermark_only_when_asked(tmp_path: Path) -> None:
    with_mark = _flat_text(_pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=True))
    without = _flat_text(_pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=False))
    assert with_mark.count(WATERMARK) == 2  # one per side
    assert "SPECIMEN" not in without


def test_missing_portrait_draws_the_labelled_frame(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, "consular_id_card", samples.id_card(portrait=False), specimen=False)
    assert "Photo" in run("pdftotext", "-f", "1", "-l", "1", pdf, "-")
    front = _page_png(pdf, 1, 150).convert("RGB")
    # inside the frame (x 3..29 mm, y 11.5..43.5 mm) the box is white, not the card's tint
    assert front.getpixel((int(10 / 25.4 * 150), int(20 / 25.4 * 150))) == (255, 255, 255)


def test_portrait_is_drawn_when_present(tmp_path: Path) -> None:
    front = _page_png(_pdf(tmp_path, "consular_id_card", samples.id_card(), specimen=False), 1, 150)
    r, _g, b = front.convert("RGB").getpixel((int(16 / 25.4 * 150), int(22 / 25.4 * 150)))
    assert r > b + 30  # the drawn face (skin tone), not white and not the card tint


def test_etd_single_sheet(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, "emergency_travel_document", samples.etd(), specimen=False)
    info = _info(pdf)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("354.331 x 249.449 pts"), info["Page size"]  # 125 x 88 mm
    text = _flat_text(pdf)
    for expected in (
        "SINGLE JOURNEY",
        "Zenith (UTO)",
        "Frankfurt (DEU)",
        "L898902C3",
        *samples.VECTORS["etd_single_sheet_td2_PU"],
    ):
        assert expected in text, expected
    found = {b.format: b for b in zxingcpp.read_barcodes(_page_png(pdf, 1, 600))}
    assert found[zxingcpp.BarcodeFormat.DataMatrix].bytes == samples.SEAL[:120]
    assert found[zxingcpp.BarcodeFormat.Code128].text == "D23145890"


def test_render_png_previews_one_page(tmp_path: Path) -> None:
    run("pdftoppm", "-v")  # skip or fail like the other poppler tests
    png = render_png(load_layout("consular_id_card"), samples.id_card(), 1, 100, specimen=True)
    image = Image.open(io.BytesIO(png))
    assert image.size == (math.ceil(85.60 / 25.4 * 100), math.ceil(53.98 / 25.4 * 100))
    with pytest.raises(IndexError):
        render_png(load_layout("consular_id_card"), samples.id_card(), 2, 100, specimen=True)


def test_long_values_shrink_then_cut_but_never_overflow() -> None:
    text, size = _fit(
        "WOLFESCHLEGELSTEINHAUSENBERGERDORFF-VON-UND-ZU-ALTENBURG", "Helvetica-Bold", 7, 100
    )
    assert size == 4.0 and text.endswith("…")
    assert _fit("ERIKSSON", "Helvetica-Bold", 7, 100) == ("ERIKSSON", 7)


def test_document_view_is_frozen_and_checks_the_mrz_alphabet() -> None:
    view = samples.id_card()
    with pytest.raises(TypeError):
        view.fields["surname"] = "X"  # type: ignore[index]
    with pytest.raises(ValueError, match="outside 0-9, A-Z"):
        DocumentView(document_number="X", mrz=("i<uto",))


def test_a_card_renders_in_well_under_100_ms() -> None:
    layout, view = load_layout("consular_id_card"), samples.id_card()
    render_pdf(layout, view, specimen=False)  # font registration and image cache
    start = time.perf_counter()
    for _ in range(5):
        render_pdf(layout, view, specimen=False)
    assert (time.perf_counter() - start) / 5 < 0.1
