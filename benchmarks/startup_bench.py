"""Cold-start benchmark: process start to the main window shown, against a bare QMainWindow.

Each run is a fresh interpreter (``subprocess``) running :mod:`benchmarks.startup_driver`: the
workstation's start as ``consular-workstation`` does it, or a bare PySide6 ``QMainWindow``.
The workstation shows its main window (the sign-in page in it) at once and opens the post's
records behind it on a worker (site configuration, SQLAlchemy, the database checked against
the shipped migrations, argon2, the workspace's modules); the driver then signs the demo clerk
in through that page and ends when the officer's workspace has painted.

Both kinds are timed from just before the parent spawns the process (``time.perf_counter()``,
CLOCK_MONOTONIC, the clock the child reads too) to the window's first paint flushed; the kernel's
own process start time (``/proc/self/stat``) is reported beside it as a check. For the
workstation the run goes on: "ready" (sign-in can be checked) and "workspace shown" (signed in,
the counter pages painted) are reported too, outside the target. The two kinds alternate, after
one warm-up run each (the files are then in the page cache and their byte-code written: "cold"
is a new process, not a cold disk nor a first start after installing). The data folder is a real demo post made once per run with ``consular init --demo``.
Each process's CPU time up to the window shown is printed too, with the load average: on a
shared machine the wall clock swings with the others' work, CPU time much less.

Targets: main window shown, median <= 1.5 s and <= 2x the bare window's median. Offscreen unless
``QT_QPA_PLATFORM`` says otherwise. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DRIVER = Path(__file__).resolve().with_name("startup_driver.py")
_INIT_DEMO = (  # what ``consular --data-dir FOLDER init --demo`` runs
    "import sys; from workstation.cli import main; "
    "raise SystemExit(main(['--data-dir', sys.argv[1], 'init', '--demo']))"
)
TARGET_S = 1.5
TARGET_RATIO = 2.0
# Phases of the app's start, from the driver's marks: (label, mark it ends at).
PHASES = (
    ("interpreter", "driver"),
    ("import app module (PySide6)", "imported"),
    ("QApplication", "qapplication"),
    ("main window built", "window_built"),
    ("first paint flushed", "shown"),
    ("records open (worker)", "ready"),
    ("sign-in + workspace built", "signed_in"),
    ("workspace painted", "workspace_shown"),
)


@dataclass
class Runs:
    kind: str
    seconds: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    workspace: list[float] = field(default_factory=list)
    proc_seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    phases: dict[str, list[float]] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("CONSULAR_PASSWORD", None)
    # Byte-code cached, as on an officer's machine from the second start on (and from the
    # first after a wheel install): the warm-up run writes it. A shell that forbids writing it
    # (PYTHONDONTWRITEBYTECODE, set in some sandboxes) would have every start compile the
    # workstation's modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def make_demo_folder(parent: Path) -> Path:
    """A demo post made by the real command, in a child process (its imports stay there)."""
    folder = parent / "demo"
    subprocess.run(
        [sys.executable, "-c", _INIT_DEMO, str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=_environment(),
    )
    return folder


def one_start(arguments: list[str]) -> dict[str, Any]:
    """Spawn the driver; its marks, made relative to the moment just before the spawn."""
    env = _environment()
    before = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(DRIVER), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"startup driver {arguments[0]} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["marks"] = {k: v - before for k, v in result["marks"].items()}
    return result


def _record(runs: Runs, result: dict[str, Any]) -> None:
    marks = result["marks"]
    runs.seconds.append(marks["shown"])
    if "ready" in marks:
        runs.ready.append(marks["ready"])
    if "workspace_shown" in marks:
        runs.workspace.append(marks["workspace_shown"])
    if result.get("proc_seconds") is not None:
        runs.proc_seconds.append(result["proc_seconds"])
    runs.cpu_seconds.append(result["cpu_seconds"])
    previous = 0.0
    for label, mark in PHASES:
        if mark in marks:
            runs.phases.setdefault(label, []).append(marks[mark] - previous)
            previous = marks[mark]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each kind")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as scratch:
        folder = make_demo_folder(Path(scratch))
        app, bare = Runs("app"), Runs("bare")
        one_start(["app", str(folder)])  # warm-up: page cache, first migration check
        one_start(["bare"])
        for _ in range(max(args.runs, 3)):
            _record(app, one_start(["app", str(folder)]))
            _record(bare, one_start(["bare"]))
    ratio = app.median / bare.median
    met = app.median <= TARGET_S and ratio <= TARGET_RATIO
    platform = _environment()["QT_QPA_PLATFORM"]
    print(f"startup: fresh processes, QT_QPA_PLATFORM={platform}, {len(app.seconds)} runs each")
    for runs, name in ((app, "workstation main window shown"), (bare, "bare QMainWindow")):
        proc = (
            f", /proc start {statistics.median(runs.proc_seconds) * 1000:.0f} ms"
            if runs.proc_seconds
            else ""
        )
        print(
            f"startup: {name}: median {runs.median * 1000:.0f} ms "
            f"(min {min(runs.seconds) * 1000:.0f}, max {max(runs.seconds) * 1000:.0f}{proc}; "
            f"CPU {statistics.median(runs.cpu_seconds) * 1000:.0f} ms)"
        )
    if app.workspace:
        print(
            f"startup: after the window (not in the target): sign-in ready at median "
            f"{statistics.median(app.ready) * 1000:.0f} ms, demo clerk's workspace painted at "
            f"{statistics.median(app.workspace) * 1000:.0f} ms "
            f"(max {max(app.workspace) * 1000:.0f})"
        )
    print("startup: where the workstation's time goes (medians):")
    for label, _mark in PHASES:
        if label in app.phases:
            print(f"startup:   {label:<30} {statistics.median(app.phases[label]) * 1000:6.0f} ms")
    cpu_ratio = statistics.median(app.cpu_seconds) / statistics.median(bare.cpu_seconds)
    print(f"startup: load average {os.getloadavg()[0]:.1f}; CPU-time ratio {cpu_ratio:.2f}x")
    print(
        f"startup: ratio {ratio:.2f}x; targets <= {TARGET_S:.1f} s and <= {TARGET_RATIO:.0f}x "
        f"the bare window: {'met' if met else 'NOT met'}"
    )
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "app_median_s": app.median,
                    "bare_median_s": bare.median,
                    "ratio": ratio,
                    "app_cpu_median_s": statistics.median(app.cpu_seconds),
                    "bare_cpu_median_s": statistics.median(bare.cpu_seconds),
                    "cpu_ratio": cpu_ratio,
                    "app_s": app.seconds,
                    "bare_s": bare.seconds,
                    "app_phases_median_s": {k: statistics.median(v) for k, v in app.phases.items()},
                    "app_ready_median_s": statistics.median(app.ready),
                    "app_workspace_median_s": statistics.median(app.workspace),
                    "met": met,
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
