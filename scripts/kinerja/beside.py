"""Work beside this process: a function run in a forked process on another core.

The forked process shares everything loaded so far copy-on-write, so nothing big is sent to it; only
the function's result is pickled back. Without ``fork`` (or when asked not to) the function runs here
at once; if the other process dies (out of memory, say) it runs here when its result is asked for. So
the result is the same either way, which the tests of each user check.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")

_WORK: dict[int, tuple[Callable[..., Any], tuple[Any, ...]]] = {}  # read by the forked process


def _call(key: int) -> Any:
    function, args = _WORK[key]
    return function(*args)


class Beside(Generic[T]):
    """``function(*args)``, computed in a forked process when ``fork`` is true and one can be made."""

    def __init__(self, function: Callable[..., T], *args: Any, fork: bool = True) -> None:
        self.function, self.args = function, args
        self.future: Any = None
        self.pool: Any = None
        self.value: T | None = None
        self.done = False
        if fork:
            try:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                _WORK[id(self)] = (function, args)
                self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
                self.future = self.pool.submit(_call, id(self))
            except (OSError, ValueError, RuntimeError):
                _WORK.pop(id(self), None)
                self.future = None
        if self.future is None:
            self.value, self.done = function(*args), True

    @property
    def ready(self) -> bool:
        """True when the result is already here (computed in this process)."""
        return self.done

    def result(self) -> T:
        if not self.done:
            try:
                self.value = self.future.result()
            except Exception:  # noqa: BLE001 - the other process died: compute it here instead
                self.value = self.function(*self.args)
            finally:
                self.pool.shutdown()
                _WORK.pop(id(self), None)
            self.done = True
        return self.value  # type: ignore[return-value]
