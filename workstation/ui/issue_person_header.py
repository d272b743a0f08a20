"""The head of the Documents page: whose documents these are, and the portrait new cards use
(or why there is none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workstation.domain.people import Person
from workstation.domain.portrait import PortraitRecord


class IssuePersonHeader(QWidget):
    """Name, portrait thumbnail and a note on the portrait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_label = QLabel()
        self.person_label.setObjectName("issuePerson")
        font = self.person_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.person_label.setFont(font)
        self.photo_label = QLabel()
        self.photo_label.setObjectName("issuePhoto")
        self.photo_label.setFixedSize(70, 90)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("#issuePhoto { background: #eceff1; color: #616161; }")
        self.photo_note = QLabel()
        self.photo_note.setObjectName("photoNote")
        self.photo_note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photo_label)
        who = QVBoxLayout()
        who.addWidget(self.person_label)
        who.addWidget(self.photo_note)
        who.addStretch(1)
        layout.addLayout(who, 1)

    def show_nobody(self) -> None:
        self.person_label.setText(self.tr("No person selected"))
        self.photo_note.setText(self.tr("Find a person (Ctrl+F) to see their documents."))
        self.photo_label.setText("")
        self.photo_label.setPixmap(QPixmap())

    def show_person(self, person: Person) -> None:
        self.person_label.setText(person.display_name)

    def clear_portrait(self) -> None:
        self.photo_label.setPixmap(QPixmap())

    def show_portrait(self, record: PortraitRecord | None, image: QImage | None) -> None:
        """The portrait new cards use, or a note that a card needs one."""
        if image is None or image.isNull():
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("no photo"))
            self.photo_note.setText(
                self.tr("No photo yet: a card needs one. Take or import it on the photo page.")
            )
            return
        self.photo_label.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.photo_label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        taken = record.created_at if record else None
        self.photo_note.setText(
            self.tr("Photo of {date} (portrait {id}): new cards use it.").format(
                date=taken.strftime("%Y-%m-%d") if taken else "–",
                id=record.id if record else "–",
            )
        )
