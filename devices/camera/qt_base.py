"""What the Qt Multimedia sources share: an asynchronous capture API and a blocking helper.

Threads. Qt Multimedia objects (QCamera, QImageCapture, QMediaPlayer, QVideoSink)
belong to the thread that created them and need that thread's event loop to
run: create a Qt source on the GUI thread and use it there. That is safe
because nothing here blocks: starting a camera, taking a picture and decoding
a video all happen inside Qt (its own threads), and results come back as
queued signals. Calling a source from another thread raises ``RuntimeError``
rather than corrupting Qt's state. (This differs from the printer and reader
workers on purpose: those drivers block, Qt Multimedia does not.)

Two ways to take a picture:

* GUI, non-blocking: connect :attr:`QtStillSource.captured` and
  :attr:`QtStillSource.failed`, then call :meth:`QtStillSource.request_capture`.
  It returns at once; exactly one of the two signals follows, always later
  (never from inside ``request_capture``), within the source's timeout.
* CLI or test, blocking: :meth:`QtStillSource.capture` (the
  :class:`~devices.camera.sources.StillSource` interface) runs a local
  ``QEventLoop`` until that signal arrives. It needs a ``QCoreApplication``:
  :func:`ensure_qt_application` makes one for a CLI. Avoid it on the GUI thread:
  a local event loop re-enters the application's event handling.

Both paths return the same :class:`~devices.camera.sources.CapturedImage`, checked
by the same :func:`~devices.camera.sources.check_captured`.
"""

from __future__ import annotations

import logging
import sys
from abc import abstractmethod
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import TypedDict

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QObject,
    QThread,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QImage, QImageWriter
from PySide6.QtMultimedia import QVideoFrame, QVideoSink

from devices.camera.sources import JPEG, PNG, CapturedImage, StillSource, check_captured
from devices.errors import DeviceError

__all__ = [
    "QtSourceOptions",
    "QtStillSource",
    "ensure_qt_application",
    "on_current_thread",
    "require_qt_application",
]

_log = logging.getLogger(__name__)

# Extra time the blocking helper waits beyond the source's own timeout, so that
# the source's "camera.timeout" (with its detail) is what the caller sees.
_GUARD_MARGIN_MS = 2000


def _utc_now() -> datetime:
    return datetime.now(UTC)


def on_current_thread(obj: QObject) -> bool:
    """True if ``obj`` belongs to the calling thread.

    Compares the C++ thread objects: PySide's Python wrappers of a QThread are not
    stable identities (a wrapper can be invalidated and a new one made for the same
    thread), so ``QThread.currentThread() is obj.thread()`` can be wrongly False.
    """
    owner = shiboken6.getCppPointer(obj.thread())[0]
    return bool(owner == shiboken6.getCppPointer(QThread.currentThread())[0])


def ensure_qt_application() -> QCoreApplication:
    """Return the running Qt application, creating a windowless one if there is none.

    For the CLI: Qt Multimedia needs a ``QCoreApplication``. The caller must keep
    the returned object alive for as long as it uses Qt sources.
    """
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication(sys.argv[:1] or ["consular"])
    return app


