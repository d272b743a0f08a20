"""The application fields of an emergency travel document request (``forms/etd_request.toml``):
destination, transit points and the passport it replaces, checked by the domain's request rules
as the officer types; Save creates the draft request for the person shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from forms import FormSpec, load_form
from workstation.domain.document_kinds import EMERGENCY_TRAVEL_DOCUMENT
from workstation.domain.issue_rules import check_request_data
from workstation.domain.officers import Officer
from workstation.ui.form_page import FormPage
from workstation.ui.tasks import TaskRunner


class RequestCreator(Protocol):
    """What the page needs of the document service."""

    def create(
        self,
        officer: Officer,
        kind_code: str,
        person_id: int,
        data: Mapping[str, Any] | None = None,
    ) -> int: ...


class EtdRequestPage(FormPage):
    """``saved(document_id)`` once the draft request exists. :meth:`set_person` first."""

    def __init__(
        self,
        documents: RequestCreator,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        form: FormSpec | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            form or load_form("etd_request"), task_runner, self.check, self.writer, parent
        )
        self._documents = documents
        self._officer = officer
        self._person_id: int | None = None
        chain = self.fields.focus_chain()
        QWidget.setTabOrder(chain[-1], self.save_button)
        self.retranslate()

    def set_person(self, person_id: int | None) -> None:
        """The applicant; a new person starts an empty request."""
        if person_id != self._person_id:
            self.cancel()
            self.fields.clear()
            self.show_status("")
        self._person_id = person_id
        self.save_button.setEnabled(person_id is not None)

    def check(self, values: Mapping[str, Any]) -> None:
        check_request_data(EMERGENCY_TRAVEL_DOCUMENT.code, values)

    def save(self) -> None:
        if self._person_id is None:
            self.show_status(self.tr("Open or save the applicant first."), error=True)
            return
        super().save()

    def writer(self, values: Mapping[str, Any]) -> Callable[[], int]:
        documents, officer, person_id, data = (
            self._documents,
            self._officer,
            self._person_id,
            dict(values),
        )
        assert person_id is not None
        return lambda: documents.create(officer, EMERGENCY_TRAVEL_DOCUMENT.code, person_id, data)

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Emergency travel document request"))
        self.save_button.setText(self.tr("&Save request"))
