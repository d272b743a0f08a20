"""Card connections over PC/SC (pyscard), and one worker thread per reader.

Two layers:

* :class:`Transmitter` is the protocol every card flow is written against
  (``transmit(apdu) -> Response``): the flows in :mod:`devices.smartcard.chip` and
  :mod:`devices.smartcard.icao` run on any object with that method, which keeps
  them testable and free of pyscard.
* :class:`PcscConnection` is the pyscard implementation; :class:`PcscReader` runs a
  whole operation (connect, the flow, disconnect) on the reader's single
  :class:`~devices.worker.DeviceWorker` thread and hands back a ``Future``. PC/SC
  handles are not thread-safe and a card session (secure messaging counters, the
  selected file) must not interleave with another one: one thread per reader gives
  both for free.

Failures become :class:`~devices.errors.DeviceError`: ``card.absent`` (no card in the
reader), ``card.removed`` (the card went away during the operation),
``pcsc.no_reader`` / ``pcsc.reader_not_found``, ``pcsc.service_unavailable``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from types import TracebackType
from typing import Protocol, TypeVar

from devices.errors import DeviceError
from devices.smartcard.apdu import Response
from devices.smartcard.readers import _import_pyscard, list_readers, select_reader
from devices.worker import DeviceWorker

__all__ = ["PcscConnection", "PcscReader", "Transmitter", "connect"]

_log = logging.getLogger(__name__)
_T = TypeVar("_T")


class Transmitter(Protocol):
    """Anything that sends one command APDU and returns the card's response."""

    def transmit(self, apdu: bytes) -> Response: ...


def _ints(value: object) -> list[int]:
    """Narrow a pyscard byte list (list of ints) for mypy and for safety."""
    if not isinstance(value, list) or not all(isinstance(b, int) for b in value):
        raise DeviceError("card.io_error", f"unexpected value from pyscard: {value!r}")
    return value


class PcscConnection:
    """A connected card in one reader (pyscard ``CardConnection`` underneath).

    Use it on one thread only (the reader's worker); close it with :meth:`close`
    or as a context manager.
    """

    def __init__(self, reader: str, connection: object) -> None:
        self.reader = reader
        self._connection = connection
        exceptions = _import_pyscard("smartcard.Exceptions")
        self._connection_error: type[Exception] = exceptions.CardConnectionException

    @property
    def atr(self) -> bytes:
        return bytes(_ints(self._connection.getATR()))  # type: ignore[attr-defined]

    def transmit(self, apdu: bytes) -> Response:
        """Send ``apdu``; a failure of the link means the card was removed."""
        try:
            result = self._connection.transmit(list(apdu))  # type: ignore[attr-defined]
        except self._connection_error as exc:
            raise DeviceError("card.removed", f"{self.reader}: {exc}") from exc
        if not (isinstance(result, tuple) and len(result) == 3):
            raise DeviceError("card.io_error", f"unexpected transmit result {result!r}")
        data, sw1, sw2 = result
        if not (isinstance(sw1, int) and isinstance(sw2, int)):
            raise DeviceError("card.io_error", f"unexpected status bytes {sw1!r} {sw2!r}")
        return Response(bytes(_ints(data)), sw1, sw2)

    def close(self) -> None:
        """Disconnect (leave the card powered for the next session) and free the context."""
        for method in ("disconnect", "release"):
            call = getattr(self._connection, method, None)
            if call is None:
                continue
            try:
                call()
            except Exception as exc:  # pyscard raises various types once the card is gone
                _log.debug("%s.%s failed: %s", self.reader, method, exc)

    def __enter__(self) -> PcscConnection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _candidates(configured: str | None) -> list[object]:
    """pyscard Reader objects to try: the configured one, or every reader in order."""
    names = list_readers()
    if not names:
        raise DeviceError("pcsc.no_reader", "PC/SC service lists no reader")
    system = _import_pyscard("smartcard.System")
    readers: object = system.readers()
    if not isinstance(readers, list):
        raise DeviceError("pcsc.list_failed", f"unexpected readers() result: {readers!r}")
    by_name = {str(reader): reader for reader in readers}
    if configured is None or not configured.strip():
        return list(by_name.values())
    chosen = select_reader(names, configured)
    if chosen is None or chosen not in by_name:
        raise DeviceError(
            "pcsc.reader_not_found", f"no reader matches {configured!r}: {', '.join(names)}"
        )
    return [by_name[chosen]]


def connect(reader: str | None = None) -> PcscConnection:
    """Connect to the card in ``reader`` (a name or fragment), or in the first reader
    that holds a card when ``reader`` is ``None``. Blocking: call it on a worker.
    """
    exceptions = _import_pyscard("smartcard.Exceptions")
    no_card = (exceptions.NoCardException, exceptions.CardConnectionException)
    last: Exception | None = None
    for candidate in _candidates(reader):
        connection: object = getattr(candidate, "createConnection")()  # noqa: B009
        try:
            getattr(connection, "connect")()  # noqa: B009
        except no_card as exc:
            last = exc
            release = getattr(connection, "release", None)
            if release is not None:
                release()
            continue
        return PcscConnection(str(candidate), connection)
    where = reader if reader else "any reader"
    raise DeviceError("card.absent", f"no card in {where}: {last}")


class PcscReader:
    """One PC/SC reader and its worker thread.

    ``submit(operation)`` connects to the card, runs ``operation(connection)`` and
    disconnects, all on the reader's own thread, and returns a ``Future`` with the
    operation's result or its :class:`DeviceError`. Operations run one after the
    other in submission order. Call :meth:`close` (or use ``with``) when done.
    """

    def __init__(self, name: str | None = None) -> None:
        self.name = name
        self._worker = DeviceWorker(f"reader-{name or 'first'}")

    def submit(self, operation: Callable[[PcscConnection], _T]) -> Future[_T]:
        def run() -> _T:
            with connect(self.name) as connection:
                return operation(connection)

        return self._worker.submit(run)

    def close(self) -> None:
        self._worker.shutdown()

    def __enter__(self) -> PcscReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