def require_qt_application() -> QCoreApplication:
    """Return the running Qt application or raise ``DeviceError("camera.qt_not_running")``.

    Without one, Qt Multimedia silently reports no devices and never delivers
    frames, which would look like "no camera" instead of the wiring bug it is.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise DeviceError(
            "camera.qt_not_running",
            "Qt Multimedia needs a QCoreApplication; call ensure_qt_application() first",
        )
    return app


class QtSourceOptions(TypedDict, total=False):
    """The constructor options every Qt source passes on to :class:`QtStillSource` unchanged.

    A backend takes its own arguments and timeout default, then
    ``**options: Unpack[QtSourceOptions]``, so the shared options are declared once.
    """

    media_type: str
    jpeg_quality: int
    clock: Callable[[], datetime] | None
    parent: QObject | None


class QtStillSource(QObject, StillSource):
    """Base of the sources driven by Qt Multimedia (real camera, playback).

    Signals (emitted on the source's thread):

    * ``captured(CapturedImage)``: the picture asked for by ``request_capture``.
    * ``failed(DeviceError)``: why there is no picture (see ``ERROR_CODES``).

    * ``frame_changed(QVideoFrame)``: each live frame while active, for a
      viewfinder: ``source.frame_changed.connect(video_widget.videoSink().setVideoFrame)``.
      Re-emitted from :attr:`video_sink`, whose own signal may come from Qt's
      decoding thread, so listeners always run on the source's thread.

    Backends implement :meth:`start`, :meth:`stop`, :attr:`is_active`,
    :meth:`_begin_capture` (start taking a picture, then call :meth:`_deliver`
    or :meth:`_fail` from a Qt slot) and optionally :meth:`_cancel_capture`;
    :meth:`_error` makes an error naming the source, :meth:`_fail_on_device_error`
    answers a camera's or player's own error signal.
    """

    captured = Signal(object)
    failed = Signal(object)
    frame_changed = Signal(QVideoFrame)

    def __init__(
        self,
        *,
        timeout_s: float,
        media_type: str = JPEG,
        jpeg_quality: int = 95,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if media_type not in (JPEG, PNG):
            raise ValueError(f"media_type must be {JPEG!r} or {PNG!r}, not {media_type!r}")
        if timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
        self._timeout_ms = round(timeout_s * 1000)
        self._media_type = media_type
        self._jpeg_quality = jpeg_quality
        self._clock = clock or _utc_now
        self._busy = False
        self._sink = QVideoSink(self)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._on_deadline_timeout)
        self._sink.videoFrameChanged.connect(self._on_sink_frame_changed)

    # -- public API ---------------------------------------------------------------------------

    @property
    def video_sink(self) -> QVideoSink:
        """The sink the camera or player renders into (its current frame, its size)."""
        return self._sink

    @property
    def is_busy(self) -> bool:
        """True between ``request_capture`` and its ``captured``/``failed`` signal."""
        return self._busy

    @property
    @abstractmethod
    def is_active(self) -> bool:
        """True while the camera streams (or the playback plays)."""

    @abstractmethod
    def start(self) -> None:
        """Start streaming (viewfinder); raises ``DeviceError`` if the source cannot start.

        Optional before a capture: ``request_capture`` starts the source itself.
        """

    @abstractmethod
    def stop(self) -> None:
        """Stop streaming and release the device (e.g. when the photo page closes)."""

    def request_capture(self) -> None:
        """Ask for one picture without blocking; the answer is ``captured`` or ``failed``.

        The template method of the asynchronous path: check the thread and that no
        capture is pending, arm the timeout, call the backend hook. A second
        request while one is pending fails with ``camera.busy`` (the pending one
        still completes).
        """
        self._require_own_thread()
        if self._busy:
            self._emit_later(self.failed, self._error("camera.busy", "capture pending"))
            return
        _log.info("capture requested from %s", self.description)
        self._busy = True
        self._deadline.start(self._timeout_ms)
        try:
            self._begin_capture()
        except DeviceError as exc:
            self._fail(exc)
        except BaseException:
            self._settle()  # a backend bug: do not leave the source busy until the timeout
            raise

    # -- StillSource hook: the blocking helper ------------------------------------------------

    def _capture(self) -> CapturedImage:
        require_qt_application()
        self._require_own_thread()
        was_active = self.is_active
        outcome: list[object] = []
        loop = QEventLoop()

        def finish(result: object) -> None:
            outcome.append(result)
            loop.quit()

        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        self.captured.connect(finish)
        self.failed.connect(finish)
        try:
            guard.start(self._timeout_ms + _GUARD_MARGIN_MS)
            self.request_capture()
            if not outcome:  # a backend may answer before the loop runs
                loop.exec()
        finally:
            guard.stop()
            self.captured.disconnect(finish)
            self.failed.disconnect(finish)
            if not was_active:
                self.stop()
        if not outcome:
            raise self._error("camera.timeout", "no answer from Qt")
        result = outcome[0]
        if isinstance(result, DeviceError):
            raise result
        return check_captured(result)

    # -- for backends --------------------------------------------------------------------------

    @abstractmethod
    def _begin_capture(self) -> None:
        """Backend hook: start taking one picture; may raise ``DeviceError``."""

    def _cancel_capture(self) -> None:
        """Backend hook: forget the pending picture (timeout); late results are ignored anyway."""

    def _deliver(self, image: QImage) -> None:
        """Finish the pending capture with ``image``; ignored if nothing is pending."""
        if not self._busy:
            _log.debug("%s: late picture ignored", self.description)
            return
        try:
            captured = check_captured(self._encode(image))
        except DeviceError as exc:
            self._fail(exc)
            return
        except Exception as exc:
            # Called from Qt slots, where an exception would only be printed and the
            # caller would wait for the timeout: report it as a failed capture now.
            _log.exception("%s: encoding the picture raised", self.description)
            self._fail(self._error("camera.capture_failed", f"{type(exc).__name__}: {exc}"))
            return
        self._settle()
        _log.info("captured %s", captured)
        self._emit_later(self.captured, captured)

    def _fail(self, error: DeviceError) -> None:
        """Finish the pending capture with ``error``; ignored if nothing is pending."""
        if not self._busy:
            _log.debug("%s: late error ignored: %s", self.description, error)
            return
        self._settle()
        _log.warning("capture from %s failed: %s", self.description, error)
        self._emit_later(self.failed, error)

    def _error(self, code: str, text: str) -> DeviceError:
        """``DeviceError(code)`` whose detail starts with this source's description."""
        return DeviceError(code, f"{self.description}: {text}")

    def _fail_on_device_error(self, code: str, text: str) -> None:
        """The camera or player reported ``text``: forget the pending picture and fail it."""
        _log.warning("%s: device error: %s", self.description, text)
        self._cancel_capture()
        self._fail(self._error(code, text))

    # -- internals -----------------------------------------------------------------------------

    def _settle(self) -> None:
        self._busy = False
        self._deadline.stop()

    def _emit_later(self, signal: SignalInstance, value: object) -> None:
        # Queued through the event loop: listeners never run inside request_capture(),
        # and nothing is emitted if the source is deleted first.
        QTimer.singleShot(0, self, partial(signal.emit, value))

    def _require_own_thread(self) -> None:
        if not on_current_thread(self):
            raise RuntimeError(
                f"{type(self).__name__} used from a thread other than the one that created it"
            )

    @Slot(QVideoFrame)
    def _on_sink_frame_changed(self, frame: QVideoFrame) -> None:
        self.frame_changed.emit(frame)

    @Slot()
    def _on_deadline_timeout(self) -> None:
        self._cancel_capture()
        self._fail(
            self._error("camera.timeout", f"no picture within {self._timeout_ms / 1000:g} s")
        )

    def _encode(self, image: QImage) -> CapturedImage:
        if image.isNull():
            raise self._error("camera.capture_failed", "empty frame")
        if self._media_type == JPEG:
            if image.hasAlphaChannel() or image.format() != QImage.Format.Format_RGB888:
                image = image.convertToFormat(QImage.Format.Format_RGB888)
            qt_format = b"jpeg"
        else:
            qt_format = b"png"
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # QImageWriter rather than QImage.save: PySide6's stubs and runtime disagree on
        # save()'s format type, and the writer says why it failed.
        writer = QImageWriter(buffer, QByteArray(qt_format))
        if self._media_type == JPEG:
            writer.setQuality(self._jpeg_quality)
        if not writer.write(image):
            text = f"cannot encode {self._media_type}: {writer.errorString()}"
            raise self._error("camera.capture_failed", text)
        data = buffer.data().data()
        return CapturedImage(
            data=bytes(data),
            media_type=self._media_type,
            width=image.width(),
            height=image.height(),
            captured_at=self._clock(),
            source=self.description,
        )
