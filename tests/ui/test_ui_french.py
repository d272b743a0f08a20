"""The workstation in French when the post's site.toml says ``[ui] language = "fr"``: the window
changes language when the translator is installed, the sign-in page once the post's records are
open, and errors are described in French."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel

from devices.registry import DeviceMap
from forms import load_form
from tests.ui.windows import session_window
from workstation.app import Workstation
from workstation.domain.errors import DomainError
from workstation.ui.document_preview import DocumentPreview
from workstation.ui.form_fields import (
    AddressEditor,
    ChoiceEditor,
    FormFields,
    IdentifierEditor,
    LineEditor,
)
from workstation.ui.issue_dialogs import EtdRequestDialog, PassphraseDialog, ReasonDialog
from workstation.ui.mrz_dialog import ChipKeyDialog
from workstation.ui.translations import install_translator, uninstall_translators
from workstation.ui.workspace import Workspace


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[None]:
    """Whatever a test installs is gone afterwards: the other tests read English."""
    yield
    uninstall_translators(qapp)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, services, clerk, runner, fixed_probe) -> Workspace:
    main = session_window(services, clerk, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(main.window())
    main.window().show()
    qtbot.waitExposed(main.window())
    return main


def menu_titles(workspace: Workspace) -> list[str]:
    window = workspace.window()
    return [
        menu.title()
        for menu in (
            window.file_menu,
            window.registry_menu,
            window.documents_menu,
            window.devices_menu,
            window.help_menu,
        )
    ]


def tab_texts(workspace: Workspace) -> list[str]:
    return [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]


def test_the_open_window_turns_french_and_back(qtbot, qapp, window, translators) -> None:
    assert menu_titles(window) == ["&File", "&Registry", "Doc&uments", "&Devices", "&Help"]

    translator = install_translator(qapp, "fr")
    assert translator is not None
    qtbot.waitUntil(lambda: window.window().file_menu.title() == "&Fichier")
    assert menu_titles(window) == ["&Fichier", "&Registre", "Doc&uments", "&Périphériques", "&Aide"]
    assert window.window().quit_action.text() == "&Quitter"
    assert window.find_action.text() == "&Rechercher une personne"
    assert "Détai&ls" in tab_texts(window)
    assert "Docu&ments" in tab_texts(window)
    # A page's labels: the search panel and its result table.
    search = window.search
    assert search._search_label.text() == "N&om\u00a0:"
    assert search._born_label.text() == "Naiss&ance\u00a0:"
    assert search.born_edit.placeholderText() == "AAAA-MM-JJ"
    assert search.hint.text() == "Saisissez un nom pour rechercher dans le registre."
    assert [
        search.proxy.headerData(column, Qt.Orientation.Horizontal)
        for column in range(search.proxy.columnCount())
    ][:2] == ["Nom", "Graphie d'origine"]

    uninstall_translators(qapp)
    qtbot.waitUntil(lambda: window.window().file_menu.title() == "&File")
    assert search.hint.text() == "Type a name to search the registry."


def test_a_window_built_in_french_is_french(
    qtbot, qapp, services, clerk, runner, fixed_probe, translators
) -> None:
    install_translator(qapp, "fr")
    workspace = session_window(services, clerk, runner, DeviceMap(), probe=fixed_probe)
    qtbot.addWidget(workspace.window())
    assert menu_titles(workspace)[0] == "&Fichier"
    assert "Approbations" not in tab_texts(workspace)  # a clerk has no approvals tab
    texts = {button.text() for button in workspace.issue_page.findChildren(QAbstractButton)}
    assert {"Nouvelle &carte", "Nouveau &TVU…", "&Délivrer", "In&valider…"} <= texts


def test_qt_standard_buttons_say_annuler(qapp, translators) -> None:
    install_translator(qapp, "fr")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_languages_without_a_catalogue_install_nothing(qapp, translators) -> None:
    assert install_translator(qapp, "en") is None
    assert install_translator(qapp, "xx") is None
    assert install_translator(qapp, "fr-CH") is not None  # the region falls back to French
    assert install_translator(qapp, "en_GB") is None  # and English removes it again
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def _set_language(folder: Path, language: str) -> None:
    site = folder / "site.toml"
    text = site.read_text("utf-8")
    assert 'language = "en"' in text
    site.write_text(text.replace('language = "en"', f'language = "{language}"'), "utf-8")


def test_the_sign_in_page_is_french_once_the_posts_records_are_open(
    qtbot, qapp, demo_dir: Path, translators
) -> None:
    _set_language(demo_dir, "fr")
    workstation = Workstation(qapp, demo_dir)
    window = workstation.window
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(workstation.ready, timeout=20_000):
            workstation.launch()
        page = window.sign_in
        qtbot.waitUntil(lambda: page.sign_in_button.text() == "&Se connecter")
        assert page._username_label.text() == "&Nom d'utilisateur\u00a0:"
        assert page._password_label.text() == "Mot de &passe\u00a0:"
        assert window.windowTitle() == (
            "UTO-GVA Consulate General of Utopia – Poste de travail consulaire"
        )
        assert window.file_menu.title() == "&Fichier"
        # The error reporter describes errors in the post's language too.
        reporter = workstation._runner.reporter
        assert reporter.translator.describe(DomainError("auth.invalid_credentials")) == (
            "Nom d'utilisateur ou mot de passe incorrect."
        )
        # Signing in with a wrong password says so in French.
        page.username_edit.setText("clerk")
        page.password_edit.setText("wrong-password")
        page.sign_in_button.click()
        qtbot.waitUntil(
            lambda: (
                "incorrect" in page.message_label.text() or "incorrect" in page.status_label.text()
            ),
            timeout=20_000,
        )
    finally:
        window.close()
        assert workstation.finish(0) == 0
    # The application goes on (under the tests, or after the next sign-in's window): the
    # workstation's translators went with it.
    assert not qapp.findChildren(QTranslator)


def test_the_forms_labels_help_choices_and_placeholders_change_language(
    qtbot, qapp, translators
) -> None:
    fields = FormFields(load_form("person"))
    qtbot.addWidget(fields)
    surname, sex = fields.rows["surname"], fields.rows["sex"]
    identifiers = fields.editor("identifiers")
    address = fields.editor("address")
    birth_date = fields.editor("birth_date")
    assert isinstance(identifiers, IdentifierEditor) and isinstance(address, AddressEditor)
    assert isinstance(birth_date, LineEditor)
    assert surname.label.text() == "Surname (as written) *"
    assert address.street.placeholderText() == "Street and number"

    install_translator(qapp, "fr")
    qtbot.waitUntil(lambda: surname.label.text() == "Nom (graphie d'origine) *")
    assert fields.rows["birth_date"].label.toolTip().startswith("AAAA-MM-JJ\u00a0;")
    assert birth_date.edit.placeholderText() == "AAAA-MM-JJ"
    assert fields.rows["address"].label.text() == "Adresse à l'étranger"
    assert fields.rows["address"].label_text == "Adresse à l'étranger"
    assert address.street.placeholderText() == "Rue et numéro"
    assert address.street.accessibleName() == "Rue et numéro"
    assert identifiers.kind.itemText(0) == "passeport"
    assert identifiers.number.placeholderText() == "Numéro"
    assert sex.label.text() == "Sexe *"

    uninstall_translators(qapp)
    qtbot.waitUntil(lambda: surname.label.text() == "Surname (as written) *")
    assert identifiers.kind.itemText(0) == "passport"


def test_a_record_forms_choices_show_their_labels_and_keep_their_values(
    qtbot, qapp, translators
) -> None:
    install_translator(qapp, "fr")
    fields = FormFields(load_form("birth_registration"))
    qtbot.addWidget(fields)
    editor = fields.editor("parents_marital_status")
    assert isinstance(editor, ChoiceEditor)
    texts = [editor.combo.itemText(i) for i in range(editor.combo.count())]
    assert texts == ["", "Mariés", "Non mariés", "Inconnu"]
    editor.set_value("not_married")
    assert editor.value() == "not_married"
    assert fields.rows["birth_date"].label.text() == "Date de naissance *"


def test_the_print_panel_and_the_preview_change_language_with_the_window(
    qtbot, qapp, window, translators
) -> None:
    page = window.issue_page
    assert page.print_panel.title() == "Printing"
    install_translator(qapp, "fr")
    qtbot.waitUntil(lambda: page.print_panel.title() == "Impression")
    assert page.print_panel.retry_button.text() == "Réessa&yer"
    standalone = DocumentPreview()
    qtbot.addWidget(standalone)
    assert standalone.text() == "Sélectionnez un document pour en voir l'aperçu."
    uninstall_translators(qapp)
    qtbot.waitUntil(lambda: standalone.text() == "Select a document to see its preview.")
    assert page.print_panel.title() == "Printing"


def test_open_dialogs_change_language(qtbot, qapp, translators) -> None:
    chip = ChipKeyDialog()
    reason = ReasonDialog("Void", "Why?", supervisor=True)
    etd = EtdRequestDialog("Jürgen Müller")
    passphrase = PassphraseDialog()
    for dialog in (chip, reason, etd, passphrase):
        qtbot.addWidget(dialog)
    install_translator(qapp, "fr")
    qtbot.waitUntil(lambda: chip.windowTitle() != "Read a passport chip")
    assert chip.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Lire la puce"
    captions = {label.text() for label in reason.findChildren(QLabel)}
    assert {"&Motif\u00a0:", "&Superviseur\u00a0:"} <= captions
    assert etd.windowTitle() == "Nouveau titre de voyage d'urgence"
    assert "Jürgen Müller" in etd.intro.text() and "superviseur" in etd.intro.text()
    assert passphrase.windowTitle() == "Clé de signature"
    assert reason.windowTitle() == "Void"  # the caller's own title stays as given
    uninstall_translators(qapp)
    qtbot.waitUntil(lambda: passphrase.windowTitle() == "Signing key")
    assert etd.destination_edit.placeholderText() == "City and country of destination"


def test_the_french_window_fits_a_1280_pixel_screen(qtbot, qapp, window, translators) -> None:
    """The longer French texts (the photo page's buttons, the search labels) once made the
    window's minimum width 1334 px."""
    install_translator(qapp, "fr")
    qtbot.waitUntil(lambda: window.window().file_menu.title() == "&Fichier")
    QApplication.processEvents()
    assert window.window().minimumSizeHint().width() <= 1280
