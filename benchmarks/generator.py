"""A deterministic generator of registry persons, and the SQLite file it is cached in.

Rows are what the application itself would write: the ``persons`` columns as
:meth:`PersonRepository.add <workstation.storage.repositories.persons.PersonRepository.add>`
fills them and one ``person_name_tokens`` row per token of
``name_tokens(*person.name_forms())``. They are inserted with SQLAlchemy Core ``executemany``
batches into a database made by the application's own migrations and initialised as the demo
post, so the file is a registry the workstation can open.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import hashlib
import json
import random
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, Final

from argon2 import PasswordHasher
from sqlalchemy import insert

from benchmarks.names import EMAIL_DOMAINS, HOST_CITIES, HOST_STREETS, ORIGINS, Origin
from workstation.domain.dates import PartialDate
from workstation.domain.document_kinds import DEFAULT_KINDS
from workstation.domain.name_search import name_tokens
from workstation.domain.people import Person, Sex
from workstation.domain.transliteration import to_latin, to_mrz_chars_lenient
from workstation.services.accounts import AccountService
from workstation.services.setup import DEMO_ACCOUNTS, DEMO_POST, SetupService
from workstation.storage import Database, open_database
from workstation.storage.models import PersonNameTokenRow, PersonRow

GENERATOR_VERSION: Final = 2  # 2: search keys carry the birth year (schema 0003)
"""Bump when the generated rows change: the cached files are keyed by it."""

DEFAULT_SEED: Final = 20261125
BATCH_PERSONS: Final = 20_000
SURNAME_ZIPF: Final = 1.0
GIVEN_ZIPF: Final = 0.8
FIRST_CREATED: Final = dt.datetime(2019, 3, 4, 8, 0, tzinfo=dt.UTC)
REFERENCE_YEAR: Final = 2025

# Argon2 at its cheapest: the demo accounts are never used to sign in here.
_FAST_HASHER: Final = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class FixedClock:
    """A clock standing still at the benchmark's "now" (every call one microsecond later)."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)):
        self._now = start

    def now(self) -> dt.datetime:
        self._now += dt.timedelta(microseconds=1)
        return self._now


def initialise_demo_post(db: Database) -> None:
    """Make ``db`` the demo post (post record, document kinds, series, demo accounts)."""
    clock = FixedClock()
    accounts = AccountService(db, clock, _FAST_HASHER)
    SetupService(db, clock, accounts).initialise(DEMO_POST, DEFAULT_KINDS, DEMO_ACCOUNTS)


