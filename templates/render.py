"""Render a layout and a document view to PDF (and, through poppler, to PNG).

Why ReportLab drawing primitives rather than images: the PDF must have the exact physical page
size, vector barcodes that scan at any printer resolution, and the MRZ in embedded OCR-B at
exactly 10 characters per inch. Barcodes are made by zxing-cpp (one wheel, reads them back in
the tests); their modules are drawn here as rectangles.
"""

from __future__ import annotations

import hashlib
import io
import math
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

import zxingcpp
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from templates.errors import LayoutError
from templates.layout import Element, Font, Layout, Page
from templates.view import DocumentView

# ReportLab's pure-Python ASCII85 encoding of images costs most of a card's render time.
rl_config.useA85 = 0

WATERMARK = "SPECIMEN - NOT VALID"
MIN_TEXT_SIZE = 4.0  # pt: values shrink to fit their box, but never below this
_ELLIPSIS = "…"
_lock = threading.Lock()
_registered: dict[Path, str] = {}
_images: dict[Path, ImageReader] = {}


def render_pdf(layout: Layout, data: DocumentView, *, specimen: bool) -> bytes:
    """The document as PDF bytes, one PDF page per layout page, at the layout's exact size."""
    buffer = io.BytesIO()
    first = layout.pages[0]
    canvas = Canvas(buffer, pagesize=(first.width * mm, first.height * mm), pageCompression=1)
    canvas.setTitle(f"{layout.title} {data.document_number}")
    canvas.setCreator("consular workstation")
    fonts = {role: _font_name(font) for role, font in layout.fonts.items()}
    for page in layout.pages:
        canvas.setPageSize((page.width * mm, page.height * mm))
        _Painter(canvas, layout, page, fonts, data).paint()
        if specimen:
            _watermark(canvas, page)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_png(
    layout: Layout, data: DocumentView, page: int, dpi: int, *, specimen: bool = True
) -> bytes:
    """Page ``page`` (0-based) as PNG through poppler's ``pdftoppm``: an on-screen preview, so a
    specimen unless the caller says otherwise (a PNG must never pass for the printed document)."""
    if not 0 <= page < len(layout.pages):
        raise IndexError(f"{layout.kind} has {len(layout.pages)} page(s), not page {page}")
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RuntimeError("pdftoppm (poppler-utils) is not installed")
    pdf = render_pdf(layout, data, specimen=specimen)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        n = str(page + 1)
        args = [tool, "-r", str(dpi), "-png", "-f", n, "-l", n, "-singlefile"]
        subprocess.run([*args, str(source), str(Path(tmp) / "page")], check=True, timeout=60)
        return (Path(tmp) / "page.png").read_bytes()


def _font_name(font: Font) -> str:
    """Register a TrueType file once per process under a name unique to its path."""
    if font.path is None:
        return font.name
    with _lock:
        if font.path not in _registered:
            digest = hashlib.sha1(str(font.path).encode(), usedforsecurity=False).hexdigest()[:8]
            name = f"{font.name}-{digest}"
            pdfmetrics.registerFont(TTFont(name, str(font.path)))
            _registered[font.path] = name
        return _registered[font.path]


def _image(path: Path) -> ImageReader:
    with _lock:
        if path not in _images:
            reader = ImageReader(str(path))
            # Decode now, under the lock: the reader is shared by every render and its lazy
            # decoding is not thread-safe (two renders at once, e.g. the GUI's preview while a
            # document is produced, failed in PIL's PNG loader).
            reader.getRGBData()
            alpha = getattr(reader, "_dataA", None)
            if alpha is not None:
                alpha.getRGBData()
            _images[path] = reader
        return _images[path]


