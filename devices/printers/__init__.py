"""Card and A4 printing through the system spooler (CUPS) or a folder.

Discovery (``list_queues``, ``probe_printer``) uses ``lpstat`` so the status bar needs
no extra library; printing goes through a :class:`PrinterBackend` (``CupsBackend`` on
pycups, ``FolderBackend``), driven from a :class:`Printer`'s worker thread. Jobs have
string ids the application persists; ``status(queue, job_id)`` works after a restart.
Conditions map to stable message codes and allowed operator actions (``jobs``).

Typical use by the application (all calls off the GUI thread, on the printer's worker)::

    printer = Printer(CupsBackend(), "CardPrinter")          # one per configured queue
    job_id = printer.submit(PrintRequest.card(number, pdf)).result()   # persist job_id
    final = printer.follow(job_id, timeout_s=120, on_change=report).result()
    if final.state is JobState.COMPLETED: ...                # the document is printed
    elif final.condition is not None:
        code = message_code(final.condition)                 # translated by the app
        actions = allowed_actions(final.condition)           # retry / cancel / spoiled / wait

After a restart: ``printer.status(job_id)`` or ``printer.follow(job_id, ...)`` again.
A refused submit raises :class:`~devices.errors.DeviceError`; ``condition_for_code(
error.code)`` gives the condition to show, with the same codes and actions.
"""

from devices.printers.backend import PrinterBackend, poll_job, wait_for_job
from devices.printers.cups_backend import CupsBackend
from devices.printers.folder import FolderBackend
from devices.printers.jobs import (
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
from devices.printers.printer import Printer
from devices.printers.queues import PrintQueue, QueueState, list_queues, probe_printer

__all__ = [
    "CupsBackend",
    "FolderBackend",
    "JobState",
    "JobStatus",
    "Media",
    "OperatorAction",
    "PrintQueue",
    "PrintRequest",
    "Printer",
    "PrinterBackend",
    "PrinterCondition",
    "QueueState",
    "allowed_actions",
    "condition_for_code",
    "list_queues",
    "message_code",
    "poll_job",
    "probe_printer",
    "wait_for_job",
]