def strip_accents(text: str) -> str:
    """``Müller`` -> ``Muller``, ``Łódź`` -> ``Lodz``: how a name is typed on a plain keyboard."""
    special = {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "œ": "oe",
        "Œ": "OE",
    }
    text = "".join(special.get(c, c) for c in text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def icao_typed(text: str) -> str:
    """The ICAO (MRZ) spelling of ``text`` as words: ``Müller`` -> ``MUELLER``, ``Peña`` ->
    ``PENXXA``, ``Иванов`` -> ``IVANOV``: what an officer copies from a passport's MRZ."""
    return " ".join(to_mrz_chars_lenient(text).replace("<", " ").split())


class _Pool:
    """Names drawn with Zipf weights: the first names of the list are the common ones."""

    def __init__(self, names: Sequence[str], exponent: float) -> None:
        self.names = tuple(names)
        self._cumulative = list(
            accumulate(1.0 / (rank + 1) ** exponent for rank in range(len(self.names)))
        )

    def pick(self, rng: random.Random) -> str:
        point = rng.random() * self._cumulative[-1]
        return self.names[min(bisect.bisect_right(self._cumulative, point), len(self.names) - 1)]


@dataclass(frozen=True, slots=True)
class NameForm:
    written: str  # as the holder writes it (any script)
    latin: str  # the Latin form stored in *_latin


@cache
def _cyrillic_latin(text: str) -> str:
    return to_latin(text, "surname")


def name_form(origin: Origin, entry: str, female: bool, native: bool) -> NameForm:
    """The written and Latin form of a pool ``entry`` for a person of this sex.

    ``male/female`` entries give the gendered form, ``latin=native`` entries are written in
    the native script when ``native`` (Chinese characters) and always have that Latin form;
    Cyrillic is transliterated with the application's :func:`to_latin`.
    """
    if "/" in entry:
        male_form, female_form = entry.split("/")
        entry = female_form if female else male_form
    elif female and origin.feminine is not None:
        entry = origin.feminine(entry)
    if "=" in entry:
        latin, native_form = entry.split("=")
        return NameForm(native_form if native else latin, latin)
    if origin.cyrillic:
        return NameForm(entry, _cyrillic_latin(entry))
    return NameForm(entry, entry)


def _join(parts: Sequence[NameForm], joiner: str) -> NameForm:
    return NameForm(joiner.join(p.written for p in parts), joiner.join(p.latin for p in parts))


@lru_cache(maxsize=1 << 19)
def cached_name_tokens(forms: tuple[str, ...]) -> frozenset[str]:
    """``name_tokens(*forms)``, memoised: the same names come back over and over."""
    return name_tokens(*forms)


@dataclass(frozen=True, slots=True)
class GeneratedPerson:
    person: Person
    origin: str
    row: dict[str, Any]
    tokens: tuple[str, ...]  # sorted, as the repository writes them


class PersonGenerator:
    """Persons 1..N, the same for the same seed whatever N (person ``i`` never changes)."""

    def __init__(self, seed: int = DEFAULT_SEED) -> None:
        self._rng = random.Random(seed)
        self._origins = ORIGINS
        self._origin_cumulative = list(accumulate(o.weight for o in ORIGINS))
        self._surnames = {o.key: _Pool(o.surnames, SURNAME_ZIPF) for o in ORIGINS}
        self._male = {o.key: _Pool(o.male, GIVEN_ZIPF) for o in ORIGINS}
        self._female = {o.key: _Pool(o.female, GIVEN_ZIPF) for o in ORIGINS}
        self._next_id = 1

    def _origin(self) -> Origin:
        point = self._rng.random() * self._origin_cumulative[-1]
        index = min(bisect.bisect_right(self._origin_cumulative, point), len(self._origins) - 1)
        return self._origins[index]

    def _surname(self, origin: Origin, female: bool, native: bool) -> NameForm:
        rng = self._rng
        pool = self._surnames[origin.key]
        first = name_form(origin, pool.pick(rng), female, native)
        if origin.double_surname and rng.random() < origin.double_surname:
            second_entry = pool.pick(rng)
            second = name_form(origin, second_entry, female, native)
            if second.latin != first.latin:
                return _join((first, second), origin.double_joiner)
        return first

    def _given(self, origin: Origin, female: bool, native: bool) -> NameForm:
        rng = self._rng
        pool = self._female[origin.key] if female else self._male[origin.key]
        parts: list[NameForm] = []
        prefixes = origin.given_prefix_female if female else origin.given_prefix_male
        if prefixes and rng.random() < origin.given_prefix_share:
            parts.append(name_form(origin, rng.choice(prefixes), False, native))
        parts.append(name_form(origin, pool.pick(rng), False, native))
        if origin.second_given and rng.random() < origin.second_given:
            second = name_form(origin, pool.pick(rng), False, native)
            if second.latin != parts[-1].latin:
                parts.append(second)
        if (
            origin.patronymic_rule is not None
            and origin.patronymic_fathers
            and rng.random() < origin.patronymic
        ):
            father = rng.choice(origin.patronymic_fathers)
            parts.append(name_form(origin, origin.patronymic_rule(father, female), False, native))
        return _join(parts, origin.given_joiner)

    def _birth_date(self) -> PartialDate:
        rng = self._rng
        age = int(rng.betavariate(2.2, 3.0) * 98)
        year = REFERENCE_YEAR - age
        kind = rng.random()
        if kind < 0.07:
            return PartialDate(year)
        month = rng.randint(1, 12)
        if kind < 0.10:
            return PartialDate(year, month)
        return PartialDate(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))

    def next(self) -> GeneratedPerson:
        rng = self._rng
        person_id = self._next_id
        self._next_id += 1
        origin = self._origin()
        sex_draw = rng.random()
        sex = (
            Sex.UNSPECIFIED if sex_draw < 0.003 else (Sex.FEMALE if sex_draw < 0.503 else Sex.MALE)
        )
        female = sex is Sex.FEMALE or (sex is Sex.UNSPECIFIED and rng.random() < 0.5)
        native = rng.random() < origin.native_share
        surname = self._surname(origin, female, native)
        given = self._given(origin, female, native)
        birth = self._birth_date()
        nationality = rng.choice(origin.nationalities)
        place_draw = rng.random()
        if place_draw < 0.75:
            place, country_of_birth = rng.choice(origin.cities), nationality
        elif place_draw < 0.87:
            place, country_of_birth = "Genève", "CHE"
        else:
            place, country_of_birth = "", ""
        person = Person(
            surname=surname.written,
            given_names=given.written,
            surname_latin=surname.latin,
            given_names_latin=given.latin,
            sex=sex,
            birth_date=birth,
            nationality=nationality,
            place_of_birth=place,
            country_of_birth=country_of_birth,
            id=person_id,
        )
        created = FIRST_CREATED + dt.timedelta(seconds=person_id * 53)
        row: dict[str, Any] = {
            "id": person_id,
            "surname": person.surname,
            "given_names": person.given_names,
            "surname_latin": person.surname_latin,
            "given_names_latin": person.given_names_latin,
            "sex": sex.value,
            "birth_year": birth.year,
            "birth_month": birth.month,
            "birth_day": birth.day,
            "place_of_birth": place,
            "country_of_birth": country_of_birth,
            "nationality": nationality,
            "address": self._address(),
            "phone": self._phone(),
            "email": self._email(given.latin, surname.latin),
            "created_at": created,
            "updated_at": created,
        }
        tokens = tuple(sorted(cached_name_tokens(person.name_forms())))
        return GeneratedPerson(person, origin.key, row, tokens)

    def _address(self) -> str:
        rng = self._rng
        if rng.random() < 0.15:
            lines: list[str] = []
            city = postcode = country = ""
        else:
            lines = [f"{rng.choice(HOST_STREETS)} {rng.randint(1, 140)}"]
            if rng.random() < 0.2:
                lines.append(
                    f"c/o {rng.choice(('Mission', 'Résidence', 'Foyer'))} {rng.randint(1, 9)}"
                )
            city, postcode = rng.choice(HOST_CITIES)
            country = "FRA" if postcode == "74100" else "CHE"
        # The repository's JSON layout (PersonRepository._address_json).
        return json.dumps(
            {"lines": lines, "city": city, "postcode": postcode, "country": country},
            ensure_ascii=False,
        )

    def _phone(self) -> str:
        rng = self._rng
        if rng.random() < 0.3:
            return ""
        return (
            f"+41 7{rng.choice('5689')} {rng.randint(100, 999)} "
            f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
        )

    def _email(self, given_latin: str, surname_latin: str) -> str:
        rng = self._rng
        if rng.random() < 0.55:
            return ""
        words = given_latin.split()[:1] + surname_latin.split()[-1:]
        local = ".".join(_email_word(w) for w in words)
        number = str(rng.randint(1, 99)) if rng.random() < 0.3 else ""
        return f"{local}{number}@{rng.choice(EMAIL_DOMAINS)}"

    def batches(self, count: int, size: int) -> Iterator[list[GeneratedPerson]]:
        """``count`` more persons, in lists of at most ``size``."""
        remaining = count
        while remaining > 0:
            take = min(size, remaining)
            yield [self.next() for _ in range(take)]
            remaining -= take


