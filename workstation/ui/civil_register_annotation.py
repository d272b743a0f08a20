"""Annotating a registered entry (recognition of paternity, adoption, change of name, divorce,
correction) from an annotation form (``forms/annotation_<record>_<kind>.toml``), in a dialog
opened from the entry: each field checked by the domain as the registrar types (the annotation
itself, then the entry as it would read with it), Save on a worker.

The dialog offers the kinds the domain allows on the entry's register
(:data:`~workstation.domain.civil.annotations.APPLIES_TO`) whose form this workstation has.
After saving, :attr:`AnnotationDialog.annotated` carries the entry as the service returns it,
with the annotation and the nationality assessed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from forms import FormError, FormSpec, load_form
from workstation.domain.civil.annotations import APPLIES_TO, AnnotationKind
from workstation.domain.civil.codec import annotation_from_plain
from workstation.domain.civil.entries import CivilEntry
from workstation.domain.civil.records import EventKind
from workstation.domain.civil.validation import check_record
from workstation.domain.errors import DomainError, FieldError, ValidationError
from workstation.domain.officers import Officer
from workstation.ui.civil_register_texts import annotation_kind_text
from workstation.ui.civil_register_values import (
    ANNOTATION_KEY,
    annotation_data,
    annotation_path,
    field_for_path,
)
from workstation.ui.form_page import FormPage
from workstation.ui.tasks import TaskRunner


class CivilAnnotator(Protocol):
    """What the dialog needs of the civil registration service."""

    def annotate(
        self, officer: Officer, register_number: str, data: Mapping[str, Any]
    ) -> CivilEntry: ...


def annotation_form_name(kind: EventKind, annotation: AnnotationKind) -> str:
    return f"annotation_{kind.value}_{annotation.value}"


def annotation_forms(kind: EventKind) -> dict[AnnotationKind, FormSpec]:
    """The annotation forms for an entry of ``kind`` this workstation has, in the domain's
    order of kinds."""
    found = {}
    for annotation, kinds in APPLIES_TO.items():
        if kind in kinds:
            try:
                found[annotation] = load_form(annotation_form_name(kind, annotation))
            except FormError:
                continue
    return found


class AnnotationFormPage(FormPage):
    """One kind of annotation of ``entry``; :attr:`annotated` carries the entry saved."""

    annotated = Signal(object)  # CivilEntry

    def __init__(
        self,
        civil: CivilAnnotator,
        officer: Officer,
        task_runner: TaskRunner,
        form: FormSpec,
        kind: AnnotationKind,
        entry: CivilEntry,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(form, task_runner, self.check, self.writer, parent)
        self.kind = kind
        self._civil = civil
        self._officer = officer
        self._entry = entry
        self._today = today
        self._written: list[Mapping[str, Any]] = []
        self.title.hide()  # the dialog names the kind
        self.retranslate()

    def annotation_values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return annotation_data(self.fields.form, values, self.kind.value, self._entry.current)

    def check(self, values: Mapping[str, Any]) -> None:
        """The annotation's own facts, then the entry as it would read with it (also while
        the decision's facts are still missing: with stand-ins for them, so that a wrong
        change shows as soon as it is typed)."""
        today = self._today()
        stored = {"sequence": self._entry.history.next_sequence(), "recorded_on": str(today)}
        errors: list[FieldError] = []
        plain = self.annotation_values(values)
        for attempt in (plain, self.annotation_values(self._stand_ins(values, today))):
            try:
                annotation = annotation_from_plain(type(self._entry.original), attempt | stored)
                current = self._entry.history.append(annotation).current()
            except DomainError as error:
                errors += self.at_fields(error, attempt["changes"]).errors
                continue
            try:
                check_record(current, today)
            except ValidationError as error:
                errors += error.errors
            break
        if errors:
            unique = {(e.field, e.code): e for e in reversed(errors)}  # the first of each
            raise ValidationError(list(reversed(unique.values())))

    def _stand_ins(self, values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
        """``values`` with the annotation's own facts, where empty, stood in for."""
        filled = dict(values)
        for spec in self.fields.form.fields:
            if spec.path.startswith(f"{ANNOTATION_KEY}.") and not filled.get(spec.name):
                filled[spec.name] = today.isoformat() if spec.type == "date" else "-"
        return filled

    def at_fields(self, error: DomainError, changes: list[Mapping[str, Any]]) -> ValidationError:
        """An error in the annotation's JSON with its paths the form's (see
        :func:`annotation_path`)."""
        items = error.problems()
        return ValidationError(
            [FieldError(annotation_path(i.field, changes), i.code, i.params) for i in items]
        )

    def writer(self, values: Mapping[str, Any]) -> Callable[[], CivilEntry]:
        plain = self.annotation_values(values)
        self._written = plain["changes"]
        civil, officer, number = self._civil, self._officer, self._entry.register_number
        return lambda: civil.annotate(officer, number, plain)

    def problems(self) -> list[tuple[str, str]]:
        try:
            self._check(self.fields.values())
        except DomainError as error:
            return self.field_problems(error)
        return []

    def field_problems(self, error: DomainError) -> list[tuple[str, str]]:
        """(form field or path, message) of a domain error, worded with the fields' labels."""
        items = error.problems()
        found = []
        for item in items:
            name = field_for_path(self.fields.form, item.field)
            if name is not None:
                label = self.fields.rows[name].label.text().removesuffix(" *")
                found.append((name, self.translator.text(item.code, label, item.params)))
            else:
                found.append((item.field, self.translator.text(item.code, None, item.params)))
        return found

    def retranslate(self) -> None:
        super().retranslate()
        self.save_button.setText(self.tr("&Annotate"))
        self.save_button.setToolTip(self.tr("Append the annotation to the entry (Ctrl+S)"))

    def _on_write_succeeded(self, entry: Any) -> None:
        self._task = None
        assert isinstance(entry, CivilEntry)
        self.fields.setEnabled(False)  # saving again would annotate twice
        self.save_button.setEnabled(False)
        self.show_status(
            self.tr("Annotation {sequence} recorded.").format(sequence=len(entry.annotations))
        )
        self.annotated.emit(entry)

    def _on_write_failed(self, error: BaseException) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        if not isinstance(error, DomainError):
            self.show_status(self._runner.reporter.report(error, self), error=True)
            return
        if not isinstance(error, ValidationError) or error.errors[0].field.startswith("changes"):
            error = self.at_fields(error, self._written)
        elsewhere = self.fields.show_errors(self.field_problems(error))
        texts = [message for _path, message in elsewhere]
        self.show_status(
            "\n".join(texts) or self.tr("Not annotated: see the fields marked in red."),
            error=True,
        )
        self._focus_first_error()


