"""ISO 7816-4 command builders and status-word checks: pure functions, no I/O.

Kept free of pyscard and of any connection so they are unit-tested byte for byte and
reused by every card flow (personalisation, ICAO reading, support tools). The shape
follows pyscard's ``ErrorCheckingChain``: a command goes out, the status word comes
back and :func:`check_status` turns anything but success into a
:class:`~devices.errors.DeviceError` with a *stable* code the UI translates.

Choices that matter on real readers:

* SELECT uses ``P2=0C`` (no response data): with P2=00 the card answers ``61xx`` and
  the caller has to send GET RESPONSE, which pyscard does not do on its own.
* Offsets of READ/UPDATE BINARY go in P1-P2 (15 bits, up to 32 767). Our files are
  far smaller (a seal of a few hundred bytes, a chip portrait of 10-20 KB), so the
  odd-INS form with an offset data object is not implemented: a larger offset is a
  programming error (``ValueError``), not a card condition.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.errors import DeviceError

__all__ = [
    "MAX_OFFSET",
    "MAX_SHORT_LC",
    "Response",
    "build_apdu",
    "check_status",
    "create_file",
    "get_challenge",
    "read_binary",
    "select_aid",
    "select_fid",
    "status_code",
    "update_binary",
]

MAX_SHORT_LC = 255
MAX_OFFSET = 0x7FFF


@dataclass(frozen=True, slots=True)
class Response:
    """A response APDU: data field and the two status bytes."""

    data: bytes
    sw1: int
    sw2: int

    @property
    def sw(self) -> int:
        return (self.sw1 << 8) | self.sw2

    @property
    def ok(self) -> bool:
        return self.sw == 0x9000


def build_apdu(
    cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
) -> bytes:
    """Encode a short APDU (case 1-4). ``le`` 256 is encoded as ``00``."""
    for name, value in (("cla", cla), ("ins", ins), ("p1", p1), ("p2", p2)):
        if not 0 <= value <= 0xFF:
            raise ValueError(f"{name} out of range: {value}")
    if len(data) > MAX_SHORT_LC:
        raise ValueError(f"data field of {len(data)} bytes needs extended length")
    apdu = bytes((cla, ins, p1, p2))
    if data:
        apdu += bytes((len(data),)) + data
    if le is not None:
        if not 1 <= le <= 256:
            raise ValueError(f"le out of range: {le}")
        apdu += bytes((le & 0xFF,))
    return apdu


def select_fid(fid: int, *, p1: int = 0x00) -> bytes:
    """SELECT by file identifier, no response data (P2=0C).

    ``p1`` 00 lets the card decide (MF, DF or EF, searched from the current DF);
    02 selects an EF under the current DF (what ICAO 9303 readers send).
    """
    if not 0 <= fid <= 0xFFFF:
        raise ValueError(f"file identifier out of range: {fid:#x}")
    return build_apdu(0x00, 0xA4, p1, 0x0C, fid.to_bytes(2, "big"))


def select_aid(aid: bytes) -> bytes:
    """SELECT an application (DF name) by AID, first occurrence, no response data."""
    if not 5 <= len(aid) <= 16:
        raise ValueError(f"an AID has 5 to 16 bytes, got {len(aid)}")
    return build_apdu(0x00, 0xA4, 0x04, 0x0C, aid)


def _tlv(tag: int, value: bytes) -> bytes:
    if len(value) > 0xFF:
        raise ValueError("FCP values above 255 bytes are not needed here")
    length = bytes((len(value),)) if len(value) < 0x80 else bytes((0x81, len(value)))
    return bytes((tag,)) + length + value


def create_file(
    fid: int, *, size: int | None = None, aid: bytes | None = None, short_fid: int | None = None
) -> bytes:
    """CREATE FILE (INS E0) with an FCP template (tag 62), ISO 7816-4 section 7.1.

    Without ``aid``: a transparent EF (descriptor 82 = 01) of ``size`` bytes
    (tag 80). With ``aid``: a DF (descriptor 38) named ``aid`` (tag 84). The life
    cycle (tag 8A = 05) is "operational, activated"; access rules stay with the card's
    defaults, which a production card profile replaces.
    """
    if not 0 < fid < 0xFFFF or fid == 0x3F00:
        raise ValueError(f"cannot create file {fid:#06x}")
    fcp = bytearray()
    if aid is None:
        if size is None or not 0 < size <= MAX_OFFSET + 1:
            raise ValueError("a transparent EF needs a size of 1..32768 bytes")
        fcp += _tlv(0x82, b"\x01")
        fcp += _tlv(0x83, fid.to_bytes(2, "big"))
        fcp += _tlv(0x80, size.to_bytes(2, "big"))
        if short_fid is not None:
            if not 1 <= short_fid <= 30:
                raise ValueError("a short EF identifier is 1..30")
            fcp += _tlv(0x88, bytes((short_fid << 3,)))
    else:
        fcp += _tlv(0x82, b"\x38")
        fcp += _tlv(0x83, fid.to_bytes(2, "big"))
        fcp += _tlv(0x84, aid)
    fcp += _tlv(0x8A, b"\x05")
    return build_apdu(0x00, 0xE0, 0x00, 0x00, _tlv(0x62, bytes(fcp)))


def _offset(offset: int) -> tuple[int, int]:
    if not 0 <= offset <= MAX_OFFSET:
        raise ValueError(f"offset {offset} needs the odd-INS form (not implemented)")
    return offset >> 8, offset & 0xFF


def update_binary(offset: int, chunk: bytes, *, cla: int = 0x00) -> bytes:
    """UPDATE BINARY of ``chunk`` at ``offset`` in the current EF."""
    if not chunk:
        raise ValueError("nothing to write")
    p1, p2 = _offset(offset)
    return build_apdu(cla, 0xD6, p1, p2, chunk)


def read_binary(offset: int, length: int, *, cla: int = 0x00) -> bytes:
    """READ BINARY of up to ``length`` (1..256) bytes at ``offset`` in the current EF."""
    p1, p2 = _offset(offset)
    return build_apdu(cla, 0xB0, p1, p2, le=length)


def get_challenge(length: int = 8) -> bytes:
    """GET CHALLENGE: the card's random number (8 bytes for BAC)."""
    return build_apdu(0x00, 0x84, 0x00, 0x00, le=length)


