"""The person page: the fields of ``forms/person.toml``, checked at each field as the officer
types, saved through the person service; prefilled from a typed MRZ or a passport chip.

Validation is the domain's (:func:`person_from_mapping`): the page shows its coded errors,
translated, under the fields the officer has touched, and all of them on Save, which then
writes nothing. Names written in another script get their Latin form from the domain's
transliteration: the Latin field shows what will be stored, and becomes the officer's to fill
when the domain has no rule for a character.

The same page corrects a stored person: :meth:`PersonFormPage.edit` fills the fields from the
record and Save then calls the service's ``update`` with the record as it was read, so a
correction saved meanwhile by someone else is refused rather than overwritten. New (Alt+N)
goes back to adding a person.

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

    def update(
        self,
        officer: Officer,
        person_id: int,
        data: Mapping[str, Any],
        expected: Person | None = None,
    ) -> Person: ...


class IcaoChipReader(Protocol):
    """What the page needs of the chip service (``ChipService.read_icao``)."""

    def read_icao(self, key: AccessKey, reader: str | None = None) -> Any: ...


def _automatic_latin(written: str, field: str) -> str | None:
    """The Latin form the domain makes of ``written``, or None when it has no rule for it."""
    try:
        return written if is_latin(written) else to_latin(written, field)
    except DomainError:
        return None


def values_for_edit(person: Person) -> dict[str, Any]:
    """The form values of a stored person. A Latin form that is the automatic one is left
    empty, so that it follows a corrected written name as it does for a new person."""
    values = person_to_mapping(person)
    values.pop("id", None)
    for latin_name, written_name in _LATIN_OF.items():
        written = values[written_name]
        if written and values[latin_name] == _automatic_latin(written, written_name):
            values[latin_name] = ""
    return values


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
    """A new person, or a correction of a stored one (:meth:`edit`), from ``forms/person.toml``.

    Place it in the window with the services it needs; connect :attr:`saved` (person id, after
    an add or a correction), :attr:`chip_portrait_read` (the DG2 portrait's bytes, for the photo
    page) and :attr:`prefilled` (``"mrz"`` or ``"chip"``).
    """

    chip_portrait_read = Signal(bytes)
    prefilled = Signal(str)
    mode_changed = Signal()  # new_person() or edit(): adding or correcting from now on

    def __init__(
        self,
        persons: PersonWriter,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        chip: IcaoChipReader | None = None,
        chip_reader: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        form: FormSpec | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(form or load_form("person"), task_runner, self.check, self.writer, parent)
        self._persons = persons
        self._officer = officer
        self._chip = chip
        self._chip_reader = chip_reader
        self._today = today
        self._editing: Person | None = None  # the stored record a correction starts from
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
        person_from_mapping(values, self._today(), self.person_id)

    def writer(self, values: Mapping[str, Any]) -> Callable[[], int | Person]:
        """Adds (the new id comes back) or corrects (the person as now stored comes back)."""
        persons, officer, data, expected = self._persons, self._officer, dict(values), self._editing
        if expected is None or expected.id is None:
            return lambda: persons.add(officer, data)
        person_id = expected.id
        return lambda: persons.update(officer, person_id, data, expected)

    def after_edit(self, name: str) -> None:
        if name in _LATIN_OF.values():
            self._update_latin_fields()

    def retranslate(self) -> None:
        super().retranslate()
        editing = self._editing
        self.title.setText(
            self.tr("Correction of a record: {name} (registry ID {id})").format(
                name=editing.display_name, id=editing.id
            )
            if editing is not None
            else self.tr("New person")
        )
        self.mrz_button.setText(self.tr("&MRZ…"))
        self.mrz_button.setToolTip(self.tr("Fill in from a typed or pasted MRZ (Ctrl+M)"))
        self.chip_button.setText(self.tr("&Passport chip…"))
        self.chip_button.setToolTip(
            self.tr("Fill in from a passport chip on the reader (Ctrl+Shift+R)")
            if self._chip is not None
            else self.tr("No chip reader service is available")
        )
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(self.tr("Clear the form and add a new person (Alt+N)"))
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
        """The person being corrected; None when the page adds a new person."""
        return self._editing.id if self._editing is not None else None

    @property
    def editing(self) -> Person | None:
        """The stored record the correction started from (or the last one saved)."""
        return self._editing

    def new_person(self) -> None:
        """Clear the form and go back to adding a new person."""
        self.cancel()
        self._set_locked(False)
        self._editing = None
        self._access_key = None
        self.fields.clear()
        self.show_status("")
        self.retranslate()
        self.fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.mode_changed.emit()

    def edit(self, person: Person) -> None:
        """Correct ``person`` (the record as stored, with its id): the fields show it, and Save
        updates it. A correction saved by someone else since the record was read is refused."""
        if person.id is None:
            raise ValueError("only a stored person (with an id) can be corrected")
        self.cancel()
        self._set_locked(False)
        self._access_key = None
        self.fields.clear()
        self.fields.set_values(values_for_edit(person), touched=False)
        self._editing = person
        self.retranslate()
        self.show_status(self.tr("Change what is wrong, then save (Ctrl+S)."))
        self.fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.mode_changed.emit()

    def _on_write_succeeded(self, record_id: Any) -> None:
        if isinstance(record_id, Person):
            # A correction: the next Save corrects the record as it is now stored.
            self._editing = record_id
            super()._on_write_succeeded(record_id.id)
            self.show_status(self.tr("Saved: the record is corrected."))
        else:
            super()._on_write_succeeded(record_id)
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
        """Fill surname, given names, sex, birth date, nationality and the document (added to
        the identifiers already there when a record is corrected)."""
        values = values_from_mrz(parsed)
        if self._editing is not None:
            present = self.fields.values().get("identifiers") or []
            numbers = {str(i.get("number", "")).upper() for i in present}
            values["identifiers"] = [
                *present,
                *(i for i in values["identifiers"] if i["number"].upper() not in numbers),
            ]
        self.fields.set_values(values)
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
