"""A private PC/SC stack for the integration tests: pcscd + the vpcd virtual reader +
vicc virtual cards (vsmartcard), all started and stopped by the tests.

* One session at a time per machine (a file lock in the temp folder): pcscd's socket
  is machine-wide.
* ``pcscd --foreground -c <conf dir>`` with one ``vpcd`` reader on a free port of its
  own (two slots: ``<name> 00 00`` on the port, ``<name> 00 01`` on port + 1), so the
  machine's default vpcd ports (35963/35964) are never touched. pcscd's socket is
  always ``/run/pcscd/pcscd.comm``: it needs root (or a writable /run/pcscd) and no
  other pcscd running.
* vicc runs through :mod:`tests.support.vicc_launcher` (the Python 3 fixes for
  Debian's vicc 3.3) with this interpreter, which has pycryptodome, and
  ``PYTHONPATH=/usr/lib/python3/site-packages/virtualsmartcard``. A card "is
  inserted" while its vicc process runs; stopping the process removes it. Data
  written to a card lives in that process only.

Nothing here uses ``time.sleep`` to wait for a state: presence is polled through
PC/SC with a deadline, and failures carry the processes' log tails.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Final, Self

import pytest

__all__ = ["PcscStack", "VirtualCard", "pcsc_missing"]

VPCD_DRIVER: Final = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
VICC_SCRIPT: Final = Path("/usr/bin/vicc")
VICC_PACKAGE_DIR: Final = Path("/usr/lib/python3/site-packages/virtualsmartcard")
LAUNCHER: Final = Path(__file__).with_name("vicc_launcher.py")
READER_NAME: Final = "Consular Test PCD"
PCSCD_SOCKET: Final = Path("/run/pcscd/pcscd.comm")
#: pcscd's socket is machine-wide, so two test sessions (two developers, two CI jobs on
#: one runner) cannot each run their own: the second waits for this lock.
SESSION_LOCK: Final = Path(tempfile.gettempdir()) / "consular-pcsc-tests.lock"
SESSION_LOCK_TIMEOUT: Final = 600.0


def pcsc_missing() -> str | None:
    """Why the real PC/SC stack cannot run here, or ``None`` when it can."""
    if shutil.which("pcscd") is None and not Path("/usr/sbin/pcscd").exists():
        return "pcscd is not installed (Debian: pcscd)"
    if not VPCD_DRIVER.exists():
        return f"the vpcd driver is not installed ({VPCD_DRIVER}; Debian: vsmartcard-vpcd)"
    if not VICC_SCRIPT.exists():
        return "vicc is not installed (Debian: vsmartcard-vpicc)"
    if not (VICC_PACKAGE_DIR / "virtualsmartcard").is_dir():
        return f"{VICC_PACKAGE_DIR} missing (Debian: python3-virtualsmartcard)"
    for module in ("Crypto", "smartcard.scard", "PIL"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not importable by {sys.executable}"
    run_dir = PCSCD_SOCKET.parent
    if os.geteuid() != 0 and not os.access(
        run_dir if run_dir.exists() else run_dir.parent, os.W_OK
    ):
        return "pcscd needs root or a writable /run/pcscd"
    return None


def _free_port_pair() -> int:
    """A port P with P and P+1 free on localhost (vpcd listens on both)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port >= 65535:
            continue
        with socket.socket() as second:
            try:
                second.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free pair of TCP ports")


def _tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def _wait_for(predicate: Callable[[], bool], timeout: float, what: str, log: Path | None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)  # polling an external process: no event to wait on
    raise TimeoutError(f"{what} not reached in {timeout} s\n{_tail(log) if log else ''}")


def _reader_states() -> dict[str, bool] | None:
    """{reader: card present} from a fresh PC/SC context, ``None`` if pcscd is down."""
    from smartcard import scard

    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return None
    try:
        hresult, readers = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return {}
        if hresult != scard.SCARD_S_SUCCESS:
            return None
        query = [(reader, scard.SCARD_STATE_UNAWARE) for reader in readers]
        hresult, states = scard.SCardGetStatusChange(context, 0, query)
        if hresult != scard.SCARD_S_SUCCESS:
            return None
        return {str(r): bool(state & scard.SCARD_STATE_PRESENT) for r, state, _ in states}
    finally:
        scard.SCardReleaseContext(context)


