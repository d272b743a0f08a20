"""Keys and certificates of a post: the country signing CA (CSCA) and the document signer.

The PKI is the one Doc 9303 Part 12 describes for visible digital seals: a country signing CA
certifies document-signer certificates, and a seal header names its certificate by
``signer id + certificate reference`` (STANDARDS.md section 2). Our naming rule, so that every
verifier can derive both values from the certificate alone:

* **signer id** = the issuing state's 2-letter code + a 2-character signer code chosen by the
  country (letters/digits, unique within the country), e.g. ``UT`` + ``GV`` -> ``UTGV``. The
  document-signer certificate carries ``C=<2-letter code>``, ``CN=<signer id>``, ``O=<post name>``.
  (The ICAO vector has ``CN=TS`` and signer ``UTTS``: a 2-character CN is read as ``C + CN``.)
* **certificate reference** = the signer certificate's serial number in upper-case hex, as in the
  ICAO vector (serial 91 -> ``5B``). The CA picks serials 0x10-0xFF, then 0x1000-0xFFFF, so the
  reference is short and always has an even number of digits without a leading zero: a verifier
  that pads to whole bytes and one that does not read the same reference.

Everything here takes and returns bytes or ``cryptography`` objects so that it is testable without
files; :class:`KeyStore` is the only code that touches the disk. Problems the officer can fix
(wrong passphrase, a certificate for another key, an expired certificate) raise a coded
:class:`DomainError` rather than a crypto traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from workstation.domain.errors import DomainError, NotFoundError

_COUNTRY_RE = re.compile(r"[A-Z]{2}")
_SIGNER_ID_RE = re.compile(r"[A-Z0-9]{4}")
_SIGNER_CODE_RE = re.compile(r"[A-Z0-9]{2}")

DEFAULT_CSCA_YEARS = 10
DEFAULT_SIGNER_YEARS = 3
MAX_SERIAL = 0xFFFF
"""Largest serial the CA hands out: the reference stays at most 4 hex digits."""

_E = TypeVar("_E", bound=x509.ExtensionType)

_SERIAL_RANGES = (range(0x10, 0x100), range(0x1000, MAX_SERIAL + 1))


class Curve(enum.StrEnum):
    """Curves allowed for seal keys (STANDARDS.md section 2: 256-bit, so certificates and
    seals are signed with SHA-256)."""

    BRAINPOOL_P256R1 = "brainpoolP256r1"
    P256 = "P-256"

    def new_curve(self) -> ec.EllipticCurve:
        """The ``cryptography`` curve object for key generation."""
        if self is Curve.BRAINPOOL_P256R1:
            return ec.BrainpoolP256R1()
        return ec.SECP256R1()


_CURVE_NAMES = frozenset({"brainpoolP256r1", "secp256r1"})


@dataclass(frozen=True, slots=True)
class SignerIdentity:
    """A document-signer certificate with the header values that select it."""

    signer: str
    cert_ref: str
    certificate: x509.Certificate

    @property
    def key(self) -> tuple[str, str]:
        """``(signer, cert_ref)``: the key ``verify_seal`` looks certificates up by."""
        return (self.signer, self.cert_ref)


@dataclass(frozen=True, slots=True)
class DemoKeys:
    """What ``consular init --demo`` writes: a CSCA, one signer key, its CSR and certificate."""

    csca_key: ec.EllipticCurvePrivateKey
    csca_certificate: x509.Certificate
    signer_key: ec.EllipticCurvePrivateKey
    csr: x509.CertificateSigningRequest
    signer: SignerIdentity


# --- naming ---------------------------------------------------------------------------------


def make_signer_id(country: str, signer_code: str) -> str:
    """``UT`` + ``GV`` -> ``UTGV``; refuses anything a seal header or our rule cannot carry."""
    country = _check_country(country)
    code = signer_code.strip().upper()
    if not _SIGNER_CODE_RE.fullmatch(code):
        raise DomainError("keys.bad_signer_code", "signer_code", value=signer_code)
    return country + code


def signer_id_of(certificate: x509.Certificate) -> str:
    """The signer id a seal header uses for this certificate (``CN``, or ``C + CN`` for 2 chars)."""
    country = _name_value(certificate.subject, NameOID.COUNTRY_NAME)
    common_name = _name_value(certificate.subject, NameOID.COMMON_NAME)
    if _SIGNER_ID_RE.fullmatch(common_name) and common_name[:2] == country:
        return common_name
    if _SIGNER_CODE_RE.fullmatch(common_name) and _COUNTRY_RE.fullmatch(country):
        return country + common_name
    raise DomainError("keys.bad_signer_id", "subject", country=country, common_name=common_name)


def cert_reference(certificate: x509.Certificate) -> str:
    """The certificate reference of a seal header: the serial number in upper-case hex."""
    return format(certificate.serial_number, "X")


def signer_identity(certificate: x509.Certificate) -> SignerIdentity:
    """Signer id + reference + certificate, the unit a trust list and ``verify_seal`` work with."""
    return SignerIdentity(signer_id_of(certificate), cert_reference(certificate), certificate)


def next_serial(issued: Iterable[int] = ()) -> int:
    """The first free serial after the ones this CA has already issued (see module docstring)."""
    used = set(issued)
    for numbers in _SERIAL_RANGES:
        for number in numbers:
            if number not in used:
                return number
    raise DomainError("keys.serials_exhausted", "serial")


# --- generation -------------------------------------------------------------------------------


def generate_private_key(curve: Curve = Curve.BRAINPOOL_P256R1) -> ec.EllipticCurvePrivateKey:
    """A new EC key on one of the allowed curves."""
    return ec.generate_private_key(Curve(curve).new_curve())


def generate_csca(
    country: str,
    organization: str,
    now: dt.datetime,
    *,
    common_name: str | None = None,
    curve: Curve = Curve.BRAINPOOL_P256R1,
    validity_years: int = DEFAULT_CSCA_YEARS,
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A CSCA key and its self-signed certificate (CA, path length 0, keyCertSign + cRLSign).

    Path length 0 because the CSCA certifies document signers directly; nothing below them may
    issue certificates. A real country runs its CSCA offline; the demo post generates one so
    that a fresh install can sign and verify seals end to end.
    """
    country = _check_country(country)
    _check_years(validity_years)
    key = generate_private_key(curve)
    name = _name(country, organization, common_name or f"CSCA {country}")
    not_before = _utc(now)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(_add_years(not_before, validity_years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def generate_signer_request(
    country: str,
    signer_code: str,
    post_name: str,
    *,
    curve: Curve = Curve.BRAINPOOL_P256R1,
) -> tuple[ec.EllipticCurvePrivateKey, x509.CertificateSigningRequest]:
    """A document-signer key and the CSR the post sends to its CSCA (C, CN=signer id, O=post).

    The private key never leaves the post: only the CSR travels, and the signed certificate
    comes back through :func:`import_signer_certificate`.
    """
    signer = make_signer_id(country, signer_code)
    key = generate_private_key(curve)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(_name(signer[:2], post_name, signer))
        .sign(key, hashes.SHA256())
    )
    return key, csr


def issue_signer_certificate(
    csr: x509.CertificateSigningRequest,
    csca_key: ec.EllipticCurvePrivateKey,
    csca_certificate: x509.Certificate,
    now: dt.datetime,
    *,
    serial: int | None = None,
    issued_serials: Iterable[int] = (),
    validity_years: int = DEFAULT_SIGNER_YEARS,
) -> SignerIdentity:
    """The CSCA's side: check a CSR and certify it as a document signer (digitalSignature only).

    ``issued_serials`` are the serials this CA already used (the CA keeps that register); the
    serial, and with it the seal's certificate reference, must be unique per CA. The signer
    certificate never outlives its CSCA certificate.
    """
    if not csr.is_signature_valid:
        raise DomainError("keys.bad_csr", "csr")
    public = csr.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey) or public.curve.name not in _CURVE_NAMES:
        raise DomainError("keys.unsupported_key", "csr")
    if not _same_public_key(csca_key.public_key(), csca_certificate):
        raise DomainError("keys.certificate_mismatch", "csca")
    country = _name_value(csr.subject, NameOID.COUNTRY_NAME)
    signer = _name_value(csr.subject, NameOID.COMMON_NAME)
    if not _SIGNER_ID_RE.fullmatch(signer) or signer[:2] != country:
        raise DomainError("keys.bad_signer_id", "csr", country=country, common_name=signer)
    ca_country = _name_value(csca_certificate.subject, NameOID.COUNTRY_NAME)
    if country != ca_country:
        raise DomainError("keys.wrong_country", "csr", country=country, expected=ca_country)
    _check_years(validity_years)
    used = set(issued_serials)
    if serial is None:
        serial = next_serial(used)
    elif not 0 < serial <= MAX_SERIAL:
        raise DomainError("keys.bad_serial", "serial", value=serial)
    if serial in used or serial == csca_certificate.serial_number:
        raise DomainError("keys.serial_in_use", "serial", value=serial)
    not_before = _utc(now)
    not_after = min(_add_years(not_before, validity_years), csca_certificate.not_valid_after_utc)
    if not_after <= not_before:
        raise DomainError("keys.expired", "csca", not_after=not_after.isoformat())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(csca_certificate.subject)
        .public_key(public)
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(csca_key.public_key()),
            critical=False,
        )
        .sign(csca_key, hashes.SHA256())
    )
    return signer_identity(certificate)


