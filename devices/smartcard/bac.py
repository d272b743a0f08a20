"""ICAO 9303 Part 11 Basic Access Control and secure messaging: pure cryptography, no I/O.

* Access key: ``MRZ_information`` = document number (at least 9 characters, ``<``
  filled) + its check digit + birth date (YYMMDD) + check digit + expiry date + check
  digit. Check digits are recomputed here, never taken from what the officer typed.
* K_seed = first 16 bytes of SHA-1(MRZ_information); K_enc/K_mac = SHA-1(K_seed ||
  counter 1/2)[:16] with DES parity adjusted (section 9.7.1).
* 3DES two-key EDE in CBC mode with a zero IV; the MAC is ISO 9797-1 MAC algorithm 3
  (the "retail MAC") with padding method 2.
* :class:`SecureMessaging` wraps command APDUs (DO87 cryptogram, DO97 Le, DO8E MAC)
  and unwraps responses (DO87, DO99 status, DO8E), incrementing the send sequence
  counter before each MAC as section 9.8 requires.

``cryptography`` provides TripleDES (under ``hazmat.decrepit`` since version 43); an
8-byte key gives single DES, which the retail MAC needs. The worked example of Doc 9303
Part 11 Appendix D is reproduced in ``tests/devices/test_smartcard_bac.py``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, modes

from devices.errors import DeviceError
from devices.smartcard.apdu import Response
from devices.smartcard.tlv import encode_length, parse

try:  # cryptography >= 43 moved the legacy ciphers
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
except ImportError:  # pragma: no cover - older cryptography
    from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES

__all__ = [
    "AccessKey",
    "SecureMessaging",
    "adjust_parity",
    "check_digit",
    "derive_key",
    "des3_decrypt",
    "des3_encrypt",
    "mutual_authenticate_data",
    "open_session",
    "pad",
    "retail_mac",
    "unpad",
]

_ZERO_IV = bytes(8)
_WEIGHTS = (7, 3, 1)


def check_digit(field_value: str) -> str:
    """ICAO 9303 Part 3 check digit (weights 7-3-1; A=10..Z=35; '<' = 0)."""
    total = 0
    for index, char in enumerate(field_value.upper()):
        if char.isdigit():
            value = int(char)
        elif "A" <= char <= "Z":
            value = ord(char) - ord("A") + 10
        elif char == "<":
            value = 0
        else:
            raise ValueError(f"not an MRZ character: {char!r}")
        total += value * _WEIGHTS[index % 3]
    return str(total % 10)


def _is_yymmdd(value: str) -> bool:
    return len(value) == 6 and value.isdigit()


@dataclass(frozen=True, slots=True)
class AccessKey:
    """The BAC access key: what the officer types or what a scanned MRZ gives.

    ``document_number`` as printed (``<`` filler optional), ``birth_date`` and
    ``expiry_date`` as YYMMDD.
    """

    document_number: str
    birth_date: str
    expiry_date: str

    def __post_init__(self) -> None:
        number = self.document_number.strip().upper()
        if not number or not all(c.isalnum() or c == "<" for c in number):
            raise ValueError("document number: letters, digits and '<' only")
        if not (_is_yymmdd(self.birth_date) and _is_yymmdd(self.expiry_date)):
            raise ValueError("birth and expiry dates are YYMMDD")
        object.__setattr__(self, "document_number", number)

    @classmethod
    def from_mrz(cls, lines: list[str] | tuple[str, ...]) -> AccessKey:
        """Take the key fields from an MRZ: TD1 (3 x 30), TD2 (2 x 36) or TD3 (2 x 44).

        TD1 document numbers longer than 9 characters continue in the optional data
        (number check digit position holds ``<``), as Part 5 describes.
        """
        rows = [line.strip().upper() for line in lines]
        if len(rows) == 3 and all(len(row) == 30 for row in rows):
            number = rows[0][5:14]
            if rows[0][14] == "<":
                rest = rows[0][15:30].split("<", 1)[0]
                number += rest[:-1]  # the last character of the overflow is the check digit
            return cls(number, rows[1][0:6], rows[1][8:14])
        if len(rows) == 2 and len(rows[0]) == len(rows[1]) and len(rows[0]) in (36, 44):
            second = rows[1]
            return cls(second[0:9], second[13:19], second[21:27])
        raise ValueError("an MRZ has 3 lines of 30 or 2 lines of 36 or 44 characters")

    @property
    def mrz_information(self) -> str:
        number = self.document_number.ljust(9, "<")
        return (
            number
            + check_digit(number)
            + self.birth_date
            + check_digit(self.birth_date)
            + self.expiry_date
            + check_digit(self.expiry_date)
        )

    def seed(self) -> bytes:
        """K_seed: the first 16 bytes of SHA-1 over the MRZ information."""
        return hashlib.sha1(self.mrz_information.encode("ascii")).digest()[:16]


def adjust_parity(key: bytes) -> bytes:
    """Set each byte's lowest bit for odd parity (DES key convention)."""
    out = bytearray()
    for byte in key:
        high = byte & 0xFE
        out.append(high | (0 if bin(high).count("1") % 2 else 1))
    return bytes(out)


