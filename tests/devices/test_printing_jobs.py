"""Print values and pure mappings: requests, IPP states -> job states and conditions,
conditions -> message codes and operator actions, CUPS job options, pycups missing."""

from __future__ import annotations

import importlib
import pickle
from types import ModuleType

import pytest

from devices.errors import DeviceError
from devices.printers import (
    CupsBackend,
    JobState,
    JobStatus,
    Media,
    OperatorAction,
    PrinterCondition,
    PrintRequest,
    allowed_actions,
    condition_for_code,
    message_code,
)
from devices.printers.cups_backend import condition_for, job_options, job_state_from_ipp
from devices.printers.jobs import MAX_COPIES

PDF = b"%PDF-1.4\n%fake but headed\n"


def test_every_condition_has_actions_and_a_unique_stable_code() -> None:
    codes = [message_code(c) for c in PrinterCondition]
    assert len(set(codes)) == len(codes)
    for condition in PrinterCondition:
        assert allowed_actions(condition), condition
        assert message_code(condition).startswith("printer.")
        assert condition_for_code(message_code(condition)) is condition
    # One translation per situation: the probe's codes are reused.
    assert message_code(PrinterCondition.SPOOLER_DOWN) == "printer.spooler_unavailable"
    assert message_code(PrinterCondition.QUEUE_MISSING) == "printer.queue_missing"
    assert condition_for_code("printer.not_configured") is None


@pytest.mark.parametrize(
    ("condition", "actions"),
    [
        (PrinterCondition.QUEUE_STOPPED, {"retry", "cancel", "wait"}),
        (PrinterCondition.JOB_ABORTED, {"retry", "cancel", "mark_spoiled"}),
        (PrinterCondition.MEDIA_PROBLEM, {"retry", "cancel", "mark_spoiled", "wait"}),
        (PrinterCondition.QUEUE_MISSING, {"retry", "cancel"}),
        (PrinterCondition.TIMEOUT, {"retry", "cancel", "mark_spoiled", "wait"}),
        (PrinterCondition.SPOOLER_DOWN, {"retry", "cancel", "wait"}),
    ],
)
def test_allowed_actions(condition: PrinterCondition, actions: set[str]) -> None:
    assert allowed_actions(condition) == frozenset(OperatorAction(a) for a in actions)


def test_print_request_factories_and_validation() -> None:
    card = PrintRequest.card("CARD-1", PDF)
    assert (card.media, card.duplex, card.copies) == (Media.ID1_CARD, True, 1)
    assert Media.ID1_CARD.size_mm == (85.6, 54.0)
    assert Media.ID1_CARD.page_size == "Custom.85.6x54mm"
    a4 = PrintRequest.a4("ETD-1", PDF, copies=2)
    assert (a4.media, a4.duplex, a4.copies) == (Media.A4, False, 2)
    with pytest.raises(ValueError, match="PDF"):
        PrintRequest.card("CARD-1", b"\x89PNG")
    with pytest.raises(ValueError, match="title"):
        PrintRequest.card(" ", PDF)
    with pytest.raises(ValueError, match="control"):
        PrintRequest.card("CARD\n1", PDF)
    for copies in (0, MAX_COPIES + 1):
        with pytest.raises(ValueError, match="copies"):
            PrintRequest.a4("ETD-1", PDF, copies=copies)


def test_job_options_for_card_and_a4() -> None:
    assert job_options(PrintRequest.card("C", PDF)) == {
        "media": "Custom.85.6x54mm",
        "PageSize": "Custom.85.6x54mm",
        "sides": "two-sided-long-edge",
        "copies": "1",
    }
    a4 = job_options(PrintRequest.a4("A", PDF, copies=3))
    assert (a4["PageSize"], a4["sides"], a4["copies"]) == ("A4", "one-sided", "3")


