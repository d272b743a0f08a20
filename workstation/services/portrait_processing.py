"""From whatever photo the officer has to a compliant portrait: detect, level, crop, measure.

The photo is decoded once, at the largest JPEG reduction (``IMREAD_REDUCED_*``, done by libjpeg
in the DCT: a 12 MP photo in a fraction of the full time) that still leaves enough pixels for
the crop; faces are looked for on a small copy of it. The crop is rotated about the eye
midpoint so the eyes are level and never stretched: where it leaves the photo the missing part
is filled with the background colour, and a head the photo cuts off is refused
(``head_position``).

Measurements other than the eye distance are taken on the output, because that is what is
printed and stored; the eye distance is taken on the source, because the output's size is fixed
and only the source says whether there were enough pixels (ICAO: at least 90 between the eyes).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
from dataclasses import dataclass
from typing import cast

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from workstation.domain.errors import DomainError
from workstation.domain.portrait import (
    CHIN_BELOW_EYES,
    CROWN_ABOVE_EYES,
    CheckResult,
    FaceBox,
    Measurements,
    Point,
    PortraitThresholds,
    crop_for,
    estimate_head,
    evaluate,
    failed_codes,
    photo_age_days,
    roll_degrees,
)
from workstation.services.portrait_detection import FaceDetector, Pixels, gray
from workstation.services.portrait_output import (
    DATE_TIME_ORIGINAL,
    EXIF_IFD,
    ProcessedPortrait,
    encode,
    fill_padding,
    head_inside,
    measure,
    output_head,
    render,
)

__all__ = [
    "DATE_TIME_ORIGINAL",
    "EXIF_IFD",
    "PortraitProcessor",
    "PortraitReport",
    "ProcessedPortrait",
    "read_header",
]

ACCEPTED_FORMATS = ("JPEG", "PNG")
WORKING_LONG_SIDE = 1800  # decode at the largest reduction that keeps this many pixels
DETECTION_LONG_SIDE = 400  # faces are looked for on a copy this size
TILTED_SEARCH_DEG = (25.0, -25.0)  # when no upright face is found
_REDUCED = {
    1: cv2.IMREAD_COLOR,
    2: cv2.IMREAD_REDUCED_COLOR_2,
    4: cv2.IMREAD_REDUCED_COLOR_4,
    8: cv2.IMREAD_REDUCED_COLOR_8,
}


@dataclass(frozen=True, slots=True)
class PortraitReport:
    checks: tuple[CheckResult, ...]
    measurements: Measurements
    captured_at: dt.datetime | None
    portrait: ProcessedPortrait | None  # None when no face was found
    media_type: str
    source_size: tuple[int, int]

    @property
    def compliant(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failed(self) -> list[str]:
        return failed_codes(self.checks)

    def as_dict(self) -> dict[str, object]:
        return {
            "compliant": self.compliant,
            "failed": self.failed,
            "checks": [c.as_dict() for c in self.checks],
            "captured_at": self.captured_at.isoformat() if self.captured_at else None,
            "source_size": list(self.source_size),
        }


@dataclass(frozen=True, slots=True)
class _Header:
    media_type: str
    size: tuple[int, int]
    captured_at: dt.datetime | None


def read_header(content: bytes) -> _Header:
    """Format, size and EXIF capture date, without decoding the pixels."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format = image.format or ""
            size = image.size
            raw = image.getexif().get_ifd(EXIF_IFD).get(DATE_TIME_ORIGINAL)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise DomainError("photo.unreadable", "photo") from None
    if image_format not in ACCEPTED_FORMATS:
        raise DomainError("photo.unsupported_format", "photo", format=image_format)
    captured = None
    if isinstance(raw, str):
        try:
            captured = dt.datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
        except ValueError:
            captured = None  # a camera with its clock unset writes "0000:00:00 00:00:00"
    return _Header(f"image/{image_format.lower()}", size, captured)


def _decode(content: bytes, reduction: int) -> Pixels:
    data = np.frombuffer(content, dtype=np.uint8)
    image = cv2.imdecode(data, _REDUCED[reduction])
    if image is None:
        raise DomainError("photo.unreadable", "photo")
    return cast(Pixels, image)


def _reduction(long_side: float, minimum: float) -> int:
    best = 1
    for r in (2, 4, 8):
        if long_side / r >= minimum:
            best = r
    return best


