"""Escaping: the only way text from the data reaches a page.

MkDocs passes raw HTML through untouched, and Markdown turns ``[x](javascript:alert(1))`` into a live
link even after HTML escaping. So every string that comes from the data goes through :func:`text`,
which HTML-escapes it *and* writes every character Markdown (or one of its extensions) gives a
meaning as a numeric character reference. The result reads the same in a browser, in the search index
and in the table of contents, and no combination of characters in the data can become markup, a link
or an attribute. Links from the data go through :func:`safe_url`: only ``http`` and ``https``.
Invisible characters (bidirectional overrides and isolates, zero-width characters; see
:mod:`kinerja.plaintext`) are dropped from every string, so nothing is published that reads in another
order than it is stored, and a URL holding one is not made a link.

Data-bearing blocks (tables, lists, figures) are written as raw HTML blocks built with these helpers;
Python-Markdown stashes a raw block whole, so nothing inside it is parsed as Markdown.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from markupsafe import escape

from ..plaintext import strip as _visible

#: Characters that HTML or Markdown (with attr_list, tables, admonitions, toc) treat specially.
_SPECIAL = "&<>\"'\\`*_{}[]()#+!|~^$"
_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _SPECIAL}
#: In titles the page title is put through Jinja's ``striptags`` (which unescapes entities) into
#: ``<title>``: angle brackets become look-alikes there, so nothing can close the element.
_TITLE = {**_TABLE, ord("<"): "\u2039", ord(">"): "\u203a"}
_SPACE = re.compile(r"\s+")
_BREAKS = re.compile(r"\r\n|\r|\n")
_SAFE_SCHEME = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def text(value: Any) -> str:
    """``value`` as inert text for Markdown and HTML alike (line breaks become ``<br>``)."""
    if value is None:
        return ""
    out = _visible(str(value)).translate(_TABLE)
    return "<br>".join(_BREAKS.split(out)) if "\n" in out or "\r" in out else out


def inline(value: Any) -> str:
    """Like :func:`text` on one line (headings, list items): whitespace collapsed."""
    if value is None:
        return ""
    return _SPACE.sub(" ", _visible(str(value))).strip().translate(_TABLE)


def title(value: Any) -> str:
    """Text for a page's first heading, which MkDocs also uses as the page title."""
    if value is None:
        return ""
    return _SPACE.sub(" ", _visible(str(value))).strip().translate(_TITLE)


def attr(value: Any) -> str:
    """A value for an HTML attribute written by this package (ids, classes, our own URLs)."""
    return str(escape("" if value is None else _visible(str(value))))


def safe_url(value: Any) -> str | None:
    """``value`` when it is an absolute http(s) URL without spaces or quotes; else ``None``."""
    if not isinstance(value, str):
        return None
    candidate = value.strip()
    if _visible(candidate) != candidate:
        return None  # a link whose shown and real address could differ
    return candidate if _SAFE_SCHEME.match(candidate) else None


def link(href: str, label_html: str, **attrs: str) -> str:
    """An ``<a>`` to one of our own pages or assets (``href`` built by the site, never from data)."""
    extra = "".join(f' {k.replace("_", "-")}="{attr(v)}"' for k, v in attrs.items() if v is not None)
    return f'<a href="{attr(href)}"{extra}>{label_html}</a>'


def data_link(url: Any, label: Any) -> str:
    """A link taken from the data (evidence): live only for http(s), otherwise shown as text."""
    safe = safe_url(url)
    shown = text(label if label not in (None, "") else url)
    if safe is None:
        return shown + (f" ({text(url)})" if url and label else "")
    return f'<a href="{attr(safe)}" rel="nofollow noopener noreferrer" target="_blank">{shown}</a>'


def cell(content: str, *, header: bool = False, cls: str | None = None, key: str | None = None,
         numeric: bool = False) -> str:
    """One table cell of already-escaped ``content``; ``key`` becomes ``data-k`` (used by tests)."""
    tag = "th" if header else "td"
    classes = " ".join(c for c in (cls, "num" if numeric else None) if c)
    extra = (f' class="{attr(classes)}"' if classes else "") + (f' data-k="{attr(key)}"' if key else "")
    return f"<{tag}{extra}>{content}</{tag}>"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, cls: str = "kj-table", caption: str | None = None,
          numeric: Sequence[int] = ()) -> str:
    """A raw HTML table block. ``headers`` are escaped here; ``rows`` hold cells already built
    (strings from :func:`text` or :func:`cell`). A row item that starts with ``<td``/``<th`` is used
    as is."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, item in enumerate(row):
            if item.startswith(("<td", "<th")):
                cells.append(item)
            else:
                cells.append(cell(item, numeric=i in numeric))
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{caption}</caption>" if caption else ""
    return (f'<div class="kj-scroll"><table class="{attr(cls)}">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def block(html: str) -> str:
    """A raw HTML block for a Markdown page: blank lines around it, none inside."""
    return "\n" + html.replace("\n\n", "\n") + "\n"
