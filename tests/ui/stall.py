"""A stall detector for the GUI thread: a QTimer ticking every 10 ms on it, measuring the largest
gap between two ticks. Blocking work on the GUI thread (a spooler call, a card APDU, a database
query) shows as a gap far above the interval.

    with StallDetector() as stalls:
        ...  # drive the GUI, wait for signals
    assert stalls.worst_ms < 100, stalls.report()

A watchdog thread samples the GUI thread's Python stack while a tick is late, so a failure says
where the GUI thread was (in a slot of ours, or waiting in the event loop: then the process was
not scheduled, or a worker held the GIL).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import Self

from PySide6.QtCore import QObject, Qt, QTimer


class StallDetector(QObject):
    """Measures the event loop of the thread it is created on (the GUI thread in tests)."""

    def __init__(
        self,
        interval_ms: int = 10,
        sample_after_ms: float = 50.0,
        *,
        freeze_heap: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gui_thread = threading.get_ident()
        self._sample_after_s = sample_after_ms / 1000
        self._watching = threading.Event()
        self._watchdog: threading.Thread | None = None
        #: (gap in ms when sampled, the GUI thread's stack then) for each late tick seen.
        self.samples: list[tuple[float, str]] = []
        #: The longest garbage collection meanwhile (ms, generation): it stops every thread.
        self.worst_gc: tuple[float, int] = (0.0, 0)
        self._gc_started = 0.0
        # A full collection walks every object the process holds: after a thousand tests
        # that took ~0.6 s and stalled every thread. The app freezes its start-up heap out of
        # the collector (gc.freeze in app.py); the detector does the same with the test
        # session's heap before measuring, so what it measures is the work under test.
        self._freeze_heap = freeze_heap
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last: float | None = None
        self._last_cpu = 0.0
        self.worst_ms = 0.0
        #: CPU time the GUI thread itself spent during the worst gap: near the gap, the GUI
        #: thread was busy (our code or Qt's); near zero, it was waiting (the GIL held by a
        #: worker, a blocking call, or the process not scheduled on a loaded machine).
        self.worst_cpu_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        if self._freeze_heap:
            gc.collect()
            gc.freeze()
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.worst_ms = 0.0
        self.worst_cpu_ms = 0.0
        self.ticks = 0
        self.samples = []
        self._timer.start()
        self.worst_gc = (0.0, 0)
        gc.callbacks.append(self._on_gc)
        self._watching.set()
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog")
        self._watchdog.start()

    def stop(self) -> None:
        self._timer.stop()
        self._on_timer_timeout()  # the gap up to now counts too
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        if self._freeze_heap:
            gc.unfreeze()
        self._watching.clear()
        if self._watchdog is not None:
            self._watchdog.join()
            self._watchdog = None

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            took = (time.perf_counter() - self._gc_started) * 1000
            if took > self.worst_gc[0]:
                self.worst_gc = (took, info.get("generation", -1))

    def _watch(self) -> None:
        sampled_for: float | None = None
        while self._watching.is_set():
            time.sleep(0.01)  # a sampling period, not a wait for a state
            last = self._last
            if last is None or last == sampled_for:
                continue
            late = time.perf_counter() - last
            if late > self._sample_after_s:
                frame = sys._current_frames().get(self._gui_thread)
                stack = "".join(traceback.format_stack(frame)) if frame else "(no frame)"
                self.samples.append((late * 1000, stack))
                sampled_for = last

    def report(self) -> str:
        """The worst gap and where the GUI thread was during the late ticks (for a failure)."""
        lines = [
            f"worst gap {self.worst_ms:.1f} ms over {self.ticks} ticks "
            f"(GUI thread on CPU for {self.worst_cpu_ms:.1f} ms of it; longest garbage "
            f"collection {self.worst_gc[0]:.1f} ms, generation {self.worst_gc[1]})"
        ]
        for late, stack in self.samples[-5:]:
            lines.append(f"--- GUI thread {late:.0f} ms into a late tick:\n{stack}")
        return "\n".join(lines)

    def _on_timer_timeout(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self._last is not None and (now - self._last) * 1000 > self.worst_ms:
            self.worst_ms = (now - self._last) * 1000
            self.worst_cpu_ms = (cpu - self._last_cpu) * 1000
        self._last, self._last_cpu = now, cpu
        self.ticks += 1

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
