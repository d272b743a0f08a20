"""Card and reader events from PC/SC, on one watcher thread that survives the service.

pyscard's ``CardMonitor`` runs a thread that dies when the PC/SC service goes away
(Windows stops "Smart Card" when the last reader is unplugged: pyscard issues #27,
#74) and never comes back. :class:`CardWatcher` runs its own
``SCardGetStatusChange`` loop instead: when the service disappears it reports
``service_lost`` (and the removal of every reader and card it knew), then tries to
establish a new context with exponential backoff (0.25 s doubling up to 5 s) and
reports ``service_restored`` and the readers and cards found again.

Callbacks fire **on the watcher thread**, one at a time, in order. They must be quick
and must not touch widgets: a Qt bridge re-emits them as signals (queued to the GUI
thread). An exception in a callback is logged and does not stop the watcher. The
cards already present when watching starts (or when the service returns) are
reported as ``card_inserted``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType

from devices.errors import DeviceError
from devices.smartcard.readers import _import_pyscard

__all__ = ["CardEvent", "CardEventKind", "CardWatcher"]

_log = logging.getLogger(__name__)


class CardEventKind(StrEnum):
    CARD_INSERTED = "card_inserted"
    CARD_REMOVED = "card_removed"
    READER_ADDED = "reader_added"
    READER_REMOVED = "reader_removed"
    SERVICE_LOST = "service_lost"
    SERVICE_RESTORED = "service_restored"


@dataclass(frozen=True, slots=True)
class CardEvent:
    """One change: ``reader`` is ``None`` for service events, ``atr`` only on insertion."""

    kind: CardEventKind
    reader: str | None = None
    atr: bytes | None = None


CardCallback = Callable[[CardEvent], None]


class CardWatcher:
    """Watch every reader; call ``callback(event)`` on the watcher thread.

    ``start()`` starts the thread, ``stop()`` cancels the pending wait and joins it.
    ``poll_ms`` bounds how long a reader plugged in or out goes unnoticed.
    """

    def __init__(
        self,
        callback: CardCallback,
        *,
        poll_ms: int = 300,
        min_backoff: float = 0.25,
        max_backoff: float = 5.0,
    ) -> None:
        self._callback = callback
        self._poll_ms = poll_ms
        self._min_backoff = min_backoff
        self._max_backoff = max_backoff
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._context: int | None = None
        self._thread: threading.Thread | None = None
        self._scard: ModuleType | None = None
        self._states: dict[str, int] = {}
        self._service_up: bool | None = None

    # -- life cycle -------------------------------------------------------------
    def start(self) -> None:
        """Start watching (raises ``pcsc.library_missing`` without pyscard)."""
        if self._thread is not None:
            raise RuntimeError("CardWatcher already started")
        self._scard = _import_pyscard("smartcard.scard")
        self._thread = threading.Thread(target=self._run, name="pcsc-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop and join the thread (idempotent)."""
        self._stop.set()
        with self._lock:
            if self._context is not None and self._scard is not None:
                self._scard.SCardCancel(self._context)
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop ---------------------------------------------------------------
    def _emit(
        self, kind: CardEventKind, reader: str | None = None, atr: bytes | None = None
    ) -> None:
        try:
            self._callback(CardEvent(kind, reader, atr))
        except Exception:
            _log.exception("card event callback failed for %s %s", kind, reader)

    def _run(self) -> None:
        backoff = self._min_backoff
        while not self._stop.is_set():
            try:
                if self._context is None:
                    self._establish()
                    backoff = self._min_backoff
                self._step()
            except DeviceError as exc:
                self._lose_service(exc.detail)
                if self._stop.wait(backoff):
                    break
                backoff = min(backoff * 2, self._max_backoff)
            except Exception:  # keep watching whatever a driver throws
                _log.exception("PC/SC watcher step failed")
                self._lose_service("unexpected error")
                if self._stop.wait(backoff):
                    break
                backoff = min(backoff * 2, self._max_backoff)
        self._release()

    def _check(self, hresult: object, what: str) -> None:
        scard = self._scard
        assert scard is not None
        if hresult != scard.SCARD_S_SUCCESS:
            text = scard.SCardGetErrorMessage(hresult)
            raise DeviceError("pcsc.service_unavailable", f"{what}: {text} ({hresult})")

    def _establish(self) -> None:
        scard = self._scard
        assert scard is not None
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        self._check(hresult, "SCardEstablishContext")
        with self._lock:
            self._context = int(context)
        if self._service_up is not True:
            if self._service_up is False:
                self._emit(CardEventKind.SERVICE_RESTORED)
            self._service_up = True

    def _release(self) -> None:
        with self._lock:
            context, self._context = self._context, None
        if context is not None and self._scard is not None:
            self._scard.SCardReleaseContext(context)

    def _lose_service(self, detail: str) -> None:
        self._release()
        self._forget_readers(list(self._states))
        if self._service_up is not False:
            _log.warning("PC/SC service lost: %s", detail)
            self._service_up = False
            self._emit(CardEventKind.SERVICE_LOST)

    def _forget_readers(self, readers: list[str]) -> None:
        scard = self._scard
        assert scard is not None
        for reader in readers:
            state = self._states.pop(reader)
            if state & scard.SCARD_STATE_PRESENT:
                self._emit(CardEventKind.CARD_REMOVED, reader)
            self._emit(CardEventKind.READER_REMOVED, reader)

    def _list_readers(self) -> list[str]:
        scard = self._scard
        assert scard is not None
        hresult, readers = scard.SCardListReaders(self._context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        self._check(hresult, "SCardListReaders")
        return [str(reader) for reader in readers]

    def _step(self) -> None:
        scard = self._scard
        assert scard is not None
        readers = self._list_readers()
        self._forget_readers([r for r in self._states if r not in readers])
        for reader in readers:
            if reader not in self._states:
                self._states[reader] = scard.SCARD_STATE_UNAWARE
                self._emit(CardEventKind.READER_ADDED, reader)
        if not readers:
            # Nothing to wait on: sleep one poll period (or until stopped).
            self._stop.wait(self._poll_ms / 1000)
            return
        query = [(reader, self._states[reader]) for reader in readers]
        hresult, changes = scard.SCardGetStatusChange(self._context, self._poll_ms, query)
        if hresult in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
            return
        if hresult == scard.SCARD_E_UNKNOWN_READER:
            return  # a reader vanished between list and wait: the next list sees it
        self._check(hresult, "SCardGetStatusChange")
        for reader, event_state, atr in changes:
            self._apply(str(reader), int(event_state), bytes(atr))

    def _apply(self, reader: str, event_state: int, atr: bytes) -> None:
        scard = self._scard
        assert scard is not None
        previous = self._states.get(reader, scard.SCARD_STATE_UNAWARE)
        self._states[reader] = event_state & ~scard.SCARD_STATE_CHANGED
        was = bool(previous & scard.SCARD_STATE_PRESENT)
        now = bool(event_state & scard.SCARD_STATE_PRESENT)
        if now and not was:
            self._emit(CardEventKind.CARD_INSERTED, reader, atr)
        elif was and not now:
            self._emit(CardEventKind.CARD_REMOVED, reader)
