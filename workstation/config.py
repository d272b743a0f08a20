"""The site configuration (``site.toml`` in the data folder) as frozen dataclasses.

Validated at start: any problem names the file and the key, so support staff can fix it without
reading code. No Qt here; the GUI's own state lives in QSettings.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from workstation.domain.document_kinds import DEFAULT_KINDS, DocumentKind, NumberingRule
from workstation.domain.errors import DomainError
from workstation.domain.portrait import PortraitThresholds, threshold_errors
from workstation.domain.posts import Post
from workstation.paths import default_database_url


def is_time_zone(name: str) -> bool:
    """True for a name in the tz database (``Europe/Zurich``), without listing the database."""
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # unknown name: KeyError; a path: ValueError
        return False
    return True


class ConfigError(Exception):
    """A problem in the site configuration, naming the file and the key."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(frozen=True, slots=True)
class DeviceSettings:
    reader: str | None = None
    card_printer: str | None = None
    a4_printer: str | None = None
    camera: str | None = None


@dataclass(frozen=True, slots=True)
class UiSettings:
    idle_lock_minutes: int = 5
    language: str = "en"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    path: Path
    post: Post
    database_url: str
    document_kinds: tuple[DocumentKind, ...]
    devices: DeviceSettings
    ui: UiSettings
    photo: PortraitThresholds = field(default_factory=PortraitThresholds)


_TOP_KEYS = {"post", "database", "documents", "devices", "ui", "photo"}
_POST_KEYS = {"code", "issuing_state", "name", "city", "country", "time_zone"}
_KIND_KEYS = {"requires_approval", "prefix", "width", "validity_days"}


