"""The French catalogues: every text translated, placeholders, mnemonics and ellipses kept, and
the committed compiled files (.mo, .qm) the same as their sources (.po, .ts)."""

from __future__ import annotations

import gettext
import re
import shutil
import string
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from workstation.domain.errors import DomainError, FieldError, ValidationError
from workstation.i18n import catalogues
from workstation.i18n.form_texts import choice_label, form_context, raw_form_texts
from workstation.i18n.messages import LOCALE_DIR, MESSAGES, Translator

LANGUAGE = "fr"


def placeholders(text: str) -> list[str]:
    """The ``{name:spec}`` fields of a str.format template, sorted."""
    return sorted(
        f"{name}:{spec}" for _literal, name, spec, _conv in string.Formatter().parse(text) if name
    )


def mnemonics(text: str) -> list[str]:
    """The letters marked with & (&& is a literal ampersand)."""
    return re.findall(r"(?<!&)&([^&\s])", text.replace("&&", ""))


@pytest.fixture(scope="module")
def french() -> gettext.GNUTranslations:
    """The compiled catalogue, as the workstation loads it."""
    return gettext.translation("consular", LOCALE_DIR, languages=[LANGUAGE])  # type: ignore[return-value]


@pytest.fixture(scope="module")
def po():
    return catalogues.read_catalogue(catalogues.po_file(LANGUAGE))


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_code_has_a_french_text_with_the_same_placeholders(code, french) -> None:
    msgid = MESSAGES[code]
    translated = french.gettext(msgid)
    assert translated != msgid or msgid.startswith("{"), f"{code}: not translated"
    assert translated.strip()
    assert placeholders(translated) == placeholders(msgid), code


def test_the_po_has_every_msgid_translated_with_its_placeholders(po) -> None:
    ids = catalogues.gettext_msgids()
    missing = [msgid for msgid in ids if po.get(msgid) is None or not po.get(msgid).string]
    assert not missing, f"untranslated (python -m workstation.i18n.catalogues update): {missing}"
    wrong = [m.id for m in po if m.id and placeholders(m.string) != placeholders(m.id)]
    assert not wrong
    assert not [m.id for m in po if m.id and m.fuzzy]


def test_the_committed_mo_is_compiled_from_the_po(po, tmp_path: Path) -> None:
    with catalogues.mo_file(LANGUAGE).open("rb") as stream:
        committed = gettext.GNUTranslations(stream)
    expected = {m.id: m.string for m in po if m.id}
    assert {k: v for k, v in committed._catalog.items() if k} == expected, (  # type: ignore[attr-defined]
        "run: python -m workstation.i18n.catalogues compile"
    )


def test_a_domain_error_is_described_in_french() -> None:
    translator = Translator(LANGUAGE)
    assert (
        translator.describe(DomainError("auth.invalid_credentials"))
        == "Nom d'utilisateur ou mot de passe incorrect."
    )
    error = ValidationError(
        [
            FieldError("surname", "field.required", {}),
            FieldError("birth_date", "date.in_future", {"value": "2999-01-01"}),
        ]
    )
    assert translator.field_errors(error) == [
        ("surname", "Nom\u00a0: champ obligatoire."),
        ("birth_date", "Date de naissance est dans le futur\u00a0: 2999-01-01."),
    ]
    # A region falls back to the language; English stays the source text.
    assert Translator("fr_CH").describe(DomainError("auth.account_disabled")) == (
        "Ce compte est désactivé."
    )
    assert Translator("en").describe(DomainError("auth.account_disabled")) == (
        "This account is disabled."
    )


