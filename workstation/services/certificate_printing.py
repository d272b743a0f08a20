"""Printing certificates of the civil register: which certificate an officer prints, and a
printer that waits for the outcome for the Civil register page.

The job itself (stored before the spooler is asked, followed, retried, cancelled, audited as
``civil.certificate_printed`` when it completes) is :meth:`PrintService.print_certificate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from devices.errors import DeviceError
from devices.printers import PrinterCondition, message_code
from workstation.domain.errors import DomainError, LifecycleError
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJob, PrintJobState
from workstation.services.certificates import CertificateKind
from workstation.storage import UnitOfWork

if TYPE_CHECKING:
    from workstation.services.printing import PrintService

#: How many of an entry's newest audit entries are searched for the certificate being printed.
AUDIT_LOOK_BACK = 200


def certificate_kind(
    uow: UnitOfWork, officer: Officer, register_number: str, kind: CertificateKind | str | None
) -> CertificateKind:
    """The kind of the certificate to print: ``kind``, or the newest this officer made of the
    entry; refused when they made no certificate (of that kind) of it."""
    wanted: CertificateKind | None = None
    if kind is not None:
        try:
            wanted = CertificateKind(kind)
        except ValueError:
            choices = ", ".join(k.value for k in CertificateKind)
            raise DomainError(
                "field.invalid_choice", "kind", value=str(kind), choices=choices
            ) from None
    for entry in uow.audit.recent(AUDIT_LOOK_BACK, "civil_entry", register_number):
        if entry.action != "civil.certificate" or entry.actor != officer.username:
            continue
        made = str(entry.details.get("kind", ""))
        if wanted is None or made == wanted.value:
            return CertificateKind(made)
    raise LifecycleError(
        "print.certificate_not_made",
        register_number=register_number,
        kind=wanted.value if wanted else "",
    )


class FollowedCertificatePrinter:
    """``print_certificate(officer, register_number, pdf)`` for a caller that waits on a worker
    thread (the Civil register page's ``CertificatePrinter``): the certificate is sent to the
    post's A4 queue and followed until the job is final or ``follow_s`` passes. A job that did
    not complete raises the printer's condition as a :class:`DeviceError` (its coded message,
    e.g. ``printer.queue_stopped``); the job is kept, to retry with ``consular print-job``."""

    def __init__(self, printing: PrintService, follow_s: float = 60.0) -> None:
        self._printing = printing
        self._follow_s = follow_s

    def print_certificate(self, officer: Officer, register_number: str, pdf: bytes) -> PrintJob:
        job = self._printing.print_certificate(officer, register_number, pdf)
        assert job.id is not None
        if job.live:
            job = self._printing.follow(job.id, timeout_s=self._follow_s)
        if job.state is PrintJobState.COMPLETED:
            return job
        try:
            condition = PrinterCondition(job.condition) if job.condition else None
        except ValueError:
            condition = None
        if condition is None:
            condition = PrinterCondition.TIMEOUT if job.live else PrinterCondition.JOB_ABORTED
        detail = f"print job {job.id} {job.state.value} on {job.queue}"
        raise DeviceError(
            message_code(condition), f"{detail}: {job.detail}" if job.detail else detail
        )
