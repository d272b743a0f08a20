"""Chip personalisation logic against an in-memory ISO 7816-4 card (no PC/SC).

The fake card implements just the commands the flow sends, with a configurable
largest answer, so chunking, end-of-file handling (6282, 6Cxx, 6B00) and re-encoding
are checked in milliseconds; the real card is exercised in test_smartcard_pcsc.py.
"""

from __future__ import annotations

import pytest

from devices.errors import DeviceError
from devices.smartcard import tlv
from devices.smartcard.apdu import Response
from devices.smartcard.chip import (
    APPLICATION_AID,
    APPLICATION_FID,
    EF_PORTRAIT,
    EF_SIGNED_DATA,
    read_file,
    read_files,
    write_files,
)

OK = (0x90, 0x00)


class FakeCard:
    """MF with DFs (by FID and AID) holding transparent EFs, enough for chip.py."""

    def __init__(self, *, max_answer: int = 256, eof_style: str = "6282") -> None:
        self.dfs: dict[int, tuple[bytes, dict[int, bytearray]]] = {}
        self.current_df: int | None = None
        self.current_ef: int | None = None
        self.max_answer = max_answer
        self.eof_style = eof_style
        self.log: list[bytes] = []
        self.refuse_delete = False

    def _r(self, data: bytes = b"", sw: tuple[int, int] = OK) -> Response:
        return Response(data, *sw)

    def transmit(self, apdu: bytes) -> Response:
        self.log.append(apdu)
        ins, p1, p2 = apdu[1], apdu[2], apdu[3]
        data = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
        handler = {0xA4: self._select, 0xE0: self._create, 0xE4: self._delete}.get(ins)
        if handler is not None:
            return handler(p1, data)
        if ins == 0xD6:
            return self._update((p1 << 8) | p2, data)
        if ins == 0xB0:
            return self._read((p1 << 8) | p2, apdu[4] or 256)
        return self._r(sw=(0x6D, 0x00))

    def _files(self) -> dict[int, bytearray]:
        assert self.current_df is not None
        return self.dfs[self.current_df][1]

    def _select(self, p1: int, data: bytes) -> Response:
        if p1 == 0x04:
            for fid, (aid, _) in self.dfs.items():
                if aid == data:
                    self.current_df, self.current_ef = fid, None
                    return self._r()
            return self._r(sw=(0x6A, 0x82))
        fid = int.from_bytes(data, "big")
        if fid == 0x3F00:
            self.current_df = self.current_ef = None
            return self._r()
        if self.current_df is None or fid not in self._files():
            return self._r(sw=(0x6A, 0x82))
        self.current_ef = fid
        return self._r()

    def _create(self, p1: int, data: bytes) -> Response:
        fcp = dict(tlv.parse(tlv.find(data, 0x62)))
        fid = int.from_bytes(fcp[0x83], "big")
        if fcp[0x82] == b"\x38":
            self.dfs[fid] = (fcp[0x84], {})
            self.current_df = fid
            return self._r()
        self._files()[fid] = bytearray(int.from_bytes(fcp[0x80], "big"))
        self.current_ef = fid
        return self._r()

    def _delete(self, p1: int, data: bytes) -> Response:
        if self.refuse_delete:
            return self._r(sw=(0x69, 0x86))
        del self._files()[int.from_bytes(data, "big")]
        self.current_ef = None
        return self._r()

    def _update(self, offset: int, data: bytes) -> Response:
        content = self._files()[self.current_ef or 0]
        if offset + len(data) > len(content):
            return self._r(sw=(0x6B, 0x00))
        content[offset : offset + len(data)] = data
        return self._r()

    def _read(self, offset: int, le: int) -> Response:
        content = self._files()[self.current_ef or 0]
        if le > self.max_answer:
            return self._r(sw=(0x6C, self.max_answer & 0xFF))
        if offset >= len(content) and self.eof_style == "6B00":
            return self._r(sw=(0x6B, 0x00))
        part = bytes(content[offset : offset + le])
        return self._r(part, (0x62, 0x82) if len(part) < le else OK)


FILES = {EF_SIGNED_DATA: bytes(range(256)) * 2, EF_PORTRAIT: b"\xff\xd8\xff" + bytes(1000)}


@pytest.mark.parametrize("chunk", [1, 100, 224, 255])
def test_write_creates_the_application_and_files_then_reads_back(chunk: int) -> None:
    card = FakeCard()
    assert write_files(card, FILES, chunk=chunk) == FILES
    assert card.dfs[APPLICATION_FID][0] == APPLICATION_AID
    assert {fid: bytes(data) for fid, data in card.dfs[APPLICATION_FID][1].items()} == FILES
    updates = [apdu for apdu in card.log if apdu[1] == 0xD6]
    expected = sum(-(-len(content) // chunk) for content in FILES.values())
    assert len(updates) == expected
    assert max(len(apdu) - 5 for apdu in updates) == min(chunk, 1003)
    assert read_files(card, chunk=chunk) == FILES


def test_reencoding_recreates_the_files() -> None:
    card = FakeCard()
    write_files(card, FILES)
    shorter = {EF_SIGNED_DATA: b"seal v2", EF_PORTRAIT: FILES[EF_PORTRAIT]}
    assert write_files(card, shorter) == shorter
    assert len(card.dfs[APPLICATION_FID][1][EF_SIGNED_DATA]) == 7
    card.refuse_delete = True
    assert write_files(card, {EF_SIGNED_DATA: b"seal v3"}) == {EF_SIGNED_DATA: b"seal v3"}
    with pytest.raises(DeviceError) as info:
        write_files(card, FILES)
    assert info.value.code == "card.file_exists"


@pytest.mark.parametrize(("max_answer", "eof_style"), [(256, "6282"), (64, "6282"), (256, "6B00")])
def test_read_file_handles_every_end_of_file_answer(max_answer: int, eof_style: str) -> None:
    card = FakeCard(max_answer=max_answer, eof_style=eof_style)
    write_files(card, {EF_SIGNED_DATA: bytes(range(200)) * 3})
    card.max_answer = max_answer
    assert read_file(card, EF_SIGNED_DATA, chunk=200) == bytes(range(200)) * 3


def test_a_chip_that_stores_something_else_is_a_verify_mismatch() -> None:
    card = FakeCard()
    original = card._update

    def flip(offset: int, data: bytes) -> Response:
        return original(offset, bytes([data[0] ^ 1]) + data[1:])

    card._update = flip  # type: ignore[method-assign]
    with pytest.raises(DeviceError) as info:
        write_files(card, FILES)
    assert info.value.code == "card.verify_mismatch"


def test_missing_application_is_file_not_found_when_reading() -> None:
    with pytest.raises(DeviceError) as info:
        read_files(FakeCard())
    assert info.value.code == "card.file_not_found"


def test_bad_arguments_are_programming_errors() -> None:
    with pytest.raises(ValueError):
        write_files(FakeCard(), {EF_SIGNED_DATA: b""})
    with pytest.raises(ValueError):
        write_files(FakeCard(), FILES, chunk=0)
