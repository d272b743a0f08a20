"""The query mix: what officers type into the registry search box, fixed by a seed.

Shapes (counts in :data:`SHAPES`):

* ``prefix_2``, ``prefix_3_4``, ``prefix_5_8``: the first letters of a surname, as typed while
  the result list narrows (common surnames come up more often, as they do at a counter);
* ``surname``: a whole surname as written, in lower, upper or title case;
* ``unaccented``: a surname with accents typed without them (``muller``) or in its ICAO/MRZ
  spelling (``MUELLER``, ``PENXXA``, ``SOEREN``);
* ``cyrillic``: a Russian or Ukrainian surname typed in Latin (``ivanova``), sometimes pasted
  in Cyrillic;
* ``surname_given``: surname and given name of a registered person, in either order;
* ``given_surname_prefix``: a given name and the start of the surname (``anna mül``);
* ``compound``: double, hyphenated and particle surnames (``garcía peña``, ``van der meer``);
* ``born``: a surname (sometimes with the given name) and the person's birth year or month;
* ``rare_combination``: a common surname with a common given name of another origin;
* ``typo``: a registered person's surname with a misspelt given name (a common surname
  joined with a term that matches nobody: the costliest shape for an index join);
* ``no_match``: words that match no name, alone or after a common surname.

Queries built from a registered person carry its id: the search must return it unless the
result is truncated (more than the limit matched).
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from benchmarks.generator import NameForm, icao_typed, name_form, strip_accents
from benchmarks.names import ORIGINS, Origin
from workstation.domain.dates import PartialDate
from workstation.domain.name_search import fold, name_tokens, query_terms

SHAPES: Final[dict[str, int]] = {
    "prefix_2": 30,
    "prefix_3_4": 40,
    "prefix_5_8": 40,
    "surname": 50,
    "unaccented": 30,
    "cyrillic": 30,
    "surname_given": 60,
    "given_surname_prefix": 30,
    "compound": 20,
    "born": 40,
    "rare_combination": 20,
    "typo": 20,
    "no_match": 20,
}

_RARE_STARTS: Final = ("qx", "xz", "zq", "jq", "vq", "qj", "xj", "wq", "zx", "kx")


@dataclass(frozen=True, slots=True)
class Query:
    shape: str
    text: str
    born: PartialDate | None = None
    expect_id: int | None = None  # a registered person the search must find (if not truncated)
    expect_none: bool = False  # nothing may match

    def describe(self) -> str:
        if self.born is None:
            return repr(self.text)
        month = f"-{self.born.month:02d}" if self.born.month else ""
        return f"{self.text!r} born {self.born.year}{month}"


@dataclass(frozen=True, slots=True)
class Registered:
    """A person read back from the generated registry, to build queries that must find them."""

    id: int
    surname: str
    given_names: str
    surname_latin: str
    given_names_latin: str
    birth_year: int
    birth_month: int | None


def read_sample(path: Path, persons: int, rng: random.Random, count: int) -> list[Registered]:
    ids = rng.sample(range(1, persons + 1), min(count, persons))
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        placeholders = ",".join("?" * len(ids))
        rows = conn.execute(
            "SELECT id, surname, given_names, surname_latin, given_names_latin, birth_year, "
            f"birth_month FROM persons WHERE id IN ({placeholders})",
            ids,
        ).fetchall()
    by_id = {row[0]: Registered(*row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def _case(text: str, rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.6:
        return text.lower()
    if draw < 0.8:
        return text.upper()
    return text


def _typed(form: NameForm, rng: random.Random) -> str:
    """How an officer types a name: mostly the Latin form, accents kept or dropped."""
    base = form.written if form.written == form.latin or rng.random() < 0.15 else form.latin
    if form.written != form.latin and base == form.written:
        return base  # Cyrillic or Chinese characters, pasted as they are
    draw = rng.random()
    if draw < 0.7:
        return _case(base, rng)
    if draw < 0.9:
        return _case(strip_accents(base), rng)
    return icao_typed(base).lower()


def _longest_word(text: str) -> str:
    words = text.replace("-", " ").replace("'", " ").split()
    return max(words, key=len) if words else text


def _typo(word: str, rng: random.Random) -> str:
    """A misspelling whose search key differs from the original's."""
    for _ in range(20):
        chars = list(word)
        if len(chars) < 3:
            chars.append(rng.choice("qxz"))
        else:
            i = rng.randrange(1, len(chars) - 1)
            if rng.random() < 0.5:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            else:
                chars[i] = rng.choice("bdfgkmpqtvxz")
        candidate = "".join(chars)
        if fold(candidate) != fold(word):
            return candidate
    return word + "q"


