"""The MRZ name field: ``PRIMARY<<SECONDARY<NAMES`` and its truncation (ICAO Doc 9303 Part 3/4/5).

The name is the one MRZ field whose content may not fit; Doc 9303 lets the issuing State truncate
it but requires that the ``<<`` separator and at least the first letter of the secondary identifier
survive, and that nothing is truncated when the name fits. The examples of Parts 4 and 5 show more
than one way of doing it for the same name (see ``tests/vectors/mrz.json``), so the method is a
parameter:

* :attr:`NameTruncation.COMPONENTS` (default): shorten name components from the right, each to its
  first letter, until the name fits, then give the room left back to the shortened components one
  letter at a time, left to right. Every component keeps at least its initial, which matters more
  for matching a person than the tail of one long component.
  (``NILAVADHANANANDA<<CHAYAPA<DE<K``.)
* :attr:`NameTruncation.CUT`: shorten primary components from the right to their initials only
  until ``<<`` and a letter of the secondary identifier fit, then cut the field at its end.
  (``BENNELONG<WOOLOOMOOLOO<WARRANDYTE<W<<DI``.) Where that does not fill the field up to a
  final letter, or there is no secondary identifier, COMPONENTS is used: a truncated field must
  be full and end with a letter, since that is how a reader knows the name may be longer.

Pure string functions: the inputs are already MRZ characters (see ``transliteration``).
"""

from __future__ import annotations

from enum import StrEnum

from workstation.domain.errors import DomainError

__all__ = ["NameTruncation", "build_name_field", "is_truncation_of", "split_name_field"]


class NameTruncation(StrEnum):
    """How a name that does not fit is shortened (both follow Doc 9303 examples)."""

    COMPONENTS = "components"
    CUT = "cut"


def _join(primary: list[str], secondary: list[str]) -> str:
    name = "<".join(primary)
    return f"{name}<<{'<'.join(secondary)}" if secondary else name


def _components(text: str) -> list[str]:
    return [part for part in text.split("<") if part]


def _last_resort(primary: list[str], secondary: list[str], width: int) -> str:
    """Every component but the first is an initial and the name still does not fit.

    The first primary component is cut (down to one letter), then later initials are dropped,
    never the first of the secondary identifier: the field ends with a letter.
    """
    excess = len(_join(primary, secondary)) - width
    primary[0] = primary[0][: max(1, len(primary[0]) - excess)]
    while len(_join(primary, secondary)) > width and (len(secondary) > 1 or len(primary) > 1):
        (secondary if len(secondary) > 1 else primary).pop()
    return _join(primary, secondary)


def _truncate_components(primary: list[str], secondary: list[str], width: int) -> str:
    """COMPONENTS method: initials from the right, then the spare room back from the left."""
    full = primary + secondary
    kept = list(full)
    p_count = len(primary)
    reduced: list[int] = []

    def length() -> int:
        return len(_join(kept[:p_count], kept[p_count:]))

    # The first primary component is never reduced to an initial: it is the surname.
    for index in range(len(kept) - 1, 0, -1):
        if length() <= width:
            break
        kept[index] = kept[index][0]
        reduced.insert(0, index)
    if length() > width:
        return _last_resort(kept[:p_count], kept[p_count:], width)
    spare = width - length()
    while spare > 0:
        grown = False
        for index in reduced:
            if spare > 0 and len(kept[index]) < len(full[index]):
                kept[index] = full[index][: len(kept[index]) + 1]
                spare -= 1
                grown = True
        if not grown:
            break
    return _join(kept[:p_count], kept[p_count:])


def _truncate_cut(primary: list[str], secondary: list[str], width: int) -> str:
    """CUT method: make room for ``<<`` and one letter, then cut the field at its end."""
    kept = list(primary)
    index = len(kept) - 1
    while len("<".join(kept)) + 3 > width and index > 0:
        kept[index] = kept[index][0]
        index -= 1
    head = "<".join(kept)[: width - 3].rstrip("<")
    name = f"{head}<<{'<'.join(secondary)}"[:width]
    # A truncated name fills its field and ends with a letter, or a reader cannot tell it was
    # truncated: where the cut does not give that, fall back.
    if len(name) < width or name.endswith("<"):
        return _truncate_components(primary, secondary, width)
    return name


def build_name_field(
    primary: str,
    secondary: str,
    width: int,
    truncation: NameTruncation = NameTruncation.COMPONENTS,
) -> str:
    """The name field of ``width`` characters, truncated only when the name does not fit.

    ``primary`` and ``secondary`` are MRZ characters (``VAN<DER<MUELLEN``, ``ANNA<MARIA``); an
    empty ``secondary`` (a person with one name) leaves the field as the primary identifier alone.

    Raises:
        DomainError: ``mrz.primary_identifier.empty`` when there is no primary identifier.
    """
    p_parts, s_parts = _components(primary), _components(secondary)
    if not p_parts:
        raise DomainError("mrz.primary_identifier.empty", "primary_identifier")
    name = _join(p_parts, s_parts)
    if len(name) > width:
        if truncation is NameTruncation.CUT and s_parts:
            name = _truncate_cut(p_parts, s_parts, width)
        else:
            name = _truncate_components(p_parts, s_parts, width)
    return name.ljust(width, "<")


def split_name_field(field: str) -> tuple[str, str]:
    """``(primary, secondary)`` read from a name field, components separated by ``<``.

    A single ``<`` inside an identifier separates its components; trailing fillers are dropped.
    """
    primary, _, secondary = field.rstrip("<").partition("<<")
    return primary.strip("<"), secondary.strip("<")


def is_truncation_of(field: str, primary: str, secondary: str) -> bool:
    """True when ``field`` is a name field Doc 9303 allows for the (MRZ-character) name.

    Every component written must be the start of the matching component of the name, in order,
    and the ``<<`` and the first letter of the secondary identifier must be there when the name
    has one. Used to check a truncated name against the full one.
    """
    got_primary, got_secondary = split_name_field(field)
    if secondary and not got_secondary:
        return False
    pairs = [(_components(got_primary), _components(primary))]
    pairs.append((_components(got_secondary), _components(secondary)))
    for got, full in pairs:
        if len(got) > len(full):
            return False
        if not all(whole.startswith(part) for part, whole in zip(got, full, strict=False)):
            return False
    return bool(got_primary)
