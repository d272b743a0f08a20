"""Detect capture cameras from the operating system, without Qt.

The status bar must show "no camera" at start-up without loading Qt
Multimedia (slow to initialise, and it may grab the device). On Linux the
kernel already publishes what we need: ``/dev/videoN`` character devices and
their names under ``/sys/class/video4linux``. Other systems have no such cheap,
dependency-free interface: there the probe asks Qt Multimedia, but only when the
application has already loaded it and the call is made on the Qt application's
thread (Qt Multimedia objects belong to that thread); otherwise it reports
``camera.probe_unsupported``. The GUI can also turn
:func:`devices.camera.qt_camera.list_cameras` into a status with
:func:`status_from_camera_names`.

A USB webcam usually creates *two* nodes: the capture node and a metadata node
that cannot deliver pictures. The V4L2 ``VIDIOC_QUERYCAP`` ioctl tells them
apart; when it cannot be asked (device busy, not a V4L2 driver) the sysfs
``index`` attribute is used instead (0 is the first, capture, node of a device).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import struct
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from devices.status import DeviceKind, DeviceState, DeviceStatus

__all__ = ["VideoDevice", "list_video_devices", "probe_camera", "status_from_camera_names"]

DEV_DIR = Path("/dev")
SYSFS_V4L_DIR = Path("/sys/class/video4linux")

_VIDEO_NODE = re.compile(r"^video(?P<number>\d+)$")

# struct v4l2_capability (linux/videodev2.h): driver[16], card[32], bus_info[32],
# version, capabilities, device_caps, reserved[3] -> 104 bytes.
_V4L2_CAPABILITY = struct.Struct("=16s32s32sIII3I")
# VIDIOC_QUERYCAP = _IOR('V', 0, struct v4l2_capability)
_VIDIOC_QUERYCAP = (2 << 30) | (_V4L2_CAPABILITY.size << 16) | (ord("V") << 8) | 0
_V4L2_CAP_VIDEO_CAPTURE = 0x00000001
_V4L2_CAP_VIDEO_CAPTURE_MPLANE = 0x00001000
_V4L2_CAP_DEVICE_CAPS = 0x80000000


@dataclass(frozen=True, slots=True)
class VideoDevice:
    """A V4L2 capture node: ``path`` (``/dev/video0``) and human ``name`` from sysfs."""

    path: str
    name: str


def _query_capture(path: Path) -> bool | None:
    """Ask the driver whether ``path`` captures video; ``None`` if it cannot be asked."""
    # Imported here: fcntl does not exist on Windows, where this module must
    # still import so probe_camera() can report "unsupported".
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        buffer = bytearray(_V4L2_CAPABILITY.size)
        fcntl.ioctl(fd, _VIDIOC_QUERYCAP, buffer)
    except OSError:
        return None
    finally:
        os.close(fd)
    *_, capabilities, device_caps, _r0, _r1, _r2 = _V4L2_CAPABILITY.unpack(buffer)
    caps = device_caps if capabilities & _V4L2_CAP_DEVICE_CAPS else capabilities
    return bool(caps & (_V4L2_CAP_VIDEO_CAPTURE | _V4L2_CAP_VIDEO_CAPTURE_MPLANE))


def _read_sysfs(sysfs_dir: Path, node: str, attribute: str) -> str | None:
    try:
        return (sysfs_dir / node / attribute).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None


def _is_capture_node(path: Path, sysfs_dir: Path) -> bool:
    answer = _query_capture(path)
    if answer is not None:
        return answer
    index = _read_sysfs(sysfs_dir, path.name, "index")
    return index is None or index == "0"


def _scan(dev_dir: Path, sysfs_dir: Path) -> tuple[list[VideoDevice], list[str]]:
    """Return (usable capture devices, nodes skipped because they are not readable)."""
    nodes: list[tuple[int, Path]] = []
    try:
        entries = list(dev_dir.iterdir())
    except OSError:
        entries = []
    for entry in entries:
        match = _VIDEO_NODE.match(entry.name)
        if match is not None:
            nodes.append((int(match["number"]), entry))
    devices: list[VideoDevice] = []
    unreadable: list[str] = []
    for _number, path in sorted(nodes):
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if not stat.S_ISCHR(mode):
            continue
        if not os.access(path, os.R_OK):
            unreadable.append(str(path))
            continue
        if not _is_capture_node(path, sysfs_dir):
            continue
        name = _read_sysfs(sysfs_dir, path.name, "name") or path.name
        devices.append(VideoDevice(str(path), name))
    return devices, unreadable


def list_video_devices(
    *, dev_dir: Path = DEV_DIR, sysfs_dir: Path = SYSFS_V4L_DIR
) -> list[VideoDevice]:
    """List readable V4L2 capture devices on Linux, ordered by node number.

    ``dev_dir`` and ``sysfs_dir`` exist so the scan can be pointed at another
    tree (tests, containers with a bind-mounted ``/dev``). Returns an empty list
    on systems without V4L2.
    """
    return _scan(dev_dir, sysfs_dir)[0]


def _matches(device: VideoDevice, configured: str) -> bool:
    wanted = configured.strip()
    return device.path == wanted or wanted.casefold() in device.name.casefold()


def probe_camera(
    configured: str | None, *, dev_dir: Path = DEV_DIR, sysfs_dir: Path = SYSFS_V4L_DIR
) -> DeviceStatus:
    """Report whether the configured camera (or any camera if ``None``) is present.

    ``configured`` is a device path (``/dev/video0``) or a case-insensitive
    fragment of the camera name, which is stabler than the node number (that
    changes with plug order).
    """
    kind = DeviceKind.CAMERA
    if not sys.platform.startswith("linux"):
        names = _qt_camera_names()
        if names is not None:
            return status_from_camera_names(configured, names)
        return DeviceStatus(
            kind,
            DeviceState.UNAVAILABLE,
            configured,
            "camera.probe_unsupported",
            f"no OS-level camera probe on {sys.platform}; Qt Multimedia is not loaded "
            "or this is not the Qt application thread",
        )
    devices, unreadable = _scan(dev_dir, sysfs_dir)
    if not devices:
        if unreadable:
            # Present but unusable: telling the officer "no camera" would send
            # them checking cables when the account lacks the 'video' group.
            return DeviceStatus(
                kind,
                DeviceState.UNAVAILABLE,
                configured,
                "camera.permission_denied",
                f"{os.strerror(errno.EACCES)}: {', '.join(unreadable)}",
            )
        return DeviceStatus(
            kind, DeviceState.ABSENT, None, "camera.none", f"no V4L2 capture device in {dev_dir}"
        )
    if configured is None or not configured.strip():
        first = devices[0]
        return DeviceStatus(kind, DeviceState.READY, first.name, None, first.path)
    for device in devices:
        if _matches(device, configured):
            return DeviceStatus(kind, DeviceState.READY, device.name, None, device.path)
    available = ", ".join(f"{d.name} ({d.path})" for d in devices)
    return DeviceStatus(
        kind,
        DeviceState.ABSENT,
        None,
        "camera.not_found",
        f"no camera matches {configured!r}; present: {available}",
    )


def _qt_camera_names() -> list[str] | None:
    """Camera names from Qt Multimedia if it is usable from here, else ``None``.

    Never loads Qt Multimedia itself (see the module docstring) and never calls it
    from a worker thread: Qt Multimedia objects belong to the application thread.
    """
    if "PySide6.QtMultimedia" not in sys.modules:
        return None
    from PySide6.QtCore import QCoreApplication

    from devices.camera.qt_base import on_current_thread
    from devices.camera.qt_camera import list_cameras

    app = QCoreApplication.instance()
    if app is None or not on_current_thread(app):
        return None
    return list_cameras()


def status_from_camera_names(configured: str | None, names: Sequence[str]) -> DeviceStatus:
    """The camera status for camera ``names`` (e.g. from Qt's ``list_cameras()``).

    Same rules as the V4L2 probe: ``None`` picks the first camera, otherwise a
    case-insensitive fragment of the name selects one.
    """
    kind = DeviceKind.CAMERA
    if not names:
        return DeviceStatus(kind, DeviceState.ABSENT, None, "camera.none", "Qt sees no camera")
    wanted = (configured or "").strip().casefold()
    for name in names:
        if wanted in name.casefold():
            return DeviceStatus(kind, DeviceState.READY, name, None, "Qt Multimedia")
    return DeviceStatus(
        kind,
        DeviceState.ABSENT,
        None,
        "camera.not_found",
        f"no camera matches {configured!r}; present: {', '.join(names)}",
    )
