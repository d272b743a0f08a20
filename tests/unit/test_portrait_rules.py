"""The portrait rules without images: crop geometry, checks from measurements, overrides."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from workstation.domain.errors import DomainError, ValidationError
from workstation.domain.portrait import (
    PRINT_ASPECT,
    CheckCode,
    FaceBox,
    Measurements,
    Point,
    PortraitThresholds,
    accept,
    crop_for,
    estimate_head,
    evaluate,
    photo_age_days,
    roll_degrees,
    threshold_errors,
)

T = PortraitThresholds()
GOOD = Measurements(
    face_count=1,
    eye_distance_px=120.0,
    eyes_found=True,
    roll_deg=2.0,
    head_height_ratio=0.75,
    centre_offset=0.01,
    sharpness=0.3,
    exposure=200.0,
    saturated=0.0,
    background_std=4.0,
    background_lightness=200.0,
    photo_age_days=10,
)


def _failed(m: Measurements) -> set[str]:
    return {c.code.value for c in evaluate(m, T) if not c.passed}


def test_the_crop_is_7_by_9_with_the_head_at_the_target_height_and_centred() -> None:
    head = estimate_head(Point(600, 500), FaceBox(480, 400, 240, 240))
    crop = crop_for(head, T.print_width, T.print_height, T)
    assert crop.width / crop.height == pytest.approx(PRINT_ASPECT, abs=0.002)
    assert head.height / crop.height == pytest.approx(T.head_height_target)
    assert crop.left + crop.width / 2 == pytest.approx(600)
    assert (head.crown_y - crop.top) / crop.height == pytest.approx(T.crown_margin)
    # The same scale both ways: nothing is stretched.
    assert crop.out_width / crop.width == pytest.approx(crop.out_height / crop.height, rel=0.01)
    # ICAO: the eyes between 50% and 70% of the height from the bottom.
    assert 0.5 <= (crop.top + crop.height - head.eye_y) / crop.height <= 0.7


def test_roll_is_the_angle_of_the_line_between_the_eyes_whatever_their_order() -> None:
    assert roll_degrees(Point(0, 0), Point(100, 0)) == 0
    assert roll_degrees(Point(100, 10), Point(0, 0)) == pytest.approx(5.71, abs=0.01)
    assert roll_degrees(Point(0, 10), Point(100, 0)) == pytest.approx(-5.71, abs=0.01)


def test_good_measurements_pass_every_check() -> None:
    checks = evaluate(GOOD, T)
    assert [c.code for c in checks] == list(CheckCode)
    assert all(c.passed for c in checks)


@pytest.mark.parametrize(
    ("change", "code", "reason"),
    [
        ({"face_count": 2}, "face_count", "photo.reason.several_faces"),
        ({"head_height_ratio": 0.85}, "head_size", "photo.reason.too_high"),
        ({"head_height_ratio": 0.65}, "head_size", "photo.reason.too_low"),
        ({"centre_offset": -0.08}, "head_position", "photo.reason.off_centre"),
        ({"head_inside": False}, "head_position", "photo.reason.head_cut"),
        ({"padding": 0.2}, "head_position", "photo.reason.too_much_padding"),
        ({"eye_distance_px": 89.0}, "eye_distance", "photo.reason.too_low"),
        ({"roll_deg": -16.0}, "roll", "photo.reason.too_high"),
        ({"sharpness": 0.1}, "sharpness", "photo.reason.too_low"),
        ({"exposure": 40.0}, "exposure", "photo.reason.too_low"),
        ({"exposure": 252.0}, "exposure", "photo.reason.too_high"),
        ({"saturated": 0.002}, "saturation", "photo.reason.too_high"),
        ({"background_std": 30.0}, "background_uniformity", "photo.reason.too_high"),
        ({"background_lightness": 90.0}, "background_lightness", "photo.reason.too_low"),
        ({"photo_age_days": 184}, "photo_age", "photo.reason.too_high"),
    ],
)
def test_each_check_fails_alone_with_its_reason(
    change: dict[str, object], code: str, reason: str
) -> None:
    checks = evaluate(dataclasses.replace(GOOD, **change), T)  # type: ignore[arg-type]
    failed = [c for c in checks if not c.passed]
    assert [(c.code.value, c.reason) for c in failed] == [(code, reason)]


def test_eyes_not_found_fail_the_eye_checks_and_an_unknown_date_passes() -> None:
    m = dataclasses.replace(GOOD, eyes_found=False, eye_distance_px=None, photo_age_days=None)
    checks = {c.code.value: c for c in evaluate(m, T)}
    assert _failed(m) == {"eye_distance", "roll"}
    assert checks["roll"].reason == "photo.reason.eyes_not_found"
    assert checks["photo_age"].passed and checks["photo_age"].reason == "photo.reason.no_date"


def test_no_face_fails_everything_measured_on_a_face() -> None:
    failed = _failed(Measurements(face_count=0, photo_age_days=3))
    assert failed == {c.value for c in CheckCode} - {"photo_age"}


def test_photo_age_counts_days_to_today() -> None:
    assert photo_age_days(dt.datetime(2026, 5, 26, 23, 0), dt.date(2026, 11, 25)) == 183
    assert photo_age_days(None, dt.date(2026, 11, 25)) is None


def test_a_failed_check_is_accepted_with_a_justification_and_refused_without() -> None:
    checks = evaluate(dataclasses.replace(GOOD, photo_age_days=400), T)
    with pytest.raises(DomainError) as refused:
        accept(checks, {})
    assert refused.value.code == "photo.not_compliant"
    assert refused.value.params["checks"] == "photo_age"
    with pytest.raises(ValidationError) as empty:
        accept(checks, {CheckCode.PHOTO_AGE: "   "})
    assert empty.value.code == "photo.override_justification_required"
    (override,) = accept(checks, {CheckCode.PHOTO_AGE: " compared with the applicant "})
    assert override.check.code == CheckCode.PHOTO_AGE and override.check.value == 400
    assert override.justification == "compared with the applicant"


def test_face_count_cannot_be_overridden_nor_can_a_check_that_passed() -> None:
    checks = evaluate(dataclasses.replace(GOOD, face_count=2), T)
    with pytest.raises(ValidationError) as refused:
        accept(checks, {CheckCode.FACE_COUNT: "the other one is her child"})
    assert refused.value.code == "photo.override_not_allowed"
    with pytest.raises(ValidationError) as needless:
        accept(evaluate(GOOD, T), {CheckCode.ROLL: "why not"})
    assert needless.value.code == "photo.override_not_failed"


def test_default_thresholds_are_valid_and_bad_ones_are_named() -> None:
    assert threshold_errors(T) == []
    bad = dataclasses.replace(T, print_width=500, head_height_min=0.85)
    assert {e.field for e in threshold_errors(bad)} == {
        "print_width",
        "head_height_min",
        "head_height_target",  # no longer between min and max
    }
    assert threshold_errors(dataclasses.replace(T, chip_width=300)) != []  # wider than 7:9