def _fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Shrink ``text`` down to MIN_TEXT_SIZE to fit ``width`` (pt), then cut it with an ellipsis.

    Why never overflow: text running into the next field or off the card is worse on an
    identity document than a smaller font.
    """
    while size > MIN_TEXT_SIZE and pdfmetrics.stringWidth(text, font, size) > width:
        size = max(MIN_TEXT_SIZE, size - 0.25)
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text, size
    while text and pdfmetrics.stringWidth(text + _ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text.rstrip() + _ELLIPSIS, size


def _wrap(
    text: str, font: str, size: float, width: float, max_lines: int
) -> tuple[list[str], float]:
    """Word-wrap into at most ``max_lines`` lines, shrinking first and cutting last."""
    while True:
        lines: list[str] = simpleSplit(text, font, size, width)
        if len(lines) <= max_lines or size <= MIN_TEXT_SIZE:
            break
        size = max(MIN_TEXT_SIZE, size - 0.25)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1] + " " + _ELLIPSIS * 3, font, size, width)[0]
    return lines, size


def _dark_runs(row: bytes) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules (zxing draws dark as 0)."""
    runs, start = [], None
    for i, value in enumerate(row):
        if value < 128 and start is None:
            start = i
        elif value >= 128 and start is not None:
            runs.append((start, i - start))
            start = None
    if start is not None:
        runs.append((start, len(row) - start))
    return runs


def _modules(content: str | bytes, fmt: zxingcpp.BarcodeFormat) -> list[bytes]:
    """The symbol's module grid, one byte per module, rows top to bottom."""
    image = zxingcpp.create_barcode(content, fmt).to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    flat = memoryview(image).tobytes()  # type: ignore[arg-type]  # zxing's Image is a buffer
    return [flat[r * width : (r + 1) * width] for r in range(height)]


