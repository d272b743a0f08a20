"""The panes of the photo page: :class:`ImagePane` shows one image scaled to fit, and
:class:`CameraView` is the live preview of a Qt camera source, which knows when there is no
camera after all (the page then offers file import only)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy

from devices.errors import DeviceError
from workstation.i18n.messages import Translator

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource

PREVIEW_INTERVAL_S = 0.06  # the viewfinder is redrawn at most ~16 times a second
# Camera errors after which the page offers file import only.
CAMERA_GONE = frozenset({"camera.none", "camera.not_found", "camera.permission_denied"})


class ImagePane(QLabel):
    """A dark pane showing one image scaled to fit (redrawn when resized), or a text."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 280)
        # Ignored: the pixmap must never make the pane (and the window) grow.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("QLabel { background: #2b2b2b; color: #e0e0e0; border-radius: 4px; }")
        self.setWordWrap(True)
        self.image: QImage | None = None

    def show_image(self, image: QImage) -> None:
        self.image = image
        self._redraw()

    def show_text(self, text: str) -> None:
        self.image = None
        self.clear()
        self.setText(text)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._redraw()

    def _redraw(self) -> None:
        if self.image is None:
            return
        self.setPixmap(
            QPixmap.fromImage(self.image).scaled(
                self.contentsRect().size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class CameraView(ImagePane):
    """The camera's live picture while the pane is shown; ``captured(CapturedImage)`` answers
    :meth:`take`, ``failed(DeviceError)`` says why not, ``availability_changed(bool)`` when the
    camera turns out to be missing (or comes back)."""

    captured = Signal(object)
    failed = Signal(object)
    availability_changed = Signal(bool)

    def __init__(self, camera: QtStillSource | None, translator: Translator) -> None:
        super().__init__("cameraView")
        self._camera = camera
        self._translator = translator
        self._missing = False
        self._last_frame = 0.0
        if camera is not None:
            camera.frame_changed.connect(self._on_camera_frame_changed)
            camera.captured.connect(self.captured)
            camera.failed.connect(self._on_camera_failed)
        self.retranslate()

    @property
    def available(self) -> bool:
        return self._camera is not None and not self._missing

    @property
    def busy(self) -> bool:
        return self._camera is not None and self._camera.is_busy

    def retranslate(self) -> None:
        if self._camera is None:
            self.show_text(self._no_camera(self.tr("No camera.")))

    def start(self) -> None:
        if self._camera is None or self._camera.is_active:
            return
        try:
            self._camera.start()
        except DeviceError as error:
            self._on_camera_failed(error)
            return
        if self._missing:  # plugged in since
            self._missing = False
            self.show_text("")
            self.availability_changed.emit(True)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()

    def take(self) -> bool:
        """Ask the camera for a photo; False when there is none or it is still busy."""
        if self._camera is None or not self.available or self._camera.is_busy:
            return False
        self._camera.request_capture()
        return True

    def _no_camera(self, why: str) -> str:
        return f"{why}\n{self.tr('Import a photo from a file (Ctrl+O).')}"

    def _on_camera_frame_changed(self, frame: Any) -> None:
        now = time.monotonic()
        if now - self._last_frame < PREVIEW_INTERVAL_S or not self.isVisible():
            return
        self._last_frame = now
        image = frame.toImage()
        if not image.isNull():
            self.show_image(image)

    def _on_camera_failed(self, error: DeviceError) -> None:
        if error.code in CAMERA_GONE and not self._missing:  # file import only from now on
            self._missing = True
            why = (
                self.tr("No camera.")
                if error.code == "camera.none"
                else self._translator.text(error.code, None, {})
            )
            self.show_text(self._no_camera(why))
            self.availability_changed.emit(False)
        self.failed.emit(error)
