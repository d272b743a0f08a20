"""Smartcards on the real PC/SC stack: pcscd + vpcd + vicc cards (tests/support/pcsc.py).

The reader is ``Consular Test PCD`` with two slots: slot 0 holds the consular ID card
(vicc ``iso7816``, which accepts CREATE FILE and UPDATE BINARY), slot 1 the ICAO
ePassport (vicc ``ePass`` with BAC, the MRZ and the JPEG portrait given below).
"""

from __future__ import annotations

import io
import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.errors import DeviceError
from devices.smartcard import (
    EF_PORTRAIT,
    EF_SIGNED_DATA,
    AccessKey,
    CardEvent,
    CardEventKind,
    CardWatcher,
    PcscConnection,
    PcscReader,
    list_readers,
    probe_reader,
    read_chip,
    read_files,
    write_files,
)
from devices.smartcard.apdu import Response
from devices.status import DeviceState
from tests.support.pcsc import READER_NAME, PcscStack, VirtualCard, pcsc_missing

pytestmark = pytest.mark.skipif(pcsc_missing() is not None, reason=str(pcsc_missing()))

# ICAO 9303 Part 4 specimen (Utopia, Anna Maria Eriksson), TD3.
MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10"
RIGHT_KEY = AccessKey("L898902C3", "740812", "120415")
WRONG_KEY = AccessKey("L898902C3", "740812", "120416")
EVENT_TIMEOUT = 15.0


def _portrait(path: Path, size: tuple[int, int] = (120, 150)) -> bytes:
    """The public-domain NASA astronaut portrait (scikit-image), as a small JPEG."""
    from PIL import Image
    from skimage import data

    image = Image.fromarray(data.astronaut()).crop((120, 0, 360, 300)).resize(size)
    image.save(path, format="JPEG", quality=80)
    return path.read_bytes()


@pytest.fixture
def id_card(pcsc_stack: PcscStack) -> Iterator[VirtualCard]:
    card = pcsc_stack.insert(0, "iso7816")
    yield card
    card.remove()


@pytest.fixture
def passport(pcsc_stack: PcscStack, tmp_path: Path) -> Iterator[tuple[VirtualCard, bytes]]:
    photo = _portrait(tmp_path / "face.jpg")
    env = {"VICC_EPASS_MRZ": MRZ, "VICC_EPASS_PHOTO": str(tmp_path / "face.jpg")}
    card = pcsc_stack.insert(1, "ePass", env)
    yield card, photo
    card.remove()


def test_lists_the_virtual_reader_and_probes_it(pcsc_stack: PcscStack) -> None:
    readers = list_readers()
    assert pcsc_stack.reader(0) in readers and pcsc_stack.reader(1) in readers
    status = probe_reader(READER_NAME)
    assert status.state is DeviceState.READY
    assert status.name == pcsc_stack.reader(0)


def test_all_io_of_a_reader_runs_in_order_on_its_one_worker_thread(id_card: VirtualCard) -> None:
    release = threading.Event()
    caller = threading.current_thread()

    def slow(card: PcscConnection) -> str:
        release.wait(10)
        return threading.current_thread().name

    def quick(card: PcscConnection) -> tuple[str, bytes]:
        return threading.current_thread().name, card.atr

    with PcscReader(id_card.reader) as reader:
        first = reader.submit(slow)
        second = reader.submit(quick)
        # submit() never blocks the caller (the GUI thread): both wait on the worker.
        assert not first.done() and not second.done()
        release.set()
        name = first.result(30)
        assert second.result(30)[0] == name != caller.name
        assert name.startswith("device-reader-")
        assert second.result()[1].startswith(b"\x3b")


def test_write_the_consular_chip_in_chunks_and_read_it_back(
    id_card: VirtualCard, tmp_path: Path
) -> None:
    seal = os.urandom(333)  # stands in for the seal bytes: the chip stores them verbatim
    photo = _portrait(tmp_path / "chip.jpg", (90, 112))
    files = {EF_SIGNED_DATA: seal, EF_PORTRAIT: photo}
    with PcscReader(id_card.reader) as reader:
        started = time.monotonic()
        written = reader.submit(lambda card: write_files(card, files, chunk=100)).result(120)
        elapsed = time.monotonic() - started
        assert written == files
        # A later session reads the same bytes (the card keeps them while vicc runs).
        assert reader.submit(read_files).result(60) == files
        # Re-encoding with different sizes re-creates the files.
        smaller = {EF_SIGNED_DATA: seal[:120], EF_PORTRAIT: photo}
        assert reader.submit(lambda card: write_files(card, smaller)).result(120) == smaller
    print(f"wrote and verified {len(seal) + len(photo)} bytes in {elapsed:.2f} s")


