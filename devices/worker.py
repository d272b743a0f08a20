"""One named worker thread per device, shared by every device kind.

Why one thread per device: drivers and their libraries (pycups' connection,
pyscard's card handle, a V4L2 capture) are not safe to use from several threads
at once, and a slow device (a card printer feeding a card, a reader timing out)
must not block the GUI thread nor the other devices. Calls to one device are
therefore queued on its own single-thread executor, in order, and the caller gets
a :class:`concurrent.futures.Future` it can wait on or attach a callback to (a Qt
caller re-emits the result as a signal on the GUI thread).

The thread is named (``device-<name>``) so a dangling-thread check or a stack dump
says which device it belongs to, and :meth:`DeviceWorker.shutdown` joins it, so
tests and application exit leave no thread behind.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable
from types import TracebackType
from typing import ParamSpec, TypeVar

__all__ = ["DeviceWorker"]

_log = logging.getLogger(__name__)

_P = ParamSpec("_P")
_T = TypeVar("_T")


class DeviceWorker:
    """A single-thread executor for one device, used as a context manager or closed by hand.

    ``submit(fn, *args, **kwargs)`` runs ``fn`` on the device's thread and returns a
    Future; exceptions raised by ``fn`` (typically :class:`devices.errors.DeviceError`)
    are delivered through the Future, never lost. After :meth:`shutdown`,
    ``submit`` raises ``RuntimeError`` (the executor's behaviour).
    """

    def __init__(self, name: str) -> None:
        if not name.strip():
            raise ValueError("a DeviceWorker needs the device's name")
        self.name = name
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"device-{name}"
        )

    def submit(
        self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs
    ) -> concurrent.futures.Future[_T]:
        """Queue ``fn(*args, **kwargs)`` on the device thread, after earlier calls."""
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, *, cancel_pending: bool = True, wait: bool = True) -> None:
        """Stop the thread: queued calls not yet started are cancelled (by default),
        the running one is allowed to finish, and with ``wait`` the thread is joined.

        Idempotent. A call that blocks on the device (a long print wait) should be
        written with a timeout so shutdown cannot hang on it.
        """
        _log.debug("shutting down device worker %s", self.name)
        self._executor.shutdown(wait=wait, cancel_futures=cancel_pending)

    def __enter__(self) -> DeviceWorker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"
