"""``consular keys status|request|import|export-trust|import-trust``: the post's signing keys."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext
from workstation.domain.errors import DomainError, PermissionDeniedError

PASSPHRASE_ENV = "CONSULAR_KEY_PASSPHRASE"


def register(commands: Any) -> None:
    keys = commands.add_parser("keys", help="document-signing keys and trust list")
    actions = keys.add_subparsers(dest="keys_command", required=True)
    status = actions.add_parser("status", help="signer, certificate reference, validity")
    status.set_defaults(handler=_status)
    request = actions.add_parser(
        "request",
        help="new signer key and a CSR for the country's "
        f"signing CA (administrators; passphrase from ${PASSPHRASE_ENV})",
    )
    request.add_argument("--country", required=True, help="2-letter country code, e.g. UT")
    request.add_argument("--signer-code", required=True, help="2 characters naming this signer")
    request.add_argument("--out", required=True, help="where to write the CSR (PEM)")
    request.add_argument("--officer", required=True)
    request.set_defaults(handler=_request)
    take = actions.add_parser("import", help="the signer certificate the CA issued")
    take.add_argument("certificate")
    take.add_argument("--ca", help="the country signing CA certificate (PEM or DER)")
    take.add_argument("--officer", required=True)
    take.set_defaults(handler=_import)
    export = actions.add_parser(
        "export-trust", help="our CA and signer certificates, for verifiers elsewhere"
    )
    export.add_argument("--out", required=True)
    export.set_defaults(handler=_export)
    trust = actions.add_parser("import-trust", help="add a trust list (partners, ministry)")
    trust.add_argument("file")
    trust.add_argument("--officer", required=True)
    trust.set_defaults(handler=_import_trust)


def passphrase() -> str:
    """The key passphrase from CONSULAR_KEY_PASSPHRASE or a prompt."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise PermissionDeniedError("keys.passphrase_required", "passphrase")
    return getpass.getpass("Key passphrase: ")


def _read(path: str, field: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise DomainError("file.unreadable", field, path=path, reason=str(error)) from None


def _status(args: argparse.Namespace, ctx: CliContext) -> None:
    status = ctx.services.keys.status()
    data = {
        "signer": status.signer,
        "cert_ref": status.cert_ref,
        "not_after": status.not_after.isoformat() if status.not_after else None,
        "csca": status.csca_subject,
        "pending_request": status.pending_request,
        "trusted_signers": status.trusted_signers,
    }
    ctx.output.result(
        data,
        lambda: "\n".join(
            [
                f"signer        {status.signer or '(none)'} reference {status.cert_ref or '-'}",
                f"valid until   {status.not_after or '-'}",
                f"signing CA    {status.csca_subject or '(not known)'}",
                f"trust list    {status.trusted_signers} signer certificate(s)",
            ]
            + (
                ["a certificate request is waiting for the CA's answer"]
                if status.pending_request
                else []
            )
        ),
    )


def _request(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    pem = ctx.services.keys.request(officer, args.country, args.signer_code, passphrase())
    Path(args.out).write_bytes(pem)
    ctx.output.result(
        {"csr": args.out},
        lambda: (
            f"Certificate request written to {args.out}: "
            "send it to the country signing CA, then 'consular keys import'."
        ),
    )


def _import(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    identity = ctx.services.keys.import_certificate(
        officer,
        _read(args.certificate, "certificate"),
        passphrase(),
        _read(args.ca, "ca") if args.ca else None,
    )
    ctx.output.result(
        {"signer": identity.signer, "cert_ref": identity.cert_ref},
        lambda: f"Signer {identity.signer}, reference {identity.cert_ref}: in use.",
    )


def _export(args: argparse.Namespace, ctx: CliContext) -> None:
    Path(args.out).write_bytes(ctx.services.keys.export_trust())
    ctx.output.result({"trust_list": args.out}, lambda: f"Trust list written to {args.out}")


def _import_trust(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    merged = ctx.services.keys.import_trust(officer, _read(args.file, "file"))
    signers = sorted(f"{s}:{r}" for s, r in merged.signers)
    ctx.output.result(
        {"trusted_signers": signers}, lambda: "Trusted signers: " + ", ".join(signers)
    )