def _ts_messages(path: Path | None = None) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message of the French .ts (``path``:
    another .ts)."""
    root = ET.parse(path or catalogues.ts_file(LANGUAGE)).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return found


def test_every_qt_text_is_translated_keeping_placeholders_mnemonics_and_ellipses() -> None:
    messages = _ts_messages()
    assert len(messages) > 300
    problems = []
    for context, source, translation, kind in messages:
        where = f"{context}: {source!r} -> {translation!r}"
        if kind in ("unfinished", "vanished", "obsolete") or not translation.strip():
            problems.append(f"not translated: {where}")
            continue
        if placeholders(translation) != placeholders(source):
            problems.append(f"placeholders: {where}")
        if len(mnemonics(source)) != len(mnemonics(translation)):
            problems.append(f"mnemonic: {where}")
        if source.endswith(("…", "...")) and not translation.endswith(("…", "...")):
            problems.append(f"ellipsis: {where}")
        if source[:1].isspace() != translation[:1].isspace():
            problems.append(f"leading space: {where}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "labels",
    [
        # The menu bar
        ("&File", "&Registry", "Doc&uments", "&Devices", "&Help"),
        # The workspace's tabs
        ("Detai&ls", "Docu&ments", "A&pprovals"),
        # The search panel beside the photo page's buttons, and beside the person form's
        ("&Find:", "&Born:", "&Take photo (Space)", "&Import file… (Ctrl+O)"),
        ("&Find:", "&Born:", "&Override… (Ctrl+J)", "&Use this photo (Ctrl+Enter)"),
        ("&Find:", "&Born:", "&MRZ…", "&New", "&Save"),
        # The civil register: its list, an entry, the registration form
        ("New &birth…", "New &marriage…", "New &death…", "S&how:", "A&nnotate…", "Re&ject"),
        ("&Register", "&New", "Register &anyway", "Also add the &child to the person registry"),
        # The sign-in page
        ("&User name:", "&Password:", "&Quit", "&Sign in"),
        # The screen lock
        ("&Password:", "&Unlock", "Sign &out"),
        # Reading a passport chip
        ("Document &number:", "&Birth date (YYMMDD):", "&Expiry date (YYMMDD):", "&Read chip"),
        # The documents page with its print panel
        (
            "New &card",
            "New &ETD…",
            "Submi&t",
            "&Issue",
            "&Write chip",
            "Print a&gain…",
            "Sp&oiled copy…",
            "&Void…",
            "Printer &queue:",
            "Retr&y",
            "Cancel &job",
            "Card &spoiled…",
            "Printed by ha&nd…",
        ),
        # The supervisor's step and the ETD request
        ("&Reason:", "&Supervisor:", "Supervisor's pass&word:"),
        ("&Destination:", "&Transit points:", "&Passport replaced:"),
    ],
)
def test_mnemonics_shown_together_stay_unique(labels: tuple[str, ...]) -> None:
    translations: dict[str, str] = {}
    for _context, source, translation, _kind in _ts_messages():
        translations.setdefault(source, translation)
    letters = [mnemonics(translations[label])[0].casefold() for label in labels]
    assert len(set(letters)) == len(letters), [translations[label] for label in labels]


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "consular_fr.qm"
    catalogues.compile_qm(LANGUAGE, catalogues.ts_file(LANGUAGE), compiled)
    assert catalogues.qm_file(LANGUAGE).read_bytes() == compiled.read_bytes(), (
        "run: python -m workstation.i18n.catalogues compile"
    )


def test_the_extraction_spells_out_the_tr_helpers() -> None:
    source = (
        "def _tr(text: str) -> str:\n"
        '    return QCoreApplication.translate("documents", text)\n'
        'HEADERS = [_tr("Number"), self._tr_x("kept")]\n'
    )
    staged = catalogues.staged_source(source)
    assert 'QCoreApplication.translate("documents", "Number")' in staged
    assert "def _tr(text: str)" in staged
    assert "self._tr_x(" in staged
    assert staged.count("\n") == source.count("\n")


def _translations(context_prefix: str = "") -> dict[tuple[str, str], str]:
    """(context, source) -> translation of the finished messages of the French .ts."""
    return {
        (context, source): translation
        for context, source, translation, kind in _ts_messages()
        if context.startswith(context_prefix) and kind is None and translation.strip()
    }


@pytest.mark.parametrize(
    "form", sorted(path.stem for path in (catalogues.ROOT / "forms").glob("*.toml"))
)
def test_every_text_of_every_form_has_a_french_translation(form: str) -> None:
    """Labels, help texts, title and choices of each forms/*.toml (a new form too: run
    ``python -m workstation.i18n.catalogues update``, translate, ``compile``)."""
    data = tomllib.loads((catalogues.ROOT / "forms" / f"{form}.toml").read_text("utf-8"))
    texts = list(raw_form_texts(data))
    assert texts
    translated = _translations(form_context(form))
    missing = [text for text in texts if (form_context(form), text) not in translated]
    assert not missing, f"not translated in {form_context(form)}: {missing}"


def test_every_qt_text_of_the_sources_and_forms_is_in_the_catalogue(tmp_path: Path) -> None:
    """A fresh extraction (lupdate over workstation/ui, app.py and the forms, as ``update``
    does) into a copy of the committed .ts finds no text the catalogue does not translate."""
    fresh = tmp_path / "consular_fr.ts"
    shutil.copyfile(catalogues.ts_file(LANGUAGE), fresh)
    catalogues.extract_ts(LANGUAGE, fresh)
    untranslated = [
        f"{context}: {source!r}"
        for context, source, translation, kind in _ts_messages(fresh)
        if kind is not None or not translation.strip()
    ]
    assert not untranslated, (
        "run python -m workstation.i18n.catalogues update, translate, then compile:\n"
        + "\n".join(untranslated)
    )


def test_a_form_is_staged_as_translate_calls_on_the_lines_of_its_texts() -> None:
    toml = (
        'title = "Birth registration"\n'
        "\n"
        "[[fields]]\n"
        'name = "marital"\n'
        'type = "choice"\n'
        'label = "Parents married"\n'
        'help = "As the parents say."\n'
        'choices = ["married", "not_married", "national_id"]\n'
    )
    staged = catalogues.staged_form(toml, "birth_registration").splitlines()
    call = 'QCoreApplication.translate("form:birth_registration", "{}")'.format
    assert staged[0] == call("Birth registration")
    assert staged[5] == call("Parents married")
    assert staged[6] == call("As the parents say.")
    assert staged[7] == "; ".join(call(t) for t in ("Married", "Not married", "National ID"))
    assert choice_label("F") == "F"


def test_the_extraction_follows_a_helper_imported_from_another_module() -> None:
    texts = (
        'def tr(text: str) -> str:\n    return QCoreApplication.translate("civil_register", text)\n'
    )
    helpers = {"workstation.ui.civil_register_texts": catalogues.translate_helpers(texts)}
    user = (
        "from workstation.ui.civil_register_texts import (\n    kind_text,\n    tr,\n)\n"
        'HEADERS = [tr("Kind"), self.tr("Own")]\n'
    )
    imported = catalogues.imported_helpers(user, helpers)
    assert imported == {"tr": "civil_register"}
    staged = catalogues.staged_source(user, imported)
    assert 'QCoreApplication.translate("civil_register", "Kind")' in staged
    assert 'self.tr("Own")' in staged


def test_the_extraction_takes_translate_calls_out_of_f_strings() -> None:
    """lupdate does not look inside f-strings: the staged copy writes them as a tuple of the
    translate calls they hold, on the same lines."""
    source = (
        "class Panel:\n"
        "    def html(self, name):\n"
        "        return (\n"
        '            f"<h2>{_e(name)}</h2>"\n'
        "            f\"<p>{_e(self.tr('No documents.'))}</p>\"\n"
        "        )\n"
        "    def plain(self):\n"
        '        return f"{self.width}px"\n'
    )
    staged = catalogues.staged_source(source)
    assert staged.count("\n") == source.count("\n")
    assert '(self.tr("No documents."),)' in staged.splitlines()[3]
    assert 'f"{self.width}px"' in staged
