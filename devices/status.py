"""Value types describing what a device probe found.

The status bar only needs *kind*, *state* and a stable *code*; keeping these as
plain immutable values (no Qt, no live handles) lets probes run on a worker
thread and hand their results to the GUI thread safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["DeviceKind", "DeviceState", "DeviceStatus"]


class DeviceKind(StrEnum):
    """The device roles a workstation is configured with (one device per role)."""

    READER = "reader"
    CARD_PRINTER = "card_printer"
    A4_PRINTER = "a4_printer"
    CAMERA = "camera"


class DeviceState(StrEnum):
    """Outcome of a probe, ordered by how much the officer can do about it.

    * ``ready``: usable now.
    * ``not_configured``: nobody chose a device for this role yet (a settings task).
    * ``unavailable``: the device or its system service exists in principle but
      cannot be used now (service down, queue paused, library missing).
    * ``absent``: the configured device (or any device) is not connected/present.
    """

    READY = "ready"
    NOT_CONFIGURED = "not_configured"
    UNAVAILABLE = "unavailable"
    ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """Result of probing one device role.

    ``name`` is the concrete device found (reader name, queue name, camera name)
    or ``None`` when nothing was found. ``code`` is the stable reason for a
    non-ready state (e.g. ``"pcsc.no_reader"``), ``None`` when ready. ``detail``
    is technical text for the log, never shown to the officer verbatim.
    """

    kind: DeviceKind
    state: DeviceState
    name: str | None
    code: str | None
    detail: str = ""
