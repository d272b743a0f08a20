"""Signing and verifying ICAO Visible Digital Seals (Doc 9303 Part 13) with ECDSA.

The verifying certificate is always chosen by the header's signer id + certificate reference
from certificates the workstation already trusts; a seal never brings its own key. A forged or
damaged seal is an expected input at a border desk, so ``verify_seal`` reports a coded outcome
instead of raising: the caller shows "not genuine" rather than crashing.

Certificate chain and validity-period checks (CSCA -> document signer) are not done here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)

from workstation.domain.errors import DomainError
from workstation.domain.vds import ParsedSeal, encode_signature, parse_seal

CertificateLookup = Callable[[str, str], x509.Certificate | None]
"""``(signer, cert_ref) -> certificate`` or ``None`` when the signer is not known."""

Certificates = Mapping[tuple[str, str], x509.Certificate] | CertificateLookup


class VerificationStatus(enum.StrEnum):
    """Outcome of a seal check; the values are stable message-catalogue keys."""

    VALID = "vds.verify.valid"
    MALFORMED = "vds.verify.malformed"
    UNKNOWN_SIGNER = "vds.verify.unknown_signer"
    UNSUPPORTED_KEY = "vds.verify.unsupported_key"
    BAD_SIGNATURE = "vds.verify.bad_signature"


@dataclass(frozen=True, slots=True)
class VerificationResult:
    """What ``verify_seal`` found; ``seal`` is set whenever the bytes could be parsed.

    ``detail`` carries the precise code (for example ``vds.truncated``) when there is one.
    """

    status: VerificationStatus
    seal: ParsedSeal | None = None
    detail: str | None = None
    field: str | None = None

    @property
    def valid(self) -> bool:
        """True only for a well-formed seal whose signature checks with the selected certificate."""
        return self.status is VerificationStatus.VALID

    @property
    def code(self) -> str:
        """Message-catalogue key of the outcome."""
        return self.status.value


def hash_for_curve(curve: ec.EllipticCurve) -> hashes.HashAlgorithm:
    """Hash matched to the curve size, as Doc 9303 Part 12/13 pair them."""
    size = curve.key_size
    if size <= 224:
        return hashes.SHA224()
    if size <= 256:
        return hashes.SHA256()
    if size <= 384:
        return hashes.SHA384()
    return hashes.SHA512()


def _half_length(curve: ec.EllipticCurve) -> int:
    return (curve.key_size + 7) // 8


def _find_certificate(certificates: Certificates, signer: str, ref: str) -> x509.Certificate | None:
    if isinstance(certificates, Mapping):
        return certificates.get((signer, ref))
    return certificates(signer, ref)


def verify_seal(data: bytes, certificates: Certificates) -> VerificationResult:
    """Check a complete seal against the certificate its header names; never raises on bad input."""
    try:
        seal = parse_seal(data)
    except DomainError as error:
        return VerificationResult(VerificationStatus.MALFORMED, None, error.code, error.field)
    header = seal.header
    certificate = _find_certificate(certificates, header.signer, header.cert_ref)
    if certificate is None:
        return VerificationResult(VerificationStatus.UNKNOWN_SIGNER, seal)
    key = certificate.public_key()
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return VerificationResult(VerificationStatus.UNSUPPORTED_KEY, seal)
    half = _half_length(key.curve)
    if len(seal.signature) != 2 * half:
        return VerificationResult(
            VerificationStatus.BAD_SIGNATURE, seal, "vds.signature_length", "signature"
        )
    r = int.from_bytes(seal.signature[:half], "big")
    s = int.from_bytes(seal.signature[half:], "big")
    try:
        key.verify(
            encode_dss_signature(r, s), seal.signed_bytes, ec.ECDSA(hash_for_curve(key.curve))
        )
    except InvalidSignature:
        return VerificationResult(VerificationStatus.BAD_SIGNATURE, seal)
    return VerificationResult(VerificationStatus.VALID, seal)


def sign_seal(signed_part: bytes, private_key: ec.EllipticCurvePrivateKey) -> bytes:
    """Append ``FF | length | r||s`` to a header + message, each half padded to the key size.

    The signed part is parsed first so that we never put our signature on bytes that a reader
    would refuse or read differently.
    """
    parse_seal(signed_part + encode_signature(b"\x00\x00"))
    der = private_key.sign(signed_part, ec.ECDSA(hash_for_curve(private_key.curve)))
    r, s = decode_dss_signature(der)
    half = _half_length(private_key.curve)
    return signed_part + encode_signature(r.to_bytes(half, "big") + s.to_bytes(half, "big"))
