"""SignInPage: sign-in on the worker, refusals under the fields, keyboard-only use, and a
Sign in pressed before the post's records are open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.focus import tab_chain
from workstation.ui.sign_in_page import SignInPage
from workstation.wiring import Services


def _page(qtbot, services: Services | None = None, runner=None) -> SignInPage:
    page = SignInPage()
    qtbot.addWidget(page)
    if services is not None:
        page.set_accounts(services.accounts, services.post, runner)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_wrong_password_shows_the_message_under_the_fields(
    qtbot, services, runner, reporter
) -> None:
    page = _page(qtbot, services, runner)
    qtbot.keyClicks(page.username_edit, "clerk")
    qtbot.keyClicks(page.password_edit, "not-the-password")
    # No pop-up for a refusal, and no officer.
    with (
        qtbot.assertNotEmitted(reporter.error_reported),
        qtbot.assertNotEmitted(page.signed_in, wait=50),
    ):
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)  # Enter submits
        qtbot.waitUntil(lambda: page.message_label.isVisible())
    assert page.message_label.text() == "Wrong user name or password."
    assert page.password_edit.text() == "" and page.focusWidget() is page.password_edit
    assert page.sign_in_button.isEnabled() and not page.busy
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())


def test_right_password_gives_the_officer(qtbot, services, runner) -> None:
    page = _page(qtbot, services, runner)
    qtbot.keyClicks(page.username_edit, "Clerk ")
    qtbot.keyClicks(page.password_edit, "clerk-demo-1")
    with qtbot.waitSignal(page.signed_in, timeout=10_000) as blocker:
        qtbot.keyClick(page.password_edit, Qt.Key.Key_Enter)
        assert page.busy and not page.sign_in_button.isEnabled()  # worker, not GUI thread
        assert page.sign_in_button.text() == "Signing in…"
    officer = blocker.args[0]
    assert officer.username == "clerk" and officer.full_name == "Carla Clerk"
    assert page.password_edit.text() == ""  # not left on screen behind the workspace


def test_empty_fields_are_asked_for_without_a_sign_in_attempt(qtbot, services, runner) -> None:
    page = _page(qtbot, services, runner)
    page.sign_in_button.click()
    assert page.message_label.text() == "Type your user name."
    assert not page.busy
    qtbot.keyClicks(page.username_edit, "clerk")
    page.sign_in_button.click()
    assert page.message_label.text() == "Type your password."
    assert page.focusWidget() is page.password_edit


def test_focus_goes_user_password_button_and_the_post_is_named(qtbot, services, runner) -> None:
    page = _page(qtbot)
    assert page.findChild(type(page._title), "signInTitle").text() == "Consular workstation"
    page.set_accounts(services.accounts, services.post, runner)
    page.username_edit.setFocus()
    assert tab_chain(page.username_edit, 2) == [page.password_edit, page.sign_in_button]
    assert page.findChild(type(page._title), "signInTitle").text() == services.post.name
    assert "UTO-GVA" in page._subtitle.text()


def test_sign_in_pressed_before_the_records_open_runs_once_they_are(
    qtbot, services, runner
) -> None:
    page = _page(qtbot)  # the post's records are not open yet
    assert not page.ready
    qtbot.keyClicks(page.username_edit, "clerk")
    qtbot.keyClicks(page.password_edit, "clerk-demo-1")
    qtbot.keyClick(page.password_edit, Qt.Key.Key_Return)
    assert page.busy and not page.username_edit.isEnabled()
    assert page.status_label.text() == "Signing in once the records are open…"
    with qtbot.waitSignal(page.signed_in, timeout=10_000) as blocker:
        page.set_accounts(services.accounts, services.post, runner)
    assert blocker.args[0].username == "clerk"
    assert page.status_label.text() == ""


def test_reset_while_signing_in_drops_the_result(qtbot, services, runner) -> None:
    page = _page(qtbot, services, runner)
    qtbot.keyClicks(page.username_edit, "clerk")
    qtbot.keyClicks(page.password_edit, "clerk-demo-1")
    with qtbot.assertNotEmitted(page.signed_in, wait=100):
        page.sign_in_button.click()
        page.reset()
        qtbot.waitUntil(lambda: runner.pending_count == 0, timeout=10_000)
    assert page.username_edit.text() == "" and page.username_edit.isEnabled()
