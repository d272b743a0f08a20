"""A throwaway PostgreSQL cluster for the test suite.

Why this exists: the storage layer targets PostgreSQL in production, and SQLite is not a
faithful stand-in (types, locking, DDL in transactions, sequences). Tests that touch the
database therefore run against a real, private PostgreSQL server that is created in a
temporary folder, listens only on 127.0.0.1 on a free port, and is deleted afterwards.
Nothing on the machine is reused or modified: no system cluster, no service manager, no
global state in this process (no atexit hooks, no caches, no environment changes).

Typical use from a session fixture::

    reason = postgres_available()
    if reason is not None:
        require_or_skip(reason)
    with ThrowawayPostgres() as cluster:
        url = cluster.create_database("registry_test")
        ...

The server is tuned for speed, not durability (``fsync=off`` and friends): a crash loses
data, which is irrelevant for a cluster that is thrown away anyway.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Final, Self
from urllib.parse import quote

import pytest

__all__ = [
    "PostgresStartError",
    "ThrowawayPostgres",
    "in_ci",
    "postgres_available",
    "require_or_skip",
]

#: Name of both the operating-system account used when we run as root and the database
#: superuser created by ``initdb``. Using the same name keeps URLs and logs unsurprising.
SERVICE_USER: Final = "postgres"

_REQUIRED_BINARIES: Final = ("initdb", "postgres")
_DEBIAN_BINDIR_GLOB: Final = "/usr/lib/postgresql/*/bin"
_LOG_TAIL_CHARS: Final = 8000
_PORT_ATTEMPTS: Final = 3
_PORT_IN_USE_MARKERS: Final = ("could not bind", "Address already in use")


class PostgresStartError(RuntimeError):
    """Raised when the throwaway cluster cannot be initialised or does not come up.

    The message carries the tail of the server log so that a failing CI run can be
    diagnosed from the test report alone, without access to the (already deleted) folder.
    """


# --------------------------------------------------------------------------------------
# Discovery
# --------------------------------------------------------------------------------------


def _has_server_binaries(bindir: Path) -> bool:
    """Tell whether *bindir* holds everything needed to create and run a cluster."""
    return all(os.access(bindir / name, os.X_OK) for name in _REQUIRED_BINARIES)


def _version_key(bindir: Path) -> tuple[int, ...]:
    """Sort key for ``/usr/lib/postgresql/<version>/bin`` so that 15 sorts after 9.6."""
    parts = re.findall(r"\d+", bindir.parent.name)
    return tuple(int(part) for part in parts) if parts else (-1,)


def find_bindir() -> Path | None:
    """Locate the PostgreSQL server binaries, or return ``None`` if there are none.

    Order: ``pg_config --bindir`` (what the distribution or the developer declared as
    *the* PostgreSQL), then the newest Debian/Ubuntu versioned folder (server packages
    do not put ``initdb`` on ``PATH`` there), then ``PATH`` (Homebrew, Nix, containers).
    """
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            completed = subprocess.run(
                [pg_config, "--bindir"],
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            )
            candidate = Path(completed.stdout.strip())
            # libpq-dev ships pg_config without a server; only trust it if initdb is there.
            if completed.stdout.strip() and _has_server_binaries(candidate):
                return candidate

    versioned = sorted(
        (Path(p) for p in glob.glob(_DEBIAN_BINDIR_GLOB)),
        key=_version_key,
        reverse=True,
    )
    for candidate in versioned:
        if _has_server_binaries(candidate):
            return candidate

    initdb = shutil.which("initdb")
    if initdb is not None:
        candidate = Path(initdb).resolve().parent
        if _has_server_binaries(candidate):
            return candidate
    return None


def _running_as_root() -> bool:
    """Tell whether we must drop privileges: ``initdb`` and ``postgres`` refuse root."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _service_ids() -> tuple[int, int] | None:
    """Return (uid, gid) of :data:`SERVICE_USER`, or ``None`` if the account is missing."""
    import pwd

    try:
        entry = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


