"""What devices this workstation has and in what state: ``consular devices`` and the support page.

Blocking (asks pcscd, the print spooler and the kernel): call it off the GUI thread. Each part is
contained, so a broken driver shows as that device's state instead of hiding the others.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from devices.camera.probe import list_video_devices
from devices.errors import DeviceError
from devices.printers import list_queues
from devices.registry import DeviceMap, probe_all
from devices.smartcard import connect, list_readers
from devices.status import DeviceKind, DeviceState, DeviceStatus

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReaderInfo:
    name: str
    card_present: bool
    atr: str | None = None


@dataclass(frozen=True, slots=True)
class QueueInfo:
    name: str
    state: str
    message: str = ""
    is_default: bool = False
    role: str | None = None  # "card" / "a4" when the site configuration uses it


@dataclass(frozen=True, slots=True)
class Inventory:
    statuses: tuple[DeviceStatus, ...]
    readers: tuple[ReaderInfo, ...]
    queues: tuple[QueueInfo, ...]
    cameras: tuple[str, ...]
    problems: tuple[tuple[str, str], ...]  # (part, error code) that could not be listed


class DeviceInventory:
    def __init__(self, device_map: DeviceMap, folder_root: Path) -> None:
        self._map = device_map
        self._folder_root = folder_root

    def _roles(self) -> dict[str, str]:
        roles: dict[str, str] = {}
        if self._map.card_printer:
            roles[self._map.card_printer] = "card"
        if self._map.a4_printer:
            roles[self._map.a4_printer] = "a4"
        return roles

    def inventory(self) -> Inventory:
        problems: list[tuple[str, str]] = []
        readers: list[ReaderInfo] = []
        try:
            for name in list_readers():
                try:
                    with connect(name) as card:
                        readers.append(ReaderInfo(name, True, card.atr.hex().upper()))
                except DeviceError as error:
                    if error.code != "card.absent":
                        _log.warning("reader %s: %s", name, error)
                    readers.append(ReaderInfo(name, False))
        except DeviceError as error:
            problems.append(("readers", error.code))
        roles = self._roles()
        queues: list[QueueInfo] = []
        with contextlib.suppress(DeviceError):
            queues = [
                QueueInfo(q.name, q.state.value, q.message, q.is_default, roles.get(q.name))
                for q in list_queues()
            ]
        if not queues and any(not name.startswith("folder:") for name in roles):
            problems.append(("print queues", "printer.spooler_unavailable"))
        for name, role in roles.items():
            if name.startswith("folder:"):
                folder = self._folder_root / (name.split(":", 1)[1] or "printed")
                queues.append(QueueInfo(name, "folder", str(folder), False, role))
        try:
            cameras = tuple(d.name for d in list_video_devices())
        except DeviceError as error:
            problems.append(("cameras", error.code))
            cameras = ()
        return Inventory(
            tuple(probe_statuses(self._map)),
            tuple(readers),
            tuple(queues),
            cameras,
            tuple(problems),
        )


def probe_statuses(device_map: DeviceMap) -> list[DeviceStatus]:
    """The status bar's probe, knowing that a ``folder:`` queue is always ready (the probe
    itself only knows the system spooler)."""
    folders = {
        DeviceKind.CARD_PRINTER: device_map.card_printer,
        DeviceKind.A4_PRINTER: device_map.a4_printer,
    }
    spooler_map = replace(
        device_map,
        **{
            ("card_printer" if kind is DeviceKind.CARD_PRINTER else "a4_printer"): None
            for kind, name in folders.items()
            if name and name.startswith("folder:")
        },
    )
    return [
        DeviceStatus(status.kind, DeviceState.READY, folders[status.kind], None)
        if (folders.get(status.kind) or "").startswith("folder:")
        else status
        for status in probe_all(spooler_map)
    ]
