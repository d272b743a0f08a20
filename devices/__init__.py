"""Hardware the workstation talks to: smartcard readers, card and A4 printers, cameras.

This package is deliberately independent of the application: it never imports
``workstation``, ``forms`` or ``templates`` (enforced by import-linter), so it can
be exercised on a bench with real hardware without a database or a GUI. It also
stays free of PySide6, except for the camera sources (``devices.camera.qt_camera`` and
``playback``), which need Qt Multimedia and load it only when used.

* ``printers``: queues, print requests and jobs (CUPS through pycups, a folder backend);
* ``smartcard``: PC/SC readers, the consular card's chip, ICAO chips (BAC), a card watcher;
* ``camera``: still sources (camera, files, playback) and the V4L2 probe;
* ``worker``: one worker thread per device: drivers are not thread-safe.

Every probe reports a :class:`devices.status.DeviceStatus` carrying a stable
``code`` rather than a translated message, and every failure is a
:class:`devices.errors.DeviceError` with one: the UI owns wording and translation,
the log gets the technical ``detail``.
"""
