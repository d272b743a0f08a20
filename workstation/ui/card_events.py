"""Card and reader events from the PC/SC watcher thread, delivered on the GUI thread.

``devices.smartcard.CardWatcher`` calls back on its own thread; Qt must only be touched from the
GUI thread. The bridge is a QObject living on the GUI thread: it re-emits each event as a signal,
and Qt queues a signal emitted from another thread to receivers on theirs (the bridge's own
slots included), so every connected slot runs on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from devices.errors import DeviceError
from devices.smartcard import CardEvent, CardEventKind, CardWatcher

_log = logging.getLogger(__name__)


class Watcher(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...


class CardEventBridge(QObject):
    """``start()`` begins watching; ``stop()`` joins the watcher thread (call before exit)."""

    card_inserted = Signal(str)  # reader name
    card_removed = Signal(str)
    reader_added = Signal(str)
    reader_removed = Signal(str)
    service_lost = Signal()
    service_restored = Signal()
    changed = Signal(object)  # every CardEvent, for whoever wants all of them

    def __init__(
        self,
        watcher_factory: Callable[[Callable[[CardEvent], None]], Watcher] = CardWatcher,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watcher = watcher_factory(self._on_watcher_event)
        self._running = False

    def start(self) -> bool:
        """Start watching; False when PC/SC cannot be used here at all (no pyscard): the
        status bar's probe already says why, and the rest of the workstation works."""
        if not self._running:
            try:
                self._watcher.start()
            except DeviceError as error:
                _log.warning("smart-card events unavailable: %s", error)
                return False
            self._running = True
        return True

    def stop(self) -> None:
        if self._running:
            self._watcher.stop()
            self._running = False

    def _on_watcher_event(self, event: CardEvent) -> None:
        """Runs on the watcher thread: only emits (Qt queues it to the GUI thread)."""
        by_kind = {
            CardEventKind.CARD_INSERTED: self.card_inserted,
            CardEventKind.CARD_REMOVED: self.card_removed,
            CardEventKind.READER_ADDED: self.reader_added,
            CardEventKind.READER_REMOVED: self.reader_removed,
        }
        signal = by_kind.get(event.kind)
        if signal is not None:
            signal.emit(event.reader or "")
        elif event.kind is CardEventKind.SERVICE_LOST:
            self.service_lost.emit()
        elif event.kind is CardEventKind.SERVICE_RESTORED:
            self.service_restored.emit()
        self.changed.emit(event)