def postgres_available() -> str | None:
    """Return ``None`` if a throwaway cluster can be started here, else the reason why not.

    Only cheap, side-effect-free checks are done, so this is suitable for a skip decision
    at collection time. A ``None`` answer does not guarantee that :meth:`start` succeeds
    (e.g. a broken installation), but failures then surface as errors, never as skips.
    """
    if os.name != "posix":
        return "the throwaway PostgreSQL cluster needs a POSIX system"
    try:
        import psycopg  # noqa: F401  (import is the check)
    except ImportError:
        return "psycopg (psycopg[binary]) is not installed"
    if find_bindir() is None:
        return (
            "PostgreSQL server binaries (initdb, postgres) not found via pg_config, "
            f"{_DEBIAN_BINDIR_GLOB} or PATH"
        )
    if _running_as_root():
        if shutil.which("setpriv") is None:
            return "running as root but setpriv is missing (needed to drop to the postgres user)"
        if _service_ids() is None:
            return f"running as root but the system user {SERVICE_USER!r} does not exist"
    return None


def in_ci() -> bool:
    """Tell whether we run under continuous integration.

    Follows the de-facto ``CI`` convention (GitHub Actions, GitLab, Travis... set it);
    explicit false-like values (``0``, ``false``, ``no``, ``off``, empty) count as unset so
    a developer can export ``CI=false`` to get local behaviour.
    """
    value = os.environ.get("CI", "").strip().lower()
    return value not in {"", "0", "false", "no", "off"}


def require_or_skip(reason: str | None) -> None:
    """Skip the current test locally, but fail it in CI, when PostgreSQL is unusable.

    Why: a developer without PostgreSQL should still be able to run the rest of the suite,
    but in CI a silently skipped database suite would hide a broken pipeline. Passing
    ``None`` (i.e. the result of :func:`postgres_available` when all is well) is a no-op.
    """
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"PostgreSQL is required in CI but unusable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")


def _free_port() -> int:
    """Ask the kernel for a currently unused TCP port on 127.0.0.1.

    The port is released before the server binds it, so another process can grab it in
    between; :meth:`ThrowawayPostgres.start` retries with a new port when that happens.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _tail(path: Path, limit: int = _LOG_TAIL_CHARS) -> str:
    """Return the last *limit* characters of a log file, or a note if it is unreadable."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"<log {path} unreadable: {exc}>"
    if len(text) > limit:
        return "...\n" + text[-limit:]
    return text


# --------------------------------------------------------------------------------------
# The cluster
# --------------------------------------------------------------------------------------


