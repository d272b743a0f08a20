"""``consular person add|update|show|search``.

``person update ID FILE`` takes the whole record, as ``person add`` does (a field left out is
emptied), so ``person show --json`` output edited in place is accepted as it is (its ``id`` must
be the person's; its ``documents`` are output only and ignored). The Latin forms are stored as
given: correcting a name, edit its ``*_latin`` field too or leave it out to have it made from
the written name again. ``--expect FILE`` (the
``show --json`` output the edit started from) makes the update refuse, exit 5 and nothing
written, when someone changed the record in between.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext
from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError, FieldError, ValidationError
from workstation.domain.people import Person
from workstation.domain.person_validation import person_from_mapping, person_to_mapping
from workstation.services.clock import local_date
from workstation.services.persons import SearchResult


def register(commands: Any) -> None:
    person = commands.add_parser("person", help="the person registry").add_subparsers(
        dest="person_command", required=True
    )
    add = person.add_parser(
        "add", help="add a person from a JSON file ('-' for stdin); prints the new id"
    )
    add.add_argument("file")
    add.add_argument("--officer", required=True)
    add.set_defaults(handler=_add)
    update = person.add_parser(
        "update",
        help="correct a person's record from a JSON file ('-' for stdin): the whole record, "
        "as 'person add' takes it or 'person show --json' prints it (a *_latin field left "
        "out is made from the written name again)",
    )
    update.add_argument("id", type=int)
    update.add_argument("file")
    update.add_argument("--officer", required=True)
    update.add_argument(
        "--expect",
        metavar="FILE",
        help="the record as 'person show --json' printed it before the edit: refuse (exit 5) "
        "if it has changed since",
    )
    update.set_defaults(handler=_update)
    show = person.add_parser("show", help="one person's record")
    show.add_argument("id", type=int)
    show.set_defaults(handler=_show)
    search = person.add_parser(
        "search", help="any part of any name; case, accents and transliteration do not matter"
    )
    search.add_argument("term")
    search.add_argument("--born", help="birth date or year: YYYY, YYYY-MM or YYYY-MM-DD")
    search.add_argument("--limit", type=int, default=50)
    search.set_defaults(handler=_search)


def read_json(file: str, field: str = "file") -> Any:
    """The JSON document in ``file`` (``-`` = stdin), or a coded error naming the file."""
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DomainError("file.unreadable", field, path=file, reason=str(error)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DomainError(
            "file.not_json", field, path=file, line=error.lineno, reason=error.msg
        ) from None


def _add(args: argparse.Namespace, ctx: CliContext) -> None:
    data = read_json(args.file)
    officer = ctx.sign_in(args.officer)
    person_id = ctx.services.persons.add(officer, data)
    ctx.output.result({"id": person_id}, lambda: str(person_id))


def _without_output_fields(data: Any) -> Any:
    """``person show --json`` output as input: its document list is not part of the record."""
    if isinstance(data, dict):
        return {key: value for key, value in data.items() if key != "documents"}
    return data


def _expected(file: str, person_id: int, ctx: CliContext) -> Person:
    """The record the edit started from, read from ``--expect FILE``; its problems are
    reported at ``expect.<field>``."""
    data = _without_output_fields(read_json(file, "expect"))
    problems: list[FieldError] = []
    if isinstance(data, dict) and data.get("id") not in (None, person_id):
        mismatch = {"value": data["id"], "id": person_id}
        problems.append(FieldError("expect.id", "person.id_mismatch", mismatch))
    services = ctx.services
    today = local_date(services.clock, services.post.time_zone)
    try:
        expected = person_from_mapping(data, today, person_id)
    except ValidationError as error:
        problems += [
            FieldError(f"expect.{p.field}" if p.field else "expect", p.code, p.params)
            for p in error.errors
        ]
        raise ValidationError(problems) from None
    if problems:
        raise ValidationError(problems)
    return expected


def _update(args: argparse.Namespace, ctx: CliContext) -> None:
    data = _without_output_fields(read_json(args.file))
    expected = _expected(args.expect, args.id, ctx) if args.expect else None
    officer = ctx.sign_in(args.officer)
    person = ctx.services.persons.update(officer, args.id, data, expected)
    ctx.output.result(person_to_mapping(person), lambda: f"{person.id} {person.display_name}")


def _show(args: argparse.Namespace, ctx: CliContext) -> None:
    person = ctx.services.persons.get(args.id)
    data = person_to_mapping(person)
    documents = ctx.services.documents.for_person(args.id)
    data["documents"] = [
        {"id": d.id, "kind": d.kind, "state": d.state.value, "number": d.number} for d in documents
    ]

    def text() -> str:
        lines = [
            f"{person.display_name}  (id {person.id})",
            f"  as written     {person.surname}, {person.given_names}",
            f"  sex            {person.sex.value}",
            f"  born           {person.birth_date}  {person.place_of_birth} "
            f"{person.country_of_birth}".rstrip(),
            f"  nationality    {person.nationality}",
        ]
        lines += [
            f"  {i.kind.value:<14} {i.number} {i.issuer}".rstrip() for i in person.identifiers
        ]
        if not person.address.is_empty:
            address = ", ".join(
                [
                    *person.address.lines,
                    person.address.postcode,
                    person.address.city,
                    person.address.country,
                ]
            )
            lines.append(f"  address        {address}")
        if person.phone or person.email:
            lines.append(f"  contact        {person.phone} {person.email}".rstrip())
        lines += [
            f"  document {d.id:<5} {d.kind} {d.state.value} {d.number or ''}".rstrip()
            for d in documents
        ]
        return "\n".join(lines)

    ctx.output.result(data, text)


def _search(args: argparse.Namespace, ctx: CliContext) -> None:
    born = PartialDate.parse(args.born, "born") if args.born else None
    result: SearchResult = ctx.services.persons.search(args.term, born, args.limit)
    data = {
        "terms": list(result.terms),
        "truncated": result.truncated,
        "results": [
            {
                "id": h.person.id,
                "name": h.person.display_name,
                "surname": h.person.surname,
                "given_names": h.person.given_names,
                "birth_date": h.person.birth_date.isoformat(),
                "nationality": h.person.nationality,
                "rank": h.rank,
            }
            for h in result.hits
        ],
    }

    def text() -> str:
        if not result.hits:
            return "No person found."
        lines = [
            f"{h.person.id:>8}  {h.person.display_name:<40} {h.person.birth_date!s:<10} "
            f"{h.person.nationality}"
            for h in result.hits
        ]
        if result.truncated:
            lines.append(
                f"(more than {len(result.hits)} found: type more of the name or add --born)"
            )
        return "\n".join(lines)

    ctx.output.result(data, text)
