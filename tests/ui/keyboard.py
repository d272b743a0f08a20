"""Typing into widgets like an officer, non-ASCII included."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """One key press and release per character, carrying the character as the event's text.

    Not ``qtbot.keyClicks`` (Qt aborts the process on a non-ASCII character) and not
    ``QTest.sendKeyEvent`` with a ``str`` either: PySide6 6.10 binds a one-character ``str`` to
    its ``char`` overload, so "ü" arrives as "Ã" (the first UTF-8 byte).
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
