"""Work beside this process: a function run in a forked process on another core.

The forked process shares everything loaded so far copy-on-write, so nothing big is sent to it; only
the function's result comes back (pickled into a temporary file). The process ends as soon as it is
done: a forked process that lingered would keep its copies of every page it touched (reference counts
write to them) and, while it lives, every page this process changes costs a copy too. Without ``fork``
(or when asked not to) the function runs here at once; if the other process dies (out of memory, say)
it runs here when its result is asked for. So the result is the same either way, which the tests of
each user check.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


def _work(function: Callable[..., Any], args: tuple[Any, ...], path: str) -> None:
    """In the forked process: compute, write the result, leave without running this process's cleanups."""
    code = 1
    try:
        value = function(*args)
        with open(path, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)


class Beside(Generic[T]):
    """``function(*args)``, computed in a forked process when ``fork`` is true and one can be made."""

    def __init__(self, function: Callable[..., T], *args: Any, fork: bool = True) -> None:
        self.function, self.args = function, args
        self.process: Any = None
        self.path: str | None = None
        self.value: T | None = None
        self.done = False
        if fork:
            try:
                import multiprocessing

                fd, self.path = tempfile.mkstemp(prefix="kinerja-beside-")
                os.close(fd)
                self.process = multiprocessing.get_context("fork").Process(
                    target=_work, args=(function, args, self.path), daemon=True)
                self.process.start()
            except (OSError, ValueError, RuntimeError):
                self._forget()
                self.process = None
        if self.process is None:
            self.value, self.done = function(*args), True

    @property
    def ready(self) -> bool:
        """True when the result is already here (computed in this process)."""
        return self.done

    def result(self) -> T:
        if not self.done:
            self.process.join()
            try:
                if self.process.exitcode != 0 or self.path is None:
                    raise OSError(f"exit {self.process.exitcode}")
                with open(self.path, "rb") as handle:
                    self.value = pickle.load(handle)
            except (OSError, EOFError, pickle.UnpicklingError):  # the other process died: compute it here
                self.value = self.function(*self.args)
            finally:
                self._forget()
            self.done = True
        return self.value  # type: ignore[return-value]

    def _forget(self) -> None:
        if self.path is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            self.path = None
