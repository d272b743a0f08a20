"""Printing on a real CUPS stack: a private cupsd with cups-pdf queues (tests/support/cups.py).

What is real here: the scheduler, its job states and queue states, the filter chain and
cups-pdf's Ghostscript output. The PDFs cups-pdf writes are measured with poppler
(pdfinfo for the page size, pdftotext for the text), so a card printed at A4, scaled or
missing its back page fails the test. Waiting is wait_for_job's own bounded poll.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from devices.errors import DeviceError
from devices.printers import (
    CupsBackend,
    JobState,
    JobStatus,
    OperatorAction,
    Printer,
    PrinterCondition,
    PrintRequest,
    QueueState,
    allowed_actions,
    condition_for_code,
    poll_job,
    probe_printer,
    wait_for_job,
)
from devices.status import DeviceKind, DeviceState
from tests.support.cups import A4_QUEUE, CARD_QUEUE, ThrowawayCups

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="CUPS is not on Windows")

REPO_ROOT = Path(__file__).resolve().parents[2]
JOB_TIMEOUT_S = 30.0
POLL_S = 0.1
PT_PER_MM = 72 / 25.4
_PAGE_SIZE = re.compile(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)


def card_pdf(front: str, back: str) -> bytes:
    """A two-page PDF at ID-1 size (85.6 x 54 mm), like the card renderer produces."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(85.6 * mm, 54 * mm))
    for text in (front, back):
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(6 * mm, 40 * mm, text)
        pdf.rect(3 * mm, 3 * mm, 79.6 * mm, 48 * mm)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def a4_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 14)
    pdf.drawString(25 * mm, 270 * mm, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def output_of(server: ThrowawayCups, job_id: str) -> Path:
    """The PDF cups-pdf wrote for ``job_id`` (its file name ends with ``job_<id>.pdf``)."""
    found = [p for p in server.output_pdfs() if p.name.endswith(f"job_{job_id}.pdf")]
    assert len(found) == 1, f"cups-pdf output for job {job_id}: {found}\n{server.log()}"
    return found[0]


def page_sizes_mm(path: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    return [(float(w) / PT_PER_MM, float(h) / PT_PER_MM) for _, w, h in _PAGE_SIZE.findall(info)]


def text_of(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout


def assert_size(actual: tuple[float, float], expected: tuple[float, float]) -> None:
    assert actual == pytest.approx(expected, abs=0.5), f"page is {actual} mm"


@pytest.fixture
def backend(cups_server: ThrowawayCups) -> CupsBackend:
    return CupsBackend(cups_server.server)


def print_and_wait(backend: CupsBackend, queue: str, request: PrintRequest) -> JobStatus:
    job_id = backend.submit(queue, request)
    return wait_for_job(backend, queue, job_id, JOB_TIMEOUT_S, POLL_S)


def test_list_queues_reports_both_queues(cups_server: ThrowawayCups, backend: CupsBackend) -> None:
    queues = {q.name: q for q in backend.list_queues()}
    assert {CARD_QUEUE, A4_QUEUE} <= set(queues)
    card = queues[CARD_QUEUE]
    assert card.state is QueueState.IDLE
    assert card.accepting_jobs is True
    assert card.device_uri == cups_server.device_uri
    assert card.enabled


def test_card_prints_two_sided_at_id1_size(
    cups_server: ThrowawayCups, backend: CupsBackend
) -> None:
    started = time.monotonic()
    request = PrintRequest.card("CARD-0001", card_pdf("FRONT SIDE 0001", "BACK SIDE 0001"))
    status = print_and_wait(backend, CARD_QUEUE, request)
    elapsed = time.monotonic() - started
    assert (status.state, status.condition) == (JobState.COMPLETED, None), status
    assert status.queue == CARD_QUEUE
    output = output_of(cups_server, status.job_id)
    sizes = page_sizes_mm(output)
    assert len(sizes) == 2, sizes
    for size in sizes:
        assert_size(size, (85.6, 54.0))
    text = text_of(output)
    assert "FRONT SIDE 0001" in text
    assert "BACK SIDE 0001" in text
    assert elapsed < 10, f"a card job took {elapsed:.2f} s"


def test_a4_prints_at_a4_and_a_completed_job_cannot_be_cancelled(
    cups_server: ThrowawayCups, backend: CupsBackend
) -> None:
    status = print_and_wait(backend, A4_QUEUE, PrintRequest.a4("ETD-0002", a4_pdf("ETD 0002")))
    assert status.state is JobState.COMPLETED, status
    output = output_of(cups_server, status.job_id)
    sizes = page_sizes_mm(output)
    assert len(sizes) == 1
    assert_size(sizes[0], (210.0, 297.0))
    assert "ETD 0002" in text_of(output)
    with pytest.raises(DeviceError) as refused:
        backend.cancel(A4_QUEUE, status.job_id)
    assert refused.value.code == "printer.job_final"


def test_stopped_queue_holds_the_job_with_its_reason_and_retry_completes_it(
    cups_server: ThrowawayCups, backend: CupsBackend
) -> None:
    reason = "Ribbon empty - replace ribbon"
    cups_server.disable(CARD_QUEUE, reason)
    try:
        request = PrintRequest.card("CARD-0003", card_pdf("FRONT 0003", "BACK 0003"))
        job_id = backend.submit(CARD_QUEUE, request)
        seen: list[JobStatus] = []
        waiting = wait_for_job(backend, CARD_QUEUE, job_id, 0.5, POLL_S, seen.append)
        assert waiting.state is JobState.QUEUED
        assert waiting.condition is PrinterCondition.QUEUE_STOPPED
        assert waiting.detail == reason
        assert seen[0] == waiting  # reported at once, not only at the deadline
        assert OperatorAction.RETRY in allowed_actions(waiting.condition)
        queue = {q.name: q for q in backend.list_queues()}[CARD_QUEUE]
        assert (queue.state, queue.message) == (QueueState.STOPPED, reason)
        assert "paused" in queue.state_reasons
    finally:
        cups_server.enable(CARD_QUEUE)
    # Retry: the same job, followed again, completes once the queue runs.
    done = wait_for_job(backend, CARD_QUEUE, job_id, JOB_TIMEOUT_S, POLL_S)
    assert (done.job_id, done.state, done.condition) == (job_id, JobState.COMPLETED, None)
    assert_size(page_sizes_mm(output_of(cups_server, job_id))[0], (85.6, 54.0))


def test_a_pending_job_can_be_cancelled(cups_server: ThrowawayCups, backend: CupsBackend) -> None:
    cups_server.disable(CARD_QUEUE, "Paused for the cancel test")
    try:
        job_id = backend.submit(CARD_QUEUE, PrintRequest.card("CARD-0004", card_pdf("F", "B")))
        assert backend.status(CARD_QUEUE, job_id).state is JobState.QUEUED
        backend.cancel(CARD_QUEUE, job_id)
        status = backend.status(CARD_QUEUE, job_id)
        assert (status.state, status.condition) == (JobState.CANCELLED, None)
        backend.cancel(CARD_QUEUE, job_id)  # idempotent
    finally:
        cups_server.enable(CARD_QUEUE)
    assert not [p for p in cups_server.output_pdfs() if p.name.endswith(f"job_{job_id}.pdf")]


def test_a_held_job_reports_job_held_and_can_be_cancelled(
    cups_server: ThrowawayCups, backend: CupsBackend, tmp_path: Path
) -> None:
    # Held by the spooler (lp -H indefinite), as an operator or an accounting policy would.
    document = tmp_path / "held.pdf"
    document.write_bytes(card_pdf("HELD F", "HELD B"))
    output = cups_server.run("lp", "-d", CARD_QUEUE, "-H", "indefinite", str(document)).stdout
    job_id = re.search(rf"request id is {CARD_QUEUE}-(\d+)", output)
    assert job_id is not None, output
    held = backend.status(CARD_QUEUE, job_id[1])
    assert (held.state, held.condition) == (JobState.HELD, PrinterCondition.JOB_HELD)
    backend.cancel(CARD_QUEUE, job_id[1])
    assert backend.status(CARD_QUEUE, job_id[1]).state is JobState.CANCELLED


def test_the_status_bar_probe_sees_the_same_queues(
    cups_server: ThrowawayCups, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups_server.server)
    ready = probe_printer(DeviceKind.CARD_PRINTER, CARD_QUEUE)
    assert (ready.state, ready.name, ready.code) == (DeviceState.READY, CARD_QUEUE, None)
    cups_server.disable(CARD_QUEUE, "Cover open")
    try:
        stopped = probe_printer(DeviceKind.CARD_PRINTER, CARD_QUEUE)
    finally:
        cups_server.enable(CARD_QUEUE)
    assert (stopped.state, stopped.code) == (DeviceState.UNAVAILABLE, "printer.queue_disabled")
    assert stopped.detail == "Cover open"
    missing = probe_printer(DeviceKind.A4_PRINTER, "NoSuchQueue")
    assert (missing.state, missing.code) == (DeviceState.ABSENT, "printer.queue_missing")


def test_unknown_queue_and_job_have_stable_codes(backend: CupsBackend) -> None:
    with pytest.raises(DeviceError) as missing:
        backend.submit("NoSuchQueue", PrintRequest.card("CARD-0005", card_pdf("F", "B")))
    assert missing.value.code == "printer.queue_missing"
    assert condition_for_code(missing.value.code) is PrinterCondition.QUEUE_MISSING
    with pytest.raises(DeviceError) as no_job:
        backend.status(CARD_QUEUE, "999999")
    assert no_job.value.code == "printer.job_missing"
    gone = wait_for_job(backend, CARD_QUEUE, "999999", 5, POLL_S)
    assert (gone.state, gone.condition) == (JobState.FAILED, PrinterCondition.JOB_MISSING)


def test_a_queue_rejecting_jobs_refuses_the_submit(
    cups_server: ThrowawayCups, backend: CupsBackend
) -> None:
    cups_server.run("cupsreject", "-r", "Card stock being replaced", CARD_QUEUE)
    try:
        queue = {q.name: q for q in backend.list_queues()}[CARD_QUEUE]
        assert queue.accepting_jobs is False
        with pytest.raises(DeviceError) as refused:
            backend.submit(CARD_QUEUE, PrintRequest.card("CARD-0010", card_pdf("F", "B")))
        assert refused.value.code == "printer.not_accepting"
        assert condition_for_code(refused.value.code) is PrinterCondition.NOT_ACCEPTING
    finally:
        cups_server.run("cupsaccept", CARD_QUEUE)
    assert {q.name: q for q in backend.list_queues()}[CARD_QUEUE].accepting_jobs is True


def test_a_new_process_reattaches_to_a_job_by_its_id(
    cups_server: ThrowawayCups, backend: CupsBackend
) -> None:
    status = print_and_wait(backend, A4_QUEUE, PrintRequest.a4("ETD-0006", a4_pdf("ETD 0006")))
    code = (
        "import sys\n"
        "from devices.printers import CupsBackend\n"
        "status = CupsBackend(sys.argv[1]).status(sys.argv[2], sys.argv[3])\n"
        "print(status.state, status.queue)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, cups_server.server, A4_QUEUE, status.job_id],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**cups_server.env(), "PYTHONPATH": str(REPO_ROOT)},
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["completed", A4_QUEUE]


def test_printer_worker_submits_and_follows_off_the_calling_thread(
    backend: CupsBackend,
) -> None:
    threads: set[str] = set()
    states: list[JobState] = []

    def on_change(status: JobStatus) -> None:
        threads.add(threading.current_thread().name)
        states.append(status.state)

    with Printer(backend, CARD_QUEUE) as printer:
        job_id = printer.submit(PrintRequest.card("CARD-0007", card_pdf("F7", "B7"))).result(30)
        final = printer.follow(job_id, JOB_TIMEOUT_S, POLL_S, on_change).result(JOB_TIMEOUT_S)
    assert final.state is JobState.COMPLETED
    assert states[-1] is JobState.COMPLETED
    assert threads and all(name.startswith(f"device-{CARD_QUEUE}") for name in threads)


def test_scheduler_down_is_spooler_down(cups_server: ThrowawayCups, backend: CupsBackend) -> None:
    # Last in the module: it stops the session's scheduler (and restarts it).
    status = print_and_wait(backend, A4_QUEUE, PrintRequest.a4("ETD-0008", a4_pdf("ETD 0008")))
    cups_server.stop()
    try:
        for call in (
            backend.list_queues,
            lambda: backend.submit(A4_QUEUE, PrintRequest.a4("ETD-0009", a4_pdf("x"))),
            lambda: backend.status(A4_QUEUE, status.job_id),
        ):
            with pytest.raises(DeviceError) as down:
                call()
            assert down.value.code == "printer.spooler_unavailable"
            assert condition_for_code(down.value.code) is PrinterCondition.SPOOLER_DOWN
        followed = poll_job(backend, A4_QUEUE, status.job_id, status)
        assert followed.condition is PrinterCondition.SPOOLER_DOWN
        assert followed.state is JobState.COMPLETED  # the last known state is kept
        waited = wait_for_job(backend, A4_QUEUE, "1", 0.3, POLL_S)
        assert (waited.state, waited.condition) == (JobState.QUEUED, PrinterCondition.SPOOLER_DOWN)
    finally:
        cups_server.start()
    assert backend.status(A4_QUEUE, status.job_id).state is JobState.COMPLETED
