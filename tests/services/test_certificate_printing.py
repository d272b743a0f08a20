"""Civil-registration certificates printed on the post's A4 printer and followed like a
document's print job: on a real private CUPS scheduler (cups-pdf) and on the demo post's folder
queue. A certificate's job names the entry and the kind, keeps the PDF for a retry, and its
completion issues nothing."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.errors import DeviceError
from tests.conftest import FixedClock
from tests.support.cups import A4_QUEUE, ThrowawayCups
from workstation.domain.errors import LifecycleError, PermissionDeniedError
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJob, PrintJobState, PrintTarget
from workstation.services.certificate_printing import FollowedCertificatePrinter
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.services.printing import PrintService
from workstation.wiring import Services, build_services

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
NUMBER = "UTO-GVA/B/2026/000001"
FOLLOW_S = 30.0
POLL_S = 0.1


@pytest.fixture
def civil_services(data_dir: Path) -> Iterator[Services]:
    """The demo post on 2026-11-25, when the example birth is a current registration."""
    built = build_services(data_dir, FixedClock(dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)))
    yield built
    built.close()


def _officer(services: Services, name: str) -> Officer:
    return services.accounts.authenticate(name, f"{name}-demo-1")


def _registered_birth(services: Services) -> str:
    data = json.loads((EXAMPLES / "birth-current.json").read_text(encoding="utf-8"))
    entry = services.civil.register(_officer(services, "registrar"), "birth", data)
    assert entry.register_number == NUMBER
    return entry.register_number


def _certificate(services: Services, kind: str = "full") -> bytes:
    registrar = _officer(services, "registrar")
    return services.civil.certificate(registrar, NUMBER, kind, DEMO_KEY_PASSPHRASE).pdf


def _page_size_mm(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split()[2:5]
    return round(float(width) * 25.4 / 72), round(float(height) * 25.4 / 72)


def _trail(services: Services) -> list[tuple[str, dict[str, object]]]:
    return [
        (e.action, dict(e.details)) for e in reversed(services.audit.trail("civil_entry", NUMBER))
    ]


def _follow(services: Services, job: PrintJob, timeout_s: float = FOLLOW_S) -> PrintJob:
    assert job.id is not None
    return services.printing.follow(job.id, timeout_s=timeout_s, poll_s=POLL_S)


def test_a_birth_certificate_prints_on_the_a4_queue_as_an_a4_page_and_is_audited(
    civil_services: Services, cups: ThrowawayCups
) -> None:
    services = civil_services
    _registered_birth(services)
    registrar = _officer(services, "registrar")
    pdf = _certificate(services)
    before = set(cups.output_pdfs())

    job = services.printing.print_certificate(registrar, NUMBER, pdf, A4_QUEUE)
    assert job.id is not None and job.spooler_job_id
    assert (job.document_id, job.register_number, job.certificate_kind) == (None, NUMBER, "full")
    assert job.target is PrintTarget.A4
    done = _follow(services, job)
    assert done.state is PrintJobState.COMPLETED, (done, cups.log())

    (output,) = set(cups.output_pdfs()) - before  # re-rendered by cups-pdf's Ghostscript
    assert _page_size_mm(output) == (210, 297)

    assert services.printing.certificate_jobs(NUMBER.lower()) == [done]
    actions = [action for action, _ in _trail(services)]
    assert actions[-4:] == [
        "civil.certificate",
        "print.submitted",
        "print.completed",
        "civil.certificate_printed",
    ]
    printed = _trail(services)[-1][1]
    assert printed == {
        "register_number": NUMBER,
        "kind": "full",
        "queue": A4_QUEUE,
        "job": job.id,
        "spooler_job": job.spooler_job_id,
    }


def test_a_stopped_a4_queue_keeps_the_certificate_waiting_with_the_reason_and_retry_completes(
    civil_services: Services, cups: ThrowawayCups
) -> None:
    services = civil_services
    _registered_birth(services)
    registrar = _officer(services, "registrar")
    pdf = _certificate(services, "extract")
    cups.disable(A4_QUEUE, "Paper tray empty")
    job = services.printing.print_certificate(registrar, NUMBER, pdf, A4_QUEUE)
    assert job.certificate_kind == "extract"  # the kind of the certificate the registrar made
    waiting = _follow(services, job, timeout_s=1.0)
    assert waiting.state is PrintJobState.QUEUED
    assert (waiting.condition, waiting.detail) == ("queue_stopped", "Paper tray empty")
    assert [j.id for j in services.printing.live_jobs()] == [job.id]
    assert "civil.certificate_printed" not in [a for a, _ in _trail(services)]

    cups.enable(A4_QUEUE)
    assert job.id is not None
    services.printing.retry(registrar, job.id)
    done = _follow(services, job)
    assert done.state is PrintJobState.COMPLETED and done.attempt == 1
    assert _trail(services)[-1][0] == "civil.certificate_printed"


def test_a_cancelled_certificate_job_is_sent_again_with_the_same_pdf(
    civil_services: Services, cups: ThrowawayCups
) -> None:
    services = civil_services
    _registered_birth(services)
    registrar = _officer(services, "registrar")
    pdf = _certificate(services)
    cups.disable(A4_QUEUE, "Toner low")
    job = services.printing.print_certificate(registrar, NUMBER, pdf, A4_QUEUE)
    assert job.id is not None
    clerk = _officer(services, "clerk")  # may not make certificates, so may not touch the job
    with pytest.raises(PermissionDeniedError):
        services.printing.cancel(clerk, job.id)
    cancelled = services.printing.cancel(registrar, job.id)
    assert cancelled.state is PrintJobState.CANCELLED
    cups.enable(A4_QUEUE)
    before = set(cups.output_pdfs())
    again = services.printing.retry(registrar, job.id)
    assert (again.attempt, again.register_number, again.certificate_kind) == (2, NUMBER, "full")
    assert _follow(services, again).state is PrintJobState.COMPLETED
    (output,) = set(cups.output_pdfs()) - before
    assert _page_size_mm(output) == (210, 297)
    assert [j.state for j in services.printing.certificate_jobs(NUMBER)] == [
        PrintJobState.CANCELLED,
        PrintJobState.COMPLETED,
    ]


def test_the_demo_posts_folder_queue_prints_the_certificate_and_issues_nothing(
    civil_services: Services, data_dir: Path
) -> None:
    services = civil_services
    _registered_birth(services)
    registrar = _officer(services, "registrar")
    pdf = _certificate(services)
    assert services.printing.queue_for(PrintTarget.A4) == "folder:a4"
    job = services.printing.print_certificate(registrar, NUMBER, pdf)  # the post's A4 queue
    assert job.queue == "folder:a4"
    done = _follow(services, job)
    assert done.state is PrintJobState.COMPLETED
    printed = sorted((data_dir / "printed" / "a4").glob("*.pdf"))
    assert len(printed) == 1 and printed[0].read_bytes() == pdf
    assert "/" not in printed[0].name
    assert services.printing.jobs_for(1) == []  # no document is printed, none issued
    assert _trail(services)[-1][0] == "civil.certificate_printed"


def test_only_an_officer_who_made_the_certificate_prints_it(
    civil_services: Services,
) -> None:
    services = civil_services
    _registered_birth(services)
    registrar = _officer(services, "registrar")
    clerk = _officer(services, "clerk")
    pdf = b"%PDF-1.4 not made by the register"
    with pytest.raises(PermissionDeniedError):
        services.printing.print_certificate(clerk, NUMBER, pdf)
    with pytest.raises(LifecycleError) as caught:
        services.printing.print_certificate(registrar, NUMBER, pdf)
    assert caught.value.code == "print.certificate_not_made"
    real = _certificate(services, "full")
    with pytest.raises(LifecycleError) as caught:
        services.printing.print_certificate(registrar, NUMBER, real, kind="extract")
    assert caught.value.code == "print.certificate_not_made"
    assert services.printing.certificate_jobs(NUMBER) == []


def test_the_civil_register_pages_printer_waits_for_the_outcome_and_raises_the_condition(
    civil_services: Services, cups: ThrowawayCups
) -> None:
    """What the GUI's CertificatePrinter gets: the job when it completed; otherwise the
    printer's coded condition, the job kept for a retry."""
    services = civil_services
    _registered_birth(services)
    registrar = _officer(services, "registrar")
    printer = FollowedCertificatePrinter(services.printing, follow_s=FOLLOW_S)
    done = printer.print_certificate(registrar, NUMBER, _certificate(services))
    assert (done.state, done.queue, done.certificate_kind) == (
        PrintJobState.COMPLETED,
        "folder:a4",
        "full",
    )

    stopped = PrintService(
        services.db, services.clock, services.printing._pool, lambda _target: A4_QUEUE
    )
    cups.disable(A4_QUEUE, "Cover open")
    waiting = FollowedCertificatePrinter(stopped, follow_s=1.0)
    with pytest.raises(DeviceError) as caught:
        waiting.print_certificate(registrar, NUMBER, _certificate(services, "extract"))
    assert caught.value.code == "printer.queue_stopped"
    assert "Cover open" in caught.value.detail
    (_, job) = services.printing.certificate_jobs(NUMBER)
    assert (job.state, job.certificate_kind, job.condition) == (
        PrintJobState.QUEUED,
        "extract",
        "queue_stopped",
    )
    assert job.id is not None  # leave no job in the shared scheduler's queue
    assert services.printing.cancel(registrar, job.id).state is PrintJobState.CANCELLED
