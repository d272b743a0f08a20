"""The widgets' texts in the post's language: the workstation's Qt catalogue and Qt's own.

``install_translator(app, "fr")`` loads ``workstation/i18n/qt/consular_fr.qm`` and Qt's
``qtbase_fr.qm`` (so that standard buttons say "Annuler") into ``app``. Installing sends every
widget a LanguageChange event, on which the widgets set their texts again. A language without a
catalogue (English, the source language, or one not translated yet) installs nothing: the texts
stay in English. Calling it again replaces what an earlier call installed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_log = logging.getLogger(__name__)

QT_CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "i18n" / "qt"
CATALOGUE = "consular"
# Set on the translators installed here, so that a later call finds and removes them.
_INSTALLED = "consular-workstation-translator"


def _load(translator: QTranslator, locale: QLocale, name: str, folder: str) -> bool:
    """``folder/name_<lang>.qm`` for ``locale`` (fr_CH falls back to fr)."""
    return translator.load(locale, name, "_", folder)


def uninstall_translators(app: QApplication) -> None:
    """Remove the translators :func:`install_translator` installed (back to English)."""
    for translator in app.findChildren(QTranslator, _INSTALLED):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Translate the widgets into ``language`` ("fr", "fr_CH", "fr-CH" ...).

    Returns the workstation's translator (Qt's own is its child), to be kept referenced by the
    caller, or None when there is no catalogue for ``language``: then nothing is installed and
    what an earlier call installed is removed."""
    uninstall_translators(app)
    locale = QLocale(language.replace("-", "_"))
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        return None
    translator = QTranslator(app)
    if not _load(translator, locale, CATALOGUE, str(QT_CATALOGUE_DIR)):
        _log.info("no workstation catalogue for language %r: the texts stay in English", language)
        translator.deleteLater()
        return None
    translator.setObjectName(_INSTALLED)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(translator)
    if _load(qt_own, locale, "qtbase", qt_folder):
        qt_own.setObjectName(_INSTALLED)
        app.installTranslator(qt_own)
    else:
        _log.info("Qt has no catalogue for language %r in %s", language, qt_folder)
    # Installed last, so it is asked first.
    app.installTranslator(translator)
    return translator
