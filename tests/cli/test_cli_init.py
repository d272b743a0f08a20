"""Initialising a real post (not the demo) and a post whose database is PostgreSQL."""

import json
import tomllib
from pathlib import Path

import pytest

from tests.support.postgres import ThrowawayPostgres
from workstation.cli import main


def test_a_real_post_starts_with_one_administrator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "post")
    monkeypatch.setenv("CONSULAR_NEW_PASSWORD", "first-admin-pass")
    args = [
        "--data-dir",
        folder,
        "init",
        "--post-code",
        "UTO-NBO",
        "--state",
        "UTO",
        "--name",
        "Embassy of Utopia",
        "--city",
        "Nairobi",
        "--country",
        "KEN",
        "--time-zone",
        "Africa/Nairobi",
        "--admin",
        "amina",
        "--admin-name",
        "Amina Admin",
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "UTO-NBO" in out and "first-admin-pass" not in out
    site = tomllib.loads((tmp_path / "post" / "site.toml").read_text())
    assert site["post"]["time_zone"] == "Africa/Nairobi"
    monkeypatch.setenv("CONSULAR_PASSWORD", "first-admin-pass")
    assert main(["--data-dir", folder, "--json", "officer", "list", "--officer", "amina"]) == 0
    officers = json.loads(capsys.readouterr().out)
    assert [(o["username"], o["roles"]) for o in officers] == [("amina", ["admin"])]


def test_a_bad_time_zone_is_refused_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "post"
    monkeypatch.setenv("CONSULAR_NEW_PASSWORD", "first-admin-pass")
    code = main(
        [
            "--data-dir",
            str(folder),
            "init",
            "--post-code",
            "UTO-NBO",
            "--state",
            "UTO",
            "--name",
            "Embassy",
            "--city",
            "Nairobi",
            "--time-zone",
            "Africa/Atlantis",
            "--admin",
            "amina",
        ]
    )
    assert code == 2
    assert "time zone" in capsys.readouterr().err
    assert not (folder / "site.toml").exists()


@pytest.mark.postgres
def test_a_post_on_postgresql_through_the_site_configuration(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    postgres_cluster: ThrowawayPostgres,
) -> None:
    url = postgres_cluster.create_database("cli_post")
    folder = str(tmp_path / "post")
    assert main(["--data-dir", folder, "init", "--demo", "--database-url", url]) == 0
    capsys.readouterr()
    site = tomllib.loads((tmp_path / "post" / "site.toml").read_text())
    assert site["database"]["url"] == url
    person = tmp_path / "p.json"
    person.write_text(
        json.dumps(
            {
                "surname": "Peña",
                "given_names": "Ana",
                "sex": "F",
                "birth_date": "1990",
                "nationality": "UTO",
            }
        )
    )
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    assert main(["--data-dir", folder, "person", "add", str(person), "--officer", "clerk"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", folder, "--json", "info"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["database"]["backend"] == "postgresql" and info["persons"] == 1
    assert main(["--data-dir", folder, "--json", "person", "search", "pena"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["name"] == "PEÑA, Ana"
