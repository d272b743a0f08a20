"""The photo page: a live camera preview when there is a camera, file import, the automatic
crop with every check, manual adjustment, overrides with a justification, and storing the photo.

Everything slow runs on the task runner: reading a file, adjusting the photo, the checks (a
12 MP photo takes ~200 ms) and the previews; storing too. The camera is a Qt source created by
the window on the GUI thread (``QtCameraSource``, or ``PlaybackSource`` in tests and demos):
its frames feed the preview, ``request_capture`` answers with ``captured`` or ``failed``.

Shortcuts: Space takes a photo, Ctrl+O imports a file, [ and ] rotate by one degree, + and -
zoom, Alt+arrows move the kept part, Ctrl+0 undoes the adjustment, Ctrl+J overrides the selected
failed check, Ctrl+Return uses the photo.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QWidget

from devices.camera import CapturedImage, FileSource, image_from_bytes
from devices.errors import DeviceError
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer
from workstation.domain.portrait import CheckCode, accept
from workstation.ui.photo_checks import OverrideDialog, override_refusal
from workstation.ui.photo_page_widgets import PhotoPageWidgets
from workstation.ui.photo_work import (
    Adjustment,
    CheckedPhoto,
    PhotoChecker,
    acceptable,
    check_job,
    read_and_check_job,
)
from workstation.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from devices.camera.qt_base import QtStillSource

RECHECK_DELAY_MS = 300


class PhotoPage(PhotoPageWidgets):
    """Place it with the photo service, the signed-in officer, the task runner and the camera
    (``None``: file import only); :meth:`set_person` says whose photo it is. Signals:
    ``portrait_stored(portrait_id)`` once stored, ``checked(CheckedPhoto)`` after each check.

    The widgets and their layout are :class:`PhotoPageWidgets`'; this class connects them to
    the work: taking or importing a photo, checking it, overrides and storing."""

    portrait_stored = Signal(int)
    checked = Signal(object)

    def __init__(
        self,
        photos: PhotoChecker,
        officer: Officer,
        task_runner: TaskRunner,
        *,
        camera: QtStillSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(camera, task_runner.reporter.translator, parent)
        self._photos = photos
        self._officer = officer
        self._runner = task_runner
        self._camera = camera
        self._person_id: int | None = None
        self._last_folder: Path | None = None  # of the last photo imported
        self._document_id: int | None = None
        self._captured: CapturedImage | None = None
        self.adjustment = Adjustment()
        self.result: CheckedPhoto | None = None
        self.overrides: dict[CheckCode, str] = {}
        self._check_task: TaskHandle | None = None
        self._store_task: TaskHandle | None = None
        self.override_dialog: OverrideDialog | None = None
        self._connect()
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self._start_check)
        self.camera_view.captured.connect(self.load_image)
        self.camera_view.failed.connect(self._show_device_error)
        self.camera_view.availability_changed.connect(lambda _available: self._update_actions())
        self._shortcuts()
        self.retranslate()
        self._update_actions()

    # -- construction --------------------------------------------------------------------------

    def _connect(self) -> None:
        self.take_button.clicked.connect(self.take_photo)
        self.import_button.clicked.connect(self.open_import_dialog)
        self.adjust_bar.requested.connect(self.adjust)
        self.checks_table.doubleClicked.connect(lambda _index: self.request_override())
        self.checks_table.itemSelectionChanged.connect(self._update_actions)
        self.override_button.clicked.connect(lambda: self.request_override())
        self.use_button.clicked.connect(self.use_photo)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys = {
            "Space": self.take_photo,
            "Ctrl+O": self.open_import_dialog,
            "Ctrl+J": lambda: self.request_override(),
            "Ctrl+Return": self.use_photo,
        }
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self, slot, context=context)
        self.adjust_bar.install_shortcuts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for caption, text in zip(
            self._captions,
            (self.tr("Camera"), self.tr("Photo"), self.tr("Portrait (as printed)")),
            strict=True,
        ):
            caption.setText(text)
        self.take_button.setText(self.tr("&Take photo (Space)"))
        self.import_button.setText(self.tr("&Import file… (Ctrl+O)"))
        self.adjust_bar.retranslate()
        self.override_button.setText(self.tr("&Override… (Ctrl+J)"))
        self.use_button.setText(self.tr("&Use this photo (Ctrl+Enter)"))
        self.checks_table.retranslate()
        self._show_adjustment()
        self.camera_view.retranslate()
        if self.result is None:
            self.original_view.setText(self.tr("Take or import a photo."))
            self.portrait_view.setText(self.tr("The automatic crop appears here."))

    # -- the person ----------------------------------------------------------------------------

    def set_person(self, person_id: int | None, document_id: int | None = None) -> None:
        """Whose photo it is (and the document it is for, if any)."""
        self._person_id = person_id
        self._document_id = document_id
        self._update_actions()

    # -- camera --------------------------------------------------------------------------------

    @property
    def has_camera(self) -> bool:
        return self.camera_view.available

    def start_camera(self) -> None:
        self.camera_view.start()

    def stop_camera(self) -> None:
        self.camera_view.stop()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.start_camera()

    def hideEvent(self, event: Any) -> None:
        self.stop_camera()
        super().hideEvent(event)

    def take_photo(self) -> None:
        if not self.busy and self.camera_view.take():
            self.show_status(self.tr("Taking the photo…"))

    # -- sources of a photo --------------------------------------------------------------------

    def open_import_dialog(self) -> None:
        if self.busy:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a photo"),
            str(self._import_folder()),
            self.tr("Photos (*.jpg *.jpeg *.png)"),
        )
        if path:
            self._last_folder = Path(path).parent
            self.import_file(Path(path))

    def _import_folder(self) -> Path:
        """Where the file dialog opens: the folder of the last photo imported in this
        session, else the user's pictures folder (where a scanner or a phone puts them)."""
        if self._last_folder is not None and self._last_folder.is_dir():
            return self._last_folder
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()

    def import_file(self, path: Path) -> None:
        """Read ``path`` (JPEG or PNG) and check it, both on a worker."""
        source = FileSource(path)
        self._check(source.capture, self.tr("Reading {name}…").format(name=path.name))

    def load_image(self, captured: CapturedImage) -> None:
        """Check a photo already in memory (a camera still)."""
        self._check(lambda: captured, self.tr("Checking the photo…"))

    def offer_portrait(self, data: bytes) -> None:
        """A portrait from elsewhere (a passport chip's DG2) as the photo to check."""
        self._check(
            lambda: image_from_bytes(data, source="chip:DG2"),
            self.tr("Checking the chip portrait…"),
        )

    # -- checks --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._store_task is not None

    def adjust(self, adjustment: Adjustment) -> None:
        """Change the manual adjustment; the checks run again after a short pause."""
        if self._captured is None or adjustment == self.adjustment or self.busy:
            return
        self.adjustment = adjustment
        self._show_adjustment()
        self._recheck.start()

    def _check(self, read: Any, message: str) -> None:
        if self.busy:
            return
        self._recheck.stop()
        if self._check_task is not None:
            self._check_task.cancel()
        self.show_status(message)
        self._check_task = self._runner.run(
            read_and_check_job(self._photos, read),
            on_success=self._on_new_photo_checked,
            on_failure=self._on_check_failed,
            owner=self,
            description="check photo",
        )
        self._update_actions()

    def _start_check(self) -> None:
        if self._captured is None:
            return
        if self._check_task is not None:
            self._check_task.cancel()
        self.show_status(self.tr("Checking the adjusted photo…"))
        self._check_task = self._runner.run(
            check_job(self._photos, self._captured, self.adjustment),
            on_success=self._on_checked,
            on_failure=self._on_check_failed,
            owner=self,
            description="check adjusted photo",
        )
        self._update_actions()

    def _on_new_photo_checked(self, outcome: tuple[CapturedImage, CheckedPhoto]) -> None:
        self._captured = outcome[0]
        self.adjustment = Adjustment()
        self.overrides = {}
        self._on_checked(outcome[1])

    def _on_checked(self, result: CheckedPhoto) -> None:
        self._check_task = None
        if result.adjustment != self.adjustment:  # the officer adjusted again meanwhile
            self._update_actions()
            return
        self.result = result
        report = result.report
        failed = {c.code for c in report.checks if not c.passed}
        self.overrides = {code: why for code, why in self.overrides.items() if code in failed}
        self.original_view.show_image(result.original_preview)
        if result.portrait_preview is not None:
            self.portrait_view.show_image(result.portrait_preview)
        else:
            self.portrait_view.show_text(self.tr("No portrait: no face was found."))
        self.checks_table.show_checks(report.checks, self.overrides)
        self._show_adjustment()
        self._show_verdict()
        self._update_actions()
        self.checked.emit(result)

    def _on_check_failed(self, error: BaseException) -> None:
        self._check_task = None
        if isinstance(error, DeviceError):
            self._show_device_error(error)
        elif isinstance(error, DomainError):
            self.show_status(self._runner.reporter.translator.describe(error), error=True)
        else:
            self.show_status(self._runner.reporter.report(error, self), error=True)
        self._update_actions()

    # -- overrides and storing -----------------------------------------------------------------

    def request_override(self, code: CheckCode | None = None) -> OverrideDialog | None:
        """Open the justification dialog for a failed check (the selected one by default)."""
        code = code or self.checks_table.selected_code()
        if self.result is None or code is None:
            return None
        check = next(c for c in self.result.report.checks if c.code == code)
        if check.passed:
            self.show_status(self.tr("This check passed: there is nothing to override."))
            return None
        translator = self._runner.reporter.translator
        refusal = override_refusal(translator, self.result.report.checks, code)
        if refusal is not None:
            self.show_status(refusal, error=True)
            return None
        dialog = OverrideDialog(translator, check, self.overrides.get(code, ""), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_override_accepted(dialog))
        self.override_dialog = dialog
        dialog.open()
        return dialog

    def _on_override_accepted(self, dialog: OverrideDialog) -> None:
        if self.result is None or not dialog.text:
            return
        self.overrides[dialog.check.code] = dialog.text
        self.checks_table.show_checks(self.result.report.checks, self.overrides)
        self._show_verdict()
        self._update_actions()

    def use_photo(self) -> None:
        """Store the photo as checked, with its overrides, for the person (on a worker)."""
        result = self.result
        if result is None or self.busy or self._check_task is not None:
            return
        if self._person_id is None:
            self.show_status(self.tr("Open or save the person first."), error=True)
            return
        try:
            accept(result.report.checks, self.overrides)
        except DomainError as error:
            self.show_status(self._runner.reporter.translator.describe(error), error=True)
            return
        store = partial(  # what is stored is decided now, not when the worker runs
            self._photos.capture_for_person,
            self._officer,
            self._person_id,
            result.image,
            dict(self.overrides),
            captured_at=result.captured.captured_at,
            document_id=self._document_id,
        )
        self.show_status(self.tr("Storing the photo…"))
        self._store_task = self._runner.run(
            store,
            on_success=self._on_stored,
            on_failure=self._on_store_failed,
            owner=self,
            description="store photo",
        )
        self._update_actions()

    def _on_stored(self, portrait_id: int) -> None:
        self._store_task = None
        self.show_status(self.tr("Photo stored."))
        self._update_actions()
        self.portrait_stored.emit(portrait_id)

    def _on_store_failed(self, error: BaseException) -> None:
        self._store_task = None
        self._on_check_failed(error)

    def cancel(self) -> None:
        """Forget pending work (the page is closing)."""
        self._recheck.stop()
        for task in (self._check_task, self._store_task):
            if task is not None:
                task.cancel()
        self._check_task = self._store_task = None
        self.stop_camera()

    # -- display -------------------------------------------------------------------------------

    def _show_device_error(self, error: DeviceError) -> None:
        self.show_status(self._runner.reporter.translator.text(error.code, None, {}), error=True)

    def _show_verdict(self) -> None:
        if self.result is None:
            return
        failed = [c for c in self.result.report.checks if not c.passed]
        open_ = [c for c in failed if c.code not in self.overrides]
        if not failed:
            self.show_status(self.tr("Every check passed."))
        elif not open_:
            self.show_status(self.tr("Every failed check is overridden with a justification."))
        else:
            self.show_status(
                self.tr(
                    "{count} check(s) failed: take another photo, adjust it, or override each "
                    "with a justification."
                ).format(count=len(open_)),
                error=True,
            )

    def _show_adjustment(self) -> None:
        self.adjust_bar.show_adjustment(self.adjustment)

    def _update_actions(self) -> None:
        idle = not self.busy
        has_photo = self._captured is not None and idle
        self.take_button.setEnabled(self.has_camera and idle)
        self.import_button.setEnabled(idle)
        for button in self.adjust_bar.buttons:
            button.setEnabled(has_photo)
        selected = self.checks_table.selected_code()
        failed_selected = (
            self.result is not None
            and selected is not None
            and any(c.code == selected and not c.passed for c in self.result.report.checks)
        )
        self.override_button.setEnabled(bool(failed_selected) and idle)
        self.use_button.setEnabled(
            self.result is not None
            and acceptable(self.result, self.overrides)
            and self._person_id is not None
            and self._check_task is None
            and idle
        )
