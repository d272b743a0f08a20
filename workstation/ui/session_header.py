"""The strip at the top of the main window: which post this is, and who is signed in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workstation.domain.officers import Officer, Role
from workstation.domain.posts import Post


class SessionHeader(QFrame):
    """Post (code, name, city, issuing state) on the left, the officer and roles on the right."""

    def __init__(self, post: Post, officer: Officer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._post = post
        self._officer = officer
        self.setObjectName("sessionHeader")
        self.setStyleSheet(
            "#sessionHeader { background: #1f3a5f; } #sessionHeader QLabel { color: #ffffff; }"
        )
        self.post_label = QLabel()
        self.post_label.setObjectName("postLabel")
        font = self.post_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.post_label.setFont(font)
        self.post_detail_label = QLabel()
        self.officer_label = QLabel()
        self.officer_label.setObjectName("officerLabel")
        self.officer_label.setFont(font)
        self.officer_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.roles_label = QLabel()
        self.roles_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, labels in (
            (left, (self.post_label, self.post_detail_label)),
            (right, (self.officer_label, self.roles_label)),
        ):
            column.setSpacing(2)
            for label in labels:
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                column.addWidget(label)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(left, 1)
        row.addLayout(right)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        post, officer = self._post, self._officer
        self.post_label.setText(f"{post.code}  ·  {post.name}")
        self.post_detail_label.setText(
            self.tr("{city} · issuing state {state}").format(
                city=post.city, state=post.issuing_state
            )
        )
        self.officer_label.setText(officer.full_name)
        self.roles_label.setText(
            self.tr("{roles} · user name {user}").format(
                user=officer.username, roles=self.roles_text(officer)
            )
        )

    def roles_text(self, officer: Officer) -> str:
        names = {
            Role.CLERK: self.tr("Clerk"),
            Role.REGISTRAR: self.tr("Registrar"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.ADMIN: self.tr("Administrator"),
        }
        return ", ".join(names[role] for role in sorted(officer.roles))
