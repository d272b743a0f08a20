"""From whatever photo the officer has to a compliant portrait: detect, level, crop, measure.

OpenCV's Haar cascades (frontal face, eyes) ship inside ``opencv-python-headless`` 4.x, so
nothing is downloaded. Detection runs on a copy decoded at reduced size (``IMREAD_REDUCED_*``,
which libjpeg does in the DCT: a 12 MP photo decodes in a fraction of the full time, and the
cascade finds fewer false faces at that scale). The crop is then taken from a decode just large
enough for the output, rotated about the eye midpoint so the eyes are level, and never
stretched: where the crop leaves the photo the missing part is filled with the background
colour, and a head the photo cuts off is refused (``head_position``).

Measurements other than the eye distance are taken on the output, because that is what is
printed and stored; the eye distance is taken on the source, because the output's size is fixed
and only the source says whether there were enough pixels (ICAO: at least 90 between the eyes).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from typing import cast

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image, UnidentifiedImageError

from workstation.domain.errors import DomainError
from workstation.domain.portrait import (
    CHIN_BELOW_EYES,
    CROWN_ABOVE_EYES,
    CheckResult,
    Crop,
    FaceBox,
    HeadEstimate,
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

Pixels = npt.NDArray[np.uint8]
ACCEPTED_FORMATS = ("JPEG", "PNG")
EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 36867
WORKING_LONG_SIDE = 1800  # decode at the largest reduction that keeps this many pixels
DETECTION_LONG_SIDE = 400  # faces are looked for on a copy this size
REFINE_FACE_WIDTH = 120.0  # the face is found again at this size, in fine steps
EYE_FACE_WIDTH = 150.0  # eyes are looked for in the face scaled to this width
_EYE_MIN, _EYE_MAX = round(EYE_FACE_WIDTH * 0.09), round(EYE_FACE_WIDTH * 0.45)
SHARPNESS_FACE_WIDTH = 128
PRINT_WIDTH_MM = 35.0
_REDUCED = {1: cv2.IMREAD_COLOR, 2: cv2.IMREAD_REDUCED_COLOR_2, 4: cv2.IMREAD_REDUCED_COLOR_4}
_REDUCED[8] = cv2.IMREAD_REDUCED_COLOR_8


@dataclass(frozen=True, slots=True)
class ProcessedPortrait:
    """The portrait as printed and as written to the chip (JPEG, only the capture date kept)."""

    print_jpeg: bytes
    chip_jpeg: bytes
    print_size: tuple[int, int]
    chip_size: tuple[int, int]
    chip_quality: int
    crop: Crop
    roll_deg: float
    pivot: Point  # the eye midpoint in the source, which the roll correction turns about

    def source_to_print(self, x: float, y: float) -> tuple[float, float]:
        """Where a point of the source photo lands in the printed portrait."""
        c, s = math.cos(math.radians(self.roll_deg)), math.sin(math.radians(self.roll_deg))
        dx, dy = x - self.pivot.x, y - self.pivot.y
        qx, qy = self.pivot.x + c * dx + s * dy, self.pivot.y - s * dx + c * dy
        return (qx - self.crop.left) * self.crop.scale, (qy - self.crop.top) * self.crop.scale


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
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
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


def _gray(image: Pixels) -> Pixels:
    return cast(Pixels, cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))


def _reduction(long_side: float, minimum: float) -> int:
    best = 1
    for r in (2, 4, 8):
        if long_side / r >= minimum:
            best = r
    return best


class _Detector:
    def __init__(self) -> None:
        folder = cv2.data.haarcascades  # type: ignore[attr-defined]
        self.face = cv2.CascadeClassifier(folder + "haarcascade_frontalface_alt2.xml")
        self.eye = cv2.CascadeClassifier(folder + "haarcascade_eye.xml")
        self.glasses = cv2.CascadeClassifier(folder + "haarcascade_eye_tree_eyeglasses.xml")
        if self.face.empty() or self.eye.empty() or self.glasses.empty():
            raise RuntimeError("OpenCV's Haar cascades are missing (opencv-python-headless < 5)")

    def faces(
        self, gray: Pixels, min_side: int | None = None, max_side: int | None = None
    ) -> list[FaceBox]:
        """Faces at least half the size of the largest: smaller hits are background texture
        or a face on a poster, not a second person at the counter."""
        side = min_side or max(24, min(gray.shape[:2]) // 10)
        top = max_side or max(gray.shape[:2])
        found = self.face.detectMultiScale(gray, 1.1, 5, minSize=(side, side), maxSize=(top, top))
        boxes = [FaceBox(float(x), float(y), float(w), float(h)) for x, y, w, h in found]
        if not boxes:
            return []
        largest = max(b.width for b in boxes)
        return sorted(
            (b for b in boxes if b.width >= largest / 2), key=lambda b: b.width, reverse=True
        )

    def refine(self, image: Pixels, face: FaceBox) -> FaceBox | None:
        """The face found again at a finer scale step around a coarse detection: the head's
        size (crown to chin) is estimated from this box, so its precision is the crop's."""
        pad = face.width * 0.6
        x0, y0 = max(0, int(face.x - pad)), max(0, int(face.y - pad))
        x1 = min(image.shape[1], int(face.x + face.width + pad))
        y1 = min(image.shape[0], int(face.y + face.height + pad))
        zoom = REFINE_FACE_WIDTH / face.width
        part = image[y0:y1, x0:x1]
        roi = cv2.resize(
            _gray(part) if part.ndim == 3 else part,
            None,
            fx=zoom,
            fy=zoom,
            interpolation=cv2.INTER_AREA if zoom < 1 else cv2.INTER_LINEAR,
        )
        low, high = round(REFINE_FACE_WIDTH * 0.8), round(REFINE_FACE_WIDTH * 1.25)
        found = self.face.detectMultiScale(roi, 1.03, 3, minSize=(low, low), maxSize=(high, high))
        if len(found) == 0:
            return None
        x, y, w, h = max(found, key=lambda b: int(b[2]))
        return FaceBox(x0 + x / zoom, y0 + y / zoom, w / zoom, h / zoom)

    def eyes(self, image: Pixels, face: FaceBox) -> tuple[Point, Point] | None:
        """The two eye centres (image coordinates), or None. ``image``: BGR or grey."""
        x0, y0 = max(0, int(face.x)), max(0, int(face.y))
        x1 = min(image.shape[1], int(face.x + face.width))
        y1 = min(image.shape[0], int(face.y + face.height * 0.62))
        if x1 - x0 < 8 or y1 - y0 < 8:
            return None
        part = image[y0:y1, x0:x1]
        zoom = EYE_FACE_WIDTH / (x1 - x0)
        roi = cv2.resize(
            _gray(part) if part.ndim == 3 else part,
            None,
            fx=zoom,
            fy=zoom,
            interpolation=cv2.INTER_AREA if zoom < 1 else cv2.INTER_LINEAR,
        )
        roi = cv2.equalizeHist(roi)
        for cascade in (self.eye, self.glasses):
            hits = cascade.detectMultiScale(
                roi, 1.1, 4, minSize=(_EYE_MIN, _EYE_MIN), maxSize=(_EYE_MAX, _EYE_MAX)
            )
            pair = _eye_pair([(float(a), float(b), float(c), float(d)) for a, b, c, d in hits])
            if pair is not None:
                left, right = pair
                return (
                    Point(x0 + left.x / zoom, y0 + left.y / zoom),
                    Point(x0 + right.x / zoom, y0 + right.y / zoom),
                )
        return None


