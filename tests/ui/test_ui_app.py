"""The composition root: a folder that is not set up, and a full session from sign-in to quit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workstation.app import EXIT_NOT_SET_UP, main
from workstation.ui.login_dialog import LoginDialog
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


def _capture_and_close(texts: list[str]) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    return act


def test_a_folder_that_is_not_set_up_explains_how_and_exits_2(qtbot, tmp_path: Path) -> None:
    texts: list[str] = []
    watcher = WhenShown(QMessageBox, _capture_and_close(texts))
    folder = tmp_path / "nothing-here"
    assert main(["--data-dir", str(folder)]) == EXIT_NOT_SET_UP
    watcher.stop(qtbot)
    assert len(texts) == 1
    assert "not set up" in texts[0] and f'consular --data-dir "{folder}" init --demo' in texts[0]


def test_a_broken_site_file_names_the_key(qtbot, demo_dir: Path) -> None:
    site = demo_dir / "site.toml"
    site.write_text(site.read_text() + "\n[extra]\n", encoding="utf-8")
    texts: list[str] = []
    watcher = WhenShown(QMessageBox, _capture_and_close(texts))
    assert main(["--data-dir", str(demo_dir)]) == EXIT_NOT_SET_UP
    watcher.stop(qtbot)
    assert "extra" in texts[0] and "unknown key" in texts[0]


def test_data_dir_from_the_environment(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(tmp_path / "from-env"))
    texts: list[str] = []
    watcher = WhenShown(QMessageBox, _capture_and_close(texts))
    assert main([]) == EXIT_NOT_SET_UP
    watcher.stop(qtbot)
    assert str(tmp_path / "from-env") in texts[0]


def test_cancelling_sign_in_exits_0(qtbot, demo_dir: Path) -> None:
    watcher = WhenShown(LoginDialog, lambda dialog: dialog.close())
    assert main(["--data-dir", str(demo_dir)]) == 0
    watcher.stop(qtbot)
    assert len(watcher.seen) == 1


def test_a_whole_session_signs_in_shows_the_window_and_quits(qtbot, demo_dir: Path) -> None:
    windows: list[MainWindow] = []

    def sign_in(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.username_edit.setText("registrar")
        dialog.password_edit.setText("registrar-demo-1")
        dialog.sign_in_button.click()

    def quit_when_probed(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        windows.append(window)
        window.devices_probed.connect(lambda _statuses: window.quit_action.trigger())
        # The first probe may have finished before this poll saw the window: probe again (a
        # probe still running is not restarted, and its result comes after this connection).
        window.refresh_devices()

    login_watcher = WhenShown(LoginDialog, sign_in)
    window_watcher = WhenShown(MainWindow, quit_when_probed)
    assert main(["--data-dir", str(demo_dir)]) == 0
    assert len(windows) == 1
    assert windows[0].header.officer_label.text() == "Rafael Registrar"
    assert not windows[0].isVisible()
    login_watcher.stop(qtbot)
    window_watcher.stop(qtbot)
