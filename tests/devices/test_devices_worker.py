"""DeviceWorker: calls run in order on one named thread; errors come back through the Future."""

from __future__ import annotations

import threading

import pytest

from devices.errors import DeviceError
from devices.worker import DeviceWorker


def test_calls_run_in_order_on_one_named_thread() -> None:
    seen: list[tuple[int, str]] = []

    def record(index: int) -> int:
        seen.append((index, threading.current_thread().name))
        return index * 2

    with DeviceWorker("CardPrinter") as worker:
        futures = [worker.submit(record, i) for i in range(5)]
        assert [f.result(timeout=5) for f in futures] == [0, 2, 4, 6, 8]
    assert [index for index, _ in seen] == list(range(5))
    names = {name for _, name in seen}
    assert len(names) == 1
    assert next(iter(names)).startswith("device-CardPrinter")


def test_device_error_is_delivered_through_the_future() -> None:
    def fail() -> None:
        raise DeviceError("printer.queue_missing", "no queue")

    with DeviceWorker("A4") as worker:
        future = worker.submit(fail)
        with pytest.raises(DeviceError) as caught:
            future.result(timeout=5)
    assert caught.value.code == "printer.queue_missing"


def test_shutdown_cancels_pending_and_refuses_new_work() -> None:
    gate = threading.Event()
    worker = DeviceWorker("Reader")
    running = worker.submit(gate.wait, 5)
    pending = worker.submit(lambda: "never")
    threading.Timer(0.05, gate.set).start()
    worker.shutdown()
    assert running.result() is True
    assert pending.cancelled()
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)
    worker.shutdown()  # idempotent


def test_a_worker_needs_a_name() -> None:
    with pytest.raises(ValueError):
        DeviceWorker(" ")
