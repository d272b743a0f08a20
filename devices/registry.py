"""Probe every configured device at once, for the main window's status bar.

The pattern follows MOSIP's DocScannerFacade: a facade asks every backend and a
failure in one of them (a crashing driver, a library raising something
unexpected) is *contained* and reported as that device's status, so one
broken backend never hides the state of the others.

``probe_all`` blocks (it runs ``lpstat``, talks to pcscd, opens device nodes):
call it from a worker thread, never from the GUI thread. Each backend bounds
its own waiting (subprocess timeouts of 3 s), so a full probe stays short.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from devices.camera.probe import probe_camera
from devices.errors import DeviceError
from devices.printers.queues import probe_printer
from devices.smartcard.readers import probe_reader
from devices.status import DeviceKind, DeviceState, DeviceStatus

__all__ = ["DeviceMap", "probe_all"]

_log = logging.getLogger(__name__)

PROBE_FAILED = "device.probe_failed"


@dataclass(frozen=True)
class DeviceMap:
    """Which concrete device the station uses for each role (``None``: not chosen).

    ``reader`` and ``camera`` are names or name fragments (``None`` = first one
    found); printers are spooler queue names (``None`` = not configured).
    """

    reader: str | None = None
    card_printer: str | None = None
    a4_printer: str | None = None
    camera: str | None = None


def _contained(
    kind: DeviceKind, configured: str | None, probe: Callable[[], DeviceStatus]
) -> DeviceStatus:
    """Run one probe; turn any exception into an ``unavailable`` status for ``kind``."""
    try:
        return probe()
    except DeviceError as exc:
        _log.warning("%s probe failed: %s", kind, exc)
        return DeviceStatus(kind, DeviceState.UNAVAILABLE, configured, exc.code, exc.detail)
    except Exception as exc:
        # Deliberately broad: this is the containment boundary for third-party
        # drivers; the traceback goes to the log, the status bar gets a code.
        _log.exception("%s probe raised unexpectedly", kind)
        return DeviceStatus(
            kind, DeviceState.UNAVAILABLE, configured, PROBE_FAILED, f"{type(exc).__name__}: {exc}"
        )


def probe_all(device_map: DeviceMap) -> list[DeviceStatus]:
    """Probe reader, card printer, A4 printer and camera, in that order.

    Never raises (short of interpreter-level exits such as KeyboardInterrupt):
    always returns exactly one status per :class:`DeviceKind`.
    """
    # Probes are resolved as module globals at call time (not captured at
    # import), so a test can rebind one to prove the containment works.
    return [
        _contained(DeviceKind.READER, device_map.reader, lambda: probe_reader(device_map.reader)),
        _contained(
            DeviceKind.CARD_PRINTER,
            device_map.card_printer,
            lambda: probe_printer(DeviceKind.CARD_PRINTER, device_map.card_printer),
        ),
        _contained(
            DeviceKind.A4_PRINTER,
            device_map.a4_printer,
            lambda: probe_printer(DeviceKind.A4_PRINTER, device_map.a4_printer),
        ),
        _contained(DeviceKind.CAMERA, device_map.camera, lambda: probe_camera(device_map.camera)),
    ]