class ThrowawayPostgres:
    """A private PostgreSQL server in a temporary folder, for tests only.

    The superuser is ``postgres`` with ``trust`` authentication on 127.0.0.1: no password
    handling in tests, and the server is reachable only from this machine for the few
    seconds the suite runs. Each instance owns its folder, port and process; several can
    run side by side (e.g. under pytest-xdist).

    ``start()`` and ``stop()`` may be called directly or through ``with``. ``stop()`` is
    idempotent and also cleans up after a failed or interrupted ``start()``.
    """

    def __init__(
        self,
        *,
        bindir: Path | None = None,
        settings: Mapping[str, str] | None = None,
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
        base_dir: Path | None = None,
    ) -> None:
        """Configure, but do not start, a cluster.

        :param bindir: folder with ``initdb``/``postgres``; discovered when ``None``.
        :param settings: extra server settings passed as ``-c name=value``; they override
            the speed-oriented defaults.
        :param startup_timeout: seconds to wait for the server to accept connections.
        :param stop_timeout: seconds to wait for a fast shutdown before killing it.
        :param base_dir: parent of the temporary folder (default: the system temp dir).
            When running as root it must be traversable by the ``postgres`` user.
        """
        self._bindir = bindir
        self._settings = dict(settings or {})
        self._startup_timeout = startup_timeout
        self._stop_timeout = stop_timeout
        self._base_dir = base_dir
        self._workdir: Path | None = None
        self._port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    # -- context manager ---------------------------------------------------------------

    def __enter__(self) -> Self:
        """Start the cluster so that ``with ThrowawayPostgres() as pg:`` is ready to use."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the cluster and delete its folder, whatever happened in the block."""
        self.stop()

    # -- public API --------------------------------------------------------------------

    @property
    def port(self) -> int:
        """TCP port on 127.0.0.1 the running server listens on."""
        if self._port is None or self._process is None:
            raise RuntimeError("the throwaway PostgreSQL cluster is not running")
        return self._port

    @property
    def workdir(self) -> Path:
        """Temporary folder holding data, socket and ``server.log`` (deleted on stop)."""
        if self._workdir is None:
            raise RuntimeError("the throwaway PostgreSQL cluster is not running")
        return self._workdir

    @property
    def log_path(self) -> Path:
        """The server log; useful to attach to a failing test while the cluster lives."""
        return self.workdir / "server.log"

    def url(self, db: str = "postgres") -> str:
        """Return the SQLAlchemy URL (psycopg 3 driver) for database *db* on this cluster."""
        return f"postgresql+psycopg://{SERVICE_USER}@127.0.0.1:{self.port}/{quote(db, safe='')}"

    def conninfo(self, db: str = "postgres") -> str:
        """Return a libpq connection string for database *db*, for direct psycopg use."""
        return f"host=127.0.0.1 port={self.port} user={SERVICE_USER} dbname='{_escape(db)}'"

    def create_database(self, name: str) -> str:
        """Create an empty database *name* and return its SQLAlchemy URL.

        A fresh database per test module (or per test) gives isolation without the cost
        of a fresh cluster. ``CREATE DATABASE`` cannot run inside a transaction, hence
        the autocommit connection.
        """
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.conninfo(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def start(self) -> None:
        """Create the cluster, launch the server and wait until it answers queries.

        On any failure (including Ctrl-C) everything created so far is torn down before
        the exception propagates, so a failed start never leaks a process or a folder.
        """
        if self._process is not None or self._workdir is not None:
            raise RuntimeError("the throwaway PostgreSQL cluster is already started")
        bindir = self._bindir or find_bindir()
        if bindir is None:
            raise PostgresStartError(postgres_available() or "PostgreSQL binaries not found")
        try:
            self._prepare_workdir()
            self._initdb(bindir)
            self._launch_with_port_retries(bindir)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Shut the server down and delete the folder; safe to call any number of times.

        SIGINT asks for a *fast* shutdown (abort sessions, no checkpoint wait worth
        mentioning with fsync off). If the server does not exit within ``stop_timeout``
        its process group is killed: the postmaster was started in its own session, and
        its backends exit on their own once they notice the postmaster is gone.
        """
        process, self._process = self._process, None
        if process is not None:
            self._terminate(process)
        log, self._log = self._log, None
        if log is not None:
            log.close()
        workdir, self._workdir = self._workdir, None
        self._port = None
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)

    # -- internals ---------------------------------------------------------------------

    def _prepare_workdir(self) -> None:
        """Create the private temp folder, owned by ``postgres`` when we are root."""
        workdir = Path(tempfile.mkdtemp(prefix="consular-pg-", dir=self._base_dir))
        self._workdir = workdir
        if _running_as_root():
            ids = _service_ids()
            if ids is None:
                raise PostgresStartError(f"system user {SERVICE_USER!r} does not exist")
            os.chown(workdir, *ids)
        self._log = (workdir / "server.log").open("ab")

    def _command(self, bindir: Path, program: str, *args: str) -> list[str]:
        """Build an argv, prefixed with ``setpriv`` when we must drop root privileges."""
        argv = [str(bindir / program), *args]
        if _running_as_root():
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                raise PostgresStartError("running as root but setpriv is not installed")
            prefix = [
                setpriv,
                f"--reuid={SERVICE_USER}",
                f"--regid={SERVICE_USER}",
                "--init-groups",
                "--",
            ]
            return prefix + argv
        return argv

    @staticmethod
    def _environment() -> dict[str, str]:
        """Child environment: no inherited ``PG*`` variables, English messages.

        ``PGPORT``/``PGDATA`` and the like would silently redirect the tools; English
        messages keep the port-collision detection and the logs readable for everyone.
        """
        env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
        env.pop("LC_ALL", None)
        env["LC_MESSAGES"] = "C"
        return env

    def _initdb(self, bindir: Path) -> None:
        """Run ``initdb`` with the cheapest settings that still give a UTF-8 cluster."""
        workdir = self.workdir
        argv = self._command(
            bindir,
            "initdb",
            "--no-sync",
            "-A",
            "trust",
            "-U",
            SERVICE_USER,
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-D",
            str(workdir / "data"),
        )
        try:
            completed = subprocess.run(
                argv,
                cwd=workdir,
                env=self._environment(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PostgresStartError(f"initdb timed out after {exc.timeout} s") from exc
        if completed.returncode != 0:
            raise PostgresStartError(
                f"initdb failed with exit code {completed.returncode}:\n"
                f"{completed.stdout}\n{completed.stderr}"
            )

    def _launch_with_port_retries(self, bindir: Path) -> None:
        """Launch the server, picking a new port if ours was taken in the meantime."""
        for attempt in range(1, _PORT_ATTEMPTS + 1):
            self._port = _free_port()
            log_offset = self.log_path.stat().st_size
            try:
                self._launch(bindir)
                self._wait_until_ready()
                return
            except PostgresStartError:
                # Only this attempt's output counts, not a collision from an earlier one.
                with self.log_path.open("rb") as log_file:
                    log_file.seek(log_offset)
                    log = log_file.read().decode("utf-8", errors="replace")
                port_taken = any(marker in log for marker in _PORT_IN_USE_MARKERS)
                if not port_taken or attempt == _PORT_ATTEMPTS:
                    raise
                process, self._process = self._process, None
                if process is not None:
                    self._terminate(process)

    def _launch(self, bindir: Path) -> None:
        """Start ``postgres`` in the background, in its own session, logging to a file."""
        workdir = self.workdir
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self._port),
            "unix_socket_directories": str(workdir),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            **self._settings,
        }
        args = ["-D", str(workdir / "data")]
        for name, value in settings.items():
            args += ["-c", f"{name}={value}"]
        assert self._log is not None
        self._log.write(f"--- starting on port {self._port} ---\n".encode())
        self._log.flush()
        self._process = subprocess.Popen(
            self._command(bindir, "postgres", *args),
            cwd=workdir,
            env=self._environment(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _wait_until_ready(self) -> None:
        """Poll until a real query succeeds; fail fast if the server process dies."""
        import psycopg

        assert self._process is not None
        deadline = time.monotonic() + self._startup_timeout
        last_error: Exception | None = None
        while True:
            code = self._process.poll()
            if code is not None:
                raise PostgresStartError(
                    f"postgres exited with code {code} during startup; log "
                    f"{self.log_path}:\n{_tail(self.log_path)}"
                )
            try:
                with psycopg.connect(self.conninfo(), connect_timeout=2, autocommit=True) as c:
                    c.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                last_error = exc
            if time.monotonic() >= deadline:
                raise PostgresStartError(
                    f"postgres did not accept connections on 127.0.0.1:{self._port} within "
                    f"{self._startup_timeout} s (last error: {last_error}); log "
                    f"{self.log_path}:\n{_tail(self.log_path)}"
                )
            time.sleep(0.02)

    def _terminate(self, process: subprocess.Popen[bytes]) -> None:
        """Fast-shutdown *process*; kill its whole process group if it will not go."""
        if process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=self._stop_timeout)
            return
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)


def _escape(value: str) -> str:
    """Escape a value for a single-quoted libpq conninfo field."""
    return value.replace("\\", "\\\\").replace("'", "\\'")