class _Painter:
    """Draws one page; coordinates in the layout are mm from the top-left corner."""

    def __init__(
        self,
        canvas: Canvas,
        layout: Layout,
        page: Page,
        fonts: dict[str, str],
        data: DocumentView,
    ) -> None:
        self.c, self.layout, self.page, self.fonts, self.data = canvas, layout, page, fonts, data

    def top(self, y_mm: float) -> float:
        """ReportLab y (pt, from the bottom) of a layout y (mm, from the top)."""
        return float((self.page.height - y_mm) * mm)

    def paint(self) -> None:
        page, c = self.page, self.c
        c.saveState()
        outline = c.beginPath()
        w, h, r = page.width * mm, page.height * mm, page.corner_radius * mm
        outline.roundRect(0, 0, w, h, r) if r else outline.rect(0, 0, w, h)
        c.clipPath(outline, stroke=0, fill=0)
        if page.background:
            c.setFillColor(HexColor(page.background))
            c.rect(0, 0, w, h, stroke=0, fill=1)
        for element in page.elements:
            getattr(self, f"draw_{element.kind}")(element)
        c.restoreState()

    def box(self, e: Element) -> tuple[float, float, float, float]:
        """(x, y, w, h) in pt with y at the bottom of the box."""
        return e.x * mm, self.top(e.y + e.h), e.w * mm, e.h * mm

    def draw_rect(self, e: Element) -> None:
        self.c.setFillColor(HexColor(e.fill or "#FFFFFF"))
        if e.stroke:
            self.c.setStrokeColor(HexColor(e.stroke))
            self.c.setLineWidth(e.stroke_width * mm)
        x, y, w, h = self.box(e)
        fill, stroke = int(e.fill is not None), int(e.stroke is not None)
        if e.radius:
            self.c.roundRect(x, y, w, h, e.radius * mm, stroke=stroke, fill=fill)
        else:
            self.c.rect(x, y, w, h, stroke=stroke, fill=fill)

    def draw_line(self, e: Element) -> None:
        self.c.setStrokeColor(HexColor(e.colour))
        self.c.setLineWidth(e.stroke_width * mm)
        self.c.line(e.x * mm, self.top(e.y), (e.x + e.w) * mm, self.top(e.y))

    def text(self, text: str, font: str, size: float, e: Element, baseline: float) -> None:
        if e.align == "centre":
            self.c.drawCentredString((e.x + e.w / 2) * mm, baseline, text)
        elif e.align == "right":
            self.c.drawRightString((e.x + e.w) * mm, baseline, text)
        else:
            self.c.drawString(e.x * mm, baseline, text)

    def draw_text(self, e: Element) -> None:
        font = self.fonts[e.font]
        label = self.layout.label(e.label or "")
        if e.max_lines > 1:
            lines, size = _wrap(label, font, e.size, e.w * mm, e.max_lines)
        else:
            text, size = _fit(label, font, e.size, e.w * mm)
            lines = [text]
        self.c.setFont(font, size)
        self.c.setFillColor(HexColor(e.colour))
        baseline = self.top(e.y) - size * 0.8
        for line in lines:
            self.text(line, font, size, e, baseline)
            baseline -= size * 1.15

    def draw_field(self, e: Element) -> None:
        baseline = self.top(e.y)
        if e.label:
            font = self.fonts[e.label_font]
            label, size = _fit(self.layout.label(e.label), font, e.label_size, e.w * mm)
            baseline -= size * 0.8
            self.c.setFont(font, size)
            self.c.setFillColor(HexColor(e.label_colour))
            self.text(label, font, size, e, baseline)
            baseline -= size * 0.3
        font = self.fonts[e.font]
        value = self.data.value(e.field or "")
        lines, size = _wrap(value, font, e.size, e.w * mm, e.max_lines)
        if e.max_lines == 1:
            text, size = _fit(value, font, e.size, e.w * mm)
            lines = [text]
        self.c.setFont(font, size)
        self.c.setFillColor(HexColor(e.colour))
        for line in lines:
            baseline -= size * 0.95
            self.text(line, font, size, e, baseline)
            baseline -= size * 0.2

    def draw_list(self, e: Element) -> None:
        """The list's items one below the other, each word-wrapped to the box width, under an
        optional heading. Items shrink together (down to MIN_TEXT_SIZE) to fit the box; a list
        that still does not fit is refused rather than cut, because a missing annotation on a
        certificate changes what it certifies."""
        _, bottom, width, _ = self.box(e)
        baseline = self.top(e.y)
        if e.label:  # the heading wraps to two lines before it shrinks
            font = self.fonts[e.label_font]
            heading, size = _wrap(self.layout.label(e.label), font, e.label_size, width, 2)
            self.c.setFont(font, size)
            self.c.setFillColor(HexColor(e.label_colour))
            for line in heading:
                baseline -= size * 1.1
                self.text(line, font, size, e, baseline)
            baseline -= size * 0.5
        font = self.fonts[e.font]
        items = self.data.items(e.field or "") or ((self.layout.label(e.empty),) if e.empty else ())
        if not items:
            return
        size = e.size
        while True:
            wrapped = [simpleSplit(item, font, size, width) for item in items]
            lines = sum(len(item) for item in wrapped)
            height = size * (1.15 * lines + 0.5 * (len(items) - 1) + 0.25)
            if height <= baseline - bottom or size <= MIN_TEXT_SIZE:
                break
            size = max(MIN_TEXT_SIZE, size - 0.25)
        if height > baseline - bottom:
            index = self.page.elements.index(e)
            raise LayoutError(
                self.layout.source.name,
                f"{self.page.name}.elements[{index}]",
                f"{len(items)} entries of '{e.field}' do not fit in {e.h:g} mm",
            )
        self.c.setFont(font, size)
        self.c.setFillColor(HexColor(e.colour))
        for item in wrapped:
            for line in item:
                baseline -= size * 1.15
                self.text(line, font, size, e, baseline)
            baseline -= size * 0.5

    def draw_image(self, e: Element) -> None:
        assert e.image is not None  # the loader requires it
        x, y, w, h = self.box(e)
        self.c.drawImage(_image(e.image), x, y, w, h, mask="auto", preserveAspectRatio=True)

    def draw_portrait(self, e: Element) -> None:
        """The photo fills its frame, cropped and never stretched (ICAO 9303-3)."""
        x, y, w, h = self.box(e)
        if self.data.portrait_jpeg:
            reader = ImageReader(io.BytesIO(self.data.portrait_jpeg))
            iw, ih = reader.getSize()
            scale = max(w / iw, h / ih)
            self.c.saveState()
            clip = self.c.beginPath()
            clip.rect(x, y, w, h)
            self.c.clipPath(clip, stroke=0, fill=0)
            dw, dh = iw * scale, ih * scale
            self.c.drawImage(reader, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh)
            self.c.restoreState()
        else:
            self.c.setFillColor(HexColor("#FFFFFF"))
            self.c.rect(x, y, w, h, stroke=0, fill=1)
            if e.label:
                font = self.fonts[e.font]
                text, size = _fit(self.layout.label(e.label), font, e.size, w - 2 * mm)
                self.c.setFont(font, size)
                self.c.setFillColor(HexColor(e.stroke or e.colour))
                self.c.drawCentredString(x + w / 2, y + h / 2 - size * 0.35, text)
        self.c.setStrokeColor(HexColor(e.stroke or e.colour))
        self.c.setLineWidth(e.stroke_width * mm)
        self.c.rect(x, y, w, h, stroke=1, fill=0)

    def draw_mrz(self, e: Element) -> None:
        """OCR-B at an exact pitch: character spacing makes up the gap between the font's
        advance and 1/cpi inch, whatever size the layout asks for."""
        font = self.fonts[e.font]
        pitch = 72.0 / e.cpi
        advance = pdfmetrics.stringWidth("<", font, e.size)
        lines = self.data.mrz[: e.lines]
        text = self.c.beginText()
        text.setFont(font, e.size)
        text.setCharSpace(pitch - advance)
        text.setFillColor(HexColor(e.colour))
        for i, line in enumerate(lines):
            text.setTextOrigin(e.x * mm, self.top(e.y + i * e.line_spacing))
            text.textOut(line[: e.chars])
        self.c.drawText(text)

    def draw_code128(self, e: Element) -> None:
        """Bars fill the box minus a 10-module quiet zone on each side."""
        value = self.data.value(e.field or "document_number")
        if not value:
            return
        row = _modules(value, zxingcpp.BarcodeFormat.Code128)[0]
        x, y, w, h = self.box(e)
        module = w / (len(row) + 20)
        self.modules([row], x + 10 * module, y + h, module, h)

    def draw_datamatrix(self, e: Element) -> None:
        """A square symbol centred in the box, with a white 1-module quiet zone around it."""
        if not self.data.seal:
            return
        grid = _modules(self.data.seal, zxingcpp.BarcodeFormat.DataMatrix)
        x, y, w, h = self.box(e)
        side = min(w, h)
        module = side / (max(len(grid), len(grid[0])) + 2)
        left, top = x + (w - side) / 2, y + (h + side) / 2
        self.c.setFillColor(HexColor("#FFFFFF"))
        self.c.rect(left, top - side, side, side, stroke=0, fill=1)
        self.modules(grid, left + module, top - module, module, module)

    def modules(
        self, grid: list[bytes], left: float, top: float, width: float, height: float
    ) -> None:
        """Fill the dark runs of ``grid`` as one path in module units (x right, y down).

        Why raw operators: a seal has thousands of runs, and ReportLab's per-rectangle number
        formatting (pure Python) cost more than everything else on the card; one path also
        avoids hairline seams between neighbouring modules when rasterised.
        """
        ops = [
            f"{start} {r} {length} 1 re"
            for r, row in enumerate(grid)
            for start, length in _dark_runs(row)
        ]
        self.c.saveState()
        self.c.setFillColor(HexColor("#000000"))
        self.c.translate(left, top)
        self.c.scale(width, -height)
        self.c.addLiteral("\n".join([*ops, "f"]))
        self.c.restoreState()


def _watermark(canvas: Canvas, page: Page) -> None:
    """Diagonal, translucent; drawn last so that nothing covers it."""
    w, h = page.width * mm, page.height * mm
    diagonal = math.hypot(w, h)
    size = 0.8 * diagonal / pdfmetrics.stringWidth(WATERMARK, "Helvetica-Bold", 1)
    canvas.saveState()
    canvas.setFillColor(HexColor("#C00000"), alpha=0.35)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(math.degrees(math.atan2(h, w)))
    canvas.setFont("Helvetica-Bold", size)
    canvas.drawCentredString(0, -size * 0.35, WATERMARK)
    canvas.restoreState()
