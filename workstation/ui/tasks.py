"""Slow work off the GUI thread, results back on it: the one task helper of the UI.

Modelled on Anki's ``CollectionOp``/``QueryOp``: a view hands a callable to :class:`TaskRunner`,
which runs it on a private ``QThreadPool`` and delivers the return value (or the exception) to
callbacks on the GUI thread through a queued signal. Database queries, sign-in (argon2 is slow on
purpose) and device probes all go through here, so the window never freezes.

Errors nobody handles end in :class:`ErrorReporter`, the single place that logs a failure and
tells the officer about it in words they can act on.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from devices.errors import DeviceError
from workstation.domain.errors import DomainError
from workstation.i18n.messages import MESSAGES, Translator

_log = logging.getLogger(__name__)

#: The interpreter's thread switch interval while a task runner exists (see TaskRunner).
GUI_SWITCH_INTERVAL_S = 0.001

T = TypeVar("T")


class ErrorReporter(QObject):
    """Logs a failed task and shows the officer a readable message.

    A :class:`DomainError` is an expected refusal (record not found, permission denied): its
    translated text is shown and it is logged without a traceback. Anything else is a bug or an
    outage: the traceback goes to the log and the officer gets a generic message, never Python's
    own text. ``show_dialogs=False`` keeps the message box away (tests, batch use); the
    :attr:`error_reported` signal fires either way.
    """

    error_reported = Signal(str)

    def __init__(
        self,
        translator: Translator,
        *,
        show_dialogs: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._translator = translator
        self._show_dialogs = show_dialogs
        self._open_dialogs: list[QMessageBox] = []

    @property
    def translator(self) -> Translator:
        return self._translator

    def use_translator(self, translator: Translator) -> None:
        """Describe errors in another language from now on (the post's, once its site
        configuration is read: the reporter exists before, from the window's first moment)."""
        self._translator = translator

    def describe(self, error: BaseException) -> str:
        """The text the officer sees for ``error``."""
        if isinstance(error, DomainError):
            return self._translator.describe(error)
        if isinstance(error, DeviceError):
            # A device's stable code (printer.queue_stopped, card.absent ...) has its own text;
            # its detail is for the log only (untranslated, sometimes cryptic).
            if error.code in MESSAGES:
                return self._translator.text(error.code, None, {})
            return self.tr(
                "A device did not do what was asked ({code}). Check that it is connected and "
                "switched on, then try again."
            ).format(code=error.code)
        return self.tr(
            "The action could not be completed because of an unexpected problem. "
            "Try again; if it happens again, tell your IT support (the details are in the log)."
        )

    def report(
        self, error: BaseException, parent: QWidget | None = None, *, inline: bool = False
    ) -> str:
        """Log ``error``, show its message (without blocking) and return the message.

        ``inline=True``: the caller shows the message itself (in the dialog that asked), so no
        message box opens; it is still logged and :attr:`error_reported` still fires."""
        message = self.describe(error)
        if isinstance(error, DomainError):
            _log.warning("refused: %s (field %s) %s", error.code, error.field, error.params)
        elif isinstance(error, DeviceError):
            _log.warning("device refused: %s (%s)", error.code, error.detail)
        else:
            _log.error(
                "task failed: %s", message, exc_info=(type(error), error, error.__traceback__)
            )
        if self._show_dialogs and not inline:
            self._show(message, isinstance(error, DomainError | DeviceError), parent)
        self.error_reported.emit(message)
        return message

    def _show(self, message: str, expected: bool, parent: QWidget | None) -> None:
        # open(), not exec(): a nested event loop here would let further task results arrive
        # while the box waits, re-entering the code that reported the error.
        owner = parent or QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical,
            self.tr("Consular workstation"),
            message,
            QMessageBox.StandardButton.Ok,
            owner,
        )
        from PySide6.QtCore import Qt  # see TaskRunner.__init__

        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_dialogs.append(box)
        box.finished.connect(lambda _result: self._forget(box))
        box.open()

    def _forget(self, box: QMessageBox) -> None:
        if box in self._open_dialogs:
            self._open_dialogs.remove(box)


