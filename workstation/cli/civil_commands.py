"""``consular register birth|marriage|death FILE.json``, ``consular annotate NUMBER FILE.json``
and ``consular civil show|list|approve|reject|pending|referrals``: the civil register.

A birth's nationality outcome is printed with its explanation (English texts of
:mod:`workstation.domain.civil.explanations`, gettext msgids). A duplicate is refused with exit 5
and the existing entry shown; nothing is written.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from workstation.cli.context import CliContext
from workstation.cli.keys_commands import passphrase
from workstation.cli.output import EXIT_BAD_INPUT, EXIT_DEVICE, CliExit
from workstation.cli.person_commands import read_json
from workstation.cli.print_commands import (
    DEFAULT_TIMEOUT_S,
    job_data,
    job_text,
    print_certificate_and_follow,
)
from workstation.domain.civil.codec import to_plain
from workstation.domain.civil.entries import CivilEntry, outcome_reasons, referral_reason
from workstation.domain.civil.explanations import DUPLICATE_TEXTS, MISSING_TEXTS, explain
from workstation.domain.civil.records import EventKind
from workstation.domain.civil.routes import Missing
from workstation.domain.errors import ConflictError
from workstation.domain.printing import PrintJobState

_STATE_TEXT = {
    "pending_approval": "pending approval by a supervisor",
    "registered": "registered",
    "rejected": "rejected",
}


def register(commands: Any) -> None:
    reg = commands.add_parser(
        "register",
        help="register a birth, marriage or death from a JSON file; prints the register "
        "number and, for a birth, the nationality outcome with its explanation",
    )
    reg.add_argument("kind", choices=[k.value for k in EventKind])
    reg.add_argument("file", help="the record as JSON (see docs/examples/); - reads stdin")
    reg.add_argument(
        "--confirm-duplicate",
        action="store_true",
        help="register although a possible duplicate was shown (never an exact one)",
    )
    reg.add_argument("--officer", required=True)
    reg.set_defaults(handler=_register)
    annotate = commands.add_parser(
        "annotate",
        help="append an annotation (correction, recognition of paternity, adoption, change "
        "of name, divorce) to a registered entry; the original stays readable",
    )
    annotate.add_argument("register_number")
    annotate.add_argument("file", help="the annotation as JSON; - reads stdin")
    annotate.add_argument("--officer", required=True)
    annotate.set_defaults(handler=_annotate)

    certificate = commands.add_parser(
        "certificate",
        help="a signed A4 certificate of a registered entry as it reads today "
        "(full copy with its annotations, or a birth extract)",
    )
    certificate.add_argument("register_number")
    certificate.add_argument("--kind", choices=["full", "extract"], default="full")
    certificate.add_argument(
        "--out", help="the PDF file to write (required unless --print is given)"
    )
    certificate.add_argument(
        "--print",
        action="store_true",
        dest="send_to_printer",
        help="print it on the post's A4 printer and wait for the outcome "
        "(exit 7 when the printer did not finish; the job is kept for 'print-job retry')",
    )
    certificate.add_argument("--queue", help="print queue (default: the post's A4 printer)")
    certificate.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help="seconds to wait for the print job (default %(default)s)",
    )
    certificate.add_argument("--officer", required=True)
    certificate.set_defaults(handler=_certificate)

    civil = commands.add_parser("civil", help="the civil register").add_subparsers(
        dest="civil_command", required=True
    )
    show = civil.add_parser("show", help="an entry: current view, annotations, outcome")
    show.add_argument("register_number")
    show.add_argument(
        "--as-of", type=int, help="the entry as it read after annotation N (0: as registered)"
    )
    show.set_defaults(handler=_show)
    listing = civil.add_parser("list", help="entries in register order")
    listing.add_argument("--kind", choices=[k.value for k in EventKind])
    listing.add_argument("--state", choices=list(_STATE_TEXT))
    listing.add_argument("--year", type=int)
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(handler=_list)
    approve = civil.add_parser(
        "approve", help="a supervisor (not the registrar) approves a late or delayed entry"
    )
    approve.add_argument("register_number")
    approve.add_argument("--officer", required=True)
    approve.add_argument(
        "--evidence",
        action="append",
        default=[],
        metavar="CODE",
        help="evidence presented since registration (repeatable)",
    )
    approve.add_argument("--reason", default="", help="required when evidence is still missing")
    approve.set_defaults(handler=_approve)
    reject = civil.add_parser("reject", help="a supervisor refuses a pending registration")
    reject.add_argument("register_number")
    reject.add_argument("--officer", required=True)
    reject.add_argument("--reason", required=True)
    reject.set_defaults(handler=_reject)
    pending = civil.add_parser("pending", help="registrations waiting for a supervisor")
    pending.set_defaults(handler=_pending)
    referrals = civil.add_parser(
        "referrals", help="children without an established nationality (supervisor follow-up)"
    )
    referrals.set_defaults(handler=_referrals)


# ---------------------------------------------------------------------- presenting an entry


def _missing_text(code: str) -> str:
    party, _, what = code.rpartition(".")
    try:
        template = MISSING_TEXTS[Missing(what)]
    except (ValueError, KeyError):
        return code
    return template.format(party=party or "record")


def nationality_data(outcome: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The stored outcome with its explanation in words (for JSON and text)."""
    if outcome is None:
        return None
    referral = referral_reason(outcome)
    return {
        **outcome,
        "explanation": [explain(r) for r in outcome_reasons(outcome)],
        "missing_text": [_missing_text(code) for code in outcome.get("missing", [])],
        "referral_note": explain(referral) if referral is not None else None,
    }


