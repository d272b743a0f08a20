"""Device states for the status bar: probed on the task runner, one probe at a time.

A probe can take seconds (a printer queue over the network, a reader's driver), and drivers are
not safe to probe concurrently: a refresh asked while a probe runs is kept and run once it ends.
A smart-card event (card in or out, reader plugged, pcscd stopped) triggers a probe and a short
message for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from devices.registry import DeviceMap
from devices.smartcard import CardEvent, CardEventKind
from devices.status import DeviceStatus
from workstation.ui.device_status_bar import DeviceStatusBar
from workstation.ui.tasks import TaskHandle, TaskRunner

DeviceProbe = Callable[[DeviceMap], list[DeviceStatus]]


class DeviceMonitor(QObject):
    """Keeps ``bar`` showing the states of the devices in ``device_map``."""

    probed = Signal(list)  # list[DeviceStatus], once the bar shows them
    message = Signal(str)  # a card event, in words, for the status bar

    def __init__(
        self,
        device_map: DeviceMap,
        probe: DeviceProbe,
        task_runner: TaskRunner,
        bar: DeviceStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._device_map = device_map
        self._probe = probe
        self._runner = task_runner
        self._bar = bar
        self._task: TaskHandle | None = None
        self._again = False

    def refresh(self) -> None:
        """Probe every device again, in the worker."""
        if self._task is not None:
            # The running probe may have started before the change that asked for this one:
            # probe once more when it reports.
            self._again = True
            return
        self._bar.set_checking()
        probe, device_map = self._probe, self._device_map
        self._task = self._runner.run(
            lambda: probe(device_map),
            on_success=self._on_probe_succeeded,
            on_failure=self._on_probe_failed,
            owner=self._bar,
            description="device probe",
        )

    def on_card_event(self, event: CardEvent) -> None:
        messages = {
            CardEventKind.CARD_INSERTED: self.tr("Card inserted in {reader}"),
            CardEventKind.CARD_REMOVED: self.tr("Card removed from {reader}"),
            CardEventKind.READER_ADDED: self.tr("Reader connected: {reader}"),
            CardEventKind.READER_REMOVED: self.tr("Reader disconnected: {reader}"),
            CardEventKind.SERVICE_LOST: self.tr("The smart-card service is not running"),
            CardEventKind.SERVICE_RESTORED: self.tr("The smart-card service is back"),
        }
        self.message.emit(messages[event.kind].format(reader=event.reader or ""))
        self.refresh()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._again = False

    def _on_probe_succeeded(self, statuses: list[DeviceStatus]) -> None:
        self._task = None
        self._bar.set_statuses(statuses)
        self.probed.emit(statuses)
        self._pending()

    def _on_probe_failed(self, error: BaseException) -> None:
        self._task = None
        self._bar.set_failed()
        self._runner.reporter.report(error, self._bar)
        self._pending()

    def _pending(self) -> None:
        if self._again:
            self._again = False
            self.refresh()
