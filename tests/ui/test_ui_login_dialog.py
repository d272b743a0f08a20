"""LoginDialog: sign-in on the worker, refusals under the fields, keyboard-only use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from tests.ui.focus import tab_chain
from workstation.ui.login_dialog import LoginDialog
from workstation.wiring import Services


def _dialog(qtbot, services: Services, runner) -> LoginDialog:
    dialog = LoginDialog(services.accounts, services.post, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_wrong_password_shows_the_message_under_the_fields_and_no_window(
    qtbot, services, runner, reporter
) -> None:
    dialog = _dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.username_edit, "clerk")
    qtbot.keyClicks(dialog.password_edit, "not-the-password")
    with qtbot.assertNotEmitted(reporter.error_reported):  # no pop-up for a refusal
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter submits
        qtbot.waitUntil(lambda: dialog.message_label.isVisible())
    assert dialog.message_label.text() == "Wrong user name or password."
    assert dialog.officer is None and dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.password_edit.text() == "" and dialog.focusWidget() is dialog.password_edit
    assert dialog.sign_in_button.isEnabled()
    assert not any(
        isinstance(w, QMainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_right_password_gives_the_officer(qtbot, services, runner) -> None:
    dialog = _dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.username_edit, "Clerk ")
    qtbot.keyClicks(dialog.password_edit, "clerk-demo-1")
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Enter)
        assert dialog.busy and not dialog.sign_in_button.isEnabled()  # worker, not GUI thread
    officer = blocker.args[0]
    assert officer.username == "clerk" and officer.full_name == "Carla Clerk"
    assert dialog.officer == officer
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_empty_fields_are_asked_for_without_a_sign_in_attempt(qtbot, services, runner) -> None:
    dialog = _dialog(qtbot, services, runner)
    dialog.sign_in_button.click()
    assert dialog.message_label.text() == "Type your user name."
    assert not dialog.busy
    qtbot.keyClicks(dialog.username_edit, "clerk")
    dialog.sign_in_button.click()
    assert dialog.message_label.text() == "Type your password."
    assert dialog.focusWidget() is dialog.password_edit


def test_focus_goes_user_password_button_and_the_post_is_named(qtbot, services, runner) -> None:
    dialog = _dialog(qtbot, services, runner)
    assert dialog.focusWidget() is dialog.username_edit
    assert tab_chain(dialog.username_edit, 3) == [
        dialog.password_edit,
        dialog.sign_in_button,
        dialog.cancel_button,
    ]
    assert dialog.sign_in_button.isDefault()
    assert "UTO-GVA" in dialog.windowTitle()


def test_cancel_while_signing_in_drops_the_result(qtbot, services, runner) -> None:
    dialog = _dialog(qtbot, services, runner)
    qtbot.keyClicks(dialog.username_edit, "clerk")
    qtbot.keyClicks(dialog.password_edit, "clerk-demo-1")
    with qtbot.assertNotEmitted(dialog.signed_in, wait=100):
        dialog.sign_in_button.click()
        dialog.reject()
        qtbot.waitUntil(lambda: runner.pending_count == 0, timeout=10_000)
    assert dialog.officer is None
