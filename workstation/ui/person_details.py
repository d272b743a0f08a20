"""The side panel that shows one person: names, birth, identifiers, address, documents, history.

Rendered as escaped HTML in a read-only ``QTextBrowser``: it scrolls, the officer can select and
copy any value, and screen readers read it as a document. Below it, *Edit record…* (Alt+E) asks
for a correction of the record shown: :attr:`PersonDetailsPanel.edit_requested` carries the person
as stored (the window opens the person form on it).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from workstation.domain.audit import AuditEntry
from workstation.domain.documents import Document, DocumentState
from workstation.domain.people import IdentifierKind, Person, Sex
from workstation.domain.portrait import PortraitRecord
from workstation.ui.document_table_model import kind_name, state_name

_TABLE = '<table cellspacing="0" cellpadding="3" width="100%">'
_MUTED = 'style="color:#616161"'


def _e(value: object) -> str:
    return html.escape(str(value))


class PersonDetailsPanel(QWidget):
    """Read-only view of one person as stored, with their documents and history.

    ``edit_requested(Person)``: the officer asked to correct the record shown (enabled only
    once the whole record is loaded, so the form starts from the person as stored).
    """

    edit_requested = Signal(object)  # Person

    def __init__(self, time_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDetails")
        self.browser = QTextBrowser()
        self.browser.setObjectName("personRecord")
        self.browser.setOpenLinks(False)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRecord")
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        # Tab lands on the panel (as on the text browser it used to be) and the record takes the
        # focus, so it scrolls from the keyboard; the next Tab reaches Edit record….
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.browser)
        QWidget.setTabOrder(self.browser, self.edit_button)
        self._zone = ZoneInfo(time_zone)
        self._person: Person | None = None
        self._stored: Person | None = None  # the whole record, once show_record has it
        self._retranslate()
        self.show_nothing()

    @property
    def person(self) -> Person | None:
        return self._person

    def toPlainText(self) -> str:  # the QTextBrowser name: callers read the panel as text
        return self.browser.toPlainText()

    def _set_html(self, text: str) -> None:
        self.browser.setHtml(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit record…"))
        self.edit_button.setToolTip(
            self.tr("Correct this person's record: names, birth, identifiers, address (Alt+E)")
        )

    def _set_stored(self, person: Person | None) -> None:
        self._stored = person
        self.edit_button.setEnabled(person is not None and person.id is not None)

    def _on_edit_button_clicked(self) -> None:
        if self._stored is not None:
            self.edit_requested.emit(self._stored)

    def show_nothing(self) -> None:
        self._person = None
        self._set_stored(None)
        self._set_html(
            f"<p {_MUTED}>{_e(self.tr('Select a person in the results to see their record.'))}</p>"
        )

    def show_loading(self, person: Person) -> None:
        """The name from the search result at once; the full record follows from the worker.

        A search hit is not the whole record (it carries no identifiers), so no field is shown
        until :meth:`show_record` has the person as stored.
        """
        self._person = person
        self._set_stored(None)
        self._set_html(
            f"<h2>{_e(person.display_name)}</h2>"
            f"<p {_MUTED}>{_e(self.tr('Loading the record, documents and history…'))}</p>"
        )

    def show_record(
        self,
        person: Person,
        documents: Sequence[Document],
        trail: Sequence[AuditEntry],
        portraits: Sequence[PortraitRecord] = (),
        civil: Sequence[tuple[str, str, str]] | None = None,
    ) -> None:
        """``civil``: (register number, event, state) of the civil-registration entries that
        name the person; None when this workstation keeps no civil register."""
        self._person = person
        self._set_stored(person)
        self._set_html(
            self._person_html(person)
            + self._documents_html(documents)
            + self._photos_html(portraits)
            + (self._civil_html(civil) if civil is not None else "")
            + self._trail_html(trail)
        )

    def show_failed(self) -> None:
        person = self._person
        self._set_stored(None)
        title = f"<h2>{_e(person.display_name)}</h2>" if person else ""
        self._set_html(
            f'{title}<p style="color:#b00020">{_e(self.tr("The record could not be loaded."))}</p>'
        )

    def _person_html(self, person: Person) -> str:
        as_written = ", ".join(p for p in (person.surname, person.given_names) if p)
        rows = [
            (self.tr("As written"), as_written),
            (self.tr("Sex"), self._sex(person.sex)),
            (self.tr("Born"), self._birth(person)),
            (self.tr("Nationality"), person.nationality),
            (self.tr("Identifiers"), self._identifiers(person)),
            (self.tr("Address"), self._address(person)),
            (self.tr("Telephone"), person.phone),
            (self.tr("E-mail"), person.email),
            (self.tr("Registry ID"), str(person.id)),
        ]
        body = "".join(
            f'<tr><td width="30%" {_MUTED}>{_e(label)}</td><td>{_e(value) if value else "–"}'
            "</td></tr>"
            for label, value in rows
        )
        return f"<h2>{_e(person.display_name)}</h2>{_TABLE}{body}</table>"

    def _sex(self, sex: Sex) -> str:
        return {
            Sex.FEMALE: self.tr("female"),
            Sex.MALE: self.tr("male"),
            Sex.UNSPECIFIED: self.tr("unspecified"),
        }[sex]

    def _birth(self, person: Person) -> str:
        place = ", ".join(p for p in (person.place_of_birth, person.country_of_birth) if p)
        date = person.birth_date.isoformat()
        return self.tr("{date} in {place}").format(date=date, place=place) if place else date

    def _identifiers(self, person: Person) -> str:
        names = {
            IdentifierKind.PASSPORT: self.tr("Passport"),
            IdentifierKind.NATIONAL_ID: self.tr("National ID"),
            IdentifierKind.CONSULAR_ID: self.tr("Consular ID"),
            IdentifierKind.RESIDENCE_PERMIT: self.tr("Residence permit"),
            IdentifierKind.BIRTH_REGISTRATION: self.tr("Birth registration"),
            IdentifierKind.OTHER: self.tr("Other"),
        }
        return "; ".join(
            f"{names[i.kind]} {i.number}" + (f" ({i.issuer})" if i.issuer else "")
            for i in person.identifiers
        )

    @staticmethod
    def _address(person: Person) -> str:
        address = person.address
        town = " ".join(p for p in (address.postcode, address.city) if p)
        return ", ".join(p for p in (*address.lines, town, address.country) if p)

    def _heading(self, text: str) -> str:
        return f"<h3>{_e(text)}</h3>"

    def _table(self, headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
        head = "".join(f'<th align="left" {_MUTED}>{_e(h)}</th>' for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
        return f"{_TABLE}<tr>{head}</tr>{body}</table>"

    def _documents_html(self, documents: Sequence[Document]) -> str:
        heading = self._heading(self.tr("Documents"))
        if not documents:
            return heading + f"<p {_MUTED}>{_e(self.tr('No documents.'))}</p>"
        rows = [
            (
                self.kind_name(d.kind),
                self.state_name(d.state),
                d.number or "–",
                d.issued_on.isoformat() if d.issued_on else "–",
                d.expires_on.isoformat() if d.expires_on else "–",
            )
            for d in documents
        ]
        headers = (
            self.tr("Document"),
            self.tr("State"),
            self.tr("Number"),
            self.tr("Issued"),
            self.tr("Expires"),
        )
        return heading + self._table(headers, rows)

    def _photos_html(self, portraits: Sequence[PortraitRecord]) -> str:
        heading = self._heading(self.tr("Photos"))
        if not portraits:
            return heading + f"<p {_MUTED}>{_e(self.tr('No photo taken yet.'))}</p>"
        rows = [
            (
                self._local_time(p.created_at.isoformat()),
                f"#{p.id}",
                self.tr("document #{id}").format(id=p.document_id) if p.document_id else "–",
                self.tr("compliant")
                if p.compliant
                else self.tr("{count} check(s) overridden").format(count=len(p.overrides)),
            )
            for p in portraits
        ]
        headers = (self.tr("Taken"), self.tr("Portrait"), self.tr("Used for"), self.tr("Checks"))
        return heading + self._table(headers, rows)

    def _civil_html(self, entries: Sequence[tuple[str, str, str]]) -> str:
        heading = self._heading(self.tr("Civil registration"))
        if not entries:
            return heading + f"<p {_MUTED}>{_e(self.tr('No civil-registration entry.'))}</p>"
        headers = (self.tr("Register number"), self.tr("Event"), self.tr("State"))
        return heading + self._table(headers, entries)

    def _trail_html(self, trail: Sequence[AuditEntry]) -> str:
        heading = self._heading(self.tr("History"))
        if not trail:
            return heading + f"<p {_MUTED}>{_e(self.tr('No recorded changes.'))}</p>"
        rows = [
            (self._local_time(e.at), e.actor, self.action_name(e.action), self._subject(e))
            for e in trail
        ]
        headers = (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail"))
        return heading + self._table(headers, rows)

    def _subject(self, entry: AuditEntry) -> str:
        details = entry.details
        parts = []
        if entry.record_type == "document":
            parts.append(self.tr("document #{id}").format(id=entry.record_id))
        for key in ("number", "queue", "reason", "condition"):
            value = details.get(key)
            if value:
                parts.append(str(value))
        if entry.action == "person.update":
            parts += self._corrections(details)
        return " · ".join(parts)

    def _corrections(self, details: Mapping[str, Any]) -> list[str]:
        """What a correction changed: ``Surname: Muller → Müller``, or the field's name alone
        for contact details (the audit entry keeps no values for them)."""
        labels = {
            "surname": self.tr("Surname"),
            "given_names": self.tr("Given names"),
            "surname_latin": self.tr("Surname (Latin)"),
            "given_names_latin": self.tr("Given names (Latin)"),
            "sex": self.tr("Sex"),
            "birth_date": self.tr("Birth date"),
            "place_of_birth": self.tr("Place of birth"),
            "country_of_birth": self.tr("Country of birth"),
            "nationality": self.tr("Nationality"),
            "identifiers": self.tr("Identifiers"),
            "address": self.tr("Address"),
            "phone": self.tr("Telephone"),
            "email": self.tr("E-mail"),
        }
        fields = details.get("fields")
        changes = details.get("changes")
        values = changes if isinstance(changes, dict) else {}
        parts = []
        for field in fields if isinstance(fields, list) else []:
            label = labels.get(str(field), str(field))
            change = values.get(field)
            if isinstance(change, dict):
                old, new = (
                    "; ".join(map(str, v)) if isinstance(v, list) else str(v)
                    for v in (change.get("old"), change.get("new"))
                )
                parts.append(f"{label}: {old or '–'} → {new or '–'}")
            else:
                parts.append(label)
        return parts

    def _local_time(self, at: str) -> str:
        """Audit times are UTC; the officer reads them in the post's time zone."""
        try:
            instant = dt.datetime.fromisoformat(at)
        except ValueError:
            return at
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=dt.UTC)
        return instant.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")

    def kind_name(self, code: str) -> str:
        return kind_name(code)

    def state_name(self, state: DocumentState) -> str:
        return state_name(state)

    def action_name(self, action: str) -> str:
        return {
            "person.add": self.tr("added to the registry"),
            "person.update": self.tr("record corrected"),
            "photo.captured": self.tr("photo taken"),
            "photo.check_overridden": self.tr("photo check overridden"),
            "photo.reused": self.tr("photo used for a request"),
            "document.create": self.tr("request created"),
            "document.portrait": self.tr("portrait attached"),
            "document.submit": self.tr("request submitted"),
            "document.approve": self.tr("request approved"),
            "document.reject": self.tr("request rejected"),
            "document.produce": self.tr("numbered, sealed and signed"),
            "document.issue": self.tr("issued"),
            "document.deliver": self.tr("delivered"),
            "document.void": self.tr("voided"),
            "document.spoil_copy": self.tr("spoiled copy recorded"),
            "print.submitted": self.tr("sent to the printer"),
            "print.completed": self.tr("printed"),
            "print.failed": self.tr("print failed"),
            "print.cancelled": self.tr("print cancelled"),
            "print.retried": self.tr("print retried"),
            "print.spoiled": self.tr("printed card spoiled"),
            "chip.encoded": self.tr("chip encoded"),
            "chip.encoding_failed": self.tr("chip encoding failed"),
        }.get(action, action)
