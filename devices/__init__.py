"""Hardware the workstation talks to: smartcard readers, card and A4 printers, cameras.

This package is deliberately independent of the application: it never imports
``workstation``, ``forms`` or ``templates`` (enforced by import-linter), so it can
be exercised on a bench with real hardware without a database or a GUI. It also
stays free of PySide6, except for a future camera backend that needs Qt Multimedia.

Every probe reports a :class:`devices.status.DeviceStatus` carrying a stable
``code`` rather than a translated message: the UI owns wording and translation,
the log gets the technical ``detail``.
"""
