"""Real photographs for the portrait tests: the public-domain NASA astronaut portrait
(``skimage.data.astronaut()``, Eileen Collins, 512 x 512) and variants derived from it.

The native image has only ~45 px between the eyes, half of ICAO's 90: it is the "too small"
case. The "good" case is the same portrait upscaled 3x (INTER_CUBIC) to 1536 x 1536, about
what a webcam at the counter gives (~135 px between the eyes). Upscaling adds no detail, so the
good case is no sharper than the original; the sharpness threshold is met with some margin.

Landmarks measured by hand on the native image (pixels): top of the hair (14), bottom of the
chin (177), eye centres (206.7, 100) and (246.7, 103).
"""

from __future__ import annotations

import datetime as dt
import functools
import io

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image
from skimage import data

Rgb = npt.NDArray[np.uint8]
SCALE = 3
HAIR_TOP = (227.0, 14.0)
CHIN = (227.0, 177.0)
EYES = ((206.7, 100.0), (246.7, 103.0))
TODAY = dt.date(2026, 11, 25)


@functools.cache
def astronaut() -> Rgb:
    return np.asarray(data.astronaut(), dtype=np.uint8)


@functools.cache
def good() -> Rgb:
    """The astronaut at 1536 x 1536."""
    return np.asarray(
        cv2.resize(astronaut(), None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_CUBIC),
        dtype=np.uint8,
    )


def jpeg(rgb: Rgb, captured: dt.datetime | None = None, quality: int = 95) -> bytes:
    out = io.BytesIO()
    image = Image.fromarray(rgb)
    if captured is None:
        image.save(out, "JPEG", quality=quality)
    else:
        exif = Image.Exif()
        exif.get_ifd(0x8769)[36867] = captured.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x010F] = "Test camera maker"  # Make: must not survive processing
        image.save(out, "JPEG", quality=quality, exif=exif.tobytes())
    return out.getvalue()


def png(rgb: Rgb) -> bytes:
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, "PNG")
    return out.getvalue()


def rotated(rgb: Rgb, degrees: float) -> Rgb:
    """Turned counter-clockwise by ``degrees`` about the centre (edges mirrored)."""
    h, w = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return np.asarray(
        cv2.warpAffine(rgb, matrix, (w, h), borderMode=cv2.BORDER_REFLECT), dtype=np.uint8
    )


def scaled_brightness(rgb: Rgb, factor: float) -> Rgb:
    return np.clip(rgb.astype(np.float32) * factor, 0, 255).astype(np.uint8)


def blurred(rgb: Rgb, sigma: float) -> Rgb:
    return np.asarray(cv2.GaussianBlur(rgb, (0, 0), sigma), dtype=np.uint8)


def two_faces() -> Rgb:
    """The astronaut and her mirror image side by side: two people in one photo."""
    return np.hstack([good(), good()[:, ::-1]])


def compliant_jpeg() -> bytes:
    return jpeg(good())