def derive_key(seed: bytes, counter: int) -> bytes:
    """Part 11 section 9.7.1: 16-byte 3DES key from a seed; counter 1 = ENC, 2 = MAC."""
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
    return adjust_parity(digest[:16])


def pad(data: bytes, block: int = 8) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to the block size."""
    padded = data + b"\x80"
    return padded + bytes(-len(padded) % block)


def unpad(data: bytes) -> bytes:
    """Undo :func:`pad`; a missing 0x80 marker means corrupt or wrongly keyed data."""
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise DeviceError("card.sm_failed", "bad padding in a decrypted response")
    return stripped[:-1]


def _crypt(key: bytes, data: bytes, *, encrypt: bool, cbc: bool = True) -> bytes:
    """3DES (or single DES for an 8-byte key) with a zero IV, no padding."""
    # Keying options spelled out as 24 bytes (K1 K2 K1 for two-key 3DES, K K K for
    # single DES): cryptography deprecates the short forms.
    if len(key) == 16:
        key = key + key[:8]
    elif len(key) == 8:
        key = key * 3
    if cbc:
        cipher = Cipher(TripleDES(key), modes.CBC(_ZERO_IV))
        context = cipher.encryptor() if encrypt else cipher.decryptor()
        return context.update(data) + context.finalize()
    block = Cipher(TripleDES(key), modes.ECB())
    ecb = block.encryptor() if encrypt else block.decryptor()
    return ecb.update(data) + ecb.finalize()


def des3_encrypt(key: bytes, data: bytes) -> bytes:
    """3DES-CBC with zero IV over block-aligned data."""
    return _crypt(key, data, encrypt=True)


def des3_decrypt(key: bytes, data: bytes) -> bytes:
    return _crypt(key, data, encrypt=False)


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO 9797-1 MAC algorithm 3 over already padded ``data`` (single-DES CBC with
    K_a, then decrypt with K_b and encrypt with K_a on the last block)."""
    if len(data) % 8:
        raise ValueError("retail_mac takes padded data")
    ka, kb = key[:8], key[8:16]
    last = _crypt(ka, data, encrypt=True)[-8:]
    last = _crypt(kb, last, encrypt=False, cbc=False)
    return _crypt(ka, last, encrypt=True, cbc=False)


def mutual_authenticate_data(
    k_enc: bytes, k_mac: bytes, rnd_ifd: bytes, rnd_icc: bytes, k_ifd: bytes
) -> bytes:
    """The 40-byte MUTUAL AUTHENTICATE data: E_IFD || M_IFD (Part 11 section 4.3)."""
    e_ifd = des3_encrypt(k_enc, rnd_ifd + rnd_icc + k_ifd)
    return e_ifd + retail_mac(k_mac, pad(e_ifd))


