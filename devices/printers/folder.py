"""A printer backend that writes files: for posts without a card printer, and for tests.

Each queue is a sub-folder of ``root``. Printing writes ``<queue>/<job id>.pdf`` (the
exact PDF the card printer would have received) and, when poppler's ``pdftoppm`` is on
PATH, one PNG per page (``<job id>-1.png`` ...) for a quick look; without pdftoppm only
the PDF is written. A small ``<job id>.json`` records title, media and page count.

The job id is the file stem (a UTC timestamp and a random suffix), so :meth:`status`
needs nothing but the folder: it works in a new process after a restart. A job completes
as soon as its files are in place (written to a temporary name, then renamed), so there
is nothing to cancel afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from devices.errors import DeviceError
from devices.printers.backend import PrinterBackend
from devices.printers.jobs import JobState, JobStatus, PrintRequest
from devices.printers.queues import PrintQueue, QueueState

__all__ = ["FolderBackend"]

_log = logging.getLogger(__name__)

_PDFTOPPM_TIMEOUT_S: Final = 30.0


class FolderBackend(PrinterBackend):
    """Queues are the sub-folders of ``root``; ``queues`` are created if missing.

    ``png_dpi`` sets the PNG resolution (``None``: PDF only, e.g. for large A4 runs).
    """

    name = "folder"

    def __init__(
        self, root: Path, queues: Iterable[str] = (), *, png_dpi: int | None = 300
    ) -> None:
        self.root = Path(root)
        self.png_dpi = png_dpi
        for queue in queues:
            (self.root / queue).mkdir(parents=True, exist_ok=True)

    def __repr__(self) -> str:
        return f"FolderBackend({str(self.root)!r})"

    def _queue_dir(self, queue: str) -> Path:
        folder = self.root / queue
        if not folder.is_dir():
            raise DeviceError("printer.queue_missing", f"no folder {folder}")
        return folder

    def _list_queues(self) -> list[PrintQueue]:
        try:
            folders = sorted(p for p in self.root.iterdir() if p.is_dir())
        except OSError as exc:
            raise DeviceError("printer.spooler_unavailable", f"{self.root}: {exc}") from exc
        return [
            PrintQueue(
                p.name,
                QueueState.IDLE,
                message="",
                accepting_jobs=os.access(p, os.W_OK),
                description=f"files in {p}",
                device_uri=p.as_uri(),
            )
            for p in folders
        ]

    def _submit(self, queue: str, request: PrintRequest) -> str:
        folder = self._queue_dir(queue)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        job_id = f"{stamp}-{secrets.token_hex(4)}"
        pages = self._write_pngs(folder, job_id, request.pdf)
        meta = {
            "title": request.title,
            "media": str(request.media),
            "duplex": request.duplex,
            "copies": request.copies,
            "pages": pages,
        }
        try:
            _write_atomically(folder / f"{job_id}.json", json.dumps(meta).encode())
            # The PDF last: its presence is what makes the job completed.
            _write_atomically(folder / f"{job_id}.pdf", request.pdf)
        except OSError as exc:
            raise DeviceError(
                "printer.submit_failed", f"cannot write into {folder}: {exc}"
            ) from exc
        return job_id

    def _write_pngs(self, folder: Path, job_id: str, pdf: bytes) -> int | None:
        """Render one PNG per page if pdftoppm exists; return the page count or None."""
        pdftoppm = shutil.which("pdftoppm")
        if self.png_dpi is None or pdftoppm is None:
            return None
        prefix = folder / f".{job_id}"
        try:
            subprocess.run(
                [pdftoppm, "-png", "-r", str(self.png_dpi), "-", str(prefix)],
                input=pdf,
                capture_output=True,
                timeout=_PDFTOPPM_TIMEOUT_S,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            _log.warning("folder printer: no PNG preview for %s: %s", job_id, exc)
            for leftover in folder.glob(f".{job_id}-*.png"):
                leftover.unlink(missing_ok=True)
            return None
        # pdftoppm pads page numbers to the page count's width (-01.png for 10+ pages).
        rendered = sorted(
            folder.glob(f".{job_id}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
        )
        for number, png in enumerate(rendered, start=1):
            png.replace(folder / f"{job_id}-{number}.png")
        return len(rendered)

    def _status(self, queue: str, job_id: str) -> JobStatus:
        folder = self._queue_dir(queue)
        if not (folder / f"{job_id}.pdf").is_file():
            raise DeviceError("printer.job_missing", f"no {job_id}.pdf in {folder}")
        pages: int | None = None
        try:
            meta: object = json.loads((folder / f"{job_id}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = None
        if isinstance(meta, dict) and isinstance(meta.get("pages"), int):
            pages = meta["pages"]
        return JobStatus(job_id, queue, JobState.COMPLETED, pages=pages)

    def _cancel(self, queue: str, job_id: str) -> None:
        status = self._status(queue, job_id)
        raise DeviceError("printer.job_final", f"job {job_id} is already {status.state}")


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
