"""Trust lists: the certificates a verifier elsewhere needs to check our seals, and we theirs.

A seal never carries its certificate (STANDARDS.md section 2), so a border desk or another post
must be given our CSCA and document-signer certificates beforehand. The format is JSON, UTF-8,
readable with any tool and self-describing::

    {
      "format": "consular-workstation-trust-list",
      "version": 1,
      "cas": [ {"pem": "-----BEGIN CERTIFICATE-----\\n..."} ],
      "signers": [ {"signer": "UTGV", "ref": "10", "pem": "-----BEGIN CERTIFICATE-----\\n..."} ]
    }

``cas`` are CSCA certificates (self-signed, CA). ``signers`` are document-signer certificates
with the header values (signer id, certificate reference) that select them. Import trusts
nothing on the file's word: every CA must be a valid self-signed CA certificate, every signer
certificate must be issued (signature checked) by one of the listed CAs, be valid now, and its
``signer``/``ref`` must be the ones derived from the certificate itself (``keys.signer_id_of``,
serial number in hex) - otherwise a list could make a certificate answer for another signer.
Any failure refuses the whole list with a coded error naming the entry (``field`` =
``cas[i]`` / ``signers[i]``): a half-imported trust list would be worse than none.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cryptography import x509

from workstation.domain.errors import DomainError
from workstation.security import keys

FORMAT = "consular-workstation-trust-list"
VERSION = 1

_REF_RE = re.compile(r"[0-9A-F]{1,255}")


@dataclass(frozen=True, slots=True)
class TrustList:
    """Validated CSCA certificates and signer certificates keyed as ``verify_seal`` wants them."""

    cas: tuple[x509.Certificate, ...]
    signers: Mapping[tuple[str, str], x509.Certificate]

    def lookup(self, signer: str, cert_ref: str) -> x509.Certificate | None:
        """``CertificateLookup`` for ``verify_seal`` (the mapping works as well)."""
        return self.signers.get((signer, cert_ref))

    def merged(self, other: TrustList) -> TrustList:
        """Both lists together (our own list + a partner's); the same key for two different
        certificates is ``trust.duplicate_signer`` rather than a silent choice of one."""
        signers = dict(self.signers)
        for key, certificate in other.signers.items():
            if signers.setdefault(key, certificate) != certificate:
                raise DomainError("trust.duplicate_signer", "signers", signer=key[0], ref=key[1])
        cas = self.cas + tuple(ca for ca in other.cas if ca not in self.cas)
        return TrustList(cas, MappingProxyType(signers))


def export_trust_list(
    cas: Iterable[x509.Certificate], signers: Iterable[x509.Certificate]
) -> bytes:
    """Serialise CSCA + signer certificates; keys are derived from each certificate.

    Exporting runs the same chain checks as importing would (except dates), so that a post never
    hands out a list its partners would refuse.
    """
    ca_list = list(cas)
    entries: list[dict[str, str]] = []
    for index, certificate in enumerate(signers):
        identity = _identity(certificate, f"signers[{index}]")
        if not any(keys.is_issued_by(certificate, ca) for ca in ca_list):
            raise DomainError("trust.not_issued_by_listed_ca", f"signers[{index}]")
        entries.append(
            {
                "signer": identity.signer,
                "ref": identity.cert_ref,
                "pem": keys.certificate_pem(certificate).decode("ascii"),
            }
        )
    document = {
        "format": FORMAT,
        "version": VERSION,
        "cas": [{"pem": keys.certificate_pem(ca).decode("ascii")} for ca in ca_list],
        "signers": entries,
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def import_trust_list(data: bytes, now: dt.datetime) -> TrustList:
    """Parse and validate a trust list; refuse it whole with a coded error on any problem."""
    document = _load_document(data)
    cas: list[x509.Certificate] = []
    for index, entry in enumerate(_entries(document, "cas")):
        field = f"cas[{index}]"
        ca = _certificate(entry, field)
        if not keys.is_ca_certificate(ca) or not keys.is_issued_by(ca, ca):
            raise DomainError("trust.not_a_ca_certificate", field)
        _check_dates(ca, now, field)
        cas.append(ca)
    signers: dict[tuple[str, str], x509.Certificate] = {}
    for index, entry in enumerate(_entries(document, "signers")):
        field = f"signers[{index}]"
        certificate = _certificate(entry, field)
        if not keys.is_signer_certificate(certificate):
            raise DomainError("trust.not_a_signer_certificate", field)
        if not any(keys.is_issued_by(certificate, ca) for ca in cas):
            raise DomainError("trust.not_issued_by_listed_ca", field)
        _check_dates(certificate, now, field)
        identity = _identity(certificate, field)
        signer, ref = entry.get("signer"), entry.get("ref")
        if not isinstance(signer, str) or not isinstance(ref, str) or not _REF_RE.fullmatch(ref):
            raise DomainError("trust.malformed", field)
        if signer != identity.signer or int(ref, 16) != certificate.serial_number:
            raise DomainError(
                "trust.key_mismatch",
                field,
                signer=signer,
                ref=ref,
                expected_signer=identity.signer,
                expected_ref=identity.cert_ref,
            )
        if (signer, ref) in signers:
            raise DomainError("trust.duplicate_signer", field, signer=signer, ref=ref)
        signers[(signer, ref)] = certificate
    return TrustList(tuple(cas), MappingProxyType(signers))


def _load_document(data: bytes) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DomainError("trust.malformed", "document") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DomainError("trust.malformed", "format")
    if document.get("version") != VERSION:
        raise DomainError("trust.unsupported_version", "version", value=document.get("version"))
    return document


def _entries(document: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    entries = document.get(name)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DomainError("trust.malformed", name)
    return entries


def _certificate(entry: Mapping[str, Any], field: str) -> x509.Certificate:
    pem = entry.get("pem")
    if not isinstance(pem, str):
        raise DomainError("trust.malformed", field)
    try:
        return keys.load_certificate(pem.encode("ascii"))
    except (DomainError, UnicodeEncodeError) as error:
        raise DomainError("trust.bad_certificate", field) from error


def _identity(certificate: x509.Certificate, field: str) -> keys.SignerIdentity:
    try:
        return keys.signer_identity(certificate)
    except DomainError as error:
        raise DomainError("trust.bad_signer_id", field, **error.params) from error


def _check_dates(certificate: x509.Certificate, now: dt.datetime, field: str) -> None:
    problem = keys.validity_problem(certificate, now)
    if problem is not None:
        code = "trust.expired" if problem == "keys.expired" else "trust.not_yet_valid"
        raise DomainError(code, field, not_after=certificate.not_valid_after_utc.isoformat())