def _table(data: Mapping[str, Any], key: str, path: Path, where: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(path, f"{where}{key}", "must be a table")
    return value


def _unknown(table: Mapping[str, Any], allowed: set[str], path: Path, where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ConfigError(path, f"{where}{key}", f"unknown key (allowed: {sorted(allowed)})")


_REQUIRED = object()


def _typed(
    table: Mapping[str, Any], key: str, kind: type, path: Path, where: str, default: Any = _REQUIRED
) -> Any:
    if key not in table:
        if default is _REQUIRED:
            raise ConfigError(path, f"{where}{key}", "is required")
        return default
    value = table[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(path, f"{where}{key}", f"must be {kind.__name__}, not {value!r}")
    return value


def _post(data: Mapping[str, Any], path: Path) -> Post:
    table = _table(data, "post", path, "")
    _unknown(table, _POST_KEYS, path, "post.")
    values = {
        k: _typed(table, k, str, path, "post.", "" if k == "country" else _REQUIRED)
        for k in _POST_KEYS
    }
    try:
        return Post.create(**values, is_time_zone=is_time_zone)
    except DomainError as error:
        raise ConfigError(path, f"post.{error.field}", f"{error.code} {error.params}") from None


def _kinds(data: Mapping[str, Any], path: Path) -> tuple[DocumentKind, ...]:
    table = _table(data, "documents", path, "")
    defaults = {k.code: k for k in DEFAULT_KINDS}
    for code in table:
        if code not in defaults:
            raise ConfigError(
                path, f"documents.{code}", f"unknown document kind (known: {sorted(defaults)})"
            )
    kinds = []
    for code, default in defaults.items():
        where = f"documents.{code}."
        settings = _table(table, code, path, "documents.")
        _unknown(settings, _KIND_KEYS, path, where)
        try:
            kinds.append(
                DocumentKind(
                    code,
                    _typed(
                        settings, "requires_approval", bool, path, where, default.requires_approval
                    ),
                    NumberingRule(
                        _typed(settings, "prefix", str, path, where, default.numbering.prefix),
                        _typed(settings, "width", int, path, where, default.numbering.width),
                    ),
                    _typed(settings, "validity_days", int, path, where, default.validity_days),
                )
            )
        except DomainError as error:
            raise ConfigError(path, f"{where}{error.field}", error.code) from None
    return tuple(kinds)


def _photo(data: Mapping[str, Any], path: Path) -> PortraitThresholds:
    """``[photo]``: portrait thresholds and output sizes; every key optional (defaults: the
    ICAO figures in :class:`PortraitThresholds`)."""
    table = _table(data, "photo", path, "")
    defaults = PortraitThresholds()
    _unknown(table, set(PortraitThresholds.setting_names()), path, "photo.")
    values: dict[str, Any] = {}
    for key in PortraitThresholds.setting_names():
        default = getattr(defaults, key)
        if isinstance(default, int):
            values[key] = _typed(table, key, int, path, "photo.", default)
        else:  # a float setting also takes a whole number (0 or 120)
            value = table.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(path, f"photo.{key}", f"must be a number, not {value!r}")
            values[key] = float(value)
    thresholds = PortraitThresholds(**values)
    errors = threshold_errors(thresholds)
    if errors:
        first = errors[0]
        raise ConfigError(path, f"photo.{first.field}", f"{first.code} {dict(first.params)}")
    return thresholds


def load_site_config(path: Path) -> SiteConfig:
    """Read and validate ``site.toml``; raise :class:`ConfigError` naming the bad key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, "", "no site configuration: run 'consular init'") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, "", f"not valid TOML: {error}") from None
    _unknown(data, _TOP_KEYS, path, "")
    database = _table(data, "database", path, "")
    _unknown(database, {"url"}, path, "database.")
    url = _typed(database, "url", str, path, "database.", default_database_url(path.parent))
    if not url.startswith(("sqlite:///", "postgresql")):
        raise ConfigError(path, "database.url", "must be a sqlite:/// or postgresql URL")
    devices = _table(data, "devices", path, "")
    _unknown(devices, set(DeviceSettings.__slots__), path, "devices.")
    ui = _table(data, "ui", path, "")
    _unknown(ui, {"idle_lock_minutes", "language"}, path, "ui.")
    lock = _typed(ui, "idle_lock_minutes", int, path, "ui.", 5)
    if not 1 <= lock <= 120:
        raise ConfigError(path, "ui.idle_lock_minutes", "must be between 1 and 120")
    return SiteConfig(
        path=path,
        post=_post(data, path),
        database_url=url,
        document_kinds=_kinds(data, path),
        devices=DeviceSettings(
            **{k: (_typed(devices, k, str, path, "devices.", "") or None) for k in devices}
        ),
        ui=UiSettings(lock, _typed(ui, "language", str, path, "ui.", "en")),
        photo=_photo(data, path),
    )


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


#: The demo post prints into folders of the data folder (PDF and PNG files), so a new machine
#: issues and "prints" without a printer; a real post names its system print queues.
DEMO_DEVICES = DeviceSettings(card_printer="folder:cards", a4_printer="folder:a4")


def render_site_config(
    post: Post, database_url: str | None = None, devices: DeviceSettings | None = None
) -> str:
    """The text of a new ``site.toml`` with every setting spelled out and commented."""
    devices = devices or DeviceSettings()
    lines = [
        "# Consular workstation: site configuration. Checked at start; errors name the key.",
        "",
        "[post]",
        *(
            f"{key} = {_toml_string(getattr(post, key))}"
            for key in ("code", "issuing_state", "name", "city", "country", "time_zone")
        ),
        "",
        "[database]",
        "# Default: SQLite in this folder. A consulate network uses PostgreSQL:",
        '# url = "postgresql+psycopg://user@host:5432/consular"',
    ]
    if database_url:
        lines.append(f"url = {_toml_string(database_url)}")
    for kind in DEFAULT_KINDS:
        lines += [
            "",
            f"[documents.{kind.code}]",
            f"requires_approval = {str(kind.requires_approval).lower()}",
            f"prefix = {_toml_string(kind.numbering.prefix)}",
            f"width = {kind.numbering.width}",
            f"validity_days = {kind.validity_days}",
        ]
    lines += [
        "",
        "[devices]",
        "# System print queue names and reader name (or part of it); empty = not configured.",
        '# "folder:NAME" prints PDF and PNG files into the folder printed/NAME of the data folder.',
        *(
            f"{key} = {_toml_string(getattr(devices, key) or '')}"
            for key in ("reader", "card_printer", "a4_printer", "camera")
        ),
        "",
        "[ui]",
        "idle_lock_minutes = 5",
        'language = "en"',
        "",
    ]
    return "\n".join(lines)


def with_devices(text: str, changes: Mapping[str, str | None]) -> str:
    """``site.toml``'s text with the ``[devices]`` keys in ``changes`` set (``None``/"" clears
    one), everything else (comments, order, other tables) kept as it is."""
    unknown = set(changes) - set(DeviceSettings.__slots__)
    if unknown:
        raise ValueError(f"not a device setting: {', '.join(sorted(unknown))}")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == "[devices]"), None)
    if start is None:
        lines += ["", "[devices]"]
        start = len(lines) - 1
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
        len(lines),
    )
    pending = dict(changes)
    for i in range(start + 1, end):
        key = lines[i].split("=", 1)[0].strip()
        if "=" in lines[i] and not lines[i].lstrip().startswith("#") and key in pending:
            lines[i] = f"{key} = {_toml_string(pending.pop(key) or '')}"
    insert_at = end
    while insert_at > start + 1 and not lines[insert_at - 1].strip():
        insert_at -= 1
    lines[insert_at:insert_at] = [f"{k} = {_toml_string(v or '')}" for k, v in pending.items()]
    return "\n".join(lines) + "\n"
