"""Camera presence probing from the operating system (Linux V4L2 nodes + sysfs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from devices.camera import VideoDevice, list_video_devices, probe_camera
from devices.status import DeviceKind, DeviceState

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="V4L2 probing exists only on Linux"
)


@linux_only
def test_this_machine_without_cameras_reports_camera_none() -> None:
    if any(Path("/dev").glob("video*")):
        pytest.skip("this machine has /dev/video* nodes; the test describes a camera-less host")
    status = probe_camera(None)
    assert (status.kind, status.state, status.name) == (DeviceKind.CAMERA, DeviceState.ABSENT, None)
    assert status.code == "camera.none"


@pytest.mark.skipif(sys.platform.startswith("linux"), reason="non-Linux behaviour")
def test_other_systems_say_the_probe_is_unsupported() -> None:
    status = probe_camera("FaceTime HD Camera")
    assert (status.state, status.code) == (DeviceState.UNAVAILABLE, "camera.probe_unsupported")


def _fake_v4l_tree(tmp_path: Path) -> tuple[Path, Path]:
    """Build a /dev + /sys/class/video4linux look-alike.

    The video nodes are symlinks to the real character device /dev/null, so
    the "is it a readable char device" checks and the VIDIOC_QUERYCAP ioctl
    really run (the ioctl fails with ENOTTY there, which exercises the sysfs
    ``index`` fallback used for busy or non-V4L2 nodes).
    """
    dev = tmp_path / "dev"
    sysfs = tmp_path / "sys" / "class" / "video4linux"
    dev.mkdir()
    nodes = {
        "video0": ("Logitech BRIO", "0"),  # capture node
        "video1": ("Logitech BRIO", "1"),  # its metadata node
        "video10": ("USB2.0 HD UVC WebCam: USB2.0 HD", "0"),  # sorts after video0 numerically
    }
    for node, (name, index) in nodes.items():
        (dev / node).symlink_to("/dev/null")
        (sysfs / node).mkdir(parents=True)
        (sysfs / node / "name").write_text(name + "\n")
        (sysfs / node / "index").write_text(index + "\n")
    (dev / "video2").write_text("not a device")  # regular file: ignored
    (dev / "videodev").symlink_to("/dev/null")  # not a videoN name: ignored
    return dev, sysfs


@linux_only
def test_capture_nodes_are_listed_with_sysfs_names(tmp_path: Path) -> None:
    dev, sysfs = _fake_v4l_tree(tmp_path)
    assert list_video_devices(dev_dir=dev, sysfs_dir=sysfs) == [
        VideoDevice(str(dev / "video0"), "Logitech BRIO"),
        VideoDevice(str(dev / "video10"), "USB2.0 HD UVC WebCam: USB2.0 HD"),
    ]


@linux_only
@pytest.mark.parametrize(
    ("configured", "state", "name", "code"),
    [
        (None, DeviceState.READY, "Logitech BRIO", None),
        ("uvc webcam", DeviceState.READY, "USB2.0 HD UVC WebCam: USB2.0 HD", None),
        ("{dev}/video10", DeviceState.READY, "USB2.0 HD UVC WebCam: USB2.0 HD", None),
        ("Canon EOS", DeviceState.ABSENT, None, "camera.not_found"),
    ],
)
def test_probe_camera_selects_configured_device(
    tmp_path: Path, configured: str | None, state: DeviceState, name: str | None, code: str | None
) -> None:
    dev, sysfs = _fake_v4l_tree(tmp_path)
    if configured is not None:
        configured = configured.format(dev=dev)
    status = probe_camera(configured, dev_dir=dev, sysfs_dir=sysfs)
    assert (status.kind, status.state, status.name, status.code) == (
        DeviceKind.CAMERA,
        state,
        name,
        code,
    )


@linux_only
def test_missing_sysfs_name_falls_back_to_node_name(tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "video3").symlink_to("/dev/null")
    status = probe_camera(None, dev_dir=dev, sysfs_dir=tmp_path / "no-sysfs")
    assert (status.state, status.name, status.detail) == (
        DeviceState.READY,
        "video3",
        str(dev / "video3"),
    )


@linux_only
def test_empty_dev_dir_reports_camera_none(tmp_path: Path) -> None:
    status = probe_camera("Logitech", dev_dir=tmp_path, sysfs_dir=tmp_path)
    assert (status.state, status.code) == (DeviceState.ABSENT, "camera.none")
