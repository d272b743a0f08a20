"""Minimal BER-TLV reading (ISO 7816-4 / ICAO 9303 data groups): pure functions.

Only what the chip flows need: multi-byte tags, definite lengths up to 3 bytes. Any
inconsistency raises ``DeviceError("card.malformed_data")`` because the input comes
from a card and a truncated or hostile data group must not crash the reader.
"""

from __future__ import annotations

from devices.errors import DeviceError

__all__ = ["encode_length", "find", "parse", "read_tlv"]

MALFORMED = "card.malformed_data"


def read_tlv(data: bytes, offset: int = 0) -> tuple[int, bytes, int]:
    """Read one TLV at ``offset``: return (tag, value, offset after the value)."""
    try:
        tag = data[offset]
        offset += 1
        if tag & 0x1F == 0x1F:
            while True:
                byte = data[offset]
                tag = (tag << 8) | byte
                offset += 1
                if not byte & 0x80:
                    break
        first = data[offset]
        offset += 1
        if first < 0x80:
            length = first
        elif 0x81 <= first <= 0x83:
            count = first & 0x7F
            if offset + count > len(data):
                raise IndexError
            length = int.from_bytes(data[offset : offset + count], "big")
            offset += count
        else:
            raise DeviceError(MALFORMED, f"unsupported length byte {first:#04x}")
    except IndexError as exc:
        raise DeviceError(MALFORMED, "TLV truncated in its tag or length") from exc
    end = offset + length
    if end > len(data):
        raise DeviceError(
            MALFORMED, f"TLV {tag:X} claims {length} bytes, {len(data) - offset} left"
        )
    return tag, data[offset:end], end


def parse(data: bytes) -> list[tuple[int, bytes]]:
    """All consecutive TLVs of ``data`` at one level (padding bytes 00/FF between skipped)."""
    items: list[tuple[int, bytes]] = []
    offset = 0
    while offset < len(data):
        if data[offset] in (0x00, 0xFF):
            offset += 1
            continue
        tag, value, offset = read_tlv(data, offset)
        items.append((tag, value))
    return items


def find(data: bytes, tag: int) -> bytes:
    """The value of the first TLV ``tag`` at this level, or ``card.malformed_data``."""
    for item_tag, value in parse(data):
        if item_tag == tag:
            return value
    raise DeviceError(MALFORMED, f"tag {tag:X} not found")


def encode_length(length: int) -> bytes:
    """BER definite length encoding."""
    if length < 0x80:
        return bytes((length,))
    raw = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes((0x80 | len(raw),)) + raw
