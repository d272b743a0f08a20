"""System print queues (card printer, A4 printer), discovered without Qt.

Printing itself (a later issue) goes through the same spooler; this subpackage
only answers "which queues exist and can the configured one print now?".
"""

from devices.printers.queues import PrintQueue, list_queues, probe_printer

__all__ = ["PrintQueue", "list_queues", "probe_printer"]