# Status words -> stable codes. The UI maps codes to officer-facing text; ``detail``
# keeps the hex status word for support.
_EXACT: dict[int, str] = {
    0x6281: "card.data_corrupted",
    0x6282: "card.end_of_file",
    0x6581: "card.memory_failure",
    0x6700: "card.wrong_length",
    0x6882: "card.secure_messaging_unsupported",
    0x6982: "card.security_status",
    0x6983: "card.blocked",
    0x6984: "card.reference_data_unusable",
    0x6985: "card.conditions_not_satisfied",
    0x6986: "card.no_current_ef",
    0x6987: "card.sm_objects_missing",
    0x6988: "card.sm_objects_incorrect",
    0x6A80: "card.wrong_data",
    0x6A81: "card.function_unsupported",
    0x6A82: "card.file_not_found",
    0x6A84: "card.memory_full",
    0x6A86: "card.wrong_parameters",
    0x6A89: "card.file_exists",
    0x6A8A: "card.file_exists",
    0x6B00: "card.wrong_offset",
    0x6D00: "card.instruction_unsupported",
    0x6E00: "card.class_unsupported",
}


def status_code(sw: int) -> str | None:
    """The stable error code for a status word, ``None`` for success (9000)."""
    if sw == 0x9000:
        return None
    if sw in _EXACT:
        return _EXACT[sw]
    high = sw >> 8
    if high == 0x63:
        return "card.verification_failed"
    if high == 0x6C:
        return "card.wrong_length"
    if high == 0x61:
        return "card.response_pending"
    return "card.error"


def check_status(response: Response, context: str) -> Response:
    """Return ``response`` when it is 9000, raise ``DeviceError(code)`` otherwise.

    ``context`` names the command ("UPDATE BINARY 0102 at 1024") for the detail.
    """
    code = status_code(response.sw)
    if code is None:
        return response
    raise DeviceError(code, f"{context}: SW {response.sw:04X}")
