"""Issuing benchmark: 1,000 consular ID cards through the real issuing transaction.

Each card is requested, given its portrait, approved and issued through ``DocumentService``
on a demo post (SQLite in a temporary folder); the time measured is the ``issue`` step: number,
checks, MRZ, seal signed with the post's key, PDF rendered from the layout, files and audit
entry stored, commit. In the same run the same card is drawn with bare ReportLab calls (fixed
positions, no layout, no fitting) to show what the layout engine costs; the ratio is printed.
Target: median <= 50 ms per card.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import zxingcpp
from PIL import Image
from reportlab.graphics.barcode import code128
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from templates.layout import PACKAGE_DIR
from workstation.cli import main as cli_main
from workstation.domain.documents import DocumentAction
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.wiring import build_services

TARGET_MS = 50.0
CARD = (85.60 * mm, 53.98 * mm)


def _portrait() -> bytes:
    image = Image.new("RGB", (413, 531), (226, 229, 233))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _letters(index: int) -> str:
    """A distinct given name per card (names have no digits)."""
    text = ""
    while True:
        index, rest = divmod(index, 26)
        text = chr(ord("a") + rest) + text
        if index == 0:
            return text.capitalize()


def bare_card(mrz: Sequence[str], seal: bytes, number: str, portrait: bytes) -> bytes:
    """The same card drawn with plain ReportLab calls at fixed positions."""
    if "OCRB" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("OCRB", str(PACKAGE_DIR / "fonts" / "OCRB.ttf")))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=CARD)
    width, height = CARD
    canvas.setFillColorRGB(0.08, 0.24, 0.47)
    canvas.rect(0, height - 11 * mm, width, 11 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont("Helvetica-Bold", 6)
    canvas.drawString(13 * mm, height - 5 * mm, "REPUBLIC OF UTOPIA / REPUBLIQUE D'UTOPIE")
    canvas.setFont("Helvetica", 5)
    canvas.drawString(13 * mm, height - 8.5 * mm, "CONSULAR IDENTITY CARD")
    canvas.drawImage(ImageReader(io.BytesIO(portrait)), 3 * mm, 9 * mm, 26 * mm, 32 * mm)
    canvas.setFillColorRGB(0, 0, 0)
    for row, (label, value) in enumerate(
        [
            ("Surname", "MUELLER"),
            ("Given names", "JUERGEN"),
            ("Date of birth", "14 MAR 1971"),
            ("Document no.", number),
            ("Date of expiry", "24 NOV 2031"),
        ]
    ):
        y = height - (15 + row * 6.5) * mm
        canvas.setFont("Helvetica", 4)
        canvas.drawString(32 * mm, y, label)
        canvas.setFont("Helvetica-Bold", 7)
        canvas.drawString(32 * mm, y - 2.8 * mm, value)
    canvas.showPage()
    matrix = zxingcpp.create_barcode(seal, zxingcpp.BarcodeFormat.DataMatrix).to_image(scale=2)
    canvas.drawImage(ImageReader(Image.fromarray(matrix)), 57 * mm, 25 * mm, 25 * mm, 25 * mm)
    code128.Code128(number, barHeight=7 * mm, barWidth=0.25 * mm).drawOn(canvas, 5 * mm, 25 * mm)
    canvas.setFont("OCRB", 10)
    for index, line in enumerate(mrz):
        canvas.drawString(5 * mm, (14 - index * 4.23) * mm, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def run(cards: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        with contextlib.redirect_stdout(io.StringIO()):
            cli_main(["--data-dir", str(data_dir), "init", "--demo"])
        services = build_services(data_dir)
        try:
            clerk = services.accounts.authenticate("clerk", "clerk-demo-1")
            portrait = _portrait()
            issue_ms: list[float] = []
            bare_ms: list[float] = []
            for index in range(cards):
                person = services.persons.add(
                    clerk,
                    {
                        "surname": "Müller-Lüdenscheid",
                        "given_names": f"Jürgen {_letters(index)}",
                        "sex": "M",
                        "birth_date": "1971-03-14",
                        "nationality": "UTO",
                    },
                )
                document_id = services.documents.create(clerk, "consular_id_card", person)
                services.documents.attach_portrait(clerk, document_id, portrait)
                services.documents.act(clerk, document_id, DocumentAction.SUBMIT)
                services.documents.act(clerk, document_id, DocumentAction.APPROVE)
                started = time.perf_counter()
                # Producing is the issuing transaction: number, MRZ, signed seal, PDF, audit
                # (printing follows on the printer's own thread and is not timed here).
                issued = services.documents.act(
                    clerk, document_id, DocumentAction.PRODUCE, passphrase=DEMO_KEY_PASSPHRASE
                )
                issue_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                bare_card(
                    issued.data["mrz"],
                    bytes.fromhex(issued.data["seal"]),
                    issued.number or "",
                    portrait,
                )
                bare_ms.append((time.perf_counter() - started) * 1000)
        finally:
            services.close()
    ordered = sorted(issue_ms)
    return {
        "cards": cards,
        "issue_median_ms": statistics.median(issue_ms),
        "issue_p95_ms": ordered[int(0.95 * (len(ordered) - 1))],
        "bare_reportlab_median_ms": statistics.median(bare_ms),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.issue_bench")
    parser.add_argument("--cards", type=int, default=1000)
    args = parser.parse_args(argv)
    figures = run(args.cards)
    ratio = figures["issue_median_ms"] / figures["bare_reportlab_median_ms"]
    print(f"Issuing benchmark: {figures['cards']} consular ID cards on SQLite")
    print(
        f"  issue (number, checks, MRZ, seal, PDF, audit, commit): median "
        f"{figures['issue_median_ms']:.1f} ms, p95 {figures['issue_p95_ms']:.1f} ms"
    )
    print(
        f"  the same card with bare ReportLab calls: median "
        f"{figures['bare_reportlab_median_ms']:.1f} ms (issue / bare = {ratio:.1f}x)"
    )
    if figures["issue_median_ms"] > TARGET_MS:
        print(f"TARGET FAILED: median {figures['issue_median_ms']:.1f} ms > {TARGET_MS} ms")
        return 1
    print(f"target met: median <= {TARGET_MS} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
