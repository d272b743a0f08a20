"""``consular photo check|attach|list|export``: portraits from files, checked against ICAO.

``check`` needs no post: it reads the thresholds from the site configuration when there is
one (``[photo]`` in site.toml) and uses the ICAO defaults otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_CHECK_FAILED, CliExit
from workstation.config import load_site_config
from workstation.domain.errors import DomainError
from workstation.domain.portrait import CheckCode, CheckResult, PortraitThresholds
from workstation.paths import site_file
from workstation.services.photos import parse_check_code
from workstation.services.portrait_processing import PortraitProcessor, PortraitReport


def register(commands: Any) -> None:
    photo = commands.add_parser(
        "photo", help="portraits: check a photo, keep it with a person, compare"
    ).add_subparsers(dest="photo_command", required=True)
    check = photo.add_parser(
        "check",
        help="every ICAO check with its value and threshold; writes the processed portrait "
        "(also when not compliant, to look at); exit 0 only when compliant (6 when not, 2 "
        "when the image is unreadable)",
    )
    check.add_argument("image")
    check.add_argument("--out", help="write the print portrait (JPEG) here")
    check.add_argument("--chip-out", help="write the chip portrait (JPEG) here")
    check.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="same as consular --json"
    )
    check.set_defaults(handler=_check)
    attach = photo.add_parser(
        "attach", help="keep a photo and its processed portrait with a person; prints its id"
    )
    attach.add_argument("person_id", type=int)
    attach.add_argument("image")
    add_override_option(attach)
    attach.add_argument("--document", type=int, help="also make it this request's portrait")
    attach.add_argument("--officer", required=True)
    attach.set_defaults(handler=_attach)
    listing = photo.add_parser("list", help="a person's portraits, newest first, with checks")
    listing.add_argument("person_id", type=int)
    listing.add_argument("--officer", required=True)
    listing.set_defaults(handler=_list)
    export = photo.add_parser("export", help="write a stored portrait's original and outputs")
    export.add_argument("portrait_id", type=int)
    export.add_argument("--original", help="the photo as it was given")
    export.add_argument("--portrait", help="the print portrait")
    export.add_argument("--chip", help="the chip portrait")
    export.add_argument("--officer", required=True)
    export.set_defaults(handler=_export)


def add_override_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--override",
        action="append",
        default=[],
        metavar="CHECK=JUSTIFICATION",
        help="accept a failed check (not face_count) with a justification; repeatable",
    )


def parse_overrides(items: Sequence[str]) -> dict[CheckCode, str]:
    """``CHECK=JUSTIFICATION`` options as a mapping, or a coded error naming the bad one."""
    overrides: dict[CheckCode, str] = {}
    for item in items:
        code, sep, text = item.partition("=")
        if not sep:
            raise DomainError("photo.override_malformed", "override", value=item)
        overrides[parse_check_code(code)] = text
    return overrides


def read_image(path: str, field: str = "photo") -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise DomainError("file.unreadable", field, path=path, reason=str(error)) from None


def check_lines(ctx: CliContext, checks: Sequence[CheckResult]) -> list[str]:
    """One line per check: verdict, what it is, the value measured and the threshold."""
    tr = ctx.output.translator
    lines = []
    for c in checks:
        value = "-" if c.value is None else f"{c.value:g}"
        label = tr.text(f"photo.check.{c.code.value}", None, {})
        line = f"{'PASS' if c.passed else 'FAIL'}  {label:<38} {value:>9}  ({c.threshold})"
        if c.reason:
            line += f"  {tr.text(c.reason, None, {})}"
        lines.append(line)
    return lines


def _settings(ctx: CliContext) -> tuple[PortraitThresholds, str]:
    path = site_file(ctx.data_dir)
    if not path.exists():
        return PortraitThresholds(), "UTC"
    config = load_site_config(path)
    return config.photo, config.post.time_zone


def _check(args: argparse.Namespace, ctx: CliContext) -> None:
    if getattr(args, "json", False):
        ctx.output.json_mode = True
    content = read_image(args.image, "image")
    thresholds, zone = _settings(ctx)
    today = dt.datetime.now(ZoneInfo(zone)).date()
    report = PortraitProcessor(thresholds).process(content, today)
    written = _write_outputs(report, args.out, args.chip_out)
    data: dict[str, Any] = {**report.as_dict(), "written": written}
    ctx.output.result(data, lambda: _report_text(ctx, report, written))
    if not report.compliant:
        raise CliExit(EXIT_CHECK_FAILED)


def _write_outputs(report: PortraitReport, out: str | None, chip_out: str | None) -> list[str]:
    portrait = report.portrait
    written = []
    if portrait is not None:
        for path, content in ((out, portrait.print_jpeg), (chip_out, portrait.chip_jpeg)):
            if path:
                Path(path).write_bytes(content)
                written.append(path)
    return written


def _report_text(ctx: CliContext, report: PortraitReport, written: list[str]) -> str:
    lines = check_lines(ctx, report.checks)
    verdict = "COMPLIANT" if report.compliant else "NOT COMPLIANT: " + ", ".join(report.failed)
    lines.append(verdict)
    if report.portrait is not None:
        w, h = report.portrait.print_size
        cw, ch = report.portrait.chip_size
        lines.append(
            f"portrait {w}x{h} ({len(report.portrait.print_jpeg)} bytes), chip {cw}x{ch} "
            f"({len(report.portrait.chip_jpeg)} bytes, quality {report.portrait.chip_quality})"
        )
    lines += [f"written: {path}" for path in written]
    return "\n".join(lines)


def _attach(args: argparse.Namespace, ctx: CliContext) -> None:
    content = read_image(args.image)
    overrides = parse_overrides(args.override)
    officer = ctx.sign_in(args.officer)
    portrait_id = ctx.services.photos.capture_for_person(
        officer, args.person_id, content, overrides, document_id=args.document
    )
    ctx.output.result({"id": portrait_id}, lambda: str(portrait_id))


def _list(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    records = ctx.services.photos.for_person(officer, args.person_id)
    data = [
        {
            "id": r.id,
            "document_id": r.document_id,
            "officer_id": r.officer_id,
            "created_at": r.created_at.isoformat(),
            "captured_at": r.captured_at.isoformat() if r.captured_at else None,
            "compliant": r.compliant,
            "checks": [c.as_dict() for c in r.checks],
            "overrides": [
                {"code": o.check.code.value, "justification": o.justification} for o in r.overrides
            ],
        }
        for r in records
    ]

    def text() -> str:
        lines = []
        for r in records:
            overridden = ", ".join(f"{o.check.code.value} ({o.justification})" for o in r.overrides)
            lines.append(
                f"{r.id:>5}  {r.created_at:%Y-%m-%d %H:%M}  "
                f"{'compliant' if r.compliant else 'overridden: ' + overridden}"
                + (f"  document {r.document_id}" if r.document_id else "")
            )
        return "\n".join(lines) or "no portraits"

    ctx.output.result(data, text)


def _export(args: argparse.Namespace, ctx: CliContext) -> None:
    officer = ctx.sign_in(args.officer)
    images = ctx.services.photos.images(officer, args.portrait_id)
    written = []
    for path, content in (
        (args.original, images.original),
        (args.portrait, images.print_jpeg),
        (args.chip, images.chip_jpeg),
    ):
        if path:
            Path(path).write_bytes(content)
            written.append(path)
    ctx.output.result({"written": written}, lambda: "\n".join(written))