class VirtualCard:
    """One running vicc process, i.e. a card inserted in one slot of the reader."""

    def __init__(self, process: subprocess.Popen[bytes], reader: str, log: Path) -> None:
        self.process = process
        self.reader = reader
        self.log = log

    def remove(self, timeout: float = 10.0) -> None:
        """Stop the process (the card leaves the reader) and wait until PC/SC sees it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        _wait_for(
            lambda: not (_reader_states() or {}).get(self.reader, False),
            timeout,
            f"card removed from {self.reader}",
            self.log,
        )


class PcscStack:
    """pcscd with one vpcd reader (two slots) on private ports; a context manager."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="pcsc-test-"))
        self.port = _free_port_pair()
        self.conf = self.folder / "conf"
        self.conf.mkdir()
        (self.conf / "vpcd").write_text(
            f'FRIENDLYNAME "{READER_NAME}"\n'
            f"DEVICENAME   /dev/null:0x{self.port:X}\n"
            f"LIBPATH      {VPCD_DRIVER}\n"
            f"CHANNELID    0x{self.port:X}\n"
        )
        self.log = self.folder / "pcscd.log"
        self._process: subprocess.Popen[bytes] | None = None
        self._log_handle: IO[bytes] | None = None
        self._cards: list[VirtualCard] = []
        self._lock: IO[bytes] | None = None

    def _acquire_session_lock(self) -> None:
        handle = SESSION_LOCK.open("ab")
        deadline = time.monotonic() + SESSION_LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    handle.close()
                    raise TimeoutError(f"another PC/SC test session holds {SESSION_LOCK}") from None
                time.sleep(0.2)  # another process's session: nothing to wait on but the lock
        self._lock = handle

    def reader(self, slot: int) -> str:
        return f"{READER_NAME} 00 {slot:02d}"

    # -- pcscd ------------------------------------------------------------------
    def start(self, timeout: float = 10.0) -> None:
        if PCSCD_SOCKET.exists() and (_reader_states() is not None):
            raise RuntimeError("another pcscd is running: the PC/SC tests need their own")
        self._log_handle = self.log.open("ab")
        self._process = subprocess.Popen(
            ["pcscd", "--foreground", "-c", str(self.conf)],
            stdout=self._log_handle,
            stderr=subprocess.STDOUT,
        )
        _wait_for(
            lambda: self.reader(0) in (_reader_states() or {}), timeout, "pcscd ready", self.log
        )

    def stop(self, timeout: float = 10.0) -> None:
        """Stop pcscd (the vicc cards lose their reader and exit too)."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout)
        self._process = None
        if self._log_handle is not None:
            self._log_handle.close()
            self._log_handle = None
        for card in self._cards:
            with contextlib.suppress(subprocess.TimeoutExpired):
                if card.process.poll() is None:
                    card.process.terminate()
                card.process.wait(timeout)
        self._cards.clear()

    # -- cards ------------------------------------------------------------------
    def insert(
        self, slot: int, card_type: str, env: Mapping[str, str] | None = None, timeout: float = 20.0
    ) -> VirtualCard:
        """Start a vicc card of ``card_type`` in ``slot`` and wait until PC/SC sees it."""
        log = self.folder / f"vicc-{slot}-{len(self._cards)}.log"
        environment = {
            **os.environ,
            "PYTHONPATH": str(VICC_PACKAGE_DIR),
            **(env or {}),
        }
        with log.open("wb") as handle:
            process = subprocess.Popen(
                [sys.executable, str(LAUNCHER), "-t", card_type, "-P", str(self.port + slot)],
                stdout=handle,
                stderr=subprocess.STDOUT,
                env=environment,
                cwd=self.folder,
            )
        card = VirtualCard(process, self.reader(slot), log)
        self._cards.append(card)

        def present() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"vicc exited with {process.returncode}\n{_tail(log)}")
            return (_reader_states() or {}).get(card.reader, False)

        _wait_for(present, timeout, f"card in {card.reader}", log)
        return card

    def __enter__(self) -> Self:
        self._acquire_session_lock()
        try:
            self.start()
        except BaseException:
            self._release_session_lock()
            raise
        return self

    def _release_session_lock(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.stop()
        finally:
            self._release_session_lock()
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pcsc_stack() -> Iterator[PcscStack]:
    """pcscd with the vpcd reader for the whole test session (one per machine at a time)."""
    reason = pcsc_missing()
    if reason is not None:
        pytest.skip(f"PC/SC integration tests need pcscd, vpcd and vicc: {reason}")
    with PcscStack() as stack:
        yield stack
