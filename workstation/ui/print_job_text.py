"""A print job in the officer's words: its state, the condition holding it up (translated)
and what the printer said, for the print panel's state line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from devices.printers import PrinterCondition, message_code
from workstation.domain.printing import PrintJob, PrintJobState, PrintPurpose
from workstation.i18n.messages import MESSAGES, Translator


def _tr(text: str) -> str:
    # The print panel's translation context: these texts were its own.
    return QCoreApplication.translate("PrintPanel", text)


def describe_job(job: PrintJob, translator: Translator) -> str:
    """``Job 3 (print, attempt 1) on CardPrinter: waiting in the queue. <condition>``."""
    states = {
        PrintJobState.QUEUED: _tr("waiting in the queue"),
        PrintJobState.PRINTING: _tr("printing"),
        PrintJobState.COMPLETED: _tr("printed"),
        PrintJobState.FAILED: _tr("failed"),
        PrintJobState.CANCELLED: _tr("cancelled"),
        PrintJobState.SPOILED: _tr("spoiled"),
    }
    purpose = _tr("reprint") if job.purpose is PrintPurpose.REPRINT else _tr("print")
    text = _tr("Job {id} ({purpose}, attempt {attempt}) on {queue}: {state}.").format(
        id=job.id,
        purpose=purpose,
        attempt=job.attempt,
        queue=job.queue,
        state=states[job.state],
    )
    if job.condition:
        text += " " + condition_text(job.condition, translator)
        if job.detail:
            text += _tr(" (printer says: {detail})").format(detail=job.detail)
    if job.reason and job.state is PrintJobState.SPOILED:
        text += " " + _tr("Reason: {reason}").format(reason=job.reason)
    return text


def condition_text(condition: str, translator: Translator) -> str:
    """The officer's words for a printer condition (queue_stopped ...), or the code."""
    try:
        code = message_code(PrinterCondition(condition))
    except ValueError:
        code = condition  # a device error code recorded as is (printer.ipp_error ...)
    if code not in MESSAGES:
        return condition
    return translator.text(code, None, {})
