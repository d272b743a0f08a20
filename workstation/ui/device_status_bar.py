"""One label per device role (reader, card printer, A4 printer, camera) for the status bar.

The widget only shows :class:`DeviceStatus` values it is given; the probing itself runs in a
worker (see :class:`~workstation.ui.main_window.MainWindow`), never here.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from devices.status import DeviceKind, DeviceState, DeviceStatus

_log = logging.getLogger(__name__)

_STATE_COLOURS = {
    DeviceState.READY: "#2e7d32",
    DeviceState.NOT_CONFIGURED: "#757575",
    DeviceState.UNAVAILABLE: "#c62828",
    DeviceState.ABSENT: "#ef6c00",
}
_UNKNOWN_COLOUR = "#9e9e9e"


class DeviceStatusBar(QWidget):
    """Shows each device role with a coloured dot and a short translated state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceStatusBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self._labels: dict[DeviceKind, QLabel] = {}
        self._statuses: dict[DeviceKind, DeviceStatus] = {}
        self._checking = True
        for kind in DeviceKind:
            label = QLabel()
            label.setObjectName(f"device_{kind.value}")
            label.setTextFormat(Qt.TextFormat.RichText)
            self._labels[kind] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self._refresh_labels()

    def label(self, kind: DeviceKind) -> QLabel:
        return self._labels[kind]

    def labels(self) -> list[QLabel]:
        return [self._labels[kind] for kind in DeviceKind]

    def status(self, kind: DeviceKind) -> DeviceStatus | None:
        return self._statuses.get(kind)

    def set_checking(self) -> None:
        """A probe has started: say so instead of showing stale states as current."""
        self._checking = True
        self._refresh_labels()

    def set_statuses(self, statuses: list[DeviceStatus]) -> None:
        self._checking = False
        for status in statuses:
            self._statuses[status.kind] = status
            if status.detail:
                _log.info("%s: %s (%s) %s", status.kind, status.state, status.code, status.detail)
        self._refresh_labels()

    def set_failed(self) -> None:
        """The probe itself failed (it is reported elsewhere): the states are unknown."""
        self._checking = False
        self._statuses.clear()
        self._refresh_labels()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._refresh_labels()
        super().changeEvent(event)

    def _refresh_labels(self) -> None:
        for kind, label in self._labels.items():
            status = self._statuses.get(kind)
            if status is None:
                state_text = self.tr("checking…") if self._checking else self.tr("unknown")
                colour = _UNKNOWN_COLOUR
            else:
                state_text = self.describe(status)
                colour = _STATE_COLOURS[status.state]
            text = self.tr("{device}: {state}").format(
                device=self.kind_name(kind), state=state_text
            )
            label.setText(f'<span style="color:{colour}">●</span>&nbsp;{html.escape(text)}')
            label.setAccessibleName(text)
            tooltip = text
            if status is not None and status.name:
                tooltip += "\n" + self.tr("Device: {name}").format(name=status.name)
            if status is not None and status.code:
                tooltip += "\n" + self.tr("Code: {code}").format(code=status.code)
            label.setToolTip(tooltip)

    def kind_name(self, kind: DeviceKind) -> str:
        return {
            DeviceKind.READER: self.tr("Card reader"),
            DeviceKind.CARD_PRINTER: self.tr("Card printer"),
            DeviceKind.A4_PRINTER: self.tr("A4 printer"),
            DeviceKind.CAMERA: self.tr("Camera"),
        }[kind]

    def describe(self, status: DeviceStatus) -> str:
        """Officer-facing text for a probe result: by code when known, else by state."""
        if status.state == DeviceState.READY:
            return self.tr("ready")
        by_code = {
            "printer.not_configured": self.tr("not set up"),
            "printer.spooler_unavailable": self.tr("print service not running"),
            "printer.queue_missing": self.tr("printer not found"),
            "printer.queue_disabled": self.tr("printer paused"),
            "printer.platform_unsupported": self.tr("not supported on this system"),
            "pcsc.library_missing": self.tr("smart-card software missing"),
            "pcsc.service_unavailable": self.tr("smart-card service not running"),
            "pcsc.list_failed": self.tr("cannot list readers"),
            "pcsc.no_reader": self.tr("no reader connected"),
            "pcsc.reader_not_found": self.tr("set-up reader not connected"),
            "camera.none": self.tr("no camera connected"),
            "camera.not_found": self.tr("set-up camera not connected"),
            "camera.permission_denied": self.tr("no permission to use the camera"),
            "camera.probe_unsupported": self.tr("cannot be checked on this system"),
            "device.probe_failed": self.tr("check failed"),
        }
        if status.code in by_code:
            return by_code[status.code]
        return {
            DeviceState.NOT_CONFIGURED: self.tr("not set up"),
            DeviceState.UNAVAILABLE: self.tr("unavailable"),
            DeviceState.ABSENT: self.tr("not connected"),
        }.get(status.state, status.state.value)
