"""The list of portrait checks (passed or failed, measured value, threshold, reason, override)
and the dialog in which an officer justifies overriding one failed check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.domain.errors import DomainError, ValidationError
from workstation.domain.portrait import CheckCode, CheckResult, accept
from workstation.i18n.messages import Translator

PASSED_COLOUR = "#1b5e20"
FAILED_COLOUR = "#b00020"
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def check_name(translator: Translator, code: CheckCode) -> str:
    return translator.text(f"photo.check.{code.value}", None, {})


def reason_text(translator: Translator, check: CheckResult) -> str:
    return translator.text(check.reason, None, {}) if check.reason else ""


def override_refusal(
    translator: Translator, checks: tuple[CheckResult, ...], code: CheckCode
) -> str | None:
    """Why the failed check ``code`` may not be overridden (the domain says), or ``None``."""
    try:
        accept(checks, {code: "?"})
    except ValidationError as error:
        return "\n".join(translator.text(p.code, "override", p.params) for p in error.errors)
    except DomainError:
        pass  # other checks still fail: that is what overrides are for
    return None


def value_text(check: CheckResult) -> str:
    if check.value is None:
        return "—"
    if isinstance(check.value, float):
        if 0 < abs(check.value) < 0.001:  # a share of pixels: no exponent for the officer
            return f"{check.value:.6f}".rstrip("0")
        return f"{check.value + 0.0:g}"  # + 0.0: a value rounded to -0.0 reads 0
    return str(check.value)


class ChecksTable(QTableWidget):
    """One row per check, in the domain's order; a failed check is red until overridden."""

    COLUMNS = 5

    def __init__(self, translator: Translator, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("checks")
        self._translator = translator
        self.checks: tuple[CheckResult, ...] = ()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Check"),
                self.tr("Result"),
                self.tr("Value"),
                self.tr("Limit"),
                self.tr("Reason / override"),
            ]
        )

    def show_checks(
        self, checks: Sequence[CheckResult], overrides: Mapping[CheckCode, str]
    ) -> None:
        current = self.selected_code()
        self.checks = tuple(checks)
        self.setRowCount(len(self.checks))
        for row, check in enumerate(self.checks):
            overridden = check.code in overrides
            if check.passed:
                verdict = self.tr("passed")
            elif overridden:
                verdict = self.tr("overridden")
            else:
                verdict = self.tr("FAILED")
            reason = reason_text(self._translator, check)
            if overridden:
                reason = self.tr("{reason}; overridden: {why}").format(
                    reason=reason, why=overrides[check.code]
                )
            texts = [
                check_name(self._translator, check.code),
                verdict,
                value_text(check),
                check.threshold,
                reason,
            ]
            colour = PASSED_COLOUR if check.passed else ("#8a6d00" if overridden else FAILED_COLOUR)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(CODE_ROLE, check.code.value)
                item.setToolTip(text)
                if column == 1:
                    item.setForeground(QBrush(QColor(colour)))
                    font = item.font()
                    font.setBold(not check.passed)
                    item.setFont(font)
                self.setItem(row, column, item)
        if current is not None:
            self.select_code(current)
        self.setMinimumHeight(self._full_height())

    def _full_height(self) -> int:
        """Tall enough to show every check without scrolling."""
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        return rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2

    def selected_code(self) -> CheckCode | None:
        items = self.selectedItems()
        return CheckCode(items[0].data(CODE_ROLE)) if items else None

    def select_code(self, code: CheckCode) -> None:
        for row, check in enumerate(self.checks):
            if check.code == code:
                self.selectRow(row)
                return

    def row_texts(self, code: CheckCode) -> list[str]:
        for row, check in enumerate(self.checks):
            if check.code == code:
                items = (self.item(row, column) for column in range(self.COLUMNS))
                return [item.text() if item is not None else "" for item in items]
        raise KeyError(code)


class OverrideDialog(QDialog):
    """Accept one failed check with a written justification (kept in the audit trail)."""

    def __init__(
        self,
        translator: Translator,
        check: CheckResult,
        justification: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.check = check
        self._translator = translator
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.justification = QPlainTextEdit(justification)
        self.justification.setObjectName("justification")
        self.justification.setTabChangesFocus(True)
        self.intro.setBuddy(self.justification)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.justification)
        layout.addWidget(self.buttons)
        self.justification.textChanged.connect(self._on_justification_changed)
        self._on_justification_changed()
        self._retranslate()
        self.resize(460, 240)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # After the button box, which names its standard buttons again (OK) on the event.
            QTimer.singleShot(0, self, self._retranslate)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        check, translator = self.check, self._translator
        self.setWindowTitle(self.tr("Override a failed check"))
        self.intro.setText(
            self.tr(
                "<b>{name}</b>: measured {value}, limit {threshold}; {reason}.<br>"
                "Say why the photo is acceptable anyway. The justification is recorded "
                "with your name."
            ).format(
                name=check_name(translator, check.code),
                value=value_text(check),
                threshold=check.threshold,
                reason=reason_text(translator, check) or self.tr("failed"),
            )
        )
        self.justification.setAccessibleName(self.tr("Justification"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Override"))

    @property
    def text(self) -> str:
        return self.justification.toPlainText().strip()

    def _on_justification_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text))
