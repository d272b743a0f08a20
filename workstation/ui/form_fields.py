"""The fields of a ``forms/*.toml`` definition as widgets: one row per field, in the form's
order, with its label, an editor for its type, and a message line under it for its errors.

The forms' texts (labels, help texts, choices) are English in the TOML files and shown in the
current language: each form has its own context in the Qt catalogue
(:func:`~workstation.i18n.form_texts.form_context`), and the widgets set their texts again on
a LanguageChange.

The widget only lays out and collects: which values are acceptable is decided by the domain
(the pages run the domain's validation and hand its coded errors, translated, back here with
:meth:`FormFields.show_errors`). The tab order is the form's order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from forms import FieldSpec, FormSpec
from workstation.domain.countries import VALID_CODES
from workstation.domain.people import IdentifierKind
from workstation.i18n.form_texts import choice_label, form_context

ERROR_COLOUR = "#b00020"
_ERROR_BORDER = f"border: 1px solid {ERROR_COLOUR};"


def base_field(path: str) -> str:
    """The form field a domain error path belongs to: ``identifiers[0].number`` -> identifiers."""
    return path.split("[", 1)[0].split(".", 1)[0]


def form_text(form: FormSpec | str, text: str) -> str:
    """``text`` of the form (a label, help text, choice label) in the current language."""
    service = form if isinstance(form, str) else form.service
    return QCoreApplication.translate(form_context(service), text) if text else ""


def _line_edit(name: str, max_length: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if max_length:
        edit.setMaxLength(max_length)
    return edit


class _CountryEdit(QLineEdit):
    """A three-letter code, upper-cased as typed, completed from the codes the domain knows."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setMaxLength(3)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("MMMM") + 24)
        completer = QCompleter(sorted(VALID_CODES), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, text: str) -> None:
        if text != text.upper():
            position = self.cursorPosition()
            self.setText(text.upper())
            self.setCursorPosition(position)


class FieldEditor(Protocol):
    """What the form asks of a field's editor: a value in the shape the domain's mapping
    expects. Each editor class below provides it on top of :class:`EditorWidget`, whose
    methods take a ``FieldEditor`` as ``self``: mypy checks every editor they are called on."""

    def value(self) -> Any: ...

    def set_value(self, value: Any) -> None: ...

    def focus_widgets(self) -> list[QWidget]:
        """The widgets Tab visits inside this editor, in order."""
        ...


