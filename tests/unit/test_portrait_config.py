"""``[photo]`` in site.toml: optional, every key checked, the bad one named."""

from __future__ import annotations

from pathlib import Path

import pytest

from workstation.config import ConfigError, load_site_config, render_site_config
from workstation.domain.portrait import PortraitThresholds
from workstation.services.setup import DEMO_POST


def _site(tmp_path: Path, photo: str | None) -> Path:
    path = tmp_path / "site.toml"
    text = render_site_config(DEMO_POST)
    path.write_text(text + (f"\n[photo]\n{photo}\n" if photo is not None else ""))
    return path


def test_without_a_photo_table_the_icao_defaults_apply(tmp_path: Path) -> None:
    assert load_site_config(_site(tmp_path, None)).photo == PortraitThresholds()


def test_photo_settings_are_read(tmp_path: Path) -> None:
    config = load_site_config(
        _site(tmp_path, "min_eye_distance_px = 120\nchip_max_bytes = 12000\nexposure_min = 60.5")
    )
    assert config.photo.min_eye_distance_px == 120.0
    assert config.photo.chip_max_bytes == 12000 and config.photo.exposure_min == 60.5
    assert config.photo.max_roll_deg == PortraitThresholds().max_roll_deg


@pytest.mark.parametrize(
    ("photo", "key"),
    [
        ("eye_distance = 90", "photo.eye_distance"),
        ('min_eye_distance_px = "90"', "photo.min_eye_distance_px"),
        ("chip_max_bytes = 1.5", "photo.chip_max_bytes"),
        ("min_sharpness = true", "photo.min_sharpness"),
        ("head_height_min = 0.9", "photo.head_height_min"),
        ("print_width = 450", "photo.print_width"),
    ],
)
def test_a_bad_photo_setting_names_its_key(tmp_path: Path, photo: str, key: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_site_config(_site(tmp_path, photo))
    assert error.value.key == key
