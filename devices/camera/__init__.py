"""Cameras and other sources of applicant photos.

Import map (so that importing this package never loads Qt Multimedia, which is
slow to initialise and may grab a device at start-up):

* here, without Qt: :class:`StillSource`, :class:`CapturedImage`,
  :class:`FileSource` (JPEG/PNG files), the V4L2 presence probe;
* :mod:`devices.camera.qt_camera`: :class:`QtCameraSource`, :func:`list_cameras`
  (the only modules of ``devices`` allowed to import PySide6 are in this package);
* :mod:`devices.camera.playback`: :class:`PlaybackSource`, a pretend camera
  playing a video or image files, for tests and demos;
* :mod:`devices.camera.qt_base`: the asynchronous capture API and threading rule
  they share, and :func:`ensure_qt_application` for a CLI.
"""

from devices.camera.files import FileSource, image_from_bytes
from devices.camera.probe import VideoDevice, list_video_devices, probe_camera
from devices.camera.sources import ERROR_CODES, JPEG, PNG, CapturedImage, StillSource

__all__ = [
    "ERROR_CODES",
    "JPEG",
    "PNG",
    "CapturedImage",
    "FileSource",
    "StillSource",
    "VideoDevice",
    "image_from_bytes",
    "list_video_devices",
    "probe_camera",
]