def create_demo_keys(
    country: str,
    signer_code: str,
    post_name: str,
    now: dt.datetime,
    *,
    curve: Curve = Curve.BRAINPOOL_P256R1,
    csca_years: int = DEFAULT_CSCA_YEARS,
    signer_years: int = DEFAULT_SIGNER_YEARS,
) -> DemoKeys:
    """A demo post's complete PKI in one call: CSCA, signer key, CSR and issued certificate."""
    csca_key, csca_certificate = generate_csca(
        country, post_name, now, curve=curve, validity_years=csca_years
    )
    signer_key, csr = generate_signer_request(country, signer_code, post_name, curve=curve)
    signer = issue_signer_certificate(
        csr, csca_key, csca_certificate, now, validity_years=signer_years
    )
    return DemoKeys(csca_key, csca_certificate, signer_key, csr, signer)


# --- checks -----------------------------------------------------------------------------------


def is_ca_certificate(certificate: x509.Certificate) -> bool:
    """True for a CA certificate allowed to sign certificates (basicConstraints CA, keyCertSign)."""
    constraints = _extension(certificate, x509.BasicConstraints)
    usage = _extension(certificate, x509.KeyUsage)
    return constraints is not None and constraints.ca and (usage is None or usage.key_cert_sign)


def is_signer_certificate(certificate: x509.Certificate) -> bool:
    """True for an end-entity certificate whose key may sign (digitalSignature, not a CA)."""
    constraints = _extension(certificate, x509.BasicConstraints)
    usage = _extension(certificate, x509.KeyUsage)
    if constraints is not None and constraints.ca:
        return False
    if usage is not None and (not usage.digital_signature or usage.key_cert_sign):
        return False
    key = certificate.public_key()
    return isinstance(key, ec.EllipticCurvePublicKey)


