"""A pretend camera for tests, demos and training: frames from a video or from image files.

:class:`PlaybackSource` behaves like :class:`~devices.camera.qt_camera.QtCameraSource`
(same signals, same viewfinder sink, same ``CapturedImage``) but needs no
hardware, so GUI tests and a demo station can "take" photos headless
(``QT_QPA_PLATFORM=offscreen``). It is not meant for real applicants: its
``description`` starts with ``playback:`` and that is what the audit trail records.

* A video file: a ``QMediaPlayer`` plays it in a loop, without sound, into the
  source's ``QVideoSink`` (Qt's FFmpeg backend, so whatever FFmpeg decodes); a
  capture returns the next frame that arrives after the request.
* A list of image files: the viewfinder shows the current image; each capture
  returns it and moves to the next one (round robin), so a test can script "first
  a blurred photo, then a good one". EXIF orientation is applied, as a camera
  would deliver an upright frame.

Threading and the two capture styles are those of :mod:`devices.camera.qt_base`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Unpack

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame

from devices.camera.qt_base import QtSourceOptions, QtStillSource, require_qt_application
from devices.errors import DeviceError

__all__ = ["PlaybackSource"]

_log = logging.getLogger(__name__)

_PathLike = str | os.PathLike[str]


def _existing(path: _PathLike) -> Path:
    resolved = Path(path).resolve()
    if not resolved.is_file():
        raise DeviceError("file.not_found", f"playback media {resolved} does not exist")
    return resolved


class PlaybackSource(QtStillSource):
    """A camera stand-in playing ``media``: one video file, or a sequence of image files.

    Options as for :class:`~devices.camera.qt_base.QtStillSource`. Raises
    ``DeviceError("file.not_found")`` at once if a file is missing (a test
    or demo set-up error); decoding problems surface as ``failed`` at capture
    time, like a real camera's.
    """

    def __init__(
        self,
        media: _PathLike | Sequence[_PathLike],
        *,
        timeout_s: float = 5.0,
        **options: Unpack[QtSourceOptions],
    ) -> None:
        super().__init__(timeout_s=timeout_s, **options)
        self._player: QMediaPlayer | None = None
        self._images: list[Path] = []
        self._index = 0
        self._images_shown = False
        self._want_frame = False
        if isinstance(media, str | os.PathLike):
            self._video: Path | None = _existing(media)
        else:
            self._video = None
            self._images = [_existing(path) for path in media]
            if not self._images:
                raise ValueError("PlaybackSource needs a video file or at least one image file")

    @property
    def description(self) -> str:
        if self._video is not None:
            return f"playback:{self._video}"
        return f"playback:{self._images[0]} (+{len(self._images) - 1} images)"

    @property
    def is_active(self) -> bool:
        if self._player is not None:
            return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        return self._images_shown

    def start(self) -> None:
        require_qt_application()
        if self._video is None:
            self._images_shown = True
            self._show(self._read_current())
            return
        if self._player is None:
            self._player = QMediaPlayer(self)  # no QAudioOutput: silent, needs no sound server
            self._player.setVideoSink(self.video_sink)
            self._player.setLoops(QMediaPlayer.Loops.Infinite)
            self._player.errorOccurred.connect(self._on_player_error)
            self.frame_changed.connect(self._on_frame)
            self._player.setSource(QUrl.fromLocalFile(str(self._video)))
        self._player.play()

    def stop(self) -> None:
        self._images_shown = False
        if self._player is not None:
            self._player.stop()

    # -- hooks ---------------------------------------------------------------------------------

    def _begin_capture(self) -> None:
        if self._video is not None:
            self._want_frame = True  # _on_frame delivers the next decoded frame
            if not self.is_active:
                self.start()
            return
        image = self._read_current()
        self._index = (self._index + 1) % len(self._images)
        self._deliver(image)
        if self._images_shown:
            try:
                self._show(self._read_current())
            except DeviceError as exc:  # reported by the capture that reaches that image
                _log.warning("%s: cannot show the next image: %s", self.description, exc)

    def _cancel_capture(self) -> None:
        self._want_frame = False

    # -- internals -----------------------------------------------------------------------------

    def _read_current(self) -> QImage:
        path = self._images[self._index]
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # EXIF orientation, as a camera delivers upright frames
        image = reader.read()
        if image.isNull():
            raise DeviceError("file.corrupt", f"{path}: {reader.errorString()}")
        return image

    def _show(self, image: QImage) -> None:
        self.video_sink.setVideoFrame(QVideoFrame(image))

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if not self._want_frame or not frame.isValid():
            return
        self._want_frame = False
        self._deliver(frame.toImage())

    @Slot(QMediaPlayer.Error, str)
    def _on_player_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        _log.info("%s: player error %s", self.description, error.name)
        self._fail_on_device_error("camera.capture_failed", text)
