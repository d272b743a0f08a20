"""``consular``: every use case of the workstation from a terminal (scripts, batch work, checks).

Contract (kept stable for scripts and support staff):
``consular [--data-dir DIR] [--json] COMMAND ...``; ``CONSULAR_DATA_DIR`` does what ``--data-dir``
does; commands that act for an officer take ``--officer NAME`` and the password from
``CONSULAR_PASSWORD`` or a prompt. Exit codes are in :mod:`workstation.cli.output`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from devices.errors import DeviceError
from workstation import __version__
from workstation.cli import (
    audit_commands,
    civil_commands,
    device_commands,
    document_commands,
    issue_commands,
    keys_commands,
    person_commands,
    photo_commands,
    print_commands,
    setup_commands,
    verify_commands,
)
from workstation.cli.context import CliContext
from workstation.cli.output import EXIT_BAD_INPUT, EXIT_FAILURE, CliExit, Output
from workstation.config import ConfigError
from workstation.domain.errors import DomainError
from workstation.i18n.messages import Translator


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="consular",
        description="Consular workstation: registry, documents, civil registration, audit.",
    )
    parser.add_argument("--version", action="version", version=f"consular {__version__}")
    parser.add_argument(
        "--data-dir", help="data folder (default: $CONSULAR_DATA_DIR or the user's data folder)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    setup_commands.register(commands)
    person_commands.register(commands)
    audit_commands.register(commands)
    document_commands.register(commands)
    keys_commands.register(commands)
    issue_commands.register(commands)
    verify_commands.register(commands)
    print_commands.register(commands)
    device_commands.register(commands)
    photo_commands.register(commands)
    civil_commands.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    output = Output(json_mode=args.json, translator=Translator())
    context = CliContext(args.data_dir, output)
    try:
        try:
            args.handler(args, context)
        except DomainError as error:
            output.domain_error(error)
        except ConfigError as error:
            output.config_error(error)
        except DeviceError as error:
            output.device_error(error)
        except OSError as error:
            output.fail(EXIT_BAD_INPUT, "os.error", str(error))
        finally:
            context.close()
    except CliExit as stop:
        return stop.code
    except KeyboardInterrupt:
        return EXIT_FAILURE
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
