"""Photographs from files: a phone photo, a scan, a picture the applicant e-mailed.

Only JPEG and PNG are accepted: they are what cameras, phones and scanners
produce, what the portrait pipeline decodes, and formats whose decoders have
been hardened for decades. Anything else (HEIC, GIF, TIFF, PDF...) is refused
with ``file.unsupported_format`` so the officer can ask for a JPEG instead of
the workstation guessing.

The type is decided by the file's first bytes (its signature), not its name or
Pillow's format name: a phone's "JPEG" carrying a multi-picture extension is
reported by Pillow as ``MPO`` but is a JPEG all the same. A file that starts
like a JPEG or PNG but cannot be decoded to the last pixel (truncated upload,
damaged card) is ``file.corrupt``: Pillow opens lazily, so the whole image is
decoded here rather than failing later inside the portrait pipeline.

Phones store pictures as the sensor saw them and record the rotation in the
EXIF ``Orientation`` tag; the picture is turned upright here, once, so every
later step (face detection, crop, display) sees what the photographer saw.
Upright files are returned byte for byte, without a lossy re-encode.
"""

from __future__ import annotations

import io
import logging
import os
import struct
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import ExifTags, Image, ImageOps

from devices.camera.sources import JPEG, PNG, CapturedImage, StillSource
from devices.errors import DeviceError

__all__ = ["FileSource", "image_from_bytes"]

_log = logging.getLogger(__name__)

_SIGNATURES = ((b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
_PIL_FORMAT = {JPEG: "JPEG", PNG: "PNG"}
# What Pillow raises on damaged data, depending on the plugin and where the damage is.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)
_EXIF_DATE_FORMAT = "%Y:%m:%d %H:%M:%S"


class FileSource(StillSource):
    """Reads one JPEG or PNG file each time :meth:`capture` is called.

    The file is read at capture time, not at construction, so the officer can
    replace it (a re-scan) and capture again. ``jpeg_quality`` is used only
    when a rotated JPEG must be re-encoded upright.
    """

    def __init__(self, path: str | os.PathLike[str], *, jpeg_quality: int = 95) -> None:
        self._path = Path(path)
        self._jpeg_quality = jpeg_quality

    @property
    def path(self) -> Path:
        return self._path

    @property
    def description(self) -> str:
        return f"file:{self._path}"

    def _capture(self) -> CapturedImage:
        try:
            data = self._path.read_bytes()
        except FileNotFoundError as exc:
            raise DeviceError("file.not_found", f"{self._path}: {exc.strerror}") from exc
        except OSError as exc:
            # IsADirectoryError, PermissionError, EIO on a failing card reader...
            raise DeviceError("file.unreadable", f"{self._path}: {exc}") from exc
        return image_from_bytes(data, source=self.description, jpeg_quality=self._jpeg_quality)


def _sniff(data: bytes) -> str | None:
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    return None


def _describe_unsupported(data: bytes) -> str:
    """Name the format Pillow recognises, for the log ("GIF", "WEBP"), if any."""
    if not data:
        return "empty file"
    try:
        with Image.open(io.BytesIO(data)) as other:
            return f"{other.format} image"
    except Exception:
        # Only used to word a log line: whatever the data is, it is unsupported.
        return f"unrecognised data starting with {data[:8]!r}"


def _exif_datetime(image: Image.Image, source: str) -> datetime | None:
    """EXIF DateTimeOriginal (when the shutter fired), aware if OffsetTimeOriginal is present.

    DateTime (IFD0) is deliberately not used: it is the last *edit* time, and a
    six-month-old photo re-saved today must not pass the photo-age check.
    """
    try:
        exif_ifd = image.getexif().get_ifd(ExifTags.IFD.Exif)
    except (*_DECODE_ERRORS, KeyError, TypeError) as exc:
        _log.warning("%s: unreadable EXIF ignored: %s", source, exc)
        return None
    raw = exif_ifd.get(ExifTags.Base.DateTimeOriginal)
    if isinstance(raw, bytes):
        raw = raw.decode("ascii", "replace")
    if not isinstance(raw, str):
        return None
    try:
        taken = datetime.strptime(raw.strip("\x00 "), _EXIF_DATE_FORMAT)
    except ValueError:
        # Cameras with an unset clock write "0000:00:00 00:00:00" or blanks.
        _log.info("%s: DateTimeOriginal %r is not a date", source, raw)
        return None
    offset = exif_ifd.get(ExifTags.Base.OffsetTimeOriginal)
    if isinstance(offset, str):
        zone = _parse_offset(offset.strip("\x00 "))
        if zone is not None:
            return taken.replace(tzinfo=zone)
    return taken


def _parse_offset(text: str) -> timezone | None:
    """Parse EXIF's ``"+02:00"`` / ``"-05:30"`` offset; ``None`` if malformed."""
    if len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    if hours > 14 or minutes > 59:
        return None
    sign = 1 if text[0] == "+" else -1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(ExifTags.Base.Orientation, 1)
    except (*_DECODE_ERRORS, KeyError, TypeError):
        return 1
    return value if isinstance(value, int) and 2 <= value <= 8 else 1


def _reencode(upright: Image.Image, original: Image.Image, media_type: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    options: dict[str, object] = {}
    exif = upright.info.get("exif")
    if exif:
        options["exif"] = exif  # keeps the capture date; Orientation was removed by exif_transpose
    icc = original.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc
    if media_type == JPEG:
        options["quality"] = quality
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
    upright.save(buffer, _PIL_FORMAT[media_type], **options)
    return buffer.getvalue()


def image_from_bytes(data: bytes, *, source: str, jpeg_quality: int = 95) -> CapturedImage:
    """Validate and decode a JPEG or PNG held in memory (an upload, a file's content).

    Raises ``DeviceError`` with ``file.unsupported_format``, ``file.corrupt`` or
    ``file.too_large``; see the module docstring for what each means.
    """
    media_type = _sniff(data)
    if media_type is None:
        raise DeviceError(
            "file.unsupported_format", f"{source}: {_describe_unsupported(data)}, not JPEG or PNG"
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # decode every pixel now: a truncated file must fail here
            captured_at = _exif_datetime(image, source)
            orientation = _orientation(image)
            if orientation == 1:
                width, height = image.width, image.height
                return CapturedImage(data, media_type, width, height, captured_at, source)
            upright = ImageOps.exif_transpose(image)
            encoded = _reencode(upright, image, media_type, jpeg_quality)
            _log.info("%s: EXIF orientation %d applied", source, orientation)
            return CapturedImage(
                encoded, media_type, upright.width, upright.height, captured_at, source
            )
    except Image.DecompressionBombError as exc:
        raise DeviceError("file.too_large", f"{source}: {exc}") from exc
    except _DECODE_ERRORS as exc:
        raise DeviceError(
            "file.corrupt", f"{source}: {type(exc).__name__}: {exc} ({media_type})"
        ) from exc
