"""How the CLI talks: plain text for people, ``--json`` for scripts, stable exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from devices.errors import DeviceError
from workstation.config import ConfigError
from workstation.domain.errors import (
    ConflictError,
    DomainError,
    LifecycleError,
    NotFoundError,
    PermissionDeniedError,
)
from workstation.i18n.messages import Translator

# Exit codes scripts can rely on.
EXIT_OK = 0
EXIT_FAILURE = 1  # an unexpected error (a bug or the environment); details on stderr
EXIT_BAD_INPUT = 2  # the input was refused; nothing was written
EXIT_DENIED = 3  # wrong credentials or a role that may not do this
EXIT_NOT_FOUND = 4
EXIT_CONFLICT = 5  # the request contradicts what is recorded (state, duplicate)
EXIT_CHECK_FAILED = 6  # a verification found a problem (audit chain, number stock)
EXIT_DEVICE = 7  # a printer, reader or card did not finish the job; it is kept for a retry


class CliExit(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class Output:
    json_mode: bool
    translator: Translator

    def result(self, data: Mapping[str, Any] | list[Any], text: Callable[[], str]) -> None:
        """Print ``data`` as JSON, or the human text ``text()`` builds."""
        if self.json_mode:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(text())

    def fail(
        self, exit_code: int, code: str, message: str, errors: list[dict[str, str]] | None = None
    ) -> NoReturn:
        if self.json_mode:
            payload: dict[str, Any] = {"error": code, "message": message}
            if errors:
                payload["errors"] = errors
            print(json.dumps(payload, ensure_ascii=False, indent=2), file=sys.stderr)
        else:
            print(f"consular: {message}", file=sys.stderr)
        raise CliExit(exit_code)

    def domain_error(self, error: DomainError) -> NoReturn:
        if isinstance(error, PermissionDeniedError):
            exit_code = EXIT_DENIED
        elif isinstance(error, NotFoundError):
            exit_code = EXIT_NOT_FOUND
        elif isinstance(error, ConflictError | LifecycleError):
            exit_code = EXIT_CONFLICT
        else:
            exit_code = EXIT_BAD_INPUT
        problems = self.translator.field_errors(error)
        self.fail(
            exit_code,
            error.code,
            "\n".join(message for _field, message in problems),
            [{"field": field, "message": message} for field, message in problems],
        )

    def device_error(self, error: DeviceError) -> NoReturn:
        """A device refused or failed: the translated message, the technical detail after it."""
        message = self.translator.text(error.code, None, {})
        if error.detail:
            message += f" [{error.detail}]"
        self.fail(EXIT_DEVICE, error.code, message)

    def config_error(self, error: ConfigError) -> NoReturn:
        self.fail(
            EXIT_BAD_INPUT,
            "config.invalid",
            str(error),
            [{"field": error.key, "message": error.problem}],
        )
