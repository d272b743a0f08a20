"""A push button that shows and triggers a QAction, mnemonic included.

``QToolButton.setDefaultAction`` drops the ``&`` of the action's text (it shows the icon text),
so Alt+letter would not reach the button; this one keeps the text, and follows the action's
enabled state, visibility and tooltip.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget


class ActionButton(QPushButton):
    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.setObjectName(f"{action.objectName()}Button")
        self.setAutoDefault(False)
        self.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(self._on_action_changed)
        self._on_action_changed()

    @property
    def action(self) -> QAction:
        return self._action

    def _on_action_changed(self) -> None:
        action = self._action
        self.setText(action.text())
        self.setToolTip(action.toolTip())
        self.setEnabled(action.isEnabled())
        self.setVisible(action.isVisible())
