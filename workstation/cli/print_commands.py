"""``consular print DOCUMENT_ID`` and ``consular print-job list|follow|retry|cancel|spoil``:
printing a produced document (or a civil-registration certificate, ``consular certificate
--print``) and following the job to its outcome.

``print`` waits for the spooler's verdict and exits 0 only when the job completed (the first
print of a produced document then makes it issued); otherwise it exits 7 with the printer's
condition and the actions the officer may take, and the job is kept for ``print-job retry``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from devices.printers import PrinterCondition, allowed_actions, message_code
from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_DEVICE, CliExit
from workstation.domain.documents import Document, DocumentAction
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJob, PrintJobState
from workstation.services.printing import target_for

DEFAULT_TIMEOUT_S = 120.0


def register(commands: Any) -> None:
    print_ = commands.add_parser(
        "print",
        help="print a produced document on its printer and wait for the outcome "
        "(exit 0 only when the job completed)",
    )
    print_.add_argument("document_id", type=int)
    _add_print_options(print_)
    print_.add_argument("--reason", default="", help="required to print an issued document again")
    print_.add_argument("--officer", required=True)
    print_.set_defaults(handler=_print)

    jobs = commands.add_parser("print-job", help="print jobs: list, follow, retry, cancel, spoil")
    actions = jobs.add_subparsers(dest="print_job_command", required=True)
    listing = actions.add_parser(
        "list", help="the print jobs of a document, or of a civil register entry's certificates"
    )
    listing.add_argument("subject", metavar="DOCUMENT_ID|REGISTER_NUMBER")
    listing.set_defaults(handler=_list)
    follow = actions.add_parser("follow", help="wait for a job's outcome")
    follow.add_argument("job_id", type=int)
    follow.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S)
    follow.set_defaults(handler=_follow)
    retry = actions.add_parser(
        "retry", help="follow a waiting job again, or send a failed/cancelled/spoiled one again"
    )
    retry.add_argument("job_id", type=int)
    _add_print_options(retry)
    retry.add_argument("--officer", required=True)
    retry.set_defaults(handler=_retry)
    cancel = actions.add_parser("cancel", help="cancel a job that has not printed yet")
    cancel.add_argument("job_id", type=int)
    cancel.add_argument("--officer", required=True)
    cancel.set_defaults(handler=_cancel)
    spoil = actions.add_parser(
        "spoil", help="record the card of a job as spoiled (unusable), with the reason"
    )
    spoil.add_argument("job_id", type=int)
    spoil.add_argument("--reason", required=True)
    spoil.add_argument("--officer", required=True)
    spoil.set_defaults(handler=_spoil)


def _add_print_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--queue", help="print queue (default: the one set up for the document)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help="seconds to wait for the job (default %(default)s)",
    )


def job_data(job: PrintJob) -> dict[str, Any]:
    return {
        "job": job.id,
        "document_id": job.document_id,
        "register_number": job.register_number,
        "certificate_kind": job.certificate_kind,
        "queue": job.queue,
        "purpose": job.purpose.value,
        "attempt": job.attempt,
        "state": job.state.value,
        "condition": job.condition,
        "detail": job.detail,
        "actions": _actions(job),
        "spooler_job": job.spooler_job_id,
        "reason": job.reason,
    }


def _actions(job: PrintJob) -> list[str]:
    """What the officer may do next: for a waiting job, the device layer's rule for its
    condition; a finished job can be sent again or its card recorded as spoiled."""
    if job.live:
        try:
            condition = PrinterCondition(job.condition) if job.condition else None
        except ValueError:
            condition = None
        if condition is None:
            return ["cancel", "wait"]
        return sorted(a.value for a in allowed_actions(condition))
    return {
        PrintJobState.COMPLETED: ["mark_spoiled"],
        PrintJobState.FAILED: ["mark_spoiled", "retry"],
        PrintJobState.CANCELLED: ["retry"],
        PrintJobState.SPOILED: ["retry"],
    }[job.state]


def job_text(job: PrintJob, ctx: CliContext) -> str:
    line = f"print job {job.id}: {job.state.value} on {job.queue} (attempt {job.attempt})"
    if job.register_number is not None:
        line += f"\n  {job.certificate_kind} certificate of {job.register_number}"
    if job.condition:
        try:
            code = message_code(PrinterCondition(job.condition))
        except ValueError:
            code = job.condition
        line += "\n  " + ctx.output.translator.text(code, None, {})
        if job.detail:
            line += f" [{job.detail}]"
    actions = _actions(job)
    if actions:
        line += "\n  you may: " + ", ".join(a.replace("_", " ") for a in actions)
    return line


def report_and_exit(job: PrintJob, ctx: CliContext, extra: dict[str, Any] | None = None) -> None:
    """Print the job; exit 7 (device) unless it completed."""
    data = {**(extra or {}), "print": job_data(job)}
    ctx.output.result(data, lambda: job_text(job, ctx))
    if job.state is not PrintJobState.COMPLETED:
        raise CliExit(EXIT_DEVICE)


def print_and_follow(
    ctx: CliContext,
    officer: Officer,
    document_id: int,
    queue: str | None,
    timeout: float,
    reason: str = "",
) -> PrintJob:
    printing = ctx.services.printing
    job = printing.submit(officer, document_id, queue, reason)
    if not job.live:
        return job
    assert job.id is not None
    return printing.follow(job.id, timeout_s=timeout, on_change=_progress(ctx))


def print_certificate_and_follow(
    ctx: CliContext,
    officer: Officer,
    register_number: str,
    pdf: bytes,
    kind: str,
    queue: str | None,
    timeout: float,
) -> PrintJob:
    """Send a certificate just made to the A4 queue (or ``queue``) and wait for the outcome."""
    printing = ctx.services.printing
    job = printing.print_certificate(officer, register_number, pdf, queue, kind=kind)
    if not job.live:
        return job
    assert job.id is not None
    return printing.follow(job.id, timeout_s=timeout, on_change=_progress(ctx))


def _progress(ctx: CliContext) -> Any:
    def show(job: PrintJob) -> None:
        if not ctx.output.json_mode and job.live:
            print(
                f"  {job.state.value}" + (f" ({job.condition})" if job.condition else ""),
                file=sys.stderr,
            )

    return show


def _print(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    job = print_and_follow(ctx, officer, args.document_id, args.queue, args.timeout, args.reason)
    report_and_exit(job, ctx)


def _list(args: argparse.Namespace, ctx: CliContext) -> None:
    printing = ctx.services.printing
    subject = str(args.subject).strip()
    if subject.isdigit():
        jobs = printing.jobs_for(int(subject))
    else:
        jobs = printing.certificate_jobs(subject)
    ctx.output.result(
        [job_data(j) for j in jobs],
        lambda: "\n".join(job_text(j, ctx) for j in jobs) or "no print jobs",
    )


def _follow(args: argparse.Namespace, ctx: CliContext) -> None:
    job = ctx.services.printing.follow(
        args.job_id, timeout_s=args.timeout, on_change=_progress(ctx)
    )
    report_and_exit(job, ctx)


def _retry(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    printing = ctx.services.printing
    job = printing.retry(officer, args.job_id, args.queue)
    if job.live:
        assert job.id is not None
        job = printing.follow(job.id, timeout_s=args.timeout, on_change=_progress(ctx))
    report_and_exit(job, ctx)


def _cancel(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    job = ctx.services.printing.cancel(officer, args.job_id)
    ctx.output.result(job_data(job), lambda: job_text(job, ctx))


def _spoil(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    job = ctx.services.printing.spoil(officer, args.job_id, args.reason)
    ctx.output.result(job_data(job), lambda: job_text(job, ctx))


def add_issue_print_options(parser: argparse.ArgumentParser) -> None:
    """The print options of the commands that issue (``issue id-card``, ``document issue``)."""
    parser.add_argument(
        "--queue", help="print queue (default: the one set up for the document's kind)"
    )
    parser.add_argument(
        "--no-print",
        action="store_true",
        help="produce only (numbered, sealed, rendered); print later with 'consular print'",
    )
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S)


def produce_and_print(
    ctx: CliContext,
    officer: Officer,
    document_id: int,
    key_passphrase: str,
    args: argparse.Namespace,
    describe: Callable[[Document], dict[str, Any]],
    text: Callable[[Document], str],
) -> None:
    """Produce the document, then print it on its printer unless told not to or none is set
    up. The document is issued when the print completed; exit 7 when it did not."""
    documents = ctx.services.documents
    produced = documents.act(
        officer, document_id, DocumentAction.PRODUCE, passphrase=key_passphrase
    )
    printing = ctx.services.printing
    queue = args.queue or printing.queue_for(target_for(produced.kind))
    if args.no_print or not queue:
        note = (
            f"produced, not printed: print it with 'consular print {document_id}' "
            "or confirm a manual print with 'consular document confirm-print'"
        )
        ctx.output.result(
            {**describe(produced), "print": None},
            lambda: f"{text(produced)}\n  {note}",
        )
        return
    job = print_and_follow(ctx, officer, document_id, queue, args.timeout)
    document = documents.get(document_id)
    ctx.output.result(
        {**describe(document), "print": job_data(job)},
        lambda: f"{text(document)}\n  {job_text(job, ctx)}",
    )
    if job.state is not PrintJobState.COMPLETED:
        raise CliExit(EXIT_DEVICE)