@pytest.mark.parametrize(
    ("ipp", "state"),
    [
        (3, JobState.QUEUED),
        (4, JobState.HELD),
        (5, JobState.PRINTING),
        (6, JobState.PRINTING),
        (7, JobState.CANCELLED),
        (8, JobState.FAILED),
        (9, JobState.COMPLETED),
    ],
)
def test_ipp_job_states(ipp: int, state: JobState) -> None:
    assert job_state_from_ipp(ipp) is state


@pytest.mark.parametrize("value", [2, 10, "9", None, True])
def test_unexpected_job_state_is_a_device_error(value: object) -> None:
    with pytest.raises(DeviceError) as raised:
        job_state_from_ipp(value)
    assert raised.value.code == "printer.status_failed"


Q, H, P = JobState.QUEUED, JobState.HELD, JobState.PRINTING
IDLE, BUSY, STOPPED = 3, 4, 5


@pytest.mark.parametrize(
    ("state", "printer_state", "reasons", "condition"),
    [
        (Q, IDLE, (), None),
        (Q, STOPPED, ("paused",), PrinterCondition.QUEUE_STOPPED),
        (P, STOPPED, (), PrinterCondition.QUEUE_STOPPED),
        (H, STOPPED, ("paused",), PrinterCondition.JOB_HELD),
        (P, BUSY, ("media-empty-error",), PrinterCondition.MEDIA_PROBLEM),
        (Q, STOPPED, ("marker-supply-empty-error",), PrinterCondition.MEDIA_PROBLEM),
        (P, BUSY, ("media-jam",), PrinterCondition.MEDIA_PROBLEM),
        (P, BUSY, ("media-low-warning", "toner-low-report"), None),
        (P, BUSY, ("offline-report",), PrinterCondition.PRINTER_GONE),
        (Q, IDLE, ("shutdown",), PrinterCondition.PRINTER_GONE),
        (Q, None, (), None),
        (JobState.FAILED, IDLE, (), PrinterCondition.JOB_ABORTED),
        (JobState.COMPLETED, STOPPED, ("paused",), None),
        (JobState.CANCELLED, IDLE, (), None),
    ],
)
def test_conditions_from_printer_state(
    state: JobState,
    printer_state: int | None,
    reasons: tuple[str, ...],
    condition: PrinterCondition | None,
) -> None:
    assert condition_for(state, printer_state, reasons) is condition


def test_job_status_is_an_immutable_picklable_value() -> None:
    status = JobStatus("12", "CardPrinter", JobState.QUEUED, PrinterCondition.QUEUE_STOPPED, "x")
    assert pickle.loads(pickle.dumps(status)) == status
    assert not status.is_final
    assert JobStatus("12", "CardPrinter", JobState.CANCELLED).is_final
    with pytest.raises(AttributeError):
        status.state = JobState.COMPLETED  # type: ignore[misc]


def test_missing_pycups_is_a_status_code_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = importlib.import_module

    def no_cups(name: str, package: str | None = None) -> ModuleType:
        if name == "cups":
            raise ImportError("No module named 'cups'")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", no_cups)
    backend = CupsBackend()
    with pytest.raises(DeviceError) as raised:
        backend.list_queues()
    assert raised.value.code == "printer.library_missing"
    assert condition_for_code(raised.value.code) is PrinterCondition.LIBRARY_MISSING
    with pytest.raises(DeviceError):
        backend.submit("CardPrinter", PrintRequest.card("CARD-1", PDF))


@pytest.mark.parametrize("queue", ["", "Card Printer", "a/b", "x" * 200])
def test_invalid_queue_names_are_refused_before_any_spooler_call(queue: str) -> None:
    with pytest.raises(DeviceError) as raised:
        CupsBackend("/nonexistent.sock").submit(queue, PrintRequest.card("C", PDF))
    assert raised.value.code == "printer.queue_missing"


@pytest.mark.parametrize("job_id", ["", "../x", "12 3", "-1"])
def test_invalid_job_ids_are_refused(job_id: str) -> None:
    with pytest.raises(DeviceError) as raised:
        CupsBackend("/nonexistent.sock").status("CardPrinter", job_id)
    assert raised.value.code == "printer.job_missing"
