"""probe_all: one status per device role, and one failing backend never hides the others."""

from __future__ import annotations

import logging

import pytest

from devices import registry
from devices.errors import DeviceError
from devices.registry import DeviceMap, probe_all
from devices.status import DeviceKind, DeviceState, DeviceStatus

ORDER = [DeviceKind.READER, DeviceKind.CARD_PRINTER, DeviceKind.A4_PRINTER, DeviceKind.CAMERA]


def test_probe_all_reports_every_role_in_order() -> None:
    statuses = probe_all(DeviceMap())
    assert [s.kind for s in statuses] == ORDER
    assert all(isinstance(s, DeviceStatus) for s in statuses)
    # Printers are never guessed: no queue configured means not_configured.
    assert statuses[1].state is DeviceState.NOT_CONFIGURED
    assert statuses[2].state is DeviceState.NOT_CONFIGURED


def test_unexpected_exception_is_contained_to_its_device(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_camera_backend(configured: str | None) -> DeviceStatus:
        raise RuntimeError("driver exploded")

    monkeypatch.setattr(registry, "probe_camera", broken_camera_backend)
    device_map = DeviceMap(reader=None, card_printer=None, a4_printer=None, camera="BRIO")
    with caplog.at_level(logging.ERROR, logger="devices.registry"):
        statuses = probe_all(device_map)

    assert [s.kind for s in statuses] == ORDER
    camera = statuses[3]
    assert camera == DeviceStatus(
        DeviceKind.CAMERA,
        DeviceState.UNAVAILABLE,
        "BRIO",
        "device.probe_failed",
        "RuntimeError: driver exploded",
    )
    # The other backends still ran and answered for themselves.
    assert statuses[1].code == "printer.not_configured"
    assert statuses[0].code != "device.probe_failed"
    # The traceback is kept for support staff.
    assert any(r.exc_info and "driver exploded" in str(r.exc_info[1]) for r in caplog.records)


def test_device_error_code_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    def reader_backend_raising(configured: str | None) -> DeviceStatus:
        raise DeviceError("pcsc.list_failed", "SCardListReaders returned 0x80100001")

    monkeypatch.setattr(registry, "probe_reader", reader_backend_raising)
    reader, *others = probe_all(DeviceMap(reader="OMNIKEY"))
    assert reader == DeviceStatus(
        DeviceKind.READER,
        DeviceState.UNAVAILABLE,
        "OMNIKEY",
        "pcsc.list_failed",
        "SCardListReaders returned 0x80100001",
    )
    assert [s.kind for s in others] == ORDER[1:]


def test_device_map_is_immutable() -> None:
    device_map = DeviceMap(card_printer="Evolis_Primacy_2")
    with pytest.raises(AttributeError):
        device_map.card_printer = "Zebra"  # type: ignore[misc]