def is_issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """True when ``issuer``'s name matches and its public key verifies the signature."""
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def validity_problem(certificate: x509.Certificate, now: dt.datetime) -> str | None:
    """``keys.expired`` / ``keys.not_yet_valid`` when ``now`` is outside the validity, else None."""
    moment = _utc(now)
    if moment > certificate.not_valid_after_utc:
        return "keys.expired"
    if moment < certificate.not_valid_before_utc:
        return "keys.not_yet_valid"
    return None


def check_signer_chain(
    certificate: x509.Certificate, csca_certificate: x509.Certificate, now: dt.datetime
) -> None:
    """Refuse a signer certificate that its CSCA did not issue or that is not valid ``now``."""
    if not is_issued_by(certificate, csca_certificate):
        raise DomainError("keys.not_issued_by_csca", "certificate")
    for cert, field in ((csca_certificate, "csca"), (certificate, "certificate")):
        problem = validity_problem(cert, now)
        if problem is not None:
            raise DomainError(problem, field, not_after=cert.not_valid_after_utc.isoformat())


def import_signer_certificate(
    data: bytes,
    private_key: ec.EllipticCurvePrivateKey,
    now: dt.datetime,
    *,
    csca_certificate: x509.Certificate | None = None,
) -> SignerIdentity:
    """Accept the certificate the CSCA sent back for our CSR, or name what is wrong with it.

    Order of checks = order of likelihood at a post: the wrong file (not a certificate, a
    certificate for another key, a CA certificate), then names and dates, then the chain when
    the CSCA certificate is known.
    """
    certificate = load_certificate(data)
    if not _same_public_key(private_key.public_key(), certificate):
        raise DomainError("keys.certificate_mismatch", "certificate")
    if not is_signer_certificate(certificate):
        raise DomainError("keys.not_a_signer_certificate", "certificate")
    identity = signer_identity(certificate)
    problem = validity_problem(certificate, now)
    if problem is not None:
        raise DomainError(
            problem, "certificate", not_after=certificate.not_valid_after_utc.isoformat()
        )
    if csca_certificate is not None:
        check_signer_chain(certificate, csca_certificate, now)
    return identity


# --- serialisation ----------------------------------------------------------------------------


