"""``consular document create|show|submit|approve|reject|issue|deliver|void|spoil``: the
lifecycle of any document kind (issue 3 adds rendering and signing on issue)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from workstation.cli.context import CliContext
from workstation.cli.keys_commands import passphrase
from workstation.cli.print_commands import add_issue_print_options, produce_and_print
from workstation.domain.documents import Document, DocumentAction

_ACTIONS = {
    "submit": DocumentAction.SUBMIT,
    "approve": DocumentAction.APPROVE,
    "reject": DocumentAction.REJECT,
    "deliver": DocumentAction.DELIVER,
    "void": DocumentAction.VOID,
    "spoil": DocumentAction.SPOIL_COPY,
}


def register(commands: Any) -> None:
    document = commands.add_parser("document", help="document requests and their lifecycle")
    actions = document.add_subparsers(dest="document_command", required=True)
    create = actions.add_parser("create", help="a draft request; prints its id")
    create.add_argument("kind", help="consular_id_card or emergency_travel_document")
    create.add_argument("person_id", type=int)
    create.add_argument("--officer", required=True)
    create.set_defaults(handler=_create)
    show = actions.add_parser("show", help="a document with its history")
    show.add_argument("id", type=int)
    show.set_defaults(handler=_show)
    preview = actions.add_parser(
        "preview",
        help="the request as it will print, marked "
        "SPECIMEN - NOT VALID (nothing numbered or signed)",
    )
    preview.add_argument("id", type=int)
    preview.add_argument("--out", required=True)
    preview.set_defaults(handler=_preview)
    pdf = actions.add_parser("pdf", help="the issued document as a PDF")
    pdf.add_argument("id", type=int)
    pdf.add_argument("--out", required=True)
    pdf.set_defaults(handler=_pdf)
    issue = actions.add_parser(
        "issue",
        help="produce an approved document (number, signed seal, PDF) and print it; "
        "it is issued when the print completed",
    )
    issue.add_argument("id", type=int)
    issue.add_argument("--officer", required=True)
    add_issue_print_options(issue)
    issue.set_defaults(handler=_issue)
    confirm = actions.add_parser(
        "confirm-print",
        help="the produced document was printed outside a tracked print job: issue it",
    )
    confirm.add_argument("id", type=int)
    confirm.add_argument("--reason", required=True, help="where and how it was printed")
    confirm.add_argument("--officer", required=True)
    confirm.set_defaults(handler=_confirm_print)
    for name, action in _ACTIONS.items():
        step = actions.add_parser(name, help=f"{name} a document")
        step.add_argument("id", type=int)
        step.add_argument("--officer", required=True)
        step.add_argument("--reason", default="", help="required for reject, void and spoil")
        step.set_defaults(handler=_step, action=action)


def _data(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "kind": document.kind,
        "person_id": document.person_id,
        "state": document.state.value,
        "number": document.number,
        "issued_on": document.issued_on,
        "expires_on": document.expires_on,
        "spoiled_copies": document.spoiled_copies,
        "events": [
            {
                "action": e.action.value,
                "from": e.from_state,
                "to": e.to_state.value,
                "officer_id": e.officer_id,
                "at": e.at.isoformat(),
                "reason": e.reason,
            }
            for e in document.events
        ],
    }


def _text(document: Document, ctx: CliContext) -> str:
    """The document and its history, times at the post, officers by user name."""
    names = ctx.services.accounts.usernames()
    zone = ZoneInfo(ctx.services.post.time_zone)
    lines = [
        f"document {document.id}: {document.kind} for person {document.person_id}, "
        f"{document.state.value}" + (f", number {document.number}" if document.number else "")
    ]
    if document.expires_on:
        lines.append(f"  valid {document.issued_on} to {document.expires_on}")
    lines += [
        f"  {e.at.astimezone(zone):%Y-%m-%d %H:%M} {e.action.value:<10} "
        f"-> {e.to_state.value:<9} {names.get(e.officer_id, e.officer_id)} {e.reason}".rstrip()
        for e in document.events
    ]
    return "\n".join(lines)


def _create(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    document_id = ctx.services.documents.create(officer, args.kind, args.person_id)
    ctx.output.result({"id": document_id}, lambda: str(document_id))


def _show(args: argparse.Namespace, ctx: CliContext) -> None:
    document = ctx.services.documents.get(args.id)
    ctx.output.result(_data(document), lambda: _text(document, ctx))


def _step(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    document = ctx.services.documents.act(officer, args.id, args.action, args.reason)
    ctx.output.result(_data(document), lambda: _text(document, ctx))


def _issue(args: argparse.Namespace, ctx: CliContext) -> None:
    key_passphrase = passphrase()
    officer = ctx.sign_in(args.officer)
    produce_and_print(ctx, officer, args.id, key_passphrase, args, _data, lambda d: _text(d, ctx))


def _confirm_print(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    ctx.services.printing.confirm_manual_print(officer, args.id, args.reason)
    document = ctx.services.documents.get(args.id)
    ctx.output.result(_data(document), lambda: _text(document, ctx))


def _pdf(args: argparse.Namespace, ctx: CliContext) -> None:
    Path(args.out).write_bytes(ctx.services.documents.pdf(args.id))
    ctx.output.result({"pdf": args.out}, lambda: f"Written to {args.out}")


def _preview(args: argparse.Namespace, ctx: CliContext) -> None:
    Path(args.out).write_bytes(ctx.services.documents.preview(args.id))
    ctx.output.result({"preview": args.out}, lambda: f"Specimen written to {args.out}")
