"""``consular person add|show|search``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workstation.cli.context import CliContext
from workstation.domain.dates import PartialDate
from workstation.domain.errors import DomainError
from workstation.domain.person_validation import person_to_mapping
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
