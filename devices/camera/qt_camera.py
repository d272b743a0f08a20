"""Still pictures from a real camera through Qt Multimedia.

``QMediaDevices`` lists the cameras; a ``QMediaCaptureSession`` joins the
``QCamera``, a ``QImageCapture`` (the still, at the camera's still resolution)
and the source's ``QVideoSink`` (the viewfinder). Everything is asynchronous and
lives on the thread that created the source: see :mod:`devices.camera.qt_base`
for the threading rule and the two ways to capture.

Nothing touches the camera until :meth:`QtCameraSource.start` or the first
capture, so a workstation without a camera (or with the camera in use by a
video call) starts normally; the capture then fails with ``camera.none``,
``camera.not_found`` or ``camera.unavailable``.

On macOS (and mobile platforms) the operating system asks the user before an
application may use the camera; the first start asks through
``QCoreApplication.requestPermission`` and a refusal is ``camera.permission_denied``.
Linux and Windows desktops grant it without asking.
"""

from __future__ import annotations

import logging
from typing import Unpack

from PySide6.QtCore import QCameraPermission, QPermission, Qt, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QImageCapture,
    QMediaCaptureSession,
    QMediaDevices,
)

from devices.camera.qt_base import QtSourceOptions, QtStillSource, require_qt_application
from devices.errors import DeviceError

__all__ = ["QtCameraSource", "list_cameras"]

_log = logging.getLogger(__name__)

# QImageCapture.Error -> our stable code. NotReadyError cannot normally reach us
# (we wait for readyForCapture) but a camera unplugged in between produces it.
_CAPTURE_ERRORS = {
    QImageCapture.Error.NotReadyError: "camera.unavailable",
    QImageCapture.Error.ResourceError: "camera.unavailable",
    QImageCapture.Error.OutOfSpaceError: "camera.capture_failed",
    QImageCapture.Error.NotSupportedFeatureError: "camera.capture_failed",
    QImageCapture.Error.FormatError: "camera.capture_failed",
}


def list_cameras() -> list[str]:
    """Names (descriptions) of the cameras Qt Multimedia sees; empty without cameras.

    Needs a ``QCoreApplication`` (``camera.qt_not_running`` otherwise). Call it on
    the application's thread; it is fast, Qt keeps the list up to date itself.
    """
    require_qt_application()
    return [device.description() for device in QMediaDevices.videoInputs()]