@cache
def _email_word(word: str) -> str:
    return "".join(c for c in strip_accents(word).lower() if c.isascii() and c.isalnum()) or "x"


def pool_fingerprint(seed: int) -> str:
    """A short hash of what the cached data depends on besides N: generator version, seed and
    the tokens the application derives from every pool name (so a change to the folding rules
    regenerates the data)."""
    digest = hashlib.sha256(f"{GENERATOR_VERSION}:{seed}".encode())
    for origin in ORIGINS:
        for entry in (*origin.surnames, *origin.male, *origin.female):
            for female in (False, True):
                for native in (False, True):
                    form = name_form(origin, entry, female, native)
                    tokens = sorted(name_tokens(form.written, form.latin))
                    digest.update(f"{form.written}|{form.latin}|{','.join(tokens)}\n".encode())
    return digest.hexdigest()[:10]


def dataset_path(data_dir: Path, persons: int, seed: int) -> Path:
    name = f"registry-{persons}-g{GENERATOR_VERSION}-s{seed}-{pool_fingerprint(seed)}.db"
    return data_dir / name


def metadata_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_sqlite(path: Path, persons: int, seed: int) -> None:
    """Generate ``persons`` persons into a new SQLite registry at ``path`` (written to a
    temporary name first, so an interrupted run leaves no half-made cache), and write the
    metadata next to it. Meant to run in a child process: its peak RSS is reported apart."""
    started = time.perf_counter()
    temporary = path.with_name(path.name + ".partial")
    _remove_sqlite_files(temporary)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{temporary}")
    tokens_written = 0
    try:
        initialise_demo_post(db)
        generator = PersonGenerator(seed)
        last_report = started
        with db.engine.connect() as conn:
            # Load-time settings on this connection only (outside a transaction, on the driver
            # connection); the file keeps the application's WAL mode.
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA cache_size=-524288")  # 512 MiB while loading
            done = 0
            for batch in generator.batches(persons, BATCH_PERSONS):
                token_rows = [
                    {"token": token, "person_id": g.row["id"], "birth_year": g.row["birth_year"]}
                    for g in batch
                    for token in g.tokens
                ]
                with conn.begin():
                    conn.execute(insert(PersonRow), [g.row for g in batch])
                    conn.execute(insert(PersonNameTokenRow), token_rows)
                done += len(batch)
                tokens_written += len(token_rows)
                now = time.perf_counter()
                if now - last_report > 15 or done == persons:
                    rate = done / (now - started)
                    print(
                        f"  generated {done:,}/{persons:,} persons, {tokens_written:,} tokens "
                        f"({rate:,.0f} persons/s)",
                        flush=True,
                    )
                    last_report = now
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    elapsed = time.perf_counter() - started
    temporary.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
    metadata = {
        "persons": persons,
        "tokens": tokens_written,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "generation_seconds": round(elapsed, 2),
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sqlite_bytes": path.stat().st_size,
        "python": sys.version.split()[0],
    }
    metadata_path(path).write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
