"""Still-image sources: files (Pillow), the Qt Multimedia camera (no-camera path on this
machine) and the playback stand-in, on media generated here from the public-domain NASA
astronaut portrait (``skimage.data.astronaut``)."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import ExifTags, Image
from PySide6.QtCore import QObject
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaDevices
from pytestqt.qtbot import QtBot
from skimage import data as skdata

from devices.camera import JPEG, PNG, CapturedImage, FileSource, StillSource, image_from_bytes
from devices.camera.playback import PlaybackSource
from devices.camera.probe import probe_camera, status_from_camera_names
from devices.camera.qt_base import QtStillSource
from devices.camera.qt_camera import QtCameraSource, list_cameras
from devices.camera.sources import check_captured
from devices.errors import DeviceError
from devices.status import DeviceState

Pixels = NDArray[np.uint8]
FIXED = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
# scikit-image has no type hints: one typed handle on the 512x512 RGB portrait.
full_astronaut: Callable[[], Pixels] = skdata.astronaut


def fixed_clock() -> datetime:
    return FIXED


@pytest.fixture(scope="module")
def astronaut() -> Pixels:
    """512x512 RGB; cropped to 384x512 (portrait) so a wrong rotation changes the size."""
    return np.ascontiguousarray(full_astronaut()[:, 64:448])


def decode(image: CapturedImage) -> Pixels:
    with Image.open(io.BytesIO(image.data)) as opened:
        assert opened.size == (image.width, image.height)
        return np.asarray(opened.convert("RGB"))


def mean_abs_diff(a: Pixels, b: Pixels) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean())


def write_jpeg(
    path: Path,
    pixels: Pixels,
    *,
    orientation: int | None = None,
    taken: str | None = None,
    offset: str | None = None,
    edited: str | None = None,
) -> Path:
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if edited is not None:
        exif[ExifTags.Base.DateTime] = edited
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        exif_ifd[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        exif_ifd[ExifTags.Base.OffsetTimeOriginal] = offset
    Image.fromarray(pixels).save(path, "JPEG", quality=95, exif=exif)
    return path


# -- files -------------------------------------------------------------------------------------


def test_upright_jpeg_is_returned_byte_for_byte_with_its_exif_date(
    tmp_path: Path, astronaut: Pixels
) -> None:
    path = write_jpeg(tmp_path / "photo.jpg", astronaut, taken="2026:05:01 10:20:30")
    image = FileSource(path).capture()
    assert isinstance(FileSource(path), StillSource)
    assert image.data == path.read_bytes()
    assert (image.media_type, image.width, image.height) == (JPEG, 384, 512)
    assert image.captured_at == datetime(2026, 5, 1, 10, 20, 30)  # naive: no offset recorded
    assert image.source == f"file:{path}"
    assert mean_abs_diff(decode(image), astronaut) < 3


def test_exif_offset_makes_the_capture_date_timezone_aware(
    tmp_path: Path, astronaut: Pixels
) -> None:
    path = write_jpeg(tmp_path / "p.jpg", astronaut, taken="2026:05:01 10:20:30", offset="-05:30")
    taken = FileSource(path).capture().captured_at
    assert taken == datetime(
        2026, 5, 1, 10, 20, 30, tzinfo=timezone(-timedelta(hours=5, minutes=30))
    )


@pytest.mark.parametrize(
    ("taken", "edited"),
    [(None, "2026:11:20 08:00:00"), ("0000:00:00 00:00:00", None), ("    ", None)],
    ids=["only-the-edit-date", "unset-camera-clock", "blank"],
)
def test_no_usable_date_original_means_unknown_date(
    tmp_path: Path, astronaut: Pixels, taken: str | None, edited: str | None
) -> None:
    path = write_jpeg(tmp_path / "p.jpg", astronaut, taken=taken, edited=edited)
    assert FileSource(path).capture().captured_at is None


@pytest.mark.parametrize(
    ("orientation", "stored_as"),
    [
        (3, Image.Transpose.ROTATE_180),
        (
            6,
            Image.Transpose.ROTATE_90,
        ),  # phone held upright: stored turned left, shown turned right
        (8, Image.Transpose.ROTATE_270),
    ],
)
def test_exif_orientation_is_applied_so_the_phone_photo_is_upright(
    tmp_path: Path, astronaut: Pixels, orientation: int, stored_as: Image.Transpose
) -> None:
    sensor = np.asarray(Image.fromarray(astronaut).transpose(stored_as))
    path = write_jpeg(
        tmp_path / "phone.jpg", sensor, orientation=orientation, taken="2026:06:30 12:00:00"
    )
    image = FileSource(path).capture()
    assert (image.media_type, image.width, image.height) == (JPEG, 384, 512)
    assert mean_abs_diff(decode(image), astronaut) < 4
    with Image.open(io.BytesIO(image.data)) as reopened:
        exif = reopened.getexif()
        # Upright now: the tag must be gone, or a viewer would turn it a second time.
        assert exif.get(ExifTags.Base.Orientation, 1) == 1
        taken = exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal]
        assert taken == "2026:06:30 12:00:00"
    assert image.captured_at == datetime(2026, 6, 30, 12)


def test_png_is_accepted_losslessly(tmp_path: Path, astronaut: Pixels) -> None:
    path = tmp_path / "scan.png"
    Image.fromarray(astronaut).save(path)
    image = FileSource(path).capture()
    assert (image.media_type, image.width, image.height, image.captured_at) == (PNG, 384, 512, None)
    assert np.array_equal(decode(image), astronaut)


def _gif(path: Path, pixels: Pixels) -> None:
    Image.fromarray(pixels).save(path, "GIF")


def _webp(path: Path, pixels: Pixels) -> None:
    Image.fromarray(pixels).save(path, "WEBP")


def _text(path: Path, pixels: Pixels) -> None:
    path.write_text("not a photo")


def _empty(path: Path, pixels: Pixels) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    ("make", "detail"),
    [(_gif, "GIF image"), (_webp, "WEBP image"), (_text, "unrecognised"), (_empty, "empty file")],
    ids=["gif", "webp-named-jpg", "text", "empty"],
)
def test_other_formats_are_refused(
    tmp_path: Path, astronaut: Pixels, make: Callable[[Path, Pixels], None], detail: str
) -> None:
    path = tmp_path / "photo.jpg"  # the name lies: the content decides
    make(path, astronaut)
    with pytest.raises(DeviceError) as caught:
        FileSource(path).capture()
    assert caught.value.code == "file.unsupported_format"
    assert detail in caught.value.detail


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _scramble_body(data: bytes) -> bytes:
    return data[:64] + bytes(255 - b for b in data[64:])


@pytest.mark.parametrize("damage", [_truncate, _scramble_body], ids=["truncated", "scrambled"])
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_damaged_files_are_corrupt(
    tmp_path: Path, astronaut: Pixels, fmt: str, damage: Callable[[bytes], bytes]
) -> None:
    buffer = io.BytesIO()
    Image.fromarray(astronaut).save(buffer, fmt)
    path = tmp_path / f"broken.{fmt.lower()}"
    path.write_bytes(damage(buffer.getvalue()))
    with pytest.raises(DeviceError) as caught:
        FileSource(path).capture()
    assert caught.value.code == "file.corrupt"


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(DeviceError) as missing:
        FileSource(tmp_path / "nowhere.jpg").capture()
    with pytest.raises(DeviceError) as directory:
        FileSource(tmp_path).capture()
    assert (missing.value.code, directory.value.code) == ("file.not_found", "file.unreadable")


def test_image_from_bytes_names_the_source(astronaut: Pixels) -> None:
    buffer = io.BytesIO()
    Image.fromarray(astronaut).save(buffer, "PNG")
    image = image_from_bytes(buffer.getvalue(), source="upload:applicant.png")
    assert (image.source, image.media_type) == ("upload:applicant.png", PNG)


def test_check_captured_refuses_a_mislabelled_result() -> None:
    png_labelled_jpeg = CapturedImage(b"\x89PNG\r\n\x1a\n....", JPEG, 1, 1, None, "bad backend")
    with pytest.raises(DeviceError) as caught:
        check_captured(png_labelled_jpeg)
    assert caught.value.code == "camera.capture_failed"
    assert "bad backend" in caught.value.detail
    assert "image/jpeg" in repr(png_labelled_jpeg)
    assert "PNG" not in repr(png_labelled_jpeg)  # the repr never dumps the bytes


# -- playback: a video played by Qt Multimedia into a QVideoSink ------------------------------


@pytest.fixture
def sources(qapp: QObject) -> Iterator[list[QtStillSource]]:
    """Qt sources made by a test, stopped and deleted afterwards (no player left running)."""
    made: list[QtStillSource] = []
    yield made
    for source in made:
        source.stop()
        source.deleteLater()


@pytest.fixture
def playback(sources: list[QtStillSource]) -> Callable[..., PlaybackSource]:
    def make(media: object, **options: object) -> PlaybackSource:
        source = PlaybackSource(media, clock=fixed_clock, **options)  # type: ignore[arg-type]
        sources.append(source)
        return source

    return make


@pytest.fixture
def video(tmp_path: Path) -> Path:
    """Ten MJPEG frames of the astronaut at 10 fps (OpenCV writes, Qt's FFmpeg reads)."""
    pixels = full_astronaut()
    path = tmp_path / "astronaut.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 10.0, (512, 512))
    assert writer.isOpened()
    for _ in range(10):
        writer.write(cv2.cvtColor(pixels, cv2.COLOR_RGB2BGR))
    writer.release()
    assert path.stat().st_size > 10_000
    return path


def test_playback_video_blocking_capture_returns_the_astronaut(
    playback: Callable[..., PlaybackSource], video: Path
) -> None:
    source = playback(video)
    image = source.capture()
    assert (image.media_type, image.width, image.height) == (JPEG, 512, 512)
    assert image.captured_at == FIXED
    assert image.source == f"playback:{video.resolve()}"
    # Two JPEG generations and a YUV 4:2:0 round trip: close, not identical.
    assert mean_abs_diff(decode(image), full_astronaut()) < 8
    assert not source.is_active  # the blocking helper stops what it started


def test_playback_video_asynchronous_capture_signals_later(
    playback: Callable[..., PlaybackSource], video: Path, qtbot: QtBot
) -> None:
    source = playback(video, media_type=PNG)
    viewfinder_threads: list[bool] = []
    source.frame_changed.connect(
        lambda _frame: viewfinder_threads.append(
            threading.current_thread() is threading.main_thread()
        )
    )
    with qtbot.waitSignal(source.frame_changed, timeout=5000):
        source.start()
    assert source.video_sink.videoFrame().size().width() == 512
    received: list[object] = []
    source.captured.connect(received.append)
    source.failed.connect(received.append)
    with qtbot.waitSignal(source.captured, timeout=5000) as blocker:
        source.request_capture()
        assert received == []  # never emitted from inside request_capture
        assert source.is_busy
    image = blocker.args[0]
    assert isinstance(image, CapturedImage)
    assert (image.media_type, image.width, image.height) == (PNG, 512, 512)
    assert mean_abs_diff(decode(image), full_astronaut()) < 8
    assert not source.is_busy and source.is_active  # the viewfinder keeps running
    assert viewfinder_threads and all(viewfinder_threads)  # listeners run on the GUI thread


def test_second_request_while_busy_fails_with_camera_busy_and_first_completes(
    playback: Callable[..., PlaybackSource], video: Path, qtbot: QtBot
) -> None:
    source = playback(video)
    results: list[object] = []
    source.captured.connect(results.append)
    source.failed.connect(results.append)
    source.request_capture()
    source.request_capture()
    assert results == []
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    busy = next(r for r in results if isinstance(r, DeviceError))
    assert busy.code == "camera.busy"
    assert any(isinstance(r, CapturedImage) for r in results)


def test_undecodable_video_fails_the_capture(
    playback: Callable[..., PlaybackSource], tmp_path: Path
) -> None:
    path = tmp_path / "broken.avi"
    path.write_bytes(b"RIFF" + bytes(range(256)) * 64)
    with pytest.raises(DeviceError) as caught:
        playback(path, timeout_s=5).capture()
    assert caught.value.code == "camera.capture_failed"


def test_missing_media_is_refused_at_construction(tmp_path: Path, qapp: QObject) -> None:
    with pytest.raises(DeviceError) as caught:
        PlaybackSource(tmp_path / "absent.avi")
    assert caught.value.code == "file.not_found"
    with pytest.raises(ValueError, match="at least one"):
        PlaybackSource([])


# -- playback: a list of image files ------------------------------------------------------------


def test_playback_images_are_captured_in_turn_and_shown_in_the_viewfinder(
    playback: Callable[..., PlaybackSource], tmp_path: Path, astronaut: Pixels, qtbot: QtBot
) -> None:
    upright = tmp_path / "1.png"
    Image.fromarray(astronaut).save(upright)
    # A phone photo stored on its side: the stand-in camera delivers it upright too.
    sideways = write_jpeg(
        tmp_path / "2.jpg",
        np.asarray(Image.fromarray(astronaut[::-1]).transpose(Image.Transpose.ROTATE_90)),
        orientation=6,
    )
    source = playback([upright, sideways], media_type=PNG)
    with qtbot.waitSignal(source.frame_changed, timeout=2000) as shown:
        source.start()
    assert shown.args[0].size().width() == 384

    first, second, third = (source.capture() for _ in range(3))
    assert np.array_equal(decode(first), astronaut)  # PNG in, PNG out: exact
    assert (second.width, second.height) == (384, 512)
    assert mean_abs_diff(decode(second), astronaut[::-1]) < 4  # upside-down astronaut
    assert mean_abs_diff(decode(second), astronaut) > 30  # ... so really the other image
    assert np.array_equal(decode(third), astronaut)  # round robin
    assert first.captured_at == FIXED


def test_corrupt_image_in_the_list_fails_that_capture(
    playback: Callable[..., PlaybackSource], tmp_path: Path
) -> None:
    path = tmp_path / "bad.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(DeviceError) as caught:
        playback([path]).capture()
    assert caught.value.code == "file.corrupt"


# -- the asynchronous contract, on a camera that never answers ---------------------------------


class StuckCamera(QtStillSource):
    """A camera whose picture never comes: exercises the shared timeout and late-result rules."""

    def __init__(self) -> None:
        super().__init__(timeout_s=0.2, clock=fixed_clock)
        self.cancelled = 0
        self.active = False

    @property
    def description(self) -> str:
        return "camera:stuck"

    @property
    def is_active(self) -> bool:
        return self.active

    def start(self) -> None:
        self.active = True

    def stop(self) -> None:
        self.active = False

    def _begin_capture(self) -> None:
        self.start()

    def _cancel_capture(self) -> None:
        self.cancelled += 1


def test_timeout_fails_with_camera_timeout_and_late_pictures_are_ignored(
    qtbot: QtBot, sources: list[QtStillSource]
) -> None:
    camera = StuckCamera()
    sources.append(camera)
    with qtbot.waitSignal(camera.failed, timeout=3000) as blocker:
        camera.request_capture()
    assert blocker.args[0].code == "camera.timeout"
    assert camera.cancelled == 1 and not camera.is_busy
    with qtbot.assertNotEmitted(camera.captured, wait=50):
        late = QImage(16, 16, QImage.Format.Format_RGB32)
        late.fill(0)
        camera._deliver(late)  # the picture arrives after the timeout


def test_blocking_capture_raises_camera_timeout(sources: list[QtStillSource]) -> None:
    camera = StuckCamera()
    sources.append(camera)
    with pytest.raises(DeviceError) as caught:
        camera.capture()
    assert caught.value.code == "camera.timeout"
    assert not camera.is_active


def test_a_source_refuses_calls_from_another_thread(sources: list[QtStillSource]) -> None:
    camera = StuckCamera()
    sources.append(camera)
    errors: list[BaseException] = []

    def use() -> None:
        try:
            camera.request_capture()
        except RuntimeError as exc:
            errors.append(exc)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join()
    assert len(errors) == 1 and not camera.is_busy


# -- the real camera on a machine without one ---------------------------------------------------


@pytest.mark.usefixtures("qapp")
def test_list_cameras_is_empty_without_cameras() -> None:
    if QMediaDevices.videoInputs():
        pytest.skip("this host has a camera")
    assert list_cameras() == []


@pytest.mark.parametrize("configured", [None, "Logitech"])
def test_camera_source_without_camera_fails_with_camera_none(
    sources: list[QtStillSource], qtbot: QtBot, configured: str | None
) -> None:
    if QMediaDevices.videoInputs():
        pytest.skip("this host has a camera")
    camera = QtCameraSource(configured)  # constructing touches no device: no start-up crash
    sources.append(camera)
    assert not camera.is_active
    with pytest.raises(DeviceError) as blocking:
        camera.capture()
    received: list[object] = []
    camera.failed.connect(received.append)
    with qtbot.waitSignal(camera.failed, timeout=2000) as blocker:
        camera.request_capture()
        assert received == []  # even an immediate failure is signalled later, not re-entrantly
    assert blocking.value.code == blocker.args[0].code == "camera.none"
    with pytest.raises(DeviceError) as started:
        camera.start()
    assert started.value.code == "camera.none"


def test_without_qt_application_importing_is_cheap_and_listing_says_why(tmp_path: Path) -> None:
    """In a fresh interpreter: importing devices.camera does not load Qt Multimedia (start-up
    cost, device grabbing), and asking Qt for cameras without an application is a clear error
    rather than a silently empty list."""
    script = (
        "import sys\n"
        "import devices.camera\n"
        "assert 'PySide6.QtMultimedia' not in sys.modules, 'Qt Multimedia loaded at import'\n"
        "from devices.camera.qt_camera import list_cameras\n"
        "from devices.errors import DeviceError\n"
        "try:\n"
        "    list_cameras()\n"
        "except DeviceError as exc:\n"
        "    print(exc.code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "camera.qt_not_running"


# -- status from Qt's camera list ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("configured", "state", "name", "code"),
    [
        (None, DeviceState.READY, "Integrated Camera", None),
        ("brio", DeviceState.READY, "Logitech BRIO", None),
        ("Canon", DeviceState.ABSENT, None, "camera.not_found"),
    ],
)
def test_status_from_camera_names(
    configured: str | None, state: DeviceState, name: str | None, code: str | None
) -> None:
    status = status_from_camera_names(configured, ["Integrated Camera", "Logitech BRIO"])
    assert (status.state, status.name, status.code) == (state, name, code)
    assert status_from_camera_names(None, []).code == "camera.none"


@pytest.mark.usefixtures("qapp")
def test_probe_off_linux_asks_qt_on_the_application_thread_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if QMediaDevices.videoInputs():
        pytest.skip("this host has a camera")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert probe_camera(None).code == "camera.none"
    from_worker: list[str | None] = []
    worker = threading.Thread(target=lambda: from_worker.append(probe_camera(None).code))
    worker.start()
    worker.join()
    assert from_worker == ["camera.probe_unsupported"]


# -- the camera's answer handling, without a camera --------------------------------------------


@pytest.fixture
def camera_in_capture(
    sources: list[QtStillSource], monkeypatch: pytest.MonkeyPatch
) -> Callable[[int], QtCameraSource]:
    """A QtCameraSource as it is after QImageCapture.capture() returned ``request_id``.

    No camera exists here, so the Qt answers are played by calling the slots the
    QImageCapture/QCamera signals are connected to, with the values Qt documents.
    """
    camera = QtCameraSource("Test camera", clock=fixed_clock)
    sources.append(camera)
    monkeypatch.setattr(camera, "_begin_capture", lambda: None)

    def in_capture(request_id: int) -> QtCameraSource:
        camera.request_capture()
        camera._request_id = request_id
        return camera

    return in_capture


def _frame() -> QImage:
    image = QImage(48, 64, QImage.Format.Format_RGB32)
    image.fill(0xFF336699)
    return image


def test_camera_picture_is_matched_to_its_request(
    camera_in_capture: Callable[[int], QtCameraSource], qtbot: QtBot
) -> None:
    camera = camera_in_capture(7)
    with qtbot.assertNotEmitted(camera.captured, wait=20):
        camera._on_image_captured(6, _frame())  # another request's picture
    with qtbot.waitSignal(camera.captured, timeout=1000) as blocker:
        camera._on_image_captured(7, _frame())
    image = blocker.args[0]
    assert (image.media_type, image.width, image.height) == (JPEG, 48, 64)
    assert (image.captured_at, image.source) == (FIXED, "camera:Test camera")
    assert decode(image)[0, 0].tolist() == pytest.approx([0x33, 0x66, 0x99], abs=3)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (QImageCapture.Error.ResourceError, "camera.unavailable"),
        (QImageCapture.Error.NotReadyError, "camera.unavailable"),
        (QImageCapture.Error.OutOfSpaceError, "camera.capture_failed"),
        (QImageCapture.Error.FormatError, "camera.capture_failed"),
    ],
)
def test_camera_capture_errors_map_to_stable_codes(
    camera_in_capture: Callable[[int], QtCameraSource],
    qtbot: QtBot,
    error: QImageCapture.Error,
    code: str,
) -> None:
    camera = camera_in_capture(3)
    with qtbot.waitSignal(camera.failed, timeout=1000) as blocker:
        camera._on_capture_error(3, error, "driver says no")
    assert blocker.args[0].code == code
    assert "driver says no" in blocker.args[0].detail


def test_camera_device_error_fails_the_capture_as_unavailable(
    camera_in_capture: Callable[[int], QtCameraSource], qtbot: QtBot
) -> None:
    camera = camera_in_capture(1)
    with qtbot.waitSignal(camera.failed, timeout=1000) as blocker:
        camera._on_camera_error(QCamera.Error.CameraError, "Device or resource busy")
    assert blocker.args[0].code == "camera.unavailable"
    assert not camera.is_busy