def open_session(
    k_enc: bytes, k_mac: bytes, rnd_ifd: bytes, rnd_icc: bytes, k_ifd: bytes, response: bytes
) -> SecureMessaging:
    """Check the card's MUTUAL AUTHENTICATE answer and derive the session keys.

    Raises ``card.bac_failed`` when the card's cryptogram does not verify: a chip
    answering with the wrong keys (or a forged answer) is the same failure for the
    officer, "access keys wrong".
    """
    if len(response) != 40:
        raise DeviceError("card.bac_failed", f"MUTUAL AUTHENTICATE answer of {len(response)} bytes")
    e_icc, m_icc = response[:32], response[32:]
    if not hmac.compare_digest(retail_mac(k_mac, pad(e_icc)), m_icc):
        raise DeviceError("card.bac_failed", "the chip's MAC does not verify")
    plain = des3_decrypt(k_enc, e_icc)
    if plain[:8] != rnd_icc or plain[8:16] != rnd_ifd:
        raise DeviceError("card.bac_failed", "the chip's answer does not match the challenge")
    k_icc = plain[16:32]
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_icc, strict=True))
    ssc = int.from_bytes(rnd_icc[-4:] + rnd_ifd[-4:], "big")
    return SecureMessaging(derive_key(seed, 1), derive_key(seed, 2), ssc)


@dataclass(slots=True)
class SecureMessaging:
    """ICAO 9303 3DES secure messaging session: session keys and send sequence counter.

    Not thread-safe by design: a session belongs to one card connection, which lives
    on its reader's single worker thread.
    """

    ks_enc: bytes
    ks_mac: bytes
    ssc: int

    def _mac(self, data: bytes) -> bytes:
        self.ssc = (self.ssc + 1) & 0xFFFF_FFFF_FFFF_FFFF
        return retail_mac(self.ks_mac, pad(self.ssc.to_bytes(8, "big") + data))

    def wrap(self, apdu: bytes) -> bytes:
        """Protect a short plain APDU (CLA INS P1 P2 [Lc data] [Le])."""
        if len(apdu) < 4:
            raise ValueError("an APDU has at least 4 bytes")
        cla, ins, p1, p2 = apdu[:4]
        body = apdu[4:]
        data, le = b"", None
        if len(body) == 1:
            le = body[0]
        elif body:
            lc = body[0]
            data = body[1 : 1 + lc]
            if len(body) == lc + 2:
                le = body[-1]
            elif len(body) != lc + 1:
                raise ValueError("inconsistent Lc")
        header = bytes((cla | 0x0C, ins, p1, p2))
        objects = b""
        if data:
            cryptogram = b"\x01" + des3_encrypt(self.ks_enc, pad(data))
            objects += b"\x87" + encode_length(len(cryptogram)) + cryptogram
        if le is not None:
            objects += b"\x97\x01" + bytes((le,))
        mac = self._mac(pad(header) + objects)
        objects += b"\x8e\x08" + mac
        return header + bytes((len(objects),)) + objects + b"\x00"

    def unwrap(self, response: Response) -> Response:
        """Verify and decrypt a protected response; return the plain one.

        A card that refuses a command before secure messaging (no DO8E, SW not 9000)
        is returned as is, so the caller's status check names the real condition.
        """
        if not response.data:
            return response
        items = parse(response.data)
        tags = {tag: value for tag, value in items}
        if 0x8E not in tags:
            raise DeviceError("card.sm_failed", f"no MAC in the response (SW {response.sw:04X})")
        authenticated = b"".join(
            bytes((tag,)) + encode_length(len(value)) + value
            for tag, value in items
            if tag in (0x85, 0x87, 0x99)
        )
        if not hmac.compare_digest(self._mac(authenticated), tags[0x8E]):
            raise DeviceError("card.sm_failed", "response MAC does not verify")
        plain = b""
        if 0x87 in tags:
            cryptogram = tags[0x87]
            if not cryptogram or cryptogram[0] != 0x01 or (len(cryptogram) - 1) % 8:
                raise DeviceError("card.sm_failed", "malformed DO87 in the response")
            plain = unpad(des3_decrypt(self.ks_enc, cryptogram[1:]))
        status = tags.get(0x99, bytes((response.sw1, response.sw2)))
        if len(status) != 2:
            raise DeviceError("card.sm_failed", "malformed DO99 in the response")
        return Response(plain, status[0], status[1])
