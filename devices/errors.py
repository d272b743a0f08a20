"""Error type shared by every device backend.

Backends wrap third-party failures (pyscard, CUPS, V4L2) in :class:`DeviceError`
so callers handle one exception type and switch on a *stable* ``code`` instead of
parsing messages that differ between library versions, platforms and locales.
"""

from __future__ import annotations

__all__ = ["DeviceError"]


class DeviceError(Exception):
    """Root of all device failures.

    ``code`` is a dotted, stable identifier (``"pcsc.service_unavailable"``,
    ``"printer.queue_missing"``, ``"printer.spooler_unavailable"``, ``"camera.none"``)
    that the UI maps to a translated, officer-facing message. ``detail`` is the
    technical explanation for the log and support staff; it is never shown as is
    to the officer because it is untranslated and may be cryptic.
    """

    code: str
    detail: str

    def __init__(self, code: str, detail: str = "") -> None:
        # Both values go to Exception.args so the error survives pickling
        # (e.g. when it crosses a process or worker-thread boundary).
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}" if self.detail else self.code

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, detail={self.detail!r})"
