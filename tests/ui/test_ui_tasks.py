"""TaskRunner and ErrorReporter: work off the GUI thread, outcomes back on it, errors reported."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workstation.i18n.messages import Translator
from workstation.ui.tasks import ErrorReporter, TaskRunner
from workstation.wiring import Services


def test_work_runs_on_a_worker_and_the_result_arrives_on_the_gui_thread(qtbot, runner) -> None:
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(value: int) -> None:
        seen["gui"] = threading.current_thread() is threading.main_thread()
        seen["value"] = value

    runner.run(work, on_success=done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen == {"worker": False, "gui": True, "value": 42}
    assert runner.pending_count == 0


def test_unexpected_worker_error_is_logged_and_reported_generically(
    qtbot, runner, reporter, caplog
) -> None:
    caplog.set_level(logging.ERROR, logger="workstation.ui.tasks")
    with qtbot.waitSignal(reporter.error_reported) as blocker:
        runner.run(lambda: 1 // 0)
    message = blocker.args[0]
    assert "unexpected problem" in message and "ZeroDivisionError" not in message
    record = next(r for r in caplog.records if r.name == "workstation.ui.tasks")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
    assert "1 // 0" in caplog.text  # the traceback is in the log


def test_domain_error_from_a_service_is_reported_in_translated_words(
    qtbot, runner, reporter, services: Services
) -> None:
    with qtbot.waitSignal(reporter.error_reported) as blocker:
        runner.run(lambda: services.persons.get(9999))
    assert blocker.args == ["No person with id 9999."]


def test_failure_callback_gets_the_error_instead_of_the_reporter(qtbot, runner, reporter) -> None:
    errors: list[BaseException] = []
    with qtbot.assertNotEmitted(reporter.error_reported, wait=50):
        runner.run(lambda: int("x"), on_failure=errors.append)
        qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_error_in_a_success_callback_is_reported_not_raised(qtbot, runner, reporter) -> None:
    def broken(_value: object) -> None:
        raise KeyError("bug")

    with qtbot.waitSignal(reporter.error_reported):
        runner.run(lambda: 1, on_success=broken)


def test_cancelled_task_delivers_nothing(qtbot, runner) -> None:
    gate = threading.Event()
    delivered: list[object] = []
    try:
        handle = runner.run(
            lambda: gate.wait(5), on_success=delivered.append, on_failure=delivered.append
        )
        handle.cancel()
        assert handle.cancelled
    finally:
        gate.set()
    qtbot.waitUntil(lambda: runner.pending_count == 0)
    assert delivered == []


def test_nothing_is_delivered_to_a_deleted_owner(qtbot, runner) -> None:
    gate = threading.Event()
    delivered: list[object] = []
    owner = QWidget()
    try:
        runner.run(lambda: gate.wait(5), on_success=delivered.append, owner=owner)
        owner.deleteLater()
        qtbot.waitUntil(lambda: not _alive(owner))
    finally:
        gate.set()
    qtbot.waitUntil(lambda: runner.pending_count == 0)
    assert delivered == []


def _alive(obj: object) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_shutdown_waits_for_running_work_and_refuses_new_work(qapp) -> None:
    reporter = ErrorReporter(Translator(), show_dialogs=False)
    runner = TaskRunner(reporter)
    finished = threading.Event()

    def slow() -> None:
        threading.Event().wait(0.2)
        finished.set()

    runner.run(slow)
    assert runner.shutdown()
    assert finished.is_set()
    with pytest.raises(RuntimeError):
        runner.run(lambda: None)


def test_reporter_shows_a_message_box_without_blocking(qtbot) -> None:
    reporter = ErrorReporter(Translator())
    with qtbot.waitSignal(reporter.error_reported):
        reporter.report(RuntimeError("boom"))  # returns at once: the box is not modal-blocking
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert len(boxes) == 1 and "unexpected problem" in boxes[0].text()
    assert "boom" not in boxes[0].text()
    boxes[0].accept()
    qtbot.waitUntil(
        lambda: (
            not any(
                isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
            )
        )
    )
