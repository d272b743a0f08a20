"""A document's pages as one image: rendered off the GUI thread, shown scaled to fit.

The specimen PDF (``DocumentService.preview``) is rasterised with poppler's ``pdftoppm`` in a
worker; the pages are stacked into one ``QImage`` there too (``QImage`` and ``QPainter`` on a
``QImage`` are safe outside the GUI thread, unlike ``QPixmap``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from workstation.domain.errors import DomainError
from workstation.ui.tasks import TaskHandle, TaskRunner

#: Enough for a card to be read on screen; an A4 page stays under ~2 MB of pixels.
PREVIEW_DPI = 110
_GAP = 16
_RENDER_TIMEOUT_S = 60


def render_pdf(pdf: bytes, dpi: int = PREVIEW_DPI) -> QImage:
    """Every page of ``pdf``, top to bottom on a grey background. Blocking: call it from a
    worker. Raises a coded error when pdftoppm is missing."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise DomainError("verify.pdftoppm_missing")
    with tempfile.TemporaryDirectory(prefix="cw-preview-") as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [tool, "-png", "-r", str(dpi), str(source), str(Path(folder) / "page")],
            check=True,
            capture_output=True,
            timeout=_RENDER_TIMEOUT_S,
        )
        pages = [QImage(str(p)) for p in sorted(Path(folder).glob("page*.png"))]
    pages = [p for p in pages if not p.isNull()]
    if not pages:
        raise DomainError("verify.unreadable_file", path="preview", reason="no page")
    width = max(p.width() for p in pages)
    height = sum(p.height() for p in pages) + _GAP * (len(pages) - 1)
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#d0d3d8"))
    painter = QPainter(sheet)
    top = 0
    for page in pages:
        painter.drawImage((width - page.width()) // 2, top, page)
        top += page.height() + _GAP
    painter.end()
    return sheet


class DocumentPreview(QLabel):
    """The rendered pages, scaled to the space the layout gives (never upscaled past 100 %).

    :meth:`show_pdf` makes and rasterises the PDF on the task runner; a newer render, or a
    message shown meanwhile, drops the one still running."""

    shown = Signal(object)  # QImage, once rendered and shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(260, 180))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("#documentPreview { background: #eceff1; border: 1px solid #b0bec5; }")
        self.setWordWrap(True)
        self._image: QImage | None = None
        self._task: TaskHandle | None = None
        self._message = ""
        self._again: Callable[[], str] | None = None
        self.show_message(
            self.tr("Select a document to see its preview."), again=self._default_message
        )

    def _default_message(self) -> str:
        return self.tr("Select a document to see its preview.")

    @property
    def image(self) -> QImage | None:
        return self._image

    def show_pdf(self, runner: TaskRunner, pdf: Callable[[], bytes], description: str) -> None:
        """Show ``pdf()``'s pages: made and rasterised on ``runner``; a failure is shown here,
        in words (and logged by the runner's reporter)."""
        self.show_message(self.tr("Rendering the preview…"), again=self._rendering_message)
        self._task = runner.run(
            lambda: render_pdf(pdf()),
            on_success=self._on_rendered,
            on_failure=lambda error: self._on_render_failed(runner, error),
            owner=self,
            description=description,
        )

    def cancel(self) -> None:
        """Drop a render still running."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _rendering_message(self) -> str:
        return self.tr("Rendering the preview…")

    def _on_rendered(self, image: QImage) -> None:
        self._task = None
        self.show_image(image)
        self.shown.emit(image)

    def _on_render_failed(self, runner: TaskRunner, error: BaseException) -> None:
        self._task = None
        self.show_message(runner.reporter.report(error, self, inline=True))

    def show_message(self, text: str, *, again: Callable[[], str] | None = None) -> None:
        """Show ``text`` instead of a preview (a render still running is dropped); ``again``
        makes it anew when the language changes (a message without it stays as given)."""
        self.cancel()
        self._image = None
        self._message = text
        self._again = again
        self.setPixmap(QPixmap())
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._image is None and self._again:
            self._message = self._again()
            self.setText(self._message)
        super().changeEvent(event)

    def show_image(self, image: QImage) -> None:
        self._image = image
        self._again = None
        self.setText("")
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image is None:
            return
        area = self.contentsRect().size() - QSize(8, 8)
        image = self._image
        if image.width() > area.width() or image.height() > area.height():
            image = image.scaled(
                area,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.setPixmap(QPixmap.fromImage(image))