def _eye_pair(hits: list[tuple[float, float, float, float]]) -> tuple[Point, Point] | None:
    """The most plausible pair in a face EYE_FACE_WIDTH px wide: one eye each side of the
    middle, level within 30 degrees, 27-65% of the width apart, of similar size; the largest."""
    w = EYE_FACE_WIDTH
    best: tuple[float, tuple[Point, Point]] | None = None
    for i, a in enumerate(hits):
        for b in hits[i + 1 :]:
            left, right = sorted((a, b), key=lambda h: h[0])
            pl = Point(left[0] + left[2] / 2, left[1] + left[3] / 2)
            pr = Point(right[0] + right[2] / 2, right[1] + right[3] / 2)
            dx, dy = pr.x - pl.x, pr.y - pl.y
            if not (pl.x < w / 2 < pr.x and 0.27 * w <= dx <= 0.65 * w and abs(dy) <= dx * 0.58):
                continue
            if max(left[2], right[2]) > 1.6 * min(left[2], right[2]):
                continue
            score = left[2] + right[2]
            if best is None or score > best[0]:
                best = (score, (pl, pr))
    return None if best is None else best[1]


class PortraitProcessor:
    """Turns a photo into a report: the checks and, when a face was found, the portrait."""

    def __init__(self, thresholds: PortraitThresholds | None = None) -> None:
        self.thresholds = thresholds or PortraitThresholds()
        self._detector = _Detector()

    def process(
        self, content: bytes, today: dt.date, captured_at: dt.datetime | None = None
    ) -> PortraitReport:
        t = self.thresholds
        header = read_header(content)
        captured = captured_at or header.captured_at
        age = photo_age_days(captured, today)
        # One decode, large enough for the crop of a face of ordinary size; detection runs on
        # a copy shrunk to DETECTION_LONG_SIDE (area-averaged, so nothing aliases).
        r0 = _reduction(max(header.size), WORKING_LONG_SIDE)
        working = _decode(content, r0)
        k = min(1.0, DETECTION_LONG_SIDE / max(working.shape[:2]))
        small = _gray(working)
        if k < 1:
            small = cast(Pixels, cv2.resize(small, None, fx=k, fy=k, interpolation=cv2.INTER_AREA))
        faces = self._detector.faces(small)
        if not faces:
            m = Measurements(face_count=0, photo_age_days=age)
            return PortraitReport(evaluate(m, t), m, captured, None, header.media_type, header.size)
        f = r0 / k  # detection pixels -> source pixels
        face = faces[0]
        scaled = FaceBox(face.x * f, face.y * f, face.width * f, face.height * f)
        # The crop's height from the face alone (before the eyes are known) says how large a
        # decode the portrait needs; decode again only when the working copy is too small.
        crop_h = (CROWN_ABOVE_EYES + CHIN_BELOW_EYES) * scaled.height / t.head_height_target
        r_crop = min(r0, _reduction(crop_h, t.print_height))
        image = working if r_crop == r0 else _decode(content, r_crop)
        coarse = FaceBox(*(v / r_crop for v in (scaled.x, scaled.y, scaled.width, scaled.height)))
        in_image = self._detector.refine(image, coarse) or coarse
        scaled = FaceBox(
            *(v * r_crop for v in (in_image.x, in_image.y, in_image.width, in_image.height))
        )
        eyes = self._detector.eyes(image, in_image)
        if eyes is None:
            c = scaled.centre
            pivot, roll, eye_distance = Point(c.x, scaled.y + 0.37 * scaled.height), 0.0, None
        else:
            a, b = (Point(e.x * r_crop, e.y * r_crop) for e in eyes)
            pivot = Point((a.x + b.x) / 2, (a.y + b.y) / 2)
            roll = roll_degrees(a, b)
            eye_distance = math.hypot(a.x - b.x, a.y - b.y)
        head = estimate_head(pivot, scaled)
        crop = crop_for(head, t.print_width, t.print_height, t)
        source_h, source_w = working.shape[0] * r0, working.shape[1] * r0
        inside = _head_inside(head, pivot, roll, source_w, source_h)
        rendered, padded = _render(image, r_crop, crop, pivot, roll)
        out_head = _output_head(head, crop)
        _fill_padding(rendered, padded, out_head)
        m = _measure(rendered, padded, out_head, self._detector, t)
        m = Measurements(
            face_count=len(faces),
            eye_distance_px=eye_distance,
            eyes_found=eyes is not None,
            roll_deg=roll,
            head_height_ratio=m.head_height_ratio,
            centre_offset=m.centre_offset,
            head_inside=inside,
            padding=float(padded.mean()),
            sharpness=m.sharpness,
            exposure=m.exposure,
            saturated=m.saturated,
            background_std=m.background_std,
            background_lightness=m.background_lightness,
            photo_age_days=age,
        )
        portrait = _encode(rendered, crop, roll, pivot, captured, t)
        return PortraitReport(evaluate(m, t), m, captured, portrait, header.media_type, header.size)


