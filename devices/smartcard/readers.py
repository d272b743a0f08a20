"""Discover PC/SC readers and report whether the configured one is usable.

pyscard is imported lazily, inside the functions, for two reasons: importing
``devices`` must not fail on a machine without pyscard or libpcsclite (a
registry-only workstation has no reader), and that situation has to become a
status (``pcsc.library_missing``) the status bar can show, not a crash at start-up.

pyscard ships no type information; it is reached through ``importlib`` and the
few values we use are narrowed explicitly, so mypy --strict stays meaningful.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

from devices.errors import DeviceError
from devices.status import DeviceKind, DeviceState, DeviceStatus

__all__ = ["list_readers", "probe_reader", "select_reader"]


def _import_pyscard(name: str) -> ModuleType:
    """Import a pyscard module, turning absence into ``pcsc.library_missing``.

    ImportError covers both "pyscard not installed" and "its compiled extension
    cannot load libpcsclite / winscard".
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise DeviceError("pcsc.library_missing", f"cannot import {name}: {exc}") from exc


def _pyscard_exception_types() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """Return (pyscard errors meaning "PC/SC service not reachable", all pyscard errors).

    ``EstablishContextException`` is what pyscard raises when pcscd (Linux/macOS)
    or the Windows "Smart Card" service is not running; the CardService*
    exceptions are raised when the service goes away while listing readers.
    """
    pcsc_exc = _import_pyscard("smartcard.pcsc.PCSCExceptions")
    sc_exc = _import_pyscard("smartcard.Exceptions")
    service_down: tuple[type[Exception], ...] = (
        pcsc_exc.EstablishContextException,
        sc_exc.CardServiceNotFoundException,
        sc_exc.CardServiceStoppedException,
    )
    any_pyscard: tuple[type[Exception], ...] = (
        pcsc_exc.BaseSCardException,
        sc_exc.SmartcardException,
    )
    return service_down, any_pyscard


def list_readers() -> list[str]:
    """Return the names of the PC/SC readers currently connected.

    An empty list means the PC/SC service answered and no reader is plugged in.

    Raises:
        DeviceError: ``pcsc.library_missing`` if pyscard cannot be imported,
            ``pcsc.service_unavailable`` if the PC/SC service (pcscd) is not
            running, ``pcsc.list_failed`` for any other PC/SC failure.
    """
    system = _import_pyscard("smartcard.System")
    service_down, any_pyscard = _pyscard_exception_types()
    try:
        readers: object = system.readers()
    except service_down as exc:
        raise DeviceError("pcsc.service_unavailable", f"{type(exc).__name__}: {exc}") from exc
    except any_pyscard as exc:
        raise DeviceError("pcsc.list_failed", f"{type(exc).__name__}: {exc}") from exc
    if not isinstance(readers, list):
        raise DeviceError("pcsc.list_failed", f"unexpected readers() result: {readers!r}")
    # pyscard Reader objects stringify to the PC/SC reader name.
    return [str(reader) for reader in readers]


def select_reader(readers: Sequence[str], configured: str | None) -> str | None:
    """Pick the reader to use among ``readers``.

    ``configured`` ``None`` (or blank) means "the first reader": most stations
    have exactly one. Otherwise an exact name wins, then a case-insensitive
    substring: PC/SC names carry a slot suffix (``"... 00 00"``, ``"... 01 00"``)
    that changes with the USB port and plug order, so the settings store a stable
    fragment such as ``"OMNIKEY 5422"``.
    """
    if configured is None or not configured.strip():
        return readers[0] if readers else None
    if configured in readers:
        return configured
    wanted = configured.strip().casefold()
    for reader in readers:
        if wanted in reader.casefold():
            return reader
    return None


def probe_reader(configured: str | None) -> DeviceStatus:
    """Report whether the configured reader (or any reader if ``None``) is usable.

    Never raises for expected conditions: missing library, stopped service or
    unplugged reader become statuses, because the status bar must show *why*
    rather than lose the reader indicator.
    """
    kind = DeviceKind.READER
    try:
        readers = list_readers()
    except DeviceError as exc:
        return DeviceStatus(kind, DeviceState.UNAVAILABLE, configured, exc.code, exc.detail)
    if not readers:
        return DeviceStatus(
            kind, DeviceState.ABSENT, None, "pcsc.no_reader", "PC/SC service lists no reader"
        )
    chosen = select_reader(readers, configured)
    if chosen is None:
        return DeviceStatus(
            kind,
            DeviceState.ABSENT,
            None,
            "pcsc.reader_not_found",
            f"no reader matches {configured!r}; connected: {', '.join(readers)}",
        )
    return DeviceStatus(kind, DeviceState.READY, chosen, None)
