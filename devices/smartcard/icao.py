"""Read an ePassport / eID chip (ICAO 9303 Part 10 and 11): BAC, then EF.COM, DG1, DG2.

:func:`read_chip` runs the whole session on one connection: SELECT the LDS1
application (AID A0000002471001), BAC with the access key from the MRZ, then secure
messaging for every file. It returns the raw MRZ from DG1 (tag 5F1F) and the facial
image bytes from DG2 (JPEG or JPEG 2000, found through the ISO/IEC 19794-5 record
inside the biometric data block 5F2E/7F2E). Passive authentication (EF.SOD, the
issuing state's certificates) belongs to the application, as do MRZ field parsing
and image decoding.

Errors (``DeviceError.code``): ``card.not_icao`` (no LDS application),
``card.bac_failed`` (the access keys are wrong: the chip refused MUTUAL AUTHENTICATE
or its answer did not verify), ``card.removed``, ``card.sm_failed``,
``card.malformed_data`` (a data group that does not parse), and the status codes of
:mod:`devices.smartcard.apdu`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from devices.errors import DeviceError
from devices.smartcard import tlv
from devices.smartcard.apdu import (
    Response,
    build_apdu,
    check_status,
    get_challenge,
    read_binary,
    select_aid,
    select_fid,
)
from devices.smartcard.bac import (
    AccessKey,
    SecureMessaging,
    derive_key,
    mutual_authenticate_data,
    open_session,
)
from devices.smartcard.connection import Transmitter

__all__ = [
    "LDS_AID",
    "ChipData",
    "Portrait",
    "authenticate",
    "parse_dg1",
    "parse_dg2",
    "read_chip",
]

LDS_AID = bytes.fromhex("A0000002471001")
EF_COM, EF_DG1, EF_DG2 = 0x011E, 0x0101, 0x0102
#: Plain bytes per READ BINARY under secure messaging: the protected answer
#: (DO87 + DO99 + DO8E) still fits a short response APDU.
SM_CHUNK = 0xDF
MALFORMED = "card.malformed_data"


@dataclass(frozen=True, slots=True)
class Portrait:
    """The facial image of DG2: ``image`` is a complete file, ``format`` "jpeg" or "jp2"."""

    image: bytes
    format: str
    width: int | None
    height: int | None


@dataclass(frozen=True, slots=True)
class ChipData:
    """What was read: the data group tags EF.COM lists, the MRZ, the portrait and the
    raw data groups (for the application's passive authentication)."""

    data_groups: tuple[int, ...]
    mrz: str
    portrait: Portrait | None
    raw: dict[int, bytes]


class _Secure:
    """A Transmitter that protects every APDU with the BAC session."""

    def __init__(self, card: Transmitter, session: SecureMessaging) -> None:
        self._card = card
        self._session = session

    def transmit(self, apdu: bytes) -> Response:
        return self._session.unwrap(self._card.transmit(self._session.wrap(apdu)))


def authenticate(
    card: Transmitter, key: AccessKey, *, random: Callable[[int], bytes] = os.urandom
) -> SecureMessaging:
    """Run BAC (GET CHALLENGE, MUTUAL AUTHENTICATE) and return the SM session."""
    seed = key.seed()
    k_enc, k_mac = derive_key(seed, 1), derive_key(seed, 2)
    challenge = check_status(card.transmit(get_challenge()), "GET CHALLENGE")
    rnd_icc = challenge.data
    if len(rnd_icc) != 8:
        raise DeviceError("card.bac_failed", f"challenge of {len(rnd_icc)} bytes")
    rnd_ifd, k_ifd = random(8), random(16)
    data = mutual_authenticate_data(k_enc, k_mac, rnd_ifd, rnd_icc, k_ifd)
    answer = card.transmit(build_apdu(0x00, 0x82, 0x00, 0x00, data, le=40))
    if not answer.ok:
        # 6300 on most chips; vsmartcard answers 6988 when the MAC (wrong K_mac) fails.
        raise DeviceError("card.bac_failed", f"MUTUAL AUTHENTICATE: SW {answer.sw:04X}")
    return open_session(k_enc, k_mac, rnd_ifd, rnd_icc, k_ifd, answer.data)


def _read_ef(card: Transmitter, fid: int) -> bytes:
    """Select and read an LDS file: its TLV header first, then exactly its length."""
    check_status(card.transmit(select_fid(fid, p1=0x02)), f"SELECT EF {fid:04X}")
    head = check_status(card.transmit(read_binary(0, 4)), f"READ BINARY {fid:04X}").data
    if len(head) < 2:
        raise DeviceError(MALFORMED, f"EF {fid:04X} shorter than a TLV header")
    first = head[1]
    if first < 0x80:
        header, length = 2, first
    elif first in (0x81, 0x82) and len(head) >= 2 + (first & 0x7F):
        count = first & 0x7F
        header, length = 2 + count, int.from_bytes(head[2 : 2 + count], "big")
    else:
        raise DeviceError(MALFORMED, f"EF {fid:04X} header {head.hex()}")
    total = header + length
    content = bytearray(head[:total])
    while len(content) < total:
        want = min(SM_CHUNK, total - len(content))
        response = check_status(
            card.transmit(read_binary(len(content), want)), f"READ BINARY {fid:04X}"
        )
        if not response.data:
            raise DeviceError(MALFORMED, f"EF {fid:04X} ends at {len(content)} of {total}")
        content += response.data
    return bytes(content)


def parse_com(ef_com: bytes) -> tuple[int, ...]:
    """The data group tags listed in EF.COM (tag 60, list 5C)."""
    return tuple(tlv.find(tlv.find(ef_com, 0x60), 0x5C))


def parse_dg1(dg1: bytes) -> str:
    """The MRZ of DG1 (61 / 5F1F) as one string (88, 72 or 90 characters)."""
    raw = tlv.find(tlv.find(dg1, 0x61), 0x5F1F)
    try:
        mrz = raw.decode("ascii")
    except UnicodeDecodeError as exc:
        raise DeviceError(MALFORMED, "DG1 MRZ is not ASCII") from exc
    if len(mrz) not in (72, 88, 90):
        raise DeviceError(MALFORMED, f"DG1 MRZ of {len(mrz)} characters")
    return mrz


_JPEG = b"\xff\xd8\xff"
_JP2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K = b"\xff\x4f\xff\x51"


def _image_format(data: bytes) -> str | None:
    if data.startswith(_JPEG):
        return "jpeg"
    if data.startswith(_JP2) or data.startswith(_J2K):
        return "jp2"
    return None


def _face_image(block: bytes) -> Portrait:
    """The image inside an ISO/IEC 19794-5 facial record ("FAC\\0")."""
    if not block.startswith(b"FAC\x00") or len(block) < 14 + 20 + 12:
        raise DeviceError(MALFORMED, "DG2 biometric data block is not an ISO 19794-5 record")
    facial = 14  # general header: format id, version, record length, number of faces
    block_length = int.from_bytes(block[facial : facial + 4], "big")
    feature_points = int.from_bytes(block[facial + 4 : facial + 6], "big")
    info = facial + 20 + 8 * feature_points
    if info + 12 > len(block):
        raise DeviceError(MALFORMED, "DG2 facial record truncated")
    width = int.from_bytes(block[info + 2 : info + 4], "big")
    height = int.from_bytes(block[info + 4 : info + 6], "big")
    start = info + 12
    end = min(len(block), facial + block_length) if block_length > start - facial else len(block)
    image = block[start:end]
    kind = _image_format(image)
    if kind is None:
        raise DeviceError(MALFORMED, "DG2 image is neither JPEG nor JPEG 2000")
    return Portrait(image, kind, width or None, height or None)


def parse_dg2(dg2: bytes) -> Portrait:
    """The first facial image of DG2 (75 / 7F61 / 7F60 / 5F2E or 7F2E)."""
    group = tlv.find(dg2, 0x75) if dg2[:1] == b"\x75" else dg2
    templates = tlv.find(group, 0x7F61)
    for tag, value in tlv.parse(templates):
        if tag != 0x7F60:
            continue
        for inner_tag, inner in tlv.parse(value):
            if inner_tag in (0x5F2E, 0x7F2E):
                return _face_image(inner)
    raise DeviceError(MALFORMED, "DG2 holds no biometric data block")


def read_chip(
    card: Transmitter,
    key: AccessKey,
    *,
    portrait: bool = True,
    random: Callable[[int], bytes] = os.urandom,
) -> ChipData:
    """Authenticate with ``key`` and read EF.COM, DG1 and (if ``portrait``) DG2."""
    selected = card.transmit(select_aid(LDS_AID))
    if selected.sw in (0x6A82, 0x6A86, 0x6D00):
        raise DeviceError("card.not_icao", f"no ICAO LDS application: SW {selected.sw:04X}")
    check_status(selected, "SELECT LDS application")
    secure = _Secure(card, authenticate(card, key, random=random))
    raw = {EF_COM: _read_ef(secure, EF_COM)}
    groups = parse_com(raw[EF_COM])
    raw[EF_DG1] = _read_ef(secure, EF_DG1)
    mrz = parse_dg1(raw[EF_DG1])
    face = None
    if portrait and 0x75 in groups:
        raw[EF_DG2] = _read_ef(secure, EF_DG2)
        face = parse_dg2(raw[EF_DG2])
    return ChipData(groups, mrz, face, raw)
