"""The photo page's manual adjustment buttons and keys: rotate by one degree, zoom in and out,
move the kept part, undo. The bar only asks (``requested(Adjustment)``); the page checks the
adjusted photo again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from workstation.ui.photo_work import Adjustment

ROTATE_STEP = 1.0
ZOOM_STEP = 1.1
MOVE_STEP = 0.02


class AdjustmentBar(QWidget):
    """Buttons for the common steps; :meth:`install_shortcuts` adds the keys to a page."""

    requested = Signal(object)  # Adjustment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.adjustment = Adjustment()
        self.rotate_left = self._button("rotateLeft", lambda a: a.rotated(ROTATE_STEP))
        self.rotate_right = self._button("rotateRight", lambda a: a.rotated(-ROTATE_STEP))
        self.zoom_in = self._button("zoomIn", lambda a: a.zoomed(ZOOM_STEP))
        self.zoom_out = self._button("zoomOut", lambda a: a.zoomed(1 / ZOOM_STEP))
        self.reset = self._button("resetAdjustment", lambda _a: Adjustment())
        self.label = QLabel()
        self.label.setObjectName("adjustment")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons:
            layout.addWidget(button)
        layout.addWidget(self.label, 1)
        self.retranslate()

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.rotate_left, self.rotate_right, self.zoom_in, self.zoom_out, self.reset)

    def _button(self, name: str, step: Callable[[Adjustment], Adjustment]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda: self.requested.emit(step(self.adjustment)))
        return button

    def install_shortcuts(self, page: QWidget) -> None:
        steps: dict[str, Callable[[Adjustment], Adjustment]] = {
            "[": lambda a: a.rotated(ROTATE_STEP),
            "]": lambda a: a.rotated(-ROTATE_STEP),
            "+": lambda a: a.zoomed(ZOOM_STEP),
            "=": lambda a: a.zoomed(ZOOM_STEP),
            "-": lambda a: a.zoomed(1 / ZOOM_STEP),
            "Alt+Left": lambda a: a.moved(-MOVE_STEP, 0),
            "Alt+Right": lambda a: a.moved(MOVE_STEP, 0),
            "Alt+Up": lambda a: a.moved(0, -MOVE_STEP),
            "Alt+Down": lambda a: a.moved(0, MOVE_STEP),
            "Ctrl+0": lambda _a: Adjustment(),
        }
        for key, step in steps.items():
            QShortcut(
                QKeySequence(key),
                page,
                lambda step=step: self.requested.emit(step(self.adjustment)),
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )

    def show_adjustment(self, adjustment: Adjustment) -> None:
        self.adjustment = adjustment
        self.label.setText(
            self.tr("Rotation {rotation:+g}°, zoom {zoom:g}×").format(
                rotation=adjustment.rotation, zoom=adjustment.zoom
            )
        )

    def retranslate(self) -> None:
        self.rotate_left.setText(self.tr("⟲ 1°"))
        self.rotate_left.setToolTip(self.tr("Rotate the photo one degree to the left ([)"))
        self.rotate_right.setText(self.tr("⟳ 1°"))
        self.rotate_right.setToolTip(self.tr("Rotate the photo one degree to the right (])"))
        self.zoom_in.setText(self.tr("Zoom +"))
        self.zoom_in.setToolTip(self.tr("Keep a smaller part of the photo (+); Alt+arrows move it"))
        self.zoom_out.setText(self.tr("Zoom −"))
        self.zoom_out.setToolTip(self.tr("Keep more of the photo (-)"))
        self.reset.setText(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Undo the adjustment (Ctrl+0)"))
        self.show_adjustment(self.adjustment)