def test_read_the_epassport_with_the_right_keys(passport: tuple[VirtualCard, bytes]) -> None:
    from PIL import Image

    card, photo = passport
    with PcscReader(card.reader) as reader:
        started = time.monotonic()
        chip = reader.submit(lambda c: read_chip(c, RIGHT_KEY)).result(120)
        elapsed = time.monotonic() - started
    assert chip.mrz == MRZ
    assert chip.data_groups == (0x61, 0x75)
    assert chip.portrait is not None
    assert chip.portrait.format == "jpeg"
    assert chip.portrait.image == photo
    with Image.open(io.BytesIO(chip.portrait.image)) as image:
        image.load()
        assert image.size == (120, 150)
    print(f"BAC + EF.COM + DG1 + DG2 ({len(photo)} bytes) in {elapsed:.2f} s")


def test_wrong_access_keys_are_bac_failed(passport: tuple[VirtualCard, bytes]) -> None:
    card, _ = passport
    with PcscReader(card.reader) as reader:
        with pytest.raises(DeviceError) as info:
            reader.submit(lambda c: read_chip(c, WRONG_KEY)).result(60)
        assert info.value.code == "card.bac_failed"
        # The chip still answers the right keys afterwards.
        assert (
            reader.submit(lambda c: read_chip(c, RIGHT_KEY, portrait=False)).result(60).mrz == MRZ
        )


def test_a_portrait_in_a_format_icao_does_not_allow_is_malformed_data(
    pcsc_stack: PcscStack, tmp_path: Path
) -> None:
    from PIL import Image

    png = tmp_path / "face.png"
    Image.new("RGB", (60, 75), "gray").save(png)
    card = pcsc_stack.insert(1, "ePass", {"VICC_EPASS_MRZ": MRZ, "VICC_EPASS_PHOTO": str(png)})
    try:
        with PcscReader(card.reader) as reader, pytest.raises(DeviceError) as info:
            reader.submit(lambda c: read_chip(c, RIGHT_KEY)).result(60)
    finally:
        card.remove()
    assert info.value.code == "card.malformed_data"


class _RemoveAfter:
    """Pass APDUs through; before the n-th one, take the card out of the reader."""

    def __init__(self, connection: PcscConnection, card: VirtualCard, count: int) -> None:
        self._connection = connection
        self._card = card
        self._left = count

    def transmit(self, apdu: bytes) -> Response:
        self._left -= 1
        if self._left == 0:
            self._card.remove()
        return self._connection.transmit(apdu)


def test_card_removed_in_the_middle_of_a_read(passport: tuple[VirtualCard, bytes]) -> None:
    card, _ = passport
    with PcscReader(card.reader) as reader, pytest.raises(DeviceError) as info:
        reader.submit(lambda c: read_chip(_RemoveAfter(c, card, 12), RIGHT_KEY)).result(60)
    assert info.value.code == "card.removed"


def test_card_removed_in_the_middle_of_encoding(pcsc_stack: PcscStack) -> None:
    card = pcsc_stack.insert(0, "iso7816")
    files = {EF_SIGNED_DATA: os.urandom(300), EF_PORTRAIT: os.urandom(2000)}
    with PcscReader(card.reader) as reader, pytest.raises(DeviceError) as info:
        reader.submit(lambda c: write_files(_RemoveAfter(c, card, 10), files, chunk=100)).result(60)
    assert info.value.code == "card.removed"


def _next_event(events: queue.Queue[CardEvent], kind: CardEventKind, reader: str | None) -> None:
    deadline = time.monotonic() + EVENT_TIMEOUT
    while (left := deadline - time.monotonic()) > 0:
        try:
            event = events.get(timeout=left)
        except queue.Empty:
            break
        if event.kind is kind and event.reader == reader:
            return
    raise AssertionError(f"no {kind} for {reader} within {EVENT_TIMEOUT} s")


def test_watcher_reports_insertion_and_removal(pcsc_stack: PcscStack) -> None:
    events: queue.Queue[CardEvent] = queue.Queue()
    watcher = CardWatcher(events.put)
    watcher.start()
    try:
        reader = pcsc_stack.reader(0)
        _next_event(events, CardEventKind.READER_ADDED, reader)
        card = pcsc_stack.insert(0, "iso7816")
        _next_event(events, CardEventKind.CARD_INSERTED, reader)
        card.remove()
        _next_event(events, CardEventKind.CARD_REMOVED, reader)
    finally:
        watcher.stop()
    assert not watcher.running


def test_watcher_recovers_when_pcscd_stops_and_comes_back(pcsc_stack: PcscStack) -> None:
    events: queue.Queue[CardEvent] = queue.Queue()
    watcher = CardWatcher(events.put, max_backoff=1.0)
    watcher.start()
    try:
        reader = pcsc_stack.reader(0)
        _next_event(events, CardEventKind.READER_ADDED, reader)
        pcsc_stack.stop()
        _next_event(events, CardEventKind.SERVICE_LOST, None)
        assert probe_reader(None).code == "pcsc.service_unavailable"
        pcsc_stack.start()
        _next_event(events, CardEventKind.SERVICE_RESTORED, None)
        _next_event(events, CardEventKind.READER_ADDED, reader)
        card = pcsc_stack.insert(0, "iso7816")
        _next_event(events, CardEventKind.CARD_INSERTED, reader)
        card.remove()
    finally:
        watcher.stop()
    assert not watcher.running