def entry_data(entry: CivilEntry) -> dict[str, Any]:
    return {
        "register_number": entry.register_number,
        "kind": entry.kind.value,
        "state": entry.state.value,
        "timeliness": entry.timeliness.value,
        "event_date": entry.original.event_date.isoformat(),
        "registered_on": entry.original.registered_on.isoformat(),
        "registered_by": entry.registered_by,
        "registered_at": entry.registered_at.isoformat(),
        "decided_by": entry.decided_by,
        "decided_at": entry.decided_at.isoformat() if entry.decided_at else None,
        "decision_reason": entry.decision_reason,
        "evidence_required": list(entry.evidence_required),
        "evidence_presented": list(entry.evidence_presented),
        "evidence_missing": list(entry.evidence_missing),
        "possible_duplicate_of": list(entry.possible_duplicates),
        "persons": dict(entry.links),
        "nationality": nationality_data(entry.outcome),
        "annotations": [
            {
                **to_plain(a.annotation),
                "officer_id": a.officer_id,
                "at": a.at.isoformat(),
                "outcome_after": (a.outcome_after or {}).get("outcome"),
            }
            for a in entry.annotations
        ],
    }


def _nationality_lines(outcome: Mapping[str, Any] | None) -> list[str]:
    data = nationality_data(outcome)
    if data is None:
        return []
    head = data["outcome"].replace("_", " ")
    if data["nationalities"]:
        head += f" ({', '.join(data['nationalities'])})"
    lines = [f"Nationality: {head}"]
    lines += [f"  - {text}" for text in data["explanation"]]
    if data["missing_text"]:
        lines.append(f"  Missing: {'; '.join(data['missing_text'])}")
    if data["referral_note"]:
        lines.append(f"Referral: {data['referral_note']}")
    return lines


def entry_text(entry: CivilEntry, ctx: CliContext, details: bool = False) -> str:
    lines = [
        f"{entry.register_number}  {entry.kind.value}, {entry.timeliness.value}, "
        f"{_STATE_TEXT[entry.state.value]}"
    ]
    if entry.evidence_missing:
        lines.append(f"Evidence missing: {', '.join(entry.evidence_missing)}")
    if entry.possible_duplicates:
        lines.append(f"Possible duplicate of: {', '.join(entry.possible_duplicates)}")
    linked = [f"{role} {pid}" for role, pid in entry.links.items() if pid is not None]
    if linked:
        lines.append(f"Registry persons: {', '.join(linked)}")
    lines += _nationality_lines(entry.outcome)
    if details:
        names = ctx.services.accounts.usernames()
        zone = ZoneInfo(ctx.services.post.time_zone)
        lines.append(
            f"Registered {entry.registered_at.astimezone(zone):%Y-%m-%d %H:%M} by "
            f"{names.get(entry.registered_by, entry.registered_by)}"
        )
        if entry.decided_at is not None and entry.decided_by is not None:
            decided = entry.decided_at.astimezone(zone)
            by = names.get(entry.decided_by, entry.decided_by)
            verb = "Rejected" if entry.state.value == "rejected" else "Approved"
            decision = f"{verb} {decided:%Y-%m-%d %H:%M} by {by}"
            lines.append(f"{decision} {entry.decision_reason}".rstrip())
        for stored in entry.annotations:
            a = stored.annotation
            lines.append(
                f"Annotation {a.sequence}: {a.kind.value.replace('_', ' ')} decided {a.decided_on} "
                f"by {a.authority}: {a.reason} [{', '.join(c.path for c in a.changes)}]"
            )
    return "\n".join(lines)


# ---------------------------------------------------------------------- handlers