class QueryMixBuilder:
    """Builds the deterministic query mix from the name pools and a sample of the registry."""

    def __init__(self, sample: Sequence[Registered], seed: int) -> None:
        self._rng = random.Random(seed)
        self._sample = list(sample)
        self._compound = [p for p in self._sample if len(query_terms(p.surname_latin)) > 1]
        self._weights = [o.weight for o in ORIGINS]
        self._known = self._known_tokens()

    @staticmethod
    def _known_tokens() -> frozenset[str]:
        tokens: set[str] = set()
        for origin in ORIGINS:
            for entry in (
                *origin.surnames,
                *origin.male,
                *origin.female,
                *origin.given_prefix_male,
                *origin.given_prefix_female,
            ):
                for female in (False, True):
                    form = name_form(origin, entry, female, native=False)
                    tokens |= name_tokens(form.written, form.latin)
        return frozenset(tokens)

    def _origin(self, only: Sequence[str] = ()) -> Origin:
        origins = [o for o in ORIGINS if not only or o.key in only]
        return self._rng.choices(origins, weights=[o.weight for o in origins])[0]

    def _pool_surname(self, origin: Origin, top: int | None = None) -> NameForm:
        rng = self._rng
        names = origin.surnames[:top] if top else origin.surnames
        weights = [1.0 / (rank + 1) for rank in range(len(names))]
        entry = rng.choices(names, weights=weights)[0]
        return name_form(origin, entry, rng.random() < 0.5, native=False)

    def _pool_given(self, origin: Origin, top: int = 10) -> NameForm:
        rng = self._rng
        female = rng.random() < 0.5
        names = (origin.female if female else origin.male)[:top]
        return name_form(origin, rng.choice(names), female, native=False)

    def _person(self, pool: Sequence[Registered] | None = None) -> Registered:
        return self._rng.choice(pool or self._sample)

    @staticmethod
    def _forms(person: Registered) -> tuple[NameForm, NameForm]:
        return (
            NameForm(person.surname, person.surname_latin),
            NameForm(person.given_names, person.given_names_latin),
        )

    def _first_given(self, person: Registered) -> NameForm:
        written = person.given_names.split()
        latin = person.given_names_latin.split()
        if not written or not latin:
            return NameForm("", "")
        index = self._rng.randrange(min(len(written), len(latin)))
        return NameForm(written[index], latin[index])

    def _surname_word(self, person: Registered) -> NameForm:
        written, latin = person.surname.split(), person.surname_latin.split()
        if len(written) == len(latin) and len(written) > 1:
            index = self._rng.randrange(len(written))
            return NameForm(written[index], latin[index])
        return NameForm(person.surname, person.surname_latin)

    # -- shapes ------------------------------------------------------------------------------

    def _prefix(self, shortest: int, longest: int) -> Query:
        rng = self._rng
        while True:
            word = _longest_word(_typed(self._pool_surname(self._origin()), rng))
            length = rng.randint(shortest, longest)
            if len(word) < length:
                continue
            text = word[:length]
            if query_terms(text):
                shape = {2: "prefix_2", 3: "prefix_3_4", 5: "prefix_5_8"}[shortest]
                return Query(shape, text)

    def prefix_2(self) -> Query:
        return self._prefix(2, 2)

    def prefix_3_4(self) -> Query:
        return self._prefix(3, 4)

    def prefix_5_8(self) -> Query:
        return self._prefix(5, 8)

    def surname(self) -> Query:
        return Query("surname", _typed(self._pool_surname(self._origin()), self._rng))

    def unaccented(self) -> Query:
        rng = self._rng
        while True:
            form = self._pool_surname(self._origin())
            if form.written == form.latin and not form.latin.isascii():
                break
        text = strip_accents(form.latin) if rng.random() < 0.5 else icao_typed(form.latin)
        return Query("unaccented", _case(text, rng))

    def cyrillic(self) -> Query:
        form = self._pool_surname(self._origin(("russian", "ukrainian")))
        text = form.written if self._rng.random() < 0.2 else _case(form.latin, self._rng)
        return Query("cyrillic", text)

    def surname_given(self) -> Query:
        person = self._person()
        surname = _typed(self._surname_word(person), self._rng)
        given = _typed(self._first_given(person), self._rng)
        text = f"{surname} {given}" if self._rng.random() < 0.7 else f"{given} {surname}"
        return Query("surname_given", text.strip(), expect_id=person.id)

    def given_surname_prefix(self) -> Query:
        rng = self._rng
        person = self._person()
        surname = _longest_word(_typed(self._surname_word(person), rng))
        given = _typed(self._first_given(person), rng)
        text = f"{given} {surname[: rng.randint(3, 4)]}".strip()
        return Query("given_surname_prefix", text, expect_id=person.id)

    def compound(self) -> Query:
        rng = self._rng
        person = self._person(self._compound)
        surname, _ = self._forms(person)
        text = _typed(surname, rng)
        if rng.random() < 0.3:
            text = f"{text} {_typed(self._first_given(person), rng)}"
        return Query("compound", text, expect_id=person.id)

    def born(self) -> Query:
        rng = self._rng
        person = self._person()
        text = _typed(self._surname_word(person), rng)
        if rng.random() < 0.3:
            text = f"{text} {_typed(self._first_given(person), rng)}"
        month = person.birth_month if rng.random() < 0.3 else None
        return Query("born", text, PartialDate(person.birth_year, month), expect_id=person.id)

    def rare_combination(self) -> Query:
        rng = self._rng
        first = self._origin()
        while True:
            second = self._origin()
            if second.key != first.key:
                break
        surname = _typed(self._pool_surname(first, top=5), rng)
        given = _typed(self._pool_given(second), rng)
        return Query("rare_combination", f"{surname} {given}")

    def typo(self) -> Query:
        rng = self._rng
        person = self._person()
        surname = _typed(self._surname_word(person), rng)
        given = _typo(_typed(self._first_given(person), rng) or "anna", rng)
        return Query("typo", f"{surname} {given}")

    def _nonsense(self) -> str:
        rng = self._rng
        while True:
            word = rng.choice(_RARE_STARTS) + "".join(
                rng.choice("aeioubdgklmnprstvz") for _ in range(rng.randint(1, 5))
            )
            key = fold(word)
            if key and not any(token.startswith(key) for token in self._known):
                return word

    def no_match(self) -> Query:
        rng = self._rng
        if rng.random() < 0.5:
            return Query("no_match", self._nonsense(), expect_none=True)
        surname = _typed(self._pool_surname(self._origin(), top=5), rng)
        return Query("no_match", f"{surname} {self._nonsense()}", expect_none=True)

    def build(self, scale: float = 1.0) -> list[Query]:
        """Every shape, ``SHAPES[shape] * scale`` times, interleaved in a fixed order."""
        makers: dict[str, Callable[[], Query]] = {shape: getattr(self, shape) for shape in SHAPES}
        queries = [
            makers[shape]()
            for shape, count in SHAPES.items()
            for _ in range(max(1, round(count * scale)))
        ]
        self._rng.shuffle(queries)
        return queries


def build_query_mix(path: Path, persons: int, seed: int, scale: float = 1.0) -> list[Query]:
    """The query mix for the registry at ``path`` (``persons`` persons), fixed by ``seed``."""
    rng = random.Random(seed)
    sample = read_sample(path, persons, rng, 2000)
    return QueryMixBuilder(sample, seed).build(scale)


def like_subset(queries: Sequence[Query], count: int) -> list[Query]:
    """Single-word queries without a birth date, evenly spread over the mix: the ones a plain
    ``LIKE '%term%'`` can answer at all."""
    single = [q for q in queries if q.born is None and len(q.text.split()) == 1]
    if len(single) <= count:
        return single
    step = len(single) / count
    return [single[int(i * step)] for i in range(count)]
