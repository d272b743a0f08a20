"""What the photo page runs on a worker: the officer's manual adjustment of the source photo,
the portrait checks, and the small previews the page shows (a 12 MP photo is decoded here,
never on the GUI thread).

The manual adjustment transforms the *source* photo before the portrait pipeline, so the checks
and the automatic crop always describe exactly what would be stored: a small rotation about the
centre, and a zoom that keeps a part of the photo (moved by the officer) without resampling it,
so the eye distance the checks measure is still the photo's own.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

import numpy as np
from PIL import Image
from PySide6.QtGui import QImage

from devices.camera import CapturedImage
from workstation.domain.errors import DomainError
from workstation.domain.officers import Officer
from workstation.domain.portrait import CheckCode, accept

MAX_ROTATION = 20.0
MAX_ZOOM = 3.0
PREVIEW_SIDE = 640


class PhotoChecker(Protocol):
    """What the photo page needs of the photo service."""

    def check(self, image: bytes, captured_at: dt.datetime | None = None) -> Any: ...

    def capture_for_person(
        self,
        officer: Officer,
        person_id: int,
        image: bytes,
        overrides: dict[CheckCode, str] | None = None,
        *,
        captured_at: dt.datetime | None = None,
        document_id: int | None = None,
    ) -> int: ...


@dataclass(frozen=True, slots=True)
class Adjustment:
    """``rotation`` in degrees (counter-clockwise), ``zoom`` >= 1 keeps 1/zoom of each side,
    ``shift_x``/``shift_y`` move the kept part's centre by a share of the photo's size."""

    rotation: float = 0.0
    zoom: float = 1.0
    shift_x: float = 0.0
    shift_y: float = 0.0

    @property
    def is_identity(self) -> bool:
        return self == Adjustment()

    def rotated(self, step: float) -> Adjustment:
        angle = max(-MAX_ROTATION, min(MAX_ROTATION, round(self.rotation + step, 2)))
        return replace(self, rotation=angle)

    def zoomed(self, factor: float) -> Adjustment:
        zoom = max(1.0, min(MAX_ZOOM, round(self.zoom * factor, 3)))
        return (
            replace(self, zoom=zoom)
            if zoom > 1.0
            else replace(self, zoom=1.0, shift_x=0.0, shift_y=0.0)
        )

    def moved(self, dx: float, dy: float) -> Adjustment:
        # The kept part stays inside the photo: its centre moves at most (1 - 1/zoom) / 2.
        room = (1 - 1 / self.zoom) / 2
        x = max(-room, min(room, round(self.shift_x + dx, 4)))
        y = max(-room, min(room, round(self.shift_y + dy, 4)))
        return replace(self, shift_x=x, shift_y=y)


def adjust(data: bytes, adjustment: Adjustment) -> bytes:
    """The source photo turned and cut as ``adjustment`` says, as a JPEG (quality 95)."""
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    if adjustment.rotation:
        pixels = np.asarray(image)
        border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
        fill = tuple(int(v) for v in np.median(border, axis=0))
        image = image.rotate(
            adjustment.rotation, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill
        )
    if adjustment.zoom > 1.0:
        width, height = image.size
        kept_w, kept_h = width / adjustment.zoom, height / adjustment.zoom
        left = width / 2 + adjustment.shift_x * width - kept_w / 2
        top = height / 2 + adjustment.shift_y * height - kept_h / 2
        left = max(0.0, min(width - kept_w, left))
        top = max(0.0, min(height - kept_h, top))
        image = image.crop((round(left), round(top), round(left + kept_w), round(top + kept_h)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def preview(data: bytes, side: int = PREVIEW_SIDE) -> QImage:
    """A small copy for the screen; JPEGs are decoded at a reduced size (libjpeg's DCT scaling)."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (side, side))
        image = opened.convert("RGB")
    image.thumbnail((side, side))
    raw = image.tobytes()
    return QImage(
        raw, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
    ).copy()


@dataclass(frozen=True)
class CheckedPhoto:
    """One photo as checked: what was taken, what was checked (adjusted), the service's report
    and the previews; ``on_gui_thread`` says where the check ran (always False)."""

    captured: CapturedImage
    adjustment: Adjustment
    image: bytes
    report: Any  # PortraitReport
    original_preview: QImage
    portrait_preview: QImage | None
    on_gui_thread: bool


def check_job(
    photos: PhotoChecker, captured: CapturedImage, adjustment: Adjustment
) -> Callable[[], CheckedPhoto]:
    """The work for one check, to hand to the task runner."""

    def run() -> CheckedPhoto:
        image = captured.data if adjustment.is_identity else adjust(captured.data, adjustment)
        report = photos.check(image, captured.captured_at)
        portrait = report.portrait
        return CheckedPhoto(
            captured,
            adjustment,
            image,
            report,
            preview(image),
            preview(portrait.print_jpeg) if portrait is not None else None,
            threading.current_thread() is threading.main_thread(),
        )

    return run


def read_and_check_job(
    photos: PhotoChecker, read: Callable[[], CapturedImage]
) -> Callable[[], tuple[CapturedImage, CheckedPhoto]]:
    """The work for a new photo: ``read`` it (a file, a camera still) and check it as taken."""

    def run() -> tuple[CapturedImage, CheckedPhoto]:
        captured = read()
        return captured, check_job(photos, captured, Adjustment())()

    return run


def acceptable(result: CheckedPhoto, overrides: Mapping[CheckCode, str]) -> bool:
    """Whether the domain accepts the photo with ``overrides`` and it has a portrait."""
    try:
        accept(result.report.checks, overrides)
    except DomainError:
        return False
    return result.report.portrait is not None