def _show_duplicate(error: ConflictError, ctx: CliContext) -> None:
    """Before the refusal: the entry the new record duplicates, so the registrar can compare."""
    number = error.params.get("register_number")
    if not error.code.startswith("civil.duplicate") or not isinstance(number, str):
        return
    codes = str(error.params.get("reasons", "")).split(", ")
    error.params["reasons"] = ", ".join(DUPLICATE_TEXTS.get(code, code) for code in codes)
    existing = ctx.services.civil.get(number)
    ctx.output.result(
        {"duplicate_of": entry_data(existing)},
        lambda: "Already registered:\n" + entry_text(existing, ctx),
    )


def _register(args: argparse.Namespace, ctx: CliContext) -> None:
    data = read_json(args.file)
    officer = ctx.sign_in(args.officer)
    try:
        entry = ctx.services.civil.register(
            officer, args.kind, data, confirm_possible_duplicate=args.confirm_duplicate
        )
    except ConflictError as error:
        _show_duplicate(error, ctx)
        raise
    ctx.output.result(entry_data(entry), lambda: entry_text(entry, ctx))


def _annotate(args: argparse.Namespace, ctx: CliContext) -> None:
    data = read_json(args.file)
    officer = ctx.sign_in(args.officer)
    entry = ctx.services.civil.annotate(officer, args.register_number, data)
    ctx.output.result(entry_data(entry), lambda: entry_text(entry, ctx, details=True))


def _show(args: argparse.Namespace, ctx: CliContext) -> None:
    entry = ctx.services.civil.get(args.register_number)
    history = entry.history
    view = history.current() if args.as_of is None else history.as_of(args.as_of)
    if args.as_of is not None and entry.outcome is not None:
        # The nationality outcome as it stood then: at registration, or after annotation N.
        then = entry.annotations[args.as_of - 1].outcome_after if args.as_of else None
        entry = dataclasses.replace(entry, outcome=then or entry.outcome_at_registration)
    data = {**entry_data(entry), "original": to_plain(entry.original), "view": to_plain(view)}

    def text() -> str:
        label = "current view" if args.as_of is None else f"as of annotation {args.as_of}"
        record = json.dumps(to_plain(view), ensure_ascii=False, indent=2)
        return entry_text(entry, ctx, details=True) + f"\nRecord ({label}):\n{record}"

    ctx.output.result(data, text)


def _lines(entries: Sequence[CivilEntry], ctx: CliContext) -> None:
    ctx.output.result(
        [entry_data(e) for e in entries],
        lambda: "\n\n".join(entry_text(e, ctx) for e in entries) or "No entries.",
    )


def _list(args: argparse.Namespace, ctx: CliContext) -> None:
    _lines(ctx.services.civil.list(args.kind, args.state, args.year, args.limit), ctx)


def _pending(args: argparse.Namespace, ctx: CliContext) -> None:
    _lines(ctx.services.civil.pending_approvals(), ctx)


def _referrals(args: argparse.Namespace, ctx: CliContext) -> None:
    _lines(ctx.services.civil.referrals(), ctx)


def _approve(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    entry = ctx.services.civil.approve(
        officer, args.register_number, reason=args.reason, evidence_presented=args.evidence
    )
    ctx.output.result(entry_data(entry), lambda: entry_text(entry, ctx, details=True))


def _reject(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    entry = ctx.services.civil.reject(officer, args.register_number, args.reason)
    ctx.output.result(entry_data(entry), lambda: entry_text(entry, ctx, details=True))


def _certificate(args: argparse.Namespace, ctx: CliContext) -> None:
    if args.out is None and not args.send_to_printer:
        ctx.output.fail(
            EXIT_BAD_INPUT,
            "cli.certificate_destination",
            "say where the certificate goes: --out FILE.pdf, --print, or both",
            [{"field": "out", "message": "--out FILE.pdf or --print is required"}],
        )
    key_passphrase = passphrase()
    officer = ctx.sign_in(args.officer)
    produced = ctx.services.civil.certificate(
        officer, args.register_number, args.kind, key_passphrase
    )
    number = args.register_number.strip().upper()
    data: dict[str, Any] = {"pdf": args.out, "kind": args.kind, "seal": produced.seal.hex().upper()}
    lines = []
    if args.out is not None:
        Path(args.out).write_bytes(produced.pdf)
        lines.append(
            f"{args.kind} certificate of {args.register_number.upper()} written to {args.out}"
        )
    if not args.send_to_printer:
        ctx.output.result(data, lambda: lines[0])
        return
    job = print_certificate_and_follow(
        ctx, officer, number, produced.pdf, args.kind, args.queue, args.timeout
    )
    lines.append(f"{args.kind} certificate of {number} sent to {job.queue}")
    ctx.output.result(
        {**data, "print": job_data(job)}, lambda: "\n".join([*lines, job_text(job, ctx)])
    )
    if job.state is not PrintJobState.COMPLETED:
        raise CliExit(EXIT_DEVICE)
