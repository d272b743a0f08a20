"""The photo page's widgets and their layout, without the work they start.

:class:`PhotoPageWidgets` builds the three panes (camera, photo, portrait as printed) under their
captions, the take and import buttons beside the adjustment bar, the checks table, and the status
line with the override and use buttons; :meth:`PhotoPageWidgets.show_status` writes the status
line. :class:`~workstation.ui.photo_page.PhotoPage` connects the widgets to the work and gives
them their texts (in its ``retranslate``, so the texts stay in the ``PhotoPage`` translation
context).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workstation.ui.adjustment_bar import AdjustmentBar
from workstation.ui.camera_view import CameraView, ImagePane
from workstation.ui.form_fields import ERROR_COLOUR
from workstation.ui.photo_checks import ChecksTable

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource
    from workstation.i18n.messages import Translator

__all__ = ["PhotoPageWidgets"]


class PhotoPageWidgets(QWidget):
    """The photo page's widgets, laid out; ``camera`` feeds the camera pane (``None``: none)."""

    def __init__(
        self,
        camera: QtStillSource | None,
        translator: Translator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoPage")
        self.camera_view = CameraView(camera, translator)
        self.original_view = ImagePane("originalView")
        self.portrait_view = ImagePane("portraitView")
        self._captions = [QLabel(), QLabel(), QLabel()]
        panes = QGridLayout()
        for column, (caption, view) in enumerate(
            zip(
                self._captions,
                (self.camera_view, self.original_view, self.portrait_view),
                strict=True,
            )
        ):
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            panes.addWidget(caption, 0, column)
            panes.addWidget(view, 1, column)
        panes.setRowStretch(1, 1)
        self.take_button = _button("takePhoto")
        self.import_button = _button("importFile")
        self.adjust_bar = AdjustmentBar()
        self.adjustment_label = self.adjust_bar.label
        tools = QHBoxLayout()
        for widget in (self.take_button, self.import_button):
            tools.addWidget(widget)
        tools.addSpacing(24)
        tools.addWidget(self.adjust_bar, 1)
        self.checks_table = ChecksTable(translator)
        self.status = QLabel()
        self.status.setObjectName("photoStatus")
        self.status.setWordWrap(True)
        self.override_button = _button("override")
        self.use_button = _button("usePhoto")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.override_button)
        bottom.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addLayout(tools)
        layout.addWidget(self.checks_table)
        layout.addLayout(bottom)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status.setAccessibleDescription(text)


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    return button
