"""One cold start, in this fresh process, for :mod:`benchmarks.startup_bench` (never shipped).

``startup_driver.py app DATA_DIR``: what ``consular-workstation --data-dir DATA_DIR`` does, with
the interactive sign-in replaced by the demo clerk's credentials checked in code (the same
``AccountService.authenticate`` and argon2 check the sign-in dialog runs), then the same main
window, built by the same function of :mod:`workstation.app`, shown.

``startup_driver.py bare``: a bare PySide6 ``QMainWindow`` of the same size, shown.

Either way the driver prints one JSON line of ``time.perf_counter()`` marks (CLOCK_MONOTONIC,
comparable with the parent's) and the seconds since the kernel started this process
(``/proc/self/stat``) and the CPU seconds it used, taken once the window's first paint has been
flushed; then it exits.
Imports are deliberately placed as in :func:`workstation.app.main`: the measure includes them.
"""

from __future__ import annotations

import time

_MARKS: dict[str, float] = {"driver": time.perf_counter()}

import json  # noqa: E402  (after the first mark: the interpreter's own start is measured apart)
import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

DEMO_USER = "clerk"
DEMO_PASSWORD = "clerk-demo-1"  # the demo post's published password (``consular init --demo``)


def _seconds_since_process_start() -> float | None:
    """Seconds since the kernel started this process, from /proc (10 ms resolution)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of proc(5); fields[0] is field 3
        ticks = os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / ticks
    except (OSError, ValueError, IndexError):
        return None


def _report_on_first_paint(window: Any, app: Any) -> None:
    """Once the window has painted, record the marks, print them and quit the event loop."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in _MARKS:
                _MARKS["paint"] = time.perf_counter()
                # The frame is flushed when this paint returns: the next turn of the loop.
                QTimer.singleShot(0, self.shown)
            return False

        def shown(self) -> None:
            _MARKS["shown"] = time.perf_counter()
            since_start = _seconds_since_process_start()
            # CPU seconds of this process so far (all threads): far less disturbed than the
            # wall clock when other work shares the machine.
            cpu = time.process_time()
            print(
                json.dumps({"marks": _MARKS, "proc_seconds": since_start, "cpu_seconds": cpu}),
                flush=True,
            )
            app.quit()

    probe = FirstPaint(window)
    window.installEventFilter(probe)


def run_app(data_dir: str) -> int:
    # As workstation.app.main(): the module, the QApplication, the services, then (after the
    # sign-in, here done in code) the main window's modules.
    from workstation import app as workstation_app

    _MARKS["imported"] = time.perf_counter()
    app = workstation_app._start_application([])
    _MARKS["qapplication"] = time.perf_counter()
    services = workstation_app._open_services(workstation_app.data_dir(data_dir))
    if isinstance(services, int):
        return services
    _MARKS["services"] = time.perf_counter()
    runner = workstation_app._make_runner(services)
    try:
        officer = services.accounts.authenticate(DEMO_USER, DEMO_PASSWORD)
        _MARKS["signed_in"] = time.perf_counter()
        window, _card_events = workstation_app._build_window(services, officer, runner)
        lock = workstation_app._install_lock(window, officer, services, runner)
        _MARKS["window_built"] = time.perf_counter()
        _report_on_first_paint(window, app)
        window.show()  # card events are not started: pcscd is not part of a cold start
        code = app.exec()
        lock.stop()
        window.close()
        return code
    finally:
        runner.shutdown()
        services.close()


def run_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _MARKS["imported"] = time.perf_counter()
    app = QApplication([sys.argv[0]])
    _MARKS["qapplication"] = time.perf_counter()
    window = QMainWindow()
    window.resize(1180, 740)  # the size the workstation's window opens at
    _MARKS["window_built"] = time.perf_counter()
    _report_on_first_paint(window, app)
    window.show()
    return app.exec()


def main(argv: list[str]) -> int:
    if argv[:1] == ["app"] and len(argv) == 2:
        return run_app(argv[1])
    if argv == ["bare"]:
        return run_bare()
    print("usage: startup_driver.py app DATA_DIR | bare", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