def encrypt_private_key(key: ec.EllipticCurvePrivateKey, passphrase: str | bytes) -> bytes:
    """PKCS#8 PEM encrypted with the passphrase: keys are never written in the clear."""
    secret = _passphrase(passphrase)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret),
    )


def decrypt_private_key(pem: bytes, passphrase: str | bytes) -> ec.EllipticCurvePrivateKey:
    """Load an encrypted PKCS#8 PEM; a wrong passphrase is ``keys.wrong_passphrase``.

    An unencrypted key file is refused (``keys.not_encrypted``): it means someone stored the key
    in the clear, which the officer should hear about rather than have silently accepted.
    """
    secret = _passphrase(passphrase)
    if b"-----BEGIN ENCRYPTED PRIVATE KEY-----" not in pem:
        if b"PRIVATE KEY-----" in pem:
            raise DomainError("keys.not_encrypted", "key")
        raise DomainError("keys.bad_key_file", "key")
    try:
        key = serialization.load_pem_private_key(pem, password=secret)
    except ValueError as error:
        raise DomainError("keys.wrong_passphrase", "passphrase") from error
    except (TypeError, UnsupportedAlgorithm) as error:
        raise DomainError("keys.bad_key_file", "key") from error
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name not in _CURVE_NAMES:
        raise DomainError("keys.unsupported_key", "key")
    return key


def certificate_pem(certificate: x509.Certificate) -> bytes:
    """PEM text of a certificate."""
    return certificate.public_bytes(serialization.Encoding.PEM)


def csr_pem(csr: x509.CertificateSigningRequest) -> bytes:
    """PEM text of a certificate signing request."""
    return csr.public_bytes(serialization.Encoding.PEM)


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes; anything else is ``keys.bad_certificate``."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as error:
        raise DomainError("keys.bad_certificate", "certificate") from error


def load_csr(data: bytes) -> x509.CertificateSigningRequest:
    """A CSR from PEM or DER bytes; anything else is ``keys.bad_csr``."""
    try:
        if b"-----BEGIN CERTIFICATE REQUEST-----" in data:
            return x509.load_pem_x509_csr(data)
        return x509.load_der_x509_csr(data)
    except ValueError as error:
        raise DomainError("keys.bad_csr", "csr") from error


# --- storage ----------------------------------------------------------------------------------


