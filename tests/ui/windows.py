"""The main window as the app shows it after a sign-in, for the tests of the pages in it."""

from __future__ import annotations

from typing import Any

from devices.registry import DeviceMap
from workstation.domain.officers import Officer
from workstation.ui.main_window import MainWindow
from workstation.ui.tasks import TaskRunner
from workstation.ui.workspace import Workspace, WorkspaceServices


def session_window(
    services: WorkspaceServices,
    officer: Officer,
    runner: TaskRunner,
    device_map: DeviceMap,
    **options: Any,
) -> Workspace:
    """A :class:`MainWindow` with ``officer``'s workspace open in it (not shown); returns the
    workspace, whose ``window()`` is the main window. ``options``: the workspace's keywords
    (``probe``, ``card_events``, ``camera``)."""
    window = MainWindow()
    post = services.post
    window.set_post(post, services.db)  # type: ignore[attr-defined]  # the wiring's Services
    workspace = Workspace(services, officer, runner, device_map, **options)
    window.open_session(workspace)
    # The window has no parent: without a Python reference it would be deleted (with the
    # workspace in it) when this function returns. The test hands it to qtbot.addWidget.
    workspace.main_window = window  # type: ignore[attr-defined]
    return workspace