class PortraitProcessor:
    """Turns a photo into a report: the checks and, when a face was found, the portrait."""

    def __init__(self, thresholds: PortraitThresholds | None = None) -> None:
        self.thresholds = thresholds or PortraitThresholds()
        self._detector = FaceDetector()

    def process(
        self, content: bytes, today: dt.date, captured_at: dt.datetime | None = None
    ) -> PortraitReport:
        """The checks on ``content`` (JPEG or PNG) and the portrait; ``captured_at`` (from a
        camera) wins over the file's EXIF date. Unreadable input raises a coded error."""
        t = self.thresholds
        header = read_header(content)
        captured = captured_at or header.captured_at
        age = photo_age_days(captured, today)
        r0 = _reduction(max(header.size), WORKING_LONG_SIDE)
        working = _decode(content, r0)
        faces = self._faces(working, r0)
        if not faces:
            m = Measurements(face_count=0, photo_age_days=age)
            return PortraitReport(evaluate(m, t), m, captured, None, header.media_type, header.size)
        # The crop's height from the face alone (before the eyes are known) says how large a
        # decode the portrait needs; decode again only when the working copy is too small.
        crop_h = (CROWN_ABOVE_EYES + CHIN_BELOW_EYES) * faces[0].height / t.head_height_target
        r = min(r0, _reduction(crop_h, t.print_height))
        image = working if r == r0 else _decode(content, r)
        coarse = _scaled(faces[0], 1 / r)
        face = _scaled(self._detector.refine(image, coarse) or coarse, r)
        eyes = self._detector.eyes(image, _scaled(face, 1 / r))
        if eyes is None:
            pivot, roll, eye_distance = Point(face.centre.x, face.y + 0.37 * face.height), 0.0, None
        else:
            a, b = (Point(e.x * r, e.y * r) for e in eyes)
            pivot = Point((a.x + b.x) / 2, (a.y + b.y) / 2)
            roll, eye_distance = roll_degrees(a, b), math.hypot(a.x - b.x, a.y - b.y)
        head = estimate_head(pivot, face)
        crop = crop_for(head, t.print_width, t.print_height, t)
        rendered, padded = render(image, r, crop, pivot, roll)
        out_head = output_head(head, crop)
        fill_padding(rendered, padded, out_head)
        m = dataclasses.replace(
            measure(rendered, padded, out_head, self._detector),
            face_count=len(faces),
            eye_distance_px=eye_distance,
            eyes_found=eyes is not None,
            roll_deg=roll,
            head_inside=head_inside(
                head, pivot, roll, working.shape[1] * r0, working.shape[0] * r0
            ),
            padding=float(padded.mean()),
            photo_age_days=age,
        )
        portrait = encode(rendered, crop, roll, pivot, captured, t)
        return PortraitReport(evaluate(m, t), m, captured, portrait, header.media_type, header.size)

    def _faces(self, working: Pixels, reduction: int) -> list[FaceBox]:
        """Faces (source pixels), largest first, found on a copy DETECTION_LONG_SIDE long
        (area-averaged, so nothing aliases)."""
        k = min(1.0, DETECTION_LONG_SIDE / max(working.shape[:2]))
        small = gray(working)
        if k < 1:
            small = cast(Pixels, cv2.resize(small, None, fx=k, fy=k, interpolation=cv2.INTER_AREA))
        faces = self._detector.faces(small)
        if not faces:
            # The frontal cascade misses heads tilted beyond ~20 degrees: look again on turned
            # copies, so such a photo is refused for its roll (what the officer can fix), not
            # for "no face". The box is upright again, centred where the face was found.
            faces = self._tilted_faces(small)
        return [_scaled(f, reduction / k) for f in faces]

    def _tilted_faces(self, small: Pixels) -> list[FaceBox]:
        h, w = small.shape[:2]
        centre = (w / 2, h / 2)
        for angle in TILTED_SEARCH_DEG:
            turn = cv2.getRotationMatrix2D(centre, angle, 1.0)
            turned = cv2.warpAffine(small, turn, (w, h), borderMode=cv2.BORDER_REPLICATE)
            found = self._detector.faces(cast(Pixels, turned))
            if found:
                back = cv2.invertAffineTransform(turn)
                boxes = []
                for f in found:
                    cx, cy = back @ np.array([f.centre.x, f.centre.y, 1.0])
                    boxes.append(FaceBox(cx - f.width / 2, cy - f.height / 2, f.width, f.height))
                return boxes
        return []


def _scaled(box: FaceBox, factor: float) -> FaceBox:
    return FaceBox(box.x * factor, box.y * factor, box.width * factor, box.height * factor)
