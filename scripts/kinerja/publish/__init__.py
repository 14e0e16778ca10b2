"""Step 4 of the pipeline: publish the validated, scored data as a static site (Markdown tree + assets).

``generate_site(loaded, run, out_dir, mode="public", lang="id")`` writes everything; ``kinerja site`` is
its command and the MkDocs plugin ``kinerja`` its adapter. The names are imported on first use, so the
command line does not pay for the site's imports when it runs another command.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SiteError", "SiteResult", "generate_site"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import site

        return getattr(site, name)
    raise AttributeError(name)
