"""A private CUPS scheduler with cups-pdf queues for the printing integration tests.

Why a private ``cupsd``: the tests stop queues, cancel jobs and stop the scheduler;
doing that to the machine's own CUPS would disturb whoever uses it. This module starts
``/usr/sbin/cupsd -f -c <tmp>/cupsd.conf -s <tmp>/cups-files.conf`` whose ServerRoot,
RequestRoot, TempDir, CacheDir, StateDir and logs all live in a temporary folder, which
listens on a private domain socket and on 127.0.0.1:<free port> only, and which clients
reach through ``CUPS_SERVER=<socket>`` (or the ``server`` attribute, passed explicitly).

Where cups-pdf writes: the cups-pdf backend reads its configuration from the compiled-in
``/etc/cups`` only, not from the scheduler's ServerRoot. But for a device URI
``cups-pdf:/NAME`` it reads ``/etc/cups/cups-pdf-NAME.conf`` instead of the shared
``cups-pdf.conf`` (cups-pdf 3.0, ``init()`` in cups-pdf.c). Each scheduler here therefore
writes one uniquely named ``/etc/cups/cups-pdf-cwtest<hex>.conf`` (``Out``, ``Spool``,
``Log`` pointing into its temporary folder), uses ``cups-pdf:/cwtest<hex>`` for its queues
and deletes that file when it stops: the system's ``cups-pdf.conf`` is never edited.
Writing into ``/etc/cups`` needs root, as does running the root-only cups-pdf backend, so
the suite is skipped (with the reason) when not root or when cupsd/cups-pdf are missing.

Filters run as the ``lp`` user: the temporary folder is created world-traversable under
``/tmp`` (pytest's ``tmp_path`` is 0700) and the output folder world-writable.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Final, Self

import pytest

__all__ = [
    "A4_QUEUE",
    "CARD_QUEUE",
    "CUPS_PDF_PPD",
    "CupsStartError",
    "ThrowawayCups",
    "cups_server",
    "cups_unavailable_reason",
]

CUPSD: Final = "/usr/sbin/cupsd"
CUPS_PDF_BACKEND: Final = "/usr/lib/cups/backend/cups-pdf"
CUPS_PDF_CONFIG_DIR: Final = Path("/etc/cups")
#: The cups-pdf PPD as cups-driverd names it (``lpinfo -m``).
CUPS_PDF_PPD: Final = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
_CLIENT_TOOLS: Final = (
    "lpadmin",
    "lpstat",
    "cupsenable",
    "cupsdisable",
    "cupsaccept",
    "cupsreject",
    "lp",
)
_START_TIMEOUT_S: Final = 10.0
_LOG_TAIL_CHARS: Final = 4000


class CupsStartError(RuntimeError):
    """The private scheduler did not come up; the message carries its error log tail."""


def cups_unavailable_reason() -> str | None:
    """Why the CUPS integration tests cannot run here, or ``None`` when they can."""
    if not os.access(CUPSD, os.X_OK):
        return f"{CUPSD} not installed (Debian: cups)"
    if not os.path.exists(CUPS_PDF_BACKEND):
        return f"{CUPS_PDF_BACKEND} not installed (Debian: printer-driver-cups-pdf)"
    missing = [tool for tool in _CLIENT_TOOLS if shutil.which(tool) is None]
    if missing:
        return f"CUPS client tools missing: {', '.join(missing)} (Debian: cups-client, cups-bsd)"
    if os.geteuid() != 0:
        return "needs root: cups-pdf runs as root and reads its configuration from /etc/cups"
    if not os.access(CUPS_PDF_CONFIG_DIR, os.W_OK):
        return f"{CUPS_PDF_CONFIG_DIR} is not writable"
    return None


def _remove_stale_cups_pdf_configs() -> None:
    """Delete cups-pdf configs left by a test run that was killed (SIGKILL, power cut).

    Ours only (``cups-pdf-cwtest*.conf``), and only when the temporary folder their
    ``Out`` points into is gone: a concurrent test session's config is left alone.
    """
    for config in CUPS_PDF_CONFIG_DIR.glob("cups-pdf-cwtest*.conf"):
        with contextlib.suppress(OSError):
            out = next(
                (
                    line.split(None, 1)[1].strip()
                    for line in config.read_text().splitlines()
                    if line.startswith("Out ")
                ),
                None,
            )
            if out is not None and not Path(out).parent.exists():
                config.unlink()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ThrowawayCups:
    """A private cupsd in a temporary folder; use as a context manager.

    ``server`` is the domain socket path to give clients (``CUPS_SERVER`` or pycups'
    ``Connection(host=...)``); ``out_dir`` is where cups-pdf writes the printed PDFs.
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="cw-cups-"))
        self.root.chmod(0o755)
        self.port = _free_port()
        self.server = str(self.root / "cupsd.sock")
        self.out_dir = self.root / "out"
        self.instance = f"cwtest{secrets.token_hex(4)}"
        self.device_uri = f"cups-pdf:/{self.instance}"
        self.cups_pdf_config = CUPS_PDF_CONFIG_DIR / f"cups-pdf-{self.instance}.conf"
        self._process: subprocess.Popen[bytes] | None = None

    # -- life cycle -----------------------------------------------------------------

    def __enter__(self) -> Self:
        _remove_stale_cups_pdf_configs()
        try:
            self._write_configuration()
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the scheduler, delete our cups-pdf config file and the folder."""
        self.stop()
        with contextlib.suppress(FileNotFoundError):
            self.cups_pdf_config.unlink()
        shutil.rmtree(self.root, ignore_errors=True)

    def _write_configuration(self) -> None:
        for name in ("etc", "etc/ppd", "etc/ssl", "spool", "spool/tmp", "cache", "state", "log"):
            (self.root / name).mkdir(mode=0o755, exist_ok=True)
        (self.root / "spool/tmp").chmod(0o1777)
        for name in ("out", "cups-pdf-spool", "cups-pdf-log"):
            folder = self.root / name
            folder.mkdir(exist_ok=True)
            folder.chmod(0o1777)
        log = self.root / "log"
        (self.root / "cups-files.conf").write_text(
            f"""ServerRoot {self.root / "etc"}
