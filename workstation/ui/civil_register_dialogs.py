"""An entry of the register in a window of its own (the entry a duplicate matches, beside the
form that found it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from workstation.domain.civil.entries import CivilEntry
from workstation.ui.civil_register_html import entry_html


def entry_dialog(entry: CivilEntry, parent: QWidget) -> QDialog:
    """A dialog showing ``entry`` (deleted when closed; the caller opens it)."""
    dialog = QDialog(parent)
    dialog.setObjectName("duplicateDialog")
    dialog.setWindowTitle(
        QCoreApplication.translate("civil_register", "Already in the register: {number}").format(
            number=entry.register_number
        )
    )
    text = QTextBrowser()
    text.setObjectName("duplicateText")
    text.setHtml(entry_html(entry))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(620, 640)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
