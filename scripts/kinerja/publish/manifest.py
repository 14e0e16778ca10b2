"""The site's manifest: proof, in the built site, that kinerja wrote its pages.

``kinerja site`` (and so the MkDocs plugin) writes ``kinerja-site.json`` at the root of the Markdown
tree: the privacy mode and every page it wrote. Any engine copies it into the built site like any other
file. :func:`check_site` reads it back from the *built* site and refuses a site without it (the engine
ran without the plugin, e.g. Zensical reading mkdocs.yml, which runs no MkDocs plugins: a site of the
hand-written pages only, without one unit page), a site missing pages it lists, and a site built in
another privacy mode than the deploy expects (a staff site on public Pages). ``kinerja check-site`` is
its command; every deploy template runs it between the build and the upload.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..report import Problem

NAME = "kinerja-site.json"
VERSION = 1


def render(mode: str, pages: Iterable[str], languages: Iterable[str]) -> str:
    """The manifest's text: the mode, the languages and every Markdown page written (sorted)."""
    data = {"kinerja_site": VERSION, "mode": mode, "languages": list(languages),
            "pages": sorted(p for p in set(pages) if p.endswith(".md"))}
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def built_paths(page: str) -> tuple[str, ...]:
    """Where an engine may have written ``page`` (a .md path): directory URLs or plain .html files."""
    stem = page[:-3]
    if stem == "index" or stem.endswith("/index"):
        return (f"{stem}.html",)
    return (f"{stem}/index.html", f"{stem}.html")


def check_site(site_dir: Path, expected_mode: str | None = None) -> list[Problem]:
    """Problems that make the built site in ``site_dir`` unfit to publish (none: fit)."""
    shown = str(site_dir)
    path = site_dir / NAME
    if not path.is_file():
        return [Problem("K851", shown, params=(("path", shown), ("marker", NAME)))]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mode, pages = data["mode"], data["pages"]
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            raise ValueError("'pages' is not a list of paths")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [Problem("K854", shown, params=(("path", shown), ("marker", NAME), ("detail", str(exc))))]
    problems: list[Problem] = []
    if expected_mode is not None and mode != expected_mode:
        problems.append(Problem("K853", shown, params=(("path", shown), ("mode", mode), ("expected", expected_mode))))
    missing = [p for p in pages if not any((site_dir / b).is_file() for b in built_paths(p))]
    if missing or not pages:
        problems.append(Problem("K852", shown, params=(("path", shown), ("count", len(missing) or "semua / all"),
                                                       ("example", (missing or [NAME])[0]))))
    return problems
