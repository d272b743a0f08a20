"""Registering a birth (marriage, death) from a record form (``forms/birth_registration.toml``):
each field checked by the domain as the registrar types, the timeliness of the registration
(on time / late / delayed) and the evidence it needs beside the fields, Save on a worker.

The domain reports problems at record paths (``mother.nationalities[0].code``); the page shows
each under the field that fills that path (:func:`field_for_path`), with the field's own label.
A duplicate the service refuses is announced with :attr:`RegistrationFormPage.duplicate_found`
(the page around opens the existing entry); a possible duplicate can be registered anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from forms import FormSpec
from workstation.domain.civil.codec import record_from_plain
from workstation.domain.civil.entries import CivilEntry
from workstation.domain.civil.records import EventKind
from workstation.domain.civil.timeliness import (
    RegistrationRules,
    Timeliness,
    registration_deadlines,
)
from workstation.domain.civil.validation import check_record
from workstation.domain.errors import ConflictError, DomainError, FieldError
from workstation.domain.officers import Officer
from workstation.ui.civil_register_texts import duplicate_text, evidence_text
from workstation.ui.civil_register_values import field_for_path, record_data
from workstation.ui.form_fields import ERROR_COLOUR
from workstation.ui.form_page import FormPage
from workstation.ui.tasks import TaskRunner

EVIDENCE_KEY = "evidence_presented"
# Each kind's form service and the field of the event's date (where timeliness comes from).
FORM_OF: Mapping[EventKind, str] = {
    EventKind.BIRTH: "birth_registration",
    EventKind.MARRIAGE: "marriage_registration",
    EventKind.DEATH: "death_registration",
}
_EVENT_DATE = {
    EventKind.BIRTH: "birth_date",
    EventKind.MARRIAGE: "marriage_date",
    EventKind.DEATH: "death_date",
}


class CivilRegistrar(Protocol):
    """What the form needs of the civil registration service."""

    def register(
        self,
        officer: Officer,
        kind: EventKind | str,
        data: Mapping[str, Any],
        *,
        confirm_possible_duplicate: bool = False,
    ) -> CivilEntry: ...


class RegistrationFormPage(FormPage):
    """A new entry of the register from a record form; :attr:`registered` carries the entry."""

    registered = Signal(object)  # CivilEntry
    duplicate_found = Signal(str)  # the register number of the entry already there

    def __init__(
        self,
        civil: CivilRegistrar,
        officer: Officer,
        task_runner: TaskRunner,
        form: FormSpec,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        registration_rules: RegistrationRules | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(form, task_runner, self.check, self.writer, parent)
        self.kind = next(k for k, service in FORM_OF.items() if service == form.service)
        self._civil = civil
        self._officer = officer
        self._today = today
        self._rules = registration_rules
        self._confirm_duplicate = False
        self._evidence: dict[str, QCheckBox] = {}
        self._checked: set[str] = set()
        self._timeliness: Timeliness | None = None
        self._date_field = next(
            (f.name for f in form.fields if f.path == _EVENT_DATE[self.kind]), ""
        )
        self._build_side()
        self.anyway_button = QPushButton()
        self.anyway_button.setObjectName("registerAnyway")
        self.anyway_button.hide()
        self.anyway_button.clicked.connect(self._on_anyway_button_clicked)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newEntry")
        self.new_button.clicked.connect(self.new_entry)
        self.button_row.insertWidget(0, self.new_button)
        self.button_row.insertWidget(2, self.anyway_button)
        self.retranslate()
        self._update_timeliness()

    def _build_side(self) -> None:
        """Timeliness and evidence beside the fields (and the registry option of a birth)."""
        self.side = QGroupBox()
        self.side.setObjectName("timelinessBox")
        self.timeliness_label = QLabel()
        self.timeliness_label.setObjectName("timeliness")
        self.timeliness_label.setWordWrap(True)
        self.evidence_box = QVBoxLayout()
        self.evidence_error = QLabel()
        self.evidence_error.setObjectName(f"{EVIDENCE_KEY}.error")
        self.evidence_error.setWordWrap(True)
        self.evidence_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.evidence_error.hide()
        self.create_child = QCheckBox()
        self.create_child.setObjectName("createChild")
        self.create_child.setChecked(self.kind is EventKind.BIRTH)
        self.create_child.setVisible(self.kind is EventKind.BIRTH)
        side_layout = QVBoxLayout(self.side)
        side_layout.addWidget(self.timeliness_label)
        side_layout.addLayout(self.evidence_box)
        side_layout.addWidget(self.evidence_error)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.create_child)
        side_layout.addStretch(1)
        scroll = self.findChild(QScrollArea)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout) and scroll is not None
        index = layout.indexOf(scroll)
        layout.removeWidget(scroll)
        row = QHBoxLayout()
        row.addWidget(scroll, 2)  # the fields' labels are long ("Second spouse: ...")
        row.addWidget(self.side, 1)
        layout.insertLayout(index, row, 1)

    # -- what the domain says ------------------------------------------------------------------

    def record_values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return record_data(self.fields.form, values)

    def check(self, values: Mapping[str, Any]) -> None:
        today = self._today()
        data = self.record_values(values) | {"registered_on": today.isoformat()}
        check_record(record_from_plain(self.kind, data), today)

    def writer(self, values: Mapping[str, Any]) -> Callable[[], CivilEntry]:
        data = self.record_values(values)
        data[EVIDENCE_KEY] = self.evidence_presented()
        if self.kind is EventKind.BIRTH and self.create_child.isChecked():
            data["create_persons"] = {"child": {}}
        civil, officer, kind, confirm = (
            self._civil,
            self._officer,
            self.kind,
            self._confirm_duplicate,
        )
        return lambda: civil.register(officer, kind, data, confirm_possible_duplicate=confirm)

    def problems(self) -> list[tuple[str, str]]:
        try:
            self._check(self.fields.values())
        except DomainError as error:
            return self.field_problems(error)
        return []

    def field_problems(self, error: DomainError) -> list[tuple[str, str]]:
        """(form field or record path, message) of a domain error, worded with the labels."""
        items = error.problems()
        aliases = {"registered_on": self._date_field}
        data = self.record_values(self.fields.values())
        found = []
        for item in items:
            if item.code == "field.wrong_length" and isinstance(data.get(item.field), list):
                # a spouse missing: "the second spouse's surname is required"
                index = len(data[item.field])
                item = FieldError(f"{item.field}[{index}].person", "field.required")
            name = field_for_path(self.fields.form, item.field, aliases)
            if name is not None:
                label = self.fields.rows[name].label.text().removesuffix(" *")
                found.append((name, self.translator.text(item.code, label, item.params)))
            else:
                found.append((item.field, self.translator.text(item.code, item.field, item.params)))
        return found

    # -- timeliness and evidence -----------------------------------------------------------------

    def set_registration_rules(self, rules: RegistrationRules | None) -> None:
        self._rules = rules
        self._update_timeliness()

    @property
    def timeliness(self) -> Timeliness | None:
        """The timeliness of registering today, once the event's date is a date."""
        return self._timeliness

    def evidence_presented(self) -> list[str]:
        return [code for code, box in self._evidence.items() if box.isChecked()]

    def evidence_box_for(self, code: str) -> QCheckBox:
        return self._evidence[code]

    def after_edit(self, name: str) -> None:
        if name == self._date_field:
            self._update_timeliness()
        if self.anyway_button.isVisible():
            self.anyway_button.hide()
            self._confirm_duplicate = False

    def _update_timeliness(self) -> None:
        self._timeliness = None
        text = self.tr("Type the date of the event to see whether the registration is on time.")
        if self._rules is None:
            text = self.tr("The registration rules are being read…")
        elif self._date_field:
            raw = str(self.fields.editor(self._date_field).value()).strip()
            try:
                event = dt.date.fromisoformat(raw)
                today = self._today()
                self._timeliness = self._rules.timeliness(self.kind, event, today)
                period = self._rules.legal_period_days[self.kind]
                current_until, late_until = registration_deadlines(
                    event, period, self._rules.grace_months
                )
                text = self._timeliness_text(self._timeliness, current_until, late_until)
            except (ValueError, DomainError):
                pass
        self.timeliness_label.setText(text)
        self._show_evidence()

    def _timeliness_text(self, timeliness: Timeliness, until: dt.date, late: dt.date) -> str:
        if timeliness is Timeliness.CURRENT:
            return self.tr("<b>On time</b> (registered by {until}): final when saved.").format(
                until=until.isoformat()
            )
        if timeliness is Timeliness.LATE:
            return self.tr(
                "<b>Late</b> (the legal period ended on {until}): more evidence is needed, "
                "and a supervisor approves the entry."
            ).format(until=until.isoformat())
        return self.tr(
            "<b>Delayed</b> (more than a year: the late period ended on {late}): the fullest "
            "evidence is needed, and a supervisor approves the entry."
        ).format(late=late.isoformat())

    def _show_evidence(self) -> None:
        """One check box per piece of evidence the timeliness asks for (any one of a group)."""
        self._checked |= {code for code, box in self._evidence.items() if box.isChecked()}
        self._checked -= {code for code, box in self._evidence.items() if not box.isChecked()}
        while self.evidence_box.count():
            item = self.evidence_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._evidence = {}
        if self._rules is None or self._timeliness is None:
            return
        heading = QLabel(self.tr("Evidence presented:"))
        self.evidence_box.addWidget(heading)
        previous: QWidget = self.fields.focus_chain()[-1]
        for requirement in self._rules.required_evidence(self.kind, self._timeliness):
            if len(requirement.any_of) > 1:
                self.evidence_box.addWidget(QLabel(self.tr("One of:")))
            for code in requirement.any_of:
                box = QCheckBox(evidence_text(code))
                box.setObjectName(f"evidence.{code}")
                box.setChecked(code in self._checked)
                box.toggled.connect(self._on_evidence_toggled)
                self.evidence_box.addWidget(box)
                self._evidence[code] = box
                QWidget.setTabOrder(previous, box)
                previous = box
        QWidget.setTabOrder(previous, self.create_child)
        QWidget.setTabOrder(self.create_child, self.save_button)

    def _on_evidence_toggled(self, _checked: bool) -> None:
        self.evidence_error.hide()

    # -- saving ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        titles = {
            EventKind.BIRTH: self.tr("Register a birth"),
            EventKind.MARRIAGE: self.tr("Register a marriage"),
            EventKind.DEATH: self.tr("Register a death"),
        }
        self.title.setText(titles[self.kind])
        self.side.setTitle(self.tr("Timeliness and evidence"))
        self.save_button.setText(self.tr("&Register"))
        self.save_button.setToolTip(self.tr("Register the entry (Ctrl+S or Enter)"))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(self.tr("Clear the form for another entry"))
        self.anyway_button.setText(self.tr("Register &anyway"))
        self.create_child.setText(self.tr("Also add the &child to the person registry"))
        self._update_timeliness()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    def new_entry(self) -> None:
        self.cancel()
        self._confirm_duplicate = False
        self.anyway_button.hide()
        self.fields.clear()
        self._checked = set()
        self.fields.setEnabled(True)
        self.save_button.setEnabled(True)
        self.show_status("")
        self._update_timeliness()
        self.fields.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if self.fields.isEnabled():
            super().save()

    def _on_anyway_button_clicked(self) -> None:
        self._confirm_duplicate = True
        self.anyway_button.hide()
        self.save()

    def _on_write_succeeded(self, entry: Any) -> None:
        self._task = None
        self._confirm_duplicate = False
        assert isinstance(entry, CivilEntry)
        self.fields.setEnabled(False)  # saving again would register the same event twice
        self.save_button.setEnabled(False)
        pending = entry.state.value == "pending_approval"
        self.show_status(
            self.tr("Registered as {number}: waiting for a supervisor's approval.").format(
                number=entry.register_number
            )
            if pending
            else self.tr("Registered as {number}.").format(number=entry.register_number)
        )
        self.registered.emit(entry)

    def _on_write_failed(self, error: BaseException) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        if isinstance(error, ConflictError) and error.code.startswith("civil.duplicate"):
            number = str(error.params.get("register_number", ""))
            self.show_status(duplicate_text(error.code, error.params), error=True)
            possible = error.code == "civil.duplicate.possible"
            self.anyway_button.setVisible(possible)
            self.duplicate_found.emit(number)
            return
        if not isinstance(error, DomainError):
            self.show_status(self._runner.reporter.report(error, self), error=True)
            return
        problems = self.field_problems(error)
        evidence = [m for path, m in problems if path.startswith(EVIDENCE_KEY)]
        self.evidence_error.setText("\n".join(evidence))
        self.evidence_error.setVisible(bool(evidence))
        rest = [(p, m) for p, m in problems if not p.startswith(EVIDENCE_KEY)]
        elsewhere = self.fields.show_errors(rest)
        texts = [message for _path, message in elsewhere] + evidence
        self.show_status(
            "\n".join(texts) or self.tr("Not registered: see the fields marked in red."),
            error=True,
        )
        self._focus_first_error()
