"""The composition root: the window at once, a folder that is not set up, and a full session from
sign-in to quit."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workstation import app as app_module
from workstation.app import EXIT_NOT_SET_UP, main
from workstation.ui.main_window import MainWindow


class WhenShown:
    """Calls ``act`` on the first visible top-level widget of ``kind``, from the event loop that
    a modal dialog or ``app.exec()`` runs inside :func:`main`."""

    def __init__(self, kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
        self.kind, self.act, self.seen = kind, act, []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def stop(self, qtbot) -> None:
        """Stop watching and delete what was seen, so no window outlives the test."""
        self.timer.stop()
        for widget in self.seen:
            widget.deleteLater()
        qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) for w in self.seen))

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, self.kind) and widget.isVisible() and widget not in self.seen:
                self.seen.append(widget)
                self.act(widget)
                return


@pytest.fixture(autouse=True)
def _no_hang(qapp: QApplication) -> Iterator[None]:
    """main() runs modal dialogs and app.exec(): if a test's script does not end them, close
    every window after a while and fail, rather than hang the whole test run."""
    fired: list[bool] = []
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(lambda: (fired.append(True), QApplication.closeAllWindows()))
    safety.start(30_000)
    yield
    safety.stop()
    assert not fired, "main() did not return by itself: windows were closed after 30 s"


def when(condition: Callable[[], bool], act: Callable[[], None]) -> QTimer:
    """Calls ``act`` once, from the running event loop, as soon as ``condition()`` holds."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        if condition():
            timer.stop()
            act()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def _startup_problem(qtbot, arguments: list[str]) -> tuple[int, str]:
    """Runs main(); once the window says why the records cannot be opened, presses its Quit
    button. The exit code and the text shown."""
    texts: list[str] = []
    timers: list[QTimer] = []

    def on_window(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        page = window.sign_in

        def quit_() -> None:
            texts.append(page.problem or "")
            assert page.sign_in_button.text() == "&Quit"
            assert not page.username_edit.isVisible()
            page.sign_in_button.click()

        timers.append(when(lambda: page.problem is not None, quit_))

    watcher = WhenShown(MainWindow, on_window)
    code = main(arguments)
    watcher.stop(qtbot)
    assert len(texts) == 1
    return code, texts[0]


def test_a_folder_that_is_not_set_up_explains_how_and_exits_2(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "nothing-here"
    code, text = _startup_problem(qtbot, ["--data-dir", str(folder)])
    assert code == EXIT_NOT_SET_UP
    assert "not set up" in text and f'consular --data-dir "{folder}" init --demo' in text


def test_a_broken_site_file_names_the_key(qtbot, demo_dir: Path) -> None:
    site = demo_dir / "site.toml"
    site.write_text(site.read_text() + "\n[extra]\n", encoding="utf-8")
    code, text = _startup_problem(qtbot, ["--data-dir", str(demo_dir)])
    assert code == EXIT_NOT_SET_UP
    assert "extra" in text and "unknown key" in text


def test_data_dir_from_the_environment(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(tmp_path / "from-env"))
    code, text = _startup_problem(qtbot, [])
    assert code == EXIT_NOT_SET_UP
    assert str(tmp_path / "from-env") in text


def test_closing_the_window_at_sign_in_exits_0(qtbot, demo_dir: Path) -> None:
    # Closed at once: the post's records are most likely still opening on the worker; main()
    # waits for it and closes them.
    watcher = WhenShown(MainWindow, lambda window: window.close())
    assert main(["--data-dir", str(demo_dir)]) == 0
    watcher.stop(qtbot)
    assert len(watcher.seen) == 1


def test_the_window_shows_before_the_records_open_then_the_post(
    qtbot, demo_dir: Path, monkeypatch
) -> None:
    # The records' opening is held until the test has seen the window: it shows without them.
    release = threading.Event()
    load = app_module._load_services

    def held_load(folder: Path):
        assert release.wait(20)
        return load(folder)

    monkeypatch.setattr(app_module, "_load_services", held_load)
    seen: list[tuple[str, bool, bool]] = []
    timers: list[QTimer] = []

    def state(window: MainWindow) -> tuple[str, bool, bool]:
        return (window.windowTitle(), window.sign_in.ready, window.registry_menu.isEnabled())

    def on_window(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        seen.append(state(window))
        release.set()
        timers.append(
            when(lambda: window.sign_in.ready, lambda: (seen.append(state(window)), window.close()))
        )

    watcher = WhenShown(MainWindow, on_window)
    assert main(["--data-dir", str(demo_dir)]) == 0
    watcher.stop(qtbot)
    assert seen == [
        ("Consular workstation", False, False),
        ("UTO-GVA Consulate General of Utopia – Consular workstation", True, False),
    ]


def test_a_whole_session_signs_in_shows_the_workspace_and_quits(qtbot, demo_dir: Path) -> None:
    windows: list[MainWindow] = []
    timers: list[QTimer] = []

    def quit_when_probed(window: MainWindow) -> None:
        workspace = window.workspace
        assert workspace is not None
        workspace.devices_probed.connect(lambda _statuses: window.quit_action.trigger())
        # The first probe may have finished before this saw the workspace: probe again (a
        # probe still running is not restarted, and its result comes after this connection).
        workspace.refresh_devices()

    def sign_in(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        windows.append(window)
        # Typed and pressed at once, even if the records are still opening: the page keeps the
        # request and checks it when they are.
        window.sign_in.username_edit.setText("registrar")
        window.sign_in.password_edit.setText("registrar-demo-1")
        window.sign_in.sign_in_button.click()
        timers.append(when(lambda: window.workspace is not None, lambda: quit_when_probed(window)))

    watcher = WhenShown(MainWindow, sign_in)
    assert main(["--data-dir", str(demo_dir)]) == 0
    assert len(windows) == 1
    workspace = windows[0].workspace
    assert workspace is not None
    assert workspace.header.officer_label.text() == "Rafael Registrar"
    assert not windows[0].isVisible()
    watcher.stop(qtbot)
