"""PC/SC smartcard readers (through pyscard): consular ID card chips and ICAO chips.

Note: this subpackage is ``devices.smartcard``; pyscard's own top-level package
is also called ``smartcard``. Absolute imports keep the two apart.

Public API (blocking functions run on a reader's worker through
:meth:`PcscReader.submit`; importing this package never imports pyscard):

* :mod:`~devices.smartcard.readers`: ``list_readers``, ``select_reader``, ``probe_reader``.
* :mod:`~devices.smartcard.connection`: ``PcscReader`` (one worker thread per reader),
  ``connect``, ``PcscConnection``, the ``Transmitter`` protocol.
* :mod:`~devices.smartcard.watcher`: ``CardWatcher`` and ``CardEvent`` (insert/remove,
  reader and service events, surviving a PC/SC service restart).
* :mod:`~devices.smartcard.chip`: consular ID card chip layout, ``write_files``,
  ``read_files``.
* :mod:`~devices.smartcard.icao`: ``read_chip`` (BAC, EF.COM, DG1, DG2) with an
  :class:`~devices.smartcard.bac.AccessKey`.
* :mod:`~devices.smartcard.apdu`: pure APDU builders and status-word codes.

Typical use (from a service; ``.result()`` only off the GUI thread)::

    with PcscReader("OMNIKEY") as reader:            # None: first reader with a card
        chip = reader.submit(lambda card: read_chip(card, AccessKey.from_mrz(lines))).result(60)
        chip.mrz, chip.portrait.image                 # DG1 MRZ string, DG2 JPEG/JP2 bytes
        back = reader.submit(
            lambda card: write_files(card, {EF_SIGNED_DATA: seal, EF_PORTRAIT: jpeg})
        ).result(120)                                 # bytes read back, to verify the seal

Every failure is a :class:`devices.errors.DeviceError` with a stable ``code``
(``card.bac_failed``, ``card.removed``, ``card.malformed_data``, ``card.absent``,
``pcsc.service_unavailable``, ``card.file_not_found`` ...).
"""

from devices.smartcard.bac import AccessKey
from devices.smartcard.chip import (
    APPLICATION_AID,
    EF_PORTRAIT,
    EF_SIGNED_DATA,
    read_files,
    write_files,
)
from devices.smartcard.connection import PcscConnection, PcscReader, Transmitter, connect
from devices.smartcard.icao import ChipData, Portrait, read_chip
from devices.smartcard.readers import list_readers, probe_reader, select_reader
from devices.smartcard.watcher import CardEvent, CardEventKind, CardWatcher

__all__ = [
    "APPLICATION_AID",
    "EF_PORTRAIT",
    "EF_SIGNED_DATA",
    "AccessKey",
    "CardEvent",
    "CardEventKind",
    "CardWatcher",
    "ChipData",
    "PcscConnection",
    "PcscReader",
    "Portrait",
    "Transmitter",
    "connect",
    "list_readers",
    "probe_reader",
    "read_chip",
    "read_files",
    "select_reader",
    "write_files",
]
