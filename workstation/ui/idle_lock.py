"""Screen lock: after a quiet spell, or on Ctrl+L, the session's windows are covered until the
same officer types their password again.

:class:`IdleLock` watches every keyboard and mouse event of the application (an event filter on
``QApplication``) and restarts a timer on each; when the timer runs out it covers each open window
of the application (the main window and the dialogs open over it, modal ones included) with an
opaque panel and opens :class:`~workstation.ui.lock_dialog.LockDialog` (its own module,
re-exported here), application-modal, above them. Nothing is closed and nothing is reset: a
search being typed, a form half filled and a modal dialog waiting for an answer are all there
again after unlocking. The password is checked by the account service on
the task runner (argon2 is slow on purpose; the GUI thread never waits), which also audits each
failed attempt. "Sign out" emits :attr:`IdleLock.sign_out_requested`; the composition root
decides what ending the session means (``workstation.app`` goes back to the sign-in dialog).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QVBoxLayout, QWidget

from workstation.domain.officers import Officer
from workstation.ui.lock_dialog import Authenticator, LockDialog
from workstation.ui.tasks import TaskRunner

__all__ = ["LOCK_ACTION_NAME", "Authenticator", "IdleLock", "LockDialog"]

#: The object name of :attr:`IdleLock.lock_action`, to find it with ``findChild``.
LOCK_ACTION_NAME = "lockScreenAction"

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)
# Windows that hold content to cover (menus, tooltips and other popups are closed instead).
_COVERED_TYPES = frozenset(
    {Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet, Qt.WindowType.Tool}
)


class _Cover(QWidget):
    """An opaque panel over the whole of one window, kept on top and at the window's size."""

    def __init__(self, window: QWidget, text: str) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif kind == QEvent.Type.ChildAdded:
            # A widget added to the window later must not show above the cover.
            QTimer.singleShot(0, self._raise_if_alive)
        return False

    def _raise_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self.raise_()


class IdleLock(QObject):
    """Locks the session after ``minutes`` without keyboard or mouse input, or on :meth:`lock_now`.

    Created by the composition root around the main window, a child of it::

        lock = IdleLock(window, officer, services.accounts, runner, minutes)

    ``interval_ms`` replaces ``minutes`` (tests use a few milliseconds). :attr:`lock_action`
    (Ctrl+L) locks at once; it is added to the window's actions so the shortcut works, and a menu
    takes it with ``menu.addAction(lock.lock_action)`` (or :meth:`add_to_menu`).
    """

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal(object)  # Officer

    def __init__(
        self,
        window: QWidget,
        officer: Officer,
        accounts: Authenticator,
        task_runner: TaskRunner,
        minutes: int = 5,
        *,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._officer = officer
        self._is_locked = False
        self._stopped = False
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms if interval_ms is not None else minutes * 60_000)
        self._timer.timeout.connect(self.lock_now)

        self.dialog = LockDialog(officer, accounts, task_runner)
        self.dialog.unlocked.connect(self._on_dialog_unlocked)
        self.dialog.sign_out_requested.connect(self._on_dialog_sign_out_requested)

        self.lock_action = QAction(self)
        self.lock_action.setObjectName(LOCK_ACTION_NAME)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        window.addAction(self.lock_action)
        self._retranslate()

        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    @property
    def is_locked(self) -> bool:
        return self._is_locked

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def remaining_ms(self) -> int:
        """Milliseconds of quiet left before the lock (-1 while locked or stopped)."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def add_to_menu(self, menu: QMenu, before: QAction | None = None) -> None:
        """Put the lock action in ``menu`` (before ``before`` when given)."""
        if before is None:
            menu.addAction(self.lock_action)
        else:
            menu.insertAction(before, self.lock_action)

    def lock_now(self) -> None:
        """Cover the windows and ask for the password; does nothing more if already locked."""
        if self._stopped:
            return
        if self._is_locked:
            if not self.dialog.isVisible():  # closed by the program: ask again
                self.dialog.begin()
            self._raise_dialog()
            return
        self._timer.stop()
        self._is_locked = True
        self._focus = QApplication.focusWidget()
        popup = QApplication.activePopupWidget()
        while popup is not None:  # open menus, completers: closing them loses nothing
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        for widget in QApplication.topLevelWidgets():
            self._cover(widget)
        self._place_dialog()
        self.dialog.begin()
        self.locked.emit()

    def stop(self) -> None:
        """Stop watching (the session ends): no more locking; covers and dialog go away."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._uncover()
        self._is_locked = False
        self.dialog.end()
        self.dialog.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if not self._is_locked and not self._stopped:
                self._timer.start()
        elif kind == QEvent.Type.LanguageChange and watched is self._window:
            self._retranslate()
        elif (
            kind == QEvent.Type.Show
            and self._is_locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and self._cover(watched)
        ):
            # A window opened while locked (an error message...): covered, and the lock stays
            # in front of it.
            QTimer.singleShot(0, self._raise_dialog)
        return False

    def _cover(self, widget: QWidget) -> bool:
        if (
            self._belongs_to_dialog(widget)
            or not widget.isVisible()
            or widget.windowType() not in _COVERED_TYPES
            or any(cover.parentWidget() is widget for cover in self._covers)
        ):
            return False
        text = self.tr("Locked – {name}").format(name=self._officer.full_name)
        self._covers.append(_Cover(widget, text))
        return True

    def _belongs_to_dialog(self, widget: QWidget) -> bool:
        """The lock dialog, or a window it opened (the sign-out question): never covered.
        (``isAncestorOf`` does not do: it stops at window boundaries.)"""
        current: QWidget | None = widget
        while current is not None:
            if current is self.dialog:
                return True
            current = current.parentWidget()
        return False

    def _uncover(self) -> None:
        for cover in self._covers:
            if shiboken6.isValid(cover):
                parent = cover.parentWidget()
                if parent is not None:
                    parent.removeEventFilter(cover)
                cover.hide()
                cover.deleteLater()
        self._covers.clear()

    def _place_dialog(self) -> None:
        self.dialog.adjustSize()
        frame = self.dialog.frameGeometry()
        frame.moveCenter(self._window.frameGeometry().center())
        self.dialog.move(frame.topLeft())

    def _raise_dialog(self) -> None:
        if not self._is_locked or not shiboken6.isValid(self.dialog):
            return
        if QApplication.activeModalWidget() is not self.dialog and self.dialog.isVisible():
            # A modal window shown after the lock would take the input: show the lock again,
            # which puts it back on top of the modal stack (what was typed stays).
            self.dialog.hide()
            self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _on_dialog_unlocked(self) -> None:
        self.dialog.end()
        self._uncover()
        self._is_locked = False
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._timer.start()
        self.unlocked.emit()

    def _on_dialog_sign_out_requested(self) -> None:
        officer = self._officer
        self.stop()
        self.sign_out_requested.emit(officer)

    def _retranslate(self) -> None:
        self.lock_action.setText(self.tr("&Lock screen"))
        self.lock_action.setToolTip(self.tr("Cover the windows until your password is typed"))