class EditorWidget(QWidget):
    """The editors' shared base: ``edited`` when the officer changes the value, and the error
    state and description put on the widgets Tab visits."""

    edited = Signal()

    def retranslate(self) -> None:
        """Set the editor's own texts (placeholders, choices) in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_error_shown(self: FieldEditor, shown: bool) -> None:
        for widget in self.focus_widgets():
            widget.setStyleSheet(_ERROR_BORDER if shown else "")

    def set_description(self: FieldEditor, text: str) -> None:
        for widget in self.focus_widgets():
            widget.setAccessibleDescription(text)


class LineEditor(EditorWidget):
    def __init__(self, spec: FieldSpec, service: str = "") -> None:
        super().__init__()
        self.spec = spec
        if spec.type == "country":
            self.edit: QLineEdit = _CountryEdit(spec.name)
        else:
            self.edit = _line_edit(spec.name, spec.max_length)
        if spec.type == "date":
            self.edit.setMaxLength(10)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 0 if spec.type == "country" else 1)
        if spec.type == "country":
            layout.addStretch(1)
        self.edit.textChanged.connect(lambda _t: self.edited.emit())
        self.retranslate()

    def retranslate(self) -> None:
        if self.spec.type == "date":
            self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]


class ChoiceEditor(EditorWidget):
    """The form's choices, each shown as its label (translated) and holding its value."""

    def __init__(self, spec: FieldSpec, service: str = "") -> None:
        super().__init__()
        self.spec, self.service = spec, service
        self.combo = QComboBox()
        self.combo.setObjectName(spec.name)
        self.combo.setMinimumWidth(self.combo.fontMetrics().horizontalAdvance("M" * 14))
        self.combo.addItem("", "")
        for choice in spec.choices:
            self.combo.addItem(choice, choice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.retranslate()

    def retranslate(self) -> None:
        for index, choice in enumerate(self.spec.choices, start=1):
            self.combo.setItemText(index, form_text(self.service, choice_label(choice)))

    def value(self) -> str:
        return str(self.combo.currentData() or "")

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        index = self.combo.findData(text)
        if index < 0:  # a sex typed in lower case
            index = self.combo.findData(text.upper())
        self.combo.setCurrentIndex(max(index, 0))

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class IdentifierEditor(EditorWidget):
    """One identifier (kind, number, issuing state); others a stored person has are kept."""

    def __init__(self, spec: FieldSpec, service: str = "") -> None:
        super().__init__()
        self.kind = QComboBox()
        self.kind.setObjectName(f"{spec.name}.kind")
        for kind in IdentifierKind:
            self.kind.addItem(kind.value.replace("_", " "), kind.value)
        self.number = _line_edit(f"{spec.name}.number", 30)
        self.issuer = _CountryEdit(f"{spec.name}.issuer")
        self.retranslate()
        self._others: list[Mapping[str, Any]] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.issuer)
        self.kind.currentIndexChanged.connect(lambda _i: self.edited.emit())
        for edit in (self.number, self.issuer):
            edit.textChanged.connect(lambda _t: self.edited.emit())

    def retranslate(self) -> None:
        kinds = {
            IdentifierKind.PASSPORT: self.tr("passport"),
            IdentifierKind.NATIONAL_ID: self.tr("national ID"),
            IdentifierKind.CONSULAR_ID: self.tr("consular ID"),
            IdentifierKind.RESIDENCE_PERMIT: self.tr("residence permit"),
            IdentifierKind.BIRTH_REGISTRATION: self.tr("birth registration"),
            IdentifierKind.OTHER: self.tr("other"),
        }
        for index in range(self.kind.count()):
            kind = IdentifierKind(self.kind.itemData(index))
            self.kind.setItemText(index, kinds.get(kind, kind.value.replace("_", " ")))
        self.number.setPlaceholderText(self.tr("Number"))
        self.issuer.setPlaceholderText(self.tr("State"))
        self.kind.setAccessibleName(self.tr("Kind of document"))
        self.number.setAccessibleName(self.tr("Document number"))
        self.issuer.setAccessibleName(self.tr("Issuing state"))
        self.issuer.setToolTip(self.tr("Issuing state (3 letters)"))

    def value(self) -> list[Mapping[str, Any]]:
        number = self.number.text().strip()
        first = (
            [{"kind": self.kind.currentData(), "number": number, "issuer": self.issuer.text()}]
            if number
            else []
        )
        return [*first, *self._others]

    def set_value(self, value: Any) -> None:
        items = list(value or [])
        first = items[0] if items else {}
        self._others = items[1:]
        self.kind.setCurrentIndex(max(self.kind.findData(first.get("kind", "passport")), 0))
        self.number.setText(str(first.get("number", "")))
        self.issuer.setText(str(first.get("issuer", "")))

    def focus_widgets(self) -> list[QWidget]:
        return [self.kind, self.number, self.issuer]


class AddressEditor(EditorWidget):
    def __init__(self, spec: FieldSpec, service: str = "") -> None:
        super().__init__()
        self.street = _line_edit(f"{spec.name}.lines", 100)
        self.postcode = _line_edit(f"{spec.name}.postcode", 20)
        self.postcode.setFixedWidth(self.postcode.fontMetrics().horizontalAdvance("0") * 10 + 16)
        self.city = _line_edit(f"{spec.name}.city", 100)
        self.country = _CountryEdit(f"{spec.name}.country")
        self.retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.street)
        row = QHBoxLayout()
        row.addWidget(self.postcode)
        row.addWidget(self.city, 1)
        row.addWidget(self.country)
        layout.addLayout(row)
        for edit in self.focus_widgets():
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(lambda _t: self.edited.emit())

    def retranslate(self) -> None:
        self.street.setPlaceholderText(self.tr("Street and number"))
        self.postcode.setPlaceholderText(self.tr("Postcode"))
        self.city.setPlaceholderText(self.tr("City"))
        self.country.setPlaceholderText(self.tr("State"))
        for part in (self.street, self.postcode, self.city, self.country):
            part.setAccessibleName(part.placeholderText())

    def value(self) -> Mapping[str, Any]:
        street = self.street.text().strip()
        return {
            "lines": [street] if street else [],
            "city": self.city.text(),
            "postcode": self.postcode.text(),
            "country": self.country.text(),
        }

    def set_value(self, value: Any) -> None:
        data = dict(value or {})
        self.street.setText(", ".join(data.get("lines") or []))
        self.postcode.setText(str(data.get("postcode", "")))
        self.city.setText(str(data.get("city", "")))
        self.country.setText(str(data.get("country", "")))

    def focus_widgets(self) -> list[QWidget]:
        return [self.street, self.postcode, self.city, self.country]


AnyEditor = LineEditor | ChoiceEditor | IdentifierEditor | AddressEditor
"""Every editor class: each is an :class:`EditorWidget` and a :class:`FieldEditor`."""


