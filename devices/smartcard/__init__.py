"""PC/SC smartcard readers (through pyscard), used to encode the chip of ID cards.

Note: this subpackage is ``devices.smartcard``; pyscard's own top-level package
is also called ``smartcard``. Absolute imports keep the two apart.
"""

from devices.smartcard.readers import list_readers, probe_reader, select_reader

__all__ = ["list_readers", "probe_reader", "select_reader"]
