"""The configured camera reaches the photo page through the composition root."""

from __future__ import annotations

from devices.registry import DeviceMap
from tests.ui.windows import session_window
from workstation.app import _camera


def test_no_configured_camera_means_file_import_only(qtbot, services, clerk, runner) -> None:
    assert _camera(None) is None
    window = session_window(services, clerk, runner, DeviceMap(), probe=lambda _map: [])
    qtbot.addWidget(window.window())
    assert not window.photo_page.has_camera
    assert window.photo_page.import_button.isEnabled()


def test_a_configured_camera_is_given_to_the_photo_page(qtbot, services, clerk, runner) -> None:
    camera = _camera("Counter webcam")
    assert camera is not None  # Qt Multimedia loads (pyside6-addons, libpulse0)
    window = session_window(
        services,
        clerk,
        runner,
        DeviceMap(camera="Counter webcam"),
        probe=lambda _map: [],
        camera=camera,
    )
    qtbot.addWidget(window.window())
    camera.setParent(window)
    assert window.photo_page._camera is camera
