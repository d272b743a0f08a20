"""Consular ID card chip personalisation at device level: write, read back, compare.

Chip layout of the consular ID card (all under the MF)::

    MF 3F00
    └── DF 1000, AID F0 43 4F 4E 53 55 4C 01 ("\\xF0CONSUL\\x01", proprietary:
        │         an AID starting with F is unregistered, ISO/IEC 7816-5)
        ├── EF 0101  signed data: exactly the bytes of the card's visible digital seal
        └── EF 0102  chip portrait: a JPEG

Each EF is created with the exact size of its content, so reading "until the end of
the file" returns the content with no length prefix and no padding. Re-encoding a
card deletes and re-creates each EF (on a card that refuses DELETE FILE an EF of the
same size is written over; any other size gives ``card.file_exists``).

The signature is *not* checked here: :func:`write_files` and :func:`read_files`
return the bytes read from the chip, and the workstation verifies the seal with its
trust list (devices/ never imports the application).

All functions take a :class:`~devices.smartcard.connection.Transmitter` and block:
run them through :meth:`PcscReader.submit <devices.smartcard.connection.PcscReader.submit>`.
"""

from __future__ import annotations

from collections.abc import Mapping

from devices.errors import DeviceError
from devices.smartcard.apdu import (
    MAX_OFFSET,
    Response,
    build_apdu,
    check_status,
    create_file,
    read_binary,
    select_aid,
    select_fid,
    update_binary,
)
from devices.smartcard.connection import Transmitter

__all__ = [
    "APPLICATION_AID",
    "APPLICATION_FID",
    "DEFAULT_CHUNK",
    "EF_PORTRAIT",
    "EF_SIGNED_DATA",
    "read_file",
    "read_files",
    "select_application",
    "write_files",
]

APPLICATION_AID = bytes.fromhex("F0434F4E53554C01")
APPLICATION_FID = 0x1000
EF_SIGNED_DATA = 0x0101
EF_PORTRAIT = 0x0102
MF = 0x3F00
#: Bytes per UPDATE/READ BINARY. 224 fits a short APDU with room for secure messaging
#: overhead on cards that add it; readers with small buffers may need less.
DEFAULT_CHUNK = 224

_NOT_FOUND = 0x6A82
_DELETE_REFUSED = {0x6982, 0x6985, 0x6986, 0x6A81, 0x6D00}


def _send(card: Transmitter, apdu: bytes, context: str) -> Response:
    return check_status(card.transmit(apdu), context)


def select_application(card: Transmitter, *, create: bool = False) -> None:
    """Select the consular application DF (creating it under the MF when asked)."""
    response = card.transmit(select_aid(APPLICATION_AID))
    if response.sw == _NOT_FOUND and create:
        _send(card, select_fid(MF), "SELECT MF")
        _send(card, create_file(APPLICATION_FID, aid=APPLICATION_AID), "CREATE DF 1000")
        response = card.transmit(select_aid(APPLICATION_AID))
    check_status(response, f"SELECT application {APPLICATION_AID.hex().upper()}")


def _check_chunk(chunk: int) -> None:
    if not 1 <= chunk <= 255:
        raise ValueError("chunk size is 1..255 bytes (short APDUs)")


def read_file(card: Transmitter, fid: int, *, chunk: int = DEFAULT_CHUNK) -> bytes:
    """Select EF ``fid`` in the current DF and read it to its end.

    End of file is any of: a short answer, ``6282`` (end reached before Le bytes),
    ``6B00`` (offset beyond the end); ``6Cxx`` retries with the length the card gives.
    """
    _check_chunk(chunk)
    _send(card, select_fid(fid, p1=0x02), f"SELECT EF {fid:04X}")
    content = bytearray()
    length = chunk
    while len(content) <= MAX_OFFSET:
        response = card.transmit(read_binary(len(content), length))
        if response.sw1 == 0x6C:
            # The card's largest answer (or the bytes left): keep it for the next reads.
            chunk = length = response.sw2 or 256
            continue
        if response.sw == 0x6B00:
            break
        if response.sw == 0x6282:
            content += response.data
            break
        check_status(response, f"READ BINARY {fid:04X} at {len(content)}")
        content += response.data
        if len(response.data) < length:
            break
        length = chunk
    return bytes(content)


def read_files(
    card: Transmitter,
    fids: tuple[int, ...] = (EF_SIGNED_DATA, EF_PORTRAIT),
    *,
    chunk: int = DEFAULT_CHUNK,
) -> dict[int, bytes]:
    """Read the consular application's EFs: ``{fid: content}``."""
    select_application(card)
    return {fid: read_file(card, fid, chunk=chunk) for fid in fids}


def _prepare_ef(card: Transmitter, fid: int, size: int) -> None:
    """Make EF ``fid`` (in the selected application) exist with exactly ``size`` bytes.

    An existing EF is deleted and created again (one command instead of reading it to
    learn its size); on a card that refuses DELETE FILE it is reused when its size
    already matches.
    """
    response = card.transmit(select_fid(fid, p1=0x02))
    if response.ok:
        deleted = card.transmit(build_apdu(0x00, 0xE4, 0x02, 0x00, fid.to_bytes(2, "big")))
        if deleted.sw in _DELETE_REFUSED:
            current = read_file(card, fid)
            if len(current) != size:
                raise DeviceError(
                    "card.file_exists",
                    f"EF {fid:04X} has {len(current)} bytes, need {size}; DELETE refused",
                )
            _send(card, select_fid(fid, p1=0x02), f"SELECT EF {fid:04X}")
            return
        check_status(deleted, f"DELETE FILE {fid:04X}")
        select_application(card)
    elif response.sw != _NOT_FOUND:
        check_status(response, f"SELECT EF {fid:04X}")
    _send(card, create_file(fid, size=size), f"CREATE FILE {fid:04X} ({size} bytes)")
    _send(card, select_fid(fid, p1=0x02), f"SELECT EF {fid:04X}")


def write_files(
    card: Transmitter, files: Mapping[int, bytes], *, chunk: int = DEFAULT_CHUNK
) -> dict[int, bytes]:
    """Write ``{fid: content}`` into the consular application, creating what is missing,
    then read every file back and compare.

    Returns the bytes read back (for the caller's signature check). Raises
    ``card.verify_mismatch`` when the chip does not hold what was written, and the
    status-word codes of :mod:`devices.smartcard.apdu` for refused commands.
    """
    _check_chunk(chunk)
    for fid, content in files.items():
        if not content or len(content) > MAX_OFFSET + 1:
            raise ValueError(f"EF {fid:04X}: content of 1..32768 bytes needed")
    select_application(card, create=True)
    for fid, content in files.items():
        _prepare_ef(card, fid, len(content))
        for offset in range(0, len(content), chunk):
            part = content[offset : offset + chunk]
            _send(card, update_binary(offset, part), f"UPDATE BINARY {fid:04X} at {offset}")
    read_back = {fid: read_file(card, fid, chunk=chunk) for fid in files}
    for fid, content in files.items():
        if read_back[fid] != content:
            raise DeviceError(
                "card.verify_mismatch",
                f"EF {fid:04X}: wrote {len(content)} bytes, read {len(read_back[fid])} different",
            )
    return read_back