RequestRoot {self.root / "spool"}
TempDir {self.root / "spool/tmp"}
CacheDir {self.root / "cache"}
StateDir {self.root / "state"}
ErrorLog {log / "error_log"}
AccessLog {log / "access_log"}
PageLog {log / "page_log"}
User lp
Group lp
SystemGroup root lpadmin
FileDevice No
""",
            encoding="utf-8",
        )
        (self.root / "cupsd.conf").write_text(
            f"""LogLevel info
Listen 127.0.0.1:{self.port}
Listen {self.server}
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultShared No
JobRetryInterval 1
PreserveJobHistory Yes
PreserveJobFiles No
MaxJobs 0
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
            encoding="utf-8",
        )
        # cups-pdf's per-instance configuration (see the module docstring).
        self.cups_pdf_config.write_text(
            f"""Out {self.out_dir}
AnonDirName {self.out_dir}
Spool {self.root / "cups-pdf-spool"}
Log {self.root / "cups-pdf-log"}
LogType 3
Grp lp
UserUMask 0000
AnonUMask 0000
""",
            encoding="utf-8",
        )

    def start(self) -> None:
        """Start (or restart) cupsd and wait until ``lpstat -r`` says it runs."""
        if self._process is not None and self._process.poll() is None:
            return
        with contextlib.suppress(FileNotFoundError):
            Path(self.server).unlink()
        self._process = subprocess.Popen(
            [
                CUPSD,
                "-f",
                "-c",
                str(self.root / "cupsd.conf"),
                "-s",
                str(self.root / "cups-files.conf"),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise CupsStartError(f"cupsd exited with {self._process.returncode}\n{self.log()}")
            if self.is_running():
                return
            time.sleep(0.05)
        self.stop()
        raise CupsStartError(f"cupsd not ready after {_START_TIMEOUT_S:g} s\n{self.log()}")

    def stop(self) -> None:
        """Stop cupsd (SIGTERM, then SIGKILL) if it runs; jobs stay in RequestRoot."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    # -- client side ----------------------------------------------------------------

    def env(self) -> dict[str, str]:
        """The environment for CUPS clients of this scheduler (untranslated output)."""
        env = dict(os.environ)
        env.update({"CUPS_SERVER": self.server, "LC_ALL": "C", "LANG": "C"})
        return env

    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a CUPS client tool (lpadmin, cupsdisable ...) against this scheduler."""
        result = subprocess.run(
            list(command),
            env=self.env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} exited {result.returncode}: "
                f"{result.stderr.strip() or result.stdout.strip()}"
            )
        return result

    def is_running(self) -> bool:
        result = self.run("lpstat", "-r", check=False)
        return "scheduler is running" in result.stdout.splitlines()

    def add_pdf_queue(self, name: str, *, page_size: str, options: Mapping[str, str] = {}) -> None:
        """Create an enabled cups-pdf queue whose default page size is ``page_size``.

        ``media=`` alone leaves A4 as the default; the card size has to be the queue's
        ``PageSize`` (e.g. ``Custom.85.6x54mm``), as an administrator would set it.
        """
        self.run("lpadmin", "-p", name, "-E", "-v", self.device_uri, "-m", CUPS_PDF_PPD)
        extra = [arg for key, value in options.items() for arg in ("-o", f"{key}={value}")]
        self.run("lpadmin", "-p", name, "-o", f"PageSize={page_size}", *extra)

    def disable(self, queue: str, reason: str) -> None:
        self.run("cupsdisable", "-r", reason, queue)

    def enable(self, queue: str) -> None:
        self.run("cupsenable", queue)

    def output_pdfs(self) -> list[Path]:
        """The PDFs cups-pdf wrote so far (any sub-folder), oldest first."""
        return sorted(self.out_dir.rglob("*.pdf"), key=lambda p: p.stat().st_mtime_ns)

    def log(self) -> str:
        """Tails of the scheduler's and cups-pdf's logs, for failure messages."""
        parts = []
        for path in (self.root / "log/error_log", *sorted(self.root.glob("cups-pdf-log/*"))):
            with contextlib.suppress(OSError):
                parts.append(
                    f"--- {path.name}\n{path.read_text(errors='replace')[-_LOG_TAIL_CHARS:]}"
                )
        return "\n".join(parts) or "(no log)"


#: Queue names the session fixture creates.
CARD_QUEUE: Final = "CardPrinter"
A4_QUEUE: Final = "OfficeA4"


@pytest.fixture(scope="session")
def cups_server() -> Iterator[ThrowawayCups]:
    """A private cupsd with a card queue (85.6 x 54 mm) and an A4 queue, both cups-pdf."""
    reason = cups_unavailable_reason()
    if reason is not None:
        pytest.skip(f"CUPS integration tests need cupsd and cups-pdf: {reason}")
    with ThrowawayCups() as server:
        server.add_pdf_queue(CARD_QUEUE, page_size="Custom.85.6x54mm")
        server.add_pdf_queue(A4_QUEUE, page_size="A4")
        yield server


@pytest.fixture
def cups(cups_server: ThrowawayCups, monkeypatch: pytest.MonkeyPatch) -> ThrowawayCups:
    """The private scheduler for every CUPS client in this process, both queues enabled (a
    test may have stopped one)."""
    monkeypatch.setenv("CUPS_SERVER", cups_server.server)
    for queue in (CARD_QUEUE, A4_QUEUE):
        cups_server.enable(queue)
    return cups_server
