"""The portrait rules (ICAO Doc 9303 Part 3, ISO/IEC 39794-5): crop geometry, the checks and
who may override what. Pure arithmetic on measurements; the image work is in the services.

Geometry is expressed in the roll-corrected frame of the source photo: the eyes are level, the
face box comes from the detector. The head (crown to chin) is estimated from the eye line and
the face box, because a detector finds faces, not the top of the skull: the eyes sit at about
half the head's height, and the chin and the crown are each about 0.8 face-box heights from the
eye line (anthropometric proportions checked on the NASA astronaut portrait).

Which checks can be overridden: every one except ``face_count``. With no face there is nothing
to crop; with two or more the portrait could show someone else, and no justification makes the
document's holder certain. Everything else (a slightly dark photo, an old photo the officer
compared with the applicant) is the officer's call, recorded with a justification.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum

from workstation.domain.errors import DomainError, FieldError, ValidationError

PRINT_ASPECT = 7 / 9  # 35 x 45 mm
CHIN_BELOW_EYES = 0.80  # x face-box height
CROWN_ABOVE_EYES = 0.80  # x face-box height (top of the skull, hair not counted)


class CheckCode(StrEnum):
    FACE_COUNT = "face_count"
    HEAD_SIZE = "head_size"
    HEAD_POSITION = "head_position"
    EYE_DISTANCE = "eye_distance"
    ROLL = "roll"
    SHARPNESS = "sharpness"
    EXPOSURE = "exposure"
    SATURATION = "saturation"
    BACKGROUND_UNIFORMITY = "background_uniformity"
    BACKGROUND_LIGHTNESS = "background_lightness"
    PHOTO_AGE = "photo_age"


NOT_OVERRIDABLE = frozenset({CheckCode.FACE_COUNT})


@dataclass(frozen=True, slots=True)
class PortraitThresholds:
    """What a compliant portrait is, and the sizes it is written at (site.toml ``[photo]``).

    Background lightness is the median 8-bit luminance (0-255) beside and above the head;
    exposure is the 95th percentile of the face's luminance (its highlights: eye whites, skin
    highlights), which depends much less on skin tone than a mean would (only the astronaut
    was available to calibrate it: check it on the post's own photos). Sharpness is the
    standard deviation of the Laplacian divided by that of the luminance, on the face scaled to
    128 px wide, so it depends neither on the face's size in the photo nor on its contrast.
    """

    head_height_min: float = 0.70  # crown to chin / photo height
    head_height_max: float = 0.80
    head_height_target: float = 0.74  # what the automatic crop aims at
    crown_margin: float = 0.10  # photo height above the crown in the crop
    max_centre_offset: float = 0.05  # face centre from the vertical midline / photo width
    max_padding: float = 0.10  # share of the photo filled with background colour
    min_eye_distance_px: float = 90.0  # in the source photo (its resolution)
    max_roll_deg: float = 15.0  # source roll that is still corrected
    min_sharpness: float = 0.20
    exposure_min: float = 100.0  # face highlights, not the mean: see above
    exposure_max: float = 248.0
    max_saturated: float = 0.001  # share of the head's pixels clipped
    max_background_std: float = 14.0
    min_background_lightness: float = 120.0
    max_photo_age_days: int = 183
    print_width: int = 413  # 35 x 45 mm at 300 ppi
    print_height: int = 531
    print_quality: int = 92
    chip_width: int = 240
    chip_height: int = 320
    chip_max_bytes: int = 15000

    @classmethod
    def setting_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def threshold_errors(t: PortraitThresholds) -> list[FieldError]:
    """Coded problems with a set of thresholds (the configuration names the key)."""
    errors: list[FieldError] = []

    def need(ok: bool, name: str, code: str) -> None:
        if not ok:
            errors.append(FieldError(name, code, {"value": getattr(t, name)}))

    need(0.3 <= t.head_height_min < t.head_height_max <= 0.95, "head_height_min", "photo.range")
    need(
        t.head_height_min <= t.head_height_target <= t.head_height_max,
        "head_height_target",
        "photo.range",
    )
    need(0.0 <= t.crown_margin <= 1 - t.head_height_target, "crown_margin", "photo.range")
    for name in ("max_centre_offset", "max_padding", "max_saturated"):
        need(0.0 <= getattr(t, name) <= 0.5, name, "photo.range")
    need(t.min_eye_distance_px >= 0, "min_eye_distance_px", "photo.range")
    need(0 <= t.max_roll_deg <= 45, "max_roll_deg", "photo.range")
    need(t.min_sharpness >= 0, "min_sharpness", "photo.range")
    need(0 <= t.exposure_min < t.exposure_max <= 255, "exposure_min", "photo.range")
    need(t.max_background_std >= 0, "max_background_std", "photo.range")
    need(0 <= t.min_background_lightness <= 255, "min_background_lightness", "photo.range")
    need(t.max_photo_age_days >= 1, "max_photo_age_days", "photo.range")
    need(
        abs(t.print_width / max(t.print_height, 1) - PRINT_ASPECT) < 0.01 and t.print_width >= 100,
        "print_width",
        "photo.print_not_7_9",
    )
    need(
        0.6 <= t.chip_width / max(t.chip_height, 1) <= PRINT_ASPECT + 0.001 and t.chip_width >= 60,
        "chip_width",
        "photo.range",
    )
    need(30 <= t.print_quality <= 100, "print_quality", "photo.range")
    need(t.chip_max_bytes >= 2000, "chip_max_bytes", "photo.range")
    return errors


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class FaceBox:
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> Point:
        return Point(self.x + self.width / 2, self.y + self.height / 2)


def roll_degrees(eye_a: Point, eye_b: Point) -> float:
    """The head's roll from the two eye centres (positive: clockwise in the image)."""
    left, right = sorted((eye_a, eye_b), key=lambda p: p.x)
    return math.degrees(math.atan2(right.y - left.y, right.x - left.x))


@dataclass(frozen=True, slots=True)
class HeadEstimate:
    """Where the head is in the roll-corrected frame."""

    centre_x: float  # midpoint between the eyes
    eye_y: float
    crown_y: float
    chin_y: float
    face_width: float

    @property
    def height(self) -> float:
        return self.chin_y - self.crown_y


def estimate_head(eye_mid: Point, face: FaceBox) -> HeadEstimate:
    return HeadEstimate(
        centre_x=eye_mid.x,
        eye_y=eye_mid.y,
        crown_y=eye_mid.y - CROWN_ABOVE_EYES * face.height,
        chin_y=eye_mid.y + CHIN_BELOW_EYES * face.height,
        face_width=face.width,
    )


@dataclass(frozen=True, slots=True)
class Crop:
    """An upright rectangle in the roll-corrected frame (source pixels) and the pixel size it
    becomes: the scale is the same both ways, so nothing is stretched."""

    left: float
    top: float
    width: float
    height: float
    out_width: int
    out_height: int

    @property
    def scale(self) -> float:
        return self.out_height / self.height


def crop_for(head: HeadEstimate, out_width: int, out_height: int, t: PortraitThresholds) -> Crop:
    """The crop whose crown-to-chin is ``head_height_target`` of its height, the crown
    ``crown_margin`` below its top, and the face centred left to right."""
    height = head.height / t.head_height_target
    width = height * out_width / out_height
    top = head.crown_y - t.crown_margin * height
    return Crop(head.centre_x - width / 2, top, width, height, out_width, out_height)


@dataclass(frozen=True, slots=True)
class Measurements:
    """What the image work measured. ``None``: not measurable (no face, no date)."""

    face_count: int
    eye_distance_px: float | None = None  # in the source photo
    eyes_found: bool = False
    roll_deg: float | None = None  # in the source, before correction
    head_height_ratio: float | None = None  # in the output
    centre_offset: float | None = None  # in the output, share of its width
    head_inside: bool = True  # crown to chin and the face's width lie inside the source
    padding: float = 0.0  # share of the output filled with background colour
    sharpness: float | None = None
    exposure: float | None = None
    saturated: float | None = None
    background_std: float | None = None
    background_lightness: float | None = None
    photo_age_days: int | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check: what was measured, against what, and a reason code when it failed."""

    code: CheckCode
    value: float | int | None
    threshold: str
    passed: bool
    reason: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code.value,
            "value": self.value,
            "threshold": self.threshold,
            "passed": self.passed,
            "reason": self.reason,
        }


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(float(value), digits)


def _range(
    code: CheckCode, value: float | None, low: float | None, high: float | None, digits: int = 3
) -> CheckResult:
    text = (
        f"{low:g}..{high:g}"
        if low is not None and high is not None
        else (f">= {low:g}" if low is not None else f"<= {high:g}")
    )
    if value is None:
        return CheckResult(code, None, text, False, "photo.reason.not_measured")
    if low is not None and value < low:
        return CheckResult(code, _r(value, digits), text, False, "photo.reason.too_low")
    if high is not None and value > high:
        return CheckResult(code, _r(value, digits), text, False, "photo.reason.too_high")
    return CheckResult(code, _r(value, digits), text, True)


def _head_position(m: Measurements, t: PortraitThresholds) -> CheckResult:
    text = f"offset <= {t.max_centre_offset:g}, padding <= {t.max_padding:g}"
    value = _r(m.centre_offset)
    if not m.head_inside:
        return CheckResult(CheckCode.HEAD_POSITION, value, text, False, "photo.reason.head_cut")
    if m.centre_offset is None:
        return CheckResult(CheckCode.HEAD_POSITION, None, text, False, "photo.reason.not_measured")
    if abs(m.centre_offset) > t.max_centre_offset:
        return CheckResult(CheckCode.HEAD_POSITION, value, text, False, "photo.reason.off_centre")
    if m.padding > t.max_padding:
        return CheckResult(
            CheckCode.HEAD_POSITION, _r(m.padding), text, False, "photo.reason.too_much_padding"
        )
    return CheckResult(CheckCode.HEAD_POSITION, value, text, True)


def evaluate(m: Measurements, t: PortraitThresholds) -> tuple[CheckResult, ...]:
    """Every check, in :class:`CheckCode` order. With several faces the others describe the
    largest one; with none they are not measured (and fail)."""
    face = CheckResult(
        CheckCode.FACE_COUNT,
        m.face_count,
        "1",
        m.face_count == 1,
        None
        if m.face_count == 1
        else ("photo.reason.no_face" if m.face_count == 0 else "photo.reason.several_faces"),
    )
    results = [face]
    eyes_reason = None if m.eyes_found else "photo.reason.eyes_not_found"
    eye = _range(CheckCode.EYE_DISTANCE, m.eye_distance_px, t.min_eye_distance_px, None, 1)
    roll = _range(
        CheckCode.ROLL,
        None if m.roll_deg is None else abs(m.roll_deg),
        None,
        t.max_roll_deg,
        1,
    )
    if eyes_reason and m.face_count > 0:
        eye = CheckResult(eye.code, eye.value, eye.threshold, False, eyes_reason)
        roll = CheckResult(roll.code, roll.value, roll.threshold, False, eyes_reason)
    age = (
        CheckResult(
            CheckCode.PHOTO_AGE,
            None,
            f"<= {t.max_photo_age_days:g}",
            True,
            "photo.reason.no_date",
        )
        if m.photo_age_days is None
        else _range(CheckCode.PHOTO_AGE, m.photo_age_days, None, t.max_photo_age_days, 0)
    )
    results += [
        _range(CheckCode.HEAD_SIZE, m.head_height_ratio, t.head_height_min, t.head_height_max),
        _head_position(m, t),
        eye,
        roll,
        _range(CheckCode.SHARPNESS, m.sharpness, t.min_sharpness, None),
        _range(CheckCode.EXPOSURE, m.exposure, t.exposure_min, t.exposure_max, 1),
        _range(CheckCode.SATURATION, m.saturated, None, t.max_saturated, 5),
        _range(CheckCode.BACKGROUND_UNIFORMITY, m.background_std, None, t.max_background_std, 1),
        _range(
            CheckCode.BACKGROUND_LIGHTNESS,
            m.background_lightness,
            t.min_background_lightness,
            None,
            1,
        ),
        age,
    ]
    order = list(CheckCode)
    return tuple(sorted(results, key=lambda r: order.index(r.code)))


def photo_age_days(captured: dt.datetime | dt.date | None, today: dt.date) -> int | None:
    if captured is None:
        return None
    day = captured.date() if isinstance(captured, dt.datetime) else captured
    return (today - day).days


@dataclass(frozen=True, slots=True)
class Override:
    """A failed check an officer accepted, and why (recorded in the audit log)."""

    check: CheckResult
    justification: str


def failed_codes(checks: tuple[CheckResult, ...]) -> list[str]:
    return [c.code.value for c in checks if not c.passed]


def accept(
    checks: tuple[CheckResult, ...], overrides: Mapping[CheckCode, str]
) -> tuple[Override, ...]:
    """The overrides that make ``checks`` acceptable, or a coded error.

    Each override must name a check that failed, carry a non-empty justification, and not be
    one of :data:`NOT_OVERRIDABLE`; every failed check must be overridden.
    """
    by_code = {c.code: c for c in checks}
    problems: list[FieldError] = []
    accepted: list[Override] = []
    for code, text in overrides.items():
        check = by_code.get(code)
        field = f"override.{code.value}"
        if code in NOT_OVERRIDABLE:
            problems.append(FieldError(field, "photo.override_not_allowed", {"check": code.value}))
        elif check is None or check.passed:
            problems.append(FieldError(field, "photo.override_not_failed", {"check": code.value}))
        elif not text.strip():
            problems.append(
                FieldError(field, "photo.override_justification_required", {"check": code.value})
            )
        else:
            accepted.append(Override(check, text.strip()))
    if problems:
        raise ValidationError(problems)
    missing = [c.code.value for c in checks if not c.passed and c.code not in overrides]
    if missing:
        raise DomainError("photo.not_compliant", "photo", checks=", ".join(missing))
    return tuple(accepted)


@dataclass(frozen=True, slots=True)
class PortraitRecord:
    """A stored portrait without its images: when, by whom, for which document, as checked."""

    id: int
    person_id: int
    document_id: int | None
    officer_id: int
    created_at: dt.datetime
    captured_at: dt.datetime | None  # the camera's local time when known
    compliant: bool  # as checked, before any override
    checks: tuple[CheckResult, ...]
    overrides: tuple[Override, ...]
    original_media_type: str
    original_sha256: str


@dataclass(frozen=True, slots=True)
class PortraitImages:
    """The original photo next to what the pipeline made of it, for a supervisor to compare."""

    original: bytes
    original_media_type: str
    print_jpeg: bytes
    chip_jpeg: bytes


def check_from_dict(data: Mapping[str, object]) -> CheckResult:
    value = data.get("value")
    return CheckResult(
        CheckCode(str(data["code"])),
        value if isinstance(value, int | float) else None,
        str(data.get("threshold", "")),
        bool(data.get("passed")),
        str(data["reason"]) if data.get("reason") else None,
    )
