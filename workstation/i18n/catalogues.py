"""Keeping the translation catalogues in step with the code (a developer's tool; the running
workstation only reads the compiled files).

Two catalogues per language:

- Qt's, for the widgets' texts (``self.tr``, ``QCoreApplication.translate``):
  ``qt/consular_<lang>.ts`` extracted with ``pyside6-lupdate`` from ``workstation/ui`` and
  ``workstation/app.py``, compiled to ``qt/consular_<lang>.qm`` with ``pyside6-lrelease``;
- gettext's, for the coded messages (:data:`~workstation.i18n.messages.MESSAGES`, the field
  labels and the civil-registration explanations):
  ``locale/<lang>/LC_MESSAGES/consular.po``, compiled to ``consular.mo``.

Both compiled files are committed (the tests check that they match their sources), so an
installed workstation needs neither Qt's tools nor Babel::

    python -m workstation.i18n.catalogues update    # new texts into the .ts and .po files
    python -m workstation.i18n.catalogues update --rev HEAD   # the Qt texts of a commit only
    python -m workstation.i18n.catalogues compile   # .ts -> .qm, .po -> .mo

After ``update``, translate what is new (Qt Linguist, ``pyside6-linguist``, for the .ts; any PO
editor for the .po), then ``compile``. Babel is a development dependency (``.[dev]``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from workstation import __version__
from workstation.domain.civil import explanations
from workstation.i18n.messages import FIELD_LABELS, LOCALE_DIR, MESSAGES

LANGUAGES = ("fr",)
DOMAIN = "consular"
PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent.parent
QT_DIR = PACKAGE_DIR / "qt"

# Modules with a ``_tr(text)`` helper around QCoreApplication.translate with a fixed context:
# lupdate does not follow the helper, so the staged copy spells the call out.
_WRAPPER = re.compile(
    r"def _tr\(text: str\) -> str:\s*return QCoreApplication\.translate\(\"([^\"]+)\", text\)"
)
_WRAPPER_CALL = re.compile(r"(?<!def )(?<![\w.])_tr\(")


def ts_file(language: str) -> Path:
    return QT_DIR / f"consular_{language}.ts"


def qm_file(language: str) -> Path:
    return QT_DIR / f"consular_{language}.qm"


def po_file(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_file(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def qt_sources(root: Path = ROOT) -> list[Path]:
    """The files whose texts go into the Qt catalogue (relative to ``root``)."""
    ui = sorted((root / "workstation" / "ui").glob("*.py"))
    return [path.relative_to(root) for path in [*ui, root / "workstation" / "app.py"]]


def _qt_tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (the workstation's .venv has it)")
    return found


def staged_source(text: str) -> str:
    """``text`` with ``_tr("...")`` helper calls written as the QCoreApplication.translate call
    they make (same lines, so the .ts locations stay right)."""
    found = _WRAPPER.search(text)
    if found is None:
        return text
    return _WRAPPER_CALL.sub(f'QCoreApplication.translate("{found.group(1)}", ', text)


def extract_ts(language: str, target: Path, root: Path = ROOT) -> None:
    """Run lupdate on a staged copy of the sources; ``target`` (an existing .ts or none) gets
    the texts found, keeping the translations it has and dropping the texts gone."""
    with tempfile.TemporaryDirectory(prefix="consular-lupdate-") as stage_name:
        stage = Path(stage_name)
        sources = qt_sources(root)
        for relative in sources:
            staged = stage / relative
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(staged_source((root / relative).read_text("utf-8")), "utf-8")
        staged_ts = stage / ts_file(language).relative_to(ROOT)
        staged_ts.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.copyfile(target, staged_ts)
        subprocess.run(
            [
                _qt_tool("pyside6-lupdate"),
                *(str(stage / relative) for relative in sources),
                "-no-obsolete",
                "-locations",
                "relative",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(staged_ts),
            ],
            check=True,
            capture_output=True,
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staged_ts, target)


def compile_qm(language: str, ts: Path, qm: Path) -> None:
    subprocess.run(
        [_qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def gettext_msgids() -> list[str]:
    """Every msgid the workstation looks up through gettext, in a stable order."""
    tables: Iterable[Mapping[str, str]] = (
        MESSAGES,
        FIELD_LABELS,
        explanations.REASON_TEXTS,
        explanations.REFERRAL_TEXTS,
        explanations.REQUIREMENT_TEXTS,
        explanations.LATER_ROUTE_TEXTS,
        explanations.MISSING_TEXTS,
        explanations.DUPLICATE_TEXTS,
    )
    return list(dict.fromkeys(text for table in tables for text in table.values()))


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def update_po(language: str) -> Catalog:
    """The .po with every msgid of :func:`gettext_msgids`, keeping the translations made."""
    path = po_file(language)
    old = read_catalogue(path) if path.exists() else None
    name = Locale.parse(language).english_name
    catalogue = Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=f"# {name} texts of the consular workstation.",
        project="consular-workstation",
        version=__version__,
        copyright_holder="Consular workstation developers",
        last_translator="Consular workstation developers",
        language_team=name,
        charset="utf-8",
        fuzzy=False,
    )
    if old is not None:  # the dates change when the translations do, not at each update
        catalogue.creation_date = old.creation_date
        catalogue.revision_date = old.revision_date
    for msgid in gettext_msgids():
        message = old.get(msgid) if old is not None else None
        translation = message.string if message is not None else ""
        catalogue.add(msgid, translation, flags=("python-brace-format",) if "{" in msgid else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_po(stream, catalogue, width=100, omit_header=False, no_location=True)
    return catalogue


def compile_mo(language: str, po: Path, mo: Path) -> None:
    catalogue = read_catalogue(po)
    with mo.open("wb") as stream:
        write_mo(stream, catalogue, use_fuzzy=False)


def _extract_from(revision: str | None) -> None:
    """lupdate on the work tree, or on the sources as committed in ``revision`` (leaving out
    what is being edited and not committed yet)."""
    if revision is None:
        for language in LANGUAGES:
            extract_ts(language, ts_file(language))
        return
    with tempfile.TemporaryDirectory(prefix="consular-rev-") as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "workstation/ui", "workstation/app.py"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        for language in LANGUAGES:
            extract_ts(language, ts_file(language), Path(folder))


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if (
        arguments[:1] == ["update"]
        and len(arguments) in (1, 3)
        and arguments[1:2] in ([], ["--rev"])
    ):
        _extract_from(arguments[2] if len(arguments) == 3 else None)
        for language in LANGUAGES:
            update_po(language)
        return 0
    if arguments == ["compile"]:
        for language in LANGUAGES:
            compile_qm(language, ts_file(language), qm_file(language))
            compile_mo(language, po_file(language), mo_file(language))
        return 0
    print(
        "usage: python -m workstation.i18n.catalogues update [--rev REV] | compile",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
