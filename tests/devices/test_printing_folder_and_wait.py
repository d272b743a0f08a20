"""FolderBackend on real files, wait_for_job and Printer.follow against a scripted backend.

The scripted backend is a PrinterBackend subclass replaying a list of statuses: it
exercises the waiting logic (changes, deadline, spooler outage, stop, worker threads)
without a spooler; the same logic meets real CUPS in test_printing_cups.py.
"""

from __future__ import annotations

import io
import shutil
import threading
import time
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from devices.errors import DeviceError
from devices.printers import (
    FolderBackend,
    JobState,
    JobStatus,
    Printer,
    PrinterBackend,
    PrinterCondition,
    PrintQueue,
    PrintRequest,
    QueueState,
    wait_for_job,
)


def card_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(85.6 * mm, 54 * mm))
    for text in ("FRONT", "BACK"):
        pdf.drawString(10, 50, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- FolderBackend -----------------------------------------------------------------------


def test_folder_backend_writes_the_pdf_and_pngs_and_survives_a_restart(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path / "out", queues=["cards", "a4"], png_dpi=72)
    assert [q.name for q in backend.list_queues()] == ["a4", "cards"]
    assert all(q.state is QueueState.IDLE and q.accepting_jobs for q in backend.list_queues())
    pdf = card_pdf()
    job_id = backend.submit("cards", PrintRequest.card("CARD-1", pdf))
    folder = tmp_path / "out" / "cards"
    assert (folder / f"{job_id}.pdf").read_bytes() == pdf
    if shutil.which("pdftoppm"):
        assert sorted(p.name for p in folder.glob("*.png")) == [
            f"{job_id}-1.png",
            f"{job_id}-2.png",
        ]
    assert not list(folder.glob(".*"))  # no temporary files left
    # A new backend (as after a restart) finds the job from its id alone.
    again = FolderBackend(tmp_path / "out").status("cards", job_id)
    expected_pages = 2 if shutil.which("pdftoppm") else None
    assert again == JobStatus(job_id, "cards", JobState.COMPLETED, pages=expected_pages)
    with pytest.raises(DeviceError) as final:
        backend.cancel("cards", job_id)
    assert final.value.code == "printer.job_final"


def test_folder_backend_without_pdftoppm_writes_only_the_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    backend = FolderBackend(tmp_path, queues=["cards"])
    job_id = backend.submit("cards", PrintRequest.card("CARD-2", card_pdf()))
    assert sorted(p.name for p in (tmp_path / "cards").iterdir()) == [
        f"{job_id}.json",
        f"{job_id}.pdf",
    ]
    assert backend.status("cards", job_id).pages is None


def test_folder_backend_errors(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path, queues=["cards"], png_dpi=None)
    with pytest.raises(DeviceError) as missing:
        backend.submit("nope", PrintRequest.card("CARD-3", card_pdf()))
    assert missing.value.code == "printer.queue_missing"
    with pytest.raises(DeviceError) as no_job:
        backend.status("cards", "20260101T000000000000Z-deadbeef")
    assert no_job.value.code == "printer.job_missing"
    with pytest.raises(DeviceError) as traversal:
        backend.status("cards", "../../etc/passwd")
    assert traversal.value.code == "printer.job_missing"


# --- wait_for_job / Printer.follow on a scripted backend ---------------------------------


class ScriptedBackend(PrinterBackend):
    """Replays ``script`` (a status, or a DeviceError to raise) one poll at a time; the
    last entry repeats. Not a spooler: a stand-in to drive the waiting logic."""

    name = "scripted"

    def __init__(self, script: list[JobStatus | DeviceError]) -> None:
        self.script = script
        self.polls = 0
        self.cancelled: list[str] = []

    def _list_queues(self) -> list[PrintQueue]:
        return [PrintQueue("Q", QueueState.IDLE)]

    def _submit(self, queue: str, request: PrintRequest) -> str:
        return "7"

    def _status(self, queue: str, job_id: str) -> JobStatus:
        entry = self.script[min(self.polls, len(self.script) - 1)]
        self.polls += 1
        if isinstance(entry, DeviceError):
            raise entry
        return entry

    def _cancel(self, queue: str, job_id: str) -> None:
        self.cancelled.append(job_id)


QUEUED = JobStatus("7", "Q", JobState.QUEUED)
STOPPED = JobStatus("7", "Q", JobState.QUEUED, PrinterCondition.QUEUE_STOPPED, "Paused")
PRINTING = JobStatus("7", "Q", JobState.PRINTING)
DONE = JobStatus("7", "Q", JobState.COMPLETED, pages=2)
DOWN = DeviceError("printer.spooler_unavailable", "failed to connect to server")


def test_wait_reports_each_change_once_and_returns_the_final_status() -> None:
    backend = ScriptedBackend([QUEUED, QUEUED, STOPPED, STOPPED, PRINTING, PRINTING, DONE])
    seen: list[JobStatus] = []
    assert wait_for_job(backend, "Q", "7", 10, 0.01, seen.append) == DONE
    assert seen == [QUEUED, STOPPED, PRINTING, DONE]
    assert backend.polls == 7


def test_wait_times_out_with_condition_timeout_without_busy_looping() -> None:
    backend = ScriptedBackend([PRINTING])
    started = time.monotonic()
    result = wait_for_job(backend, "Q", "7", 0.3, 0.1)
    elapsed = time.monotonic() - started
    assert (result.state, result.condition) == (JobState.PRINTING, PrinterCondition.TIMEOUT)
    assert 0.3 <= elapsed < 1.5
    assert backend.polls <= 6  # ~one poll per poll_s, not a spin


def test_wait_keeps_the_explaining_condition_at_the_deadline() -> None:
    result = wait_for_job(ScriptedBackend([STOPPED]), "Q", "7", 0.1, 0.05)
    assert (result.condition, result.detail) == (PrinterCondition.QUEUE_STOPPED, "Paused")


def test_a_spooler_outage_is_a_condition_and_the_wait_goes_on() -> None:
    backend = ScriptedBackend([PRINTING, DOWN, DOWN, DONE])
    seen: list[JobStatus] = []
    assert wait_for_job(backend, "Q", "7", 10, 0.01, seen.append) == DONE
    assert [(s.state, s.condition) for s in seen] == [
        (JobState.PRINTING, None),
        (JobState.PRINTING, PrinterCondition.SPOOLER_DOWN),
        (JobState.COMPLETED, None),
    ]


def test_other_device_errors_propagate() -> None:
    backend = ScriptedBackend([DeviceError("printer.library_missing", "no pycups")])
    with pytest.raises(DeviceError) as raised:
        wait_for_job(backend, "Q", "7", 1, 0.01)
    assert raised.value.code == "printer.library_missing"


def test_stop_event_ends_the_wait_at_once() -> None:
    stop = threading.Event()
    threading.Timer(0.1, stop.set).start()
    started = time.monotonic()
    result = wait_for_job(ScriptedBackend([PRINTING]), "Q", "7", 30, 5, stop=stop)
    assert result == PRINTING
    assert time.monotonic() - started < 2


class CancellableBackend(ScriptedBackend):
    """Reports the job queued until it is cancelled (a stand-in, not a spooler)."""

    def _status(self, queue: str, job_id: str) -> JobStatus:
        self.polls += 1
        state = JobState.CANCELLED if self.cancelled else JobState.QUEUED
        return JobStatus(job_id, queue, state)


def test_printer_follows_on_its_thread_and_serves_a_cancel_between_polls() -> None:
    backend = CancellableBackend([])
    seen: list[tuple[JobState, str]] = []
    first_poll = threading.Event()

    def on_change(status: JobStatus) -> None:
        seen.append((status.state, threading.current_thread().name))
        first_poll.set()

    with Printer(backend, "Q", name="TestCard") as printer:
        assert printer.submit(PrintRequest.card("C", b"%PDF-1.4")).result(5) == "7"
        following = printer.follow("7", 5, 0.05, on_change)
        assert first_poll.wait(5)
        # Served while the job is followed: the follow then sees the job cancelled.
        printer.cancel("7").result(5)
        assert following.result(10).state is JobState.CANCELLED
    assert backend.cancelled == ["7"]
    assert [state for state, _ in seen] == [JobState.QUEUED, JobState.CANCELLED]
    assert all(name.startswith("device-TestCard") for _, name in seen)


def test_printer_follow_times_out() -> None:
    with Printer(ScriptedBackend([PRINTING]), "Q") as printer:
        result = printer.follow("7", 0.2, 0.05).result(5)
    assert result.condition is PrinterCondition.TIMEOUT


def test_closing_a_printer_ends_its_follows_and_joins_its_threads() -> None:
    printer = Printer(ScriptedBackend([PRINTING]), "Q")
    polled = threading.Event()
    following = printer.follow("7", 60, 0.05, lambda _status: polled.set())
    assert polled.wait(5)
    printer.close()
    with pytest.raises(DeviceError) as closed:
        following.result(5)
    assert closed.value.code == "printer.closed"
    assert not [t for t in threading.enumerate() if t.name.startswith("device-Q")]
