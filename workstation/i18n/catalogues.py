"""Keeping the translation catalogues in step with the code (a developer's tool; the running
workstation only reads the compiled files).

Two catalogues per language:

- Qt's, for the widgets' texts (``self.tr``, ``QCoreApplication.translate``) and the forms'
  (``forms/*.toml``: labels, help texts, titles and choices, a context ``form:<name>`` per form,
  see :mod:`workstation.i18n.form_texts`): ``qt/consular_<lang>.ts`` extracted with
  ``pyside6-lupdate`` from ``workstation/ui``, ``workstation/app.py`` and the forms,
  compiled to ``qt/consular_<lang>.qm`` with ``pyside6-lrelease``;
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

import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from workstation import __version__
from workstation.domain.civil import explanations
from workstation.i18n.form_texts import form_context, raw_form_texts
from workstation.i18n.messages import FIELD_LABELS, LOCALE_DIR, MESSAGES

LANGUAGES = ("fr",)
DOMAIN = "consular"
PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent.parent
QT_DIR = PACKAGE_DIR / "qt"

# Helpers ``def NAME(text: str) -> str: return QCoreApplication.translate("CONTEXT", text)``
# (a module's ``_tr``, or ``tr`` shared by the modules that import it): lupdate does not follow
# them, so the staged copy spells their calls out.
_CALL = r"(?<!def )(?<![\w.]){name}\("
# The form definitions, whose texts go into the Qt catalogue with a context per form.
FORMS_DIR = ROOT / "forms"
FORM_SUFFIX = ".toml.py"  # a staged form's name: lupdate reads it as Python


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


def translate_helpers(text: str) -> dict[str, str]:
    """The helpers ``text`` defines (name -> their fixed translation context)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return {}
    found = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) == 1):
            continue
        body = [n for n in node.body if not isinstance(n, ast.Expr)]  # docstrings aside
        call = body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None
        if (
            isinstance(call, ast.Call)
            and ast.unparse(call.func) == "QCoreApplication.translate"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = call.args[0].value
    return found


def imported_helpers(text: str, helpers: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The helpers of other modules (``helpers``: module -> name -> context) ``text`` imports
    (``from workstation.ui.x import tr``, possibly ``as`` another name)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return {}
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in helpers:
            for alias in node.names:
                context = helpers[node.module or ""].get(alias.name)
                if context is not None:
                    found[alias.asname or alias.name] = context
    return found


def staged_source(text: str, imported: Mapping[str, str] | None = None) -> str:
    """``text`` with its translation helpers' calls (its own, and ``imported``: name ->
    context) written as the QCoreApplication.translate call they make, and the translate calls
    inside f-strings taken out of them (same lines, so the .ts locations stay right)."""
    helpers = {**(imported or {}), **translate_helpers(text)}
    text = _spell_out_fstrings(text, helpers)
    for name, context in helpers.items():
        text = re.sub(
            _CALL.format(name=re.escape(name)), f'QCoreApplication.translate("{context}", ', text
        )
    return text


def _translate_call(node: ast.AST, helpers: Mapping[str, str]) -> str | None:
    """``node`` written as the translate call lupdate reads, when it is one with literal text
    (``self.tr("...")``, ``QCoreApplication.translate("c", "...")``, a helper's call)."""
    if not isinstance(node, ast.Call):
        return None
    name = ast.unparse(node.func)
    texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
    if len(texts) != len(node.args) or not all(isinstance(t, str) for t in texts):
        return None
    quoted = ", ".join(json.dumps(t, ensure_ascii=False) for t in texts)
    if name == "QCoreApplication.translate" and len(texts) in (2, 3):
        return f"QCoreApplication.translate({quoted})"
    if name.endswith(".tr") and len(texts) in (1, 2):
        return f"{name}({quoted})"
    if name in helpers and len(texts) == 1:
        return f'QCoreApplication.translate("{helpers[name]}", {quoted})'
    return None


def _spell_out_fstrings(text: str, helpers: Mapping[str, str]) -> str:
    """The f-strings of ``text`` that hold translate calls (lupdate does not look inside
    f-strings) written as a tuple of those calls, on the same lines."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    outermost: list[ast.JoinedStr] = []
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in inside:
            outermost.append(node)
            inside.update(id(n) for n in ast.walk(node) if n is not node)
    lines = text.splitlines(keepends=True)
    for node in sorted(outermost, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        calls = [c for c in map(lambda n: _translate_call(n, helpers), ast.walk(node)) if c]
        if not calls or node.end_lineno is None or node.end_col_offset is None:
            continue
        first, last = node.lineno - 1, node.end_lineno - 1
        head = lines[first].encode()[: node.col_offset].decode()
        tail = lines[last].encode()[node.end_col_offset :].decode()
        spelled = "(" + ", ".join(calls) + ",)" + "\n" * (last - first)
        lines[first : last + 1] = [head + spelled + tail]
    return "".join(lines)


def staged_form(text: str, service: str) -> str:
    """A form file as Python lupdate reads: a translate call in the form's context for each of
    its texts, on the line where the text is in the TOML (as far as it is found there)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return ""
    lines = text.splitlines()
    calls: dict[int, list[str]] = {}
    context = form_context(service)
    last = 0
    for item in dict.fromkeys(raw_form_texts(data)):
        needles = {item, item.replace(" ", "_"), item.lower().replace(" ", "_"), item.lower()}
        where = next(
            (n for n, line in enumerate(lines) if any(f'"{x}"' in line for x in needles)), None
        )
        line = where if where is not None else max(last, len(lines))
        last = max(last, line + 1)
        quoted = json.dumps(item, ensure_ascii=False)
        calls.setdefault(line, []).append(f'QCoreApplication.translate("{context}", {quoted})')
    top = max(calls, default=-1) + 1
    return "\n".join("; ".join(calls.get(n, [])) for n in range(top)) + "\n"


def form_sources(root: Path = ROOT) -> list[Path]:
    """The form definitions whose texts go into the Qt catalogue (relative to ``root``)."""
    return [path.relative_to(root) for path in sorted((root / "forms").glob("*.toml"))]


def _module(relative: Path) -> str:
    return ".".join(relative.with_suffix("").parts)


def stage_sources(stage: Path, root: Path = ROOT) -> list[Path]:
    """Copy what lupdate reads into ``stage``: the sources with their helpers spelled out and
    the forms as Python (:func:`staged_form`); return the staged files."""
    texts = {relative: (root / relative).read_text("utf-8") for relative in qt_sources(root)}
    helpers = {_module(relative): translate_helpers(text) for relative, text in texts.items()}
    staged_files = []
    for relative, text in texts.items():
        staged = stage / relative
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(staged_source(text, imported_helpers(text, helpers)), "utf-8")
        staged_files.append(staged)
    for relative in form_sources(root):
        staged = stage / relative.with_name(relative.name[: -len(".toml")] + FORM_SUFFIX)
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(staged_form((root / relative).read_text("utf-8"), relative.stem), "utf-8")
        staged_files.append(staged)
    return staged_files


def run_lupdate(language: str, files: list[Path], ts: Path) -> None:
    """lupdate ``files`` into ``ts`` (created, or updated keeping its translations and dropping
    the texts gone); a staged form's location names its TOML file."""
    subprocess.run(
        [
            _qt_tool("pyside6-lupdate"),
            *(str(path) for path in files),
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    text = ts.read_text("utf-8")
    ts.write_text(text.replace(f'{FORM_SUFFIX}"', '.toml"'), "utf-8")


def extract_ts(language: str, target: Path, root: Path = ROOT) -> None:
    """Run lupdate on a staged copy of the sources and forms; ``target`` (an existing .ts or
    none) gets the texts found, keeping the translations it has and dropping the texts gone."""
    with tempfile.TemporaryDirectory(prefix="consular-lupdate-") as stage_name:
        stage = Path(stage_name)
        files = stage_sources(stage, root)
        staged_ts = stage / ts_file(language).relative_to(ROOT)
        staged_ts.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            shutil.copyfile(target, staged_ts)
        run_lupdate(language, files, staged_ts)
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
            [
                "git",
                "-C",
                str(ROOT),
                "archive",
                revision,
                "workstation/ui",
                "workstation/app.py",
                "forms",
            ],
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
