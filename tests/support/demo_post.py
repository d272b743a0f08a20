"""The demo post as the command line makes it, for tests that drive ``consular`` or need the
services built on a data folder: ``consular init --demo``, a person added by the clerk, the
services opened (and closed) on the folder, ``consular`` run with its output captured, and a
civil certificate produced with the demo signing key.

Plain functions, not fixtures: each test module keeps its own fixtures (their scope and the
files they add are its own) and calls these from them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import FixedClock
from tests.rendering.certificate_samples import ISSUED_ON, REGISTRAR, Entry
from workstation.cli import main
from workstation.services.certificates import (
    CertificateKind,
    CertificateProducer,
    ProducedCertificate,
)
from workstation.services.clock import Clock
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.wiring import Services, build_services


def init_demo_post(data_dir: Path) -> Path:
    """``consular --data-dir DATA_DIR init --demo``; returns ``data_dir``."""
    assert main(["--data-dir", str(data_dir), "init", "--demo"]) == 0
    return data_dir


def init_clerk_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, person: Mapping[str, str]
) -> Path:
    """The demo post in ``tmp_path / "post"`` with ``person`` added as record 1 by the clerk.

    The environment is set as a clerk's script has it: ``CONSULAR_DATA_DIR``, the demo
    signing key's passphrase and the clerk's password. Returns the data folder.
    """
    data_dir = tmp_path / "post"
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(data_dir))
    monkeypatch.setenv("CONSULAR_KEY_PASSPHRASE", DEMO_KEY_PASSPHRASE)
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    assert main(["init", "--demo"]) == 0
    person_file = tmp_path / "person.json"
    person_file.write_text(json.dumps(dict(person)))
    assert main(["person", "add", str(person_file), "--officer", "clerk"]) == 0
    return data_dir


def etd_request(replaces: str, *options: str) -> list[str]:
    """``consular issue etd 1`` to Utopia City for the clerk, replacing the passport ``replaces``,
    with ``options`` (``--transit``, ``--photo`` ...)."""
    etd = ["issue", "etd", "1", "--destination", "Utopia City", "--replaces", replaces]
    return [*etd, *options, "--officer", "clerk"]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``consular ARGV...``: its exit code, standard output and standard error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@contextmanager
def open_services(data_dir: Path) -> Iterator[Services]:
    """The services built on ``data_dir``, closed when the block ends."""
    services = build_services(data_dir)
    try:
        yield services
    finally:
        services.close()


def produce_certificate(
    services: Services,
    entry: Entry,
    kind: CertificateKind | str = CertificateKind.FULL,
    layouts: Path | None = None,
) -> ProducedCertificate:
    """The certificate of ``entry`` as the registrar of the samples issues it on their date."""
    return CertificateProducer(services.keys, layouts).produce(
        services.post,
        entry.register_number,
        entry.current,
        entry.annotations,
        entry.current.registered_on,
        ISSUED_ON,
        REGISTRAR,
        CertificateKind(kind),
        DEMO_KEY_PASSPHRASE,
    )


def registrar_post_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> Path:
    """``consular init --demo`` in ``tmp_path/post``, the data folder, the registrar's password
    and the demo signing key in the environment, and every later ``consular`` run in this test
    building its services on a clock that reads ``when``. Returns ``tmp_path``."""
    monkeypatch.setenv("CONSULAR_DATA_DIR", str(tmp_path / "post"))
    monkeypatch.setenv("CONSULAR_KEY_PASSPHRASE", DEMO_KEY_PASSPHRASE)
    monkeypatch.setenv("CONSULAR_PASSWORD", "registrar-demo-1")
    assert main(["init", "--demo"]) == 0
    clock = FixedClock(when)

    def services(data_dir: Path, _clock: Clock | None = None) -> Services:
        return build_services(data_dir, clock)

    monkeypatch.setattr("workstation.cli.context.build_services", services)
    return tmp_path
