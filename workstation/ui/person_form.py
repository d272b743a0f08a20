"""The person page: the fields of ``forms/person.toml``, checked at each field as the officer
types, saved through the person service; prefilled from a typed MRZ or a passport chip.

Validation is the domain's (:func:`person_from_mapping`): the page shows its coded errors,
translated, under the fields the officer has touched, and all of them on Save, which then
writes nothing. Names written in another script get their Latin form from the domain's
transliteration: the Latin field shows what will be stored, and becomes the officer's to fill
when the domain has no rule for a character.

Shortcuts: Ctrl+M reads a typed MRZ, Ctrl+Shift+R reads a passport chip, Ctrl+S saves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from devices.errors import DeviceError
from devices.smartcard import AccessKey
from forms import FormSpec, load_form
from workstation.domain.errors import DomainError
from workstation.domain.mrz import ParsedMrz
from workstation.domain.officers import Officer
from workstation.domain.people import IdentifierKind, Person
from workstation.domain.person_validation import person_from_mapping, person_to_mapping
from workstation.domain.transliteration import is_latin, to_latin
from workstation.ui.form_fields import ChoiceEditor, LineEditor
from workstation.ui.form_page import FormPage
from workstation.ui.mrz_dialog import ChipKeyDialog, MrzDialog
from workstation.ui.tasks import TaskHandle, TaskRunner

_LATIN_OF = {"surname_latin": "surname", "given_names_latin": "given_names"}
# The MRZ's document code (its first letter) -> the kind of identifier it is.
_DOCUMENT_KINDS = {"P": IdentifierKind.PASSPORT, "I": IdentifierKind.NATIONAL_ID}


class PersonWriter(Protocol):
    """What the page needs of the person service."""

    def add(self, officer: Officer, data: Mapping[str, Any]) -> int: ...


class IcaoChipReader(Protocol):
    """What the page needs of the chip service (``ChipService.read_icao``)."""

    def read_icao(self, key: AccessKey, reader: str | None = None) -> Any: ...


#: Updates a stored person (``officer, person_id, data``); none in the service yet.
PersonUpdate = Callable[[Officer, int, Mapping[str, Any]], object]


def values_from_mrz(parsed: ParsedMrz) -> dict[str, Any]:
    """The form values an MRZ gives: names, sex, birth date, nationality, the document."""
    data = parsed.data
    kind = _DOCUMENT_KINDS.get(data.document_code[:1], IdentifierKind.OTHER)
    return {
        "surname": data.primary_identifier,
        "given_names": data.secondary_identifier,
        "sex": data.sex.value,
        "birth_date": data.birth_date.isoformat(),
        "nationality": data.nationality.replace("<", ""),
        "identifiers": [
            {
                "kind": kind.value,
                "number": data.document_number,
                "issuer": data.issuing_state.replace("<", ""),
            }
        ],
    }


class PersonFormPage(FormPage):
    """A new person (or, with ``update``, a stored one) from ``forms/person.toml``.

    Place it in the window with the services it needs; connect :attr:`saved` (person id),
    :attr:`chip_portrait_read` (the DG2 portrait's bytes, for the photo page) and
    :attr:`prefilled` (``"mrz"`` or ``"chip"``).
    """

    chip_portrait_read = Signal(bytes)
    prefilled = Signal(str)

    def __init__(
        self,
        persons: PersonWriter,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        chip: IcaoChipReader | None = None,
        chip_reader: str | None = None,
        update: PersonUpdate | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        form: FormSpec | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(form or load_form("person"), task_runner, parent)
        self._persons = persons
        self._officer = officer
        self._chip = chip
        self._chip_reader = chip_reader
        self._update = update
        self._today = today
        self._person_id: int | None = None
        self._access_key: AccessKey | None = None
        self._chip_task: TaskHandle | None = None
        self.mrz_button = QPushButton()
        self.mrz_button.setObjectName("readMrz")
        self.mrz_button.clicked.connect(self.open_mrz_dialog)
        self.chip_button = QPushButton()
        self.chip_button.setObjectName("readChip")
        self.chip_button.clicked.connect(self.open_chip_dialog)
        self.chip_button.setEnabled(chip is not None)
        self.top_row.addWidget(self.mrz_button)
        self.top_row.addWidget(self.chip_button)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newPerson")
        self.new_button.clicked.connect(self.new_person)
        self.button_row.insertWidget(0, self.new_button)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+M"), self, self.open_mrz_dialog, context=context)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, self.open_chip_dialog, context=context)
        chain = self.fields.focus_chain()
        QWidget.setTabOrder(chain[-1], self.save_button)
        self.mrz_dialog: MrzDialog | None = None
        self.chip_dialog: ChipKeyDialog | None = None
        self.retranslate()
        self._update_latin_fields()

    # -- what the domain says ------------------------------------------------------------------

    def check(self, values: Mapping[str, Any]) -> None:
        person_from_mapping(values, self._today(), self._person_id)

    def writer(self, values: Mapping[str, Any]) -> Callable[[], int]:
        officer, data, person_id = self._officer, dict(values), self._person_id
        if person_id is None:
            persons = self._persons
            return lambda: persons.add(officer, data)
        update = self._update
        assert update is not None  # edit_person refuses to start without it

        def write() -> int:
            update(officer, person_id, data)
            return person_id

        return write

    def after_edit(self, name: str) -> None:
        if name in _LATIN_OF.values():
            self._update_latin_fields()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Edit person") if self._person_id else self.tr("New person"))
        self.mrz_button.setText(self.tr("&MRZ…"))
        self.mrz_button.setToolTip(self.tr("Fill in from a typed or pasted MRZ (Ctrl+M)"))
        self.chip_button.setText(self.tr("&Passport chip…"))
        self.chip_button.setToolTip(
            self.tr("Fill in from a passport chip on the reader (Ctrl+Shift+R)")
            if self._chip is not None
            else self.tr("No chip reader service is available")
        )
        self.new_button.setText(self.tr("&New"))
        sex = self.fields.editor("sex") if "sex" in self.fields.rows else None
        if isinstance(sex, ChoiceEditor):
            names = {
                "F": self.tr("F (female)"),
                "M": self.tr("M (male)"),
                "X": self.tr("X (unspecified)"),
            }
            for index in range(sex.combo.count()):
                value = sex.combo.itemData(index)
                sex.combo.setItemText(index, names.get(value, value))
        self._update_latin_fields()

    def _update_latin_fields(self) -> None:
        """A name in another script: its Latin field shows the automatic Latin form, or asks
        for it when the domain has no rule for one of its characters."""
        for latin_name, written_name in _LATIN_OF.items():
            if latin_name not in self.fields.rows or written_name not in self.fields.rows:
                continue
            row = self.fields.rows[latin_name]
            editor = row.editor
            assert isinstance(editor, LineEditor)
            written = " ".join(str(self.fields.editor(written_name).value()).split())
            placeholder, needed = "", False
            if written and not is_latin(written):
                try:
                    placeholder = self.tr("Automatic: {latin}").format(
                        latin=to_latin(written, written_name)
                    )
                except DomainError:
                    placeholder, needed = self.tr("Type the Latin form of the name"), True
            editor.edit.setPlaceholderText(placeholder)
            if row.emphasised != needed:
                row.emphasised = needed
                row.set_label(row.spec.label)

    # -- new, edit -----------------------------------------------------------------------------

    @property
    def person_id(self) -> int | None:
        return self._person_id

    def new_person(self) -> None:
        self.cancel()
        self._set_locked(False)
        self._person_id = None
        self._access_key = None
        self.fields.clear()
        self.show_status("")
        self.retranslate()
        self.fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_person(self, person: Person) -> None:
        """Show a stored person for correction; needs the ``update`` callable."""
        if self._update is None:
            raise RuntimeError("PersonFormPage was built without an update callable")
        self.cancel()
        self._set_locked(False)
        self.fields.clear()
        values = person_to_mapping(person)
        values.pop("id", None)
        self.fields.set_values(values, touched=False)
        self._person_id = person.id
        self.retranslate()

    def _on_write_succeeded(self, record_id: int) -> None:
        self._person_id = record_id if self._update is not None else None
        super()._on_write_succeeded(record_id)
        if self._update is None:
            # Saving again would add the same person twice: New starts the next one.
            self._set_locked(True)
            self.show_status(self.tr("Saved. New (Alt+N) starts another person."))
        self.retranslate()

    def _set_locked(self, locked: bool) -> None:
        self.fields.setEnabled(not locked)
        self.save_button.setEnabled(not locked)
        self.mrz_button.setEnabled(not locked)
        self.chip_button.setEnabled(not locked and self._chip is not None)

    @property
    def locked(self) -> bool:
        """True after a new person was saved, until New."""
        return not self.fields.isEnabled()

    def save(self) -> None:
        if not self.locked:
            super().save()

    # -- prefill from an MRZ -------------------------------------------------------------------

    def open_mrz_dialog(self) -> MrzDialog | None:
        """The MRZ dialog (window-modal, not blocking); accepting it fills the form."""
        if self.locked:
            return None
        dialog = MrzDialog(self.translator, self._today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_mrz_dialog_accepted(dialog))
        self.mrz_dialog = dialog
        dialog.open()
        return dialog

    def _on_mrz_dialog_accepted(self, dialog: MrzDialog) -> None:
        if dialog.parsed is not None:
            self._access_key = AccessKey.from_mrz(dialog.lines)
            self.prefill_from_mrz(dialog.parsed, "mrz")

    def prefill_from_mrz(self, parsed: ParsedMrz, origin: str = "mrz") -> None:
        """Fill surname, given names, sex, birth date, nationality and the document."""
        self.fields.set_values(values_from_mrz(parsed))
        self._update_latin_fields()
        self.validate()
        self.show_status(
            self.tr("Filled in from the chip: check against the applicant, then save.")
            if origin == "chip"
            else self.tr("Filled in from the MRZ: check against the applicant, then save.")
        )
        self.prefilled.emit(origin)

    # -- prefill from a chip -------------------------------------------------------------------

    def open_chip_dialog(self) -> ChipKeyDialog | None:
        """Ask for the access key (prefilled from a typed MRZ), then read the chip."""
        if self._chip is None or self._chip_task is not None or self.locked:
            return None
        dialog = ChipKeyDialog(self._access_key, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_chip_dialog_accepted(dialog))
        self.chip_dialog = dialog
        dialog.open()
        return dialog

    def _on_chip_dialog_accepted(self, dialog: ChipKeyDialog) -> None:
        if dialog.key is not None:
            self.read_chip(dialog.key)

    def read_chip(self, key: AccessKey) -> None:
        """Read the chip with ``key`` in a worker; the result fills the form."""
        if self._chip is None or self._chip_task is not None:
            return
        chip, reader = self._chip, self._chip_reader
        self._access_key = key
        self.chip_button.setEnabled(False)
        self.show_status(self.tr("Reading the chip… keep the passport on the reader."))
        self._chip_task = self._runner.run(
            lambda: chip.read_icao(key, reader),
            on_success=self._on_chip_read,
            on_failure=self._on_chip_failed,
            owner=self,
            description="read passport chip",
        )

    def _on_chip_read(self, reading: Any) -> None:
        self._chip_task = None
        self.chip_button.setEnabled(True)
        self.prefill_from_mrz(reading.mrz, "chip")
        if reading.portrait:
            self.chip_portrait_read.emit(bytes(reading.portrait))

    def _on_chip_failed(self, error: BaseException) -> None:
        self._chip_task = None
        self.chip_button.setEnabled(True)
        if isinstance(error, DeviceError):
            text = self.translator.text(error.code, None, {})
        elif isinstance(error, DomainError):
            text = self.translator.describe(error)
        else:
            text = self._runner.reporter.report(error, self)
        self.show_status(text, error=True)

    def cancel(self) -> None:
        super().cancel()
        if self._chip_task is not None:
            self._chip_task.cancel()
            self._chip_task = None
            self.chip_button.setEnabled(self._chip is not None)
