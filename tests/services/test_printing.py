"""Printing a produced document and following the job, on the folder backend and on a real
CUPS scheduler with cups-pdf queues: a document is issued only when its print completed."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.support.cups import A4_QUEUE, CARD_QUEUE, ThrowawayCups
from workstation.cli import main
from workstation.domain.documents import DocumentAction, DocumentState
from workstation.domain.errors import DomainError, LifecycleError
from workstation.domain.officers import Officer
from workstation.domain.printing import PrintJobState, PrintPurpose, PrintTarget
from workstation.services.keys import DEMO_KEY_PASSPHRASE
from workstation.services.printing import PrintService
from workstation.wiring import Services, build_services

PERSON = {
    "surname": "Eriksson",
    "given_names": "Anna Maria",
    "sex": "F",
    "birth_date": "1974-08-12",
    "nationality": "UTO",
    "place_of_birth": "Zenith",
}
FOLLOW_S = 30.0
POLL_S = 0.1


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (350, 450), (220, 220, 225)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def cups(cups_server: ThrowawayCups, monkeypatch: pytest.MonkeyPatch) -> ThrowawayCups:
    """The private scheduler for every CUPS client in this process, both queues enabled."""
    monkeypatch.setenv("CUPS_SERVER", cups_server.server)
    for queue in (CARD_QUEUE, A4_QUEUE):
        cups_server.enable(queue)
    return cups_server


def _officer(services: Services, name: str) -> Officer:
    return services.accounts.authenticate(name, f"{name}-demo-1")


def _produced_card(services: Services) -> int:
    clerk = _officer(services, "clerk")
    person_id = services.persons.add(clerk, PERSON)  # type: ignore[arg-type]
    document_id = services.documents.create(clerk, "consular_id_card", person_id)
    services.documents.attach_portrait(clerk, document_id, _jpeg())
    for action in (DocumentAction.SUBMIT, DocumentAction.APPROVE):
        services.documents.act(clerk, document_id, action)
    produced = services.documents.act(
        clerk, document_id, DocumentAction.PRODUCE, passphrase=DEMO_KEY_PASSPHRASE
    )
    assert produced.state is DocumentState.PRODUCED and produced.number
    return document_id


def _actions(services: Services, document_id: int) -> list[str]:
    return [e.action for e in reversed(services.audit.trail("document", str(document_id)))]


def _page_size_mm(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split()[2:5]
    return round(float(width) * 25.4 / 72, 1), round(float(height) * 25.4 / 72, 1)


def test_a_card_printed_into_the_post_folder_is_issued(services: Services, data_dir: Path) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    job = services.printing.submit(clerk, document_id)  # the demo post's card queue: a folder
    assert job.queue == "folder:cards" and job.purpose is PrintPurpose.ISSUE
    assert job.id is not None
    job = services.printing.follow(job.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
    assert job.state is PrintJobState.COMPLETED
    document = services.documents.get(document_id)
    assert document.state is DocumentState.ISSUED
    assert document.events[-1].reason == f"print job {job.id} completed on folder:cards"
    printed = sorted(p.name for p in (data_dir / "printed" / "cards").iterdir())
    assert any(n.endswith(".pdf") for n in printed) and any(n.endswith(".png") for n in printed)
    assert _actions(services, document_id)[-3:] == [
        "print.submitted",
        "print.completed",
        "document.issue",
    ]


def test_the_card_printer_prints_an_id1_card_and_the_document_is_issued(
    services: Services, cups: ThrowawayCups
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    before = set(cups.output_pdfs())
    job = services.printing.submit(clerk, document_id, CARD_QUEUE)
    assert job.id is not None and job.spooler_job_id
    job = services.printing.follow(job.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
    assert job.state is PrintJobState.COMPLETED, job
    assert services.documents.get(document_id).state is DocumentState.ISSUED
    (output,) = set(cups.output_pdfs()) - before
    assert _page_size_mm(output) == (85.6, 54.0)
    text = subprocess.run(
        ["pdftotext", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    number = services.documents.get(document_id).number
    assert number is not None and number in text.replace(" ", "")


def test_a_stopped_queue_keeps_the_job_waiting_with_the_reason_and_retry_completes_it(
    services: Services, cups: ThrowawayCups, data_dir: Path
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    cups.disable(CARD_QUEUE, "Card hopper empty")
    job = services.printing.submit(clerk, document_id, CARD_QUEUE)
    assert job.id is not None
    waiting = services.printing.follow(job.id, timeout_s=1.0, poll_s=POLL_S)
    assert waiting.state is PrintJobState.QUEUED
    assert (waiting.condition, waiting.detail) == ("queue_stopped", "Card hopper empty")
    assert services.documents.get(document_id).state is DocumentState.PRODUCED

    # The workstation restarts: the waiting job is still there and is followed again.
    services.close()
    again = build_services(data_dir)
    try:
        assert [j.id for j in again.printing.live_jobs()] == [job.id]
        cups.enable(CARD_QUEUE)
        done = again.printing.retry(clerk, job.id)
        done = again.printing.follow(job.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
        assert done.state is PrintJobState.COMPLETED and done.attempt == 1
        assert again.documents.get(document_id).state is DocumentState.ISSUED
    finally:
        again.close()


def test_a_cancelled_job_leaves_the_document_produced_and_can_be_sent_again(
    services: Services, cups: ThrowawayCups
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    cups.disable(CARD_QUEUE, "paused for the test")
    job = services.printing.submit(clerk, document_id, CARD_QUEUE)
    assert job.id is not None
    cancelled = services.printing.cancel(clerk, job.id)
    assert cancelled.state is PrintJobState.CANCELLED
    with pytest.raises(LifecycleError):
        services.printing.cancel(clerk, job.id)
    cups.enable(CARD_QUEUE)
    second = services.printing.retry(clerk, job.id)
    assert second.attempt == 2 and second.id != job.id and second.id is not None
    second = services.printing.follow(second.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
    assert second.state is PrintJobState.COMPLETED
    assert services.documents.get(document_id).state is DocumentState.ISSUED
    assert [j.state for j in services.printing.jobs_for(document_id)] == [
        PrintJobState.CANCELLED,
        PrintJobState.COMPLETED,
    ]


def test_a_queue_that_does_not_exist_fails_the_job_which_a_retry_on_the_right_queue_completes(
    services: Services, cups: ThrowawayCups
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    failed = services.printing.submit(clerk, document_id, "NoSuchPrinter")
    assert (failed.state, failed.condition) == (PrintJobState.FAILED, "queue_missing")
    assert services.documents.get(document_id).state is DocumentState.PRODUCED
    assert failed.id is not None
    retried = services.printing.retry(clerk, failed.id, CARD_QUEUE)
    assert retried.id is not None
    done = services.printing.follow(retried.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
    assert done.state is PrintJobState.COMPLETED
    assert services.documents.get(document_id).state is DocumentState.ISSUED


def test_a_spoiled_card_is_counted_and_the_reprint_does_not_issue_twice(
    services: Services,
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    job = services.printing.submit(clerk, document_id)
    assert job.id is not None
    services.printing.follow(job.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
    with pytest.raises(DomainError) as caught:
        services.printing.spoil(clerk, job.id, "  ")
    assert caught.value.field == "reason"
    spoiled = services.printing.spoil(clerk, job.id, "ribbon creased across the portrait")
    assert spoiled.state is PrintJobState.SPOILED
    document = services.documents.get(document_id)
    assert document.state is DocumentState.ISSUED and document.spoiled_copies == 1
    again = services.printing.retry(clerk, job.id)
    assert again.id is not None
    again = services.printing.follow(again.id, timeout_s=FOLLOW_S, poll_s=POLL_S)
    assert again.state is PrintJobState.COMPLETED and again.attempt == 2
    issues = [a for a in _actions(services, document_id) if a == "document.issue"]
    assert issues == ["document.issue"]


def test_an_issued_document_is_reprinted_only_with_a_reason(services: Services) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    services.printing.confirm_manual_print(clerk, document_id, "printed at the embassy annex")
    document = services.documents.get(document_id)
    assert document.state is DocumentState.ISSUED
    assert document.events[-1].reason == "printed manually: printed at the embassy annex"
    with pytest.raises(DomainError) as caught:
        services.printing.submit(clerk, document_id)
    assert (caught.value.code, caught.value.field) == ("print.reprint_reason_required", "reason")
    reprint = services.printing.submit(clerk, document_id, reason="first card lost at the counter")
    assert reprint.purpose is PrintPurpose.REPRINT


def test_a_request_that_was_not_produced_cannot_be_printed(services: Services) -> None:
    clerk = _officer(services, "clerk")
    person_id = services.persons.add(clerk, PERSON)  # type: ignore[arg-type]
    document_id = services.documents.create(clerk, "consular_id_card", person_id)
    with pytest.raises(LifecycleError) as caught:
        services.printing.submit(clerk, document_id)
    assert caught.value.code == "print.document_not_printable"
    with pytest.raises(DomainError) as manual:
        services.printing.confirm_manual_print(clerk, document_id, "")
    assert manual.value.field == "reason"


def test_without_a_printer_set_up_the_officer_is_told_where_to_set_one(
    services: Services,
) -> None:
    clerk = _officer(services, "clerk")
    document_id = _produced_card(services)
    bare = PrintService(services.db, services.clock, services.printing._pool, lambda _t: None)
    with pytest.raises(DomainError) as caught:
        bare.submit(clerk, document_id)
    assert (caught.value.code, caught.value.field) == ("print.no_queue", "queue")
    assert services.printing.jobs_for(document_id) == []


def test_the_print_command_waits_and_exits_7_with_the_reason_when_the_queue_is_stopped(
    services: Services,
    cups: ThrowawayCups,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document_id = _produced_card(services)
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    base = ["--data-dir", str(data_dir)]
    cups.disable(CARD_QUEUE, "Ribbon empty")
    capsys.readouterr()
    command = ["print", str(document_id), "--queue", CARD_QUEUE, "--timeout", "1"]
    code = main([*base, *command, "--officer", "clerk"])
    out = capsys.readouterr().out
    assert code == 7
    assert "queued" in out and "The printer queue is stopped" in out and "Ribbon empty" in out
    assert "you may: cancel, retry, wait" in out
    cups.enable(CARD_QUEUE)
    (job,) = services.printing.jobs_for(document_id)
    code = main([*base, "--json", "print-job", "retry", str(job.id), "--officer", "clerk"])
    assert code == 0
    assert services.documents.get(document_id).state is DocumentState.ISSUED


def test_an_administrator_chooses_the_card_printer_and_the_choice_is_kept_and_audited(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ["--data-dir", str(data_dir)]
    monkeypatch.setenv("CONSULAR_PASSWORD", "clerk-demo-1")
    assert main([*base, "devices", "use", "--card-printer", CARD_QUEUE, "--officer", "clerk"]) == 3
    monkeypatch.setenv("CONSULAR_PASSWORD", "admin-demo-1")
    choice = ["--card-printer", CARD_QUEUE, "--reader", ""]
    code = main([*base, "--json", "devices", "use", *choice, "--officer", "admin"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["card_printer"] == CARD_QUEUE
    site = (data_dir / "site.toml").read_text()
    assert f'card_printer = "{CARD_QUEUE}"' in site and 'a4_printer = "folder:a4"' in site
    assert "# System print queue names" in site  # the comments stay
    built = build_services(data_dir)
    try:
        assert built.printing.queue_for(PrintTarget.CARD) == CARD_QUEUE
        (entry,) = [
            e for e in built.audit.trail("post", "UTO-GVA") if e.action == "devices.configured"
        ]
        assert entry.actor == "admin" and entry.details == {
            "card_printer": CARD_QUEUE,
            "reader": "",
        }
    finally:
        built.close()
