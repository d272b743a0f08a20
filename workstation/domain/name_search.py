"""Search keys for the person registry: any part of any name, whatever the spelling.

An officer must find a person by any part of any of their names, without caring about case,
accents or transliteration: ``MÜLLER``, ``MUELLER`` and ``MULLER`` are the same search, so are
``Peña`` and ``PENXXA``, and a Cyrillic name is found by its Latin form.

Every name part is reduced by :func:`fold` to a key of ``A``-``Z`` and ``0``-``9`` only. The
storage keeps one row per (key, person) and looks keys up by prefix with the range
``key >= term AND key < prefix_upper_bound(term)``; keys must be compared in byte (``"C"``)
order, which for these characters is also the order of the usual collations.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Final

from workstation.domain.transliteration import (
    DROPPED_MARKS,
    MRZ_SEPARATORS,
    to_mrz_chars_lenient,
)

__all__ = [
    "FOLD_RULES",
    "fold",
    "match_rank",
    "name_tokens",
    "prefix_upper_bound",
    "query_terms",
]

FOLD_RULES: Final[tuple[tuple[str, str], ...]] = (
    ("NXX", "N"),  # ICAO form of Ñ (PEÑA = PENXXA = PENA)
    ("AE", "A"),  # Ä, Æ (MAERTENS = MARTENS)
    ("OE", "O"),  # Ö, Ø, Œ (SOEREN = SOREN)
    ("UE", "U"),  # Ü (MUELLER = MULLER)
)
"""Replacements applied, in order, to the transliterated key; then doubled letters collapse."""

_DOUBLED_LETTER: Final = re.compile(r"([A-Z])\1+")
_NAME_SPLIT: Final = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(MRZ_SEPARATORS | DROPPED_MARKS)) + r"\s]+"
)
_KEY_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_BEYOND_Z: Final = chr(ord("Z") + 1)  # "[", the ASCII character after "Z"


def _apply_fold_rules(key: str) -> str:
    """Apply :data:`FOLD_RULES` and collapse doubled letters until nothing changes."""
    while True:
        folded = key
        for old, new in FOLD_RULES:
            folded = folded.replace(old, new)
        folded = _DOUBLED_LETTER.sub(r"\1", folded)
        if folded == key:
            return folded
        key = folded


def fold(text: str) -> str:
    """The search key of one word: upper-case ``A``-``Z`` and ``0``-``9`` only.

    Steps:

    1. transliterate with the ICAO Doc 9303 tables (:mod:`workstation.domain.transliteration`):
       Latin letters lose their accents, ``ß`` -> ``SS``, ``Æ`` -> ``AE``, ``Ø`` -> ``OE``,
       ``Þ`` -> ``TH``, ``Ñ`` -> ``NXX``, Cyrillic and Arabic letters take their ICAO form;
       characters without a rule are skipped (a search must never fail on odd input);
    2. drop everything but letters and digits (spaces, hyphens, apostrophes ...);
    3. replace ``NXX`` -> ``N``, ``AE`` -> ``A``, ``OE`` -> ``O``, ``UE`` -> ``U``
       (:data:`FOLD_RULES`), then collapse every run of one letter into a single letter
       (``LL`` -> ``L``, so ``AA`` from ``Å`` -> ``A`` and ``SS`` from ``ß`` -> ``S``), and
       repeat until nothing changes (so ``fold(fold(x)) == fold(x)``).

    Hence ``Müller``, ``MUELLER``, ``MULLER`` and ``muller`` all give ``MULER``; ``Straße``,
    ``STRASSE`` and ``STRASE`` give ``STRASE``; ``Ångström``, ``AANGSTROEM`` and ``ANGSTROM``
    give ``ANGSTROM``; ``Юлия`` and ``IULIIA`` give ``IULIA``.

    The folding is deliberately coarse: distinct names may meet (``SAMUEL`` and ``SAMUL``,
    ``HASAN`` and ``HASSAN``). That is acceptable because the stored tokens and the typed query
    both go through this same function: a search finds a few more candidates, never fewer.
    """
    key = "".join(c for c in to_mrz_chars_lenient(text) if c != "<")
    return _apply_fold_rules(key)


def _split(text: str) -> list[str]:
    """Name parts of ``text``, split on spaces, hyphens, apostrophes, commas and full stops."""
    return [part for part in _NAME_SPLIT.split(text) if part]


def name_tokens(*names: str) -> frozenset[str]:
    """The search tokens of a person: the folded parts of every name given.

    Pass every form of every name (as written and its Latin form, former names ...). Each name
    is split on spaces, hyphens, apostrophes and commas, and every non-empty folded part is a
    token; a compound name also gives the folded concatenation of its parts, so
    ``"Müller-Lüdenscheid"`` is found by ``MULLER``, ``LUDENSCHEID`` and ``MULLERLUDENSCHEID``.

    Characters that no transliteration rule covers (for example Chinese characters) are skipped
    and never raise: a name written only in such characters gives no token, and the person is
    found through the other forms of the name.
    """
    tokens: set[str] = set()
    for name in names:
        parts = _split(name)
        tokens.update(fold(part) for part in parts)
        if len(parts) > 1:
            tokens.add(fold("".join(parts)))
    tokens.discard("")
    return frozenset(tokens)


def query_terms(text: str) -> tuple[str, ...]:
    """The folded terms of what the officer typed, split like names, without empties or repeats.

    >>> query_terms("müller, Peña müller")
    ('MULER', 'PENA')
    """
    terms: dict[str, None] = {}
    for part in _split(text):
        term = fold(part)
        if term:
            terms.setdefault(term)
    return tuple(terms)


def prefix_upper_bound(term: str) -> str:
    """The exclusive upper bound of the keys that start with ``term``.

    Every key that starts with ``term`` is ``>= term`` and ``< prefix_upper_bound(term)``, and no
    other key of ``A``-``Z``/``0``-``9`` is in that range. The last character that is not ``Z``
    is replaced by the next one in ``0``-``9``, ``A``-``Z`` order and what follows it dropped:
    ``"MUL"`` -> ``"MUM"``, ``"MUZ"`` -> ``"MV"``, ``"M9"`` -> ``"MA"``. A term of ``Z`` only
    (or empty) has no bound within the key alphabet: the result is then ``"["``, the ASCII
    character after ``Z``, which is above every key in byte order.

    Raises:
        ValueError: ``term`` holds a character other than ``A``-``Z`` and ``0``-``9``.
    """
    if not set(term) <= set(_KEY_ALPHABET):
        raise ValueError(f"search terms are made of A-Z and 0-9, got {term!r}")
    stem = term.rstrip("Z")
    if not stem:
        return _BEYOND_Z
    following = _KEY_ALPHABET[_KEY_ALPHABET.index(stem[-1]) + 1]
    return stem[:-1] + following


def match_rank(terms: Sequence[str], tokens: Collection[str]) -> int | None:
    """How well a person's ``tokens`` match the query ``terms``; lower is better.

    Both sides must come from this module (:func:`query_terms`, :func:`name_tokens`).

    * ``None``: no match, some term is a prefix of no token (or there are no terms at all);
    * ``0``: every term equals a token;
    * ``1``: every term starts a token, at least one only as a prefix.

    Terms are matched independently, so two terms may match the same token.
    """
    if not terms:
        return None
    rank = 0
    for term in terms:
        if term in tokens:
            continue
        if not any(token.startswith(term) for token in tokens):
            return None
        rank = 1
    return rank
