"""Typing or pasting a document's MRZ to prefill a form, and the access key for its chip.

:class:`MrzDialog` reads the lines as they are typed with the domain's MRZ reader
(:func:`workstation.domain.mrz.parse`) and shows, under each line, what is wrong with it: its
length or a character, or a check digit that does not match the data it protects. Only an MRZ
whose check digits all match can fill the form.

:class:`ChipKeyDialog` asks for the three things BAC needs (document number, birth date, expiry
date), prefilled from a typed MRZ when there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from devices.smartcard import AccessKey
from workstation.domain.errors import DomainError
from workstation.domain.mrz import CheckResult, MrzFormat, ParsedMrz, parse
from workstation.i18n.messages import Translator
from workstation.ui.form_fields import ERROR_COLOUR

MAX_LINES = 3
PARSE_DELAY_MS = 150


def clean_mrz_lines(text: str) -> list[str]:
    """The non-empty lines of pasted text, upper-cased, without spaces (OCR and typing add
    them)."""
    lines = ("".join(line.split()).upper() for line in text.splitlines())
    return [line for line in lines if line]


def check_digit_line(fmt: MrzFormat, field: str) -> int:
    """Which line (0-based) holds the check digit protecting ``field``: a TD1 card has its
    document number on line 1, every other check digit is on the last line."""
    if fmt is MrzFormat.TD1 and field == "document_number":
        return 0
    return 1


class MrzDialog(QDialog):
    """The officer types or pastes 2 or 3 lines; :attr:`parsed` is the reading once it is
    accepted."""

    def __init__(
        self,
        translator: Translator,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mrzDialog")
        self._translator = translator
        self._today = today
        self.parsed: ParsedMrz | None = None
        self.lines: list[str] = []
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("mrzText")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.edit.setFont(font)
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        width = self.edit.fontMetrics().horizontalAdvance("M" * 44) + 32
        self.edit.setMinimumWidth(width)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._intro.setBuddy(self.edit)
        self.line_messages: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self.edit)
        for number in range(1, MAX_LINES + 1):
            label = QLabel()
            label.setObjectName(f"mrzLine{number}Message")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {ERROR_COLOUR};")
            label.hide()
            self.line_messages.append(label)
            layout.addWidget(label)
        self.summary = QLabel()
        self.summary.setObjectName("mrzSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARSE_DELAY_MS)
        self._timer.timeout.connect(self.read_now)
        self.edit.textChanged.connect(self._timer.start)
        self._retranslate()
        self.read_now()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # After the button box, which names its standard buttons again (OK) on the event.
            QTimer.singleShot(0, self, self._retranslate)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Read an MRZ"))
        self._intro.setText(
            self.tr(
                "&Type or paste the machine readable zone: 2 lines (passport) or 3 lines "
                "(identity card)."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Fill in the form")
        )

    def set_text(self, text: str) -> None:
        """Put ``text`` in the box and read it at once (pasting, tests)."""
        self.edit.setPlainText(text)
        self.read_now()

    def read_now(self) -> None:
        self._timer.stop()
        self.lines = clean_mrz_lines(self.edit.toPlainText())
        self.parsed = None
        messages: list[list[str]] = [[] for _ in range(MAX_LINES)]
        summary = ""
        if self.lines:
            try:
                parsed = parse(self.lines, today=self._today())
            except DomainError as error:
                messages[self._error_line(error)].append(self._translator.describe(error))
            else:
                for check in parsed.checks:
                    if not check.ok:
                        line = check_digit_line(parsed.format, check.field)
                        messages[line].append(self._check_digit_message(line, check))
                self.parsed = parsed
                summary = self._summary(parsed)
        for label, texts in zip(self.line_messages, messages, strict=True):
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        self.summary.setText(summary)
        ok = self.parsed is not None and self.parsed.valid
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        problems = " ".join(label.text() for label in self.line_messages if label.text())
        self.edit.setAccessibleDescription(problems or summary)
        self.adjustSize()  # room for the messages that appeared

    def _check_digit_message(self, line: int, check: CheckResult) -> str:
        where = self.tr("Line {number}:").format(number=line + 1)
        params = {"check": self._check_name(check.field), "found": check.found}
        text = self._translator.text(
            "mrz.check_digit.failed", None, {**params, "expected": check.expected}
        )
        return f"{where} {text}"

    def _error_line(self, error: DomainError) -> int:
        field = error.field or ""
        if field.startswith("line") and field[4:].isdigit():
            return min(int(field[4:]), MAX_LINES) - 1
        if field in ("birth_date", "sex", "expiry_date"):
            return 1  # on line 2 in every format
        return 0

    def _check_name(self, field: str) -> str:
        names = {
            "document_number": self.tr("document number"),
            "birth_date": self.tr("birth date"),
            "expiry_date": self.tr("expiry date"),
            "optional_data": self.tr("personal number"),
            "optional_data_2": self.tr("optional data"),
            "composite": self.tr("the whole line (composite)"),
        }
        return names.get(field, field)

    def _summary(self, parsed: ParsedMrz) -> str:
        data = parsed.data
        return self.tr(
            "{format} {code} of {state}: {surname}, {given}; {sex}, born {birth}, "
            "nationality {nationality}; number {number}, expires {expiry}."
        ).format(
            format=parsed.format.value,
            code=data.document_code,
            state=data.issuing_state,
            surname=data.primary_identifier,
            given=data.secondary_identifier or "-",
            sex=data.sex.value,
            birth=data.birth_date.isoformat(),
            nationality=data.nationality,
            number=data.document_number,
            expiry=data.expiry_date.isoformat(),
        )


class ChipKeyDialog(QDialog):
    """The BAC access key: document number, birth and expiry dates as YYMMDD."""

    def __init__(self, key: AccessKey | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipKeyDialog")
        self.key: AccessKey | None = None
        self.number = QLineEdit(key.document_number.rstrip("<") if key else "")
        self.number.setObjectName("chipNumber")
        self.number.setMaxLength(30)
        self.birth = QLineEdit(key.birth_date if key else "")
        self.birth.setObjectName("chipBirth")
        self.birth.setInputMask("999999;_")
        self.expiry = QLineEdit(key.expiry_date if key else "")
        self.expiry.setObjectName("chipExpiry")
        self.expiry.setInputMask("999999;_")
        self.message = QLabel()
        self.message.setObjectName("chipKeyMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        form = QFormLayout()
        self._labels = [QLabel(), QLabel(), QLabel()]
        for label, edit in zip(self._labels, (self.number, self.birth, self.expiry), strict=True):
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # After the button box, which names its standard buttons again (OK) on the event.
            QTimer.singleShot(0, self, self._retranslate)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Read a passport chip"))
        self._intro.setText(
            self.tr(
                "Put the passport on the reader. The chip opens with the document number, "
                "the birth date and the expiry date printed in it."
            )
        )
        self._labels[0].setText(self.tr("Document &number:"))
        self._labels[1].setText(self.tr("&Birth date (YYMMDD):"))
        self._labels[2].setText(self.tr("&Expiry date (YYMMDD):"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Read chip"))

    def _on_buttons_accepted(self) -> None:
        try:
            self.key = AccessKey(self.number.text(), self.birth.text(), self.expiry.text())
        except ValueError:
            self.message.setText(
                self.tr(
                    "Type the document number (letters and digits) and both dates as six "
                    "digits, year, month, day (YYMMDD)."
                )
            )
            return
        self.accept()
