"""UI fixtures: a real demo data folder (``consular init --demo``), its services, a task runner
that is shut down (threads joined) before the services close, and sample persons."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from devices.registry import DeviceMap
from devices.status import DeviceKind, DeviceState, DeviceStatus
from workstation.cli import main as cli_main
from workstation.domain.officers import Officer
from workstation.i18n.messages import Translator
from workstation.ui.tasks import ErrorReporter, TaskRunner
from workstation.wiring import Services, build_services

MUELLER = {
    "surname": "Müller-Lüdenscheid",
    "given_names": "Jürgen",
    "sex": "M",
    "birth_date": "1984-07-21",
    "nationality": "UTO",
    "place_of_birth": "Zürich",
    "country_of_birth": "CHE",
    "identifiers": [{"kind": "passport", "number": "C01X00T47", "issuer": "UTO"}],
    "address": {
        "lines": ["Rue du Rhône 12"],
        "city": "Genève",
        "postcode": "1204",
        "country": "CHE",
    },
    "phone": "+41 22 555 01 23",
    "email": "j.mueller@example.org",
}


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo post per session (argon2 hashing of the demo accounts is slow on purpose)."""
    folder = tmp_path_factory.mktemp("demo-template")
    assert cli_main(["--data-dir", str(folder), "init", "--demo"]) == 0
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def services(demo_dir: Path) -> Iterator[Services]:
    built = build_services(demo_dir)
    yield built
    built.close()


@pytest.fixture
def reporter(qapp: QApplication) -> ErrorReporter:
    return ErrorReporter(Translator(), show_dialogs=False)


@pytest.fixture
def runner(services: Services, reporter: ErrorReporter) -> Iterator[TaskRunner]:
    """Depends on ``services`` so that it is shut down first: no worker outlives the database."""
    task_runner = TaskRunner(reporter)
    yield task_runner
    assert task_runner.shutdown(), "a task was still running at teardown"


@pytest.fixture
def clerk(services: Services) -> Officer:
    return services.accounts.authenticate("clerk", "clerk-demo-1")


@pytest.fixture
def mueller_id(services: Services, clerk: Officer) -> int:
    return services.persons.add(clerk, MUELLER)


def _fixed_statuses(_device_map: DeviceMap) -> list[DeviceStatus]:
    return [
        DeviceStatus(kind, DeviceState.NOT_CONFIGURED, None, "printer.not_configured")
        for kind in DeviceKind
    ]


@pytest.fixture
def fixed_probe() -> Callable[[DeviceMap], list[DeviceStatus]]:
    """A probe that answers at once, for tests about other parts of the window."""
    return _fixed_statuses