def _rotate(p: Point, pivot: Point, degrees: float) -> Point:
    """From the roll-corrected frame back to the source (rotation by ``degrees`` about pivot)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    dx, dy = p.x - pivot.x, p.y - pivot.y
    return Point(pivot.x + c * dx - s * dy, pivot.y + s * dx + c * dy)


def _head_inside(head: HeadEstimate, pivot: Point, roll: float, width: int, height: int) -> bool:
    """Crown, chin and the face's sides (in the source) lie inside the photo."""
    half = head.face_width * 0.55
    points = [
        Point(head.centre_x, head.crown_y),
        Point(head.centre_x, head.chin_y),
        Point(head.centre_x - half, head.eye_y),
        Point(head.centre_x + half, head.eye_y),
    ]
    for p in (_rotate(q, pivot, roll) for q in points):
        if not (0 <= p.x < width and 0 <= p.y < height):
            return False
    return True


def _render(
    image: Pixels, reduction: int, crop: Crop, pivot: Point, roll: float
) -> tuple[Pixels, npt.NDArray[np.bool_]]:
    """The crop at output size, and which output pixels lie outside the photo (filled with the
    background colour measured next to the head)."""
    # Output pixel (u, v) -> roll-corrected source point -> source pixel in ``image``.
    s = 1.0 / crop.scale
    corners = [
        _rotate(Point(crop.left + u * crop.width, crop.top + v * crop.height), pivot, roll)
        for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))
    ]
    h, w = image.shape[:2]
    xs = [p.x / reduction for p in corners]
    ys = [p.y / reduction for p in corners]
    x0, y0 = max(0, int(min(xs)) - 2), max(0, int(min(ys)) - 2)
    x1, y1 = min(w, int(max(xs)) + 3), min(h, int(max(ys)) + 3)
    out_w, out_h = crop.out_width, crop.out_height
    if x1 <= x0 or y1 <= y0:
        blank = np.zeros((out_h, out_w, 3), np.uint8)
        return blank, np.ones((out_h, out_w), bool)
    sub = image[y0:y1, x0:x1]
    # Source pixels (of ``image``) per output pixel: shrink with INTER_AREA first, so the
    # rotation then interpolates at about 1:1 and nothing aliases.
    step = s / reduction
    g = min(1.0, 1.0 / step)
    if g < 0.9:
        sub = cast(Pixels, cv2.resize(sub, None, fx=g, fy=g, interpolation=cv2.INTER_AREA))
    c, sn = math.cos(math.radians(roll)), math.sin(math.radians(roll))
    # Point in corrected frame q = (left + u*s, top + v*s); source p = pivot + R(q - pivot).
    ax, ay = crop.left - pivot.x, crop.top - pivot.y
    m00, m01 = c * s, -sn * s
    m10, m11 = sn * s, c * s
    tx = pivot.x + c * ax - sn * ay
    ty = pivot.y + sn * ax + c * ay
    k = g / reduction
    matrix = np.array(
        [
            [m00 * k, m01 * k, tx * k - x0 * g],
            [m10 * k, m11 * k, ty * k - y0 * g],
        ],
        dtype=np.float64,
    )
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    # Replicated edges, so the pixels along the photo's edge do not blend with black.
    out = cv2.warpAffine(sub, matrix, (out_w, out_h), flags=flags, borderMode=cv2.BORDER_REPLICATE)
    # A mask warped the same way: ``sub`` holds every point of the crop that lies in the
    # photo (its box plus a margin), so what falls outside it is outside the photo: padding.
    inside = np.full(sub.shape[:2], 255, np.uint8)
    mask = cv2.warpAffine(
        inside, matrix, (out_w, out_h), flags=flags, borderMode=cv2.BORDER_CONSTANT, borderValue=0
    )
    return cast(Pixels, out), mask < 128


