"""Faces and eyes with OpenCV's Haar cascades, which ship inside ``opencv-python-headless``
4.x (5.x dropped them): nothing is downloaded at run time.

Faces are looked for on a small copy (the cascade is fast there and finds fewer false faces),
then again in fine scale steps around the hit, because the head's size (crown to chin) is
estimated from the face box and a coarse scale step would show in the crop. Eyes are looked for
in the upper part of the face scaled to a fixed width.
"""

from __future__ import annotations

from typing import cast

import cv2
import numpy as np
import numpy.typing as npt

from workstation.domain.portrait import FaceBox, Point

Pixels = npt.NDArray[np.uint8]
REFINE_FACE_WIDTH = 120.0  # the face is found again at this size, in fine steps
EYE_FACE_WIDTH = 150.0  # eyes are looked for in the face scaled to this width
_EYE_MIN, _EYE_MAX = round(EYE_FACE_WIDTH * 0.09), round(EYE_FACE_WIDTH * 0.45)


def gray(image: Pixels) -> Pixels:
    """The luminance of a BGR image (what the cascades work on)."""
    return cast(Pixels, cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))


class FaceDetector:
    """The cascades, loaded once (a detector is not shared between threads)."""

    def __init__(self) -> None:
        folder = cv2.data.haarcascades  # type: ignore[attr-defined]
        self.face = cv2.CascadeClassifier(folder + "haarcascade_frontalface_alt2.xml")
        self.eye = cv2.CascadeClassifier(folder + "haarcascade_eye.xml")
        self.glasses = cv2.CascadeClassifier(folder + "haarcascade_eye_tree_eyeglasses.xml")
        if self.face.empty() or self.eye.empty() or self.glasses.empty():
            raise RuntimeError("OpenCV's Haar cascades are missing (opencv-python-headless < 5)")

    def faces(
        self, grey: Pixels, min_side: int | None = None, max_side: int | None = None
    ) -> list[FaceBox]:
        """Faces at least half the size of the largest: smaller hits are background texture
        or a face on a poster, not a second person at the counter."""
        side = min_side or max(24, min(grey.shape[:2]) // 10)
        top = max_side or max(grey.shape[:2])
        found = self.face.detectMultiScale(grey, 1.1, 5, minSize=(side, side), maxSize=(top, top))
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
            gray(part) if part.ndim == 3 else part,
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
            gray(part) if part.ndim == 3 else part,
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
