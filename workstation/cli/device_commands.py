"""``consular devices`` and ``consular chip read|encode|verify``: the devices from a terminal,
for scripting and for support staff."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from devices.smartcard import AccessKey
from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_CHECK_FAILED, CliExit
from workstation.config import load_site_config, with_devices
from workstation.domain.errors import DomainError
from workstation.domain.officers import Permission
from workstation.paths import site_file
from workstation.services.chip import ChipReading, ChipReport
from workstation.services.device_inventory import Inventory


def register(commands: Any) -> None:
    devices = commands.add_parser(
        "devices", help="readers (and cards present), print queues and cameras, with state"
    )
    devices.set_defaults(handler=_devices)
    settings = devices.add_subparsers(dest="devices_command")
    use = settings.add_parser(
        "use",
        help="choose the devices of this workstation (saved in site.toml; administrators)",
    )
    for role in ("card-printer", "a4-printer", "reader", "camera"):
        use.add_argument(
            f"--{role}",
            metavar="NAME",
            help='a print queue, "folder:NAME", a reader or camera name; "" clears it',
        )
    use.add_argument("--officer", required=True)
    use.set_defaults(handler=_use)

    chip = commands.add_parser("chip", help="read an ePassport/eID chip; encode or verify a card")
    actions = chip.add_subparsers(dest="chip_command", required=True)
    read = actions.add_parser(
        "read",
        help="read an ICAO chip with BAC (keys from the MRZ): prints DG1, writes the DG2 portrait",
    )
    keys = read.add_mutually_exclusive_group(required=True)
    keys.add_argument("--mrz", nargs="+", metavar="LINE", help="the MRZ lines, as printed")
    keys.add_argument("--number", help="document number (then --birth and --expiry)")
    read.add_argument("--birth", help="birth date YYMMDD")
    read.add_argument("--expiry", help="expiry date YYMMDD")
    read.add_argument("--photo-out", help="write the chip portrait (JPEG or JPEG 2000) here")
    read.add_argument("--reader", help="reader name or part of it (default: the set-up one)")
    read.set_defaults(handler=_read)
    encode = actions.add_parser(
        "encode", help="write a consular ID card's chip, read it back and verify it"
    )
    encode.add_argument("document_id", type=int)
    encode.add_argument("--reader")
    encode.add_argument("--officer", required=True)
    encode.set_defaults(handler=_encode)
    verify = actions.add_parser(
        "verify", help="read a consular ID card's chip and verify its signed data (exit 0 valid)"
    )
    verify.add_argument("--reader")
    verify.set_defaults(handler=_verify)


def _inventory_data(inventory: Inventory) -> dict[str, Any]:
    return {
        "status": [
            {"kind": s.kind.value, "state": s.state.value, "name": s.name, "code": s.code}
            for s in inventory.statuses
        ],
        "readers": [
            {"name": r.name, "card_present": r.card_present, "atr": r.atr}
            for r in inventory.readers
        ],
        "print_queues": [
            {
                "name": q.name,
                "state": q.state,
                "message": q.message,
                "default": q.is_default,
                "role": q.role,
            }
            for q in inventory.queues
        ],
        "cameras": list(inventory.cameras),
        "problems": [{"part": part, "code": code} for part, code in inventory.problems],
    }


def _inventory_text(inventory: Inventory, ctx: CliContext) -> str:
    tr = ctx.output.translator
    lines = ["status:"]
    for s in inventory.statuses:
        reason = f" ({tr.text(s.code, None, {})})" if s.code else ""
        lines.append(f"  {s.kind.value:<13} {s.state.value:<15} {s.name or '-'}{reason}")
    lines.append("readers:")
    lines += [
        f"  {r.name}: " + (f"card present (ATR {r.atr})" if r.card_present else "no card")
        for r in inventory.readers
    ] or ["  none"]
    lines.append("print queues:")
    lines += [
        f"  {q.name}: {q.state}"
        + (" (default)" if q.is_default else "")
        + (f", used for {q.role}" if q.role else "")
        + (f" - {q.message}" if q.message else "")
        for q in inventory.queues
    ] or ["  none"]
    lines.append("cameras:")
    lines += [f"  {c}" for c in inventory.cameras] or ["  none"]
    lines += [
        f"could not list {part}: {tr.text(code, None, {})}" for part, code in inventory.problems
    ]
    return "\n".join(lines)


def _devices(args: argparse.Namespace, ctx: CliContext) -> None:
    inventory = ctx.services.devices.inventory()
    ctx.output.result(_inventory_data(inventory), lambda: _inventory_text(inventory, ctx))


def _use(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    officer.require(Permission.POST_CONFIGURE)
    changes = {
        key: value
        for key in ("card_printer", "a4_printer", "reader", "camera")
        if (value := getattr(args, key)) is not None
    }
    if not changes:
        raise DomainError("devices.nothing_to_change", "devices")
    path = site_file(ctx.data_dir)
    path.write_text(with_devices(path.read_text(encoding="utf-8"), changes), encoding="utf-8")
    config = load_site_config(path)  # refuses (and names the key) what the file cannot hold
    ctx.services.audit.record_event(
        officer, "devices.configured", "post", ctx.services.post.code, changes
    )
    chosen = {
        k: getattr(config.devices, k) for k in ("card_printer", "a4_printer", "reader", "camera")
    }
    ctx.output.result(
        chosen, lambda: "\n".join(f"{k.replace('_', ' ')}: {v or '-'}" for k, v in chosen.items())
    )


def _access_key(args: argparse.Namespace) -> AccessKey:
    if args.mrz:
        try:
            return AccessKey.from_mrz(tuple(args.mrz))
        except ValueError as error:
            raise DomainError("chip.mrz_unreadable", "mrz", reason=str(error)) from None
    if not (args.birth and args.expiry):
        raise DomainError("chip.keys_incomplete", "number")
    try:
        return AccessKey(args.number, args.birth, args.expiry)
    except ValueError as error:
        raise DomainError("chip.keys_invalid", "number", reason=str(error)) from None


def _reading_data(reading: ChipReading, photo_out: str | None) -> dict[str, Any]:
    mrz = reading.mrz
    return {
        "mrz": list(reading.mrz_lines),
        "document_code": mrz.data.document_code,
        "issuing_state": mrz.data.issuing_state,
        "document_number": mrz.data.document_number,
        "surname": mrz.data.primary_identifier,
        "given_names": mrz.data.secondary_identifier,
        "nationality": mrz.data.nationality,
        "birth_date": str(mrz.data.birth_date),
        "sex": str(mrz.data.sex),
        "expiry_date": str(mrz.data.expiry_date),
        "check_digits_valid": mrz.valid,
        "failed_check_digits": list(mrz.failed),
        "data_groups": list(reading.data_groups),
        "portrait": {
            "format": reading.portrait_format,
            "size": list(reading.portrait_size) if reading.portrait_size else None,
            "bytes": len(reading.portrait) if reading.portrait else 0,
            "written_to": photo_out,
        },
    }


def _read(args: argparse.Namespace, ctx: CliContext) -> None:
    key = _access_key(args)
    reading = ctx.services.chip.read_icao(key, args.reader)
    if args.photo_out and reading.portrait:
        Path(args.photo_out).write_bytes(reading.portrait)
    data = _reading_data(reading, args.photo_out if reading.portrait else None)
    ctx.output.result(
        data,
        lambda: "\n".join(
            [*reading.mrz_lines, ""]
            + [f"{k}: {v}" for k, v in data.items() if k not in ("mrz", "portrait")]
            + [
                f"portrait: {data['portrait']['format']} {data['portrait']['size']}"
                + (f" written to {args.photo_out}" if data["portrait"]["written_to"] else "")
            ]
        ),
    )


def _report_data(report: ChipReport) -> dict[str, Any]:
    return {
        "verdict": "valid" if report.valid else "invalid",
        "seal": report.seal.to_dict(),
        "portrait_bytes": report.portrait_bytes,
        "portrait_size": list(report.portrait_size) if report.portrait_size else None,
    }


def _report_text(report: ChipReport, ctx: CliContext) -> str:
    seal = report.seal
    lines = [
        ("VALID" if report.valid else "NOT VALID")
        + f": {ctx.output.translator.text(seal.code, None, {'detail': seal.detail or ''})}",
        f"  signer {seal.issuing_country}/{seal.signer} ref {seal.cert_ref}, "
        f"signed {seal.signature_date}",
        *(f"  {line}" for line in seal.mrz),
        f"  portrait: {report.portrait_bytes} bytes"
        + (
            f", {report.portrait_size[0]} x {report.portrait_size[1]} px"
            if report.portrait_size
            else ", not an image"
        ),
    ]
    return "\n".join(lines)


def _encode(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    report = ctx.services.chip.encode(officer, args.document_id, args.reader)
    ctx.output.result(_report_data(report), lambda: _report_text(report, ctx))


def _verify(args: argparse.Namespace, ctx: CliContext) -> None:
    report = ctx.services.chip.verify(args.reader)
    ctx.output.result(_report_data(report), lambda: _report_text(report, ctx))
    if not report.valid:
        raise CliExit(EXIT_CHECK_FAILED)
