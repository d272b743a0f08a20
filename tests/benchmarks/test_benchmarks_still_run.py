"""The benchmarks keep working as the code changes: each runs on a tiny input here. No figure is
asserted (speed targets live in the benchmarks themselves, run by `scripts/bench.sh`)."""

from __future__ import annotations

import datetime as dt

from benchmarks import issue_bench, portrait_bench
from workstation.services.portrait_processing import PortraitProcessor


def test_the_issuing_benchmark_issues_cards_and_times_both_ways() -> None:
    figures = issue_bench.run(2)
    assert figures["cards"] == 2
    assert figures["issue_median_ms"] > 0 and figures["bare_reportlab_median_ms"] > 0


def test_the_portrait_benchmark_photo_gives_a_compliant_portrait() -> None:
    report = PortraitProcessor().process(portrait_bench.twelve_megapixel_jpeg(), dt.date.today())
    assert report.compliant, report.failed
    assert report.portrait is not None and report.portrait.print_size == (413, 531)


def test_the_startup_driver_shows_the_window_then_signs_the_clerk_in(tmp_path) -> None:
    from benchmarks import startup_bench

    folder = startup_bench.make_demo_folder(tmp_path)
    marks = startup_bench.one_start(["app", str(folder)])["marks"]
    # In order: window shown before the records were open, then sign-in, then the workspace.
    assert 0 < marks["shown"] < marks["ready"] < marks["signed_in"] < marks["workspace_shown"]
    assert startup_bench.one_start(["bare"])["marks"]["shown"] > 0
