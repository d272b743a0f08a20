"""Card insert/remove from the real PC/SC stack (pcscd + vpcd + vicc) reaches the GUI thread,
and the main window's reader state follows it; pcscd going away and back is survived."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from devices.registry import DeviceMap
from devices.status import DeviceKind, DeviceState, DeviceStatus
from tests.support.pcsc import READER_NAME, PcscStack, pcsc_missing
from tests.ui.windows import session_window
from workstation.services.device_inventory import probe_statuses
from workstation.ui.card_events import CardEventBridge

pytestmark = pytest.mark.skipif(pcsc_missing() is not None, reason=str(pcsc_missing()))
EVENT_TIMEOUT_MS = 20_000


@pytest.fixture
def bridge(qapp: object, pcsc_stack: PcscStack) -> Iterator[CardEventBridge]:
    events = CardEventBridge()
    assert events.start()
    yield events
    events.stop()


def test_insert_and_remove_arrive_as_signals_on_the_gui_thread(
    qtbot, bridge: CardEventBridge, pcsc_stack: PcscStack
) -> None:
    threads: list[bool] = []
    bridge.card_inserted.connect(
        lambda _reader: threads.append(threading.current_thread() is threading.main_thread())
    )
    with qtbot.waitSignal(
        bridge.card_inserted,
        timeout=EVENT_TIMEOUT_MS,
        check_params_cb=lambda reader: reader == pcsc_stack.reader(0),
    ):
        card = pcsc_stack.insert(0, "iso7816")
    with qtbot.waitSignal(
        bridge.card_removed,
        timeout=EVENT_TIMEOUT_MS,
        check_params_cb=lambda reader: reader == pcsc_stack.reader(0),
    ):
        card.remove()
    assert threads and all(threads)


def test_the_window_shows_the_reader_state_as_cards_and_the_service_come_and_go(
    qtbot, services, clerk, runner, bridge: CardEventBridge, pcsc_stack: PcscStack
) -> None:
    window = session_window(
        services,
        clerk,
        runner,
        DeviceMap(reader=READER_NAME),
        probe=probe_statuses,
        card_events=bridge,
    )
    qtbot.addWidget(window.window())

    def reader_is(state: DeviceState) -> bool:
        status: DeviceStatus | None = window.device_bar.status(DeviceKind.READER)
        return status is not None and status.state is state

    qtbot.waitUntil(lambda: reader_is(DeviceState.READY), timeout=EVENT_TIMEOUT_MS)
    with qtbot.waitSignal(bridge.service_lost, timeout=EVENT_TIMEOUT_MS):
        pcsc_stack.stop()
    qtbot.waitUntil(lambda: reader_is(DeviceState.UNAVAILABLE), timeout=EVENT_TIMEOUT_MS)
    assert "smart-card service" in window.device_bar.label(DeviceKind.READER).text()
    with qtbot.waitSignal(bridge.service_restored, timeout=EVENT_TIMEOUT_MS):
        pcsc_stack.start()
    qtbot.waitUntil(lambda: reader_is(DeviceState.READY), timeout=EVENT_TIMEOUT_MS)
    window.close()
