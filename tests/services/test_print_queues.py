"""The printers an officer may choose: the post's queue for the output first, then the queues
the private CUPS scheduler reports with their states, and only the configured ones (no error)
when there is no scheduler to ask."""

from __future__ import annotations

from pathlib import Path

from devices.printers import CupsBackend, QueueState
from tests.support.cups import A4_QUEUE, CARD_QUEUE, ThrowawayCups
from workstation.domain.printing import PrintTarget
from workstation.services.print_queues import PrinterPool, QueueKind
from workstation.services.printing import PrintService
from workstation.wiring import Services


def _with_queues(
    services: Services, card: str | None, a4: str | None, pool: PrinterPool | None = None
) -> PrintService:
    queues = {PrintTarget.CARD: card, PrintTarget.A4: a4}
    return PrintService(services.db, services.clock, pool or services.printing._pool, queues.get)


def test_the_post_queue_comes_first_then_the_cups_queues_with_their_states(
    services: Services, data_dir: Path, cups: ThrowawayCups
) -> None:
    cups.disable(A4_QUEUE, "Paper jam in tray 2")
    try:
        card = services.printing.available_queues(PrintTarget.CARD)
        a4 = services.printing.available_queues(PrintTarget.A4)
    finally:
        cups.enable(A4_QUEUE)
    # The demo post prints into folders: its card folder first, then CUPS, then its A4 folder.
    assert [c.name for c in card] == ["folder:cards", CARD_QUEUE, A4_QUEUE, "folder:a4"]
    first = card[0]
    assert (first.kind, first.post_default, first.role) == (
        QueueKind.FOLDER,
        True,
        PrintTarget.CARD,
    )
    assert first.state is QueueState.IDLE and first.description.endswith("cards")
    by_name = {c.name: c for c in card}
    assert by_name[CARD_QUEUE].kind is QueueKind.SYSTEM
    assert by_name[CARD_QUEUE].state is QueueState.IDLE and not by_name[CARD_QUEUE].stopped
    assert not by_name[CARD_QUEUE].post_default and by_name[CARD_QUEUE].role is None
    stopped = by_name[A4_QUEUE]
    assert stopped.state is QueueState.STOPPED and stopped.stopped
    assert stopped.reason == "Paper jam in tray 2"
    a4_folder = by_name["folder:a4"]
    assert (a4_folder.post_default, a4_folder.role) == (False, PrintTarget.A4)
    # For an ETD the A4 folder is the default and comes first.
    assert [c.name for c in a4] == ["folder:a4", CARD_QUEUE, A4_QUEUE, "folder:cards"]
    assert a4[0].post_default and not a4[-1].post_default


def test_a_configured_cups_queue_is_listed_once_with_its_state(
    services: Services, cups: ThrowawayCups
) -> None:
    printing = _with_queues(services, CARD_QUEUE.lower(), A4_QUEUE)
    choices = printing.available_queues(PrintTarget.CARD)
    # CUPS names are case-insensitive: the configured spelling is the spooler's queue.
    assert [c.name for c in choices] == [CARD_QUEUE, A4_QUEUE]
    assert choices[0].post_default and choices[0].state is QueueState.IDLE
    assert choices[1].role is PrintTarget.A4 and not choices[1].post_default
    missing = _with_queues(services, "NoSuchPrinter", None).available_queues(PrintTarget.CARD)
    assert missing[0].name == "NoSuchPrinter" and missing[0].state is None
    assert missing[0].problem == "printer.queue_missing"


def test_without_cups_only_the_configured_queues_are_offered(
    services: Services, data_dir: Path, tmp_path: Path
) -> None:
    # libcups remembers CUPS_SERVER per thread once read: the scheduler is named explicitly.
    unreachable = PrinterPool(
        data_dir / "printed", lambda: CupsBackend(server=str(tmp_path / "no-cupsd.sock"))
    )
    demo = _with_queues(services, "folder:cards", "folder:a4", unreachable)
    assert [c.name for c in demo.available_queues(PrintTarget.CARD)] == [
        "folder:cards",
        "folder:a4",
    ]
    printing = _with_queues(services, CARD_QUEUE, "folder:a4", unreachable)
    choices = printing.available_queues(PrintTarget.A4)
    assert [c.name for c in choices] == ["folder:a4", CARD_QUEUE]
    unknown = choices[1]
    assert unknown.state is None and unknown.problem == "printer.spooler_unavailable"
    assert unknown.role is PrintTarget.CARD and not unknown.stopped
