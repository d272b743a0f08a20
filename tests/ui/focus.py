"""Helpers for checking keyboard focus order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_chain(start: QWidget, count: int) -> list[QWidget]:
    """The next ``count`` widgets that Tab moves to from ``start`` (as Qt's focus chain orders
    them, skipping widgets that do not take focus by Tab)."""
    found: list[QWidget] = []
    widget = start.nextInFocusChain()
    while len(found) < count and widget is not start:
        policy = widget.focusPolicy()
        if (
            policy.value & Qt.FocusPolicy.TabFocus.value
            and widget.isVisibleTo(start.window())
            and widget.isEnabled()
        ):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found