class AnnotationDialog(QDialog):
    """Choose the kind of annotation, fill its form, Annotate (a window that does not block)."""

    annotated = Signal(object)  # CivilEntry

    def __init__(
        self,
        civil: CivilAnnotator,
        officer: Officer,
        task_runner: TaskRunner,
        entry: CivilEntry,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationDialog")
        self.entry = entry
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("annotationKind")
        self.kind_label.setBuddy(self.kind_combo)
        self.stack = QStackedWidget()
        self.pages: dict[AnnotationKind, AnnotationFormPage] = {}
        self._close_buttons: list[QPushButton] = []
        for kind, form in annotation_forms(entry.kind).items():
            page = AnnotationFormPage(civil, officer, task_runner, form, kind, entry, today=today)
            page.annotated.connect(self._on_annotated)
            close = QPushButton(page)
            close.setObjectName("closeAnnotation")
            close.clicked.connect(self.reject)
            page.button_row.insertWidget(0, close)
            self._close_buttons.append(close)
            self.pages[kind] = page
            self.stack.addWidget(page)
            self.kind_combo.addItem("", kind.value)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        row = QHBoxLayout()
        row.addWidget(self.kind_label)
        row.addWidget(self.kind_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        self.resize(720, 520)
        self.retranslate()

    @property
    def page(self) -> AnnotationFormPage:
        widget = self.stack.currentWidget()
        assert isinstance(widget, AnnotationFormPage)
        return widget

    def choose(self, kind: AnnotationKind) -> AnnotationFormPage:
        """Show the form of ``kind`` (one the entry allows)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        return self.pages[kind]

    def _on_kind_changed(self, _index: int) -> None:
        kind = AnnotationKind(self.kind_combo.currentData())
        self.stack.setCurrentWidget(self.pages[kind])
        self.pages[kind].fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_annotated(self, entry: CivilEntry) -> None:
        self.annotated.emit(entry)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annotate {number}").format(number=self.entry.register_number))
        self.kind_label.setText(self.tr("&Kind of annotation:"))
        for button in self._close_buttons:
            button.setText(self.tr("Close"))
            button.setToolTip(self.tr("Close without annotating (Esc)"))
        for index in range(self.kind_combo.count()):
            kind = AnnotationKind(self.kind_combo.itemData(index))
            self.kind_combo.setItemText(index, annotation_kind_text(kind))
