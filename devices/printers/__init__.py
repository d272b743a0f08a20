"""Card and A4 printing through the system spooler (CUPS) or a folder.

Discovery (``list_queues``, ``probe_printer``) uses ``lpstat`` so the status bar needs
no extra library; printing goes through a :class:`PrinterBackend` (``CupsBackend`` on
pycups, ``FolderBackend``), driven from a :class:`Printer`'s worker thread. Jobs have
string ids the application persists; ``status(queue, job_id)`` works after a restart.
Conditions map to stable message codes and allowed operator actions (``jobs``).
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
