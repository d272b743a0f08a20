"""What the civil register's widgets need of the services (structural types: the real
:class:`~workstation.services.civil_registration.CivilRegistrationService` and the printing
service provide them; tests may pass fakes)."""

from __future__ import annotations

from typing import Any, Protocol

from workstation.domain.civil.entries import CivilEntry
from workstation.domain.officers import Officer
from workstation.services.certificates import CertificateKind, ProducedCertificate
from workstation.ui.civil_register_annotation import CivilAnnotator


class CivilDecisions(CivilAnnotator, Protocol):
    """What the view needs of the civil registration service."""

    def approve(
        self, officer: Officer, register_number: str, *, reason: str = ""
    ) -> CivilEntry: ...

    def reject(self, officer: Officer, register_number: str, reason: str) -> CivilEntry: ...

    def certificate(
        self, officer: Officer, register_number: str, kind: CertificateKind | str, passphrase: str
    ) -> ProducedCertificate: ...


class CertificatePrinter(Protocol):
    """Sends a certificate's PDF to the post's A4 queue (returns what the spooler says)."""

    def print_certificate(self, officer: Officer, register_number: str, pdf: bytes) -> Any: ...