def install_exception_hook(reporter: ErrorReporter) -> Callable[[], None]:
    """Route exceptions nobody caught on the GUI thread (raised in a slot or an event handler:
    PySide6 hands them to ``sys.excepthook`` and carries on) to ``reporter``, and Qt's own
    warnings to the log. Returns a function that puts the previous hooks back.

    The composition root installs it once; tests install and remove it around a check.
    """
    previous = sys.excepthook

    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, traceback)
            return
        if error.__traceback__ is None and traceback is not None:
            error = error.with_traceback(traceback)
        try:
            reporter.report(error)
        except Exception:  # the reporter itself failed: never recurse into the hook
            previous(kind, error, traceback)

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")

    def qt_messages(kind: QtMsgType, _context: object, text: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", text)

    sys.excepthook = hook
    previous_handler = qInstallMessageHandler(qt_messages)

    def uninstall() -> None:
        sys.excepthook = previous
        qInstallMessageHandler(previous_handler)

    return uninstall


class TaskHandle:
    """What :meth:`TaskRunner.run` returns: lets the caller drop a result it no longer wants."""

    __slots__ = ("_cancelled", "description", "id")

    def __init__(self, task_id: int, description: str) -> None:
        self.id = task_id
        self.description = description
        self._cancelled = False

    def cancel(self) -> None:
        """Do not deliver the outcome. A task already running finishes; its result is dropped."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled


@dataclass
class _Pending(Generic[T]):
    handle: TaskHandle
    on_success: Callable[[T], object] | None
    on_failure: Callable[[BaseException], object] | None
    owner: QObject | None


class _Relay(QObject):
    """Lives on the GUI thread; workers emit through it so delivery is queued to that thread."""

    finished = Signal(int, bool, object)  # task id, succeeded, result or exception


class _Job(QRunnable):
    def __init__(self, handle: TaskHandle, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._handle = handle
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # on a pool thread
        if self._handle.cancelled:
            self._relay.finished.emit(self._handle.id, False, None)
            return
        try:
            result = self._fn()
        except BaseException as error:  # every failure must reach the GUI thread
            self._relay.finished.emit(self._handle.id, False, error)
        else:
            self._relay.finished.emit(self._handle.id, True, result)


class TaskRunner(QObject):
    """Runs callables on a private thread pool; calls back on the GUI thread.

    Create one per application (the composition root owns it) and call :meth:`shutdown` before
    closing the services the tasks use: it waits for running tasks and ends the pool threads.
    :meth:`run` is called from the GUI thread only.
    """

    def __init__(
        self,
        reporter: ErrorReporter,
        *,
        max_threads: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Workers running Python (rendering a document, polling the spooler) hold the GIL for
        # up to the switch interval each time the GUI thread wants it back, and a slot wants it
        # back after every call into Qt: at the default 5 ms a busy worker makes the window lag
        # by tens of milliseconds. 1 ms keeps the GUI thread's waits short.
        if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        self._reporter = reporter
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        # Queued, as every connection whose signal is emitted on another thread than the
        # receiver's (the pool's threads here; the relay lives on the GUI thread). Not spelt
        # Qt.ConnectionType.QueuedConnection: the first use of PySide6's Qt namespace builds
        # its hundred enums (~20 ms), and the runner is made before the first window shows.
        self._relay.finished.connect(self._on_relay_finished)
        self._pending: dict[int, _Pending[Any]] = {}
        self._ids = itertools.count(1)
        self._closing = False

    @property
    def reporter(self) -> ErrorReporter:
        return self._reporter

    @property
    def pending_count(self) -> int:
        """Tasks started whose outcome has not been delivered yet."""
        return len(self._pending)

    def run(
        self,
        fn: Callable[[], T],
        *,
        on_success: Callable[[T], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        owner: QObject | None = None,
        description: str = "",
    ) -> TaskHandle:
        """Run ``fn()`` on a worker thread.

        ``on_success(result)`` or ``on_failure(error)`` is then called on the GUI thread; without
        ``on_failure`` the error goes to the :class:`ErrorReporter`. Nothing is delivered when
        ``owner`` (typically the widget that asked) has been deleted in the meantime, when the
        handle was cancelled, or after :meth:`shutdown`.
        """
        if self._closing:
            raise RuntimeError("TaskRunner is shut down")
        handle = TaskHandle(next(self._ids), description or getattr(fn, "__name__", "task"))
        self._pending[handle.id] = _Pending(handle, on_success, on_failure, owner)
        self._pool.start(_Job(handle, fn, self._relay))
        return handle

    def shutdown(self, timeout_ms: int = 15_000) -> bool:
        """Drop queued tasks, wait for running ones, end the pool threads; True when all ended."""
        self._closing = True
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            _log.error(
                "tasks still running at shutdown: %s",
                [p.handle.description for p in self._pending.values()],
            )
        self._pending.clear()
        return done

    @Slot(int, bool, object)
    def _on_relay_finished(self, task_id: int, succeeded: bool, payload: object) -> None:
        pending = self._pending.pop(task_id, None)
        if pending is None or self._closing or pending.handle.cancelled:
            return
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return
        try:
            if succeeded:
                if pending.on_success is not None:
                    pending.on_success(payload)
            else:
                assert isinstance(payload, BaseException)
                if pending.on_failure is not None:
                    pending.on_failure(payload)
                else:
                    self._reporter.report(payload, self._parent_widget(pending.owner))
        except Exception as error:
            # A bug in a callback must not take the window down with it.
            self._reporter.report(error, self._parent_widget(pending.owner))

    @staticmethod
    def _parent_widget(owner: QObject | None) -> QWidget | None:
        return owner.window() if isinstance(owner, QWidget) else None