class KeyStore:
    """The ``keys/`` folder of a data directory; the only code here that reads or writes files.

    Files (all PEM): ``signer.key.pem`` (encrypted PKCS#8, mode 0600), ``csr.pem``,
    ``signer.crt.pem``, ``csca.crt.pem``, ``trust-list.json`` (see ``trust_list``) and, on a demo
    post only, ``csca.key.pem`` (encrypted, 0600). The folder itself is 0700. Writes go to a
    temporary file that replaces the target, so a crash never leaves half a key behind.
    """

    FOLDER = "keys"
    SIGNER_KEY = "signer.key.pem"
    SIGNER_CERTIFICATE = "signer.crt.pem"
    CSCA_CERTIFICATE = "csca.crt.pem"
    CSCA_KEY = "csca.key.pem"
    CSR = "csr.pem"
    TRUST_LIST = "trust-list.json"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> KeyStore:
        """The key store of a workstation's data directory (``<data dir>/keys``)."""
        return cls(Path(data_dir) / cls.FOLDER)

    def path(self, name: str) -> Path:
        """Full path of one of the store's files."""
        return self.folder / name

    def has(self, name: str) -> bool:
        """True when the file exists (e.g. to tell "no key yet" from "key, no certificate")."""
        return self.path(name).is_file()

    def read(self, name: str) -> bytes:
        """Raw bytes of a file; a missing file is ``keys.missing_file`` naming it."""
        try:
            return self.path(name).read_bytes()
        except FileNotFoundError as error:
            raise NotFoundError("keys.missing_file", name, path=str(self.path(name))) from error

    def write(self, name: str, data: bytes, *, secret: bool = False) -> Path:
        """Write atomically; ``secret`` files get mode 0600 from creation on, never later."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self.path(name)
        fd, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=self.folder)
        try:
            os.fchmod(fd, 0o600 if secret else 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return target

    # Typed helpers for each file.

    def save_signer_key(self, key: ec.EllipticCurvePrivateKey, passphrase: str | bytes) -> Path:
        """Store the document-signer key encrypted with the passphrase."""
        return self.write(self.SIGNER_KEY, encrypt_private_key(key, passphrase), secret=True)

    def load_signer_key(self, passphrase: str | bytes) -> ec.EllipticCurvePrivateKey:
        """The document-signer key; ``keys.wrong_passphrase`` when the passphrase is wrong."""
        return decrypt_private_key(self.read(self.SIGNER_KEY), passphrase)

    def save_csca_key(self, key: ec.EllipticCurvePrivateKey, passphrase: str | bytes) -> Path:
        """Demo posts only: a real CSCA key lives offline at the ministry, never at a post."""
        return self.write(self.CSCA_KEY, encrypt_private_key(key, passphrase), secret=True)

    def load_csca_key(self, passphrase: str | bytes) -> ec.EllipticCurvePrivateKey:
        """The demo CSCA key (to issue a new demo signer certificate)."""
        return decrypt_private_key(self.read(self.CSCA_KEY), passphrase)

    def save_csr(self, csr: x509.CertificateSigningRequest) -> Path:
        """Store the pending request (sent to the CSCA)."""
        return self.write(self.CSR, csr_pem(csr))

    def load_csr(self) -> x509.CertificateSigningRequest:
        """The pending request."""
        return load_csr(self.read(self.CSR))

    def save_signer_certificate(self, certificate: x509.Certificate) -> Path:
        """Store the document-signer certificate (after :func:`import_signer_certificate`)."""
        return self.write(self.SIGNER_CERTIFICATE, certificate_pem(certificate))

    def load_signer_certificate(self) -> x509.Certificate:
        """The document-signer certificate."""
        return load_certificate(self.read(self.SIGNER_CERTIFICATE))

    def load_signer_identity(self) -> SignerIdentity:
        """Signer id + reference of our certificate: what the seal header must carry."""
        return signer_identity(self.load_signer_certificate())

    def save_csca_certificate(self, certificate: x509.Certificate) -> Path:
        """Store the CSCA certificate our signer certificate chains to."""
        if not is_ca_certificate(certificate):
            raise DomainError("keys.not_a_ca_certificate", "csca")
        return self.write(self.CSCA_CERTIFICATE, certificate_pem(certificate))

    def load_csca_certificate(self) -> x509.Certificate:
        """The CSCA certificate."""
        return load_certificate(self.read(self.CSCA_CERTIFICATE))

    def save_trust_list(self, data: bytes) -> Path:
        """Store an imported trust list as received (validate it with ``import_trust_list``
        first; it is validated again on every load, so expiry is noticed)."""
        return self.write(self.TRUST_LIST, data)

    def load_trust_list_bytes(self) -> bytes:
        """The stored trust list, for ``trust_list.import_trust_list``."""
        return self.read(self.TRUST_LIST)

    def save_demo_keys(self, demo: DemoKeys, passphrase: str | bytes) -> None:
        """Write a demo post's complete key set (``consular init --demo``)."""
        self.save_csca_key(demo.csca_key, passphrase)
        self.save_csca_certificate(demo.csca_certificate)
        self.save_signer_key(demo.signer_key, passphrase)
        self.save_csr(demo.csr)
        self.save_signer_certificate(demo.signer.certificate)


# --- helpers ----------------------------------------------------------------------------------


def _check_country(country: str) -> str:
    value = country.strip().upper()
    if not _COUNTRY_RE.fullmatch(value):
        raise DomainError("keys.bad_country", "country", value=country)
    return value


def _check_years(years: int) -> None:
    if not 1 <= years <= 30:
        raise DomainError("keys.bad_validity", "validity_years", value=years)


def _passphrase(passphrase: str | bytes) -> bytes:
    secret = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    if not secret:
        raise DomainError("keys.passphrase_required", "passphrase")
    return secret


def _name(country: str, organization: str, common_name: str) -> x509.Name:
    if not organization.strip():
        raise DomainError("field.required", "organization")
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization.strip()),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _name_value(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    attributes = name.get_attributes_for_oid(oid)
    if not attributes:
        return ""
    value = attributes[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _extension(certificate: x509.Certificate, kind: type[_E]) -> _E | None:
    try:
        return certificate.extensions.get_extension_for_class(kind).value
    except x509.ExtensionNotFound:
        return None


def _same_public_key(public: ec.EllipticCurvePublicKey, certificate: x509.Certificate) -> bool:
    fmt = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    return public.public_bytes(der, fmt) == certificate.public_key().public_bytes(der, fmt)


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise DomainError("keys.naive_datetime", "now")
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def _add_years(moment: dt.datetime, years: int) -> dt.datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February -> 28 February
        return moment.replace(year=moment.year + years, day=28)
