"""A configured printer: one queue on one backend, driven from its own worker thread.

The GUI never calls a backend directly: submit, status, cancel and follow return
:class:`concurrent.futures.Future` objects and the calls run, in order, on the printer's
:class:`~devices.worker.DeviceWorker` (thread ``device-<name>``). Following a job does
not occupy that thread while it waits: each poll is a short task on the worker and the
pause between polls is a timer, so a cancel or a status asked by the officer is served
between two polls instead of after the whole wait.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError

from devices.errors import DeviceError
from devices.printers.backend import MIN_POLL_S, PrinterBackend, _wait_outcome, poll_job
from devices.printers.jobs import JobStatus, PrintRequest
from devices.worker import DeviceWorker

__all__ = ["Printer"]


class Printer:
    """``queue`` on ``backend``, with a worker thread named after ``name`` (default: queue).

    Call :meth:`close` (or use ``with``) to stop following jobs and join the thread.
    """

    def __init__(self, backend: PrinterBackend, queue: str, *, name: str | None = None) -> None:
        self.backend = backend
        self.queue = queue
        self._worker = DeviceWorker(name or queue)
        self._lock = threading.Lock()
        self._timers: set[threading.Timer] = set()
        self._following: set[Future[JobStatus]] = set()
        self._closed = False

    def submit(self, request: PrintRequest) -> Future[str]:
        """Queue ``request``; the Future gives the job id (persist it at once)."""
        return self._worker.submit(self.backend.submit, self.queue, request)

    def status(self, job_id: str) -> Future[JobStatus]:
        """The job's current status (see :meth:`PrinterBackend.status`)."""
        return self._worker.submit(self.backend.status, self.queue, job_id)

    def cancel(self, job_id: str) -> Future[None]:
        """Cancel the job; served between the polls of a job being followed."""
        return self._worker.submit(self.backend.cancel, self.queue, job_id)

    def follow(
        self,
        job_id: str,
        timeout_s: float,
        poll_s: float = 0.5,
        on_change: Callable[[JobStatus], None] | None = None,
    ) -> Future[JobStatus]:
        """Follow a job like :func:`~devices.printers.backend.wait_for_job`, without blocking.

        ``on_change`` runs on the worker thread (a Qt caller re-emits it as a signal).
        The Future ends with the final status, or the last one at the deadline (see
        ``wait_for_job``); it fails with ``DeviceError("printer.closed")`` if the printer
        is closed first, and with whatever ``on_change`` or the backend raised otherwise.
        """
        result: Future[JobStatus] = Future()
        result.set_running_or_notify_cancel()
        deadline = time.monotonic() + timeout_s
        poll_s = max(poll_s, MIN_POLL_S)
        last: list[JobStatus] = []

        def step() -> None:
            try:
                current = poll_job(self.backend, self.queue, job_id, last[0] if last else None)
                if on_change is not None and (not last or current != last[0]):
                    on_change(current)
                last[:] = [current]
                outcome = _wait_outcome(current, deadline, timeout_s)
                if outcome is None:
                    self._later(min(poll_s, deadline - time.monotonic()), step, result)
                    return
                if outcome is not current and on_change is not None:
                    on_change(outcome)
                with contextlib.suppress(InvalidStateError):  # closed meanwhile
                    result.set_result(outcome)
            except BaseException as exc:  # delivered through the Future, never lost
                _fail(result, exc)

        with self._lock:
            self._following.add(result)
        result.add_done_callback(self._forget)
        self._run_step(step, result)
        return result

    def _forget(self, result: Future[JobStatus]) -> None:
        with self._lock:
            self._following.discard(result)

    def _run_step(self, step: Callable[[], None], result: Future[JobStatus]) -> None:
        try:
            self._worker.submit(step)
        except RuntimeError:  # the worker was shut down meanwhile
            _fail(result, DeviceError("printer.closed", "printer closed while following a job"))

    def _later(self, delay: float, step: Callable[[], None], result: Future[JobStatus]) -> None:
        def fire() -> None:
            with self._lock:
                self._timers.discard(timer)
            self._run_step(step, result)

        timer = threading.Timer(max(delay, 0.0), fire)
        timer.name = f"device-{self._worker.name}-poll"
        timer.daemon = True
        with self._lock:
            closed = self._closed
            if not closed:
                self._timers.add(timer)
        if closed:
            _fail(result, DeviceError("printer.closed", "printer closed while following a job"))
        else:
            timer.start()

    def close(self) -> None:
        """Stop following jobs (their Futures fail with ``printer.closed``), join the thread."""
        with self._lock:
            self._closed = True
            timers, self._timers = set(self._timers), set()
            following = set(self._following)
        for timer in timers:
            timer.cancel()
        self._worker.shutdown()
        for timer in timers:
            if timer.is_alive():
                timer.join()
        for result in following:
            _fail(result, DeviceError("printer.closed", "printer closed while following a job"))

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _fail(result: Future[JobStatus], exc: BaseException) -> None:
    # InvalidStateError if another thread finished it between the check and the call.
    with contextlib.suppress(InvalidStateError):
        if not result.done():
            result.set_exception(exc)
