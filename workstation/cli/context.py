"""What every command needs: the data folder, the services (built on first use), sign-in."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from workstation.cli.output import Output
from workstation.domain.errors import PermissionDeniedError
from workstation.domain.officers import Officer
from workstation.paths import data_dir
from workstation.wiring import Services, build_services

PASSWORD_ENV = "CONSULAR_PASSWORD"


class CliContext:
    def __init__(self, data_dir_option: str | None, output: Output) -> None:
        self.data_dir: Path = data_dir(data_dir_option)
        self.output = output
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            self._services = build_services(self.data_dir)
        return self._services

    def sign_in(self, username: str) -> Officer:
        """The officer a command acts for: password from CONSULAR_PASSWORD or a prompt."""
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            if not sys.stdin.isatty():
                raise PermissionDeniedError("auth.password_missing", "password")
            password = getpass.getpass(f"Password for {username}: ")
        return self.services.accounts.authenticate(username, password)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
