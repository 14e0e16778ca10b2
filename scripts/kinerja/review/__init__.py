"""Beside the pipeline: the review of proposed changes (pull/merge requests) in Git.

``kinerja review`` (:mod:`.engine`, :mod:`.render`) summarises a change and says who must approve it
(:mod:`.approvers`) and whether it breaks a rule — period locks in :mod:`.locks`, what depends on what in
:mod:`.impact`; ``kinerja codeowners`` writes CODEOWNERS from the data (:mod:`.codeowners`);
``kinerja verify-approvals`` checks ``Approved-by`` trailers (:mod:`.approvals`); ``kinerja show contract``
reads a contract as of a date from history (:mod:`.history`). Git stays in :mod:`.gitio` and :mod:`.trees`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["contract_at", "contract_history", "stale_codeowners"]

_HOMES = {"contract_at": "history", "contract_history": "history", "stale_codeowners": "codeowners"}


def __getattr__(name: str) -> Any:
    """The public functions, imported on first use (GitPython stays out of every other command's start)."""
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(name)
