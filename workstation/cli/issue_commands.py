"""``consular issue id-card|etd``: from a person in the registry to an issued document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext
from workstation.cli.keys_commands import passphrase
from workstation.cli.photo_commands import add_override_option, parse_overrides, read_image
from workstation.cli.print_commands import add_issue_print_options, produce_and_print
from workstation.domain.documents import Document, DocumentAction
from workstation.domain.issue_rules import CONSULAR_ID_CARD, EMERGENCY_TRAVEL_DOCUMENT
from workstation.domain.portrait import CheckCode, accept


def register(commands: Any) -> None:
    issue = commands.add_parser(
        "issue",
        help="issue a consular ID card or an emergency travel "
        "document (key passphrase from $CONSULAR_KEY_PASSPHRASE)",
    )
    kinds = issue.add_subparsers(dest="issue_command", required=True)
    card = kinds.add_parser(
        "id-card", help="request, approve and issue in one go; prints the number"
    )
    card.add_argument("person_id", type=int)
    card.add_argument(
        "--photo",
        required=True,
        help="the photo (JPEG or PNG): cropped and checked; the card carries the processed "
        "portrait",
    )
    add_override_option(card)
    card.add_argument("--out", help="write the issued PDF here")
    card.add_argument("--officer", required=True)
    add_issue_print_options(card)
    card.set_defaults(handler=_id_card)
    etd = kinds.add_parser(
        "etd",
        help="an emergency travel document request, submitted for a "
        "supervisor's approval; prints the request id",
    )
    etd.add_argument("person_id", type=int)
    etd.add_argument("--destination", required=True)
    etd.add_argument("--transit", action="append", default=[], help="repeat for each point")
    etd.add_argument(
        "--replaces", required=True, help="the lost or stolen passport, e.g. 'X1234567 (stolen)'"
    )
    etd.add_argument("--photo", help="the photo (JPEG or PNG): cropped and checked")
    add_override_option(etd)
    etd.add_argument("--officer", required=True)
    etd.set_defaults(handler=_etd)


def _checked_photo(
    ctx: CliContext, path: str, override_options: list[str]
) -> tuple[bytes, dict[CheckCode, str]]:
    """The photo and its overrides, refused (exit 2, failed checks named) before any request
    is recorded when a failed check has no override."""
    photo = read_image(path)
    overrides = parse_overrides(override_options)
    accept(ctx.services.photos.check(photo).checks, overrides)
    return photo, overrides


def _issued(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "number": document.number,
        "state": document.state.value,
        "issued_on": document.issued_on,
        "expires_on": document.expires_on,
        "mrz": document.data.get("mrz", []),
    }


def _id_card(args: argparse.Namespace, ctx: CliContext) -> None:
    photo, overrides = _checked_photo(ctx, args.photo, args.override)
    key_passphrase = passphrase()
    officer = ctx.sign_in(args.officer)
    documents = ctx.services.documents
    document_id = documents.create(officer, CONSULAR_ID_CARD, args.person_id)
    ctx.services.photos.capture_for_person(
        officer, args.person_id, photo, overrides, document_id=document_id
    )
    documents.act(officer, document_id, DocumentAction.SUBMIT)
    documents.act(officer, document_id, DocumentAction.APPROVE)
    try:
        produce_and_print(
            ctx, officer, document_id, key_passphrase, args, _issued, lambda d: str(d.number)
        )
    finally:
        if args.out and documents.get(document_id).number:
            Path(args.out).write_bytes(documents.pdf(document_id))


def _etd(args: argparse.Namespace, ctx: CliContext) -> None:
    photo, overrides = _checked_photo(ctx, args.photo, args.override) if args.photo else (None, {})
    officer = ctx.sign_in(args.officer)
    documents = ctx.services.documents
    document_id = documents.create(
        officer,
        EMERGENCY_TRAVEL_DOCUMENT,
        args.person_id,
        {
            "destination": args.destination,
            "transit_points": ", ".join(args.transit),
            "replaced_passport": args.replaces,
        },
    )
    if photo is not None:
        ctx.services.photos.capture_for_person(
            officer, args.person_id, photo, overrides, document_id=document_id
        )
    submitted = documents.act(officer, document_id, DocumentAction.SUBMIT)
    ctx.output.result({"id": document_id, "state": submitted.state.value}, lambda: str(document_id))
