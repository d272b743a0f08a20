"""CardWatcher's loop against a scripted stand-in for pyscard's ``smartcard.scard``.

The real service is exercised in test_smartcard_pcsc.py (pcscd stopped and
restarted); this one checks the event sequence, the backoff loop and that a failing
callback does not stop the watcher, in well under a second.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from devices.smartcard import watcher as watcher_module
from devices.smartcard.watcher import CardEvent, CardEventKind, CardWatcher

NO_SERVICE = 0x8010001D
CONSTANTS = {
    "SCARD_S_SUCCESS": 0,
    "SCARD_E_TIMEOUT": 0x8010000A,
    "SCARD_E_CANCELLED": 0x80100002,
    "SCARD_E_NO_READERS_AVAILABLE": 0x8010002E,
    "SCARD_E_UNKNOWN_READER": 0x80100009,
    "SCARD_STATE_UNAWARE": 0,
    "SCARD_STATE_CHANGED": 2,
    "SCARD_STATE_EMPTY": 16,
    "SCARD_STATE_PRESENT": 32,
    "SCARD_SCOPE_USER": 0,
}


class FakeScard(SimpleNamespace):
    """A PC/SC service the test switches on and off, with readers and cards."""

    def __init__(self) -> None:
        super().__init__(**CONSTANTS)
        self.up = False
        self.readers: dict[str, bool] = {}
        self.changed = threading.Event()
        self.establish_calls = 0

    def set(self, *, up: bool | None = None, **cards: bool) -> None:
        if up is not None:
            self.up = up
        self.readers.update(cards)
        self.changed.set()

    def SCardEstablishContext(self, scope: int) -> tuple[int, int]:
        self.establish_calls += 1
        return (0, 1) if self.up else (NO_SERVICE, 0)

    def SCardReleaseContext(self, context: int) -> int:
        return 0

    def SCardCancel(self, context: int) -> int:
        self.changed.set()
        return 0

    def SCardGetErrorMessage(self, hresult: int) -> str:
        return "service not available" if hresult == NO_SERVICE else f"error {hresult:#x}"

    def SCardListReaders(self, context: int, groups: list[str]) -> tuple[int, list[str]]:
        if not self.up:
            return NO_SERVICE, []
        if not self.readers:
            return CONSTANTS["SCARD_E_NO_READERS_AVAILABLE"], []
        return 0, list(self.readers)

    def _state(self, reader: str) -> int:
        return 32 if self.readers.get(reader) else 16

    def SCardGetStatusChange(
        self, context: int, timeout: int, query: list[tuple[str, int]]
    ) -> tuple[int, list[tuple[str, int, list[int]]]]:
        for _ in range(2):
            if not self.up:
                return NO_SERVICE, []
            if any(self._state(r) != state & ~2 for r, state in query):
                return 0, [(r, self._state(r) | 2, [0x3B, 0x00]) for r, _ in query]
            self.changed.clear()
            self.changed.wait(timeout / 1000)
        return CONSTANTS["SCARD_E_TIMEOUT"], []


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeScard:
    scard = FakeScard()
    monkeypatch.setattr(watcher_module, "_import_pyscard", lambda name: scard)
    return scard


@pytest.fixture
def events(fake: FakeScard) -> Iterator[tuple[CardWatcher, queue.Queue[CardEvent]]]:
    received: queue.Queue[CardEvent] = queue.Queue()

    def callback(event: CardEvent) -> None:
        received.put(event)
        if event.kind is CardEventKind.READER_ADDED:
            raise RuntimeError("a buggy slot must not stop the watcher")

    watcher = CardWatcher(callback, poll_ms=50, min_backoff=0.01, max_backoff=0.05)
    watcher.start()
    yield watcher, received
    watcher.stop()
    assert not watcher.running


def _expect(received: queue.Queue[CardEvent], *expected: CardEvent) -> None:
    got = [received.get(timeout=5) for _ in expected]
    assert got == list(expected)


def test_events_across_a_service_restart(
    fake: FakeScard, events: tuple[CardWatcher, queue.Queue[CardEvent]]
) -> None:
    watcher, received = events
    kind = CardEventKind
    _expect(received, CardEvent(kind.SERVICE_LOST))
    fake.set(up=True, R=True)
    _expect(
        received,
        CardEvent(kind.SERVICE_RESTORED),
        CardEvent(kind.READER_ADDED, "R"),
        CardEvent(kind.CARD_INSERTED, "R", bytes([0x3B, 0x00])),
    )
    fake.set(R=False)
    _expect(received, CardEvent(kind.CARD_REMOVED, "R"))
    fake.set(R=True)
    _expect(received, CardEvent(kind.CARD_INSERTED, "R", bytes([0x3B, 0x00])))
    fake.set(up=False)
    _expect(
        received,
        CardEvent(kind.CARD_REMOVED, "R"),
        CardEvent(kind.READER_REMOVED, "R"),
        CardEvent(kind.SERVICE_LOST),
    )
    calls = fake.establish_calls
    fake.set(up=True)
    _expect(
        received,
        CardEvent(kind.SERVICE_RESTORED),
        CardEvent(kind.READER_ADDED, "R"),
        CardEvent(kind.CARD_INSERTED, "R", bytes([0x3B, 0x00])),
    )
    assert fake.establish_calls > calls
    assert watcher.running


def test_a_reader_unplugged_while_the_service_runs(
    fake: FakeScard, events: tuple[CardWatcher, queue.Queue[CardEvent]]
) -> None:
    _, received = events
    kind = CardEventKind
    _expect(received, CardEvent(kind.SERVICE_LOST))
    fake.set(up=True, A=False, B=False)
    _expect(
        received,
        CardEvent(kind.SERVICE_RESTORED),
        CardEvent(kind.READER_ADDED, "A"),
        CardEvent(kind.READER_ADDED, "B"),
    )
    del fake.readers["A"]
    fake.set()
    _expect(received, CardEvent(kind.READER_REMOVED, "A"))