def _device_id(device: QCameraDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _find_device(configured: str | None) -> QCameraDevice:
    """The configured camera (exact id or case-insensitive name fragment) or the default."""
    devices = QMediaDevices.videoInputs()
    if not devices:
        raise DeviceError("camera.none", "Qt Multimedia sees no camera")
    wanted = (configured or "").strip()
    if not wanted:
        default = QMediaDevices.defaultVideoInput()
        return devices[0] if default.isNull() else default
    for device in devices:
        if _device_id(device) == wanted or wanted.casefold() in device.description().casefold():
            return device
    present = ", ".join(device.description() for device in devices)
    raise DeviceError("camera.not_found", f"no camera matches {configured!r}; present: {present}")


class QtCameraSource(QtStillSource):
    """A webcam or document camera, chosen by name fragment (``None``: the system default).

    ``timeout_s`` bounds one capture, camera start-up included (a cold USB
    camera can take two or three seconds to deliver its first frame). Options as for
    :class:`~devices.camera.qt_base.QtStillSource`.
    """

    def __init__(
        self,
        configured: str | None = None,
        *,
        timeout_s: float = 10.0,
        **options: Unpack[QtSourceOptions],
    ) -> None:
        super().__init__(timeout_s=timeout_s, **options)
        self._configured = configured
        self._name: str | None = None
        self._camera: QCamera | None = None
        self._image_capture: QImageCapture | None = None
        self._session: QMediaCaptureSession | None = None
        self._request_id: int | None = None
        self._waiting_for_ready = False

    @property
    def description(self) -> str:
        return f"camera:{self._name or self._configured or 'default'}"

    @property
    def is_active(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def start(self) -> None:
        app = require_qt_application()
        permission = QCameraPermission()
        status = app.checkPermission(permission)
        if status == Qt.PermissionStatus.Denied:
            raise DeviceError("camera.permission_denied", "the system refused camera access")
        if self._camera is None:
            self._open(_find_device(self._configured))
        if status == Qt.PermissionStatus.Granted:
            self._start_camera()
        else:  # undetermined: the OS asks the user, the answer comes back later
            app.requestPermission(permission, self, self._on_permission_answered)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()

    # -- hooks ---------------------------------------------------------------------------------

    def _begin_capture(self) -> None:
        if not self.is_active:
            self.start()
        assert self._image_capture is not None
        if self._image_capture.isReadyForCapture():
            self._shoot()
        else:
            self._waiting_for_ready = True  # _on_ready_changed shoots when the camera is ready

    def _cancel_capture(self) -> None:
        self._request_id = None
        self._waiting_for_ready = False

    # -- internals -----------------------------------------------------------------------------

    def _open(self, device: QCameraDevice) -> None:
        self._name = device.description()
        self._camera = QCamera(device, self)
        self._image_capture = QImageCapture(self)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._image_capture)
        self._session.setVideoSink(self.video_sink)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._image_capture.imageCaptured.connect(self._on_image_captured)
        self._image_capture.errorOccurred.connect(self._on_capture_error)
        self._image_capture.readyForCaptureChanged.connect(self._on_ready_changed)
        _log.info("camera %r opened (id %s)", self._name, _device_id(device))

    def _start_camera(self) -> None:
        if self._camera is not None:  # None if it failed and was closed meanwhile
            self._camera.start()

    def _close(self) -> None:
        """Drop the Qt objects so the next start looks for the camera again (unplugged)."""
        for obj in (self._session, self._image_capture, self._camera):
            if obj is not None:
                obj.deleteLater()
        if self._camera is not None:
            self._camera.stop()
        self._camera = self._image_capture = self._session = None
        self._name = None
        self._cancel_capture()

    def _shoot(self) -> None:
        assert self._image_capture is not None
        self._waiting_for_ready = False
        request_id = self._image_capture.capture()
        if request_id == -1:  # refused at once; errorOccurred(-1, ...) may also fire
            code = _CAPTURE_ERRORS.get(self._image_capture.error(), "camera.capture_failed")
            self._fail(self._error(code, self._image_capture.errorString()))
        else:
            self._request_id = request_id

    @Slot(QPermission)
    def _on_permission_answered(self, permission: QPermission) -> None:
        if permission.status() == Qt.PermissionStatus.Granted:
            self._start_camera()
        else:
            self._fail(DeviceError("camera.permission_denied", "the user refused camera access"))

    @Slot(bool)
    def _on_ready_changed(self, ready: bool) -> None:
        if ready and self._waiting_for_ready and self.is_busy:
            self._shoot()

    @Slot(int, QImage)
    def _on_image_captured(self, request_id: int, image: QImage) -> None:
        if request_id != self._request_id:
            return
        self._request_id = None
        self._deliver(image)

    @Slot(int, QImageCapture.Error, str)
    def _on_capture_error(self, request_id: int, error: QImageCapture.Error, text: str) -> None:
        if request_id not in (self._request_id, -1):
            return
        self._request_id = None
        self._fail(self._error(_CAPTURE_ERRORS.get(error, "camera.capture_failed"), text))

    @Slot(QCamera.Error, str)
    def _on_camera_error(self, error: QCamera.Error, text: str) -> None:
        if error == QCamera.Error.NoError:
            return
        # Qt reports one generic CameraError for "in use by another application",
        # "unplugged" and driver failures alike.
        self._fail_on_device_error("camera.unavailable", text)
        self._close()
