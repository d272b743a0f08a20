"""One cold start, in this fresh process, for :mod:`benchmarks.startup_bench` (never shipped).

``startup_driver.py app DATA_DIR``: what ``consular-workstation --data-dir DATA_DIR`` does
(:class:`workstation.app.Workstation`): the main window shown at once with its sign-in page,
the post's services opened on a worker behind it; then, instead of an officer typing, the demo
clerk's credentials are put in the sign-in page and Sign in pressed (the same argon2 check on the
worker), and the run ends once the officer's workspace has painted.

``startup_driver.py bare``: a bare PySide6 ``QMainWindow`` of the same size, shown.

Either way the driver prints one JSON line of ``time.perf_counter()`` marks (CLOCK_MONOTONIC,
comparable with the parent's): ``shown`` is the window's first paint flushed; the app adds
``ready`` (sign-in can be checked) and ``workspace_shown``. With them: the seconds since the
kernel started this process (``/proc/self/stat``) and the CPU seconds it had used, both taken
when the window was shown. Imports are placed as in :func:`workstation.app.main`: the measure
includes them.
"""

from __future__ import annotations

import time

_MARKS: dict[str, float] = {"driver": time.perf_counter()}

import json  # noqa: E402  (after the first mark: the interpreter's own start is measured apart)
import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

_AT_SHOWN: dict[str, float | None] = {}

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


class _FirstPaint:
    """Records ``mark`` once ``widget`` has painted and the frame is flushed, then calls
    ``then`` (the flush happens when the paint returns: the next turn of the event loop)."""

    def __init__(self, widget: Any, mark: str, then: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        def after_paint() -> None:
            _MARKS[mark] = time.perf_counter()
            if mark == "shown":
                _AT_SHOWN["proc_seconds"] = _seconds_since_process_start()
                # CPU seconds of this process so far (all threads): far less disturbed than
                # the wall clock when other work shares the machine.
                _AT_SHOWN["cpu_seconds"] = time.process_time()
            then()

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and f"{mark}_paint" not in _MARKS:
                    _MARKS[f"{mark}_paint"] = time.perf_counter()
                    QTimer.singleShot(0, after_paint)
                return False

        self.filter = Filter(widget)
        widget.installEventFilter(self.filter)


def _report(app: Any) -> None:
    print(json.dumps({"marks": _MARKS, **_AT_SHOWN}), flush=True)
    app.quit()


def run_app(data_dir: str) -> int:
    # As workstation.app.main(): the module, the QApplication, then launch(): the main window
    # shown at once while the post's services open on a worker. Once they are, the demo clerk
    # signs in through the window's own sign-in page, and the run ends when the officer's
    # workspace has painted.
    from workstation import app as workstation_app

    _MARKS["imported"] = time.perf_counter()
    app = workstation_app._start_application([])
    _MARKS["qapplication"] = time.perf_counter()
    workstation = workstation_app.Workstation(app, workstation_app.data_dir(data_dir))
    window = workstation.window
    _MARKS["window_built"] = time.perf_counter()
    keep: list[_FirstPaint] = [_FirstPaint(window, "shown", lambda: None)]

    def sign_in() -> None:
        _MARKS["ready"] = time.perf_counter()
        page = window.sign_in
        page.username_edit.setText(DEMO_USER)
        page.password_edit.setText(DEMO_PASSWORD)
        page.sign_in_button.click()

    def session_opened(workspace: Any) -> None:
        _MARKS["signed_in"] = time.perf_counter()
        keep.append(_FirstPaint(workspace, "workspace_shown", lambda: _report(app)))

    workstation.ready.connect(sign_in)
    workstation.session_opened.connect(session_opened)
    workstation.launch()  # card events start with the session: pcscd is absent, it just says so
    code = app.exec()
    return workstation.finish(code)


def run_bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _MARKS["imported"] = time.perf_counter()
    app = QApplication([sys.argv[0]])
    _MARKS["qapplication"] = time.perf_counter()
    window = QMainWindow()
    screen = window.screen().availableGeometry()  # the size the workstation's window opens at
    window.resize(min(1600, screen.width()), min(960, screen.height()))
    _MARKS["window_built"] = time.perf_counter()
    _keep = _FirstPaint(window, "shown", lambda: _report(app))
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
