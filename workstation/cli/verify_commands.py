"""``consular verify FILE | --hex HEX``: is this printed seal genuine, and what does it say?

Anyone may verify (a border officer, a partner post, support staff), so the command asks for no
officer and writes nothing to the audit log. Exit codes: 0 every seal found is valid, 6
(``EXIT_CHECK_FAILED``) a seal is not genuine or its signer is not trusted here, 2 the input
could not be read (no seal in it, not an image/PDF, bad hex).

What is compared with the print: a card's or ETD's MRZ (printed exactly as signed); a
civil-registration certificate's register number (printed exactly as signed; its names and dates
are printed as written and in the post's format, so the command shows what the seal certifies for
the reader to compare).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, CliExit
from workstation.domain.errors import DomainError
from workstation.domain.vds_profiles import CivilSealContent
from workstation.paths import site_file
from workstation.services.verification import (
    CERTIFICATE_NAMES,
    GivenTrust,
    SealReport,
    VerificationService,
    parse_hex,
)


def register(commands: Any) -> None:
    verify = commands.add_parser(
        "verify",
        help="check a document's visible digital seal (PDF, PNG/JPEG or --hex); no sign-in",
        description="Check the visible digital seal against this workstation's trust list. "
        "Exit 0: every seal found is valid; 6: a seal is not valid or its signer is not "
        "trusted; 2: the input could not be read.",
    )
    source = verify.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="the document as PDF, or a PNG/JPEG photo/scan")
    source.add_argument("--hex", help="the seal's raw bytes in hexadecimal")
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CERT_OR_LIST",
        help="a signer certificate (PEM/DER) or a trust list (JSON) to trust "
        "as well; repeat for several; enough on a machine with no post",
    )
    verify.set_defaults(handler=_verify)


def _text(ctx: CliContext, code: str, **params: Any) -> str:
    return ctx.output.translator.text(code, None, params)


def _verify(args: argparse.Namespace, ctx: CliContext) -> None:
    given = [Path(path) for path in args.trust]
    if given and not site_file(ctx.data_dir).exists():
        service = VerificationService(GivenTrust(given))  # a verifier with no post of its own
    else:
        service = VerificationService(GivenTrust(given, ctx.services.keys))
    try:
        if args.hex is not None:
            reports = [service.verify_bytes(parse_hex(args.hex))]
        else:
            reports = service.verify_file(Path(args.file))
    except DomainError as error:
        if not error.code.startswith("verify."):
            raise
        ctx.output.fail(EXIT_BAD_INPUT, error.code, _text(ctx, error.code, **error.params))
    ctx.output.result(
        {
            "verdict": "valid" if all(r.valid for r in reports) else "invalid",
            "seals": [r.to_dict() for r in reports],
        },
        lambda: "\n\n".join(_describe(ctx, r, i, len(reports)) for i, r in enumerate(reports, 1)),
    )
    if not all(r.valid for r in reports):
        raise CliExit(EXIT_CHECK_FAILED)


def _describe(ctx: CliContext, report: SealReport, number: int, count: int) -> str:
    """Verdict first (what the officer acts on), then what the seal says."""
    title = f"Seal {number} of {count}" if count > 1 else "Seal"
    if report.source:
        title += f" ({report.source})"
    verdict = _text(ctx, report.code)
    if report.detail:
        verdict += f" (detail: {report.detail})"
    lines = [f"{title}: {verdict}"]
    if report.signer is not None:
        lines += [
            f"  profile        {report.profile}",
            f"  issuing state  {report.issuing_country}",
            f"  signer         {report.signer}, certificate reference {report.cert_ref}",
            f"  issued         {report.issue_date}   signed {report.signature_date}",
        ]
    if report.expires_on:
        lines.append(f"  expires        {report.expires_on}")
    if report.post_code:
        lines.append(f"  issuing post   {report.post_code}")
    for index, line in enumerate(report.mrz):
        lines.append(f"  {'MRZ' if index == 0 else '':<15}{line}")
    if report.printed_mrz_matches is not None:
        lines.append(
            "  printed MRZ    "
            + ("matches the seal" if report.printed_mrz_matches else "DIFFERS from the seal")
        )
    if report.civil is not None:
        lines += _certified(report.civil)
    if report.printed_register_number_matches is not None:
        lines.append(
            "  printed number "
            + (
                "matches the seal (names and dates: compare them with the lines above)"
                if report.printed_register_number_matches
                else "DIFFERS from the seal"
            )
        )
    return "\n".join(lines)


def _name(mrz_name: str) -> str:
    """``MUELLER<LUEDENSCHEID<<ZOE`` -> ``MUELLER LUEDENSCHEID, ZOE`` (as the seal carries it)."""
    primary, _, secondary = mrz_name.partition("<<")
    return ", ".join(p.replace("<", " ") for p in (primary, secondary) if p)


def _certified(civil: CivilSealContent) -> list[str]:
    """The facts a civil-registration certificate's seal certifies (docs/vds-profiles.md)."""
    lines = [
        f"  certificate    {CERTIFICATE_NAMES[civil.certificate_type]}",
        f"  register no.   {civil.register_number}",
        f"  event date     {civil.event_date}   registered {civil.registered_on}",
        f"  person         {_name(civil.principal)}",
    ]
    if civil.second_person:
        lines.append(f"  spouse         {_name(civil.second_person)}")
    lines += [
        f"  event country  {civil.place_country}",
        f"  annotations    {civil.annotations} on the entry when issued",
    ]
    return lines
