"""Tests for the throwaway PostgreSQL cluster in ``tests.support.postgres``.

Why: every database test depends on this helper; if it leaks servers, ports or folders,
or silently skips in CI, the rest of the storage suite cannot be trusted.
"""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.support.postgres import (
    PostgresStartError,
    ThrowawayPostgres,
    postgres_available,
    require_or_skip,
)


def _accepts_connections(port: int) -> bool:
    """Tell whether anything listens on 127.0.0.1:*port*."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.postgres
def test_cluster_serves_two_databases_then_stops_cleanly() -> None:
    require_or_skip(postgres_available())
    cluster = ThrowawayPostgres()
    with cluster:
        port = cluster.port
        workdir = cluster.workdir
        assert _accepts_connections(port)
        for name in ("registry_a", "registry_b"):
            url = cluster.create_database(name)
            assert url == f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}"
            engine = create_engine(url)
            try:
                with engine.connect() as conn:
                    assert conn.execute(text("select 1")).scalar_one() == 1
                    assert conn.execute(text("select current_database()")).scalar_one() == name
            finally:
                engine.dispose()

    assert not _accepts_connections(port)
    assert not workdir.exists()
    cluster.stop()  # idempotent: a second stop is a no-op


@pytest.mark.postgres
def test_failed_start_reports_server_log_and_cleans_up() -> None:
    require_or_skip(postgres_available())
    # Our own parent folder (in the system temp dir, which the postgres user can traverse
    # when the suite runs as root) lets us check that nothing is left behind.
    with tempfile.TemporaryDirectory(prefix="pg-base-") as base:
        base_dir = Path(base)
        base_dir.chmod(0o755)
        cluster = ThrowawayPostgres(settings={"shared_buffers": "not-a-size"}, base_dir=base_dir)
        with pytest.raises(PostgresStartError, match="shared_buffers"):
            cluster.start()
        assert list(base_dir.iterdir()) == []
        with pytest.raises(RuntimeError):
            _ = cluster.port


def test_stop_before_start_is_a_no_op() -> None:
    cluster = ThrowawayPostgres()
    cluster.stop()
    cluster.stop()
    with pytest.raises(RuntimeError):
        _ = cluster.port


def test_require_or_skip_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no binaries"):
        require_or_skip("no binaries")


def test_require_or_skip_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no binaries"):
        require_or_skip("no binaries")


def test_require_or_skip_passes_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    require_or_skip(None)
