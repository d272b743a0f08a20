"""``consular audit verify|log`` and ``consular numbering check``."""

from __future__ import annotations

import argparse
from typing import Any

from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_CHECK_FAILED, CliExit
from workstation.domain.audit import AuditEntry


def register(commands: Any) -> None:
    audit = commands.add_parser("audit", help="the tamper-evident audit log").add_subparsers(
        dest="audit_command", required=True
    )
    verify = audit.add_parser(
        "verify",
        help="check the whole chain; names the first entry "
        "that was altered, inserted or deleted (exit 6)",
    )
    verify.set_defaults(handler=_verify)
    log = audit.add_parser("log", help="the newest entries (supervisors, administrators)")
    log.add_argument("--officer", required=True)
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--record", help="TYPE:ID, e.g. person:17")
    log.set_defaults(handler=_log)
    numbering = commands.add_parser("numbering", help="document number stock").add_subparsers(
        dest="numbering_command", required=True
    )
    check = numbering.add_parser(
        "check",
        help="every number allocated once, no gap without "
        "a void or spoil record (exit 6 otherwise)",
    )
    check.set_defaults(handler=_numbering_check)


def _entry_data(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "record": f"{entry.record_type}:{entry.record_id}",
        "details": dict(entry.details),
    }


def _entry_text(entry: AuditEntry) -> str:
    return (
        f"#{entry.seq} {entry.at} {entry.actor} {entry.action} "
        f"{entry.record_type}:{entry.record_id}"
    )


def _verify(args: argparse.Namespace, ctx: CliContext) -> None:
    report = ctx.services.audit.verify()
    problem = report.problem
    data: dict[str, Any] = {
        "ok": report.ok,
        "entries_checked": report.entries_checked,
        "last_seq": report.last_seq,
    }
    if problem is not None:
        data["problem"] = {
            "kind": problem.kind.value,
            "seq": problem.seq,
            "entry": _entry_data(problem.entry) if problem.entry else None,
        }

    def text() -> str:
        if problem is None:
            return f"Audit log intact: {report.entries_checked} entries, chain and head agree."
        what = {
            "altered": "was altered",
            "deleted": "was deleted",
            "inserted": "was inserted",
            "broken_link": "was rewritten (its successor no longer links to it)",
        }[problem.kind.value]
        line = f"Audit log TAMPERED: entry #{problem.seq} {what}"
        if problem.entry is not None:
            line += f"\n  {_entry_text(problem.entry)}"
        return line + f"\n  ({report.entries_checked} entries before it verified)"

    ctx.output.result(data, text)
    if problem is not None:
        raise CliExit(EXIT_CHECK_FAILED)


def _log(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    record_type, _, record_id = (args.record or "").partition(":")
    entries = ctx.services.audit.recent(officer, args.limit, record_type or None, record_id or None)
    ctx.output.result(
        [_entry_data(e) for e in entries],
        lambda: "\n".join(_entry_text(e) for e in entries) or "No entries.",
    )


def _numbering_check(args: argparse.Namespace, ctx: CliContext) -> None:
    reports = ctx.services.documents.reconcile_stock()
    data = [
        {
            "series": r.series,
            "last_sequence": r.last_sequence,
            "ok": r.ok,
            "missing": list(r.missing),
            "duplicated": list(r.duplicated),
            "unexplained": list(r.unexplained),
        }
        for r in reports
    ]
    ctx.output.result(
        data,
        lambda: "\n".join(
            f"{r.series:<34} last {r.last_sequence:>7}  "
            + (
                "ok"
                if r.ok
                else f"missing {list(r.missing)[:10]} duplicated "
                f"{list(r.duplicated)[:10]} unexplained {list(r.unexplained)[:10]}"
            )
            for r in reports
        ),
    )
    if not all(r.ok for r in reports):
        raise CliExit(EXIT_CHECK_FAILED)
