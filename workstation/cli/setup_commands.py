"""``consular init``, ``info``, ``db upgrade|status`` and ``officer add|list``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from workstation import __version__
from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_CONFLICT
from workstation.config import (
    DEMO_DEVICES,
    is_time_zone,
    load_site_config,
    render_site_config,
)
from workstation.domain.document_kinds import DEFAULT_KINDS
from workstation.domain.errors import DomainError, PermissionDeniedError
from workstation.domain.officers import Role
from workstation.domain.posts import Post
from workstation.paths import default_database_url, site_file
from workstation.services.accounts import AccountService
from workstation.services.clock import SystemClock
from workstation.services.keys import DEMO_KEY_PASSPHRASE, KeyService
from workstation.services.setup import DEMO_ACCOUNTS, DEMO_POST, NewAccount, SetupService
from workstation.storage import open_database
from workstation.storage.migrate import current_revision, head_revision, upgrade

NEW_PASSWORD_ENV = "CONSULAR_NEW_PASSWORD"


def register(commands: Any) -> None:
    init = commands.add_parser("init", help="initialise a post in the data folder")
    init.add_argument(
        "--demo",
        action="store_true",
        help="demo post (ICAO specimen state UTO) and demo accounts, no questions",
    )
    init.add_argument(
        "--existing-ok",
        action="store_true",
        help="do nothing (exit 0) when the data folder is initialised already",
    )
    init.add_argument(
        "--database-url",
        help="PostgreSQL URL for a consulate network (default: SQLite in the data folder)",
    )
    for name in ("post-code", "state", "name", "city", "country", "time-zone"):
        init.add_argument(f"--{name}")
    init.add_argument(
        "--admin",
        help="user name of the first administrator (not with --demo); "
        f"password from ${NEW_PASSWORD_ENV} or a prompt",
    )
    init.add_argument("--admin-name", default="", help="full name of the administrator")
    init.set_defaults(handler=_init)

    info = commands.add_parser("info", help="version, database and post")
    info.set_defaults(handler=_info)

    db = commands.add_parser("db", help="database schema").add_subparsers(
        dest="db_command", required=True
    )
    db_upgrade = db.add_parser("upgrade", help="apply pending migrations")
    db_upgrade.set_defaults(handler=_db_upgrade)
    db_status = db.add_parser("status", help="current and latest schema revision")
    db_status.set_defaults(handler=_db_status)

    officer = commands.add_parser("officer", help="officer accounts").add_subparsers(
        dest="officer_command", required=True
    )
    add = officer.add_parser(
        "add",
        help=f"create an account (administrators); password from ${NEW_PASSWORD_ENV} or a prompt",
    )
    add.add_argument("username")
    add.add_argument("--full-name", required=True)
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help="repeat for several roles",
    )
    add.add_argument("--officer", required=True, help="the administrator acting")
    add.set_defaults(handler=_officer_add)
    listing = officer.add_parser("list", help="list accounts (administrators)")
    listing.add_argument("--officer", required=True)
    listing.set_defaults(handler=_officer_list)


def _new_password(prompt: str) -> str:
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise PermissionDeniedError("auth.password_missing", "password")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise DomainError("password.mismatch", "password")
    return first


def _init(args: argparse.Namespace, ctx: CliContext) -> None:
    site = site_file(ctx.data_dir)
    if site.exists():
        if args.existing_ok:
            config = load_site_config(site)
            ctx.output.result(
                {"initialised": False, "post": config.post.code, "data_dir": str(ctx.data_dir)},
                lambda: f"Already initialised: post {config.post.code} in {ctx.data_dir}",
            )
            return
        ctx.output.fail(
            EXIT_CONFLICT,
            "post.already_initialised",
            f"{site} exists: this data folder is initialised already",
        )
    if args.demo:
        post, accounts = DEMO_POST, list(DEMO_ACCOUNTS)
    else:
        missing = [
            n
            for n in ("post_code", "state", "name", "city", "time_zone", "admin")
            if not getattr(args, n)
        ]
        if missing:
            raise DomainError("field.required", missing[0].replace("_", "-"))
        post = Post.create(
            args.post_code,
            args.state,
            args.name,
            args.city,
            args.country or "",
            args.time_zone,
            is_time_zone,
        )
        accounts = [
            NewAccount(
                args.admin,
                args.admin_name or args.admin,
                frozenset({Role.ADMIN}),
                _new_password(f"Password for {args.admin}: "),
            )
        ]
    ctx.data_dir.mkdir(parents=True, exist_ok=True)
    url = args.database_url or default_database_url(ctx.data_dir)
    clock = SystemClock()
    db = open_database(url)
    signer = None
    try:
        stored = SetupService(db, clock, AccountService(db, clock)).initialise(
            post, DEFAULT_KINDS, accounts
        )
        if args.demo:
            # A demo post makes its own signing CA; a real one asks its country's CA
            # ('consular keys request', then 'consular keys import').
            signer = KeyService(db, clock, stored, ctx.data_dir).create_demo_keys()
    finally:
        db.close()
    # The configuration is written last: a failed initialisation leaves no half-set-up folder.
    site.write_text(
        render_site_config(post, args.database_url, DEMO_DEVICES if args.demo else None),
        encoding="utf-8",
    )
    data = {
        "initialised": True,
        "data_dir": str(ctx.data_dir),
        "database": url if not args.database_url else "(configured URL)",
        "post": post.code,
        **(
            {
                "signer": signer.signer,
                "cert_ref": signer.cert_ref,
                "key_passphrase": DEMO_KEY_PASSPHRASE,
            }
            if signer
            else {}
        ),
        "accounts": [
            {
                "username": a.username,
                "roles": sorted(r.value for r in a.roles),
                **({"password": a.password} if args.demo else {}),
            }
            for a in accounts
        ],
    }

    def text() -> str:
        lines = [f"Initialised post {post.code} ({post.name}, {post.city}) in {ctx.data_dir}"]
        if args.demo:
            lines.append("Demo accounts (user name / password):")
            lines += [
                f"  {a.username:<11} {a.password:<18} {', '.join(sorted(a.roles))}"
                for a in accounts
            ]
        if signer:
            lines.append(
                f"Demo signing keys: signer {signer.signer}, certificate {signer.cert_ref}, "
                f"key passphrase {DEMO_KEY_PASSPHRASE} (CONSULAR_KEY_PASSPHRASE)"
            )
        return "\n".join(lines)

    ctx.output.result(data, text)


def _info(args: argparse.Namespace, ctx: CliContext) -> None:
    services = ctx.services
    with services.db.reading() as uow:
        persons = uow.persons.count()
        audit_last, _hash = uow.audit.head()
    post = services.post
    data = {
        "version": __version__,
        "data_dir": str(ctx.data_dir),
        "database": {
            "url": services.db.url,
            "backend": services.db.backend,
            "revision": current_revision(services.db.engine),
        },
        "post": {
            "code": post.code,
            "issuing_state": post.issuing_state,
            "name": post.name,
            "city": post.city,
            "country": post.country,
            "time_zone": post.time_zone,
        },
        "persons": persons,
        "audit_entries": audit_last,
    }
    ctx.output.result(
        data,
        lambda: "\n".join(
            [
                f"consular {__version__}",
                f"data folder   {ctx.data_dir}",
                f"database      {services.db.url} ({services.db.backend}, schema "
                f"{data['database']['revision']})",  # type: ignore[index]
                f"post          {post.code}: {post.name}, {post.city} (issuing state "
                f"{post.issuing_state}, {post.time_zone})",
                f"persons       {persons}",
                f"audit entries {audit_last}",
            ]
        ),
    )


def _database_url(ctx: CliContext) -> str:
    return load_site_config(site_file(ctx.data_dir)).database_url


def _db_upgrade(args: argparse.Namespace, ctx: CliContext) -> None:
    db = open_database(_database_url(ctx), migrate=False)
    try:
        before = current_revision(db.engine)
        upgrade(db.engine)
        after = current_revision(db.engine)
    finally:
        db.close()
    ctx.output.result(
        {"from": before, "to": after}, lambda: f"Database schema: {before} -> {after}"
    )


def _db_status(args: argparse.Namespace, ctx: CliContext) -> None:
    db = open_database(_database_url(ctx), migrate=False)
    try:
        current, head = current_revision(db.engine), head_revision(db.engine)
    finally:
        db.close()
    ctx.output.result(
        {"current": current, "head": head, "up_to_date": current == head},
        lambda: (
            f"schema {current}, latest {head}"
            + ("" if current == head else " (run 'consular db upgrade')")
        ),
    )


def _officer_add(args: argparse.Namespace, ctx: CliContext) -> None:
    actor = ctx.sign_in(args.officer)
    password = _new_password(f"Password for {args.username}: ")
    officer = ctx.services.accounts.create_officer(
        actor, args.username, args.full_name, {Role(r) for r in args.role}, password
    )
    ctx.output.result({"id": officer.id, "username": officer.username}, lambda: str(officer.id))


def _officer_list(args: argparse.Namespace, ctx: CliContext) -> None:
    actor = ctx.sign_in(args.officer)
    officers = ctx.services.accounts.list_officers(actor)
    ctx.output.result(
        [
            {
                "id": o.id,
                "username": o.username,
                "full_name": o.full_name,
                "roles": sorted(r.value for r in o.roles),
                "active": o.active,
            }
            for o in officers
        ],
        lambda: "\n".join(
            f"{o.id:>4}  {o.username:<12} {o.full_name:<24} "
            f"{', '.join(sorted(o.roles))}{'' if o.active else '  (disabled)'}"
            for o in officers
        ),
    )