def make_editor(spec: FieldSpec, service: str = "") -> AnyEditor:
    """The editor for ``spec``'s type; ``service``, the form's, finds its translated texts."""
    if spec.type == "choice":
        return ChoiceEditor(spec, service)
    if spec.type == "identifiers":
        return IdentifierEditor(spec, service)
    if spec.type == "address":
        return AddressEditor(spec, service)
    return LineEditor(spec, service)


class FieldRow:
    """A field's label, editor and error line; ``service`` is the form's (its texts' context)."""

    def __init__(self, spec: FieldSpec, service: str = "") -> None:
        self.spec = spec
        self.service = service
        self.editor = make_editor(spec, service)
        self.label = QLabel()
        self.label.setObjectName(f"{spec.name}.label")
        self.label.setBuddy(self.editor.focus_widgets()[0])
        self.error = QLabel()
        self.error.setObjectName(f"{spec.name}.error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.cell = QWidget()
        cell_layout = QVBoxLayout(self.cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(2)
        cell_layout.addWidget(self.editor)
        cell_layout.addWidget(self.error)
        self.touched = False
        self.emphasised = False
        self.set_label(spec.label)
        self.set_message("")

    def set_label(self, text: str) -> None:
        """Show ``text`` (the form's English label, translated here) as the label."""
        mark = " *" if self.spec.required or self.emphasised else ""
        self.label.setText(f"{form_text(self.service, text)}{mark}")
        self.label.setToolTip(self.help_text)

    @property
    def label_text(self) -> str:
        """The field's label in the current language (for messages that name the field)."""
        return form_text(self.service, self.spec.label)

    @property
    def help_text(self) -> str:
        return form_text(self.service, self.spec.help)

    def set_message(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.set_error_shown(bool(text))
        self.editor.set_description(text or self.help_text)

    @property
    def message(self) -> str:
        return self.error.text()


class FormFields(QWidget):
    """Every field of ``form`` in a form layout; ``edited(name)`` when the officer changes one."""

    edited = Signal(str)

    def __init__(self, form: FormSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.rows: dict[str, FieldRow] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in form.fields:
            row = FieldRow(spec, form.service)
            self.rows[spec.name] = row
            layout.addRow(row.label, row.cell)
            row.editor.edited.connect(lambda name=spec.name: self._on_editor_edited(name))
        chain = self.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_enabled()

    def focus_chain(self) -> list[QWidget]:
        """Every focusable widget of the form, in the form's order."""
        return [w for row in self.rows.values() for w in row.editor.focus_widgets()]

    def editor(self, name: str) -> AnyEditor:
        return self.rows[name].editor

    def values(self) -> dict[str, Any]:
        """The values of the enabled fields (a field waiting for another is left out)."""
        return {
            name: row.editor.value() for name, row in self.rows.items() if row.editor.isEnabled()
        }

    def set_values(self, values: Mapping[str, Any], *, touched: bool = True) -> None:
        for name, value in values.items():
            row = self.rows.get(name)
            if row is not None:
                row.editor.set_value(value)
                row.touched = row.touched or touched
        self._update_enabled()

    def clear(self) -> None:
        for row in self.rows.values():
            row.editor.set_value(None)
            row.touched = False
            row.set_message("")
        self._update_enabled()

    def touch_all(self) -> None:
        for row in self.rows.values():
            row.touched = True

    def show_errors(
        self, problems: Sequence[tuple[str, str]], *, only_touched: bool = False
    ) -> list[tuple[str, str]]:
        """Put each (field path, message) under its field; return those no field shows."""
        by_field: dict[str, list[str]] = {}
        elsewhere: list[tuple[str, str]] = []
        for path, message in problems:
            name = base_field(path)
            if name in self.rows:
                by_field.setdefault(name, []).append(message)
            else:
                elsewhere.append((path, message))
        for name, row in self.rows.items():
            if only_touched and not row.touched:
                continue
            row.set_message("\n".join(by_field.get(name, [])))
        return elsewhere

    def retranslate(self, labels: Mapping[str, str] | None = None) -> None:
        """Every label and help text in the current language (``labels``: English labels to
        show instead of the form's, by field name)."""
        for name, row in self.rows.items():
            row.set_label((labels or {}).get(name, row.spec.label))
            row.editor.set_description(row.message or row.help_text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_editor_edited(self, name: str) -> None:
        self.rows[name].touched = True
        self._update_enabled()
        self.edited.emit(name)

    def _update_enabled(self) -> None:
        for row in self.rows.values():
            gate = row.spec.enabled_when
            if gate is not None:
                filled = self.rows[gate].editor.value()
                row.editor.setEnabled(bool(filled))
