"""The portrait itself: the crop rendered at output size (levelled, never stretched, padding
filled with the background colour), the checks measured on it, and the JPEGs written with no
metadata but the capture date.
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
from PIL import Image

from workstation.domain.errors import DomainError
from workstation.domain.portrait import (
    Crop,
    FaceBox,
    HeadEstimate,
    Measurements,
    Point,
    PortraitThresholds,
    estimate_head,
)
from workstation.services.portrait_detection import FaceDetector, Pixels, gray

EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 36867
SHARPNESS_FACE_WIDTH = 128
PRINT_WIDTH_MM = 35.0


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


def rotate(p: Point, pivot: Point, degrees: float) -> Point:
    """From the roll-corrected frame back to the source (rotation by ``degrees`` about pivot)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    dx, dy = p.x - pivot.x, p.y - pivot.y
    return Point(pivot.x + c * dx - s * dy, pivot.y + s * dx + c * dy)


def head_inside(head: HeadEstimate, pivot: Point, roll: float, width: int, height: int) -> bool:
    """Crown, chin and the face's sides (in the source) lie inside the photo."""
    half = head.face_width * 0.55
    points = [
        Point(head.centre_x, head.crown_y),
        Point(head.centre_x, head.chin_y),
        Point(head.centre_x - half, head.eye_y),
        Point(head.centre_x + half, head.eye_y),
    ]
    for p in (rotate(q, pivot, roll) for q in points):
        if not (0 <= p.x < width and 0 <= p.y < height):
            return False
    return True


def render(
    image: Pixels, reduction: int, crop: Crop, pivot: Point, roll: float
) -> tuple[Pixels, npt.NDArray[np.bool_]]:
    """The crop at output size, and which output pixels lie outside the photo (filled with the
    background colour measured next to the head)."""
    # Output pixel (u, v) -> roll-corrected source point -> source pixel in ``image``.
    s = 1.0 / crop.scale
    corners = [
        rotate(Point(crop.left + u * crop.width, crop.top + v * crop.height), pivot, roll)
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


def fill_padding(out: Pixels, padded: npt.NDArray[np.bool_], head: HeadEstimate) -> None:
    """Fill what lies outside the photo with the median colour of the visible background."""
    if not padded.any():
        return
    bands = _background_mask(out.shape, head, padded)
    pixels = out[bands] if bands.sum() >= 50 else out[~padded]
    colour = np.median(pixels, axis=0) if pixels.size else np.array([200.0, 200.0, 200.0])
    out[padded] = colour.astype(np.uint8)


def output_head(head: HeadEstimate, crop: Crop) -> HeadEstimate:
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


def _redetect(grey: Pixels, expected: HeadEstimate, detector: FaceDetector) -> HeadEstimate:
    """The head found again on the output by a second detection (at another scale, on the
    resampled pixels); the crop's own estimate when the detector does not find it there."""
    size = expected.face_width
    guess = FaceBox(expected.centre_x - size / 2, expected.eye_y - 0.37 * size, size, size)
    face = detector.refine(grey, guess)
    if face is None or abs(face.centre.x - expected.centre_x) > size / 2:
        return expected
    eyes = detector.eyes(grey, face)
    if eyes is None:
        return expected
    a, b = eyes
    return estimate_head(Point((a.x + b.x) / 2, (a.y + b.y) / 2), face)


def measure(
    out: Pixels,
    padded: npt.NDArray[np.bool_],
    head: HeadEstimate,
    detector: FaceDetector,
) -> Measurements:
    """Everything measured on the output; the caller adds what only the source says."""
    h, w = out.shape[:2]
    grey = gray(out)
    found = _redetect(grey, head, detector)
    fw, cx = head.face_width, head.centre_x
    face = _box(
        grey, cx - 0.38 * fw, head.eye_y - 0.2 * fw, cx + 0.38 * fw, head.chin_y - 0.15 * fw
    )
    sharpness = exposure = None
    if face.size and face.shape[1] >= 8:
        zoom = SHARPNESS_FACE_WIDTH / face.shape[1]
        small = cv2.resize(face, None, fx=zoom, fy=zoom, interpolation=cv2.INTER_AREA)
        contrast = float(small.std())
        lap = cv2.Laplacian(small.astype(np.float32), cv2.CV_32F)
        sharpness = float(lap.std()) / contrast if contrast > 1e-6 else 0.0
        exposure = float(np.percentile(face, 95))  # see PortraitThresholds
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
        smooth = cv2.GaussianBlur(grey, (5, 5), 0)
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


def encode(
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
