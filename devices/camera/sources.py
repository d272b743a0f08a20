"""The one interface every still-image source implements, and the image it returns.

A *source* is whatever gives the officer a photograph: a webcam, a phone photo
on disk, a scan, or (in tests and demos) a video played back as if it were a
camera. The portrait pipeline only ever sees :class:`CapturedImage`, so it does
not care where the picture came from.

The shape follows python-escpos: :meth:`StillSource.capture` is a public
*template method* (log, call the tiny backend hook :meth:`StillSource._capture`,
check what came back) and backends only implement the hook. Every failure is a
:class:`devices.errors.DeviceError` with a stable code; the codes used by the
camera package are listed in :data:`ERROR_CODES` so the UI can map each one to a
translated sentence.

No Qt here: this module and :mod:`devices.camera.files` work in a CLI or a
worker thread without Qt Multimedia loaded. The Qt sources live in
:mod:`devices.camera.qt_camera` and :mod:`devices.camera.playback`.

Why ``StillSource`` is not an ``abc.ABC``: the Qt sources also derive from
``QObject`` (for their signals), and Qt's metaclass cannot be combined with
``ABCMeta``. ``@abstractmethod`` still makes mypy refuse a source that forgets
its hook.
"""

from __future__ import annotations

import logging
import time
from abc import abstractmethod
from dataclasses import dataclass
from datetime import datetime

from devices.errors import DeviceError

__all__ = [
    "ERROR_CODES",
    "JPEG",
    "PNG",
    "CapturedImage",
    "StillSource",
    "check_captured",
]

_log = logging.getLogger(__name__)

#: Media types a source may return. Everything downstream decodes both.
JPEG = "image/jpeg"
PNG = "image/png"

_SIGNATURES = {JPEG: b"\xff\xd8\xff", PNG: b"\x89PNG\r\n\x1a\n"}

#: Stable error codes raised (or emitted) by the camera package, for the UI's message table.
ERROR_CODES = frozenset(
    {
        "camera.none",  # no camera connected (or none Qt Multimedia can see)
        "camera.not_found",  # cameras exist but none matches the configured name
        "camera.busy",  # a capture is already in progress on this source
        "camera.unavailable",  # the camera exists but could not be started (in use elsewhere...)
        "camera.permission_denied",  # the OS refused camera access to this application
        "camera.capture_failed",  # the camera or player failed while taking the picture
        "camera.timeout",  # no picture within the allowed time
        "camera.qt_not_running",  # a Qt source used without a QCoreApplication (a wiring bug)
        "file.not_found",
        "file.unreadable",  # exists but cannot be read (permissions, I/O error)
        "file.unsupported_format",  # not a JPEG or PNG file
        "file.corrupt",  # claims to be JPEG/PNG but cannot be decoded (truncated, damaged)
        "file.too_large",  # more pixels than Pillow's decompression-bomb limit
    }
)


@dataclass(frozen=True, slots=True)
class CapturedImage:
    """One still picture, encoded, with what we know about it.

    ``data`` is a complete JPEG or PNG file (``media_type`` says which), already
    upright: EXIF orientation has been applied for files, so ``width`` and
    ``height`` are the displayed size. ``captured_at`` is when the picture was
    taken: the capture instant (timezone-aware) for a camera; EXIF
    ``DateTimeOriginal`` for a file, aware only when the file also records its UTC
    offset (``OffsetTimeOriginal``) and otherwise naive local time of wherever the
    photo was taken; ``None`` when unknown. ``source`` describes the origin for
    the log and the audit trail (``"file:/path/photo.jpg"``, ``"camera:Logitech
    BRIO"``).
    """

    data: bytes
    media_type: str
    width: int
    height: int
    captured_at: datetime | None
    source: str

    def __repr__(self) -> str:
        # The default repr would print megabytes of image data into logs and test output.
        return (
            f"CapturedImage({self.media_type}, {self.width}x{self.height}, "
            f"{len(self.data)} bytes, captured_at={self.captured_at!r}, source={self.source!r})"
        )


def check_captured(image: object) -> CapturedImage:
    """Return ``image`` if it is a well-formed :class:`CapturedImage`, else raise.

    Backends are small and several; checking their output in one place means a
    broken backend fails here, with the source named, instead of later inside the
    portrait pipeline. Raises ``DeviceError("camera.capture_failed")``.
    """
    if not isinstance(image, CapturedImage):
        raise DeviceError(
            "camera.capture_failed", f"backend returned {type(image).__name__}, not CapturedImage"
        )
    signature = _SIGNATURES.get(image.media_type)
    problems: list[str] = []
    if signature is None:
        problems.append(f"media type {image.media_type!r} is not JPEG or PNG")
    elif not image.data.startswith(signature):
        problems.append(f"data does not start with the {image.media_type} signature")
    if image.width <= 0 or image.height <= 0:
        problems.append(f"size {image.width}x{image.height}")
    if problems:
        raise DeviceError("camera.capture_failed", f"{image.source}: {'; '.join(problems)}")
    return image


class StillSource:
    """Base of every still-image source: one blocking :meth:`capture` call.

    Subclasses implement :meth:`_capture` and :attr:`description`. Sources whose
    hardware is asynchronous (Qt cameras) also offer a non-blocking API; see
    :class:`devices.camera.qt_base.QtStillSource`.
    """

    @property
    @abstractmethod
    def description(self) -> str:
        """Where pictures come from, for logs and :attr:`CapturedImage.source`."""

    def capture(self) -> CapturedImage:
        """Take (or read) one picture; raise :class:`DeviceError` on any failure.

        The template method: log, call the backend hook, check the result. A
        non-``DeviceError`` escaping a backend is a bug in that backend and is
        left to propagate with its traceback.
        """
        _log.info("capturing a still from %s", self.description)
        started = time.perf_counter()
        try:
            image = check_captured(self._capture())
        except DeviceError as exc:
            _log.warning("capture from %s failed: %s", self.description, exc)
            raise
        _log.info(
            "captured %s from %s in %.0f ms",
            image,
            self.description,
            (time.perf_counter() - started) * 1000,
        )
        return image

    @abstractmethod
    def _capture(self) -> CapturedImage:
        """Backend hook: produce one picture or raise :class:`DeviceError`."""