def _background_mask(
    shape: tuple[int, ...], head: HeadEstimate, padded: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """The band above the head and the two top corners beside it, where the photo (not
    padding) shows the background."""
    h, w = shape[:2]
    fw, cx = head.face_width, head.centre_x
    bands = np.zeros((h, w), bool)
    bands[: max(1, int(head.crown_y * 0.45)), :] = True
    low, side = max(1, int(head.crown_y + 0.1 * fw)), 0.75 * fw
    bands[:low, : max(0, int(cx - side))] = True
    bands[:low, min(w, int(cx + side)) :] = True
    return bands & ~padded


def _fill_padding(out: Pixels, padded: npt.NDArray[np.bool_], head: HeadEstimate) -> None:
    """Fill what lies outside the photo with the median colour of the visible background."""
    if not padded.any():
        return
    bands = _background_mask(out.shape, head, padded)
    pixels = out[bands] if bands.sum() >= 50 else out[~padded]
    colour = np.median(pixels, axis=0) if pixels.size else np.array([200.0, 200.0, 200.0])
    out[padded] = colour.astype(np.uint8)


def _output_head(head: HeadEstimate, crop: Crop) -> HeadEstimate:
    k = crop.scale
    return HeadEstimate(
        centre_x=(head.centre_x - crop.left) * k,
        eye_y=(head.eye_y - crop.top) * k,
        crown_y=(head.crown_y - crop.top) * k,
        chin_y=(head.chin_y - crop.top) * k,
        face_width=head.face_width * k,
    )


def _box(image: Pixels, x0: float, y0: float, x1: float, y1: float) -> Pixels:
    h, w = image.shape[:2]
    return image[max(0, int(y0)) : min(h, int(y1)), max(0, int(x0)) : min(w, int(x1))]


def _redetect(gray: Pixels, expected: HeadEstimate, detector: _Detector) -> HeadEstimate:
    """The head found again on the output by a second detection (at another scale, on the
    resampled pixels); the crop's own estimate when the detector does not find it there."""
    size = expected.face_width
    guess = FaceBox(expected.centre_x - size / 2, expected.eye_y - 0.37 * size, size, size)
    face = detector.refine(gray, guess)
    if face is None or abs(face.centre.x - expected.centre_x) > size / 2:
        return expected
    eyes = detector.eyes(gray, face)
    if eyes is None:
        return expected
    a, b = eyes
    return estimate_head(Point((a.x + b.x) / 2, (a.y + b.y) / 2), face)


def _measure(
    out: Pixels,
    padded: npt.NDArray[np.bool_],
    head: HeadEstimate,
    detector: _Detector,
    t: PortraitThresholds,
) -> Measurements:
    h, w = out.shape[:2]
    gray = _gray(out)
    found = _redetect(gray, head, detector)
    fw, cx = head.face_width, head.centre_x
    face = _box(
        gray, cx - 0.38 * fw, head.eye_y - 0.2 * fw, cx + 0.38 * fw, head.chin_y - 0.15 * fw
    )
    sharpness = exposure = None
    if face.size and face.shape[1] >= 8:
        zoom = SHARPNESS_FACE_WIDTH / face.shape[1]
        small = cv2.resize(face, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_AREA)
        contrast = float(small.std())
        lap = cv2.Laplacian(small.astype(np.float32), cv2.CV_32F)
        sharpness = float(lap.std()) / contrast if contrast > 1e-6 else 0.0
        exposure = float(face.mean())
    # Saturation: clipped pixels in the head (an ellipse from crown to chin).
    ellipse = np.zeros((h, w), np.uint8)
    centre = (round(cx), round((head.crown_y + head.chin_y) / 2))
    axes = (max(1, round(0.6 * fw)), max(1, round(head.height / 2)))
    cv2.ellipse(ellipse, centre, axes, 0, 0, 360, 255, -1)
    ellipse = ellipse.astype(bool)
    # Blown highlights: every channel at the top. Crushed blacks are not counted: black hair
    # is that dark in a well exposed photo (a dark photo fails the exposure check instead).
    clipped = out.min(axis=2) >= 250
    saturated = float(clipped[ellipse].mean()) if ellipse.any() else None
    bands = _background_mask(out.shape, head, padded)
    background_std = background_lightness = None
    if bands.sum() >= 50:
        smooth = cv2.GaussianBlur(gray, (5, 5), 0)
        values = smooth[bands]
        # A robust spread (half the 16-84 percentile range, the standard deviation of a
        # normal distribution): a strand of hair in the band does not fail the background.
        p16, p84 = np.percentile(values, (16, 84))
        background_std = float(p84 - p16) / 2
        background_lightness = float(np.median(values))
    return Measurements(
        face_count=1,
        head_height_ratio=found.height / h,
        centre_offset=(found.centre_x - w / 2) / w,
        sharpness=sharpness,
        exposure=exposure,
        saturated=saturated,
        background_std=background_std,
        background_lightness=background_lightness,
    )


def _exif(captured: dt.datetime | None) -> Image.Exif:
    """An EXIF block holding only the capture date (or nothing)."""
    exif = Image.Exif()
    if captured is not None:
        exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = captured.strftime("%Y:%m:%d %H:%M:%S")
    return exif


def _jpeg(image: Image.Image, quality: int, exif: Image.Exif, dpi: int | None = None) -> bytes:
    """JPEG with no metadata but the capture date (Pillow writes only what it is given)."""
    out = io.BytesIO()
    options: dict[str, object] = {"quality": quality, "optimize": True}
    if len(exif.get_ifd(EXIF_IFD)):
        options["exif"] = exif.tobytes()
    if dpi:
        options["dpi"] = (dpi, dpi)
    image.save(out, "JPEG", **options)
    return out.getvalue()


def chip_jpeg(
    image: Image.Image, max_bytes: int, exif: Image.Exif
) -> tuple[bytes, int, Image.Image]:
    """The chip portrait under ``max_bytes``: lower the quality step by step, then the size
    (keeping the aspect ratio) when even the lowest quality is too large."""
    current = image
    while True:
        for quality in range(85, 29, -5):
            data = _jpeg(current, quality, exif)
            if len(data) <= max_bytes:
                return data, quality, current
        width, height = current.size
        if width < 40:
            raise DomainError("photo.chip_too_large", "photo", max_bytes=max_bytes)
        current = current.resize(
            (round(width * 0.9), round(height * 0.9)), Image.Resampling.LANCZOS
        )


def _encode(
    rendered: Pixels,
    crop: Crop,
    roll: float,
    pivot: Point,
    captured: dt.datetime | None,
    t: PortraitThresholds,
) -> ProcessedPortrait:
    rgb = Image.fromarray(cv2.cvtColor(rendered, cv2.COLOR_BGR2RGB))
    exif = _exif(captured)
    print_jpeg = _jpeg(rgb, t.print_quality, exif, round(t.print_width * 25.4 / PRINT_WIDTH_MM))
    # The chip's box has its own aspect (3:4 by default) and the same head geometry: the same
    # height, a width cut around the face's centre, so nothing is stretched.
    height = t.chip_height
    width_at = round(rgb.width * height / rgb.height)
    scaled = rgb.resize((width_at, height), Image.Resampling.LANCZOS)
    left = max(0, (width_at - t.chip_width) // 2)
    chip = scaled.crop((left, 0, left + min(t.chip_width, width_at), height))
    data, quality, final = chip_jpeg(chip, t.chip_max_bytes, exif)
    return ProcessedPortrait(
        print_jpeg=print_jpeg,
        chip_jpeg=data,
        print_size=rgb.size,
        chip_size=final.size,
        chip_quality=quality,
        crop=crop,
        roll_deg=roll,
        pivot=pivot,
    )
